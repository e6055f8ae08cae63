/* XML helpers of the docx writer: a thin layer over libxml2's
 * xmlTextWriter with a sticky error flag, and the XML 1.0 character check
 * (model text may hold C0 controls that XML cannot carry at all). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docx_w_ctx.h"

int docx_xw_open(docx_xw *x) {
  x->failed = 0;
  x->w = NULL;
  x->buf = xmlBufferCreateSize(4096);
  if (!x->buf) return DOCPIPE_ENOMEM;
  x->w = xmlNewTextWriterMemory(x->buf, 0);
  if (!x->w) {
    xmlBufferFree(x->buf);
    x->buf = NULL;
    return DOCPIPE_ENOMEM;
  }
  if (xmlTextWriterStartDocument(x->w, NULL, "UTF-8", "yes") < 0) x->failed = 1;
  return 0;
}

void docx_xw_discard(docx_xw *x) {
  if (x->w) xmlFreeTextWriter(x->w);
  if (x->buf) xmlBufferFree(x->buf);
  x->w = NULL;
  x->buf = NULL;
}

int docx_xw_close_part(docx_xw *x, docx_w *c, const char *name) {
  if (xmlTextWriterEndDocument(x->w) < 0) x->failed = 1;
  xmlFreeTextWriter(x->w); /* flushes into the buffer */
  x->w = NULL;
  if (x->failed) {
    docx_xw_discard(x);
    return docx_w_fail(c, DOCPIPE_ENOMEM, "cannot write %s", name);
  }
  size_t len = (size_t)xmlBufferLength(x->buf);
  unsigned char *data = malloc(len ? len : 1);
  if (!data) {
    docx_xw_discard(x);
    return docx_w_fail(c, DOCPIPE_ENOMEM, "out of memory");
  }
  memcpy(data, xmlBufferContent(x->buf), len);
  docx_xw_discard(x);
  return docx_w_add_part(c, name, data, len, 0);
}

void docx_xw_start(docx_xw *x, const char *name) {
  if (xmlTextWriterStartElement(x->w, BAD_CAST name) < 0) x->failed = 1;
}

void docx_xw_end(docx_xw *x) {
  if (xmlTextWriterEndElement(x->w) < 0) x->failed = 1;
}

void docx_xw_attr(docx_xw *x, const char *name, const char *value) {
  int rc;
  if (docx_w_xml_safe(value)) {
    rc = xmlTextWriterWriteAttribute(x->w, BAD_CAST name, BAD_CAST value);
  } else {
    char *clean = docx_w_xml_clean(value);
    if (!clean) {
      x->failed = 1;
      return;
    }
    rc = xmlTextWriterWriteAttribute(x->w, BAD_CAST name, BAD_CAST clean);
    free(clean);
  }
  if (rc < 0) x->failed = 1;
}

void docx_xw_attr_int(docx_xw *x, const char *name, long value) {
  char num[32];
  snprintf(num, sizeof num, "%ld", value);
  if (xmlTextWriterWriteAttribute(x->w, BAD_CAST name, BAD_CAST num) < 0) x->failed = 1;
}

void docx_xw_text(docx_xw *x, const char *s) {
  int rc;
  if (docx_w_xml_safe(s)) {
    rc = xmlTextWriterWriteString(x->w, BAD_CAST s);
  } else {
    char *clean = docx_w_xml_clean(s);
    if (!clean) {
      x->failed = 1;
      return;
    }
    rc = xmlTextWriterWriteString(x->w, BAD_CAST clean);
    free(clean);
  }
  if (rc < 0) x->failed = 1;
}

void docx_xw_empty(docx_xw *x, const char *name, const char *attr, const char *value) {
  docx_xw_start(x, name);
  if (attr) docx_xw_attr(x, attr, value);
  docx_xw_end(x);
}

void docx_xw_empty_int(docx_xw *x, const char *name, const char *attr, long value) {
  docx_xw_start(x, name);
  docx_xw_attr_int(x, attr, value);
  docx_xw_end(x);
}

void docx_xw_elem_text(docx_xw *x, const char *name, const char *text) {
  docx_xw_start(x, name);
  docx_xw_text(x, text);
  docx_xw_end(x);
}

/* Length of the character at `p` that XML 1.0 forbids, or 0 when the
 * character is allowed.  The input is valid UTF-8 (the model checks), so
 * only C0 controls and U+FFFE/U+FFFF need looking at. */
static size_t S_bad_char(const unsigned char *p) {
  if (p[0] < 0x20) return (p[0] == '\t' || p[0] == '\n' || p[0] == '\r') ? 0 : 1;
  if (p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF)) return 3;
  return 0;
}

int docx_w_xml_safe(const char *s) {
  if (!s) return 1;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++)
    if ((*p < 0x20 || *p == 0xEF) && S_bad_char(p)) return 0;
  return 1;
}

char *docx_w_xml_clean(const char *s) {
  size_t n = strlen(s);
  char *out = malloc(n + 1);
  if (!out) return NULL;
  const unsigned char *p = (const unsigned char *)s;
  size_t o = 0;
  while (*p) {
    size_t bad = S_bad_char(p);
    if (bad) {
      p += bad;
    } else {
      out[o++] = (char)*p++;
    }
  }
  out[o] = '\0';
  return out;
}
