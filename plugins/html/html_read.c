/* Placeholder reader, to be replaced (issue 4). */
#include "html.h"

int html_probe(const unsigned char *data, size_t size, const char *name_hint) {
  (void)data; (void)size; (void)name_hint;
  return 0;
}
int html_read(const unsigned char *data, size_t size, const docpipe_args *args, docpipe_doc **out,
              docpipe_error *err) {
  (void)data; (void)size; (void)args; (void)out;
  return docpipe_error_set(err, DOCPIPE_EUNSUPPORTED, "html reader not implemented yet");
}
