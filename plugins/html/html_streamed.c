/* Content streamed in after the page: React's server rendering (Next.js
 * and others) sends a page with placeholders first, then the parts that
 * were still loading at its end, each in a hidden <div id="S:n">, with a
 * script that moves them into place:
 *
 *   <!--$?--><template id="B:0"></template><div>Loading…</div><!--/$-->
 *   ...
 *   <div hidden id="S:0"><p>The article's paragraph.</p></div>
 *   <script>$RC("B:0","S:0")</script>
 *
 * A reader that runs no script saw "Loading…" where the article is, and
 * the article itself hidden at the end of the page (33 of the 1,497
 * development pages).  This does what the script does: $RC replaces the
 * boundary's fallback, from the template's "$?" comment to the matching
 * "/$", with the segment's children; $RS puts a segment where its
 * <template id="P:n"> placeholder stands.  Anything that does not match
 * that shape is left as it was. */
#include <string.h>
#include <strings.h>

#include "html_reader.h"

/* Placeholders and segments looked at: real pages have tens; the bound
 * keeps the matching (segments x placeholders) small on hostile ones. */
#define MAX_PARTS 4096

static int S_comment(const html_node *n, const char *text) {
  return n && n->type == XML_COMMENT_NODE && n->content &&
         strcmp((const char *)n->content, text) == 0;
}

/* "B:12" -> "12" when id is kind ':' and a number, else NULL. */
static const char *S_part_number(const char *id, char kind) {
  if (!id || id[0] != kind || id[1] != ':' || !id[2]) return NULL;
  for (const char *p = id + 2; *p; p++)
    if (*p < '0' || *p > '9') return NULL;
  return id + 2;
}

/* $RS: the segment's children where its placeholder template stands. */
static void S_fill_placeholder(html_node *tmpl, html_node *segment, html_node *trash) {
  for (html_node *k = segment->children, *next; k; k = next) {
    next = k->next;
    html_unlink(k);
    html_add_prev(tmpl, k);
  }
  html_unlink(tmpl);
  html_add_child(trash, tmpl);
}

/* Without its comments (a scraper or a minifier dropped them) a boundary's
 * fallback cannot be told from the page: the element right after the
 * template goes only when it says it is loading or holds no text. */
static void S_drop_bare_fallback(html_node *tmpl, html_node *trash) {
  html_node *f = tmpl->next;
  while (f && f->type == XML_TEXT_NODE && html_is_blank(f)) f = f->next;
  if (!f || f->type != XML_ELEMENT_NODE || html_is(f, "template")) return;
  docpipe_buf t = DOCPIPE_BUF_INIT;
  int drop = html_text_raw(f, &t, 64) == 0 &&
             (t.len == 0 || (t.len < 40 && strncasecmp(t.data, "loading", 7) == 0));
  docpipe_buf_free(&t);
  if (drop) {
    html_unlink(f);
    html_add_child(trash, f);
  }
}

/* $RC: from the "$?" comment before the boundary's template, what follows
 * up to the matching "/$" goes (into `trash`: other parts may sit in it,
 * and are looked at later); the segment's children go there. */
static void S_fill_boundary(html_node *tmpl, html_node *segment, html_node *trash) {
  html_node *open = tmpl->prev;
  while (open && open->type == XML_TEXT_NODE) open = open->prev;
  if (!S_comment(open, "$?")) {
    S_drop_bare_fallback(tmpl, trash);
    S_fill_placeholder(tmpl, segment, trash);
    return;
  }
  html_node *end = open->next;
  for (int depth = 0; end;) {
    if (end->type == XML_COMMENT_NODE && end->content) {
      const char *d = (const char *)end->content;
      if (strcmp(d, "/$") == 0) {
        if (depth == 0) break;
        depth--;
      } else if (strcmp(d, "$") == 0 || strcmp(d, "$?") == 0 || strcmp(d, "$!") == 0) {
        depth++;
      }
    }
    end = end->next;
  }
  if (!end) return; /* an open boundary: the fallback may be the page itself */
  for (html_node *n = open->next, *next; n != end; n = next) {
    next = n->next;
    html_unlink(n);
    html_add_child(trash, n); /* may merge text into text and free n */
  }
  for (html_node *k = segment->children, *next; k; k = next) {
    next = k->next;
    html_unlink(k);
    html_add_prev(end, k); /* may merge text into text and free k */
  }
}

void html_resolve_streamed(html_node *root) {
  html_node *segments[MAX_PARTS], *templates[MAX_PARTS];
  size_t nseg = 0, ntmpl = 0;
  for (html_node *n = root; n; n = html_next(n, root, 0)) {
    if (n->type != XML_ELEMENT_NODE) continue;
    const char *id = html_attr(n, "id");
    if (!id || !id[0] || id[1] != ':') continue;
    if (html_is(n, "template") && (S_part_number(id, 'B') || S_part_number(id, 'P'))) {
      if (ntmpl < MAX_PARTS) templates[ntmpl++] = n;
    } else if (html_attr(n, "hidden") && S_part_number(id, 'S')) {
      if (nseg < MAX_PARTS) segments[nseg++] = n;
    }
  }
  if (!nseg || !ntmpl) return;
  /* what the parts replace is freed at the end, not as it goes: a part
   * not yet looked at may sit in it */
  html_node *trash = html_new_element("trash");
  if (!trash) return;
  /* in document order, as the scripts run: a segment may hold the
   * placeholder of a later one, and it is in place by then */
  for (size_t i = 0; i < nseg; i++) {
    const char *num = S_part_number(html_attr(segments[i], "id"), 'S');
    for (size_t j = 0; j < ntmpl; j++) {
      if (!templates[j]) continue;
      const char *tid = html_attr(templates[j], "id");
      if (strcmp(tid + 2, num) != 0) continue;
      /* a placeholder inside its own segment would put the segment
       * inside itself */
      if (!html_inside(templates[j], segments[i])) {
        if (tid[0] == 'B') S_fill_boundary(templates[j], segments[i], trash);
        else S_fill_placeholder(templates[j], segments[i], trash);
      }
      templates[j] = NULL;
      break;
    }
  }
  /* a segment moved into place is empty now; one that found no place
   * stays, hidden, as it was */
  for (size_t i = 0; i < nseg; i++)
    if (!segments[i]->children && !html_inside(segments[i], trash)) {
      html_unlink(segments[i]);
      html_add_child(trash, segments[i]);
    }
  html_free_node(trash);
}
