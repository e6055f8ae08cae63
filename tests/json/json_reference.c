/* The json writer as it was before json_write.c: the document built as a
 * jansson tree and dumped with JSON_INDENT(1) | JSON_PRESERVE_ORDER (the
 * metadata through plugins/common/value_json.c, the converter the html and
 * docx plugins use).  The tests hold the plugin's output to these bytes. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "json_reference.h"
#include "value_json.h"

#define S_MAX_DEPTH 4000

static const char *const S_align_names[] = {"none", "left", "center", "right"};

static int S_set(json_t *o, const char *key, json_t *v) { return v ? json_object_set_new(o, key, v) : -1; }

static json_t *S_node_to_json(const docpipe_node *n, int depth) {
  if (depth > S_MAX_DEPTH) return NULL;
  json_t *o = json_object();
  if (!o) return NULL;
  docpipe_node_type t = docpipe_node_type_of(n);
  int rc = S_set(o, "t", json_string(docpipe_node_type_name(t)));
  switch (t) {
  case DOCPIPE_NODE_HEADING:
    rc |= S_set(o, "level", json_integer(docpipe_node_heading_level(n)));
    break;
  case DOCPIPE_NODE_LIST:
    rc |= S_set(o, "list_type", json_string(docpipe_node_list_type(n) == DOCPIPE_LIST_ORDERED
                                                 ? "ordered" : "bullet"));
    rc |= S_set(o, "start", json_integer(docpipe_node_list_start(n)));
    rc |= S_set(o, "tight", json_boolean(docpipe_node_list_tight(n)));
    break;
  case DOCPIPE_NODE_CODE_BLOCK:
    rc |= S_set(o, "info", json_string(docpipe_node_info(n)));
    rc |= S_set(o, "text", json_string(docpipe_node_literal(n)));
    break;
  case DOCPIPE_NODE_TEXT:
  case DOCPIPE_NODE_CODE:
    rc |= S_set(o, "text", json_string(docpipe_node_literal(n)));
    break;
  case DOCPIPE_NODE_FIGURE:
    rc |= S_set(o, "url", json_string(docpipe_node_url(n)));
    rc |= S_set(o, "alt", json_string(docpipe_node_alt(n)));
    break;
  case DOCPIPE_NODE_LINK:
  case DOCPIPE_NODE_IMAGE:
    rc |= S_set(o, "url", json_string(docpipe_node_url(n)));
    rc |= S_set(o, "title", json_string(docpipe_node_title(n)));
    break;
  case DOCPIPE_NODE_TABLE_ROW:
    rc |= S_set(o, "header", json_boolean(docpipe_node_row_header(n)));
    break;
  case DOCPIPE_NODE_TABLE_CELL:
    rc |= S_set(o, "align", json_string(S_align_names[docpipe_node_cell_align(n)]));
    break;
  default:
    break;
  }
  if (!docpipe_node_is_leaf(n)) {
    json_t *c = json_array();
    rc |= S_set(o, "c", c);
    for (docpipe_node *k = docpipe_node_first_child(n); c && rc == 0 && k; k = docpipe_node_next(k))
      rc |= json_array_append_new(c, S_node_to_json(k, depth + 1));
  }
  if (rc) {
    json_decref(o);
    return NULL;
  }
  return o;
}

char *json_reference_write(const docpipe_doc *doc) {
  json_t *root = json_object();
  json_t *version = json_pack("[ii]", 1, 0);
  json_t *meta = vjson_from_value(docpipe_doc_meta(doc));
  json_t *blocks = S_node_to_json(docpipe_doc_root(doc), 0);
  json_t *list = blocks ? json_incref(json_object_get(blocks, "c")) : NULL;
  json_decref(blocks);
  int rc = !root || S_set(root, "docpipe-json-version", version) || S_set(root, "meta", meta) ||
           S_set(root, "blocks", list);
  char *text = rc ? NULL : json_dumps(root, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
  json_decref(root);
  if (!text) return NULL;
  size_t len = strlen(text);
  char *out = malloc(len + 2);
  if (out) {
    memcpy(out, text, len);
    memcpy(out + len, "\n", 2);
  }
  free(text);
  return out;
}
