/* What the page shows: the headline (the heading that matches what the
 * meta tags call the title, else an <h1>, else <title> without the site
 * name), visible date lines and bylines (parsed by the core extractors,
 * docpipe/extract.h).  Lines used as metadata leave the body, so the
 * writers, which print the metadata, do not print them twice. */
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>

#include "docpipe/extract.h"
#include "html_reader.h"

static char *S_fold(const char *s) { return s ? html_fold(s, strlen(s)) : NULL; }

static size_t S_words(const char *s, size_t n) {
  size_t w = 0;
  int in = 0;
  for (size_t i = 0; i < n; i++) {
    int sp = s[i] == ' ';
    if (!sp && !in) w++;
    in = !sp;
  }
  return w;
}

/* Drops a site-name part: "Headline | Site", "Site - Headline". */
static char *S_strip_site(const char *title, const char *site) {
  static const char *const seps[] = {" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " • ", NULL};
  size_t n = strlen(title);
  if (site && *site) {
    char *ft = S_fold(title), *fs = S_fold(site);
    if (ft && fs && strlen(ft) == n) {
      size_t ls = strlen(fs);
      for (int i = 0; seps[i]; i++) {
        size_t lsep = strlen(seps[i]);
        if (n > ls + lsep && strcmp(ft + n - ls, fs) == 0 &&
            strncmp(title + n - ls - lsep, seps[i], lsep) == 0) {
          free(ft);
          free(fs);
          char *r = strndup(title, n - ls - lsep);
          return r;
        }
        if (n > ls + lsep && strncmp(ft, fs, ls) == 0 && strncmp(title + ls, seps[i], lsep) == 0) {
          free(ft);
          free(fs);
          return strdup(title + ls + lsep);
        }
      }
    }
    free(ft);
    free(fs);
  }
  /* no site name to go by: the part before the last separator, when it is
   * a headline of a few words */
  const char *last = NULL, *first = NULL;
  size_t last_len = 0, first_len = 0;
  for (int i = 0; seps[i]; i++) {
    const char *p = title, *q;
    while ((q = strstr(p, seps[i])) != NULL) {
      if (!first || q < first) {
        first = q;
        first_len = strlen(seps[i]);
      }
      if (!last || q > last) {
        last = q;
        last_len = strlen(seps[i]);
      }
      p = q + 1;
    }
  }
  if (!last) return strdup(title);
  size_t left = (size_t)(last - title);
  const char *tail = last + last_len;
  if (S_words(title, left) >= 3 && S_words(tail, strlen(tail)) <= 4) return strndup(title, left);
  const char *after = first + first_len;
  if (S_words(after, strlen(after)) >= 3 && S_words(title, (size_t)(first - title)) <= 3)
    return strdup(after);
  return strdup(title);
}

static int S_match(const char *fh, const char *fc) {
  if (!fh || !fc || !*fh || !*fc) return 0;
  size_t lh = strlen(fh), lc = strlen(fc);
  if (strcmp(fh, fc) == 0) return 1;
  if (lh >= 10 && strstr(fc, fh)) return 1;
  if (lc >= 20 && strstr(fh, fc)) return 1;
  return 0;
}

/* Whether folded heading text `fh` is the site-name part of the folded
 * <title> `fdoc` ("Headline | Site", "Site: Headline"): blogs put their
 * name in an h1 on every page, so it is no headline. */
static const char *const S_title_seps[] = {" | ", " - ", " – ", " — ", " :: ", " » ", " · ",
                                           " • ", ": ", NULL};

/* Whether the folded <title> `fdoc` is folded `part` plus a separator and
 * something more, on either side: the meta title is then the headline
 * the <title> decorates. */
static int S_title_holds(const char *fdoc, const char *part) {
  if (!fdoc || !part || !*part) return 0;
  size_t lp = strlen(part), ld = strlen(fdoc);
  for (int i = 0; S_title_seps[i]; i++) {
    size_t ls = strlen(S_title_seps[i]);
    if (ld <= lp + ls) continue;
    /* the decoration is the shorter part: an og:title that is only the
     * site's name ("Headline | Site" with og:title "Site") is held too,
     * but it is no headline */
    if (ld - lp - ls > lp) continue;
    if (strncmp(fdoc, part, lp) == 0 && strncmp(fdoc + lp, S_title_seps[i], ls) == 0) return 1;
    if (strcmp(fdoc + ld - lp, part) == 0 && strncmp(fdoc + ld - lp - ls, S_title_seps[i], ls) == 0)
      return 1;
  }
  return 0;
}

static int S_site_part(const char *fh, const char *fdoc, const char *fog) {
  const char *const *seps = S_title_seps;
  if (!fh || !fdoc) return 0;
  size_t lh = strlen(fh), ld = strlen(fdoc);
  for (int i = 0; seps[i]; i++) {
    size_t ls = strlen(seps[i]);
    if (ld <= lh + ls + 3) continue;
    /* either side when the rest is the og:title ("Blog: Headline"), and
     * longer: when the og:title is the shorter part, it is the site's name
     * ("Headline | Site") */
    int og_longer = fog && lh < strlen(fog);
    if (og_longer && strncmp(fdoc, fh, lh) == 0 && strncmp(fdoc + lh, seps[i], ls) == 0 &&
        strcmp(fdoc + lh + ls, fog) == 0)
      return 1;
    if (og_longer && strcmp(fdoc + ld - lh, fh) == 0 &&
        strncmp(fdoc + ld - lh - ls, seps[i], ls) == 0 && strlen(fog) == ld - lh - ls &&
        strncmp(fdoc, fog, ld - lh - ls) == 0)
      return 1;
    /* Only the end: "Headline - longer description" starts titles as
     * often as "Site: Headline" does, but "Headline | Site" is the rule. */
    if (strcmp(fdoc + ld - lh, fh) == 0 && strncmp(fdoc + ld - lh - ls, seps[i], ls) == 0 &&
        ld - lh - ls > lh && strcmp(seps[i], ": ") != 0)
      return 1;
  }
  return 0;
}

static int S_titleish(const html_node *n) {
  static const char *const words[] = {"title", "headline", "tieude", "tieu-de", NULL};
  return html_names_have(n, words);
}

static int S_in_content(const html_node *n) {
  for (; n; n = n->parent)
    if (n->type == XML_ELEMENT_NODE && html_st(n) && html_st(n)->kept) return 1;
  return 0;
}

/* The h1 that heads the content: the first inside it, else the last one
 * before it in document order (portals put the headline just above the
 * body).  A site logo in an h1 (a link home, or the site name) is not one. */
static html_node *S_positional_h1(html_ctx *c, const html_meta *m, docpipe_buf *t) {
  html_node *first_root = c->nroots ? c->roots[0] : NULL;
  html_node *before = NULL, *inside = NULL;
  int passed = 0;
  char *fsite = S_fold(m->source), *fdoc = S_fold(m->doc_title), *fog = S_fold(m->og_title);
  html_node *start = c->body ? c->body : html_tree_root(c->tree);
  for (html_node *n = start; n && !inside;) {
    int skip = 0;
    if (n == first_root) passed = 1;
    if (html_is(n, "script") || html_is(n, "style")) {
      skip = 1;
    } else if (html_is(n, "h1")) {
      skip = 1;
      docpipe_buf_reset(t);
      if (html_text_raw(n, t, 1000) == 0 && t->len >= 8 && t->len < 400) {
        char *f = html_fold(t->data, t->len);
        int logo = f && ((fsite && strstr(fsite, f) != NULL) || S_site_part(f, fdoc, fog));
        const html_node *a = n->children;
        while (a && a->type != XML_ELEMENT_NODE) a = a->next;
        if (html_is(a, "a")) {
          const char *href = html_attr(a, "href");
          if (href && (strcmp(href, "/") == 0 || (strlen(href) < 40 && strstr(href, "://") &&
                                                   strchr(strstr(href, "://") + 3, '/') == NULL)))
            logo = 1;
        }
        if (!logo) {
          if (S_in_content(n)) inside = n;
          else if (!passed) before = n;
          else if (!before) before = n; /* after the content: last resort */
        }
        free(f);
      }
    }
    n = html_next(n, start, skip);
  }
  free(fsite);
  free(fdoc);
  free(fog);
  return inside ? inside : before;
}

static char *S_unescaped(const char *s);

/* Typographic single quotes (U+2018, U+2019) become the ASCII apostrophe
 * in a title: the same headline is typed both ways across a page's h1,
 * og:title and <title>, and citations (and search) use the plain form.
 * In place: three bytes become one. */
static void S_plain_apostrophes(char *s) {
  if (!s) return;
  char *w = s;
  for (const char *r = s; *r;) {
    if ((unsigned char)r[0] == 0xE2 && (unsigned char)r[1] == 0x80 &&
        ((unsigned char)r[2] == 0x98 || (unsigned char)r[2] == 0x99)) {
      *w++ = '\'';
      r += 3;
    } else {
      *w++ = *r++;
    }
  }
  *w = '\0';
}

/* "Headline | Opinion", "Headline | Top 19 Companies": a short segment
 * after the last " | " names a section or a teaser, not the headline. */
static void S_drop_section_suffix(char *s) {
  if (!s) return;
  char *bar = NULL;
  for (char *p = strstr(s, " | "); p; p = strstr(p + 1, " | ")) bar = p;
  if (!bar) return;
  int tail_words = 1, head_words = 1;
  for (const char *p = bar + 3; *p; p++) tail_words += *p == ' ';
  for (const char *p = s; p < bar; p++) head_words += *p == ' ';
  if (tail_words <= 4 && head_words >= 3) *bar = '\0';
}

/* A heading that holds a meta title and more ("Forum Prefix Title",
 * "Title Posted on June 1 by X", "Buying Guide: Title"): the meta title
 * without the extras, the longest of those the heading contains. */
static const char *S_inner_candidate(const char *fh, char *const *fc, const char *const *cands) {
  const char *best = NULL;
  size_t best_len = 0;
  for (int i = 0; i < 5; i++) {
    if (!fc[i] || !cands[i]) continue;
    size_t l = strlen(fc[i]);
    if (strcmp(fh, fc[i]) == 0) return NULL;
    const char *at = l > best_len && S_words(fc[i], l) >= 3 ? strstr(fh, fc[i]) : NULL;
    if (!at) continue;
    size_t before = (size_t)(at - fh), after = strlen(at + l);
    /* what the heading adds must be furniture: a label ending in ':'
     * ("Thread:", "Re:"), a date or byline (has digits), or the prefix
     * a forum puts before the thread's own headline (JSON-LD) */
    int digits = 0; /* a year: the rest is a dateline, not words cut off */
    for (const char *p = fh; *p; p++)
      if ((p + 3 < at || p >= at + l) && (p[0] == '1' || p[0] == '2') &&
          (p[1] == '9' || p[1] == '0') && p[2] >= '0' && p[2] <= '9' && p[3] >= '0' &&
          p[3] <= '9' && (p == fh || p[-1] < '0' || p[-1] > '9') && (p[4] < '0' || p[4] > '9'))
        digits = 1;
    int label = !after && before >= 2 && fh[before - 1] == ' ' && fh[before - 2] == ':';
    int prefix = i == 0 && !after && S_words(fh, before) <= 2;
    if (label || digits || prefix) {
      best = cands[i];
      best_len = l;
    }
  }
  return best;
}

/* Sphinx and Markdown renderers end headings with a permalink sign. */
static void S_drop_permalink(char *s) {
  if (!s) return;
  size_t n = strlen(s);
  for (;;) {
    while (n && s[n - 1] == ' ') n--;
    if (n >= 2 && (unsigned char)s[n - 2] == 0xC2 && (unsigned char)s[n - 1] == 0xB6) n -= 2; /* ¶ */
    else if (n >= 2 && (unsigned char)s[n - 2] == 0xC2 && (unsigned char)s[n - 1] == 0xA7) n -= 2; /* § */
    else if (n >= 1 && s[n - 1] == '#' && n >= 2 && s[n - 2] == ' ') n -= 1;
    else if (n >= 4 && !memcmp(s + n - 4, "\xF0\x9F\x94\x97", 4)) n -= 4; /* link emoji */
    else break;
  }
  s[n] = 0;
}

/* Characters that print nothing: soft hyphens (hyphenation hints for
 * narrow columns, "Assis&shy;tance"), zero-width spaces and joiners, a
 * stray byte-order mark.  A title or a name is cited and searched as
 * read, without them.  In place. */
static void S_drop_invisible(char *s) {
  if (!s) return;
  char *w = s;
  for (const unsigned char *r = (const unsigned char *)s; *r;) {
    if (r[0] == 0xC2 && r[1] == 0xAD) { /* U+00AD */
      r += 2;
    } else if (r[0] == 0xE2 && r[1] == 0x80 && (r[2] == 0x8B || r[2] == 0x8D)) { /* U+200B, U+200D */
      r += 3;
    } else if ((r[0] == 0xE2 && r[1] == 0x81 && r[2] == 0xA0) || /* U+2060 */
               (r[0] == 0xEF && r[1] == 0xBB && r[2] == 0xBF)) { /* U+FEFF */
      r += 3;
    } else {
      *w++ = (char)*r++;
    }
  }
  *w = '\0';
}

static void S_tidy_title(char *title) {
  S_drop_invisible(title);
  S_drop_permalink(title);
  S_plain_apostrophes(title);
  S_drop_section_suffix(title);
}

static int S_word_byte(char ch) {
  unsigned char u = (unsigned char)ch;
  return u >= 0x80 || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9');
}

static int S_has_word(const char *s, const char *w, size_t n) {
  for (const char *q = s; *q; q++)
    if (strncmp(q, w, n) == 0 && (q == s || !S_word_byte(q[-1])) && !S_word_byte(q[n])) return 1;
  return 0;
}

/* A date line among the next few elements with text after n: what
 * follows a headline, not a section's title. */
static int S_date_follows(html_node *n, html_node *root) {
  docpipe_buf t = DOCPIPE_BUF_INIT;
  int seen = 0, found = 0;
  for (html_node *x = html_next(n, root, 1); x && seen < 4 && !found;) {
    int skip = 0;
    if (x->type == XML_ELEMENT_NODE && !html_is(x, "script") && !html_is(x, "style")) {
      docpipe_buf_reset(&t);
      if (html_text_raw(x, &t, 200) == 0 && t.len) {
        docpipe_date d;
        seen++;
        found = t.len < 160 && docpipe_date_line(t.data, t.len, &d);
        skip = t.len >= 160 ? 0 : 1;
      }
    }
    x = html_next(x, root, skip);
  }
  docpipe_buf_free(&t);
  return found;
}

/* A page without <h1> or meta titles, whose <title> names only the site
 * ("Ban Dân vận Tỉnh ủy :: Tin tức"): its headline is the first element
 * inside the content that its class calls a title ("tieude-tin",
 * "news-title"), a line of a few words and no link, followed by the date
 * line a headline has under it. */
static html_node *S_titled_in_content(html_ctx *c, docpipe_buf *t) {
  if (!c->nroots) return NULL;
  for (size_t r = 0; r < c->nroots; r++)
    for (html_node *n = c->roots[r]; n;) {
      int skip = 0;
      if (n->type == XML_ELEMENT_NODE && !html_is(n, "a") && S_titleish(n)) {
        skip = 1;
        docpipe_buf_reset(t);
        int link = 0;
        for (html_node *x = n->children; x && !link; x = html_next(x, n, 0)) link = html_is(x, "a");
        if (!link && html_text_raw(n, t, 400) == 0 && t->len >= 20 && t->len < 300 &&
            S_words(t->data, t->len) >= 4 && S_date_follows(n, c->body))
          return n;
      }
      n = html_next(n, c->roots[r], skip);
    }
  return NULL;
}

/* A date line just before block `b`: in the previous element sibling of
 * b or of one of its two nearest ancestors (the table row above the
 * headline's row on an old portal). */
static int S_date_precedes(const html_node *b, docpipe_buf *t) {
  for (int up = 0; b && up < 3; up++, b = b->parent) {
    const html_node *p = b->prev;
    while (p && p->type != XML_ELEMENT_NODE) p = p->prev;
    if (!p) continue;
    docpipe_buf_reset(t);
    docpipe_date d;
    if (html_text_raw(p, t, 200) == 0 && t->len)
      return t->len < 160 && docpipe_date_line(t->data, t->len, &d);
  }
  return 0;
}

/* An old portal's headline: bold text (in <font> perhaps) that is all of
 * its block, with a date line just above or below it — "<td><font
 * size=3><b>Headline</b></font></td>" under the row of the date. */
static html_node *S_bold_headline(html_ctx *c, docpipe_buf *t) {
  if (!c->body) return NULL;
  for (html_node *n = c->body; n; n = html_next(n, c->body, 0)) {
    if (n->type != XML_ELEMENT_NODE || !(html_is(n, "b") || html_is(n, "strong"))) continue;
    if (!html_st(n) || html_st(n)->removed || html_st(n)->link_len) continue;
    html_node *b = n->parent;
    while (b && (html_is(b, "font") || html_is(b, "span")) && b->parent) b = b->parent;
    if (!b || !html_st(b) || html_st(b)->text_len != html_st(n)->text_len) continue;
    docpipe_buf_reset(t);
    if (html_text_raw(n, t, 400) != 0 || t->len < 20 || t->len >= 300 || S_words(t->data, t->len) < 4)
      continue;
    char *keep = strndup(t->data, t->len);
    int dated = keep && (S_date_precedes(b, t) || S_date_follows(b, c->body));
    docpipe_buf_reset(t);
    if (keep) docpipe_buf_puts(t, keep);
    free(keep);
    if (dated) return n;
  }
  return NULL;
}

/* How many of the words of heading `h` are in `meta` (*words: how many it
 * has). */
static size_t S_words_shared(const char *h, const char *meta, size_t *words) {
  char *fh = S_fold(h), *fm = S_fold(meta);
  size_t shared = 0;
  *words = 0;
  if (fh && fm) {
    for (const char *p = fh; *p;) {
      while (*p && !S_word_byte(*p)) p++;
      const char *w = p;
      while (*p && S_word_byte(*p)) p++;
      if (p == w) break;
      (*words)++;
      shared += S_has_word(fm, w, (size_t)(p - w));
    }
  }
  free(fh);
  free(fm);
  return shared;
}

char *html_find_title(html_ctx *c, const html_meta *m) {
  const char *cands[5] = {m->ld_headline, m->og_title, m->tw_title, m->dc_title, m->doc_title};
  char *fc[5];
  for (int i = 0; i < 5; i++) fc[i] = S_fold(cands[i]);
  html_node *best = NULL;
  int best_score = 0;
  const char *best_inner = NULL;
  char *best_text = NULL;
  docpipe_buf t = DOCPIPE_BUF_INIT;
  html_node *start = c->body ? c->body : html_tree_root(c->tree);
  for (html_node *n = start; n;) {
    int skip = 0;
    if (n->type == XML_ELEMENT_NODE) {
      int h1 = html_is(n, "h1"), h2 = html_is(n, "h2");
      if (html_is(n, "script") || html_is(n, "style")) skip = 1;
      else if (h1 || h2 || html_is_heading(n) || S_titleish(n)) {
        docpipe_buf_reset(&t);
        if (html_text_raw(n, &t, 1000) == 0 && t.len >= 4 && t.len < 600) {
          char *fh = html_fold(t.data, t.len);
          int matched = 0;
          if (!S_site_part(fh, fc[4], fc[1]))
            for (int i = 0; i < 5 && !matched; i++) matched = S_match(fh, fc[i]);
          if (matched) {
            int score = (h1 ? 4 : h2 ? 2 : 1) + (S_in_content(n) ? 2 : 0);
            if (score > best_score) {
              best_score = score;
              best = n;
              free(best_text);
              best_text = strdup(t.data);
              best_inner = S_inner_candidate(fh, fc, cands);
            }
          }
          free(fh);
          skip = html_is_heading(n);
        }
      }
    }
    n = html_next(n, start, skip);
  }
  /* the og:title the <title> repeats with the site's name is the
   * headline; an h1 that matches none of the meta titles then is not */
  int og_held = S_title_holds(fc[4], fc[1]);
  for (int i = 0; i < 5; i++) free(fc[i]);
  char *title = NULL;
  html_node *pos = S_positional_h1(c, m, &t);
  if (!best && pos && og_held) {
    title = S_unescaped(m->og_title);
    c->title_h1 = pos; /* still where the article starts: dates follow it */
  } else if (best && (best_score >= 4 || !pos)) {
    if (best_inner) {
      title = S_unescaped(best_inner);
    } else {
      title = best_text;
      best_text = NULL;
    }
    c->title_h1 = best;
  } else if (pos) {
    docpipe_buf_reset(&t);
    if (html_text_raw(pos, &t, 1000) == 0 && t.len) title = strdup(t.data);
    c->title_h1 = pos;
    S_tidy_title(title);
    const char *meta_title = m->og_title ? m->og_title : m->doc_title;
    size_t words = 0, shared = title && meta_title ? S_words_shared(title, meta_title, &words) : 0;
    /* fewer than half its words in the meta title: the h1 says something
     * else than the page's name ("Clarity, finally." on a page called "A
     * To-Do List to Organize Your Work & Life") */
    if (shared * 2 < words) {
      char *u = S_unescaped(meta_title);
      c->title_alt = u ? S_strip_site(u, m->source) : NULL;
      free(u);
      S_tidy_title(c->title_alt);
      /* none of them in the og:title: the h1 heads a section or a box
       * ("Our BLOG", "MODERATORS", "Special Offers"), not this page, even
       * an article.  (The <title> alone is not trusted that far: some
       * sites serve one <title> for every page.) */
      c->h1_unrelated = shared == 0 && m->og_title != NULL;
    }
  } else if (!m->ld_headline && !m->og_title && !m->tw_title && !m->dc_title &&
             ((best = S_titled_in_content(c, &t)) != NULL ||
              (best = S_bold_headline(c, &t)) != NULL)) {
    title = strdup(t.data);
    c->title_h1 = best;
  } else if (m->ld_headline) {
    title = S_unescaped(m->ld_headline);
  } else if (m->og_title) {
    char *u = S_unescaped(m->og_title);
    title = u ? S_strip_site(u, m->source) : NULL;
    free(u);
  } else if (m->dc_title) {
    title = S_unescaped(m->dc_title);
  } else if (m->doc_title) {
    title = S_strip_site(m->doc_title, m->source);
  }
  docpipe_buf_free(&t);
  free(best_text);
  S_tidy_title(title);
  return title;
}

void html_title_for_page(html_ctx *c, const html_meta *m, const docpipe_value *pre, char **title) {
  /* (a placeholder <title> of a letter or two names nothing) */
  if (!c->title_alt || strlen(c->title_alt) < 3) return;
  int article = m->article_typed || m->date || (m->authors && docpipe_value_count(m->authors)) ||
                docpipe_value_get(pre, DOCPIPE_META_DATE) || docpipe_value_get(pre, DOCPIPE_META_AUTHORS);
  if (article && !c->h1_unrelated) return;
  free(*title);
  *title = c->title_alt;
  c->title_alt = NULL;
}

/* Meta values are sometimes HTML-escaped twice ("&amp;", "&#8211;"). */
static char *S_unescaped(const char *s) {
  if (!strchr(s, '&')) return strdup(s);
  htmlDocPtr d = htmlReadMemory(s, (int)strlen(s), NULL, "UTF-8",
                                HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                    HTML_PARSE_NOWARNING | HTML_PARSE_NOIMPLIED);
  char *out = NULL;
  if (d) {
    xmlChar *txt = xmlNodeGetContent((xmlNodePtr)d);
    if (txt && *txt) out = strdup((const char *)txt);
    xmlFree(txt);
    xmlFreeDoc(d);
  }
  return out ? out : strdup(s);
}

/* ---- after the build ---- */

static int S_date_from_line(docpipe_value *meta, const char *line, int set);
static int S_set_date(docpipe_value *meta, const char *line, const docpipe_date *d);
static int S_byline(docpipe_value *meta, const char *line);

/* "By Tom Becker | Staff Writer · June 12, 2021": a credit line that
 * carries the date after the author. */
static int S_credit_date(docpipe_value *meta, const char *line) {
  docpipe_date d;
  return docpipe_date_find(line, strlen(line), &d) && S_set_date(meta, line, &d);
}

/* The name in the text of an element marked as the byline: without the
 * label before it ("Written by:", "Post by"), the date beside it
 * ("Jane Doe December 18, 2025", "Dec 19, 2025 · Jane Doe") and a role
 * or counter after it.  In place; NULL when no name is left. */
static char *S_byline_name(char *v) {
  docpipe_date d;
  if (docpipe_date_line(v, strlen(v), &d)) return NULL; /* "Sat, 20 Dec, 2025" */
  if (docpipe_date_find(v, strlen(v), &d) && d.end > d.start && d.end <= strlen(v)) {
    int letters_before = 0;
    for (size_t i = 0; i < d.start; i++)
      if ((unsigned char)v[i] >= 0x80 || ((v[i] | 32) >= 'a' && (v[i] | 32) <= 'z'))
        letters_before = 1;
    if (letters_before) v[d.start] = 0;
    else v += d.end;
  }
  for (int again = 1; again;) {
    again = 0;
    for (;;) {
      if (*v == ' ' || *v == ':' || *v == '|') v++;
      else if (!strncmp(v, "\xE2\x80\xA2", 3)) v += 3; /* bullet */
      else if ((unsigned char)v[0] == 0xC2 && ((unsigned char)v[1] == 0xB7 || (unsigned char)v[1] == 0xA0))
        v += 2; /* middle dot, NBSP */
      else break;
    }
    static const char *const lead[] = {"by ", "by:", "author:", "author ", "written by ",
                                       "written by:", "posted by ", "posted by:", "post by ",
                                       "text by ", "words by ", "via ", "tác giả:", "bởi ",
                                       "đăng bởi ", "người viết:",
                                       /* Indonesian, Dutch, Polish, Turkish */
                                       "penulis:", "penulis ", "oleh:", "oleh ", "door ",
                                       "autor:", "yazar:", NULL};
    for (int i = 0; lead[i]; i++)
      if (!strncasecmp(v, lead[i], strlen(lead[i]))) {
        v += strlen(lead[i]);
        again = 1;
      }
  }
  /* a date or a role glued after the name */
  static const char *const tail[] = {" Published", " Updated", " Posted", " Last", " | ", " • ",
                                     " - ", " on ", " » ", " · ", " ·",
                                     /* the editor's credit after the writer's */
                                     " Editor ", " Editor:", " Penyunting", " Redaktur", NULL};
  for (int i = 0; tail[i]; i++) {
    char *cut = strstr(v, tail[i]);
    if (cut && cut > v) *cut = 0;
  }
  size_t n = strlen(v);
  while (n && (v[n - 1] == ' ' || v[n - 1] == '-')) v[--n] = 0;
  if (n >= 2 && v[0] == '"' && v[n - 1] == '"') {
    v[n - 1] = 0;
    v++;
  }
  int letters = 0;
  for (const char *p = v; *p; p++)
    if ((unsigned char)*p >= 0x80 || ((*p | 32) >= 'a' && (*p | 32) <= 'z')) letters = 1;
  if (!letters || !strcasecmp(v, "author") || !strcasecmp(v, "topic author") ||
      (v[0] >= '0' && v[0] <= '9'))
    return NULL;
  return v;
}

/* Words that say what a person does or where they work: after a name in
 * a byline value they are a role or an outlet ("Kim Lee Senior Reporter",
 * "Kim Lee, The Daily Post"), not part of the name. */
static const char *const S_role_words[] = {
    "writer", "editor", "reporter", "correspondent", "columnist", "contributor",
    "specialist", "consultant", "director", "founder", "co-founder",
    "manager", "analyst", "journalist", "producer", "officer", "engineer", "president", "ceo",
    "reviewer", "researcher", "strategist", "designer", "developer", NULL};
/* Words that open a role before its noun ("Former ... Consultant"). */
static const char *const S_role_lead[] = {"former", "senior", "staff", "lead", "chief", "deputy",
                                          "managing", "contributing", "executive", "associate",
                                          "assistant", "junior", "guest", "freelance", NULL};

static int S_word_in(const char *w, size_t n, const char *const *list) {
  for (int i = 0; list[i]; i++)
    if (strlen(list[i]) == n && !strncasecmp(w, list[i], n)) return 1;
  return 0;
}

/* The byte offset where a role starts in "Name Name Role ...", or 0. */
static size_t S_role_start(const char *v) {
  size_t starts[24];
  size_t lens[24];
  int nw = 0;
  for (const char *p = v; *p && nw < 24;) {
    while (*p == ' ') p++;
    if (!*p) break;
    const char *e = p;
    while (*e && *e != ' ') e++;
    size_t n = (size_t)(e - p);
    while (n && (p[n - 1] == ',' || p[n - 1] == '.')) n--;
    starts[nw] = (size_t)(p - v);
    lens[nw++] = n;
    p = e;
  }
  for (int i = 2; i < nw; i++) {
    if (!S_word_in(v + starts[i], lens[i], S_role_words)) continue;
    for (int k = 2; k < i; k++)
      if (S_word_in(v + starts[k], lens[k], S_role_lead)) return starts[k];
    /* a beat joined by "and" or "of" ("Highlands and Islands reporter",
     * "Head of Audience editor"): names join no words so */
    static const char *const joins[] = {"and", "&", "of", "for", NULL};
    for (int k = 3; k < i; k++)
      if (S_word_in(v + starts[k], lens[k], joins)) return starts[2];
    /* one unknown word before the role is its qualifier ("Tech Reporter") */
    return starts[i == 2 ? 2 : (i == 3 ? 2 : i)];
  }
  for (int i = 2; i < nw; i++)
    if (S_word_in(v + starts[i], lens[i], S_role_lead) && i + 1 < nw) return starts[i];
  return 0;
}

/* Words before "by" that make it a credit label ("Recipe by", "Posted
 * by"); "Sponsored by X" or "Websites by X" credit no writer. */
static const char *const S_by_labels[] = {"written", "posted", "authored", "recipe", "guide",
                                          "article", "story", "words", "text", "review",
                                          "published", "created", "post", NULL};

/* A number that counts something after a name ("7 min read", "1 year
 * ago", "0 0"), or a date in digits: not part of the name. */
static int S_is_counter(const char *d) {
  while (*d >= '0' && *d <= '9') d++;
  if (!*d || *d == '/' || *d == '.') return 1;
  if (*d != ' ') return 0;
  d++;
  if (*d >= '0' && *d <= '9') return 1;
  static const char *const units[] = {"min", "mins", "minute", "minutes", "hour", "hours", "day",
                                      "days", "week", "weeks", "month", "months", "year", "years",
                                      "comment", "comments", "views", "reads", "likes", NULL};
  size_t wl = strcspn(d, " ");
  return S_word_in(d, wl, units);
}

/* A month name (or its three-letter form) starts at g as a whole word. */
static int S_month_at(const char *g) {
  static const char *const months[] = {"January", "February", "March", "April", "May", "June",
                                       "July", "August", "September", "October", "November",
                                       "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
                                       "Sep", "Sept", "Oct", "Nov", "Dec", NULL};
  size_t wl = 0;
  while ((g[wl] | 32) >= 'a' && (g[wl] | 32) <= 'z') wl++;
  for (int i = 0; months[i]; i++)
    if (strlen(months[i]) == wl && !strncmp(g, months[i], wl)) return 1;
  return 0;
}

/* A host name in lower case ("tbkts.example.vn"): a template printing the
 * site's domain as the author of every page. */
static int S_is_host(const char *v) {
  static const char *const tlds[] = {"com", "net", "org", "info", "biz", "io", "co", "vn",
                                     "news", "tv", "online", "id", "nl", "de", "fr", "uk", "es",
                                     "it", "pl", "tr", "au", "in", "us", "ca", NULL};
  const char *dot = strrchr(v, '.');
  if (!dot || dot == v || !S_word_in(dot + 1, strlen(dot + 1), tlds)) return 0;
  for (const char *p = v; *p; p++)
    if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' || *p == '.')) return 0;
  return 1;
}

/* One author value, from any source, reduced to the name: without a label
 * before it ("By", "Posted by", "Recipe by"), a date, a counter ("7 min
 * read"), a role or an outlet after it.  NULL when what is left is no
 * name: a number, an address, a template key, a form label.  Malloc'd. */
static char *S_author_clean(const char *in) {
  /* text glued by the markup ("KimDecember 17", "2025Julian"): a space
   * where a date meets a word */
  size_t il = strlen(in);
  char *buf = malloc(il * 2 + 1), *v = buf, *out = NULL;
  if (!buf) return NULL;
  size_t o = 0;
  char *plain = strdup(in);
  if (!plain) {
    free(buf);
    return NULL;
  }
  S_drop_invisible(plain);
  in = plain;
  il = strlen(in);
  for (size_t i = 0; i < il; i++) {
    if ((unsigned char)in[i] == 0xC2 && (unsigned char)in[i + 1] == 0xA0) {
      buf[o++] = ' '; /* no-break space */
      i++;
      continue;
    }
    if (i && ((in[i - 1] >= '0' && in[i - 1] <= '9' && in[i] >= 'A' && in[i] <= 'Z') ||
              (in[i - 1] >= 'a' && in[i - 1] <= 'z' && S_month_at(in + i))))
      buf[o++] = ' ';
    buf[o++] = in[i];
  }
  buf[o] = 0;
  for (;;) {
    while (*v == ' ' || *v == '&' || *v == ',' || *v == ';' || *v == '|' || *v == '-') v++;
    /* "By X", "Posted by X", "Posted byX", "Authored by: X" */
    const char *p = v;
    while ((*p | 32) >= 'a' && (*p | 32) <= 'z') p++;
    const char *by = NULL;
    if (p - v == 2 && !strncasecmp(v, "by", 2)) by = p;
    else if (*p == ' ' && S_word_in(v, (size_t)(p - v), S_by_labels) && !strncasecmp(p + 1, "by", 2))
      by = p + 3;
    if (!by || !(*by == ' ' || *by == ':' || (*by >= 'A' && *by <= 'Z'))) break;
    v = (char *)by;
    while (*v == ':' || *v == ' ') v++;
  }
  /* a date beside the name */
  docpipe_date d;
  size_t n = strlen(v);
  if (docpipe_date_find(v, n, &d) && d.end > d.start && d.end <= n) {
    int letters_before = 0;
    for (size_t i = 0; i < d.start; i++)
      if ((unsigned char)v[i] >= 0x80 || ((v[i] | 32) >= 'a' && (v[i] | 32) <= 'z')) letters_before = 1;
    if (letters_before) v[d.start] = 0;
    else v += d.end;
    while (*v == ' ' || *v == ',' || *v == '|' || *v == '-') v++;
  }
  /* a second credit after the writer's ("X, DVM. Reviewed by Y"): the
   * writer is the author */
  static const char *const second[] = {" medically reviewed by", " reviewed by",
                                       " fact checked by", " fact-checked by", NULL};
  for (int i = 0; second[i]; i++) {
    char *r = strcasestr(v, second[i]);
    if (!r) continue;
    while (r > v && (r[-1] == '.' || r[-1] == '|' || r[-1] == ' ')) r--;
    *r = 0;
  }
  /* a counter after the name */
  for (char *q = v; *q; q++)
    if (q > v && q[-1] == ' ' && *q >= '0' && *q <= '9' && S_is_counter(q)) {
      *q = 0;
      break;
    }
  n = strlen(v);
  while (n && (v[n - 1] == ' ' || v[n - 1] == '*' || v[n - 1] == '-' || v[n - 1] == ',' ||
               v[n - 1] == '|'))
    v[--n] = 0;
  /* ", The Daily Post" is the outlet; a role after a comma is kept, as
   * pages print it as part of the credit */
  char *comma = strstr(v, ", The ");
  if (comma) *comma = 0;
  /* " - Editorial Team", " - Staff Writer" */
  char *dash = strstr(v, " - ");
  if (dash) {
    int role = 0;
    for (const char *w = dash + 3; *w && !role;) {
      size_t wl = strcspn(w, " ,");
      role = S_word_in(w, wl, S_role_words) || (wl == 4 && !strncasecmp(w, "team", 4));
      w += wl;
      while (*w == ' ' || *w == ',') w++;
    }
    if (role) *dash = 0;
  }
  /* a role glued to the name ("HabernyFounder"): split at the capital */
  for (char *g = *v ? v + 1 : v; *g; g++)
    if (*g >= 'A' && *g <= 'Z' && g[-1] >= 'a' && g[-1] <= 'z') {
      size_t wl = 0;
      while (((g[wl] | 32) >= 'a' && (g[wl] | 32) <= 'z') || g[wl] == '-') wl++;
      if (S_word_in(g, wl, S_role_words) || S_word_in(g, wl, S_role_lead)) {
        *g = 0;
        break;
      }
    }
  /* a role after the name, before any comma ("Kim Lee Writer, Hardware") */
  char *c1 = strchr(v, ',');
  if (c1) *c1 = 0;
  size_t rs = S_role_start(v);
  if (c1 && !rs) *c1 = ',';
  if (rs) v[rs] = 0;
  n = strlen(v);
  while (n && (v[n - 1] == ' ' || v[n - 1] == ',')) v[--n] = 0;
  /* a sentence that went on ("Kim Lee on", "Kim Lee at") */
  static const char *const tails[] = {"on", "at", "in", "since", "of", "the", "and", "for", "from", NULL};
  for (char *sp; n && (sp = strrchr(v, ' ')) != NULL && S_word_in(sp + 1, strlen(sp + 1), tails) &&
                 sp[1] >= 'a' && sp[1] <= 'z';) {
    *sp = 0;
    n = (size_t)(sp - v);
    while (n && (v[n - 1] == ' ' || v[n - 1] == ',')) v[--n] = 0;
  }
  if (!n) goto done;
  /* not names: an id, an address, a template key ("page.head.author"),
   * a label with nothing after it, a form field */
  int dots = 0, letters = 0;
  for (const char *q = v; *q; q++) {
    dots += *q == '.';
    letters += (unsigned char)*q >= 0x80 || ((*q | 32) >= 'a' && (*q | 32) <= 'z');
  }
  static const char *const labels[] = {"name", "your name", "sign in", "log in", "author", NULL};
  if (!letters || strstr(v, "://") || !strncasecmp(v, "www.", 4) || strchr(v, '{') || S_is_host(v) ||
      (dots >= 3 && !strchr(v, ' ') && !strchr(v, '@')) || S_word_in(v, n, labels) ||
      (n >= 3 && !strcasecmp(v + n - 3, " by")) || !strcasecmp(v, "by") || strchr(v, ':'))
    goto done;
  out = strdup(v);
done:
  free(buf);
  free(plain);
  return out;
}

/* An author value that names the outlet, not a person ("Báo Thanh Xuân",
 * "Đài Phát thanh tỉnh", "Ban biên tập"): Vietnamese outlets open with
 * one of these words, and many templates print their own name as the
 * author of every page. */
static int S_outlet_author(const char *v) {
  static const char *const heads[] = {"Báo ", "Tạp chí ", "Đài ", "Cổng thông tin", "Cổng TTĐT",
                                      "Trang thông tin", "Trang TTĐT", "Ban biên tập",
                                      "Ban Biên tập", "Tòa soạn", "Toà soạn", NULL};
  for (int i = 0; heads[i]; i++)
    if (!strncmp(v, heads[i], strlen(heads[i]))) return 1;
  return 0;
}

/* 1 when `s` only joins names the list has ("A, B and C" beside A, B and
 * C: the meta author tag beside article:author ones). */
static int S_joins_names(const char *s, const docpipe_value *names) {
  static const char *const seps[] = {", and ", ", ", " and ", " & ", "; ", NULL};
  int parts = 0;
  while (*s) {
    size_t n = strlen(s), skip = 0;
    for (int i = 0; seps[i]; i++) {
      const char *p = strstr(s, seps[i]);
      if (p && (size_t)(p - s) < n) n = (size_t)(p - s), skip = strlen(seps[i]);
    }
    int known = 0;
    for (size_t k = 0; k < docpipe_value_count(names) && !known; k++) {
      const char *x = docpipe_value_string(docpipe_value_at(names, k));
      known = x && strlen(x) == n && !strncasecmp(x, s, n);
    }
    if (!known) return 0;
    parts++;
    s += n + skip;
  }
  return parts > 1;
}

/* Cleans every author value in place; the key is dropped when none is a
 * name, so that a later source may still give one. */
static void S_tidy_authors(docpipe_value *meta) {
  docpipe_value *a = docpipe_value_get(meta, DOCPIPE_META_AUTHORS);
  if (!a) return;
  docpipe_value *l = docpipe_value_new_list();
  for (size_t i = 0; l && i < docpipe_value_count(a); i++) {
    const char *s = docpipe_value_string(docpipe_value_at(a, i));
    char *c = s ? S_author_clean(s) : NULL;
    if (c && S_outlet_author(c)) {
      if (!docpipe_value_get(meta, DOCPIPE_META_SOURCE)) docpipe_value_set_string(meta, DOCPIPE_META_SOURCE, c);
      free(c);
      c = NULL;
    }
    int dup = 0;
    for (size_t k = 0; c && k < docpipe_value_count(l); k++)
      dup |= !strcasecmp(docpipe_value_string(docpipe_value_at(l, k)), c);
    if (c && !dup) docpipe_value_append_string(l, c);
    free(c);
  }
  docpipe_value *names = l ? docpipe_value_new_list() : NULL;
  for (size_t k = 0; names && k < docpipe_value_count(l); k++) {
    const char *x = docpipe_value_string(docpipe_value_at(l, k));
    if (x && !S_joins_names(x, l)) docpipe_value_append_string(names, x);
  }
  docpipe_value_free(l);
  l = names;
  if (l && docpipe_value_count(l)) docpipe_value_set(meta, DOCPIPE_META_AUTHORS, l);
  else {
    docpipe_value_free(l);
    docpipe_value_free(docpipe_value_take(meta, DOCPIPE_META_AUTHORS));
  }
}

/* A name after a credit label: short, capitalised, a few words. */
/* inline: "By X" in one run, where X must look more like a person than a
 * filter's label ("By Price", "By Gender & Age", "BY COMPANY SIZE"). */
static int S_credit_name(docpipe_value *meta, const char *text, int inline_by) {
  char *v = S_author_clean(text);
  int ok = 0;
  if (v) {
    size_t n = strlen(v), words = 1, lower = 0;
    for (const char *p = v; *p; p++) words += *p == ' ', lower += *p >= 'a' && *p <= 'z';
    ok = n >= 2 && n <= 60 && words <= 6 && ((v[0] >= 'A' && v[0] <= 'Z') || (unsigned char)v[0] >= 0xC3) &&
         !strpbrk(v, "!?\"()") && (!inline_by || (words >= 2 && lower && !strchr(v, '&')));
    if (ok) {
      docpipe_value *l = docpipe_value_new_list();
      if (l && docpipe_value_append_string(l, v) == 0) docpipe_value_set(meta, DOCPIPE_META_AUTHORS, l);
      else docpipe_value_free(l);
    }
  }
  free(v);
  return ok;
}

/* The first credit label in the page's text: a text run that is only the
 * label ("Written by", "By:") takes the next text run for the name; one
 * that starts with it ("By Tess Ortega") holds the name.  Text runs, not
 * elements, so the walk is linear however the page nests. */
/* Inside a link, a control, a menu or a term list a "By ..." run is a
 * filter or a menu entry ("By Category", "Shop by Price"); inside a
 * heading a bare "By" heads such a list too. */
static int S_credit_chrome(const html_node *n, int bare) {
  for (int d = 0; n && d < 8; d++, n = n->parent) {
    if (n->type != XML_ELEMENT_NODE) continue;
    static const char *const tags[] = {"a", "button", "nav", "label", "option", "select",
                                       "dt", "dd", "th", NULL};
    for (int i = 0; tags[i]; i++)
      if (html_is(n, tags[i])) return 1;
    if (bare && n->name && (n->name[0] == 'h' || n->name[0] == 'H') && n->name[1] >= '1' &&
        n->name[1] <= '6' && !n->name[2])
      return 1;
  }
  return 0;
}

static void S_credit_label(html_node *body, docpipe_value *meta) {
  /* credits ("Written by") and nouns ("Author:", "Contributors:"); a noun
   * must end its text or take a colon, and the name after it two words */
  static const char *const labels[] = {"article written by", "written by", "posted by",
                                       "authored by", "article by", "words by", "story by", "by",
                                       "author(s)", "authors", "author", "contributors",
                                       "contributor", NULL};
  int want_next = 0;
  size_t seen = 0;
  for (html_node *n = body; n && seen < 20000; seen++) {
    int skip = n->type == XML_ELEMENT_NODE && (html_is(n, "script") || html_is(n, "style") ||
                                               html_is(n, "noscript") || html_is(n, "select") ||
                                               html_is(n, "option") || html_is(n, "textarea"));
    if (n->type == XML_TEXT_NODE && n->content) {
      const char *s = (const char *)n->content;
      while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') s++;
      size_t len = strlen(s);
      while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\n' || s[len - 1] == '\r'))
        len--;
      if (len && want_next) {
        /* the name ends there ("Kim Lee", "Kim Lee, Dec 2"), not a
         * sentence going on into a link or more words */
        const html_node *after = n->next;
        while (after && after->type == XML_COMMENT_NODE) after = after->next;
        const char *at = after && after->type == XML_TEXT_NODE ? (const char *)after->content : NULL;
        while (at && (*at == ' ' || *at == '\n' || *at == '\t')) at++;
        int goes_on = after && ((after->type == XML_ELEMENT_NODE && html_is(after, "a")) ||
                                (at && ((*at | 32) >= 'a' && (*at | 32) <= 'z')));
        if (len < 80 && !goes_on) {
          char *name = strndup(s, len);
          if (name) S_credit_name(meta, name, want_next == 2);
          free(name);
        }
        return;
      }
      for (int i = 0; len && len < 80 && labels[i]; i++) {
        size_t ll = strlen(labels[i]);
        if (len < ll || strncasecmp(s, labels[i], ll)) continue;
        const char *rest = s + ll;
        size_t rl = len - ll;
        int noun = ll < 2 || strcmp(labels[i] + ll - 2, "by") != 0;
        if (noun && rl && *rest != ':') continue;
        if (rl && *rest == ':') rest++, rl--;
        while (rl && (*rest == ' ' || (unsigned char)*rest == 0xC2)) {
          /* spaces and no-break spaces */
          if ((unsigned char)*rest == 0xC2) {
            if ((unsigned char)rest[1] != 0xA0) break;
            rest++, rl--;
          }
          rest++, rl--;
        }
        if (S_credit_chrome(n, ll == 2)) break;
        if (!rl) want_next = noun ? 2 : 1;
        else if (rest > s + ll) {
          char *line = noun ? strndup(rest, rl) : strndup(s, len);
          if (line && S_credit_name(meta, line, ll == 2 || noun)) {
            free(line);
            return;
          }
          free(line);
        }
        break;
      }
    }
    n = html_next(n, body, skip);
  }
}

/* A line that opens with a publication label and the date ("Published
 * August 7, 2023 by Nicole Burke", "Posted on 3 May 2024 in News"): what
 * follows the date is a credit or a section, not a reason to doubt it. */
static int S_labelled_date(const char *line) {
  static const char *const labels[] = {"published on", "published", "posted on", "posted", NULL};
  for (int i = 0; labels[i]; i++) {
    size_t n = strlen(labels[i]);
    if (strncasecmp(line, labels[i], n) != 0 || (line[n] != ' ' && line[n] != ':')) continue;
    if (line[n] == ':') n++; /* "Posted On: January 14, 2026 By: X" */
    while (line[n] == ' ') n++;
    docpipe_date d;
    if (docpipe_date_find(line, strlen(line), &d)) return d.start == n;
  }
  return 0;
}

/* An author box that prints the date after the names ("Ngọc An - Y Nhi
 * 05/12/2024 14:30"): the byline is what comes before the date, read
 * whole, so that a team stays a team. */
static int S_byline_before_date(docpipe_value *meta, const char *text) {
  docpipe_date d;
  if (!docpipe_date_find(text, strlen(text), &d) || d.start < 3) return 0;
  char *head = strndup(text, d.start);
  if (!head) return 0;
  size_t n = strlen(head);
  while (n && (head[n - 1] == ' ' || head[n - 1] == '|' || head[n - 1] == '-' || head[n - 1] == ',')) head[--n] = 0;
  int ok = n && S_byline(meta, head);
  free(head);
  return ok;
}

/* A date beside another article's headline: in a list item or a table
 * cell of "Các tin khác" / "Tin liên quan", "<li><a>Headline</a>
 * <span>(04/12/2024)</span></li>", the date is the teaser's, not the
 * page's.  A headline is a link of some length; the short links beside a
 * page's own date line are its tools ("In bài", "Chia sẻ"). */
static int S_teaser_date(const html_node *n) {
  /* the cell holding the date: the element itself, or the item its
   * inline wrapper (<span>, <i>, <time>) sits in */
  const html_node *p = NULL;
  for (const html_node *q = n; q && !p; q = q->parent) {
    if (html_is(q, "li") || html_is(q, "td") || html_is(q, "dd")) p = q;
    else if (!(html_is(q, "span") || html_is(q, "i") || html_is(q, "em") || html_is(q, "time") ||
               html_is(q, "small") || html_is(q, "font") || html_is(q, "b")))
      break;
  }
  if (!p) return 0;
  docpipe_buf t = DOCPIPE_BUF_INIT;
  int teaser = 0;
  for (const html_node *x = p->children; x && !teaser; x = html_next((html_node *)x, p, x == n)) {
    if (x == n || !html_is(x, "a")) continue;
    docpipe_buf_reset(&t);
    teaser = html_text_raw((html_node *)x, &t, 200) == 0 && t.len >= 30;
  }
  docpipe_buf_free(&t);
  return teaser;
}

/* The name in s[0..n) with the separators around it trimmed, as a byline
 * would credit it ("By " + name), into `meta`'s authors unless it has
 * some (or `meta` is NULL).  1 when it reads as a name. */
static int S_bare_name(docpipe_value *meta, const char *s, size_t n) {
  static const char *const seps[] = {" ", "|", ",", "-", "/", "\xC2\xB7", "\xE2\x80\xA2", NULL};
  for (int i = 0; seps[i] && n;) {
    size_t k = strlen(seps[i]);
    if (n >= k && !memcmp(s, seps[i], k)) s += k, n -= k, i = 0;
    else if (n >= k && !memcmp(s + n - k, seps[i], k)) n -= k, i = 0;
    else i++;
  }
  if (n < 3 || n > 60) return 0;
  docpipe_value *authors = NULL;
  char *source = NULL;
  /* a label of its own ("Door A en B", "Penulis X") reads as it is */
  int ok = docpipe_byline_parse(s, n, &authors, &source) && !source &&
           docpipe_value_count(authors) > 0;
  docpipe_buf b = DOCPIPE_BUF_INIT;
  if (!ok) {
    docpipe_value_free(authors);
    docpipe_free(source);
    authors = NULL;
    source = NULL;
    docpipe_buf_append(&b, "By ", 3);
    docpipe_buf_append(&b, s, n);
    ok = b.data && docpipe_byline_parse(b.data, b.len, &authors, &source) && !source &&
         docpipe_value_count(authors) > 0;
  }
  if (ok && meta && !docpipe_value_get(meta, DOCPIPE_META_AUTHORS)) {
    docpipe_value_set(meta, DOCPIPE_META_AUTHORS, authors);
    authors = NULL;
  }
  docpipe_value_free(authors);
  docpipe_free(source);
  docpipe_buf_free(&b);
  return ok;
}

/* The names in the text of an element marked as the byline when it joins
 * several ("A and B") or says where they filed from ("A in Hong Kong"), as
 * the byline parser reads them after "By"; 1 when it did. */
static int S_byline_names(docpipe_value *meta, const char *v) {
  if (!strstr(v, " and ") && !strstr(v, " in ")) return 0;
  return S_bare_name(meta, v, strlen(v));
}

/* A date line with the writer's name beside it and no label ("Elliot Raba
 * 23.07.2025 · 6 min read", "2025-12-17 · Trond Teigen", "Cầm Thi Giang
 * 16/07/2020"): the date when `set`, the name when `take_name` (the
 * element the page marks as its byline knows better).  The rest of the
 * line without the name must be a date line. */
static int S_name_date_line(docpipe_value *meta, const char *line, int set, int take_name) {
  docpipe_value *names = take_name ? meta : NULL;
  size_t len = strlen(line);
  docpipe_date d;
  if (!docpipe_date_find(line, len, &d) || d.end > len || d.end <= d.start) return 0;
  static const char *const seps[] = {" \xC2\xB7 ", " | ", " - ", " \xE2\x80\xA2 ", " / ", NULL};
  /* the name before the date, perhaps with the writer's role between
   * ("Aaron Ricadela | Senior Writer | July 2, 2025") */
  if (d.start > 0 && docpipe_date_line(line + d.start, len - d.start, NULL)) {
    if (S_bare_name(names, line, d.start)) return set ? S_set_date(meta, line, &d) : 1;
    for (int i = 0; seps[i]; i++) {
      const char *sep = strstr(line, seps[i]);
      if (!sep || (size_t)(sep - line) >= d.start) continue;
      size_t k = strlen(seps[i]), head = (size_t)(sep - line);
      char *role = strndup(sep + k, d.start - head - k);
      size_t rl = role ? strlen(role) : 0;
      while (rl && strchr(" |-/\xC2\xB7\xE2\x80\xA2", role[rl - 1])) role[--rl] = 0;
      const char *last = role ? strrchr(role, ' ') : NULL;
      last = last ? last + 1 : role;
      int is_role = role && rl && S_word_in(last, strlen(last), S_role_words);
      free(role);
      if (is_role && S_bare_name(names, line, head)) return set ? S_set_date(meta, line, &d) : 1;
    }
  }
  /* the name after the date, past the last separator */
  for (int i = 0; seps[i]; i++) {
    const char *sep = NULL;
    for (const char *p = line + d.end; (p = strstr(p, seps[i])) != NULL; p++) sep = p;
    if (!sep) continue;
    size_t head = (size_t)(sep - line);
    if (docpipe_date_line(line, head, NULL) && S_bare_name(names, sep, len - head))
      return set ? S_set_date(meta, line, &d) : 1;
  }
  return 0;
}

/* Whether n has an element inside it to look at on its own (a box of
 * spans), or only text. */
static int S_has_child_element(const html_node *n) {
  for (const html_node *k = n->children; k; k = k->next)
    if (k->type == XML_ELEMENT_NODE) return 1;
  return 0;
}

/* A date line among the elements after the headline: the next 60 with
 * text (a byline box's avatars, icons and buttons do not count), 400 in
 * all.  Into `meta`; 1 when found. */
static int S_date_after(html_ctx *c, html_node *from, docpipe_value *meta) {
  docpipe_buf t = DOCPIPE_BUF_INIT;
  int have_date = 0, steps = 0, elements = 0;
  for (html_node *n = from; n && steps < 60 && elements < 400 && !have_date;) {
    int skip = 0;
    if (n->type == XML_ELEMENT_NODE && html_st(n)) {
      html_stat *s = html_st(n);
      if (html_is(n, "script") || html_is(n, "style")) skip = 1;
      else if (s->text_len < 150 && n != from) {
        /* text_len counts kept text only: a date line the cleaner
         * removed as page furniture ("emag-meta") still has raw text. */
        docpipe_buf_reset(&t);
        if (html_text_raw(n, &t, 160) == 0 && t.len && t.len < 150) {
          if (S_teaser_date(n)) skip = 1;
          else if (S_date_from_line(meta, t.data, 1)) have_date = 1;
          else if (!strncasecmp(t.data, "by ", 3) || !strncasecmp(t.data, "by:", 3) ||
                   !strncasecmp(t.data, "written by ", 11) || S_labelled_date(t.data))
            have_date = S_credit_date(meta, t.data);
          else have_date = S_name_date_line(meta, t.data, 1, 1);
          /* "Written by X · Last updated: June 1, 2021" in one box:
           * the date is a line of its own further down */
          skip = skip || have_date || !S_has_child_element(n);
        }
      }
    }
    if (n->type == XML_ELEMENT_NODE) {
      elements++;
      if (html_st(n) && html_st(n)->text_len) steps++;
    }
    n = html_next(n, c->body, skip);
  }
  docpipe_buf_free(&t);
  return have_date;
}

/* A date line somewhere in a box (a kicker "Health · DECEMBER 22, 2022",
 * a tag list with the date at its end): its first element whose whole
 * text is one, in document order (the published date comes before the
 * updated one). */
static int S_date_within(html_node *box, docpipe_value *meta, docpipe_buf *t) {
  int elements = 0;
  for (html_node *n = box->children; n && elements < 100;) {
    int skip = 0;
    if (n->type == XML_ELEMENT_NODE) {
      elements++;
      if (html_is(n, "script") || html_is(n, "style") || S_teaser_date(n)) {
        skip = 1;
      } else {
        docpipe_buf_reset(t);
        if (html_text_raw(n, t, 160) == 0 && t->len && t->len < 150) {
          if (S_date_from_line(meta, t->data, 1) ||
              (S_labelled_date(t->data) && S_credit_date(meta, t->data)))
            return 1;
          skip = !S_has_child_element(n);
        }
      }
    }
    n = html_next(n, box, skip);
  }
  return 0;
}

/* The date above the headline ("January 23, 2025" as a kicker), in the
 * few boxes just before it or before its parents. */
static int S_date_before(html_node *h1, docpipe_value *meta) {
  docpipe_buf t = DOCPIPE_BUF_INIT;
  int have_date = 0;
  html_node *up = h1;
  for (int depth = 0; up && depth < 3 && !have_date; depth++, up = up->parent) {
    int seen = 0;
    for (html_node *p = up->prev; p && seen < 3 && !have_date; p = p->prev) {
      if (p->type != XML_ELEMENT_NODE || html_is(p, "script") || html_is(p, "style")) continue;
      seen++;
      docpipe_buf_reset(&t);
      if (html_text_raw(p, &t, 160) == 0 && t.len && t.len < 150 &&
          (S_date_from_line(meta, t.data, 1) ||
           (S_labelled_date(t.data) && S_credit_date(meta, t.data)) ||
           S_date_within(p, meta, &t)))
        have_date = 1;
    }
  }
  docpipe_buf_free(&t);
  return have_date;
}

/* The first heading in the page with the headline's words: sites repeat
 * their headline (a sticky bar, a print header, the content's own h1),
 * and the date line sits by the first, where the article begins. */
static html_node *S_first_twin(html_ctx *c, html_node *h1) {
  docpipe_buf t = DOCPIPE_BUF_INIT;
  html_node *twin = h1;
  char *want = NULL;
  if (html_text_raw(h1, &t, 1000) == 0 && t.len) want = html_fold(t.data, t.len);
  for (html_node *n = c->body; n && want && n != h1;) {
    int heading = n->type == XML_ELEMENT_NODE && html_is(n, "h1");
    if (heading) {
      docpipe_buf_reset(&t);
      char *f = html_text_raw(n, &t, 1000) == 0 && t.len ? html_fold(t.data, t.len) : NULL;
      int same = f && strcmp(f, want) == 0;
      free(f);
      if (same) {
        twin = n;
        break;
      }
    }
    n = html_next(n, c->body, heading);
  }
  free(want);
  docpipe_buf_free(&t);
  return twin;
}

/* The site's own name as its head gives it (og:site_name), or NULL;
 * borrowed from the DOM.  (The body may be the root: all is walked.) */
static const char *S_site_name(html_ctx *c) {
  html_node *root = html_tree_root(c->tree);
  for (html_node *n = root; n; n = html_next(n, root, 0)) {
    if (n->type == XML_ELEMENT_NODE && html_is(n, "meta")) {
      const char *k = html_attr(n, "property");
      if (k && !strcasecmp(k, "og:site_name")) return html_attr(n, "content");
    }
  }
  return NULL;
}

/* 1 when every author in `a` is the site's name `site` (folded). */
static int S_all_site(const docpipe_value *a, const char *site) {
  if (!a || !docpipe_value_count(a) || !site || !*site) return 0;
  char *fs = S_fold(site);
  int all = fs != NULL;
  for (size_t i = 0; all && i < docpipe_value_count(a); i++) {
    char *fv = S_fold(docpipe_value_string(docpipe_value_at(a, i)));
    all = fv && strcmp(fv, fs) == 0;
    free(fv);
  }
  free(fs);
  return all;
}

/* Takes out of `meta` authors that are only the site's name ("Harian
 * Nusantara - 05/12/2024" read as a name beside a date), for the
 * prescan to look on for a person; the caller puts them back (returned)
 * when it finds none: a company's blog credits the company. */
static docpipe_value *S_take_site_authors(docpipe_value *meta, const char *site) {
  if (!S_all_site(docpipe_value_get(meta, DOCPIPE_META_AUTHORS), site)) return NULL;
  return docpipe_value_take(meta, DOCPIPE_META_AUTHORS);
}

/* Before the build (which frees the DOM as it goes): a date line near the
 * headline and an element the page marks as the byline, into `pre`. */
void html_visible_prescan(html_ctx *c, docpipe_value *pre) {
  docpipe_value *meta = pre;
  const char *site = S_site_name(c);
  if (c->body) {
    html_node *h1 = c->title_h1 ? S_first_twin(c, c->title_h1) : NULL;
    int twin = h1 && h1 != c->title_h1;
    int have = S_date_after(c, h1 ? h1 : (c->nroots ? c->roots[0] : c->body), meta);
    if (!have && twin) have = S_date_after(c, c->title_h1, meta);
    if (!have && h1) have = S_date_before(h1, meta);
    if (!have && twin) S_date_before(c->title_h1, meta);
  }
  docpipe_value *site_authors = S_take_site_authors(meta, site);
  /* still no author: a signature, the content's last paragraph pushed to
   * the right margin (<p style="text-align:right"><b>Hoài Thu</b></p>);
   * the byline parser takes a right-aligned bare name for one, as it does
   * in text dumps where the margin is spaces */
  if (!docpipe_value_get(meta, DOCPIPE_META_AUTHORS) && c->nroots) {
    html_node *tail[3] = {NULL, NULL, NULL}; /* the last three paragraphs, last first */
    for (size_t r = 0; r < c->nroots; r++)
      for (html_node *n = c->roots[r]; n; n = html_next(n, c->roots[r], 0))
        if (n->type == XML_ELEMENT_NODE && (html_is(n, "p") || html_is(n, "div")) && html_st(n) &&
            !html_st(n)->removed && html_st(n)->blocks == 0 && html_st(n)->text_len > 0) {
          tail[2] = tail[1];
          tail[1] = tail[0];
          tail[0] = n;
        }
    docpipe_buf t = DOCPIPE_BUF_INIT;
    /* the name, then perhaps "Nguồn: X" under it, all at the right margin */
    for (int i = 0; i < 3 && tail[i] && html_align(tail[i]) == DOCPIPE_ALIGN_RIGHT &&
                    !docpipe_value_get(meta, DOCPIPE_META_AUTHORS);
         i++) {
      docpipe_buf_reset(&t);
      if (docpipe_buf_puts(&t, "        ") != 0 || html_text(tail[i], &t, 120) != 0 || t.len >= 100)
        break;
      docpipe_value *authors = NULL;
      char *source = NULL;
      if (docpipe_byline_parse(t.data, t.len, &authors, &source) && docpipe_value_count(authors)) {
        docpipe_value_set(meta, DOCPIPE_META_AUTHORS, authors);
        authors = NULL;
      }
      docpipe_value_free(authors);
      docpipe_free(source);
    }
    docpipe_buf_free(&t);
  }
  /* still no author: an element the page marks as the byline */
  if (!docpipe_value_get(meta, DOCPIPE_META_AUTHORS) && c->body) {
    static const char *const words[] = {"author", "byline", "tacgia", "tac-gia", NULL};
    docpipe_buf t = DOCPIPE_BUF_INIT;
    for (html_node *n = c->body; n;) {
      int skip = 0, done = 0;
      if (n->type == XML_ELEMENT_NODE) {
        const char *rel = html_attr(n, "rel");
        static const char *const not_names[] = {"avatar", "bio", NULL};
        if ((html_attr_has(n, "class", words) && !html_attr_has(n, "class", not_names)) ||
            (rel && !strcmp(rel, "author"))) {
          docpipe_buf_reset(&t);
          if (html_text_raw(n, &t, 300) == 0 && t.len > 2 && t.len < 80) {
            if (!S_byline(meta, t.data) && !S_byline_before_date(meta, t.data)) {
              char *v = S_byline_name(t.data);
              if (v && *v && strlen(v) < 60 && S_byline_names(meta, v)) {
                /* "A and B in Hong Kong": the byline parser's names */
              } else if (v && *v && strlen(v) < 60) {
                docpipe_value *l = docpipe_value_new_list();
                if (l && docpipe_value_append_string(l, v) == 0)
                  docpipe_value_set(meta, DOCPIPE_META_AUTHORS, l);
                else
                  docpipe_value_free(l);
              }
            }
            done = 1;
          }
          skip = 1;
        }
      }
      if (done) break;
      n = html_next(n, c->body, skip);
    }
    docpipe_buf_free(&t);
  }
  /* still no author: a credit label the page prints in text ("Written
   * by" in one element and the name in the next, "By <a>Name</a>") */
  if (!docpipe_value_get(meta, DOCPIPE_META_AUTHORS) && c->body) S_credit_label(c->body, meta);
  if (site_authors && !docpipe_value_get(meta, DOCPIPE_META_AUTHORS))
    docpipe_value_set(meta, DOCPIPE_META_AUTHORS, site_authors);
  else docpipe_value_free(site_authors);
}


static int S_block_text(docpipe_node *n, char **out) {
  *out = docpipe_node_text_content(n);
  return *out != NULL;
}

static void S_language(docpipe_value *meta, const char *lang) {
  if (!lang || !*lang) return;
  char l[36];
  size_t i = 0;
  for (; lang[i] && i + 1 < sizeof l; i++) {
    char ch = lang[i] == '_' ? '-' : lang[i];
    l[i] = ch;
  }
  l[i] = 0;
  /* primary subtag lower case */
  for (size_t k = 0; l[k] && l[k] != '-'; k++)
    if (l[k] >= 'A' && l[k] <= 'Z') l[k] = (char)(l[k] + 32);
  docpipe_value_set_string(meta, DOCPIPE_META_LANGUAGE, l);
}

/* Sets date (ISO) and date_text (the span as written) from a date found
 * in `line`; 1 when set. */
static int S_set_date(docpipe_value *meta, const char *line, const docpipe_date *d) {
  char iso[40];
  if (docpipe_date_format_iso(d, iso, sizeof iso) != 0 || !docpipe_date_iso_valid(iso)) return 0;
  docpipe_value_set_string(meta, DOCPIPE_META_DATE, iso);
  if (d->end > d->start && d->end <= strlen(line)) {
    char *span = strndup(line + d->start, d->end - d->start);
    if (span) docpipe_value_set_string(meta, DOCPIPE_META_DATE_TEXT, span);
    free(span);
  }
  return 1;
}

static int S_date_from_line(docpipe_value *meta, const char *line, int set) {
  docpipe_date d;
  if (!docpipe_date_line(line, strlen(line), &d)) return 0;
  if (set) S_set_date(meta, line, &d);
  return 1;
}

static int S_is_short_block(docpipe_node *n) {
  docpipe_node_type t = docpipe_node_type_of(n);
  return t == DOCPIPE_NODE_PARAGRAPH || t == DOCPIPE_NODE_HEADING;
}

/* A list of one item: a page's metadata strip set as a list (<ul><li><time>
 * Dec. 5, 2024 ...</time></li></ul>), read as one line for a date. */
static int S_one_item_list(docpipe_node *n) {
  if (docpipe_node_type_of(n) != DOCPIPE_NODE_LIST) return 0;
  docpipe_node *item = docpipe_node_first_child(n);
  return item && !docpipe_node_next(item);
}

static int S_byline(docpipe_value *meta, const char *line) {
  docpipe_value *authors = NULL;
  char *source = NULL;
  if (!docpipe_byline_parse(line, strlen(line), &authors, &source)) return 0;
  if (!docpipe_value_get(meta, DOCPIPE_META_AUTHORS) && authors && docpipe_value_count(authors)) {
    docpipe_value_set(meta, DOCPIPE_META_AUTHORS, authors);
    authors = NULL;
  }
  if (source && !docpipe_value_get(meta, DOCPIPE_META_SOURCE))
    docpipe_value_set_string(meta, DOCPIPE_META_SOURCE, source);
  docpipe_value_free(authors);
  docpipe_free(source);
  return 1;
}

/* A row of icon buttons under the headline: links that go nowhere ("#",
 * "javascript:", a share script's) holding only images — "Zalo", "Print"
 * icons whose alt text is all the text there is. */
static int S_button_row(docpipe_node *p) {
  if (docpipe_node_type_of(p) != DOCPIPE_NODE_PARAGRAPH) return 0;
  int links = 0;
  for (docpipe_node *x = docpipe_node_first_child(p); x; x = docpipe_node_next(x)) {
    docpipe_node_type k = docpipe_node_type_of(x);
    if (k == DOCPIPE_NODE_TEXT) {
      const char *t = docpipe_node_literal(x);
      if (t && strspn(t, " \t\n|") != strlen(t)) return 0;
      continue;
    }
    if (k == DOCPIPE_NODE_SOFT_BREAK || k == DOCPIPE_NODE_LINE_BREAK) continue;
    const char *u = k == DOCPIPE_NODE_LINK ? docpipe_node_url(x) : NULL;
    /* "#" resolved against the page's URL ends in "#" */
    if (!u || !*u || !(u[strlen(u) - 1] == '#' || !strncasecmp(u, "javascript:", 11))) return 0;
    for (docpipe_node *y = docpipe_node_first_child(x); y; y = docpipe_node_next(y))
      if (docpipe_node_type_of(y) != DOCPIPE_NODE_IMAGE) return 0;
    links++;
  }
  return links > 0;
}

/* "Viết bởi Quản trị", "Đăng bởi admin": a CMS's credit line under the
 * headline, in Vietnamese; short, it is the byline box, whoever it
 * names. */
static int S_posted_by(const char *line) {
  static const char *const leads[] = {"viết bởi ", "đăng bởi ", "gửi bởi ", NULL};
  char *f = S_fold(line);
  int hit = 0;
  for (int i = 0; f && leads[i] && !hit; i++)
    hit = !strncmp(f, leads[i], strlen(leads[i])) && S_words(f, strlen(f)) <= 8;
  free(f);
  return hit;
}

/* A research article's byline above its abstract: "TS. LÊ THỊ MINH HẰNG"
 * and the writer's institution under it.  The academic title is what
 * makes a line at the top a byline (docpipe_byline_parse reads the rest);
 * a bare name there could as well be a subheading. */
static int S_academic_credit(const char *line) {
  static const char *const titles[] = {"TS.", "ThS.", "THS.", "Th.S.", "PGS.", "PGS,", "GS.",
                                       "GS,", "NCS.", NULL};
  for (int i = 0; titles[i]; i++)
    if (!strncmp(line, titles[i], strlen(titles[i]))) return 1;
  return 0;
}

/* A signature line that is only the name of an author the metadata has
 * already ("Hoài Thu" in bold at the end, the JSON-LD naming her): the
 * byline parser may not know the name for one, but it is no body text. */
static int S_names_an_author(const docpipe_value *meta, const docpipe_value *pre,
                             const char *line) {
  char *fl = S_fold(line);
  int found = 0;
  for (int k = 0; k < 2; k++) {
    const docpipe_value *authors = docpipe_value_get(k ? pre : meta, DOCPIPE_META_AUTHORS);
    for (size_t i = 0; fl && i < docpipe_value_count(authors) && !found; i++) {
      const char *v = docpipe_value_string(docpipe_value_at(authors, i));
      char *fa = S_fold(v);
      found = fa && *fa && strcmp(fa, fl) == 0;
      free(fa);
      if (!found && k && v) {
        /* the page's byline is cleaned to the name only at the end */
        char *clean = S_author_clean(v);
        fa = S_fold(clean);
        found = fa && *fa && strcmp(fa, fl) == 0;
        free(fa);
        free(clean);
      }
    }
  }
  free(fl);
  return found;
}

/* A line that only credits authors the metadata has already: the byline
 * box printed again in the body ("Thu Hương/VOV-Tây Bắc" under the
 * headline) or a signature of a team at the end ("Thanh Lam - Đức Huy"),
 * which the byline parser alone may not know for names. */
/* The byline parser's reading of `line` as if it stood at the right
 * margin, where a signature may drop the family name ("Minh Châu (tổng
 * hợp)"): only to recognise names already known. */
static int S_parse_as_signature(const char *line, docpipe_value **authors, char **source) {
  size_t n = strlen(line);
  if (n > 150) return 0;
  char buf[168];
  memcpy(buf, "        ", 8);
  memcpy(buf + 8, line, n);
  return docpipe_byline_parse(buf, n + 8, authors, source);
}

static int S_credits_known_authors(const docpipe_value *meta, const docpipe_value *pre,
                                   const char *line) {
  docpipe_value *authors = NULL;
  char *source = NULL;
  int known = 0;
  if (docpipe_byline_parse(line, strlen(line), &authors, &source) ||
      S_parse_as_signature(line, &authors, &source)) {
    known = docpipe_value_count(authors) > 0;
    for (size_t i = 0; known && i < docpipe_value_count(authors); i++)
      known = S_names_an_author(meta, pre, docpipe_value_string(docpipe_value_at(authors, i)));
  }
  docpipe_value_free(authors);
  docpipe_free(source);
  if (known || !strstr(line, " - ")) return known;
  /* "A - B": every part an author's name */
  char *copy = strdup(line);
  known = copy != NULL;
  for (char *part = copy, *dash; known && part; part = dash ? dash + 3 : NULL) {
    dash = strstr(part, " - ");
    if (dash) *dash = 0;
    known = S_names_an_author(meta, pre, part);
  }
  free(copy);
  return known;
}

/* The byline box as one strip of parts joined by " / " or " | ": a known
 * author, an agency's short tag in capitals ("TNN", "PTI"), the date line
 * ("Ritika Sharma / TNN / Updated: Dec 5, 2024, 14:30 IST"). */
static int S_byline_strip(const docpipe_value *meta, const docpipe_value *pre, const char *line) {
  if (strlen(line) > 160) return 0;
  char *copy = strdup(line);
  if (!copy) return 0;
  int parts = 0, names = 0, ok = 1;
  for (char *part = copy; ok && part;) {
    char *sep = strstr(part, " / "), *bar = strstr(part, " | ");
    if (!sep || (bar && bar < sep)) sep = bar;
    if (sep) *sep = 0;
    while (*part == ' ') part++;
    size_t n = strlen(part);
    while (n && part[n - 1] == ' ') part[--n] = 0;
    int caps = n >= 2 && n <= 6;
    for (size_t i = 0; caps && i < n; i++) caps = part[i] >= 'A' && part[i] <= 'Z';
    docpipe_date d;
    if (S_names_an_author(meta, pre, part)) names++;
    else if (!caps && !(n && docpipe_date_line(part, n, &d))) ok = 0;
    parts++;
    part = sep ? sep + 3 : NULL;
  }
  free(copy);
  return ok && parts >= 2 && names >= 1;
}

/* A line of the byline box printed in the body's first blocks, once the
 * authors are known: the writer's role alone ("Highlands and Islands
 * reporter", "Senior Correspondent"), a relative time ("3 hours ago",
 * "Updated 2 hours ago"), a reading time ("3-MINUTE READ", "Lecture 3
 * min."), or where the writers reported from ("A reported from X, and B
 * from Y"). */
static int S_header_furniture(const docpipe_value *meta, const docpipe_value *pre, const char *line) {
  size_t len = strlen(line);
  if (len > 160) return 0;
  char *f = S_fold(line);
  if (!f) return 0;
  int hit = 0;
  /* the words of the line */
  const char *w[12];
  size_t wl[12], nw = 0;
  for (const char *p = f; *p && nw < 12;) {
    while (*p == ' ' || *p == '-' || *p == ',' || *p == '.') p++;
    if (!*p) break;
    const char *e = p;
    while (*e && *e != ' ' && *e != '-' && *e != ',') e++;
    w[nw] = p;
    wl[nw++] = (size_t)(e - p);
    p = e;
  }
  static const char *const units[] = {"second", "seconds", "min", "mins", "minute", "minutes",
                                      "hour", "hours", "hr", "hrs", "day", "days", "week", "weeks",
                                      NULL};
  static const char *const reads[] = {"read", "lesezeit", "lecture", "đọc", NULL};
  int authors = docpipe_value_count(docpipe_value_get((docpipe_value *)meta, DOCPIPE_META_AUTHORS)) > 0 ||
                docpipe_value_count(docpipe_value_get((docpipe_value *)pre, DOCPIPE_META_AUTHORS)) > 0;
  if (nw >= 3 && nw <= 4 && S_word_in(w[nw - 1], wl[nw - 1], (const char *const[]){"ago", NULL}) &&
      S_word_in(w[nw - 2], wl[nw - 2], units) && w[nw - 3][0] >= '0' && w[nw - 3][0] <= '9')
    hit = nw == 3 || S_word_in(w[0], wl[0], (const char *const[]){"updated", "published", NULL});
  else if (nw >= 3 && nw <= 4) {
    /* "3 min read", "3-MINUTE READ", "Lecture 3 min.", "5 Min. Lesezeit" */
    int num = 0, unit = 0, rd = 0;
    for (size_t i = 0; i < nw; i++) {
      if (w[i][0] >= '0' && w[i][0] <= '9') num++;
      else if (S_word_in(w[i], wl[i], units)) unit++;
      else if (S_word_in(w[i], wl[i], reads)) rd++;
    }
    hit = num == 1 && unit == 1 && rd == 1 && (size_t)(num + unit + rd) == nw;
  }
  /* a label that the piece is for subscribers ("Article réservé aux
   * abonnés", "Subscribers only") */
  static const char *const members[] = {"article réservé aux abonnés", "réservé aux abonnés",
                                        "subscribers only", "subscriber only", "for subscribers",
                                        "subscriber exclusive", "nur für abonnenten", NULL};
  for (int i = 0; !hit && members[i]; i++) hit = !strcmp(f, members[i]);
  if (!hit && authors && nw >= 1 && nw <= 6 && !strpbrk(line, ".:!?\"") &&
      S_word_in(w[nw - 1], wl[nw - 1], S_role_words) && line[0] >= 'A' && line[0] <= 'Z')
    hit = 1; /* the role alone */
  if (!hit && authors && strstr(f, " reported from ")) {
    /* "Rebecca Thornton reported from ...": it opens with an author */
    const char *at = strstr(f, " reported from ");
    char *name = strndup(line, (size_t)(at - f));
    hit = name && S_names_an_author(meta, pre, name);
    free(name);
  }
  free(f);
  return hit;
}

/* A credit or print note among the article's last lines: the agency's
 * sign-off ("Reporting by A in London; Editing by B", "Additional
 * reporting by C") and where the piece ran in print ("A version of this
 * article appears in print on ...", "This article appeared in the ...
 * print edition as: ..."). */
/* Where a magazine piece ran in print, printed over or under the article
 * ("This article appears in the January 2025 print edition with the
 * headline ..."): about the page, not part of the text. */
static int S_print_note(const char *line) {
  if (strlen(line) > 400) return 0;
  char *f = S_fold(line);
  if (!f) return 0;
  int hit = strstr(f, "print edition") &&
            (!strncmp(f, "this article appears in ", 24) || !strncmp(f, "this story appears in ", 22) ||
             !strncmp(f, "this article appeared in ", 25) || !strncmp(f, "this story appeared in ", 23));
  free(f);
  return hit;
}

/* An opinion piece's closing disclaimer ("The views expressed in this
 * article are the author's own and do not necessarily reflect X's
 * editorial stance"): the outlet speaking, not the writer. */
static int S_views_disclaimer(const char *line) {
  char *f = S_fold(line);
  if (!f) return 0;
  int hit = (strstr(f, "views expressed") || strstr(f, "opinions expressed")) &&
            (strstr(f, "necessarily") || strstr(f, "author's own") || strstr(f, "author’s own") ||
             strstr(f, "are their own") || strstr(f, "are his own") || strstr(f, "are her own"));
  free(f);
  return hit;
}

/* The page's own closing lines under an article: "End of Article", "Download
 * the X App for the latest news". */
static int S_app_prompt(const char *line) {
  if (strlen(line) > 120) return 0;
  char *f = S_fold(line);
  if (!f) return 0;
  int hit = !strcmp(f, "end of article") || !strcmp(f, "end of story") ||
            (!strncmp(f, "download the ", 13) && (strstr(f, " app ") || strstr(f, " app.") ||
                                                  (strlen(f) > 4 && !strcmp(f + strlen(f) - 4, " app"))));
  free(f);
  return hit;
}

static int S_footer_furniture(const char *line) {
  static const char *const leads[] = {"reporting by ", "additional reporting by ",
                                      "writing by ", "editing by ", "compiled by ",
                                      "with reporting by ", "research by ", "have a news tip",
                                      "got a news tip", "have a tip", "got a tip",
                                      "do you have a news tip",
                                      /* a broadcaster's editor and crew credits, under
                                       * its "PV:" byline: no authors, no text */
                                      "btv:", "biên tập viên:", "biên tập:", "kỹ thuật:",
                                      "quay phim:", NULL};
  char *f = S_fold(line);
  if (!f) return 0;
  int hit = 0;
  for (int i = 0; leads[i] && !hit; i++) hit = !strncmp(f, leads[i], strlen(leads[i]));
  if (!hit && (strstr(f, "appears in print on") || strstr(f, "appeared in print on") ||
               strstr(f, "print edition as:")))
    hit = !strncmp(f, "a version of this", 17) || !strncmp(f, "this article appeared", 21);
  free(f);
  return hit || S_print_note(line) || S_views_disclaimer(line) || S_app_prompt(line);
}

/* An author's bio among the last lines: it opens with a known author's
 * name, or first name, and says what they do ("Anna covers agricultural
 * commodities ...", "Rebecca Thornton is a national correspondent"). */
static int S_author_bio(const docpipe_value *meta, const docpipe_value *pre, const char *line) {
  static const char *const verbs[] = {"is", "covers", "writes", "reports", "joined", "has",
                                      "was", "edits", "leads", NULL};
  const docpipe_value *a = docpipe_value_get((docpipe_value *)meta, DOCPIPE_META_AUTHORS);
  if (!a || !docpipe_value_count(a)) a = pre ? docpipe_value_get((docpipe_value *)pre, DOCPIPE_META_AUTHORS) : NULL;
  for (size_t i = 0; a && i < docpipe_value_count(a); i++) {
    const char *name = docpipe_value_string(docpipe_value_at(a, i));
    if (!name || !strchr(name, ' ')) continue;
    size_t full = strlen(name), first = strcspn(name, " ");
    size_t k = !strncmp(line, name, full) ? full : !strncmp(line, name, first) ? first : 0;
    if (!k || line[k] != ' ') continue;
    const char *w = line + k + 1;
    if (S_word_in(w, strcspn(w, " "), verbs)) return 1;
  }
  return 0;
}

/* The title of an author box at the end: a last heading that is only a
 * known author's name (the bio under it went as an author's bio). */
static int S_is_bio_title(const docpipe_value *meta, const docpipe_value *pre, docpipe_node *h,
                          docpipe_node *next) {
  if (next) return 0;
  char *txt = NULL;
  int hit = S_block_text(h, &txt) && strlen(txt) < 100 && S_names_an_author(meta, pre, txt);
  docpipe_free(txt);
  return hit;
}

/* A breadcrumb left in the content: links joined by a path separator
 * each ("Trang chủ > Mặt trận - Đoàn thể"); links joined by "|" are a
 * row of links that may be the content's own ("Shop A | Shop B"). */
static int S_is_breadcrumb(docpipe_node *n) {
  if (docpipe_node_type_of(n) != DOCPIPE_NODE_PARAGRAPH) return 0;
  int links = 0, gap_sep = 1;
  for (docpipe_node *k = docpipe_node_first_child(n); k; k = docpipe_node_next(k)) {
    docpipe_node_type t = docpipe_node_type_of(k);
    if (t == DOCPIPE_NODE_LINK) {
      if (links && !gap_sep) return 0;
      links++;
      gap_sep = 0;
      continue;
    }
    if (t != DOCPIPE_NODE_TEXT) return 0;
    for (const char *p = docpipe_node_literal(k); p && *p; p++) {
      if (*p == ' ') continue;
      /* >, /, » (C2 BB) and › (E2 80 BA) */
      if (*p == '>' || *p == '/') gap_sep = 1;
      else if (!strncmp(p, "\xC2\xBB", 2)) gap_sep = 1, p++;
      else if (!strncmp(p, "\xE2\x80\xBA", 3)) gap_sep = 1, p += 2;
      else return 0;
    }
  }
  return links >= 2;
}

/* An author value that names a desk, not a person ("Sentinel Staff",
 * "News Desk", "The Editors", "Editorial Team", "admin"): what a site's
 * CMS prints for a post filed by its staff account. */
static int S_collective_author(const char *v) {
  static const char *const last[] = {"staff", "team", "desk", "editors", "newsroom", "bureau",
                                     "reports", "report", NULL};
  static const char *const whole[] = {"admin", "administrator", "editor", "webmaster", NULL};
  const char *sp = strrchr(v, ' ');
  const char *lw = sp ? sp + 1 : v;
  return S_word_in(lw, strlen(lw), last) || S_word_in(v, strlen(v), whole);
}

/* The meta names only a desk while the page's byline names a person
 * ("By Jolene Marsh" over a JSON-LD and meta author "Sentinel Staff"):
 * the person wrote it, as the reader of the page sees. */
static void S_person_over_desk(docpipe_value *meta, docpipe_value *pre) {
  docpipe_value *a = docpipe_value_get(meta, DOCPIPE_META_AUTHORS);
  docpipe_value *p = pre ? docpipe_value_get(pre, DOCPIPE_META_AUTHORS) : NULL;
  if (!a || !p || !docpipe_value_count(a) || !docpipe_value_count(p)) return;
  for (size_t i = 0; i < docpipe_value_count(a); i++) {
    const char *v = docpipe_value_string(docpipe_value_at(a, i));
    if (!v || !S_collective_author(v)) return;
  }
  docpipe_value *l = docpipe_value_new_list();
  for (size_t i = 0; l && i < docpipe_value_count(p); i++) {
    char *c = S_author_clean(docpipe_value_string(docpipe_value_at(p, i)));
    /* a person: two or more words, none of them a desk's */
    if (c && strchr(c, ' ') && !S_collective_author(c) && !S_outlet_author(c))
      docpipe_value_append_string(l, c);
    free(c);
  }
  if (l && docpipe_value_count(l)) docpipe_value_set(meta, DOCPIPE_META_AUTHORS, l);
  else docpipe_value_free(l);
}

/* The length of the text of n and the blocks after it. */
static size_t S_text_from(docpipe_node *n) {
  size_t len = 0;
  for (; n; n = docpipe_node_next(n)) {
    char *t = docpipe_node_text_content(n);
    len += t ? strlen(t) : 0;
    docpipe_free(t);
  }
  return len;
}

/* A press release's end mark ("###", "-30-", "-ENDS-") after three blocks
 * or more, with less than half as much text after it as before: the
 * release ends there, and what follows is the wire's own furniture
 * (journal box, disclaimer, contacts).  Those go too.  (A mark with as
 * much after it divides sections.) */
static void S_release_end(docpipe_node *root) {
  size_t i = 0, before = 0;
  for (docpipe_node *n = docpipe_node_first_child(root); n; n = docpipe_node_next(n), i++) {
    char *t = docpipe_node_text_content(n);
    size_t tl = t ? strlen(t) : 0;
    if (docpipe_node_type_of(n) != DOCPIPE_NODE_PARAGRAPH || i < 3 || tl > 16) {
      before += tl;
      docpipe_free(t);
      continue;
    }
    const char *f = t;
    while (f && (*f == ' ' || *f == '\n')) f++;
    size_t fl = f ? strlen(f) : 0;
    while (fl && (f[fl - 1] == ' ' || f[fl - 1] == '\n')) fl--;
    static const char *const marks[] = {"###", "# # #", "-30-", "- 30 -", "-ends-", "- ends -",
                                        "-ENDS-", "- ENDS -", NULL};
    int end = 0;
    for (int k = 0; f && marks[k] && !end; k++)
      end = strlen(marks[k]) == fl && strncmp(f, marks[k], fl) == 0;
    docpipe_free(t);
    before += tl;
    if (!end || S_text_from(docpipe_node_next(n)) * 2 >= before) continue;
    while (n) {
      docpipe_node *next = docpipe_node_next(n);
      docpipe_node_free(n);
      n = next;
    }
    return;
  }
}

/* The meta names only the site ("Meridian News" as author and
 * og:site_name) while the page's byline names people: they wrote it.
 * The site's name after a name in the byline ("Brian Truitt USA TODAY")
 * goes; a byline that still holds it ("byClemson News", "Written By
 * Audiophile On") credits the site, and the meta stands. */
static void S_person_over_site(docpipe_value *meta, docpipe_value *pre, const char *site) {
  docpipe_value *p = pre ? docpipe_value_get(pre, DOCPIPE_META_AUTHORS) : NULL;
  if (!p || !docpipe_value_count(p) ||
      !S_all_site(docpipe_value_get(meta, DOCPIPE_META_AUTHORS), site))
    return;
  char *fs = S_fold(site);
  docpipe_value *l = fs ? docpipe_value_new_list() : NULL;
  int all = l != NULL;
  for (size_t i = 0; all && i < docpipe_value_count(p); i++) {
    char *c = S_author_clean(docpipe_value_string(docpipe_value_at(p, i)));
    char *fc = c ? S_fold(c) : NULL;
    size_t cn = fc ? strlen(fc) : 0, sn = strlen(fs);
    if (fc && cn > sn + 1 && strcmp(fc + cn - sn, fs) == 0 && fc[cn - sn - 1] == ' ') {
      /* the fold keeps the bytes of letters' ends: cut the original
       * where the site's name begins, counted in words */
      size_t words = 1;
      for (const char *q = fs; *q; q++) words += *q == ' ';
      for (size_t k = strlen(c); k > 0 && words; k--)
        if (c[k - 1] == ' ' && --words == 0) c[k - 1] = '\0';
      /* what is left is cleaned again: "Mar 6 Written By" is no name */
      char *again = S_author_clean(c);
      free(c);
      c = again;
      free(fc);
      fc = c ? S_fold(c) : NULL;
    }
    all = c && fc && *fc && !strstr(fc, fs) && docpipe_value_append_string(l, c) == 0;
    free(fc);
    free(c);
  }
  if (all && docpipe_value_count(l)) docpipe_value_set(meta, DOCPIPE_META_AUTHORS, l);
  else docpipe_value_free(l);
  free(fs);
}

/* A date line at the content's top that gives only the day the date line
 * by the headline gives with its time ("Thứ Sáu, 06/12/2024", a ribbon's
 * "today" over the masthead, and "Thứ Sáu, 06/12/2024, 07:15 (GMT+7)"
 * under the headline): the headline's says more. */
static void S_pre_date_time(docpipe_value *meta, const docpipe_value *pre) {
  const char *d = docpipe_meta_string(meta, DOCPIPE_META_DATE);
  const char *p = pre ? docpipe_meta_string(pre, DOCPIPE_META_DATE) : NULL;
  if (!d || !p || strlen(d) != 10 || strlen(p) <= 10 || strncmp(d, p, 10) != 0) return;
  docpipe_value_set_string(meta, DOCPIPE_META_DATE, p);
  const char *pt = docpipe_meta_string(pre, DOCPIPE_META_DATE_TEXT);
  if (pt) docpipe_value_set_string(meta, DOCPIPE_META_DATE_TEXT, pt);
}

/* The meta names some of the writers the page's byline names ("Jan de
 * Vries" beside "Door Jan de Vries en Sanne Bakker"): the byline's whole
 * list is the credit. */
static void S_page_names_more(docpipe_value *meta, docpipe_value *pre) {
  docpipe_value *a = docpipe_value_get(meta, DOCPIPE_META_AUTHORS);
  docpipe_value *p = pre ? docpipe_value_get(pre, DOCPIPE_META_AUTHORS) : NULL;
  if (!a || !p || docpipe_value_count(p) <= docpipe_value_count(a)) return;
  docpipe_value *l = docpipe_value_new_list();
  for (size_t i = 0; l && i < docpipe_value_count(p); i++) {
    char *c = S_author_clean(docpipe_value_string(docpipe_value_at(p, i)));
    if (c) docpipe_value_append_string(l, c);
    free(c);
  }
  size_t known = 0;
  for (size_t i = 0; l && i < docpipe_value_count(a); i++) {
    char *fa = S_fold(docpipe_value_string(docpipe_value_at(a, i)));
    for (size_t k = 0; fa && k < docpipe_value_count(l); k++) {
      char *fp = S_fold(docpipe_value_string(docpipe_value_at(l, k)));
      if (fp && !strcmp(fa, fp)) known++, k = docpipe_value_count(l);
      free(fp);
    }
    free(fa);
  }
  if (l && known == docpipe_value_count(a) && docpipe_value_count(l) > known)
    docpipe_value_set(meta, DOCPIPE_META_AUTHORS, l);
  else docpipe_value_free(l);
}

int html_visible_meta(html_ctx *c, html_meta *m, const char *title, docpipe_value *pre,
                      docpipe_doc *doc) {
  (void)c;
  docpipe_value *meta = docpipe_doc_meta(doc);
  docpipe_node *root = docpipe_doc_root(doc);
  if (title && *title) docpipe_value_set_string(meta, DOCPIPE_META_TITLE, title);
  char iso[48];
  int have_date = 0;
  const char *raw[2] = {m->date, NULL};
  for (int i = 0; i < 1 && raw[i]; i++) {
    if (html_date_normalise(raw[i], iso, sizeof iso)) {
      docpipe_value_set_string(meta, DOCPIPE_META_DATE, iso);
      have_date = 1;
    } else {
      docpipe_date d;
      if (docpipe_date_find(raw[i], strlen(raw[i]), &d) &&
          docpipe_date_format_iso(&d, iso, sizeof iso) == 0 && docpipe_date_iso_valid(iso)) {
        docpipe_value_set_string(meta, DOCPIPE_META_DATE, iso);
        have_date = 1;
      }
    }
  }
  if (m->authors && docpipe_value_count(m->authors)) {
    docpipe_value_set(meta, DOCPIPE_META_AUTHORS, m->authors);
    m->authors = NULL;
    S_tidy_authors(meta);
    S_person_over_site(meta, pre, m->source);
    S_person_over_desk(meta, pre);
    S_page_names_more(meta, pre);
  }
  if (m->source) docpipe_value_set_string(meta, DOCPIPE_META_SOURCE, m->source);
  if (m->url) docpipe_value_set_string(meta, DOCPIPE_META_URL, m->url);
  if (m->description) docpipe_value_set_string(meta, DOCPIPE_META_DESCRIPTION, m->description);
  if (m->tags && docpipe_value_count(m->tags)) {
    docpipe_value_set(meta, DOCPIPE_META_TAGS, m->tags);
    m->tags = NULL;
  }
  S_language(meta, m->language);

  /* body: a heading repeating the title, date lines at the top, a byline
   * at the end */
  char *ftitle = S_fold(title);
  int seen = 0;
  for (docpipe_node *n = docpipe_node_first_child(root); n && seen < 6;) {
    docpipe_node *next = docpipe_node_next(n);
    if (S_is_short_block(n) || S_one_item_list(n)) {
      char *txt = NULL;
      if (S_block_text(n, &txt)) {
        size_t len = strlen(txt);
        char *ft = len < 600 ? html_fold(txt, len) : NULL;
        int drop = 0;
        if (S_one_item_list(n)) {
          if (len < 120 && S_date_from_line(meta, txt, !have_date)) drop = have_date = 1;
        } else if (ft && ftitle && strcmp(ft, ftitle) == 0) drop = 1;
        else if (seen < 2 && S_is_breadcrumb(n)) drop = 1;
        else if (len < 100 && seen < 3 && S_credits_known_authors(meta, pre, txt)) drop = 1;
        else if (len < 100 && seen < 3 && S_names_an_author(meta, pre, txt)) drop = 1;
        else if (seen < 3 && S_byline_strip(meta, pre, txt)) drop = 1;
        else if (seen < 4 && S_header_furniture(meta, pre, txt)) drop = 1;
        else if (seen < 4 && S_print_note(txt)) drop = 1;
        else if (len < 200 && S_date_from_line(meta, txt, !have_date)) {
          drop = 1;
          have_date = 1;
        } else if (len < 120 && seen < 3 && S_name_date_line(meta, txt, !have_date, 0)) {
          drop = 1;
          have_date = 1;
        } else if (len < 120 && seen < 3 &&
                   (!strncasecmp(txt, "by ", 3) || !strncasecmp(txt, "written by ", 11)) &&
                   S_byline(meta, txt)) {
          drop = 1;
        } else if (len < 160 && seen < 4 && S_academic_credit(txt) && S_byline(meta, txt)) {
          drop = 1;
        } else if (seen < 4 && S_button_row(n)) {
          drop = 1;
        } else if (len < 80 && seen < 4 && S_posted_by(txt)) {
          S_byline(meta, txt); /* a name, when it is one; a CMS account is none */
          drop = 1;
        }
        free(ft);
        if (drop) docpipe_node_free(n);
      }
      docpipe_free(txt);
    }
    seen++;
    n = next;
  }
  free(ftitle);
  S_pre_date_time(meta, pre);
  seen = 0;
  /* a heading that ends the article heads nothing: the label of a widget
   * whose links or form were removed ("Liên kết website", "Share this").
   * One only: a run of headings at the end is a list of titles, as on a
   * shop's category page. */
  docpipe_node *last_block = docpipe_node_last_child(root);
  docpipe_node *before_last = last_block ? docpipe_node_prev(last_block) : NULL;
  if (before_last && docpipe_node_type_of(last_block) == DOCPIPE_NODE_HEADING &&
      docpipe_node_type_of(before_last) != DOCPIPE_NODE_HEADING)
    docpipe_node_free(last_block);
  for (docpipe_node *n = docpipe_node_last_child(root); n && seen < 3;) {
    docpipe_node *prev = docpipe_node_prev(n);
    if (docpipe_node_type_of(n) == DOCPIPE_NODE_PARAGRAPH) {
      char *txt = NULL;
      if (S_block_text(n, &txt) && strlen(txt) < 150 &&
          (S_names_an_author(meta, pre, txt) || S_byline(meta, txt) ||
           S_credits_known_authors(meta, pre, txt) || S_date_from_line(meta, txt, !have_date)))
        docpipe_node_free(n);
      docpipe_free(txt);
    }
    seen++;
    n = prev;
  }

  S_release_end(root);
  /* an agency's sign-off or a print note, in the last blocks (an author's
   * bio or a subscription notice may follow it) */
  seen = 0;
  for (docpipe_node *n = docpipe_node_last_child(root); n && seen < 8;) {
    docpipe_node *prev = docpipe_node_prev(n);
    if (docpipe_node_type_of(n) == DOCPIPE_NODE_PARAGRAPH) {
      char *txt = NULL;
      if (S_block_text(n, &txt) && strlen(txt) < 300 &&
          (S_footer_furniture(txt) || (seen < 4 && S_author_bio(meta, pre, txt))))
        docpipe_node_free(n);
      docpipe_free(txt);
    } else if (docpipe_node_type_of(n) == DOCPIPE_NODE_HEADING && seen < 4 &&
               S_is_bio_title(meta, pre, n, docpipe_node_next(n))) {
      docpipe_node_free(n); /* the author box's title over a bio that went */
    }
    seen++;
    n = prev;
  }

  /* still no date or author: what the page showed around the headline */
  if (!have_date && pre) {
    const char *d = docpipe_meta_string(pre, DOCPIPE_META_DATE);
    const char *dt = docpipe_meta_string(pre, DOCPIPE_META_DATE_TEXT);
    if (d) docpipe_value_set_string(meta, DOCPIPE_META_DATE, d);
    if (d && dt) docpipe_value_set_string(meta, DOCPIPE_META_DATE_TEXT, dt);
    have_date = d != NULL;
  }
  /* last: the date of the last change, the only date some pages give
   * (it is what they show as "Last updated") */
  if (!have_date && m->modified && html_date_normalise(m->modified, iso, sizeof iso))
    docpipe_value_set_string(meta, DOCPIPE_META_DATE, iso);
  if (pre && !docpipe_value_get(meta, DOCPIPE_META_AUTHORS)) {
    docpipe_value *a = docpipe_value_take(pre, DOCPIPE_META_AUTHORS);
    if (a) docpipe_value_set(meta, DOCPIPE_META_AUTHORS, a);
    S_tidy_authors(meta);
    const char *src = docpipe_meta_string(pre, DOCPIPE_META_SOURCE);
    if (src && !docpipe_value_get(meta, DOCPIPE_META_SOURCE))
      docpipe_value_set_string(meta, DOCPIPE_META_SOURCE, src);
  }
  return 0;
}
