/* Placeholder writer, to be replaced (issue 4). */
#include "html.h"

int html_write(const docpipe_doc *doc, const docpipe_args *args, docpipe_buf *out,
               docpipe_error *err) {
  (void)doc; (void)args; (void)out;
  return docpipe_error_set(err, DOCPIPE_EUNSUPPORTED, "html writer not implemented yet");
}
