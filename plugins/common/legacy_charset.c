/* Legacy charsets: the charset of text that names none and is not UTF-8,
 * and the conversion to UTF-8 (the html and text readers).
 *
 * Scraped pages lose the HTTP header that named their charset, and older
 * sites never repeated it in a <meta>.  windows-1258 (Vietnamese) is told
 * by its tone bytes, which no detector knows; everything else is ICU's
 * charset detector (already on every machine with libxml2: libxml2 is
 * built on ICU), which weighs byte patterns and language statistics for
 * the Cyrillic, Greek, Arabic, Hebrew, Central European, Japanese, Chinese
 * and Korean legacy charsets.  When it is unsure, windows-1252, as
 * browsers do for Western locales. */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ucsdet.h>

#include "docpipe/docpipe.h"

#include "legacy_charset.h"

/* Bytes looked at: enough text for the statistics, bounded time on a
 * 50 MB page. */
#define GUESS_BYTES 262144
/* ICU's confidence (0-100) below which the guess is not taken. */
#define MIN_CONFIDENCE 30

/* 1258 pages are full of the combining tone bytes (0xCC grave, 0xEC acute,
 * 0xD2 hook, 0xDE tilde, 0xF2 dot below) and ơ/ư/đ/ă (0xF5 0xFD 0xF0 0xE3);
 * Western 1252 text rarely has ì, Ò, Þ or ò at that rate, nor Russian
 * 1251 text м, т, Т, М and Ю (a tenth of its letters). */
static int S_vietnamese_1258(const unsigned char *data, size_t n) {
  size_t tones = 0, high = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned c = data[i];
    if (c < 0x80) continue;
    high++;
    if (c == 0xCC || c == 0xEC || c == 0xD2 || c == 0xDE || c == 0xF2) tones++;
  }
  return high && tones * 5 >= high;
}

/* ICU's name for iconv, or NULL for an answer not taken: UTF-*, which the
 * page is not (invalid UTF-8; UTF-16 without a BOM is refused as binary
 * before this), and EBCDIC. */
static const char *S_iconv_name(const char *icu, char *buf, size_t size) {
  if (!strncmp(icu, "UTF-", 4) || !strncmp(icu, "IBM", 3)) return NULL;
  /* WHATWG reads a Latin-1 label as windows-1252, its superset */
  if (!strcmp(icu, "ISO-8859-1")) return "CP1252";
  size_t n = strlen(icu);
  if (n >= size) return NULL;
  memcpy(buf, icu, n + 1);
  /* Hebrew "logical order" is the same bytes as ISO-8859-8 */
  if (n > 2 && !strcmp(buf + n - 2, "-I")) buf[n - 2] = 0;
  return buf;
}

const char *legacy_guess_charset(const unsigned char *data, size_t size, char *buf, size_t buf_size) {
  size_t n = size < GUESS_BYTES ? size : GUESS_BYTES;
  if (S_vietnamese_1258(data, n)) return "CP1258";
  const char *name = NULL;
  UErrorCode st = U_ZERO_ERROR;
  UCharsetDetector *csd = ucsdet_open(&st);
  if (U_SUCCESS(st)) {
    ucsdet_enableInputFilter(csd, 1); /* markup is not text: judge the text */
    ucsdet_setText(csd, (const char *)data, (int32_t)n, &st);
    const UCharsetMatch *m = U_SUCCESS(st) ? ucsdet_detect(csd, &st) : NULL;
    if (m && U_SUCCESS(st) && ucsdet_getConfidence(m, &st) >= MIN_CONFIDENCE) {
      const char *icu = ucsdet_getName(m, &st);
      if (icu && U_SUCCESS(st)) name = S_iconv_name(icu, buf, buf_size);
    }
  }
  ucsdet_close(csd);
  return name ? name : "CP1252";
}

/* A few invalid sequences mean damaged UTF-8 (repaired with U+FFFD), many
 * a legacy page: more than one for every 32 bytes above 0x7F. */
int legacy_not_utf8(const unsigned char *data, size_t size) {
  if (docpipe_utf8_valid((const char *)data, size)) return 0;
  size_t bad = 0, high = 0;
  for (size_t i = 0; i < size && i < 1048576; i++)
    if (data[i] >= 0x80) high++;
  char *probe = docpipe_utf8_clean((const char *)data, size < 65536 ? size : 65536, NULL);
  if (probe) {
    for (const char *q = probe; (q = strstr(q, "\xEF\xBF\xBD")) != NULL; q += 3) bad++;
    docpipe_free(probe);
  }
  return bad * 4 > high / 8 + 2;
}

/* Doubles the output buffer *out of *cap bytes (+1 for the NUL); 0, or
 * -1 when memory runs out (*out freed). */
static int S_grow(char **out, size_t *cap) {
  char *bigger = realloc(*out, *cap * 2 + 1);
  if (!bigger) {
    docpipe_free(*out);
    return -1;
  }
  *out = bigger;
  *cap *= 2;
  return 0;
}

char *legacy_to_utf8(const char *from, const unsigned char *data, size_t size, size_t *out_len) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == (iconv_t)-1) return NULL;
  size_t cap = size * 3 + 16, used = 0;
  char *out = docpipe_malloc(cap + 1);
  char *in = (char *)data;
  size_t inleft = size;
  while (out && inleft > 0) {
    char *o = out + used;
    size_t oleft = cap - used;
    size_t r = iconv(cd, &in, &inleft, &o, &oleft);
    used = (size_t)(o - out);
    if (r != (size_t)-1) break;
    /* E2BIG: more room; EILSEQ or EINVAL (a truncated sequence): U+FFFD
     * for one byte, and go on */
    int full = errno == E2BIG;
    if ((full || cap - used < 3) && S_grow(&out, &cap) < 0) out = NULL;
    if (!out || full) continue;
    memcpy(out + used, "\xEF\xBF\xBD", 3);
    used += 3;
    in++;
    inleft--;
    iconv(cd, NULL, NULL, NULL, NULL);
  }
  /* Flush: CP1258 holds back a base letter waiting for a tone mark. */
  if (out && cap - used < 8 && S_grow(&out, &cap) < 0) out = NULL;
  if (out) {
    char *o = out + used;
    size_t oleft = cap - used;
    iconv(cd, NULL, NULL, &o, &oleft);
    used = (size_t)(o - out);
    out[used] = 0;
    *out_len = used;
  }
  iconv_close(cd);
  return out;
}

