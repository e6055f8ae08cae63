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

static int S_in_roots(const html_ctx *c, const xmlNode *n) {
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
static int S_aside(const xmlNode *n, const xmlNode *first) {
  static const char *const words[] = {"author", "bio",        "tooltip", "byline",
                                      "disclaimer", "disclosure", "caption", "expert", NULL};
  for (int depth = 0; n && depth < 6 && !html_inside(first, n); depth++, n = n->parent)
    if (html_names_have(n, words)) return 1;
  return 0;
}

/* Sentences with words in them, not a byline or a list of links. */
static int S_is_prose(xmlNode *n, docpipe_buf *t) {
  docpipe_buf_reset(t);
  if (html_text_raw(n, t, 4000) != 0 || t->len < LEAD_MIN_BYTES) return 0;
  if (S_count_words(t->data) < LEAD_MIN_WORDS) return 0;
  if (!strpbrk(t->data, ".!?")) return 0;
  if (!strncasecmp(t->data, "by ", 3)) return 0;
  size_t links = 0;
  docpipe_buf a = DOCPIPE_BUF_INIT;
  for (xmlNode *x = html_next(n, n, 0); x;) {
    int in_link = html_is(x, "a");
    docpipe_buf_reset(&a);
    if (in_link && html_text_raw(x, &a, 4000) == 0) links += a.len;
    x = html_next(x, n, in_link);
  }
  docpipe_buf_free(&a);
  return links * 3 < t->len;
}

int html_add_lead(html_ctx *c) {
  if (!c->title_h1 || !c->nroots || c->grid || S_in_roots(c, c->title_h1)) return 0;
  xmlNode *first = c->roots[0];
  xmlNode *lead[LEAD_MAX];
  size_t nlead = 0;
  int walked = 0, reached = 0;
  docpipe_buf t = DOCPIPE_BUF_INIT;
  for (xmlNode *n = html_next(c->title_h1, c->body, 1); n && walked < LEAD_WALK;) {
    if (n == first) {
      reached = 1;
      break;
    }
    int skip = 0;
    if (n->type == XML_ELEMENT_NODE && html_st(n)) {
      walked++;
      html_stat *s = html_st(n);
      if (html_is(n, "script") || html_is(n, "style") || html_is(n, "form") || s->removed ||
          html_is_heading(n)) {
        skip = 1;
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
  xmlNode **r = realloc(c->roots, (c->nroots + nlead) * sizeof *r);
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
