/* YAML events to docpipe values (see yaml_value.h). */
#include "yaml_value.h"

int yamlv_next(yamlv_reader *r, yaml_event_t *ev) {
  if (yaml_parser_parse(&r->parser, ev)) return 0;
  return docpipe_error_set(r->err, DOCPIPE_EPARSE, "%s: %s at line %lu", r->what,
                           r->parser.problem ? r->parser.problem : "bad YAML",
                           (unsigned long)r->parser.problem_mark.line + r->line_offset);
}

static int S_list(yamlv_reader *r, size_t depth, docpipe_value **out) {
  docpipe_value *list = docpipe_value_new_list();
  if (!list) return docpipe_error_set(r->err, DOCPIPE_ENOMEM, "out of memory");
  int rc;
  for (;;) {
    yaml_event_t item;
    if ((rc = yamlv_next(r, &item))) break;
    if (item.type == YAML_SEQUENCE_END_EVENT) {
      yaml_event_delete(&item);
      *out = list;
      return 0;
    }
    docpipe_value *v;
    if ((rc = yamlv_build(r, &item, depth + 1, &v))) break;
    if ((rc = docpipe_value_append(list, v))) {
      docpipe_error_set(r->err, rc, "out of memory");
      break;
    }
  }
  docpipe_value_free(list);
  return rc;
}

static int S_map(yamlv_reader *r, size_t depth, docpipe_value **out) {
  docpipe_value *map = docpipe_value_new_map();
  if (!map) return docpipe_error_set(r->err, DOCPIPE_ENOMEM, "out of memory");
  int rc;
  for (;;) {
    yaml_event_t key;
    if ((rc = yamlv_next(r, &key))) break;
    if (key.type == YAML_MAPPING_END_EVENT) {
      yaml_event_delete(&key);
      *out = map;
      return 0;
    }
    if (key.type == YAML_ALIAS_EVENT) {
      yaml_event_delete(&key);
      rc = docpipe_error_set(r->err, DOCPIPE_EPARSE, "%s: YAML aliases are refused", r->what);
      break;
    }
    if (key.type != YAML_SCALAR_EVENT || key.data.scalar.length == 0) {
      yaml_event_delete(&key);
      rc = docpipe_error_set(r->err, DOCPIPE_EPARSE, "%s: keys must be non-empty text", r->what);
      break;
    }
    docpipe_value *k =
        docpipe_value_new_string_n((const char *)key.data.scalar.value, key.data.scalar.length);
    yaml_event_delete(&key);
    if (!k) {
      rc = docpipe_error_set(r->err, DOCPIPE_EPARSE, "%s: a key holds a NUL byte", r->what);
      break;
    }
    yaml_event_t val;
    docpipe_value *v = NULL;
    if ((rc = yamlv_next(r, &val)) == 0 && (rc = yamlv_build(r, &val, depth + 1, &v)) == 0) {
      rc = docpipe_value_set(map, docpipe_value_string(k), v);
      if (rc) docpipe_error_set(r->err, rc, "%s: bad key", r->what);
    }
    docpipe_value_free(k);
    if (rc) break;
  }
  docpipe_value_free(map);
  return rc;
}

int yamlv_build(yamlv_reader *r, yaml_event_t *ev, size_t depth, docpipe_value **out) {
  *out = NULL;
  yaml_event_type_t type = ev->type;
  if (depth > r->max_depth) {
    yaml_event_delete(ev);
    return docpipe_error_set(r->err, DOCPIPE_ELIMIT, "%s nested deeper than %zu levels", r->what,
                             r->max_depth);
  }
  if (type == YAML_SCALAR_EVENT) {
    *out = docpipe_value_new_string_n((const char *)ev->data.scalar.value, ev->data.scalar.length);
    yaml_event_delete(ev);
    if (!*out) return docpipe_error_set(r->err, DOCPIPE_EPARSE, "%s: a string holds a NUL byte", r->what);
    return 0;
  }
  yaml_event_delete(ev);
  switch (type) {
  case YAML_SEQUENCE_START_EVENT:
    return S_list(r, depth, out);
  case YAML_MAPPING_START_EVENT:
    return S_map(r, depth, out);
  case YAML_ALIAS_EVENT:
    return docpipe_error_set(r->err, DOCPIPE_EPARSE, "%s: YAML aliases are refused", r->what);
  default:
    return docpipe_error_set(r->err, DOCPIPE_EPARSE, "%s: unexpected YAML event", r->what);
  }
}
