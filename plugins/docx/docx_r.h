/* The docx reader's shared state: the opened package, its parsed parts and the limits.
 * docx_read.c opens the package, docx_read_zip.c reads entries within the limits,
 * docx_read_xml.c parses parts without any DTD, docx_read_meta.c builds the metadata,
 * docx_read_styles.c resolves styles and numbering, docx_read_body.c builds the blocks. */
#ifndef DOCPIPE_PLUGIN_DOCX_R_H
#define DOCPIPE_PLUGIN_DOCX_R_H

#include <libxml/tree.h>
#include <zip.h>

#include "docx.h"

/* Beyond these a package is not a document anyone wrote by hand or by program. */
#define DOCX_R_MAX_ENTRIES 10000
#define DOCX_R_MAX_NAME 1024
/* Largest XML part parsed into a tree: the tree costs several times the bytes. */
#define DOCX_R_MAX_XML_PART (64u << 20)
/* Below this size a high compression ratio is harmless (small, repetitive XML). */
#define DOCX_R_RATIO_FLOOR (1u << 20)
/* Deepest nesting of containers (sdt, tables in cells) the body walk follows. */
#define DOCX_R_MAX_WALK 64

typedef struct docx_r_style {
  char *id;
  char *based_on;
  char *name;        /* lower-cased w:name */
  int outline;       /* w:outlineLvl + 1, 0 when unset */
  int bold, italic;  /* -1 unset, 0 off, 1 on (run properties of the style) */
  int num_id, ilvl;  /* numbering from the style, num_id 0 when none */
} docx_r_style;

typedef struct docx_r_rel {
  char *id;
  char *target;
  char *type;
  int external;
} docx_r_rel;

typedef struct docx_r_num {
  int num_id;
  int abstract_id;
  int start_override[9]; /* 0 when none */
} docx_r_num;

typedef struct docx_r_abstract {
  int id;
  int ordered[9];
  int start[9];
} docx_r_abstract;

typedef struct docx_r_ctx {
  zip_t *zip;
  const docpipe_args *args;
  docpipe_limits limits;
  docpipe_error *err;
  size_t expanded;       /* bytes inflated so far */
  void *xml;             /* one libxml2 parser context, reused for every part */
  /* "docpipe-body:" facts from custom.xml (README.md), json_t arrays in document order */
  void *code_info;       /* info strings of the code blocks */
  void *list_tight;      /* tightness of the lists */
  int is_docpipe;        /* app.xml names docpipe as the writer */
  int docpipe_meta;      /* docpipe wrote it (maybe saved again by Word): its conventions hold */
  char *main_part;       /* e.g. "word/document.xml" */

  docx_r_style *styles;
  size_t nstyles;
  docx_r_rel *rels;
  size_t nrels;
  docx_r_num *nums;
  size_t nnums;
  docx_r_abstract *abstracts;
  size_t nabstracts;
} docx_r_ctx;

/* docx_read_zip.c */
int docx_r_zip_check(docx_r_ctx *c);
/* Reads the entry `name` (NULL data and 0 when absent; ENOTFOUND not raised).  The data is
 * NUL-terminated and freed with free(). */
int docx_r_zip_get(docx_r_ctx *c, const char *name, char **data, size_t *len);

/* docx_read_xml.c: parses a part, refusing any DTD; *doc NULL when the part is absent. */
int docx_r_xml_part(docx_r_ctx *c, const char *name, xmlDocPtr *doc);
/* Children and attributes by local name (namespace prefixes vary between writers). */
xmlNodePtr docx_r_child(xmlNodePtr n, const char *local);
int docx_r_is(xmlNodePtr n, const char *local);
/* Attribute value by local name; returns a malloc'ed string or NULL. */
char *docx_r_attr(xmlNodePtr n, const char *local);
/* The same, borrowed from the tree (valid while it lives), without allocating; NULL when
 * absent. */
const char *docx_r_attr_ref(xmlNodePtr n, const char *local);
/* w:val of the child `local`, as an int; `dflt` when absent. */
int docx_r_child_val_int(xmlNodePtr n, const char *local, int dflt);
/* On/off property (w:b, w:i): -1 absent, 0 off, 1 on. */
int docx_r_onoff(xmlNodePtr props, const char *local);
/* Text content of a node, malloc'ed. */
char *docx_r_text(xmlNodePtr n);
/* Resolves `target` relative to the directory of `base_part`; malloc'ed. */
char *docx_r_resolve(const char *base_part, const char *target);

/* docx_read_styles.c */
int docx_r_rels_load(docx_r_ctx *c, const char *part, docx_r_rel **rels, size_t *n);
void docx_r_rels_free(docx_r_rel *rels, size_t n);
const docx_r_rel *docx_r_rel_find(const docx_r_ctx *c, const char *id);
int docx_r_styles_load(docx_r_ctx *c);
int docx_r_numbering_load(docx_r_ctx *c);
const docx_r_style *docx_r_style_find(const docx_r_ctx *c, const char *id);
/* Heading level 1-6 of a paragraph style chain, 0 for none; `kind` receives a role name
 * ("title", "subtitle", "byline", "caption", "code", "quote", "rule", "figure", "list",
 * "author", "date", "abstract") or NULL. */
int docx_r_style_role(const docx_r_ctx *c, const char *style_id, const char **kind);
/* Bold/italic of a character style chain. */
void docx_r_style_run(const docx_r_ctx *c, const char *style_id, int *bold, int *italic);
/* Numbering from the paragraph style chain; 0 when none. */
int docx_r_style_num(const docx_r_ctx *c, const char *style_id, int *ilvl);
/* List kind of numId/ilvl: 1 ordered, 0 bullet; *start the first number. */
int docx_r_num_ordered(const docx_r_ctx *c, int num_id, int ilvl, int *start);
void docx_r_ctx_free_styles(docx_r_ctx *c);

/* docx_read_meta.c: docx_r_app sets is_docpipe (before styles: docpipe's style ids are
 * its convention, its styles.xml need not be read). */
int docx_r_app(docx_r_ctx *c);
int docx_r_meta(docx_r_ctx *c, docpipe_doc *doc);
/* Applies the "docpipe-body:" facts to the built body; frees them. */
void docx_r_body_facts(docx_r_ctx *c, docpipe_doc *doc);

/* docx_read_body.c */
int docx_r_body(docx_r_ctx *c, docpipe_doc *doc);

#endif
