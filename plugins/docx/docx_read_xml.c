/* Parsing package parts with libxml2, safely.  OOXML forbids DTDs (ECMA-376 Part 2,
 * 8.1.4), so a part with a DOCTYPE is refused as soon as the parser meets it: no
 * entity is ever declared, expanded or fetched, and "billion laughs" never starts.
 * No XML_PARSE_NOENT/DTDLOAD/HUGE: libxml2 keeps its 256-level depth cap. */
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "docx_r.h"

static void S_refuse_dtd(void *ctx, const xmlChar *name, const xmlChar *ext, const xmlChar *sys) {
  (void)name; (void)ext; (void)sys;
  xmlParserCtxtPtr p = ctx;
  p->_private = (void *)1;
  xmlStopParser(p);
}

static void S_quiet(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }

int docx_r_xml_part(docx_r_ctx *c, const char *name, xmlDocPtr *doc) {
  *doc = NULL;
  char *data = NULL;
  size_t len = 0;
  int rc = docx_r_zip_get(c, name, &data, &len);
  if (rc < 0 || !data) return rc;
  if (len > (size_t)0x7fffffff) {
    free(data);
    return docpipe_error_set(c->err, DOCPIPE_ELIMIT, "docx: %s is too large", name);
  }
  xmlParserCtxtPtr p = c->xml;
  if (!p && !(p = c->xml = xmlNewParserCtxt())) {
    free(data);
    return docpipe_error_set(c->err, DOCPIPE_ENOMEM, "docx: out of memory");
  }
  p->sax->internalSubset = S_refuse_dtd;
  p->sax->externalSubset = NULL;
  p->sax->resolveEntity = NULL;
  p->sax->entityDecl = NULL;
  p->sax->warning = S_quiet;
  p->sax->error = S_quiet;
  p->vctxt.error = S_quiet;
  p->vctxt.warning = S_quiet;
  p->_private = NULL;
  xmlDocPtr d = xmlCtxtReadMemory(p, data, (int)len, NULL, NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                      XML_PARSE_NOCDATA | XML_PARSE_COMPACT);
  free(data);
  if (p->_private || (d && (d->intSubset || d->extSubset))) {
    xmlFreeDoc(d);
    return docpipe_error_set(c->err, DOCPIPE_EPARSE,
                             "docx: %s has a DOCTYPE (DTDs and entities are not allowed in OOXML)",
                             name);
  }
  if (!d || !xmlDocGetRootElement(d)) {
    const xmlError *e = xmlCtxtGetLastError(p);
    char msg[200] = "empty document";
    if (e && e->message) {
      snprintf(msg, sizeof msg, "line %d: %s", e->line, e->message);
      size_t l = strlen(msg);
      while (l && (msg[l - 1] == '\n' || msg[l - 1] == ' ')) msg[--l] = '\0';
    }
    xmlFreeDoc(d);
    return docpipe_error_set(c->err, DOCPIPE_EPARSE, "docx: %s is not well-formed XML (%s)", name,
                             msg);
  }
  *doc = d;
  return 0;
}

int docx_r_is(xmlNodePtr n, const char *local) {
  return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, local) == 0;
}

xmlNodePtr docx_r_child(xmlNodePtr n, const char *local) {
  if (!n) return NULL;
  for (xmlNodePtr k = n->children; k; k = k->next)
    if (docx_r_is(k, local)) return k;
  return NULL;
}

char *docx_r_attr(xmlNodePtr n, const char *local) {
  if (!n) return NULL;
  for (xmlAttrPtr a = n->properties; a; a = a->next) {
    if (strcmp((const char *)a->name, local) != 0) continue;
    xmlChar *v = xmlNodeListGetString(n->doc, a->children, 1);
    if (!v) return strdup("");
    char *s = strdup((const char *)v);
    xmlFree(v);
    return s;
  }
  return NULL;
}

const char *docx_r_attr_ref(xmlNodePtr n, const char *local) {
  if (!n) return NULL;
  for (xmlAttrPtr a = n->properties; a; a = a->next) {
    if (strcmp((const char *)a->name, local) != 0) continue;
    xmlNodePtr t = a->children;
    if (!t) return "";
    /* one text node is the only form without a DTD (entities are refused) */
    if (t->type == XML_TEXT_NODE && !t->next && t->content) return (const char *)t->content;
    return NULL;
  }
  return NULL;
}

int docx_r_child_val_int(xmlNodePtr n, const char *local, int dflt) {
  const char *v = docx_r_attr_ref(docx_r_child(n, local), "val");
  if (!v) return dflt;
  char *end = NULL;
  long x = strtol(v, &end, 10);
  if (end == v || x < -1000000 || x > 1000000) return dflt;
  return (int)x;
}

int docx_r_onoff(xmlNodePtr props, const char *local) {
  xmlNodePtr k = docx_r_child(props, local);
  if (!k) return -1;
  const char *v = docx_r_attr_ref(k, "val");
  if (!v) return 1;
  return !(strcmp(v, "0") == 0 || strcmp(v, "false") == 0 || strcmp(v, "off") == 0 ||
           strcmp(v, "none") == 0);
}

char *docx_r_text(xmlNodePtr n) {
  xmlChar *v = xmlNodeGetContent(n);
  if (!v) return strdup("");
  char *s = strdup((const char *)v);
  xmlFree(v);
  return s;
}

/* OPC part names: absolute ("/word/x.xml") or relative to the source part's folder,
 * with "." and ".." segments.  Never escapes the package root. */
char *docx_r_resolve(const char *base_part, const char *target) {
  size_t cap = strlen(base_part) + strlen(target) + 2;
  char *path = malloc(cap);
  if (!path) return NULL;
  path[0] = '\0';
  if (target[0] != '/') {
    const char *slash = strrchr(base_part, '/');
    if (slash) {
      memcpy(path, base_part, (size_t)(slash - base_part + 1));
      path[slash - base_part + 1] = '\0';
    }
  }
  strcat(path, target);
  /* normalise segments in place */
  char *out = malloc(cap);
  if (!out) {
    free(path);
    return NULL;
  }
  size_t o = 0;
  char *save = NULL;
  for (char *seg = strtok_r(path, "/", &save); seg; seg = strtok_r(NULL, "/", &save)) {
    if (strcmp(seg, ".") == 0) continue;
    if (strcmp(seg, "..") == 0) {
      while (o > 0 && out[o - 1] != '/') o--;
      if (o > 0) o--;
      continue;
    }
    if (o) out[o++] = '/';
    size_t l = strlen(seg);
    memcpy(out + o, seg, l);
    o += l;
  }
  out[o] = '\0';
  free(path);
  return out;
}
