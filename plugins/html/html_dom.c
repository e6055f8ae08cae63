/* DOM helpers: element classes, attributes, traversal without recursion
 * (the tree may be deep), class/id hints and per-element statistics. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "html_reader.h"

/* The reader's most frequent call: the first byte settles most of them
 * without a strcmp. */
int html_is(const html_node *n, const char *name) {
  return n && n->type == XML_ELEMENT_NODE && n->name && n->name[0] == (xmlChar)name[0] &&
         strcmp((const char *)n->name, name) == 0;
}

static int S_in(const char *name, const char *const *set) {
  for (; *set; set++)
    if (name[0] == (*set)[0] && strcmp(name, *set) == 0) return 1;
  return 0;
}

static const char *const S_blocks[] = {
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
    "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "menu", "nav",
    "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
    "ul", "noscript", "iframe", "video", "audio", "object", "select", "textarea", "legend",
    "picture", NULL};

int html_is_block(const html_node *n) {
  if (!n || n->type != XML_ELEMENT_NODE || !n->name) return 0;
  if (n->_private) return html_st(n)->block;
  return S_in((const char *)n->name, S_blocks);
}

int html_is_heading(const html_node *n) {
  return n && n->type == XML_ELEMENT_NODE && n->name && n->name[0] == 'h' && n->name[1] >= '1' &&
         n->name[1] <= '6' && n->name[2] == 0;
}

html_node *html_next(html_node *n, const html_node *root, int skip_children) {
  if (!skip_children && n->children && n->type == XML_ELEMENT_NODE) return n->children;
  if (!skip_children && n->children && n->type == XML_DOCUMENT_NODE) return n->children;
  if (!skip_children && n->children && n->type == XML_HTML_DOCUMENT_NODE) return n->children;
  while (n && n != root) {
    if (n->next) return n->next;
    n = n->parent;
  }
  return NULL;
}

/* Words in class and id values.  Long words match anywhere ("articleBody",
 * "main-content"); short ones only as whole tokens, so "ad" does not hit
 * "header" nor "nav" hit "canvas". */
static const char *const S_pos_sub[] = {"article", "content", "entry", "post-body", "postbody",
                                        "story", "detail", "chitiet", "noidung", "baiviet",
                                        "blog", "hentry", "text-body", "news-body", NULL};
static const char *const S_pos_tok[] = {"main", "body", "text", "post", "news", "page", NULL};
static const char *const S_neg_sub[] = {
    "comment", "sidebar", "breadcrumb", "footer", "foot", "masthead", "related", "share",
    "social", "sponsor", "banner", "advert", "promo", "navbar", "navigation", "menu",
    "pagination", "pager", "popup", "cookie", "newsletter", "subscribe", "shoutbox", "outbrain",
    "taboola", "disqus", "lienquan", "tinkhac", "othernews", "other-news", "binhchon", "thongke",
    "counter", "ribbon", "fontsize", "font-size", "toolbar", "tool-bar", "print", "login",
    "signup", "skyscraper", "gdpr", "consent", "hidden", "recommend", "trending", "most-read",
    "mostread", "popular", "readmore", "read-more", "author-box", "copyright", NULL};
static const char *const S_neg_tok[] = {"ad",   "ads",    "nav",  "tags", "tag",   "tool",
                                        "tools", "poll",  "vote", "rss",  "meta",  "aside",
                                        "header", "search", "links",
                                        "sns",  "modal",  NULL};

static int S_token_match(const char *s, const char *const *words) {
  size_t i = 0, n = strlen(s);
  while (i < n) {
    while (i < n && !((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9'))) i++;
    size_t j = i;
    while (j < n && ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= '0' && s[j] <= '9'))) j++;
    if (j > i)
      for (const char *const *w = words; *w; w++)
        if (strlen(*w) == j - i && memcmp(*w, s + i, j - i) == 0) return 1;
    i = j;
  }
  return 0;
}

int html_inside(const html_node *n, const html_node *a) {
  for (; n; n = n->parent)
    if (n == a) return 1;
  return 0;
}

int html_has_word(const char *hay, const char *const *words) {
  for (; *words; words++)
    if (strstr(hay, *words)) return 1;
  return 0;
}

/* v lower-cased (ASCII: class names) into low from k, within size bytes
 * and terminated; the new length. */
static size_t S_lower_append(const char *v, char *low, size_t k, size_t size) {
  for (; v && *v && k + 1 < size; v++) low[k++] = (char)((*v >= 'A' && *v <= 'Z') ? *v + 32 : *v);
  low[k] = 0;
  return k;
}

void html_lower_names(const html_node *n, char *low, size_t size) {
  size_t k = S_lower_append(html_attr(n, "class"), low, 0, size - 1);
  if (k + 1 < size) low[k++] = ' ';
  S_lower_append(html_attr(n, "id"), low, k, size);
}

int html_attr_has(const html_node *n, const char *attr, const char *const *words) {
  const char *v = html_attr(n, attr);
  if (!v) return 0;
  char low[200];
  S_lower_append(v, low, 0, sizeof low);
  return html_has_word(low, words);
}

int html_names_have(const html_node *n, const char *const *words) {
  return html_attr_has(n, "class", words) || html_attr_has(n, "id", words);
}

/* Whether the token [t, t+n) is a size value of a utility class: xs, sm,
 * md, lg, xl, 2xl, small, large, base or a number. */
static int S_size_value(const char *t, size_t n) {
  static const char *const sizes[] = {"xs", "sm", "md", "lg", "xl", "xxl", "xxs", "small",
                                      "large", "medium", "base", "normal", NULL};
  if (n == 0) return 0;
  size_t d = 0;
  while (d < n && t[d] >= '0' && t[d] <= '9') d++;
  if (d == n) return 1;
  const char *r = t + d; /* "2xl" */
  for (const char *const *z = sizes; *z; z++)
    if (strlen(*z) == n - d && memcmp(*z, r, n - d) == 0) return 1;
  return 0;
}

/* Listing, service and forum pages: CSS utility classes say how a
 * block is drawn, not what it is, yet hold boilerplate words: "hidden" in
 * "overflow-hidden" (clipping), "font-size" in "font-size-sm" (a text
 * size).  Blanks such tokens in the lower-cased class list `low`, so that
 * a teaser's blurb is not weighed as a hidden part or a font-size
 * widget.  A widget's own class ("font-size-tool", "is-hidden") stays. */
void html_blank_utility_classes(char *low) {
  static const char *const sized[] = {"font-size-", "fontsize-", "text-size-", NULL};
  for (char *p = low; *p;) {
    while (*p == ' ' || *p == '\t' || *p == '\n') p++;
    char *e = p;
    while (*e && *e != ' ' && *e != '\t' && *e != '\n') e++;
    size_t n = (size_t)(e - p);
    int utility = 0;
    for (char *q = p; q + 8 <= e && !utility; q++) utility = memcmp(q, "overflow", 8) == 0;
    for (const char *const *w = sized; *w && !utility; w++) {
      size_t wl = strlen(*w);
      for (char *q = p; q + wl <= e && !utility; q++)
        if (memcmp(q, *w, wl) == 0) utility = S_size_value(q + wl, (size_t)(e - q - wl));
    }
    if (utility) memset(p, ' ', n);
    p = e;
  }
}

/* -25..+25 per attribute, as Readability's class weight. */
static int S_hint(const char *v) {
  if (!v || !*v) return 0;
  char low[256];
  size_t n = 0;
  for (; v[n] && n + 1 < sizeof low; n++) low[n] = (char)((v[n] >= 'A' && v[n] <= 'Z') ? v[n] + 32 : v[n]);
  low[n] = 0;
  int w = 0;
  if (html_has_word(low, S_neg_sub) || S_token_match(low, S_neg_tok)) w -= 25;
  if (html_has_word(low, S_pos_sub) || S_token_match(low, S_pos_tok)) w += 25;
  return w;
}

/* S_hint of `v` with its utility tokens blanked. */
static int S_hint_plain(const char *v) {
  if (!v || !*v) return 0;
  char low[256];
  snprintf(low, sizeof low, "%s", v);
  for (char *p = low; *p; p++)
    if (*p >= 'A' && *p <= 'Z') *p = (char)(*p + 32);
  html_blank_utility_classes(low);
  return S_hint(low);
}

int html_utility_weight(const html_node *n) {
  const char *cls = html_attr(n, "class"), *id = html_attr(n, "id");
  return S_hint(cls) + S_hint(id) - S_hint_plain(cls) - S_hint_plain(id);
}

int html_stats_alloc(html_ctx *c) {
  size_t n = 0;
  html_node *root = html_tree_root(c->tree);
  for (html_node *x = root; x; x = html_next(x, root, 0))
    if (x->type == XML_ELEMENT_NODE) n++;
  c->stats = calloc(n ? n : 1, sizeof *c->stats);
  if (!c->stats) return DOCPIPE_ENOMEM;
  c->nstats = n;
  size_t i = 0;
  for (html_node *x = root; x; x = html_next(x, root, 0)) {
    if (x->type != XML_ELEMENT_NODE) {
      x->_private = NULL;
      continue;
    }
    html_stat *s = &c->stats[i++];
    x->_private = s;
    s->block = (unsigned char)S_in((const char *)x->name, S_blocks);
    s->weight = S_hint(html_attr(x, "class")) + S_hint(html_attr(x, "id"));
    const char *ip = html_attr(x, "itemprop");
    if (ip && strstr(ip, "articleBody")) s->weight += 50;
    if (html_is(x, "article") || html_is(x, "main")) s->weight += 25;
  }
  return 0;
}

/* Characters of visible text, each whitespace run counting as one. */
static unsigned S_count(const unsigned char *s, unsigned *commas) {
  unsigned n = 0;
  int space = 1;
  for (; *s; s++) {
    if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f') {
      if (!space) n++;
      space = 1;
      continue;
    }
    space = 0;
    if ((*s & 0xC0) != 0x80) n++;
    if (*s == ',') (*commas)++;
  }
  return n;
}

static void S_exit(html_node *e) {
  html_stat *s = html_st(e);
  if (!s || s->removed) return;
  if (html_is(e, "a")) s->link_len = s->text_len;
  html_node *p = e->parent;
  html_stat *ps = p ? html_st(p) : NULL;
  if (!ps) return;
  ps->text_len += s->text_len;
  ps->link_len += s->link_len;
  ps->tcommas += s->tcommas;
  ps->imgs += s->imgs + html_is(e, "img");
  ps->paras += s->paras + html_is(e, "p");
  ps->items += s->items + html_is(e, "li");
  ps->inputs += s->inputs + (html_is(e, "input") || html_is(e, "select") || html_is(e, "textarea"));
  ps->blocks += s->blocks + html_is_block(e);
}

void html_stats_compute(html_ctx *c) {
  for (size_t i = 0; i < c->nstats; i++) {
    html_stat *s = &c->stats[i];
    s->text_len = s->link_len = s->own_len = s->commas = s->tcommas = 0;
    s->imgs = s->paras = s->items = s->inputs = s->blocks = 0;
  }
  html_node *root = html_tree_root(c->tree);
  html_node *n = root;
  while (n) {
    int descend = 0;
    if (n->type == XML_ELEMENT_NODE) {
      descend = !html_st(n)->removed && n->children;
    } else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      unsigned commas = 0, len = n->content ? S_count(n->content, &commas) : 0;
      if (len && n->parent && html_st(n->parent)) {
        html_st(n->parent)->text_len += len;
        html_st(n->parent)->tcommas += commas;
        /* own text belongs to the nearest block ancestor */
        html_node *b = n->parent;
        for (int k = 0; k < 64 && b && !html_is_block(b) && b->parent && html_st(b->parent); k++)
          b = b->parent;
        html_st(b)->own_len += len;
        html_st(b)->commas += commas;
      }
    }
    if (descend) {
      n = n->children;
      continue;
    }
    /* leave n and every ancestor whose last child it closes */
    for (;;) {
      if (n->type == XML_ELEMENT_NODE) S_exit(n);
      if (n == root) {
        n = NULL;
        break;
      }
      if (n->next) {
        n = n->next;
        break;
      }
      n = n->parent;
      if (!n) break;
    }
  }
}

static int S_text(const html_node *top, docpipe_buf *out, size_t max, int respect) {
  int space = 1;
  size_t start = out->len;
  html_node *n = (html_node *)top;
  while (n && out->len - start < max) {
    int skip = 0;
    /* what follows a block starts a new line, with or without whitespace
     * between them in the markup (the parser drops it there) */
    if (n != top && !space && n->prev && html_is_block(n->prev) &&
        (n->type == XML_ELEMENT_NODE || n->type == XML_TEXT_NODE)) {
      if (docpipe_buf_puts(out, " ")) return DOCPIPE_ENOMEM;
      space = 1;
    }
    if (n->type == XML_ELEMENT_NODE) {
      html_stat *s = html_st(n);
      /* a button's label ("+ Follow", "Share") is no text of the page,
       * even read raw */
      skip = (respect && s && s->removed) || html_is(n, "script") || html_is(n, "style") ||
             html_is(n, "button");
      if (!skip && (html_is_block(n) || html_is(n, "br")) && !space) {
        if (docpipe_buf_puts(out, " ")) return DOCPIPE_ENOMEM;
        space = 1;
      }
    } else if (n->type == XML_TEXT_NODE && n->content) {
      for (const unsigned char *p = n->content; *p; p++) {
        int ws = *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f';
        if (p[0] == 0xC2 && p[1] == 0xA0) {
          ws = 1;
          p++;
        }
        if (ws) {
          if (!space && docpipe_buf_puts(out, " ")) return DOCPIPE_ENOMEM;
          space = 1;
        } else {
          if (docpipe_buf_append(out, p, 1)) return DOCPIPE_ENOMEM;
          space = 0;
        }
      }
    }
    n = html_next(n, top, skip);
  }
  while (out->len > start && out->data[out->len - 1] == ' ') out->data[--out->len] = 0;
  return 0;
}

char *html_fold(const char *s, size_t len) {
  /* ASCII (most class names, labels and English text) folds by lowering
   * A-Z alone: no utf8proc pass */
  size_t i = 0;
  while (i < len && (unsigned char)s[i] < 0x80 && s[i]) i++;
  if (i == len) {
    char *d = malloc(len + 1);
    if (!d) return NULL;
    for (size_t k = 0; k < len; k++) d[k] = (char)(s[k] >= 'A' && s[k] <= 'Z' ? s[k] + 32 : s[k]);
    d[len] = 0;
    return d;
  }
  utf8proc_uint8_t *dst = NULL;
  utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &dst,
                                    UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE | UTF8PROC_STABLE | UTF8PROC_IGNORE);
  if (n < 0) return NULL;
  /* utf8proc allocates with malloc; docpipe_free is free */
  return (char *)dst;
}

int html_text(const html_node *top, docpipe_buf *out, size_t max) { return S_text(top, out, max, 1); }
int html_text_raw(const html_node *top, docpipe_buf *out, size_t max) { return S_text(top, out, max, 0); }

/* align="right" (HTML 4) or style="text-align: right" (HTML5, as docpipe's
 * writer puts it). */
docpipe_align html_align(const html_node *cell) {
  const char *al = html_attr(cell, "align"), *style = html_attr(cell, "style");
  char word[8] = "";
  if (al) {
    snprintf(word, sizeof word, "%s", al);
  } else if (style) {
    const char *p = strcasestr(style, "text-align");
    if (p) p = strchr(p, ':');
    if (p) {
      p++;
      while (*p == ' ' || *p == '\t') p++;
      size_t k = 0;
      while (k + 1 < sizeof word && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))) word[k++] = *p++;
      word[k] = 0;
    }
  }
  if (!strcasecmp(word, "center")) return DOCPIPE_ALIGN_CENTER;
  if (!strcasecmp(word, "right")) return DOCPIPE_ALIGN_RIGHT;
  if (!strcasecmp(word, "left")) return DOCPIPE_ALIGN_LEFT;
  return DOCPIPE_ALIGN_NONE;
}
