/* UTF-8 validation, cleaning and NFC normalisation (through utf8proc). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "internal.h"

/* Length of the valid UTF-8 sequence at s (at most `avail` bytes), or 0
 * when it is invalid: overlong forms, surrogates and values past U+10FFFF
 * are invalid, as RFC 3629 says. */
static size_t S_seq_len(const unsigned char *s, size_t avail) {
  unsigned c = s[0];
  if (c < 0x80) return 1;
  if (c < 0xC2) return 0;
  if (c < 0xE0) return (avail >= 2 && (s[1] & 0xC0) == 0x80) ? 2 : 0;
  if (c < 0xF0) {
    if (avail < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) return 0;
    if (c == 0xE0 && s[1] < 0xA0) return 0;
    if (c == 0xED && s[1] >= 0xA0) return 0;
    return 3;
  }
  if (c < 0xF5) {
    if (avail < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
      return 0;
    if (c == 0xF0 && s[1] < 0x90) return 0;
    if (c == 0xF4 && s[1] >= 0x90) return 0;
    return 4;
  }
  return 0;
}

/* 1 when the 8 bytes at p are ASCII and none is NUL.  Callers try it
 * only at 8-byte boundaries: in Vietnamese text, where a non-ASCII
 * letter comes every few bytes, a test at every byte would cost more
 * than it saves. */
static int S_ascii8(const unsigned char *p) {
  uint64_t w;
  memcpy(&w, p, 8);
  return !(w & 0x8080808080808080ull) && !((w - 0x0101010101010101ull) & ~w & 0x8080808080808080ull);
}

int docpipe_utf8_valid(const char *s, size_t len) {
  const unsigned char *p = (const unsigned char *)s;
  size_t i = 0;
  while (i < len) {
    if (((uintptr_t)(p + i) & 7) == 0 && len - i >= 8 && S_ascii8(p + i)) {
      i += 8;
      continue;
    }
    if (p[i] == 0) return 0;
    if (p[i] < 0x80) {
      i++;
      continue;
    }
    size_t n = S_seq_len(p + i, len - i);
    if (!n) return 0;
    i += n;
  }
  return 1;
}

/* One pass over `s`: -1 when it is not valid UTF-8 (or holds a NUL), 1
 * when it is certainly NFC without running the normaliser, 0 when the
 * normaliser must decide.  Certainly NFC: every code point is ASCII,
 * precomposed Latin (U+00A0-U+024F, U+1E00-U+1EFF: Vietnamese lives
 * here) or common punctuation (U+2002-U+206F, U+20AB).  None of these is
 * excluded from composition, and none can compose with a neighbour
 * unless a combining mark follows, which would itself fail this test.
 * Validation and this test used to be three passes (valid, ASCII,
 * quick check); text is mostly ASCII, checked 8 bytes at a time. */
static int S_scan(const char *s, size_t len) {
  const unsigned char *p = (const unsigned char *)s;
  int quick = 1;
  size_t i = 0;
  while (i < len) {
    if (((uintptr_t)(p + i) & 7) == 0 && len - i >= 8 && S_ascii8(p + i)) {
      i += 8;
      continue;
    }
    unsigned c = p[i];
    if (c < 0x80) {
      if (c == 0) return -1;
      i++;
      continue;
    }
    size_t n = S_seq_len(p + i, len - i);
    if (!n) return -1;
    if (quick) {
      unsigned cp = n == 2 ? ((c & 0x1Fu) << 6) | (p[i + 1] & 0x3Fu)
                  : n == 3 ? ((c & 0x0Fu) << 12) | ((p[i + 1] & 0x3Fu) << 6) | (p[i + 2] & 0x3Fu)
                           : 0;
      if (!((cp >= 0xA0 && cp <= 0x24F) || (cp >= 0x1E00 && cp <= 0x1EFF) ||
            (cp >= 0x2002 && cp <= 0x206F) || cp == 0x20AB))
        quick = 0;
    }
    i += n;
  }
  return quick;
}

int docpipe__utf8_scan(const char *s, size_t len) { return S_scan(s, len); }

static char *S_copy(const char *s, size_t len, size_t *out_len, int *code) {
  char *d = docpipe_malloc(len + 1);
  if (!d) {
    if (code) *code = DOCPIPE_ENOMEM;
    return NULL;
  }
  memcpy(d, s, len);
  d[len] = '\0';
  if (out_len) *out_len = len;
  return d;
}

/* NFC of valid UTF-8 through utf8proc. */
static char *S_normalise(const char *s, size_t len, size_t *out_len, int *code) {
  utf8proc_uint8_t *dst = NULL;
  utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &dst,
                                    UTF8PROC_STABLE | UTF8PROC_COMPOSE);
  if (n < 0) {
    if (code) *code = n == UTF8PROC_ERROR_NOMEM ? DOCPIPE_ENOMEM : DOCPIPE_EINVAL;
    return NULL;
  }
  if (out_len) *out_len = (size_t)n;
  return (char *)dst; /* malloc'd by utf8proc; docpipe_free is free */
}

/* NFC of valid UTF-8; text that is certainly NFC already is only copied. */
static char *S_nfc(const char *s, size_t len, size_t *out_len, int *code) {
  if (S_scan(s, len) == 1) return S_copy(s, len, out_len, code);
  return S_normalise(s, len, out_len, code);
}

char *docpipe_utf8_nfc(const char *s, size_t len, size_t *out_len, int *code) {
  int scan = s ? S_scan(s, len) : -1;
  if (scan < 0) {
    if (code) *code = DOCPIPE_EINVAL;
    return NULL;
  }
  return scan ? S_copy(s, len, out_len, code) : S_normalise(s, len, out_len, code);
}

char *docpipe__text_dup(const char *s, size_t len, int *code) {
  return docpipe_utf8_nfc(s, len, NULL, code);
}

char *docpipe_utf8_clean(const char *s, size_t len, size_t *out_len) {
  static const char replacement[] = "\xEF\xBF\xBD";
  const unsigned char *p = (const unsigned char *)s;
  if (len > (SIZE_MAX - 1) / 3) return NULL;
  /* Each invalid byte becomes at most 3 bytes. */
  char *tmp = docpipe_malloc(len * 3 + 1);
  if (!tmp) return NULL;
  size_t o = 0, i = 0;
  while (i < len) {
    unsigned c = p[i];
    if (c < 0x80) {
      if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') tmp[o++] = (char)c;
      i++;
      continue;
    }
    size_t n = S_seq_len(p + i, len - i);
    if (n) {
      memcpy(tmp + o, p + i, n);
      o += n;
      i += n;
    } else {
      memcpy(tmp + o, replacement, 3);
      o += 3;
      i++;
    }
  }
  char *out = S_nfc(tmp, o, out_len, NULL);
  docpipe_free(tmp);
  return out;
}
