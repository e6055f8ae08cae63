/* html_write.h — the html writer's internal parts, shared by its files only.
 *
 *   html_write.c       the page skeleton and the body (blocks and inlines)
 *   html_write_meta.c  <head> meta tags, the JSON-LD block, the article header
 *   html_write_esc.c   escaping, URL and language-tag checks
 *   html_write_ld.c    reading docpipe:meta back (used by the html reader)
 *
 * The JSON-LD block carries the whole metadata map, as the json plugin
 * writes it, under the property HTML_W_META_PROPERTY, so that a page the
 * writer made can be read back without loss (html -> json -> html). */
#ifndef DOCPIPE_PLUGIN_HTML_WRITE_H
#define DOCPIPE_PLUGIN_HTML_WRITE_H

#include <string.h>

#include "html.h"

#define HTML_W_META_PROPERTY "docpipe:meta"

/* html_write_esc.c */

/* Appends `s[0..len)` escaped for text content or a double-quoted
 * attribute value (& < > and, with `attr`, "), dropping the characters
 * HTML forbids (C0/C1 controls other than tab and newline, noncharacters);
 * a CR or CR LF becomes LF.  `s` is valid UTF-8 (the model guarantees it). */
int html_w_escape(docpipe_buf *out, const char *s, size_t len, int attr);
static inline int html_w_text(docpipe_buf *out, const char *s) {
  return html_w_escape(out, s, strlen(s), 0);
}
static inline int html_w_attr(docpipe_buf *out, const char *s) {
  return html_w_escape(out, s, strlen(s), 1);
}
/* Appends ` name="value"` (escaped). */
int html_w_attribute(docpipe_buf *out, const char *name, const char *value);

/* Appends ` name="url"`, percent-encoding what a URL may not hold. */
int html_w_url_attribute(docpipe_buf *out, const char *name, const char *url);

/* 1 when `url` may be written as a link or image source: not empty and not
 * a script scheme (javascript:, vbscript:, and data: except raster images
 * when `image`).  The page must run no script. */
int html_w_url_ok(const char *url, int image);

/* 1 when `s` looks like a BCP 47 tag (letters, digits, hyphens). */
int html_w_lang_ok(const char *s);

/* html_write_meta.c */

/* Appends everything inside <head>. */
int html_w_head(docpipe_buf *out, const docpipe_doc *doc, docpipe_error *err);
/* Appends the article's <header> (headline, subtitle, byline line), or
 * nothing when the metadata has none of them. */
int html_w_header(docpipe_buf *out, const docpipe_value *meta);

/* html_write_ld.c — for the html reader.  When the JSON-LD text `text`
 * (as found in a <script type="application/ld+json">) holds a
 * HTML_W_META_PROPERTY object, stores it as a new metadata map in `*out`
 * (the caller frees it) and returns 1: that map is the page's whole
 * metadata, and the first <header> of its <article> (headline, subtitle,
 * byline built from that metadata) is not body.  Returns 0 when there is
 * no such property or the text is not JSON, DOCPIPE_ENOMEM when memory
 * runs out.  Numbers and booleans become strings, nulls are dropped, as
 * the json reader does. */
int html_w_meta_from_jsonld(const char *text, size_t len, docpipe_value **out);

#endif
