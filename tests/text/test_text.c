/* Unit tests of the text plugin, linked from its sources.  The extractor
 * functions the dump reader calls (date line, byline) are replaced here by
 * small fakes, so the reader's own rules are tested apart from the
 * extractors (which have their own tests). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <dirent.h>
#include <jansson.h>
#include <sys/stat.h>

#include "docpipe/extract.h"
#include "harness.h"
#include "text.h"

/* ---- fakes for docpipe/extract.h (interpose the library's) ---- */

int docpipe_date_line(const char *line, size_t len, docpipe_date *out) {
  char buf[128];
  if (len >= sizeof buf) return 0;
  memcpy(buf, line, len);
  buf[len] = 0;
  const char *p = buf;
  const char *prefixes[] = {"Ngày đăng: ", "Cập nhật: ", "Thứ hai, ", "Thứ ba, ", NULL};
  for (int i = 0; prefixes[i]; i++)
    if (!strncmp(p, prefixes[i], strlen(prefixes[i]))) p += strlen(prefixes[i]);
  int d, m, y, hh = -1, mm = -1, used = 0;
  char ampm[3] = "";
  if (sscanf(p, "Ngày %d tháng %d năm %d%n", &d, &m, &y, &used) == 3 && !p[used]) goto found;
  if (sscanf(p, "%d/%d/%d%n", &d, &m, &y, &used) != 3) return 0;
  const char *rest = p + used;
  if (!strcmp(rest, " 08:30 (GMT+7)")) hh = 8, mm = 30;
  else if (*rest && sscanf(rest, " - %d:%d %2s", &hh, &mm, ampm) < 2) return 0;
found:
  memset(out, 0, sizeof *out);
  out->day = d, out->month = m, out->year = y;
  out->hour = hh >= 0 && !strcmp(ampm, "PM") && hh < 12 ? hh + 12 : hh;
  out->minute = mm, out->second = -1;
  out->start = (size_t)(p - buf);
  out->end = len;
  return 1;
}

int docpipe_date_format_iso(const docpipe_date *d, char *out, size_t n) {
  if (!d->year) return DOCPIPE_EINVAL;
  if (d->hour >= 0)
    snprintf(out, n, "%04d-%02d-%02dT%02d:%02d:00", d->year, d->month, d->day, d->hour, d->minute);
  else
    snprintf(out, n, "%04d-%02d-%02d", d->year, d->month, d->day);
  return 0;
}

int docpipe_byline_parse(const char *line, size_t len, docpipe_value **authors, char **source) {
  char buf[256];
  if (len >= sizeof buf) return 0;
  memcpy(buf, line, len);
  buf[len] = 0;
  *authors = docpipe_value_new_list();
  *source = NULL;
  if (!strcmp(buf, "PV")) return 1;
  if (!strncmp(buf, "Tin, ảnh: ", strlen("Tin, ảnh: "))) {
    docpipe_value_append_string(*authors, buf + strlen("Tin, ảnh: "));
    return 1;
  }
  if (!strncmp(buf, "Theo ", 5)) {
    char *slash = strchr(buf + 5, '/');
    if (slash) {
      *slash = 0;
      docpipe_value_append_string(*authors, buf + 5);
      *source = strdup(slash + 1);
    } else {
      *source = strdup(buf + 5);
    }
    char *s = docpipe_malloc(strlen(*source) + 1);
    strcpy(s, *source);
    free(*source);
    *source = s;
    return 1;
  }
  /* Two to four capitalised words, nothing else. */
  int words = 0;
  for (char *w = buf; *w;) {
    if ((unsigned char)*w < 0x80 && !(*w >= 'A' && *w <= 'Z') && (unsigned char)*w != 0xC4 &&
        (unsigned char)*w != 0xE1)
      goto no;
    words++;
    while (*w && *w != ' ') {
      if (strchr(".,:;0123456789", *w)) goto no;
      w++;
    }
    while (*w == ' ') w++;
  }
  if (words >= 2 && words <= 4) {
    docpipe_value_append_string(*authors, buf);
    return 1;
  }
no:
  docpipe_value_free(*authors);
  *authors = NULL;
  return 0;
}

/* ---- helpers ---- */

static docpipe_doc *S_read(const char *s, size_t len, int *rc_out) {
  docpipe_doc *doc = NULL;
  docpipe_error err = DOCPIPE_ERROR_INIT;
  docpipe_args args;
  docpipe_args_init(&args);
  unsigned char *buf = calloc(len + DOCPIPE_PROBE_PADDING, 1);
  memcpy(buf, s, len);
  int rc = text_read(buf, len, &args, &doc, &err);
  free(buf);
  if (rc_out) *rc_out = rc;
  if (rc && !rc_out) fprintf(stderr, "read failed: %s\n", err.message);
  return doc;
}

static char *S_write(const docpipe_doc *doc) {
  docpipe_buf out = DOCPIPE_BUF_INIT;
  docpipe_error err = DOCPIPE_ERROR_INIT;
  if (text_write(doc, NULL, &out, &err)) {
    fprintf(stderr, "write failed: %s\n", err.message);
    docpipe_buf_free(&out);
    return NULL;
  }
  return docpipe_buf_detach(&out, NULL);
}

static char *S_slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *s = malloc((size_t)n + 1);
  if (fread(s, 1, (size_t)n, f) != (size_t)n) n = 0;
  s[n] = 0;
  fclose(f);
  if (len) *len = (size_t)n;
  return s;
}

static void S_para(docpipe_node *parent, docpipe_node_type type, const char *text) {
  docpipe_node *n = docpipe_node_add(parent, type);
  docpipe_node_append_text(n, text, strlen(text));
}

/* A document with every block kind and every kind of metadata value. */
static docpipe_doc *S_full_doc(void) {
  docpipe_doc *doc = docpipe_doc_new();
  docpipe_value *m = docpipe_doc_meta(doc);
  docpipe_value_set_string(m, "title", "Tổng kết 10 năm: thực hiện \"Quy chế\"");
  docpipe_value_set_string(m, "date", "2020-07-16");
  docpipe_value_set_string(m, "date_text", "Ngày đăng: 16/07/2020");
  docpipe_value *a = docpipe_value_new_list();
  docpipe_value_append_string(a, "Cầm Thi Giang");
  docpipe_value_append_string(a, "- Nguyễn Văn A");
  docpipe_value_set(m, "authors", a);
  docpipe_value_set_string(m, "source", "CTTĐT");
  docpipe_value *ds = docpipe_value_new_list();
  docpipe_value *d = docpipe_value_new_map();
  docpipe_value_set_string(d, "code", "290-QĐ/TW");
  docpipe_value_set_string(d, "type", "Quyết định");
  docpipe_value_set_string(d, "number", "290");
  docpipe_value_set_string(d, "date", "2010-02-25");
  docpipe_value_set_string(d, "text", "Quyết định số 290-QĐ/TW ngày 25/02/2010");
  docpipe_value_append(ds, d);
  docpipe_value_set(m, "decisions", ds);
  docpipe_value_set(m, "tags", docpipe_value_new_list());
  docpipe_value_set(m, "x-empty-map", docpipe_value_new_map());
  docpipe_value_set_string(m, "x-tricky", "line one\nline two: --- end metadata ---");
  docpipe_value_set_string(m, "x-empty", "");

  docpipe_node *root = docpipe_doc_root(doc);
  docpipe_node *h = docpipe_node_add(root, DOCPIPE_NODE_HEADING);
  docpipe_node_append_text(h, "Kết quả nổi bật", strlen("Kết quả nổi bật"));
  S_para(root, DOCPIPE_NODE_PARAGRAPH, "Chiều 15/7/2020, hội nghị đã diễn ra.");
  docpipe_node *p = docpipe_node_add(root, DOCPIPE_NODE_PARAGRAPH);
  docpipe_node_append_text(p, "Xem ", 4);
  docpipe_node *link = docpipe_node_add(p, DOCPIPE_NODE_LINK);
  docpipe_node_set_url(link, "https://example.org/a");
  docpipe_node_append_text(link, "bài gốc", strlen("bài gốc"));
  docpipe_node_add(p, DOCPIPE_NODE_LINE_BREAK);
  docpipe_node *em = docpipe_node_add(p, DOCPIPE_NODE_EMPH);
  docpipe_node_append_text(em, "nhấn mạnh", strlen("nhấn mạnh"));
  h = docpipe_node_add(root, DOCPIPE_NODE_HEADING);
  docpipe_node_set_heading_level(h, 3);
  docpipe_node_append_text(h, "1. Chi tiết", strlen("1. Chi tiết"));
  docpipe_node *list = docpipe_node_add(root, DOCPIPE_NODE_LIST);
  docpipe_node_set_list_tight(list, 1);
  docpipe_node *item = docpipe_node_add(list, DOCPIPE_NODE_ITEM);
  S_para(item, DOCPIPE_NODE_PARAGRAPH, "Một");
  docpipe_node *sub = docpipe_node_add(item, DOCPIPE_NODE_LIST);
  docpipe_node_set_list_type(sub, DOCPIPE_LIST_ORDERED);
  docpipe_node_set_list_start(sub, 9);
  docpipe_node_set_list_tight(sub, 1);
  S_para(docpipe_node_add(sub, DOCPIPE_NODE_ITEM), DOCPIPE_NODE_PARAGRAPH, "chín");
  S_para(docpipe_node_add(sub, DOCPIPE_NODE_ITEM), DOCPIPE_NODE_PARAGRAPH, "mười");
  item = docpipe_node_add(list, DOCPIPE_NODE_ITEM);
  S_para(item, DOCPIPE_NODE_PARAGRAPH, "Hai");
  docpipe_node *q = docpipe_node_add(root, DOCPIPE_NODE_BLOCK_QUOTE);
  S_para(q, DOCPIPE_NODE_PARAGRAPH, "Lấy dân làm gốc.");
  docpipe_node *q2 = docpipe_node_add(q, DOCPIPE_NODE_BLOCK_QUOTE);
  S_para(q2, DOCPIPE_NODE_PARAGRAPH, "Trích dẫn lồng.");
  docpipe_node *code = docpipe_node_add(root, DOCPIPE_NODE_CODE_BLOCK);
  docpipe_node_set_literal(code, "int main(void) {\n  return 0;\n}\n");
  docpipe_node *fig = docpipe_node_add(root, DOCPIPE_NODE_FIGURE);
  docpipe_node_set_url(fig, "img/hoi-nghi.jpg");
  docpipe_node_set_alt(fig, "Toàn cảnh hội nghị");
  docpipe_node_append_text(fig, "Quang cảnh hội nghị.", strlen("Quang cảnh hội nghị."));
  docpipe_node_add(root, DOCPIPE_NODE_THEMATIC_BREAK);
  docpipe_node *t = docpipe_node_add(root, DOCPIPE_NODE_TABLE);
  const char *cells[3][2] = {{"Năm", "Số cuộc"}, {"2019", "21.000"}, {"2020", "550"}};
  for (int r = 0; r < 3; r++) {
    docpipe_node *row = docpipe_node_add(t, DOCPIPE_NODE_TABLE_ROW);
    if (r == 0) docpipe_node_set_row_header(row, 1);
    for (int c = 0; c < 2; c++)
      S_para(row, DOCPIPE_NODE_TABLE_CELL, cells[r][c]);
  }
  S_para(root, DOCPIPE_NODE_PARAGRAPH, "Đoạn cuối./.");
  return doc;
}

/* ---- tests ---- */

static void test_probe(void) {
  const char *vi = "Tổng kết 10 năm\n\nChiều 15/7/2020, hội nghị.\n";
  INT_EQ(text_probe((const unsigned char *)vi, strlen(vi), NULL), 30, "plain UTF-8 text");
  const char *own = TEXT_META_BEGIN "\ntitle: x\n" TEXT_META_END "\n";
  INT_EQ(text_probe((const unsigned char *)own, strlen(own), NULL), 90, "own header");
  OK(text_probe((const unsigned char *)"<html><body>x</body></html>", 27, NULL) < 25, "HTML low");
  OK(text_probe((const unsigned char *)"{\"a\": 1}", 8, NULL) < 25, "JSON low");
  OK(text_probe((const unsigned char *)"\x00\x01\x02\x03PK", 6, NULL) < 25, "binary low");
  OK(text_probe((const unsigned char *)"caf\xff\xfe", 5, NULL) < 25, "invalid UTF-8 low");
  OK(text_probe((const unsigned char *)"", 0, NULL) < 25, "empty low");
}

static void test_writer_golden(void) {
  docpipe_doc *doc = S_full_doc();
  char *got = S_write(doc);
  char path[4096];
  snprintf(path, sizeof path, "%s/tests/text/golden/full.txt", getenv("DOCPIPE_SOURCE_DIR"));
  if (getenv("DOCPIPE_UPDATE_GOLDEN")) {
    FILE *f = fopen(path, "wb");
    fputs(got, f);
    fclose(f);
  }
  char *want = S_slurp(path, NULL);
  OK(want != NULL, "golden file readable");
  STR_EQ(got, want, "writer output equals tests/text/golden/full.txt");
  free(want);
  docpipe_free(got);
  docpipe_doc_free(doc);
}

static void test_roundtrip(void) {
  docpipe_doc *doc = S_full_doc();
  char *first = S_write(doc);
  docpipe_doc *back = S_read(first, strlen(first), NULL);
  OK(back != NULL, "own output reads back");
  if (!back) return;
  OK(docpipe_value_equal(docpipe_doc_meta(doc), docpipe_doc_meta(back)), "metadata lossless");
  char *second = S_write(back);
  STR_EQ(second, first, "write(read(write(doc))) is stable");
  /* The body structure survives too. */
  docpipe_node *root = docpipe_doc_root(back);
  INT_EQ(docpipe_node_type_of(docpipe_node_first_child(root)), DOCPIPE_NODE_HEADING, "heading first");
  int kinds[16] = {0};
  for (docpipe_node *n = docpipe_node_first_child(root); n; n = docpipe_node_next(n))
    if (docpipe_node_type_of(n) < 16) kinds[docpipe_node_type_of(n)]++;
  INT_EQ(kinds[DOCPIPE_NODE_LIST], 1, "one list");
  INT_EQ(kinds[DOCPIPE_NODE_BLOCK_QUOTE], 1, "one quote");
  INT_EQ(kinds[DOCPIPE_NODE_CODE_BLOCK], 1, "one code block");
  INT_EQ(kinds[DOCPIPE_NODE_FIGURE], 1, "one figure");
  INT_EQ(kinds[DOCPIPE_NODE_TABLE], 1, "one table");
  INT_EQ(kinds[DOCPIPE_NODE_THEMATIC_BREAK], 1, "one break");
  docpipe_free(first);
  docpipe_free(second);
  docpipe_doc_free(back);
  docpipe_doc_free(doc);
}

static void test_meta_strings(void) {
  const char *tricky[] = {"a: b", "- x", "'q'", "\"dq\"", "l1\nl2\r\nl3", "  lead", "trail  ", "",
                          "null", "~", "#hash", TEXT_META_END, "[x]", "{y}", "@at", "%p", "`t",
                          "yes", "0123", "Tổng kết 😀", "tab\there", "…\u2028sep", "? k", "&a *b",
                          "!tag", "|", ">", "key: value # c", NULL};
  docpipe_doc *doc = docpipe_doc_new();
  docpipe_value *m = docpipe_doc_meta(doc);
  docpipe_value *l = docpipe_value_new_list();
  char key[32];
  for (int i = 0; tricky[i]; i++) {
    snprintf(key, sizeof key, "k%02d", i);
    docpipe_value_set_string(m, key, tricky[i]);
    docpipe_value_append_string(l, tricky[i]);
  }
  docpipe_value_set(m, "list", l);
  docpipe_value_set_string(m, "key with: colon", "v");
  docpipe_value_set_string(m, "- dash key", "v");
  docpipe_value *deep = docpipe_value_new_map();
  docpipe_value *inner = docpipe_value_new_list();
  docpipe_value *leaf = docpipe_value_new_map();
  docpipe_value_set(leaf, "empty list", docpipe_value_new_list());
  docpipe_value_append(inner, leaf);
  docpipe_value_set(deep, "inner", inner);
  docpipe_value_set(m, "deep", deep);
  char *out = S_write(doc);
  docpipe_doc *back = S_read(out, strlen(out), NULL);
  OK(back && docpipe_value_equal(docpipe_doc_meta(doc), docpipe_doc_meta(back)),
     "tricky strings, keys and nesting read back exactly");
  docpipe_free(out);
  docpipe_doc_free(back);
  docpipe_doc_free(doc);
}

static const char S_dump[] =
    "Sự kiện nổi bật\n\n\n"
    "Cỡ chữ: +A | -A |\xc2\xa0 Bản in\n"
    "Bình chọn\n\nTheo bạn giao diện mới thế nào ?\n\nĐẹp\nBình thường\n\n"
    "58 người đã tham gia bình chọn\n"
    "Hội đồng nhân dân xã tổng kết công tác năm 2021 và triển khai nhiệm vụ\n"
    "Ngày đăng: 28/12/2021\n\n"
    "Sáng 27/12, Hội đồng nhân dân xã tổ chức kỳ họp thứ ba để tổng kết công tác năm 2021 và bàn "
    "nhiệm vụ năm tới.\n"
    "Quang cảnh kỳ họp.\n\n"
    "Kết quả nổi bật trong năm\n\n"
    "Trong năm, xã đã tổ chức nhiều hoạt động thiết thực hướng về cơ sở.\n"
    "Ông Lê Văn Bình (giữa) nhận giấy khen của xã\n\n"
    "Trong năm, xã đã hoàn thành 14 trên 15 chỉ tiêu, trong đó thu ngân sách vượt dự toán đề ra.\n\n"
    "Hoi nghi tai hoi truong.jpg\n\nĐại biểu biểu quyết tại kỳ họp\n\n"
    "- làm đường giao thông nông thôn\n- kiên cố hóa kênh mương\n\n"
    "Kỳ họp đã thông qua các nghị quyết quan trọng về phát triển kinh tế, xã hội năm 2022.\n\n"
    "Hội đồng nhân dân xã tổng kết công tác năm 2021 và triển khai nhiệm vụ\n"
    "\xc2\xa0\xc2\xa0\xc2\xa0\xc2\xa0 Lê Minh Tâm\n\n"
    "Các tin khác:\n"
    "Xã ra quân làm đường (12/11/2021)\n"
    "<<\xc2\xa0 <\xc2\xa0 1\xc2\xa0 2\xc2\xa0 >\xc2\xa0 >>\n"
    "eeba5c24-e272-4432-b7d9-724158b02e59\n"
    "THỐNG KÊ TRUY CẬP\n  • Online 4\nHôm nay: 77\nTổng: 5.973.316\n";

static void test_dump(void) {
  docpipe_doc *doc = S_read(S_dump, strlen(S_dump), NULL);
  OK(doc != NULL, "dump reads");
  if (!doc) return;
  docpipe_value *m = docpipe_doc_meta(doc);
  STR_EQ(docpipe_meta_string(m, "title"),
         "Hội đồng nhân dân xã tổng kết công tác năm 2021 và triển khai nhiệm vụ", "headline");
  STR_EQ(docpipe_meta_string(m, "date"), "2021-12-28", "date from the date line");
  STR_EQ(docpipe_meta_string(m, "date_text"), "28/12/2021", "date as written");
  STR_EQ(docpipe_meta_list_item(m, "authors", 0), "Lê Minh Tâm", "right-aligned byline");
  STR_EQ(docpipe_meta_string(m, "language"), "vi", "Vietnamese letters give the language");
  char *body = docpipe_node_text_content(docpipe_doc_root(doc));
  const char *chrome[] = {"Sự kiện nổi bật", "Cỡ chữ", "Bản in", "Bình chọn", "giao diện mới", "Đẹp",
                          "Bình thường", "tham gia bình chọn", "Các tin khác", "làm đường (",
                          "<<", "eeba5c24", "TRUY CẬP", "Online", "Hôm nay", "Tổng:", "Lê Minh Tâm",
                          "Ngày đăng", "Hội đồng nhân dân xã tổng kết", ".jpg", NULL};
  for (int i = 0; chrome[i]; i++) {
    if (strstr(body, chrome[i])) fprintf(stderr, "     chrome left: %s\n", chrome[i]);
    OK(!strstr(body, chrome[i]), "no chrome line in the body");
  }
  docpipe_free(body);
  /* Block by block. */
  docpipe_node *n = docpipe_node_first_child(docpipe_doc_root(doc));
  int want[] = {DOCPIPE_NODE_PARAGRAPH, DOCPIPE_NODE_FIGURE, DOCPIPE_NODE_HEADING,
                DOCPIPE_NODE_PARAGRAPH, DOCPIPE_NODE_FIGURE, DOCPIPE_NODE_PARAGRAPH,
                DOCPIPE_NODE_FIGURE, DOCPIPE_NODE_LIST, DOCPIPE_NODE_PARAGRAPH, 0};
  for (int i = 0; want[i]; i++, n = docpipe_node_next(n)) {
    INT_EQ(docpipe_node_type_of(n), want[i], "block kind in order");
    if (!n) return;
    if (i == 4) {
      char *cap = docpipe_node_text_content(n);
      STR_EQ(cap, "Ông Lê Văn Bình (giữa) nhận giấy khen của xã", "caption with a position marker");
      docpipe_free(cap);
    }
    if (i == 6) {
      STR_EQ(docpipe_node_alt(n), "Hoi nghi tai hoi truong", "image file name as alt");
      char *cap = docpipe_node_text_content(n);
      STR_EQ(cap, "Đại biểu biểu quyết tại kỳ họp", "caption after the image file");
      docpipe_free(cap);
    }
  }
  OK(n == NULL, "nothing after the last paragraph");
  docpipe_doc_free(doc);
}

static void test_dump_source_byline(void) {
  const char *s = "Skip to main content\n\nTrường học khai giảng năm học mới tại huyện\n"
                  "Tin tức, sự kiện\n"
                  "Trường học khai giảng năm học mới tại huyện\n"
                  "Sáng 5/9, các trường trên địa bàn huyện đồng loạt tổ chức lễ khai giảng năm "
                  "học mới với nhiều hoạt động.\n"
                  "Lãnh đạo huyện dự và phát biểu tại lễ khai giảng năm học.\n"
                  "Năm nay toàn huyện có hơn 20.000 học sinh đến trường, tăng so với năm trước.\n"
                  "Theo Hải Nam/CTTĐT\n\nTin Liên Quan\n\nMột tin khác rất dài được tóm tắt ở "
                  "đây, với đủ chữ để trông như một đoạn văn trong bài.\n";
  docpipe_doc *doc = S_read(s, strlen(s), NULL);
  if (!doc) return;
  docpipe_value *m = docpipe_doc_meta(doc);
  STR_EQ(docpipe_meta_string(m, "title"), "Trường học khai giảng năm học mới tại huyện", "title");
  STR_EQ(docpipe_meta_string(m, "source"), "CTTĐT", "source from Theo X/Y");
  STR_EQ(docpipe_meta_list_item(m, "authors", 0), "Hải Nam", "author from Theo X/Y");
  OK(docpipe_meta_string(m, "date") == NULL, "no date line, no date from the reader");
  char *body = docpipe_node_text_content(docpipe_doc_root(doc));
  OK(!strstr(body, "Tin tức, sự kiện") && !strstr(body, "Skip") && !strstr(body, "Một tin khác") &&
         !strstr(body, "Trường học khai giảng") && !strstr(body, "Theo "),
     "breadcrumb, repeated headline, byline and related block dropped");
  OK(strstr(body, "Năm nay toàn huyện") != NULL, "last paragraph kept");
  docpipe_free(body);
  docpipe_doc_free(doc);
}

static void test_dump_related_without_marker(void) {
  const char *s = "Khánh thành cầu dân sinh tại xã vùng cao của huyện\n\n"
                  "Sáng 10/10/2023, xã tổ chức lễ khánh thành cầu dân sinh nối hai thôn, "
                  "phục vụ hơn 300 hộ dân đi lại.\n\n"
                  "Công trình do các nhà hảo tâm tài trợ với tổng kinh phí 1,2 tỷ đồng.\n\n"
                  "Các tin khác: Xã ra quân làm đường giao thông\n"
                  "Tổ chức hội thi văn nghệ quần chúng (01/10/2023)\n";
  docpipe_doc *doc = S_read(s, strlen(s), NULL);
  if (!doc) return;
  char *body = docpipe_node_text_content(docpipe_doc_root(doc));
  OK(!strstr(body, "Các tin khác") && !strstr(body, "văn nghệ"), "marker with an item on its line");
  OK(strstr(body, "Công trình do các nhà hảo tâm") != NULL, "body kept");
  docpipe_free(body);
  docpipe_doc_free(doc);
  const char *t = "Khánh thành cầu dân sinh tại xã vùng cao của huyện\n\n"
                  "Sáng 10/10/2023, xã tổ chức lễ khánh thành cầu dân sinh nối hai thôn, "
                  "phục vụ hơn 300 hộ dân đi lại.\n\n"
                  "Công trình do các nhà hảo tâm tài trợ với tổng kinh phí 1,2 tỷ đồng.\n"
                  "Tổ chức hội thi văn nghệ quần chúng  (01/10/2023)\n"
                  "Xã ra quân làm đường giao thông  (28/09/2023)\n"
                  "02/10/2023 - 1.024 lượt xem\n";
  doc = S_read(t, strlen(t), NULL);
  if (!doc) return;
  body = docpipe_node_text_content(docpipe_doc_root(doc));
  OK(!strstr(body, "văn nghệ") && !strstr(body, "ra quân") && !strstr(body, "lượt xem"),
     "dated related items and view counters dropped without a marker");
  docpipe_free(body);
  docpipe_doc_free(doc);
}

static void test_dump_hard_wrapped(void) {
  /* As `lynx -dump` writes a page: paragraphs wrapped near 70 columns. */
  const char *s =
      "   Trang chủ | Giới thiệu | Liên hệ\n\n"
      "Nông dân huyện thu hoạch lúa vụ đông xuân đạt năng suất cao\n\n"
      "   Những ngày này, nông dân các xã trong huyện đang khẩn trương thu\n"
      "   hoạch lúa vụ đông xuân. Theo ước tính, năng suất bình quân đạt 68\n"
      "   tạ mỗi héc-ta, tăng 3 tạ so với cùng kỳ năm trước.\n\n"
      "   Để đạt kết quả này, ngành nông nghiệp đã chỉ đạo gieo sạ tập trung,\n"
      "   né rầy và sử dụng các giống lúa chất lượng cao, chống chịu sâu bệnh\n"
      "   tốt trên toàn bộ diện tích canh tác của huyện.\n\n"
      "   Giá lúa tươi tại ruộng hiện dao động từ 6.500 đến 7.000 đồng mỗi\n"
      "   ki-lô-gam, nông dân có lãi khá sau khi trừ các khoản chi phí.\n\n"
      "   Huyện khuyến cáo bà con làm đất, vệ sinh đồng ruộng ngay sau khi\n"
      "   thu hoạch để chuẩn bị cho vụ hè thu sắp tới đúng lịch thời vụ.\n";
  docpipe_doc *doc = S_read(s, strlen(s), NULL);
  if (!doc) return;
  OK(docpipe_meta_string(docpipe_doc_meta(doc), "language") != NULL, "language set");
  STR_EQ(docpipe_meta_string(docpipe_doc_meta(doc), "title"),
         "Nông dân huyện thu hoạch lúa vụ đông xuân đạt năng suất cao", "title of a wrapped dump");
  int paras = 0;
  for (docpipe_node *n = docpipe_node_first_child(docpipe_doc_root(doc)); n; n = docpipe_node_next(n))
    paras += docpipe_node_type_of(n) == DOCPIPE_NODE_PARAGRAPH;
  INT_EQ(paras, 4, "wrapped lines joined into four paragraphs");
  char *first = docpipe_node_text_content(docpipe_node_first_child(docpipe_doc_root(doc)));
  OK(first && strstr(first, "khẩn trương thu hoạch lúa") && strstr(first, "cùng kỳ năm trước."),
     "a paragraph reads across its wrapped lines");
  docpipe_free(first);
  docpipe_doc_free(doc);
}

static void test_dump_question_headline(void) {
  const char *s = "Tin tức\n\nVì sao giá lúa tại các tỉnh đồng bằng tăng mạnh trong tháng này?\n"
                  "Ngày đăng: 02/04/2024\n\n"
                  "Giá lúa tươi tại nhiều địa phương đã tăng từ 300 đến 500 đồng mỗi ki-lô-gam "
                  "chỉ trong một tuần.\n\n"
                  "Theo các thương lái, nhu cầu xuất khẩu gạo tăng là nguyên nhân chính.\n";
  docpipe_doc *doc = S_read(s, strlen(s), NULL);
  if (!doc) return;
  STR_EQ(docpipe_meta_string(docpipe_doc_meta(doc), "title"),
         "Vì sao giá lúa tại các tỉnh đồng bằng tăng mạnh trong tháng này?", "question headline");
  STR_EQ(docpipe_meta_string(docpipe_doc_meta(doc), "date"), "2024-04-02", "its date");
  docpipe_doc_free(doc);
}

static void test_dump_english(void) {
  const char *s = "Skip to main content\nHome | News | Sport\n\n"
                  "Council approves new budget for city schools\n\n"
                  "The city council approved a new budget on Monday, raising school funding by "
                  "ten percent over last year.\n\n"
                  "The vote passed seven to two after a long debate about teacher salaries.\n\n"
                  "Related articles\nSchool board elects new chair\n";
  docpipe_doc *doc = S_read(s, strlen(s), NULL);
  if (!doc) return;
  STR_EQ(docpipe_meta_string(docpipe_doc_meta(doc), "title"),
         "Council approves new budget for city schools", "English headline");
  OK(docpipe_meta_string(docpipe_doc_meta(doc), "language") == NULL, "no language guessed");
  char *body = docpipe_node_text_content(docpipe_doc_root(doc));
  OK(!strstr(body, "Skip") && !strstr(body, "Home |") && !strstr(body, "school board") &&
         !strstr(body, "School board"),
     "English chrome and related block dropped");
  docpipe_free(body);
  docpipe_doc_free(doc);
}

static void test_dump_author_under_date(void) {
  const char *s = "Khai mạc hội chợ nông sản an toàn năm 2024\n"
                  "Ngày đăng: 05/03/2024\n"
                  "Nguyễn Thị Hoa\n\n"
                  "Sáng 4/3, hội chợ nông sản an toàn đã khai mạc với hơn 120 gian hàng của "
                  "các hợp tác xã trong tỉnh.\n\n"
                  "Hội chợ kéo dài đến hết ngày 10/3 tại quảng trường trung tâm.\n";
  docpipe_doc *doc = S_read(s, strlen(s), NULL);
  if (!doc) return;
  STR_EQ(docpipe_meta_string(docpipe_doc_meta(doc), "title"),
         "Khai mạc hội chợ nông sản an toàn năm 2024", "title above the date, not the author below");
  STR_EQ(docpipe_meta_list_item(docpipe_doc_meta(doc), "authors", 0), "Nguyễn Thị Hoa",
         "author under the date line");
  docpipe_doc_free(doc);
}

static void test_dump_no_heading_at_tail(void) {
  const char *s = "Đẩy mạnh công tác dân vận trong tình hình mới\n"
                  "Ngày 11/10, Ban Dân vận tổ chức hội nghị sơ kết công tác dân vận 9 tháng đầu năm.\n"
                  "Phong trào thi đua tiếp tục được đẩy mạnh ở tất cả các cấp, các ngành.\n"
                  "Hà Anh (tổng hợp)\n"
                  "Nguồn: TTXVN\n";
  docpipe_doc *doc = S_read(s, strlen(s), NULL);
  if (!doc) return;
  int headings = 0;
  for (docpipe_node *n = docpipe_node_first_child(docpipe_doc_root(doc)); n; n = docpipe_node_next(n))
    headings += docpipe_node_type_of(n) == DOCPIPE_NODE_HEADING;
  INT_EQ(headings, 0, "a short line not followed by a paragraph is no subheading");
  docpipe_doc_free(doc);
}

static void test_dump_widget_under_date(void) {
  const char *s = "World | Business | Sport | Culture\nAdvertisement\n"
                  "City council approves record budget for public schools\n"
                  "Ngày đăng: 03/03/2021\n"
                  "Share this article\n"
                  "The city council on Tuesday approved a record budget for public schools, raising "
                  "funding by twelve percent.\n"
                  "Advertisement\n"
                  "Opponents warned that the plan relies on optimistic tax forecasts.\n"
                  "Related\nTeachers union welcomes pay deal\n"
                  "© 2021 Example News. All rights reserved.\n";
  docpipe_doc *doc = S_read(s, strlen(s), NULL);
  if (!doc) return;
  STR_EQ(docpipe_meta_string(docpipe_doc_meta(doc), "title"),
         "City council approves record budget for public schools", "headline, not the share widget");
  char *body = docpipe_node_text_content(docpipe_doc_root(doc));
  OK(!strstr(body, "Advertisement") && !strstr(body, "Share") && !strstr(body, "union") &&
         !strstr(body, "rights"),
     "ads, widgets, related and footer dropped");
  OK(strstr(body, "Opponents warned") != NULL, "last paragraph kept");
  docpipe_free(body);
  docpipe_doc_free(doc);
}

static void test_dump_caption_before_image(void) {
  const char *s = "Hội nghị tổng kết công tác năm của Hội Nông dân huyện\n\n"
                  "Sáng 5/1, Hội Nông dân huyện tổ chức hội nghị tổng kết công tác năm với hơn 100 "
                  "đại biểu tham dự.\n\n"
                  "Quang cảnh hội nghị.\n"
                  "quang-canh-hoi-nghi.jpg\n\n"
                  "Năm qua, hội đã vận động nông dân hiến hơn 5.000 mét vuông đất làm đường.\n";
  docpipe_doc *doc = S_read(s, strlen(s), NULL);
  if (!doc) return;
  int figures = 0;
  for (docpipe_node *n = docpipe_node_first_child(docpipe_doc_root(doc)); n; n = docpipe_node_next(n))
    if (docpipe_node_type_of(n) == DOCPIPE_NODE_FIGURE) {
      figures++;
      STR_EQ(docpipe_node_alt(n), "quang-canh-hoi-nghi", "file name joins the caption's figure");
    }
  INT_EQ(figures, 1, "one figure for a caption and its image file");
  docpipe_doc_free(doc);
}

static void test_dump_two_dates(void) {
  const char *s = "Ngày đăng: 01/02/2024\nTrang chủ | Tin tức | Liên hệ\n"
                  "Khánh thành nhà văn hóa thôn Đông tại xã Yên Bình\n"
                  "Ngày đăng: 20/01/2024\n"
                  "Ngày đăng: 22/01/2024\n\n"
                  "Sáng 19/1, xã Yên Bình tổ chức lễ khánh thành nhà văn hóa thôn Đông với tổng "
                  "kinh phí hơn 1 tỷ đồng.\n";
  docpipe_doc *doc = S_read(s, strlen(s), NULL);
  if (!doc) return;
  STR_EQ(docpipe_meta_string(docpipe_doc_meta(doc), "date"), "2024-01-20",
         "the date line nearest the headline, not the page header's");
  docpipe_doc_free(doc);
}

static void test_dump_short_opening(void) {
  const char *s = "Mưa lớn gây ngập nhiều tuyến phố trung tâm thành phố\n"
                  "Ngày đăng: 12/09/2024\n"
                  "Cỡ chữ: +A | -A\n"
                  "Chiều nay, trời mưa rất to.\n"
                  "Nhiều tuyến đường bị ngập sâu, giao thông ùn tắc kéo dài trong nhiều giờ liền.\n";
  docpipe_doc *doc = S_read(s, strlen(s), NULL);
  if (!doc) return;
  char *first = docpipe_node_text_content(docpipe_node_first_child(docpipe_doc_root(doc)));
  STR_EQ(first, "Chiều nay, trời mưa rất to.", "a short opening sentence is body");
  docpipe_free(first);
  docpipe_doc_free(doc);
}

static void test_dump_sidebar_first(void) {
  const char *s = "TIN MỚI\n"
                  "Tỉnh tổ chức hội nghị xúc tiến đầu tư năm 2024\n"
                  "Ngày 2/3, Ủy ban nhân dân tỉnh tổ chức hội nghị xúc tiến đầu tư với hơn 300 doanh "
                  "nghiệp.\n"
                  "Xây dựng nông thôn mới kiểu mẫu ở xã Phú Lương\n"
                  "Ngày đăng: 06/03/2024\n"
                  "Xã Phú Lương đang tập trung hoàn thiện các tiêu chí nông thôn mới kiểu mẫu, chú "
                  "trọng cảnh quan môi trường.\n"
                  "Đến nay, 100% tuyến đường thôn xóm đã được trồng hoa và lắp đèn chiếu sáng.\n";
  docpipe_doc *doc = S_read(s, strlen(s), NULL);
  if (!doc) return;
  STR_EQ(docpipe_meta_string(docpipe_doc_meta(doc), "title"),
         "Xây dựng nông thôn mới kiểu mẫu ở xã Phú Lương", "the article below a news sidebar");
  STR_EQ(docpipe_meta_string(docpipe_doc_meta(doc), "date"), "2024-03-06", "its date");
  char *body = docpipe_node_text_content(docpipe_doc_root(doc));
  OK(!strstr(body, "xúc tiến đầu tư"), "the sidebar is dropped");
  docpipe_free(body);
  docpipe_doc_free(doc);
}

/* Dumps saved by older tools in a legacy charset are decoded, not turned
 * into U+FFFD (windows-1258 by its tone bytes, windows-1251 by ICU). */
static void test_legacy_charsets(void) {
  static const char vi1258[] =
      "H\xf4\xf2i nghi\xf2 d\xe2n v\xe2\xf2n kh\xe9o n\xe3m 2024\n\nNg\xe0y 05/12/2024, Ban D\xe2n v\xe2\xf2n Huy\xea\xf2n u\xd2y t\xf4\xd2 ch\xfd\xec" "c h\xf4\xf2i nghi\xf2 bi\xea\xd2u d\xfd\xf5ng \xf0i\xea\xd2n hi\xccnh d\xe2n v\xe2\xf2n kh\xe9o, tri\xea\xd2n khai Quy\xea\xect \xf0i\xf2nh s\xf4\xec 23-Q\xd0/TW.\n";
  static const char ru1251[] =
      "\xcd\xee\xe2\xfb\xe9 \xec\xee\xf1\xf2 \xf7\xe5\xf0\xe5\xe7 \xf0\xe5\xea\xf3\n\n\xc3\xee\xf0\xee\xe4\xf1\xea\xee\xe9 \xf1\xee\xe2\xe5\xf2 \xe2 \xef\xee\xed\xe5\xe4\xe5\xeb\xfc\xed\xe8\xea \xf0\xe5\xf8\xe8\xeb \xef\xee\xf1\xf2\xf0\xee\xe8\xf2\xfc \xed\xee\xe2\xfb\xe9 \xec\xee\xf1\xf2 \xf7\xe5\xf0\xe5\xe7 \xf0\xe5\xea\xf3, \xf1\xee\xee\xe1\xf9\xe8\xeb\xe0 \xef\xf0\xe5\xf1\xf1-\xf1\xeb\xf3\xe6\xe1\xe0 \xe0\xe4\xec\xe8\xed\xe8\xf1\xf2\xf0\xe0\xf6\xe8\xe8.\n";
  int rc = 0;
  docpipe_doc *doc = S_read(vi1258, strlen(vi1258), &rc);
  const char *t = doc ? docpipe_meta_string(docpipe_doc_meta(doc), "title") : NULL;
  STR_EQ(t, "Hội nghị dân vận khéo năm 2024", "windows-1258 title, tones composed (NFC)");
  char *body = doc ? docpipe_node_text_content(docpipe_doc_root(doc)) : NULL;
  OK(body && strstr(body, "Quyết định số 23-QĐ/TW"), "windows-1258 body");
  docpipe_free(body);
  docpipe_doc_free(doc);
  doc = S_read(ru1251, strlen(ru1251), &rc);
  body = doc ? docpipe_node_text_content(docpipe_doc_root(doc)) : NULL;
  OK(body && strstr(body, "решил построить новый мост"), "windows-1251 body");
  docpipe_free(body);
  docpipe_doc_free(doc);
}

static void test_bad_input(void) {
  int rc;
  docpipe_doc *doc = S_read("", 0, &rc);
  INT_EQ(rc, 0, "empty input reads");
  OK(doc && !docpipe_node_first_child(docpipe_doc_root(doc)), "empty input, empty body");
  docpipe_doc_free(doc);

  size_t big = 20u << 20;
  char *huge = malloc(big);
  for (size_t i = 0; i < big; i++) huge[i] = (i % 7 == 6) ? ' ' : 'a';
  doc = S_read(huge, big, &rc);
  INT_EQ(rc, 0, "one 20 MB line reads");
  OK(doc && docpipe_node_first_child(docpipe_doc_root(doc)), "huge line kept as text");
  docpipe_doc_free(doc);
  free(huge);

  char *nl = malloc(big);
  memset(nl, '\n', big);
  doc = S_read(nl, big, &rc);
  INT_EQ(rc, 0, "20 MB of empty lines reads");
  OK(doc && !docpipe_node_first_child(docpipe_doc_root(doc)), "empty lines, empty body");
  docpipe_doc_free(doc);
  for (size_t i = 0; i + 1 < 1200002; i += 2) nl[i] = 'a';
  doc = S_read(nl, 1200002, &rc);
  INT_EQ(rc, DOCPIPE_ELIMIT, "600,000 one-letter lines refused as no article");
  free(nl);

  unsigned char junk[4096];
  unsigned x = 12345;
  for (size_t i = 0; i < sizeof junk; i++) junk[i] = (unsigned char)((x = x * 1103515245u + 12345u) >> 16);
  doc = S_read((const char *)junk, sizeof junk, &rc);
  INT_EQ(rc, 0, "binary junk gives a (cleaned) document");
  docpipe_doc_free(doc);

  const char *bad = "Tiêu đề có \xff\xfe byte hỏng ở đây\n\nĐoạn văn với \xc3 byte lẻ và đủ dài "
                    "để thành một đoạn văn thật sự.\n";
  doc = S_read(bad, strlen(bad), &rc);
  INT_EQ(rc, 0, "invalid UTF-8 reads");
  if (doc) {
    const char *t = docpipe_meta_string(docpipe_doc_meta(doc), "title");
    OK(t && docpipe_utf8_valid(t, strlen(t)) && strstr(t, "\xef\xbf\xbd"), "bad bytes become U+FFFD");
  }
  docpipe_doc_free(doc);

  /* "Tổng kết" and "Các tin khác" in NFD: decomposed diacritics. */
  const char *nfd = "To\xcc\x82\xcc\x89ng ke\xcc\x82\xcc\x81t co\xcc\x82ng ta\xcc\x81" "c na\xcc\x86m\n\n"
                    "Hội nghị đã diễn ra tốt đẹp với sự tham dự của nhiều đại biểu trong tỉnh.\n\n"
                    "Ca\xcc\x81" "c tin kha\xcc\x81" "c\nMột tin khác\n";
  doc = S_read(nfd, strlen(nfd), &rc);
  INT_EQ(rc, 0, "NFD reads");
  if (doc) {
    STR_EQ(docpipe_meta_string(docpipe_doc_meta(doc), "title"), "Tổng kết công tác năm",
           "NFD title comes out NFC");
    char *body = docpipe_node_text_content(docpipe_doc_root(doc));
    OK(!strstr(body, "Một tin khác"), "NFD related marker recognised");
    docpipe_free(body);
  }
  docpipe_doc_free(doc);

  const char *open = TEXT_META_BEGIN "\ntitle: x\n\nbody\n";
  doc = S_read(open, strlen(open), &rc);
  INT_EQ(rc, DOCPIPE_EPARSE, "unclosed header is a parse error");
  const char *badyaml = TEXT_META_BEGIN "\ntitle: [x\n" TEXT_META_END "\n";
  doc = S_read(badyaml, strlen(badyaml), &rc);
  INT_EQ(rc, DOCPIPE_EPARSE, "bad YAML is a parse error");
  const char *alias = TEXT_META_BEGIN "\na: &x y\nb: *x\n" TEXT_META_END "\n";
  doc = S_read(alias, strlen(alias), &rc);
  INT_EQ(rc, DOCPIPE_EPARSE, "YAML aliases refused");
  const char *notmap = TEXT_META_BEGIN "\n- a\n" TEXT_META_END "\n";
  doc = S_read(notmap, strlen(notmap), &rc);
  INT_EQ(rc, DOCPIPE_EPARSE, "header that is not a map refused");
  docpipe_buf deep = DOCPIPE_BUF_INIT;
  docpipe_buf_puts(&deep, TEXT_META_BEGIN "\na: ");
  for (int i = 0; i < 100000; i++) docpipe_buf_puts(&deep, "[");
  docpipe_buf_puts(&deep, "\n" TEXT_META_END "\n");
  doc = S_read(deep.data, deep.len, &rc);
  OK(rc < 0 && doc == NULL, "100,000 nested lists refused, no crash");
  docpipe_buf_free(&deep);
  /* Deep quotes in the body are flattened, not recursed without bound. */
  docpipe_buf q = DOCPIPE_BUF_INIT;
  docpipe_buf_puts(&q, TEXT_META_BEGIN "\n{}\n" TEXT_META_END "\n\n");
  for (int i = 0; i < 5000; i++) docpipe_buf_puts(&q, ">");
  docpipe_buf_puts(&q, " deep\n");
  doc = S_read(q.data, q.len, &rc);
  INT_EQ(rc, 0, "5000 nested quotes read with the depth limit");
  docpipe_doc_free(doc);
  docpipe_buf_free(&q);
}

/* The reader alone (with the fakes above) on the samples and, when
 * present, the seeds: headline, first and last paragraph, no chrome. */
static void S_gold_reader(const char *gold_dir, const char *input_dir) {
  DIR *d = opendir(gold_dir);
  struct dirent *e;
  int files = 0;
  while (d && (e = readdir(d))) {
    size_t l = strlen(e->d_name);
    if (l < 11 || strcmp(e->d_name + l - 10, ".gold.json")) continue;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", gold_dir, e->d_name);
    json_t *g = json_load_file(path, 0, NULL);
    OK(g != NULL, "gold JSON parses");
    if (!g) continue;
    snprintf(path, sizeof path, "%s/%s", input_dir, json_string_value(json_object_get(g, "input")));
    size_t len;
    char *src = S_slurp(path, &len);
    OK(src != NULL, "gold input readable");
    docpipe_doc *doc = src ? S_read(src, len, NULL) : NULL;
    free(src);
    if (!doc) {
      json_decref(g);
      continue;
    }
    files++;
    fprintf(stderr, "  reader check: %s\n", e->d_name);
    const char *title = docpipe_meta_string(docpipe_doc_meta(doc), "title");
    STR_EQ(title, json_string_value(json_object_get(g, "title")), "headline");
    docpipe_node *first = NULL, *last = NULL;
    for (docpipe_node *n = docpipe_node_first_child(docpipe_doc_root(doc)); n; n = docpipe_node_next(n))
      if (docpipe_node_type_of(n) == DOCPIPE_NODE_PARAGRAPH) {
        if (!first) first = n;
        last = n;
      }
    const char *keys[] = {"first_paragraph", "last_paragraph"};
    docpipe_node *nodes[] = {first, last};
    for (int k = 0; k < 2; k++) {
      const char *want = json_string_value(json_object_get(g, keys[k]));
      char *got = nodes[k] ? docpipe_node_text_content(nodes[k]) : NULL;
      OK(got && want && !strncmp(got, want, strlen(want)), keys[k]);
      if (!(got && want && !strncmp(got, want, strlen(want))))
        fprintf(stderr, "     got  \"%.100s\"\n     want \"%s\"\n", got ? got : "(none)", want);
      docpipe_free(got);
    }
    char *body = docpipe_node_text_content(docpipe_doc_root(doc));
    json_t *absent = json_object_get(g, "absent");
    for (size_t i = 0; i < json_array_size(absent); i++) {
      const char *c = json_string_value(json_array_get(absent, i));
      int left = strstr(body, c) || (title && strstr(title, c));
      if (left) fprintf(stderr, "     chrome left: %s\n", c);
      OK(!left, "no chrome line left");
    }
    docpipe_free(body);
    docpipe_doc_free(doc);
    json_decref(g);
  }
  if (d) closedir(d);
  OK(files > 0, "some gold files checked");
}

/* Each sample dump read (with the fake extractors) and written back as
 * text, against tests/text/golden/<sample>.txt: the reader's structure
 * (headline, captions, headings, lists, what is dropped) pinned down. */
static void test_samples_golden(void) {
  const char *src = getenv("DOCPIPE_SOURCE_DIR");
  char dir[4096];
  snprintf(dir, sizeof dir, "%s/samples/text", src);
  DIR *d = opendir(dir);
  struct dirent *e;
  int n = 0;
  while (d && (e = readdir(d))) {
    size_t l = strlen(e->d_name);
    if (l < 5 || strcmp(e->d_name + l - 4, ".txt")) continue;
    char path[4400], gold[4400];
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    snprintf(gold, sizeof gold, "%s/tests/text/golden/%s", src, e->d_name);
    size_t len;
    char *in = S_slurp(path, &len);
    docpipe_doc *doc = in ? S_read(in, len, NULL) : NULL;
    char *got = doc ? S_write(doc) : NULL;
    if (got && getenv("DOCPIPE_UPDATE_GOLDEN")) {
      FILE *f = fopen(gold, "wb");
      fputs(got, f);
      fclose(f);
    }
    char *want = S_slurp(gold, NULL);
    OK(want != NULL, "sample golden exists");
    if (got && want && strcmp(got, want)) fprintf(stderr, "     differs: %s\n", gold);
    OK(got && want && !strcmp(got, want), "sample read and written equals its golden");
    n++;
    free(in);
    free(want);
    docpipe_free(got);
    docpipe_doc_free(doc);
  }
  if (d) closedir(d);
  OK(n >= 8, "at least 8 samples");
}

static void test_samples_reader(void) {
  char dir[4096];
  snprintf(dir, sizeof dir, "%s/samples/text", getenv("DOCPIPE_SOURCE_DIR"));
  S_gold_reader(dir, dir);
}

static void test_seeds_reader(void) {
  const char *shared = getenv("DOCPIPE_SHARED_DIR");
  char gold[4096], in[4096];
  struct stat st;
  snprintf(in, sizeof in, "%s/seeds", shared ? shared : "");
  if (!shared || stat(in, &st) != 0) {
    printf("SKIP (part): %s is absent, seeds not read\n", in);
    return;
  }
  snprintf(gold, sizeof gold, "%s/tests/seeds", getenv("DOCPIPE_SOURCE_DIR"));
  S_gold_reader(gold, in);
}

int main(void) {
  if (!getenv("DOCPIPE_SOURCE_DIR")) SKIP_ALL("DOCPIPE_SOURCE_DIR is not set (run through ctest)");
  RUN(test_probe);
  RUN(test_writer_golden);
  RUN(test_roundtrip);
  RUN(test_meta_strings);
  RUN(test_dump);
  RUN(test_dump_source_byline);
  RUN(test_dump_related_without_marker);
  RUN(test_dump_hard_wrapped);
  RUN(test_dump_question_headline);
  RUN(test_dump_english);
  RUN(test_dump_author_under_date);
  RUN(test_dump_no_heading_at_tail);
  RUN(test_dump_widget_under_date);
  RUN(test_dump_caption_before_image);
  RUN(test_dump_two_dates);
  RUN(test_dump_short_opening);
  RUN(test_dump_sidebar_first);
  RUN(test_bad_input);
  RUN(test_legacy_charsets);
  RUN(test_samples_reader);
  RUN(test_samples_golden);
  RUN(test_seeds_reader);
  return harness_summary();
}
