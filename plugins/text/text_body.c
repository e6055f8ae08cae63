/* Reads back the body the text writer produces: underlined headings,
 * paragraphs, "- " and "N. " lists with indented continuation lines,
 * "> " quotes, four-space code blocks, "[Image: alt] <url>" figures with a
 * caption line, pipe tables and "* * *" breaks.  Links and emphasis were
 * flattened to text by the writer and stay text. */
#include <stdlib.h>
#include <string.h>

#include "text.h"

static const char S_underline[] = "=-~^\"'";

static int S_starts(text_line l, const char *p) {
  size_t n = strlen(p);
  return l.len >= n && memcmp(l.s, p, n) == 0;
}

/* Width of a list marker at the start of `l` ("- " or "12. "), else 0. */
static size_t S_marker(text_line l, int *ordered, long *num) {
  if (l.len >= 2 && l.s[0] == '-' && l.s[1] == ' ') {
    *ordered = 0;
    return 2;
  }
  size_t i = 0;
  long v = 0;
  while (i < l.len && i < 9 && l.s[i] >= '0' && l.s[i] <= '9') v = v * 10 + (l.s[i++] - '0');
  if (i > 0 && i + 1 < l.len && l.s[i] == '.' && l.s[i + 1] == ' ') {
    *ordered = 1;
    *num = v;
    return i + 2;
  }
  return 0;
}

static int S_underline_level(text_line l) {
  if (l.len < 3) return 0;
  const char *p = strchr(S_underline, l.s[0]);
  if (!p || !*p) return 0;
  for (size_t i = 1; i < l.len; i++)
    if (l.s[i] != l.s[0]) return 0;
  return (int)(p - S_underline) + 1;
}

static int S_is_figure(text_line l, text_line *alt, text_line *url) {
  if (!S_starts(l, "[Image")) return 0;
  size_t i = 6;
  alt->s = l.s + i;
  alt->len = 0;
  if (i < l.len && l.s[i] == ':') {
    i++;
    if (i < l.len && l.s[i] == ' ') i++;
    /* The alt text runs to the last "]" before an optional " <url>". */
    size_t close = l.len;
    while (close > i && l.s[close - 1] != ']') close--;
    if (close == i) return 0;
    alt->s = l.s + i;
    alt->len = close - 1 - i;
    i = close;
  } else if (i < l.len && l.s[i] == ']') {
    i++;
  } else {
    return 0;
  }
  url->s = l.s + i;
  url->len = 0;
  if (i == l.len) return 1;
  if (l.len - i >= 3 && l.s[i] == ' ' && l.s[i + 1] == '<' && l.s[l.len - 1] == '>') {
    url->s = l.s + i + 2;
    url->len = l.len - i - 3;
    return 1;
  }
  return 0;
}

static int S_text(docpipe_node *parent, text_line l) {
  return l.len ? docpipe_node_append_text(parent, l.s, l.len) : 0;
}

static int S_set_n(docpipe_node *n, int (*set)(docpipe_node *, const char *), text_line l) {
  char *s = docpipe_malloc(l.len + 1);
  if (!s) return DOCPIPE_ENOMEM;
  memcpy(s, l.s, l.len);
  s[l.len] = 0;
  int rc = set(n, s);
  docpipe_free(s);
  return rc;
}

static int S_table(const text_line *lines, size_t n, docpipe_node *parent) {
  docpipe_node *table = docpipe_node_add(parent, DOCPIPE_NODE_TABLE);
  docpipe_node *last = NULL;
  if (!table) return DOCPIPE_ENOMEM;
  for (size_t i = 0; i < n; i++) {
    text_line l = text_line_trim(lines[i]);
    if (l.len >= 2 && l.s[1] == '-') {
      int rule = 1;
      for (size_t k = 0; k < l.len; k++)
        if (l.s[k] != '-' && l.s[k] != '|') rule = 0;
      if (rule) {
        if (last) docpipe_node_set_row_header(last, 1);
        continue;
      }
    }
    docpipe_node *row = docpipe_node_add(table, DOCPIPE_NODE_TABLE_ROW);
    if (!row) return DOCPIPE_ENOMEM;
    last = row;
    size_t start = 1;
    for (size_t k = 1; k < l.len; k++) {
      if (l.s[k] != '|') continue;
      docpipe_node *cell = docpipe_node_add(row, DOCPIPE_NODE_TABLE_CELL);
      if (!cell) return DOCPIPE_ENOMEM;
      text_line c = {l.s + start, k - start};
      int rc = S_text(cell, text_line_trim(c));
      if (rc) return rc;
      start = k + 1;
    }
  }
  return 0;
}

int text_body_parse(const text_line *lines, size_t n, docpipe_node *parent, size_t depth,
                    const docpipe_args *args, docpipe_error *err) {
  size_t max_depth = args && args->limits.max_depth ? args->limits.max_depth : 200;
  int rc = 0;
  size_t i = 0;
  while (i < n && !rc) {
    text_line l = lines[i];
    if (text_line_is_blank(l)) {
      i++;
      continue;
    }
    int ordered = 0;
    long num = 1;
    size_t mw;
    text_line alt, url;
    int nested_ok = depth + 2 < max_depth;
    /* An underlined line is a heading whatever it starts with ("1. Về
     * tổ chức" is a numbered heading, not a list). */
    if (i + 1 < n && S_underline_level(lines[i + 1]) && !S_starts(l, ">") && !S_starts(l, "    ")) {
      docpipe_node *h = docpipe_node_add(parent, DOCPIPE_NODE_HEADING);
      if (!h) return docpipe_error_set(err, DOCPIPE_ENOMEM, "out of memory");
      docpipe_node_set_heading_level(h, S_underline_level(lines[i + 1]));
      rc = S_text(h, text_line_trim(l));
      i += 2;
    } else if (nested_ok && S_starts(l, ">")) {
      size_t j = i;
      while (j < n && S_starts(lines[j], ">")) j++;
      text_line *sub = malloc((j - i) * sizeof *sub);
      if (!sub) return docpipe_error_set(err, DOCPIPE_ENOMEM, "out of memory");
      for (size_t k = i; k < j; k++) {
        size_t cut = (lines[k].len >= 2 && lines[k].s[1] == ' ') ? 2 : 1;
        sub[k - i].s = lines[k].s + cut;
        sub[k - i].len = lines[k].len - cut;
      }
      docpipe_node *q = docpipe_node_add(parent, DOCPIPE_NODE_BLOCK_QUOTE);
      rc = q ? text_body_parse(sub, j - i, q, depth + 1, args, err) : DOCPIPE_ENOMEM;
      free(sub);
      i = j;
    } else if (S_starts(l, "    ")) {
      size_t j = i, last = i;
      docpipe_buf lit = DOCPIPE_BUF_INIT;
      while (j < n && (S_starts(lines[j], "    ") || text_line_is_blank(lines[j]))) {
        if (!text_line_is_blank(lines[j])) last = j;
        j++;
      }
      for (size_t k = i; k <= last && !rc; k++) {
        if (lines[k].len > 4) rc = docpipe_buf_append(&lit, lines[k].s + 4, lines[k].len - 4);
        if (!rc) rc = docpipe_buf_puts(&lit, "\n");
      }
      docpipe_node *cb = rc ? NULL : docpipe_node_add(parent, DOCPIPE_NODE_CODE_BLOCK);
      if (!cb || docpipe_node_set_literal_n(cb, lit.data, lit.len)) rc = DOCPIPE_ENOMEM;
      docpipe_buf_free(&lit);
      i = last + 1;
    } else if (nested_ok && (mw = S_marker(l, &ordered, &num)) != 0) {
      docpipe_node *list = docpipe_node_add(parent, DOCPIPE_NODE_LIST);
      if (!list) return docpipe_error_set(err, DOCPIPE_ENOMEM, "out of memory");
      docpipe_node_set_list_type(list, ordered ? DOCPIPE_LIST_ORDERED : DOCPIPE_LIST_BULLET);
      if (ordered) docpipe_node_set_list_start(list, (int)num);
      int tight = 1, o2;
      long n2;
      while (i < n && !rc && (mw = S_marker(lines[i], &o2, &n2)) != 0 && o2 == ordered) {
        char pad[16];
        memset(pad, ' ', mw < 15 ? mw : 15);
        pad[mw < 15 ? mw : 15] = 0;
        size_t j = i + 1;
        for (;;) {
          if (j < n && S_starts(lines[j], pad)) {
            j++;
          } else if (j < n && text_line_is_blank(lines[j])) {
            size_t k = j;
            while (k < n && text_line_is_blank(lines[k])) k++;
            if (k < n && S_starts(lines[k], pad)) {
              tight = 0;
              j = k;
            } else {
              break;
            }
          } else {
            break;
          }
        }
        text_line *sub = malloc((j - i) * sizeof *sub);
        if (!sub) return docpipe_error_set(err, DOCPIPE_ENOMEM, "out of memory");
        for (size_t k = i; k < j; k++) {
          size_t cut = lines[k].len >= mw ? mw : lines[k].len;
          sub[k - i].s = lines[k].s + cut;
          sub[k - i].len = lines[k].len - cut;
        }
        docpipe_node *item = docpipe_node_add(list, DOCPIPE_NODE_ITEM);
        rc = item ? text_body_parse(sub, j - i, item, depth + 2, args, err) : DOCPIPE_ENOMEM;
        free(sub);
        i = j;
        size_t k = i;
        while (k < n && text_line_is_blank(lines[k])) k++;
        if (k > i && k < n && S_marker(lines[k], &o2, &n2) && o2 == ordered) tight = 0;
        if (k < n && S_marker(lines[k], &o2, &n2) && o2 == ordered) i = k;
      }
      docpipe_node_set_list_tight(list, tight);
    } else if (S_is_figure(l, &alt, &url)) {
      docpipe_node *fig = docpipe_node_add(parent, DOCPIPE_NODE_FIGURE);
      if (!fig) return docpipe_error_set(err, DOCPIPE_ENOMEM, "out of memory");
      rc = S_set_n(fig, docpipe_node_set_alt, alt);
      if (!rc) rc = S_set_n(fig, docpipe_node_set_url, url);
      i++;
      if (!rc && i < n && !text_line_is_blank(lines[i])) rc = S_text(fig, lines[i++]);
    } else if (text_line_eq(text_line_trim(l), "* * *")) {
      rc = docpipe_node_add(parent, DOCPIPE_NODE_THEMATIC_BREAK) ? 0 : DOCPIPE_ENOMEM;
      i++;
    } else if (S_starts(l, "|")) {
      size_t j = i;
      while (j < n && S_starts(lines[j], "|")) j++;
      rc = S_table(lines + i, j - i, parent);
      i = j;
    } else {
      docpipe_node *p = docpipe_node_add(parent, DOCPIPE_NODE_PARAGRAPH);
      if (!p) return docpipe_error_set(err, DOCPIPE_ENOMEM, "out of memory");
      size_t j = i;
      while (j < n && !text_line_is_blank(lines[j]) && !rc) {
        if (j > i && !docpipe_node_add(p, DOCPIPE_NODE_SOFT_BREAK)) rc = DOCPIPE_ENOMEM;
        if (!rc) rc = S_text(p, lines[j]);
        j++;
      }
      i = j;
    }
  }
  if (rc && err && !err->code) docpipe_error_set(err, rc, "%s", docpipe_strerror(rc));
  return rc;
}
