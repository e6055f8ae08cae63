/* The docx reader's entry points: probing and reading a package into a document.
 *
 * What it reads (README.md has the writer's side of the convention):
 *  - docProps/core.xml, then docProps/custom.xml on top: "docpipe:KEY" (string),
 *    "docpipe-json:KEY" (list/map/odd string), "docpipe-body:" (code info strings, list
 *    tightness, applied to the body after it is built); foreign custom properties are
 *    kept under their own names (pandoc's "date" and "abstract" become date/description).
 *    Lists in core.xml split on exactly "; " in docpipe's documents, on ";" (creator) or
 *    ";"/"," (keywords), trimmed, in foreign ones.
 *  - docProps/app.xml: Application "docpipe" marks docpipe's own documents, whose style
 *    ids are the convention (styles.xml is not read) and whose visible header (Title,
 *    Subtitle, Byline paragraphs) is skipped.  In foreign documents leading Title,
 *    Subtitle, Author, Date and Abstract paragraphs fill metadata that is missing.
 *  - the body: docx_read_body.c; styles and numbering: docx_read_styles.c.
 *
 * The package is hostile until proven otherwise: docx_read_zip.c (entry count, name
 * length, duplicates, declared and counted sizes, ratios) and docx_read_xml.c (no DTD,
 * no entities, libxml2's depth cap).  Not read: footnotes, comments, headers/footers,
 * text boxes, embedded image bytes (a figure keeps the image's name or original url). */
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "docx_r.h"

/* Looks for a part name in the local file headers of the first few KB. */
static int S_has_name(const unsigned char *data, size_t size, const char *name) {
  size_t nlen = strlen(name);
  size_t lim = size < 65536 ? size : 65536;
  for (size_t i = 0; i + 30 + nlen <= lim; i++) {
    if (data[i] != 'P' || data[i + 1] != 'K' || data[i + 2] != 3 || data[i + 3] != 4) continue;
    size_t fl = (size_t)data[i + 26] | ((size_t)data[i + 27] << 8);
    if (fl == nlen && memcmp(data + i + 30, name, nlen) == 0) return 1;
  }
  return 0;
}

/* Looks for a part name in the central directory, in the last 64 KB (large media
 * entries may push the local header of word/document.xml far from the start). */
static int S_has_central_name(const unsigned char *data, size_t size, const char *name) {
  size_t nlen = strlen(name);
  size_t from = size > 65536 ? size - 65536 : 0;
  for (size_t i = from; i + 46 + nlen <= size; i++) {
    if (data[i] != 'P' || data[i + 1] != 'K' || data[i + 2] != 1 || data[i + 3] != 2) continue;
    size_t fl = (size_t)data[i + 28] | ((size_t)data[i + 29] << 8);
    if (fl == nlen && memcmp(data + i + 46, name, nlen) == 0) return 1;
  }
  return 0;
}

int docx_probe(const unsigned char *data, size_t size, const char *name_hint) {
  (void)name_hint;
  if (size < 30 || memcmp(data, "PK\3\4", 4) != 0) return 0;
  if (S_has_name(data, size, "word/document.xml") ||
      S_has_central_name(data, size, "word/document.xml"))
    return DOCPIPE_PROBE_SCORE_MAX;
  if (S_has_name(data, size, "[Content_Types].xml")) return 80;
  return 10; /* some other zip */
}

/* The main part from the package relationships; word/document.xml by convention. */
static int S_main_part(docx_r_ctx *c) {
  docx_r_rel *rels = NULL;
  size_t n = 0;
  int rc = docx_r_rels_load(c, "_rels/.rels", &rels, &n);
  if (rc < 0) return rc;
  for (size_t i = 0; i < n && !c->main_part; i++) {
    const char *t = rels[i].type ? strrchr(rels[i].type, '/') : NULL;
    if (t && strcmp(t, "/officeDocument") == 0 && rels[i].target && !rels[i].external)
      c->main_part = docx_r_resolve("", rels[i].target);
  }
  docx_r_rels_free(rels, n);
  if (!c->main_part) c->main_part = strdup("word/document.xml");
  return c->main_part ? 0 : DOCPIPE_ENOMEM;
}

static int S_rels_name(const char *part, char *out, size_t cap) {
  const char *slash = strrchr(part, '/');
  size_t dir = slash ? (size_t)(slash - part + 1) : 0;
  const char *base = part + dir;
  size_t need = dir + strlen("_rels/") + strlen(base) + strlen(".rels") + 1;
  if (need > cap) return -1;
  memcpy(out, part, dir);
  strcpy(out + dir, "_rels/");
  strcat(out, base);
  strcat(out, ".rels");
  return 0;
}

int docx_read(const unsigned char *data, size_t size, const docpipe_args *args, docpipe_doc **out,
              docpipe_error *err) {
  docx_r_ctx c;
  memset(&c, 0, sizeof c);
  c.args = args;
  c.err = err;
  docpipe_args defaults;
  if (!args) {
    docpipe_args_init(&defaults);
    args = &defaults;
    c.args = args;
  }
  c.limits = args->limits;
  if (!c.limits.max_expanded_bytes) c.limits.max_expanded_bytes = (size_t)200 << 20;
  if (!c.limits.max_ratio) c.limits.max_ratio = 100;
  if (!c.limits.max_depth) c.limits.max_depth = 200;
  *out = NULL;
  if (c.limits.max_input_bytes && size > c.limits.max_input_bytes)
    return docpipe_error_set(err, DOCPIPE_ELIMIT, "docx: input is larger than %zu bytes",
                             c.limits.max_input_bytes);
  if (size < 4 || memcmp(data, "PK", 2) != 0)
    return docpipe_error_set(err, DOCPIPE_EPARSE, "docx: not a zip archive (no PK signature)");

  zip_error_t zerr;
  zip_error_init(&zerr);
  zip_source_t *src = zip_source_buffer_create(data, size, 0, &zerr);
  if (!src) {
    zip_error_fini(&zerr);
    return docpipe_error_set(err, DOCPIPE_ENOMEM, "docx: out of memory opening the archive");
  }
  c.zip = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &zerr);
  if (!c.zip) {
    int ze = zip_error_code_zip(&zerr);
    int rc = docpipe_error_set(err, DOCPIPE_EPARSE, "docx: not a valid zip archive (%s)",
                               ze == ZIP_ER_NOZIP   ? "no central directory; truncated or not a zip"
                               : ze == ZIP_ER_EXISTS ? "duplicate entry names"
                                                     : zip_error_strerror(&zerr));
    zip_source_free(src);
    zip_error_fini(&zerr);
    return rc;
  }
  zip_error_fini(&zerr);

  docpipe_doc *doc = NULL;
  char relsname[DOCX_R_MAX_NAME + 16];
  int rc = docx_r_zip_check(&c);
  if (rc == 0) rc = S_main_part(&c);
  if (rc == 0) {
    zip_int64_t idx = zip_name_locate(c.zip, c.main_part, ZIP_FL_NOCASE);
    if (idx < 0)
      rc = docpipe_error_set(err, DOCPIPE_EPARSE, "docx: the package has no %s (not a Word document)",
                             c.main_part);
  }
  if (rc == 0 && S_rels_name(c.main_part, relsname, sizeof relsname) == 0)
    rc = docx_r_rels_load(&c, relsname, &c.rels, &c.nrels);
  if (rc == 0) rc = docx_r_app(&c);
  if (rc == 0 && !c.is_docpipe) rc = docx_r_styles_load(&c);
  if (rc == 0) rc = docx_r_numbering_load(&c);
  if (rc == 0 && !(doc = docpipe_doc_new()))
    rc = docpipe_error_set(err, DOCPIPE_ENOMEM, "docx: out of memory");
  if (rc == 0) rc = docx_r_meta(&c, doc);
  if (rc == 0) rc = docx_r_body(&c, doc);
  docx_r_body_facts(&c, rc == 0 ? doc : NULL);

  docx_r_ctx_free_styles(&c);
  docx_r_rels_free(c.rels, c.nrels);
  free(c.main_part);
  zip_discard(c.zip);
  if (c.xml) xmlFreeParserCtxt(c.xml);
  if (rc < 0) {
    docpipe_doc_free(doc);
    if (err && err->code == 0) docpipe_error_set(err, rc, "docx: %s", docpipe_strerror(rc));
    return rc;
  }
  *out = doc;
  return 0;
}
