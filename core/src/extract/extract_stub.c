/* Placeholder until the extractors land (issue 3): the declared API, doing
 * nothing yet.  To be replaced by the real extractors, not kept. */
#include "docpipe/extract.h"

int docpipe_extract_metadata(docpipe_doc *doc, unsigned flags, docpipe_error *err) {
  (void)doc; (void)flags; (void)err;
  return 0;
}
int docpipe_date_find(const char *text, size_t len, docpipe_date *out) {
  (void)text; (void)len; (void)out;
  return 0;
}
int docpipe_date_line(const char *line, size_t len, docpipe_date *out) {
  (void)line; (void)len; (void)out;
  return 0;
}
int docpipe_date_format_iso(const docpipe_date *d, char *out, size_t out_size) {
  (void)d; (void)out; (void)out_size;
  return DOCPIPE_EINVAL;
}
int docpipe_byline_parse(const char *line, size_t len, docpipe_value **authors, char **source) {
  (void)line; (void)len; (void)authors; (void)source;
  return 0;
}
int docpipe_decisions_scan(docpipe_value *list, const char *text, size_t len, docpipe_error *err) {
  (void)list; (void)text; (void)len; (void)err;
  return 0;
}
