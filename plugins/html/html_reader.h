/* html_reader.h — the reader's internal parts, shared by its files only.
 *
 * The reader runs in stages, one file each:
 *   html_encoding.c  bytes in any declared/detected charset -> UTF-8 NFC
 *   html_tree.c      the page's tree, from libxml2's HTML parser's events
 *   html_attrs.c     each element's attributes, packed in an arena
 *   html_dom.c       per-element statistics and class/id hints over the tree
 *   html_content.c   boilerplate removal and main-content scoring
 *   html_meta.c      metadata from JSON-LD, meta tags, <time>, itemprop...
 *   html_build.c     the chosen DOM subtrees -> docpipe blocks and inlines
 *   html_visible.c   title/date/byline lines visible in the body -> metadata
 *   html_read.c      the plugin's probe and read functions tying them together
 * Per-call state lives in html_ctx; nothing is global. */
#ifndef DOCPIPE_PLUGIN_HTML_READER_H
#define DOCPIPE_PLUGIN_HTML_READER_H

#include "html.h"
#include "html_tree.h"

/* Per-element facts, reached through html_node._private. */
typedef struct html_stat {
  float score;         /* content score (Readability-like) */
  unsigned text_len;   /* visible characters in the subtree */
  unsigned link_len;   /* of which inside <a> */
  unsigned own_len;    /* characters not inside a block-level child */
  unsigned commas;     /* commas in own text */
  unsigned tcommas;    /* commas in the subtree */
  unsigned imgs, paras, items, inputs, blocks; /* descendants: img, p, li, form fields, blocks */
  short weight;        /* class/id hint: +25 content-like, -25 boilerplate-like */
  /* One per element (a million on a 50 MB page of dense markup), hence
   * the float, the short and the bits: 48 bytes, not 64. */
  unsigned removed : 1;   /* boilerplate: never output */
  unsigned candidate : 1; /* has a content score */
  unsigned kept : 1;      /* part of the chosen content */
  unsigned post : 1;      /* a post of a thread that is the page's content */
  unsigned block : 1;     /* a block-level element (cached html_is_block) */
} html_stat;

typedef struct html_ctx {
  html_tree *tree;
  html_node *body;
  html_stat *stats;   /* one per element */
  size_t nstats;
  html_node **roots;    /* the chosen content, in document order */
  size_t nroots;
  html_node *title_h1;  /* the headline element, when one was found */
  char *title_alt;    /* the meta title, when an h1 unlike it was taken (malloc'd) */
  int h1_unrelated;   /* that h1 shares no word with the og:title */
  size_t max_depth;
  int grid;           /* the content is a grid of cards: keep its links */
  int own;            /* a page docpipe's html writer wrote: read back as is */
  int relaxed;        /* second pass: class and id words drop nothing (see html_read.c) */
  const char *base_url; /* absolute http(s) address relative links resolve against, or NULL */
} html_ctx;

/* html_encoding.c: the page as UTF-8; invalid bytes become U+FFFD and
 * legacy charsets come out in NFC.  Returns `data` itself (no copy, *copied
 * = 0) when the page is valid UTF-8 already, else a new buffer to free with
 * docpipe_free.  NULL only when memory runs out.  (The model's setters
 * normalise every string to NFC, so valid UTF-8 needs no pass here.) */
const char *html_decode(const unsigned char *data, size_t size, size_t *out_len, int *copied);
/* html_attr_names.c: framework attribute names (`@click`, `(click)`,
 * `[prop]`) that libxml2 2.9 cannot tokenize made into plain names, in
 * the page's buffer *s of len bytes (from html_decode).  That buffer is
 * written to when *copied; otherwise, if there is anything to fix, *s
 * becomes a fixed copy (free with docpipe_free) and *copied 1.  Returns 0,
 * or -1 when memory runs out (*s unchanged). */
int html_fix_attr_names(const char **s, size_t len, int *copied);
/* html_streamed.c: React's streamed parts (hidden <div id="S:n"> at the
 * page's end) moved where their placeholders stand, as the page's scripts
 * would move them. */
void html_resolve_streamed(html_node *root);
/* html_mojibake.c: a copy of valid UTF-8 `s` with UTF-8-encoded-twice
 * sequences repaired, or NULL when it has none (or memory runs out). */
char *html_repair_double_utf8(const char *s, size_t len, size_t *out_len);
/* The charset named in the first bytes (BOM, <meta charset>, http-equiv), lower
 * case, into out[size]; 1 when one was found. */
int html_sniff_charset(const unsigned char *data, size_t size, char *out, size_t out_size);

/* html_attrs.c: each element's attributes in one block of an arena freed
 * with the page (see there), not as libxml2 attribute nodes. */
void html_arena_free(html_arena *a);
/* Packs the parser's name/value list `atts` (NULL-terminated, values may
 * be NULL) into n; 0, or -1 when memory runs out (n has none then). */
int html_attrs_pack(html_arena *a, html_node *n, const xmlChar **atts);
int html_has_attrs(const html_node *n);
/* The value of n's attribute `name` (any case), "" when it has none,
 * NULL when absent; borrowed from the arena. */
const char *html_attr(const html_node *n, const char *name);

/* html_dom.c */
static inline html_stat *html_st(const html_node *n) { return (html_stat *)n->_private; }
int html_is(const html_node *n, const char *name);
int html_is_block(const html_node *n);
int html_is_heading(const html_node *n);
/* 1 when n is a or lies inside it. */
int html_inside(const html_node *n, const html_node *a);
int html_has_word(const char *hay, const char *const *words);
/* n's class, a space and its id, lower-cased, into low[size]. */
void html_lower_names(const html_node *n, char *low, size_t size);
/* 1 when n's attribute `attr` (its first 199 bytes), lower-cased, holds one of `words`. */
int html_attr_has(const html_node *n, const char *attr, const char *const *words);
/* The same for its class or its id. */
int html_names_have(const html_node *n, const char *const *words);
/* Blanks CSS utility tokens ("overflow-hidden", "font-size-sm") in a
 * lower-cased class list, so their words weigh nothing. */
void html_blank_utility_classes(char *low);
/* The part of n's class/id weight that comes from utility tokens alone
 * (-25 for "overflow-hidden", 0 for most elements). */
int html_utility_weight(const html_node *n);
/* An element's own alignment: align="right" (HTML 4) or style="text-align: right". */
docpipe_align html_align(const html_node *n);
/* Pre-order successor of n within root (skip_children: do not descend). */
html_node *html_next(html_node *n, const html_node *root, int skip_children);
int html_stats_alloc(html_ctx *c);
void html_stats_compute(html_ctx *c);
/* Appends the collapsed visible text of n's subtree (removed parts skipped). */
int html_text(const html_node *n, docpipe_buf *out, size_t max);
/* Same, including the parts marked removed. */
int html_text_raw(const html_node *n, docpipe_buf *out, size_t max);
/* Lower-cased copy of UTF-8 s (utf8proc casefold) for comparing, without
 * the characters that print nothing (soft hyphens, zero-width spaces);
 * free with docpipe_free. */
char *html_fold(const char *s, size_t len);

/* html_content.c */
void html_mark_boilerplate(html_ctx *c);
int html_choose_content(html_ctx *c);
void html_clean_content(html_ctx *c);
/* html_lead.c: the standfirst between the headline (c->title_h1) and the
 * chosen content, when the content holds no headline, added before it. */
int html_add_lead(html_ctx *c);

/* html_meta.c: the page's machine-readable hints, best source first. */
typedef struct html_meta {
  char *ld_headline, *og_title, *tw_title, *dc_title, *doc_title;
  char *date, *modified;       /* raw values, best source first */
  char *description, *url, *source, *language;
  docpipe_value *authors;      /* list */
  docpipe_value *tags;         /* list */
  int authors_from_ld;
  int article_typed;           /* JSON-LD names an Article, or og:type does */
} html_meta;
int html_meta_collect(html_ctx *c, html_meta *m);
void html_meta_free(html_meta *m);
/* Normalises an ISO-like date to the `date` form; 1 on success. */
int html_date_normalise(const char *s, char *out, size_t out_size);

/* html_build.c */
int html_build(html_ctx *c, docpipe_node *root, docpipe_error *err);

/* html_visible.c: the headline (sets c->title_h1; returns a malloc'd
 * title or NULL), then, after the build, date and byline lines from what
 * the page shows, and all metadata into the document. */
char *html_find_title(html_ctx *c, const html_meta *m);
/* A page that shows no sign of an article (no article type, date or
 * byline, in the meta tags or the `pre` scan) is named by its meta title,
 * not by an h1 unlike it (c->title_alt): a landing page's h1 is a slogan.
 * So is any page whose h1 shares no word with its og:title.  Replaces
 * *title then. */
void html_title_for_page(html_ctx *c, const html_meta *m, const docpipe_value *pre, char **title);
void html_visible_prescan(html_ctx *c, docpipe_value *pre);
int html_visible_meta(html_ctx *c, html_meta *m, const char *title, docpipe_value *pre,
                      docpipe_doc *doc);

#endif
