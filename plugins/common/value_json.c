/* Metadata values <-> jansson: see value_json.h. */
#include "value_json.h"

#include <stdio.h>

static json_t *S_from_value(const docpipe_value *v, int depth) {
  if (depth > VJSON_MAX_DEPTH) return NULL;
  switch (docpipe_value_kind_of(v)) {
  case DOCPIPE_VALUE_STRING:
    return json_string(docpipe_value_string(v));
  case DOCPIPE_VALUE_LIST: {
    json_t *a = json_array();
    for (size_t i = 0; a && i < docpipe_value_count(v); i++) {
      json_t *item = S_from_value(docpipe_value_at(v, i), depth + 1);
      if (!item || json_array_append_new(a, item)) {
        json_decref(a);
        return NULL;
      }
    }
    return a;
  }
  case DOCPIPE_VALUE_MAP: {
    json_t *o = json_object();
    for (size_t i = 0; o && i < docpipe_value_count(v); i++) {
      json_t *item = S_from_value(docpipe_value_at(v, i), depth + 1);
      if (!item || json_object_set_new(o, docpipe_value_key_at(v, i), item)) {
        json_decref(o);
        return NULL;
      }
    }
    return o;
  }
  default:
    return NULL;
  }
}

json_t *vjson_from_value(const docpipe_value *v) { return v ? S_from_value(v, 0) : NULL; }

static docpipe_value *S_string(const char *s, size_t n) {
  docpipe_value *v = docpipe_value_new_string_n(s, n);
  if (v) return v;
  /* not valid UTF-8 (jansson accepts \udc00-style escapes docpipe refuses) */
  char *clean = docpipe_utf8_clean(s, n, &n);
  v = clean ? docpipe_value_new_string_n(clean, n) : NULL;
  docpipe_free(clean);
  return v;
}

/* Returns NULL for what is left out as well as when memory runs out; *oom
 * tells them apart. */
static docpipe_value *S_to_value(json_t *j, int depth, int *oom) {
  char num[64];
  docpipe_value *v = NULL;
  if (depth > VJSON_MAX_DEPTH) return NULL;
  switch (json_typeof(j)) {
  case JSON_STRING:
    v = S_string(json_string_value(j), json_string_length(j));
    break;
  case JSON_INTEGER:
    snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(j));
    v = docpipe_value_new_string(num);
    break;
  case JSON_REAL:
    snprintf(num, sizeof num, "%.17g", json_real_value(j));
    v = docpipe_value_new_string(num);
    break;
  case JSON_TRUE:
  case JSON_FALSE:
    v = docpipe_value_new_string(json_is_true(j) ? "true" : "false");
    break;
  case JSON_ARRAY: {
    size_t i;
    json_t *x;
    if (!(v = docpipe_value_new_list())) break;
    json_array_foreach(j, i, x) {
      docpipe_value *item = S_to_value(x, depth + 1, oom);
      if (*oom || (item && docpipe_value_append(v, item) == DOCPIPE_ENOMEM)) {
        *oom = 1;
        docpipe_value_free(v);
        return NULL;
      }
    }
    return v;
  }
  case JSON_OBJECT: {
    const char *k;
    json_t *x;
    if (!(v = docpipe_value_new_map())) break;
    json_object_foreach(j, k, x) {
      docpipe_value *item = *k ? S_to_value(x, depth + 1, oom) : NULL;
      /* a key docpipe refuses (EINVAL) is left out like a null */
      if (*oom || (item && docpipe_value_set(v, k, item) == DOCPIPE_ENOMEM)) {
        *oom = 1;
        docpipe_value_free(v);
        return NULL;
      }
    }
    return v;
  }
  case JSON_NULL:
  default:
    return NULL;
  }
  if (!v) *oom = 1;
  return v;
}

docpipe_value *vjson_to_value(json_t *j) {
  int oom = 0;
  return j ? S_to_value(j, 0, &oom) : NULL;
}
