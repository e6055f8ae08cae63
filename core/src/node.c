/* Nodes: creation, containment rules, tree editing and attributes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "node.h"

static const char *const S_names[] = {
    [DOCPIPE_NODE_NONE] = "none",
    [DOCPIPE_NODE_DOCUMENT] = "document",
    [DOCPIPE_NODE_PARAGRAPH] = "paragraph",
    [DOCPIPE_NODE_HEADING] = "heading",
    [DOCPIPE_NODE_BLOCK_QUOTE] = "block_quote",
    [DOCPIPE_NODE_LIST] = "list",
    [DOCPIPE_NODE_ITEM] = "item",
    [DOCPIPE_NODE_CODE_BLOCK] = "code_block",
    [DOCPIPE_NODE_THEMATIC_BREAK] = "thematic_break",
    [DOCPIPE_NODE_FIGURE] = "figure",
    [DOCPIPE_NODE_TABLE] = "table",
    [DOCPIPE_NODE_TABLE_ROW] = "table_row",
    [DOCPIPE_NODE_TABLE_CELL] = "table_cell",
    [DOCPIPE_NODE_TEXT] = "text",
    [DOCPIPE_NODE_SOFT_BREAK] = "soft_break",
    [DOCPIPE_NODE_LINE_BREAK] = "line_break",
    [DOCPIPE_NODE_CODE] = "code",
    [DOCPIPE_NODE_EMPH] = "emph",
    [DOCPIPE_NODE_STRONG] = "strong",
    [DOCPIPE_NODE_LINK] = "link",
    [DOCPIPE_NODE_IMAGE] = "image",
};
#define S_NAME_COUNT (sizeof S_names / sizeof S_names[0])

static int S_known(docpipe_node_type t) {
  return t > DOCPIPE_NODE_NONE && (size_t)t < S_NAME_COUNT && S_names[t] != NULL;
}

const char *docpipe_node_type_name(docpipe_node_type type) {
  return S_known(type) ? S_names[type] : "none";
}

docpipe_node_type docpipe_node_type_from_name(const char *name) {
  if (!name) return DOCPIPE_NODE_NONE;
  for (size_t i = 1; i < S_NAME_COUNT; i++)
    if (S_names[i] && strcmp(S_names[i], name) == 0) return (docpipe_node_type)i;
  return DOCPIPE_NODE_NONE;
}

static int S_type_is_block(docpipe_node_type t) {
  return t >= DOCPIPE_NODE_DOCUMENT && t <= DOCPIPE_NODE_TABLE_CELL;
}
static int S_type_is_inline(docpipe_node_type t) {
  return t >= DOCPIPE_NODE_TEXT && t <= DOCPIPE_NODE_IMAGE;
}
static int S_type_is_leaf(docpipe_node_type t) {
  switch (t) {
  case DOCPIPE_NODE_TEXT:
  case DOCPIPE_NODE_SOFT_BREAK:
  case DOCPIPE_NODE_LINE_BREAK:
  case DOCPIPE_NODE_CODE:
  case DOCPIPE_NODE_CODE_BLOCK:
  case DOCPIPE_NODE_THEMATIC_BREAK:
    return 1;
  default:
    return 0;
  }
}

int docpipe_node_is_block(const docpipe_node *n) { return n && S_type_is_block(n->type); }
int docpipe_node_is_inline(const docpipe_node *n) { return n && S_type_is_inline(n->type); }
int docpipe_node_is_leaf(const docpipe_node *n) { return n && S_type_is_leaf(n->type); }

int docpipe_node_can_contain(docpipe_node_type parent, docpipe_node_type child) {
  if (!S_known(parent) || !S_known(child) || child == DOCPIPE_NODE_DOCUMENT) return 0;
  switch (parent) {
  case DOCPIPE_NODE_DOCUMENT:
  case DOCPIPE_NODE_BLOCK_QUOTE:
  case DOCPIPE_NODE_ITEM:
    return S_type_is_block(child) && child != DOCPIPE_NODE_ITEM &&
           child != DOCPIPE_NODE_TABLE_ROW && child != DOCPIPE_NODE_TABLE_CELL;
  case DOCPIPE_NODE_LIST:
    return child == DOCPIPE_NODE_ITEM;
  case DOCPIPE_NODE_TABLE:
    return child == DOCPIPE_NODE_TABLE_ROW;
  case DOCPIPE_NODE_TABLE_ROW:
    return child == DOCPIPE_NODE_TABLE_CELL;
  case DOCPIPE_NODE_PARAGRAPH:
  case DOCPIPE_NODE_HEADING:
  case DOCPIPE_NODE_TABLE_CELL:
  case DOCPIPE_NODE_FIGURE:
  case DOCPIPE_NODE_EMPH:
  case DOCPIPE_NODE_STRONG:
  case DOCPIPE_NODE_LINK:
  case DOCPIPE_NODE_IMAGE:
    return S_type_is_inline(child);
  default:
    return 0;
  }
}

docpipe_node *docpipe_node_new(docpipe_node_type type) {
  if (!S_known(type)) return NULL;
  docpipe_node *n = calloc(1, sizeof *n);
  if (!n) return NULL;
  n->type = type;
  if (type == DOCPIPE_NODE_HEADING) n->level = 1;
  if (type == DOCPIPE_NODE_LIST) {
    n->list_type = DOCPIPE_LIST_BULLET;
    n->list_start = 1;
  }
  return n;
}

/* A text node made by docpipe_node_append_text keeps its first text in
 * the same allocation as the node: one malloc and one free fewer for
 * most text nodes.  Such a literal is never freed or realloc'd alone. */
static int S_literal_inline(const docpipe_node *n) { return n->literal_inline; }

static void S_drop_literal(docpipe_node *n) {
  if (!n->literal_inline) docpipe_free(n->literal);
  n->literal = NULL;
  n->literal_inline = 0;
}

static int S_has_literal(const docpipe_node *n);
static int S_has_url(const docpipe_node *n);

/* The string members are in a union (node.h): only the type's own are
 * freed. */
static void S_free_fields(docpipe_node *n) {
  if (S_has_literal(n)) {
    S_drop_literal(n);
    if (n->type == DOCPIPE_NODE_CODE_BLOCK) docpipe_free(n->info);
  } else if (S_has_url(n)) {
    docpipe_free(n->url);
    docpipe_free(n->title);
    docpipe_free(n->alt);
  }
  free(n);
}

void docpipe_node_free(docpipe_node *node) {
  if (!node) return;
  docpipe_node_unlink(node);
  /* Iterative, so a 100,000-deep tree cannot overflow the stack: each
   * node's children are spliced into the chain of nodes still to free. */
  docpipe_node *cur = node;
  while (cur) {
    if (cur->first) {
      cur->last->next = cur->next;
      cur->next = cur->first;
    }
    docpipe_node *next = cur->next;
    S_free_fields(cur);
    cur = next;
  }
}

docpipe_node_type docpipe_node_type_of(const docpipe_node *n) {
  return n ? n->type : DOCPIPE_NODE_NONE;
}
docpipe_node *docpipe_node_parent(const docpipe_node *n) { return n ? n->parent : NULL; }
docpipe_node *docpipe_node_first_child(const docpipe_node *n) { return n ? n->first : NULL; }
docpipe_node *docpipe_node_last_child(const docpipe_node *n) { return n ? n->last : NULL; }
docpipe_node *docpipe_node_next(const docpipe_node *n) { return n ? n->next : NULL; }
docpipe_node *docpipe_node_prev(const docpipe_node *n) { return n ? n->prev : NULL; }

void docpipe_node_unlink(docpipe_node *n) {
  if (!n) return;
  if (n->prev) n->prev->next = n->next;
  if (n->next) n->next->prev = n->prev;
  if (n->parent) {
    if (n->parent->first == n) n->parent->first = n->next;
    if (n->parent->last == n) n->parent->last = n->prev;
  }
  n->parent = n->prev = n->next = NULL;
}

/* May `child` go under `parent`?  Containment table, no documents as
 * children, and no cycles (child must not be an ancestor of parent). */
static int S_may_insert(const docpipe_node *parent, const docpipe_node *child) {
  if (!parent || !child || !docpipe_node_can_contain(parent->type, child->type)) return 0;
  if (child == parent) return 0;
  /* Only a node with children can be an ancestor of `parent`; skipping
   * the walk for childless nodes keeps building deep trees linear. */
  if (child->first)
    for (const docpipe_node *a = parent; a; a = a->parent)
      if (a == child) return 0;
  return 1;
}

int docpipe_node_append_child(docpipe_node *parent, docpipe_node *child) {
  if (!S_may_insert(parent, child)) return DOCPIPE_EINVAL;
  docpipe_node_unlink(child);
  child->parent = parent;
  child->prev = parent->last;
  if (parent->last) parent->last->next = child;
  else parent->first = child;
  parent->last = child;
  return 0;
}

int docpipe_node_prepend_child(docpipe_node *parent, docpipe_node *child) {
  if (!S_may_insert(parent, child)) return DOCPIPE_EINVAL;
  docpipe_node_unlink(child);
  child->parent = parent;
  child->next = parent->first;
  if (parent->first) parent->first->prev = child;
  else parent->last = child;
  parent->first = child;
  return 0;
}

int docpipe_node_insert_before(docpipe_node *sibling, docpipe_node *node) {
  if (!sibling || sibling == node || !S_may_insert(sibling->parent, node)) return DOCPIPE_EINVAL;
  docpipe_node_unlink(node);
  docpipe_node *parent = sibling->parent;
  node->parent = parent;
  node->next = sibling;
  node->prev = sibling->prev;
  if (sibling->prev) sibling->prev->next = node;
  else parent->first = node;
  sibling->prev = node;
  return 0;
}

int docpipe_node_insert_after(docpipe_node *sibling, docpipe_node *node) {
  if (!sibling || sibling == node || !S_may_insert(sibling->parent, node)) return DOCPIPE_EINVAL;
  docpipe_node_unlink(node);
  docpipe_node *parent = sibling->parent;
  node->parent = parent;
  node->prev = sibling;
  node->next = sibling->next;
  if (sibling->next) sibling->next->prev = node;
  else parent->last = node;
  sibling->next = node;
  return 0;
}

/* ---- attributes ---- */

static int S_has_literal(const docpipe_node *n) {
  return n && (n->type == DOCPIPE_NODE_TEXT || n->type == DOCPIPE_NODE_CODE ||
               n->type == DOCPIPE_NODE_CODE_BLOCK);
}

/* An NFC copy of s into *copy (NULL for NULL or ""); the slot is left to
 * the caller, so a failure changes nothing. */
static int S_nfc_copy(const char *s, size_t len, char **copy, size_t *n) {
  *copy = NULL;
  *n = 0;
  if (!s || !len) return 0;
  int code = DOCPIPE_EINVAL;
  *copy = docpipe_utf8_nfc(s, len, n, &code);
  return *copy ? 0 : code;
}

/* Replaces *slot with an NFC copy of s (NULL or "" clears it). */
static int S_set_string(char **slot, const char *s, size_t len, size_t *out_len) {
  char *copy;
  size_t n;
  int rc = S_nfc_copy(s, len, &copy, &n);
  if (rc) return rc;
  docpipe_free(*slot);
  *slot = copy;
  if (out_len) *out_len = n;
  return 0;
}

const char *docpipe_node_literal(const docpipe_node *n) {
  return S_has_literal(n) ? (n->literal ? n->literal : "") : NULL;
}

int docpipe_node_set_literal_n(docpipe_node *n, const char *s, size_t len) {
  if (!S_has_literal(n)) return DOCPIPE_EINVAL;
  char *copy;
  size_t copy_len;
  int rc = S_nfc_copy(s, len, &copy, &copy_len);
  if (rc) return rc;
  S_drop_literal(n); /* not S_set_string: the text may share the node's allocation */
  n->literal = copy;
  n->literal_len = n->literal_cap = copy_len;
  return 0;
}

int docpipe_node_set_literal(docpipe_node *n, const char *s) {
  return docpipe_node_set_literal_n(n, s, s ? strlen(s) : 0);
}

int docpipe_node_heading_level(const docpipe_node *n) {
  return n && n->type == DOCPIPE_NODE_HEADING ? n->level : 0;
}
int docpipe_node_set_heading_level(docpipe_node *n, int level) {
  if (!n || n->type != DOCPIPE_NODE_HEADING || level < 1 || level > 6) return DOCPIPE_EINVAL;
  n->level = level;
  return 0;
}

docpipe_list_type docpipe_node_list_type(const docpipe_node *n) {
  return n && n->type == DOCPIPE_NODE_LIST ? n->list_type : 0;
}
int docpipe_node_set_list_type(docpipe_node *n, docpipe_list_type t) {
  if (!n || n->type != DOCPIPE_NODE_LIST || (t != DOCPIPE_LIST_BULLET && t != DOCPIPE_LIST_ORDERED))
    return DOCPIPE_EINVAL;
  n->list_type = t;
  return 0;
}
int docpipe_node_list_start(const docpipe_node *n) {
  return n && n->type == DOCPIPE_NODE_LIST ? n->list_start : 0;
}
int docpipe_node_set_list_start(docpipe_node *n, int start) {
  if (!n || n->type != DOCPIPE_NODE_LIST || start < 0) return DOCPIPE_EINVAL;
  n->list_start = start;
  return 0;
}
int docpipe_node_list_tight(const docpipe_node *n) {
  return n && n->type == DOCPIPE_NODE_LIST ? n->list_tight : 0;
}
int docpipe_node_set_list_tight(docpipe_node *n, int tight) {
  if (!n || n->type != DOCPIPE_NODE_LIST) return DOCPIPE_EINVAL;
  n->list_tight = !!tight;
  return 0;
}

const char *docpipe_node_info(const docpipe_node *n) {
  return n && n->type == DOCPIPE_NODE_CODE_BLOCK ? (n->info ? n->info : "") : NULL;
}
int docpipe_node_set_info(docpipe_node *n, const char *s) {
  if (!n || n->type != DOCPIPE_NODE_CODE_BLOCK) return DOCPIPE_EINVAL;
  return S_set_string(&n->info, s, s ? strlen(s) : 0, NULL);
}

static int S_has_url(const docpipe_node *n) {
  return n && (n->type == DOCPIPE_NODE_LINK || n->type == DOCPIPE_NODE_IMAGE ||
               n->type == DOCPIPE_NODE_FIGURE);
}
static int S_has_title(const docpipe_node *n) {
  return n && (n->type == DOCPIPE_NODE_LINK || n->type == DOCPIPE_NODE_IMAGE);
}

const char *docpipe_node_url(const docpipe_node *n) {
  return S_has_url(n) ? (n->url ? n->url : "") : NULL;
}
int docpipe_node_set_url(docpipe_node *n, const char *s) {
  if (!S_has_url(n)) return DOCPIPE_EINVAL;
  return S_set_string(&n->url, s, s ? strlen(s) : 0, NULL);
}
const char *docpipe_node_title(const docpipe_node *n) {
  return S_has_title(n) ? (n->title ? n->title : "") : NULL;
}
int docpipe_node_set_title(docpipe_node *n, const char *s) {
  if (!S_has_title(n)) return DOCPIPE_EINVAL;
  return S_set_string(&n->title, s, s ? strlen(s) : 0, NULL);
}
const char *docpipe_node_alt(const docpipe_node *n) {
  return n && n->type == DOCPIPE_NODE_FIGURE ? (n->alt ? n->alt : "") : NULL;
}
int docpipe_node_set_alt(docpipe_node *n, const char *s) {
  if (!n || n->type != DOCPIPE_NODE_FIGURE) return DOCPIPE_EINVAL;
  return S_set_string(&n->alt, s, s ? strlen(s) : 0, NULL);
}

int docpipe_node_row_header(const docpipe_node *n) {
  return n && n->type == DOCPIPE_NODE_TABLE_ROW ? n->row_header : 0;
}
int docpipe_node_set_row_header(docpipe_node *n, int header) {
  if (!n || n->type != DOCPIPE_NODE_TABLE_ROW) return DOCPIPE_EINVAL;
  n->row_header = !!header;
  return 0;
}
docpipe_align docpipe_node_cell_align(const docpipe_node *n) {
  return n && n->type == DOCPIPE_NODE_TABLE_CELL ? n->align : DOCPIPE_ALIGN_NONE;
}
int docpipe_node_set_cell_align(docpipe_node *n, docpipe_align a) {
  if (!n || n->type != DOCPIPE_NODE_TABLE_CELL || a < DOCPIPE_ALIGN_NONE || a > DOCPIPE_ALIGN_RIGHT)
    return DOCPIPE_EINVAL;
  n->align = a;
  return 0;
}

/* ---- building helpers ---- */

docpipe_node *docpipe_node_add(docpipe_node *parent, docpipe_node_type type) {
  if (!parent || !docpipe_node_can_contain(parent->type, type)) return NULL;
  docpipe_node *n = docpipe_node_new(type);
  if (n && docpipe_node_append_child(parent, n)) {
    docpipe_node_free(n);
    return NULL;
  }
  return n;
}

int docpipe_node_append_text(docpipe_node *parent, const char *s, size_t len) {
  if (!parent || !docpipe_node_can_contain(parent->type, DOCPIPE_NODE_TEXT)) return DOCPIPE_EINVAL;
  if (!s || !len) return 0;
  /* No separate validity check: docpipe_utf8_nfc below refuses invalid
   * UTF-8 and NUL in the same pass as its NFC quick check. */
  docpipe_node *last = parent->last;
  if (!last || last->type != DOCPIPE_NODE_TEXT) {
    int scan = docpipe__utf8_scan(s, len);
    if (scan < 0) return DOCPIPE_EINVAL;
    if (scan == 1 && len < SIZE_MAX - sizeof(docpipe_node) - 32) {
      /* Already NFC: node and text in one allocation, rounded up to the
       * end of malloc's 16-byte granule (after its 8-byte header): those
       * bytes cost nothing, and the space a reader appends before the
       * next inline element ("word <b>bold</b>") fits there instead of
       * moving the text to a second allocation (a sixth of the document
       * of a page of dense markup). */
      size_t size = ((sizeof(docpipe_node) + len + 1 + 8 + 15) & ~(size_t)15) - 8;
      docpipe_node *t = calloc(1, size);
      if (!t) return DOCPIPE_ENOMEM;
      t->type = DOCPIPE_NODE_TEXT;
      t->literal = (char *)(t + 1);
      t->literal_inline = 1;
      memcpy(t->literal, s, len);
      t->literal_len = len;
      t->literal_cap = size - sizeof *t - 1;
      docpipe_node_append_child(parent, t); /* allowed: checked above */
      return 0;
    }
    docpipe_node *t = docpipe_node_new(DOCPIPE_NODE_TEXT);
    if (!t) return DOCPIPE_ENOMEM;
    int rc = docpipe_node_set_literal_n(t, s, len);
    if (rc == 0) rc = docpipe_node_append_child(parent, t);
    if (rc) docpipe_node_free(t);
    return rc;
  }
  /* Appending to an existing text node, with amortised growth.  The
   * piece is normalised alone; a piece that starts with a non-ASCII byte
   * may combine with the text before it, so then the joined text is
   * normalised again. */
  size_t n = 0;
  int code = 0;
  char *piece = docpipe_utf8_nfc(s, len, &n, &code);
  if (!piece) return code;
  size_t need = last->literal_len + n;
  if (!last->literal || need > last->literal_cap) {
    size_t cap = last->literal_cap ? last->literal_cap : 32;
    while (cap < need) cap *= 2;
    char *p = S_literal_inline(last) ? malloc(cap + 1) : realloc(last->literal, cap + 1);
    if (!p) {
      docpipe_free(piece);
      return DOCPIPE_ENOMEM;
    }
    if (S_literal_inline(last)) memcpy(p, last->literal, last->literal_len);
    last->literal = p;
    last->literal_inline = 0;
    last->literal_cap = cap;
  }
  memcpy(last->literal + last->literal_len, piece, n);
  last->literal_len += n;
  last->literal[last->literal_len] = '\0';
  docpipe_free(piece);
  if ((unsigned char)s[0] >= 0x80) {
    char *nfc = docpipe_utf8_nfc(last->literal, last->literal_len, &n, &code);
    if (!nfc) return code;
    S_drop_literal(last);
    last->literal = nfc;
    last->literal_len = last->literal_cap = n;
  }
  return 0;
}
