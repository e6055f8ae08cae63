/* docpipe_extract_metadata on whole documents: what it fills, what it
 * leaves alone, and the year inference rule. */
#include <string.h>

#include "docpipe/extract.h"
#include "harness.h"

static docpipe_doc *S_doc(const char *const *paras) {
  docpipe_doc *d = docpipe_doc_new();
  for (size_t i = 0; paras[i]; i++) {
    docpipe_node *p = docpipe_node_add(docpipe_doc_root(d), DOCPIPE_NODE_PARAGRAPH);
    docpipe_node_append_text(p, paras[i], strlen(paras[i]));
  }
  return d;
}

static const char *S_meta(docpipe_doc *d, const char *key) {
  return docpipe_meta_string(docpipe_doc_meta(d), key);
}

static void test_date_line_and_byline(void) {
  const char *paras[] = {"Ngày đăng: 16/07/2020",
                         "Chiều 15/7/2020, Ban Thường vụ Thành ủy tổ chức hội nghị tổng kết "
                         "Quyết định số 290-QĐ/TW của Bộ Chính trị.",
                         "Hội nghị đề nghị tiếp tục thực hiện Chỉ thị số 16/CT-TTg.",
                         "Lê Thị Mai", NULL};
  docpipe_doc *d = S_doc(paras);
  docpipe_value_set_string(docpipe_doc_meta(d), "title", "Tổng kết Kết luận số 114-KL/TW");
  INT_EQ(docpipe_extract_metadata(d, DOCPIPE_EXTRACT_ALL, NULL), 0, "extract");
  STR_EQ(S_meta(d, "date"), "2020-07-16", "date from the date line, not the event");
  STR_EQ(S_meta(d, "date_text"), "Ngày đăng: 16/07/2020", "date as written");
  STR_EQ(docpipe_meta_list_item(docpipe_doc_meta(d), "authors", 0), "Lê Thị Mai", "byline");
  docpipe_value *dec = docpipe_value_get(docpipe_doc_meta(d), "decisions");
  INT_EQ(docpipe_value_count(dec), 3, "three decisions");
  STR_EQ(docpipe_meta_string(docpipe_value_at(dec, 0), "code"), "114-KL/TW", "title first");
  docpipe_doc_free(d);
}

static void test_year_inferred(void) {
  const char *paras[] = {"Chiều 18/6, Tỉnh ủy tổ chức hội nghị sơ kết công tác dân vận 6 tháng "
                         "đầu năm 2015 và triển khai nhiệm vụ.",
                         "Sáu tháng cuối năm 2015, công tác dân vận tập trung vào đại hội.", NULL};
  docpipe_doc *d = S_doc(paras);
  docpipe_extract_metadata(d, DOCPIPE_EXTRACT_ALL, NULL);
  STR_EQ(S_meta(d, "date"), "2015-06-18", "year from the text's evidence");
  STR_EQ(S_meta(d, "date_inferred"), "year", "marked inferred");
  STR_EQ(S_meta(d, "date_text"), "18/6", "date as written");
  docpipe_doc_free(d);
}

static void test_no_evidence_no_date(void) {
  const char *paras[] = {"Chiều 22/4, Huyện ủy tổ chức hội nghị sơ kết ba năm thực hiện kết "
                         "luận của Ban Bí thư về công tác dân vận.",
                         NULL};
  docpipe_doc *d = S_doc(paras);
  docpipe_extract_metadata(d, DOCPIPE_EXTRACT_ALL, NULL);
  OK(S_meta(d, "date") == NULL, "no year evidence: no date");
  docpipe_doc_free(d);
}

static void test_competing_years_no_date(void) {
  /* A year-end review names the year reviewed and the year planned. */
  const char *paras[] = {"Ngày 9/10, Ủy ban nhân dân huyện tổng kết công tác cải cách hành chính "
                         "năm 2018 và bàn nhiệm vụ năm 2019.",
                         "Năm 2019, huyện tiếp tục đẩy mạnh một cửa liên thông.", NULL};
  docpipe_doc *d = S_doc(paras);
  docpipe_extract_metadata(d, DOCPIPE_EXTRACT_ALL, NULL);
  OK(S_meta(d, "date") == NULL, "2019 does not outweigh 2018 two to one: no guess");
  OK(S_meta(d, "date_inferred") == NULL, "nothing inferred");
  docpipe_doc_free(d);
}

static void test_credit_line(void) {
  const char *paras[] = {"By Tom Baker | Staff Writer \xC2\xB7 June 12, 2021",
                         "The library reopened on Saturday after a renovation.", NULL};
  docpipe_doc *d = S_doc(paras);
  docpipe_extract_metadata(d, DOCPIPE_EXTRACT_DATE, NULL);
  STR_EQ(S_meta(d, "date"), "2021-06-12", "date from a credit line");
  STR_EQ(S_meta(d, "date_text"), "June 12, 2021", "only the date part as written");
  docpipe_doc_free(d);
  const char *other[] = {"Sports | Weather \xC2\xB7 June 12, 2021", "Text of the story here.", NULL};
  d = S_doc(other);
  docpipe_extract_metadata(d, DOCPIPE_EXTRACT_DATE, NULL);
  OK(S_meta(d, "date") == NULL, "a menu with a date is not a credit line");
  docpipe_doc_free(d);
}

static void test_event_date_with_year(void) {
  const char *paras[] = {"Sáng 6/1/2022, Tỉnh ủy tổ chức hội nghị quán triệt Quyết định 23 "
                         "(ngày 30/7/2021) của Bộ Chính trị.",
                         NULL};
  docpipe_doc *d = S_doc(paras);
  docpipe_extract_metadata(d, DOCPIPE_EXTRACT_ALL, NULL);
  STR_EQ(S_meta(d, "date"), "2022-01-06", "lead event date");
  OK(S_meta(d, "date_inferred") == NULL, "not inferred");
  docpipe_doc_free(d);
}

static void test_keeps_known_values(void) {
  const char *paras[] = {"Ngày đăng: 16/07/2020", "Thân bài có Chỉ thị số 16/CT-TTg.",
                         "Theo Thành Phú/LCĐT", NULL};
  docpipe_doc *d = S_doc(paras);
  docpipe_value *m = docpipe_doc_meta(d);
  docpipe_value_set_string(m, "date", "2021-01-01");
  docpipe_value_set_string(m, "source", "Báo X");
  docpipe_value_set(m, "decisions", docpipe_value_new_list());
  docpipe_extract_metadata(d, DOCPIPE_EXTRACT_ALL, NULL);
  STR_EQ(S_meta(d, "date"), "2021-01-01", "date kept");
  OK(S_meta(d, "date_text") == NULL, "no date_text invented");
  OK(docpipe_value_get(m, "authors") == NULL, "a known source means the byline was known");
  INT_EQ(docpipe_value_count(docpipe_value_get(m, "decisions")), 0, "decisions kept");
  docpipe_doc_free(d);
}

static void test_flags(void) {
  const char *paras[] = {"Ngày đăng: 16/07/2020", "Theo Thành Phú/LCĐT", NULL};
  docpipe_doc *d = S_doc(paras);
  docpipe_extract_metadata(d, DOCPIPE_EXTRACT_BYLINE, NULL);
  OK(S_meta(d, "date") == NULL, "dates not asked for");
  STR_EQ(S_meta(d, "source"), "LCĐT", "source");
  STR_EQ(docpipe_meta_list_item(docpipe_doc_meta(d), "authors", 0), "Thành Phú", "author");
  docpipe_doc_free(d);
}

static void test_byline_only_at_the_end(void) {
  const char *paras[] = {"Nguyễn Văn Nam",
                         "Một đoạn văn dài của bài viết, đủ dài để là thân bài thật sự, kể về "
                         "hội nghị và những kết quả đạt được trong năm qua của tỉnh.",
                         NULL};
  docpipe_doc *d = S_doc(paras);
  docpipe_extract_metadata(d, DOCPIPE_EXTRACT_ALL, NULL);
  OK(docpipe_value_get(docpipe_doc_meta(d), "authors") == NULL, "a name at the top is no byline");
  docpipe_doc_free(d);
}

static void test_empty(void) {
  docpipe_doc *d = docpipe_doc_new();
  INT_EQ(docpipe_extract_metadata(d, DOCPIPE_EXTRACT_ALL, NULL), 0, "empty document");
  INT_EQ(docpipe_value_count(docpipe_doc_meta(d)), 0, "nothing invented");
  docpipe_doc_free(d);
  INT_EQ(docpipe_extract_metadata(NULL, DOCPIPE_EXTRACT_ALL, NULL), DOCPIPE_EINVAL, "NULL");
}

int main(void) {
  RUN(test_date_line_and_byline);
  RUN(test_year_inferred);
  RUN(test_no_evidence_no_date);
  RUN(test_competing_years_no_date);
  RUN(test_credit_line);
  RUN(test_event_date_with_year);
  RUN(test_keeps_known_values);
  RUN(test_flags);
  RUN(test_byline_only_at_the_end);
  RUN(test_empty);
  return harness_summary();
}
