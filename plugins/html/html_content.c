/* Main-content extraction.  Three steps, all by structure (no site lists):
 *  1. html_mark_boilerplate: drop what is never article text — scripts,
 *     navigation, hidden parts, class/id-flagged widgets, and the portal
 *     widgets found by their visible label ("Tin liên quan", "Bình chọn",
 *     "Cỡ chữ"...) together with the link lists they head.
 *  2. html_choose_content: Readability-style paragraph scoring: each text
 *     unit scores by length and commas and hands its score to its
 *     ancestors; scores are scaled by link density; the best node, a better
 *     parent, and siblings that look like article text form the content.
 *  3. html_clean_content: inside the content, drop blocks that look like
 *     boilerplate (link-heavy, form-heavy, image galleries, short stubs). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "docpipe/extract.h"
#include "html_reader.h"

/* The thresholds below were set on the development set (see
 * docs/html-reader.md) and checked on its two halves. */
/* Climbing from the best block: a parent must add this much non-link text
 * (relative to the block's own) and stay under this link density. */
#define CLIMB_RATIO 0.6
#define CLIMB_LD 0.4
/* An intro line this short beside a table or list of this many rows hands
 * the content to their parent (job boards, result tables). */
#define INTRO_MAX 300
#define INTRO_ROWS 5
/* Link-rich content judges its blocks against its own link density plus
 * this margin. */
#define CLEAN_LD_MARGIN 0.3
/* A comment thread is the content when the rest of the page is shorter
 * than this ... */
#define THREAD_ALONE 800
/* ... or when the rest holds less prose than this, in fewer paragraphs
 * than this (a title box, a first post's stub, menus that survived), and
 * the comments outweigh all of it this many times.  A short article under
 * a long thread is still paragraphs. */
#define THREAD_REST_PROSE 1500
#define THREAD_REST_PARAS 5
#define THREAD_OUTWEIGH 2
/* A control's class word ("banner", "menu") on this much plain prose is a
 * utility class, not the control. */
#define PROSE_MIN 500
/* Prose this long under a utility class's boilerplate word stays in the
 * cleaning (S_utility_prose). */
#define PROSE_UTILITY 100
/* A <main> with this much text is the page's main part: footers and
 * menus beside it go whatever their length. */
#define MAIN_MIN 200
/* A parent adding under this share of a block's non-link text (a link,
 * a counter) is a thin wrapper, looked through when prose lies above. */
#define TINY_EXTRA 0.1
/* A best block under this much non-link text is one short section of a
 * page, never a whole article: its ancestors may be looked through. */
#define SECTION_MAX 4000
/* ... and the ancestor looked for titles sections of its own. */
#define SECTION_HEADINGS 3
/* A page whose text is this much links once boilerplate is gone, and
 * whose best block holds under this share of it, is a page of teasers:
 * the content is the ancestor holding this share of the page. */
#define LINK_PAGE_LD 0.6
#define LINK_PAGE_SHARE 0.3
#define LINK_PAGE_TAKE 0.7
/* A flagged item of a repeated list (S_repeated_item): how far up to look
 * for the repetition, the text that is not links each item needs on
 * average (and the flagged element itself), its most link density, and
 * how many siblings to look at. */
#define ITEM_LEVELS 4
#define ITEM_MIN_PROSE 20
#define ITEM_MAX_LD 0.5
#define ITEM_SCAN 256
/* A <main> holding this share of the page, where the best block holds
 * under 1/MAIN_PART of it, is the content (S_main_landmark). */
#define MAIN_SHARE 0.7
#define MAIN_PART 3
#define MAIN_LD 0.5
/* Card grids: how far up to look, the share of the parent's text the cards
 * must hold, the text each card needs, and the most one card may hold. */
#define REPEAT_LEVELS 6
#define REPEAT_SHARE 0.5
#define REPEAT_MIN_ITEM 60
#define REPEAT_DOMINANT 0.5
/* A grid of picture cards: the text each card needs, how many elements to
 * look through for the grid, and the page's share (1/CARDS_SHARE) a grid
 * holds to be the page's own (a sidebar of teasers holds less). */
#define CARD_MIN_TEXT 15
#define CARDS_SHARE 3
#define CARDS_SCAN 4000

static double S_ld(const html_stat *s) {
  return s->text_len ? (double)s->link_len / (double)s->text_len : 0.0;
}

static const char *const S_always_dropped[] = {"script", "style", "template", "link", "meta",
                                               "title", "path", "defs", NULL};
/* <head> too, unless broken markup left the page inside it */
static const char *const S_dropped_tags[] = {
    "head", "noscript", "iframe", "svg", "canvas", "button", "input", "select", "textarea", "option",
    "nav", "aside", "object", "embed", "map", "dialog", "label", "video", "audio", "symbol",
    /* a scrolling ticker of slogans and headlines, never the article */
    "marquee", NULL};

static const char *const S_dropped_roles[] = {"navigation", "banner", "complementary",
                                              "contentinfo", "menu", "menubar", "search",
                                              "dialog", "alertdialog", "toolbar", NULL};

/* Words in class/id that, when the element is also link-heavy or small,
 * mark boilerplate for removal (a subset of the weight words: the ones
 * that never name an article body). */
static const char *const S_strict_neg[] = {
    "comment", "sidebar", "breadcrumb", "footer", "related", "sponsor",
    "advert", "navigation", "popup", "cookie",
    "newsletter", "subscribe", "disqus", "outbrain", "taboola", "lienquan", "tinkhac",
    "othernews", "other-news", "binhchon", "thongke", "login", "recommend", "trending", "mostread", "most-read", "popular", "gdpr",
    "consent", NULL};

/* A figure's caption, or a part of one: hidden from screen readers
 * (aria-hidden) where it repeats the image's alt text, yet shown on the
 * page under the picture. */
static int S_caption_part(const html_node *n) {
  for (int d = 0; n && d < 3; d++, n = n->parent)
    if (html_is(n, "figcaption")) return 1;
  return 0;
}

static int S_hidden(const html_node *n) {
  if (html_attr(n, "hidden")) return 1;
  const char *a = html_attr(n, "aria-hidden");
  if (a && strcmp(a, "true") == 0 && !html_is(n, "body") && !S_caption_part(n)) return 1;
  const char *st = html_attr(n, "style");
  if (st) {
    char buf[128];
    size_t k = 0;
    for (const char *p = st; *p && k + 1 < sizeof buf; p++)
      if (*p != ' ' && *p != '\t') buf[k++] = (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
    buf[k] = 0;
    if (strstr(buf, "display:none") || strstr(buf, "visibility:hidden")) return 1;
  }
  return 0;
}

/* A media player under a name of a script library's making
 * (<video-js>, <amp-video>, <media-player>): like <video>, an element
 * fed by <source> or <track> children.  Its other children are what a
 * browser without the script shows ("Để xem video này, vui lòng bật
 * JavaScript…"), never the article. */
static int S_player(const html_node *n) {
  /* a custom element's name has a dash; libxml2 2.9 also nests the
   * <source>s of a <picture> in one another, so no other name is asked */
  if (!strchr((const char *)n->name, '-')) return 0;
  int sources = 0;
  for (const html_node *x = n->children; x; x = x->next) {
    if (x->type != XML_ELEMENT_NODE) continue;
    if (html_is(x, "img")) return 0;
    if (html_is(x, "source") || html_is(x, "track")) sources++;
  }
  return sources > 0;
}

static int S_in(const char *name, const char *const *set) {
  for (; *set; set++)
    if (strcmp(name, *set) == 0) return 1;
  return 0;
}

/* Labels that head a widget or a list of other articles.  Compared
 * case-folded, at the start of a short element's text. */
static const char *const S_labels[] = {
    "các tin khác", "các tin đã đưa", "tin khác", "tin liên quan", "tin cùng chuyên mục",
    "tin bài liên quan", "bài viết liên quan", "bài liên quan", "các bài viết khác",
    "các bài khác", "tin mới hơn", "tin cũ hơn", "tin đã đưa", "tin mới nhất", "tin nổi bật",
    "tin xem nhiều", "đọc nhiều", "xem nhiều", "đọc thêm", "cỡ chữ", "xem với cỡ chữ", "bản in", "in bài",
    "bình chọn", "thăm dò ý kiến", "thống kê truy cập", "đang truy cập", "lượt truy cập",
    "skip ribbon commands", "chia sẻ", "ý kiến bạn đọc", "gửi ý kiến", "bình luận",
    "related articles", "related stories", "related posts", "related news", "related content",
    "you may also like", "you might also like", "you might also be interested",
    "you may also be interested", "about the author", "about the reviewer", "more stories",
    "more from", "recommended for you",
    "most popular", "most read", "trending now", "read next", "share this", "share on",
    "leave a reply", "leave a comment", "comments", "sign up for", "subscribe to",
    /* the same in the languages of international pages, and a page's
     * feedback prompt ("Is this page useful? Yes No") */
    "comentarios", "kommentare", "commentaires", "commenti", "comentários",
    "is this page useful", "was this page helpful", "was this article helpful",
    "bạn thấy bài viết này",
    "like this", "discussion about this",
    /* widgets of other stories and comments in Indonesian, Dutch, Polish and
     * Turkish; a press release's media contact */
    "berita terkait", "terpopuler", "komentar", "meer nieuws", "reacties", "czytaj także",
    "ilgili haberler", "media contact", "media contacts",
    /* a shop's blocks of other products around the one on sale */
    "customers also", "customers who", "frequently bought", "people also", "related products",
    "similar products", "similar items", "recently viewed", "complete the look",
    "people who viewed", "people who bought", "explore related", "related items",
    "sponsored items", "similar sponsored", "recently searched", NULL};

static int S_is_label(const char *folded) {
  /* an old portal's tools in brackets: "[In bài] [Gửi bài viết]" */
  if (*folded == '[') folded++;
  for (const char *const *l = S_labels; *l; l++) {
    size_t n = strlen(*l);
    if (strncmp(folded, *l, n) == 0) {
      unsigned char next = (unsigned char)folded[n];
      /* the label ends here: end, punctuation, a count or an arrow */
      if (next == 0 || next == ':' || next == ' ' || next == '(' || next == '>' || next >= 0x80 ||
          next == '|' || next == '.' || next == '?' || next == ']')
        return 1;
    }
  }
  return 0;
}

/* The case-folded text of link n when it has at most `max` characters
 * (free with docpipe_free), else NULL. */
static char *S_short_link_text(const html_node *n, docpipe_buf *t, unsigned max) {
  if (!html_is(n, "a") || html_st(n)->text_len > max) return NULL;
  docpipe_buf_reset(t);
  if (html_text(n, t, 4 * max + 4) != 0 || !t->len) return NULL;
  return html_fold(t->data, t->len);
}

/* Whether folded text f starts with one of `words`. */
static int S_starts_with_any(const char *f, const char *const *words) {
  for (int i = 0; f && words[i]; i++)
    if (strncmp(f, words[i], strlen(words[i])) == 0) return 1;
  return 0;
}

/* A link that lets keyboard and screen-reader users jump over the page's
 * furniture ("Skip to content", "Skip navigation"): it points into the
 * page, and it is furniture itself, wherever the theme put it. */
static int S_skip_link(const html_node *n, docpipe_buf *t) {
  static const char *const words[] = {"skip to ", "skip navigation", "jump to content",
                                      "jump to main", "bỏ qua", "chuyển đến nội dung",
                                      "zum inhalt", "direkt zum inhalt", "zur navigation",
                                      "aller au contenu", "passer au contenu", "ir al contenido",
                                      "saltar al contenido", "vai al contenuto",
                                      "salta al contenuto", "ir para o conteúdo",
                                      "pular para o conteúdo", NULL};
  const char *href = html_attr(n, "href");
  if (!href || href[0] != '#') return 0;
  char *f = S_short_link_text(n, t, 60);
  int skip = S_starts_with_any(f, words);
  docpipe_free(f);
  return skip;
}

/* A spinner's label ("Loading...", "LOADING…", "Đang tải"): what a script
 * shows until it fills the box, never text of the page. */
static int S_loading_label(const html_node *n, docpipe_buf *t) {
  if (html_st(n)->text_len == 0 || html_st(n)->text_len > 16) return 0;
  docpipe_buf_reset(t);
  if (html_text(n, t, 64) != 0 || !t->len) return 0;
  char *f = html_fold(t->data, t->len);
  size_t k = f ? strlen(f) : 0;
  /* dots, an ellipsis (E2 80 A6) and spaces after the word */
  for (;;) {
    if (k && (f[k - 1] == '.' || f[k - 1] == ' ')) k--;
    else if (k >= 3 && !memcmp(f + k - 3, "\xE2\x80\xA6", 3)) k -= 3;
    else break;
  }
  int loading = f && ((k == 7 && !memcmp(f, "loading", 7)) ||
                      (k == strlen("đang tải") && !memcmp(f, "đang tải", k)));
  docpipe_free(f);
  return loading;
}

/* An inline element inside a paragraph's running text is no widget label. */
static int S_in_running_text(const html_node *n) {
  if (html_st(n)->block) return 0;
  const html_node *b = n->parent;
  for (int k = 0; k < 16 && b && html_st(b) && !html_st(b)->block; k++) b = b->parent;
  return b && html_st(b) && html_st(b)->own_len > 80;
}

/* A link that only says where it leads ("Read more", "Learn more ›",
 * "Xem thêm", "Back to top"): a button beside a teaser or a section, or
 * after an excerpt, not text.  A sentence linking its own words ("read
 * more about tiles") says more than that. */
static int S_more_link(const html_node *n, docpipe_buf *t) {
  static const char *const words[] = {"read more", "learn more", "see more", "view more", "show more",
                                      "view all", "see all", "xem thêm", "xem tiếp", "đọc tiếp",
                                      "chi tiết", NULL};
  static const char *const back[] = {"back to ", "quay lại", "trở về", "về đầu trang",
                                     "lên đầu trang", NULL};
  char *f = S_short_link_text(n, t, 24);
  int more = S_starts_with_any(f, back);
  for (int i = 0; f && words[i] && !more; i++) {
    size_t k = strlen(words[i]);
    if (strncmp(f, words[i], k) != 0) continue;
    /* nothing after the words but an arrow, a chevron or dots */
    const char *r = f + k;
    while (*r == ' ' || *r == '.' || *r == '>' || (unsigned char)*r >= 0x80) r++;
    more = *r == 0;
  }
  /* a button drawn as a link ("Share", "Subscribe now") outside any
   * sentence: the whole link is the word */
  static const char *const buttons[] = {"share", "share this", "share this post", "subscribe",
                                        "subscribe now", "leave a comment", "partager",
                                        "teilen", NULL};
  int button = 0;
  for (int i = 0; f && buttons[i] && !more && !button; i++) button = strcmp(f, buttons[i]) == 0;
  if (button && (!strcmp(f, "share") || !strncmp(f, "share ", 6) || !strcmp(f, "partager") ||
                 !strcmp(f, "teilen") || !S_in_running_text(n)))
    more = 1;
  docpipe_free(f);
  return more;
}

/* A paragraph that points to another article: "Related: ...", "Xem thêm: ...",
 * "Lire aussi | ...". */
static int S_is_inline_teaser(const html_node *n, docpipe_buf *t) {
  static const char *const leads[] = {"related:", "related stories:", "read more:", "read also:",
                                      "also read:", "see also:", "more:", "read next:",
                                      "xem thêm:", "đọc thêm:", "tin liên quan:", "bài liên quan:",
                                      "lire aussi", "à lire aussi", "voir aussi", "lesen sie auch",
                                      "mehr zum thema", "lee también", "leer más:", "leggi anche",
                                      "leia também", "leia mais:", "read:",
                                      /* Indonesian, Dutch, Polish, Turkish */
                                      "baca juga", "lihat juga:", "lees ook", "lees meer:",
                                      "czytaj także", "czytaj też", "zobacz też",
                                      "ayrıca okuyun", NULL};
  if (!html_is(n, "p") && !html_is(n, "div") && !html_is(n, "li")) return 0;
  docpipe_buf_reset(t);
  if (html_text(n, t, 400) != 0 || !t->len) return 0;
  char *f = html_fold(t->data, t->len < 40 ? t->len : 40);
  int hit = 0;
  for (int i = 0; f && leads[i] && !hit; i++) hit = strncmp(f, leads[i], strlen(leads[i])) == 0;
  free(f);
  return hit;
}

/* Strict words naming controls and bars, a few words of text each; on a
 * long run of plain prose they are a compound or utility class
 * ("hero-banner", "tabs-menu", "font-size-sm"), not the control.  (The
 * other strict words name parts that are prose yet never the article:
 * comments, sidebars, footers, related stories, consent popups.) */
static const char *const S_control_words[] = {
    "banner", "menu", "navbar", "ribbon", "fontsize", "font-size", "toolbar", "share",
    "social", "pager", "pagination", NULL};

static const char *const S_comment_words[] = {"comment", "disqus", NULL};

static int S_push(html_node ***v, size_t *n, size_t *cap, html_node *x) {
  if (*n == *cap) {
    size_t nc = *cap ? *cap * 2 : 16;
    html_node **g = realloc(*v, nc * sizeof *g);
    if (!g) return DOCPIPE_ENOMEM;
    *v = g;
    *cap = nc;
  }
  (*v)[(*n)++] = x;
  return 0;
}

static void S_remove(html_node *n) {
  html_stat *s = html_st(n);
  if (s) s->removed = 1;
}

/* A <header> inside one of several sibling <article>s (a river of
 * teasers): it holds the teaser's title and blurb, not the page's banner. */
static int S_in_teaser(const html_node *n) {
  const html_node *a = n->parent;
  for (int k = 0; k < 3 && a && !html_is(a, "article"); k++) a = a->parent;
  if (!a || !html_is(a, "article") || !a->parent) return 0;
  unsigned sibs = 0;
  for (const html_node *k = a->parent->children; k; k = k->next)
    if (k->type == XML_ELEMENT_NODE && html_is(k, "article")) sibs++;
  return sibs >= 3;
}

/* Whether n, flagged as a widget by its class ("layout-sidebar-left"),
 * is a layout wrapper around the page's main column: a descendant named
 * as the main part (<main>, a "main" class or id with a content weight)
 * holds most of n's text, as prose.  A real sidebar's boxes are
 * "widget-content", never the page's main column; <article> does not
 * count, comment threads wrap each comment in one. */
static int S_wraps_main(html_node *n) {
  html_stat *ns = html_st(n);
  unsigned seen = 0;
  for (html_node *x = n->children ? n : NULL; x && seen < CARDS_SCAN; x = html_next(x, n, 0)) {
    if (x == n || x->type != XML_ELEMENT_NODE) continue;
    seen++;
    html_stat *xs = html_st(x);
    if (xs->removed || xs->text_len * 2 < ns->text_len || xs->text_len < PROSE_MIN || S_ld(xs) >= 0.3)
      continue;
    if (html_is(x, "main")) return 1;
    const char *cls = html_attr(x, "class"), *id = html_attr(x, "id");
    if (xs->weight > 0 && ((cls && strstr(cls, "main")) || (id && strstr(id, "main")))) return 1;
  }
  return 0;
}

static int S_same_kind(const html_node *a, const html_node *b);

/* Whether n holds a grid of picture cards: an element whose children of
 * one kind, three or more, each carry a picture and a line of text, and
 * hold most of n's text (product tiles, search results), with text beside
 * their links (a price, a snippet).  A menu's items carry no pictures, a
 * logo strip's no text, a table of contents' only links.  "One kind" is
 * one tag and first class word, or with `by_tag` one tag alone. */
static int S_cards_in(html_node *n, int by_tag) {
  unsigned seen = 0;
  for (html_node *x = n; x && seen < CARDS_SCAN; x = html_next(x, n, 0)) {
    if (x->type != XML_ELEMENT_NODE || html_st(x)->removed) continue;
    seen++;
    html_node *first = NULL;
    unsigned count = 0, text = 0;
    for (html_node *k = x->children; k; k = k->next) {
      if (k->type != XML_ELEMENT_NODE || html_st(k)->removed) continue;
      if (!first) first = k;
      html_stat *ks = html_st(k);
      int kind = by_tag ? xmlStrEqual(k->name, first->name) : S_same_kind(k, first);
      if (!kind || !ks->imgs || ks->text_len < CARD_MIN_TEXT || ks->link_len >= ks->text_len)
        continue;
      count++;
      text += ks->text_len;
    }
    if (count >= 3 && text * 2 >= html_st(n)->text_len) return 1;
  }
  return 0;
}

static int S_holds_cards(html_node *n) { return S_cards_in(n, 0); }

/* A class token that hides its element until a script shows it: "hidden",
 * "hide", "is-hidden", "hidden-xs"; not a utility such as
 * "overflow-hidden", which clips. */
static int S_hiding_class(const char *cls) {
  if (!cls) return 0;
  for (const char *p = cls; *p;) {
    while (*p == ' ' || *p == '\t' || *p == '\n') p++;
    const char *e = p;
    while (*e && *e != ' ' && *e != '\t' && *e != '\n') e++;
    size_t n = (size_t)(e - p);
    char tok[64];
    if (n > 0 && n < sizeof tok) {
      for (size_t i = 0; i < n; i++)
        tok[i] = (char)((p[i] >= 'A' && p[i] <= 'Z') ? p[i] + 32 : p[i]);
      tok[n] = 0;
      if (strcmp(tok, "hide") == 0 || ((strstr(tok, "hidden") || strstr(tok, "-hide")) &&
                                         strncmp(tok, "overflow", 8) != 0))
        return 1;
    }
    p = e;
  }
  return 0;
}

/* The page's <main> (or role=main) holding text, or NULL. */
static const html_node *S_find_main(html_ctx *c) {
  for (html_node *x = c->body; x;) {
    int skip = x->type != XML_ELEMENT_NODE || html_st(x)->removed;
    if (!skip) {
      const char *role = html_attr(x, "role");
      if ((html_is(x, "main") || (role && strcmp(role, "main") == 0)) && html_st(x)->text_len)
        return x;
    }
    x = html_next(x, c->body, skip);
  }
  return NULL;
}

/* Listing, service and forum pages: a class word such as
 * "search", "hidden" or "font-size" on one of three or more sibling items
 * of the same kind (or inside one, a few levels down) that carry text of
 * their own beside their links.  A widget appears once on a page; a word
 * repeated on every item of a list names the kind of item ("search-card",
 * "overflow-hidden", "font-size-sm" on each episode's blurb), and the
 * items are the page's content.  A menu's items carry only links, so
 * they never qualify; `n` itself must hold text that is not links. */
static int S_repeated_item(const html_node *main_part, html_node *n) {
  html_stat *ns = html_st(n);
  if (ns->text_len < ns->link_len + ITEM_MIN_PROSE || S_ld(ns) > ITEM_MAX_LD) return 0;
  /* a part shown only when needed ("tooltip hidden", "is-hidden") is no
   * item, however often it repeats */
  if (S_hiding_class(html_attr(n, "class"))) return 0;
  /* an item's <header> or <footer> (a post's author and date line) is
   * judged as such, not as the item */
  if (html_is(n, "header") || html_is(n, "footer")) return 0;
  /* where the page names its main part, a list outside it is a bar or a
   * carousel around the page (a promotions ticker), not its items */
  if (main_part && !html_inside(n, main_part)) return 0;
  html_node *a = n;
  for (int up = 0; up < ITEM_LEVELS && a->parent && html_st(a->parent); up++, a = a->parent) {
    unsigned count = 0, prose = 0, seen = 0;
    /* a sample of the siblings is enough, and bounds the work on a list
     * of thousands whose every item is flagged */
    for (html_node *k = a->parent->children; k && seen < ITEM_SCAN; k = k->next, seen++) {
      if (k->type != XML_ELEMENT_NODE || html_st(k)->removed || !S_same_kind(k, a)) continue;
      count++;
      prose += html_st(k)->text_len - html_st(k)->link_len;
    }
    if (count >= 3 && prose >= count * ITEM_MIN_PROSE) return 1;
  }
  return 0;
}

/* Whether n and main_el are apart: neither holds the other. */
static int S_outside(const html_node *n, const html_node *main_el) {
  return main_el && !html_inside(n, main_el) && !html_inside(main_el, n);
}

/* ---- Shop pages (product and collection pages) ----------------------
 * A product page hides its description in tabs and accordions, and lists
 * customer reviews that outweigh the description; these two rules keep
 * the first and drop the second, by structure. */

/* Class/id words of a collapsible panel (tabs, accordions, "read more"). */
static const char *const S_panel_words[] = {
    "accordion", "collapse", "collapsible", "tab-pane", "tabpane", "tabpanel", "tab-panel",
    "tab-content", "tabcontent", "tabs-content", "tabs__content", "tabs__panel", "tab__content",
    "tab__panel", "tabs-panel", "expand", "show-more", "showmore",
    "truncate", NULL};

/* A form's status messages ("Thank you! Your submission has been
 * received!", "Oops! Something went wrong"), which the site's stylesheet
 * hides until the form is sent: their class names a form and its state
 * (Webflow's w-form-done and w-form-fail, form-success, form-error). */
static int S_form_status(const html_node *n) {
  static const char *const states[] = {"form-done", "form-fail", "form-success", "form-error",
                                       "form_success", "form_error", NULL};
  const char *cls = html_attr(n, "class");
  if (!cls || html_st(n)->text_len > 300) return 0;
  char low[256];
  html_lower_names(n, low, sizeof low);
  for (int i = 0; states[i]; i++)
    if (strstr(low, states[i])) return 1;
  return 0;
}

/* An advertisement's label left where the advert was ("Advertisement",
 * "- Advertisement -", "Publicité", "Anzeige"): a box whose whole text is
 * the label, never text of the page. */
static int S_ad_label(const html_node *n, docpipe_buf *t) {
  static const char *const labels[] = {"advertisement", "advertisement · scroll to continue",
                                       "scroll to continue with content", "publicité", "anzeige",
                                       "werbung", "publicidad", "pubblicità", "publicidade",
                                       "quảng cáo", "sponsored content", NULL};
  /* the shortest label, "anzeige", has seven letters */
  if (html_is(n, "a") || html_st(n)->text_len < 7 || html_st(n)->text_len > 40) return 0;
  docpipe_buf_reset(t);
  if (html_text(n, t, 160) != 0 || !t->len) return 0;
  char *f = html_fold(t->data, t->len);
  if (!f) return 0;
  /* without the dashes and spaces around it */
  char *b = f, *e = f + strlen(f);
  while (*b == '-' || *b == ' ' || *b == '|') b++;
  while (e > b && (e[-1] == '-' || e[-1] == ' ' || e[-1] == '|')) e--;
  *e = 0;
  int ad = 0;
  for (int i = 0; labels[i] && !ad; i++) ad = strcmp(b, labels[i]) == 0;
  docpipe_free(f);
  return ad;
}

/* A line inviting to a newsletter ("Sign up here for the Morning Grain
 * newsletter, ..."): a call to action set among the paragraphs. */
static int S_newsletter_line(const html_node *n, docpipe_buf *t) {
  static const char *const leads[] = {"sign up", "subscribe", "get our", "inscrivez-vous",
                                      "abonnez-vous", "melden sie sich", NULL};
  html_stat *s = html_st(n);
  if (s->text_len < 20 || s->text_len > 250 || s->blocks > 1 || !s->link_len) return 0;
  docpipe_buf_reset(t);
  if (html_text(n, t, 1000) != 0 || !t->len) return 0;
  char *f = html_fold(t->data, t->len);
  int hit = f && S_starts_with_any(f, leads) && strstr(f, "newsletter");
  docpipe_free(f);
  return hit;
}

/* A line asking to follow the outlet on a messaging app or a news
 * reader ("Simak breaking news ... WhatsApp Channel: <link>", "Follow us
 * on Google News"): a short paragraph whose links all lead to such a
 * channel. */
static int S_channel_promo(const html_node *n) {
  html_stat *s = html_st(n);
  if (!html_is(n, "p") || s->text_len < 20 || s->text_len > 400 || !s->link_len) return 0;
  static const char *const hosts[] = {"whatsapp.com/channel", "t.me/", "news.google.com",
                                      "telegram.me/", NULL};
  int links = 0, channels = 0;
  for (const html_node *x = n; x; x = html_next((html_node *)x, n, 0)) {
    if (x->type != XML_ELEMENT_NODE || !html_is(x, "a")) continue;
    const char *href = html_attr(x, "href");
    links++;
    for (int i = 0; href && hosts[i]; i++)
      if (strstr(href, hosts[i])) {
        channels++;
        break;
      }
  }
  return links > 0 && channels == links;
}

/* Where the boxes below can be at all: the page's e-mail fields and its
 * short links or buttons that ask for something ("Support us", "Log in",
 * "Subscribe"), found in one walk, so that only their ancestors are
 * looked through.  More than S_CUES of a kind: every box is. */
#define S_CUES 16
typedef struct {
  const html_node *email[S_CUES], *call[S_CUES];
  int nemail, ncall;
} S_cues;

static int S_is_email_field(const html_node *x) {
  const char *type = html_attr(x, "type"), *name = html_attr(x, "name");
  return html_is(x, "input") &&
         ((type && !strcasecmp(type, "email")) || (name && strcasestr(name, "email")));
}

/* A link's or button's short text as a call, folded (free with
 * docpipe_free), or NULL: a link's kept text of 1 to 40 characters, or a
 * button's label (the cleaner removed buttons) when it holds text runs
 * only. */
static char *S_call_text(const html_node *x, docpipe_buf *t) {
  if (!html_is(x, "a") && !html_is(x, "button")) return NULL;
  int plain = 1;
  for (const html_node *k = x->children; k && plain; k = k->next) plain = k->type != XML_ELEMENT_NODE;
  if (html_is(x, "a") ? html_st(x)->text_len == 0 || html_st(x)->text_len > 40 : !plain) return NULL;
  docpipe_buf_reset(t);
  if (html_text_raw(x, t, 100) != 0 || !t->len || t->len > 40) return NULL;
  return html_fold(t->data, t->len);
}

static const char *const S_give_calls[] = {
    "support us", "donate", "donate now", "donate today", "become a member", "make a contribution",
    "contribute", "give now", "support our work", "support our journalism", "soutenez-nous",
    "faire un don", "jetzt unterstützen", NULL};
/* a paywall's prompt offers both ways in: log in, or subscribe */
static const char *const S_login_calls[] = {"log in", "sign in", "login", NULL};
static const char *const S_subscribe_calls[] = {"subscribe", "subscribe now", NULL};

static int S_word_is(const char *f, const char *const *words) {
  for (int i = 0; f && words[i]; i++)
    if (strcmp(f, words[i]) == 0) return 1;
  return 0;
}

static void S_collect_cues(const html_node *body, S_cues *q, docpipe_buf *t) {
  q->nemail = q->ncall = 0;
  for (const html_node *x = body; x; x = html_next((html_node *)x, body, 0)) {
    if (x->type != XML_ELEMENT_NODE) continue;
    if (S_is_email_field(x)) {
      if (q->nemail <= S_CUES) q->nemail++;
      if (q->nemail <= S_CUES) q->email[q->nemail - 1] = x;
    } else if (html_is(x, "a") || html_is(x, "button")) {
      char *f = S_call_text(x, t);
      if (f && (S_word_is(f, S_give_calls) || S_word_is(f, S_login_calls) ||
                S_word_is(f, S_subscribe_calls))) {
        if (q->ncall <= S_CUES) q->ncall++;
        if (q->ncall <= S_CUES) q->call[q->ncall - 1] = x;
      }
      docpipe_free(f);
    }
  }
}

/* Whether one of the k cues lies inside n (k past S_CUES: any may). */
static int S_holds_cue(const html_node *n, const html_node *const *cues, int k) {
  if (k > S_CUES) return 1;
  for (int i = 0; i < k; i++)
    if (html_inside(cues[i]->parent, n)) return 1;
  return 0;
}

/* A metered paywall's count ("You have 1 free article remaining this
 * month"): with a "Subscribe" call, the box is the paywall's prompt. */
static int S_meter_notice(const html_node *n, docpipe_buf *t) {
  static const char *const counts[] = {"free article", "articles remaining", "articles left",
                                       "stories remaining", "stories left", NULL};
  docpipe_buf_reset(t);
  if (html_text(n, t, 1600) != 0 || !t->len) return 0;
  char *f = html_fold(t->data, t->len);
  int hit = 0;
  for (int i = 0; f && counts[i] && !hit; i++) hit = strstr(f, counts[i]) != NULL;
  docpipe_free(f);
  return hit;
}

/* An appeal for money set in or after the article ("... we have a small
 * favour to ask", "Support our journalism"): a short box whose call to
 * action, a link or button, says only "Support us", "Donate", "Become a
 * member".  It goes whole. */
static int S_appeal_box(const html_node *n, unsigned body_len, docpipe_buf *t, const S_cues *q) {
  html_stat *s = html_st(n);
  if (html_is(n, "a") || html_is(n, "p") || s->text_len < 80 || s->text_len > 800 ||
      s->text_len * 3 >= body_len || s->paras > 4 || !S_holds_cue(n, q->call, q->ncall))
    return 0;
  int scanned = 0, hit = 0, in = 0, sub = 0;
  for (const html_node *x = n->children; x && scanned < 200 && !hit;
       x = html_next((html_node *)x, n, 0)) {
    if (x->type != XML_ELEMENT_NODE) continue;
    scanned++;
    char *f = S_call_text(x, t);
    hit = S_word_is(f, S_give_calls);
    in |= S_word_is(f, S_login_calls);
    sub |= S_word_is(f, S_subscribe_calls);
    docpipe_free(f);
  }
  return hit || (in && sub) || (sub && S_meter_notice(n, t));
}

/* A newsletter sign-up box in or beside the article: a short pitch ("Get
 * the Sentinel in your inbox") around a form that asks for an e-mail
 * address and little else (a contact form has a message box).  The box
 * goes whole, its pitch with its fields.  The pitch must name the
 * newsletter: a waiting list or job alerts on a shop or a board is the
 * page's own offer. */
static int S_signup_box(const html_node *n, unsigned body_len, docpipe_buf *t, const S_cues *q) {
  html_stat *s = html_st(n);
  if (s->text_len < 20 || s->text_len > 400 || s->text_len * 2 >= body_len || s->paras > 4 ||
      !S_holds_cue(n, q->email, q->nemail))
    return 0;
  int email = 0, fields = 0, scanned = 0;
  for (const html_node *x = n->children; x && scanned < 200; x = html_next((html_node *)x, n, 0)) {
    if (x->type != XML_ELEMENT_NODE) continue;
    scanned++;
    if (html_is(x, "textarea") || html_is(x, "select")) return 0;
    if (!html_is(x, "input")) continue;
    const char *type = html_attr(x, "type"), *name = html_attr(x, "name");
    if (type && (!strcasecmp(type, "hidden") || !strcasecmp(type, "submit") ||
                 !strcasecmp(type, "checkbox") || !strcasecmp(type, "button")))
      continue;
    fields++;
    if ((type && !strcasecmp(type, "email")) || (name && strcasestr(name, "email")))
      email = 1;
  }
  if (!email || fields > 2 || scanned >= 200) return 0;
  /* the pitch in the languages of international pages too: "in Ihrem
   * Postfach", "Jetzt anmelden", "suscríbete", "iscriviti", "inscreva-se" */
  static const char *const pitch[] = {"newsletter", "inbox", "subscrib", "abonn", "postfach",
                                      "anmeld", "suscr", "boletín", "iscriv", "inscr", NULL};
  docpipe_buf_reset(t);
  if (html_text(n, t, 1600) != 0 || !t->len) return 0;
  char *f = html_fold(t->data, t->len);
  int hit = 0;
  for (int i = 0; f && pitch[i] && !hit; i++) hit = strstr(f, pitch[i]) != NULL;
  docpipe_free(f);
  return hit;
}

static int S_panel_like(const html_node *n) {
  const char *role = html_attr(n, "role");
  if (role && (strcmp(role, "tabpanel") == 0 || strcmp(role, "region") == 0)) return 1;
  char low[256];
  html_lower_names(n, low, sizeof low);
  return html_has_word(low, S_panel_words) && !html_has_word(low, S_strict_neg) &&
         !html_has_word(low, S_control_words);
}

/* A hidden part that the page shows on a click or after its scripts run:
 * a collapsed tab or accordion panel (it, or its first child, is named a
 * panel) holding prose, not links; or a part holding the page's only
 * <h1> and much prose (a product shown once a script has run).  Readers of
 * the page open these; a menu's collapsed lists are links and still go. */
static int S_revealable(const html_node *n, const html_node *h1) {
  html_stat *s = html_st(n);
  if (s->text_len < 40 || s->link_len * 10 > s->text_len * 3) return 0;
  if (h1 && s->text_len >= 500 && html_inside(h1->parent, n)) return 1;
  if (S_panel_like(n)) return 1;
  for (const html_node *k = n->children; k; k = k->next)
    if (k->type == XML_ELEMENT_NODE) return S_panel_like(k);
  return 0;
}

/* The page's one <h1>, or NULL when it has none or several. */
static const html_node *S_only_h1(html_ctx *c) {
  const html_node *h1 = NULL;
  if (!c->body) return NULL;
  for (html_node *x = c->body; x; x = html_next(x, c->body, 0)) {
    if (!html_is(x, "h1")) continue;
    if (h1) return NULL;
    h1 = x;
  }
  return h1;
}

/* Words naming a customer's review.  (Not "testimonial": a seller's
 * chosen quotes are part of its pitch, and kept as such.) */
static const char *const S_review_words[] = {"review", NULL};

static int S_review_named(const html_node *n) {
  /* the card, or the box right inside it (a slide holding a review) */
  for (int depth = 0; n && depth < 3; depth++) {
    char low[256];
    html_lower_names(n, low, sizeof low);
    if (html_has_word(low, S_review_words)) return 1;
    const html_node *k = n->children;
    while (k && k->type != XML_ELEMENT_NODE) k = k->next;
    n = k;
  }
  return 0;
}

/* A list of customer reviews: three or more sibling cards of one kind,
 * most named "review" (or holding a box so named), each a few lines of
 * prose with hardly a link (a teaser of a review article links to it),
 * holding most of their box. */
static int S_review_list(const html_node *x) {
  html_stat *s = html_st(x);
  if (!s || s->removed || s->text_len < 300) return 0;
  const html_node *first = NULL;
  unsigned count = 0, text = 0, links = 0, named = 0;
  for (const html_node *k = x->children; k; k = k->next) {
    if (k->type != XML_ELEMENT_NODE || html_st(k)->removed || html_st(k)->text_len < 40) continue;
    if (!first) first = k;
    if (!S_same_kind(k, first)) continue;
    count++;
    text += html_st(k)->text_len;
    links += html_st(k)->link_len;
    named += S_review_named(k);
  }
  return count >= 3 && text * 2 >= s->text_len && links * 5 < text && named * 2 >= count;
}

/* The best block lies in a list of reviews: what buyers say outscored the
 * product's own description (short lines, a table of details).  The list
 * goes, unless it is all the page has, and the caller scores again.
 * (Reviews beside a description that wins are left to the climb: some
 * pages show them as part of the product.) */
static int S_reviews_outscore(html_ctx *c, html_node *top) {
  html_stat *bs = html_st(c->body);
  html_node *a = top;
  for (int up = 0; a && a != c->body && up < 8; up++, a = a->parent) {
    if (!S_review_list(a)) continue;
    html_stat *s = html_st(a);
    double rest = (double)(bs->text_len - bs->link_len) - (s->text_len - s->link_len);
    if (rest < 300) return 0;
    S_remove(a);
    html_stats_compute(c);
    return 1;
  }
  return 0;
}

/* A <footer> after the page's only <h1>, not holding it: the page's foot,
 * however much it holds (a carousel of testimonials, a sitemap in prose).
 * Broken markup that leaves the page inside a footer leaves the h1 inside
 * it too. */
static int S_footer_after_h1(html_ctx *c, const html_node *n, const html_node *h1) {
  if (!h1 || !html_is(n, "footer") || !html_st(h1)->text_len || html_inside(h1, n)) return 0;
  for (html_node *x = (html_node *)h1; x; x = html_next(x, c->body, 0))
    if (x == n) return 1;
  return 0;
}

/* After a widget's label ("Customers also viewed", "Related articles"), a
 * carousel or grid of picture cards with a price or a blurb beside each
 * link: the widget's items, though the text beside the links keeps their
 * link density low. */
static int S_label_cards(html_node *n) {
  /* cards of one tag (a carousel marks only its first slide's class) */
  return html_st(n)->imgs >= 3 && S_cards_in(n, 1);
}

void html_mark_boilerplate(html_ctx *c) {
  html_node *root = html_tree_root(c->tree);
  /* 1. structural: never article text.  Broken markup can leave the whole
   * page inside a <header role=banner> or a hidden <div>: a part holding
   * most of the page's text is never dropped whole, its insides are
   * judged instead. */
  for (html_node *n = root; n;) {
    int skip = 0;
    if (n->type == XML_ELEMENT_NODE && n != root && n != c->body) {
      const char *name = (const char *)n->name;
      if (S_in(name, S_always_dropped)) {
        S_remove(n);
        skip = 1;
      }
    } else if (n->type == XML_COMMENT_NODE || n->type == XML_PI_NODE) {
      skip = 1;
    }
    n = html_next(n, root, skip);
  }
  html_stats_compute(c);
  unsigned page_len = c->body ? html_st(c->body)->text_len : 0;
  const html_node *h1 = S_only_h1(c);
  for (html_node *n = root; n;) {
    int skip = 0;
    if (n->type == XML_ELEMENT_NODE && n != root && n != c->body && !html_st(n)->removed) {
      const char *name = (const char *)n->name;
      const char *role = html_attr(n, "role");
      /* a modal dialog (a consent centre's pages of vendor prose) is never
       * the article, however much of the page it holds */
      const char *modal = html_attr(n, "aria-modal");
      if ((modal && strcmp(modal, "true") == 0) ||
          ((S_in(name, S_dropped_tags) || S_player(n) || (S_hidden(n) && !S_revealable(n, h1)) ||
            (role && S_in(role, S_dropped_roles))) &&
           (html_st(n)->text_len * 2 < page_len || html_st(n)->text_len < 200))) {
        S_remove(n);
        skip = 1;
      }
    } else if (n->type == XML_COMMENT_NODE || n->type == XML_PI_NODE) {
      skip = 1;
    }
    n = html_next(n, root, skip);
  }
  html_stats_compute(c);
  unsigned body_len = c->body ? html_st(c->body)->text_len : 0;

  /* 2. flagged by class/id and link-heavy or small; labelled widgets */
  const html_node *main_part = S_find_main(c);
  /* with text of its own, a footer beside it is the page's footer, however
   * short the article and long the legal text */
  const html_node *main_el =
      main_part && html_st(main_part)->text_len >= MAIN_MIN ? main_part : NULL;
  docpipe_buf t = DOCPIPE_BUF_INIT;
  S_cues cues;
  if (c->body) S_collect_cues(c->body, &cues, &t);
  else cues.nemail = cues.ncall = 0;
  html_node **posts = NULL;
  size_t nposts = 0, capposts = 0;
  unsigned post_len = 0;
  for (html_node *n = c->body; n;) {
    int skip = 0;
    if (n->type == XML_ELEMENT_NODE && n != c->body) {
      html_stat *s = html_st(n);
      if (s->removed) {
        skip = 1;
      } else if (S_skip_link(n, &t) || S_form_status(n) || S_more_link(n, &t) ||
                 S_loading_label(n, &t) || S_ad_label(n, &t) ||
                 S_signup_box(n, body_len, &t, &cues) || S_newsletter_line(n, &t) ||
                 S_channel_promo(n) ||
                 S_appeal_box(n, body_len, &t, &cues)) {
        S_remove(n);
        skip = 1;
      } else if (!c->relaxed && s->weight < 0 && !html_is(n, "a") && !html_is(n, "article") &&
                 !html_is(n, "main") && s->text_len * 2 < body_len) {
        char low[256];
        html_lower_names(n, low, sizeof low);
        html_blank_utility_classes(low);
        int strict = html_has_word(low, S_strict_neg) && !S_wraps_main(n);
        int comment = strict && html_has_word(low, S_comment_words);
        /* the word names the kind of item, not a widget */
        int item = !strict && S_repeated_item(main_part, n);
        if (item) s->weight = 0;
        /* a control's word on a long run of plain prose is a utility class
         * ("font-size-sm"), not the control */
        if (!strict && html_has_word(low, S_control_words) &&
            !(s->text_len >= PROSE_MIN && S_ld(s) < 0.1))
          strict = 1;
        /* a weak word ("search" of "search-results", "promo") on a grid
         * of picture cards holding much of the page names the grid, not
         * a widget */
        int cards = !strict && !item && s->text_len >= 100 &&
                    s->text_len * CARDS_SHARE >= body_len && S_holds_cards(n);
        if (!cards && !item && (strict || S_ld(s) > 0.35 || s->text_len < 100 ||
                       (html_is(n, "header") && s->paras < 2))) {
          if (comment && S_ld(s) <= 0.35 && s->text_len >= 100 &&
              S_push(&posts, &nposts, &capposts, n) == 0)
            post_len += s->text_len;
          S_remove(n);
          skip = 1;
        }
      } else if (html_is(n, "header") && !s->removed && (S_ld(s) > 0.3 || s->paras == 0) &&
                 s->text_len * 2 < body_len && !S_in_teaser(n)) {
        S_remove(n);
        skip = 1;
      } else if ((html_is(n, "footer") || html_is(n, "nav")) &&
                 (s->text_len * 2 < body_len || S_outside(n, main_el) ||
                  S_footer_after_h1(c, n, h1))) {
        S_remove(n);
        skip = 1;
      } else if (s->text_len > 20 && s->text_len <= 200 && s->link_len * 5 >= s->text_len * 2 &&
                 S_is_inline_teaser(n, &t)) {
        S_remove(n); /* "Related: <a>another story</a>" inside the article */
        skip = 1;
      } else if (s->text_len >= 2 && s->text_len <= 60 && n->parent && html_st(n->parent) &&
                 html_st(n->parent)->text_len > s->text_len && !S_in_running_text(n)) {
        docpipe_buf_reset(&t);
        if (html_text(n, &t, 400) == 0 && t.len) {
          char *f = html_fold(t.data, t.len);
          if (f && S_is_label(f)) {
            /* the widget box: climb while the box stays small or link-heavy */
            html_node *box = n;
            while (box->parent && box->parent != c->body && html_st(box->parent)) {
              html_stat *ps = html_st(box->parent);
              if (ps->text_len > 1500 || (ps->text_len > 300 && S_ld(ps) < 0.4)) break;
              /* a widget never holds most of the page (a page of links
               * whose menu says "comments") */
              if (ps->text_len * 2 > body_len) break;
              box = box->parent;
            }
            S_remove(box);
            /* a heading-like label inside an article container: the link
             * lists after it are its items */
            for (html_node *sib = box->next; sib; sib = sib->next) {
              if (sib->type != XML_ELEMENT_NODE) continue;
              html_stat *ss = html_st(sib);
              /* the items of a widget, not the page's own list */
              if (ss->text_len * 3 > body_len) break;
              if (ss->text_len == 0 || S_ld(ss) > 0.5 || (ss->imgs > 0 && ss->text_len < 200 && S_ld(ss) > 0.2) ||
                  S_label_cards(sib)) {
                ss->removed = 1;
              } else {
                break;
              }
            }
            skip = 1;
          }
          docpipe_free(f);
        }
      }
    }
    n = html_next(n, c->body, skip);
  }
  docpipe_buf_free(&t);
  html_stats_compute(c);
  /* a thread of comments (a forum, a Q&A page) with little else around it:
   * the comments are the content.  Under an article (most of the dev set's
   * commented pages) they stay boilerplate: the article leaves more text. */
  html_stat *rest = c->body ? html_st(c->body) : NULL;
  if (nposts >= 2 && rest && rest->text_len < post_len &&
      (rest->text_len < THREAD_ALONE ||
       (rest->text_len - rest->link_len < THREAD_REST_PROSE && rest->paras < THREAD_REST_PARAS &&
        post_len >= THREAD_OUTWEIGH * rest->text_len))) {
    /* the cleaner must not take them again for their class word */
    for (size_t i = 0; i < nposts; i++) {
      html_st(posts[i])->removed = 0;
      html_st(posts[i])->post = 1;
    }
    html_stats_compute(c);
  }
  free(posts);
}

static double S_tag_base(const html_node *n) {
  const char *t = (const char *)n->name;
  if (!strcmp(t, "div") || !strcmp(t, "article") || !strcmp(t, "main") || !strcmp(t, "section"))
    return 5;
  if (!strcmp(t, "pre") || !strcmp(t, "td") || !strcmp(t, "blockquote")) return 3;
  if (!strcmp(t, "address") || !strcmp(t, "ol") || !strcmp(t, "ul") || !strcmp(t, "dl") ||
      !strcmp(t, "dd") || !strcmp(t, "dt") || !strcmp(t, "li") || !strcmp(t, "form"))
    return -3;
  if (html_is_heading(n) || !strcmp(t, "th")) return -5;
  return 0;
}

static void S_touch(html_node *n) {
  html_stat *s = html_st(n);
  if (!s->candidate) {
    s->candidate = 1;
    s->score = S_tag_base(n) + s->weight;
  }
}

static int S_ends_sentence(const html_node *n) {
  docpipe_buf t = DOCPIPE_BUF_INIT;
  int ok = 0;
  if (html_text(n, &t, 2000) == 0 && t.len) {
    char last = t.data[t.len - 1];
    ok = last == '.' || last == '!' || last == '?' || last == ':' || last == '"';
  }
  docpipe_buf_free(&t);
  return ok;
}

static int S_add_root(html_ctx *c, html_node *n) {
  html_node **r = realloc(c->roots, (c->nroots + 1) * sizeof *r);
  if (!r) return DOCPIPE_ENOMEM;
  c->roots = r;
  c->roots[c->nroots++] = n;
  html_st(n)->kept = 1;
  return 0;
}

/* The first class token, the element's "kind" among its siblings: cards
 * often add modifiers ("card card--wide") to a shared first class. */
static size_t S_kind(const html_node *n, const char **cls) {
  const char *c = html_attr(n, "class");
  if (!c) c = "";
  while (*c == ' ' || *c == '\t' || *c == '\n') c++;
  size_t k = 0;
  while (c[k] && c[k] != ' ' && c[k] != '\t' && c[k] != '\n') k++;
  *cls = c;
  return k;
}

static int S_same_kind(const html_node *a, const html_node *b) {
  if (!xmlStrEqual(a->name, b->name)) return 0;
  const char *ca, *cb;
  size_t la = S_kind(a, &ca), lb = S_kind(b, &cb);
  return la == lb && memcmp(ca, cb, la) == 0;
}

/* The best block is one of several sibling cards or posts: the ancestor
 * whose children repeat the kind of the one holding the best block, when
 * that repetition is most of the ancestor's text and the cards carry
 * text of their own (a menu's items are a few words each). */
static html_node *S_repeat_container(html_ctx *c, html_node *top) {
  html_node *a = top;
  for (int up = 0; up < REPEAT_LEVELS && a->parent && a->parent != c->body; up++, a = a->parent) {
    html_node *p = a->parent;
    html_stat *ps = html_st(p), *as = html_st(a);
    if (!ps || ps->removed) break;
    unsigned count = 0, text = 0;
    for (html_node *k = p->children; k; k = k->next) {
      if (k->type != XML_ELEMENT_NODE || html_st(k)->removed || !S_same_kind(k, a)) continue;
      count++;
      text += html_st(k)->text_len;
    }
    if (count < 3 || text == 0) continue;
    if ((double)text < REPEAT_SHARE * ps->text_len) continue;
    if (text / count < REPEAT_MIN_ITEM) continue;
    if ((double)as->text_len > REPEAT_DOMINANT * text) continue;
    return p;
  }
  return NULL;
}

/* Listing pages: a grid found around the best block may be one
 * section of a page of such sections ("Health", "Climate", "Space", each
 * a row of teaser cards): when the grid's own ancestor repeats the kind
 * of the section holding it, the sections together are the content. */
static html_node *S_grid_of_grids(html_ctx *c, html_node *grid) {
  html_node *outer = S_repeat_container(c, grid);
  return outer ? outer : grid;
}

/* Whether `p` holds, beside `intro`, a table or list of many rows with
 * several times the intro's text. */
static int S_intro_of_rows(const html_node *p, const html_node *intro) {
  for (const html_node *k = p->children; k; k = k->next) {
    if (k == intro || k->type != XML_ELEMENT_NODE || html_st(k)->removed) continue;
    if (!html_is(k, "table") && !html_is(k, "ul") && !html_is(k, "ol")) continue;
    if (html_st(k)->text_len < 3 * html_st(intro)->text_len) continue;
    unsigned rows = 0;
    for (const html_node *r = k->children; r; r = r->next) {
      if (r->type != XML_ELEMENT_NODE) continue;
      if (html_is(r, "tbody")) {
        for (const html_node *q = r->children; q; q = q->next)
          if (q->type == XML_ELEMENT_NODE && html_st(q)->text_len) rows++;
      } else if (html_st(r)->text_len) {
        rows++;
      }
    }
    if (rows >= INTRO_ROWS) return 1;
  }
  return 0;
}

/* Headings in n's subtree outside `skip`: a landing page titles each of
 * its sections; a forum thread or a notice around a post has none. */
static unsigned S_headings(const html_node *n, const html_node *skip) {
  unsigned k = 0;
  for (const html_node *x = n; x;) {
    int sk = x == skip || (x->type == XML_ELEMENT_NODE && html_st(x)->removed);
    if (!sk && x->type == XML_ELEMENT_NODE && html_is_heading(x) && html_st(x)->text_len) {
      k++;
      sk = 1;
    }
    x = html_next((html_node *)x, n, sk);
  }
  return k;
}

/* Above `p` (an ancestor of `top` that adds too little to take over, or
 * mostly links): the first ancestor that adds at least CLIMB_RATIO of
 * `top`'s non-link text again, its added text under CLIMB_LD links, if it
 * titles `min_headings` sections of its own. */
static html_node *S_section_ancestor(html_ctx *c, html_node *top, html_node *p, unsigned min_headings) {
  html_stat *cs = html_st(top);
  double cur = (double)cs->text_len - cs->link_len;
  for (html_node *q = p->parent; q && html_st(q) && !html_st(q)->removed; q = q->parent) {
    html_stat *qs = html_st(q);
    double extra = (double)qs->text_len - cs->text_len;
    double extra_links = (double)qs->link_len - cs->link_len;
    if (extra_links <= CLIMB_LD * extra && extra - extra_links >= CLIMB_RATIO * cur)
      return S_headings(q, top) >= min_headings ? q : NULL;
    if (q == c->body) break;
  }
  return NULL;
}

/* Listing, service and forum pages: the page's <main> landmark.
 * HTML says <main> is the dominant content of the body; on a landing page
 * the best block is one short section of it (a hero, a feature), and the
 * sections around it are titled parts of the same page, mostly prose.
 * Returns <main> (or role=main) when it holds most of the page, the best
 * block `top` is a short part of it, and what it adds is titled prose;
 * else NULL.  An article-sized best block keeps its own content. */
static html_node *S_main_landmark(html_ctx *c, html_node *top) {
  html_stat *ts = html_st(top), *bs = html_st(c->body);
  if ((double)ts->text_len - ts->link_len >= SECTION_MAX) return NULL;
  for (html_node *m = top->parent; m && m != c->body && html_st(m); m = m->parent) {
    const char *role = html_attr(m, "role");
    if (!html_is(m, "main") && !(role && strcmp(role, "main") == 0)) continue;
    html_stat *ms = html_st(m);
    if (ms->removed || (double)ms->text_len < MAIN_SHARE * bs->text_len) return NULL;
    if (ts->text_len * MAIN_PART > ms->text_len) return NULL;
    double extra = (double)ms->text_len - ts->text_len;
    double extra_links = (double)ms->link_len - ts->link_len;
    if (extra_links > MAIN_LD * extra) return NULL;
    return S_headings(m, top) >= SECTION_HEADINGS ? m : NULL;
  }
  return NULL;
}

/* Scores the text units into their ancestors and returns the best
 * candidate (NULL when no unit has text). */
static html_node *S_best_block(html_ctx *c) {
  for (size_t i = 0; i < c->nstats; i++) {
    c->stats[i].candidate = 0;
    c->stats[i].score = 0;
  }
  /* score the text units */
  for (html_node *n = c->body; n;) {
    int skip = 0;
    if (n->type == XML_ELEMENT_NODE) {
      html_stat *s = html_st(n);
      if (s->removed) {
        skip = 1;
      } else if (n != c->body && s->own_len >= 25 && !html_is_heading(n)) {
        double score = 1.0 + s->commas + fmin(3.0, s->own_len / 100.0);
        html_node *a = n->parent;
        for (int level = 0; a && level < 5 && html_st(a); level++, a = a->parent) {
          S_touch(a);
          double div = level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0;
          html_st(a)->score += score / div;
          if (a == c->body) break;
        }
        /* a text run in a div of its own: the div is a candidate too */
        if (!html_is(n, "p") && !html_is(n, "li") && !html_is(n, "td")) {
          S_touch(n);
          html_st(n)->score += score;
        }
      }
    }
    n = html_next(n, c->body, skip);
  }
  html_node *top = NULL;
  double best = 0;
  for (html_node *n = c->body; n;) {
    int skip = 0;
    if (n->type == XML_ELEMENT_NODE) {
      html_stat *s = html_st(n);
      if (s->removed) {
        skip = 1;
      } else if (s->candidate) {
        s->score *= 1.0 - S_ld(s);
        if (!top || s->score > best) {
          top = n;
          best = s->score;
        }
      }
    }
    n = html_next(n, c->body, skip);
  }
  return top;
}

int html_choose_content(html_ctx *c) {
  if (!c->body) return 0;
  html_node *top = S_best_block(c);
  if (top && S_reviews_outscore(c, top)) top = S_best_block(c);
  if (!top) return S_add_root(c, c->body);

  /* a parent that scores well holds more of the article */
  double last = html_st(top)->score;
  for (html_node *p = top->parent; p && p != c->body && html_st(p); p = p->parent) {
    html_stat *ps = html_st(p);
    if (!ps->candidate) continue;
    if (ps->score < last / 3.0) break;
    if (ps->score > last) {
      top = p;
      break;
    }
    last = ps->score;
  }
  while (top->parent && top->parent != c->body && html_st(top->parent)) {
    int elems = 0;
    for (html_node *k = top->parent->children; k; k = k->next)
      if (k->type == XML_ELEMENT_NODE && !html_st(k)->removed) elems++;
    if (elems != 1) break;
    top = top->parent;
  }
  /* a card in a grid (listings, search results, product tiles, the posts
   * of a thread): the grid is the content, and its links are part of it */
  html_node *grid = S_repeat_container(c, top);
  if (grid) {
    top = S_grid_of_grids(c, grid);
    c->grid = 1;
  } else if (top->parent && top->parent != c->body && html_st(top->parent) &&
             html_st(top->parent)->text_len < 2 * html_st(top)->text_len) {
    top = top->parent; /* a wrapper adding little: a title or a caption */
  }
  /* pages made of many similar sections (services, listings, docs): an
   * ancestor that adds at least as much again of text that is not links
   * holds the content, not just its best section */
  for (html_node *p = top->parent; p && html_st(p) && !html_st(p)->removed; p = p->parent) {
    html_stat *cs = html_st(top), *ps = html_st(p);
    double cur = (double)cs->text_len - cs->link_len;
    double extra = (double)ps->text_len - cs->text_len;
    double extra_links = (double)ps->link_len - cs->link_len;
    if (extra <= 0) {
      top = p;
      if (p == c->body) break;
      continue;
    }
    /* a short intro line beside the table or list it introduces (a page
     * of job or search links): the rows are the content, links and all */
    if (cs->text_len < INTRO_MAX && S_intro_of_rows(p, top)) {
      top = p;
      if (p == c->body) break;
      continue;
    }
    /* a parent adding mostly links, or a wrapper adding a heading or a
     * caption, ends the climb ... */
    if (extra_links > CLIMB_LD * extra ||
        (extra - extra_links < CLIMB_RATIO * cur &&
         (extra - extra_links >= 0.1 * cur || extra - extra_links > 150))) {
      /* ... except on a landing page, whose short sections sit in nested
       * rows beside a call to action: a band adding a button or a line
       * may be one step of several to the page's body of sections.  Look
       * further up for an ancestor that adds enough (never from an
       * article-sized block). */
      html_node *q = cur >= SECTION_MAX ? NULL : S_section_ancestor(c, top, p, SECTION_HEADINGS);
      /* ... and a wrapper adding only a link or two (a "shop now", a
       * slide's counter) around one part of a longer piece (a listicle's
       * slide): the climb goes on if an ancestor above adds prose. */
      if (!q && extra < TINY_EXTRA * cur && extra <= 150) q = S_section_ancestor(c, top, p, 0);
      if (!q) break;
      p = q;
    }
    top = p;
    if (p == c->body) break;
  }
  /* a page that is mostly links once its menus are gone (a listing, a
   * category page of tiles): a short intro or one teaser scored best, yet
   * the teasers are the content, links and all.  (A longer text there is
   * a description or an article that the links only surround.) */
  html_stat *bs = html_st(c->body);
  if (bs->text_len && S_ld(bs) >= LINK_PAGE_LD &&
      html_st(top)->text_len - html_st(top)->link_len < INTRO_MAX &&
      html_st(top)->text_len < LINK_PAGE_SHARE * bs->text_len) {
    while (top != c->body && top->parent && html_st(top->parent) &&
           html_st(top)->text_len < LINK_PAGE_TAKE * bs->text_len)
      top = top->parent;
    c->grid = 1;
  }
  if (!c->grid) {
    html_node *m = S_main_landmark(c, top);
    if (m) top = m;
  }
  if (top == c->body || !top->parent) return S_add_root(c, top);

  /* siblings that belong to the article */
  html_stat *ts = html_st(top);
  double threshold = fmax(10.0, ts->score * 0.2);
  const char *tcls = html_attr(top, "class");
  for (html_node *s = top->parent->children; s; s = s->next) {
    if (s->type != XML_ELEMENT_NODE) continue;
    html_stat *ss = html_st(s);
    if (ss->removed) continue;
    int take = s == top;
    if (!take) {
      double bonus = 0;
      const char *scls = html_attr(s, "class");
      if (tcls && scls && *tcls && strcmp(tcls, scls) == 0) bonus = ts->score * 0.2;
      if (ss->candidate && ss->score + bonus >= threshold) take = 1;
      else if ((html_is(s, "p") || ss->blocks == 0) && ss->text_len > 0) {
        double ld = S_ld(ss);
        if (ss->text_len > 80 && ld < 0.25) take = 1;
        else if (ss->text_len <= 80 && ld == 0 && S_ends_sentence(s)) take = 1;
      } else if ((html_is(s, "figure") || (ss->imgs == 1 && ss->text_len < 200)) && S_ld(ss) < 0.5) {
        /* a picture between article parts */
        take = s->prev && s->next;
      }
    }
    if (take && S_add_root(c, s)) return DOCPIPE_ENOMEM;
  }
  return 0;
}

static int S_has_ancestor(const html_node *n, const char *name, int max) {
  for (n = n->parent; n && max-- > 0; n = n->parent)
    if (html_is(n, name)) return 1;
  return 0;
}

static unsigned S_embeds(const html_node *n) {
  unsigned k = 0;
  for (const html_node *x = n; x; x = html_next((html_node *)x, n, 0))
    if (html_is(x, "iframe") || html_is(x, "object") || html_is(x, "embed") || html_is(x, "video") ||
        html_is(x, "audio")) /* a "listen to this article" player and its labels */
      k++;
  return k;
}

static int S_is_data_tableish(const html_node *n) {
  return html_is(n, "table") && (html_attr(n, "border") || S_has_ancestor(n, "table", 1) == 0);
}

/* Listing, service and forum pages: prose whose negative class
 * weight comes from utility tokens alone ("overflow-hidden" clips a
 * landing page's feature box; it hides nothing). */
static int S_utility_prose(const html_node *n, double ld) {
  html_stat *s = html_st(n);
  if (s->weight >= 0 || s->text_len < PROSE_UTILITY || ld >= 0.3) return 0;
  /* clipping under a height limit is a collapsed "(more)" box: what it
   * clips is hidden indeed */
  const char *st = html_attr(n, "style");
  if (st && strstr(st, "max-height")) return 0;
  return s->weight - html_utility_weight(n) >= 0;
}

/* A research article's notes ("footnotes", "chu-thich") that cite the
 * documents it rests on ("(1) Nghị quyết số 43-NQ/TW ngày …"): what users
 * cite, kept though "foot" weighs against the box.  Notes citing no such
 * document (an English blog's asides) are left to the class weight, as
 * Readability leaves them. */
static int S_cited_notes(const html_node *n, double ld) {
  static const char *const words[] = {"footnote", "chu-thich", "chuthich", "ghichu", "ghi-chu", NULL};
  if (ld > 0.3 || !html_names_have(n, words)) return 0;
  docpipe_buf t = DOCPIPE_BUF_INIT;
  docpipe_value *found = docpipe_value_new_list();
  int cites = found && html_text(n, &t, 20000) == 0 && t.len &&
              docpipe_decisions_scan(found, t.data, t.len, NULL) == 0 &&
              docpipe_value_count(found) > 0;
  docpipe_value_free(found);
  docpipe_buf_free(&t);
  return cites;
}

static int S_should_clean(html_node *n, unsigned content_len, int grid, double lim) {
  const char *t = (const char *)n->name;
  if (strcmp(t, "div") && strcmp(t, "section") && strcmp(t, "ul") && strcmp(t, "ol") &&
      strcmp(t, "table") && strcmp(t, "form") && strcmp(t, "dl") && strcmp(t, "center") &&
      strcmp(t, "header"))
    return 0;
  html_stat *s = html_st(n);
  if (s->kept) return 0; /* a chosen root stays */
  /* a block holding much of the article is the article */
  if (s->text_len * 2 > content_len) return 0;
  if (s->text_len * 3 > content_len && (double)s->link_len < 0.35 * s->text_len) return 0;
  double score = s->candidate ? s->score : 0;
  int is_list = html_is(n, "ul") || html_is(n, "ol");
  double ld = S_ld(s);
  /* A score below zero drops a block, except: in a grid of posts or cards,
   * where a class word ("ipsComment") names every item alike, prose is
   * judged by its own link density (so is a thread's post kept as the
   * page's content, "comment" in its class); and a list scores below zero
   * from its tag alone when its items wrap their text in <p> (each <li>
   * then adds little), yet a list of plain sentences is article text all
   * the same. */
  int grid_prose = (grid || s->post) && s->text_len >= 100 && ld < 0.3;
  if (s->weight + score < 0 && !grid_prose && !(is_list && s->weight >= 0 && ld < 0.1) &&
      !S_utility_prose(n, ld) && !S_cited_notes(n, ld))
    return 1;
  if (s->tcommas >= 10) return 0;
  double p = s->paras, img = s->imgs, li = (double)s->items - 100.0, input = s->inputs;
  int in_figure = S_has_ancestor(n, "figure", 3);
  unsigned len = s->text_len;
  if (img > 1 && p / img < 0.5 && !in_figure && len < 200) return 1;
  if (!is_list && li > p) return 1;
  if (input > floor(p / 3.0)) return 1;
  /* short stubs go when they are links or empty; a short plain line (a
   * byline, a date) stays for html_visible.c to read */
  if (!is_list && len < 25 && (img == 0 || img > 2) && !in_figure && (ld > 0 || len == 0))
    return 1;
  if (!grid && !is_list && s->weight < 25 && ld > lim && !S_is_data_tableish(n)) return 1;
  if (!grid && s->weight >= 25 && ld > fmax(0.5, lim)) return 1;
  if (!grid && is_list && ld > fmax(0.6, lim)) return 1;
  unsigned emb = S_embeds(n);
  if ((emb == 1 && len < 75) || emb > 1) return 1;
  return 0;
}

/* A link that is only a picture and leads to another page, not to the
 * picture itself: a banner ("Dịch vụ công trực tuyến", a partner's logo)
 * that a climb through a column holding nothing else brought in.  A
 * picture linked to its own file (a lightbox) stays, and so does one whose
 * alt text is a headline (a teaser's picture on a listing: its alt may be
 * the only place the headline is written). */
static int S_banner_link(const html_node *x) {
  if (!html_is(x, "a") || html_st(x)->text_len || html_st(x)->imgs != 1) return 0;
  for (const html_node *k = x->children; k; k = html_next((html_node *)k, x, 0))
    if (html_is(k, "img")) {
      const char *alt = html_attr(k, "alt");
      if (alt && strlen(alt) >= 40) return 0;
      break;
    }
  const char *href = html_attr(x, "href");
  if (!href || !*href || *href == '#') return 0;
  size_t n = strcspn(href, "?#");
  static const char *const exts[] = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".bmp", NULL};
  for (int i = 0; exts[i]; i++) {
    size_t e = strlen(exts[i]);
    if (n >= e && strncasecmp(href + n - e, exts[i], e) == 0) return 0;
  }
  return 1;
}

/* The last node of x's subtree in document order, not entering removed
 * elements. */
static html_node *S_last_within(html_node *x) {
  while (x->type == XML_ELEMENT_NODE && !html_st(x)->removed && x->last) x = x->last;
  return x;
}

/* The first token of n's class ("print" of "print-sapo"), at most
 * `size` - 1 bytes; 0 when it is shorter than 3. */
static size_t S_class_stem(const html_node *n, char *out, size_t size) {
  const char *v = html_attr(n, "class");
  size_t k = 0;
  while (v && v[k] && v[k] != '-' && v[k] != '_' && v[k] != ' ' && k + 1 < size) {
    out[k] = v[k];
    k++;
  }
  out[k] = 0;
  return k >= 3 && (!v[k] || v[k] != ' ') ? k : 0;
}

/* A print view ("Bản in") names every box of the article alike,
 * "print-title", "print-sapo", "print-content": the word that weighs
 * against a print button then names the page, not a widget.  A plain
 * paragraph of prose (no blocks inside, 80 characters, no links) whose
 * class begins as that of a sibling holding the article's paragraphs
 * (three or more) is not cleaned for its class. */
static int S_family_prose(const html_node *x) {
  html_stat *s = html_st(x);
  if (s->blocks || s->text_len < 80 || s->link_len || s->inputs || !x->parent) return 0;
  char a[32], b[32];
  if (!S_class_stem(x, a, sizeof a)) return 0;
  for (const html_node *y = x->parent->children; y; y = y->next)
    if (y != x && y->type == XML_ELEMENT_NODE && html_st(y) && !html_st(y)->removed &&
        html_st(y)->paras >= 3 && html_st(y)->text_len > 2 * s->text_len &&
        S_class_stem(y, b, sizeof b) && !strcmp(a, b))
      return 1;
  return 0;
}

void html_clean_content(html_ctx *c) {
  unsigned content_len = 0;
  unsigned content_links = 0;
  for (size_t r = 0; r < c->nroots; r++) {
    content_len += html_st(c->roots[r])->text_len;
    content_links += html_st(c->roots[r])->link_len;
  }
  /* content that is itself link-rich (a page of teasers, a table of
   * results): its blocks are judged against its own link density, not
   * an article's */
  double lim = 0.2;
  if (content_len) lim = fmax(lim, (double)content_links / content_len + CLEAN_LD_MARGIN);
  /* deepest first, as Readability walks: reverse document order, each
   * element after everything inside it, so that one marked here has had
   * its own parts judged (no list of the elements: on a 50 MB page that
   * list was 16 MB at the reader's peak) */
  for (size_t r = c->nroots; r-- > 0;) {
    html_node *root = c->roots[r];
    for (html_node *x = S_last_within(root); x;) {
      if (x->type == XML_ELEMENT_NODE && !html_st(x)->removed &&
          (S_should_clean(x, content_len, c->grid, lim) || (!c->grid && S_banner_link(x))) &&
          !S_family_prose(x))
        html_st(x)->removed = 1;
      x = x == root ? NULL : x->prev ? S_last_within(x->prev) : x->parent;
    }
  }
}
