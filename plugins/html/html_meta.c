/* Machine-readable metadata: JSON-LD (jansson), Open Graph and article:*,
 * Dublin Core and name= meta, <time datetime>, itemprop, canonical link,
 * html lang.  Each slot keeps the first value from the best source; the
 * visible page fills the gaps later (html_visible.c). */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "docpipe/extract.h"
#include "html_reader.h"

void html_meta_free(html_meta *m) {
  free(m->ld_headline);
  free(m->og_title);
  free(m->tw_title);
  free(m->dc_title);
  free(m->doc_title);
  free(m->date);
  free(m->modified);
  free(m->description);
  free(m->url);
  free(m->source);
  free(m->language);
  docpipe_value_free(m->authors);
  docpipe_value_free(m->tags);
  memset(m, 0, sizeof *m);
}

/* Trimmed, whitespace-collapsed, valid-UTF-8 copy; NULL for empty. */
static char *S_clean(const char *s) {
  if (!s) return NULL;
  size_t n = strlen(s);
  char *o = malloc(n + 1);
  if (!o) return NULL;
  size_t k = 0;
  int space = 1;
  for (size_t i = 0; i < n; i++) {
    unsigned char ch = (unsigned char)s[i];
    int ws = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f';
    if (ch == 0xC2 && (unsigned char)s[i + 1] == 0xA0) {
      ws = 1;
      i++;
    }
    if (ws) {
      if (!space) o[k++] = ' ';
      space = 1;
    } else {
      o[k++] = (char)ch;
      space = 0;
    }
  }
  while (k && o[k - 1] == ' ') k--;
  o[k] = 0;
  if (!k || !docpipe_utf8_valid(o, k)) {
    free(o);
    return NULL;
  }
  return o;
}

static void S_set(char **slot, const char *v) {
  if (*slot || !v) return;
  *slot = S_clean(v);
}

static int S_list_has(const docpipe_value *list, const char *s) {
  for (size_t i = 0; i < docpipe_value_count(list); i++) {
    const char *x = docpipe_value_string(docpipe_value_at(list, i));
    if (x && strcasecmp(x, s) == 0) return 1;
  }
  return 0;
}

static void S_list_add(docpipe_value **list, const char *v) {
  char *c = S_clean(v);
  if (!c) return;
  /* names escaped twice ("Maria &amp; Kat") or quoted ("\"Ann Lee\"") */
  for (char *amp; (amp = strstr(c, "&amp;")) != NULL;) memmove(amp + 1, amp + 5, strlen(amp + 5) + 1);
  size_t cl = strlen(c);
  if (cl >= 3 && c[0] == '"' && c[cl - 1] == '"') {
    memmove(c, c + 1, cl - 2);
    c[cl - 2] = 0;
  }
  /* URLs are not names (article:author often holds a profile link) */
  if (strncmp(c, "http", 4) == 0 || strlen(c) > 120) {
    free(c);
    return;
  }
  if (!*list) *list = docpipe_value_new_list();
  if (*list && !S_list_has(*list, c)) docpipe_value_append_string(*list, c);
  free(c);
}

/* Comma- or semicolon-separated keywords. */
static void S_tags_add(html_meta *m, const char *v) {
  if (!v) return;
  const char *p = v;
  while (*p) {
    const char *e = p;
    while (*e && *e != ',' && *e != ';') e++;
    char piece[256];
    size_t n = (size_t)(e - p) < sizeof piece - 1 ? (size_t)(e - p) : sizeof piece - 1;
    memcpy(piece, p, n);
    piece[n] = 0;
    S_list_add(&m->tags, piece);
    p = *e ? e + 1 : e;
  }
}

/* ---- JSON-LD ---- */

static const char *const S_article_types[] = {
    "NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle",
    "OpinionNewsArticle", "BackgroundNewsArticle", "TechArticle", "ScholarlyArticle",
    "LiveBlogPosting", "Report", "SocialMediaPosting", "DiscussionForumPosting", "Blog", NULL};

static int S_type_is(json_t *obj, const char *const *types) {
  json_t *t = json_object_get(obj, "@type");
  if (json_is_string(t)) {
    for (const char *const *x = types; *x; x++)
      if (strcmp(json_string_value(t), *x) == 0) return 1;
  } else if (json_is_array(t)) {
    size_t i;
    json_t *v;
    json_array_foreach(t, i, v) {
      if (json_is_string(v))
        for (const char *const *x = types; *x; x++)
          if (strcmp(json_string_value(v), *x) == 0) return 1;
    }
  }
  return 0;
}

static json_t *S_find_article(json_t *j, int depth) {
  if (depth > 8 || !j) return NULL;
  if (json_is_object(j)) {
    if (S_type_is(j, S_article_types)) return j;
    json_t *r = S_find_article(json_object_get(j, "@graph"), depth + 1);
    if (!r) r = S_find_article(json_object_get(j, "mainEntity"), depth + 1);
    return r;
  }
  if (json_is_array(j)) {
    size_t i;
    json_t *v;
    json_array_foreach(j, i, v) {
      json_t *r = S_find_article(v, depth + 1);
      if (r) return r;
    }
  }
  return NULL;
}

static const char *S_str(json_t *o, const char *k) {
  json_t *v = json_object_get(o, k);
  return json_is_string(v) ? json_string_value(v) : NULL;
}

/* The first object with a datePublished, of any type: pages that are no
 * Article to schema.org (Yoast's WebPage, ItemPage) still date the page. */
static const char *S_find_dated(json_t *j, int depth) {
  if (depth > 8 || !j) return NULL;
  if (json_is_object(j)) {
    const char *d = S_str(j, "datePublished");
    if (d && *d) return d;
    d = S_find_dated(json_object_get(j, "@graph"), depth + 1);
    if (!d) d = S_find_dated(json_object_get(j, "mainEntity"), depth + 1);
    return d;
  }
  if (json_is_array(j)) {
    size_t i;
    json_t *v;
    json_array_foreach(j, i, v) {
      const char *d = S_find_dated(v, depth + 1);
      if (d) return d;
    }
  }
  return NULL;
}

/* The object a {"@id": …} reference stands for, one with a name. */
static json_t *S_find_id(json_t *j, const char *id, int depth) {
  if (depth > 8 || !j) return NULL;
  if (json_is_object(j)) {
    const char *x = S_str(j, "@id");
    if (x && !strcmp(x, id) && S_str(j, "name")) return j;
    json_t *r = S_find_id(json_object_get(j, "@graph"), id, depth + 1);
    return r;
  }
  if (json_is_array(j)) {
    size_t i;
    json_t *v;
    json_array_foreach(j, i, v) {
      json_t *r = S_find_id(v, id, depth + 1);
      if (r) return r;
    }
  }
  return NULL;
}

static void S_ld_people(docpipe_value **list, json_t *a, json_t *root, int depth) {
  if (!a || depth > 3) return;
  if (json_is_object(a) && !S_str(a, "name") && S_str(a, "@id")) {
    /* Yoast's graph names the author once, elsewhere */
    json_t *p = S_find_id(root, S_str(a, "@id"), 0);
    if (p) a = p;
  }
  if (json_is_string(a)) {
    S_list_add(list, json_string_value(a));
  } else if (json_is_object(a)) {
    /* an organisation as "author" is the publisher, not a byline */
    static const char *const org[] = {"Organization", "NewsMediaOrganization", "Corporation",
                                      "GovernmentOrganization", NULL};
    if (!S_type_is(a, org)) S_list_add(list, S_str(a, "name"));
  } else if (json_is_array(a)) {
    size_t i;
    json_t *v;
    json_array_foreach(a, i, v) S_ld_people(list, v, root, depth + 1);
  }
}

static void S_jsonld(html_meta *m, const char *text, char **page_date) {
  json_error_t e;
  json_t *root = json_loads(text, JSON_DECODE_ANY, &e);
  if (!root) return;
  S_set(page_date, S_find_dated(root, 0));
  json_t *a = S_find_article(root, 0);
  if (a) {
    m->article_typed = 1;
    S_set(&m->ld_headline, S_str(a, "headline"));
    if (!m->ld_headline) S_set(&m->ld_headline, S_str(a, "name"));
    S_set(&m->date, S_str(a, "datePublished"));
    if (!m->date) S_set(&m->date, S_str(a, "dateCreated"));
    S_set(&m->modified, S_str(a, "dateModified"));
    if (!m->authors) S_ld_people(&m->authors, json_object_get(a, "author"), root, 0);
    if (!m->authors) S_ld_people(&m->authors, json_object_get(a, "creator"), root, 0);
    if (m->authors) m->authors_from_ld = 1;
    json_t *pub = json_object_get(a, "publisher");
    if (json_is_object(pub)) S_set(&m->source, S_str(pub, "name"));
    else if (json_is_string(pub)) S_set(&m->source, json_string_value(pub));
    S_set(&m->description, S_str(a, "description"));
    S_set(&m->language, S_str(a, "inLanguage"));
    json_t *kw = json_object_get(a, "keywords");
    if (json_is_string(kw) && !m->tags) S_tags_add(m, json_string_value(kw));
    else if (json_is_array(kw) && !m->tags) {
      size_t i;
      json_t *v;
      json_array_foreach(kw, i, v) if (json_is_string(v)) S_list_add(&m->tags, json_string_value(v));
    }
    json_t *me = json_object_get(a, "mainEntityOfPage");
    if (json_is_object(me)) S_set(&m->url, S_str(me, "@id"));
    else if (json_is_string(me)) S_set(&m->url, json_string_value(me));
    S_set(&m->url, S_str(a, "url"));
  }
  json_decref(root);
}

/* Seconds since 1970 of a date with a time and an offset. */
static long long S_instant(const docpipe_date *d) {
  /* days from the civil date (Howard Hinnant's algorithm) */
  long long y = d->year - (d->month <= 2);
  long long era = (y >= 0 ? y : y - 399) / 400;
  long long yoe = y - era * 400;
  long long doy = (153 * (d->month + (d->month > 2 ? -3 : 9)) + 2) / 5 + d->day - 1;
  long long days = era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
  return days * 86400 + d->hour * 3600 + d->minute * 60 + (d->second > 0 ? d->second : 0) -
         d->offset_minutes * 60LL;
}

/* Sites write the metadata's timestamp in UTC and the page's <time> in
 * their own zone: the same instant, but the publication's day is the one
 * the site printed (7 pm in California is already tomorrow in UTC). */
static void S_prefer_local(char **date, const char *time_date) {
  docpipe_date a, b;
  if (!*date || !time_date || !docpipe_date_find(*date, strlen(*date), &a) ||
      !docpipe_date_find(time_date, strlen(time_date), &b) || !a.has_offset || a.offset_minutes ||
      !b.has_offset || !b.offset_minutes || a.hour < 0 || b.hour < 0 || !a.year || !b.year ||
      llabs(S_instant(&a) - S_instant(&b)) > 60)
    return;
  free(*date);
  *date = S_clean(time_date);
}

/* ---- meta tags ---- */

static const char *const S_date_names[] = {
    "article:published_time", "og:article:published_time", "article:published",
    "og:published_time", "datepublished", "pubdate", "publishdate", "publish-date",
    "publish_date", "published_time", "dc.date.issued", "dcterms.issued", "dc.date",
    "dcterms.date", "dcterms.created", "dc.date.created", "sailthru.date", "parsely-pub-date",
    "citation_publication_date", "citation_date", "article.published", "date", "created",
    "published",
    NULL};

static int S_rank(const char *key, const char *const *names) {
  for (int i = 0; names[i]; i++)
    if (strcmp(key, names[i]) == 0) return i;
  return -1;
}

/* A publication date under a name of the site's own making
 * ("published-date", "w-published-date", "article_publish_date"):
 * ranked with the generic "date", after every name above. */
static int S_date_rank(const char *key) {
  int r = S_rank(key, S_date_names);
  if (r >= 0) return r;
  if (strstr(key, "publish") && (strstr(key, "date") || strstr(key, "time")) &&
      !strstr(key, "modif") && !strstr(key, "updat") && !strstr(key, "expir"))
    return S_rank("date", S_date_names);
  return -1;
}

typedef struct {
  int date_rank;
  char *date;
  char tw_author_slot;  /* N of a twitter:labelN naming the author, or 0 */
  char *tw_author;      /* its twitter:dataN */
} S_meta_state;

/* Yoast and others print the byline as a Twitter card pair:
 * twitter:label1 "Written by", twitter:data1 "Jane Doe". */
static void S_twitter_pair(S_meta_state *st, const char *key, const char *v) {
  static const char *const labels[] = {"written by", "author", "by", "posted by", NULL};
  if (!strncmp(key, "twitter:label", 13) && key[13] >= '1' && key[13] <= '9' && !key[14]) {
    for (int i = 0; labels[i]; i++)
      if (!strcasecmp(v, labels[i])) st->tw_author_slot = key[13];
  } else if (!strncmp(key, "twitter:data", 12) && key[12] && key[12] == st->tw_author_slot &&
             !key[13] && !st->tw_author) {
    st->tw_author = strdup(v);
  }
}

static void S_meta_tag(html_meta *m, S_meta_state *st, const char *key, const char *v) {
  if (!v || !*v) return;
  if (!strncmp(key, "twitter:", 8)) S_twitter_pair(st, key, v);
  int r = S_date_rank(key);
  if (r >= 0) {
    if (!st->date || r < st->date_rank) {
      free(st->date);
      st->date = S_clean(v);
      st->date_rank = r;
    }
    return;
  }
  if (!strcmp(key, "og:type")) {
    if (!strcasecmp(v, "article")) m->article_typed = 1;
  } else if (!strcmp(key, "og:title")) S_set(&m->og_title, v);
  else if (!strcmp(key, "twitter:title")) S_set(&m->tw_title, v);
  else if (!strcmp(key, "dc.title") || !strcmp(key, "dcterms.title") || !strcmp(key, "citation_title"))
    S_set(&m->dc_title, v);
  else if (!strcmp(key, "description") || !strcmp(key, "og:description") ||
           !strcmp(key, "dc.description") || !strcmp(key, "twitter:description"))
    S_set(&m->description, v);
  else if (!strcmp(key, "og:url")) S_set(&m->url, v);
  else if (!strcmp(key, "og:site_name") || !strcmp(key, "dc.publisher") ||
           !strcmp(key, "dcterms.publisher") || !strcmp(key, "publisher") ||
           !strcmp(key, "application-name"))
    S_set(&m->source, v);
  else if (!strcmp(key, "article:modified_time") || !strcmp(key, "og:updated_time") ||
           !strcmp(key, "datemodified") || !strcmp(key, "dcterms.modified"))
    S_set(&m->modified, v);
  else if (!strcmp(key, "author") || !strcmp(key, "article:author") || !strcmp(key, "dc.creator") ||
           !strcmp(key, "dcterms.creator") || !strcmp(key, "sailthru.author") ||
           !strcmp(key, "parsely-author") || !strcmp(key, "citation_author") ||
           !strcmp(key, "byl")) {
    /* JSON-LD named the authors already: other spellings would repeat them */
    if (m->authors_from_ld) return;
    if (!strncasecmp(v, "by ", 3)) v += 3;
    /* CMS defaults name the account, not the writer (Joomla's "Super
     * User", WordPress's "admin"). */
    static const char *const accounts[] = {"super user", "admin", "administrator", "webmaster",
                                           "quản trị", "quản trị viên", "editor", NULL};
    for (int i = 0; accounts[i]; i++)
      if (!strcasecmp(v, accounts[i])) return;
    S_list_add(&m->authors, v);
  } else if (!strcmp(key, "keywords") || !strcmp(key, "news_keywords"))
    S_tags_add(m, v);
  else if (!strcmp(key, "article:tag"))
    S_list_add(&m->tags, v);
  else if (!strcmp(key, "content-language") || !strcmp(key, "dc.language") ||
           !strcmp(key, "language"))
    S_set(&m->language, v);
}

/* The item (nearest itemscope above) an itemprop belongs to. */
static const html_node *S_item_of(const html_node *n) {
  for (const html_node *p = n->parent; p; p = p->parent)
    if (p->type == XML_ELEMENT_NODE && html_attr(p, "itemscope")) return p;
  return NULL;
}

/* Authors of the first item only: a thread's posts and a question's
 * answers are items too, each with its author, and only the first one
 * wrote the page. */
static int S_same_item(const html_node *n, const html_node **scope) {
  const html_node *item = S_item_of(n);
  if (!*scope) {
    *scope = item ? item : n;
    return 1;
  }
  return item == *scope;
}

/* An RDFa publication date on an element that is not a <meta>: Drupal
 * prints its "submitted" line as <span property="dc:date dc:created"
 * content="2024-12-05T10:25:00+07:00">, the machine form of the "T5,
 * 05/12/2024 - 10:25" it shows.  The first one is the node's; comments
 * below it carry their own. */
static int S_rdfa_date(const html_node *n) {
  const char *prop = html_attr(n, "property"), *v = html_attr(n, "content");
  if (!prop || !v || !*v) return 0;
  static const char *const terms[] = {"dc:date", "dc:created", "dc:issued", "dcterms:created",
                                      "dcterms:issued", "schema:datePublished", NULL};
  for (const char *p = prop; *p;) {
    while (*p == ' ') p++;
    size_t k = strcspn(p, " ");
    for (int i = 0; terms[i]; i++)
      if (k == strlen(terms[i]) && !strncmp(p, terms[i], k)) return 1;
    p += k;
  }
  return 0;
}

static void S_lower_key(const char *in, char *out, size_t size) {
  size_t k = 0;
  for (; in && in[k] && k + 1 < size; k++)
    out[k] = (char)((in[k] >= 'A' && in[k] <= 'Z') ? in[k] + 32 : in[k]);
  out[k] = 0;
}

int html_meta_collect(html_ctx *c, html_meta *m) {
  html_node *root = html_tree_root(c->tree);
  if (!root) return 0;
  S_meta_state st = {0, NULL, 0, NULL};
  docpipe_value *ld_authors = NULL;
  char *time_date = NULL, *ip_date = NULL, *ip_headline = NULL, *page_date = NULL;
  const html_node *author_scope = NULL;
  int time_rank = 9;
  const char *lang = html_attr(root, "lang");
  if (!lang) lang = html_attr(root, "xml:lang");
  docpipe_buf t = DOCPIPE_BUF_INIT;
  /* JSON-LD first: it is the best source, wherever it sits in the page */
  for (html_node *n = root; n; n = html_next(n, root, 0)) {
    if (!html_is(n, "script")) continue;
    const char *type = html_attr(n, "type");
    if (type && strcasecmp(type, "application/ld+json") == 0 && n->children &&
        n->children->content)
      S_jsonld(m, (const char *)n->children->content, &page_date);
  }
  for (html_node *n = root; n;) {
    int skip = 0;
    if (n->type == XML_ELEMENT_NODE) {
      const char *name = (const char *)n->name;
      if (!strcmp(name, "meta")) {
        char key[64];
        const char *k = html_attr(n, "property");
        if (!k) k = html_attr(n, "name");
        if (!k) k = html_attr(n, "itemprop");
        if (!k) k = html_attr(n, "http-equiv");
        if (k) {
          S_lower_key(k, key, sizeof key);
          S_meta_tag(m, &st, key, html_attr(n, "content"));
        }
      } else if (!strcmp(name, "title")) {
        if (!m->doc_title) {
          docpipe_buf_reset(&t);
          if (html_text_raw(n, &t, 2000) == 0 && t.len) S_set(&m->doc_title, t.data);
        }
        skip = 1;
      } else if (!strcmp(name, "link")) {
        const char *rel = html_attr(n, "rel");
        if (rel && strcasecmp(rel, "canonical") == 0) S_set(&m->url, html_attr(n, "href"));
      } else if (!strcmp(name, "script")) {
        skip = 1;
      } else if (!strcmp(name, "style")) {
        skip = 1;
      } else if (!strcmp(name, "time")) {
        const char *dt = html_attr(n, "datetime");
        int rank = 5;
        const char *ip = html_attr(n, "itemprop");
        const char *cls = html_attr(n, "class");
        if (html_attr(n, "pubdate") || (ip && strstr(ip, "datePublished"))) rank = 1;
        else if (cls && (strstr(cls, "publish") || strstr(cls, "date"))) rank = 3;
        if (dt && *dt && rank < time_rank) {
          free(time_date);
          time_date = S_clean(dt);
          time_rank = rank;
        }
      } else {
        const char *ip = html_attr(n, "itemprop");
        if (!ip_date && S_rdfa_date(n)) ip_date = S_clean(html_attr(n, "content"));
        if (ip) {
          if (!strcmp(ip, "datePublished") && !ip_date) {
            const char *v = html_attr(n, "content");
            if (!v) v = html_attr(n, "datetime");
            if (!v) v = html_attr(n, "title"); /* <abbr title="2020-07-16T…"> */
            if (v) ip_date = S_clean(v);
          } else if (!strcmp(ip, "headline") && !ip_headline) {
            docpipe_buf_reset(&t);
            if (html_text_raw(n, &t, 1000) == 0 && t.len) ip_headline = S_clean(t.data);
          } else if ((!strcmp(ip, "author") || !strcmp(ip, "creator")) &&
                     S_same_item(n, &author_scope)) {
            html_node *nm = NULL;
            for (html_node *x = n->children; x && !nm; x = html_next(x, n, 0)) {
              const char *xi = html_attr(x, "itemprop");
              if (xi && !strcmp(xi, "name")) nm = x;
            }
            const char *v = html_attr(nm ? nm : n, "content");
            docpipe_buf_reset(&t);
            if (v) S_list_add(&ld_authors, v);
            else if (html_text_raw(nm ? nm : n, &t, 200) == 0 && t.len && t.len < 80)
              S_list_add(&ld_authors, t.data);
          }
        }
      }
    }
    n = html_next(n, root, skip);
  }
  docpipe_buf_free(&t);
  /* best source first: JSON-LD (already in m), meta, itemprop, <time> */
  S_set(&m->date, st.date);
  S_set(&m->date, ip_date);
  /* a <time> marked as the publication beats a WebPage's date, which
   * beats any other <time> (comments, related posts) */
  if (time_rank <= 3) S_set(&m->date, time_date);
  S_set(&m->date, page_date);
  S_set(&m->date, time_date);
  S_prefer_local(&m->date, time_date);
  S_set(&m->ld_headline, ip_headline);
  if (!m->authors && ld_authors) {
    m->authors = ld_authors;
    ld_authors = NULL;
  }
  /* the Twitter card's byline: the last of the machine-readable sources */
  if (!m->authors && st.tw_author && strcasecmp(st.tw_author, "admin") != 0)
    S_list_add(&m->authors, st.tw_author);
  S_set(&m->language, lang);
  free(st.date);
  free(st.tw_author);
  free(time_date);
  free(ip_date);
  free(page_date);
  free(ip_headline);
  docpipe_value_free(ld_authors);
  return 0;
}

/* ISO 8601 as found in meta tags ("2020-07-16T08:30:00.000+0700",
 * "2020-07-16 08:30:00Z", "2020-07-16") to the `date` key's form.  Only
 * this machine-readable form; dates as people write them go through
 * docpipe_date_find (core extractors). */
int html_date_normalise(const char *s, char *out, size_t size) {
  int y, mo, d, h = -1, mi = -1, se = 0, off = 0, has_off = 0;
  const char *p = s;
  while (*p == ' ') p++;
  if (sscanf(p, "%4d-%2d-%2d", &y, &mo, &d) != 3 || p[4] != '-' || p[7] != '-') return 0;
  p += 10;
  if ((*p == 'T' || *p == ' ') && p[1] >= '0' && p[1] <= '9') {
    if (sscanf(p + 1, "%2d:%2d", &h, &mi) != 2) return 0;
    p += 6;
    if (*p == ':') {
      if (sscanf(p + 1, "%2d", &se) != 1) return 0;
      p += 3;
    }
    if (*p == '.' || *p == ',') {
      p++;
      while (*p >= '0' && *p <= '9') p++;
    }
    if (*p == 'Z' || *p == 'z') {
      has_off = 1;
    } else if (*p == '+' || *p == '-') {
      int oh = 0, om = 0;
      int sign = *p == '-' ? -1 : 1;
      if (sscanf(p + 1, "%2d:%2d", &oh, &om) == 2 || sscanf(p + 1, "%2d%2d", &oh, &om) == 2 ||
          sscanf(p + 1, "%2d", &oh) == 1) {
        has_off = 1;
        off = sign * (oh * 60 + om);
      }
    }
  }
  int n;
  if (h < 0) {
    n = snprintf(out, size, "%04d-%02d-%02d", y, mo, d);
  } else if (has_off) {
    int a = off < 0 ? -off : off;
    n = snprintf(out, size, "%04d-%02d-%02dT%02d:%02d:%02d%s", y, mo, d, h, mi, se, "");
    if (n > 0 && (size_t)n < size) {
      if (off == 0) n += snprintf(out + n, size - (size_t)n, "Z");
      else n += snprintf(out + n, size - (size_t)n, "%c%02d:%02d", off < 0 ? '-' : '+', a / 60, a % 60);
    }
  } else {
    n = snprintf(out, size, "%04d-%02d-%02dT%02d:%02d:%02d", y, mo, d, h, mi, se);
  }
  if (n <= 0 || (size_t)n >= size) return 0;
  if (!docpipe_date_iso_valid(out)) {
    /* keep at least the day when the time part is odd */
    snprintf(out, size, "%04d-%02d-%02d", y, mo, d);
    return docpipe_date_iso_valid(out);
  }
  return 1;
}
