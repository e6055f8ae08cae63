/* Error detail: a caller-owned struct instead of a global "last error",
 * so that plugins stay thread-safe. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

int docpipe_error_set(docpipe_error *err, int code, const char *fmt, ...) {
  if (err) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    /* One line, always: the CLI prints "docpipe: FILE: message". */
    for (char *p = err->message; *p; p++)
      if (*p == '\n' || *p == '\r') *p = ' ';
    err->code = code;
  }
  return code;
}

void docpipe_error_clear(docpipe_error *err) {
  if (err) {
    err->code = 0;
    err->message[0] = '\0';
  }
}

const char *docpipe_strerror(int code) {
  switch (code) {
  case DOCPIPE_OK: return "success";
  case DOCPIPE_ENOMEM: return "out of memory";
  case DOCPIPE_EINVAL: return "invalid argument";
  case DOCPIPE_EIO: return "input/output error";
  case DOCPIPE_EPARSE: return "invalid input";
  case DOCPIPE_ELIMIT: return "input exceeds a limit";
  case DOCPIPE_EUNSUPPORTED: return "not supported";
  case DOCPIPE_ENOTFOUND: return "not found";
  case DOCPIPE_EABI: return "plugin ABI mismatch";
  case DOCPIPE_EUSER: return "usage error";
  default: return "unknown error";
  }
}

void *docpipe_malloc(size_t size) { return malloc(size ? size : 1); }
void docpipe_free(void *ptr) { free(ptr); }

char *docpipe__strdup(const char *s) {
  if (!s) return NULL;
  size_t n = strlen(s) + 1;
  char *d = docpipe_malloc(n);
  if (d) memcpy(d, s, n);
  return d;
}
