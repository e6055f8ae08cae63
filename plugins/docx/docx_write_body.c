/* word/document.xml: the visible header (title, subtitle, byline) and the
 * article.  Node kinds map to style ids as README.md says; the reader
 * relies on that mapping. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <ctype.h>
#include <libxml/uri.h>

#include "docx_w_ctx.h"

/* Deeper trees are refused rather than risk the stack. */
#define MAX_NESTING 1000

typedef struct {
  int quote;  /* block-quote depth */
  int indent; /* left indent (twips) of blocks inside list items */
  int depth;  /* recursion depth */
} blk_ctx;

enum { F_BOLD = 1, F_ITALIC = 2, F_CODE = 4, F_LINK = 8, F_SOFT = 16, F_IMAGE = 32 };

static void S_blocks(docx_w *c, docx_xw *x, const docpipe_node *parent, blk_ctx ctx);
static void S_block(docx_w *c, docx_xw *x, const docpipe_node *n, blk_ctx ctx);
static void S_inlines(docx_w *c, docx_xw *x, const docpipe_node *parent, unsigned fmt, int depth);

/* ---- runs ---------------------------------------------------------- */

static void S_rpr(docx_xw *x, unsigned fmt) {
  if (!fmt) return;
  docx_xw_start(x, "w:rPr");
  if (fmt & F_SOFT)
    docx_xw_empty(x, "w:rStyle", "w:val", "SoftBreak");
  else if (fmt & F_CODE)
    docx_xw_empty(x, "w:rStyle", "w:val", "VerbatimChar");
  else if (fmt & F_IMAGE)
    docx_xw_empty(x, "w:rStyle", "w:val", "ImageLink");
  else if (fmt & F_LINK)
    docx_xw_empty(x, "w:rStyle", "w:val", "Hyperlink");
  if (fmt & F_BOLD) {
    docx_xw_empty(x, "w:b", NULL, NULL);
    docx_xw_empty(x, "w:bCs", NULL, NULL);
  }
  if (fmt & F_ITALIC) {
    docx_xw_empty(x, "w:i", NULL, NULL);
    docx_xw_empty(x, "w:iCs", NULL, NULL);
  }
  docx_xw_end(x);
}

static int S_space(char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'; }

/* One w:t; xml:space="preserve" only where spaces at the ends matter. */
static void S_t(docx_xw *x, const char *s, size_t len) {
  if (len == 0) return;
  char small[256];
  char *tmp = len < sizeof small ? small : malloc(len + 1);
  if (!tmp) {
    x->failed = 1;
    return;
  }
  memcpy(tmp, s, len);
  tmp[len] = '\0';
  docx_xw_start(x, "w:t");
  if (S_space(s[0]) || S_space(s[len - 1])) docx_xw_attr(x, "xml:space", "preserve");
  docx_xw_text(x, tmp);
  docx_xw_end(x);
  if (tmp != small) free(tmp);
}

/* A run of text: tabs become w:tab, line feeds w:br (CR is dropped). */
static void S_run(docx_xw *x, unsigned fmt, const char *s, size_t len) {
  if (len == 0) return;
  docx_xw_start(x, "w:r");
  S_rpr(x, fmt);
  size_t start = 0;
  for (size_t i = 0; i < len; i++) {
    char ch = s[i];
    if (ch != '\t' && ch != '\n' && ch != '\r') continue;
    S_t(x, s + start, i - start);
    if (ch == '\t') docx_xw_empty(x, "w:tab", NULL, NULL);
    if (ch == '\n') docx_xw_empty(x, "w:br", NULL, NULL);
    start = i + 1;
  }
  S_t(x, s + start, len - start);
  docx_xw_end(x);
}

static void S_run_str(docx_xw *x, unsigned fmt, const char *s) { S_run(x, fmt, s, strlen(s)); }

/* ---- images -------------------------------------------------------- */

static void S_drawing(docx_w *c, docx_xw *x, const char *rel, long cx, long cy, const char *alt,
                      const char *url) {
  unsigned id = ++c->drawing_id;
  char name[32];
  snprintf(name, sizeof name, "Picture %u", id);
  docx_xw_start(x, "w:r");
  docx_xw_start(x, "w:drawing");
  docx_xw_start(x, "wp:inline");
  docx_xw_attr(x, "distT", "0");
  docx_xw_attr(x, "distB", "0");
  docx_xw_attr(x, "distL", "0");
  docx_xw_attr(x, "distR", "0");
  docx_xw_start(x, "wp:extent");
  docx_xw_attr_int(x, "cx", cx);
  docx_xw_attr_int(x, "cy", cy);
  docx_xw_end(x);
  docx_xw_start(x, "wp:effectExtent");
  docx_xw_attr(x, "l", "0");
  docx_xw_attr(x, "t", "0");
  docx_xw_attr(x, "r", "0");
  docx_xw_attr(x, "b", "0");
  docx_xw_end(x);
  docx_xw_start(x, "wp:docPr");
  docx_xw_attr_int(x, "id", id);
  docx_xw_attr(x, "name", name);
  if (alt && *alt) docx_xw_attr(x, "descr", alt);
  /* The source, for the reader; a data: URI is the media part itself. */
  if (strncmp(url, "data:", 5) != 0) docx_xw_attr(x, "title", url);
  docx_xw_end(x);
  docx_xw_start(x, "wp:cNvGraphicFramePr");
  docx_xw_empty(x, "a:graphicFrameLocks", "noChangeAspect", "1");
  docx_xw_end(x);
  docx_xw_start(x, "a:graphic");
  docx_xw_start(x, "a:graphicData");
  docx_xw_attr(x, "uri", "http://schemas.openxmlformats.org/drawingml/2006/picture");
  docx_xw_start(x, "pic:pic");
  docx_xw_start(x, "pic:nvPicPr");
  docx_xw_start(x, "pic:cNvPr");
  docx_xw_attr(x, "id", "0");
  docx_xw_attr(x, "name", name);
  docx_xw_end(x);
  docx_xw_empty(x, "pic:cNvPicPr", NULL, NULL);
  docx_xw_end(x);
  docx_xw_start(x, "pic:blipFill");
  docx_xw_empty(x, "a:blip", "r:embed", rel);
  docx_xw_start(x, "a:stretch");
  docx_xw_empty(x, "a:fillRect", NULL, NULL);
  docx_xw_end(x);
  docx_xw_end(x);
  docx_xw_start(x, "pic:spPr");
  docx_xw_start(x, "a:xfrm");
  docx_xw_start(x, "a:off");
  docx_xw_attr(x, "x", "0");
  docx_xw_attr(x, "y", "0");
  docx_xw_end(x);
  docx_xw_start(x, "a:ext");
  docx_xw_attr_int(x, "cx", cx);
  docx_xw_attr_int(x, "cy", cy);
  docx_xw_end(x);
  docx_xw_end(x);
  docx_xw_start(x, "a:prstGeom");
  docx_xw_attr(x, "prst", "rect");
  docx_xw_empty(x, "a:avLst", NULL, NULL);
  docx_xw_end(x);
  docx_xw_end(x); /* spPr */
  docx_xw_end(x); /* pic */
  docx_xw_end(x); /* graphicData */
  docx_xw_end(x); /* graphic */
  docx_xw_end(x); /* inline */
  docx_xw_end(x); /* drawing */
  docx_xw_end(x); /* r */
}

/* Embeds the image at `url` as a drawing run; 1 when it did. */
static int S_try_image(docx_w *c, docx_xw *x, const char *url, const char *alt) {
  const char *rel = NULL;
  long cx = 0, cy = 0;
  if (!url || !*url) return 0;
  int rc = docx_w_image(c, url, &rel, &cx, &cy);
  if (rc <= 0) {
    if (rc < 0) x->failed = 1;
    return 0;
  }
  S_drawing(c, x, rel, cx, cy, alt, url);
  return 1;
}

/* ---- inlines ------------------------------------------------------- */

static int S_has_scheme(const char *url, const char *scheme) {
  size_t n = strlen(scheme);
  return strncasecmp(url, scheme, n) == 0;
}

/* Characters no URI or IRI may hold as they are; Word refuses a package
 * whose relationship target is not a URI, so they are percent-encoded
 * (as a browser would send them), and so is a '%' that starts no escape.
 * Other text, Vietnamese letters included, stays readable. */
static int S_uri_unsafe(const unsigned char *p) {
  if (*p == '%') return !(isxdigit(p[1]) && isxdigit(p[2]));
  return *p <= 0x20 || *p == 0x7F || strchr("<>\"{}|\\^`", *p) != NULL;
}

/* 1 when `s` parses as a URI once non-ASCII bytes are escaped, as the
 * xs:anyURI check of the package schema does it. */
static int S_uri_ok(const char *s) {
  xmlChar *ascii = xmlURIEscapeStr(BAD_CAST s, BAD_CAST ":/?#[]@!$&'()*+,;=%-._~");
  if (!ascii) return 0;
  xmlURIPtr uri = xmlParseURI((const char *)ascii);
  xmlFree(ascii);
  if (!uri) return 0;
  xmlFreeURI(uri);
  return 1;
}

/* The relationship of an external link, one per distinct target; NULL
 * when the target cannot be made a URI (the link stays text) or memory
 * runs out (c->failed is set). */
static const char *S_link_rel(docx_w *c, const char *url) {
  static const char type[] = DOCX_REL_BASE "/hyperlink";
  docpipe_buf esc = DOCPIPE_BUF_INIT;
  for (const unsigned char *p = (const unsigned char *)url; *p; p++) {
    if (!S_uri_unsafe(p)) continue;
    /* Only built when needed: most links are clean. */
    int rc = 0;
    for (const unsigned char *q = (const unsigned char *)url; *q; q++)
      rc |= S_uri_unsafe(q) ? docpipe_buf_printf(&esc, "%%%02X", *q)
                            : docpipe_buf_append(&esc, q, 1);
    if (rc) {
      docpipe_buf_free(&esc);
      docx_w_fail(c, DOCPIPE_ENOMEM, "out of memory");
      return NULL;
    }
    url = esc.data;
    break;
  }
  const char *id = NULL;
  /* A window, not the whole list: a page of 100,000 links stays linear. */
  for (size_t i = c->nrels; i > 0 && i + 256 > c->nrels && !id; i--)
    if (c->rels[i - 1].external && strcmp(c->rels[i - 1].target, url) == 0) id = c->rels[i - 1].id;
  if (!id && S_uri_ok(url)) id = docx_w_add_rel(c, "rLink", ++c->nlinks, type, url, 1);
  docpipe_buf_free(&esc);
  return id;
}

static void S_link(docx_w *c, docx_xw *x, const docpipe_node *link, unsigned fmt, int depth) {
  const char *url = docpipe_node_url(link);
  const char *title = docpipe_node_title(link);
  if ((fmt & F_LINK) || !url[0] || S_has_scheme(url, "data:")) {
    /* No nested links; no giant data: targets. */
    S_inlines(c, x, link, fmt, depth + 1);
    return;
  }
  const char *id = NULL;
  if (url[0] != '#') {
    id = S_link_rel(c, url);
    if (!id) { /* no URI: the text alone */
      if (!c->failed) S_inlines(c, x, link, fmt, depth + 1);
      return;
    }
  }
  docx_xw_start(x, "w:hyperlink");
  if (id)
    docx_xw_attr(x, "r:id", id);
  else if (url[1])
    docx_xw_attr(x, "w:anchor", url + 1);
  if (title[0]) docx_xw_attr(x, "w:tooltip", title);
  docx_xw_attr(x, "w:history", "1");
  S_inlines(c, x, link, fmt | F_LINK, depth + 1);
  docx_xw_end(x);
}

/* An image that is not embedded: its alt text, linked to the image and
 * styled ImageLink, so the reader can rebuild the image node. */
static void S_image_link(docx_w *c, docx_xw *x, const docpipe_node *img, unsigned fmt, int depth) {
  const char *url = docpipe_node_url(img);
  const char *title = docpipe_node_title(img);
  const char *id = NULL;
  if ((fmt & F_LINK) || !url[0] || url[0] == '#' || S_has_scheme(url, "data:") ||
      !(id = S_link_rel(c, url))) {
    if (!c->failed) S_inlines(c, x, img, fmt, depth + 1);
    return;
  }
  docx_xw_start(x, "w:hyperlink");
  docx_xw_attr(x, "r:id", id);
  if (title[0]) docx_xw_attr(x, "w:tooltip", title);
  docx_xw_attr(x, "w:history", "1");
  if (!docpipe_node_first_child(img)) {
    S_run_str(x, fmt | F_LINK | F_IMAGE, url); /* something to click */
  } else {
    S_inlines(c, x, img, fmt | F_LINK | F_IMAGE, depth + 1);
  }
  docx_xw_end(x);
}

static void S_inlines(docx_w *c, docx_xw *x, const docpipe_node *parent, unsigned fmt, int depth) {
  if (depth > MAX_NESTING) {
    docx_w_fail(c, DOCPIPE_ELIMIT, "inline nesting deeper than %d", MAX_NESTING);
    return;
  }
  for (const docpipe_node *n = docpipe_node_first_child(parent); n && !x->failed && !c->failed;
       n = docpipe_node_next(n)) {
    switch (docpipe_node_type_of(n)) {
    case DOCPIPE_NODE_TEXT:
      S_run_str(x, fmt, docpipe_node_literal(n));
      break;
    case DOCPIPE_NODE_CODE:
      S_run_str(x, fmt | F_CODE, docpipe_node_literal(n));
      break;
    case DOCPIPE_NODE_SOFT_BREAK:
      S_run_str(x, (fmt & ~(unsigned)(F_CODE | F_LINK)) | F_SOFT, " ");
      break;
    case DOCPIPE_NODE_LINE_BREAK:
      docx_xw_start(x, "w:r");
      docx_xw_empty(x, "w:br", NULL, NULL);
      docx_xw_end(x);
      break;
    case DOCPIPE_NODE_EMPH:
      S_inlines(c, x, n, fmt | F_ITALIC, depth + 1);
      break;
    case DOCPIPE_NODE_STRONG:
      S_inlines(c, x, n, fmt | F_BOLD, depth + 1);
      break;
    case DOCPIPE_NODE_LINK:
      S_link(c, x, n, fmt, depth);
      break;
    case DOCPIPE_NODE_IMAGE: {
      char *alt = docpipe_node_text_content(n);
      if (!alt) {
        x->failed = 1;
        break;
      }
      if (!S_try_image(c, x, docpipe_node_url(n), alt) && !x->failed)
        S_image_link(c, x, n, fmt, depth);
      docpipe_free(alt);
      break;
    }
    default:
      break;
    }
  }
}

/* ---- paragraphs ---------------------------------------------------- */

typedef struct {
  const char *style;
  int num_id, ilvl; /* num_id 0: not numbered */
  int ind;          /* left indent, 0: from the style */
  const char *jc;
} para_fmt;

static void S_ppr(docx_xw *x, const para_fmt *p) {
  if (!p->style && !p->num_id && !p->ind && !p->jc) return;
  docx_xw_start(x, "w:pPr");
  if (p->style) docx_xw_empty(x, "w:pStyle", "w:val", p->style);
  if (p->num_id) {
    docx_xw_start(x, "w:numPr");
    docx_xw_empty_int(x, "w:ilvl", "w:val", p->ilvl);
    docx_xw_empty_int(x, "w:numId", "w:val", p->num_id);
    docx_xw_end(x);
  }
  if (p->ind) docx_xw_empty_int(x, "w:ind", "w:left", p->ind);
  if (p->jc) docx_xw_empty(x, "w:jc", "w:val", p->jc);
  docx_xw_end(x);
}

static void S_para(docx_w *c, docx_xw *x, const para_fmt *p, const docpipe_node *inlines,
                   int depth) {
  docx_xw_start(x, "w:p");
  S_ppr(x, p);
  if (inlines) S_inlines(c, x, inlines, 0, depth + 1);
  docx_xw_end(x);
}

/* The style and indent a plain paragraph gets in context. */
static para_fmt S_body_fmt(blk_ctx ctx) {
  para_fmt p = {0};
  if (ctx.quote) {
    p.style = "Quote";
    if (ctx.quote > 1 || ctx.indent) p.ind = 567 * ctx.quote + ctx.indent;
  } else if (ctx.indent) {
    p.style = "ListParagraph";
    p.ind = ctx.indent;
  }
  return p;
}

static void S_code_block(docx_w *c, docx_xw *x, const docpipe_node *n, blk_ctx ctx) {
  const char *info = docpipe_node_info(n);
  if (info[0]) c->any_code_info = 1;
  if (json_array_append_new(c->code_info, json_string(info)) < 0) x->failed = 1;
  const char *s = docpipe_node_literal(n);
  size_t len = strlen(s);
  if (len && s[len - 1] == '\n') len--;
  para_fmt p = {.style = "SourceCode", .ind = ctx.indent + 567 * ctx.quote};
  docx_xw_start(x, "w:p");
  S_ppr(x, &p);
  S_run(x, 0, s, len);
  docx_xw_end(x);
}

static void S_figure(docx_w *c, docx_xw *x, const docpipe_node *n, blk_ctx ctx) {
  const char *url = docpipe_node_url(n);
  const char *alt = docpipe_node_alt(n);
  para_fmt p = {.style = "Figure", .ind = ctx.indent};
  docx_xw_start(x, "w:p");
  S_ppr(x, &p);
  if (!S_try_image(c, x, url, alt) && !x->failed) {
    const char *text = alt[0] ? alt : url;
    if (url[0] && !S_has_scheme(url, "data:") && url[0] != '#') {
      const char *id = S_link_rel(c, url);
      if (!id) {
        if (!c->failed) S_run_str(x, 0, text);
      } else {
        docx_xw_start(x, "w:hyperlink");
        docx_xw_attr(x, "r:id", id);
        docx_xw_attr(x, "w:history", "1");
        S_run_str(x, F_LINK, text);
        docx_xw_end(x);
      }
    } else if (alt[0]) {
      S_run_str(x, 0, alt);
    }
  }
  docx_xw_end(x);
  if (docpipe_node_first_child(n)) {
    para_fmt cap = {.style = "Caption", .ind = ctx.indent};
    S_para(c, x, &cap, n, ctx.depth);
  }
}

/* ---- tables -------------------------------------------------------- */

static size_t S_count(const docpipe_node *n) {
  size_t k = 0;
  for (const docpipe_node *ch = docpipe_node_first_child(n); ch; ch = docpipe_node_next(ch)) k++;
  return k;
}

static const char *S_jc(docpipe_align a) {
  switch (a) {
  case DOCPIPE_ALIGN_LEFT:
    return "left";
  case DOCPIPE_ALIGN_CENTER:
    return "center";
  case DOCPIPE_ALIGN_RIGHT:
    return "right";
  default:
    return NULL;
  }
}

static void S_table(docx_w *c, docx_xw *x, const docpipe_node *t, blk_ctx ctx) {
  size_t ncols = 0;
  for (const docpipe_node *r = docpipe_node_first_child(t); r; r = docpipe_node_next(r)) {
    size_t k = S_count(r);
    if (k > ncols) ncols = k;
  }
  if (ncols == 0) return; /* Word refuses tables without cells */
  const docpipe_node *first = docpipe_node_first_child(t);
  int head = first && docpipe_node_row_header(first);
  long width = DOCX_W_TEXT_W - ctx.indent;
  long colw = width / (long)ncols;
  if (colw < 1) colw = 1;

  docx_xw_start(x, "w:tbl");
  docx_xw_start(x, "w:tblPr");
  docx_xw_empty(x, "w:tblStyle", "w:val", "ArticleTable");
  docx_xw_start(x, "w:tblW");
  docx_xw_attr(x, "w:w", "5000");
  docx_xw_attr(x, "w:type", "pct");
  docx_xw_end(x);
  if (ctx.indent) {
    docx_xw_start(x, "w:tblInd");
    docx_xw_attr_int(x, "w:w", ctx.indent);
    docx_xw_attr(x, "w:type", "dxa");
    docx_xw_end(x);
  }
  docx_xw_start(x, "w:tblLook");
  docx_xw_attr(x, "w:val", head ? "0420" : "0400");
  docx_xw_attr(x, "w:firstRow", head ? "1" : "0");
  docx_xw_attr(x, "w:lastRow", "0");
  docx_xw_attr(x, "w:firstColumn", "0");
  docx_xw_attr(x, "w:lastColumn", "0");
  docx_xw_attr(x, "w:noHBand", "0");
  docx_xw_attr(x, "w:noVBand", "1");
  docx_xw_end(x);
  docx_xw_end(x);
  docx_xw_start(x, "w:tblGrid");
  for (size_t i = 0; i < ncols; i++) docx_xw_empty_int(x, "w:gridCol", "w:w", colw);
  docx_xw_end(x);
  for (const docpipe_node *r = docpipe_node_first_child(t); r && !x->failed;
       r = docpipe_node_next(r)) {
    size_t k = S_count(r);
    if (k == 0) continue; /* a row needs a cell; inventing one would add text */
    docx_xw_start(x, "w:tr");
    if (docpipe_node_row_header(r) || k < ncols) {
      docx_xw_start(x, "w:trPr");
      if (k < ncols) docx_xw_empty_int(x, "w:gridAfter", "w:val", (long)(ncols - k));
      if (docpipe_node_row_header(r)) docx_xw_empty(x, "w:tblHeader", NULL, NULL);
      docx_xw_end(x);
    }
    for (const docpipe_node *cell = docpipe_node_first_child(r); cell;
         cell = docpipe_node_next(cell)) {
      docx_xw_start(x, "w:tc");
      docx_xw_start(x, "w:tcPr");
      docx_xw_start(x, "w:tcW");
      docx_xw_attr_int(x, "w:w", colw);
      docx_xw_attr(x, "w:type", "dxa");
      docx_xw_end(x);
      docx_xw_end(x);
      para_fmt p = {.jc = S_jc(docpipe_node_cell_align(cell))};
      S_para(c, x, &p, cell, ctx.depth);
      docx_xw_end(x);
    }
    docx_xw_end(x);
  }
  docx_xw_end(x);
}

/* ---- lists --------------------------------------------------------- */

static int S_new_num(docx_w *c, int ordered, int start, int ilvl) {
  if (c->nnums == c->cap_nums) {
    size_t cap = c->cap_nums ? 2 * c->cap_nums : 8;
    docx_w_num *n = realloc(c->nums, cap * sizeof *n);
    if (!n) return docx_w_fail(c, DOCPIPE_ENOMEM, "out of memory"), 0;
    c->nums = n;
    c->cap_nums = cap;
  }
  c->nums[c->nnums++] = (docx_w_num){start < 0 ? 0 : start, ilvl, ordered};
  return (int)(DOCX_W_BULLET_NUM + c->nnums);
}

static void S_list(docx_w *c, docx_xw *x, const docpipe_node *list, blk_ctx ctx, int ilvl) {
  if (ctx.depth > MAX_NESTING) {
    docx_w_fail(c, DOCPIPE_ELIMIT, "list nesting deeper than %d", MAX_NESTING);
    return;
  }
  if (json_array_append_new(c->list_tight, json_boolean(docpipe_node_list_tight(list))) < 0) {
    docx_w_fail(c, DOCPIPE_ENOMEM, "out of memory");
    return;
  }
  int num_id = S_new_num(c, docpipe_node_list_type(list) == DOCPIPE_LIST_ORDERED,
                         docpipe_node_list_start(list), ilvl);
  if (!num_id) return;
  blk_ctx inner = ctx;
  inner.indent = 720 * (ilvl + 1);
  inner.depth = ctx.depth + 1;
  int next_lvl = ilvl < DOCX_W_MAX_LEVEL ? ilvl + 1 : ilvl;
  for (const docpipe_node *item = docpipe_node_first_child(list); item && !x->failed && !c->failed;
       item = docpipe_node_next(item)) {
    para_fmt numbered = {.style = "ListParagraph", .num_id = num_id, .ilvl = ilvl};
    const docpipe_node *b = docpipe_node_first_child(item);
    if (!b || docpipe_node_type_of(b) != DOCPIPE_NODE_PARAGRAPH) {
      S_para(c, x, &numbered, NULL, ctx.depth); /* the number stands alone */
    } else {
      S_para(c, x, &numbered, b, ctx.depth);
      b = docpipe_node_next(b);
    }
    for (; b && !x->failed && !c->failed; b = docpipe_node_next(b)) {
      if (docpipe_node_type_of(b) == DOCPIPE_NODE_LIST) {
        S_list(c, x, b, inner, next_lvl);
      } else {
        S_block(c, x, b, inner);
      }
    }
  }
}

/* ---- blocks -------------------------------------------------------- */

static void S_block(docx_w *c, docx_xw *x, const docpipe_node *n, blk_ctx ctx) {
  if (ctx.depth > MAX_NESTING) {
    docx_w_fail(c, DOCPIPE_ELIMIT, "block nesting deeper than %d", MAX_NESTING);
    return;
  }
  blk_ctx inner = ctx;
  inner.depth++;
  switch (docpipe_node_type_of(n)) {
  case DOCPIPE_NODE_PARAGRAPH: {
    para_fmt p = S_body_fmt(ctx);
    S_para(c, x, &p, n, ctx.depth);
    break;
  }
  case DOCPIPE_NODE_HEADING: {
    char style[16];
    int level = docpipe_node_heading_level(n);
    if (level < 1) level = 1;
    if (level > 6) level = 6;
    snprintf(style, sizeof style, "Heading%d", level);
    para_fmt p = {.style = style, .ind = ctx.indent};
    S_para(c, x, &p, n, ctx.depth);
    break;
  }
  case DOCPIPE_NODE_BLOCK_QUOTE:
    inner.quote++;
    S_blocks(c, x, n, inner);
    break;
  case DOCPIPE_NODE_LIST:
    S_list(c, x, n, inner, 0);
    break;
  case DOCPIPE_NODE_CODE_BLOCK:
    S_code_block(c, x, n, ctx);
    break;
  case DOCPIPE_NODE_THEMATIC_BREAK: {
    para_fmt p = {.style = "HorizontalRule"};
    S_para(c, x, &p, NULL, ctx.depth);
    break;
  }
  case DOCPIPE_NODE_FIGURE:
    S_figure(c, x, n, inner);
    break;
  case DOCPIPE_NODE_TABLE:
    S_table(c, x, n, inner);
    break;
  default:
    break;
  }
}

static void S_blocks(docx_w *c, docx_xw *x, const docpipe_node *parent, blk_ctx ctx) {
  int after_table = 0;
  for (const docpipe_node *n = docpipe_node_first_child(parent); n && !x->failed && !c->failed;
       n = docpipe_node_next(n)) {
    int is_table = docpipe_node_type_of(n) == DOCPIPE_NODE_TABLE;
    if (is_table && after_table) {
      /* Adjacent tables would merge into one in Word. */
      docx_xw_start(x, "w:p");
      docx_xw_end(x);
    }
    S_block(c, x, n, ctx);
    after_table = is_table;
  }
}

/* ---- header and document ------------------------------------------- */

static void S_header_para(docx_xw *x, const char *style, const char *text) {
  para_fmt p = {.style = style};
  docx_xw_start(x, "w:p");
  S_ppr(x, &p);
  S_run_str(x, 0, text);
  docx_xw_end(x);
}

/* "27/12/2019 · Nguyễn Văn A, Trần B · Báo Nhân Dân": what a reader of
 * the page sees under the headline. */
static int S_byline(const docpipe_value *meta, docpipe_buf *b) {
  static const char sep[] = " \xC2\xB7 "; /* middle dot */
  int rc = 0;
  const char *date = docpipe_meta_string(meta, DOCPIPE_META_DATE_TEXT);
  const char *iso = docpipe_meta_string(meta, DOCPIPE_META_DATE);
  const char *lang = docpipe_meta_string(meta, DOCPIPE_META_LANGUAGE);
  if (!date && iso && docpipe_date_iso_valid(iso)) {
    /* YYYY-MM-DD[THH:MM...] shown as DD/MM/YYYY [HH:MM] in Vietnamese,
     * else as the unambiguous YYYY-MM-DD [HH:MM]. */
    if (lang && strncmp(lang, "vi", 2) == 0)
      rc |= docpipe_buf_printf(b, "%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
    else
      rc |= docpipe_buf_printf(b, "%.10s", iso);
    if (strlen(iso) >= 16) rc |= docpipe_buf_printf(b, " %.5s", iso + 11);
  } else if (date || iso) {
    rc |= docpipe_buf_puts(b, date ? date : iso);
  }
  size_t na = docpipe_meta_list_count(meta, DOCPIPE_META_AUTHORS);
  int first = 1;
  for (size_t i = 0; i < na; i++) {
    const char *a = docpipe_meta_list_item(meta, DOCPIPE_META_AUTHORS, i);
    if (!a || !*a) continue;
    rc |= docpipe_buf_puts(b, first ? (b->len ? sep : "") : ", ");
    rc |= docpipe_buf_puts(b, a);
    first = 0;
  }
  const char *source = docpipe_meta_string(meta, DOCPIPE_META_SOURCE);
  if (source && *source) {
    if (b->len) rc |= docpipe_buf_puts(b, sep);
    rc |= docpipe_buf_puts(b, source);
  }
  return rc;
}

static void S_header(docx_w *c, docx_xw *x) {
  const docpipe_value *meta = docpipe_doc_meta(c->doc);
  const char *title = docpipe_meta_string(meta, DOCPIPE_META_TITLE);
  const char *subtitle = docpipe_meta_string(meta, DOCPIPE_META_SUBTITLE);
  if (title && *title) S_header_para(x, "Title", title);
  if (subtitle && *subtitle) S_header_para(x, "Subtitle", subtitle);
  docpipe_buf b = DOCPIPE_BUF_INIT;
  if (S_byline(meta, &b)) {
    x->failed = 1;
  } else if (b.len) {
    S_header_para(x, "Byline", b.data);
  }
  docpipe_buf_free(&b);
}

static void S_sect(docx_xw *x) {
  docx_xw_start(x, "w:sectPr");
  docx_xw_start(x, "w:footerReference");
  docx_xw_attr(x, "w:type", "default");
  docx_xw_attr(x, "r:id", "rFooter1");
  docx_xw_end(x);
  docx_xw_start(x, "w:pgSz");
  docx_xw_attr_int(x, "w:w", DOCX_W_PAGE_W);
  docx_xw_attr_int(x, "w:h", DOCX_W_PAGE_H);
  docx_xw_end(x);
  docx_xw_start(x, "w:pgMar");
  docx_xw_attr_int(x, "w:top", DOCX_W_MARGIN);
  docx_xw_attr_int(x, "w:right", DOCX_W_MARGIN);
  docx_xw_attr_int(x, "w:bottom", DOCX_W_MARGIN);
  docx_xw_attr_int(x, "w:left", DOCX_W_MARGIN);
  docx_xw_attr_int(x, "w:header", 709);
  docx_xw_attr_int(x, "w:footer", 709);
  docx_xw_attr_int(x, "w:gutter", 0);
  docx_xw_end(x);
  docx_xw_end(x);
}

int docx_w_body(docx_w *c) {
  docx_xw x;
  if (docx_xw_open(&x)) return docx_w_fail(c, DOCPIPE_ENOMEM, "out of memory");
  docx_xw_start(&x, "w:document");
  docx_xw_attr(&x, "xmlns:w", DOCX_NS_W);
  docx_xw_attr(&x, "xmlns:r", DOCX_REL_BASE);
  docx_xw_attr(&x, "xmlns:wp",
               "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing");
  docx_xw_attr(&x, "xmlns:a", "http://schemas.openxmlformats.org/drawingml/2006/main");
  docx_xw_attr(&x, "xmlns:pic", "http://schemas.openxmlformats.org/drawingml/2006/picture");
  docx_xw_start(&x, "w:body");
  S_header(c, &x);
  blk_ctx ctx = {0, 0, 0};
  S_blocks(c, &x, docpipe_doc_root(c->doc), ctx);
  S_sect(&x);
  docx_xw_end(&x);
  docx_xw_end(&x);
  if (c->failed) {
    docx_xw_discard(&x);
    return c->failed;
  }
  return docx_xw_close_part(&x, c, "word/document.xml");
}
