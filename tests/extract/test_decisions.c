/* docpipe_decisions_scan: codes in both styles, typed references without
 * a code, issue dates and bodies, merging, and what is not a decision. */
#include <stdio.h>
#include <string.h>

#include "docpipe/extract.h"
#include "harness.h"

/* Scans `text` and returns the records as "key=value|..." lines joined
 * by " ## ", fields in key order, for compact comparison. */
static void S_scan(const char *text, char *out, size_t size) {
  docpipe_value *list = docpipe_value_new_list();
  docpipe_error err = DOCPIPE_ERROR_INIT;
  docpipe_decisions_scan(list, text, strlen(text), &err);
  out[0] = '\0';
  for (size_t i = 0; i < docpipe_value_count(list); i++) {
    docpipe_value *rec = docpipe_value_at(list, i);
    if (i) strncat(out, " ## ", size - strlen(out) - 1);
    for (size_t k = 0; k < docpipe_value_count(rec); k++) {
      char field[256];
      snprintf(field, sizeof field, "%s%s=%s", k ? "|" : "", docpipe_value_key_at(rec, k),
               docpipe_value_string(docpipe_value_at(rec, k)));
      strncat(out, field, size - strlen(out) - 1);
    }
  }
  docpipe_value_free(list);
}

/* Only the identifying keys: code, or type+number. */
static void S_keys(const char *text, char *out, size_t size) {
  docpipe_value *list = docpipe_value_new_list();
  docpipe_decisions_scan(list, text, strlen(text), NULL);
  out[0] = '\0';
  for (size_t i = 0; i < docpipe_value_count(list); i++) {
    docpipe_value *rec = docpipe_value_at(list, i);
    const char *code = docpipe_meta_string(rec, "code");
    char key[128];
    if (code) snprintf(key, sizeof key, "%s", code);
    else snprintf(key, sizeof key, "%s %s", docpipe_meta_string(rec, "type"), docpipe_meta_string(rec, "number"));
    if (i) strncat(out, ", ", size - strlen(out) - 1);
    strncat(out, key, size - strlen(out) - 1);
  }
  docpipe_value_free(list);
}

static const struct {
  const char *text, *keys;
} key_cases[] = {
    {"Quyết định số 290-QĐ/TW của Bộ Chính trị", "290-QĐ/TW"},
    {"thực hiện Chỉ thị số 16/CT-TTg của Thủ tướng", "16/CT-TTg"},
    {"theo Nghị định 15/2020/NĐ-CP", "15/2020/NĐ-CP"},
    {"Chương trình hành động số 03-CTr/BDVTU", "03-CTr/BDVTU"},
    {"Kết luận số 114-KL/TW của Ban Bí thư", "114-KL/TW"},
    {"Thông tư số 05/2016/TT-BNV", "05/2016/TT-BNV"},
    {"Công văn số 1234/UBND-VP", "1234/UBND-VP"},
    {"Kế hoạch số 45-KH/HU", "45-KH/HU"},
    {"Hướng dẫn 01-HD/BTGTW", "01-HD/BTGTW"},
    {"các văn bản 12/QĐ-UBND và 13/QĐ-UBND", "12/QĐ-UBND, 13/QĐ-UBND"},
    {"Quyết định 23 (ngày 30/7/2021) của Bộ Chính trị", "Quyết định 23"},
    {"Đề án 02, ngày 9/11/2021; Quy chế 05", "Đề án 02, Quy chế 05"},
    {"Quyết định 290 của Bộ Chính trị và Quyết định số 290-QĐ/TW", "290-QĐ/TW"},
    {"Chỉ thị 03 của Bộ Chính trị", "Chỉ thị 03"},
    {"Nghị quyết số 18-NQ/TW và Nghị quyết 18", "18-NQ/TW"},
    {"Báo cáo số 120/BC-BDV, Tờ trình số 7/TTr-UBND", "120/BC-BDV, 7/TTr-UBND"},
    {"Luật số 18/2008/QH12 và Nghị quyết số 1010/2015/UBTVQH13", "18/2008/QH12, 1010/2015/UBTVQH13"},
    {"Thông báo kết luận số 31-TB/HU của Huyện ủy", "31-TB/HU"},
    {"Chỉ thị 7 của Ban Bí thư", "Chỉ thị 7"},
    {"Quyết định số 2021 của UBND huyện", "Quyết định 2021"},
    {"Nghị quyết 43 về chính sách tài khóa", "Nghị quyết 43"},
    /* not decisions */
    {"Báo cáo 2023 cho thấy, Kế hoạch 2024 cao hơn", ""},
    {"Luật Đất đai 2013 và Luật 2024 mới", ""},
    {"Quy chế 1, Quy chế 2, Quy chế 3 được so sánh", ""},
    {"Kết luận 3 vấn đề và Hướng dẫn 12 bước", ""},
    {"Kế hoạch 3 đợt, Chương trình 40 hộ", ""},
    {"Ngày 16/07/2020, 30/30 quận, huyện và 584/584 xã", ""},
    {"đã xây dựng 9.720 điển hình", ""},
    {"gọi số 0214.3840.123", ""},
    {"Trường Tiểu học số 1", ""},
    {"Nghị quyết Hội nghị lần thứ 7 Ban Chấp hành Trung ương", ""},
    {"Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII", ""},
    {"các nghị quyết, chỉ thị của Đảng", ""},
    {"Kế hoạch 5 năm 2021-2025", ""},
    {"quyết định 5 vấn đề lớn", ""},
    {"phòng chống dịch COVID-19", ""},
    {"nhiệm kỳ 2020 – 2025, KT-XH", ""},
    {"Chương trình 2 nội dung", ""},
    {"tỷ lệ 99,97%", ""},
    {"Quyết định 23,5% kinh phí", ""},
};

static void test_keys(void) {
  char got[1024];
  for (size_t i = 0; i < sizeof key_cases / sizeof *key_cases; i++) {
    S_keys(key_cases[i].text, got, sizeof got);
    STR_EQ(got, key_cases[i].keys, key_cases[i].text);
  }
}

static void test_fields(void) {
  char got[2048];
  S_scan("Quyết định số 290-QĐ/TW ngày 25/02/2010 của Bộ Chính trị (khóa X) về ban hành", got,
         sizeof got);
  STR_EQ(got,
         "body=Bộ Chính trị (khóa X)|code=290-QĐ/TW|date=2010-02-25|issuer=TW|number=290|"
         "text=Quyết định số 290-QĐ/TW|type=Quyết định|year=2010",
         "party style with date and body");
  S_scan("Nghị định số 15/2020/NĐ-CP của Chính phủ", got, sizeof got);
  STR_EQ(got,
         "body=Chính phủ|code=15/2020/NĐ-CP|issuer=CP|number=15|text=Nghị định số "
         "15/2020/NĐ-CP|type=Nghị định|year=2020",
         "state style with year");
  S_scan("Kết luận số 120-KL/TW, ngày 07/01/2016, của Bộ Chính trị (khóa XI), Chỉ thị", got,
         sizeof got);
  STR_EQ(got,
         "body=Bộ Chính trị (khóa XI)|code=120-KL/TW|date=2016-01-07|issuer=TW|number=120|"
         "text=Kết luận số 120-KL/TW|type=Kết luận|year=2016",
         "commas around the date");
  S_scan("theo 16/CT-TTg", got, sizeof got);
  STR_EQ(got, "code=16/CT-TTg|issuer=TTg|number=16|text=16/CT-TTg|type=Chỉ thị",
         "type from the code alone");
  S_scan("Đề án 02, ngày 9/11/2021 của BTV Tỉnh ủy về nâng cao", got, sizeof got);
  STR_EQ(got,
         "body=BTV Tỉnh ủy|date=2021-11-09|number=02|text=Đề án 02|type=Đề án|year=2021",
         "uncoded with date and body");
  S_scan("quyết định số 2200-QĐ/TU ngày 25/5/2017 của Thành ủy Hà Nội.", got, sizeof got);
  STR_EQ(got,
         "body=Thành ủy Hà Nội|code=2200-QĐ/TU|date=2017-05-25|issuer=TU|number=2200|"
         "text=quyết định số 2200-QĐ/TU|type=Quyết định|year=2017",
         "lower-case type word with a code");
  S_scan("Quyết định 1847/QĐ-TTg năm 2018 của Thủ tướng Chính phủ", got, sizeof got);
  STR_EQ(got,
         "body=Thủ tướng Chính phủ|code=1847/QĐ-TTg|issuer=TTg|number=1847|"
         "text=Quyết định 1847/QĐ-TTg|type=Quyết định|year=2018",
         "year written as 'năm YYYY' after the code");
  S_scan("Luật số 52/2019/QH14 của Quốc hội", got, sizeof got);
  STR_EQ(got,
         "body=Quốc hội|code=52/2019/QH14|issuer=QH14|number=52|text=Luật số 52/2019/QH14|"
         "type=Luật|year=2019",
         "a law: the issuer carries the legislature's number");
  S_scan("Nghị quyết số 29-NQ/TW của Hội nghị Trung ương 8 khóa XI", got, sizeof got);
  STR_EQ(got,
         "body=Hội nghị Trung ương|code=29-NQ/TW|issuer=TW|number=29|"
         "text=Nghị quyết số 29-NQ/TW|type=Nghị quyết",
         "a body stops at the number of the plenum");
  S_scan("Chỉ thị số 05-CT/TW của Hội, Đoàn", got, sizeof got);
  STR_EQ(got, "code=05-CT/TW|issuer=TW|number=05|text=Chỉ thị số 05-CT/TW|type=Chỉ thị",
         "one capitalised word is not a body unless an acronym");
  S_scan("Thông tư số 23/2021/TT-BGDĐT của Bộ Giáo dục và Đào tạo về", got, sizeof got);
  STR_EQ(got,
         "body=Bộ Giáo dục và Đào tạo|code=23/2021/TT-BGDĐT|issuer=BGDĐT|number=23|"
         "text=Thông tư số 23/2021/TT-BGDĐT|type=Thông tư|year=2021",
         "a ministry's name with lower-case words");
  S_scan("Kế hoạch số 12-KH/ĐU của đơn vị", got, sizeof got);
  STR_EQ(got, "code=12-KH/ĐU|issuer=ĐU|number=12|text=Kế hoạch số 12-KH/ĐU|type=Kế hoạch",
         "lower-case đ does not start a body");
  S_scan("Quyết định số 7/QĐ-BCĐ của Ban Chỉ huy quân sự xã", got, sizeof got);
  STR_EQ(got, "code=7/QĐ-BCĐ|issuer=BCĐ|number=7|text=Quyết định số 7/QĐ-BCĐ|type=Quyết định",
         "a name cut by an unknown lower-case word gives no body");
}

static void test_merge_across_calls(void) {
  docpipe_value *list = docpipe_value_new_list();
  const char *a = "Quyết định 290 của Bộ Chính trị.";
  const char *b = "Tổng kết Quyết định số 290-QĐ/TW ngày 25/02/2010.";
  const char *c = "Quy chế 05, ngày 9/12/2021 và Đề án 02.";
  docpipe_decisions_scan(list, a, strlen(a), NULL);
  docpipe_decisions_scan(list, b, strlen(b), NULL);
  docpipe_decisions_scan(list, c, strlen(c), NULL);
  docpipe_decisions_scan(list, a, strlen(a), NULL);
  INT_EQ(docpipe_value_count(list), 3, "290 merged; three documents");
  docpipe_value *first = docpipe_value_at(list, 0);
  STR_EQ(docpipe_meta_string(first, "code"), "290-QĐ/TW", "code merged into the first mention");
  STR_EQ(docpipe_meta_string(first, "text"), "Quyết định số 290-QĐ/TW", "coded citation text");
  STR_EQ(docpipe_meta_string(first, "body"), "Bộ Chính trị", "body kept from the first mention");
  STR_EQ(docpipe_meta_string(first, "date"), "2010-02-25", "date from the later mention");
  STR_EQ(docpipe_meta_string(docpipe_value_at(list, 1), "type"), "Quy chế", "order of mention");
  docpipe_error err = DOCPIPE_ERROR_INIT;
  INT_EQ(docpipe_decisions_scan(first, "x", 1, &err), DOCPIPE_EINVAL, "needs a list");
  docpipe_value_free(list);
}

static void test_hostile(void) {
  char got[64];
  /* Invalid UTF-8 is cleaned, not fatal; a long run of digits and
   * slashes is not a decision and not slow. */
  S_keys("Quy\xFF\xFEt định số 12/QĐ-UBND", got, sizeof got);
  STR_EQ(got, "12/QĐ-UBND", "invalid bytes around a code");
  static char big[200001];
  for (size_t i = 0; i < sizeof big - 1; i++) big[i] = "1/2-"[i % 4];
  S_keys(big, got, sizeof got);
  STR_EQ(got, "", "200 KB of digits and separators");

  /* 1500 distinct codes, each also inside a typed mention: at most 1000
   * records, and every typed mention's code is not counted twice */
  docpipe_buf many = DOCPIPE_BUF_INIT;
  for (int i = 1; i <= 1500; i++) docpipe_buf_printf(&many, "Quyết định số %d/QĐ-UBND. ", i);
  docpipe_value *list = docpipe_value_new_list();
  INT_EQ(docpipe_decisions_scan(list, many.data, many.len, NULL), 0, "1500 citations scanned");
  INT_EQ((int)docpipe_value_count(list), 1000, "capped at 1000 distinct documents");
  STR_EQ(docpipe_meta_string(docpipe_value_at(list, 999), "text"), "Quyết định số 1000/QĐ-UBND",
         "in order of first mention, typed");
  docpipe_value_free(list);
  docpipe_buf_free(&many);
}

int main(void) {
  RUN(test_keys);
  RUN(test_fields);
  RUN(test_merge_across_calls);
  RUN(test_hostile);
  return harness_summary();
}
