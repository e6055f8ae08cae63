/* The html reader: probe, then decode -> parse (libxml2, recovering, no
 * network) -> drop boilerplate -> choose the main content -> metadata ->
 * build the document.  See html_reader.h for the stages.
 *
 * Memory: the page's tree (html_tree.c) is held until the content is
 * chosen; the build then frees each part as it converts it.  On a page of
 * dense markup (a 125-byte <p> with <b> and <a>, repeated) the document
 * model at the end of the build is the peak, with the element statistics
 * and the page: ~474 MB for 50 MB (bench/html_bench.sh prints the
 * figures).  Empty formatting elements and whitespace between blocks are
 * dropped as parsed, and the parse stops after one element per 32 bytes
 * of page (+256k) so markup made of nothing but elements stays bounded. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html_reader.h"
#include "html_write.h"

static const unsigned char *S_skip_ws(const unsigned char *p, const unsigned char *end) {
  if (end - p >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) p += 3;
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) p++;
  return p;
}

static int S_has_ci(const unsigned char *p, size_t n, const char *needle) {
  size_t k = strlen(needle);
  for (size_t i = 0; i + k <= n; i++)
    if (strncasecmp((const char *)p + i, needle, k) == 0) return 1;
  return 0;
}

int html_probe(const unsigned char *data, size_t size, const char *name_hint) {
  (void)name_hint;
  const unsigned char *end = data + size, *p = S_skip_ws(data, end);
  size_t n = (size_t)(end - p) < 4096 ? (size_t)(end - p) : 4096;
  if (n >= 14 && strncasecmp((const char *)p, "<!doctype html", 14) == 0) return 95;
  if (n >= 5 && strncasecmp((const char *)p, "<html", 5) == 0) return 90;
  if (S_has_ci(p, n, "<html") || S_has_ci(p, n, "<head") || S_has_ci(p, n, "<body")) return 75;
  if (n && *p == '<' && (S_has_ci(p, n, "<div") || S_has_ci(p, n, "<p>") || S_has_ci(p, n, "<meta")))
    return 45;
  return 0;
}

/* NUL and control bytes are not in web pages: refuse binary data early
 * rather than extract an "article" from noise. */
static int S_binary(const unsigned char *data, size_t size) {
  size_t n = size < 65536 ? size : 65536, bad = 0;
  for (size_t i = 0; i < n; i++)
    if (data[i] < 0x20 && data[i] != '\t' && data[i] != '\n' && data[i] != '\r' && data[i] != '\f')
      bad++;
  /* UTF-16 pages have NULs: leave them to the decoder */
  if (size >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)))
    return 0;
  return bad * 100 > n;
}

/* The container of everything visible.  Not <body>: a stray </body> (in
 * an inline script, a template) makes libxml2 put the rest of the page
 * next to <body>, under <html>.  <head> is dropped as boilerplate.
 * A page that goes on after its </html> (a theme printing the article
 * after the footer, two templates concatenated) makes libxml2 start a
 * second <html> next to the first: what it holds is the page too, so it
 * joins the first, in order.  27 of the 1,497 development pages do this,
 * some with their whole article there. */
static html_node *S_body(html_tree *tree) {
  html_node *root = html_tree_root(tree);
  if (!root) return NULL;
  for (html_node *n = root->next, *next; n; n = next) {
    next = n->next;
    if (n->type != XML_ELEMENT_NODE) continue;
    html_unlink(n);
    if (!xmlStrEqual(n->name, BAD_CAST "html")) {
      html_add_child(root, n);
      continue;
    }
    for (html_node *k = n->children, *knext; k; k = knext) {
      knext = k->next;
      html_unlink(k);
      /* html_add_child merges a text node into a text last child and frees it */
      html_add_child(root, k);
    }
    html_free_node(n);
  }
  return root;
}

/* Text left after the boilerplate marks under which they are tried again
 * without the class and id words, and what the second marks must leave
 * to be kept: RELAX_GAIN times as much text outside links, plus
 * RELAX_BELOW. */
#define RELAX_BELOW 200
#define RELAX_GAIN 3

/* Clears what marking and choosing set, for marking again. */
static void S_unmark(html_ctx *c) {
  for (size_t i = 0; i < c->nstats; i++) {
    html_stat *s = &c->stats[i];
    s->removed = s->kept = s->candidate = s->post = 0;
    s->score = 0;
  }
}

/* The parse stops after one element per 32 bytes of page (plus 256k),
 * which keeps markup made of nothing but elements within 10x + 50 MB (see
 * html_tree.c): the densest real markup measured, bench html_bench.sh's
 * page of <p> with <b> and <a>, has one per 42 bytes, and a page under
 * 6 MB never reaches 256k.  What was read is kept. */
static size_t S_max_elements(size_t len) { return len / 32 + 262144; }

int html_read(const unsigned char *data, size_t size, const docpipe_args *args, docpipe_doc **out,
              docpipe_error *err) {
  docpipe_args defaults;
  char *base_owned = NULL;
  if (!args) {
    docpipe_args_init(&defaults);
    args = &defaults;
  }
  *out = NULL;
  size_t max_in = args->limits.max_input_bytes ? args->limits.max_input_bytes : (size_t)256 << 20;
  if (size > max_in || size > (size_t)0x7fffffff)
    return docpipe_error_set(err, DOCPIPE_ELIMIT, "html: input of %zu bytes exceeds the limit of %zu",
                             size, max_in);
  const unsigned char *p = S_skip_ws(data, data + size);
  if (p == data + size) return docpipe_error_set(err, DOCPIPE_EPARSE, "html: empty input");
  if (S_binary(data, size))
    return docpipe_error_set(err, DOCPIPE_EPARSE, "html: binary data, not an HTML page");

  size_t len = 0;
  int copied = 0;
  const char *utf8 = html_decode(data, size, &len, &copied);
  if (!utf8 || html_fix_attr_names(&utf8, len, &copied) < 0) {
    if (copied) docpipe_free((char *)utf8);
    return docpipe_error_set(err, DOCPIPE_ENOMEM, "html: out of memory decoding the page");
  }
  html_tree tree;
  int stopped = 0;
  int prc = html_tree_parse(&tree, utf8, len, S_max_elements(len), &stopped);
  if (copied) docpipe_free((char *)utf8);
  if (prc)
    return docpipe_error_set(err, prc, prc == DOCPIPE_ENOMEM ? "html: out of memory parsing the page"
                                                             : "html: the page could not be parsed");
  if (stopped == HTML_TREE_TOO_MANY)
    docpipe_args_warn(args, "html: the page has over %zu elements; the rest was not read",
                      S_max_elements(len));
  if (stopped == HTML_TREE_TOO_DEEP)
    docpipe_args_warn(args, "html: elements nested over %d deep; the rest was not read",
                      HTML_TREE_MAX_DEPTH);

  html_ctx c;
  memset(&c, 0, sizeof c);
  c.tree = &tree;
  c.body = S_body(&tree);
  if (c.body) html_resolve_streamed(c.body);
  c.max_depth = args->limits.max_depth ? args->limits.max_depth : 200;
  html_meta m;
  memset(&m, 0, sizeof m);
  docpipe_doc *doc = NULL;
  char *title = NULL;
  docpipe_value *pre = NULL, *own = NULL;
  int rc = 0;
  if (!c.body) {
    rc = docpipe_error_set(err, DOCPIPE_EPARSE, "html: no document element");
    goto done;
  }
  if ((rc = html_stats_alloc(&c)) != 0) {
    rc = docpipe_error_set(err, rc, "html: out of memory");
    goto done;
  }
  /* a page written by docpipe's html writer carries its whole metadata
   * map in its JSON-LD: read it back as is, and its article header (built
   * from that metadata) is not body */
  for (html_node *x = c.body; x && !own; x = html_next(x, c.body, 0)) {
    const char *type = html_is(x, "script") ? html_attr(x, "type") : NULL;
    if (type && strcasecmp(type, "application/ld+json") == 0 && x->children &&
        x->children->content) {
      const char *txt = (const char *)x->children->content;
      if (html_w_meta_from_jsonld(txt, strlen(txt), &own) < 0) {
        rc = docpipe_error_set(err, DOCPIPE_ENOMEM, "html: out of memory");
        goto done;
      }
    }
  }
  c.own = own != NULL;
  if (own) {
    for (html_node *x = c.body; x; x = html_next(x, c.body, 0)) {
      if (!html_is(x, "article")) continue;
      for (html_node *k = x->children; k; k = k->next)
        if (html_is(k, "header")) {
          html_st(k)->removed = 1;
          break;
        }
      break;
    }
  }
  html_mark_boilerplate(&c);
  /* As Readability retries without its "unlikely candidate" classes: when
   * the class and id words took nearly all the page's text (a schedule
   * page whose team list sits in a "nav-ish" box, a brand page of "promo"
   * sections), they named the page's own parts, not widgets around it.
   * Mark again without them. */
  if (!c.own && html_st(c.body)->text_len < RELAX_BELOW) {
    unsigned strict_len = html_st(c.body)->text_len;
    S_unmark(&c);
    c.relaxed = 1;
    html_mark_boilerplate(&c);
    /* a short page stays short: what the words took must be a page's
     * worth of text that is not links, not a menu or one more widget */
    html_stat *bs = html_st(c.body);
    if (bs->text_len - bs->link_len < RELAX_GAIN * strict_len + RELAX_BELOW) {
      S_unmark(&c);
      c.relaxed = 0;
      html_mark_boilerplate(&c);
    }
  }
  if ((rc = html_choose_content(&c)) != 0) {
    rc = docpipe_error_set(err, rc, "html: out of memory");
    goto done;
  }
  html_clean_content(&c);
  html_meta_collect(&c, &m);
  /* a docpipe page's headline, date and byline lines are body: its
   * metadata is all in the JSON-LD */
  if (!own) title = html_find_title(&c, &m);
  if (!own && (rc = html_add_lead(&c)) != 0) {
    rc = docpipe_error_set(err, rc, "html: out of memory");
    goto done;
  }
  /* docpipe's own pages hold the model's URLs as written: the canonical
   * link there is metadata, not where the links were found */
  if (!own) {
    const char *base = NULL;
    for (html_node *x = c.body; x && !base; x = html_next(x, c.body, 0))
      if (html_is(x, "base")) base = html_attr(x, "href");
    if (!base || strncasecmp(base, "http", 4) != 0) base = m.url;
    /* A copy: the build frees DOM parts (a <base> among them) as it goes. */
    if (base && (strncasecmp(base, "http://", 7) == 0 || strncasecmp(base, "https://", 8) == 0))
      c.base_url = base_owned = strdup(base);
  }
  doc = docpipe_doc_new();
  if (!doc) {
    rc = docpipe_error_set(err, DOCPIPE_ENOMEM, "html: out of memory");
    goto done;
  }
  pre = docpipe_value_new_map();
  if (!pre) {
    rc = docpipe_error_set(err, DOCPIPE_ENOMEM, "html: out of memory");
    goto done;
  }
  if (!own) html_visible_prescan(&c, pre);
  if (!own) html_title_for_page(&c, &m, pre, &title);
  if ((rc = html_build(&c, docpipe_doc_root(doc), err)) != 0) goto done;
  if (!own) {
    html_visible_meta(&c, &m, title, pre, doc);
  } else {
    docpipe_value *meta = docpipe_doc_meta(doc);
    for (size_t i = 0; i < docpipe_value_count(own); i++)
      docpipe_value_set(meta, docpipe_value_key_at(own, i), docpipe_value_copy(docpipe_value_at(own, i)));
  }
  if (!own && !docpipe_node_first_child(docpipe_doc_root(doc)) && !title) {
    rc = docpipe_error_set(err, DOCPIPE_EPARSE, "html: no article text found in the page");
    goto done;
  }
done:
  free(base_owned);
  free(title);
  docpipe_value_free(pre);
  docpipe_value_free(own);
  html_meta_free(&m);
  free(c.roots);
  free(c.stats);
  free(c.title_alt);
  html_tree_free(&tree);
  if (rc) {
    docpipe_doc_free(doc);
    return rc;
  }
  *out = doc;
  return 0;
}
