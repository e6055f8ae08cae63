/* The docx writer: builds every part (docx_write_*.c) and zips them in
 * memory with libzip.  Entries get a fixed DOS time so the same document
 * always gives the same bytes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "docx_w_ctx.h"

int docx_w_fail(docx_w *c, int code, const char *fmt, ...) {
  if (!c->failed) {
    c->failed = code;
    if (c->err) {
      char msg[400];
      va_list ap;
      va_start(ap, fmt);
      vsnprintf(msg, sizeof msg, fmt, ap);
      va_end(ap);
      docpipe_error_set(c->err, code, "docx: %s", msg);
    }
  }
  return c->failed;
}

int docx_w_add_part(docx_w *c, const char *name, unsigned char *data, size_t len, int stored) {
  if (c->nparts == c->cap_parts) {
    size_t cap = c->cap_parts ? 2 * c->cap_parts : 16;
    docx_w_part *p = realloc(c->parts, cap * sizeof *p);
    if (!p) {
      free(data);
      return docx_w_fail(c, DOCPIPE_ENOMEM, "out of memory");
    }
    c->parts = p;
    c->cap_parts = cap;
  }
  char *n = strdup(name);
  if (!n) {
    free(data);
    return docx_w_fail(c, DOCPIPE_ENOMEM, "out of memory");
  }
  c->parts[c->nparts++] = (docx_w_part){n, data, len, stored};
  return 0;
}

const char *docx_w_add_rel(docx_w *c, const char *prefix, size_t n, const char *type,
                           const char *target, int external) {
  if (c->nrels == c->cap_rels) {
    size_t cap = c->cap_rels ? 2 * c->cap_rels : 16;
    docx_w_rel *r = realloc(c->rels, cap * sizeof *r);
    if (!r) {
      docx_w_fail(c, DOCPIPE_ENOMEM, "out of memory");
      return NULL;
    }
    c->rels = r;
    c->cap_rels = cap;
  }
  char id[48];
  snprintf(id, sizeof id, "%s%zu", prefix, n);
  char *idc = strdup(id);
  char *t = strdup(target);
  if (!idc || !t) {
    free(idc);
    free(t);
    docx_w_fail(c, DOCPIPE_ENOMEM, "out of memory");
    return NULL;
  }
  c->rels[c->nrels++] = (docx_w_rel){idc, (char *)type, t, external};
  return idc;
}

static void S_free(docx_w *c) {
  for (size_t i = 0; i < c->nparts; i++) {
    free(c->parts[i].name);
    free(c->parts[i].data);
  }
  free(c->parts);
  for (size_t i = 0; i < c->nrels; i++) {
    free(c->rels[i].id);
    free(c->rels[i].target);
  }
  free(c->rels);
  free(c->nums);
  json_decref(c->code_info);
  json_decref(c->list_tight);
}

/* The language for w:lang: "vi" alone means Vietnam's Vietnamese, which is
 * what Word's proofing tools know; other tags pass through when they look
 * like BCP 47. */
static const char *S_lang(const docpipe_doc *doc, char *tmp, size_t cap) {
  const char *l = docpipe_meta_string(docpipe_doc_meta(doc), DOCPIPE_META_LANGUAGE);
  if (!l || !*l) return NULL;
  if (strcmp(l, "vi") == 0) return "vi-VN";
  if (strcmp(l, "en") == 0) return "en-US";
  size_t n = strlen(l);
  if (n >= cap || n > 35) return NULL;
  for (size_t i = 0; i < n; i++) {
    char ch = l[i];
    if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
          ch == '-'))
      return NULL;
  }
  memcpy(tmp, l, n + 1);
  return tmp;
}

/* Entry order: content types first (some tools sniff it), then package
 * parts, then the main document and its parts, then media. */
static int S_part_rank(const char *name) {
  static const char *const order[] = {
      "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
      "docProps/custom.xml", "word/document.xml", "word/_rels/document.xml.rels",
      "word/styles.xml", "word/numbering.xml", "word/settings.xml", "word/footer1.xml"};
  for (size_t i = 0; i < sizeof order / sizeof *order; i++)
    if (strcmp(name, order[i]) == 0) return (int)i;
  return 100;
}

/* Level 1 deflate: markup compresses almost as well as at level 6 in a
 * third of the time (measured with bench/docx_write_bench). */
#define DEFLATE_LEVEL 1
/* Parts this small are stored: setting up a deflate stream (zlib's
 * ~256 KB state) costs more time than the bytes it saves are worth.  At
 * 16 KB only document.xml of a typical article is deflated: the writer
 * runs 25% faster for 7 KB more output (bench/docx_write_bench). */
#define STORE_BELOW 16384

static int S_store(const docx_w_part *p) { return p->stored || p->len < STORE_BELOW; }

static int S_zip(docx_w *c, docpipe_buf *out) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
  if (!src) {
    zip_error_fini(&ze);
    return docx_w_fail(c, DOCPIPE_ENOMEM, "cannot create the zip buffer");
  }
  zip_t *za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
  if (!za) {
    zip_source_free(src);
    zip_error_fini(&ze);
    return docx_w_fail(c, DOCPIPE_ENOMEM, "cannot open the zip buffer");
  }
  zip_error_fini(&ze);
  zip_source_keep(src); /* survive zip_close: it holds the archive bytes */

  /* Stable order by rank (insertion sort: a handful of parts). */
  size_t *order = malloc((c->nparts ? c->nparts : 1) * sizeof *order);
  if (!order) docx_w_fail(c, DOCPIPE_ENOMEM, "out of memory");
  for (size_t i = 0; order && i < c->nparts; i++) {
    size_t j = i;
    while (j > 0 && S_part_rank(c->parts[order[j - 1]].name) > S_part_rank(c->parts[i].name)) {
      order[j] = order[j - 1];
      j--;
    }
    order[j] = i;
  }
  for (size_t k = 0; order && k < c->nparts && !c->failed; k++) {
    docx_w_part *p = &c->parts[order[k]];
    zip_source_t *ps = zip_source_buffer(za, p->data, p->len, 0);
    zip_int64_t idx = ps ? zip_file_add(za, p->name, ps, ZIP_FL_ENC_UTF_8) : -1;
    if (idx < 0) {
      zip_source_free(ps);
      docx_w_fail(c, DOCPIPE_ENOMEM, "cannot add %s to the zip", p->name);
      break;
    }
    /* 1980-01-01 00:00, the DOS epoch: reproducible output. */
    if (zip_file_set_dostime(za, (zip_uint64_t)idx, 0, 0x21, 0) < 0 ||
        zip_set_file_compression(za, (zip_uint64_t)idx, S_store(p) ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
                                 S_store(p) ? 0 : DEFLATE_LEVEL) < 0)
      docx_w_fail(c, DOCPIPE_ENOMEM, "cannot set up %s in the zip", p->name);
  }
  free(order);
  if (c->failed) {
    zip_discard(za);
    zip_source_free(src);
    return c->failed;
  }
  if (zip_close(za) < 0) {
    zip_discard(za);
    zip_source_free(src);
    return docx_w_fail(c, DOCPIPE_ENOMEM, "cannot finish the zip");
  }
  zip_stat_t st;
  int rc = 0;
  if (zip_source_stat(src, &st) < 0 || !(st.valid & ZIP_STAT_SIZE) || zip_source_open(src) < 0) {
    zip_source_free(src);
    return docx_w_fail(c, DOCPIPE_ENOMEM, "cannot read the zip back");
  }
  char chunk[16384];
  zip_uint64_t left = st.size;
  while (left > 0) {
    zip_int64_t n = zip_source_read(src, chunk, left < sizeof chunk ? left : sizeof chunk);
    if (n <= 0) {
      rc = docx_w_fail(c, DOCPIPE_EIO, "cannot read the zip back");
      break;
    }
    if (docpipe_buf_append(out, chunk, (size_t)n) < 0) {
      rc = docx_w_fail(c, DOCPIPE_ENOMEM, "out of memory");
      break;
    }
    left -= (zip_uint64_t)n;
  }
  zip_source_close(src);
  zip_source_free(src);
  return rc;
}

int docx_write(const docpipe_doc *doc, const docpipe_args *args, docpipe_buf *out,
               docpipe_error *err) {
  if (!doc || !out) return docpipe_error_set(err, DOCPIPE_EINVAL, "docx: no document");
  docx_w c;
  memset(&c, 0, sizeof c);
  c.doc = doc;
  c.args = args;
  c.err = err;
  char lang[40];
  c.lang = S_lang(doc, lang, sizeof lang);
  c.code_info = json_array();
  c.list_tight = json_array();
  if (!c.code_info || !c.list_tight) docx_w_fail(&c, DOCPIPE_ENOMEM, "out of memory");

  int with_custom = 0;
  /* The body first: it decides the relationships, numbering and media. */
  if (!c.failed && !docx_w_body(&c) && !docx_w_styles(&c) && !docx_w_numbering(&c) &&
      !docx_w_settings(&c) && !docx_w_footer(&c) && !docx_w_core(&c) && !docx_w_app(&c) &&
      !docx_w_custom(&c, &with_custom) && !docx_w_package(&c, with_custom)) {
    size_t before = out->len;
    if (S_zip(&c, out) && out->len > before) out->len = before;
  }
  int rc = c.failed;
  if (rc && err && !err->code) docpipe_error_set(err, rc, "docx: cannot write the document");
  S_free(&c);
  return rc;
}
