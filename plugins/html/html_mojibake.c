/* UTF-8 encoded twice: a page's UTF-8 bytes once read as Latin-1 and
 * written out as UTF-8 again, so that "—" (E2 80 94) is served as
 * "â\u0080\u0094" (C3 A2 C2 80 C2 94).  Scraped pages and old CMS exports
 * carry this; the page is valid UTF-8, so no charset rule sees it.
 *
 * A sequence is repaired only when it is certain: a lead character
 * U+00C2-U+00F4 followed by the continuation characters U+0080-U+00BF its
 * byte would need, the bytes together form one valid UTF-8 character, and
 * at least one of them is a C1 control (U+0080-U+009F), which real text
 * never holds.  Once a page has shown such a sequence, the two-character
 * ones "Â"/"Ã" + U+00A0-U+00BF (Â  for a no-break space, Ã© for é) are
 * repaired too: on their own they could be real text. */
#include <stdlib.h>
#include <string.h>

#include "html_reader.h"

/* The code point of the 2-byte UTF-8 sequence at p (U+0080-U+07FF), or -1. */
static int S_latin(const unsigned char *p, size_t avail) {
  if (avail < 2 || (p[0] != 0xC2 && p[0] != 0xC3) || (p[1] & 0xC0) != 0x80) return -1;
  return ((p[0] & 0x1F) << 6) | (p[1] & 0x3F);
}

/* Length in bytes of the double-encoded character at p (its repair is
 * written to out[0..*n)), or 0. */
static size_t S_match(const unsigned char *p, size_t avail, int page_is_double, unsigned char *out,
                      size_t *n) {
  int lead = S_latin(p, avail);
  if (lead < 0xC2 || lead > 0xF4) return 0;
  size_t need = lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3, used = 2;
  int c1 = 0;
  out[0] = (unsigned char)lead;
  for (size_t k = 1; k <= need; k++) {
    int c = S_latin(p + used, avail - used);
    if (c < 0x80 || c > 0xBF) return 0;
    c1 |= c <= 0x9F;
    out[k] = (unsigned char)c;
    used += 2;
  }
  if (!c1 && !(page_is_double && need == 1 && (lead == 0xC2 || lead == 0xC3))) return 0;
  if (!docpipe_utf8_valid((const char *)out, need + 1)) return 0; /* overlong, surrogate */
  *n = need + 1;
  return used;
}

char *html_repair_double_utf8(const char *s, size_t len, size_t *out_len) {
  const unsigned char *p = (const unsigned char *)s;
  unsigned char fix[4];
  size_t n, i;
  /* a certain sequence first, or the page is left alone */
  for (i = 0; i + 4 <= len; i++)
    if (p[i] == 0xC3 && S_match(p + i, len - i, 0, fix, &n)) break;
  if (i + 4 > len) return NULL;
  char *out = docpipe_malloc(len + 1);
  if (!out) return NULL; /* out of memory: the page as it is */
  size_t o = 0;
  for (i = 0; i < len;) {
    size_t used = p[i] == 0xC3 ? S_match(p + i, len - i, 1, fix, &n) : 0;
    if (used) {
      memcpy(out + o, fix, n);
      o += n;
      i += used;
    } else {
      out[o++] = (char)p[i++];
    }
  }
  out[o] = '\0';
  *out_len = o;
  return out;
}
