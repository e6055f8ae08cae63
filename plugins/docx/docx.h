/* The docx plugin's parts: the reader (Word, LibreOffice, pandoc and docpipe documents)
 * and the writer (a valid OOXML package carrying the metadata). */
#ifndef DOCPIPE_PLUGIN_DOCX_H
#define DOCPIPE_PLUGIN_DOCX_H

#include "docpipe/plugin.h"

int docx_probe(const unsigned char *data, size_t size, const char *name_hint);
int docx_read(const unsigned char *data, size_t size, const docpipe_args *args, docpipe_doc **out,
              docpipe_error *err);
int docx_write(const docpipe_doc *doc, const docpipe_args *args, docpipe_buf *out,
               docpipe_error *err);

#endif
