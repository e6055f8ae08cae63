/* The json plugin: docpipe's lossless serialisation of the document model
 * (specified in docs/json-format.md), read with jansson; written by
 * json_write.c in exactly the bytes jansson would write. */
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "json.h"

const char *const json_align_names[4] = {"none", "left", "center", "right"};

/* ------------------------------------------------------------------ */
/* Reading                                                            */
/* ------------------------------------------------------------------ */

/* Where the reader is in the input, for messages: "blocks[3].c[1]". */
typedef struct {
  char path[256];
  size_t max_depth;
  docpipe_error *err;
} S_reader;

static int S_fail(S_reader *r, int code, const char *what) {
  return docpipe_error_set(r->err, code, "%s: %s", r->path[0] ? r->path : "document", what);
}

/* Appends ".key" or "[i]" to the path (cut at its size, as snprintf
 * would); returns the old length to restore.  Called for every node, so
 * no snprintf. */
static size_t S_push(S_reader *r, const char *a, size_t na, const char *b, size_t nb) {
  size_t len = strlen(r->path), room = sizeof r->path - 1 - len;
  char *p = r->path + len;
  if (na > room) na = room;
  memcpy(p, a, na);
  p += na;
  room -= na;
  if (nb > room) nb = room;
  memcpy(p, b, nb);
  p[nb] = '\0';
  return len;
}
static size_t S_push_key(S_reader *r, const char *key) {
  return S_push(r, ".", r->path[0] ? 1 : 0, key, strlen(key));
}
static size_t S_push_index(S_reader *r, size_t i) {
  char num[24];
  size_t k = sizeof num;
  num[--k] = ']';
  do num[--k] = (char)('0' + i % 10);
  while ((i /= 10) != 0);
  num[--k] = '[';
  return S_push(r, "", 0, num + k, sizeof num - k);
}

/* Metadata: strings, arrays and objects map one to one; numbers keep
 * their JSON text, booleans become "true"/"false", null is dropped. */
static docpipe_value *S_json_to_value(S_reader *r, json_t *j, int *rc) {
  switch (json_typeof(j)) {
  case JSON_STRING: {
    docpipe_value *v = docpipe_value_new_string_n(json_string_value(j), json_string_length(j));
    if (!v) *rc = S_fail(r, DOCPIPE_EPARSE, "string with a NUL byte");
    return v;
  }
  case JSON_INTEGER:
  case JSON_REAL: {
    char *text = json_dumps(j, JSON_ENCODE_ANY);
    docpipe_value *v = text ? docpipe_value_new_string(text) : NULL;
    free(text);
    if (!v) *rc = S_fail(r, DOCPIPE_ENOMEM, "out of memory");
    return v;
  }
  case JSON_TRUE:
    return docpipe_value_new_string("true");
  case JSON_FALSE:
    return docpipe_value_new_string("false");
  case JSON_ARRAY: {
    docpipe_value *list = docpipe_value_new_list();
    size_t i;
    json_t *item;
    json_array_foreach(j, i, item) {
      if (json_is_null(item)) continue;
      size_t mark = S_push_index(r, i);
      docpipe_value *v = S_json_to_value(r, item, rc);
      r->path[mark] = '\0';
      if (!v) {
        docpipe_value_free(list);
        return NULL;
      }
      docpipe_value_append(list, v);
    }
    return list;
  }
  case JSON_OBJECT: {
    docpipe_value *map = docpipe_value_new_map();
    const char *key;
    json_t *item;
    json_object_foreach(j, key, item) {
      if (json_is_null(item)) continue;
      size_t mark = S_push_key(r, key);
      docpipe_value *v = S_json_to_value(r, item, rc);
      if (v && docpipe_value_set(map, key, v)) {
        *rc = S_fail(r, DOCPIPE_EPARSE, "invalid key");
        v = NULL;
      }
      r->path[mark] = '\0';
      if (!v) {
        docpipe_value_free(map);
        return NULL;
      }
    }
    return map;
  }
  default:
    *rc = S_fail(r, DOCPIPE_EPARSE, "unexpected null");
    return NULL;
  }
}

static int S_get_string(S_reader *r, json_t *o, const char *key, const char **out) {
  json_t *v = json_object_get(o, key);
  *out = "";
  if (!v) return 0;
  if (!json_is_string(v)) {
    size_t mark = S_push_key(r, key);
    int rc = S_fail(r, DOCPIPE_EPARSE, "expected a string");
    r->path[mark] = '\0';
    return rc;
  }
  if (strlen(json_string_value(v)) != json_string_length(v)) {
    size_t mark = S_push_key(r, key);
    int rc = S_fail(r, DOCPIPE_EPARSE, "string with a NUL byte");
    r->path[mark] = '\0';
    return rc;
  }
  *out = json_string_value(v);
  return 0;
}

static int S_get_int(S_reader *r, json_t *o, const char *key, int fallback, int *out) {
  json_t *v = json_object_get(o, key);
  *out = fallback;
  if (!v) return 0;
  if (!json_is_integer(v) || json_integer_value(v) < 0 || json_integer_value(v) > 1000000000) {
    size_t mark = S_push_key(r, key);
    int rc = S_fail(r, DOCPIPE_EPARSE, "expected a non-negative integer");
    r->path[mark] = '\0';
    return rc;
  }
  *out = (int)json_integer_value(v);
  return 0;
}

static int S_get_bool(S_reader *r, json_t *o, const char *key, int *out) {
  json_t *v = json_object_get(o, key);
  *out = 0;
  if (!v) return 0;
  if (!json_is_boolean(v)) {
    size_t mark = S_push_key(r, key);
    int rc = S_fail(r, DOCPIPE_EPARSE, "expected true or false");
    r->path[mark] = '\0';
    return rc;
  }
  *out = json_is_true(v);
  return 0;
}

static int S_children(S_reader *r, docpipe_node *parent, json_t *array, size_t depth);

/* Sets the attributes of `n` from object `o`. */
static int S_attributes(S_reader *r, docpipe_node *n, json_t *o) {
  const char *s;
  int i, rc = 0;
  switch (docpipe_node_type_of(n)) {
  case DOCPIPE_NODE_HEADING:
    if ((rc = S_get_int(r, o, "level", 1, &i))) return rc;
    if (docpipe_node_set_heading_level(n, i)) return S_fail(r, DOCPIPE_EPARSE, "heading level not 1-6");
    return 0;
  case DOCPIPE_NODE_LIST:
    if ((rc = S_get_string(r, o, "list_type", &s))) return rc;
    if (*s && strcmp(s, "bullet") && strcmp(s, "ordered"))
      return S_fail(r, DOCPIPE_EPARSE, "list_type must be \"bullet\" or \"ordered\"");
    docpipe_node_set_list_type(n, strcmp(s, "ordered") == 0 ? DOCPIPE_LIST_ORDERED : DOCPIPE_LIST_BULLET);
    if ((rc = S_get_int(r, o, "start", 1, &i))) return rc;
    docpipe_node_set_list_start(n, i);
    if ((rc = S_get_bool(r, o, "tight", &i))) return rc;
    return docpipe_node_set_list_tight(n, i);
  case DOCPIPE_NODE_CODE_BLOCK:
    if ((rc = S_get_string(r, o, "info", &s)) || (rc = docpipe_node_set_info(n, s))) return rc;
    /* fall through */
  case DOCPIPE_NODE_TEXT:
  case DOCPIPE_NODE_CODE:
    if ((rc = S_get_string(r, o, "text", &s))) return rc;
    return docpipe_node_set_literal(n, s);
  case DOCPIPE_NODE_FIGURE:
    if ((rc = S_get_string(r, o, "url", &s)) || (rc = docpipe_node_set_url(n, s))) return rc;
    if ((rc = S_get_string(r, o, "alt", &s))) return rc;
    return docpipe_node_set_alt(n, s);
  case DOCPIPE_NODE_LINK:
  case DOCPIPE_NODE_IMAGE:
    if ((rc = S_get_string(r, o, "url", &s)) || (rc = docpipe_node_set_url(n, s))) return rc;
    if ((rc = S_get_string(r, o, "title", &s))) return rc;
    return docpipe_node_set_title(n, s);
  case DOCPIPE_NODE_TABLE_ROW:
    if ((rc = S_get_bool(r, o, "header", &i))) return rc;
    return docpipe_node_set_row_header(n, i);
  case DOCPIPE_NODE_TABLE_CELL:
    if ((rc = S_get_string(r, o, "align", &s))) return rc;
    for (i = 0; i < 4; i++)
      if (strcmp(s, json_align_names[i]) == 0 || (!*s && i == 0))
        return docpipe_node_set_cell_align(n, (docpipe_align)i);
    return S_fail(r, DOCPIPE_EPARSE, "align must be none, left, center or right");
  default:
    return 0;
  }
}

static int S_node(S_reader *r, docpipe_node *parent, json_t *o, size_t depth) {
  if (!json_is_object(o)) return S_fail(r, DOCPIPE_EPARSE, "expected a node object");
  json_t *t = json_object_get(o, "t");
  if (!json_is_string(t)) return S_fail(r, DOCPIPE_EPARSE, "node without a \"t\" string");
  docpipe_node_type type = docpipe_node_type_from_name(json_string_value(t));
  if (type == DOCPIPE_NODE_NONE || type == DOCPIPE_NODE_DOCUMENT) {
    char what[160];
    snprintf(what, sizeof what, "unknown node type \"%.80s\"", json_string_value(t));
    return S_fail(r, DOCPIPE_EPARSE, what);
  }
  if (!docpipe_node_can_contain(docpipe_node_type_of(parent), type)) {
    char what[160];
    snprintf(what, sizeof what, "a %s cannot hold a %s",
             docpipe_node_type_name(docpipe_node_type_of(parent)), docpipe_node_type_name(type));
    return S_fail(r, DOCPIPE_EPARSE, what);
  }
  if (type == DOCPIPE_NODE_TEXT &&
      docpipe_node_type_of(docpipe_node_last_child(parent)) != DOCPIPE_NODE_TEXT) {
    /* After anything but text, docpipe_node_append_text makes exactly
     * the node below, in one allocation with its text (empty text makes
     * no node there, so it takes the general way). */
    const char *s;
    int rc = S_get_string(r, o, "text", &s);
    if (rc) return rc;
    if (*s) {
      rc = docpipe_node_append_text(parent, s, strlen(s));
      if (rc == DOCPIPE_EINVAL) return S_fail(r, DOCPIPE_EPARSE, "invalid UTF-8 or NUL in a string");
      if (rc) return rc;
      if (json_object_get(o, "c")) return S_fail(r, DOCPIPE_EPARSE, "a leaf node has children");
      return 0;
    }
  }
  docpipe_node *n = docpipe_node_new(type);
  if (!n) return S_fail(r, DOCPIPE_ENOMEM, "out of memory");
  docpipe_node_append_child(parent, n); /* allowed: checked above */
  int rc = S_attributes(r, n, o);
  if (rc == DOCPIPE_EINVAL) rc = S_fail(r, DOCPIPE_EPARSE, "invalid UTF-8 or NUL in a string");
  if (rc) return rc;
  json_t *c = json_object_get(o, "c");
  if (!c) return 0;
  if (docpipe_node_is_leaf(n)) return S_fail(r, DOCPIPE_EPARSE, "a leaf node has children");
  size_t mark = S_push_key(r, "c");
  rc = S_children(r, n, c, depth + 1);
  if (rc == 0) r->path[mark] = '\0';
  return rc;
}

static int S_children(S_reader *r, docpipe_node *parent, json_t *array, size_t depth) {
  if (!json_is_array(array)) return S_fail(r, DOCPIPE_EPARSE, "expected an array of nodes");
  if (r->max_depth && depth > r->max_depth) {
    char what[96];
    snprintf(what, sizeof what, "nested deeper than %zu levels", r->max_depth);
    return S_fail(r, DOCPIPE_ELIMIT, what);
  }
  size_t i;
  json_t *item;
  json_array_foreach(array, i, item) {
    size_t mark = S_push_index(r, i);
    int rc = S_node(r, parent, item, depth);
    if (rc) return rc;
    r->path[mark] = '\0';
  }
  return 0;
}

static int S_check_version(S_reader *r, json_t *root) {
  json_t *v = json_object_get(root, JSON_VERSION_KEY);
  if (!v) return S_fail(r, DOCPIPE_EPARSE, "not a docpipe JSON document (no \"" JSON_VERSION_KEY "\")");
  json_int_t major = -1, minor = 0;
  if (json_is_array(v) && json_array_size(v) >= 1 && json_is_integer(json_array_get(v, 0))) {
    major = json_integer_value(json_array_get(v, 0));
    if (json_is_integer(json_array_get(v, 1))) minor = json_integer_value(json_array_get(v, 1));
  }
  if (major < 0) return S_fail(r, DOCPIPE_EPARSE, JSON_VERSION_KEY " must be [MAJOR, MINOR]");
  if (major != JSON_MAJOR) {
    char what[128];
    snprintf(what, sizeof what, "docpipe JSON version %lld.%lld, this reader reads %d.x",
             (long long)major, (long long)minor, JSON_MAJOR);
    return S_fail(r, DOCPIPE_EPARSE, what);
  }
  return 0;
}

/* Copies the metadata object `meta` (already checked to be an object)
 * into the document's map. */
static int S_meta(S_reader *r, docpipe_doc *doc, json_t *meta) {
  int rc = 0;
  size_t mark = S_push_key(r, "meta");
  docpipe_value *m = S_json_to_value(r, meta, &rc);
  if (!m) return rc;
  r->path[mark] = '\0';
  docpipe_value *dm = docpipe_doc_meta(doc);
  for (size_t i = 0; i < docpipe_value_count(m); i++)
    docpipe_value_set(dm, docpipe_value_key_at(m, i), docpipe_value_copy(docpipe_value_at(m, i)));
  docpipe_value_free(m);
  return 0;
}

/* The whole document as one jansson tree: the reference reading, and
 * the one that reports every error. */
static int S_read_whole(const unsigned char *data, size_t size, const docpipe_args *args,
                        docpipe_doc **out, docpipe_error *err) {
  json_error_t jerr;
  /* jansson rejects invalid UTF-8 and caps nesting (2048 levels) itself. */
  json_t *root = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES, &jerr);
  if (!root)
    return docpipe_error_set(err, DOCPIPE_EPARSE, "invalid JSON at line %d, column %d: %s",
                             jerr.line, jerr.column, jerr.text);
  S_reader r = {.path = "", .max_depth = args->limits.max_depth, .err = err};
  docpipe_doc *doc = NULL;
  int rc = 0;
  if (!json_is_object(root)) {
    rc = S_fail(&r, DOCPIPE_EPARSE, "not a docpipe JSON document (not an object)");
    goto done;
  }
  if ((rc = S_check_version(&r, root))) goto done;
  doc = docpipe_doc_new();
  if (!doc) {
    rc = S_fail(&r, DOCPIPE_ENOMEM, "out of memory");
    goto done;
  }
  json_t *meta = json_object_get(root, "meta");
  if (meta && !json_is_null(meta)) {
    if (!json_is_object(meta)) {
      rc = S_fail(&r, DOCPIPE_EPARSE, "\"meta\" must be an object");
      goto done;
    }
    if ((rc = S_meta(&r, doc, meta))) goto done;
  }
  json_t *blocks = json_object_get(root, "blocks");
  if (blocks) {
    S_push_key(&r, "blocks");
    rc = S_children(&r, docpipe_doc_root(doc), blocks, 1);
  }
done:
  json_decref(root);
  if (rc) {
    docpipe_doc_free(doc);
    return rc;
  }
  *out = doc;
  return 0;
}

/* ---- reading one top-level value at a time ------------------------ */

/* Parsing the whole document first holds every node of it as a jansson
 * object (a hash table each) at once: ~10x the input in scattered small
 * allocations, twice as slow as parsing and converting one block at a
 * time while the block is still in the cache.  S_read_stream does the
 * latter: jansson parses each member of the top-level object, and each
 * element of "blocks", as a value of its own (JSON_DISABLE_EOF_CHECK
 * stops it at the value's end); between values it steps only over JSON
 * whitespace and the one ':' ',' '[' ']' or '}' the grammar allows
 * there.  Anything else -- including every error -- returns 1 and the
 * document is read again whole by S_read_whole, so errors, their
 * messages and the accepted language are exactly S_read_whole's. */

#define S_JANSSON_MAX_DEPTH 2048 /* JSON_PARSER_MAX_DEPTH in jansson's load.c */

typedef struct {
  const char *s;
  size_t size, pos;
} S_cursor;

static void S_skip_ws(S_cursor *c) {
  while (c->pos < c->size &&
         (c->s[c->pos] == ' ' || c->s[c->pos] == '\n' || c->s[c->pos] == '\t' || c->s[c->pos] == '\r'))
    c->pos++;
}

static int S_expect(S_cursor *c, char ch) {
  S_skip_ws(c);
  if (c->pos >= c->size || c->s[c->pos] != ch) return 0;
  c->pos++;
  return 1;
}

/* Depth of value `j` as jansson counts it (a scalar is 1). */
static size_t S_depth(json_t *j) {
  size_t deepest = 0, d;
  if (json_is_array(j)) {
    size_t i;
    json_t *v;
    json_array_foreach(j, i, v) if ((d = S_depth(v)) > deepest) deepest = d;
  } else if (json_is_object(j)) {
    const char *k;
    json_t *v;
    json_object_foreach(j, k, v) if ((d = S_depth(v)) > deepest) deepest = d;
  } else {
    return 1;
  }
  return deepest + 1;
}

/* The value at the cursor, parsed by jansson, or NULL.  `outer` is how
 * many containers hold it in the whole document: jansson would refuse it
 * there when outer + its depth > 2048, so it is refused here too. */
static json_t *S_value_at(S_cursor *c, size_t outer) {
  S_skip_ws(c);
  json_error_t jerr;
  json_t *v = json_loadb(c->s + c->pos, c->size - c->pos,
                         JSON_DECODE_ANY | JSON_DISABLE_EOF_CHECK | JSON_REJECT_DUPLICATES, &jerr);
  if (!v) return NULL;
  if (jerr.position <= 0 || (size_t)jerr.position > c->size - c->pos) {
    json_decref(v);
    return NULL;
  }
  /* A value of depth k holds at least k - 1 brackets: count them (in
   * strings too, which only overestimates) before walking the tree. */
  size_t brackets = 0;
  for (size_t i = c->pos; i < c->pos + (size_t)jerr.position; i++)
    brackets += c->s[i] == '[' || c->s[i] == '{';
  c->pos += (size_t)jerr.position;
  if (outer + brackets + 1 > S_JANSSON_MAX_DEPTH && outer + S_depth(v) > S_JANSSON_MAX_DEPTH) {
    json_decref(v);
    return NULL;
  }
  return v;
}

/* The elements of "blocks", converted one by one; 0 or 1 (not read). */
static int S_stream_blocks(S_reader *r, S_cursor *c, docpipe_doc *doc) {
  if (!S_expect(c, '[')) return 1;
  if (r->max_depth && 1 > r->max_depth) return 1;
  S_skip_ws(c);
  if (c->pos < c->size && c->s[c->pos] == ']') {
    c->pos++;
    return 0;
  }
  for (;;) {
    json_t *item = S_value_at(c, 2);
    if (!item) return 1;
    int rc = S_node(r, docpipe_doc_root(doc), item, 1);
    json_decref(item);
    if (rc) return 1;
    S_skip_ws(c);
    if (c->pos >= c->size) return 1;
    char ch = c->s[c->pos++];
    if (ch == ']') return 0;
    if (ch != ',') return 1;
  }
}

static int S_read_stream(const unsigned char *data, size_t size, const docpipe_args *args,
                         docpipe_doc **out) {
  docpipe_error scratch = DOCPIPE_ERROR_INIT;
  S_reader r = {.path = "", .max_depth = args->limits.max_depth, .err = &scratch};
  S_cursor c = {(const char *)data, size, 0};
  docpipe_doc *doc = docpipe_doc_new();
  json_t *seen = json_object(), *version = NULL, *meta = NULL;
  int rc = !doc || !seen || !S_expect(&c, '{');
  S_skip_ws(&c);
  if (rc == 0 && c.pos < size && data[c.pos] == '}') rc = 1; /* {}: no version */
  while (rc == 0) {
    json_t *key = S_value_at(&c, 1);
    const char *k = json_string_value(key);
    if (!k || strlen(k) != json_string_length(key) || json_object_get(seen, k) ||
        json_object_set_new(seen, k, json_null()) || !S_expect(&c, ':')) {
      json_decref(key);
      rc = 1;
      break;
    }
    if (strcmp(k, "blocks") == 0) {
      rc = S_stream_blocks(&r, &c, doc);
    } else {
      json_t *v = S_value_at(&c, 1);
      if (!v) rc = 1;
      else if (strcmp(k, JSON_VERSION_KEY) == 0) version = v;
      else if (strcmp(k, "meta") == 0) meta = v;
      else json_decref(v);
    }
    json_decref(key);
    if (rc) break;
    S_skip_ws(&c);
    if (c.pos >= size) rc = 1;
    else if (data[c.pos] == '}') {
      c.pos++;
      break;
    } else if (data[c.pos++] != ',') {
      rc = 1;
    }
  }
  S_skip_ws(&c);
  if (rc == 0 && (c.pos != size || !version)) rc = 1;
  if (rc == 0) {
    json_t *root = json_object();
    rc = !root || json_object_set(root, JSON_VERSION_KEY, version) || S_check_version(&r, root);
    json_decref(root);
  }
  if (rc == 0 && meta && !json_is_null(meta))
    rc = !json_is_object(meta) || S_meta(&r, doc, meta);
  json_decref(version);
  json_decref(meta);
  json_decref(seen);
  if (rc) {
    docpipe_doc_free(doc);
    return 1;
  }
  *out = doc;
  return 0;
}

static int S_read(const unsigned char *data, size_t size, const docpipe_args *args,
                  docpipe_doc **out, docpipe_error *err) {
  if (S_read_stream(data, size, args, out) == 0) return 0;
  return S_read_whole(data, size, args, out, err);
}

/* A docpipe JSON document is an object naming its version near the top;
 * any other JSON object scores low (it may still be read with -f json). */
static int S_probe(const unsigned char *data, size_t size, const char *name_hint) {
  (void)name_hint;
  size_t i = 0;
  if (size >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF) i = 3;
  while (i < size && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r')) i++;
  if (i >= size || data[i] != '{') return 0;
  size_t window = size - i < 512 ? size - i : 512;
  for (size_t k = i; k + sizeof JSON_VERSION_KEY - 1 <= i + window; k++)
    if (memcmp(data + k, JSON_VERSION_KEY, sizeof JSON_VERSION_KEY - 1) == 0) return DOCPIPE_PROBE_SCORE_MAX;
  return 20;
}

static const docpipe_plugin S_plugin = {
    .abi_version = DOCPIPE_ABI_VERSION,
    .name = "json",
    .version = "1.0.0",
    .description = "docpipe JSON: the lossless serialisation of the document model",
    .extensions = "json",
    .mime_types = "application/json",
    .flags = 0,
    .probe = S_probe,
    .read = S_read,
    .write = json_write,
};

DOCPIPE_PLUGIN_ENTRY const docpipe_plugin *docpipe_plugin_entry(void) { return &S_plugin; }
