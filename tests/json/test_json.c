/* The json plugin through the library: round trips byte for byte, every
 * node and metadata kind, and each class of invalid input. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docpipe/plugin.h"
#include "harness.h"
#include "json/json_reference.h"

static const docpipe_plugin *json;

static int S_read(const char *text, size_t len, docpipe_doc **doc, docpipe_error *err) {
  return docpipe_plugin_read(json, (const unsigned char *)text, len, NULL, doc, err);
}

static char *S_write(const docpipe_doc *doc) {
  docpipe_buf b = DOCPIPE_BUF_INIT;
  docpipe_error err = DOCPIPE_ERROR_INIT;
  if (docpipe_plugin_write(json, doc, NULL, &b, &err)) {
    fprintf(stderr, "write: %s\n", err.message);
    docpipe_buf_free(&b);
    return NULL;
  }
  return docpipe_buf_detach(&b, NULL);
}

/* A document with every node kind and every metadata kind, built by hand. */
static docpipe_doc *S_build(void) {
  docpipe_doc *d = docpipe_doc_new();
  docpipe_value *m = docpipe_doc_meta(d);
  docpipe_value_set_string(m, "title", "Kết luận số 114-KL/TW");
  docpipe_value *authors = docpipe_value_new_list();
  docpipe_value_append_string(authors, "Nguyễn Văn A");
  docpipe_value_set(m, "authors", authors);
  docpipe_value *decisions = docpipe_value_new_list(), *rec = docpipe_value_new_map();
  docpipe_value_set_string(rec, "code", "114-KL/TW");
  docpipe_value_append(decisions, rec);
  docpipe_value_set(m, "decisions", decisions);
  docpipe_node *root = docpipe_doc_root(d);
  docpipe_node *h = docpipe_node_add(root, DOCPIPE_NODE_HEADING);
  docpipe_node_set_heading_level(h, 3);
  docpipe_node_append_text(h, "Tiêu đề", strlen("Tiêu đề"));
  docpipe_node *p = docpipe_node_add(root, DOCPIPE_NODE_PARAGRAPH);
  docpipe_node_append_text(p, "a \"quoted\" \\ text", 18);
  docpipe_node_add(p, DOCPIPE_NODE_SOFT_BREAK);
  docpipe_node_add(p, DOCPIPE_NODE_LINE_BREAK);
  docpipe_node_set_literal(docpipe_node_add(p, DOCPIPE_NODE_CODE), "x<y");
  docpipe_node_append_text(docpipe_node_add(p, DOCPIPE_NODE_EMPH), "e", 1);
  docpipe_node_append_text(docpipe_node_add(p, DOCPIPE_NODE_STRONG), "s", 1);
  docpipe_node *link = docpipe_node_add(p, DOCPIPE_NODE_LINK);
  docpipe_node_set_url(link, "https://example.org/?a=1&b=2");
  docpipe_node_set_title(link, "t");
  docpipe_node_append_text(link, "l", 1);
  docpipe_node *img = docpipe_node_add(p, DOCPIPE_NODE_IMAGE);
  docpipe_node_set_url(img, "i.png");
  docpipe_node_append_text(img, "alt", 3);
  docpipe_node *q = docpipe_node_add(root, DOCPIPE_NODE_BLOCK_QUOTE);
  docpipe_node_append_text(docpipe_node_add(q, DOCPIPE_NODE_PARAGRAPH), "q", 1);
  docpipe_node *list = docpipe_node_add(root, DOCPIPE_NODE_LIST);
  docpipe_node_set_list_type(list, DOCPIPE_LIST_ORDERED);
  docpipe_node_set_list_start(list, 4);
  docpipe_node_set_list_tight(list, 1);
  docpipe_node *item = docpipe_node_add(list, DOCPIPE_NODE_ITEM);
  docpipe_node_append_text(docpipe_node_add(item, DOCPIPE_NODE_PARAGRAPH), "i", 1);
  docpipe_node *cb = docpipe_node_add(root, DOCPIPE_NODE_CODE_BLOCK);
  docpipe_node_set_info(cb, "c");
  docpipe_node_set_literal(cb, "int x;\n");
  docpipe_node_add(root, DOCPIPE_NODE_THEMATIC_BREAK);
  docpipe_node *fig = docpipe_node_add(root, DOCPIPE_NODE_FIGURE);
  docpipe_node_set_url(fig, "f.jpg");
  docpipe_node_set_alt(fig, "ảnh");
  docpipe_node_append_text(fig, "caption", 7);
  docpipe_node *table = docpipe_node_add(root, DOCPIPE_NODE_TABLE);
  docpipe_node *row = docpipe_node_add(table, DOCPIPE_NODE_TABLE_ROW);
  docpipe_node_set_row_header(row, 1);
  docpipe_node *cell = docpipe_node_add(row, DOCPIPE_NODE_TABLE_CELL);
  docpipe_node_set_cell_align(cell, DOCPIPE_ALIGN_CENTER);
  docpipe_node_append_text(cell, "c", 1);
  return d;
}

static void test_round_trip(void) {
  docpipe_doc *d = S_build();
  char *first = S_write(d);
  OK(first != NULL, "written");
  docpipe_doc *back = NULL;
  docpipe_error err = DOCPIPE_ERROR_INIT;
  INT_EQ(S_read(first, strlen(first), &back, &err), 0, "read back");
  if (err.message[0]) fprintf(stderr, "     %s\n", err.message);
  char *second = back ? S_write(back) : NULL;
  STR_EQ(second, first, "write(read(write(doc))) == write(doc)");
  OK(back && docpipe_value_equal(docpipe_doc_meta(d), docpipe_doc_meta(back)), "metadata equal");
  char *t1 = docpipe_node_text_content(docpipe_doc_root(d));
  char *t2 = back ? docpipe_node_text_content(docpipe_doc_root(back)) : NULL;
  STR_EQ(t2, t1, "text equal");
  OK(strstr(first, "\"level\": 3") && strstr(first, "\"start\": 4") && strstr(first, "\"align\": \"center\""),
     "attributes written");
  docpipe_free(t1);
  docpipe_free(t2);
  docpipe_free(first);
  docpipe_free(second);
  docpipe_doc_free(back);
  docpipe_doc_free(d);
}

static void S_expect_error(const char *json_text, const char *fragment, const char *what) {
  docpipe_doc *doc = NULL;
  docpipe_error err = DOCPIPE_ERROR_INIT;
  int rc = S_read(json_text, strlen(json_text), &doc, &err);
  OK(rc < 0 && doc == NULL, what);
  if (!strstr(err.message, fragment)) {
    fprintf(stderr, "FAIL %s: message \"%s\" lacks \"%s\"\n", what, err.message, fragment);
    OK(0, what);
  }
  OK(strchr(err.message, '\n') == NULL, "one line");
}

#define V "{\"docpipe-json-version\": [1, 0], "

static void test_invalid(void) {
  S_expect_error(V "\"blocks\": [", "invalid JSON", "truncated");
  S_expect_error("[1, 2]", "not an object", "not an object");
  S_expect_error("{\"blocks\": []}", "docpipe-json-version", "no version");
  S_expect_error("{\"docpipe-json-version\": [2, 0]}", "version 2.0", "another major version");
  S_expect_error(V "\"blocks\": 5}", "blocks", "blocks not an array");
  S_expect_error(V "\"blocks\": [{\"c\": []}]}", "blocks[0]", "node without t");
  S_expect_error(V "\"blocks\": [{\"t\": \"bogus\"}]}", "unknown node type", "unknown type");
  S_expect_error(V "\"blocks\": [{\"t\": \"paragraph\", \"c\": [{\"t\": \"paragraph\", \"c\": []}]}]}",
                 "blocks[0].c[0]: a paragraph cannot hold a paragraph", "forbidden containment");
  S_expect_error(V "\"blocks\": [{\"t\": \"heading\", \"level\": 9, \"c\": []}]}", "level", "level 9");
  S_expect_error(V "\"blocks\": [{\"t\": \"heading\", \"level\": \"2\", \"c\": []}]}", "integer",
                 "level as a string");
  S_expect_error(V "\"blocks\": [{\"t\": \"thematic_break\", \"c\": []}]}", "leaf", "children of a leaf");
  S_expect_error(V "\"meta\": {\"title\": \"a\\u0000b\"}}", "NUL", "NUL in metadata");
  S_expect_error(V "\"meta\": {\"title\": \"\xC3\x28\"}}", "invalid JSON", "invalid UTF-8");
  S_expect_error(V "\"meta\": {\"a\": \"1\", \"a\": \"2\"}}", "invalid JSON", "duplicate key");
  S_expect_error(V "\"meta\": [1]}", "meta", "meta not an object");
  /* 100,000 levels: jansson refuses past 2048 without recursing deeper. */
  size_t n = 100000;
  char *deep = malloc(n * 2 + 64);
  strcpy(deep, V "\"blocks\": ");
  size_t at = strlen(deep);
  memset(deep + at, '[', n);
  memset(deep + at + n, ']', n);
  strcpy(deep + at + 2 * n, "}");
  S_expect_error(deep, "invalid JSON", "100,000 nested arrays");
  free(deep);
  /* Deep but valid node nesting beyond the depth limit: ELIMIT, not a crash. */
  docpipe_buf b = DOCPIPE_BUF_INIT;
  docpipe_buf_puts(&b, V "\"blocks\": [");
  for (int i = 0; i < 600; i++) docpipe_buf_puts(&b, "{\"t\": \"block_quote\", \"c\": [");
  for (int i = 0; i < 600; i++) docpipe_buf_puts(&b, "]}");
  docpipe_buf_puts(&b, "]}");
  S_expect_error(b.data, "nested deeper", "600 nested quotes over the depth limit");
  docpipe_buf_free(&b);
}

static void test_lenient_values(void) {
  const char *text = V "\"meta\": {\"n\": 5, \"r\": 1.5, \"b\": false, \"z\": null, \"l\": [\"a\", null, 2]}}";
  docpipe_doc *doc = NULL;
  docpipe_error err = DOCPIPE_ERROR_INIT;
  INT_EQ(S_read(text, strlen(text), &doc, &err), 0, "numbers, booleans and nulls accepted");
  docpipe_value *m = docpipe_doc_meta(doc);
  STR_EQ(docpipe_meta_string(m, "n"), "5", "integer as text");
  STR_EQ(docpipe_meta_string(m, "r"), "1.5", "real as text");
  STR_EQ(docpipe_meta_string(m, "b"), "false", "boolean as text");
  OK(docpipe_value_get(m, "z") == NULL, "null dropped");
  INT_EQ(docpipe_meta_list_count(m, "l"), 2, "null list item dropped");
  docpipe_doc_free(doc);
}

/* The writer must give the bytes jansson gave (json_reference.c). */
static void S_expect_same(const docpipe_doc *doc, const char *what) {
  char *mine = S_write(doc);
  char *ref = json_reference_write(doc);
  OK(mine != NULL && ref != NULL, what);
  if (mine && ref && strcmp(mine, ref) != 0) {
    size_t i = 0;
    while (mine[i] && mine[i] == ref[i]) i++;
    fprintf(stderr, "FAIL %s: first difference at byte %zu: \"%.40s\" vs jansson's \"%.40s\"\n", what, i,
            mine + i, ref + i);
    OK(0, what);
  }
  free(mine);
  free(ref);
}

static docpipe_doc *S_tricky(void) {
  docpipe_doc *d = docpipe_doc_new();
  docpipe_value *m = docpipe_doc_meta(d);
  char controls[40];
  for (int c = 1; c < 0x20; c++) controls[c - 1] = (char)c;
  strcpy(controls + 31, "\"\\/\x7f");
  docpipe_value_set_string(m, "controls", controls);
  docpipe_value_set_string(m, "key \"with\" \\ and \t", "v");
  docpipe_value_set_string(m, "unicode", "\xE2\x80\xA8 \xE2\x80\xA9 \xF0\x9F\x98\x80 \xEF\xBF\xBD");
  docpipe_value_set(m, "empty_list", docpipe_value_new_list());
  docpipe_value_set(m, "empty_map", docpipe_value_new_map());
  docpipe_value *nested = docpipe_value_new_map(), *inner = docpipe_value_new_list();
  docpipe_value_append(inner, docpipe_value_new_map());
  docpipe_value_append(inner, docpipe_value_new_list());
  docpipe_value_append_string(inner, "");
  docpipe_value_set(nested, "inner", inner);
  docpipe_value_set(m, "nested", nested);
  docpipe_node *root = docpipe_doc_root(d);
  docpipe_node_add(root, DOCPIPE_NODE_PARAGRAPH);
  docpipe_node_add(root, DOCPIPE_NODE_LIST);
  docpipe_node_add(root, DOCPIPE_NODE_CODE_BLOCK);
  docpipe_node *p = docpipe_node_add(root, DOCPIPE_NODE_PARAGRAPH);
  docpipe_node_append_text(p, controls, strlen(controls));
  docpipe_node_add(p, DOCPIPE_NODE_LINK);
  docpipe_node *q = root;
  for (int i = 0; i < 150; i++) q = docpipe_node_add(q, DOCPIPE_NODE_BLOCK_QUOTE);
  docpipe_node_append_text(docpipe_node_add(q, DOCPIPE_NODE_PARAGRAPH), "deep", 4);
  /* a string longer than the writer's 64 KiB chunk */
  size_t big = 200000;
  char *long_text = malloc(big + 1);
  for (size_t i = 0; i < big; i++) long_text[i] = "ab\"\n"[i % 4];
  long_text[big] = 0;
  docpipe_node_set_literal(docpipe_node_add(root, DOCPIPE_NODE_CODE_BLOCK), long_text);
  free(long_text);
  return d;
}

static void S_same_for_dir(const char *dir, int *files) {
  DIR *dh = opendir(dir);
  if (!dh) return;
  struct dirent *e;
  while ((e = readdir(dh))) {
    size_t n = strlen(e->d_name);
    if (n < 6 || strcmp(e->d_name + n - 5, ".json") != 0) continue;
    char path[8192];
    if (snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= (int)sizeof path) continue;
    unsigned char *data;
    size_t size;
    docpipe_error err = DOCPIPE_ERROR_INIT;
    docpipe_doc *doc = NULL;
    if (docpipe_file_read(path, 0, &data, &size, &err)) continue;
    if (docpipe_plugin_read(json, data, size, NULL, &doc, &err) == 0) {
      S_expect_same(doc, path);
      (*files)++;
    }
    docpipe_free(data);
    docpipe_doc_free(doc);
  }
  closedir(dh);
}

static void test_same_as_jansson(void) {
  docpipe_doc *d = S_build();
  S_expect_same(d, "every node kind");
  docpipe_doc_free(d);
  d = docpipe_doc_new();
  S_expect_same(d, "empty document");
  docpipe_doc_free(d);
  d = S_tricky();
  S_expect_same(d, "escapes, empty containers, deep nesting, long strings");
  docpipe_doc_free(d);
  /* At the depth limit both write; one level deeper both refuse. */
  d = docpipe_doc_new();
  docpipe_node *q = docpipe_doc_root(d);
  for (int i = 0; i < 4000; i++) q = docpipe_node_add(q, DOCPIPE_NODE_BLOCK_QUOTE);
  S_expect_same(d, "4000 nested quotes");
  docpipe_node_add(q, DOCPIPE_NODE_THEMATIC_BREAK);
  char *ref = json_reference_write(d);
  char *mine = S_write(d);
  OK(ref == NULL && mine == NULL, "4001 levels refused by both");
  free(ref);
  free(mine);
  docpipe_doc_free(d);
  const char *src = getenv("DOCPIPE_SOURCE_DIR");
  if (!src) return;
  static const char *const dirs[] = {"samples/json", "samples/html", "tests/seeds",
                                     "tests/html_writer/data", "tests/docx_fixtures"};
  int files = 0;
  for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/%s", src, dirs[i]);
    S_same_for_dir(dir, &files);
  }
  OK(files >= 5, "checked the checked-in JSON documents");
}

/* `"x": [[...]]` nested n deep, at the top level or inside a block. */
static char *S_nested(const char *before, size_t n, const char *after) {
  docpipe_buf b = DOCPIPE_BUF_INIT;
  docpipe_buf_puts(&b, before);
  for (size_t i = 0; i < n; i++) docpipe_buf_puts(&b, "[");
  for (size_t i = 0; i < n; i++) docpipe_buf_puts(&b, "]");
  docpipe_buf_puts(&b, after);
  return docpipe_buf_detach(&b, NULL);
}

/* The reader converts one block at a time (falling back to the whole
 * tree on anything unusual): what it accepts must not change. */
/* `prefix` + `levels` nested objects + `suffix` is 2048 deep and reads;
 * one level more is refused as invalid JSON. */
static void S_expect_depth_limit(const char *prefix, size_t levels, const char *suffix,
                                 const char *what) {
  char msg[128];
  docpipe_doc *doc = NULL;
  docpipe_error err = DOCPIPE_ERROR_INIT;
  char *deep = S_nested(prefix, levels, suffix);
  snprintf(msg, sizeof msg, "%s 2048 deep", what);
  INT_EQ(S_read(deep, strlen(deep), &doc, &err), 0, msg);
  docpipe_doc_free(doc);
  free(deep);
  deep = S_nested(prefix, levels + 1, suffix);
  snprintf(msg, sizeof msg, "%s 2049 deep", what);
  S_expect_error(deep, "invalid JSON", msg);
  free(deep);
}

static void test_layouts(void) {
  const char *ok[] = {
      "{\"blocks\": [{\"t\": \"paragraph\"}], \"meta\": {\"a\": \"b\"}, \"docpipe-json-version\": [1, 0]}",
      " {\"x\": {\"y\": [1, 2.5, true, null]}, \"docpipe-json-version\": [1], \"meta\": null, \"blocks\": []}\r\n",
      "{\"docpipe-json-version\":[1,0],\"blocks\":[{\"t\":\"paragraph\",\"c\":[{\"t\":\"text\",\"text\":\"a\"}]},{\"t\":\"thematic_break\"}]}",
      "{\"docpipe-json-version\": [1, 0], \"n\": 12, \"s\": \"x\", \"blocks\": [{\"t\": \"paragraph\", \"extra\": [[]]}]}",
  };
  for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
    docpipe_doc *doc = NULL;
    docpipe_error err = DOCPIPE_ERROR_INIT;
    INT_EQ(S_read(ok[i], strlen(ok[i]), &doc, &err), 0, ok[i]);
    docpipe_doc_free(doc);
  }
  docpipe_doc *doc = NULL;
  docpipe_error err = DOCPIPE_ERROR_INIT;
  INT_EQ(S_read(ok[0], strlen(ok[0]), &doc, &err), 0, "blocks before the version");
  STR_EQ(docpipe_meta_string(docpipe_doc_meta(doc), "a"), "b", "meta after blocks read");
  OK(docpipe_node_type_of(docpipe_node_first_child(docpipe_doc_root(doc))) == DOCPIPE_NODE_PARAGRAPH,
     "block read");
  docpipe_doc_free(doc);
  S_expect_error(V "\"blocks\": [], \"blocks\": []}", "invalid JSON", "duplicate blocks");
  S_expect_error(V "\"blocks\": [{\"t\": \"paragraph\"},]}", "invalid JSON", "trailing comma");
  S_expect_error(V "\"blocks\": [{\"t\": \"paragraph\"}]} x", "invalid JSON", "text after the object");
  S_expect_error(V "\"blocks\": [{\"t\": \"paragraph\"}] ", "invalid JSON", "unclosed object");
  S_expect_error("{\"blocks\": [{\"t\": \"paragraph\"}]}", "docpipe-json-version", "no version after blocks");
  /* jansson refuses nesting past 2048 levels, counting from the top. */
  S_expect_depth_limit(V "\"x\": ", 2047, "}", "top-level value");
  S_expect_depth_limit(V "\"blocks\": [{\"t\": \"paragraph\", \"x\": ", 2045, "}]}",
                       "value in a block");
}

static void test_probe(void) {
  const unsigned char own[] = "  {\"docpipe-json-version\": [1, 0]}";
  const unsigned char other[] = "{\"a\": 1}";
  const unsigned char html[] = "<html>";
  INT_EQ(json->probe(own, sizeof own - 1, NULL), 100, "own format");
  INT_EQ(json->probe(other, sizeof other - 1, NULL), 20, "other JSON is unlikely");
  INT_EQ(json->probe(html, sizeof html - 1, NULL), 0, "not JSON");
}

int main(void) {
  docpipe_registry *reg = docpipe_registry_new();
  const char *dirs[] = {getenv("DOCPIPE_PLUGIN_DIR"), NULL};
  docpipe_registry_load_defaults(reg, dirs[0] ? dirs : NULL, NULL, NULL);
  json = docpipe_registry_find(reg, "json");
  if (!json) SKIP_ALL("json plugin not built");
  RUN(test_round_trip);
  RUN(test_invalid);
  RUN(test_lenient_values);
  RUN(test_probe);
  RUN(test_layouts);
  RUN(test_same_as_jansson);
  docpipe_registry_free(reg);
  return harness_summary();
}
