/* Growable byte buffers: what writers write into. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static int S_grow(docpipe_buf *buf, size_t extra) {
  if (extra >= SIZE_MAX / 2 - buf->len) return DOCPIPE_ENOMEM;
  size_t need = buf->len + extra + 1;
  if (need <= buf->cap) return 0;
  size_t cap = buf->cap ? buf->cap : 64;
  while (cap < need) cap *= 2;
  char *p = realloc(buf->data, cap);
  if (!p) return DOCPIPE_ENOMEM;
  buf->data = p;
  buf->cap = cap;
  return 0;
}

int docpipe_buf_append(docpipe_buf *buf, const void *data, size_t len) {
  if (!buf) return DOCPIPE_EINVAL;
  if (S_grow(buf, len)) return DOCPIPE_ENOMEM;
  if (len) memcpy(buf->data + buf->len, data, len);
  buf->len += len;
  buf->data[buf->len] = '\0';
  return 0;
}

int docpipe_buf_puts(docpipe_buf *buf, const char *s) {
  return docpipe_buf_append(buf, s, s ? strlen(s) : 0);
}

int docpipe_buf_vprintf(docpipe_buf *buf, const char *fmt, va_list ap) {
  if (!buf) return DOCPIPE_EINVAL;
  va_list ap2;
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap2);
  va_end(ap2);
  if (n < 0) return DOCPIPE_EINVAL;
  if (S_grow(buf, (size_t)n)) return DOCPIPE_ENOMEM;
  vsnprintf(buf->data + buf->len, (size_t)n + 1, fmt, ap);
  buf->len += (size_t)n;
  return 0;
}

int docpipe_buf_printf(docpipe_buf *buf, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int rc = docpipe_buf_vprintf(buf, fmt, ap);
  va_end(ap);
  return rc;
}

void docpipe_buf_reset(docpipe_buf *buf) {
  if (!buf) return;
  buf->len = 0;
  if (buf->data) buf->data[0] = '\0';
}

void docpipe_buf_free(docpipe_buf *buf) {
  if (!buf) return;
  free(buf->data);
  buf->data = NULL;
  buf->len = buf->cap = 0;
}

char *docpipe_buf_detach(docpipe_buf *buf, size_t *len) {
  if (!buf) return NULL;
  if (!buf->data && S_grow(buf, 0)) return NULL;
  if (!buf->len) buf->data[0] = '\0';
  char *d = buf->data;
  if (len) *len = buf->len;
  buf->data = NULL;
  buf->len = buf->cap = 0;
  return d;
}
