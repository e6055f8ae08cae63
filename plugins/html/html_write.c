/* The html writer: a clean, standalone HTML5 page of the article.
 *
 * The body is written from one walk of the iterator (no recursion, so a
 * deeply nested document cannot exhaust the stack): ENTER opens a tag,
 * EXIT closes it.  The few things that need context are derived from
 * the node itself (a tight list's first paragraph is written without
 * <p>, as cmark does; a header row goes in <thead> while no body row
 * came before it).  The page runs no script: javascript: and similar
 * URLs are dropped, the JSON-LD block is data. */
#include <stdio.h>
#include <string.h>

#include "html_write.h"

typedef struct S_state {
  docpipe_buf *out;
  int section;                  /* in the current table: 0 none, 1 thead, 2 tbody */
  int links;                    /* open links: an <a> is never written inside another */
  int emph, strong;             /* open emphasis: <em><em> (scraped <i><em>) is written once */
  const docpipe_node *skip;     /* an image whose alt-text children are already written */
} S_state;

/* Block tags start on their own line. */
static int S_nl(docpipe_buf *out) {
  if (out->len && out->data[out->len - 1] != '\n') return docpipe_buf_puts(out, "\n");
  return 0;
}

static int S_open(docpipe_buf *out, const char *tag) {
  int rc = S_nl(out);
  return rc ? rc : docpipe_buf_puts(out, tag);
}

/* The first paragraph of an item of a tight list is written bare. */
static int S_bare(const docpipe_node *para) {
  const docpipe_node *item = docpipe_node_parent(para);
  if (docpipe_node_type_of(item) != DOCPIPE_NODE_ITEM || docpipe_node_prev(para)) return 0;
  return docpipe_node_list_tight(docpipe_node_parent(item));
}

static int S_is_th(const docpipe_node *cell) {
  return docpipe_node_row_header(docpipe_node_parent(cell));
}

static int S_img(docpipe_buf *out, const char *url, const char *alt, const char *title) {
  int rc = docpipe_buf_puts(out, "<img");
  if (!rc) rc = html_w_url_attribute(out, "src", url);
  if (!rc) rc = html_w_attribute(out, "alt", alt);
  if (!rc && title && *title) rc = html_w_attribute(out, "title", title);
  if (!rc) rc = docpipe_buf_puts(out, ">");
  return rc;
}

static int S_code_block(docpipe_buf *out, const docpipe_node *n) {
  int rc = S_open(out, "<pre><code");
  const char *info = docpipe_node_info(n);
  size_t ilen = strcspn(info, " \t\n");
  if (!rc && ilen) {
    /* the info string's first word names the language, as in CommonMark */
    rc = docpipe_buf_puts(out, " class=\"language-");
    if (!rc) rc = html_w_escape(out, info, ilen, 1);
    if (!rc) rc = docpipe_buf_puts(out, "\"");
  }
  if (!rc) rc = docpipe_buf_puts(out, ">");
  if (!rc) rc = html_w_text(out, docpipe_node_literal(n));
  if (!rc) rc = docpipe_buf_puts(out, "</code></pre>\n");
  return rc;
}

static int S_row(S_state *s, const docpipe_node *row) {
  int want = docpipe_node_row_header(row) && s->section != 2 ? 1 : 2;
  int rc = 0;
  if (want != s->section) {
    if (s->section == 1) rc = S_open(s->out, "</thead>\n");
    if (!rc) rc = S_open(s->out, want == 1 ? "<thead>\n" : "<tbody>\n");
    s->section = want;
  }
  if (!rc) rc = S_open(s->out, "<tr>\n");
  return rc;
}

static int S_cell(docpipe_buf *out, const docpipe_node *cell) {
  static const char *const align[] = {NULL, "left", "center", "right"};
  docpipe_align a = docpipe_node_cell_align(cell);
  int rc = S_open(out, S_is_th(cell) ? "<th" : "<td");
  if (!rc && a > DOCPIPE_ALIGN_NONE && a <= DOCPIPE_ALIGN_RIGHT)
    rc = docpipe_buf_printf(out, " style=\"text-align: %s\"", align[a]);
  if (!rc) rc = docpipe_buf_puts(out, ">");
  return rc;
}

static int S_enter(S_state *s, const docpipe_node *n) {
  docpipe_buf *out = s->out;
  int rc = 0;
  switch (docpipe_node_type_of(n)) {
  case DOCPIPE_NODE_PARAGRAPH:
    return S_bare(n) ? 0 : S_open(out, "<p>");
  case DOCPIPE_NODE_HEADING: {
    char tag[8];
    snprintf(tag, sizeof tag, "<h%d>", docpipe_node_heading_level(n));
    return S_open(out, tag);
  }
  case DOCPIPE_NODE_BLOCK_QUOTE:
    return S_open(out, "<blockquote>\n");
  case DOCPIPE_NODE_LIST:
    if (docpipe_node_list_type(n) != DOCPIPE_LIST_ORDERED) return S_open(out, "<ul>\n");
    rc = S_open(out, "<ol");
    if (!rc && docpipe_node_list_start(n) != 1)
      rc = docpipe_buf_printf(out, " start=\"%d\"", docpipe_node_list_start(n));
    return rc ? rc : docpipe_buf_puts(out, ">\n");
  case DOCPIPE_NODE_ITEM:
    return S_open(out, "<li>");
  case DOCPIPE_NODE_CODE_BLOCK:
    return S_code_block(out, n);
  case DOCPIPE_NODE_THEMATIC_BREAK:
    return S_open(out, "<hr>\n");
  case DOCPIPE_NODE_FIGURE: {
    const char *url = docpipe_node_url(n);
    const char *alt = docpipe_node_alt(n);
    if (html_w_url_ok(url, 1) || !alt || !*alt) {
      rc = S_open(out, "<figure>\n");
      if (!rc && html_w_url_ok(url, 1)) rc = S_img(out, url, alt, NULL);
    } else { /* no picture to hang the alt text on: the figure's accessible name */
      rc = S_open(out, "<figure");
      if (!rc) rc = html_w_attribute(out, "aria-label", alt);
      if (!rc) rc = docpipe_buf_puts(out, ">\n");
    }
    if (!rc && docpipe_node_first_child(n)) rc = S_open(out, "<figcaption>");
    return rc;
  }
  case DOCPIPE_NODE_TABLE:
    s->section = 0;
    return S_open(out, "<table>\n");
  case DOCPIPE_NODE_TABLE_ROW:
    return S_row(s, n);
  case DOCPIPE_NODE_TABLE_CELL:
    return S_cell(out, n);
  case DOCPIPE_NODE_TEXT:
    return html_w_text(out, docpipe_node_literal(n));
  case DOCPIPE_NODE_SOFT_BREAK:
    return docpipe_buf_puts(out, "\n");
  case DOCPIPE_NODE_LINE_BREAK:
    return docpipe_buf_puts(out, "<br>\n");
  case DOCPIPE_NODE_CODE:
    rc = docpipe_buf_puts(out, "<code>");
    if (!rc) rc = html_w_text(out, docpipe_node_literal(n));
    return rc ? rc : docpipe_buf_puts(out, "</code>");
  case DOCPIPE_NODE_EMPH:
    return s->emph++ ? 0 : docpipe_buf_puts(out, "<em>");
  case DOCPIPE_NODE_STRONG:
    return s->strong++ ? 0 : docpipe_buf_puts(out, "<strong>");
  case DOCPIPE_NODE_LINK: {
    if (s->links++) return 0;
    const char *url = docpipe_node_url(n), *title = docpipe_node_title(n);
    rc = docpipe_buf_puts(out, "<a");
    if (!rc && html_w_url_ok(url, 0)) rc = html_w_url_attribute(out, "href", url);
    if (!rc && *title) rc = html_w_attribute(out, "title", title);
    return rc ? rc : docpipe_buf_puts(out, ">");
  }
  case DOCPIPE_NODE_IMAGE: {
    char *alt = docpipe_node_text_content(n);
    if (!alt) return DOCPIPE_ENOMEM;
    const char *url = docpipe_node_url(n);
    if (html_w_url_ok(url, 1)) rc = S_img(out, url, alt, docpipe_node_title(n));
    else rc = html_w_text(out, alt); /* no usable source: the alt text stands in */
    docpipe_free(alt);
    s->skip = n;
    return rc;
  }
  default:
    return 0;
  }
}

static int S_exit(S_state *s, const docpipe_node *n) {
  docpipe_buf *out = s->out;
  switch (docpipe_node_type_of(n)) {
  case DOCPIPE_NODE_PARAGRAPH:
    return S_bare(n) ? 0 : docpipe_buf_puts(out, "</p>\n");
  case DOCPIPE_NODE_HEADING:
    return docpipe_buf_printf(out, "</h%d>\n", docpipe_node_heading_level(n));
  case DOCPIPE_NODE_BLOCK_QUOTE:
    return S_open(out, "</blockquote>\n");
  case DOCPIPE_NODE_LIST:
    return S_open(out, docpipe_node_list_type(n) == DOCPIPE_LIST_ORDERED ? "</ol>\n" : "</ul>\n");
  case DOCPIPE_NODE_ITEM:
    return docpipe_buf_puts(out, "</li>\n");
  case DOCPIPE_NODE_FIGURE: {
    int rc = docpipe_node_first_child(n) ? docpipe_buf_puts(out, "</figcaption>\n") : 0;
    return rc ? rc : S_open(out, "</figure>\n");
  }
  case DOCPIPE_NODE_TABLE: {
    int rc = s->section == 1 ? S_open(out, "</thead>\n") : s->section == 2 ? S_open(out, "</tbody>\n") : 0;
    s->section = 0;
    return rc ? rc : S_open(out, "</table>\n");
  }
  case DOCPIPE_NODE_TABLE_ROW:
    return S_open(out, "</tr>\n");
  case DOCPIPE_NODE_TABLE_CELL:
    return docpipe_buf_puts(out, S_is_th(n) ? "</th>\n" : "</td>\n");
  case DOCPIPE_NODE_EMPH:
    return --s->emph ? 0 : docpipe_buf_puts(out, "</em>");
  case DOCPIPE_NODE_STRONG:
    return --s->strong ? 0 : docpipe_buf_puts(out, "</strong>");
  case DOCPIPE_NODE_LINK:
    return --s->links ? 0 : docpipe_buf_puts(out, "</a>");
  default:
    return 0;
  }
}

static int S_body(docpipe_buf *out, const docpipe_doc *doc) {
  docpipe_iter *it = docpipe_iter_new(docpipe_doc_root(doc));
  if (!it) return DOCPIPE_ENOMEM;
  S_state s = {out, 0, 0, 0, 0, NULL};
  docpipe_event ev;
  int rc = 0;
  while (!rc && (ev = docpipe_iter_next(it)) != DOCPIPE_EVENT_DONE) {
    const docpipe_node *n = docpipe_iter_node(it);
    if (s.skip) {
      if (n == s.skip && ev == DOCPIPE_EVENT_EXIT) s.skip = NULL;
      continue;
    }
    rc = ev == DOCPIPE_EVENT_ENTER ? S_enter(&s, n) : S_exit(&s, n);
  }
  docpipe_iter_free(it);
  return rc;
}

int html_write(const docpipe_doc *doc, const docpipe_args *args, docpipe_buf *out,
               docpipe_error *err) {
  (void)args;
  const docpipe_value *meta = docpipe_doc_meta(doc);
  const char *lang = docpipe_meta_string(meta, DOCPIPE_META_LANGUAGE);
  int rc = docpipe_buf_puts(out, "<!DOCTYPE html>\n<html");
  if (!rc && lang && html_w_lang_ok(lang)) rc = html_w_attribute(out, "lang", lang);
  if (!rc) rc = docpipe_buf_puts(out, ">\n<head>\n");
  if (rc) return docpipe_error_set(err, rc, "html writer: out of memory");
  rc = html_w_head(out, doc, err);
  if (rc) return rc;
  rc = docpipe_buf_puts(out, "</head>\n<body>\n<article>\n");
  if (!rc) rc = html_w_header(out, meta);
  if (!rc) rc = S_body(out, doc);
  if (!rc) rc = S_open(out, "</article>\n</body>\n</html>\n");
  if (rc) return docpipe_error_set(err, rc, "html writer: out of memory");
  return 0;
}
