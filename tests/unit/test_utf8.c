/* UTF-8 validation, cleaning and NFC. */
#include <string.h>

#include "docpipe/docpipe.h"
#include "harness.h"

static void test_valid(void) {
  OK(docpipe_utf8_valid("Đề án 02", strlen("Đề án 02")), "Vietnamese");
  OK(!docpipe_utf8_valid("a\0b", 3), "NUL refused");
  OK(!docpipe_utf8_valid("\xED\xA0\x80", 3), "surrogate refused");
  OK(!docpipe_utf8_valid("\xF4\x90\x80\x80", 4), "past U+10FFFF refused");
  OK(!docpipe_utf8_valid("\xE1\xBB", 2), "truncated refused");
  OK(docpipe_utf8_valid("\xF0\x9F\x98\x80", 4), "emoji");
}

static void test_clean(void) {
  size_t n;
  char *s = docpipe_utf8_clean("ok\xFF\x01x\xC3", 7, &n);
  STR_EQ(s, "ok\xEF\xBF\xBDx\xEF\xBF\xBD", "bad bytes replaced, controls dropped");
  INT_EQ(n, strlen(s), "length");
  docpipe_free(s);
  s = docpipe_utf8_clean("a\0b\tc\r\n", 7, NULL);
  STR_EQ(s, "ab\tc\r\n", "NUL dropped, tab and line ends kept");
  docpipe_free(s);
  s = docpipe_utf8_clean("Ho\xCC\xA3\xCC\x82i", 7, NULL);
  STR_EQ(s, "Hội", "NFD composed");
  docpipe_free(s);
}

static void test_nfc(void) {
  int code = 0;
  OK(docpipe_utf8_nfc("\xFF", 1, NULL, &code) == NULL && code == DOCPIPE_EINVAL, "invalid");
  /* A precomposed letter followed by a combining mark still composes
   * (ê + U+0301 -> ế): the quick NFC test must not wave it through. */
  char *q = docpipe_utf8_nfc("\xC3\xAA\xCC\x81", 4, NULL, NULL);
  STR_EQ(q, "\xE1\xBA\xBF", "precomposed + combining mark");
  docpipe_free(q);
  q = docpipe_utf8_nfc("\xE2\x80\x80", 3, NULL, NULL); /* EN QUAD, a singleton */
  STR_EQ(q, "\xE2\x80\x82", "U+2000 becomes U+2002");
  docpipe_free(q);
  q = docpipe_utf8_nfc("Vi\xE1\xBB\x87t Nam \xE2\x80\x93 \xE2\x82\xAB", 18, NULL, NULL);
  STR_EQ(q, "Vi\xE1\xBB\x87t Nam \xE2\x80\x93 \xE2\x82\xAB", "NFC Vietnamese unchanged");
  docpipe_free(q);
  char *s = docpipe_utf8_nfc("\xE2\x84\xA6", 3, NULL, NULL); /* OHM SIGN */
  STR_EQ(s, "\xCE\xA9", "singleton decomposes to omega");
  docpipe_free(s);
}

int main(void) {
  RUN(test_valid);
  RUN(test_clean);
  RUN(test_nfc);
  return harness_summary();
}
