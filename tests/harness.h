/* harness.h — a tiny test harness in the spirit of cmark's api_test.
 *
 *     static void test_something(void) { OK(x == 1, "x is one"); INT_EQ(a, b, "sizes"); }
 *     int main(void) { RUN(test_something); return harness_summary(); }
 *
 * Each failed check prints its file, line, message and the values; the
 * summary prints "N passed, N failed" and the exit code is 1 on any
 * failure.  SKIP_ALL exits 77, which ctest reports as skipped. */
#ifndef DOCPIPE_TEST_HARNESS_H
#define DOCPIPE_TEST_HARNESS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int harness_passed, harness_failed;

static void harness_check(int ok, const char *file, int line, const char *msg) {
  if (ok) {
    harness_passed++;
  } else {
    harness_failed++;
    fprintf(stderr, "FAIL %s:%d: %s\n", file, line, msg);
  }
}

#define OK(cond, msg) harness_check(!!(cond), __FILE__, __LINE__, (msg))

#define INT_EQ(got, want, msg)                                                           \
  do {                                                                                   \
    long long g_ = (long long)(got), w_ = (long long)(want);                             \
    harness_check(g_ == w_, __FILE__, __LINE__, (msg));                                  \
    if (g_ != w_) fprintf(stderr, "     got %lld, want %lld\n", g_, w_);                 \
  } while (0)

#define STR_EQ(got, want, msg)                                                           \
  do {                                                                                   \
    const char *g_ = (got), *w_ = (want);                                                \
    int same_ = (g_ == NULL && w_ == NULL) || (g_ && w_ && strcmp(g_, w_) == 0);         \
    harness_check(same_, __FILE__, __LINE__, (msg));                                     \
    if (!same_) fprintf(stderr, "     got  \"%s\"\n     want \"%s\"\n", g_ ? g_ : "(null)", \
                        w_ ? w_ : "(null)");                                             \
  } while (0)

#define RUN(fn)                                                                          \
  do {                                                                                   \
    int before_ = harness_failed;                                                        \
    fn();                                                                                \
    if (harness_failed != before_) fprintf(stderr, "  in %s\n", #fn);                   \
  } while (0)

#define SKIP_ALL(why)                                                                    \
  do {                                                                                   \
    printf("SKIP: %s\n", (why));                                                         \
    exit(77);                                                                            \
  } while (0)

static int harness_summary(void) {
  printf("%d passed, %d failed\n", harness_passed, harness_failed);
  return harness_failed ? 1 : 0;
}

#endif
