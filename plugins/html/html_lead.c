/* The standfirst: the paragraph of prose between the headline and the
 * chosen content.  Page builders put the headline, the byline and the
 * lead in a "hero" band and the rest of the article in a rich-text box
 * below it; the content choice takes the box, and the article would start
 * at its second paragraph.  Readers of the page read the lead first. */
#include <string.h>

#include "html_reader.h"

/* At most this many lead paragraphs, found among this many elements. */
#define LEAD_MAX 2
#define LEAD_WALK 150
/* Prose: this many bytes and words at least, and few of them links. */
#define LEAD_MIN_BYTES 80
#define LEAD_MIN_WORDS 12

static int S_in_roots(const html_ctx *c, const html_node *n) {
  for (size_t i = 0; i < c->nroots; i++)
    if (html_inside(n, c->roots[i])) return 1;
  return 0;
}

static size_t S_count_words(const char *s) {
  size_t n = 0;
  int in = 0;
  for (; *s; s++) {
    int space = *s == ' ' || *s == '\n' || *s == '\t';
    if (!space && !in) n++;
    in = !space;
  }
  return n;
}

/* Prose that is about the writer or the page, not the article: an author
 * box's bio (often in a tooltip), a disclosure, a photo's caption.  Its
 * boxes, up to the one it shares with the content, say so. */
static int S_aside(const html_node *n, const html_node *first) {
  static const char *const words[] = {"author", "bio",        "tooltip", "byline",
                                      "disclaimer", "disclosure", "caption", "expert", NULL};
  for (int depth = 0; n && depth < 6 && !html_inside(first, n); depth++, n = n->parent)
    if (html_names_have(n, words)) return 1;
  return 0;
}

/* Sentences with words in them, not a byline or a list of links (a
 * subtitle may end without a full stop: `stop` 0). */
static int S_is_prose_stop(html_node *n, docpipe_buf *t, int stop) {
  docpipe_buf_reset(t);
  if (html_text_raw(n, t, 4000) != 0 || t->len < LEAD_MIN_BYTES) return 0;
  if (S_count_words(t->data) < LEAD_MIN_WORDS) return 0;
  if (stop && !strpbrk(t->data, ".!?")) return 0;
  if (!strncasecmp(t->data, "by ", 3)) return 0;
  size_t links = 0;
  docpipe_buf a = DOCPIPE_BUF_INIT;
  for (html_node *x = html_next(n, n, 0); x;) {
    int in_link = html_is(x, "a");
    docpipe_buf_reset(&a);
    if (in_link && html_text_raw(x, &a, 4000) == 0) links += a.len;
    x = html_next(x, n, in_link);
  }
  docpipe_buf_free(&a);
  return links * 3 < t->len;
}

static int S_is_prose(html_node *n, docpipe_buf *t) { return S_is_prose_stop(n, t, 1); }

/* A subtitle set as a heading right after the headline, its sibling
 * ("<h1>…</h1><h2 class=subtitle>A pilot in 40 farms cuts …</h2>"): a
 * sentence of prose, not a section's title, which would head the text
 * under it rather than sit beside the headline. */
static int S_subtitle_heading(html_node *n, const html_node *h1, docpipe_buf *t) {
  if (!html_is_heading(n) || html_is(n, "h1")) return 0;
  const html_node *prev = n->prev;
  while (prev && prev->type != XML_ELEMENT_NODE) prev = prev->prev;
  return prev == h1 && S_is_prose_stop(n, t, 0);
}

/* Whether n lies in a part the cleaner removed. */
static int S_under_removed(const html_node *n) {
  for (; n; n = n->parent)
    if (n->type == XML_ELEMENT_NODE && html_st(n) && html_st(n)->removed) return 1;
  return 0;
}

static int S_prepend_root(html_ctx *c, html_node **lead, size_t nlead) {
  html_node **r = realloc(c->roots, (c->nroots + nlead) * sizeof *r);
  if (!r) return DOCPIPE_ENOMEM;
  c->roots = r;
  memmove(c->roots + nlead, c->roots, c->nroots * sizeof *r);
  for (size_t i = 0; i < nlead; i++) {
    c->roots[i] = lead[i];
    html_st(lead[i])->kept = 1;
  }
  c->nroots += nlead;
  return 0;
}

/* The captioned <figure> of the removed box that holds the headline,
 * after `from`, or NULL. */
static html_node *S_header_figure(html_node *h1, html_node *from) {
  html_node *box = h1->parent;
  for (int k = 0; box && k < 4 && !(html_st(box) && html_st(box)->removed); k++) box = box->parent;
  if (!box || !html_st(box) || !html_st(box)->removed) return NULL;
  for (html_node *x = html_next(from, box, 1); x; x = html_next(x, box, 0)) {
    if (x->type != XML_ELEMENT_NODE || !html_is(x, "figure")) continue;
    if (html_st(x)->removed) return NULL;
    /* (the removed box's parts have no statistics: their text is read) */
    for (html_node *k = html_next(x, x, 0); k; k = html_next(k, x, 0)) {
      if (!html_is(k, "figcaption")) continue;
      docpipe_buf t = DOCPIPE_BUF_INIT;
      int text = html_text(k, &t, 400) == 0 && t.len > 0;
      docpipe_buf_free(&t);
      if (text) return x;
    }
    return NULL;
  }
  return NULL;
}

/* The content holds the headline, but in a header the cleaner removed (a
 * <header> of no paragraphs: headline, subtitle, picture): the subtitle
 * beside the headline went with it.  It opens the article. */
static int S_lead_in_removed_header(html_ctx *c) {
  html_node *n = c->title_h1->next;
  while (n && n->type != XML_ELEMENT_NODE) n = n->next;
  if (!n || !html_st(n) || html_st(n)->removed || !S_under_removed(c->title_h1)) return 0;
  docpipe_buf t = DOCPIPE_BUF_INIT;
  int lead = !S_aside(n, c->roots[0]) &&
             (S_subtitle_heading(n, c->title_h1, &t) ||
              (html_is(n, "p") && html_st(n)->blocks == 0 && S_is_prose(n, &t)));
  docpipe_buf_free(&t);
  if (!lead) return 0;
  /* the header's picture, after the subtitle, with its caption */
  html_node *add[2] = {n, S_header_figure(c->title_h1, n)};
  return S_prepend_root(c, add, add[1] ? 2 : 1);
}

int html_add_lead(html_ctx *c) {
  if (!c->title_h1 || !c->nroots || c->grid) return 0;
  if (S_in_roots(c, c->title_h1)) return S_lead_in_removed_header(c);
  html_node *first = c->roots[0];
  html_node *lead[LEAD_MAX];
  size_t nlead = 0;
  int walked = 0, reached = 0;
  docpipe_buf t = DOCPIPE_BUF_INIT;
  for (html_node *n = html_next(c->title_h1, c->body, 1); n && walked < LEAD_WALK;) {
    if (n == first) {
      reached = 1;
      break;
    }
    int skip = 0;
    if (n->type == XML_ELEMENT_NODE && html_st(n)) {
      walked++;
      html_stat *s = html_st(n);
      if (html_is(n, "script") || html_is(n, "style") || html_is(n, "form") || s->removed) {
        skip = 1;
      } else if (html_is_heading(n)) {
        skip = 1;
        if (nlead < LEAD_MAX && !S_aside(n, first) && S_subtitle_heading(n, c->title_h1, &t))
          lead[nlead++] = n;
      } else if (s->blocks == 0 && !html_inside(first, n) &&
                 (html_is(n, "p") || html_is(n, "div"))) {
        skip = 1;
        if (!S_aside(n, first) && S_is_prose(n, &t)) {
          if (nlead == LEAD_MAX) break;
          lead[nlead++] = n;
        }
      }
    }
    n = html_next(n, c->body, skip);
  }
  docpipe_buf_free(&t);
  if (!reached || !nlead) return 0;
  return S_prepend_root(c, lead, nlead);
}
