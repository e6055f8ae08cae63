/* Internal interface of the json plugin: the reader (json.c) and the
 * writer (json_write.c) share the format's constants. */
#ifndef DOCPIPE_JSON_H
#define DOCPIPE_JSON_H

#include "docpipe/plugin.h"

#define JSON_MAJOR 1
#define JSON_MINOR 0
#define JSON_VERSION_KEY "docpipe-json-version"
/* Writing recurses once per nesting level; readers cap depth far lower. */
#define JSON_WRITE_MAX_DEPTH 4000

/* Cell alignment names, indexed by docpipe_align. */
extern const char *const json_align_names[4];

int json_write(const docpipe_doc *doc, const docpipe_args *args, docpipe_buf *out,
               docpipe_error *err);

#endif
