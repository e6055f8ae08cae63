/* The chosen DOM subtrees -> docpipe blocks and inlines.
 *
 * Two modes, as in a browser: block context (a container of blocks:
 * document, block quote, list item) and inline context (a paragraph,
 * heading, cell or caption).  Text met in block context opens a paragraph
 * lazily, so article text written as bare text and <br> runs inside <div>s
 * (common on portals) is kept; two <br> in a row end the paragraph.
 * Whitespace collapses as in CSS: a pending space is written only between
 * two pieces of text.  Recursion follows the DOM, whose depth libxml2
 * caps (256 without HTML_PARSE_HUGE); deeper model nesting than
 * limits.max_depth is flattened. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <libxml/uri.h>

#include "html_reader.h"

#define MAX_RECURSION 400
#define MAX_INLINE_NEST 24

typedef struct {
  html_ctx *c;
  docpipe_node *para;
  int pending_space;
  int at_start;
  int depth;     /* model nesting */
  int recursion; /* C call depth */
  int inline_nest;
  const html_node *figure_img; /* the picture a figure is being captioned for */
  int rc;
  docpipe_buf tmp;
  unsigned char *keep; /* per element (stats index): holds a root or the headline */
} S_b;

static void S_block_children(S_b *b, html_node *el, docpipe_node *container);
static void S_inline_children(S_b *b, html_node *el, docpipe_node *parent);
static void S_block_node(S_b *b, html_node *n, docpipe_node *container);

static int S_removed(const html_node *n) {
  html_stat *s = n->type == XML_ELEMENT_NODE ? html_st(n) : NULL;
  return s && s->removed;
}

static int S_fail(S_b *b, int rc) {
  if (!b->rc) b->rc = rc;
  return rc;
}

static int S_is_ws(const unsigned char *p, int *adv) {
  *adv = 1;
  if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f') return 1;
  if (p[0] == 0xC2 && p[1] == 0xA0) {
    *adv = 2;
    return 1;
  }
  /* zero-width space and BOM: invisible, drop */
  if (p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0x8B) {
    *adv = 3;
    return 2;
  }
  if (p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
    *adv = 3;
    return 2;
  }
  return 0;
}

static void S_append(S_b *b, docpipe_node *parent, const char *s, size_t len) {
  if (!len) return;
  int rc = docpipe_node_append_text(parent, s, len);
  if (rc == DOCPIPE_EINVAL) {
    size_t n = 0;
    char *clean = docpipe_utf8_clean(s, len, &n);
    if (!clean) {
      S_fail(b, DOCPIPE_ENOMEM);
      return;
    }
    rc = n ? docpipe_node_append_text(parent, clean, n) : 0;
    docpipe_free(clean);
    if (rc == DOCPIPE_EINVAL) rc = 0;
  }
  if (rc) S_fail(b, rc);
}

static void S_flush_space(S_b *b, docpipe_node *parent) {
  if (b->pending_space && !b->at_start) S_append(b, parent, " ", 1);
  b->pending_space = 0;
}

static void S_text(S_b *b, docpipe_node *parent, const unsigned char *s) {
  docpipe_buf_reset(&b->tmp);
  while (*s) {
    int adv, ws = S_is_ws(s, &adv);
    if (ws == 1) {
      b->pending_space = 1;
    } else if (ws == 0) {
      if (b->pending_space && !b->at_start && docpipe_buf_puts(&b->tmp, " ")) {
        S_fail(b, DOCPIPE_ENOMEM);
        return;
      }
      b->pending_space = 0;
      b->at_start = 0;
      if (docpipe_buf_append(&b->tmp, s, (size_t)adv)) {
        S_fail(b, DOCPIPE_ENOMEM);
        return;
      }
    }
    s += adv;
  }
  S_append(b, parent, b->tmp.data, b->tmp.len);
}

static int S_has_visible_text(const unsigned char *s) {
  while (*s) {
    int adv;
    if (!S_is_ws(s, &adv)) return 1;
    s += adv;
  }
  return 0;
}

/* ---- images ---- */

static const char *S_img_src(const html_node *img) {
  const char *src = html_attr(img, "src");
  static const char *const lazy[] = {"data-src", "data-original", "data-lazy-src", "data-url",
                                     "data-srcset", NULL};
  if (!src || !*src || strncmp(src, "data:", 5) == 0) {
    for (int i = 0; lazy[i]; i++) {
      const char *v = html_attr(img, lazy[i]);
      if (v && *v && strncmp(v, "data:", 5) != 0) return v;
    }
  }
  return (src && *src) ? src : NULL;
}

static int S_tiny(const html_node *img) {
  const char *w = html_attr(img, "width"), *h = html_attr(img, "height");
  return (w && atoi(w) > 0 && atoi(w) < 8) || (h && atoi(h) > 0 && atoi(h) < 8);
}

static html_node *S_first_img(html_node *root) {
  for (html_node *x = root; x;) {
    int skip = S_removed(x);
    if (!skip && html_is(x, "img") && S_img_src(x) && !S_tiny(x)) return x;
    x = html_next(x, root, skip);
  }
  return NULL;
}

/* A valid UTF-8 copy of an attribute for the model. */
static void S_set_attr(S_b *b, docpipe_node *node, int (*set)(docpipe_node *, const char *),
                       const char *v) {
  if (!v) return;
  if (set(node, v) == DOCPIPE_EINVAL) {
    char *clean = docpipe_utf8_clean(v, strlen(v), NULL);
    if (!clean) {
      S_fail(b, DOCPIPE_ENOMEM);
      return;
    }
    set(node, clean);
    docpipe_free(clean);
  }
}

/* Links and pictures relative to the page are made absolute against its
 * address (<base href>, else the canonical URL), so they still lead
 * somewhere once the article leaves the page. */
static void S_set_url(S_b *b, docpipe_node *node, const char *url) {
  if (!url) return;
  const char *base = b->c->base_url;
  int relative = url[0] != '#' && !strstr(url, "://") && strncasecmp(url, "mailto:", 7) != 0 &&
                 strncasecmp(url, "data:", 5) != 0 && strncasecmp(url, "tel:", 4) != 0;
  if (base && relative) {
    xmlChar *abs = xmlBuildURI((const xmlChar *)url, (const xmlChar *)base);
    if (abs) {
      S_set_attr(b, node, docpipe_node_set_url, (const char *)abs);
      xmlFree(abs);
      return;
    }
  }
  S_set_attr(b, node, docpipe_node_set_url, url);
}

/* ---- paragraphs ---- */

/* A "heading" of this many characters is a lead paragraph: news portals
 * mark the sapo up as an <h2> (two or three sentences), and as a heading
 * it would be a page-wide bold block in DOCX.  Real subheadings are under
 * a hundred characters. */
#define S_LEAD_CHARS 160

static void S_open(S_b *b, docpipe_node *container) {
  if (b->para) return;
  b->para = docpipe_node_add(container, DOCPIPE_NODE_PARAGRAPH);
  if (!b->para) S_fail(b, DOCPIPE_ENOMEM);
  b->at_start = 1;
  b->pending_space = 0;
}

/* Trims trailing breaks and spaces of an inline container; 1 when it ends
 * up empty. */
static int S_trim(docpipe_node *p) {
  docpipe_node *last;
  while ((last = docpipe_node_last_child(p)) != NULL) {
    docpipe_node_type t = docpipe_node_type_of(last);
    if (t == DOCPIPE_NODE_LINE_BREAK || t == DOCPIPE_NODE_SOFT_BREAK) {
      docpipe_node_free(last);
      continue;
    }
    if (t == DOCPIPE_NODE_TEXT) {
      const char *s = docpipe_node_literal(last);
      size_t n = strlen(s);
      while (n && s[n - 1] == ' ') n--;
      if (!n) {
        docpipe_node_free(last);
        continue;
      }
      if (s[n] == ' ') {
        char *copy = malloc(n + 1);
        if (copy) {
          memcpy(copy, s, n);
          copy[n] = 0;
          docpipe_node_set_literal(last, copy);
          free(copy);
        }
      }
    }
    break;
  }
  /* leading breaks too */
  docpipe_node *first;
  while ((first = docpipe_node_first_child(p)) != NULL &&
         docpipe_node_type_of(first) == DOCPIPE_NODE_LINE_BREAK)
    docpipe_node_free(first);
  return docpipe_node_first_child(p) == NULL;
}

static void S_close(S_b *b) {
  docpipe_node *p = b->para;
  if (!p) return;
  b->para = NULL;
  b->pending_space = 0;
  b->at_start = 1;
  if (S_trim(p)) {
    docpipe_node_free(p);
    return;
  }
  /* a paragraph that is only a picture is a figure */
  docpipe_node *only = docpipe_node_first_child(p);
  if (only && !docpipe_node_next(only) && docpipe_node_type_of(only) == DOCPIPE_NODE_IMAGE) {
    docpipe_node *fig = docpipe_node_new(DOCPIPE_NODE_FIGURE);
    if (!fig) {
      S_fail(b, DOCPIPE_ENOMEM);
      return;
    }
    docpipe_node_set_url(fig, docpipe_node_url(only));
    char *alt = docpipe_node_text_content(only);
    if (alt) docpipe_node_set_alt(fig, alt);
    docpipe_free(alt);
    docpipe_node_insert_before(p, fig);
    docpipe_node_free(p);
  }
}

/* ---- inlines ---- */

static void S_image_inline(S_b *b, html_node *img, docpipe_node *parent) {
  const char *src = S_img_src(img);
  if (!src || S_tiny(img)) return;
  S_flush_space(b, parent);
  docpipe_node *im = docpipe_node_add(parent, DOCPIPE_NODE_IMAGE);
  if (!im) {
    S_fail(b, DOCPIPE_ENOMEM);
    return;
  }
  S_set_url(b, im, src);
  S_set_attr(b, im, docpipe_node_set_title, html_attr(img, "title"));
  const char *alt = html_attr(img, "alt");
  if (alt && *alt) S_append(b, im, alt, strlen(alt));
  b->at_start = 0;
}

static docpipe_node_type S_inline_kind(const html_node *n) {
  const char *t = (const char *)n->name;
  if (!strcmp(t, "em") || !strcmp(t, "i") || !strcmp(t, "cite") || !strcmp(t, "dfn") ||
      !strcmp(t, "var"))
    return DOCPIPE_NODE_EMPH;
  if (!strcmp(t, "strong") || !strcmp(t, "b")) return DOCPIPE_NODE_STRONG;
  if (!strcmp(t, "code") || !strcmp(t, "tt") || !strcmp(t, "kbd") || !strcmp(t, "samp"))
    return DOCPIPE_NODE_CODE;
  if (!strcmp(t, "a")) return DOCPIPE_NODE_LINK;
  return DOCPIPE_NODE_NONE;
}

static void S_inline_node(S_b *b, html_node *n, docpipe_node *parent) {
  if (b->rc) return;
  if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
    if (n->content) S_text(b, parent, n->content);
    return;
  }
  if (n->type != XML_ELEMENT_NODE || S_removed(n)) return;
  if (html_is(n, "br")) {
    docpipe_node *br = docpipe_node_add(parent, DOCPIPE_NODE_LINE_BREAK);
    if (!br) S_fail(b, DOCPIPE_ENOMEM);
    b->at_start = 1;
    b->pending_space = 0;
    return;
  }
  if (html_is(n, "img")) {
    if (n != b->figure_img) S_image_inline(b, n, parent);
    return;
  }
  if (html_is(n, "script") || html_is(n, "style")) return;
  if (html_is_block(n)) {
    /* a block inside inline content (a cell's paragraphs): keep the words apart */
    b->pending_space = 1;
    S_inline_children(b, n, parent);
    b->pending_space = 1;
    return;
  }
  docpipe_node_type k = S_inline_kind(n);
  if (k == DOCPIPE_NODE_CODE) {
    docpipe_buf t = DOCPIPE_BUF_INIT;
    if (html_text(n, &t, 100000) == 0 && t.len) {
      S_flush_space(b, parent);
      docpipe_node *code = docpipe_node_add(parent, DOCPIPE_NODE_CODE);
      if (code) S_set_attr(b, code, docpipe_node_set_literal, t.data);
      b->at_start = 0;
    }
    docpipe_buf_free(&t);
    return;
  }
  if (k == DOCPIPE_NODE_LINK) {
    const char *href = html_attr(n, "href");
    /* "#" alone leads nowhere: a script's button dressed as a link */
    if (!href || !*href || !strcmp(href, "#") || strncasecmp(href, "javascript:", 11) == 0)
      k = DOCPIPE_NODE_NONE;
  }
  if (k == DOCPIPE_NODE_NONE || b->inline_nest >= MAX_INLINE_NEST ||
      b->recursion >= MAX_RECURSION) {
    S_inline_children(b, n, parent);
    return;
  }
  /* an icon (<i class="fa fa-clock-o"></i>) or an anchor (<a name=x></a>)
   * holds nothing: flushing the space before it would write one, and the
   * space after it another ("Thời sự  05/12/2024") */
  if (!n->children) return;
  S_flush_space(b, parent);
  docpipe_node *el = docpipe_node_add(parent, k);
  if (!el) {
    S_fail(b, DOCPIPE_ENOMEM);
    return;
  }
  if (k == DOCPIPE_NODE_LINK) {
    S_set_url(b, el, html_attr(n, "href"));
    S_set_attr(b, el, docpipe_node_set_title, html_attr(n, "title"));
  }
  b->inline_nest++;
  S_inline_children(b, n, el);
  b->inline_nest--;
  /* a space at the end of an emphasis belongs outside it */
  if (!docpipe_node_first_child(el)) docpipe_node_free(el);
}

static void S_inline_children(S_b *b, html_node *el, docpipe_node *parent) {
  b->recursion++;
  for (html_node *k = el->children; k && !b->rc; k = k->next) S_inline_node(b, k, parent);
  b->recursion--;
}

/* Deeper than we recurse: keep the words, drop the structure. */
static void S_flat(S_b *b, html_node *el, docpipe_node *container) {
  docpipe_buf t = DOCPIPE_BUF_INIT;
  if (html_text(el, &t, (size_t)-1) == 0 && t.len) {
    S_open(b, container);
    if (b->para) S_text(b, b->para, (const unsigned char *)t.data);
  } else if (t.data == NULL && t.len) {
    S_fail(b, DOCPIPE_ENOMEM);
  }
  docpipe_buf_free(&t);
}

/* ---- blocks ---- */

/* The info string of <pre><code class="language-X">, the HTML5 spec's
 * convention (CommonMark renderers and docpipe's writer follow it). */
static void S_code_info(S_b *b, const html_node *pre, docpipe_node *cb) {
  const html_node *code = pre->children;
  while (code && code->type == XML_TEXT_NODE && code->content && !S_has_visible_text(code->content))
    code = code->next;
  const char *cls = code && html_is(code, "code") ? html_attr(code, "class") : NULL;
  for (const char *p = cls; p && *p;) {
    while (*p == ' ') p++;
    size_t n = strcspn(p, " ");
    if (n > 9 && strncmp(p, "language-", 9) == 0) {
      char *info = strndup(p + 9, n - 9);
      if (!info) S_fail(b, DOCPIPE_ENOMEM);
      else S_set_attr(b, cb, docpipe_node_set_info, info);
      free(info);
      return;
    }
    p += n;
  }
}

static void S_pre(S_b *b, html_node *el, docpipe_node *container) {
  docpipe_buf t = DOCPIPE_BUF_INIT;
  for (html_node *x = el; x;) {
    int skip = S_removed(x);
    if (!skip && x->type == XML_TEXT_NODE && x->content) docpipe_buf_puts(&t, (const char *)x->content);
    if (!skip && html_is(x, "br")) docpipe_buf_puts(&t, "\n");
    x = html_next(x, el, skip);
  }
  while (t.len && (t.data[t.len - 1] == '\n' || t.data[t.len - 1] == ' ')) t.data[--t.len] = 0;
  if (t.len) {
    docpipe_node *cb = docpipe_node_add(container, DOCPIPE_NODE_CODE_BLOCK);
    if (!cb) {
      S_fail(b, DOCPIPE_ENOMEM);
    } else {
      S_set_attr(b, cb, docpipe_node_set_literal, t.data);
      S_code_info(b, el, cb);
    }
  }
  docpipe_buf_free(&t);
}

/* A <figure> holding a caption and nothing else: a picture whose source
 * is unknown (docpipe's writer puts its alt text in aria-label). */
static int S_is_caption_only_figure(const html_node *n) {
  int caption = 0;
  if (!html_is(n, "figure")) return 0;
  for (const html_node *k = n->children; k; k = k->next) {
    if (k->type == XML_TEXT_NODE && (!k->content || !S_has_visible_text(k->content))) continue;
    if (!html_is(k, "figcaption")) return 0;
    caption = 1;
  }
  return caption || html_attr(n, "aria-label") != NULL;
}

/* A caption set wholly in italics or bold (portals style every caption
 * so, "<td><i>...</i></td>") says nothing by its emphasis: its text is
 * the caption.  Formats that mark a caption by italics would otherwise
 * nest one emphasis in another. */
static void S_unwrap_caption_emphasis(docpipe_node *fig) {
  docpipe_node *only = docpipe_node_first_child(fig);
  if (!only || docpipe_node_next(only)) return;
  docpipe_node_type t = docpipe_node_type_of(only);
  if (t != DOCPIPE_NODE_EMPH && t != DOCPIPE_NODE_STRONG) return;
  for (docpipe_node *k = docpipe_node_first_child(only); k; k = docpipe_node_first_child(only)) {
    docpipe_node_unlink(k);
    if (docpipe_node_insert_before(only, k) != 0) {
      docpipe_node_free(k);
      return;
    }
  }
  docpipe_node_free(only);
}

/* A picture with its caption: <figure>, or a portal's image box (img NULL:
 * a caption-only figure). */
static void S_figure(S_b *b, html_node *box, html_node *img, docpipe_node *container) {
  docpipe_node *fig = docpipe_node_add(container, DOCPIPE_NODE_FIGURE);
  if (!fig) {
    S_fail(b, DOCPIPE_ENOMEM);
    return;
  }
  if (img) {
    S_set_url(b, fig, S_img_src(img));
    S_set_attr(b, fig, docpipe_node_set_alt, html_attr(img, "alt"));
  } else {
    S_set_attr(b, fig, docpipe_node_set_alt, html_attr(box, "aria-label"));
  }
  html_node *cap = NULL;
  for (html_node *x = box; x && !cap;) {
    if (html_is(x, "figcaption") && !S_removed(x)) cap = x;
    x = html_next(x, box, S_removed(x));
  }
  b->at_start = 1;
  b->pending_space = 0;
  b->figure_img = img;
  S_inline_children(b, cap ? cap : box, fig);
  b->figure_img = NULL;
  S_trim(fig);
  S_unwrap_caption_emphasis(fig);
}

static int S_class_says_image(const html_node *n) {
  static const char *const words[] = {"image", "photo", "figure", "caption", "img", "pic",
                                      "media", "anh", "hinh", "thumb", NULL};
  return html_attr_has(n, "class", words);
}

/* A headline is never a caption: an article header whose byline box
 * shows the writer's avatar (one picture, a short text) is no image box. */
static int S_holds_heading(const html_node *n) {
  for (html_node *x = html_next((html_node *)n, n, 0); x; x = html_next(x, n, 0))
    if (html_is_heading(x)) return 1;
  return 0;
}

/* One picture and a short text around it: an image box with a caption. */
static int S_is_figure_box(const html_node *n) {
  html_stat *s = html_st(n);
  if (s->imgs != 1 || s->text_len > 300 || s->paras > 1) return 0;
  if (S_holds_heading(n)) return 0;
  if (s->text_len && (double)s->link_len / s->text_len > 0.5) return 0;
  if (html_is(n, "table")) return 1;
  if (S_class_says_image(n)) return 1;
  for (const html_node *k = n->children; k; k = k->next)
    if (k->type == XML_ELEMENT_NODE && S_class_says_image(k)) return 1;
  return 0;
}

static void S_rows(html_node *t, html_node **rows, size_t *n, size_t cap) {
  for (html_node *k = t->children; k && *n < cap; k = k->next) {
    if (k->type != XML_ELEMENT_NODE || S_removed(k)) continue;
    if (html_is(k, "tr")) rows[(*n)++] = k;
    else if (html_is(k, "thead") || html_is(k, "tbody") || html_is(k, "tfoot")) S_rows(k, rows, n, cap);
  }
}

/* A converted child is freed at once, so the DOM and the document do not
 * both peak on a huge page.  Not an element holding a content root (a
 * later root would be freed before its turn) or the headline, which the
 * build compares against; without the `keep` marks nothing is freed. */
static void S_release(S_b *b, html_node *k) {
  if (!b->keep) return;
  if (k->type == XML_ELEMENT_NODE) {
    html_stat *s = html_st(k);
    if (!s || b->keep[s - b->c->stats]) return;
  }
  html_unlink(k);
  html_free_node(k);
}

static int S_is_data_table(html_node *t) {
  const char *role = html_attr(t, "role");
  if (role && strcmp(role, "presentation") == 0) return 0;
  for (html_node *x = t->children; x; x = html_next(x, t, html_is(x, "table")))
    if (html_is(x, "table")) return 0;
  html_node *rows[64];
  size_t n = 0;
  S_rows(t, rows, &n, 64);
  size_t maxcols = 0;
  for (size_t i = 0; i < n; i++) {
    size_t cols = 0;
    for (html_node *c = rows[i]->children; c; c = c->next) {
      if (!(html_is(c, "td") || html_is(c, "th"))) continue;
      cols++;
      if (html_st(c)->blocks >= 3 && html_st(c)->paras >= 2) return 0;
    }
    if (cols > maxcols) maxcols = cols;
  }
  for (html_node *x = t->children; x; x = x->next)
    if (html_is(x, "caption") || html_is(x, "thead")) return maxcols >= 1;
  return n >= 2 && maxcols >= 2;
}

static void S_table(S_b *b, html_node *t, docpipe_node *container) {
  docpipe_node *table = docpipe_node_add(container, DOCPIPE_NODE_TABLE);
  if (!table) {
    S_fail(b, DOCPIPE_ENOMEM);
    return;
  }
  /* all rows, not just the first 64 */
  for (html_node *x = t->children; x && !b->rc;) {
    int skip = S_removed(x) || html_is(x, "table");
    if (!skip && html_is(x, "tr")) {
      int in_head = html_is(x->parent, "thead"), all_th = 1, cells = 0;
      docpipe_node *row = docpipe_node_add(table, DOCPIPE_NODE_TABLE_ROW);
      if (!row) {
        S_fail(b, DOCPIPE_ENOMEM);
        return;
      }
      for (html_node *c = x->children; c; c = c->next) {
        if (!(html_is(c, "td") || html_is(c, "th")) || S_removed(c)) continue;
        all_th &= html_is(c, "th");
        cells++;
        docpipe_node *cell = docpipe_node_add(row, DOCPIPE_NODE_TABLE_CELL);
        if (!cell) {
          S_fail(b, DOCPIPE_ENOMEM);
          return;
        }
        docpipe_node_set_cell_align(cell, html_align(c));
        b->at_start = 1;
        b->pending_space = 0;
        S_inline_children(b, c, cell);
        S_trim(cell);
      }
      if (!cells) docpipe_node_free(row);
      else docpipe_node_set_row_header(row, in_head || all_th);
      html_node *next = html_next(x, t, 1);
      S_release(b, x);
      x = next;
      continue;
    }
    x = html_next(x, t, skip);
  }
  if (!docpipe_node_first_child(table)) docpipe_node_free(table);
}

/* Tight as CommonMark means it: no item starts with a <p> (loose lists
 * wrap every item's text in paragraphs, tight ones write it bare). */
static int S_list_is_tight(const html_node *el) {
  for (const html_node *li = el->children; li; li = li->next) {
    if (!html_is(li, "li") || S_removed(li)) continue;
    for (const html_node *k = li->children; k; k = k->next) {
      if (k->type == XML_TEXT_NODE && (!k->content || !S_has_visible_text(k->content))) continue;
      if (html_is(k, "p")) return 0;
      break;
    }
  }
  return 1;
}

static void S_list(S_b *b, html_node *el, docpipe_node *container) {
  docpipe_node *list = docpipe_node_add(container, DOCPIPE_NODE_LIST);
  if (!list) {
    S_fail(b, DOCPIPE_ENOMEM);
    return;
  }
  if (html_is(el, "ol")) {
    docpipe_node_set_list_type(list, DOCPIPE_LIST_ORDERED);
    const char *st = html_attr(el, "start");
    char *end = NULL;
    long v = st ? strtol(st, &end, 10) : -1;
    if (st && end != st && v >= 0 && v < 1000000) docpipe_node_set_list_start(list, (int)v);
  }
  docpipe_node_set_list_tight(list, S_list_is_tight(el));
  b->depth += 2;
  docpipe_node *item = NULL;
  for (html_node *k = el->children, *next; k && !b->rc; k = next) {
    next = k->next;
    if (k->type == XML_ELEMENT_NODE && S_removed(k)) continue;
    if (k->type == XML_TEXT_NODE && (!k->content || !S_has_visible_text(k->content))) continue;
    if (k->type != XML_ELEMENT_NODE && k->type != XML_TEXT_NODE) continue;
    int is_li = html_is(k, "li");
    int nested = html_is(k, "ul") || html_is(k, "ol");
    /* a nested list right in the list belongs to the item before it */
    if (is_li || !item || !nested) {
      item = docpipe_node_add(list, DOCPIPE_NODE_ITEM);
      if (!item) {
        S_fail(b, DOCPIPE_ENOMEM);
        break;
      }
    }
    if (is_li) S_block_children(b, k, item);
    else S_block_node(b, k, item);
    S_close(b);
    S_release(b, k);
  }
  b->depth -= 2;
  for (docpipe_node *it = docpipe_node_first_child(list); it;) {
    docpipe_node *next = docpipe_node_next(it);
    if (!docpipe_node_first_child(it)) docpipe_node_free(it);
    it = next;
  }
  if (!docpipe_node_first_child(list)) docpipe_node_free(list);
}

static int S_is_list(const html_node *n) {
  return html_is(n, "ul") || html_is(n, "ol") || html_is(n, "menu") || html_is(n, "dir");
}

/* A rubric printed right before the headline, its sibling ("Press
 * release", "Analysis"), not a link: a label of the page's kind, read with
 * the headline that leaves the body, not a line of the article. */
static int S_kicker(const html_ctx *c, const html_node *n) {
  const html_node *h = c->title_h1;
  if (!h || c->own || n->parent != h->parent) return 0;
  const html_node *x = n->next;
  for (; x && x->type != XML_ELEMENT_NODE; x = x->next)
    if (x->type == XML_TEXT_NODE && x->content && S_has_visible_text(x->content)) return 0;
  html_stat *s = html_st(n);
  /* a linked label (a section's, a brand's) may be what the page is about */
  if (x != h || !s || s->text_len < 2 || s->text_len > 40 || s->imgs || s->link_len) return 0;
  docpipe_buf t = DOCPIPE_BUF_INIT;
  int kicker = html_text(n, &t, 200) == 0 && t.len && !strpbrk(t.data, ".!?:,;0123456789");
  size_t words = 0;
  for (size_t i = 0; kicker && i < t.len; i++)
    if (t.data[i] != ' ' && (i == 0 || t.data[i - 1] == ' ')) words++;
  docpipe_buf_free(&t);
  return kicker && words <= 3;
}

static void S_block_node(S_b *b, html_node *n, docpipe_node *container) {
  if (b->rc) return;
  if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
    if (!n->content) return;
    if (S_has_visible_text(n->content)) {
      S_open(b, container);
      if (b->para) S_text(b, b->para, n->content);
    } else if (b->para) {
      b->pending_space = 1;
    }
    return;
  }
  if (n->type != XML_ELEMENT_NODE) return;
  if (S_removed(n) || S_kicker(b->c, n)) {
    if (b->para) b->pending_space = 1;
    return;
  }
  html_stat *s = html_st(n);
  if (b->recursion >= MAX_RECURSION) {
    S_flat(b, n, container);
    return;
  }
  int deep = (size_t)(b->depth + 3) >= b->c->max_depth;
  const char *t = (const char *)n->name;
  if (!html_is_block(n) && strcmp(t, "img") && strcmp(t, "br") && strcmp(t, "hr")) {
    if (s->blocks > 0) { /* <a><div>..</div></a>, <font><p>..: a transparent wrapper */
      S_block_children(b, n, container);
      return;
    }
    if (html_is(n, "script") || html_is(n, "style")) return;
    S_open(b, container);
    if (b->para) S_inline_node(b, n, b->para);
    return;
  }
  if (html_is(n, "br")) {
    if (!b->para) return;
    docpipe_node *last = docpipe_node_last_child(b->para);
    if (last && docpipe_node_type_of(last) == DOCPIPE_NODE_LINE_BREAK) {
      S_close(b); /* two breaks: a paragraph ends */
      return;
    }
    if (!docpipe_node_add(b->para, DOCPIPE_NODE_LINE_BREAK)) S_fail(b, DOCPIPE_ENOMEM);
    b->at_start = 1;
    b->pending_space = 0;
    return;
  }
  S_close(b);
  if (html_is(n, "p") && s->blocks == 0) {
    S_open(b, container);
    if (b->para) S_inline_children(b, n, b->para);
    S_close(b);
  } else if (html_is_heading(n)) {
    if (n == b->c->title_h1) return;
    if (t[1] != '1' && s->text_len >= S_LEAD_CHARS && !b->c->own) {
      S_open(b, container);
      if (b->para) S_inline_children(b, n, b->para);
      S_close(b);
      return;
    }
    docpipe_node *h = docpipe_node_add(container, DOCPIPE_NODE_HEADING);
    if (!h) {
      S_fail(b, DOCPIPE_ENOMEM);
      return;
    }
    docpipe_node_set_heading_level(h, t[1] - '0');
    b->at_start = 1;
    b->pending_space = 0;
    S_inline_children(b, n, h);
    if (S_trim(h)) docpipe_node_free(h);
    b->at_start = 1;
  } else if (S_is_list(n) && !deep) {
    S_list(b, n, container);
  } else if (html_is(n, "blockquote") && !deep) {
    docpipe_node *q = docpipe_node_add(container, DOCPIPE_NODE_BLOCK_QUOTE);
    if (!q) {
      S_fail(b, DOCPIPE_ENOMEM);
      return;
    }
    b->depth++;
    S_block_children(b, n, q);
    b->depth--;
    if (!docpipe_node_first_child(q)) docpipe_node_free(q);
  } else if (html_is(n, "pre")) {
    S_pre(b, n, container);
  } else if (html_is(n, "hr")) {
    if (!docpipe_node_add(container, DOCPIPE_NODE_THEMATIC_BREAK)) S_fail(b, DOCPIPE_ENOMEM);
  } else if (html_is(n, "img")) {
    if (S_img_src(n) && !S_tiny(n)) {
      docpipe_node *fig = docpipe_node_add(container, DOCPIPE_NODE_FIGURE);
      if (!fig) {
        S_fail(b, DOCPIPE_ENOMEM);
        return;
      }
      S_set_url(b, fig, S_img_src(n));
      S_set_attr(b, fig, docpipe_node_set_alt, html_attr(n, "alt"));
    }
  } else {
    html_node *img = NULL;
    if ((html_is(n, "figure") || S_is_figure_box(n)) && (img = S_first_img(n)) != NULL) {
      S_figure(b, n, img, container);
    } else if (S_is_caption_only_figure(n)) {
      S_figure(b, n, NULL, container);
    } else if (html_is(n, "table") && S_is_data_table(n)) {
      S_table(b, n, container);
    } else {
      S_block_children(b, n, container);
    }
  }
  S_close(b);
}

static void S_block_children(S_b *b, html_node *el, docpipe_node *container) {
  b->recursion++;
  for (html_node *k = el->children, *next; k && !b->rc; k = next) {
    next = k->next;
    S_block_node(b, k, container);
    S_release(b, k);
  }
  b->recursion--;
  S_close(b);
}

/* Marks the roots, the headline and their ancestors as not to be freed. */
static unsigned char *S_keep_marks(const html_ctx *c) {
  unsigned char *keep = calloc(c->nstats ? c->nstats : 1, 1);
  if (!keep) return NULL;
  for (size_t i = 0; i <= c->nroots; i++) {
    const html_node *n = i < c->nroots ? c->roots[i] : c->title_h1;
    for (; n && n->type == XML_ELEMENT_NODE && html_st(n); n = n->parent) {
      size_t idx = (size_t)(html_st(n) - c->stats);
      if (idx >= c->nstats) break;
      keep[idx] = 1;
    }
  }
  return keep;
}

int html_build(html_ctx *c, docpipe_node *root, docpipe_error *err) {
  S_b b;
  memset(&b, 0, sizeof b);
  b.c = c;
  b.at_start = 1;
  b.keep = S_keep_marks(c);
  for (size_t i = 0; i < c->nroots && !b.rc; i++) {
    html_node *r = c->roots[i];
    if (html_is(r, "p") || html_is_heading(r) || html_is(r, "table") || S_is_list(r) ||
        html_is(r, "figure") || html_is(r, "blockquote") || html_is(r, "pre")) {
      S_block_node(&b, r, root);
    } else {
      /* as S_block_children, without counting a level of recursion */
      for (html_node *k = r->children, *next; k && !b.rc; k = next) {
        next = k->next;
        S_block_node(&b, k, root);
        S_release(&b, k);
      }
      S_close(&b);
    }
    S_close(&b);
  }
  free(b.keep);
  docpipe_buf_free(&b.tmp);
  if (b.rc) return docpipe_error_set(err, b.rc, "html: building the document failed: %s",
                                     docpipe_strerror(b.rc));
  return 0;
}
