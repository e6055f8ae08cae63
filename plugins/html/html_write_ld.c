/* The reading half of the writer's JSON-LD contract, for the html reader:
 * a page the writer made carries the whole metadata map under the
 * "docpipe:meta" property of its NewsArticle, and reading it back gives
 * html -> json -> html without loss.  Kept beside the writer so that both
 * sides of the contract change together. */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "html_write.h"
#include "value_json.h"

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
    *out = vjson_to_value(m);
    rc = *out ? 1 : DOCPIPE_ENOMEM;
  }
  json_decref(root);
  return rc;
}
