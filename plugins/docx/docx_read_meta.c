/* Metadata from docProps: core.xml first, then custom.xml on top (plugins/docx/README.md).
 * docpipe's own documents join lists with exactly "; "; foreign ones are split more
 * loosely (";" or "," for keywords) and trimmed. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "docx_r.h"
#include "value_json.h"


/* Sets key to a string, cleaning bytes the model refuses. */
static int S_set_string(docx_r_ctx *c, docpipe_value *meta, const char *key, const char *s) {
  size_t n = 0;
  char *clean = docpipe_utf8_clean(s, strlen(s), &n);
  if (!clean) return docpipe_error_set(c->err, DOCPIPE_ENOMEM, "docx: out of memory");
  docpipe_value *v = docpipe_value_new_string_n(clean, n);
  docpipe_free(clean);
  if (!v) return docpipe_error_set(c->err, DOCPIPE_ENOMEM, "docx: out of memory");
  if (docpipe_value_set(meta, key, v) < 0)
    docpipe_args_warn(c->args, "docx: metadata key \"%.80s\" skipped", key);
  return 0;
}

static void S_trim(const char **s, size_t *n) {
  while (*n && (**s == ' ' || **s == '\t' || **s == '\n' || **s == '\r')) (*s)++, (*n)--;
  while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t' || (*s)[*n - 1] == '\n' ||
                (*s)[*n - 1] == '\r'))
    (*n)--;
}

/* Splits `s` into a list: on exactly "; " for docpipe documents, else on any of `seps`
 * with trimming and empty items dropped. */
static int S_set_list(docx_r_ctx *c, docpipe_value *meta, const char *key, const char *s,
                      const char *seps) {
  docpipe_value *list = docpipe_value_new_list();
  if (!list) return docpipe_error_set(c->err, DOCPIPE_ENOMEM, "docx: out of memory");
  const char *p = s;
  for (;;) {
    const char *end;
    size_t skip;
    if (c->docpipe_meta) {
      end = strstr(p, "; ");
      skip = 2;
    } else {
      end = p + strcspn(p, seps);
      skip = 1;
      if (!*end) end = NULL;
    }
    size_t n = end ? (size_t)(end - p) : strlen(p);
    const char *item = p;
    if (!c->docpipe_meta) S_trim(&item, &n);
    if (n || c->docpipe_meta) {
      size_t cn = 0;
      char *clean = docpipe_utf8_clean(item, n, &cn);
      docpipe_value *v = clean ? docpipe_value_new_string_n(clean, cn) : NULL;
      docpipe_free(clean);
      if (!v || docpipe_value_append(list, v) < 0) {
        docpipe_value_free(list);
        return docpipe_error_set(c->err, DOCPIPE_ENOMEM, "docx: out of memory");
      }
    }
    if (!end) break;
    p = end + skip;
  }
  if (docpipe_value_count(list) == 0) {
    docpipe_value_free(list);
    return 0;
  }
  docpipe_value_set(meta, key, list);
  return 0;
}

static int S_core(docx_r_ctx *c, docpipe_value *meta) {
  xmlDocPtr d = NULL;
  int rc = docx_r_xml_part(c, "docProps/core.xml", &d);
  if (rc < 0 || !d) return rc;
  for (xmlNodePtr k = xmlDocGetRootElement(d)->children; k && rc == 0; k = k->next) {
    if (k->type != XML_ELEMENT_NODE) continue;
    char *t = docx_r_text(k);
    if (!t) {
      rc = docpipe_error_set(c->err, DOCPIPE_ENOMEM, "docx: out of memory");
      break;
    }
    const char *name = (const char *)k->name;
    const char *key = NULL;
    if (strcmp(name, "title") == 0) key = DOCPIPE_META_TITLE;
    else if (strcmp(name, "created") == 0) key = DOCPIPE_META_DATE;
    else if (strcmp(name, "description") == 0) key = DOCPIPE_META_DESCRIPTION;
    else if (strcmp(name, "subject") == 0) key = "subject";
    else if (strcmp(name, "language") == 0) key = DOCPIPE_META_LANGUAGE;
    else if (strcmp(name, "identifier") == 0) key = DOCPIPE_META_URL;
    if (*t && key) {
      rc = S_set_string(c, meta, key, t);
    } else if (*t && strcmp(name, "creator") == 0) {
      rc = S_set_list(c, meta, DOCPIPE_META_AUTHORS, t, ";");
    } else if (*t && strcmp(name, "keywords") == 0) {
      rc = S_set_list(c, meta, DOCPIPE_META_TAGS, t, ";,");
    }
    free(t);
  }
  xmlFreeDoc(d);
  return rc;
}

static int S_custom(docx_r_ctx *c, xmlDocPtr d, docpipe_value *meta) {
  int rc = 0;
  for (xmlNodePtr k = xmlDocGetRootElement(d)->children; k && rc == 0; k = k->next) {
    if (!docx_r_is(k, "property")) continue;
    char *name = docx_r_attr(k, "name");
    xmlNodePtr val = k->children;
    while (val && val->type != XML_ELEMENT_NODE) val = val->next;
    char *t = val ? docx_r_text(val) : NULL;
    if (name && t && *name) {
      if (strncmp(name, "docpipe-body:", 13) == 0) {
        /* body facts docx has no place for, applied once the body is built */
        void **slot = strcmp(name + 13, "code-info") == 0    ? &c->code_info
                      : strcmp(name + 13, "list-tight") == 0 ? &c->list_tight
                                                             : NULL;
        json_t *j = slot ? json_loads(t, 0, NULL) : NULL;
        if (slot && json_is_array(j)) {
          json_decref(*slot);
          *slot = j;
        } else {
          json_decref(j);
        }
      } else if (strncmp(name, "docpipe-json:", 13) == 0 && name[13]) {
        json_error_t jerr;
        json_t *j = json_loads(t, JSON_DECODE_ANY, &jerr);
        docpipe_value *v = j ? vjson_to_value(j) : NULL;
        json_decref(j);
        if (!v)
          docpipe_args_warn(c->args, "docx: custom property %.80s is not valid docpipe JSON", name);
        else if (docpipe_value_set(meta, name + 13, v) < 0)
          docpipe_args_warn(c->args, "docx: metadata key \"%.80s\" skipped", name + 13);
      } else if (strncmp(name, "docpipe:", 8) == 0 && name[8]) {
        rc = S_set_string(c, meta, name + 8, t);
      } else if (strcmp(name, "date") == 0 && docpipe_date_iso_valid(t)) {
        /* pandoc keeps the article's date here; core.xml's "created" is the file's */
        rc = S_set_string(c, meta, DOCPIPE_META_DATE, t);
      } else if (strcmp(name, "abstract") == 0 && !docpipe_value_get(meta, DOCPIPE_META_DESCRIPTION)) {
        rc = S_set_string(c, meta, DOCPIPE_META_DESCRIPTION, t);
      } else if (strcmp(name, "abstract") == 0) {
        /* pandoc's abstract, already the description */
      } else if (!docpipe_value_get(meta, name) && docpipe_utf8_valid(name, strlen(name))) {
        rc = S_set_string(c, meta, name, t); /* foreign property, kept verbatim */
      }
    }
    free(name);
    free(t);
  }
  return rc;
}

/* app.xml tells docpipe's own documents from foreign ones. */
int docx_r_app(docx_r_ctx *c) {
  xmlDocPtr d = NULL;
  int rc = docx_r_xml_part(c, "docProps/app.xml", &d);
  if (rc < 0 || !d) return rc;
  xmlNodePtr a = docx_r_child(xmlDocGetRootElement(d), "Application");
  char *t = a ? docx_r_text(a) : NULL;
  c->is_docpipe = t && strcmp(t, "docpipe") == 0;
  free(t);
  xmlFreeDoc(d);
  return 0;
}

/* A document docpipe wrote keeps its docpipe: properties when Word or LibreOffice saves
 * it again (and its Application changes): its lists and header still follow the
 * convention. */
static int S_has_docpipe_props(xmlDocPtr d) {
  for (xmlNodePtr k = xmlDocGetRootElement(d)->children; k; k = k->next) {
    const char *name = docx_r_is(k, "property") ? docx_r_attr_ref(k, "name") : NULL;
    if (name && strncmp(name, "docpipe", 7) == 0 && (name[7] == ':' || name[7] == '-')) return 1;
  }
  return 0;
}

int docx_r_meta(docx_r_ctx *c, docpipe_doc *doc) {
  docpipe_value *meta = docpipe_doc_meta(doc);
  xmlDocPtr custom = NULL;
  int rc = docx_r_xml_part(c, "docProps/custom.xml", &custom);
  if (rc < 0) return rc;
  c->docpipe_meta = c->is_docpipe || (custom && S_has_docpipe_props(custom));
  rc = S_core(c, meta);
  if (rc == 0 && custom) rc = S_custom(c, custom, meta);
  xmlFreeDoc(custom);
  return rc;
}

void docx_r_body_facts(docx_r_ctx *c, docpipe_doc *doc) {
  json_t *info = c->code_info, *tight = c->list_tight;
  if ((info || tight) && doc) {
    size_t ni = 0, nt = 0;
    docpipe_iter *it = docpipe_iter_new(docpipe_doc_root(doc));
    docpipe_event ev;
    while (it && (ev = docpipe_iter_next(it)) != DOCPIPE_EVENT_DONE) {
      if (ev != DOCPIPE_EVENT_ENTER) continue;
      docpipe_node *n = docpipe_iter_node(it);
      docpipe_node_type t = docpipe_node_type_of(n);
      if (t == DOCPIPE_NODE_CODE_BLOCK && info) {
        const char *s = json_string_value(json_array_get(info, ni++));
        if (s && *s) docpipe_node_set_info(n, s);
      } else if (t == DOCPIPE_NODE_LIST && tight) {
        json_t *b = json_array_get(tight, nt++);
        if (json_is_boolean(b)) docpipe_node_set_list_tight(n, json_is_true(b));
      }
    }
    docpipe_iter_free(it);
  }
  json_decref(info);
  json_decref(tight);
  c->code_info = c->list_tight = NULL;
}
