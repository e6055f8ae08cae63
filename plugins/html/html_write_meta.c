/* The metadata of the html writer's page: <head> meta tags for the tools
 * that read them (search engines, Zotero, social previews, docpipe's own
 * reader), a schema.org NewsArticle in JSON-LD that also carries the whole
 * metadata map for lossless round trips, and the visible article header. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "html_write.h"
#include "value_json.h"

static const char *S_str(const docpipe_value *meta, const char *key) {
  const char *s = docpipe_meta_string(meta, key);
  return s && *s ? s : NULL;
}

/* The date for machine-readable fields, only when it is ISO 8601 (the
 * whole map, verbatim, is in the docpipe:meta property anyway). */
static const char *S_iso_date(const docpipe_value *meta) {
  const char *d = S_str(meta, DOCPIPE_META_DATE);
  return d && docpipe_date_iso_valid(d) ? d : NULL;
}

static void S_set_str(json_t *o, const char *key, const char *s) {
  if (s && *s) json_object_set_new(o, key, json_string(s));
}

static json_t *S_named(const char *type, const char *name) {
  return json_pack("{s:s, s:s}", "@type", type, "name", name);
}

/* A cited document as schema.org Legislation. */
static json_t *S_citation(const docpipe_value *rec) {
  const char *code = S_str(rec, "code"), *text = S_str(rec, "text");
  if (!code && !text) return NULL;
  json_t *c = json_object();
  if (!c) return NULL;
  S_set_str(c, "@type", "Legislation");
  S_set_str(c, "name", text ? text : code);
  S_set_str(c, "legislationIdentifier", code);
  S_set_str(c, "legislationType", S_str(rec, "type"));
  const char *date = S_str(rec, "date");
  if (date && docpipe_date_iso_valid(date)) S_set_str(c, "legislationDate", date);
  const char *issuer = S_str(rec, "issuer");
  if (issuer) json_object_set_new(c, "legislationPassedBy", S_named("Organization", issuer));
  return c;
}

static json_t *S_jsonld(const docpipe_value *meta, const char *title) {
  json_t *o = json_object();
  if (!o) return NULL;
  S_set_str(o, "@context", "https://schema.org");
  S_set_str(o, "@type", "NewsArticle");
  S_set_str(o, "headline", title);
  S_set_str(o, "alternativeHeadline", S_str(meta, DOCPIPE_META_SUBTITLE));
  S_set_str(o, "description", S_str(meta, DOCPIPE_META_DESCRIPTION));
  S_set_str(o, "datePublished", S_iso_date(meta));
  size_t n = docpipe_meta_list_count(meta, DOCPIPE_META_AUTHORS);
  if (n) {
    json_t *a = json_array();
    for (size_t i = 0; a && i < n; i++) {
      const char *name = docpipe_meta_list_item(meta, DOCPIPE_META_AUTHORS, i);
      if (name && *name) json_array_append_new(a, S_named("Person", name));
    }
    if (a) json_object_set_new(o, "author", a);
  }
  const char *source = S_str(meta, DOCPIPE_META_SOURCE);
  if (source) json_object_set_new(o, "publisher", S_named("Organization", source));
  const char *url = S_str(meta, DOCPIPE_META_URL);
  if (url && !html_w_url_ok(url, 0)) url = NULL;
  S_set_str(o, "url", url);
  S_set_str(o, "mainEntityOfPage", url);
  S_set_str(o, "inLanguage", S_str(meta, DOCPIPE_META_LANGUAGE));
  n = docpipe_meta_list_count(meta, DOCPIPE_META_TAGS);
  if (n) {
    json_t *k = json_array();
    for (size_t i = 0; k && i < n; i++) {
      const char *t = docpipe_meta_list_item(meta, DOCPIPE_META_TAGS, i);
      if (t && *t) json_array_append_new(k, json_string(t));
    }
    if (k) json_object_set_new(o, "keywords", k);
  }
  const docpipe_value *dec = docpipe_value_get(meta, DOCPIPE_META_DECISIONS);
  if (docpipe_value_kind_of(dec) == DOCPIPE_VALUE_LIST && docpipe_value_count(dec)) {
    json_t *c = json_array();
    for (size_t i = 0; c && i < docpipe_value_count(dec); i++) {
      json_t *x = S_citation(docpipe_value_at(dec, i));
      if (x) json_array_append_new(c, x);
    }
    if (c) json_object_set_new(o, "citation", c);
  }
  /* always present, even empty: it tells a reader that this is the whole
   * metadata, so nothing is to be guessed from the page (no title from
   * the <title> fallback) */
  json_t *all = vjson_from_value(meta);
  if (all) json_object_set_new(o, HTML_W_META_PROPERTY, all);
  return o;
}

/* The JSON text inside <script>: '<' becomes \u003c, so neither "</script"
 * nor "<!--" can end or confuse the script element; DEL and C1 controls,
 * which jansson leaves raw but HTML forbids, are escaped too.  Outside
 * strings JSON has none of these characters, so escaping is always safe. */
static int S_put_script_json(docpipe_buf *out, const char *js) {
  const unsigned char *s = (const unsigned char *)js;
  size_t i = 0, run = 0;
  int rc = 0;
  while (s[i] && !rc) {
    unsigned cp = 0;
    size_t n = 1;
    if (s[i] == '<' || s[i] == 0x7F) cp = s[i];
    else if (s[i] == 0xC2 && s[i + 1] >= 0x80 && s[i + 1] <= 0x9F) cp = s[i + 1], n = 2;
    if (cp) {
      rc = docpipe_buf_append(out, s + run, i - run);
      if (!rc) rc = docpipe_buf_printf(out, "\\u%04x", cp);
      run = i + n;
    }
    i += n;
  }
  if (!rc) rc = docpipe_buf_append(out, s + run, i - run);
  return rc;
}

static int S_meta(docpipe_buf *out, const char *attr, const char *name, const char *content) {
  if (!content || !*content) return 0;
  int rc = docpipe_buf_puts(out, "<meta");
  if (!rc) rc = html_w_attribute(out, attr, name);
  if (!rc) rc = html_w_attribute(out, "content", content);
  if (!rc) rc = docpipe_buf_puts(out, ">\n");
  return rc;
}

/* A <title> is required; without a title in the metadata, the first
 * heading, else the start of the first paragraph, else "Untitled". */
static char *S_fallback_title(const docpipe_doc *doc) {
  const docpipe_node *pick = NULL;
  for (const docpipe_node *n = docpipe_node_first_child(docpipe_doc_root(doc)); n;
       n = docpipe_node_next(n)) {
    docpipe_node_type t = docpipe_node_type_of(n);
    if (t == DOCPIPE_NODE_HEADING) {
      pick = n;
      break;
    }
    if (t == DOCPIPE_NODE_PARAGRAPH && !pick) pick = n;
  }
  char *s = pick ? docpipe_node_text_content(pick) : NULL;
  if (!s) return NULL;
  for (char *p = s; *p; p++)
    if (*p == '\n' || *p == '\t') *p = ' ';
  size_t len = strlen(s);
  if (len > 100) {
    /* cut at a space near 100 bytes (never inside a character), leaving
     * room for the ellipsis */
    size_t cut = 97;
    while (cut > 40 && s[cut] != ' ') cut--;
    while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80) cut--;
    memcpy(s + cut, "…", sizeof "…");
  }
  return s;
}

int html_w_head(docpipe_buf *out, const docpipe_doc *doc, docpipe_error *err) {
  const docpipe_value *meta = docpipe_doc_meta(doc);
  const char *title = S_str(meta, DOCPIPE_META_TITLE);
  const char *desc = S_str(meta, DOCPIPE_META_DESCRIPTION);
  const char *date = S_iso_date(meta);
  const char *source = S_str(meta, DOCPIPE_META_SOURCE);
  const char *url = S_str(meta, DOCPIPE_META_URL);
  char *fallback = NULL;
  if (url && !html_w_url_ok(url, 0)) url = NULL;
  int rc = docpipe_buf_puts(out, "<meta charset=\"utf-8\">\n"
                                 "<meta name=\"viewport\" content=\"width=device-width, "
                                 "initial-scale=1\">\n<title>");
  if (!title) fallback = S_fallback_title(doc);
  const char *shown = title ? title : fallback && *fallback ? fallback : "Untitled";
  if (!rc) rc = html_w_text(out, shown);
  free(fallback);
  if (!rc) rc = docpipe_buf_puts(out, "</title>\n");
  if (!rc) rc = S_meta(out, "name", "generator", "docpipe");
  if (!rc) rc = S_meta(out, "name", "description", desc);
  size_t n = docpipe_meta_list_count(meta, DOCPIPE_META_AUTHORS);
  for (size_t i = 0; i < n && !rc; i++)
    rc = S_meta(out, "name", "author", docpipe_meta_list_item(meta, DOCPIPE_META_AUTHORS, i));
  n = docpipe_meta_list_count(meta, DOCPIPE_META_TAGS);
  if (n && !rc) {
    docpipe_buf kw = DOCPIPE_BUF_INIT;
    for (size_t i = 0; i < n && !rc; i++) {
      const char *t = docpipe_meta_list_item(meta, DOCPIPE_META_TAGS, i);
      if (!t || !*t) continue;
      if (kw.len) rc = docpipe_buf_puts(&kw, ", ");
      if (!rc) rc = docpipe_buf_puts(&kw, t);
    }
    if (!rc && kw.len) rc = S_meta(out, "name", "keywords", kw.data);
    docpipe_buf_free(&kw);
  }
  if (!rc) rc = S_meta(out, "name", "dc.title", title);
  if (!rc) rc = S_meta(out, "name", "dc.date", date);
  if (!rc) rc = S_meta(out, "name", "dc.publisher", source);
  if (!rc) rc = S_meta(out, "name", "dc.language", S_str(meta, DOCPIPE_META_LANGUAGE));
  const docpipe_value *dec = docpipe_value_get(meta, DOCPIPE_META_DECISIONS);
  for (size_t i = 0; i < docpipe_value_count(dec) && !rc; i++) {
    const docpipe_value *r = docpipe_value_at(dec, i);
    const char *code = S_str(r, "code");
    rc = S_meta(out, "name", "dcterms.references", code ? code : S_str(r, "text"));
  }
  if (!rc) rc = S_meta(out, "property", "og:type", "article");
  if (!rc) rc = S_meta(out, "property", "og:title", title);
  if (!rc) rc = S_meta(out, "property", "og:description", desc);
  if (!rc) rc = S_meta(out, "property", "og:url", url);
  if (!rc) rc = S_meta(out, "property", "og:site_name", source);
  if (!rc) rc = S_meta(out, "property", "article:published_time", date);
  n = docpipe_meta_list_count(meta, DOCPIPE_META_TAGS);
  for (size_t i = 0; i < n && !rc; i++)
    rc = S_meta(out, "property", "article:tag", docpipe_meta_list_item(meta, DOCPIPE_META_TAGS, i));
  if (!rc && url) {
    rc = docpipe_buf_puts(out, "<link rel=\"canonical\"");
    if (!rc) rc = html_w_url_attribute(out, "href", url);
    if (!rc) rc = docpipe_buf_puts(out, ">\n");
  }
  if (rc) return docpipe_error_set(err, rc, "html writer: out of memory");

  json_t *ld = S_jsonld(meta, title);
  char *js = ld ? json_dumps(ld, JSON_INDENT(1) | JSON_PRESERVE_ORDER) : NULL;
  json_decref(ld);
  if (!js) return docpipe_error_set(err, DOCPIPE_ENOMEM, "html writer: out of memory (JSON-LD)");
  rc = docpipe_buf_puts(out, "<script type=\"application/ld+json\">\n");
  if (!rc) rc = S_put_script_json(out, js);
  if (!rc) rc = docpipe_buf_puts(out, "\n</script>\n");
  free(js);
  if (!rc)
    rc = docpipe_buf_puts(out,
                          "<style>\n"
                          "body{margin:0 auto;max-width:46em;padding:1em;font:1.1em/1.6 serif}\n"
                          "header .byline{color:#555;font-size:.9em}\n"
                          "figure{margin:1em 0}img{max-width:100%;height:auto}\n"
                          "table{border-collapse:collapse}th,td{border:1px solid #999;"
                          "padding:.2em .5em}\n"
                          "pre{overflow:auto}blockquote{margin-left:1em;padding-left:1em;"
                          "border-left:3px solid #ccc}\n"
                          "</style>\n");
  if (rc) return docpipe_error_set(err, rc, "html writer: out of memory");
  return 0;
}

int html_w_header(docpipe_buf *out, const docpipe_value *meta) {
  const char *title = S_str(meta, DOCPIPE_META_TITLE);
  const char *subtitle = S_str(meta, DOCPIPE_META_SUBTITLE);
  const char *date = S_str(meta, DOCPIPE_META_DATE);
  const char *date_text = S_str(meta, DOCPIPE_META_DATE_TEXT);
  const char *source = S_str(meta, DOCPIPE_META_SOURCE);
  const char *url = S_str(meta, DOCPIPE_META_URL);
  size_t nauth = docpipe_meta_list_count(meta, DOCPIPE_META_AUTHORS);
  if (url && !html_w_url_ok(url, 0)) url = NULL;
  if (!title && !subtitle && !date && !date_text && !source && !url && !nauth) return 0;

  int rc = docpipe_buf_puts(out, "<header>\n");
  if (!rc && title) {
    rc = docpipe_buf_puts(out, "<h1>");
    if (!rc) rc = html_w_text(out, title);
    if (!rc) rc = docpipe_buf_puts(out, "</h1>\n");
  }
  if (!rc && subtitle) {
    rc = docpipe_buf_puts(out, "<p class=\"subtitle\">");
    if (!rc) rc = html_w_text(out, subtitle);
    if (!rc) rc = docpipe_buf_puts(out, "</p>\n");
  }
  if (rc || (!date && !date_text && !source && !url && !nauth)) goto done;

  /* the byline: date · authors · source, each marked up for machines */
  rc = docpipe_buf_puts(out, "<p class=\"byline\">");
  int parts = 0;
  if (!rc && (date || date_text)) {
    int iso = date && docpipe_date_iso_valid(date);
    rc = docpipe_buf_puts(out, iso ? "<time" : "<span class=\"date\"");
    if (!rc && iso) rc = html_w_attribute(out, "datetime", date);
    if (!rc) rc = docpipe_buf_puts(out, ">");
    if (!rc) rc = html_w_text(out, date_text ? date_text : date);
    if (!rc) rc = docpipe_buf_puts(out, iso ? "</time>" : "</span>");
    parts++;
  }
  int first = 1;
  for (size_t i = 0; i < nauth && !rc; i++) {
    const char *a = docpipe_meta_list_item(meta, DOCPIPE_META_AUTHORS, i);
    if (!a || !*a) continue;
    rc = docpipe_buf_puts(out, first ? (parts ? " · " : "") : ", ");
    if (!rc) rc = docpipe_buf_puts(out, "<span class=\"author\">");
    if (!rc) rc = html_w_text(out, a);
    if (!rc) rc = docpipe_buf_puts(out, "</span>");
    if (first) parts++;
    first = 0;
  }
  if (!rc && (source || url)) {
    rc = docpipe_buf_puts(out, parts ? " · " : "");
    if (!rc) rc = docpipe_buf_puts(out, url ? "<a class=\"source\"" : "<span class=\"source\"");
    if (!rc && url) rc = html_w_url_attribute(out, "href", url);
    if (!rc) rc = docpipe_buf_puts(out, ">");
    if (!rc) rc = html_w_text(out, source ? source : url);
    if (!rc) rc = docpipe_buf_puts(out, url ? "</a>" : "</span>");
  }
  if (!rc) rc = docpipe_buf_puts(out, "</p>\n");
done:
  if (!rc) rc = docpipe_buf_puts(out, "</header>\n");
  return rc;
}
