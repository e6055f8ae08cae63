/* Placeholder writer, to be replaced (issue 5). */
#include "docx.h"

int docx_write(const docpipe_doc *doc, const docpipe_args *args, docpipe_buf *out,
               docpipe_error *err) {
  (void)doc; (void)args; (void)out;
  return docpipe_error_set(err, DOCPIPE_EUNSUPPORTED, "docx writer not implemented yet");
}
