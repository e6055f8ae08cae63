/* Document properties of the docx writer: docProps/core.xml (what Word,
 * LibreOffice and desktop search show), docProps/app.xml, and
 * docProps/custom.xml (every other key, and every core key whose core
 * form would not read back exactly).  The convention is in README.md. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "docx_w_ctx.h"
#include "value_json.h"

#define LIST_SEP "; "

/* Core keys and how core.xml holds them. */
typedef enum { CORE_STRING, CORE_DATE, CORE_LIST } core_form;

static const struct {
  const char *key;
  const char *element;
  core_form form;
} S_core[] = {
    {DOCPIPE_META_TITLE, "dc:title", CORE_STRING},
    {"subject", "dc:subject", CORE_STRING},
    {DOCPIPE_META_AUTHORS, "dc:creator", CORE_LIST},
    {DOCPIPE_META_TAGS, "cp:keywords", CORE_LIST},
    {DOCPIPE_META_DESCRIPTION, "dc:description", CORE_STRING},
    {DOCPIPE_META_LANGUAGE, "dc:language", CORE_STRING},
    {DOCPIPE_META_URL, "dc:identifier", CORE_STRING},
    {DOCPIPE_META_DATE, "dcterms:created", CORE_DATE},
};
#define NCORE (sizeof S_core / sizeof *S_core)

static int S_core_index(const char *key) {
  for (size_t i = 0; i < NCORE; i++)
    if (strcmp(S_core[i].key, key) == 0) return (int)i;
  return -1;
}

static int S_is_space(char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'; }

/* A string that reads back verbatim from element content: XML can carry
 * it, and a reader that trims would not change it. */
static int S_plain(const char *s) {
  size_t n = strlen(s);
  if (n == 0 || S_is_space(s[0]) || S_is_space(s[n - 1])) return 0;
  if (strchr(s, '\r')) return 0; /* parsers turn a raw CR into LF */
  return docx_w_xml_safe(s);
}

/* YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS[offset]: what both docpipe's date
 * rule and xsd:date/xsd:dateTime (dcterms:W3CDTF) accept. */
static int S_w3cdtf(const char *s) {
  if (!docpipe_date_iso_valid(s)) return 0;
  size_t n = strlen(s);
  if (n == 10) return 1;
  return n >= 19 && s[16] == ':';
}

/* 1 when core.xml can hold `v` so that the reader's rule gives it back. */
static int S_core_exact(const docpipe_value *v, core_form form) {
  if (form == CORE_LIST) {
    if (docpipe_value_kind_of(v) != DOCPIPE_VALUE_LIST || docpipe_value_count(v) == 0) return 0;
    for (size_t i = 0; i < docpipe_value_count(v); i++) {
      const char *s = docpipe_value_string(docpipe_value_at(v, i));
      if (!s || !S_plain(s) || strstr(s, LIST_SEP)) return 0;
      /* "a;" followed by " b" would not split back. */
      if (s[strlen(s) - 1] == ';') return 0;
    }
    return 1;
  }
  const char *s = docpipe_value_string(v);
  if (!s || !S_plain(s)) return 0;
  return form == CORE_DATE ? S_w3cdtf(s) : 1;
}

/* Whether core.xml gets the key at all: a lossy but readable form is
 * still worth showing in Word's property dialog. */
static int S_core_usable(const docpipe_value *v, core_form form) {
  if (form == CORE_LIST) {
    for (size_t i = 0; i < docpipe_value_count(v); i++)
      if (docpipe_value_string(docpipe_value_at(v, i))) return 1;
    return docpipe_value_kind_of(v) == DOCPIPE_VALUE_STRING;
  }
  const char *s = docpipe_value_string(v);
  if (!s) return 0;
  return form == CORE_DATE ? S_w3cdtf(s) : 1;
}

static void S_core_list(docx_xw *x, const char *element, const docpipe_value *v) {
  docpipe_buf b = DOCPIPE_BUF_INIT;
  int bad = 0;
  if (docpipe_value_kind_of(v) == DOCPIPE_VALUE_STRING) {
    bad |= docpipe_buf_puts(&b, docpipe_value_string(v));
  } else {
    size_t n = 0;
    for (size_t i = 0; i < docpipe_value_count(v); i++) {
      const char *s = docpipe_value_string(docpipe_value_at(v, i));
      if (!s) continue;
      if (n++) bad |= docpipe_buf_puts(&b, LIST_SEP);
      bad |= docpipe_buf_puts(&b, s);
    }
  }
  if (bad) {
    x->failed = 1;
  } else {
    docx_xw_elem_text(x, element, b.data ? b.data : "");
  }
  docpipe_buf_free(&b);
}

int docx_w_core(docx_w *c) {
  const docpipe_value *meta = docpipe_doc_meta(c->doc);
  docx_xw x;
  if (docx_xw_open(&x)) return docx_w_fail(c, DOCPIPE_ENOMEM, "out of memory");
  docx_xw_start(&x, "cp:coreProperties");
  docx_xw_attr(&x, "xmlns:cp",
               "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
  docx_xw_attr(&x, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
  docx_xw_attr(&x, "xmlns:dcterms", "http://purl.org/dc/terms/");
  docx_xw_attr(&x, "xmlns:dcmitype", "http://purl.org/dc/dcmitype/");
  docx_xw_attr(&x, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  for (size_t i = 0; i < NCORE; i++) {
    const docpipe_value *v = docpipe_value_get(meta, S_core[i].key);
    if (!v || !S_core_usable(v, S_core[i].form)) continue;
    switch (S_core[i].form) {
    case CORE_LIST:
      S_core_list(&x, S_core[i].element, v);
      break;
    case CORE_DATE:
      docx_xw_start(&x, S_core[i].element);
      docx_xw_attr(&x, "xsi:type", "dcterms:W3CDTF");
      docx_xw_text(&x, docpipe_value_string(v));
      docx_xw_end(&x);
      break;
    case CORE_STRING:
      docx_xw_elem_text(&x, S_core[i].element, docpipe_value_string(v));
      break;
    }
  }
  docx_xw_end(&x);
  return docx_xw_close_part(&x, c, "docProps/core.xml");
}

int docx_w_app(docx_w *c) {
  docx_xw x;
  if (docx_xw_open(&x)) return docx_w_fail(c, DOCPIPE_ENOMEM, "out of memory");
  docx_xw_start(&x, "Properties");
  docx_xw_attr(&x, "xmlns",
               "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
  docx_xw_attr(&x, "xmlns:vt",
               "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes");
  docx_xw_elem_text(&x, "Application", "docpipe");
  docx_xw_elem_text(&x, "DocSecurity", "0");
  const char *source = docpipe_meta_string(docpipe_doc_meta(c->doc), DOCPIPE_META_SOURCE);
  if (source) docx_xw_elem_text(&x, "Company", source);
  docx_xw_end(&x);
  return docx_xw_close_part(&x, c, "docProps/app.xml");
}

/* JSON text of `v`, readable UTF-8 when XML can carry it, else
 * ASCII-escaped.  Caller frees with free(). */
static char *S_json_text(const docpipe_value *v) {
  json_t *j = vjson_from_value(v);
  if (!j) return NULL;
  size_t flags = JSON_COMPACT | JSON_ENCODE_ANY;
  char *s = json_dumps(j, flags);
  if (s && !docx_w_xml_safe(s)) {
    free(s);
    s = json_dumps(j, flags | JSON_ENSURE_ASCII);
  }
  json_decref(j);
  return s;
}

int docx_w_custom(docx_w *c, int *written) {
  const docpipe_value *meta = docpipe_doc_meta(c->doc);
  docx_xw x;
  *written = 0;
  if (docx_xw_open(&x)) return docx_w_fail(c, DOCPIPE_ENOMEM, "out of memory");
  docx_xw_start(&x, "Properties");
  docx_xw_attr(&x, "xmlns",
               "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties");
  docx_xw_attr(&x, "xmlns:vt",
               "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes");
  long pid = 2;
  for (size_t i = 0; i < docpipe_value_count(meta); i++) {
    const char *key = docpipe_value_key_at(meta, i);
    const docpipe_value *v = docpipe_value_at(meta, i);
    int ci = S_core_index(key);
    if (ci >= 0 && strcmp(key, DOCPIPE_META_URL) != 0 && S_core_exact(v, S_core[ci].form)) continue;
    if (!docx_w_xml_safe(key)) {
      docpipe_args_warn(c->args, "docx: metadata key with control characters dropped");
      continue;
    }
    const char *s = docpipe_value_string(v);
    int as_json = !s || !docx_w_xml_safe(s);
    char *json = as_json ? S_json_text(v) : NULL;
    if (as_json && !json) {
      docx_xw_discard(&x);
      return docx_w_fail(c, DOCPIPE_ENOMEM, "out of memory");
    }
    docpipe_buf name = DOCPIPE_BUF_INIT;
    if (docpipe_buf_puts(&name, as_json ? "docpipe-json:" : "docpipe:") ||
        docpipe_buf_puts(&name, key)) {
      free(json);
      docpipe_buf_free(&name);
      docx_xw_discard(&x);
      return docx_w_fail(c, DOCPIPE_ENOMEM, "out of memory");
    }
    docx_xw_start(&x, "property");
    docx_xw_attr(&x, "fmtid", "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}");
    docx_xw_attr_int(&x, "pid", pid++);
    docx_xw_attr(&x, "name", name.data);
    docx_xw_elem_text(&x, "vt:lpwstr", as_json ? json : s);
    docx_xw_end(&x);
    free(json);
    docpipe_buf_free(&name);
  }
  /* Body facts docx has no place for (README.md, "docpipe-body:"). */
  const struct {
    const char *name;
    json_t *value;
    int wanted;
  } body[] = {{"docpipe-body:code-info", c->code_info, c->any_code_info},
              {"docpipe-body:list-tight", c->list_tight, json_array_size(c->list_tight) > 0}};
  for (size_t i = 0; i < sizeof body / sizeof *body; i++) {
    if (!body[i].wanted) continue;
    char *json = json_dumps(body[i].value, JSON_COMPACT);
    if (json && !docx_w_xml_safe(json)) {
      free(json);
      json = json_dumps(body[i].value, JSON_COMPACT | JSON_ENSURE_ASCII);
    }
    if (!json) {
      docx_xw_discard(&x);
      return docx_w_fail(c, DOCPIPE_ENOMEM, "out of memory");
    }
    docx_xw_start(&x, "property");
    docx_xw_attr(&x, "fmtid", "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}");
    docx_xw_attr_int(&x, "pid", pid++);
    docx_xw_attr(&x, "name", body[i].name);
    docx_xw_elem_text(&x, "vt:lpwstr", json);
    docx_xw_end(&x);
    free(json);
  }
  docx_xw_end(&x);
  if (pid == 2) {
    docx_xw_discard(&x);
    return 0;
  }
  *written = 1;
  return docx_xw_close_part(&x, c, "docProps/custom.xml");
}
