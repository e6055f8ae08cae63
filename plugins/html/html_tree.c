/* The page's tree from libxml2's HTML parser's SAX events (see
 * html_tree.h for why not its DOM).  The events arrive as libxml2's own
 * tree builder (SAX2.c) receives them, and the tree comes out as it
 * would: adjacent text is one node, script and style text is a CDATA
 * node, comments stay.  Three things are left out as they are parsed,
 * because each would cost a node for nothing the reader keeps (see
 * S_start, S_end, S_characters). */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

#include "html_reader.h"

typedef struct {
  html_tree *tree;
  html_node *cur;       /* the open element; NULL at the top level */
  html_node *top_last;  /* the last top-level node */
  docpipe_buf pending;  /* characters not yet made into a node ... */
  unsigned char pending_type; /* ... of this type */
  html_node *grow;      /* the text node a long run is joining, */
  size_t grow_len, grow_cap; /* its length and room */
  size_t elements, max_elements;
  unsigned depth;       /* open elements */
  int stopped, nomem, has_dtd;
} S_builder;

/* Nodes are laid end to end in chunks; `live` counts those not freed,
 * and a chunk no longer filled (`open` 0) is freed with its last node. */
#define CHUNK_SIZE 65536

struct html_node_chunk {
  html_tree *tree;
  struct html_node_chunk *prev, *next;
  size_t used, size, live;
  int open;
  _Alignas(max_align_t) unsigned char data[];
};

static void S_chunk_free(struct html_node_chunk *c) {
  if (c->prev) c->prev->next = c->next;
  else c->tree->chunks = c->next;
  if (c->next) c->next->prev = c->prev;
  free(c);
}

static struct html_node_chunk *S_chunk_new(html_tree *t, size_t size) {
  struct html_node_chunk *c = malloc(sizeof *c + size);
  if (!c) return NULL;
  c->tree = t;
  c->prev = NULL;
  c->next = t->chunks;
  if (t->chunks) t->chunks->prev = c;
  t->chunks = c;
  c->used = 0;
  c->size = size;
  c->live = 0;
  c->open = 0;
  return c;
}

/* A node of `size` bytes from the tree's open chunk (the head), or from a
 * new one; a node too big to share a chunk gets one to itself. */
static html_node *S_alloc(html_tree *t, size_t size) {
  size = (size + _Alignof(html_node) - 1) & ~(_Alignof(html_node) - 1);
  struct html_node_chunk *c = t->chunks;
  if (!c || !c->open || c->size - c->used < size) {
    if (c && c->open) {
      c->open = 0;
      if (!c->live) S_chunk_free(c); /* what it held was dropped as parsed */
    }
    int own = size > CHUNK_SIZE / 4;
    c = S_chunk_new(t, own ? size : CHUNK_SIZE);
    if (!c) return NULL;
    c->open = !own;
  }
  html_node *n = (html_node *)(c->data + c->used);
  c->used += size;
  c->live++;
  memset(n, 0, sizeof *n);
  n->chunk = c;
  return n;
}

/* After the parse nothing is added: every chunk can go once empty. */
static void S_close_chunks(html_tree *t) {
  struct html_node_chunk *c = t->chunks;
  if (!c || !c->open) return;
  c->open = 0;
  if (!c->live) S_chunk_free(c);
}

static void S_release_node(html_node *n) {
  if (n->grown) free(n->content);
  struct html_node_chunk *c = n->chunk;
  if (!c) {
    free(n);
  } else if (--c->live == 0 && !c->open) {
    S_chunk_free(c);
  } else if (c->open && (unsigned char *)n + sizeof *n == c->data + c->used) {
    c->used -= sizeof *n; /* the element just parsed and dropped: its place is reused */
  }
}

static html_node *S_node(html_tree *t, unsigned char type, const char *text, size_t len) {
  html_node *n = S_alloc(t, sizeof *n + (text ? len + 1 : 0));
  if (!n) return NULL;
  n->type = type;
  if (text) {
    n->content = (xmlChar *)(n + 1);
    memcpy(n->content, text, len);
    n->content[len] = 0;
  }
  return n;
}

html_node *html_new_element(const char *name) {
  html_node *n = calloc(1, sizeof *n);
  if (!n) return NULL;
  n->type = XML_ELEMENT_NODE;
  n->name = (const xmlChar *)name;
  return n;
}

static int S_is_text(const html_node *n) {
  return n && (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE);
}

/* Appends to a text node's content: the first time in a new buffer, as
 * the node's own bytes cannot grow. */
static int S_concat(html_node *n, const xmlChar *s, size_t len) {
  size_t old = n->content ? strlen((const char *)n->content) : 0;
  xmlChar *c = n->grown ? realloc(n->content, old + len + 1) : malloc(old + len + 1);
  if (!c) return -1;
  if (!n->grown && old) memcpy(c, n->content, old);
  memcpy(c + old, s, len);
  c[old + len] = 0;
  n->content = c;
  n->grown = 1;
  return 0;
}

void html_unlink(html_node *n) {
  if (n->prev) n->prev->next = n->next;
  else if (n->parent) n->parent->children = n->next;
  if (n->next) n->next->prev = n->prev;
  else if (n->parent) n->parent->last = n->prev;
  n->parent = n->next = n->prev = NULL;
}

/* libxml2 merges text into text where it adds a node; so does this, so
 * that the tree after a move is the tree libxml2 would have. */
static html_node *S_merged(html_node *into, html_node *n) {
  if (!into || into->type != XML_TEXT_NODE || n->type != XML_TEXT_NODE) return NULL;
  if (S_concat(into, n->content, strlen((const char *)n->content)) < 0) return NULL;
  html_free_node(n);
  return into;
}

html_node *html_add_child(html_node *parent, html_node *n) {
  html_node *m = S_merged(parent->last, n);
  if (m) return m;
  n->parent = parent;
  n->prev = parent->last;
  n->next = NULL;
  if (parent->last) parent->last->next = n;
  else parent->children = n;
  parent->last = n;
  return n;
}

html_node *html_add_prev(html_node *at, html_node *n) {
  if (at->type == XML_TEXT_NODE && n->type == XML_TEXT_NODE) {
    /* into the text it goes before, in front */
    size_t a = strlen((const char *)n->content), b = strlen((const char *)at->content);
    xmlChar *c = malloc(a + b + 1);
    if (c) {
      memcpy(c, n->content, a);
      memcpy(c + a, at->content, b + 1);
      if (at->grown) free(at->content);
      at->content = c;
      at->grown = 1;
      html_free_node(n);
      return at;
    }
  }
  html_node *m = S_merged(at->prev, n);
  if (m) return m;
  n->parent = at->parent;
  n->next = at;
  n->prev = at->prev;
  if (at->prev) at->prev->next = n;
  else if (at->parent) at->parent->children = n;
  at->prev = n;
  return n;
}

void html_free_node(html_node *n) {
  /* iteratively: the tree may be deep */
  html_node *top = n;
  while (n) {
    if (n->children) {
      html_node *k = n->children;
      n->children = NULL;
      n = k;
      continue;
    }
    html_node *next = n == top ? NULL : n->next ? n->next : n->parent;
    S_release_node(n);
    n = next;
  }
}

int html_is_blank(const html_node *n) {
  if (!n || n->type != XML_TEXT_NODE || !n->content) return 0;
  for (const xmlChar *p = n->content; *p; p++)
    if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') return 0;
  return 1;
}

html_node *html_tree_root(const html_tree *tree) {
  for (html_node *n = tree->first; n; n = n->next)
    if (n->type == XML_ELEMENT_NODE) return n;
  return NULL;
}

void html_tree_free(html_tree *tree) {
  for (html_node *n = tree->first, *next; n; n = next) {
    next = n->next;
    html_free_node(n);
  }
  tree->first = NULL;
  /* nodes unlinked and never freed: their chunks go now */
  while (tree->chunks) {
    tree->chunks->open = 0;
    S_chunk_free(tree->chunks);
  }
  html_arena_free(&tree->attrs);
  if (tree->dict) xmlDictFree(tree->dict);
  tree->dict = NULL;
}

/* ------------------------------------------------------------------ */
/* Building                                                           */
/* ------------------------------------------------------------------ */

/* A node with no open element goes where libxml2 puts it: to the top
 * level, except an element in a page with no document type, which goes
 * into the first element (what follows an early </html>). */
static void S_place(S_builder *b, html_node *n) {
  if (b->cur) {
    html_add_child(b->cur, n);
    return;
  }
  html_node *first = b->tree->first;
  if (first && !b->has_dtd && first->type == XML_ELEMENT_NODE && n->type == XML_ELEMENT_NODE) {
    html_add_child(first, n);
    return;
  }
  if (b->top_last) {
    b->top_last->next = n;
    n->prev = b->top_last;
  } else {
    b->tree->first = n;
  }
  b->top_last = n;
}

static void S_fail(S_builder *b, xmlParserCtxtPtr ctxt) {
  b->nomem = 1;
  xmlStopParser(ctxt);
}

/* Appends to the text node a long run is building: its length is kept
 * and its room doubles, where S_concat would measure and copy it again
 * for every step. */
static int S_grow(S_builder *b, html_node *n, const char *s, size_t len) {
  if (b->grow != n) {
    b->grow = n;
    b->grow_len = strlen((const char *)n->content);
    b->grow_cap = 0; /* not yet its own buffer, or of unknown room */
  }
  size_t need = b->grow_len + len + 1;
  if (need > b->grow_cap) {
    size_t cap = b->grow_cap > need / 2 ? 2 * b->grow_cap : 2 * need;
    xmlChar *c = n->grown ? realloc(n->content, cap) : malloc(cap);
    if (!c) return -1;
    if (!n->grown) memcpy(c, n->content, b->grow_len);
    n->content = c;
    n->grown = 1;
    b->grow_cap = cap;
  }
  memcpy(n->content + b->grow_len, s, len);
  b->grow_len += len;
  n->content[b->grow_len] = 0;
  return 0;
}

/* The characters since the last other event become a node, or join the
 * text node they follow (a long run, or an empty element dropped between). */
static void S_flush(S_builder *b, xmlParserCtxtPtr ctxt) {
  if (!b->pending.len) return;
  const char *s = b->pending.data;
  size_t len = b->pending.len;
  b->pending.len = 0;
  if (!b->cur) return; /* text outside every element: libxml2 drops it too */
  html_node *last = b->cur ? b->cur->last : NULL;
  if (last && last->type == b->pending_type && S_is_text(last)) {
    if (S_grow(b, last, s, len) < 0) S_fail(b, ctxt);
    return;
  }
  html_node *n = S_node(b->tree, b->pending_type, s, len);
  if (!n) {
    S_fail(b, ctxt);
    return;
  }
  S_place(b, n);
}

static void S_pend(S_builder *b, xmlParserCtxtPtr ctxt, unsigned char type, const xmlChar *ch,
                   int len) {
  if (b->pending.len && b->pending_type != type) S_flush(b, ctxt);
  b->pending_type = type;
  if (docpipe_buf_append(&b->pending, ch, (size_t)len) != 0) S_fail(b, ctxt);
  /* a long run joins its node in steps rather than be held twice */
  if (b->pending.len >= 65536) S_flush(b, ctxt);
}

/* An element costs ~130 bytes (node and statistics) before its text and
 * attributes; markup made of little else (50 MB of <div></div><td></td>)
 * would take 20x the page, so the parse stops after max_elements. */
static void S_start(void *ctx, const xmlChar *name, const xmlChar **atts) {
  xmlParserCtxtPtr ctxt = ctx;
  S_builder *b = ctxt->_private;
  S_flush(b, ctxt);
  if (b->depth > HTML_TREE_MAX_DEPTH) {
    b->stopped = HTML_TREE_TOO_DEEP;
    xmlStopParser(ctxt);
    return;
  }
  html_node *n = S_node(b->tree, XML_ELEMENT_NODE, NULL, 0);
  if (!n) {
    S_fail(b, ctxt);
    return;
  }
  n->name = name; /* from the parser's dictionary (dictNames), kept with the tree */
  S_place(b, n);
  b->cur = n;
  b->depth++;
  if (html_attrs_pack(&b->tree->attrs, n, atts) < 0) S_fail(b, ctxt);
  if (++b->elements >= b->max_elements && !b->stopped) {
    b->stopped = HTML_TREE_TOO_MANY;
    xmlStopParser(ctxt);
  }
}

/* Empty formatting elements (<i></i>, <span></span>) carry nothing the
 * reader keeps, yet each costs a node and a statistics entry: 50 MB of
 * them took 1.7 GB in libxml2's DOM.  They are dropped as they close.
 * Ones with attributes stay (an icon's class, microdata). */
static void S_end(void *ctx, const xmlChar *name) {
  static const char *const formatting[] = {"b",    "i",  "em", "strong", "span", "font",
                                           "u",    "s",  "small", "big", "sub",  "sup",
                                           "mark", "tt", "strike", NULL};
  xmlParserCtxtPtr ctxt = ctx;
  S_builder *b = ctxt->_private;
  S_flush(b, ctxt);
  html_node *cur = b->cur;
  if (!cur) return;
  b->cur = cur->parent;
  b->depth--;
  if (cur->children || cur->content || !cur->parent || !xmlStrEqual(cur->name, name)) return;
  for (int i = 0; formatting[i]; i++)
    if (strcmp((const char *)name, formatting[i]) == 0) {
      html_unlink(cur);
      html_free_node(cur);
      if (b->elements) b->elements--;
      return;
    }
}

/* Whitespace between blocks (the indentation of pretty-printed markup,
 * the newline after each </p>) renders as nothing, yet each run would
 * be a node.  A run of only whitespace is dropped where it opens a block
 * or follows one; between inline elements ("<b>a</b> <i>b</i>") and in
 * <pre> it is kept. */
static void S_characters(void *ctx, const xmlChar *ch, int len) {
  xmlParserCtxtPtr ctxt = ctx;
  S_builder *b = ctxt->_private;
  html_node *parent = b->cur;
  int blank = parent && html_is_block(parent) && !html_is(parent, "pre") &&
              !html_is(parent, "textarea") &&
              !(b->pending.len && b->pending_type == XML_TEXT_NODE) &&
              (!parent->last || html_is_block(parent->last));
  for (int i = 0; blank && i < len; i++)
    blank = ch[i] == ' ' || ch[i] == '\n' || ch[i] == '\t' || ch[i] == '\r' || ch[i] == '\f';
  if (!blank) S_pend(b, ctxt, XML_TEXT_NODE, ch, len);
}

/* <script> and <style> text. */
static void S_cdata(void *ctx, const xmlChar *ch, int len) {
  xmlParserCtxtPtr ctxt = ctx;
  S_pend(ctxt->_private, ctxt, XML_CDATA_SECTION_NODE, ch, len);
}

static void S_comment(void *ctx, const xmlChar *text) {
  xmlParserCtxtPtr ctxt = ctx;
  S_builder *b = ctxt->_private;
  S_flush(b, ctxt);
  html_node *n = S_node(b->tree, XML_COMMENT_NODE, (const char *)text, strlen((const char *)text));
  if (!n) S_fail(b, ctxt);
  else S_place(b, n);
}

static void S_pi(void *ctx, const xmlChar *target, const xmlChar *data) {
  (void)target;
  xmlParserCtxtPtr ctxt = ctx;
  S_builder *b = ctxt->_private;
  S_flush(b, ctxt);
  const char *d = data ? (const char *)data : "";
  html_node *n = S_node(b->tree, XML_PI_NODE, d, strlen(d));
  if (!n) S_fail(b, ctxt);
  else S_place(b, n);
}

static void S_dtd(void *ctx, const xmlChar *name, const xmlChar *external_id,
                  const xmlChar *system_id) {
  (void)name, (void)external_id, (void)system_id;
  xmlParserCtxtPtr ctxt = ctx;
  ((S_builder *)ctxt->_private)->has_dtd = 1;
}

static void S_ignore(void *ctx, const xmlChar *ch, int len) { (void)ctx, (void)ch, (void)len; }
static void S_nothing(void *ctx) { (void)ctx; }

/* htmlReadMemory(..., "UTF-8", ...) would run the page through a UTF-8
 * -> UTF-8 "converter" into a second buffer grown by doubling.  The bytes
 * are UTF-8 already: declaring the charset without a converter parses
 * them as they are.  HTML_PARSE_IGNORE_ENC: whatever <meta> says. */
int html_tree_parse(html_tree *tree, const char *utf8, size_t len, size_t max_elements,
                    int *stopped) {
  memset(tree, 0, sizeof *tree);
  *stopped = 0;
  if (len > 0x7fffffff) return DOCPIPE_ELIMIT;
  htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(utf8, (int)len);
  if (!ctxt) return DOCPIPE_ENOMEM;
  S_builder b;
  memset(&b, 0, sizeof b);
  b.tree = tree;
  b.max_elements = max_elements;
  xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
  htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                               HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC);
  ctxt->dictNames = 1;
  ctxt->_private = &b;
  xmlSAXHandler *sax = ctxt->sax;
  memset(sax, 0, sizeof *sax);
  sax->initialized = 1;
  sax->startDocument = S_nothing;
  sax->endDocument = S_nothing;
  sax->internalSubset = S_dtd;
  sax->startElement = S_start;
  sax->endElement = S_end;
  sax->characters = S_characters;
  sax->ignorableWhitespace = S_ignore;
  sax->cdataBlock = S_cdata;
  sax->comment = S_comment;
  sax->processingInstruction = S_pi;
  htmlParseDocument(ctxt);
  S_flush(&b, ctxt);
  S_close_chunks(tree);
  docpipe_buf_free(&b.pending);
  tree->dict = ctxt->dict;
  xmlDictReference(tree->dict);
  htmlFreeParserCtxt(ctxt);
  *stopped = b.stopped;
  if (b.nomem) {
    html_tree_free(tree);
    return DOCPIPE_ENOMEM;
  }
  return 0;
}
