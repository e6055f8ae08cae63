/* Markdown writer: CommonMark (plus GitHub pipe tables) that cmark-gfm
 * reads back to the same document.  Like cmark's own renderer it keeps a
 * line prefix (`> ` for quotes, spaces under list markers) written at
 * every line start, and escapes every character of text that could start
 * markup where it stands. */
#include <stdio.h>
#include <string.h>

#include "markdown.h"

#define S_MAX_DEPTH 1000

typedef struct {
  docpipe_buf *out;
  docpipe_buf prefix; /* written at the start of each line */
  int bol;            /* at the beginning of a line, prefix not yet written */
  int depth;
  int rc;
} S_w;

static void S_raw(S_w *w, const char *s, size_t n) {
  if (w->rc == 0 && n) w->rc = docpipe_buf_append(w->out, s, n);
}

/* Writes `s`, putting the prefix before each line; blank lines get the
 * prefix without its trailing spaces. */
static void S_lit(S_w *w, const char *s, size_t n) {
  while (n && w->rc == 0) {
    const char *nl = memchr(s, '\n', n);
    size_t k = nl ? (size_t)(nl - s) : n;
    if (w->bol) {
      size_t p = w->prefix.len;
      if (k == 0)
        while (p && w->prefix.data[p - 1] == ' ') p--;
      S_raw(w, w->prefix.data, p);
      w->bol = 0;
    }
    S_raw(w, s, k);
    if (!nl) break;
    S_raw(w, "\n", 1);
    w->bol = 1;
    s += k + 1;
    n -= k + 1;
  }
}
static void S_puts(S_w *w, const char *s) { S_lit(w, s, strlen(s)); }
static void S_cr(S_w *w) {
  if (!w->bol) S_lit(w, "\n", 1);
}
static void S_blank(S_w *w) {
  S_cr(w);
  S_lit(w, "\n", 1);
}

/* ------------------------------------------------------------------ */
/* Inlines, rendered into a plain buffer first (no prefixes)          */
/* ------------------------------------------------------------------ */

typedef struct {
  docpipe_buf b;
  int line_start; /* nothing but markup written on this line yet */
  int one_line;   /* headings and table cells: breaks become spaces */
  int heading;
  int depth;
  int rc;
} S_in;

static void S_iraw(S_in *r, const char *s, size_t n) {
  if (r->rc == 0 && n) r->rc = docpipe_buf_append(&r->b, s, n);
}
static void S_iputs(S_in *r, const char *s) { S_iraw(r, s, strlen(s)); }

/* `&` followed by what cmark would read as an entity reference. */
static int S_entity_like(const char *s) {
  const char *p = s + 1;
  if (*p == '#') p++;
  const char *q = p;
  while ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') || (*q >= '0' && *q <= '9')) q++;
  return q > p && *q == ';';
}

static void S_text(S_in *r, const char *s, int last_in_node) {
  for (const char *p = s; *p && r->rc == 0; p++) {
    char ch = *p;
    if (r->line_start) {
      if (ch == ' ') { S_iputs(r, "&#32;"); continue; }
      if (ch == '\t') { S_iputs(r, "&#9;"); continue; }
      if (ch == '-' || ch == '+' || ch == '=' || ch == '#' || ch == '~' || ch == ':') {
        S_iraw(r, "\\", 1);
        S_iraw(r, p, 1);
        r->line_start = 0;
        continue;
      }
      if (ch >= '0' && ch <= '9') {
        const char *q = p;
        while (*q >= '0' && *q <= '9') q++;
        S_iraw(r, p, (size_t)(q - p));
        if (*q == '.' || *q == ')') {
          S_iraw(r, "\\", 1);
          S_iraw(r, q, 1);
          q++;
        }
        p = q - 1;
        r->line_start = 0;
        continue;
      }
    }
    r->line_start = 0;
    /* the common case: a run of bytes that need no escape */
    size_t run = strcspn(p, "\n\r\\`*_[]<>|#!&");
    if (run > 1) {
      S_iraw(r, p, run);
      p += run - 1;
      continue;
    }
    switch (ch) {
    case '\n':
      if (r->one_line) S_iputs(r, " ");
      else S_iputs(r, "&#10;");
      break;
    case '\r': S_iputs(r, "&#13;"); break;
    case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>': case '|':
      S_iraw(r, "\\", 1);
      S_iraw(r, p, 1);
      break;
    case '#':
      if (r->heading) S_iraw(r, "\\", 1);
      S_iraw(r, p, 1);
      break;
    case '!':
      if (last_in_node && !p[1]) S_iraw(r, "\\", 1);
      S_iraw(r, p, 1);
      break;
    case '&':
      if (S_entity_like(p)) S_iraw(r, "\\", 1);
      S_iraw(r, p, 1);
      break;
    default:
      S_iraw(r, p, 1);
    }
  }
}

/* A link destination: bare when it is safe, else in pointy brackets. */
static void S_url(S_in *r, const char *u) {
  int bare = *u != 0 && *u != '<';
  for (const char *p = u; bare && *p; p++)
    if ((unsigned char)*p <= ' ' || *p == '(' || *p == ')' || *p == '<' || *p == '>' || *p == '\\')
      bare = 0;
  if (!bare) S_iraw(r, "<", 1);
  for (const char *p = u; *p; p++) {
    if (*p == '\n') { S_iputs(r, "%0A"); continue; }
    if ((!bare && (*p == '<' || *p == '>' || *p == '\\')) || (*p == '&' && S_entity_like(p)) ||
        (bare && *p == '\\'))
      S_iraw(r, "\\", 1);
    S_iraw(r, p, 1);
  }
  if (!bare) S_iraw(r, ">", 1);
}

static void S_title(S_in *r, const char *t) {
  if (!*t) return;
  S_iputs(r, " \"");
  for (const char *p = t; *p; p++) {
    if (*p == '"' || *p == '\\' || (*p == '&' && S_entity_like(p))) S_iraw(r, "\\", 1);
    S_iraw(r, p, 1);
  }
  S_iputs(r, "\"");
}

static void S_inlines(S_in *r, const docpipe_node *parent);
static void S_inline(S_in *r, const docpipe_node *n);

/* Emphasis cannot open after or close before a space: such spaces are
 * written outside the delimiters (the text is unchanged). */
static void S_delimited(S_in *r, const docpipe_node *n, const char *delim) {
  const docpipe_node *first = docpipe_node_first_child(n), *last = docpipe_node_last_child(n);
  if (!first) return; /* empty emphasis has no Markdown form */
  size_t lead = 0, trail = 0;
  const char *fl = docpipe_node_type_of(first) == DOCPIPE_NODE_TEXT ? docpipe_node_literal(first) : NULL;
  const char *ll = docpipe_node_type_of(last) == DOCPIPE_NODE_TEXT ? docpipe_node_literal(last) : NULL;
  if (fl) while (fl[lead] == ' ') lead++;
  if (ll) {
    size_t n2 = strlen(ll);
    while (trail < n2 && ll[n2 - 1 - trail] == ' ') trail++;
  }
  if (fl && fl[lead] == 0) { /* only spaces */
    S_text(r, fl, 0);
    return;
  }
  for (size_t i = 0; i < lead; i++) S_text(r, " ", 0);
  S_iputs(r, delim);
  r->line_start = 0;
  for (const docpipe_node *c = first; c && r->rc == 0; c = docpipe_node_next(c)) {
    if (c == first && fl && (lead || (c == last && trail))) {
      size_t len = strlen(fl) - lead - (c == last ? trail : 0);
      char *tmp = docpipe_malloc(len + 1);
      if (!tmp) { r->rc = DOCPIPE_ENOMEM; return; }
      memcpy(tmp, fl + lead, len);
      tmp[len] = 0;
      S_text(r, tmp, 0);
      docpipe_free(tmp);
    } else if (c == last && ll && trail) {
      size_t len = strlen(ll) - trail;
      char *tmp = docpipe_malloc(len + 1);
      if (!tmp) { r->rc = DOCPIPE_ENOMEM; return; }
      memcpy(tmp, ll, len);
      tmp[len] = 0;
      S_text(r, tmp, 0);
      docpipe_free(tmp);
    } else {
      S_inline(r, c);
    }
  }
  S_iputs(r, delim);
  for (size_t i = 0; i < trail; i++) S_iputs(r, " ");
}

static void S_code(S_in *r, const char *s) {
  /* The fence is one backtick longer than the longest run inside. */
  size_t longest = 0, run = 0;
  for (const char *p = s; *p; p++) {
    run = *p == '`' ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  size_t len = strlen(s);
  int pad = len && (s[0] == '`' || s[len - 1] == '`' ||
                    (s[0] == ' ' && s[len - 1] == ' ' && strspn(s, " ") != len));
  for (size_t i = 0; i <= longest; i++) S_iraw(r, "`", 1);
  if (pad) S_iraw(r, " ", 1);
  for (const char *p = s; *p; p++) S_iraw(r, *p == '\n' ? " " : p, 1);
  if (pad) S_iraw(r, " ", 1);
  for (size_t i = 0; i <= longest; i++) S_iraw(r, "`", 1);
  r->line_start = 0;
}

static void S_inline(S_in *r, const docpipe_node *n) {
  if (++r->depth > S_MAX_DEPTH) {
    r->rc = DOCPIPE_ELIMIT;
    return;
  }
  switch (docpipe_node_type_of(n)) {
  case DOCPIPE_NODE_TEXT: S_text(r, docpipe_node_literal(n), 1); break;
  case DOCPIPE_NODE_SOFT_BREAK:
    S_iputs(r, r->one_line ? " " : "\n");
    r->line_start = !r->one_line;
    break;
  case DOCPIPE_NODE_LINE_BREAK:
    S_iputs(r, r->one_line ? " " : "\\\n");
    r->line_start = !r->one_line;
    break;
  case DOCPIPE_NODE_CODE: S_code(r, docpipe_node_literal(n)); break;
  case DOCPIPE_NODE_EMPH: S_delimited(r, n, "*"); break;
  case DOCPIPE_NODE_STRONG: S_delimited(r, n, "**"); break;
  case DOCPIPE_NODE_LINK:
  case DOCPIPE_NODE_IMAGE:
    S_iputs(r, docpipe_node_type_of(n) == DOCPIPE_NODE_IMAGE ? "![" : "[");
    r->line_start = 0;
    S_inlines(r, n);
    S_iputs(r, "](");
    S_url(r, docpipe_node_url(n));
    S_title(r, docpipe_node_title(n));
    S_iputs(r, ")");
    break;
  default: break;
  }
  r->depth--;
}

static void S_inlines(S_in *r, const docpipe_node *parent) {
  for (const docpipe_node *c = docpipe_node_first_child(parent); c && r->rc == 0; c = docpipe_node_next(c))
    S_inline(r, c);
}

/* Renders the inlines of `n` and writes them; spaces and tabs at a line
 * end become character references, as cmark would strip them (or read
 * two of them as a hard break). */
static void S_para(S_w *w, const docpipe_node *n, int one_line, int heading, const char *wrap) {
  S_in r = {.b = DOCPIPE_BUF_INIT, .line_start = 1, .one_line = one_line, .heading = heading,
            .depth = w->depth};
  if (wrap) {
    /* A caption: the figure's inlines inside one emphasis. */
    S_iputs(&r, wrap);
    r.line_start = 0;
    S_inlines(&r, n);
    S_iputs(&r, wrap);
  } else {
    S_inlines(&r, n);
  }
  if (r.rc) {
    w->rc = r.rc;
    docpipe_buf_free(&r.b);
    return;
  }
  docpipe_buf fixed = DOCPIPE_BUF_INIT;
  const char *s = r.b.data ? r.b.data : "";
  size_t len = r.b.len;
  size_t start = 0;
  for (size_t i = 0; i <= len && w->rc == 0; i++) {
    if (i < len && s[i] != '\n') continue;
    size_t end = i, t = i;
    while (t > start && (s[t - 1] == ' ' || s[t - 1] == '\t')) t--;
    /* a backslash before the break is a hard break: keep the spaces it guards */
    w->rc |= docpipe_buf_append(&fixed, s + start, t - start);
    for (size_t k = t; k < end; k++) w->rc |= docpipe_buf_puts(&fixed, s[k] == ' ' ? "&#32;" : "&#9;");
    if (i < len) w->rc |= docpipe_buf_puts(&fixed, "\n");
    start = i + 1;
  }
  if (w->rc == 0 && fixed.len) S_lit(w, fixed.data, fixed.len);
  docpipe_buf_free(&fixed);
  docpipe_buf_free(&r.b);
}

/* ------------------------------------------------------------------ */
/* Blocks                                                             */
/* ------------------------------------------------------------------ */

static void S_blocks(S_w *w, const docpipe_node *parent, int tight);

static int S_is_caption_like(const docpipe_node *n) {
  const docpipe_node *c = docpipe_node_first_child(n);
  return n && docpipe_node_type_of(n) == DOCPIPE_NODE_PARAGRAPH && c && !docpipe_node_next(c) &&
         docpipe_node_type_of(c) == DOCPIPE_NODE_EMPH;
}

static int S_is_lone_image(const docpipe_node *n) {
  const docpipe_node *c = docpipe_node_first_child(n);
  return n && docpipe_node_type_of(n) == DOCPIPE_NODE_PARAGRAPH && c && !docpipe_node_next(c) &&
         docpipe_node_type_of(c) == DOCPIPE_NODE_IMAGE;
}

static void S_code_block(S_w *w, const docpipe_node *n) {
  const char *s = docpipe_node_literal(n), *info = docpipe_node_info(n);
  char fc = strchr(info, '`') ? '~' : '`';
  size_t longest = 0, run = 0;
  for (const char *p = s; *p; p++) {
    run = *p == fc ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  size_t fl = longest >= 3 ? longest + 1 : 3;
  for (size_t i = 0; i < fl; i++) S_lit(w, &fc, 1);
  /* The info string is one line; cmark unescapes backslashes in it. */
  for (const char *p = info; *p; p++) {
    if (*p == '\n' || *p == '\r') continue;
    if (*p == '\\' || *p == '&') S_lit(w, "\\", 1);
    S_lit(w, p, 1);
  }
  S_lit(w, "\n", 1);
  size_t len = strlen(s);
  S_lit(w, s, len);
  if (len && s[len - 1] != '\n') S_lit(w, "\n", 1);
  for (size_t i = 0; i < fl; i++) S_lit(w, &fc, 1);
  S_lit(w, "\n", 1);
}

static void S_table(S_w *w, const docpipe_node *n) {
  size_t cols = 0;
  for (const docpipe_node *row = docpipe_node_first_child(n); row; row = docpipe_node_next(row)) {
    size_t k = 0;
    for (const docpipe_node *c = docpipe_node_first_child(row); c; c = docpipe_node_next(c)) k++;
    if (k > cols) cols = k;
  }
  if (!cols) return;
  int first = 1;
  for (const docpipe_node *row = docpipe_node_first_child(n); row && w->rc == 0; row = docpipe_node_next(row)) {
    S_puts(w, "|");
    size_t k = 0;
    for (const docpipe_node *c = docpipe_node_first_child(row); c; c = docpipe_node_next(c), k++) {
      S_puts(w, " ");
      S_para(w, c, 1, 0, NULL);
      S_puts(w, " |");
    }
    for (; k < cols; k++) S_puts(w, "  |");
    S_puts(w, "\n");
    if (first) {
      /* GFM: the first row is the header; alignment is per column. */
      S_puts(w, "|");
      const docpipe_node *c = docpipe_node_first_child(row);
      for (k = 0; k < cols; k++) {
        docpipe_align a = c ? docpipe_node_cell_align(c) : DOCPIPE_ALIGN_NONE;
        S_puts(w, a == DOCPIPE_ALIGN_LEFT ? " :--- |" : a == DOCPIPE_ALIGN_CENTER ? " :---: |"
                  : a == DOCPIPE_ALIGN_RIGHT ? " ---: |" : " --- |");
        if (c) c = docpipe_node_next(c);
      }
      S_puts(w, "\n");
      first = 0;
    }
  }
}

static void S_block(S_w *w, const docpipe_node *n) {
  if (++w->depth > S_MAX_DEPTH) {
    w->rc = DOCPIPE_ELIMIT;
    return;
  }
  switch (docpipe_node_type_of(n)) {
  case DOCPIPE_NODE_PARAGRAPH:
    if (!docpipe_node_first_child(n)) break;
    S_para(w, n, 0, 0, NULL);
    S_cr(w);
    break;
  case DOCPIPE_NODE_HEADING: {
    static const char *const marks[] = {"#", "##", "###", "####", "#####", "######"};
    int level = docpipe_node_heading_level(n);
    S_puts(w, marks[(level < 1 ? 1 : level > 6 ? 6 : level) - 1]);
    if (docpipe_node_first_child(n)) {
      S_puts(w, " ");
      S_para(w, n, 1, 1, NULL);
    }
    S_cr(w);
    break;
  }
  case DOCPIPE_NODE_BLOCK_QUOTE: {
    size_t plen = w->prefix.len;
    S_puts(w, ">");
    w->rc |= docpipe_buf_puts(&w->prefix, "> ");
    if (docpipe_node_first_child(n)) {
      S_raw(w, " ", 1);
      S_blocks(w, n, 0);
    }
    w->prefix.len = plen;
    S_cr(w);
    break;
  }
  case DOCPIPE_NODE_LIST: {
    int ordered = docpipe_node_list_type(n) == DOCPIPE_LIST_ORDERED;
    int num = docpipe_node_list_start(n), tight = docpipe_node_list_tight(n);
    /* An ordered list not starting at 1 cannot interrupt a paragraph, so
     * a blank line must precede it and the list reads back loose: write
     * it loose throughout, so that writing is a fixed point. */
    for (const docpipe_node *item = docpipe_node_first_child(n); tight && item; item = docpipe_node_next(item))
      for (const docpipe_node *b = docpipe_node_first_child(item); b; b = docpipe_node_next(b))
        if (docpipe_node_type_of(b) == DOCPIPE_NODE_PARAGRAPH && docpipe_node_next(b) &&
            docpipe_node_type_of(docpipe_node_next(b)) == DOCPIPE_NODE_LIST &&
            docpipe_node_list_type(docpipe_node_next(b)) == DOCPIPE_LIST_ORDERED &&
            docpipe_node_list_start(docpipe_node_next(b)) != 1)
          tight = 0;
    for (const docpipe_node *item = docpipe_node_first_child(n); item && w->rc == 0;
         item = docpipe_node_next(item), num++) {
      if (item != docpipe_node_first_child(n)) {
        if (tight) S_cr(w);
        else S_blank(w);
      }
      char marker[32];
      if (ordered) snprintf(marker, sizeof marker, "%d. ", num);
      else strcpy(marker, "- ");
      size_t plen = w->prefix.len;
      if (!docpipe_node_first_child(item)) {
        marker[strlen(marker) - 1] = 0;
        S_puts(w, marker);
        S_cr(w);
        continue;
      }
      S_puts(w, marker);
      for (size_t i = 0; i < strlen(marker); i++) w->rc |= docpipe_buf_puts(&w->prefix, " ");
      S_blocks(w, item, tight);
      w->prefix.len = plen;
      S_cr(w);
    }
    break;
  }
  case DOCPIPE_NODE_CODE_BLOCK: S_code_block(w, n); break;
  case DOCPIPE_NODE_THEMATIC_BREAK: S_puts(w, "* * *\n"); break;
  case DOCPIPE_NODE_FIGURE: {
    S_in r = {.b = DOCPIPE_BUF_INIT, .line_start = 0, .one_line = 1};
    S_iputs(&r, "![");
    S_text(&r, docpipe_node_alt(n), 0);
    S_iputs(&r, "](");
    S_url(&r, docpipe_node_url(n));
    S_iputs(&r, ")");
    if (r.rc == 0 && r.b.len) S_lit(w, r.b.data, r.b.len);
    w->rc |= r.rc;
    docpipe_buf_free(&r.b);
    S_cr(w);
    if (docpipe_node_first_child(n)) {
      S_blank(w);
      S_para(w, n, 0, 0, "*");
      S_cr(w);
    }
    break;
  }
  case DOCPIPE_NODE_TABLE: S_table(w, n); break;
  default: break;
  }
  w->depth--;
}

/* Blocks separated by blank lines (newlines in tight lists).  Two lists
 * in a row, or an italic-only paragraph after a figure or a lone image,
 * would merge when read back: an empty HTML comment keeps them apart
 * (the reader always drops comment-only HTML blocks). */
static void S_blocks(S_w *w, const docpipe_node *parent, int tight) {
  const docpipe_node *prev = NULL;
  for (const docpipe_node *c = docpipe_node_first_child(parent); c && w->rc == 0; c = docpipe_node_next(c)) {
    if (prev) {
      docpipe_node_type pt = docpipe_node_type_of(prev), ct = docpipe_node_type_of(c);
      int sep = (pt == DOCPIPE_NODE_LIST && ct == DOCPIPE_NODE_LIST) ||
                ((pt == DOCPIPE_NODE_FIGURE || S_is_lone_image(prev)) && S_is_caption_like(c));
      if (sep) {
        S_blank(w);
        S_puts(w, "<!-- -->\n");
        S_blank(w);
      } else if (tight && pt == DOCPIPE_NODE_PARAGRAPH && ct != DOCPIPE_NODE_PARAGRAPH &&
                 /* only a list starting at 1 may interrupt a paragraph */
                 !(ct == DOCPIPE_NODE_LIST && docpipe_node_list_type(c) == DOCPIPE_LIST_ORDERED &&
                   docpipe_node_list_start(c) != 1)) {
        S_cr(w);
      } else {
        S_blank(w);
      }
    }
    S_block(w, c);
    prev = c;
  }
}

int md_write(const docpipe_doc *doc, const docpipe_args *args, docpipe_buf *out,
             docpipe_error *err) {
  int rc = md_front_write(docpipe_doc_meta(doc), args, out, err);
  if (rc) return rc;
  S_w w = {.out = out, .prefix = DOCPIPE_BUF_INIT, .bol = 1};
  w.rc = docpipe_buf_puts(&w.prefix, "");
  S_blocks(&w, docpipe_doc_root(doc), 0);
  S_cr(&w);
  docpipe_buf_free(&w.prefix);
  if (w.rc == DOCPIPE_ELIMIT)
    return docpipe_error_set(err, DOCPIPE_ELIMIT, "document nested deeper than %d levels", S_MAX_DEPTH);
  if (w.rc) return docpipe_error_set(err, DOCPIPE_ENOMEM, "out of memory");
  return 0;
}
