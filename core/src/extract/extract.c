/* The shared extraction stage: fills date, authors/source and decisions
 * from a document's text when the reader did not know them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract_internal.h"

/* How far into the document a publication-date line may sit, and how far
 * from the end a byline. */
#define DATE_LINE_BLOCKS 8
#define BYLINE_BLOCKS 3
#define BYLINE_MAX 100

typedef struct {
  docpipe_node **items;
  size_t count, cap;
} S_blocks;

/* The text-holding blocks in document order: paragraphs, headings, table
 * cells, figures (captions). */
static int S_collect(docpipe_node *root, S_blocks *out) {
  docpipe_iter *it = docpipe_iter_new(root);
  if (!it) return DOCPIPE_ENOMEM;
  docpipe_event ev;
  while ((ev = docpipe_iter_next(it)) != DOCPIPE_EVENT_DONE) {
    docpipe_node *n = docpipe_iter_node(it);
    docpipe_node_type t = docpipe_node_type_of(n);
    if (ev != DOCPIPE_EVENT_ENTER ||
        (t != DOCPIPE_NODE_PARAGRAPH && t != DOCPIPE_NODE_HEADING &&
         t != DOCPIPE_NODE_TABLE_CELL && t != DOCPIPE_NODE_FIGURE))
      continue;
    if (out->count == out->cap) {
      size_t cap = out->cap ? out->cap * 2 : 64;
      docpipe_node **p = realloc(out->items, cap * sizeof *p);
      if (!p) {
        docpipe_iter_free(it);
        return DOCPIPE_ENOMEM;
      }
      out->items = p;
      out->cap = cap;
    }
    out->items[out->count++] = n;
  }
  docpipe_iter_free(it);
  return 0;
}

static int S_set_date(docpipe_value *meta, const docpipe_date *d, const char *text, size_t len) {
  char iso[40];
  if (docpipe_date_format_iso(d, iso, sizeof iso)) return 0;
  docpipe_value_set_string(meta, DOCPIPE_META_DATE, iso);
  docpipe_value_set(meta, DOCPIPE_META_DATE_TEXT, docpipe_value_new_string_n(text, len));
  return 1;
}

/* The year the text itself gives most often ("năm 2015", "25/02/2010"),
 * when it outweighs every other year at least two to one; else 0. */
static int S_year_evidence(const char *const *texts, size_t n) {
  int counts[200] = {0};
  for (size_t t = 0; t < n; t++) {
    const char *s = texts[t];
    /* Bounded: this is evidence, not a scan of a hostile 20 MB line. */
    size_t len = strlen(s), from = 0, ov[4], found = 0;
    if (len > 20000) len = 20000;
    while (from < len && docpipe__x_match(X_YEAR_WORD, s, len, from, ov, 2)) {
      int y = docpipe__x_int(s, ov[2], ov[3]);
      if (y >= 1900 && y < 2100) counts[y - 1900] += 2; /* "năm Y" speaks of a year */
      from = ov[1];
    }
    docpipe_date d;
    from = 0;
    while (from < len && found++ < 50 && docpipe__x_date_find_nfc(s + from, len - from, &d)) {
      counts[d.year - 1900]++;
      from += d.end;
    }
  }
  int best = 0, best_count = 0, second = 0;
  for (int i = 0; i < 200; i++) {
    if (counts[i] >= best_count && counts[i] > 0) {
      second = best_count;
      best = 1900 + i;
      best_count = counts[i];
    } else if (counts[i] > second) {
      second = counts[i];
    }
  }
  /* Clear evidence only: a year-end review "năm 2018" that plans the tasks
   * of "năm 2019" names both, and guessing between them would be a wrong
   * date more often than a right one. */
  return best_count >= 2 && second * 2 < best_count ? best : 0;
}

/* A credit line "By Tom Becker | Staff Writer · June 12, 2021": parts cut
 * by '|', '·' or '•', one a date line and one a byline.  Fills `d` and
 * the date part's span in `line`. */
static int S_credit_line(const char *line, size_t len, docpipe_date *d, size_t *da, size_t *db) {
  if (len > 200) return 0;
  size_t parts = 0, start = 0;
  int dated = 0, credited = 0;
  for (size_t i = 0; i <= len && parts < 16; i++) {
    size_t w = 0;
    if (i == len) w = 1;
    else if (line[i] == '|') w = 1;
    else if ((unsigned char)line[i] == 0xC2 && i + 1 < len && (unsigned char)line[i + 1] == 0xB7) w = 2;
    else if ((unsigned char)line[i] == 0xE2 && i + 2 < len && (unsigned char)line[i + 1] == 0x80 &&
             (unsigned char)line[i + 2] == 0xA2)
      w = 3;
    if (!w) continue;
    parts++;
    size_t a = start, b = i;
    while (a < b && line[a] == ' ') a++;
    while (b > a && line[b - 1] == ' ') b--;
    docpipe_value *authors;
    char *source;
    if (!dated && b > a && docpipe_date_line(line + a, b - a, d)) {
      dated = 1;
      *da = a;
      *db = b;
    } else if (b > a && docpipe_byline_parse(line + a, b - a, &authors, &source)) {
      credited = 1;
      docpipe_value_free(authors);
      docpipe_free(source);
    }
    start = i + w;
    i += w - 1;
  }
  return dated && credited && parts >= 2;
}

static void S_extract_date(docpipe_value *meta, char **texts, size_t n) {
  /* 1. A date line near the top ("Ngày đăng: 16/07/2020"). */
  for (size_t b = 0; b < n && b < DATE_LINE_BLOCKS; b++) {
    const char *s = texts[b];
    for (const char *line = s; *line;) {
      const char *nl = strchr(line, '\n');
      size_t len = nl ? (size_t)(nl - line) : strlen(line);
      docpipe_date d;
      if (docpipe_date_line(line, len, &d)) {
        /* The line as written, trimmed, is the date_text. */
        while (len && (line[len - 1] == ' ' || line[len - 1] == '\r')) len--;
        while (len && *line == ' ') line++, len--;
        if (S_set_date(meta, &d, line, len)) return;
      }
      size_t da = 0, db = 0;
      if (S_credit_line(line, len, &d, &da, &db) && S_set_date(meta, &d, line + da, db - da)) return;
      if (!nl) break;
      line = nl + 1;
    }
  }
  /* 2. The event date opening the lead ("Sáng 6/1/2022, ..."): the
   * article reports it, so it stands for the publication date; a missing
   * year is inferred only from clear evidence in the text. */
  for (size_t b = 0; b < n && b < DATE_LINE_BLOCKS; b++) {
    const char *s = texts[b];
    size_t len = strlen(s), ov[8];
    if (len < 40) continue; /* a lead is a real paragraph */
    if (!docpipe__x_match(X_EVENT_DAY, s, len, 0, ov, 4)) break;
    docpipe_date d;
    memset(&d, 0, sizeof d);
    d.hour = d.minute = d.second = -1;
    d.day = docpipe__x_int(s, ov[2], ov[3]);
    d.month = docpipe__x_int(s, ov[4], ov[5]);
    d.year = ov[6] != (size_t)-1 ? docpipe__x_int(s, ov[6], ov[7]) : 0;
    if (!d.year) {
      d.year = S_year_evidence((const char *const *)texts, n);
      d.year_inferred = 1;
    }
    if (!docpipe__x_valid_ymd(d.year, d.month, d.day)) return;
    size_t start = ov[2];
    size_t end = ov[6] != (size_t)-1 ? ov[7] : ov[5];
    if (S_set_date(meta, &d, s + start, end - start) && d.year_inferred)
      docpipe_value_set_string(meta, "date_inferred", "year");
    return;
  }
}

static void S_extract_byline(docpipe_value *meta, char **texts, size_t n) {
  for (size_t k = 0; k < n && k < BYLINE_BLOCKS; k++) {
    const char *s = texts[n - 1 - k];
    size_t len = strlen(s);
    if (len == 0) continue;
    if (len > BYLINE_MAX) return; /* reached the body */
    docpipe_value *authors;
    char *source;
    if (docpipe_byline_parse(s, len, &authors, &source)) {
      if (docpipe_value_count(authors)) docpipe_value_set(meta, DOCPIPE_META_AUTHORS, authors);
      else docpipe_value_free(authors);
      if (source && !docpipe_value_get(meta, DOCPIPE_META_SOURCE))
        docpipe_value_set_string(meta, DOCPIPE_META_SOURCE, source);
      docpipe_free(source);
      return;
    }
  }
}

int docpipe_extract_metadata(docpipe_doc *doc, unsigned flags, docpipe_error *err) {
  if (!doc) return docpipe_error_set(err, DOCPIPE_EINVAL, "no document");
  docpipe_value *meta = docpipe_doc_meta(doc);
  int want_date = (flags & DOCPIPE_EXTRACT_DATE) && !docpipe_value_get(meta, DOCPIPE_META_DATE);
  int want_byline = (flags & DOCPIPE_EXTRACT_BYLINE) &&
                    !docpipe_value_get(meta, DOCPIPE_META_AUTHORS) &&
                    !docpipe_value_get(meta, DOCPIPE_META_SOURCE);
  int want_decisions =
      (flags & DOCPIPE_EXTRACT_DECISIONS) && !docpipe_value_get(meta, DOCPIPE_META_DECISIONS);
  if (!want_date && !want_byline && !want_decisions) return 0;
  S_blocks blocks = {0};
  int rc = S_collect(docpipe_doc_root(doc), &blocks);
  char **texts = rc ? NULL : calloc(blocks.count + 1, sizeof *texts);
  if (!rc && !texts) rc = DOCPIPE_ENOMEM;
  for (size_t i = 0; !rc && i < blocks.count; i++)
    if (!(texts[i] = docpipe_node_text_content(blocks.items[i]))) rc = DOCPIPE_ENOMEM;
  if (!rc) {
    if (want_date) S_extract_date(meta, texts, blocks.count);
    if (want_byline) S_extract_byline(meta, texts, blocks.count);
    if (want_decisions) {
      docpipe_value *list = docpipe_value_new_list();
      const char *title = docpipe_meta_string(meta, DOCPIPE_META_TITLE);
      if (!list) rc = DOCPIPE_ENOMEM;
      if (!rc && title) rc = docpipe__x_decisions_scan_nfc(list, title, strlen(title), err);
      for (size_t i = 0; !rc && i < blocks.count; i++)
        rc = docpipe__x_decisions_scan_nfc(list, texts[i], strlen(texts[i]), err);
      if (!rc && docpipe_value_count(list)) docpipe_value_set(meta, DOCPIPE_META_DECISIONS, list);
      else docpipe_value_free(list);
    }
  }
  for (size_t i = 0; texts && i < blocks.count; i++) docpipe_free(texts[i]);
  free(texts);
  free(blocks.items);
  if (rc == DOCPIPE_ENOMEM) return docpipe_error_set(err, rc, "out of memory");
  return rc;
}
