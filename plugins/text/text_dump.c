/* Article extraction from a scraped text dump: one article (headline,
 * date line, paragraphs one per line, photo captions, a byline) inside
 * the page's chrome.
 *
 * The dump is read in passes over classified lines:
 *   1. classify each line (blank, chrome, date, image file, related-news
 *      marker, poll opener, text) by vocabulary and shape;
 *   2. drop polls (opener .. "N người đã tham gia bình chọn");
 *   3. the body starts at the first paragraph-shaped line (a sentence of
 *      ten words or more, or a long line); the headline is the last
 *      substantial line before it (preferring the one next to the date
 *      line); every other line before the body is page furniture;
 *   4. the body ends at a related-news marker; trailing chrome is dropped
 *      and the last line is tried as a byline;
 *   5. inside the body, short lines become photo captions (after an image
 *      file name, or with caption vocabulary), subheadings (short, no
 *      sentence punctuation) or paragraphs.
 */
#include <stdlib.h>
#include <string.h>

#include "docpipe/extract.h"
#include "text.h"
#include "text_vocab.h"

enum { K_BLANK, K_CHROME, K_DATE, K_IMAGE, K_RELATED, K_POLL, K_FOOTER, K_TAGS, K_TEXT };

typedef struct {
  text_line t; /* trimmed */
  char *f;     /* folded, NULL for long lines */
  char *w;     /* folded words: punctuation as spaces, padded */
  int kind;
  size_t words;
  int dropped;
  char *owned; /* t.s when lines were joined (hard-wrapped input) */
} S_line;

/* More lines than any article page has; beyond it the input is refused
 * rather than classified line by line. */
#define S_MAX_LINES 500000

/* Lines longer than this are always text: chrome is short. */
#define S_SHORT_BYTES 600

static int S_is_guid(text_line l) {
  if (l.len != 36) return 0;
  for (size_t i = 0; i < 36; i++) {
    char c = l.s[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != '-') return 0;
    } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
      return 0;
    }
  }
  return 1;
}

/* "<<  <  1  2  3 ... >  >>", "« Trước 1 2 3 Sau »", a lone page number. */
static int S_is_pagination(const char *f) {
  int arrows = 0, numbers = 0;
  const char *p = f;
  while (*p) {
    unsigned char c = (unsigned char)*p;
    if (c == ' ' || c == '.' || c == '|') {
      p++;
    } else if (c == '<' || c == '>') {
      arrows++;
      p++;
    } else if (c >= '0' && c <= '9') {
      numbers++;
      while (*p >= '0' && *p <= '9') p++;
    } else if (!strncmp(p, "«", 2) || !strncmp(p, "»", 2) || !strncmp(p, "…", 3) ||
               !strncmp(p, "‹", 3) || !strncmp(p, "›", 3)) {
      arrows++;
      p += (c == 0xC2) ? 2 : 3;
    } else {
      const char *words[] = {"trang", "đầu", "cuối", "sau", "trước", "tiếp", "next", "prev",
                             "previous", "first", "last", "page", NULL};
      int hit = 0;
      for (const char **w = words; *w; w++) {
        size_t wl = strlen(*w);
        if (!strncmp(p, *w, wl) && (p[wl] == ' ' || p[wl] == 0)) {
          p += wl;
          hit = 1;
          break;
        }
      }
      if (!hit) return 0; /* any other word: not pagination */
    }
  }
  return arrows > 0 || numbers >= 1;
}

/* A related-news item: a short headline ending with its date in
 * brackets, "Triển lãm ảnh “Tổ quốc nhìn từ biển”  (05/08/2020)", or a
 * view counter line "31/01/2020 - 6.889 lượt xem". */
static int S_is_news_item(const S_line *l) {
  if (l->words > 30) return 0;
  if (l->f && strstr(l->f, "lượt xem") && l->words <= 10) return 1;
  const char *s = l->t.s;
  size_t n = l->t.len;
  if (n < 10 || s[n - 1] != ')') return 0;
  size_t open = n - 1;
  while (open > 0 && s[open] != '(') open--;
  if (s[open] != '(' || open == 0) return 0;
  int digits = 0, slashes = 0;
  for (size_t i = open + 1; i < n - 1; i++) {
    if (s[i] >= '0' && s[i] <= '9') digits++;
    else if (s[i] == '/' || s[i] == '-' || s[i] == '.') slashes++;
    else return 0;
  }
  return digits >= 4 && slashes == 2;
}

/* Menu bars and breadcrumbs: "Trang chủ > Tin tức > Sự kiện",
 * "Trang chủ | Giới thiệu | Liên hệ" — three or more short segments. */
static int S_is_menu_bar(const char *f) {
  static const char *const seps[] = {" > ", " » ", " | ", " › ", " / ", " >> ", NULL};
  for (const char *const *sep = seps; *sep; sep++) {
    size_t sl = strlen(*sep), segs = 1, words = 0, max_words = 0;
    const char *p = f, *hit;
    while ((hit = strstr(p, *sep)) != NULL) {
      segs++;
      p = hit + sl;
    }
    if (segs < 3) continue;
    /* every segment short */
    p = f;
    for (const char *q = f;; q++) {
      if (*q == 0 || !strncmp(q, *sep, sl)) {
        if (words > max_words) max_words = words;
        words = 0;
        if (*q == 0) break;
        q += sl - 1;
        p = q + 1;
        continue;
      }
      if (*q != ' ' && (q == p || q[-1] == ' ')) words++;
    }
    if (max_words <= 5) return 1;
  }
  return 0;
}

/* "N người đã tham gia bình chọn", "Kết quả bình chọn": closes a poll. */
static int S_poll_end(const char *f) {
  return strstr(f, "tham gia bình chọn") || strstr(f, "lượt bình chọn") ||
         strstr(f, "người đã bình chọn") || !strcmp(f, "xem kết quả") || !strcmp(f, "biểu quyết");
}

static int S_is_image_file(const char *f) {
  const char *ext[] = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".tif", ".tiff", NULL};
  size_t n = strlen(f);
  for (const char **e = ext; *e; e++) {
    size_t el = strlen(*e);
    if (n > el && !strcmp(f + n - el, *e)) return 1;
  }
  return 0;
}

/* A copy of `t` with every run of white space as one ASCII space. */
static char *S_squeeze(text_line t, size_t *out_len) {
  char *o = docpipe_malloc(t.len + 1);
  if (!o) return NULL;
  size_t n = 0, i = 0;
  int space = 0;
  while (i < t.len) {
    text_line rest = {t.s + i, t.len - i};
    text_line tr = text_line_trim(rest);
    if (tr.s != rest.s) { /* white space at i */
      space = 1;
      i = (size_t)(tr.s - t.s);
      if (tr.len == 0) break;
      continue;
    }
    if (space && n) o[n++] = ' ';
    space = 0;
    o[n++] = t.s[i++];
  }
  o[n] = 0;
  if (out_len) *out_len = n;
  return o;
}

static char *S_words(const char *f) {
  size_t n = strlen(f);
  char *w = docpipe_malloc(n + 3);
  if (!w) return NULL;
  size_t o = 0;
  w[o++] = ' ';
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)f[i];
    size_t k = 0;
    if (c < 0x80 && strchr(".,;:!?()[]{}\"'`*-–/|<>", c)) k = 1;
    else if (c == 0xE2 && (!strncmp(f + i, "“", 3) || !strncmp(f + i, "”", 3) || !strncmp(f + i, "‘", 3) ||
             !strncmp(f + i, "’", 3) || !strncmp(f + i, "…", 3) || !strncmp(f + i, "–", 3) ||
             !strncmp(f + i, "—", 3)))
      k = 3;
    if (k) {
      if (w[o - 1] != ' ') w[o++] = ' ';
      i += k;
      continue;
    }
    if (c == ' ' && w[o - 1] == ' ') {
      i++;
      continue;
    }
    w[o++] = f[i++];
  }
  if (w[o - 1] != ' ') w[o++] = ' ';
  w[o] = 0;
  return w;
}

/* Ends with sentence punctuation, looking through closing quotes and
 * brackets: "... nghị.", "... “dân vận khéo”...", "... (ảnh).)". */
static int S_ends_sentence(text_line t) {
  size_t n = t.len;
  for (;;) {
    if (n && strchr(")]\"'", t.s[n - 1])) {
      n--;
    } else if (n >= 3 && (!memcmp(t.s + n - 3, "”", 3) || !memcmp(t.s + n - 3, "’", 3))) {
      n -= 3;
    } else if (n >= 2 && !memcmp(t.s + n - 2, "»", 2)) {
      n -= 2;
    } else {
      break;
    }
  }
  if (!n) return 0;
  if (strchr(".!?:;", t.s[n - 1])) return 1;
  return n >= 3 && !memcmp(t.s + n - 3, "…", 3);
}

/* A body paragraph rather than a headline, caption or menu entry. */
static int S_paragraph_shaped(const S_line *l) {
  if (l->kind != K_TEXT) return 0;
  if (l->words >= 40) return 1;
  if (l->words < 10 || !S_ends_sentence(l->t)) return 0;
  /* Headlines may ask or exclaim: "Vì sao giá lúa tăng mạnh trong tháng 3?" */
  char c = l->t.s[l->t.len - 1];
  return (c != '?' && c != '!') || l->words >= 20;
}

static int S_classify(S_line *l) {
  if (l->t.len == 0) return K_BLANK;
  if (l->t.len > S_SHORT_BYTES) return K_TEXT;
  l->f = text_fold(l->t.s, l->t.len);
  if (!l->f) return -1;
  l->w = S_words(l->f);
  if (!l->w) return -1;
  docpipe_date d;
  if (text_vocab_related(l->f)) return K_RELATED;
  if (text_vocab_poll(l->f)) return K_POLL;
  if (text_vocab_footer(l->f)) return K_FOOTER;
  if (text_vocab_tags(l->f)) return K_TAGS;
  if (S_is_guid(l->t) || S_is_pagination(l->f) || text_vocab_menu(l->f) ||
      text_vocab_controls(l->f) || text_vocab_counter(l->f) || S_poll_end(l->f))
    return K_CHROME;
  /* Before the news-item test: "Đăng lúc: 08/08/2023 | Lượt xem: 88" is
   * the article's own date line. */
  if (l->words <= 20 && docpipe_date_line(l->t.s, l->t.len, &d)) return K_DATE;
  if (S_is_news_item(l) || S_is_menu_bar(l->f)) return K_CHROME;
  if (S_is_image_file(l->f) && l->words <= 30) return K_IMAGE;
  return K_TEXT;
}

typedef struct {
  S_line *v;
  size_t n;
  docpipe_doc *doc;
  int have_date, have_byline;
  size_t title;   /* index or (size_t)-1 */
} S_dump;

#define S_NONE ((size_t)-1)

static int S_set_meta_line(docpipe_doc *doc, const char *key, text_line t) {
  char *s = S_squeeze(t, NULL);
  if (!s) return DOCPIPE_ENOMEM;
  int rc = docpipe_value_set_string(docpipe_doc_meta(doc), key, s);
  docpipe_free(s);
  return rc;
}

static int S_take_date(S_dump *d, S_line *l) {
  docpipe_date dt;
  char iso[64];
  if (d->have_date || !docpipe_date_line(l->t.s, l->t.len, &dt)) return 0;
  if (docpipe_date_format_iso(&dt, iso, sizeof iso) != 0) return 0;
  d->have_date = 1;
  docpipe_value *meta = docpipe_doc_meta(d->doc);
  int rc = docpipe_value_set_string(meta, DOCPIPE_META_DATE, iso);
  text_line span = l->t;
  if (dt.end > dt.start && dt.end <= l->t.len) span = (text_line){l->t.s + dt.start, dt.end - dt.start};
  if (!rc) rc = S_set_meta_line(d->doc, DOCPIPE_META_DATE_TEXT, text_line_trim(span));
  return rc;
}

/* Tries `l` as a byline; on success stores authors/source (merging with
 * an earlier byline line) and returns 1. */
static int S_take_byline(S_dump *d, S_line *l, int *rc) {
  docpipe_value *authors = NULL;
  char *source = NULL;
  *rc = 0;
  if (l->kind != K_TEXT || l->words > 12 || S_paragraph_shaped(l)) return 0;
  if (!docpipe_byline_parse(l->t.s, l->t.len, &authors, &source)) return 0;
  docpipe_value *meta = docpipe_doc_meta(d->doc);
  if (authors && docpipe_value_count(authors) > 0) {
    docpipe_value *have = docpipe_value_get(meta, DOCPIPE_META_AUTHORS);
    if (have) {
      /* An earlier (lower) line was read first: keep page order. */
      for (size_t i = 0; i < docpipe_value_count(have) && !*rc; i++)
        *rc = docpipe_value_append(authors, docpipe_value_copy(docpipe_value_at(have, i)));
    }
    if (!*rc) *rc = docpipe_value_set(meta, DOCPIPE_META_AUTHORS, authors);
    authors = NULL;
  }
  docpipe_value_free(authors);
  if (source && !*rc && !docpipe_value_get(meta, DOCPIPE_META_SOURCE))
    *rc = docpipe_value_set_string(meta, DOCPIPE_META_SOURCE, source);
  docpipe_free(source);
  d->have_byline = 1;
  return 1;
}

static int S_take_tags(S_dump *d, S_line *l) {
  l->dropped = 1;
  docpipe_value *meta = docpipe_doc_meta(d->doc);
  if (docpipe_value_get(meta, DOCPIPE_META_TAGS)) return 0;
  /* The label's length in the folded line is its length in the line:
   * case folding keeps these ASCII/Vietnamese labels' byte lengths. */
  size_t skip = text_vocab_tags(l->f);
  if (skip > l->t.len) return 0;
  docpipe_value *tags = docpipe_value_new_list();
  if (!tags) return DOCPIPE_ENOMEM;
  const char *s = l->t.s + skip, *end = l->t.s + l->t.len;
  int rc = 0;
  while (s < end && !rc) {
    const char *q = s;
    while (q < end && *q != ',' && *q != ';') q++;
    text_line one = text_line_trim((text_line){s, (size_t)(q - s)});
    if (one.len) {
      docpipe_value *v = docpipe_value_new_string_n(one.s, one.len);
      rc = v ? docpipe_value_append(tags, v) : DOCPIPE_ENOMEM;
    }
    s = q + 1;
  }
  if (!rc && docpipe_value_count(tags)) return docpipe_value_set(meta, DOCPIPE_META_TAGS, tags);
  docpipe_value_free(tags);
  return rc;
}

static void S_drop_polls(S_dump *d) {
  for (size_t i = 0; i < d->n; i++) {
    if (d->v[i].kind != K_POLL) continue;
    d->v[i].dropped = 1;
    /* A poll is a question, a few short options and a closing line. */
    size_t end = S_NONE, seen = 0;
    for (size_t j = i + 1; j < d->n && seen < 15; j++) {
      S_line *l = &d->v[j];
      if (l->kind == K_BLANK) continue;
      seen++;
      if (l->f && S_poll_end(l->f)) {
        end = j;
        break;
      }
      if (l->words > 15 || l->kind == K_RELATED) break;
    }
    if (end != S_NONE) {
      for (size_t j = i + 1; j <= end; j++) d->v[j].dropped = 1;
      i = end;
      continue;
    }
    /* No closing line: the question and the short options after it. */
    size_t j = i + 1;
    while (j < d->n && d->v[j].kind == K_BLANK) j++;
    if (j < d->n && d->v[j].t.len && d->v[j].t.s[d->v[j].t.len - 1] == '?') {
      d->v[j].dropped = 1;
      for (j++; j < d->n; j++) {
        if (d->v[j].kind == K_BLANK) continue;
        if (d->v[j].words > 5) break;
        d->v[j].dropped = 1;
      }
    }
  }
}

static int S_cmp_size(const void *a, const void *b) {
  size_t x = *(const size_t *)a, y = *(const size_t *)b;
  return x < y ? -1 : x > y;
}

/* Dumps made by tools such as `lynx -dump` or html2text wrap paragraphs
 * at a fixed width.  When most text lines end near one width, a line that
 * reaches it was cut by the wrapper and the next line continues it. */
static int S_unwrap(S_dump *d) {
  size_t *lens = malloc((d->n ? d->n : 1) * sizeof *lens), k = 0;
  if (!lens) return DOCPIPE_ENOMEM;
  for (size_t i = 0; i < d->n; i++)
    if (d->v[i].kind == K_TEXT && d->v[i].words >= 4) lens[k++] = text_line_chars(d->v[i].t);
  size_t width = 0, near = 0;
  if (k >= 8) {
    qsort(lens, k, sizeof *lens, S_cmp_size);
    width = lens[k * 9 / 10];
    for (size_t i = 0; i < k; i++)
      if (lens[i] + 15 >= width) near++;
  }
  free(lens);
  if (width < 50 || width > 100 || near * 2 < k) return 0;
  for (size_t i = 0; i < d->n; i++) {
    S_line *l = &d->v[i];
    if (l->kind != K_TEXT) continue;
    size_t j = i;
    while (j + 1 < d->n && d->v[j + 1].kind == K_TEXT && text_line_chars(d->v[j].t) + 20 >= width)
      j++;
    if (j == i) continue;
    size_t total = 0;
    for (size_t m = i; m <= j; m++) total += d->v[m].t.len + 1;
    char *joined = malloc(total), *o = joined;
    if (!joined) return DOCPIPE_ENOMEM;
    for (size_t m = i; m <= j; m++) {
      if (m > i) *o++ = ' ';
      memcpy(o, d->v[m].t.s, d->v[m].t.len);
      o += d->v[m].t.len;
      if (m > i) d->v[m].kind = K_BLANK;
    }
    l->owned = joined;
    l->t = (text_line){joined, (size_t)(o - joined)};
    l->words = text_line_words(l->t);
    docpipe_free(l->f);
    docpipe_free(l->w);
    l->f = l->w = NULL;
    if (S_classify(l) < 0) return DOCPIPE_ENOMEM;
    i = j;
  }
  return 0;
}

static int S_live(const S_line *l, int kind) { return !l->dropped && l->kind == kind; }

/* Words with at least one letter: "27/12/2019 - 01:44 PM" has one. */
static size_t S_letter_words(text_line t) {
  size_t n = 0;
  int in = 0, letter = 0;
  for (size_t i = 0; i <= t.len; i++) {
    unsigned char c = i < t.len ? (unsigned char)t.s[i] : ' ';
    if (c == ' ' || c == '\t') {
      if (in && letter) n++;
      in = letter = 0;
    } else {
      in = 1;
      if (c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) letter = 1;
    }
  }
  return n;
}

static int S_is_byline(const S_line *l) {
  docpipe_value *authors = NULL;
  char *source = NULL;
  if (!docpipe_byline_parse(l->t.s, l->t.len, &authors, &source)) return 0;
  docpipe_value_free(authors);
  docpipe_free(source);
  return 1;
}

/* A line that may be the headline: not a byline ("Nguyễn Thị Hoa" under
 * the date line is the author). */
static int S_title_shaped(const S_line *l) {
  return S_letter_words(l->t) >= 3 && S_live(l, K_TEXT) && l->words >= 3 && l->words <= 60 &&
         !S_paragraph_shaped(l) && !(l->words <= 8 && S_is_byline(l));
}

static int S_add_text_block(docpipe_node *parent, docpipe_node_type type, text_line t) {
  size_t len;
  char *s = S_squeeze(t, &len);
  if (!s) return DOCPIPE_ENOMEM;
  docpipe_node *n = docpipe_node_add(parent, type);
  int rc = n ? docpipe_node_append_text(n, s, len) : DOCPIPE_ENOMEM;
  if (!rc && type == DOCPIPE_NODE_HEADING) rc = docpipe_node_set_heading_level(n, 2);
  docpipe_free(s);
  return rc;
}

static int S_caption_shaped(const S_line *l) {
  if (!S_live(l, K_TEXT) || l->words > 30 || !l->w) return 0;
  if (l->t.s[l->t.len - 1] == ':') return 0;
  /* A caption is a phrase, or one short sentence; a longer sentence with
   * the same words ("Dịp này, ... đã tặng 100 mũ bảo hiểm ...") is body. */
  if (S_ends_sentence(l->t) && l->words > 15) return 0;
  return text_vocab_caption(l->w);
}

static int S_heading_shaped(const S_line *l) {
  return S_live(l, K_TEXT) && l->words >= 2 && l->words <= 15 && !S_ends_sentence(l->t);
}

static int S_bullet(text_line t, text_line *rest) {
  static const char *const marks[] = {"- ", "• ", "+ ", "* ", "· ", "– ", NULL};
  for (const char *const *m = marks; *m; m++) {
    size_t ml = strlen(*m);
    if (t.len > ml && !memcmp(t.s, *m, ml)) {
      *rest = text_line_trim((text_line){t.s + ml, t.len - ml});
      return 1;
    }
  }
  return 0;
}

static int S_build_body(S_dump *d, size_t from, size_t to) {
  docpipe_node *root = docpipe_doc_root(d->doc);
  docpipe_node *list = NULL;
  int rc = 0;
  const char *title_f = d->title != S_NONE ? d->v[d->title].f : NULL;
  int prev_was_caption = 0;
  for (size_t i = from; i < to && !rc; i++) {
    S_line *l = &d->v[i];
    if (l->dropped || l->kind == K_BLANK) continue;
    if (l->kind == K_DATE) {
      rc = S_take_date(d, l);
      continue;
    }
    if (l->kind != K_TEXT && l->kind != K_IMAGE) continue;
    if (title_f && l->f && i != d->title && !strcmp(l->f, title_f)) continue; /* repeated headline */
    text_line item;
    if (l->kind == K_TEXT && S_bullet(l->t, &item)) {
      if (!list) {
        if (!(list = docpipe_node_add(root, DOCPIPE_NODE_LIST))) return DOCPIPE_ENOMEM;
        docpipe_node_set_list_tight(list, 1);
      }
      docpipe_node *it = docpipe_node_add(list, DOCPIPE_NODE_ITEM);
      if (!it) return DOCPIPE_ENOMEM;
      rc = S_add_text_block(it, DOCPIPE_NODE_PARAGRAPH, item);
      continue;
    }
    list = NULL;
    /* Next live line, for captions that follow an image file name. */
    size_t j = i + 1;
    while (j < to && (d->v[j].dropped || d->v[j].kind == K_BLANK)) j++;
    if (l->kind == K_IMAGE) {
      /* The caption may come first: the file name then belongs to the
       * figure just made from it. */
      docpipe_node *prev = docpipe_node_last_child(root);
      int after_caption = prev && docpipe_node_type_of(prev) == DOCPIPE_NODE_FIGURE &&
                          !*docpipe_node_alt(prev) && prev_was_caption;
      docpipe_node *fig = after_caption ? prev : docpipe_node_add(root, DOCPIPE_NODE_FIGURE);
      if (!fig) return DOCPIPE_ENOMEM;
      size_t len;
      char *alt = S_squeeze(l->t, &len);
      if (!alt) return DOCPIPE_ENOMEM;
      char *dot = strrchr(alt, '.');
      if (dot) *dot = 0;
      rc = docpipe_node_set_alt(fig, alt);
      docpipe_free(alt);
      prev_was_caption = 0;
      if (!rc && !after_caption && j < to && S_live(&d->v[j], K_TEXT) && d->v[j].words <= 30 &&
          !S_paragraph_shaped(&d->v[j])) {
        char *cap = S_squeeze(d->v[j].t, &len);
        if (!cap) return DOCPIPE_ENOMEM;
        rc = docpipe_node_append_text(fig, cap, len);
        docpipe_free(cap);
        i = j;
      }
      continue;
    }
    int last = j >= to;
    prev_was_caption = 0;
    if (!last && S_caption_shaped(l)) {
      prev_was_caption = 1;
      docpipe_node *fig = docpipe_node_add(root, DOCPIPE_NODE_FIGURE);
      size_t len;
      char *cap = S_squeeze(l->t, &len);
      rc = (fig && cap) ? docpipe_node_append_text(fig, cap, len) : DOCPIPE_ENOMEM;
      docpipe_free(cap);
    } else if (!last && i > from && S_heading_shaped(l) && S_paragraph_shaped(&d->v[j])) {
      rc = S_add_text_block(root, DOCPIPE_NODE_HEADING, l->t);
    } else {
      rc = S_add_text_block(root, DOCPIPE_NODE_PARAGRAPH, l->t);
    }
  }
  return rc;
}

/* Letters only Vietnamese uses among Latin scripts: ă đ ơ ư and the
 * U+1EA0..U+1EF9 block (ạ ả ấ ầ ... ỹ). */
static size_t S_vietnamese_letters(const char *s, size_t len) {
  size_t n = 0;
  const unsigned char *u = (const unsigned char *)s;
  for (size_t i = 0; i + 1 < len; i++) {
    if ((u[i] == 0xC4 && (u[i + 1] == 0x82 || u[i + 1] == 0x83 || u[i + 1] == 0x90 || u[i + 1] == 0x91)) ||
        (u[i] == 0xC6 && (u[i + 1] == 0xA0 || u[i + 1] == 0xA1 || u[i + 1] == 0xAF || u[i + 1] == 0xB0)))
      n++;
    else if (u[i] == 0xE1 && i + 2 < len && (u[i + 1] == 0xBA || u[i + 1] == 0xBB))
      n++;
  }
  return n;
}

int text_dump_read(const text_lines *lines, docpipe_doc *doc, const docpipe_args *args,
                   docpipe_error *err) {
  (void)args;
  S_dump d = {.doc = doc, .title = S_NONE};
  int rc = 0;
  /* A run of blank lines counts as one: only its presence matters, and
   * a hostile input of millions of empty lines then costs nothing. */
  size_t kept = 0;
  for (size_t i = 0; i < lines->n; i++)
    if (!text_line_is_blank(lines->v[i]) || (i > 0 && !text_line_is_blank(lines->v[i - 1])) || i == 0)
      kept++;
  if (kept > S_MAX_LINES)
    return docpipe_error_set(err, DOCPIPE_ELIMIT, "more than %d lines: not an article dump",
                             S_MAX_LINES);
  d.v = calloc(kept ? kept : 1, sizeof *d.v);
  if (!d.v) return docpipe_error_set(err, DOCPIPE_ENOMEM, "out of memory");
  for (size_t i = 0; i < lines->n && !rc; i++) {
    text_line t = text_line_trim(lines->v[i]);
    if (t.len == 0 && d.n > 0 && d.v[d.n - 1].kind == K_BLANK) continue;
    S_line *l = &d.v[d.n++];
    l->t = t;
    l->words = text_line_words(l->t);
    l->kind = S_classify(l);
    if (l->kind < 0) rc = DOCPIPE_ENOMEM;
  }
  if (rc || (rc = S_unwrap(&d))) goto done;
  S_drop_polls(&d);

  /* 3. Where the body starts, and the headline before it. */
  size_t start = S_NONE;
  for (size_t i = 0; i < d.n && start == S_NONE; i++)
    if (!d.v[i].dropped && S_paragraph_shaped(&d.v[i])) start = i;
  if (start == S_NONE) { /* no paragraph: a short text; the first text line starts it */
    for (size_t i = 0; i < d.n && start == S_NONE; i++)
      if (S_live(&d.v[i], K_TEXT) || S_live(&d.v[i], K_IMAGE)) start = i;
  }
  if (start == S_NONE) start = d.n;
  /* A news sidebar above the article ("TIN MỚI", then headlines with
   * summaries) puts the first paragraph in the sidebar.  When a related
   * marker opens the page, no date line precedes that paragraph, and a
   * headline + date line + paragraph come further down, the article is
   * there. */
  {
    int marker_before = 0, date_before = 0;
    for (size_t i = 0; i < start; i++) {
      if (S_live(&d.v[i], K_RELATED)) marker_before = 1;
      if (S_live(&d.v[i], K_DATE)) date_before = 1;
    }
    for (size_t i = start + 1; marker_before && !date_before && i < d.n; i++) {
      if (S_live(&d.v[i], K_RELATED)) break;
      if (!S_live(&d.v[i], K_DATE)) continue;
      size_t above = i, below = i + 1;
      while (above > start && (d.v[above - 1].dropped || d.v[above - 1].kind == K_BLANK)) above--;
      while (below < d.n && (d.v[below].dropped || d.v[below].kind == K_BLANK)) below++;
      if (above > start && S_title_shaped(&d.v[above - 1]) && below < d.n &&
          S_paragraph_shaped(&d.v[below])) {
        start = below;
        break;
      }
    }
  }
  size_t date_line = S_NONE;
  for (size_t i = 0; i < start; i++)
    if (S_live(&d.v[i], K_DATE)) date_line = i;
  /* The headline: the last candidate between the date line and the body,
   * else the nearest one above the date line; without a date line, the
   * last one before the body. */
  /* Headlines run to five words or more, widget labels ("Share this
   * article") rarely: a shorter candidate is taken only when no longer
   * one is there. */
  /* Nor do headlines end with a full stop, short opening sentences do. */
  static const struct { size_t min_words; int stop_ok; } passes[] = {{5, 0}, {3, 0}, {3, 1}};
  for (size_t p = 0; p < 3 && d.title == S_NONE; p++) {
    size_t min_words = passes[p].min_words;
    int stop_ok = passes[p].stop_ok;
#define S_CAND(i)                                                                                \
  (S_title_shaped(&d.v[i]) && d.v[i].words >= min_words &&                                       \
   (stop_ok || d.v[i].t.s[d.v[i].t.len - 1] != '.'))
    if (date_line != S_NONE)
      for (size_t i = start; i-- > date_line + 1 && d.title == S_NONE;)
        if (S_CAND(i)) d.title = i;
    for (size_t i = date_line != S_NONE ? date_line : start; i-- > 0 && d.title == S_NONE;)
      if (S_CAND(i)) d.title = i;
#undef S_CAND
  }
  /* Headline right before the body with nothing before it: a short text
   * whose first line is the body itself stays body. */
  if (d.title == S_NONE && start < d.n && S_title_shaped(&d.v[start])) {
    size_t next = start + 1;
    while (next < d.n && (d.v[next].dropped || d.v[next].kind != K_TEXT)) next++;
    if (next < d.n) {
      d.title = start;
      start = next;
    }
  }
  /* Short sentences right above the first paragraph, below the headline
   * and date line, open the article ("Hôm nay, trời mưa to."). */
  {
    size_t anchor = d.title;
    if (date_line != S_NONE && (anchor == S_NONE || date_line > anchor)) anchor = date_line;
    if (anchor != S_NONE)
      for (size_t i = start; i-- > anchor + 1;) {
        S_line *l = &d.v[i];
        if (l->dropped || l->kind == K_BLANK || l->kind == K_CHROME) continue;
        if (!S_live(l, K_TEXT) || l->words < 3 || !S_ends_sentence(l->t) || S_is_byline(l)) break;
        start = i;
      }
  }
  if (d.title != S_NONE) {
    rc = S_set_meta_line(doc, DOCPIPE_META_TITLE, d.v[d.title].t);
    if (rc) goto done;
  }
  /* The publication date is the date line nearest the headline: a page
   * header's "today" is further up, "Cập nhật:" usually further down. */
  if (date_line != S_NONE && d.title != S_NONE) {
    size_t best = date_line, best_dist = (size_t)-1;
    for (size_t i = 0; i < start; i++) {
      if (!S_live(&d.v[i], K_DATE)) continue;
      size_t dist = i > d.title ? i - d.title : d.title - i;
      if (dist < best_dist) best = i, best_dist = dist;
    }
    date_line = best;
  }
  if (date_line != S_NONE && (rc = S_take_date(&d, &d.v[date_line]))) goto done;
  /* A byline between the headline and the body ("PV", a name). */
  for (size_t i = (d.title == S_NONE ? 0 : d.title + 1); i < start && !rc; i++)
    if (S_live(&d.v[i], K_TEXT) && i != d.title) S_take_byline(&d, &d.v[i], &rc);
  if (rc) goto done;

  /* 4. Where the body ends. */
  size_t end = d.n;
  for (size_t i = start; i < d.n; i++)
    if (!d.v[i].dropped && d.v[i].kind == K_RELATED) {
      end = i;
      break;
    }
  /* A footer ("Bản quyền ...", "Giấy phép ...") after the last paragraph
   * ends the article too. */
  size_t last_para = start;
  for (size_t i = start; i < end; i++)
    if (!d.v[i].dropped && S_paragraph_shaped(&d.v[i])) last_para = i;
  for (size_t i = last_para + 1; i < end; i++)
    if (!d.v[i].dropped && d.v[i].kind == K_FOOTER) {
      end = i;
      break;
    }
  /* Tag lines ("Từ khóa: a, b") anywhere in the article become `tags`. */
  for (size_t i = start; i < end && !rc; i++)
    if (!d.v[i].dropped && d.v[i].kind == K_TAGS) rc = S_take_tags(&d, &d.v[i]);
  if (rc) goto done;
  /* The byline: the last text lines before the end (two at most, e.g.
   * "Tin, ảnh: X" over "Nguồn: Y"). */
  for (int tries = 0; tries < 2 && !rc; tries++) {
    size_t last = end;
    while (last > start && (d.v[last - 1].dropped || d.v[last - 1].kind != K_TEXT)) {
      if (d.v[last - 1].kind == K_DATE && !d.v[last - 1].dropped &&
          (rc = S_take_date(&d, &d.v[last - 1])))
        break;
      last--;
    }
    if (rc || last <= start + 1) break;
    S_line *l = &d.v[last - 1];
    /* A second byline line is a short label, never a sentence. */
    if (tries > 0 && (l->words > 6 || S_ends_sentence(l->t))) break;
    if (!S_take_byline(&d, l, &rc)) break;
    l->dropped = 1;
    end = last - 1;
  }
  if (rc) goto done;
  /* A footer-looking line above the last paragraph is article text. */
  for (size_t i = start; i < end; i++)
    if (d.v[i].kind == K_FOOTER) d.v[i].kind = K_TEXT;
  rc = S_build_body(&d, start, end);
  if (!rc) {
    /* The language, when the article's letters say it clearly. */
    size_t vi = 0;
    for (size_t i = 0; i < d.n && vi < 20; i++)
      if (!d.v[i].dropped && d.v[i].kind == K_TEXT && (i == d.title || (i >= start && i < end)))
        vi += S_vietnamese_letters(d.v[i].t.s, d.v[i].t.len);
    if (vi >= 20) rc = docpipe_value_set_string(docpipe_doc_meta(doc), DOCPIPE_META_LANGUAGE, "vi");
  }

done:
  for (size_t i = 0; i < d.n; i++) {
    docpipe_free(d.v[i].f);
    docpipe_free(d.v[i].w);
    free(d.v[i].owned);
  }
  free(d.v);
  if (rc && err && !err->code) docpipe_error_set(err, rc, "%s", docpipe_strerror(rc));
  return rc;
}
