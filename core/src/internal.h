/* internal.h — helpers shared by the library's own files; never installed. */
#ifndef DOCPIPE_INTERNAL_H
#define DOCPIPE_INTERNAL_H

#include "docpipe/docpipe.h"
#include "docpipe/plugin.h"

/* A copy of `s[0..len)` made valid for the model: NFC, or NULL with
 * *code = EINVAL (invalid UTF-8 or NUL) / ENOMEM. */
char *docpipe__text_dup(const char *s, size_t len, int *code);

/* One pass over s[0..len): -1 when it is not valid UTF-8 or holds a NUL,
 * 1 when it is certainly NFC already, 0 when only the normaliser knows. */
int docpipe__utf8_scan(const char *s, size_t len);

/* 1 when y-m-d is a real day of the Gregorian calendar. */
int docpipe__calendar_day_valid(int y, int m, int d);

/* strdup through docpipe_malloc; NULL on ENOMEM or NULL input. */
char *docpipe__strdup(const char *s);

#endif
