/* The json writer: docpipe JSON text written straight into the output.
 *
 * The bytes are exactly those jansson's json_dumps(tree, JSON_INDENT(1) |
 * JSON_PRESERVE_ORDER) gave for the tree the writer used to build (kept
 * as the reference in tests/json/json_reference.c, which checks the
 * equality): building that tree cost a hash table per node and a
 * loop-check snprintf per container, five times the cost of the text.
 * jansson's rules, reproduced here:
 *   - an object or array at nesting depth d with members writes "{" (or
 *     "["), then each member on its own line indented d + 1 spaces,
 *     members separated by ",", then a line indented d spaces and "}";
 *     an empty one is "{}" or "[]";
 *   - an object member is "KEY": VALUE (one space after the colon);
 *   - strings escape '"' '\\' and the control characters below U+0020
 *     only: \b \f \n \r \t by name, the others as \u00XX (upper-case
 *     hex); everything else, '/' and non-ASCII included, is copied (the
 *     model holds valid UTF-8 only, which jansson would also require);
 *   - integers are printed with "%lld", booleans as true / false. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "json.h"

#define S_CHUNK 65536

typedef struct {
  docpipe_buf *out;
  size_t n;
  int rc;
  char buf[S_CHUNK];
} S_jw;

static void S_flush(S_jw *w) {
  if (w->n && w->rc == 0) w->rc = docpipe_buf_append(w->out, w->buf, w->n);
  w->n = 0;
}

static void S_put(S_jw *w, const char *s, size_t len) {
  if (len > S_CHUNK - w->n) {
    S_flush(w);
    if (len > S_CHUNK) {
      if (w->rc == 0) w->rc = docpipe_buf_append(w->out, s, len);
      return;
    }
  }
  memcpy(w->buf + w->n, s, len);
  w->n += len;
}
#define S_LIT(w, s) S_put((w), (s), sizeof(s) - 1)

/* A line break and `depth` spaces (jansson's dump_indent). */
static void S_indent(S_jw *w, int depth) {
  size_t need = (size_t)depth + 1;
  if (need > S_CHUNK - w->n) S_flush(w);
  if (need <= S_CHUNK) {
    w->buf[w->n] = '\n';
    memset(w->buf + w->n + 1, ' ', (size_t)depth);
    w->n += need;
    return;
  }
  S_LIT(w, "\n");
  static const char spaces[] = "                                ";
  for (size_t left = (size_t)depth; left;) {
    size_t k = left < sizeof spaces - 1 ? left : sizeof spaces - 1;
    S_put(w, spaces, k);
    left -= k;
  }
}

/* 1 for the bytes jansson escapes. */
static const unsigned char S_escape[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
};

/* 1 when none of the 8 bytes at p is escaped: no byte below 0x20, no
 * '"', no '\\' (the usual "has a zero byte" test on w, w ^ '"' and
 * w ^ '\\', and "has a byte < 0x20" on w; exact, no false answers). */
static int S_plain8(const unsigned char *p) {
  const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
  uint64_t v, q, b;
  memcpy(&v, p, 8);
  q = v ^ (ones * '"');
  b = v ^ (ones * '\\');
  return !((((q - ones) & ~q) | ((b - ones) & ~b) | ((v - ones * 0x20) & ~v)) & highs);
}

static void S_string(S_jw *w, const char *s) {
  static const char hex[] = "0123456789ABCDEF";
  const unsigned char *p = (const unsigned char *)s, *end = p + strlen(s);
  S_LIT(w, "\"");
  for (;;) {
    const unsigned char *run = p;
    while (end - p >= 8 && S_plain8(p)) p += 8;
    while (!S_escape[*p]) p++;
    if (p > run) S_put(w, (const char *)run, (size_t)(p - run));
    if (!*p) break;
    switch (*p) {
    case '"': S_LIT(w, "\\\""); break;
    case '\\': S_LIT(w, "\\\\"); break;
    case '\b': S_LIT(w, "\\b"); break;
    case '\f': S_LIT(w, "\\f"); break;
    case '\n': S_LIT(w, "\\n"); break;
    case '\r': S_LIT(w, "\\r"); break;
    case '\t': S_LIT(w, "\\t"); break;
    default: {
      char u[6] = {'\\', 'u', '0', '0', hex[*p >> 4], hex[*p & 15]};
      S_put(w, u, sizeof u);
    }
    }
    p++;
  }
  S_LIT(w, "\"");
}

/* A member after the first: ",", the indent, then "KEY": . */
static void S_key(S_jw *w, int depth, const char *key, int first) {
  if (!first) S_LIT(w, ",");
  S_indent(w, depth);
  S_string(w, key);
  S_LIT(w, ": ");
}

/* `,"key": "value"` — a string field after the first. */
static void S_string_field(S_jw *w, int depth, const char *key, const char *value) {
  S_key(w, depth, key, 0);
  S_string(w, value);
}

static void S_int(S_jw *w, long long v) {
  char num[32];
  int k = snprintf(num, sizeof num, "%lld", v);
  S_put(w, num, (size_t)k);
}

static void S_bool(S_jw *w, int v) {
  if (v) S_LIT(w, "true");
  else S_LIT(w, "false");
}

/* A metadata value at JSON depth `depth`; `level` is its nesting under
 * the metadata map (0), which the old writer limited. */
static int S_value(S_jw *w, const docpipe_value *v, int depth, int level) {
  if (level > JSON_WRITE_MAX_DEPTH) return DOCPIPE_ELIMIT;
  docpipe_value_kind kind = docpipe_value_kind_of(v);
  if (kind == DOCPIPE_VALUE_STRING) {
    S_string(w, docpipe_value_string(v));
    return 0;
  }
  if (kind != DOCPIPE_VALUE_LIST && kind != DOCPIPE_VALUE_MAP) return DOCPIPE_EINVAL;
  size_t n = docpipe_value_count(v);
  S_put(w, kind == DOCPIPE_VALUE_LIST ? "[" : "{", 1);
  for (size_t i = 0; i < n; i++) {
    if (kind == DOCPIPE_VALUE_MAP) {
      S_key(w, depth + 1, docpipe_value_key_at(v, i), i == 0);
    } else {
      if (i) S_LIT(w, ",");
      S_indent(w, depth + 1);
    }
    int rc = S_value(w, docpipe_value_at(v, i), depth + 1, level + 1);
    if (rc) return rc;
  }
  if (n) S_indent(w, depth);
  S_put(w, kind == DOCPIPE_VALUE_LIST ? "]" : "}", 1);
  return 0;
}

static int S_children(S_jw *w, const docpipe_node *parent, int depth, int level);

/* A node object at JSON depth `depth`; `level` is its depth in the tree,
 * which the old writer limited (the document is level 0). */
static int S_node(S_jw *w, const docpipe_node *n, int depth, int level) {
  if (level > JSON_WRITE_MAX_DEPTH) return DOCPIPE_ELIMIT;
  docpipe_node_type t = docpipe_node_type_of(n);
  S_LIT(w, "{");
  S_key(w, depth + 1, "t", 1);
  S_string(w, docpipe_node_type_name(t));
  switch (t) {
  case DOCPIPE_NODE_HEADING:
    S_key(w, depth + 1, "level", 0);
    S_int(w, docpipe_node_heading_level(n));
    break;
  case DOCPIPE_NODE_LIST:
    S_string_field(w, depth + 1, "list_type",
                   docpipe_node_list_type(n) == DOCPIPE_LIST_ORDERED ? "ordered" : "bullet");
    S_key(w, depth + 1, "start", 0);
    S_int(w, docpipe_node_list_start(n));
    S_key(w, depth + 1, "tight", 0);
    S_bool(w, docpipe_node_list_tight(n));
    break;
  case DOCPIPE_NODE_CODE_BLOCK:
    S_string_field(w, depth + 1, "info", docpipe_node_info(n));
    /* fall through */
  case DOCPIPE_NODE_TEXT:
  case DOCPIPE_NODE_CODE:
    S_string_field(w, depth + 1, "text", docpipe_node_literal(n));
    break;
  case DOCPIPE_NODE_FIGURE:
    S_string_field(w, depth + 1, "url", docpipe_node_url(n));
    S_string_field(w, depth + 1, "alt", docpipe_node_alt(n));
    break;
  case DOCPIPE_NODE_LINK:
  case DOCPIPE_NODE_IMAGE:
    S_string_field(w, depth + 1, "url", docpipe_node_url(n));
    S_string_field(w, depth + 1, "title", docpipe_node_title(n));
    break;
  case DOCPIPE_NODE_TABLE_ROW:
    S_key(w, depth + 1, "header", 0);
    S_bool(w, docpipe_node_row_header(n));
    break;
  case DOCPIPE_NODE_TABLE_CELL:
    S_string_field(w, depth + 1, "align", json_align_names[docpipe_node_cell_align(n)]);
    break;
  default:
    break;
  }
  if (!docpipe_node_is_leaf(n)) {
    S_key(w, depth + 1, "c", 0);
    int rc = S_children(w, n, depth + 1, level);
    if (rc) return rc;
  }
  S_indent(w, depth);
  S_LIT(w, "}");
  return 0;
}

/* The array of the children of `parent`, at JSON depth `depth`. */
static int S_children(S_jw *w, const docpipe_node *parent, int depth, int level) {
  const docpipe_node *k = docpipe_node_first_child(parent);
  if (!k) {
    S_LIT(w, "[]");
    return 0;
  }
  S_LIT(w, "[");
  for (; k; k = docpipe_node_next(k)) {
    if (k != docpipe_node_first_child(parent)) S_LIT(w, ",");
    S_indent(w, depth + 1);
    int rc = S_node(w, k, depth + 1, level + 1);
    if (rc) return rc;
    if (w->rc) return w->rc;
  }
  S_indent(w, depth);
  S_LIT(w, "]");
  return 0;
}

int json_write(const docpipe_doc *doc, const docpipe_args *args, docpipe_buf *out,
               docpipe_error *err) {
  (void)args;
  S_jw *w = docpipe_malloc(sizeof *w);
  if (!w) return docpipe_error_set(err, DOCPIPE_ENOMEM, "out of memory");
  w->out = out;
  w->n = 0;
  w->rc = 0;
  size_t start = out->len;
  S_LIT(w, "{");
  S_key(w, 1, JSON_VERSION_KEY, 1);
  S_LIT(w, "[");
  S_indent(w, 2);
  S_int(w, JSON_MAJOR);
  S_LIT(w, ",");
  S_indent(w, 2);
  S_int(w, JSON_MINOR);
  S_indent(w, 1);
  S_LIT(w, "]");
  S_key(w, 1, "meta", 0);
  int rc = S_value(w, docpipe_doc_meta(doc), 1, 0);
  if (rc == 0) {
    S_key(w, 1, "blocks", 0);
    rc = S_children(w, docpipe_doc_root(doc), 1, 0);
  }
  if (rc == 0) S_LIT(w, "\n}\n");
  S_flush(w);
  if (rc == 0) rc = w->rc;
  docpipe_free(w);
  if (rc == 0) return 0;
  /* Nothing of a failed document is left in `out`. */
  out->len = start;
  if (out->data) out->data[start] = '\0';
  if (rc == DOCPIPE_ENOMEM) return docpipe_error_set(err, DOCPIPE_ENOMEM, "out of memory");
  return docpipe_error_set(err, DOCPIPE_ELIMIT,
                           "cannot serialise the document (out of memory or nested deeper "
                           "than %d levels)", JSON_WRITE_MAX_DEPTH);
}
