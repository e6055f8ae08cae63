/* The reading half of the writer's JSON-LD contract, for the html reader:
 * a page the writer made carries the whole metadata map under the
 * "docpipe:meta" property of its NewsArticle, and reading it back gives
 * html -> json -> html without loss.  Kept beside the writer so that both
 * sides of the contract change together. */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "html_write.h"

#define S_MAX_DEPTH 32

static docpipe_value *S_from_json(json_t *j, int depth) {
  if (depth > S_MAX_DEPTH) return NULL;
  char num[64];
  switch (json_typeof(j)) {
  case JSON_STRING:
    return docpipe_value_new_string_n(json_string_value(j), json_string_length(j));
  case JSON_INTEGER:
    snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(j));
    return docpipe_value_new_string(num);
  case JSON_REAL:
    snprintf(num, sizeof num, "%.17g", json_real_value(j));
    return docpipe_value_new_string(num);
  case JSON_TRUE:
    return docpipe_value_new_string("true");
  case JSON_FALSE:
    return docpipe_value_new_string("false");
  case JSON_ARRAY: {
    docpipe_value *list = docpipe_value_new_list();
    size_t i;
    json_t *x;
    json_array_foreach(j, i, x) {
      if (!list) break;
      docpipe_value *v = json_is_null(x) ? NULL : S_from_json(x, depth + 1);
      if (v && docpipe_value_append(list, v) != 0) {
        docpipe_value_free(list);
        return NULL;
      }
    }
    return list;
  }
  case JSON_OBJECT: {
    docpipe_value *map = docpipe_value_new_map();
    const char *k;
    json_t *x;
    json_object_foreach(j, k, x) {
      if (!map) break;
      docpipe_value *v = json_is_null(x) || !*k ? NULL : S_from_json(x, depth + 1);
      if (v && docpipe_value_set(map, k, v) != 0) {
        docpipe_value_free(map);
        return NULL;
      }
    }
    return map;
  }
  default:
    return NULL;
  }
}

/* The docpipe:meta object of the first node that has one (top level,
 * an array of nodes, or an @graph). */
static json_t *S_find(json_t *j, int depth) {
  if (!j || depth > 8) return NULL;
  if (json_is_array(j)) {
    size_t i;
    json_t *x;
    json_array_foreach(j, i, x) {
      json_t *r = S_find(x, depth + 1);
      if (r) return r;
    }
    return NULL;
  }
  if (!json_is_object(j)) return NULL;
  json_t *m = json_object_get(j, HTML_W_META_PROPERTY);
  if (json_is_object(m)) return m;
  return S_find(json_object_get(j, "@graph"), depth + 1);
}

int html_w_meta_from_jsonld(const char *text, size_t len, docpipe_value **out) {
  *out = NULL;
  json_error_t e;
  json_t *root = json_loadb(text, len, JSON_DECODE_ANY, &e);
  if (!root) return 0;
  json_t *m = S_find(root, 0);
  int rc = 0;
  if (m) {
    *out = S_from_json(m, 0);
    rc = *out ? 1 : DOCPIPE_ENOMEM;
  }
  json_decref(root);
  return rc;
}
