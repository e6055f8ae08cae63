/* UTF-8 validation, cleaning and NFC normalisation (through utf8proc). */
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

int docpipe_utf8_valid(const char *s, size_t len) {
  const unsigned char *p = (const unsigned char *)s;
  size_t i = 0;
  while (i < len) {
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

static int S_is_ascii(const char *s, size_t len) {
  for (size_t i = 0; i < len; i++)
    if ((unsigned char)s[i] >= 0x80) return 0;
  return 1;
}

/* 1 when valid UTF-8 `s` is certainly NFC without running the
 * normaliser: every code point is ASCII, precomposed Latin (U+00A0-U+024F,
 * U+1E00-U+1EFF: Vietnamese lives here) or common punctuation (U+2002-
 * U+206F, U+20AB).  None of these is excluded from composition, and none
 * can compose with a neighbour unless a combining mark follows, which
 * would itself fail this test.  Anything else goes through utf8proc. */
static int S_quick_nfc(const char *s, size_t len) {
  const unsigned char *p = (const unsigned char *)s;
  for (size_t i = 0; i < len;) {
    unsigned c = p[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    unsigned cp;
    if (c < 0xE0) {
      cp = ((c & 0x1Fu) << 6) | (p[i + 1] & 0x3Fu);
      i += 2;
    } else if (c < 0xF0) {
      cp = ((c & 0x0Fu) << 12) | ((p[i + 1] & 0x3Fu) << 6) | (p[i + 2] & 0x3Fu);
      i += 3;
    } else {
      return 0;
    }
    if (!((cp >= 0xA0 && cp <= 0x24F) || (cp >= 0x1E00 && cp <= 0x1EFF) ||
          (cp >= 0x2002 && cp <= 0x206F) || cp == 0x20AB))
      return 0;
  }
  return 1;
}

/* NFC of valid UTF-8; text that is certainly NFC already is only copied. */
static char *S_nfc(const char *s, size_t len, size_t *out_len, int *code) {
  if (S_is_ascii(s, len) || S_quick_nfc(s, len)) {
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

char *docpipe_utf8_nfc(const char *s, size_t len, size_t *out_len, int *code) {
  if (!s || !docpipe_utf8_valid(s, len)) {
    if (code) *code = DOCPIPE_EINVAL;
    return NULL;
  }
  return S_nfc(s, len, out_len, code);
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
