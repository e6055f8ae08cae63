/* yaml_value.h — YAML events to docpipe values, shared by the plugins that
 * keep metadata as YAML (markdown front matter, the text metadata header).
 * Compiled into each of them (not part of libdocpipe's API). */
#ifndef DOCPIPE_PLUGIN_YAML_VALUE_H
#define DOCPIPE_PLUGIN_YAML_VALUE_H

#include <yaml.h>

#include "docpipe/docpipe.h"

typedef struct {
  yaml_parser_t parser;
  const char *what;          /* names the input in messages: "front matter" */
  unsigned long line_offset; /* added to libyaml's 0-based line in messages */
  size_t max_depth;          /* deeper nesting is ELIMIT */
  docpipe_error *err;
} yamlv_reader;

/* The next event, or EPARSE naming the line. */
int yamlv_next(yamlv_reader *r, yaml_event_t *ev);

/* Builds the value that starts with `ev` (consumed) at nesting `depth`:
 * scalars stay strings (no type resolution), sequences become lists,
 * mappings maps.  Aliases are refused outright: they are the only way a
 * small YAML text expands into a huge value ("billion laughs"), and
 * metadata never needs them. */
int yamlv_build(yamlv_reader *r, yaml_event_t *ev, size_t depth, docpipe_value **out);

#endif
