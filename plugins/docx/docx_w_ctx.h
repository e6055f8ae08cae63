/* The docx writer's shared state and its small XML-writing helpers.
 *
 * One docx_w lives for one docx_write() call (no global state).  Each part
 * is produced by its own file (docx_write_body.c, docx_write_meta.c, ...)
 * into a docx_w_part; docx_write.c zips the parts. */
#ifndef DOCPIPE_PLUGIN_DOCX_W_CTX_H
#define DOCPIPE_PLUGIN_DOCX_W_CTX_H

#include <jansson.h>
#include <libxml/xmlwriter.h>
#include <stdarg.h>

#include "docx.h"

/* Page geometry (A4, 2 cm-ish margins), shared by the body and the styles. */
#define DOCX_W_PAGE_W 11906
#define DOCX_W_PAGE_H 16838
#define DOCX_W_MARGIN 1418
#define DOCX_W_TEXT_W (DOCX_W_PAGE_W - 2 * DOCX_W_MARGIN)
#define DOCX_W_EMU_PER_TWIP 635
#define DOCX_W_MAX_LEVEL 8 /* deepest w:ilvl */

/* numId 1 is the plain bullet numbering (for styles); every list gets its
 * own numId from 2 up, so that two lists in a row stay two lists. */
#define DOCX_W_BULLET_NUM 1

typedef struct {
  char *name;          /* zip entry name */
  unsigned char *data; /* owned */
  size_t len;
  int stored;          /* 1: no compression (already compressed media) */
} docx_w_part;

typedef struct {
  char *id;       /* "rLink3" */
  char *type;     /* relationship type URI (borrowed constant) */
  char *target;   /* owned */
  int external;   /* TargetMode="External" */
} docx_w_rel;

typedef struct {
  int start;
  int ilvl;
  int ordered; /* abstractNum 1 (decimal), else 0 (bullets) */
} docx_w_num;

typedef struct docx_w {
  const docpipe_doc *doc;
  const docpipe_args *args;
  docpipe_error *err;
  int failed;          /* first error code, 0 while all is well */
  const char *lang;    /* w:lang value, or NULL */

  docx_w_part *parts;
  size_t nparts, cap_parts;

  docx_w_rel *rels; /* document.xml.rels, beyond the fixed ones */
  size_t nrels, cap_rels;
  size_t nlinks, nimages;

  docx_w_num *nums; /* list instances, numId = 2 + index */
  size_t nnums, cap_nums;

  /* Body facts docx cannot show, kept for the reader in custom.xml
   * (README.md, "docpipe-body:"): info strings of the code blocks and the
   * tightness of the lists, in document order. */
  json_t *code_info;  /* array of strings */
  int any_code_info;
  json_t *list_tight; /* array of booleans */

  size_t media_bytes; /* embedded so far */
  int has_png, has_jpeg, has_gif;
  unsigned drawing_id;
} docx_w;

/* A text writer with a sticky failure flag, so part writers can emit many
 * elements and check once at the end. */
typedef struct {
  xmlBufferPtr buf;
  xmlTextWriterPtr w;
  int failed;
} docx_xw;

int docx_xw_open(docx_xw *x);
/* Finishes the document and moves the bytes into a new part of `c`. */
int docx_xw_close_part(docx_xw *x, docx_w *c, const char *name);
void docx_xw_discard(docx_xw *x);

void docx_xw_start(docx_xw *x, const char *name);
void docx_xw_end(docx_xw *x);
void docx_xw_attr(docx_xw *x, const char *name, const char *value);
void docx_xw_attr_int(docx_xw *x, const char *name, long value);
void docx_xw_text(docx_xw *x, const char *s);
/* <name/> or <name attr="value"/>. */
void docx_xw_empty(docx_xw *x, const char *name, const char *attr, const char *value);
void docx_xw_empty_int(docx_xw *x, const char *name, const char *attr, long value);
/* <name>text</name>. */
void docx_xw_elem_text(docx_xw *x, const char *name, const char *text);

/* 1 when every character of `s` may appear in XML 1.0 (given escaping). */
int docx_w_xml_safe(const char *s);
/* A copy of `s` without the characters XML 1.0 cannot carry (caller frees
 * with free()); NULL when memory runs out. */
char *docx_w_xml_clean(const char *s);

/* Bookkeeping. */
int docx_w_fail(docx_w *c, int code, const char *fmt, ...) DOCPIPE_PRINTF(3, 4);
int docx_w_add_part(docx_w *c, const char *name, unsigned char *data, size_t len, int stored);
/* Adds a document relationship; returns its id (borrowed) or NULL. */
const char *docx_w_add_rel(docx_w *c, const char *prefix, size_t n, const char *type,
                           const char *target, int external);

/* The parts. */
int docx_w_body(docx_w *c);      /* word/document.xml (and media) */
int docx_w_styles(docx_w *c);    /* word/styles.xml */
int docx_w_numbering(docx_w *c); /* word/numbering.xml, after the body */
int docx_w_settings(docx_w *c);  /* word/settings.xml */
int docx_w_footer(docx_w *c);    /* word/footer1.xml */
int docx_w_core(docx_w *c);      /* docProps/core.xml */
int docx_w_app(docx_w *c);       /* docProps/app.xml */
int docx_w_custom(docx_w *c, int *written); /* docProps/custom.xml */
int docx_w_package(docx_w *c, int with_custom); /* content types and rels */

/* Images: resolves `url` (local file under resource_dir or data: URI) and,
 * when it is a PNG, JPEG or GIF within limits, adds a media part and an
 * image relationship.  Returns 1 and fills the outputs when embedded, 0
 * when the image stays text, negative on out-of-memory. */
int docx_w_image(docx_w *c, const char *url, const char **rel_id, long *cx_emu, long *cy_emu);

#define DOCX_REL_BASE "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define DOCX_NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

#endif
