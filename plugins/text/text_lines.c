/* Line splitting and small predicates shared by the readers. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "text.h"

int text_lines_split(const char *s, size_t len, text_lines *out) {
  size_t start = 0;
  for (size_t i = 0; i <= len; i++) {
    if (i < len && s[i] != '\n' && s[i] != '\r') continue;
    if (out->n == out->cap) {
      size_t cap = out->cap ? out->cap * 2 : 64;
      text_line *v = realloc(out->v, cap * sizeof *v);
      if (!v) return DOCPIPE_ENOMEM;
      out->v = v;
      out->cap = cap;
    }
    if (i == len && start == len && out->n > 0) break; /* final line end */
    out->v[out->n].s = s + start;
    out->v[out->n].len = i - start;
    out->n++;
    if (i < len && s[i] == '\r' && i + 1 < len && s[i + 1] == '\n') i++;
    start = i + 1;
  }
  return 0;
}

void text_lines_free(text_lines *l) {
  free(l->v);
  l->v = NULL;
  l->n = l->cap = 0;
}

/* Bytes of a white-space code point at `s` (0 when none): ASCII space
 * and tab, U+00A0, U+200B, U+FEFF, U+3000, U+2002..U+200A. */
static size_t S_space_at(const char *s, size_t n) {
  const unsigned char *u = (const unsigned char *)s;
  if (n >= 1 && (u[0] == ' ' || u[0] == '\t' || u[0] == '\f' || u[0] == '\v')) return 1;
  if (n >= 2 && u[0] == 0xC2 && u[1] == 0xA0) return 2;
  if (n >= 3 && u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x8B || (u[2] >= 0x82 && u[2] <= 0x8A)))
    return 3;
  if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) return 3;
  if (n >= 3 && u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80) return 3;
  return 0;
}

/* Bytes of a white-space code point ending at s[n-1] (0 when none). */
static size_t S_space_before(const char *s, size_t n) {
  for (size_t k = 1; k <= 3 && k <= n; k++)
    if (S_space_at(s + n - k, k) == k) return k;
  return 0;
}

text_line text_line_trim(text_line l) {
  size_t k;
  while (l.len && (k = S_space_at(l.s, l.len)) != 0) {
    l.s += k;
    l.len -= k;
  }
  while (l.len && (k = S_space_before(l.s, l.len)) != 0) l.len -= k;
  return l;
}

int text_line_is_blank(text_line l) { return text_line_trim(l).len == 0; }

int text_line_eq(text_line l, const char *s) {
  return l.len == strlen(s) && memcmp(l.s, s, l.len) == 0;
}

size_t text_line_words(text_line l) {
  size_t words = 0, i = 0;
  int in = 0;
  while (i < l.len) {
    size_t k = S_space_at(l.s + i, l.len - i);
    if (k) {
      in = 0;
      i += k;
    } else {
      if (!in) words++;
      in = 1;
      i++;
    }
  }
  return words;
}

size_t text_line_chars(text_line l) {
  size_t n = 0;
  for (size_t i = 0; i < l.len; i++)
    if (((unsigned char)l.s[i] & 0xC0) != 0x80) n++;
  return n;
}

char *text_fold(const char *s, size_t len) {
  utf8proc_uint8_t *folded = NULL;
  utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &folded,
                                    UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STABLE);
  if (n < 0) return NULL;
  /* Collapse every kind of white space to one ASCII space, and trim. */
  char *out = docpipe_malloc((size_t)n + 1);
  if (!out) {
    free(folded);
    return NULL;
  }
  size_t o = 0, i = 0;
  int space = 1;
  while (i < (size_t)n) {
    size_t k = S_space_at((const char *)folded + i, (size_t)n - i);
    if (k) {
      if (!space) out[o++] = ' ';
      space = 1;
      i += k;
    } else {
      out[o++] = (char)folded[i++];
      space = 0;
    }
  }
  while (o && out[o - 1] == ' ') o--;
  out[o] = 0;
  free(folded);
  return out;
}
