/* The text reader: cleans the input, then reads either the writer's own
 * output (it starts with the metadata marker) or a scraped dump. */
#include <string.h>

#include "legacy_charset.h"
#include "text.h"

static int S_read_own(const text_lines *lines, docpipe_doc *doc, const docpipe_args *args,
                      docpipe_error *err) {
  size_t end = 1;
  while (end < lines->n && !text_line_eq(lines->v[end], TEXT_META_END)) end++;
  if (end >= lines->n)
    return docpipe_error_set(err, DOCPIPE_EPARSE, "metadata header is not closed by \"%s\"",
                             TEXT_META_END);
  const char *ys = lines->v[1 < end ? 1 : end].s;
  size_t ylen = end > 1 ? (size_t)(lines->v[end].s - ys) : 0;
  int rc = text_meta_parse(ys, ylen, docpipe_doc_meta(doc), err);
  if (rc) return rc;
  return text_body_parse(lines->v + end + 1, lines->n - end - 1, docpipe_doc_root(doc), 0, args, err);
}

/* Dumps saved by older tools are in the system's legacy charset
 * (windows-1258 for Vietnamese, windows-1251...): decoded, not turned into
 * U+FFFD.  UTF-8 with a few damaged bytes keeps its text, U+FFFD for those. */
static char *S_to_utf8(const unsigned char *data, size_t size, size_t *len) {
  if (legacy_not_utf8(data, size)) {
    char guess[64];
    size_t n = 0;
    char *u = legacy_to_utf8(legacy_guess_charset(data, size, guess, sizeof guess), data, size, &n);
    if (u) {
      char *clean = docpipe_utf8_clean(u, n, len);
      docpipe_free(u);
      return clean;
    }
  }
  return docpipe_utf8_clean((const char *)data, size, len);
}

int text_read(const unsigned char *data, size_t size, const docpipe_args *args, docpipe_doc **out,
              docpipe_error *err) {
  *out = NULL;
  if (args && args->limits.max_input_bytes && size > args->limits.max_input_bytes)
    return docpipe_error_set(err, DOCPIPE_ELIMIT, "input larger than %zu bytes",
                             args->limits.max_input_bytes);
  size_t len = 0;
  char *clean = S_to_utf8(data, size, &len);
  if (!clean) return docpipe_error_set(err, DOCPIPE_ENOMEM, "out of memory");
  const char *s = clean;
  if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) s += 3, len -= 3;
  text_lines lines = {0};
  docpipe_doc *doc = NULL;
  int rc = text_lines_split(s, len, &lines);
  if (!rc && !(doc = docpipe_doc_new())) rc = DOCPIPE_ENOMEM;
  if (rc) {
    docpipe_error_set(err, rc, "out of memory");
  } else if (lines.n && text_line_eq(lines.v[0], TEXT_META_BEGIN)) {
    rc = S_read_own(&lines, doc, args, err);
  } else {
    rc = text_dump_read(&lines, doc, args, err);
  }
  text_lines_free(&lines);
  docpipe_free(clean);
  if (rc) {
    docpipe_doc_free(doc);
    if (err && !err->code) docpipe_error_set(err, rc, "%s", docpipe_strerror(rc));
    return rc;
  }
  *out = doc;
  return 0;
}
