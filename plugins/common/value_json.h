/* value_json.h — docpipe metadata values to and from jansson values, shared
 * by the plugins that carry the metadata map as JSON inside another format:
 * the html writer's JSON-LD (read back by the html reader) and the docx
 * custom properties.  (The json plugin keeps its own strict reader, which
 * says where a document is wrong.)  Compiled into each of them; not part of
 * libdocpipe's API. */
#ifndef DOCPIPE_PLUGIN_VALUE_JSON_H
#define DOCPIPE_PLUGIN_VALUE_JSON_H

#include <jansson.h>

#include "docpipe/docpipe.h"

/* Nesting both directions accept: the readers' default limits.max_depth. */
#define VJSON_MAX_DEPTH 200

/* `v` as JSON: strings, arrays, objects with the map's keys in its order.
 * NULL when memory runs out or `v` nests deeper than VJSON_MAX_DEPTH: never
 * half a value.  The caller owns the result (json_decref). */
json_t *vjson_from_value(const docpipe_value *v);

/* JSON written by docpipe or edited by hand, leniently: strings as they are
 * (invalid UTF-8 repaired), numbers and booleans as their JSON spelling;
 * nulls, empty keys and parts nested deeper than VJSON_MAX_DEPTH are left
 * out.  NULL when memory runs out or `j` itself is null.  The caller owns
 * the result (docpipe_value_free). */
docpipe_value *vjson_to_value(json_t *j);

#endif
