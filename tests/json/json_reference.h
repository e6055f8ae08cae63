/* The json writer's reference: jansson's dump of the document's tree. */
#ifndef DOCPIPE_JSON_REFERENCE_H
#define DOCPIPE_JSON_REFERENCE_H

#include "docpipe/docpipe.h"

/* The text the json plugin must write for `doc` (malloc'd), or NULL when
 * jansson refuses it (nested deeper than 4000 levels). */
char *json_reference_write(const docpipe_doc *doc);

#endif
