/* The html reader through the library: metadata and body of a portal-style
 * page, legacy encodings, and bad input (empty, binary, huge, deep, broken,
 * invalid UTF-8, no article), each a document or a clean error.  The
 * pathological 50 MB pages (one text run, millions of empty elements,
 * 100,000-deep nesting) are also held to the memory target, peak RSS under
 * 10x the page + 50 MB, in a child process (not under the sanitizers,
 * whose shadow memory and quarantine would be measured instead). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "docpipe/docpipe.h"
#include "docpipe/extract.h"
#include "docpipe/plugin.h"
#include "doc_count.h"
#include "harness.h"
#include "html_test.h"

static docpipe_registry *S_reg;
static const docpipe_plugin *S_html;

static char *S_path(const char *name) {
  static char buf[4096];
  const char *src = getenv("DOCPIPE_SOURCE_DIR");
  snprintf(buf, sizeof buf, "%s/tests/html/data/%s", src ? src : ".", name);
  return buf;
}

static int S_read_mem(const char *data, size_t size, docpipe_doc **doc, docpipe_error *err) {
  return html_test_read(S_html, data, size, NULL, doc, err);
}

static docpipe_doc *S_read_file(const char *name) {
  unsigned char *data = NULL;
  size_t size = 0;
  docpipe_error err = DOCPIPE_ERROR_INIT;
  docpipe_doc *doc = NULL;
  if (docpipe_file_read(S_path(name), 0, &data, &size, &err) == 0)
    docpipe_plugin_read(S_html, data, size, NULL, &doc, &err);
  if (!doc) fprintf(stderr, "     %s: %s\n", name, err.message);
  docpipe_free(data);
  return doc;
}

static char *S_body(docpipe_doc *doc) { return docpipe_node_text_content(docpipe_doc_root(doc)); }

/* The body text of the page data[len] (free with docpipe_free); NULL, and
 * a failure counted, when the page is not read. */
static char *S_body_of(const char *data, size_t len) {
  docpipe_doc *doc = NULL;
  docpipe_error err = DOCPIPE_ERROR_INIT;
  OK(S_read_mem(data, len, &doc, &err) == 0 && doc, "a document");
  char *body = doc ? S_body(doc) : NULL;
  docpipe_doc_free(doc);
  return body;
}

static void S_append(docpipe_buf *b, const char *s) { docpipe_buf_append(b, s, strlen(s)); }

/* Appends s n times: the repeated paragraphs that give a part of a page
 * its weight. */
static void S_append_n(docpipe_buf *b, const char *s, int n) {
  for (int i = 0; i < n; i++) S_append(b, s);
}

static void test_portal_page(void) {
  docpipe_doc *doc = S_read_file("portal_vi.html");
  OK(doc != NULL, "portal page reads");
  if (!doc) return;
  const docpipe_value *m = docpipe_doc_meta(doc);
  STR_EQ(docpipe_meta_string(m, "title"),
         "Huyện Ea Kar tổ chức hội nghị sơ kết công tác 6 tháng đầu năm", "title from the headline");
  STR_EQ(docpipe_meta_string(m, "date"), "2020-07-16T08:30:00+07:00", "JSON-LD datePublished");
  STR_EQ(docpipe_meta_list_item(m, "authors", 0), "Trần Thị Mai", "author object");
  STR_EQ(docpipe_meta_list_item(m, "authors", 1), "Lê Văn Hùng", "author string");
  STR_EQ(docpipe_meta_string(m, "source"), "UBND huyện Ea Kar", "JSON-LD publisher first");
  STR_EQ(docpipe_meta_string(m, "language"), "vi", "html lang");
  STR_EQ(docpipe_meta_string(m, "url"), "https://eakar.example.gov.vn/tin-tuc/so-ket-6-thang.html",
         "canonical url");
  STR_EQ(docpipe_meta_list_item(m, "tags", 1), "kinh tế xã hội", "keywords as tags");
  OK(docpipe_meta_string(m, "description") != NULL, "description");
  char *body = S_body(doc);
  OK(body && strstr(body, "Sáng 16/7, Ủy ban nhân dân huyện Ea Kar"), "div/br text kept");
  OK(body && strstr(body, "Hội nghị cũng đã thảo luận"), "text after the table kept");
  OK(body && strstr(body, "Nâng cao chất lượng cải cách hành chính"), "list kept");
  static const char *const gone[] = {"Skip Ribbon", "Trang chủ", "Bình chọn", "Thống kê truy cập",
                                     "Đang truy cập", "Cỡ chữ", "Bản in", "Tin liên quan",
                                     "UBND huyện họp phiên thường kỳ", "Các tin khác",
                                     "Ra quân tổng vệ sinh", "Chia sẻ", "Bản quyền", "Tin rác",
                                     "Liên kết website", NULL};
  for (int i = 0; gone[i]; i++) {
    int absent = body && !strstr(body, gone[i]);
    OK(absent, gone[i]);
  }
  OK(body && !strstr(body, "tổ chức hội nghị sơ kết công tác 6 tháng đầu năm"),
     "the headline is metadata, not body");
  docpipe_free(body);
  docpipe_node *root = docpipe_doc_root(doc);
  INT_EQ(doc_count_type(root, DOCPIPE_NODE_TABLE), 1, "data table kept as a table");
  INT_EQ(doc_count_type(root, DOCPIPE_NODE_TABLE_ROW), 3, "its rows");
  INT_EQ(doc_count_type(root, DOCPIPE_NODE_FIGURE), 1, "image box is a figure");
  INT_EQ(doc_count_type(root, DOCPIPE_NODE_IMAGE), 0, "its picture is not repeated in the caption");
  for (docpipe_node *n = docpipe_node_first_child(root); n; n = docpipe_node_next(n))
    if (docpipe_node_type_of(n) == DOCPIPE_NODE_FIGURE)
      STR_EQ(docpipe_node_url(n), "https://eakar.example.gov.vn/images/hoinghi.jpg",
             "relative picture made absolute against the canonical URL");
  OK(doc_count_type(root, DOCPIPE_NODE_STRONG) >= 1, "strong kept");
  INT_EQ(doc_count_type(root, DOCPIPE_NODE_LIST), 1, "one list (related lists gone)");
  docpipe_doc_free(doc);
}


static void test_visible_meta(void) {
  docpipe_doc *doc = S_read_file("portal_visible.html");
  OK(doc != NULL, "page without machine-readable metadata reads");
  if (!doc) return;
  const docpipe_value *m = docpipe_doc_meta(doc);
  STR_EQ(docpipe_meta_string(m, "title"), "Xã Hòa Bình ra quân làm đường giao thông nông thôn",
         "title from the h1");
  char *body = S_body(doc);
  OK(body && strstr(body, "Ngày 05/01, Ủy ban nhân dân xã Hòa Bình"), "div/br text kept");
  OK(body && strstr(body, "phấn đấu hoàn thành trước ngày 30/3."), "last paragraph kept");
  OK(body && !strstr(body, "Tin cùng chuyên mục") && !strstr(body, "Trao quà Tết") &&
         !strstr(body, "Văn bản mới") && !strstr(body, "Sơ đồ site"),
     "related list, side module and top links gone");
  OK(body && !strstr(body, "ra quân làm đường giao thông nông thôn\n"), "headline not in body");
  /* visible date and byline are parsed by the core extractors (issue 3);
   * check what they recognise */
  static const char dl[] = "Thứ hai, 06/01/2022 08:30 (GMT+7)";
  docpipe_date d;
  if (docpipe_date_line(dl, strlen(dl), &d)) {
    STR_EQ(docpipe_meta_string(m, "date"), "2022-01-06T08:30:00+07:00", "visible date line");
    OK(body && !strstr(body, "06/01/2022"), "date line not in body");
  } else {
    printf("note: core date extractor does not recognise the date line yet; skipped\n");
  }
  static const char bl[] = "Theo Thành Phú/LCĐT";
  docpipe_value *authors = NULL;
  char *source = NULL;
  if (docpipe_byline_parse(bl, strlen(bl), &authors, &source)) {
    STR_EQ(docpipe_meta_list_item(m, "authors", 0), docpipe_value_string(docpipe_value_at(authors, 0)),
           "visible byline");
    OK(body && !strstr(body, "Theo Thành Phú"), "byline not in body");
  } else {
    printf("note: core byline extractor does not recognise the byline yet; skipped\n");
  }
  docpipe_value_free(authors);
  docpipe_free(source);
  docpipe_free(body);
  docpipe_doc_free(doc);
}

static void test_title_fallback(void) {
  const char *page = "<html><head><title>Lịch cắt điện tuần tới - Điện lực Miền Trung</title>"
                     "<meta property=\"og:site_name\" content=\"Điện lực Miền Trung\"></head><body>"
                     "<div class=content><p>Để bảo trì lưới điện, công ty thông báo lịch tạm ngừng "
                     "cung cấp điện tại một số khu vực trong tuần tới, mong khách hàng thông cảm.</p>"
                     "</div></body></html>";
  docpipe_doc *doc = NULL;
  docpipe_error err = DOCPIPE_ERROR_INIT;
  OK(S_read_mem(page, strlen(page), &doc, &err) == 0, "reads");
  if (!doc) return;
  STR_EQ(docpipe_meta_string(docpipe_doc_meta(doc), "title"), "Lịch cắt điện tuần tới",
         "<title> without the site name");
  docpipe_doc_free(doc);
}

static void test_list_of_paragraphs(void) {
  /* <li><p>: each item adds little to the list's score, which its tag
   * alone makes negative; the list is article text all the same */
  const char *page = "<html><body><article>"
                     "<p>Thư viện tỉnh mở cửa lại sau hai năm sửa chữa, với phòng đọc mới cho thiếu "
                     "nhi và khu sáng tạo có máy in ba chiều.</p>"
                     "<ul><li><p>Giờ mở cửa: từ 8 giờ đến 20 giờ các ngày trong tuần.</p></li>"
                     "<li><p>Khu sáng tạo cần đặt lịch trước một tuần.</p></li></ul>"
                     "<p>Công trình được đầu tư từ ngân sách tỉnh và nguồn xã hội hóa, theo kế "
                     "hoạch đã được phê duyệt năm 2019.</p></article></body></html>";
  docpipe_doc *doc = NULL;
  docpipe_error err = DOCPIPE_ERROR_INIT;
  OK(S_read_mem(page, strlen(page), &doc, &err) == 0, "reads");
  if (!doc) return;
  INT_EQ(doc_count_type(docpipe_doc_root(doc), DOCPIPE_NODE_ITEM), 2, "both items kept");
  docpipe_doc_free(doc);
}

/* Reads an in-memory page; NULL (and a failed check) when it does not. */
static docpipe_doc *S_doc(const char *page) {
  docpipe_doc *doc = NULL;
  docpipe_error err = DOCPIPE_ERROR_INIT;
  OK(S_read_mem(page, strlen(page), &doc, &err) == 0 && doc, "reads");
  return doc;
}

#define S_PARA                                                                          \
  "<p>The first paragraph of the post explains at some length what the post is about, " \
  "so that the reader finds a body to keep, with enough words and a comma or two.</p>"  \
  "<p>A second paragraph carries on in the same way, because a body of one paragraph, " \
  "however long, is not much of an article for the content scorer to find.</p>"

static void test_blog_title_and_dates(void) {
  /* the blog's name in an h1 on every page, the post's own headline in an
   * h2, and the only dates in a Yoast-style WebPage graph */
  const char *page =
      "<html><head><title>Slow Bread at Home | Crumb Notes</title>"
      "<meta property=\"og:title\" content=\"Slow Bread at Home\">"
      "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"WebPage\","
      "\"datePublished\":\"2024-03-17T19:47:39+00:00\"}]}</script></head><body>"
      "<header><h1><a href=\"/blog\">Crumb Notes</a></h1></header><article>"
      "<h2>Slow Bread at Home</h2>" S_PARA "</article></body></html>";
  docpipe_doc *doc = S_doc(page);
  if (!doc) return;
  docpipe_value *m = docpipe_doc_meta(doc);
  STR_EQ(docpipe_meta_string(m, "title"), "Slow Bread at Home", "site-name h1 passed over");
  STR_EQ(docpipe_meta_string(m, "date"), "2024-03-17T19:47:39Z", "WebPage datePublished");
  docpipe_doc_free(doc);

  /* a permalink sign after the heading; the date only as "Last updated"
   * in the author box under it; the modified date is not taken over it */
  const char *docs =
      "<html><head><title>Quickstart — Kiln 2.0</title>"
      "<meta property=\"article:modified_time\" content=\"2025-01-02\"></head><body>"
      "<div class=body><h1>Quickstart<a class=headerlink href=\"#q\">\xC2\xB6</a></h1>"
      "<div class=meta><div class=who>Written by <span>Ann Lee</span></div>"
      "<div class=when><span>Last updated:</span> <span>Dec 12, 2025</span></div></div>"
      S_PARA "</div></body></html>";
  doc = S_doc(docs);
  if (!doc) return;
  m = docpipe_doc_meta(doc);
  STR_EQ(docpipe_meta_string(m, "title"), "Quickstart", "permalink sign dropped");
  STR_EQ(docpipe_meta_string(m, "date"), "2025-12-12", "'Last updated' line in a byline box");
  docpipe_doc_free(doc);

  /* no date shown at all: the modified date is the last resort */
  const char *bare =
      "<html><head><title>Kiln notes</title>"
      "<meta property=\"article:modified_time\" content=\"2025-01-02\"></head><body>"
      "<div class=body><h1>Kiln notes for beginners</h1>" S_PARA "</div></body></html>";
  doc = S_doc(bare);
  if (!doc) return;
  STR_EQ(docpipe_meta_string(docpipe_doc_meta(doc), "date"), "2025-01-02", "dateModified fallback");
  docpipe_doc_free(doc);

  /* the date after a "by:" credit, and a date line with a reading time */
  const char *credit = "<html><head><title>Mini engine</title></head><body><article>"
                       "<h1>A mini inference engine</h1><p>by: Ann Lee, Dec 17, 2025</p>"
                       S_PARA "</article></body></html>";
  doc = S_doc(credit);
  if (!doc) return;
  STR_EQ(docpipe_meta_string(docpipe_doc_meta(doc), "date"), "2025-12-17", "date after 'by:'");
  docpipe_doc_free(doc);
  const char *reading = "<html><head><title>Inbox zero</title></head><body><article>"
                        "<h1>I do not check my inbox</h1><div>Mar 13, 2026 \xC2\xB7 6 min read</div>"
                        S_PARA "</article></body></html>";
  doc = S_doc(reading);
  if (!doc) return;
  STR_EQ(docpipe_meta_string(docpipe_doc_meta(doc), "date"), "2026-03-13", "date with a reading time");
  docpipe_doc_free(doc);

  /* the date line after a byline box of many empty icons and buttons */
  docpipe_buf b = DOCPIPE_BUF_INIT;
  const char *top = "<html><head><title>Inbox zero</title></head><body><article>"
                    "<h1>I do not check my inbox</h1><div class=byline>";
  S_append(&b, top);
  for (int i = 0; i < 70; i++) {
    const char *icon = "<div class=icon><svg viewBox='0 0 1 1'></svg></div>";
    S_append(&b, icon);
  }
  const char *rest = "</div><div class=meta>Mar 13, 2026</div>" S_PARA "</article></body></html>";
  S_append(&b, rest);
  doc = S_doc(b.data);
  docpipe_buf_free(&b);
  if (!doc) return;
  STR_EQ(docpipe_meta_string(docpipe_doc_meta(doc), "date"), "2026-03-13", "date after icons");
  docpipe_doc_free(doc);
}

/* The title the reader gives `page`, checked against `want`. */
static void S_title_is(const char *page, const char *want, const char *what) {
  docpipe_doc *doc = S_doc(page);
  if (!doc) return;
  STR_EQ(docpipe_meta_string(docpipe_doc_meta(doc), "title"), want, what);
  docpipe_doc_free(doc);
}

static void test_landing_page_title(void) {
  /* a product page: its h1 is a slogan, and nothing on the page says
   * article (no article type, date or byline), so <title> names it */
  S_title_is("<html><head><title>Kiln Rental for Studios | Hotbox</title></head><body>"
             "<nav><a href=/>Home</a></nav><main><h1>Fire more, worry less.</h1>" S_PARA
             "</main></body></html>",
             "Kiln Rental for Studios", "landing page named by its <title>");
  /* the same page as an article (og:type): a news headline reworded in
   * the h1 is the headline */
  S_title_is("<html><head><title>Kiln Rental for Studios | Hotbox</title>"
             "<meta property=\"og:type\" content=\"article\"></head><body>"
             "<nav><a href=/>Home</a></nav><main><h1>Fire more, worry less.</h1>" S_PARA
             "</main></body></html>",
             "Fire more, worry less.", "an article keeps its h1");
  /* an h1 that shares most words with <title> stays the title */
  S_title_is("<html><head><title>Kiln Rental for Studios | Hotbox</title></head><body>"
             "<main><h1>Kiln rental</h1>" S_PARA "</main></body></html>",
             "Kiln rental", "h1 like the <title>");
  /* og:title is only the site's name, the shorter part of <title>: the
   * h1 that is the other part is the headline, not the site's name */
  S_title_is("<html><head><title>Which kiln for which studio? | Hotbox</title>"
             "<meta property=\"og:title\" content=\"Hotbox\"></head><body>"
             "<main><h1>Which kiln for which studio?</h1>" S_PARA "</main></body></html>",
             "Which kiln for which studio?", "og:title that is the site name");
  /* an article whose only h1 heads the blog section: not one word of it
   * in the og:title, which names the page */
  S_title_is("<html><head><title>Hotbox studio notes</title>"
             "<meta property=\"og:type\" content=\"article\">"
             "<meta property=\"og:title\" content=\"Gas or electric: choosing a kiln\"></head><body>"
             "<main><h1>Our Blog</h1><article>" S_PARA "</article></main></body></html>",
             "Gas or electric: choosing a kiln", "an h1 sharing no word with og:title is not the title");
  /* the same with only a <title>: some sites serve one <title> for every
   * page, so the h1 stays */
  S_title_is("<html><head><title>Hotbox - Studio tools for everyone</title>"
             "<meta property=\"og:type\" content=\"article\"></head><body>"
             "<main><h1>Gas or electric? Choosing a kiln</h1>" S_PARA "</main></body></html>",
             "Gas or electric? Choosing a kiln", "<title> alone does not overrule the h1");
  /* hyphenation hints and zero-width spaces print nothing: not in a title */
  S_title_is("<html><head><title>Kiln</title><meta property=\"og:type\" content=\"article\">"
             "</head><body><main><h1>Elec&shy;tric kilns "
             "for begin\xe2\x80\x8bners</h1>" S_PARA "</main></body></html>",
             "Electric kilns for beginners", "soft hyphen and zero-width space dropped");
  /* the headline repeated atop the body goes, hints or not */
  docpipe_doc *doc = S_doc("<html><head><title>Kiln</title><meta property=\"og:type\" "
                           "content=\"article\"><meta property=\"og:title\" content=\"Electric "
                           "kilns for beginners\"></head><body><main><h1>Electric kilns for "
                           "beginners</h1><article><h2>Elec&shy;tric kilns for beginners</h2>" S_PARA
                           "</article></main></body></html>");
  char *body = doc ? S_body(doc) : NULL;
  OK(body && !strstr(body, "kilns for beginners"), "heading with a soft hyphen is the title");
  docpipe_free(body);
  docpipe_doc_free(doc);
}

static void test_news_furniture(void) {
  /* a three-line sapo marked up as <h2>, a right-aligned signature and
   * "Nguồn:" line under it, and a widget label left at the end once its
   * form is gone */
  const char *page =
      "<html lang=vi><head><meta charset=utf-8><title>Xã mở lớp dạy nghề</title></head><body>"
      "<div class=detail><h1>Xã mở lớp dạy nghề cho lao động nông thôn</h1>"
      "<h2 class=sapo>Ủy ban nhân dân xã vừa khai giảng lớp dạy nghề may công nghiệp cho 35 lao "
      "động nông thôn, trong đó phần lớn là phụ nữ thuộc hộ nghèo và cận nghèo của địa phương.</h2>"
      "<div class=content>" S_PARA
      "<p style=\"text-align:right\"><strong>Hoài An</strong></p>"
      "<p style=\"text-align: right\"><em>Nguồn: Đài truyền thanh xã</em></p></div>"
      "<div class=links><h3>Liên kết website</h3><select><option>Chọn</option></select></div>"
      "</div></body></html>";
  docpipe_doc *doc = S_doc(page);
  if (!doc) return;
  docpipe_value *m = docpipe_doc_meta(doc);
  const docpipe_value *authors = docpipe_value_get(m, "authors");
  OK(docpipe_value_count(authors) == 1 &&
         strcmp(docpipe_value_string(docpipe_value_at(authors, 0)), "Hoài An") == 0,
     "right-aligned signature above a source line is the author");
  OK(doc_count_type(docpipe_doc_root(doc), DOCPIPE_NODE_HEADING) == 0,
     "a sapo in <h2> is a paragraph, a label at the end is dropped");
  char *body = S_body(doc);
  OK(body && strstr(body, "khai giảng lớp dạy nghề") && !strstr(body, "Hoài An") &&
         !strstr(body, "Liên kết"),
     "sapo kept, signature and label out of the body");
  docpipe_free(body);
  docpipe_doc_free(doc);
}

static void test_news_site_furniture(void) {
  /* an international news page's furniture inside the article: the byline
   * box's role, relative time and reading time, a short "Read more:"
   * line, an advert's label, a newsletter box and line, the agency's
   * sign-off, a print note and a news-tip line, an author's bio, an appeal
   * for money, a paywall's prompt */
  const char *page =
      "<html lang=en><head><title>Ferry cancelled</title>"
      "<meta name=author content='Jane Roe'></head><body><article>"
      "<h1>Ferry cancelled for the winter</h1>"
      "<div data-component=byline-block><div>Jane Roe</div><div>Transport correspondent</div>"
      "<div><time>3 hours ago</time></div><div>4 min read</div></div>" S_PARA
      "<p><strong>Read more: <a href='/x'>Island pier sold</a></strong></p>"
      "<div><span>Advertisement</span></div>"
      "<p>Sign up <a href='/n'>here</a> for the Morning Tide newsletter, every weekday.</p>"
      "<div class=box><h4>Get the Gazette in your inbox</h4><p>Our free newsletter.</p>"
      "<form><input type=email name=EMAIL><input type=submit value=Go></form></div>" S_PARA
      "<p>Reporting by Jane Roe in Oban; Editing by Tom Poe</p>"
      "<p>A version of this article appears in print on Dec. 6, 2024, Section A, Page 4.</p>"
      "<p><em>Have a news tip? Email news@gazette.example.com or call 555-0100.</em></p>"
      "<p><a href='/jane'>Jane Roe</a></p><p>Jane covers transport and the islands.</p>"
      "<p>More from Jane</p><div class=slot><h2>... we have a small favour to ask.</h2><p>Millions "
      "of readers come to us for news that is open to everyone. If you can, please support us "
      "today.</p><a href='/support'>Support us</a></div></article><div id=gate><h2>Thank you "
      "for your patience while we verify access.</h2><p>Already a subscriber? <a href='/login'>"
      "Log in</a>.</p><p>Want all of the Gazette? <a href='/sub'>Subscribe</a>.</p></div>"
      "</body></html>";
  docpipe_doc *doc = S_doc(page);
  if (!doc) return;
  char *body = S_body(doc);
  OK(body && strstr(body, "first paragraph"), "the article stays");
  static const char *const gone[] = {"correspondent", "hours ago", "min read", "Island pier",
                                     "Advertisement", "Morning Tide", "inbox", "Reporting by",
                                     "in print", "small favour", "news tip", "covers transport",
                                     "verify access", NULL};
  for (int i = 0; body && gone[i]; i++) OK(!strstr(body, gone[i]), gone[i]);
  docpipe_free(body);
  docpipe_doc_free(doc);
}

static void test_hidden_caption_and_buttons(void) {
  /* a caption hidden from screen readers is still under the picture; a
   * link drawn as a "Share" button is no text, a "subscribe" in a
   * sentence is; a subscribers-only label at the top is no text */
  const char *page =
      "<html lang=fr><head><title>Cantines</title></head><body><article><h1>Cantines</h1>"
      "<p class=premium>Article réservé aux abonnés</p><figure><img src=a.jpg alt=''><figcaption aria-hidden=true>Dans le réfectoire de "
      "l’école, le 28 novembre.</figcaption></figure>" S_PARA
      "<p class=button-wrapper><a class=button href='/s'>Share</a></p>"
      "<p>Readers who want more can <a href='/sub'>subscribe</a> to the weekly letter, which "
      "goes out every Friday with the week's reports and a few longer reads.</p>"
      "</article></body></html>";
  docpipe_doc *doc = S_doc(page);
  if (!doc) return;
  char *body = S_body(doc);
  OK(body && strstr(body, "réfectoire"), "the caption stays");
  OK(body && !strstr(body, "Share"), "the Share button goes");
  OK(body && strstr(body, "can subscribe to"), "a link in a sentence stays");
  OK(body && !strstr(body, "abonnés"), "the subscribers' label goes");
  docpipe_free(body);
  docpipe_doc_free(doc);
}

static void test_date_strip_as_list(void) {
  /* the date strip set as a list of one item, its two boxes glued */
  const char *page =
      "<html lang=en><head><title>Library funding</title></head><body><article>"
      "<h1>Library funding runs out</h1><ul><li><time><span>Dec. 5, 2024</span>"
      "<span>Updated 12:31 p.m. ET</span></time></li></ul>" S_PARA "</article></body></html>";
  docpipe_doc *doc = S_doc(page);
  if (!doc) return;
  STR_EQ(docpipe_meta_string(docpipe_doc_meta(doc), "date"), "2024-12-05", "the strip's date");
  char *body = S_body(doc);
  OK(body && !strstr(body, "Updated"), "the strip leaves the body");
  docpipe_free(body);
  docpipe_doc_free(doc);
}

static void test_person_over_desk(void) {
  /* the CMS names the staff account; the page's byline names the reporter */
  const char *page =
      "<html lang=en><head><title>Creek cleanup</title><meta name=author content='Gazette Staff'>"
      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Creek "
      "cleanup\",\"author\":{\"@type\":\"Person\",\"name\":\"Gazette Staff\"}}</script>"
      "</head><body><article><h1>Creek cleanup</h1>"
      "<div class=post-author-name>By <a href='/author/jm'>Jolene Marsh</a> -</div>" S_PARA
      "</article></body></html>";
  docpipe_doc *doc = S_doc(page);
  if (!doc) return;
  const docpipe_value *a = docpipe_value_get(docpipe_doc_meta(doc), "authors");
  INT_EQ((int)docpipe_value_count(a), 1, "one author");
  STR_EQ(docpipe_value_string(docpipe_value_at(a, 0)), "Jolene Marsh", "the reporter, not the desk");
  docpipe_doc_free(doc);
}

static void test_forum_thread(void) {
  /* the forum puts its prefix label in the h1; the JSON-LD headline is the
   * thread's own; every post is an item with its author */
  const char *page =
      "<html><head><title>Help - Which kiln for a small studio? | Potters Forum</title>"
      "<script type=\"application/ld+json\">{\"@type\":\"DiscussionForumPosting\","
      "\"headline\":\"Which kiln for a small studio?\"}</script></head><body>"
      "<h1><span class=label>Help</span> Which kiln for a small studio?</h1><div class=thread>"
      "<article itemscope itemtype=\"https://schema.org/Comment\"><span itemprop=author>clayfan"
      "</span>" S_PARA "</article>"
      "<article itemscope itemtype=\"https://schema.org/Comment\"><span itemprop=author>kilnguy"
      "</span>" S_PARA "</article></div></body></html>";
  docpipe_doc *doc = S_doc(page);
  if (!doc) return;
  docpipe_value *m = docpipe_doc_meta(doc);
  STR_EQ(docpipe_meta_string(m, "title"), "Which kiln for a small studio?", "forum prefix dropped");
  docpipe_value *a = docpipe_value_get(m, "authors");
  INT_EQ((int)docpipe_value_count(a), 1, "only the first post's author");
  STR_EQ(docpipe_value_string(docpipe_value_at(a, 0)), "clayfan", "the thread's author");
  docpipe_doc_free(doc);
}

static void test_byline_box(void) {
  /* the date above the headline; the byline box holds the name and a date */
  const char *page =
      "<html><head><title>Glazes that work</title></head><body><div class=post>"
      "<div class=kicker>January 23, 2025</div><h1>Glazes that work</h1>"
      "<div class=author>Mara Quinn December 18, 2025</div>" S_PARA "</div></body></html>";
  docpipe_doc *doc = S_doc(page);
  if (!doc) return;
  docpipe_value *m = docpipe_doc_meta(doc);
  STR_EQ(docpipe_meta_string(m, "date"), "2025-01-23", "date above the headline");
  docpipe_value *a = docpipe_value_get(m, "authors");
  STR_EQ(a ? docpipe_value_string(docpipe_value_at(a, 0)) : NULL, "Mara Quinn",
         "byline box without its date");
  docpipe_doc_free(doc);
}

static void test_author_cleaning(void) {
  /* an author value from any source is reduced to the name: no label,
   * date, counter, role or outlet around it; ids, addresses, template
   * keys and form labels are no names at all */
  static const struct {
    const char *value, *want;
  } cases[] = {
      {"By Tess Ortega", "Tess Ortega"},
      {"Posted byTess Ortega", "Tess Ortega"},
      {"Recipe by Tess Ortega", "Tess Ortega"},
      {"Sponsored by Kilnworks", "Sponsored by Kilnworks"},
      {"Tess OrtegaMarch 3, 2025", "Tess Ortega"},
      {"Mar 3, 2025Tess Ortega", "Tess Ortega"},
      {"potter42 4 min read", "potter42"},
      {"Tess Ortega - Glaze Lab Editorial Team", "Tess Ortega"},
      {"Tess Ortega and Ian Vale, The Kiln Courier", "Tess Ortega and Ian Vale"},
      {"Tess Ortega Senior Ceramics Reporter", "Tess Ortega"},
      {"Tess Ortega Writer, Pottery", "Tess Ortega"},
      {"Tess OrtegaFounder at Glaze Lab", "Tess Ortega"},
      {"Tess Ortega, DVM*", "Tess Ortega, DVM"},
      {"Tess Ortega, Glaze Consultant", "Tess Ortega, Glaze Consultant"},
      {"Tess Ortega, DVM. Reviewed by Al Kim, DVM", "Tess Ortega, DVM"},
      {"Tess Ortega | Medically reviewed by Al Kim", "Tess Ortega"},
      {"Tess Ortega, edited by Al Kim", "Tess Ortega, edited by Al Kim"},
      {"Junie Ross", "Junie Ross"},
      {"AnnJunkies", "AnnJunkies"},
      {"t.ortega", "t.ortega"},
      {"104958312004", NULL},
      {"www.example.com/tess", NULL},
      {"page.head.meta.author", NULL},
      {"Name *", NULL},
      {"Jun 2 Written By", NULL},
      {"Mar 3, 2025", NULL},
      {"Mar 3, 2025 | ", NULL},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char page[2048];
    snprintf(page, sizeof page,
             "<html><head><title>Glazes that work</title><meta name=author content=\"%s\">"
             "</head><body><article><h1>Glazes that work</h1>" S_PARA "</article></body></html>",
             cases[i].value);
    docpipe_doc *doc = S_doc(page);
    if (!doc) continue;
    const char *got = docpipe_meta_list_item(docpipe_doc_meta(doc), "authors", 0);
    if (cases[i].want) STR_EQ(got, cases[i].want, cases[i].value);
    else OK(got == NULL, cases[i].value);
    docpipe_doc_free(doc);
  }
}

static void test_credit_label(void) {
  /* a credit label printed as text ("Written by", "Author:"): the name in
   * the next element, or in the same run; a "By ..." filter or menu entry
   * is no byline, nor a table's "Author" column */
  static const struct {
    const char *html, *want;
  } cases[] = {
      {"<div class=meta><p>Written by</p><p class=grey>Tess Ortega</p></div>", "Tess Ortega"},
      {"<span class=item>By <a href=/people/tess>Tess Ortega</a></span>", "Tess Ortega"},
      {"<p>by: <!-- -->Tess Ortega<!-- -->, <!-- -->Mar 3, 2025</p>", "Tess Ortega"},
      {"<div>By Tess Ortega</div>", "Tess Ortega"},
      {"<div class=grid><div>By Price</div><div>By Gender &amp; Age</div></div>", NULL},
      {"<h2>Explore <span>By Category</span></h2>", NULL},
      {"<ul><li><a href=/c>By Countries</a></li></ul>", NULL},
      {"<p>Written by</p><p>the kiln team, and <a href=/x>friends</a></p>", NULL},
      {"<div class=meta><b>Author</b> <a href=/p/tess>Tess Ortega</a></div>", "Tess Ortega"},
      {"<p>Contributors: Tess Ortega</p>", "Tess Ortega"},
      {"<table><tr><th>Author</th><th>Message</th></tr></table>", NULL},
      {"<p>Authority: Kiln Board</p>", NULL},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char page[2048];
    snprintf(page, sizeof page,
             "<html><head><title>Glazes that work</title></head><body><article>"
             "<h1>Glazes that work</h1>%s" S_PARA "</article></body></html>",
             cases[i].html);
    docpipe_doc *doc = S_doc(page);
    if (!doc) continue;
    const char *got = docpipe_meta_list_item(docpipe_doc_meta(doc), "authors", 0);
    if (cases[i].want) STR_EQ(got, cases[i].want, cases[i].html);
    else OK(got == NULL, cases[i].html);
    docpipe_doc_free(doc);
  }
  /* no byline on the page: the Twitter card's "Written by" pair names the
   * author (Yoast prints one); a pair about reading time does not */
  const char *card = "<html><head><title>Fixes</title>"
                     "<meta name=\"twitter:label1\" content=\"Est. reading time\">"
                     "<meta name=\"twitter:data1\" content=\"4 minutes\">"
                     "<meta name=\"twitter:label2\" content=\"Written by\">"
                     "<meta name=\"twitter:data2\" content=\"Tess Ortega\">"
                     "</head><body><article><h1>Cheap fixes</h1>" S_PARA "</article></body></html>";
  docpipe_doc *doc = S_doc(card);
  if (!doc) return;
  STR_EQ(docpipe_meta_list_item(docpipe_doc_meta(doc), "authors", 0), "Tess Ortega",
         "twitter:label2 Written by");
  OK(docpipe_meta_list_item(docpipe_doc_meta(doc), "authors", 1) == NULL, "one author");
  docpipe_doc_free(doc);
}

/* A post whose headline has `before` above it (inside the headline's
 * box) and `after` below it, then two paragraphs. */
static docpipe_doc *S_post_doc(const char *before, const char *after) {
  char page[2048];
  snprintf(page, sizeof page,
           "<html><head><title>Glazes that work</title></head><body><article>"
           "<div>%s<div><h1>Glazes that work</h1></div></div>%s" S_PARA "</article></body></html>",
           before, after);
  return S_doc(page);
}

/* A date after a publication label, with a credit or a section after it,
 * above or below the headline; a label that is not followed by the date
 * gives none. */
static void test_labelled_date(void) {
  static const struct {
    const char *before, *after, *want;
  } cases[] = {
      {"<div class=meta><span>Published August 7, 2023</span> <span>by Nell Burke</span></div>", "",
       "2023-08-07"},
      {"", "<p class=meta>Posted on 14 October 2025 in Training</p>", "2025-10-14"},
      {"", "<p class=meta>Posted On: January 14, 2026 By: Nell Burke</p>", "2026-01-14"},
      {"", "<p>Written by <a href=/a>Tess Ortega</a> April 8, 2024</p>", "2024-04-08"},
      {"", "<p>Published in the spring issue, pages 4 to 9, 2023</p>", NULL},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    docpipe_doc *doc = S_post_doc(cases[i].before, cases[i].after);
    if (!doc) continue;
    const char *got = docpipe_meta_string(docpipe_doc_meta(doc), "date");
    const char *what = cases[i].before[0] ? cases[i].before : cases[i].after;
    if (cases[i].want) OK(got && strncmp(got, cases[i].want, 10) == 0, what);
    else OK(got == NULL, cases[i].after);
    docpipe_doc_free(doc);
  }
}

/* A meta publication date under a name of the site's own making is
 * taken; one naming an expiry or an update is not. */
static void test_site_date_meta(void) {
  static const struct {
    const char *name, *want;
  } cases[] = {
      {"w-published-date", "2025-05-27"},
      {"article_publish_time", "2025-05-27"},
      {"publish-expiry-date", NULL},
      {"published-date-updated", NULL},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char page[1024];
    snprintf(page, sizeof page,
             "<html><head><title>Glazes that work</title><meta name=\"%s\" "
             "content=\"2025-05-27T06:03:43Z\"></head><body><article><h1>Glazes that work</h1>"
             S_PARA "</article></body></html>",
             cases[i].name);
    docpipe_doc *doc = S_doc(page);
    if (!doc) continue;
    const char *got = docpipe_meta_string(docpipe_doc_meta(doc), "date");
    if (cases[i].want) OK(got && strncmp(got, cases[i].want, 10) == 0, cases[i].name);
    else OK(got == NULL, cases[i].name);
    docpipe_doc_free(doc);
  }
}

/* A UTC timestamp in the metadata and the site's own <time> of the same
 * instant: the day the site printed.  A <time> of another instant (a
 * comment's, an update's) leaves the metadata's date alone. */
static void test_local_day(void) {
  static const struct {
    const char *time, *want;
  } cases[] = {
      {"2025-12-18T19:05:00-08:00", "2025-12-18T19:05:00-08:00"},
      {"2025-12-19T16:35:00-08:00", "2025-12-19T03:05:00Z"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char page[1024];
    snprintf(page, sizeof page,
             "<html><head><title>Glazes that work</title><meta property=\"article:published_time\" "
             "content=\"2025-12-19T03:05:00+00:00\"></head><body><article><h1>Glazes that work</h1>"
             "<div class=post-date><time datetime=\"%s\">December 18, 2025</time></div>" S_PARA
             "</article></body></html>",
             cases[i].time);
    docpipe_doc *doc = S_doc(page);
    if (!doc) continue;
    STR_EQ(docpipe_meta_string(docpipe_doc_meta(doc), "date"), cases[i].want, cases[i].time);
    docpipe_doc_free(doc);
  }
}

/* A hero band with the headline, a standfirst and an author box above a
 * rich-text box of paragraphs: the article starts with the standfirst;
 * the author's bio is not article text. */
static void test_standfirst(void) {
  docpipe_buf page = DOCPIPE_BUF_INIT;
  S_append(&page,
           "<html><head><title>Glazes that work</title></head><body>"
           "<div class=hero><h1>Glazes that work</h1>"
           "<p class=ingress>Glazes fail for three reasons, and each of them can be seen on the pot "
           "before it goes back in the kiln. This guide walks through crawling, pinholes and "
           "crazing in turn, with what to change in the recipe, the application and the firing "
           "schedule so that the next load comes out the way it was planned.</p>"
           "<div class=author-details><p>Mara Quinn has fired gas kilns for twenty years, and she teaches "
           "glaze chemistry on weekends.</p></div></div>"
           "<section class=body><div class=toc><a href=#a>Crawling</a> <a href=#b>Pinholes</a></div>"
           "<div class=post-content>");
  S_append_n(&page, S_PARA, 16);
  S_append(&page, "</div></section></body></html>");
  char *body = page.data ? S_body_of(page.data, page.len) : NULL;
  OK(body && strncmp(body, "Glazes fail for three reasons", 29) == 0, "the standfirst opens the body");
  OK(body && strstr(body, "The first paragraph of the post"), "the rich text follows");
  OK(body && !strstr(body, "twenty years"), "no author bio");
  docpipe_free(body);
  docpipe_buf_free(&page);
}

/* Attributes are kept out of libxml2's nodes, packed per element
 * (html_attrs.c): names in any case, values with entities, valueless
 * ones, and one of 200 KB (more than an arena chunk) before the article
 * must all read as libxml2's attribute nodes did. */
static void test_attributes(void) {
  docpipe_buf page = DOCPIPE_BUF_INIT;
  S_append(&page, "<html><head><link rel=canonical href='https://attr.example.org/news/1'></head><body>"
                  "<div data-state='");
  S_append_n(&page, "0123456789abcdef", 200000 / 16);
  S_append(&page, "'></div><DIV CLASS='Sidebar'><p>Trending now: the sidebar's own teaser, about the "
                  "weather and a football match that nobody in this article mentions at all.</p></DIV>"
                  "<div hidden><p>A hidden notice that scripts would show after login, with enough "
                  "words in it to count as a paragraph of the page.</p></div><ARTICLE>"
                  "<P>The council met on Monday, and it voted, after a long debate, to rebuild the "
                  "bridge over the river before the rainy season begins next year.</P>"
                  "<p>The minutes are <A HREF='/minutes?year=2024&amp;part=2' Title=Minutes>online</A>"
                  " and the next meeting is set for the first week of the following month.</p>"
                  "<p><input type=checkbox checked disabled> The vote was unanimous, the clerk said, "
                  "and the work will start as soon as the contract is signed by both parties.</p>"
                  "</ARTICLE></body></html>");
  docpipe_doc *doc = NULL;
  docpipe_error err = DOCPIPE_ERROR_INIT;
  OK(S_read_mem(page.data, page.len, &doc, &err) == 0 && doc, "reads");
  docpipe_buf_free(&page);
  if (!doc) return;
  char *body = S_body(doc);
  OK(body && strstr(body, "rebuild the bridge") && strstr(body, "contract is signed"), "article kept");
  OK(body && !strstr(body, "Trending now"), "CLASS='Sidebar' (upper case) is boilerplate");
  OK(body && !strstr(body, "hidden notice"), "valueless hidden attribute hides");
  docpipe_free(body);
  const char *url = NULL;
  docpipe_iter *it = docpipe_iter_new(docpipe_doc_root(doc));
  docpipe_event ev;
  while ((ev = docpipe_iter_next(it)) != DOCPIPE_EVENT_DONE)
    if (ev == DOCPIPE_EVENT_ENTER && docpipe_node_type_of(docpipe_iter_node(it)) == DOCPIPE_NODE_LINK)
      url = docpipe_node_url(docpipe_iter_node(it));
  STR_EQ(url, "https://attr.example.org/minutes?year=2024&part=2",
         "HREF in upper case, its entity decoded, made absolute");
  docpipe_iter_free(it);
  docpipe_doc_free(doc);
}

/* Whitespace between blocks is not kept, but what it separated stays
 * apart: a label's block and the date after it read as one line; a date
 * in a box of boxes is still found; spaces between inline elements stay. */
static void test_markup_whitespace(void) {
  static const struct {
    const char *after, *date;
  } cases[] = {
      {"<div class=meta>\n  <div>Published</div>\n  <span>April 5, 2025</span>\n</div>", "2025-04-05"},
      {"<div class=info>\n  <p><span>August 16, 2019</span> <span>- Updated July 9, 2025</span></p>\n"
       "</div>",
       "2019-08-16"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    docpipe_doc *doc = S_post_doc("", cases[i].after);
    if (!doc) continue;
    const char *got = docpipe_meta_string(docpipe_doc_meta(doc), "date");
    OK(got && strncmp(got, cases[i].date, 10) == 0, cases[i].after);
    docpipe_doc_free(doc);
  }
  docpipe_doc *doc = S_post_doc("", "<div class=author>\n  <div>By</div>\n  <a href=/a>Mara Quinn</a>\n</div>");
  if (doc) {
    STR_EQ(docpipe_meta_list_item(docpipe_doc_meta(doc), "authors", 0), "Mara Quinn",
           "a label's block and the name after it");
    docpipe_doc_free(doc);
  }
  const char *page = "<html><body><article><h1>Glazes that work</h1>\n  <p>Some <b>bold</b> <i>italic</i> "
                     "words, and <a href=/x>a link</a> <em>right</em> after it, in a paragraph long "
                     "enough to be the article.</p>\n</article></body></html>";
  char *body = S_body_of(page, strlen(page));
  OK(body && strstr(body, "bold italic words") && strstr(body, "a link right after"),
     "spaces between inline elements");
  docpipe_free(body);
}

/* A meta author joining the names that article:author tags give one by
 * one is not one more author. */
static void test_joined_authors(void) {
  const char *page = "<html><head><title>Glazes that work</title>"
                     "<meta name=author content=\"Tess Ortega, Al Kim and Mara Quinn\">"
                     "<meta property=\"article:author\" content=\"Tess Ortega\">"
                     "<meta property=\"article:author\" content=\"Al Kim\">"
                     "<meta property=\"article:author\" content=\"Mara Quinn\">"
                     "</head><body><article><h1>Glazes that work</h1>" S_PARA "</article></body></html>";
  docpipe_doc *doc = S_doc(page);
  if (!doc) return;
  docpipe_value *a = docpipe_value_get(docpipe_doc_meta(doc), "authors");
  INT_EQ(a ? (int)docpipe_value_count(a) : 0, 3, "three authors");
  STR_EQ(docpipe_meta_list_item(docpipe_doc_meta(doc), "authors", 2), "Mara Quinn", "the third");
  docpipe_doc_free(doc);
}

/* A date by the headline inside a box of other things: a kicker with
 * the section before the date and the update after it; a byline row by
 * the first of two copies of the headline (a hero over the content, which
 * repeats it). */
static void test_date_near_headline(void) {
  docpipe_doc *doc = S_post_doc("<div class=kick><a href=/c>Health</a> <span>DECEMBER 22, 2022</span>"
                                " <span>Updated: JANUARY 02, 2026</span></div>",
                                "");
  if (doc) {
    STR_EQ(docpipe_meta_string(docpipe_doc_meta(doc), "date"), "2022-12-22",
           "the first date in the kicker box");
    docpipe_doc_free(doc);
  }
  /* the hero's standfirst keeps it out of the content, whose own copy of
   * the headline is the one the title is taken from */
  char hero[4096];
  snprintf(hero, sizeof hero,
           "<html><head><title>Glazes that work</title></head><body>"
           "<div class=hero><h1>Glazes that work</h1><div class=info><a href=/a>Mara Quinn</a>"
           "<div>&bull;</div><div>March 17, 2025</div></div><div class=intro>A long standfirst "
           "under the headline sums the story up for the reader who skims, and it runs on well "
           "past two hundred characters so that the hero box is more than a wrapper.</div></div>"
           "<div class=columns><ul class=topics><li><a href=/a>Glaze chemistry</a></li>"
           "<li><a href=/b>Firing schedules</a></li><li><a href=/c>Kiln repairs</a></li></ul>"
           "<article><h1>Glazes that work</h1>%s</article></div></body></html>",
           S_PARA S_PARA S_PARA S_PARA S_PARA S_PARA S_PARA S_PARA);
  doc = S_doc(hero);
  if (doc) {
    STR_EQ(docpipe_meta_string(docpipe_doc_meta(doc), "date"), "2025-03-17",
           "the date by the headline's first copy");
    docpipe_doc_free(doc);
  }
}

/* A date line with the writer's name beside it and no label, below the
 * headline (perhaps with the writer's role between): the date and the
 * name.  A section name there is no writer, and the line is not taken at
 * all. */
static void test_name_beside_date(void) {
  static const struct {
    const char *line, *date, *author;
  } cases[] = {
      {"<p>Elliot Raba 23.07.2025 \xC2\xB7 6 min read</p>", "2025-07-23", "Elliot Raba"},
      {"<div><span>2025-12-17</span> \xC2\xB7 <span>Trond Teigen</span></div>", "2025-12-17",
       "Trond Teigen"},
      {"<p>Cầm Thị Giang 16/07/2020</p>", "2020-07-16", "Cầm Thị Giang"},
      {"<p>Blog Post \xC2\xB7 Dec 5, 2025</p>", NULL, NULL},
      {"<p>Product Updates Dec 5, 2025</p>", NULL, NULL},
      {"<p>Mara Quinn | Senior Writer | July 2, 2025</p>", "2025-07-02", "Mara Quinn"},
      {"<p>Health | Wellness | July 2, 2025</p>", NULL, NULL},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    docpipe_doc *doc = S_post_doc("", cases[i].line);
    if (!doc) continue;
    const docpipe_value *m = docpipe_doc_meta(doc);
    const char *date = docpipe_meta_string(m, "date");
    if (cases[i].date) OK(date && strncmp(date, cases[i].date, 10) == 0, cases[i].line);
    else OK(date == NULL, cases[i].line);
    const char *author = docpipe_meta_list_item(m, "authors", 0);
    if (cases[i].author) STR_EQ(author, cases[i].author, cases[i].line);
    else OK(author == NULL, cases[i].line);
    docpipe_doc_free(doc);
  }
}

/* A date line ending the article ("Last updated: ...") is metadata, not
 * body: it gives the date when nothing else did. */
static void test_date_line_at_end(void) {
  const char *page = "<html><head><title>Glazes that work</title></head><body><article>"
                     "<h1>Glazes that work</h1>" S_PARA S_PARA S_PARA S_PARA
                     "<p>Last updated: March 5, 2024</p>"
                     "</article></body></html>";
  docpipe_doc *doc = S_doc(page);
  if (!doc) return;
  const char *date = docpipe_meta_string(docpipe_doc_meta(doc), "date");
  OK(date && strncmp(date, "2024-03-05", 10) == 0, "the date from the last line");
  char *body = S_body(doc);
  OK(body && !strstr(body, "Last updated"), "the line not in the body");
  docpipe_free(body);
  docpipe_doc_free(doc);
}

static void test_double_utf8(void) {
  /* "—" and "’" written as UTF-8 of their UTF-8 bytes read as Latin-1; once the
   * page has shown that, "Ã©" is "é" too.  Real "Â" and "â" stay. */
  const char *page = "<html><head><meta charset=\"utf-8\"><title>x</title></head><body><article>"
                     "<h1>Investor\xc3\xa2\xc2\x80\xc2\x99s guide \xc3\xa2\xc2\x80\xc2\x94 "
                     "caf\xc3\x83\xc2\xa9</h1>"
                     "<p>TH\xc3\x82N D\xc3\x82N v\xc3\xa0 nh\xc3\xa2n d\xc3\xa2n c\xc3\xb9ng "
                     "tham gia bu\xe1\xbb\x95i l\xe1\xbb\x85, v\xe1\xbb\x9bi h\xc6\xa1n m\xe1\xbb\x99t "
                     "tr\xc4\x83m ng\xc6\xb0\xe1\xbb\x9di \xc4\x91\xe1\xbb\x99" "c gi\xe1\xba\xa3.</p>"
                     "</article></body></html>";
  docpipe_doc *doc = NULL;
  docpipe_error err = DOCPIPE_ERROR_INIT;
  OK(S_read_mem(page, strlen(page), &doc, &err) == 0, "reads");
  if (!doc) return;
  STR_EQ(docpipe_meta_string(docpipe_doc_meta(doc), "title"), "Investor's guide — café",
         "double-encoded title repaired");
  char *body = S_body(doc);
  OK(body && strstr(body, "THÂN DÂN và nhân dân"), "real Â and â untouched");
  docpipe_free(body);
  docpipe_doc_free(doc);
}

static void test_cp1258(void) {
  docpipe_doc *doc = S_read_file("page_cp1258.html");
  OK(doc != NULL, "windows-1258 page reads");
  if (!doc) return;
  STR_EQ(docpipe_meta_string(docpipe_doc_meta(doc), "title"), "Thông báo lịch tiếp công dân tháng 8",
         "windows-1258 title in NFC");
  char *body = S_body(doc);
  OK(body && strstr(body, "Ủy ban nhân dân xã thông báo lịch tiếp công dân định kỳ"),
     "windows-1258 body: combining tones composed (NFC)");
  OK(body && strstr(body, "Trụ sở") && strstr(body, "Nguyễn Huệ"), "more composed letters");
  OK(body && !strstr(body, "\xCC\x81") && !strstr(body, "\xCC\x80"), "no stray combining marks");
  docpipe_free(body);
  docpipe_doc_free(doc);
}

static void test_cp1252(void) {
  docpipe_doc *doc = S_read_file("page_cp1252.html");
  OK(doc != NULL, "windows-1252 page reads");
  if (!doc) return;
  STR_EQ(docpipe_meta_string(docpipe_doc_meta(doc), "title"), "Café culture – a short note",
         "windows-1252 title");
  char *body = S_body(doc);
  OK(body && strstr(body, "crème brûlée") && strstr(body, "“quoted”") && strstr(body, "€"),
     "windows-1252 body, including the 0x80-0x9F range");
  docpipe_free(body);
  docpipe_doc_free(doc);
}

static void test_undeclared_legacy(void) {
  /* no charset declared, not UTF-8: detected as windows-1258 */
  unsigned char *data = NULL;
  size_t size = 0;
  OK(docpipe_file_read(S_path("page_cp1258.html"), 0, &data, &size, NULL) == 0, "read");
  if (!data) return;
  char *p = strstr((char *)data, "charset=windows-1258");
  if (p) memcpy(p, "charset=xxxxxxxx-xxxx", 20 + 1 - 1);
  docpipe_doc *doc = NULL;
  docpipe_error err = DOCPIPE_ERROR_INIT;
  /* an unknown label falls back to detection */
  int rc = S_read_mem((char *)data, size, &doc, &err);
  INT_EQ(rc, 0, "unknown charset label still reads");
  if (doc) {
    char *body = S_body(doc);
    OK(body && strstr(body, "Nguyễn Huệ"), "detected as windows-1258");
    docpipe_free(body);
  }
  docpipe_doc_free(doc);
  docpipe_free(data);
}

/* Scraped pages lose the HTTP header that named their charset: pages that
 * declare none and are not UTF-8 are detected (html_charset_guess.c). */
static void test_undeclared_charsets(void) {
  static const struct {
    const char *file, *want, *what;
  } pages[] = {
      {"page_undeclared_cp1251.html", "построить новый мост", "Russian in windows-1251"},
      {"page_undeclared_sjis.html", "川に新しい橋を架けることを決めた", "Japanese in Shift_JIS"},
      {"page_undeclared_cp1252.html", "débuteront au printemps prochain et coûteront",
       "French in windows-1252 stays windows-1252"},
  };
  for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
    docpipe_doc *doc = S_read_file(pages[i].file);
    char *body = doc ? S_body(doc) : NULL;
    OK(body && strstr(body, pages[i].want), pages[i].what);
    docpipe_free(body);
    docpipe_doc_free(doc);
  }
}

static void S_expect_error(const char *data, size_t size, const char *what) {
  docpipe_doc *doc = NULL;
  docpipe_error err = DOCPIPE_ERROR_INIT;
  int rc = S_read_mem(data, size, &doc, &err);
  OK(rc < 0 && doc == NULL && err.message[0] && !strchr(err.message, '\n'), what);
}

static void test_empty_and_binary(void) {
  S_expect_error("", 0, "empty input: error");
  S_expect_error(" \n\t ", 4, "blank input: error");
  char junk[4096];
  unsigned x = 12345;
  for (size_t i = 0; i < sizeof junk; i++) {
    x = x * 1103515245u + 12345u;
    junk[i] = (char)(x >> 16);
  }
  S_expect_error(junk, sizeof junk, "binary junk: error");
}

static void S_expect_doc(const char *data, size_t size, const char *what, const char *want) {
  docpipe_doc *doc = NULL;
  docpipe_error err = DOCPIPE_ERROR_INIT;
  int rc = S_read_mem(data, size, &doc, &err);
  OK(rc == 0 && doc, what);
  if (rc) fprintf(stderr, "     %s\n", err.message);
  if (doc && want) {
    char *body = S_body(doc);
    OK(body && strstr(body, want), what);
    OK(body && docpipe_utf8_valid(body, strlen(body)), "valid UTF-8 out");
    docpipe_free(body);
  }
  docpipe_doc_free(doc);
}

static void test_broken_and_invalid(void) {
  const char *broken = "<html><body><div><p>An unclosed paragraph with <b>bold <i>and italic"
                       "<p>Second paragraph of the article text goes here, long enough to count."
                       "</div></span></td><table><tr><td>cell</div></body>";
  S_expect_doc(broken, strlen(broken), "broken tags: a document", "Second paragraph");
  const char *bad = "<html><head><meta charset=utf-8></head><body><article><p>Valid start "
                    "\xC3\x28 bad \xFF\xFE byte and a truncated \xE1\x80 sequence, then enough "
                    "ordinary words to make this the article of the page.</p></article></body></html>";
  S_expect_doc(bad, strlen(bad), "invalid UTF-8: a document", "ordinary words");
  const char *noart = "<html><head><title>Only a title</title></head><body><nav><a href=/>Home</a>"
                      "</nav></body></html>";
  docpipe_doc *doc = NULL;
  docpipe_error err = DOCPIPE_ERROR_INIT;
  int rc = S_read_mem(noart, strlen(noart), &doc, &err);
  OK((rc == 0 && doc) || (rc < 0 && !doc && err.message[0]), "no article: a document or an error");
  docpipe_doc_free(doc);
}

/* A theme that prints the article after the page's </html>: after a doctype, libxml2 makes
 * a second root element of it, and the article must come from there. */
static void test_after_html_end(void) {
  const char *page =
      "<!DOCTYPE html>\n<html><head><title>Six kinds of outsourcing</title></head><body>"
      "<nav><a href=/>Home</a> <a href=/blog>Blog</a></nav></body></html>\n"
      "<div class='post'><h1>Six kinds of outsourcing</h1><p>Outsourcing is when a company "
      "hands a whole function, with its staff, tools and risks, to an outside firm.</p>"
      "<p>The six kinds below differ in how much of the work, and of the liability, moves, "
      "and in what the firm keeps in house.</p></div></body></html>";
  char *body = S_body_of(page, strlen(page));
  OK(body && strstr(body, "hands a whole function") && strstr(body, "six kinds below"),
     "the article after </html> is the body");
  OK(body && !strstr(body, "Home"), "the menu before it is not");
  docpipe_free(body);
}

/* A layout class naming the sidebar ("c-layout-sidebar-left") on the
 * wrapper of both the side menu and the page's main column: the wrapper is
 * not a sidebar to drop, its menu is. */
static void test_sidebar_layout_wrapper(void) {
  docpipe_buf b = DOCPIPE_BUF_INIT;
  S_append(&b, "<html><head><title>Guide</title></head><body><header><a href=/>Home</a></header>"
             "<h1>A guide for small firms</h1><div class='layout-sidebar-left'>"
             "<div class='layout-sidebar-top'><nav><a href=/1>Step 1</a> <a href=/2>Step 2</a></nav></div>"
             "<div class='layout-main'>");
  S_append_n(&b,
             "<p>Backing up your data, keeping devices patched, and training staff to "
             "spot phishing, are steps any firm can take in an afternoon, and they stop "
             "most of the attacks that small businesses see.</p>",
             4);
  /* the footer outweighs the main column: the wrapper holds under half the page */
  S_append(&b, "</div></div><footer><p>Contact us</p>");
  S_append_n(&b,
             "<p>Accessibility statement, cookies, terms of use and the site map of the "
             "whole site, with links to every section, and to the archive of older "
             "guidance pages, press releases and speeches.</p>",
             6);
  S_append(&b, "</footer></body></html>");
  char *body = S_body_of(b.data, b.len);
  OK(body && strstr(body, "Backing up your data"), "the main column kept");
  OK(body && !strstr(body, "Step 2"), "the side menu dropped");
  docpipe_free(body);
  docpipe_buf_free(&b);
}

/* A listicle: two slides, each a part of prose inside thin wrappers that
 * add a link or two ("Shop now", "See it"); the best-scoring block is one
 * slide's text, and the content goes on up to the whole list. */
static void test_listicle_slides(void) {
  static const char *const cars[] = {"small hatchback", "compact crossover"};
  docpipe_buf b = DOCPIPE_BUF_INIT;
  S_append(&b, "<html><head><title>Best cheap cars</title></head><body>"
             "<nav><a href=/>Home</a> <a href=/cars>Cars</a></nav><main><article>"
             "<h1>Best cheap cars</h1><div class='slides'>");
  for (int i = 0; i < 2; i++) {
    char slide[1536];
    snprintf(slide, sizeof slide,
             "<section class='slide'><div class='slide-card'><div class='slide-inner'>"
             "<div class='slide-body'><h2>Pick %d</h2><p>The %s is the pick for buyers on a "
             "budget: its range, its price, and its cabin, which is roomier than the class "
             "average, make it a sensible first car, and its running costs stay low.</p>"
             "<p>Its weak points, a slow charger and a plain interior, matter less at this "
             "price, and the warranty, longer than most, covers the battery for eight "
             "years.</p></div><a href='/shop/%d'>Shop now</a></div>"
             "<a href='/see/%d'>See it</a></div></section>",
             i + 1, cars[i], i, i);
    S_append(&b, slide);
  }
  S_append(&b, "</div></article></main></body></html>");
  char *body = S_body_of(b.data, b.len);
  OK(body && strstr(body, "small hatchback") && strstr(body, "compact crossover"),
     "both slides kept");
  docpipe_free(body);
  docpipe_buf_free(&b);
}

/* A short article in <main> and a page footer of disclaimers longer than
 * it: the footer is still the footer. */
static void test_long_footer_beside_main(void) {
  docpipe_buf b = DOCPIPE_BUF_INIT;
  S_append(&b, "<html><head><title>Renting vehicles safely</title></head><body><main>"
             "<h1>Renting vehicles safely</h1><p>A sound rental policy screens every driver at the "
             "counter, checks the licence and the record, and inspects the vehicle with the "
             "renter, so that damage is noted before the keys change hands.</p>"
             "<p>Written rules, applied the same way to every renter, are the first defence.</p>"
             "</main><footer>");
  S_append_n(&b,
             "<p>This material is not intended to replace the advice of a qualified "
             "advisor, and the information, obtained from sources believed to be "
             "reliable, is offered for informational purposes only.</p>",
             4);
  S_append(&b, "</footer></body></html>");
  char *body = S_body_of(b.data, b.len);
  OK(body && strstr(body, "screens every driver"), "the article kept");
  OK(body && !strstr(body, "qualified advisor"), "the footer dropped");
  docpipe_free(body);
  docpipe_buf_free(&b);
}

/* A category page whose only prose sits under a footer-ish class word
 * ("field-seofootercopy"), beside a menu and a long page footer: the words
 * leave nothing of the page, so it is marked again without them; the
 * menu, all links, is still not the content. */
static void test_words_leave_nothing(void) {
  const char *page =
      "<html><head><title>Dress sneakers</title></head><body><div class='menu'>"
      "<a href=/a>Dress shoes</a> <a href=/b>Boots</a> <a href=/c>Belts</a> <a href=/d>Loafers</a> "
      "<a href=/e>Sandals</a> <a href=/f>Socks</a> <a href=/g>Clearance</a></div>"
      "<div class='field-seofootercopy'><p>Our dress sneakers are a step up from the ordinary "
      "tennis shoe: refined leather, a cushioned footbed and a sole that takes a resole, so a "
      "pair worn to the office on Monday looks as good at dinner on Friday.</p><p>Every pair "
      "is made in our own factory, and the leather is tanned in the same town, which is why "
      "we can repair any pair we have ever made.</p></div><footer><p>Free shipping and free "
      "returns on every order within the country, with a prepaid label in the box.</p><p>Our "
      "stores are open every day from ten to six, and the customer service team answers the "
      "phone from eight to eight on weekdays.</p><p>Prices, offers and availability may vary "
      "by store and online; see the terms of each offer for its details and dates.</p>"
      "</footer></body></html>";
  char *body = S_body_of(page, strlen(page));
  OK(body && strstr(body, "step up from the ordinary"), "the prose kept");
  OK(body && !strstr(body, "Boots"), "the menu dropped");
  docpipe_free(body);
}

/* An author's bio box after the article, under its label, is no article text. */
static void test_about_the_author(void) {
  const char *page =
      "<html><head><title>Exercise and mood</title></head><body><article>"
      "<h1>Regular exercise can lift your mood</h1><p>Exercising regularly can ease the "
      "symptoms of mild depression and anxiety, a review of many earlier studies suggests, "
      "and walking, yoga and resistance training all helped.</p><p>The findings do not mean "
      "that people should skip standard care; they suggest exercise deserves a place beside "
      "it, week after week.</p><div><h3>About the Author</h3><p>Mary Salt is the executive "
      "editor of the newsletter, and writes for its sister titles.</p></div>"
      "</article></body></html>";
  char *body = S_body_of(page, strlen(page));
  OK(body && strstr(body, "deserves a place"), "the article kept");
  OK(body && !strstr(body, "executive editor"), "the bio dropped");
  docpipe_free(body);
}

/* Alpine.js / Vue and Angular attribute names (`@click`, `(click)`) are
 * read as names: libxml2 2.9 alone ends the tag at a '>' inside their
 * values and shows the rest of the tag as text.  The same bytes in text
 * stay as they are. */
static void test_framework_attributes(void) {
  const char *page =
      "<html><body><article><h1>Council meets on the budget</h1>"
      "<p class=\"lead\" @click=\"open = items.some(i => i > 1)\" x-show=\"open\">The city "
      "council met on Monday to settle next year's budget, and agreed on most of it.</p>"
      "<p (click)=\"toggle(n > 2)\" [class.wide]=\"w > 3\">Members voted to keep the libraries "
      "open on Sundays, which had been in doubt for months.</p>"
      "<p>Residents can write to @council=questions with anything the meeting left out.</p>"
      "</article></body></html>";
  char *body = S_body_of(page, strlen(page));
  OK(body && strstr(body, "The city council met") && strstr(body, "Members voted"),
     "the paragraphs kept");
  OK(body && !strstr(body, "i > 1") && !strstr(body, "n > 2") && !strstr(body, "w > 3") &&
         !strstr(body, "x-show"),
     "no attribute text in the body");
  OK(body && strstr(body, "write to @council=questions"), "text with an '@' unchanged");
  docpipe_free(body);
}

/* React's streamed parts: the article arrives at the end of the page in
 * hidden segments, and goes where its placeholders stand, in order. */
static void test_streamed_parts(void) {
  const char *page =
      "<html><head><title>Index funds</title></head><body><main><article>"
      "<h1>How index funds work</h1>"
      "<!--$?--><template id=\"B:0\"></template><div>Loading paragraph...</div><!--/$-->"
      "<template id=\"B:1\"></template><div>Loading paragraph...</div>"
      "<p>A fund that follows an index buys every company in it, in the same proportions, and "
      "so never tries to beat the market.</p>"
      "</article></main><footer>About</footer>"
      "<div hidden id=\"S:0\"><p>You do not need to be an expert to invest well: index funds "
      "spread your money over hundreds of companies at once.</p><template id=\"P:2\"></template>"
      "</div><div hidden id=\"S:1\"><p>Their fees are low, because nobody is paid to pick the "
      "stocks, and the savings add up over decades.</p></div>"
      "<div hidden id=\"S:2\"><p>Most of them are bought through a broker, like a share.</p></div>"
      "<div hidden id=\"S:3\"><p>An orphan segment with no placeholder stays hidden.</p></div>"
      "<div hidden id=\"S:4\"><template id=\"B:4\"></template><p>Inside itself.</p></div>"
      "</body></html>";
  char *body = S_body_of(page, strlen(page));
  const char *a = body ? strstr(body, "You do not need") : NULL;
  const char *b = body ? strstr(body, "Most of them are bought") : NULL;
  const char *c = body ? strstr(body, "Their fees are low") : NULL;
  const char *d = body ? strstr(body, "A fund that follows") : NULL;
  OK(a && b && c && d && a < b && b < c && c < d, "the segments in their places, in order");
  OK(body && !strstr(body, "Loading"), "the fallbacks gone");
  OK(body && !strstr(body, "orphan") && !strstr(body, "Inside itself"), "unplaced segments hidden");
  docpipe_free(body);
}

static void S_keep_warning(void *ctx, const char *message) {
  docpipe_buf_puts(ctx, message);
  docpipe_buf_puts(ctx, "\n");
}

/* The tree stops where libxml2's own tree builder stops (depth 256): the
 * article before the deep part is read, what lies deeper is not, and the
 * user is told.  Without the limit the reader's walks up a 100,000-deep
 * tree took minutes (test_deep_nesting). */
static void test_depth_limit_keeps_what_came_before(void) {
  docpipe_buf b = DOCPIPE_BUF_INIT, warnings = DOCPIPE_BUF_INIT;
  docpipe_buf_puts(&b, "<html><body><article><h1>Kết quả công tác dân vận năm 2024</h1>");
  for (int i = 0; i < 3; i++)
    docpipe_buf_puts(&b, "<p>Năm 2024, Ban Dân vận Tỉnh ủy đã tham mưu triển khai Kết luận số "
                         "114-KL/TW, với nhiều mô hình hay, cách làm hiệu quả ở cơ sở.</p>");
  for (int i = 0; i < 300; i++) docpipe_buf_puts(&b, "<div>");
  docpipe_buf_puts(&b, "Chữ nằm quá sâu trong cây");
  for (int i = 0; i < 300; i++) docpipe_buf_puts(&b, "</div>");
  docpipe_buf_puts(&b, "</article></body></html>");
  docpipe_args args;
  docpipe_args_init(&args);
  args.log = S_keep_warning;
  args.log_ctx = &warnings;
  docpipe_doc *doc = NULL;
  docpipe_error err = DOCPIPE_ERROR_INIT;
  int rc = html_test_read(S_html, b.data, b.len, &args, &doc, &err);
  INT_EQ(rc, 0, "read");
  char *body = doc ? S_body(doc) : NULL;
  OK(body && strstr(body, "114-KL/TW"), "the article before the deep part is kept");
  OK(body && !strstr(body, "quá sâu"), "text nested over 256 deep is not read");
  OK(warnings.data && strstr(warnings.data, "nested over 256 deep"), "and the user is told");
  docpipe_free(body);
  docpipe_doc_free(doc);
  docpipe_buf_free(&b);
  docpipe_buf_free(&warnings);
}

static void test_deep_nesting(void) {
  size_t depth = 100000;
  docpipe_buf b = DOCPIPE_BUF_INIT;
  docpipe_buf_puts(&b, "<html><body>");
  for (size_t i = 0; i < depth; i++) docpipe_buf_puts(&b, (i % 3) ? "<div>" : "<blockquote>");
  docpipe_buf_puts(&b, "deep text at the bottom of a very deep tree, with words");
  for (size_t i = 0; i < depth; i++) docpipe_buf_puts(&b, "</div>");
  docpipe_buf_puts(&b, "<ul>");
  for (size_t i = 0; i < depth; i++) docpipe_buf_puts(&b, "<li><ul>");
  docpipe_buf_puts(&b, "</body></html>");
  docpipe_doc *doc = NULL;
  docpipe_error err = DOCPIPE_ERROR_INIT;
  int rc = S_read_mem(b.data, b.len, &doc, &err);
  OK((rc == 0 && doc) || (rc < 0 && !doc), "100,000-deep nesting: no crash");
  if (doc) {
    int maxd = 0;
    docpipe_iter *it = docpipe_iter_new(docpipe_doc_root(doc));
    while (docpipe_iter_next(it) != DOCPIPE_EVENT_DONE)
      if (docpipe_iter_depth(it) > maxd) maxd = docpipe_iter_depth(it);
    docpipe_iter_free(it);
    OK(maxd <= 260, "model depth bounded");
  }
  docpipe_doc_free(doc);
  docpipe_buf_free(&b);
}

static void test_huge_page(void) {
  /* 50 MB, generated here, not committed */
  docpipe_buf b = DOCPIPE_BUF_INIT;
  docpipe_buf_puts(&b, "<html><head><title>Huge</title></head><body><div class=menu><a href=/>x</a></div><article><p>");
  /* long paragraphs: the size is what is tested, not the node count (kept
   * moderate so the sanitizer build stays quick) */
  while (b.len < 50u * 1024 * 1024)
    for (int k = 0; k < 8; k++)
      docpipe_buf_puts(&b, k == 7 ? "</p>\n<p>"
                                  : "Câu văn dài của bài viết về hội nghị, kế hoạch năm tới và "
                                    "việc của <b>xã</b>. ");
  docpipe_buf_puts(&b, "<a href=\"/x\">liên kết</a></p></article></body></html>");
  clock_t t0 = clock();
  S_expect_doc(b.data, b.len, "50 MB page: a document", "liên kết");
  double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
  printf("50 MB page read in %.1f s\n", secs);
  docpipe_buf_free(&b);
}


/* ---- pathological 50 MB pages: bounded memory ---- */

#if defined(__SANITIZE_ADDRESS__)
#define S_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define S_SANITIZED 1
#endif
#endif
#ifndef S_SANITIZED
#define S_SANITIZED 0
#endif

#define S_BIG (50u * 1024 * 1024)

static void S_gen_text_run(docpipe_buf *b) {
  docpipe_buf_puts(b, "<html><body><article><p>");
  while (b->len < S_BIG) docpipe_buf_puts(b, "Một câu văn rất dài không có thẻ nào, chỉ có chữ và dấu phẩy. ");
  docpipe_buf_puts(b, "cuối</p></article></body></html>");
}

static void S_gen_empty(docpipe_buf *b) {
  docpipe_buf_puts(b, "<html><body><article><p>A short article, with a few words, before the flood.</p><p>");
  while (b->len < S_BIG) docpipe_buf_puts(b, "<i></i><span></span><b></b><em></em><font></font>");
  docpipe_buf_puts(b, "</p></article></body></html>");
}

/* Empty structural elements stay in the DOM (an empty cell is a cell):
 * ~190 bytes each (libxml2 node + statistics) for ~10 bytes of markup,
 * until the reader's element budget stops the parse. */
static void S_gen_empty_structural(docpipe_buf *b) {
  docpipe_buf_puts(b, "<html><body><article><p>A short article, with a few words, before the flood.</p>");
  while (b->len < S_BIG) docpipe_buf_puts(b, "<div></div><li></li><td></td>");
  docpipe_buf_puts(b, "</article></body></html>");
}

static void S_gen_deep(docpipe_buf *b) {
  docpipe_buf_puts(b, "<html><body>");
  for (int i = 0; i < 100000; i++) docpipe_buf_puts(b, "<div>");
  docpipe_buf_puts(b, "deep text, with words, at the bottom of the tree.");
  for (int i = 0; i < 100000; i++) docpipe_buf_puts(b, "</div>");
  docpipe_buf_puts(b, "<article>");
  while (b->len < S_BIG) docpipe_buf_puts(b, "<p>Đoạn văn của bài, với dấu phẩy, và <a href=\"/x\">liên kết</a>.</p>\n");
  docpipe_buf_puts(b, "</article></body></html>");
}

/* Reads the generated page in a child process; its exit status says
 * whether the read gave a document or a clean error, and its peak RSS
 * (MB) is stored in *peak_mb. */
static int S_read_in_child(void (*gen)(docpipe_buf *), double *peak_mb, double *page_mb) {
  fflush(NULL);
  pid_t pid = fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    docpipe_buf b = DOCPIPE_BUF_INIT;
    gen(&b);
    docpipe_doc *doc = NULL;
    docpipe_error err = DOCPIPE_ERROR_INIT;
    int rc = docpipe_plugin_read(S_html, (const unsigned char *)b.data, b.len, NULL, &doc, &err);
    int ok = (rc == 0 && doc) || (rc < 0 && !doc && err.message[0]);
    docpipe_doc_free(doc);
    _exit(ok ? (int)(b.len >> 20) : 255);
  }
  int status = 0;
  struct rusage ru;
  if (wait4(pid, &status, 0, &ru) != pid || !WIFEXITED(status) || WEXITSTATUS(status) == 255)
    return -1;
  *peak_mb = ru.ru_maxrss / 1024.0;
  *page_mb = WEXITSTATUS(status);
  return 0;
}

static void S_bounded(void (*gen)(docpipe_buf *), const char *what, int factor) {
  double peak = 0, page = 0;
  char msg[200];
  int rc = S_read_in_child(gen, &peak, &page);
  snprintf(msg, sizeof msg, "%s: a document or a clean error, no crash", what);
  OK(rc == 0, msg);
  if (rc || S_SANITIZED) return;
  printf("%s: peak RSS %.0f MB for %.0f MB\n", what, peak, page);
  snprintf(msg, sizeof msg, "%s: peak RSS %.0f MB under %dx the page + 50 MB", what, peak, factor);
  OK(peak < factor * page + 50, msg);
}

/* libxml2's own tree builder cut a text node at 10 MB (its
 * XML_MAX_TEXT_LENGTH) without a word: a long unbroken run lost its end.
 * The reader's tree keeps it all. */
static void test_long_text_run_whole(void) {
  docpipe_buf b = DOCPIPE_BUF_INIT;
  docpipe_buf_puts(&b, "<html><body><article><p>");
  while (b.len < ((size_t)11 << 20)) docpipe_buf_puts(&b, "Một câu văn rất dài không có thẻ nào. ");
  docpipe_buf_puts(&b, "Cuối cùng là Chỉ thị 16/CT-TTg.</p></article></body></html>");
  docpipe_doc *doc = NULL;
  docpipe_error err = DOCPIPE_ERROR_INIT;
  INT_EQ(S_read_mem(b.data, b.len, &doc, &err), 0, "an 11 MB text run is read");
  char *body = doc ? S_body(doc) : NULL;
  size_t n = body ? strlen(body) : 0;
  OK(n > ((size_t)11 << 20) - 100, "all of it");
  OK(body && strstr(body + (n > 200 ? n - 200 : 0), "16/CT-TTg"), "its end too");
  docpipe_free(body);
  docpipe_doc_free(doc);
  docpipe_buf_free(&b);
}

static void test_pathological_memory(void) {
  S_bounded(S_gen_text_run, "50 MB single text run", 10);
  S_bounded(S_gen_empty, "50 MB of empty formatting elements", 10);
  S_bounded(S_gen_empty_structural, "50 MB of empty structural elements", 15);
  S_bounded(S_gen_deep, "50 MB page, 100,000-deep nesting", 10);
}


#define S_VN_PARA                                                                          \
  "<p>Năm nay, các cấp hội trong tỉnh đã vận động hội viên góp công, góp đất, mở rộng "   \
  "đường giao thông nông thôn, sửa nhà văn hóa và trồng cây xanh ở khu dân cư.</p>"      \
  "<p>Kết quả này có được nhờ cán bộ đến từng nhà, bàn bạc dân chủ, công khai mức đóng " \
  "góp và lắng nghe ý kiến của bà con trước khi làm.</p>"

/* Pages of Vietnamese sites written blind (samples/html/vn2_*): the
 * outlet named as author, a team in an author box with its date, a date
 * beside a teaser in "Các tin khác", a headline only a class names, a
 * caption in italics, a banner brought in by an empty column. */
static void test_vn_portal_shapes(void) {
  const char *p1 =
      "<html><head><meta charset=utf-8><title>Người trẻ làm cầu nối | Báo Mẫu</title>"
      "<meta name=author content=\"Báo Mẫu\"></head><body><div class=detail>"
      "<h1>Người trẻ làm cầu nối</h1><div class=\"detail__author\"><a class=name>Ngọc An</a> - "
      "<a class=name>Y Nhi</a> <span>05/12/2024 14:30</span></div>" S_VN_PARA
      "<ul class=other><li><a href=/a>Nâng cao hiệu quả phối hợp giữa các đoàn thể</a> "
      "<span>(04/12/2024)</span></li><li><a href=/o2>Khối dân vận tổng kết phong trào thi "
      "đua năm 2024</a> <span>(03/12/2024)</span></li></ul></div></body></html>";
  docpipe_doc *doc = S_doc(p1);
  if (!doc) return;
  docpipe_value *m = docpipe_doc_meta(doc);
  docpipe_value *a = docpipe_value_get(m, "authors");
  INT_EQ((int)docpipe_value_count(a), 2, "the team, not the outlet");
  STR_EQ(a ? docpipe_value_string(docpipe_value_at(a, 1)) : NULL, "Y Nhi", "second of the team");
  STR_EQ(docpipe_meta_string(m, "source"), "Báo Mẫu", "the outlet is the source");
  STR_EQ(docpipe_meta_string(m, "date"), "2024-12-05T14:30:00", "the author box's date");
  docpipe_doc_free(doc);

  /* the only dates after the headline are teasers' */
  const char *p2 =
      "<html><head><meta charset=utf-8><title>Tin</title></head><body><div class=detail>"
      "<div class=dateshare><span>14:30 | 05/12/2024</span> <a href=#>In bài</a></div>"
      "<h1>Sắp xếp bộ máy gắn với công tác dân vận</h1>" S_VN_PARA
      "<ul><li><a href=/o1>Nâng cao hiệu quả phối hợp giữa các đoàn thể</a> "
      "<span>(04/12/2024)</span></li><li><a href=/o2>Khối dân vận tổng kết phong trào thi "
      "đua năm 2024</a> <span>(03/12/2024)</span></li></ul></div></body></html>";
  doc = S_doc(p2);
  if (!doc) return;
  STR_EQ(docpipe_meta_string(docpipe_doc_meta(doc), "date"), "2024-12-05T14:30:00",
         "not the teaser's date");
  docpipe_doc_free(doc);

  /* no h1, a <title> of the site's name: the titled cell over the date
   * line is the headline */
  const char *p3 =
      "<html><head><meta charset=utf-8><title>Ban Dân vận :: Tin tức</title></head><body>"
      "<div class=row><div class=col-1><ul class=menu><li><a href=/a>Tin tức</a></li></ul>"
      "<p><a href=https://dvc.example.vn><img src=/b.png alt=\"Dịch vụ công\"></a></p></div>"
      "<div class=col-2><table class=chitiet><tr><td class=tieude-tin>Mô hình mỗi tuần một "
      "việc làm dân vận</td></tr><tr><td>Thứ Năm, 05/12/2024 - 14:30</td></tr><tr><td>" S_VN_PARA "<table class=\"image center\"><tr><td>"
      "<img src=/x.jpg alt=\"\"></td></tr><tr><td class=image_desc><em>Đảng viên sửa đường "
      "làng</em></td></tr></table>" S_VN_PARA "</td></tr></table></div></div></body></html>";
  doc = S_doc(p3);
  if (!doc) return;
  STR_EQ(docpipe_meta_string(docpipe_doc_meta(doc), "title"), "Mô hình mỗi tuần một việc làm dân vận",
         "titled cell");
  int figure_caption_plain = 0, banner = 0;
  for (docpipe_node *b = docpipe_node_first_child(docpipe_doc_root(doc)); b; b = docpipe_node_next(b)) {
    if (docpipe_node_type_of(b) == DOCPIPE_NODE_FIGURE && docpipe_node_first_child(b))
      figure_caption_plain = docpipe_node_type_of(docpipe_node_first_child(b)) == DOCPIPE_NODE_TEXT;
    char *txt = docpipe_node_text_content(b);
    if (txt && strstr(txt, "Dịch vụ công")) banner = 1;
    docpipe_free(txt);
  }
  OK(figure_caption_plain, "a caption in italics is the caption's text");
  OK(!banner, "a banner link is no content");
  docpipe_doc_free(doc);

  /* a breadcrumb in the content, a team's signature the JSON-LD names */
  const char *p4 =
      "<html><head><meta charset=utf-8><title>Hà Giang</title><script type=\"application/ld+json\">"
      "{\"@type\":\"NewsArticle\",\"headline\":\"Xóa nhà tạm ở vùng cao\",\"author\":"
      "[{\"@type\":\"Person\",\"name\":\"Thanh Lam\"},{\"@type\":\"Person\",\"name\":"
      "\"Đức Huy\"}]}</script></head><body><article><p><a href=/>Trang chủ</a> &gt; "
      "<a href=/ts>Thời sự</a></p><h1>Xóa nhà tạm ở vùng cao</h1>" S_VN_PARA
      "<p><strong>Thanh Lam - Đức Huy</strong></p></article></body></html>";
  char *body = S_body_of(p4, strlen(p4));
  OK(body && strstr(body, "Năm nay"), "body kept");
  OK(body && !strstr(body, "Trang chủ"), "no breadcrumb");
  OK(body && !strstr(body, "Đức Huy"), "no signature of known authors");
  docpipe_free(body);

  /* a "listen to this article" player: its labels are no body text */
  const char *p5 = "<html><head><meta charset=utf-8><title>Tin</title></head><body><article>"
                   "<h1>Đồn biên phòng giúp dân bản</h1><div class=article-audio><span>Nghe bài "
                   "viết</span><audio controls src=/a.mp3></audio><span>Giọng đọc tự động</span>"
                   "</div>" S_VN_PARA "</article></body></html>";
  body = S_body_of(p5, strlen(p5));
  OK(body && strstr(body, "Năm nay") && !strstr(body, "Nghe bài"), "no audio player labels");
  docpipe_free(body);
}

/* Shapes of the third round of Vietnamese pages (samples/html/vn3_*). */
static void test_vn3_shapes(void) {
  /* Drupal's "submitted" line: the date is in its RDFa content, the text
   * is no date line ("Đăng bởi user lúc T5, …") */
  const char *p1 =
      "<html><head><meta charset=utf-8><title>Tin | Bộ Mẫu</title></head><body><h1>Đối thoại "
      "với đồng bào</h1><div class=node><div class=submitted><span property=\"dc:date "
      "dc:created\" content=\"2024-12-05T10:25:00+07:00\" datatype=\"xsd:dateTime\">Đăng bởi "
      "<span class=username>bientap01</span> lúc T5, 05/12/2024 - 10:25</span></div>" S_VN_PARA
      "<div class=comment><span property=\"dc:date dc:created\" content=\"2024-12-07T08:00:00"
      "+07:00\"></span><p>Bình luận</p></div></div></body></html>";
  docpipe_doc *doc = S_doc(p1);
  if (!doc) return;
  STR_EQ(docpipe_meta_string(docpipe_doc_meta(doc), "date"), "2024-12-05T10:25:00+07:00",
         "RDFa dc:date of the node, not of its comment");
  docpipe_doc_free(doc);

  /* a research article: "TS. NAME" in capitals and the institution above
   * the abstract */
  const char *p2 =
      "<html><head><meta charset=utf-8><title>Tạp chí</title></head><body><div class=detail>"
      "<h1>Phát huy sức mạnh đại đoàn kết ở cơ sở</h1><div class=author><p><strong>TS. LÊ THỊ "
      "MINH HẰNG</strong><br><em>Học viện Chính trị khu vực III</em></p></div>" S_VN_PARA
      "</div></body></html>";
  doc = S_doc(p2);
  if (!doc) return;
  STR_EQ(docpipe_meta_list_item(docpipe_doc_meta(doc), "authors", 0), "Lê Thị Minh Hằng",
         "the academic byline's name");
  char *body = S_body(doc);
  OK(body && strstr(body, "Năm nay") && !strstr(body, "Học viện"), "the byline leaves the body");
  docpipe_free(body);
  docpipe_doc_free(doc);

  /* a pen name "(tổng hợp)" at the right margin: the author, and no body */
  const char *p3 =
      "<html><head><meta charset=utf-8><title>Tin</title></head><body><article><h1>Đối thoại "
      "với đồng bào</h1>" S_VN_PARA "<p style=\"text-align:right\"><em>Minh Châu (tổng hợp)"
      "</em></p></article></body></html>";
  doc = S_doc(p3);
  if (!doc) return;
  STR_EQ(docpipe_meta_list_item(docpipe_doc_meta(doc), "authors", 0), "Minh Châu", "signature");
  body = S_body(doc);
  OK(body && strstr(body, "Năm nay") && !strstr(body, "tổng hợp"), "the signature leaves the body");
  docpipe_free(body);
  docpipe_doc_free(doc);

  /* a ticker above the article goes; a research article's footnotes stay */
  const char *p4 =
      "<html><head><meta charset=utf-8><title>Tin</title></head><body><div id=bar><marquee>"
      "Chào mừng Đại hội đại biểu Mặt trận Tổ quốc tỉnh lần thứ XVI</marquee></div><div "
      "class=content><h1>Khối đại đoàn kết ở cơ sở</h1>" S_VN_PARA "<div class=footnotes><p>(1) "
      "Nghị quyết số 43-NQ/TW ngày 24/11/2023 của Ban Chấp hành Trung ương.</p><p>(2) Kết luận "
      "số 120-KL/TW ngày 07/01/2022 của Ban Bí thư.</p></div></div></body></html>";
  body = S_body_of(p4, strlen(p4));
  OK(body && !strstr(body, "Chào mừng"), "no ticker");
  OK(body && strstr(body, "43-NQ/TW") && strstr(body, "120-KL/TW"), "footnotes kept");
  docpipe_free(body);

  /* a TV station's page: a script's player and its no-script notice, the
   * section's link beside the date and a view count, icon buttons, the
   * editor's credit under the reporters' */
  const char *p5 =
      "<html><head><meta charset=utf-8><title>Tin</title></head><body><div class=detail>"
      "<video-js id=player controls><source src=/v.m3u8 type=application/x-mpegURL><p>Để xem "
      "video này, vui lòng bật JavaScript.</p></video-js><h1>Người có uy tín ở bản</h1><div "
      "class=detail-meta><a href=/thoi-su>Thời sự</a> <span><i class=\"fa fa-clock\"></i> "
      "05/12/2024 10:25</span> <span><i class=\"fa fa-eye\"></i> 856</span>"
      "</div><div class=detail-share><a href=#><img src=/zalo.svg alt=Zalo></a> <a "
      "href=\"javascript:window.print()\"><img src=/print.svg alt=In></a></div>" S_VN_PARA
      "<p><strong>PV: Đức Anh - Minh Tuấn</strong></p><p><strong>BTV: Thanh Hương</strong></p>"
      "</div></body></html>";
  doc = S_doc(p5);
  if (!doc) return;
  docpipe_value *m = docpipe_doc_meta(doc);
  STR_EQ(docpipe_meta_string(m, "date"), "2024-12-05T10:25:00", "the date beside the section");
  int double_space = 0;
  for (docpipe_node *b = docpipe_node_first_child(docpipe_doc_root(doc)); b; b = docpipe_node_next(b)) {
    char *txt = docpipe_node_text_content(b);
    if (txt && strstr(txt, "  ")) double_space = 1;
    docpipe_free(txt);
  }
  OK(!double_space, "an empty icon element leaves one space, not two");
  STR_EQ(docpipe_meta_list_item(m, "authors", 1), "Minh Tuấn", "the reporters");
  INT_EQ((int)docpipe_value_count(docpipe_value_get(m, "authors")), 2, "not the editor");
  int images = 0;
  for (docpipe_node *b = docpipe_node_first_child(docpipe_doc_root(doc)); b; b = docpipe_node_next(b))
    for (docpipe_node *x = docpipe_node_first_child(b); x; x = docpipe_node_next(x))
      if (docpipe_node_type_of(x) == DOCPIPE_NODE_LINK && docpipe_node_first_child(x) &&
          docpipe_node_type_of(docpipe_node_first_child(x)) == DOCPIPE_NODE_IMAGE)
        images++;
  INT_EQ(images, 0, "no icon buttons");
  body = S_body(doc);
  OK(body && strstr(body, "Năm nay"), "body kept");
  OK(body && !strstr(body, "JavaScript") && !strstr(body, "BTV") && !strstr(body, "PV:"),
     "no player notice, credits");
  docpipe_free(body);
  docpipe_doc_free(doc);

  /* an old ASP portal: no h1, a <title> of the site's name, the headline
   * in <font><b> under the date's row, tools in brackets, a reprint */
  const char *p6 =
      "<html><head><meta charset=utf-8><title>Ban Tuyen giao Huyen uy</title></head><body>"
      "<table><tr><td><a href=a.asp><font><b>Trang chủ</b></font></a></td></tr><tr><td><table>"
      "<tr><td align=right><font size=1><i>Thứ năm, ngày 5 tháng 12 năm 2024</i></font></td></tr>"
      "<tr><td><font size=3 color=#003399><b>Đổi mới cách học tập nghị quyết ở chi bộ</b></font>"
      "</td></tr><tr><td><font size=2>" S_VN_PARA "<p align=right><i>Theo dangcongsan.vn</i></p>"
      "</font></td></tr><tr><td align=right><font size=1><a href=in.asp>[In bài]</a> <a "
      "href=gui.asp>[Gửi bài viết]</a> <a href=\"javascript:history.back()\">[Quay lại]</a>"
      "</font></td></tr></table></td></tr></table></body></html>";
  doc = S_doc(p6);
  if (!doc) return;
  m = docpipe_doc_meta(doc);
  STR_EQ(docpipe_meta_string(m, "title"), "Đổi mới cách học tập nghị quyết ở chi bộ", "bold headline");
  STR_EQ(docpipe_meta_string(m, "date"), "2024-12-05", "date row");
  STR_EQ(docpipe_meta_string(m, "source"), "dangcongsan.vn", "a domain credited");
  body = S_body(doc);
  OK(body && strstr(body, "Năm nay") && !strstr(body, "In bài") && !strstr(body, "Theo "),
     "no tools, no credit line");
  docpipe_free(body);
  docpipe_doc_free(doc);

  /* Joomla K2: "Viết bởi" a CMS account under the headline; notes under a
   * line of underscores */
  const char *p7 =
      "<html><head><meta charset=utf-8><title>Tin</title></head><body><div class=itemView>"
      "<h2 class=itemTitle>Nâng cao chất lượng dân vận chính quyền</h2><span class=itemAuthor>"
      "Viết bởi <a rel=author href=/u/62>Quản trị</a></span><div class=itemFullText>" S_VN_PARA
      "<p>_______________</p><p>(1) Nghị quyết số 43-NQ/TW ngày 24/11/2023 của Ban Chấp hành "
      "Trung ương.</p></div></div></body></html>";
  body = S_body_of(p7, strlen(p7));
  OK(body && strstr(body, "Năm nay") && strstr(body, "43-NQ/TW"), "body and note kept");
  OK(body && !strstr(body, "Viết bởi"), "no credit line");
  docpipe_free(body);

  /* a print view: every box "print-…", the bold sapo beside the content */
  const char *p8 =
      "<html><head><meta charset=utf-8><title>Báo Mẫu - Bản in</title></head><body><div "
      "class=print-body><div class=print-title>Tổ công nghệ số cộng đồng về tận thôn</div><div "
      "class=print-date>Cập nhật lúc 10:25, Thứ Năm, 05/12/2024</div><div class=print-sapo><strong>"
      "Hơn 1.700 tổ công nghệ số cộng đồng đã được thành lập ở các thôn, bản, tổ dân phố trong "
      "tỉnh, giúp người dân làm quen với dịch vụ công trực tuyến.</strong></div><div "
      "class=print-content>" S_VN_PARA "<p>Tuy nhiên, hoạt động của một "
      "số tổ còn gặp khó khăn do thành viên thường xuyên thay đổi.</p></div></div></body></html>";
  body = S_body_of(p8, strlen(p8));
  OK(body && strstr(body, "Năm nay") && strstr(body, "Hơn 1.700 tổ"), "the print view's sapo");
  docpipe_free(body);
}

static void test_probe(void) {
  const char *p1 = "<!DOCTYPE html><html><body>x</body></html>";
  OK(S_html->probe((const unsigned char *)p1, strlen(p1), NULL) >= 90, "doctype probes high");
  const char *p2 = "{\"a\": 1}";
  INT_EQ(S_html->probe((const unsigned char *)p2, strlen(p2), NULL), 0, "JSON probes 0");
}

int main(void) {
  S_html = html_test_plugin(&S_reg);
  RUN(test_pathological_memory); /* first: a child's peak RSS counts what the parent holds */
  RUN(test_probe);
  RUN(test_portal_page);
  RUN(test_visible_meta);
  RUN(test_title_fallback);
  RUN(test_list_of_paragraphs);
  RUN(test_blog_title_and_dates);
  RUN(test_landing_page_title);
  RUN(test_news_furniture);
  RUN(test_news_site_furniture);
  RUN(test_person_over_desk);
  RUN(test_date_strip_as_list);
  RUN(test_hidden_caption_and_buttons);
  RUN(test_forum_thread);
  RUN(test_byline_box);
  RUN(test_vn_portal_shapes);
  RUN(test_vn3_shapes);
  RUN(test_author_cleaning);
  RUN(test_credit_label);
  RUN(test_labelled_date);
  RUN(test_name_beside_date);
  RUN(test_date_near_headline);
  RUN(test_site_date_meta);
  RUN(test_local_day);
  RUN(test_joined_authors);
  RUN(test_standfirst);
  RUN(test_attributes);
  RUN(test_markup_whitespace);
  RUN(test_date_line_at_end);
  RUN(test_double_utf8);
  RUN(test_cp1258);
  RUN(test_cp1252);
  RUN(test_undeclared_legacy);
  RUN(test_undeclared_charsets);
  RUN(test_empty_and_binary);
  RUN(test_broken_and_invalid);
  RUN(test_after_html_end);
  RUN(test_sidebar_layout_wrapper);
  RUN(test_listicle_slides);
  RUN(test_long_footer_beside_main);
  RUN(test_words_leave_nothing);
  RUN(test_about_the_author);
  RUN(test_framework_attributes);
  RUN(test_streamed_parts);
  RUN(test_deep_nesting);
  RUN(test_depth_limit_keeps_what_came_before);
  RUN(test_long_text_run_whole);
  RUN(test_huge_page);
  docpipe_registry_free(S_reg);
  return harness_summary();
}
