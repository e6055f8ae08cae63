/* Escaping for the html writer.  The output must be valid HTML5 whatever
 * the document holds, so characters the syntax forbids are dropped here
 * rather than trusted to every caller. */
#include <string.h>
#include <strings.h>

#include "html_write.h"

/* Decodes one UTF-8 sequence at s[i] (valid input); returns its length. */
static size_t S_decode(const unsigned char *s, size_t i, size_t len, unsigned *cp) {
  unsigned c = s[i];
  size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (i + n > len) n = len - i;
  unsigned v = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
  for (size_t k = 1; k < n; k++) v = (v << 6) | (s[i + k] & 0x3F);
  *cp = v;
  return n;
}

/* HTML5 calls these parse errors in text and attributes. */
static int S_forbidden(unsigned cp) {
  if (cp < 0x20) return cp != '\t' && cp != '\n' && cp != '\r';
  if (cp >= 0x7F && cp <= 0x9F) return 1;
  if (cp >= 0xFDD0 && cp <= 0xFDEF) return 1;
  if ((cp & 0xFFFE) == 0xFFFE) return 1;
  return 0;
}

int html_w_escape(docpipe_buf *out, const char *str, size_t len, int attr) {
  const unsigned char *s = (const unsigned char *)str;
  size_t i = 0, run = 0; /* s[run..i) is pending, copied verbatim */
  int rc = 0;
  while (i < len && !rc) {
    const char *rep = NULL;
    size_t n = 1;
    unsigned cp = s[i];
    switch (s[i]) {
    case '&': rep = "&amp;"; break;
    case '<': rep = "&lt;"; break;
    case '>': rep = "&gt;"; break;
    case '"': rep = attr ? "&quot;" : NULL; break;
    case '\r': rep = (i + 1 < len && s[i + 1] == '\n') ? "" : "\n"; break;
    default:
      if (s[i] >= 0x80) n = S_decode(s, i, len, &cp);
      if (S_forbidden(cp)) rep = "";
    }
    if (rep) {
      rc = docpipe_buf_append(out, s + run, i - run);
      if (!rc) rc = docpipe_buf_puts(out, rep);
      run = i + n;
    }
    i += n;
  }
  if (!rc) rc = docpipe_buf_append(out, s + run, len - run);
  return rc;
}

int html_w_attribute(docpipe_buf *out, const char *name, const char *value) {
  int rc = docpipe_buf_printf(out, " %s=\"", name);
  if (!rc) rc = html_w_attr(out, value);
  if (!rc) rc = docpipe_buf_puts(out, "\"");
  return rc;
}

static int S_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int html_w_url_attribute(docpipe_buf *out, const char *name, const char *url) {
  /* Characters a URL may not hold are percent-encoded (a space in a file
   * name is common in scraped pages, brackets in query strings); the rest,
   * non-ASCII included, stays.  Brackets stay in the host (IPv6 literals)
   * and a '%' that already starts an escape stays.  Surrounding spaces are
   * dropped, as browsers do. */
  static const char bad[] = " \"<>`{}|\\^";
  while (*url && (unsigned char)*url <= ' ') url++;
  size_t len = strlen(url);
  while (len && (unsigned char)url[len - 1] <= ' ') len--;
  size_t path = 0; /* where the host ends */
  const char *auth = strstr(url, "//");
  /* an authority follows "//" at the start or right after "scheme:" */
  if (auth && (size_t)(auth - url) < len &&
      (auth == url || (auth[-1] == ':' && strcspn(url, "/?#") == (size_t)(auth - url)))) {
    path = (size_t)(auth - url) + 2;
    while (path < len && !strchr("/?#", url[path])) path++;
  }
  int rc = docpipe_buf_printf(out, " %s=\"", name);
  size_t run = 0;
  for (size_t i = 0; i < len && !rc; i++) {
    unsigned char c = (unsigned char)url[i];
    int enc = c <= ' ' || c == 0x7F || strchr(bad, c) || ((c == '[' || c == ']') && i >= path) ||
              (c == '%' && !(i + 2 < len && S_hex(url[i + 1]) && S_hex(url[i + 2])));
    if (!enc) continue;
    rc = html_w_escape(out, url + run, i - run, 1);
    if (!rc) rc = docpipe_buf_printf(out, "%%%02X", c);
    run = i + 1;
  }
  if (!rc) rc = html_w_escape(out, url + run, len - run, 1);
  if (!rc) rc = docpipe_buf_puts(out, "\"");
  return rc;
}

int html_w_url_ok(const char *url, int image) {
  /* The scheme as a browser sees it: leading spaces and controls skipped,
   * tabs and newlines inside ignored ("java\tscript:"). */
  char scheme[16];
  size_t k = 0;
  const char *p = url;
  while (*p && (unsigned char)*p <= ' ') p++;
  if (!*p) return 0;
  for (; *p && *p != ':' && k < sizeof scheme - 1; p++) {
    if (*p == '\t' || *p == '\n' || *p == '\r') continue;
    if (*p == '/' || *p == '?' || *p == '#') return 1; /* relative: no scheme */
    scheme[k++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
  }
  if (*p != ':') return 1;
  scheme[k] = 0;
  if (!strcmp(scheme, "javascript") || !strcmp(scheme, "vbscript")) return 0;
  if (!strcmp(scheme, "data")) {
    /* raster images only: an SVG or HTML data URL can carry script */
    static const char *const ok[] = {"image/png", "image/jpeg", "image/gif", "image/webp", NULL};
    if (!image) return 0;
    for (int i = 0; ok[i]; i++)
      if (!strncasecmp(p + 1, ok[i], strlen(ok[i]))) return 1;
    return 0;
  }
  return 1;
}

int html_w_lang_ok(const char *s) {
  size_t n = strlen(s);
  if (n < 2 || n > 35) return 0;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
          (c == '-' && i > 0 && i + 1 < n)))
      return 0;
  }
  return 1;
}
