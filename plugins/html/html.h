/* The html plugin's parts: the reader (article extraction from a full web
 * page) and the writer (a clean standalone HTML5 page). */
#ifndef DOCPIPE_PLUGIN_HTML_H
#define DOCPIPE_PLUGIN_HTML_H

#include "docpipe/plugin.h"

int html_probe(const unsigned char *data, size_t size, const char *name_hint);
int html_read(const unsigned char *data, size_t size, const docpipe_args *args, docpipe_doc **out,
              docpipe_error *err);
int html_write(const docpipe_doc *doc, const docpipe_args *args, docpipe_buf *out,
               docpipe_error *err);

#endif
