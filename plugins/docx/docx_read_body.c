/* word/document.xml -> blocks.  Paragraphs become headings, list items, quotes, code,
 * figures and captions by their style chain and numbering; runs become text under
 * strong/emph by direct and character-style formatting.  docpipe's visible header
 * (Title, Subtitle, Byline) is skipped; a foreign document's Title/Subtitle/Author/
 * Date/Abstract paragraphs (Word, LibreOffice, pandoc) fill metadata that is missing. */
#include <stdlib.h>
#include <string.h>

#include "docx_r.h"

#define S_MAX_LISTS 9

typedef struct {
  docx_r_ctx *c;
  docpipe_doc *doc;
  docpipe_node *root;
  struct {
    int num_id, ilvl;
    docpipe_node *list, *item;
  } lists[S_MAX_LISTS];
  int nlists;
  docpipe_node *quote;  /* the block quote consecutive Quote paragraphs go into */
  docpipe_node *code;   /* last code block, merged with the next in foreign documents */
  docpipe_node *figure; /* last figure, which a Caption paragraph completes */
  int header;           /* docpipe header stage: 0 start, 1 title, 2 subtitle, 3 done */
  int content;          /* a body block was emitted */
  int rc;
} S_body;

/* Inline building state for one paragraph. */
typedef struct {
  int figure_mode;       /* drawings become the figure, not inline images */
  docpipe_node *figure;  /* the figure being filled */
  int drawings, texts;   /* counts to tell figure paragraphs */
  int rules;             /* VML horizontal rules (pandoc, Word's "horizontal line") */
  /* Word's complex fields: HYPERLINK fields become links (others show their result) */
  int fld_depth, fld_phase; /* phase 1: instruction, 2: result */
  docpipe_buf fld_instr;
  docpipe_node *fld_link;
} S_inl;

static int S_oom(S_body *b) {
  if (b->rc == 0) b->rc = docpipe_error_set(b->c->err, DOCPIPE_ENOMEM, "docx: out of memory");
  return b->rc;
}

static int S_is_block_end(docpipe_node *n, docpipe_node *root) {
  return n && docpipe_node_parent(n) == root && docpipe_node_last_child(root) == n;
}

/* ---- inlines ---------------------------------------------------------------------- */

/* The node text with formatting (bold, italic) goes into: reuses the strong/emph the
 * previous run opened, so runs split by Word's revision ids join back up. */
static docpipe_node *S_target(S_body *b, docpipe_node *parent, int bold, int italic) {
  docpipe_node *t = parent;
  if (bold) {
    docpipe_node *last = docpipe_node_last_child(t);
    if (last && docpipe_node_type_of(last) == DOCPIPE_NODE_STRONG) t = last;
    else if (!(t = docpipe_node_add(t, DOCPIPE_NODE_STRONG))) return S_oom(b), NULL;
  }
  if (italic) {
    docpipe_node *last = docpipe_node_last_child(t);
    if (last && docpipe_node_type_of(last) == DOCPIPE_NODE_EMPH) t = last;
    else if (!(t = docpipe_node_add(t, DOCPIPE_NODE_EMPH))) return S_oom(b), NULL;
  }
  return t;
}

static void S_text(S_body *b, docpipe_node *t, const char *s, size_t n) {
  if (!t || !n || b->rc) return;
  if (docpipe_node_append_text(t, s, n) < 0) {
    size_t cn = 0;
    char *clean = docpipe_utf8_clean(s, n, &cn);
    if (!clean || docpipe_node_append_text(t, clean, cn) < 0) S_oom(b);
    docpipe_free(clean);
  }
}

static void S_code(S_body *b, docpipe_node *t, const char *s) {
  if (!t || !*s || b->rc) return;
  docpipe_node *last = docpipe_node_last_child(t);
  if (last && docpipe_node_type_of(last) == DOCPIPE_NODE_CODE) {
    size_t a = strlen(docpipe_node_literal(last)), n = strlen(s);
    char *j = malloc(a + n + 1);
    if (!j) {
      S_oom(b);
      return;
    }
    memcpy(j, docpipe_node_literal(last), a);
    memcpy(j + a, s, n + 1);
    if (docpipe_node_set_literal(last, j) < 0) S_oom(b);
    free(j);
    return;
  }
  docpipe_node *code = docpipe_node_add(t, DOCPIPE_NODE_CODE);
  if (!code || docpipe_node_set_literal(code, s) < 0) S_oom(b);
}

/* Alt text and source of a w:drawing: docPr/@descr, and docPr/@title (docpipe keeps the
 * original url there) or else the embedded part's name. */
static void S_drawing_info(S_body *b, xmlNodePtr drawing, char **url, char **alt) {
  *url = NULL;
  *alt = NULL;
  xmlNodePtr n = drawing;
  int depth = 0;
  /* iterative descent; the tree is at most 256 deep */
  while (n) {
    if (docx_r_is(n, "docPr")) {
      if (!*alt) *alt = docx_r_attr(n, "descr");
      char *title = docx_r_attr(n, "title");
      if (title && *title && !*url) *url = title;
      else free(title);
    } else if (docx_r_is(n, "blip") && !*url) {
      char *rid = docx_r_attr(n, "embed");
      if (!rid) rid = docx_r_attr(n, "link");
      const docx_r_rel *rel = docx_r_rel_find(b->c, rid);
      if (rel && rel->target) *url = strdup(rel->target);
      free(rid);
    }
    if (n->children && depth < 64) {
      n = n->children;
      depth++;
      continue;
    }
    while (n && n != drawing && !n->next) {
      n = n->parent;
      depth--;
    }
    if (!n || n == drawing) break;
    n = n->next;
  }
}

static void S_image(S_body *b, docpipe_node *parent, xmlNodePtr drawing, S_inl *st) {
  char *url = NULL, *alt = NULL;
  S_drawing_info(b, drawing, &url, &alt);
  st->drawings++;
  if (st->figure_mode && st->figure && st->drawings == 1) {
    if ((url && docpipe_node_set_url(st->figure, url) < 0) ||
        (alt && docpipe_node_set_alt(st->figure, alt) < 0))
      S_oom(b);
  } else if (!st->figure_mode) {
    docpipe_node *img = docpipe_node_add(parent, DOCPIPE_NODE_IMAGE);
    if (!img) S_oom(b);
    else {
      if (url) docpipe_node_set_url(img, url);
      if (alt) S_text(b, img, alt, strlen(alt));
    }
  }
  free(url);
  free(alt);
}

/* HYPERLINK "url" [\\l "anchor"] [\\o "tip"]: the target, or NULL. */
static char *S_field_link(const char *instr, char **tip) {
  *tip = NULL;
  while (*instr == ' ') instr++;
  if (strncmp(instr, "HYPERLINK", 9) != 0 || (instr[9] != ' ' && instr[9])) return NULL;
  const char *p = instr + 9;
  char *url = NULL, *anchor = NULL;
  int want_anchor = 0, want_tip = 0, skip_next = 0;
  while (*p) {
    while (*p == ' ') p++;
    if (!*p) break;
    const char *start;
    size_t n;
    if (*p == '"') {
      start = ++p;
      while (*p && *p != '"') p++;
      n = (size_t)(p - start);
      if (*p) p++;
    } else {
      start = p;
      while (*p && *p != ' ') p++;
      n = (size_t)(p - start);
    }
    if (n == 2 && start[0] == '\\') {
      want_anchor = start[1] == 'l';
      want_tip = start[1] == 'o';
      skip_next = !want_anchor && !want_tip; /* \t "frame", \m, \n... */
      continue;
    }
    if (skip_next) {
      skip_next = 0;
      continue;
    }
    char **slot = want_anchor ? &anchor : want_tip ? tip : &url;
    want_anchor = want_tip = 0;
    if (!*slot && (*slot = malloc(n + 2))) {
      memcpy(*slot, start, n);
      (*slot)[n] = 0;
    }
  }
  if (anchor && !url && (url = malloc(strlen(anchor) + 2))) {
    url[0] = '#';
    strcpy(url + 1, anchor);
  }
  free(anchor);
  if (url && !*url) {
    free(url);
    url = NULL;
  }
  return url;
}

static void S_field_char(S_body *b, docpipe_node *parent, xmlNodePtr k, S_inl *st) {
  char *type = docx_r_attr(k, "fldCharType");
  if (!type) return;
  if (strcmp(type, "begin") == 0) {
    if (++st->fld_depth == 1) {
      st->fld_phase = 1;
      docpipe_buf_reset(&st->fld_instr);
    }
  } else if (strcmp(type, "separate") == 0 && st->fld_depth == 1 && st->fld_phase == 1) {
    st->fld_phase = 2;
    char *tip = NULL;
    char *url = st->fld_instr.data ? S_field_link(st->fld_instr.data, &tip) : NULL;
    int in_link = 0; /* no link inside a link (a field inside w:hyperlink) */
    for (docpipe_node *a = parent; a && docpipe_node_is_inline(a); a = docpipe_node_parent(a))
      if (docpipe_node_type_of(a) == DOCPIPE_NODE_LINK) in_link = 1;
    if (url && !in_link && docpipe_utf8_valid(url, strlen(url))) {
      st->fld_link = docpipe_node_add(parent, DOCPIPE_NODE_LINK);
      if (!st->fld_link || docpipe_node_set_url(st->fld_link, url) < 0) S_oom(b);
      else if (tip && *tip && docpipe_utf8_valid(tip, strlen(tip))) docpipe_node_set_title(st->fld_link, tip);
    }
    free(url);
    free(tip);
  } else if (strcmp(type, "end") == 0 && st->fld_depth > 0) {
    if (--st->fld_depth == 0) {
      st->fld_phase = 0;
      st->fld_link = NULL;
    }
  }
  free(type);
}

static void S_run(S_body *b, docpipe_node *parent, xmlNodePtr r, S_inl *st) {
  xmlNodePtr rpr = docx_r_child(r, "rPr");
  const char *rstyle = docx_r_attr_ref(docx_r_child(rpr, "rStyle"), "val");
  int bold = -1, italic = -1, code = 0, soft = 0;
  if (rstyle) {
    docx_r_style_run(b->c, rstyle, &bold, &italic);
    code = strcmp(rstyle, "VerbatimChar") == 0 || strcmp(rstyle, "SourceText") == 0 ||
           strcmp(rstyle, "HTMLCode") == 0 || strcmp(rstyle, "InlineCode") == 0;
    soft = strcmp(rstyle, "SoftBreak") == 0;
  }
  int db = docx_r_onoff(rpr, "b"), di = docx_r_onoff(rpr, "i");
  if (db >= 0) bold = db;
  if (di >= 0) italic = di;
  bold = bold > 0;
  italic = italic > 0;
  if (soft) {
    if (!docpipe_node_add(parent, DOCPIPE_NODE_SOFT_BREAK)) S_oom(b);
    return;
  }
  docpipe_node *outer = parent;
  for (xmlNodePtr k = r->children; k && !b->rc; k = k->next) {
    if (k->type != XML_ELEMENT_NODE) continue;
    const char *nm = (const char *)k->name;
    parent = st->fld_link ? st->fld_link : outer;
    if (strcmp(nm, "fldChar") == 0) {
      S_field_char(b, outer, k, st);
      continue;
    }
    if (strcmp(nm, "instrText") == 0) {
      if (st->fld_depth == 1 && st->fld_phase == 1 && st->fld_instr.len < 4096)
        for (xmlNodePtr t = k->children; t; t = t->next)
          if (t->type == XML_TEXT_NODE && t->content) docpipe_buf_puts(&st->fld_instr, (const char *)t->content);
      continue;
    }
    if (st->fld_phase == 1) continue; /* a field's instruction is not text */
    if (strcmp(nm, "AlternateContent") == 0) {
      /* mc:AlternateContent: the first choice's drawing (Word 2010+ pictures) */
      xmlNodePtr choice = docx_r_child(k, "Choice");
      xmlNodePtr dr = docx_r_child(choice, "drawing");
      if (dr) S_image(b, parent, dr, st);
      continue;
    }
    if (strcmp(nm, "t") == 0) {
      for (xmlNodePtr t = k->children; t; t = t->next) {
        if ((t->type != XML_TEXT_NODE && t->type != XML_CDATA_SECTION_NODE) || !t->content) continue;
        const char *s = (const char *)t->content;
        if (!*s) continue;
        st->texts++;
        if (code) S_code(b, S_target(b, parent, bold, italic), s);
        else S_text(b, S_target(b, parent, bold, italic), s, strlen(s));
      }
    } else if (strcmp(nm, "tab") == 0 || strcmp(nm, "ptab") == 0) {
      st->texts++;
      S_text(b, S_target(b, parent, bold, italic), "\t", 1);
    } else if (strcmp(nm, "br") == 0 || strcmp(nm, "cr") == 0) {
      char *type = docx_r_attr(k, "type");
      int page = type && strcmp(type, "textWrapping") != 0;
      free(type);
      if (!page && !docpipe_node_add(S_target(b, parent, bold, italic), DOCPIPE_NODE_LINE_BREAK))
        S_oom(b);
    } else if (strcmp(nm, "noBreakHyphen") == 0) {
      S_text(b, S_target(b, parent, bold, italic), "\xe2\x80\x91", 3);
    } else if (strcmp(nm, "drawing") == 0) {
      S_image(b, parent, k, st);
    } else if (strcmp(nm, "pict") == 0) {
      xmlNodePtr rect = docx_r_child(k, "rect");
      char *hr = rect ? docx_r_attr(rect, "hr") : NULL;
      if (hr && (strcmp(hr, "t") == 0 || strcmp(hr, "true") == 0)) st->rules++;
      free(hr);
    }
  }
}

/* A DOCX hyperlink holds runs, and each run carries its own bold: "**Read
 * this: [story](u)**" is written as a bold run, then a link of a bold run,
 * and reads back as strong, then link(strong).  When the link's text is
 * all of one such emphasis and the node before it is the same emphasis,
 * the link goes inside that one, as the runs before and after it do
 * (S_target), and the round trip gives the tree it was given. */
static void S_link_into_emphasis(docpipe_node *link) {
  docpipe_node *prev = docpipe_node_prev(link), *only = docpipe_node_first_child(link);
  if (!prev || !only || docpipe_node_next(only)) return;
  docpipe_node_type t = docpipe_node_type_of(only);
  if ((t != DOCPIPE_NODE_STRONG && t != DOCPIPE_NODE_EMPH) || docpipe_node_type_of(prev) != t) return;
  /* (appending moves a node; a refusal changes nothing, and the tree stays
   * as read) */
  for (docpipe_node *k; (k = docpipe_node_first_child(only)) != NULL;)
    if (docpipe_node_append_child(link, k) != 0) return;
  docpipe_node_free(only);
  docpipe_node_append_child(prev, link);
}

/* A hyperlink whose first run has the ImageLink style (docpipe's unembedded image). */
static int S_image_link(xmlNodePtr link) {
  xmlNodePtr r = docx_r_child(link, "r");
  const char *style = docx_r_attr_ref(docx_r_child(docx_r_child(r, "rPr"), "rStyle"), "val");
  return style && strcmp(style, "ImageLink") == 0;
}

static void S_inlines(S_body *b, docpipe_node *parent, xmlNodePtr x, S_inl *st, int depth) {
  if (depth > DOCX_R_MAX_WALK) return;
  for (xmlNodePtr k = x->children; k && !b->rc; k = k->next) {
    if (k->type != XML_ELEMENT_NODE) continue;
    const char *nm = (const char *)k->name;
    if (strcmp(nm, "r") == 0) {
      S_run(b, parent, k, st);
    } else if (strcmp(nm, "hyperlink") == 0) {
      char *rid = docx_r_attr(k, "id");
      char *anchor = docx_r_attr(k, "anchor");
      char *tip = docx_r_attr(k, "tooltip");
      const docx_r_rel *rel = docx_r_rel_find(b->c, rid);
      char *url = NULL;
      if (rel && rel->target) url = strdup(rel->target);
      else if (anchor && *anchor && (url = malloc(strlen(anchor) + 2)))
        url[0] = '#', strcpy(url + 1, anchor);
      if (url && st->figure_mode && st->figure && !*docpipe_node_url(st->figure)) {
        /* docpipe's figure without an embedded image: the link is the image source,
         * its text the alt text (or the url itself when there was no alt). */
        docpipe_node *tmp = docpipe_node_new(DOCPIPE_NODE_PARAGRAPH);
        S_inl sub = {0};
        if (tmp) S_inlines(b, tmp, k, &sub, depth + 1);
        docpipe_buf_free(&sub.fld_instr);
        char *alt = tmp ? docpipe_node_text_content(tmp) : NULL;
        docpipe_node_set_url(st->figure, url);
        if (alt && strcmp(alt, url) != 0) docpipe_node_set_alt(st->figure, alt);
        st->drawings++;
        docpipe_free(alt);
        docpipe_node_free(tmp);
      } else if (url && S_image_link(k)) {
        /* docpipe's image that was not embedded: a link styled ImageLink whose text is
         * the alt text (or the url itself when there was none) */
        docpipe_node *img = docpipe_node_add(parent, DOCPIPE_NODE_IMAGE);
        if (!img || docpipe_node_set_url(img, url) < 0) S_oom(b);
        else {
          if (tip && *tip) docpipe_node_set_title(img, tip);
          S_inlines(b, img, k, st, depth + 1);
          char *alt = docpipe_node_text_content(img);
          docpipe_node *only = docpipe_node_first_child(img);
          if (alt && strcmp(alt, url) == 0 && only && !docpipe_node_next(only) &&
              docpipe_node_type_of(only) == DOCPIPE_NODE_TEXT)
            docpipe_node_free(only);
          docpipe_free(alt);
        }
      } else if (url) {
        docpipe_node *link = docpipe_node_add(parent, DOCPIPE_NODE_LINK);
        if (!link || docpipe_node_set_url(link, url) < 0) S_oom(b);
        else {
          if (tip && *tip) docpipe_node_set_title(link, tip);
          S_inlines(b, link, k, st, depth + 1);
          S_link_into_emphasis(link);
        }
      } else {
        S_inlines(b, parent, k, st, depth + 1);
      }
      free(url);
      free(rid);
      free(anchor);
      free(tip);
    } else if (strcmp(nm, "ins") == 0 || strcmp(nm, "smartTag") == 0 ||
               strcmp(nm, "customXml") == 0 || strcmp(nm, "fldSimple") == 0 ||
               strcmp(nm, "sdtContent") == 0 || strcmp(nm, "dir") == 0 ||
               strcmp(nm, "bdo") == 0 || strcmp(nm, "moveTo") == 0) {
      S_inlines(b, parent, k, st, depth + 1);
    } else if (strcmp(nm, "sdt") == 0) {
      xmlNodePtr content = docx_r_child(k, "sdtContent");
      if (content) S_inlines(b, parent, content, st, depth + 1);
    }
  }
}

/* Plain text of a paragraph, for code blocks: text, tabs, breaks as "\n". */
static void S_plain(xmlNodePtr x, docpipe_buf *buf, int depth) {
  if (depth > DOCX_R_MAX_WALK) return;
  for (xmlNodePtr k = x->children; k; k = k->next) {
    if (k->type != XML_ELEMENT_NODE) continue;
    const char *nm = (const char *)k->name;
    if (strcmp(nm, "t") == 0) {
      for (xmlNodePtr t = k->children; t; t = t->next)
        if ((t->type == XML_TEXT_NODE || t->type == XML_CDATA_SECTION_NODE) && t->content)
          docpipe_buf_puts(buf, (const char *)t->content);
    } else if (strcmp(nm, "tab") == 0) {
      docpipe_buf_puts(buf, "\t");
    } else if (strcmp(nm, "br") == 0 || strcmp(nm, "cr") == 0) {
      docpipe_buf_puts(buf, "\n");
    } else if (strcmp(nm, "pPr") == 0 || strcmp(nm, "rPr") == 0 || strcmp(nm, "del") == 0 ||
               strcmp(nm, "instrText") == 0) {
      continue;
    } else {
      S_plain(k, buf, depth + 1);
    }
  }
}

/* ---- blocks ----------------------------------------------------------------------- */

static void S_close_lists(S_body *b) { b->nlists = 0; }

static docpipe_node *S_add_block(S_body *b, docpipe_node_type type) {
  docpipe_node *n = docpipe_node_add(b->root, type);
  if (!n) S_oom(b);
  else b->content = 1;
  return n;
}

/* The item a list paragraph goes into, opening and closing lists by level and numId. */
static docpipe_node *S_list_item(S_body *b, int num_id, int ilvl) {
  if (ilvl < 0) ilvl = 0;
  if (ilvl > S_MAX_LISTS - 1) ilvl = S_MAX_LISTS - 1;
  /* the open lists must still end the document body */
  if (b->nlists && !S_is_block_end(b->lists[0].list, b->root)) b->nlists = 0;
  while (b->nlists && b->lists[b->nlists - 1].ilvl > ilvl) b->nlists--;
  if (b->nlists && b->lists[b->nlists - 1].ilvl == ilvl && b->lists[b->nlists - 1].num_id != num_id)
    b->nlists--;
  if (!b->nlists || b->lists[b->nlists - 1].ilvl < ilvl) {
    docpipe_node *parent = b->root;
    if (b->nlists) {
      parent = b->lists[b->nlists - 1].item;
      if (!parent) parent = b->lists[b->nlists - 1].item =
                        docpipe_node_add(b->lists[b->nlists - 1].list, DOCPIPE_NODE_ITEM);
      if (!parent) return S_oom(b), NULL;
    }
    docpipe_node *list = docpipe_node_add(parent, DOCPIPE_NODE_LIST);
    if (!list) return S_oom(b), NULL;
    b->content = 1;
    int start = 1;
    int ordered = docx_r_num_ordered(b->c, num_id, ilvl, &start);
    docpipe_node_set_list_type(list, ordered ? DOCPIPE_LIST_ORDERED : DOCPIPE_LIST_BULLET);
    if (ordered) docpipe_node_set_list_start(list, start);
    docpipe_node_set_list_tight(list, 1);
    b->lists[b->nlists].num_id = num_id;
    b->lists[b->nlists].ilvl = ilvl;
    b->lists[b->nlists].list = list;
    b->lists[b->nlists].item = NULL;
    b->nlists++;
  }
  docpipe_node *item = docpipe_node_add(b->lists[b->nlists - 1].list, DOCPIPE_NODE_ITEM);
  if (!item) return S_oom(b), NULL;
  b->lists[b->nlists - 1].item = item;
  return item;
}

static char *S_para_text(xmlNodePtr p) {
  docpipe_buf buf = DOCPIPE_BUF_INIT;
  S_plain(p, &buf, 0);
  char *s = docpipe_buf_detach(&buf, NULL);
  if (!s) return NULL;
  size_t cn = 0;
  char *clean = docpipe_utf8_clean(s, strlen(s), &cn);
  docpipe_free(s);
  return clean;
}

/* A foreign document's header paragraph (Title, Author, ...) into missing metadata.
 * Returns 1 when the paragraph was consumed. */
static int S_foreign_header(S_body *b, xmlNodePtr p, const char *role) {
  docpipe_value *meta = docpipe_doc_meta(b->doc);
  const char *key = strcmp(role, "title") == 0      ? DOCPIPE_META_TITLE
                    : strcmp(role, "subtitle") == 0 ? DOCPIPE_META_SUBTITLE
                    : strcmp(role, "author") == 0   ? DOCPIPE_META_AUTHORS
                    : strcmp(role, "date") == 0     ? DOCPIPE_META_DATE_TEXT
                    : strcmp(role, "abstract") == 0 ? DOCPIPE_META_DESCRIPTION
                                                    : NULL;
  if (!key || b->content) return 0;
  char *text = S_para_text(p);
  if (!text) return S_oom(b), 1;
  /* trim */
  char *s = text;
  while (*s == ' ' || *s == '\t' || *s == '\n') s++;
  size_t n = strlen(s);
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n')) s[--n] = '\0';
  int used = 1;
  if (!*s) {
    used = 1;
  } else if (strcmp(key, DOCPIPE_META_AUTHORS) == 0) {
    docpipe_value *v = docpipe_value_get(meta, key);
    if (!v) {
      v = docpipe_value_new_list();
      if (!v || docpipe_value_set(meta, key, v) < 0) S_oom(b);
    }
    int dup = 0;
    for (size_t i = 0; i < docpipe_meta_list_count(meta, key); i++)
      if (strcmp(docpipe_meta_list_item(meta, key, i), s) == 0) dup = 1;
    if (!dup && docpipe_value_kind_of(v) == DOCPIPE_VALUE_LIST) docpipe_value_append_string(v, s);
  } else if (strcmp(key, DOCPIPE_META_DATE_TEXT) == 0) {
    /* The visible date is the article's; core.xml's "created" is often the file's. */
    if (docpipe_date_iso_valid(s)) docpipe_value_set_string(meta, DOCPIPE_META_DATE, s);
    else if (!docpipe_value_get(meta, key)) docpipe_value_set_string(meta, key, s);
  } else {
    const char *cur = docpipe_meta_string(meta, key);
    if (!docpipe_value_get(meta, key)) docpipe_value_set_string(meta, key, s);
    else if (!cur || strcmp(cur, s) != 0) used = 0; /* different: keep it as body text */
  }
  docpipe_free(text);
  return used;
}

static void S_para(S_body *b, xmlNodePtr p) {
  xmlNodePtr ppr = docx_r_child(p, "pPr");
  const char *style = docx_r_attr_ref(docx_r_child(ppr, "pStyle"), "val");
  const char *role = NULL;
  int level = docx_r_style_role(b->c, style, &role);
  int direct_ol = docx_r_child_val_int(ppr, "outlineLvl", -1);
  if (direct_ol >= 0 && direct_ol < 6) level = direct_ol + 1;
  else if (direct_ol >= 6 && direct_ol < 9) level = 6;
  xmlNodePtr numpr = docx_r_child(ppr, "numPr");
  int ilvl = 0;
  int num_id = numpr ? docx_r_child_val_int(numpr, "numId", 0) : docx_r_style_num(b->c, style, &ilvl);
  if (numpr) ilvl = docx_r_child_val_int(numpr, "ilvl", 0);
  if (level) role = NULL;

  /* docpipe's header: Title, Subtitle, Byline in that order, each optional */
  if (b->c->docpipe_meta && b->header < 3 && !b->content && role) {
    int stage = strcmp(role, "title") == 0 ? 1 : strcmp(role, "subtitle") == 0 ? 2
                : strcmp(role, "byline") == 0 ? 3 : 0;
    if (stage > b->header) {
      b->header = stage;
      return;
    }
  }
  b->header = 3;
  if (!b->c->docpipe_meta && role && S_foreign_header(b, p, role)) return;

  if (role && strcmp(role, "code") == 0) {
    S_close_lists(b);
    docpipe_buf buf = DOCPIPE_BUF_INIT;
    S_plain(p, &buf, 0);
    docpipe_buf_puts(&buf, "\n");
    char *lit = docpipe_buf_detach(&buf, NULL);
    if (!lit) {
      S_oom(b);
      return;
    }
    size_t cn = 0;
    char *clean = docpipe_utf8_clean(lit, strlen(lit), &cn);
    docpipe_free(lit);
    if (!clean) {
      S_oom(b);
      return;
    }
    if (!b->c->is_docpipe && b->code && S_is_block_end(b->code, b->root)) {
      /* one paragraph per line (LibreOffice "Preformatted Text") */
      const char *old = docpipe_node_literal(b->code);
      size_t a = strlen(old);
      char *j = malloc(a + cn + 1);
      if (!j) {
        docpipe_free(clean);
        S_oom(b);
        return;
      }
      memcpy(j, old, a);
      memcpy(j + a, clean, cn + 1);
      docpipe_node_set_literal(b->code, j);
      free(j);
    } else {
      b->code = S_add_block(b, DOCPIPE_NODE_CODE_BLOCK);
      if (b->code && docpipe_node_set_literal(b->code, clean) < 0) S_oom(b);
    }
    docpipe_free(clean);
    return;
  }

  S_inl st = {0};
  docpipe_node *node = NULL;
  docpipe_node *figure_cap = NULL;
  int in_list = 0;
  if (level) {
    S_close_lists(b);
    node = docpipe_node_new(DOCPIPE_NODE_HEADING);
    if (node) docpipe_node_set_heading_level(node, level);
  } else if (role && strcmp(role, "caption") == 0 && b->figure && S_is_block_end(b->figure, b->root) &&
             !docpipe_node_first_child(b->figure)) {
    figure_cap = b->figure;
  } else if (num_id > 0) {
    in_list = 1;
  } else if (role && (strcmp(role, "figure") == 0)) {
    st.figure_mode = 1;
  } else if (role && strcmp(role, "rule") == 0) {
    S_close_lists(b);
    S_add_block(b, DOCPIPE_NODE_THEMATIC_BREAK);
    return;
  }
  if (!level) {
    node = docpipe_node_new(DOCPIPE_NODE_PARAGRAPH);
  }
  if (!node) {
    S_oom(b);
    return;
  }
  if (figure_cap) {
    S_inlines(b, figure_cap, p, &st, 0);
    docpipe_buf_free(&st.fld_instr);
    docpipe_node_free(node);
    return;
  }
  docpipe_node *fig = NULL;
  if (st.figure_mode) {
    fig = docpipe_node_new(DOCPIPE_NODE_FIGURE);
    if (!fig) {
      docpipe_node_free(node);
      S_oom(b);
      return;
    }
    st.figure = fig;
  }
  S_inlines(b, node, p, &st, 0);
  docpipe_buf_free(&st.fld_instr);
  if (fig && !st.drawings && !b->rc) {
    /* docpipe's figure without any image source: the paragraph holds the alt text */
    char *alt = docpipe_node_text_content(node);
    if (alt && *alt && docpipe_node_set_alt(fig, alt) < 0) S_oom(b);
    docpipe_free(alt);
  }
  /* A foreign paragraph holding only a picture is a figure too. */
  if (!fig && !level && !in_list && st.drawings == 1 && st.texts == 0 && !b->rc) {
    docpipe_node *img = docpipe_node_first_child(node);
    while (img && docpipe_node_type_of(img) != DOCPIPE_NODE_IMAGE) img = docpipe_node_next(img);
    if (img) {
      fig = docpipe_node_new(DOCPIPE_NODE_FIGURE);
      char *alt = docpipe_node_text_content(img);
      if (fig) {
        docpipe_node_set_url(fig, docpipe_node_url(img));
        if (alt) docpipe_node_set_alt(fig, alt);
      }
      docpipe_free(alt);
    }
  }
  if (b->rc) {
    docpipe_node_free(node);
    docpipe_node_free(fig);
    return;
  }
  if (!fig && !level && st.rules && !st.texts && !st.drawings) {
    docpipe_node_free(node);
    S_close_lists(b);
    S_add_block(b, DOCPIPE_NODE_THEMATIC_BREAK);
    return;
  }
  if (fig) {
    docpipe_node_free(node);
    S_close_lists(b);
    if (docpipe_node_append_child(b->root, fig) < 0) {
      docpipe_node_free(fig);
      S_oom(b);
      return;
    }
    b->content = 1;
    b->figure = fig;
    return;
  }
  int empty = docpipe_node_first_child(node) == NULL;
  docpipe_node *parent = b->root;
  if (in_list) {
    if (empty) {
      /* an empty numbered paragraph still makes an item */
    }
    parent = S_list_item(b, num_id, ilvl);
  } else if (!level && role && strcmp(role, "list") == 0 && b->nlists &&
             S_is_block_end(b->lists[0].list, b->root) && b->lists[b->nlists - 1].item) {
    parent = b->lists[b->nlists - 1].item; /* a further paragraph of the item */
  } else if (!level && role && strcmp(role, "quote") == 0) {
    S_close_lists(b);
    if (empty) {
      docpipe_node_free(node);
      return;
    }
    if (!(b->quote && S_is_block_end(b->quote, b->root))) b->quote = S_add_block(b, DOCPIPE_NODE_BLOCK_QUOTE);
    parent = b->quote;
  } else {
    S_close_lists(b);
    if (empty) {
      docpipe_node_free(node);
      return;
    }
  }
  if (!parent || (empty && !in_list)) {
    docpipe_node_free(node);
    return;
  }
  if (empty) {
    docpipe_node_free(node);
    return;
  }
  if (docpipe_node_append_child(parent, node) < 0) {
    docpipe_node_free(node);
    S_oom(b);
    return;
  }
  b->content = 1;
}

/* ---- tables ----------------------------------------------------------------------- */

static void S_cell_content(S_body *b, docpipe_node *cell, xmlNodePtr x, int *paras, int depth) {
  if (depth > DOCX_R_MAX_WALK) return;
  for (xmlNodePtr k = x->children; k && !b->rc; k = k->next) {
    if (docx_r_is(k, "p")) {
      if (*paras && docpipe_node_first_child(cell))
        if (!docpipe_node_add(cell, DOCPIPE_NODE_LINE_BREAK)) S_oom(b);
      S_inl st = {0};
      docpipe_node *before = docpipe_node_last_child(cell);
      S_inlines(b, cell, k, &st, 0);
      docpipe_buf_free(&st.fld_instr);
      if (docpipe_node_last_child(cell) != before) (*paras)++;
      else if (before && docpipe_node_type_of(before) == DOCPIPE_NODE_LINE_BREAK && *paras) {
        /* an empty paragraph: take back its break */
        docpipe_node_free(before);
      }
    } else if (docx_r_is(k, "tbl") || docx_r_is(k, "tr") || docx_r_is(k, "tc") ||
               docx_r_is(k, "sdt") || docx_r_is(k, "sdtContent") || docx_r_is(k, "customXml")) {
      S_cell_content(b, cell, k, paras, depth + 1); /* nested tables flatten into the cell */
    }
  }
}

static docpipe_align S_align(xmlNodePtr tc) {
  xmlNodePtr p = docx_r_child(tc, "p");
  char *jc = docx_r_attr(docx_r_child(docx_r_child(p, "pPr"), "jc"), "val");
  docpipe_align a = DOCPIPE_ALIGN_NONE;
  if (jc) {
    if (strcmp(jc, "left") == 0 || strcmp(jc, "start") == 0) a = DOCPIPE_ALIGN_LEFT;
    else if (strcmp(jc, "center") == 0) a = DOCPIPE_ALIGN_CENTER;
    else if (strcmp(jc, "right") == 0 || strcmp(jc, "end") == 0) a = DOCPIPE_ALIGN_RIGHT;
  }
  free(jc);
  return a;
}

static void S_rows(S_body *b, docpipe_node *table, xmlNodePtr x, int depth) {
  if (depth > 4) return;
  for (xmlNodePtr tr = x->children; tr && !b->rc; tr = tr->next) {
    if (docx_r_is(tr, "sdt")) {
      xmlNodePtr content = docx_r_child(tr, "sdtContent");
      if (content) S_rows(b, table, content, depth + 1);
      continue;
    }
    if (!docx_r_is(tr, "tr")) continue;
    docpipe_node *row = docpipe_node_add(table, DOCPIPE_NODE_TABLE_ROW);
    if (!row) {
      S_oom(b);
      return;
    }
    if (docx_r_onoff(docx_r_child(tr, "trPr"), "tblHeader") > 0) docpipe_node_set_row_header(row, 1);
    for (xmlNodePtr tc = tr->children; tc && !b->rc; tc = tc->next) {
      xmlNodePtr cellx = tc;
      if (docx_r_is(tc, "sdt")) cellx = docx_r_child(docx_r_child(tc, "sdtContent"), "tc");
      if (!docx_r_is(cellx, "tc")) continue;
      docpipe_node *cell = docpipe_node_add(row, DOCPIPE_NODE_TABLE_CELL);
      if (!cell) {
        S_oom(b);
        return;
      }
      docpipe_align a = S_align(cellx);
      if (a) docpipe_node_set_cell_align(cell, a);
      xmlNodePtr vm = docx_r_child(docx_r_child(cellx, "tcPr"), "vMerge");
      char *vmv = vm ? docx_r_attr(vm, "val") : NULL;
      int cont = vm && (!vmv || strcmp(vmv, "restart") != 0);
      free(vmv);
      if (cont) continue; /* a merged continuation shows nothing */
      int paras = 0;
      S_cell_content(b, cell, cellx, &paras, 0);
    }
  }
}

static void S_table(S_body *b, xmlNodePtr tbl) {
  S_close_lists(b);
  docpipe_node *table = S_add_block(b, DOCPIPE_NODE_TABLE);
  if (!table) return;
  S_rows(b, table, tbl, 0);
  if (!docpipe_node_first_child(table)) docpipe_node_free(table);
}

static void S_blocks(S_body *b, xmlNodePtr x, int depth) {
  if (depth > DOCX_R_MAX_WALK) return;
  for (xmlNodePtr k = x->children; k && !b->rc; k = k->next) {
    if (k->type != XML_ELEMENT_NODE) continue;
    const char *nm = (const char *)k->name;
    if (strcmp(nm, "p") == 0) S_para(b, k);
    else if (strcmp(nm, "tbl") == 0) S_table(b, k);
    else if (strcmp(nm, "sdt") == 0) {
      xmlNodePtr content = docx_r_child(k, "sdtContent");
      if (content) S_blocks(b, content, depth + 1);
    } else if (strcmp(nm, "customXml") == 0 || strcmp(nm, "ins") == 0 ||
               strcmp(nm, "moveTo") == 0 || strcmp(nm, "altChunk") == 0) {
      S_blocks(b, k, depth + 1);
    }
  }
}

int docx_r_body(docx_r_ctx *c, docpipe_doc *doc) {
  xmlDocPtr d = NULL;
  int rc = docx_r_xml_part(c, c->main_part, &d);
  if (rc < 0) return rc;
  if (!d)
    return docpipe_error_set(c->err, DOCPIPE_EPARSE, "docx: the package has no %s", c->main_part);
  xmlNodePtr root = xmlDocGetRootElement(d);
  xmlNodePtr body = docx_r_child(root, "body");
  if (!docx_r_is(root, "document") || !body) {
    xmlFreeDoc(d);
    return docpipe_error_set(c->err, DOCPIPE_EPARSE, "docx: %s is not a WordprocessingML document",
                             c->main_part);
  }
  S_body b;
  memset(&b, 0, sizeof b);
  b.c = c;
  b.doc = doc;
  b.root = docpipe_doc_root(doc);
  S_blocks(&b, body, 0);
  xmlFreeDoc(d);
  return b.rc;
}
