/* Unit tests of the markdown plugin, through the plugin ABI: front matter
 * (pandoc keys, hostile YAML), body mapping, escaping round trips, depth
 * limits, invalid UTF-8 and threads. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docpipe/plugin.h"
#include "doc_count.h"
#include "harness.h"

static const docpipe_plugin *S_md;

static docpipe_doc *S_read(const char *s, size_t len, const docpipe_args *args, int *rc,
                           docpipe_error *err) {
  docpipe_doc *doc = NULL;
  /* the ABI promises DOCPIPE_PROBE_PADDING zero bytes after the data */
  unsigned char *copy = calloc(1, len + DOCPIPE_PROBE_PADDING);
  memcpy(copy, s, len);
  *rc = docpipe_plugin_read(S_md, copy, len, args, &doc, err);
  free(copy);
  return doc;
}

static docpipe_doc *S_read_ok(const char *s) {
  docpipe_error err = DOCPIPE_ERROR_INIT;
  int rc;
  docpipe_doc *doc = S_read(s, strlen(s), NULL, &rc, &err);
  if (rc) fprintf(stderr, "     read failed: %s\n", err.message);
  return doc;
}

static char *S_write(const docpipe_doc *doc) {
  docpipe_buf out = DOCPIPE_BUF_INIT;
  docpipe_error err = DOCPIPE_ERROR_INIT;
  if (docpipe_plugin_write(S_md, doc, NULL, &out, &err)) {
    fprintf(stderr, "     write failed: %s\n", err.message);
    docpipe_buf_free(&out);
    return NULL;
  }
  return docpipe_buf_detach(&out, NULL);
}

/* Structural equality of two subtrees (types, attributes, text). */
static int S_same(const docpipe_node *a, const docpipe_node *b) {
  if (!a || !b) return a == b;
  if (docpipe_node_type_of(a) != docpipe_node_type_of(b)) return 0;
  if (strcmp(docpipe_node_literal(a) ? docpipe_node_literal(a) : "",
             docpipe_node_literal(b) ? docpipe_node_literal(b) : ""))
    return 0;
  if (docpipe_node_heading_level(a) != docpipe_node_heading_level(b)) return 0;
  const char *ua = docpipe_node_url(a), *ub = docpipe_node_url(b);
  if ((ua || ub) && (!ua || !ub || strcmp(ua, ub))) return 0;
  const char *aa = docpipe_node_alt(a), *ab = docpipe_node_alt(b);
  if ((aa || ab) && (!aa || !ab || strcmp(aa, ab))) return 0;
  const docpipe_node *x = docpipe_node_first_child(a), *y = docpipe_node_first_child(b);
  for (; x && y; x = docpipe_node_next(x), y = docpipe_node_next(y))
    if (!S_same(x, y)) return 0;
  return !x && !y;
}

/* ---- front matter ---- */

static void test_front_matter_keys(void) {
  docpipe_doc *doc = S_read_ok("---\ntitle: Hội nghị\nauthor: Lê Mai\nlang: vi\n"
                               "keywords: [a, b]\ndate: 2020-07-16\n"
                               "decisions:\n  - code: 290-QĐ/TW\n    type: Quyết định\n"
                               "other: {x: [1, 2]}\n---\n\nBody.\n");
  OK(doc != NULL, "front matter read");
  if (!doc) return;
  const docpipe_value *m = docpipe_doc_meta(doc);
  STR_EQ(docpipe_meta_string(m, "title"), "Hội nghị", "title");
  STR_EQ(docpipe_meta_list_item(m, "authors", 0), "Lê Mai", "author -> authors");
  INT_EQ(docpipe_value_kind_of(docpipe_value_get(m, "authors")), DOCPIPE_VALUE_LIST, "authors is a list");
  STR_EQ(docpipe_meta_string(m, "language"), "vi", "lang -> language");
  STR_EQ(docpipe_meta_list_item(m, "tags", 1), "b", "keywords -> tags");
  STR_EQ(docpipe_meta_string(m, "date"), "2020-07-16", "date stays a string");
  const docpipe_value *d = docpipe_value_at(docpipe_value_get(m, "decisions"), 0);
  STR_EQ(docpipe_meta_string(d, "code"), "290-QĐ/TW", "decision record");
  OK(docpipe_value_get(m, "author") == NULL && docpipe_value_get(m, "lang") == NULL, "no pandoc keys left");
  OK(docpipe_value_get(m, "other") != NULL, "other keys verbatim");
  docpipe_doc_free(doc);
}

static void test_front_matter_roundtrip(void) {
  static const char *const nasty[] = {
      "- Nguyễn Văn A", "a: b", "\"quoted\" and 'single'", "line one\nline two", "yes", "null",
      "0123", "2020-07-16", "", "  padded  ", "# not a comment", "---", "...", "back\\slash",
      "tab\there", "[flow]", "{map}", "&anchor", "*alias", "!tag", "%percent", "@at", "`tick`",
      "Việt Nam — “ngoặc kép”", NULL};
  docpipe_doc *doc = docpipe_doc_new();
  docpipe_value *m = docpipe_doc_meta(doc);
  docpipe_value *list = docpipe_value_new_list();
  for (int i = 0; nasty[i]; i++) docpipe_value_append_string(list, nasty[i]);
  docpipe_value_set(m, "authors", list);
  docpipe_value_set_string(m, "title", "Tiêu đề: \"thử\"\n# hai");
  docpipe_value_set(m, "empty_list", docpipe_value_new_list());
  docpipe_value_set(m, "empty_map", docpipe_value_new_map());
  docpipe_value_set_string(m, "weird key: yes", "v");
  docpipe_value_set_string(m, "true", "key that YAML would resolve");
  docpipe_value *rec = docpipe_value_new_map();
  docpipe_value_set_string(rec, "code", "16/CT-TTg");
  docpipe_value *decs = docpipe_value_new_list();
  docpipe_value_append(decs, rec);
  docpipe_value_set(m, "decisions", decs);
  char *md = S_write(doc);
  OK(md != NULL, "written");
  OK(md && strstr(md, "Việt Nam") != NULL, "Vietnamese is UTF-8, not escaped");
  OK(md && strncmp(md, "---\n", 4) == 0 && strstr(md, "\n---\n\n"), "pandoc markers");
  docpipe_doc *back = md ? S_read_ok(md) : NULL;
  OK(back && docpipe_value_equal(docpipe_doc_meta(back), m), "metadata comes back identical");
  docpipe_free(md);
  docpipe_doc_free(back);
  docpipe_doc_free(doc);
}

static void test_front_matter_hostile(void) {
  docpipe_error err = DOCPIPE_ERROR_INIT;
  int rc;
  /* unclosed: the whole input is Markdown (a thematic break, then text) */
  const char *unclosed = "---\ntitle: x\n\nbody\n";
  docpipe_doc *doc = S_read(unclosed, strlen(unclosed), NULL, &rc, &err);
  INT_EQ(rc, 0, "unclosed front matter is body text");
  OK(doc && docpipe_value_count(docpipe_doc_meta(doc)) == 0, "no metadata from unclosed front matter");
  OK(doc && docpipe_node_type_of(docpipe_node_first_child(docpipe_doc_root(doc))) ==
                DOCPIPE_NODE_THEMATIC_BREAK, "its --- is a thematic break");
  docpipe_doc_free(doc);

  /* not a map: read as Markdown, as CommonMark would (hr + setext heading) */
  const char *scalar = "---\nJust a line\n---\n\nText.\n";
  doc = S_read(scalar, strlen(scalar), NULL, &rc, &err);
  INT_EQ(rc, 0, "scalar front matter is not an error");
  docpipe_node *first = doc ? docpipe_node_first_child(docpipe_doc_root(doc)) : NULL;
  OK(first && docpipe_node_type_of(docpipe_node_next(first)) == DOCPIPE_NODE_HEADING, "setext heading kept");
  docpipe_doc_free(doc);
  const char *seq = "---\n- a\n- b\n---\n";
  doc = S_read(seq, strlen(seq), NULL, &rc, &err);
  INT_EQ(rc, 0, "list front matter is not an error");
  OK(doc && docpipe_value_count(docpipe_doc_meta(doc)) == 0, "a list is not metadata");
  docpipe_doc_free(doc);

  /* billion laughs: aliases refused at the first one */
  docpipe_buf bomb = DOCPIPE_BUF_INIT;
  docpipe_buf_puts(&bomb, "---\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
  for (int i = 1; i < 10; i++)
    docpipe_buf_printf(&bomb, "a%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d]\n", i, i,
                       i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1);
  docpipe_buf_puts(&bomb, "---\nbody\n");
  doc = S_read(bomb.data, bomb.len, NULL, &rc, &err);
  INT_EQ(rc, DOCPIPE_EPARSE, "alias bomb refused");
  OK(doc == NULL && strstr(err.message, "alias") != NULL, "message names aliases");
  docpipe_buf_free(&bomb);

  /* deep YAML nesting */
  docpipe_buf deep = DOCPIPE_BUF_INIT;
  docpipe_buf_puts(&deep, "---\nk: ");
  for (int i = 0; i < 5000; i++) docpipe_buf_puts(&deep, "[");
  for (int i = 0; i < 5000; i++) docpipe_buf_puts(&deep, "]");
  docpipe_buf_puts(&deep, "\n---\n");
  doc = S_read(deep.data, deep.len, NULL, &rc, &err);
  OK(rc < 0 && doc == NULL, "deep YAML refused");
  docpipe_buf_free(&deep);

  /* YAML syntax error: a clear error with a line number */
  const char *bad = "---\ntitle: a: b\n---\n";
  doc = S_read(bad, strlen(bad), NULL, &rc, &err);
  INT_EQ(rc, DOCPIPE_EPARSE, "bad YAML is a parse error");
  OK(strstr(err.message, "line 2") != NULL, "error names the line");
  docpipe_doc_free(doc);
}

/* ---- body ---- */

static void test_body_mapping(void) {
  docpipe_doc *doc = S_read_ok("# H\n\n3. a\n4. b\n\n![alt *x*](p.jpg)\n\n*Cap* \n\n"
                               "| a | b |\n|:-:|--:|\n| 1 |\n\n<div>x</div>\n\n> q\n");
  OK(doc != NULL, "read");
  if (!doc) return;
  docpipe_node *n = docpipe_node_first_child(docpipe_doc_root(doc));
  INT_EQ(docpipe_node_type_of(n), DOCPIPE_NODE_HEADING, "heading");
  n = docpipe_node_next(n);
  INT_EQ(docpipe_node_list_start(n), 3, "ordered start");
  n = docpipe_node_next(n);
  INT_EQ(docpipe_node_type_of(n), DOCPIPE_NODE_FIGURE, "lone image is a figure");
  STR_EQ(docpipe_node_alt(n), "alt x", "figure alt is plain text");
  STR_EQ(docpipe_node_url(n), "p.jpg", "figure source");
  char *cap = docpipe_node_text_content(n);
  STR_EQ(cap, "Cap", "italic paragraph is the caption");
  docpipe_free(cap);
  n = docpipe_node_next(n);
  INT_EQ(docpipe_node_type_of(n), DOCPIPE_NODE_TABLE, "table");
  docpipe_node *row = docpipe_node_first_child(n);
  INT_EQ(docpipe_node_row_header(row), 1, "header row");
  INT_EQ(docpipe_node_cell_align(docpipe_node_first_child(row)), DOCPIPE_ALIGN_CENTER, "center");
  INT_EQ(docpipe_node_cell_align(docpipe_node_last_child(row)), DOCPIPE_ALIGN_RIGHT, "right");
  n = docpipe_node_next(n);
  INT_EQ(docpipe_node_type_of(n), DOCPIPE_NODE_BLOCK_QUOTE, "raw HTML dropped by default");
  docpipe_doc_free(doc);

  /* raw_html=keep: as a code block marked html, never interpreted */
  docpipe_args args;
  docpipe_args_init(&args);
  docpipe_value *opts = docpipe_value_new_map();
  docpipe_value_set_string(opts, "raw_html", "keep");
  args.options = opts;
  docpipe_error err = DOCPIPE_ERROR_INIT;
  int rc;
  const char *html = "<script>alert(1)</script>\n\n<!-- c -->\n";
  doc = S_read(html, strlen(html), &args, &rc, &err);
  n = doc ? docpipe_node_first_child(docpipe_doc_root(doc)) : NULL;
  INT_EQ(docpipe_node_type_of(n), DOCPIPE_NODE_CODE_BLOCK, "kept HTML is code");
  STR_EQ(docpipe_node_info(n), "html", "marked html");
  OK(n && !docpipe_node_next(n), "comments are always dropped");
  docpipe_doc_free(doc);
  docpipe_value_set_string(opts, "raw_html", "run");
  doc = S_read(html, strlen(html), &args, &rc, &err);
  INT_EQ(rc, DOCPIPE_EUSER, "bad raw_html value refused");
  docpipe_value_free(opts);
}

/* Every tricky text survives write -> read as the same paragraph. */
static void test_escaping_roundtrip(void) {
  static const char *const texts[] = {
      "# not a heading", "- not a list", "+ plus", "1. not ordered", "2020) year", "> not quote",
      "a | b | c", "*stars* and _under_", "`tick`", "[x](y)", "![i](j)", "<b>tag</b>", "back\\slash",
      "  leading spaces", "trailing spaces  ", "&amp; &#65; & plain", "====", "---", "***", "~~~",
      "wow!", "\ttab", "a\nnewline in text", "x ** y", "1\\. done", "=", ":--|--:", "<!-- c -->",
      "Tiếng Việt có dấu: “Đảng”, quyết định 290-QĐ/TW", NULL};
  for (int i = 0; texts[i]; i++) {
    docpipe_doc *doc = docpipe_doc_new();
    docpipe_node *p = docpipe_node_add(docpipe_doc_root(doc), DOCPIPE_NODE_PARAGRAPH);
    docpipe_node_append_text(p, texts[i], strlen(texts[i]));
    /* the same text inside emphasis, a link and a table cell */
    docpipe_node *p2 = docpipe_node_add(docpipe_doc_root(doc), DOCPIPE_NODE_PARAGRAPH);
    docpipe_node_append_text(p2, "x ", 2);
    docpipe_node *link = docpipe_node_add(p2, DOCPIPE_NODE_LINK);
    docpipe_node_set_url(link, "http://a.vn/x?a=1&b=(2) <3>");
    docpipe_node_set_title(link, "t \"q\"");
    docpipe_node_append_text(link, "l", 1);
    docpipe_node *h = docpipe_node_add(docpipe_doc_root(doc), DOCPIPE_NODE_HEADING);
    docpipe_node_set_heading_level(h, 2);
    if (!strchr(texts[i], '\n') && texts[i][0] != ' ' && texts[i][strlen(texts[i]) - 1] != ' ' &&
        texts[i][0] != '\t')
      docpipe_node_append_text(h, texts[i], strlen(texts[i]));
    else
      docpipe_node_append_text(h, "h", 1);
    char *md = S_write(doc);
    docpipe_doc *back = md ? S_read_ok(md) : NULL;
    int same = back && S_same(docpipe_doc_root(doc), docpipe_doc_root(back));
    OK(same, texts[i]);
    if (!same && md) fprintf(stderr, "     markdown: %s\n", md);
    docpipe_free(md);
    docpipe_doc_free(back);
    docpipe_doc_free(doc);
  }
}

static void test_structure_roundtrip(void) {
  const char *src = "# T\n\nA *b* **c** `d` [e](f \"g\")\\\nh\ni\n\n- a\n- b\n  - c\n\n<!-- -->\n\n"
                    "- new list\n\n1. x\n\n   y\n2. z\n\n> q\n>\n> > qq\n\n```c\nint x;\n```\n\n* * *\n\n"
                    "![alt](a.png)\n\n*cap **bold***\n\n| h1 | h2 |\n| :--- | ---: |\n| 1 | 2 |\n";
  docpipe_doc *a = S_read_ok(src);
  char *md = a ? S_write(a) : NULL;
  docpipe_doc *b = md ? S_read_ok(md) : NULL;
  OK(b && S_same(docpipe_doc_root(a), docpipe_doc_root(b)), "structure survives write -> read");
  char *md2 = b ? S_write(b) : NULL;
  STR_EQ(md2, md, "write(read(write(x))) == write(x)");
  docpipe_free(md);
  docpipe_free(md2);
  docpipe_doc_free(a);
  docpipe_doc_free(b);
}

/* ---- limits ---- */

static void test_deep_nesting(void) {
  static const char *const units[] = {">", "- ", "1. ", "*", NULL};
  for (int u = 0; units[u]; u++) {
    docpipe_buf b = DOCPIPE_BUF_INIT;
    for (int i = 0; i < 100000; i++) docpipe_buf_puts(&b, units[u]);
    docpipe_buf_puts(&b, "x\n");
    docpipe_error err = DOCPIPE_ERROR_INIT;
    int rc;
    docpipe_doc *doc = S_read(b.data, b.len, NULL, &rc, &err);
    OK(rc == 0 || rc == DOCPIPE_ELIMIT, units[u]);
    if (doc) {
      /* the tree is capped near max_depth (200) */
      docpipe_iter *it = docpipe_iter_new(docpipe_doc_root(doc));
      int max = 0;
      docpipe_event ev;
      while ((ev = docpipe_iter_next(it)) != DOCPIPE_EVENT_DONE)
        if (docpipe_iter_depth(it) > max) max = docpipe_iter_depth(it);
      docpipe_iter_free(it);
      OK(max <= 410, "depth capped");
      char *md = S_write(doc);
      OK(md != NULL, "capped tree is writable");
      docpipe_free(md);
    }
    docpipe_doc_free(doc);
    docpipe_buf_free(&b);
  }
}

static void test_long_paragraph(void) {
  /* 1 MB in one paragraph of emphasis and links: cmark-gfm's inline
   * parser is quadratic on it (seconds per MB, hours for 50 MB), so the
   * reader cuts it at sentence ends; every emphasis and link survives.
   * A long fenced code block is never cut. */
  static const char sentence[] = "có *nhấn mạnh* và [liên kết](http://x.vn/a). ";
  int reps = (1 << 20) / (int)(sizeof sentence - 1);
  docpipe_buf b = DOCPIPE_BUF_INIT;
  for (int i = 0; i < reps; i++) docpipe_buf_puts(&b, sentence);
  docpipe_buf_puts(&b, "\n\n```\n");
  for (int i = 0; i < 40000; i++) docpipe_buf_puts(&b, "code. line\n");
  docpipe_buf_puts(&b, "```\n");
  docpipe_error err = DOCPIPE_ERROR_INIT;
  int rc;
  docpipe_doc *doc = S_read(b.data, b.len, NULL, &rc, &err);
  INT_EQ(rc, 0, "a 1 MB paragraph reads");
  if (doc) {
    docpipe_node *root = docpipe_doc_root(doc);
    OK(doc_count_type(root, DOCPIPE_NODE_PARAGRAPH) >= 8, "cut into paragraphs of about 64 KB");
    INT_EQ(doc_count_type(root, DOCPIPE_NODE_EMPH), reps, "every emphasis kept");
    INT_EQ(doc_count_type(root, DOCPIPE_NODE_LINK), reps, "every link kept");
    INT_EQ(doc_count_type(root, DOCPIPE_NODE_CODE_BLOCK), 1, "the fenced code stays whole");
  }
  docpipe_doc_free(doc);
  docpipe_buf_free(&b);
}

static void test_invalid_utf8(void) {
  const char s[] = "---\ntitle: a\xff\n---\n\nb\xc3\x28 \x00 c\xed\xa0\x80\n";
  docpipe_error err = DOCPIPE_ERROR_INIT;
  int rc;
  docpipe_doc *doc = S_read(s, sizeof s - 1, NULL, &rc, &err);
  INT_EQ(rc, 0, "invalid UTF-8 is cleaned, not refused");
  STR_EQ(doc ? docpipe_meta_string(docpipe_doc_meta(doc), "title") : NULL, "a\xef\xbf\xbd", "U+FFFD in metadata");
  docpipe_doc_free(doc);
}

static void test_tabs(void) {
  docpipe_doc *doc = S_read_ok("\tcode\there\n\n-\tone\n\n>\tquoted\n");
  docpipe_node *n = doc ? docpipe_node_first_child(docpipe_doc_root(doc)) : NULL;
  INT_EQ(docpipe_node_type_of(n), DOCPIPE_NODE_CODE_BLOCK, "tab-indented code");
  STR_EQ(docpipe_node_literal(n), "code\there\n", "tab kept in code");
  n = docpipe_node_next(n);
  INT_EQ(docpipe_node_type_of(n), DOCPIPE_NODE_LIST, "tab after marker");
  n = docpipe_node_next(n);
  INT_EQ(docpipe_node_type_of(n), DOCPIPE_NODE_BLOCK_QUOTE, "tab after >");
  docpipe_doc_free(doc);
}

/* ---- threads: the extension registry is set up once ---- */

static void *S_thread(void *arg) {
  (void)arg;
  int bad = 0;
  for (int i = 0; i < 50; i++) {
    docpipe_doc *doc = S_read_ok("---\ntitle: t\n---\n\n| a |\n|---|\n| b |\n\n*x*\n");
    char *md = doc ? S_write(doc) : NULL;
    if (!md || !strstr(md, "| a |")) bad++;
    docpipe_free(md);
    docpipe_doc_free(doc);
  }
  return (void *)(size_t)bad;
}

static void test_threads(void) {
  pthread_t t[4];
  for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, S_thread, NULL);
  size_t bad = 0;
  for (int i = 0; i < 4; i++) {
    void *r;
    pthread_join(t[i], &r);
    bad += (size_t)r;
  }
  INT_EQ(bad, 0, "four threads read and write tables at once");
}

int main(void) {
  const char *dir = getenv("DOCPIPE_PLUGIN_DIR");
  if (!dir) SKIP_ALL("DOCPIPE_PLUGIN_DIR not set");
  char path[4096];
  snprintf(path, sizeof path, "%s/markdown.so", dir);
  docpipe_registry *reg = docpipe_registry_new();
  docpipe_error err = DOCPIPE_ERROR_INIT;
  if (docpipe_registry_load_file(reg, path, &err) < 0) {
    fprintf(stderr, "cannot load %s: %s\n", path, err.message);
    return 1;
  }
  S_md = docpipe_registry_find(reg, "markdown");
  RUN(test_front_matter_keys);
  RUN(test_front_matter_roundtrip);
  RUN(test_front_matter_hostile);
  RUN(test_body_mapping);
  RUN(test_escaping_roundtrip);
  RUN(test_structure_roundtrip);
  RUN(test_deep_nesting);
  RUN(test_long_paragraph);
  RUN(test_invalid_utf8);
  RUN(test_tabs);
  RUN(test_threads);
  docpipe_registry_free(reg);
  return harness_summary();
}
