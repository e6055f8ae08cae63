/* The html reader choosing between the page's credits and its metadata:
 * an author that is only the site's name or its host, a meta author that
 * names one of the byline's writers, a ribbon's "today" above the
 * headline beside the article's own date line; and the furniture pages in
 * other languages print around their articles. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docpipe/docpipe.h"
#include "docpipe/plugin.h"
#include "harness.h"
#include "html_test.h"

static const docpipe_plugin *S_html;

/* The document read from html_test_page_around(head, tail); NULL when
 * not read. */
static docpipe_doc *S_doc_around(const char *head, const char *tail) {
  char *page = html_test_page_around(head, tail);
  docpipe_doc *doc = NULL;
  docpipe_error err = DOCPIPE_ERROR_INIT;
  if (!page || html_test_read(S_html, page, strlen(page), NULL, &doc, &err) != 0)
    fprintf(stderr, "     read: %s\n", err.message);
  docpipe_free(page);
  return doc;
}

/* The authors joined by "; " into out. */
static const char *S_authors(docpipe_doc *doc, char *out, size_t size) {
  out[0] = '\0';
  docpipe_value *a = doc ? docpipe_value_get(docpipe_doc_meta(doc), "authors") : NULL;
  for (size_t i = 0; a && i < docpipe_value_count(a); i++) {
    const char *v = docpipe_value_string(docpipe_value_at(a, i));
    if (i) strncat(out, "; ", size - strlen(out) - 1);
    strncat(out, v ? v : "?", size - strlen(out) - 1);
  }
  return out;
}

/* The meta author is the outlet (og:site_name): the page's byline names
 * the writers, "By A, B and C, Outlet". */
static void test_site_name_author(void) {
  const char *head =
      "<html><head><title>Storm updates</title><meta property='og:site_name' content='Meridian "
      "News'><meta name='author' content='Meridian News'></head><body><main><h1>Storm "
      "updates</h1><div class='byline'>By Anna Lindqvist, Marcus Webb and Priya Raman, Meridian "
      "News</div>";
  docpipe_doc *doc = S_doc_around(head, "</main></body></html>");
  char got[200];
  STR_EQ(S_authors(doc, got, sizeof got), "Anna Lindqvist; Marcus Webb; Priya Raman",
         "the byline's writers, not the outlet");
  docpipe_doc_free(doc);
}

/* "Outlet - date" under the headline is no writer beside a date; the
 * "Penulis" credit box names her. */
static void test_site_name_beside_date(void) {
  const char *head =
      "<html><head><title>Kopi</title><meta property='og:site_name' content='Harian "
      "Nusantara'></head><body><div class='read__header'><h1>Kopi</h1><div class='read__author'>"
      "<div><h6>Penulis</h6> <a href='/p/r'>Rina Ayu Lestari</a></div><div><h6>Editor</h6> "
      "<a href='/e/d'>Dani Prabowo</a></div></div><div class='read__time'>Harian Nusantara - "
      "05/12/2024, 14:30 WIB</div></div><div class='read__content'>";
  docpipe_doc *doc = S_doc_around(head, "</div></body></html>");
  char got[200];
  STR_EQ(S_authors(doc, got, sizeof got), "Rina Ayu Lestari", "the writer, not the outlet or editor");
  docpipe_doc_free(doc);
}

/* A host name as the meta author is the template's, not a writer. */
static void test_host_author(void) {
  const char *head =
      "<html><head><title>Remittances</title><meta name='author' content='tbkts.example.vn'>"
      "</head><body><div class='detail'><h1>Remittances</h1><p class='author'>Minh Đức</p>";
  docpipe_doc *doc = S_doc_around(head, "</div></body></html>");
  char got[200];
  STR_EQ(S_authors(doc, got, sizeof got), "Minh Đức", "the page's author, not the host");
  docpipe_doc_free(doc);
}

/* The meta names the first of the byline's two writers ("Door A en B"). */
static void test_meta_names_one_writer(void) {
  const char *head =
      "<html><head><title>Huurwoningen</title><meta name='author' content='Jan de Vries'></head>"
      "<body><article><h1>Huurwoningen</h1><div class='article__meta'><div "
      "class='article__byline'>Door <a href='/a/j'>Jan de Vries</a> en <a href='/a/s'>Sanne "
      "Bakker</a></div><div class='article__date'>5 december 2024, 14:30</div></div>";
  docpipe_doc *doc = S_doc_around(head, "</article></body></html>");
  char got[200];
  STR_EQ(S_authors(doc, got, sizeof got), "Jan de Vries; Sanne Bakker", "both writers");
  STR_EQ(doc ? docpipe_meta_string(docpipe_doc_meta(doc), "date") : NULL, "2024-12-05T14:30:00",
         "the Dutch date line");
  docpipe_doc_free(doc);
}

/* A ribbon's "today" above the headline gives the day only; the date line
 * under the headline gives the same day with its time. */
static void test_ribbon_day_and_date_line(void) {
  const char *head =
      "<html><head><title>Cầu dân sinh</title></head><body><div class='wrap'><div "
      "class='top-bar'><span class='today'>Thứ Sáu, 06/12/2024</span></div><div "
      "class='post'><h1>Cầu dân sinh</h1><div class='post-meta'><span class='post-date'>Thứ "
      "Sáu, 06/12/2024, 07:15 (GMT+7)</span></div><div class='post-content'>";
  docpipe_doc *doc = S_doc_around(head, "</div></div></div></body></html>");
  STR_EQ(doc ? docpipe_meta_string(docpipe_doc_meta(doc), "date") : NULL,
         "2024-12-06T07:15:00+07:00", "the date line's time kept");
  docpipe_doc_free(doc);
}

/* The body of html_test_page_around(head, tail) (free with docpipe_free). */
static char *S_body_around(const char *head, const char *tail) {
  docpipe_doc *doc = S_doc_around(head, tail);
  char *body = doc ? docpipe_node_text_content(docpipe_doc_root(doc)) : NULL;
  docpipe_doc_free(doc);
  return body;
}

/* Furniture in other languages: "Baca juga:" and "Lees ook" lines, a
 * prompt to follow a WhatsApp channel, a "Đọc thêm" box of teasers, a
 * rating prompt, a press release's media contact. */
static void test_furniture_other_languages(void) {
  const char *head =
      "<html><head><title>Kopi</title></head><body><article><h1>Kopi</h1>"
      "<p><strong>Baca juga: </strong><a href='/r/1'>Harga Kopi Robusta Turun</a></p>"
      "<p>Lees ook: <a href='/r/2'>Huurders betalen meer</a></p>";
  const char *tail =
      "<p>Simak berita pilihan kami langsung di ponselmu lewat WhatsApp Channel: <a "
      "href='https://whatsapp.com/channel/abc'>https://whatsapp.com/channel/abc</a>.</p>"
      "<p>Bạn thấy bài viết này thế nào?</p>"
      "<section class='box-more'><h3>Đọc thêm</h3>"
      "<article><h4><a href='/a'>Đại hội Hội Liên hiệp Thanh niên tỉnh</a></h4><p>Đại hội đã "
      "hiệp thương cử 85 ủy viên.</p></article><article><h4><a href='/b'>Thanh niên khởi "
      "nghiệp</a></h4><p>Nhiều dự án đạt chuẩn OCOP.</p></article></section>"
      "<div class='contact'><h3>Media Contact</h3><p>Tomasz Grell</p><p>555-0142</p></div>"
      "</article></body></html>";
  char *body = S_body_around(head, tail);
  OK(body && strstr(body, "four hundred kilometres"), "the article kept");
  OK(body && !strstr(body, "Robusta") && !strstr(body, "Huurders"), "the teaser lines dropped");
  OK(body && !strstr(body, "WhatsApp"), "the channel prompt dropped");
  OK(body && !strstr(body, "OCOP") && !strstr(body, "thế nào"), "the teaser box and rating dropped");
  OK(body && !strstr(body, "Grell"), "the media contact dropped");
  docpipe_free(body);
}

/* A press release's "###" end mark: the wire's info box after it goes;
 * a "###" with as much text after it divides sections, and stays. */
static void test_release_end_mark(void) {
  const char *head = "<html><head><title>Bats</title></head><body><article><h1>Bats</h1>";
  const char *tail =
      "<p>###</p><h3>Journal</h3><p>Urban Ecology Letters</p><h3>DOI</h3><p>10.0000/uel.1187</p>"
      "<p><strong>Disclaimer:</strong> The wire is not responsible for releases.</p>"
      "</article></body></html>";
  char *body = S_body_around(head, tail);
  OK(body && strstr(body, "four hundred kilometres"), "the release kept");
  OK(body && !strstr(body, "###") && !strstr(body, "Urban Ecology") && !strstr(body, "Disclaimer"),
     "the end mark and what follows dropped");
  docpipe_free(body);
  char divider[2048];
  snprintf(divider, sizeof divider, "<p>###</p>%s</article></body></html>", HTML_TEST_PARAS);
  body = S_body_around(head, divider);
  OK(body && strstr(body, "###"), "a section divider kept");
  docpipe_free(body);
}

int main(void) {
  docpipe_registry *reg = NULL;
  S_html = html_test_plugin(&reg);
  RUN(test_site_name_author);
  RUN(test_site_name_beside_date);
  RUN(test_host_author);
  RUN(test_meta_names_one_writer);
  RUN(test_ribbon_day_and_date_line);
  RUN(test_furniture_other_languages);
  RUN(test_release_end_mark);
  docpipe_registry_free(reg);
  return harness_summary();
}
