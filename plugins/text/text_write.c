/* The text writer: the metadata header, then the body as readable plain
 * text.  Each block is rendered into its own buffer of lines, and
 * containers (quotes, list items) prefix their children's lines, so
 * nesting needs no state beyond the call stack. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

static const char S_underline[] = "=-~^\"'";

static int S_blocks(const docpipe_node *first, docpipe_buf *out, int tight, int depth);

static int S_inlines(const docpipe_node *n, docpipe_buf *out, int flat) {
  int rc = 0;
  for (const docpipe_node *c = docpipe_node_first_child(n); c && !rc; c = docpipe_node_next(c)) {
    switch (docpipe_node_type_of(c)) {
    case DOCPIPE_NODE_TEXT:
    case DOCPIPE_NODE_CODE: {
      const char *s = docpipe_node_literal(c);
      if (!flat) {
        rc = docpipe_buf_puts(out, s);
        break;
      }
      for (; *s && !rc; s++) rc = docpipe_buf_append(out, (*s == '\n' || *s == '\r') ? " " : s, 1);
      break;
    }
    case DOCPIPE_NODE_SOFT_BREAK:
    case DOCPIPE_NODE_LINE_BREAK:
      rc = docpipe_buf_puts(out, flat ? " " : "\n");
      break;
    case DOCPIPE_NODE_LINK: {
      size_t before = out->len;
      rc = S_inlines(c, out, flat);
      const char *url = docpipe_node_url(c);
      size_t tlen = out->len - before;
      /* "text <url>", unless the text already is the URL. */
      if (!rc && *url && !(tlen == strlen(url) && memcmp(out->data + before, url, tlen) == 0))
        rc = docpipe_buf_printf(out, tlen ? " <%s>" : "<%s>", url);
      break;
    }
    case DOCPIPE_NODE_IMAGE: {
      docpipe_buf alt = DOCPIPE_BUF_INIT;
      rc = S_inlines(c, &alt, 1);
      if (!rc) rc = docpipe_buf_printf(out, "[Image%s%s]", alt.len ? ": " : "", alt.len ? alt.data : "");
      docpipe_buf_free(&alt);
      break;
    }
    default:
      rc = S_inlines(c, out, flat);
    }
  }
  return rc;
}

/* Appends `text` with `first` before its first line and `rest` before the
 * others (blank lines get the prefix without trailing spaces). */
static int S_prefixed(docpipe_buf *out, const char *text, size_t len, const char *first,
                      const char *rest) {
  int rc = 0;
  size_t i = 0, line = 0;
  while (i < len && !rc) {
    const char *nl = memchr(text + i, '\n', len - i);
    size_t end = nl ? (size_t)(nl - text) : len;
    const char *p = line == 0 ? first : rest;
    if (end == i) {
      size_t pl = strlen(p);
      while (pl && p[pl - 1] == ' ') pl--;
      rc = docpipe_buf_append(out, p, pl);
    } else {
      rc = docpipe_buf_puts(out, p);
      if (!rc) rc = docpipe_buf_append(out, text + i, end - i);
    }
    if (!rc) rc = docpipe_buf_puts(out, "\n");
    i = end + 1;
    line++;
  }
  return rc;
}

static size_t S_width(const char *s, size_t len) {
  size_t n = 0;
  for (size_t i = 0; i < len; i++)
    if (((unsigned char)s[i] & 0xC0) != 0x80) n++;
  return n;
}

static int S_pad(docpipe_buf *out, size_t n) {
  int rc = 0;
  while (n-- && !rc) rc = docpipe_buf_puts(out, " ");
  return rc;
}

/* Tables as aligned text between pipes; the header row is followed by a
 * rule line. */
static int S_table(const docpipe_node *t, docpipe_buf *out) {
  size_t ncols = 0, nrows = 0;
  for (const docpipe_node *r = docpipe_node_first_child(t); r; r = docpipe_node_next(r)) {
    size_t k = 0;
    for (const docpipe_node *c = docpipe_node_first_child(r); c; c = docpipe_node_next(c)) k++;
    if (k > ncols) ncols = k;
    nrows++;
  }
  if (!ncols) return 0;
  docpipe_buf *cells = calloc(ncols * nrows, sizeof *cells);
  size_t *w = calloc(ncols, sizeof *w);
  int rc = (cells && w) ? 0 : DOCPIPE_ENOMEM;
  size_t ri = 0;
  for (const docpipe_node *r = docpipe_node_first_child(t); r && !rc; r = docpipe_node_next(r), ri++) {
    size_t ci = 0;
    for (const docpipe_node *c = docpipe_node_first_child(r); c && !rc; c = docpipe_node_next(c), ci++) {
      docpipe_buf *b = &cells[ri * ncols + ci];
      rc = S_inlines(c, b, 1);
      size_t cw = S_width(b->data ? b->data : "", b->len);
      if (cw > w[ci]) w[ci] = cw;
    }
  }
  ri = 0;
  for (const docpipe_node *r = docpipe_node_first_child(t); r && !rc; r = docpipe_node_next(r), ri++) {
    for (size_t ci = 0; ci < ncols && !rc; ci++) {
      docpipe_buf *b = &cells[ri * ncols + ci];
      rc = docpipe_buf_puts(out, "| ");
      if (!rc && b->len) rc = docpipe_buf_append(out, b->data, b->len);
      if (!rc) rc = S_pad(out, w[ci] - S_width(b->data ? b->data : "", b->len) + 1);
    }
    if (!rc) rc = docpipe_buf_puts(out, "|\n");
    if (!rc && docpipe_node_row_header(r)) {
      for (size_t ci = 0; ci < ncols && !rc; ci++) {
        rc = docpipe_buf_puts(out, "|");
        for (size_t k = 0; k < w[ci] + 2 && !rc; k++) rc = docpipe_buf_puts(out, "-");
      }
      if (!rc) rc = docpipe_buf_puts(out, "|\n");
    }
  }
  for (size_t i = 0; cells && i < ncols * nrows; i++) docpipe_buf_free(&cells[i]);
  free(cells);
  free(w);
  return rc;
}

static int S_block(const docpipe_node *n, docpipe_buf *out, int depth) {
  int rc = 0;
  switch (docpipe_node_type_of(n)) {
  case DOCPIPE_NODE_PARAGRAPH:
    rc = S_inlines(n, out, 0);
    if (!rc) rc = docpipe_buf_puts(out, "\n");
    break;
  case DOCPIPE_NODE_HEADING: {
    size_t before = out->len;
    rc = S_inlines(n, out, 1);
    size_t w = S_width(out->data ? out->data + before : "", out->len - before);
    if (w == 0 && !rc) rc = docpipe_buf_puts(out, "(untitled)"), w = 10;
    int level = docpipe_node_heading_level(n);
    if (level < 1 || level > 6) level = 1;
    if (!rc) rc = docpipe_buf_puts(out, "\n");
    for (size_t i = 0; i < (w < 3 ? 3 : w) && !rc; i++)
      rc = docpipe_buf_append(out, &S_underline[level - 1], 1);
    if (!rc) rc = docpipe_buf_puts(out, "\n");
    break;
  }
  case DOCPIPE_NODE_BLOCK_QUOTE: {
    docpipe_buf inner = DOCPIPE_BUF_INIT;
    rc = S_blocks(docpipe_node_first_child(n), &inner, 0, depth + 1);
    if (!rc) rc = S_prefixed(out, inner.data ? inner.data : "", inner.len, "> ", "> ");
    docpipe_buf_free(&inner);
    break;
  }
  case DOCPIPE_NODE_LIST: {
    int ordered = docpipe_node_list_type(n) == DOCPIPE_LIST_ORDERED;
    int tight = docpipe_node_list_tight(n);
    long num = docpipe_node_list_start(n);
    for (const docpipe_node *it = docpipe_node_first_child(n); it && !rc; it = docpipe_node_next(it)) {
      char marker[32], indent[32];
      if (ordered)
        snprintf(marker, sizeof marker, "%ld. ", num++);
      else
        strcpy(marker, "- ");
      memset(indent, ' ', strlen(marker));
      indent[strlen(marker)] = 0;
      docpipe_buf inner = DOCPIPE_BUF_INIT;
      rc = S_blocks(docpipe_node_first_child(it), &inner, tight, depth + 1);
      if (!rc && inner.len == 0) rc = docpipe_buf_puts(&inner, "\n");
      if (!rc && it != docpipe_node_first_child(n) && !tight) rc = docpipe_buf_puts(out, "\n");
      if (!rc) rc = S_prefixed(out, inner.data, inner.len, marker, indent);
      docpipe_buf_free(&inner);
    }
    break;
  }
  case DOCPIPE_NODE_CODE_BLOCK: {
    const char *s = docpipe_node_literal(n);
    size_t len = strlen(s);
    while (len && s[len - 1] == '\n') len--;
    rc = S_prefixed(out, len ? s : "\n", len ? len : 1, "    ", "    ");
    break;
  }
  case DOCPIPE_NODE_THEMATIC_BREAK:
    rc = docpipe_buf_puts(out, "* * *\n");
    break;
  case DOCPIPE_NODE_FIGURE: {
    const char *alt = docpipe_node_alt(n), *url = docpipe_node_url(n);
    rc = docpipe_buf_printf(out, "[Image%s%s]%s%s%s\n", *alt ? ": " : "", alt, *url ? " <" : "", url,
                            *url ? ">" : "");
    if (!rc && docpipe_node_first_child(n)) {
      rc = S_inlines(n, out, 1);
      if (!rc) rc = docpipe_buf_puts(out, "\n");
    }
    break;
  }
  case DOCPIPE_NODE_TABLE:
    rc = S_table(n, out);
    break;
  default:
    if (docpipe_node_is_inline(n)) {
      rc = S_inlines(docpipe_node_parent(n), out, 0);
    } else {
      rc = S_blocks(docpipe_node_first_child(n), out, 0, depth + 1);
    }
  }
  return rc;
}

/* Blocks separated by blank lines, or by nothing in a tight list item. */
static int S_blocks(const docpipe_node *first, docpipe_buf *out, int tight, int depth) {
  int rc = 0;
  if (depth > 400) return DOCPIPE_ELIMIT;
  for (const docpipe_node *c = first; c && !rc; c = docpipe_node_next(c)) {
    if (c != first && !tight) rc = docpipe_buf_puts(out, "\n");
    if (!rc) rc = S_block(c, out, depth);
  }
  return rc;
}

int text_write(const docpipe_doc *doc, const docpipe_args *args, docpipe_buf *out,
               docpipe_error *err) {
  (void)args;
  int rc = docpipe_buf_puts(out, TEXT_META_BEGIN "\n");
  if (!rc) rc = text_meta_emit(docpipe_doc_meta(doc), out, err);
  if (rc) return err && err->code ? rc : docpipe_error_set(err, rc, "cannot write the header");
  rc = docpipe_buf_puts(out, TEXT_META_END "\n");
  docpipe_buf body = DOCPIPE_BUF_INIT;
  if (!rc) rc = S_blocks(docpipe_node_first_child(docpipe_doc_root(doc)), &body, 0, 0);
  if (!rc && body.len) {
    rc = docpipe_buf_puts(out, "\n");
    if (!rc) rc = docpipe_buf_append(out, body.data, body.len);
  }
  docpipe_buf_free(&body);
  if (rc == DOCPIPE_ELIMIT) return docpipe_error_set(err, rc, "document nested too deeply");
  if (rc) return docpipe_error_set(err, rc, "out of memory");
  return 0;
}
