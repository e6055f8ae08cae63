/* Paragraphs too long for cmark, cut before cmark sees them.
 *
 * Why: cmark-gfm 0.29's inline parser (Debian 12's libcmark-gfm) takes
 * time quadratic in the length of a paragraph that mixes emphasis and
 * links: 4 s for a 1 MB paragraph, 17 s for 2 MB, hours for 50 MB, while
 * the same text in paragraphs of 64 KB reads at the usual speed.  A
 * scraped dump or a generated file can hold one such paragraph, and a
 * reader must not hang on it.
 *
 * A run of non-blank lines longer than MD_SPLIT_RUN bytes gets a blank
 * line at the first sentence end (". ") or line end after every
 * MD_SPLIT_PIECE bytes.  All the text is kept, in paragraphs cmark reads
 * quickly; an emphasis or a link that spans a cut is read as its literal
 * characters, and a block quote or list item the run belongs to ends at
 * the first cut.  Fenced code is never cut, and indented code only at
 * line ends. */
#include <string.h>

#include "markdown.h"

#define MD_SPLIT_RUN ((size_t)256 << 10)
#define MD_SPLIT_PIECE ((size_t)64 << 10)

typedef struct S_scan {
  char fence;       /* '`' or '~' inside a fenced code block, else 0 */
  size_t fence_len; /* its opening run of fence characters */
} S_scan;

/* Updates the fence state with the line at `p` (up to `end`); 1 when the
 * line is blank. */
static int S_line(S_scan *st, const char *p, const char *end) {
  const char *q = p;
  while (q < end && q - p < 3 && *q == ' ') q++;
  if (q < end && (*q == '`' || *q == '~')) {
    const char *r = q;
    while (r < end && *r == *q) r++;
    size_t n = (size_t)(r - q);
    if (n >= 3) {
      if (!st->fence) {
        st->fence = *q;
        st->fence_len = n;
      } else if (*q == st->fence && n >= st->fence_len) {
        st->fence = 0;
      }
    }
  }
  for (q = p; q < end && *q != '\n'; q++)
    if (*q != ' ' && *q != '\t' && *q != '\r') return 0;
  return 1;
}

/* Whether some run of non-blank lines outside fences is longer than
 * MD_SPLIT_RUN. */
static int S_needs_cuts(const char *s, size_t len) {
  S_scan st = {0, 0};
  const char *end = s + len, *run = NULL;
  for (const char *p = s; p < end;) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *eol = nl ? nl : end;
    int blank = S_line(&st, p, eol);
    if (blank || st.fence) run = NULL;
    else if (!run) run = p;
    if (run && (size_t)(eol - run) > MD_SPLIT_RUN) return 1;
    p = nl ? nl + 1 : end;
  }
  return 0;
}

int md_split_long_runs(const char *s, size_t len, docpipe_buf *out, size_t *cuts) {
  *cuts = 0;
  if (len <= MD_SPLIT_RUN || !S_needs_cuts(s, len)) return 0;
  S_scan st = {0, 0};
  const char *end = s + len;
  size_t since = 0; /* bytes since the last paragraph break */
  for (const char *p = s; p < end;) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *eol = nl ? nl : end;
    int blank = S_line(&st, p, eol);
    int indented = *p == '\t' || (eol - p >= 4 && memcmp(p, "    ", 4) == 0);
    if (blank || st.fence) since = 0;
    const char *from = p;
    /* sentence ends inside a long line */
    for (const char *q = p; !st.fence && !indented && q + 1 < eol; q++) {
      if (since + (size_t)(q - from) < MD_SPLIT_PIECE || q[0] != '.' || q[1] != ' ') continue;
      if (docpipe_buf_append(out, from, (size_t)(q + 1 - from)) || docpipe_buf_puts(out, "\n\n"))
        return -1;
      (*cuts)++;
      since = 0;
      from = q + 2; /* the space after the stop goes with the cut */
      q++;
    }
    if (docpipe_buf_append(out, from, (size_t)(eol - from))) return -1;
    since += (size_t)(eol - from);
    if (nl) {
      int cut = !st.fence && !blank && since >= MD_SPLIT_PIECE;
      if (docpipe_buf_puts(out, cut ? "\n\n" : "\n")) return -1;
      if (cut) {
        (*cuts)++;
        since = 0;
      }
    }
    p = nl ? nl + 1 : end;
  }
  return 1;
}
