/* Placeholder reader, to be replaced (issue 5). */
#include "docx.h"

int docx_probe(const unsigned char *data, size_t size, const char *name_hint) {
  (void)data; (void)size; (void)name_hint;
  return 0;
}
int docx_read(const unsigned char *data, size_t size, const docpipe_args *args, docpipe_doc **out,
              docpipe_error *err) {
  (void)data; (void)size; (void)args; (void)out;
  return docpipe_error_set(err, DOCPIPE_EUNSUPPORTED, "docx reader not implemented yet");
}
