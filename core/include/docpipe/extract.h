/*
 * extract.h — article metadata found in the text: publication dates,
 * bylines and cited documents ("decision numbers").
 *
 * Every reader's result passes through docpipe_extract_metadata() (the
 * CLI runs it unless --no-extract is given), which fills only the keys
 * the reader did not already know.  Readers may also call the finer
 * functions below on text they see (an HTML page's visible date line).
 */
#ifndef DOCPIPE_EXTRACT_H
#define DOCPIPE_EXTRACT_H

#include "docpipe/docpipe.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Flags for docpipe_extract_metadata. */
#define DOCPIPE_EXTRACT_DATE 0x1u      /* date, date_text */
#define DOCPIPE_EXTRACT_BYLINE 0x2u    /* authors, source */
#define DOCPIPE_EXTRACT_DECISIONS 0x4u /* decisions */
#define DOCPIPE_EXTRACT_ALL 0x7u

/** Looks at the document's text and fills the metadata keys selected by
 * `flags` that are still absent.  Never removes or changes a value the
 * document already has. */
DOCPIPE_EXPORT int docpipe_extract_metadata(docpipe_doc *doc, unsigned flags, docpipe_error *err);


/* ---------------------------------------------------------------- */
/* Dates                                                            */
/* ---------------------------------------------------------------- */

/** A date found in text.  Vietnamese order is day-first. */
typedef struct docpipe_date {
  int year, month, day;       /* year 0 when the text gave none and none was inferred */
  int hour, minute, second;   /* -1 when no time was written */
  int has_offset;             /* 1 when a UTC offset was written ("GMT+7") */
  int offset_minutes;         /* e.g. 420 for +07:00 */
  int year_inferred;          /* 1 when the year came from evidence elsewhere */
  size_t start, end;          /* byte span of the date in the searched text */
} docpipe_date;

/** Finds the first date in `text[0..len)` ("16/07/2020", "6/1/2022",
 * "27/12/2019 - 01:44 PM", "ngày 25 tháng 02 năm 2010", "Thứ hai,
 * 06/01/2022 08:30 (GMT+7)", ISO 8601...).  Returns 1 and fills `out`
 * when found, 0 when not.  Text that is not NFC (decomposed diacritics)
 * or not valid UTF-8 is matched in its NFC, cleaned form, and `start` /
 * `end` then refer to that form (document text is NFC already). */
DOCPIPE_EXPORT int docpipe_date_find(const char *text, size_t len, docpipe_date *out);

/** Returns 1 when the whole line is a publication-date line (a date,
 * optionally with a prefix such as "Ngày đăng:" / "Cập nhật:", a weekday,
 * a time, a view counter), filling `out`; else 0. */
DOCPIPE_EXPORT int docpipe_date_line(const char *line, size_t len, docpipe_date *out);

/** Writes `d` as ISO 8601 ("2020-07-16", "2019-12-27T13:44:00+07:00")
 * into `out` (at least 32 bytes).  Returns 0, or EINVAL for an
 * incomplete date. */
DOCPIPE_EXPORT int docpipe_date_format_iso(const docpipe_date *d, char *out, size_t out_size);

/* ---------------------------------------------------------------- */
/* Bylines                                                          */
/* ---------------------------------------------------------------- */

/** Returns 1 when `line` is a byline ("Cầm Thi Giang", "Theo Thành
 * Phú/LCĐT", "Theo CTTĐT", "Tin, ảnh: ...", "PV", "By Jane Doe"), storing
 * the authors as a new list in `*authors` (may be empty) and the source
 * (or NULL) in `*source`; the caller frees them with docpipe_value_free
 * and docpipe_free.  Returns 0 (and stores nothing) otherwise. */
DOCPIPE_EXPORT int docpipe_byline_parse(const char *line, size_t len, docpipe_value **authors,
                                        char **source);

/* ---------------------------------------------------------------- */
/* Cited documents ("decision numbers")                             */
/* ---------------------------------------------------------------- */

/** Finds the documents cited in `text[0..len)` ("Quyết định số
 * 290-QĐ/TW ngày 25/02/2010 của Bộ Chính trị", "16/CT-TTg", "Đề án 02")
 * and merges them into `list` (a list of maps with the keys text, code,
 * type, number, year, issuer, date, body; absent fields omitted), in
 * order of first mention, without duplicates.  Call it on successive
 * paragraphs with the same list.  A list holds at most 1000 distinct
 * documents: further ones are not added (merging is a linear search, and
 * real articles cite a few dozen). */
DOCPIPE_EXPORT int docpipe_decisions_scan(docpipe_value *list, const char *text, size_t len,
                                          docpipe_error *err);

#ifdef __cplusplus
}
#endif

#endif /* DOCPIPE_EXTRACT_H */
