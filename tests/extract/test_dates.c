/* docpipe_date_find / docpipe_date_line / docpipe_date_format_iso. */
#include <string.h>

#include "docpipe/extract.h"
#include "harness.h"

static const struct {
  const char *text, *iso; /* iso NULL: no date must be found */
} finds[] = {
    {"16/07/2020", "2020-07-16"},
    {"6/1/2022", "2022-01-06"},
    {"Sáng 6/1/2022, Tỉnh ủy tổ chức", "2022-01-06"},
    {"27/12/2019 - 01:44 PM", "2019-12-27T13:44:00"},
    {"27/12/2019 - 11:05 AM", "2019-12-27T11:05:00"},
    {"12/01/2020 - 12:30 AM", "2020-01-12T00:30:00"},
    {"ngày 25 tháng 02 năm 2010", "2010-02-25"},
    {"Hà Nội, Ngày 5 tháng 9 năm 2021", "2021-09-05"},
    {"Thứ hai, 06/01/2022 08:30 (GMT+7)", "2022-01-06T08:30:00+07:00"},
    {"Chủ nhật, 9/1/2022, 14:05 GMT+7", "2022-01-09T14:05:00+07:00"},
    {"Ngày đăng: 16/07/2020", "2020-07-16"},
    {"Cập nhật: 10.3.2021", "2021-03-10"},
    {"08:30 16/07/2020", "2020-07-16T08:30:00"},
    {"Cập nhật lúc 08:15, Thứ Ba, 11/04/2023", "2023-04-11T08:15:00"},
    {"2019-12-27T13:44:00+07:00", "2019-12-27T13:44:00+07:00"},
    {"2021-03-05", "2021-03-05"},
    {"datePublished 2021-03-05T08:00:00Z", "2021-03-05T08:00:00+00:00"},
    {"March 5, 2021", "2021-03-05"},
    {"Published Sept. 14, 2023", "2023-09-14"},
    {"5 March 2021", "2021-03-05"},
    {"12/27/2019", "2019-12-27"}, /* impossible day-first reading: month first */
    {"25/02/2010 và 16/07/2020", "2010-02-25"},
    {"31/02/2020 rồi 01/03/2020", "2020-03-01"}, /* invalid day skipped */
    {"29/02/2024", "2024-02-29"},
    {"Updated: 5 March 2021, 14:02 GMT", "2021-03-05T14:02:00+00:00"}, /* GMT alone is UTC */
    {"Thứ Tư, 12/05/2021 - 15:30", "2021-05-12T15:30:00"},
    {"Cập nhật lúc: 08:15 ngày 03/11/2022", "2022-11-03T08:15:00"},
    /* European month names and times */
    {"Publié le 05 décembre 2024 à 14h30", "2024-12-05T14:30:00"},
    {"1er mars 2023", "2023-03-01"},
    {"5 DÉCEMBRE 2024", "2024-12-05"},
    {"5. Dezember 2024, 14.30 Uhr", "2024-12-05T14:30:00"},
    {"Donnerstag, 05.12.2024, 14.30 Uhr", "2024-12-05T14:30:00"},
    {"5 de diciembre de 2024", "2024-12-05"},
    {"12 maggio 2022 alle 9:15", "2022-05-12T09:15:00"},
    {"3 de março de 2021 às 10h00", "2021-03-03T10:00:00"},
    {"Thu 5 Dec 2024 14.30 GMT", "2024-12-05T14:30:00+00:00"},
    /* Spanish, Italian, Portuguese abbreviations; a zone's abbreviation
     * with one offset gives it, "IST" (India, Ireland, Israel) none */
    {"05 dic 2024 - 14:30 CET", "2024-12-05T14:30:00+01:00"},
    {"5 ott 2024", "2024-10-05"},
    {"5 out. 2024 às 10h00", "2024-10-05T10:00:00"},
    {"Thu 5 Dec 2024 at 2:30pm AEDT", "2024-12-05T14:30:00+11:00"},
    {"Dec 5, 2024, 14:30 IST", "2024-12-05T14:30:00"},
    /* a CMS's Vietnamese month name, no "ngày" or "năm" (Joomla K2) */
    {"Thứ năm, 05 Tháng 12 2024 10:25", "2024-12-05T10:25:00"},
    {"5 tháng 12, 2024", "2024-12-05"},
    {"Hà Nội, 5 tháng 12 năm 2024", "2024-12-05"},
    /* a press-release wire's "5-Dec-2024"; WordPress in Vietnamese, month
     * by name and first ("Tháng Mười Hai 5, 2024") or after the day */
    {"News Release 5-Dec-2024", "2024-12-05"},
    {"Tháng Mười Hai 5, 2024", "2024-12-05"},
    {"tháng mười một 28, 2024", "2024-11-28"},
    {"Tháng 12 5, 2024", "2024-12-05"},
    {"5 Tháng Mười Hai, 2024", "2024-12-05"},
    {"5 tháng Tư 2024", "2024-04-05"},
    /* Dutch, Indonesian, Polish, Turkish */
    {"Gepubliceerd op 5 december 2024 om 14:30", "2024-12-05T14:30:00"},
    {"5 mrt. 2024", "2024-03-05"},
    {"Kamis, 05 Des 2024 14:30 WIB", "2024-12-05T14:30:00+07:00"},
    {"Kamis, 5 Desember 2024 pukul 14.30 WIB", "2024-12-05T14:30:00+07:00"},
    {"Rabu, 4 Agu 2024 09:10 WITA", "2024-08-04T09:10:00+08:00"},
    {"czwartek, 5 grudnia 2024, godz. 14:30", "2024-12-05T14:30:00"},
    {"5 Aralık 2024", "2024-12-05"},
    {"12 Şubat 2024", "2024-02-12"},
    /* negatives */
    {"5-Dec 2024", NULL},
    {"tháng 12 có 5, 2024", NULL},
    {"Tháng Mười Ba 5, 2024", NULL},
    {"6 tháng đầu năm 2024", NULL},
    {"12 tháng 13 2024", NULL},
    {"les 5 maisons de 2024", NULL},
    {"5 mai 2024.50", "2024-05-05"},
    {"14.30 Euro im Jahr 2024", NULL},
    {"29/02/2023", NULL},
    {"30/30 quận, huyện", NULL},
    {"584/584 xã", NULL},
    {"9.720 điển hình", NULL},
    {"Chiều 18/6, Tỉnh ủy", NULL},
    {"nhiệm kỳ 2020 – 2025", NULL},
    {"số điện thoại 0214.3840.123", NULL},
    {"16/CT-TTg", NULL},
    {"15/2020/NĐ-CP", NULL},
    {"99/99/2020", NULL},
    {"", NULL},
};

static void test_find(void) {
  for (size_t i = 0; i < sizeof finds / sizeof *finds; i++) {
    docpipe_date d;
    char iso[40] = "";
    int found = docpipe_date_find(finds[i].text, strlen(finds[i].text), &d);
    if (found) docpipe_date_format_iso(&d, iso, sizeof iso);
    if (finds[i].iso) {
      STR_EQ(found ? iso : "(none)", finds[i].iso, finds[i].text);
    } else {
      STR_EQ(found ? iso : NULL, NULL, finds[i].text);
    }
  }
}

static void test_span(void) {
  docpipe_date d;
  const char *s = "Ngày đăng: 16/07/2020 - 6.889 lượt xem";
  OK(docpipe_date_find(s, strlen(s), &d), "found");
  INT_EQ(d.start, strlen("Ngày đăng: "), "span start");
  INT_EQ(d.end, strlen("Ngày đăng: 16/07/2020"), "span end");
  INT_EQ(d.hour, -1, "no time");
}

static const struct {
  const char *line;
  int is_date_line;
} lines[] = {
    {"Ngày đăng: 16/07/2020", 1},
    {"27/12/2019 - 01:44 PM", 1},
    {"Thứ hai, 06/01/2022 08:30 (GMT+7)", 1},
    {"Cập nhật: 08:15 | 12/03/2021", 1},
    {"31/01/2020 - 6.889 lượt xem", 1},
    {"  16/07/2020  ", 1},
    {"Published: March 5, 2021", 1},
    {"Last updated: Dec 12, 2025", 1},
    {"Last Modified: August 08, 2023", 1},
    {"[Submitted on 18 Dec 2025]", 1},
    {"Last chance: Dec 12, 2025", 0},
    {"Sun Dec 17, 2023 11:23 am", 1},
    {"Sunny Dec 17, 2023", 0},
    {"Dec 17, 2025 \xC2\xB7 5 min read", 1},
    {"December 18, 2025 \xE3\x83\xBB 3 min read", 1},
    {"December 18, 2025 \xEF\xBD\xA5 3 min read", 1},
    {"17/12/2025 - 4 phút đọc", 1},
    {"February 4, 2025 - 11 minutes", 1},
    {"Apr 16, 2024 0 min. read", 1},
    {"Apr 16, 2024 minutes from the station", 0},
    {"Dec 17, 2025 \xC2\xB7 Read the report", 0},
    {"(16/07/2020)", 1},
    {"Ngày 09/10/2018 [Bản in]", 1},
    {"Ngày 09/10/2018   [Bản in]   Xem với cỡ chữ: A A+", 1},
    {"05/12/2024 2:30:00 CH \xC2\xA0 [In trang] [Gửi email]", 1},
    {"14:30 | 05/12/2024 Chia sẻ In bài Gửi email", 1},
    {"Thứ năm, 05 Tháng 12 2024 10:25", 1},
    {"Ngày 09/10/2018 Xem thêm", 0},
    {"05/12/2024 Gửi email cho chúng tôi", 0},
    {"Chiều 15/7/2020, Ban Thường vụ Thành ủy tổ chức hội nghị", 0},
    {"Trên 85.000 người được hỗ trợ (12/08/2020)", 0},
    {"Cầm Thi Giang 16/07/2020", 0},
    {"Quyết định số 290-QĐ/TW ngày 25/02/2010", 0},
    {"Không có ngày", 0},
    {"Publié le 05 décembre 2024 à 14h30", 1},
    {"Publié le 05 décembre 2024 à 14h30, modifié le 05 décembre 2024 à 16h02", 1},
    {"Published March 5, 2021, updated March 6, 2021", 1},
    {"Veröffentlicht am 05.12.2024, 14.30 Uhr", 1},
    {"Donnerstag, 05.12.2024, 14.30 Uhr", 1},
    {"jeudi 5 décembre 2024", 1},
    {"March 5, 2021 - March 6, 2021", 0}, /* a range of days, not a second date after "updated" */
    {"Publié le 05 décembre 2024 à Lyon", 0},
    {"Dec. 5, 2024Updated 12:31 p.m. ET", 1}, /* two boxes with no space between */
    {"Updated: Dec 5, 2024, 14:30 IST", 1},
    {"05 dic 2024 - 14:30 CET", 1},
    {"Tháng Mười Hai 5, 2024", 1},
    {"Gepubliceerd op 5 december 2024 om 14:30", 1},
    {"Bijgewerkt: 5 december 2024, 15:10", 1},
    {"Kamis, 05 Des 2024 14:30 WIB", 1},
    {"czwartek, 5 grudnia 2024", 1},
    {"Güncelleme: 5 Aralık 2024 14:30", 1},
    {"Harian Nusantara - 05/12/2024, 14:30 WIB", 0},
};

static void test_lines(void) {
  for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
    docpipe_date d;
    INT_EQ(docpipe_date_line(lines[i].line, strlen(lines[i].line), &d), lines[i].is_date_line,
           lines[i].line);
  }
}

/* A line with the last change's date after the publication's gives the
 * publication's. */
static void test_line_first_date(void) {
  const char *l = "Publié le 05 décembre 2024 à 14h30, modifié le 06 décembre 2024 à 16h02";
  docpipe_date d;
  char iso[40] = "";
  if (docpipe_date_line(l, strlen(l), &d)) docpipe_date_format_iso(&d, iso, sizeof iso);
  STR_EQ(iso, "2024-12-05T14:30:00", "published, not modified");
}

static void test_format(void) {
  docpipe_date d = {2019, 12, 27, 13, 44, -1, 1, -150, 0, 0, 0};
  char iso[40];
  INT_EQ(docpipe_date_format_iso(&d, iso, sizeof iso), 0, "format");
  STR_EQ(iso, "2019-12-27T13:44:00-02:30", "negative offset");
  d.month = 13;
  INT_EQ(docpipe_date_format_iso(&d, iso, sizeof iso), DOCPIPE_EINVAL, "invalid month refused");
  d.month = 12;
  INT_EQ(docpipe_date_format_iso(&d, iso, 5), DOCPIPE_EINVAL, "too small a buffer refused");
}

static void test_nfd(void) {
  /* "ngày 25 tháng 02 năm 2010" in decomposed form still matches. */
  const char *nfd = "nga\xCC\x80y 25 tha\xCC\x81ng 02 na\xCC\x86m 2010";
  docpipe_date d;
  char iso[40] = "";
  if (docpipe_date_find(nfd, strlen(nfd), &d)) docpipe_date_format_iso(&d, iso, sizeof iso);
  STR_EQ(iso, "2010-02-25", "NFD input");
  /* A whole date line in NFD: "Ngày đăng: 16/07/2020", "Cập nhật: ... lượt xem". */
  const char *line = "Nga\xCC\x80y \xC4\x91" "a\xCC\x86ng: 16/07/2020";
  INT_EQ(docpipe_date_line(line, strlen(line), &d), 1, "NFD date line");
  const char *views = "Ca\xCC\xA3\xCC\x82p nha\xCC\xA3\xCC\x82t: 31/01/2020 - 6.889 lu\xCC\x9Bo\xCC\x9B\xCC\xA3t xem";
  INT_EQ(docpipe_date_line(views, strlen(views), &d), 1, "NFD date line with a view count");
  /* Invalid UTF-8 around a date: cleaned, then matched. */
  const char *bad = "\xFF\xFE 16/07/2020 \xC3";
  iso[0] = '\0';
  if (docpipe_date_find(bad, strlen(bad), &d)) docpipe_date_format_iso(&d, iso, sizeof iso);
  STR_EQ(iso, "2020-07-16", "invalid UTF-8 around the date");
}

int main(void) {
  RUN(test_find);
  RUN(test_span);
  RUN(test_lines);
  RUN(test_line_first_date);
  RUN(test_format);
  RUN(test_nfd);
  return harness_summary();
}
