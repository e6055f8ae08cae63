/* extract_internal.h — shared by the extractor files; never installed. */
#ifndef DOCPIPE_EXTRACT_INTERNAL_H
#define DOCPIPE_EXTRACT_INTERNAL_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "docpipe/extract.h"
#include "internal.h"

/* The compiled patterns: built once (pthread_once) and only read after,
 * so any thread may match with its own match data. */
typedef enum {
  X_DATE_DMY,      /* 16/07/2020, 6.1.2022, 27-12-2019 */
  X_DATE_ISO,      /* 2020-07-16[T13:44[:00]][Z|+07:00] */
  X_DATE_VI_WORDS, /* ngày 25 tháng 02 năm 2010 */
  X_DATE_EN_MDY,   /* March 5, 2021 */
  X_DATE_EN_DMY,   /* 5 March 2021 */
  X_DATE_EU_DMY,   /* 5 décembre 2024, 5. Dezember 2024, 5 de diciembre de 2024 */
  X_DATE_VI_MONTH, /* 05 Tháng 12 2024, 5 Tháng Mười Hai, 2024 (a CMS's month, no "năm") */
  X_DATE_VI_MDY,   /* Tháng Mười Hai 5, 2024 (WordPress in Vietnamese) */
  X_TIME,          /* - 01:44 PM, 08:30 (GMT+7), lúc 8h30 */
  X_TIME_BEFORE,   /* 08:30 16/07/2020 (time written first) */
  X_EVENT_DAY,     /* Chiều 18/6, Sáng 6/1/2022 at the start of a lead */
  X_YEAR_WORD,     /* năm 2015 */
  X_DEC_TYPED,     /* Quyết định số 290-QĐ/TW, Đề án 02 */
  X_DEC_CODE,      /* a code on its own: 16/CT-TTg */
  X_COUNT
} x_pattern;

const pcre2_code *docpipe__x_pattern(x_pattern which);

/* Runs `which` on s[0..len) from `start`; fills ovector pairs (up to
 * `pairs`) and returns the number of pairs set, or 0 for no match. */
int docpipe__x_match(x_pattern which, const char *s, size_t len, size_t start, size_t *ov,
                     int pairs);

/* The numeric value of s[a..b) (digits only), or -1. */
int docpipe__x_int(const char *s, size_t a, size_t b);

/* Validates a calendar day. */
int docpipe__x_valid_ymd(int y, int m, int d);

/* docpipe_date_find and docpipe_decisions_scan for text known to be NFC
 * (all document text is): no normalisation pass. */
int docpipe__x_date_find_nfc(const char *text, size_t len, docpipe_date *out);
int docpipe__x_decisions_scan_nfc(docpipe_value *list, const char *s, size_t n, docpipe_error *err);

/* A date found right at s (after optional spaces): "ngày 25/02/2010",
 * "(ngày 30/7/2021)".  Returns the bytes consumed, 0 when none. */
size_t docpipe__x_date_at(const char *s, size_t len, docpipe_date *out);

#endif
