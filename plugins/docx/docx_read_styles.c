/* Relationships, styles and numbering: what a paragraph's style id and numId mean.
 * Styles are matched by id and by name, since Word localises neither ids nor names
 * the same way (Word: "Heading1"/"heading 1", LibreOffice: "Heading1"/"Heading 1",
 * pandoc: "Heading1"/"Heading 1"), and followed through w:basedOn. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "docx_r.h"

#define S_MAX_CHAIN 32

void docx_r_rels_free(docx_r_rel *rels, size_t n) {
  for (size_t i = 0; i < n; i++) {
    free(rels[i].id);
    free(rels[i].target);
    free(rels[i].type);
  }
  free(rels);
}

int docx_r_rels_load(docx_r_ctx *c, const char *part, docx_r_rel **rels, size_t *n) {
  *rels = NULL;
  *n = 0;
  xmlDocPtr d = NULL;
  int rc = docx_r_xml_part(c, part, &d);
  if (rc < 0 || !d) return rc;
  xmlNodePtr root = xmlDocGetRootElement(d);
  size_t cnt = 0;
  for (xmlNodePtr k = root->children; k; k = k->next)
    if (docx_r_is(k, "Relationship")) cnt++;
  docx_r_rel *r = calloc(cnt ? cnt : 1, sizeof *r);
  if (!r) {
    xmlFreeDoc(d);
    return docpipe_error_set(c->err, DOCPIPE_ENOMEM, "docx: out of memory");
  }
  size_t i = 0;
  for (xmlNodePtr k = root->children; k; k = k->next) {
    if (!docx_r_is(k, "Relationship")) continue;
    r[i].id = docx_r_attr(k, "Id");
    r[i].target = docx_r_attr(k, "Target");
    r[i].type = docx_r_attr(k, "Type");
    char *mode = docx_r_attr(k, "TargetMode");
    r[i].external = mode && strcmp(mode, "External") == 0;
    free(mode);
    i++;
  }
  xmlFreeDoc(d);
  *rels = r;
  *n = i;
  return 0;
}

const docx_r_rel *docx_r_rel_find(const docx_r_ctx *c, const char *id) {
  if (!id) return NULL;
  for (size_t i = 0; i < c->nrels; i++)
    if (c->rels[i].id && strcmp(c->rels[i].id, id) == 0) return &c->rels[i];
  return NULL;
}

/* The part a relationship of `type` (its last path segment) points at from the main
 * part, or `fallback`. */
static char *S_related_part(docx_r_ctx *c, const char *type, const char *fallback) {
  for (size_t i = 0; i < c->nrels; i++) {
    const char *t = c->rels[i].type ? strrchr(c->rels[i].type, '/') : NULL;
    if (t && strcmp(t + 1, type) == 0 && c->rels[i].target && !c->rels[i].external)
      return docx_r_resolve(c->main_part, c->rels[i].target);
  }
  return strdup(fallback);
}

static char *S_lower_nospace(const char *s) {
  if (!s) return NULL;
  char *o = malloc(strlen(s) + 1), *p = o;
  if (!o) return NULL;
  for (; *s; s++)
    if (*s != ' ' && *s != '_' && *s != '-') *p++ = (char)tolower((unsigned char)*s);
  *p = '\0';
  return o;
}

/* Same as S_lower_nospace into a caller's buffer; NULL when it does not fit. */
static char *S_key(const char *s, char *buf, size_t cap) {
  size_t o = 0;
  for (; *s; s++) {
    if (*s == ' ' || *s == '_' || *s == '-') continue;
    if (o + 1 >= cap) return NULL;
    buf[o++] = (char)tolower((unsigned char)*s);
  }
  buf[o] = '\0';
  return buf;
}

int docx_r_styles_load(docx_r_ctx *c) {
  char *part = S_related_part(c, "styles", "word/styles.xml");
  if (!part) return docpipe_error_set(c->err, DOCPIPE_ENOMEM, "docx: out of memory");
  xmlDocPtr d = NULL;
  int rc = docx_r_xml_part(c, part, &d);
  free(part);
  if (rc < 0 || !d) return rc;
  xmlNodePtr root = xmlDocGetRootElement(d);
  size_t cnt = 0;
  for (xmlNodePtr k = root->children; k; k = k->next)
    if (docx_r_is(k, "style")) cnt++;
  c->styles = calloc(cnt ? cnt : 1, sizeof *c->styles);
  if (!c->styles) {
    xmlFreeDoc(d);
    return docpipe_error_set(c->err, DOCPIPE_ENOMEM, "docx: out of memory");
  }
  for (xmlNodePtr k = root->children; k; k = k->next) {
    if (!docx_r_is(k, "style")) continue;
    docx_r_style *s = &c->styles[c->nstyles];
    s->id = docx_r_attr(k, "styleId");
    if (!s->id) continue;
    c->nstyles++;
    s->based_on = docx_r_attr(docx_r_child(k, "basedOn"), "val");
    char *name = docx_r_attr(docx_r_child(k, "name"), "val");
    s->name = S_lower_nospace(name);
    free(name);
    xmlNodePtr ppr = docx_r_child(k, "pPr");
    int ol = docx_r_child_val_int(ppr, "outlineLvl", -1);
    s->outline = ol >= 0 && ol < 9 ? ol + 1 : 0;
    xmlNodePtr numpr = docx_r_child(ppr, "numPr");
    s->num_id = numpr ? docx_r_child_val_int(numpr, "numId", 0) : 0;
    s->ilvl = numpr ? docx_r_child_val_int(numpr, "ilvl", 0) : 0;
    xmlNodePtr rpr = docx_r_child(k, "rPr");
    s->bold = docx_r_onoff(rpr, "b");
    s->italic = docx_r_onoff(rpr, "i");
  }
  xmlFreeDoc(d);
  return 0;
}

const docx_r_style *docx_r_style_find(const docx_r_ctx *c, const char *id) {
  if (!id) return NULL;
  for (size_t i = 0; i < c->nstyles; i++)
    if (strcmp(c->styles[i].id, id) == 0) return &c->styles[i];
  return NULL;
}

static const struct {
  const char *key; /* lower-case, no spaces */
  const char *role;
} S_roles[] = {
    {"title", "title"},           {"subtitle", "subtitle"},       {"byline", "byline"},
    {"caption", "caption"},       {"imagecaption", "caption"},    {"tablecaption", "caption"},
    {"sourcecode", "code"},       {"preformattedtext", "code"},   {"htmlpreformatted", "code"},
    {"code", "code"},             {"quote", "quote"},             {"blocktext", "quote"},
    {"intensequote", "quote"},    {"quotations", "quote"},        {"blockquotation", "quote"},
    {"horizontalrule", "rule"},   {"horizontalline", "rule"},     {"figure", "figure"},
    {"captionedfigure", "figure"}, {"author", "author"},          {"date", "date"},
    {"abstract", "abstract"},     {"listparagraph", "list"},      {"compact", NULL},
};

static int S_heading_of(const char *key) {
  if (strncmp(key, "heading", 7) == 0 && key[7] >= '1' && key[7] <= '9' && !key[8])
    return key[7] - '0' > 6 ? 6 : key[7] - '0';
  return 0;
}

int docx_r_style_role(const docx_r_ctx *c, const char *style_id, const char **kind) {
  *kind = NULL;
  const char *id = style_id;
  for (int depth = 0; id && depth < S_MAX_CHAIN; depth++) {
    const docx_r_style *s = docx_r_style_find(c, id);
    char key_buf[64];
    char *key_id = S_key(id, key_buf, sizeof key_buf);
    const char *keys[2] = {key_id, s ? s->name : NULL};
    for (int k = 0; k < 2; k++) {
      if (!keys[k]) continue;
      int h = S_heading_of(keys[k]);
      if (h) {
        return h;
      }
      for (size_t r = 0; r < sizeof S_roles / sizeof S_roles[0]; r++)
        if (strcmp(keys[k], S_roles[r].key) == 0 && S_roles[r].role) {
          *kind = S_roles[r].role;
          return 0;
        }
    }
    if (!s) break;
    if (s->outline >= 1 && s->outline <= 9) return s->outline > 6 ? 6 : s->outline;
    id = s->based_on;
  }
  return 0;
}

void docx_r_style_run(const docx_r_ctx *c, const char *style_id, int *bold, int *italic) {
  *bold = -1;
  *italic = -1;
  const char *id = style_id;
  for (int depth = 0; id && depth < S_MAX_CHAIN; depth++) {
    const docx_r_style *s = docx_r_style_find(c, id);
    if (!s) {
      /* pandoc/Word emphasis styles, even when styles.xml lacks them */
      char *k = S_lower_nospace(id);
      if (k && *bold < 0 && strcmp(k, "strong") == 0) *bold = 1;
      if (k && *italic < 0 && strcmp(k, "emphasis") == 0) *italic = 1;
      free(k);
      break;
    }
    if (*bold < 0) *bold = s->bold;
    if (*italic < 0) *italic = s->italic;
    id = s->based_on;
  }
}

int docx_r_style_num(const docx_r_ctx *c, const char *style_id, int *ilvl) {
  const char *id = style_id;
  for (int depth = 0; id && depth < S_MAX_CHAIN; depth++) {
    const docx_r_style *s = docx_r_style_find(c, id);
    if (!s) break;
    if (s->num_id) {
      *ilvl = s->ilvl;
      return s->num_id;
    }
    id = s->based_on;
  }
  return 0;
}

int docx_r_numbering_load(docx_r_ctx *c) {
  char *part = S_related_part(c, "numbering", "word/numbering.xml");
  if (!part) return docpipe_error_set(c->err, DOCPIPE_ENOMEM, "docx: out of memory");
  xmlDocPtr d = NULL;
  int rc = docx_r_xml_part(c, part, &d);
  free(part);
  if (rc < 0 || !d) return rc;
  xmlNodePtr root = xmlDocGetRootElement(d);
  size_t na = 0, nn = 0;
  for (xmlNodePtr k = root->children; k; k = k->next) {
    if (docx_r_is(k, "abstractNum")) na++;
    if (docx_r_is(k, "num")) nn++;
  }
  c->abstracts = calloc(na ? na : 1, sizeof *c->abstracts);
  c->nums = calloc(nn ? nn : 1, sizeof *c->nums);
  if (!c->abstracts || !c->nums) {
    xmlFreeDoc(d);
    return docpipe_error_set(c->err, DOCPIPE_ENOMEM, "docx: out of memory");
  }
  for (xmlNodePtr k = root->children; k; k = k->next) {
    if (docx_r_is(k, "abstractNum")) {
      docx_r_abstract *a = &c->abstracts[c->nabstracts++];
      char *id = docx_r_attr(k, "abstractNumId");
      a->id = id ? atoi(id) : -1;
      free(id);
      for (int l = 0; l < 9; l++) a->start[l] = 1;
      for (xmlNodePtr lv = k->children; lv; lv = lv->next) {
        if (!docx_r_is(lv, "lvl")) continue;
        char *il = docx_r_attr(lv, "ilvl");
        int ilvl = il ? atoi(il) : -1;
        free(il);
        if (ilvl < 0 || ilvl > 8) continue;
        char *fmt = docx_r_attr(docx_r_child(lv, "numFmt"), "val");
        a->ordered[ilvl] = fmt && strcmp(fmt, "bullet") != 0 && strcmp(fmt, "none") != 0;
        free(fmt);
        a->start[ilvl] = docx_r_child_val_int(lv, "start", 1);
      }
    } else if (docx_r_is(k, "num")) {
      docx_r_num *n = &c->nums[c->nnums++];
      char *id = docx_r_attr(k, "numId");
      n->num_id = id ? atoi(id) : 0;
      free(id);
      n->abstract_id = docx_r_child_val_int(k, "abstractNumId", -1);
      for (xmlNodePtr o = k->children; o; o = o->next) {
        if (!docx_r_is(o, "lvlOverride")) continue;
        char *il = docx_r_attr(o, "ilvl");
        int ilvl = il ? atoi(il) : -1;
        free(il);
        if (ilvl >= 0 && ilvl <= 8) n->start_override[ilvl] = docx_r_child_val_int(o, "startOverride", 0);
      }
    }
  }
  xmlFreeDoc(d);
  return 0;
}

int docx_r_num_ordered(const docx_r_ctx *c, int num_id, int ilvl, int *start) {
  *start = 1;
  if (ilvl < 0) ilvl = 0;
  if (ilvl > 8) ilvl = 8;
  for (size_t i = 0; i < c->nnums; i++) {
    if (c->nums[i].num_id != num_id) continue;
    for (size_t a = 0; a < c->nabstracts; a++) {
      if (c->abstracts[a].id != c->nums[i].abstract_id) continue;
      *start = c->nums[i].start_override[ilvl] ? c->nums[i].start_override[ilvl]
                                               : c->abstracts[a].start[ilvl];
      return c->abstracts[a].ordered[ilvl];
    }
  }
  return 0;
}

void docx_r_ctx_free_styles(docx_r_ctx *c) {
  for (size_t i = 0; i < c->nstyles; i++) {
    free(c->styles[i].id);
    free(c->styles[i].based_on);
    free(c->styles[i].name);
  }
  free(c->styles);
  free(c->nums);
  free(c->abstracts);
  c->styles = NULL;
  c->nums = NULL;
  c->abstracts = NULL;
  c->nstyles = c->nnums = c->nabstracts = 0;
}
