/* URL attributes, and the writer's JSON-LD contract: the metadata map written under
 * "docpipe:meta" reads back equal through html_w_meta_from_jsonld, whatever
 * the strings hold; and the writer is safe to call from several threads. */
#include <pthread.h>

#include "harness.h"
#include "html_write.h"

static docpipe_doc *S_doc(void) {
  docpipe_doc *doc = docpipe_doc_new();
  docpipe_value *m = docpipe_doc_meta(doc);
  docpipe_value_set_string(m, "title", "Tiêu đề </script><!-- & \"x\"");
  docpipe_value_set_string(m, "date", "2020-07-16T14:00:00+07:00");
  docpipe_value_set_string(m, "odd", "C1 \xC2\x85 DEL \x7F tab\tCR\r\n");
  docpipe_value *a = docpipe_value_new_list();
  docpipe_value_append_string(a, "Lê Thị Mai");
  docpipe_value_append_string(a, "B <b>");
  docpipe_value_set(m, "authors", a);
  docpipe_value *d = docpipe_value_new_list(), *r = docpipe_value_new_map();
  docpipe_value_set_string(r, "code", "290-QĐ/TW");
  docpipe_value_set_string(r, "date", "2010-02-25");
  docpipe_value_append(d, r);
  docpipe_value_set(m, "decisions", d);
  docpipe_node *p = docpipe_node_add(docpipe_doc_root(doc), DOCPIPE_NODE_PARAGRAPH);
  docpipe_node_append_text(p, "Đoạn.", strlen("Đoạn."));
  return doc;
}

/* The JSON text of the page's one JSON-LD script. */
static char *S_script(const char *page, size_t *len) {
  const char *open = "<script type=\"application/ld+json\">\n";
  const char *b = strstr(page, open), *e = b ? strstr(b, "\n</script>") : NULL;
  if (!b || !e) return NULL;
  b += strlen(open);
  *len = (size_t)(e - b);
  return strndup(b, *len);
}

static void test_meta_round_trip(void) {
  docpipe_doc *doc = S_doc();
  docpipe_buf out = DOCPIPE_BUF_INIT;
  docpipe_error err = DOCPIPE_ERROR_INIT;
  INT_EQ(html_write(doc, NULL, &out, &err), 0, "html_write succeeds");
  size_t len = 0;
  char *js = S_script(out.data, &len);
  OK(js != NULL, "the page has a JSON-LD script");
  OK(js && !strstr(js, "</"), "no </ inside the script");
  docpipe_value *back = NULL;
  INT_EQ(js ? html_w_meta_from_jsonld(js, len, &back) : -1, 1, "docpipe:meta found");
  OK(docpipe_value_equal(back, docpipe_doc_meta(doc)), "the metadata map comes back equal");
  docpipe_value_free(back);
  free(js);
  docpipe_buf_free(&out);
  docpipe_doc_free(doc);
}

static void test_reader_cases(void) {
  docpipe_value *v = NULL;
  INT_EQ(html_w_meta_from_jsonld("not json", 8, &v), 0, "not JSON: not found");
  OK(v == NULL, "nothing stored");
  const char *plain = "{\"@type\":\"NewsArticle\",\"headline\":\"x\"}";
  INT_EQ(html_w_meta_from_jsonld(plain, strlen(plain), &v), 0, "no property: not found");
  const char *graph = "[{\"@type\":\"WebSite\"},{\"@graph\":[{\"docpipe:meta\":"
                      "{\"n\":5,\"b\":true,\"z\":null,\"l\":[1,null,\"s\"]}}]}]";
  INT_EQ(html_w_meta_from_jsonld(graph, strlen(graph), &v), 1, "found inside @graph");
  STR_EQ(docpipe_meta_string(v, "n"), "5", "numbers become strings");
  STR_EQ(docpipe_meta_string(v, "b"), "true", "booleans become strings");
  OK(docpipe_value_get(v, "z") == NULL, "null dropped");
  INT_EQ(docpipe_value_count(docpipe_value_get(v, "l")), 2, "null list item dropped");
  docpipe_value_free(v);
  /* deeper than VJSON_MAX_DEPTH: the deep part is left out, the rest kept */
  char deep[1200];
  size_t k = (size_t)snprintf(deep, sizeof deep, "{\"docpipe:meta\":{\"t\":\"x\",\"d\":");
  for (int i = 0; i < 300; i++) deep[k++] = '[';
  for (int i = 0; i < 300; i++) deep[k++] = ']';
  k += (size_t)snprintf(deep + k, sizeof deep - k, "}}");
  INT_EQ(html_w_meta_from_jsonld(deep, k, &v), 1, "deep nesting: found");
  STR_EQ(docpipe_meta_string(v, "t"), "x", "deep nesting: the shallow keys kept");
  docpipe_value_free(v);
  const char *wrong = "{\"docpipe:meta\":\"a string\"}";
  INT_EQ(html_w_meta_from_jsonld(wrong, strlen(wrong), &v), 0, "a non-object property is ignored");
}

static void *S_thread(void *arg) {
  docpipe_buf *out = arg;
  docpipe_doc *doc = S_doc();
  for (int i = 0; i < 50; i++) {
    docpipe_buf_reset(out);
    if (html_write(doc, NULL, out, NULL) != 0) break;
  }
  docpipe_doc_free(doc);
  return NULL;
}

static void test_threads(void) {
  docpipe_buf one = DOCPIPE_BUF_INIT, bufs[4] = {DOCPIPE_BUF_INIT, DOCPIPE_BUF_INIT,
                                                 DOCPIPE_BUF_INIT, DOCPIPE_BUF_INIT};
  S_thread(&one);
  pthread_t t[4];
  for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, S_thread, &bufs[i]);
  for (int i = 0; i < 4; i++) pthread_join(t[i], NULL);
  for (int i = 0; i < 4; i++) {
    OK(bufs[i].len == one.len && memcmp(bufs[i].data, one.data, one.len) == 0,
       "each thread writes the single-threaded bytes");
    docpipe_buf_free(&bufs[i]);
  }
  docpipe_buf_free(&one);
}

static void test_url_attribute(void) {
  static const char *const cases[][2] = {
      {"http://[::1]:80/a[1]?b=%zz%41", " href=\"http://[::1]:80/a%5B1%5D?b=%25zz%41\""},
      {"//[::2]/x[", " href=\"//[::2]/x%5B\""},
      {"a//b[1]", " href=\"a//b%5B1%5D\""},
      {"  /a b\"c<d>?q=1&r=2  ", " href=\"/a%20b%22c%3Cd%3E?q=1&amp;r=2\""},
      {"/đường/ảnh.jpg", " href=\"/đường/ảnh.jpg\""},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    docpipe_buf b = DOCPIPE_BUF_INIT;
    INT_EQ(html_w_url_attribute(&b, "href", cases[i][0]), 0, "url attribute written");
    STR_EQ(b.data, cases[i][1], cases[i][0]);
    docpipe_buf_free(&b);
  }
  OK(!html_w_url_ok(" Java\tScript:alert(1)", 0), "javascript: refused");
  OK(!html_w_url_ok("data:image/svg+xml,<svg>", 1), "SVG data URL refused");
  OK(html_w_url_ok("data:image/png;base64,AA==", 1), "PNG data URL as image source");
  OK(!html_w_url_ok("data:image/png;base64,AA==", 0), "no data URL as a link");
  OK(html_w_url_ok("/a:b", 0), "a colon after a slash is no scheme");
}

int main(void) {
  RUN(test_url_attribute);
  RUN(test_meta_round_trip);
  RUN(test_reader_cases);
  RUN(test_threads);
  return harness_summary();
}
