/* html_tree.h — the reader's own tree of the page.
 *
 * libxml2's HTML parser reads the page (its tokenizer, entities, implied
 * and auto-closed elements are what pages are written for), but its
 * SAX events build this tree, not libxml2's DOM.  An xmlNode is 120 bytes
 * and every text node also owns a separately allocated string; on dense
 * markup that DOM was nine times the page.  An html_node is 80 bytes,
 * a text node's characters follow it, and nodes are laid end to end in
 * 64 KB chunks in the order they are parsed: no allocation of their own,
 * and a chunk goes back to malloc whole once its nodes are freed.
 *
 * The fields keep libxml2's names and meaning (children, last, parent,
 * next, prev, name, content, type with libxml2's XML_*_NODE values,
 * _private for the reader's statistics), so the reader walks it as it
 * walked the DOM.  Elements' names are interned in the parser's
 * dictionary, kept alive with the tree; their attributes are packed in an
 * arena (html_attrs.c).  Nodes are freed one by one (html_free_node), so
 * the build can free what it has converted: it converts in document
 * order, so whole chunks fall free and the document model being built
 * reuses their memory; html_tree_free frees the rest.  Nothing here is
 * global. */
#ifndef DOCPIPE_PLUGIN_HTML_TREE_H
#define DOCPIPE_PLUGIN_HTML_TREE_H

#include <stddef.h>

#include <libxml/tree.h> /* xmlChar, the XML_*_NODE values */
#include <libxml/dict.h>

typedef struct html_node {
  struct html_node *parent, *children, *last, *next, *prev;
  const xmlChar *name; /* element: its lower-case name; NULL otherwise */
  /* text, comment, script/style text: NUL-terminated (inline after the
   * node unless it grew by a merge); element: its packed attributes, or
   * NULL (html_attrs.c) */
  xmlChar *content;
  void *_private;      /* element: the reader's html_stat */
  struct html_node_chunk *chunk; /* where the node lives; NULL: its own allocation */
  unsigned char type;  /* XML_ELEMENT_NODE, XML_TEXT_NODE, XML_COMMENT_NODE, XML_CDATA_SECTION_NODE */
  unsigned char grown; /* content is a separate allocation */
} html_node;

typedef struct html_arena {
  struct html_arena_chunk *head;
} html_arena;

typedef struct html_tree {
  html_node *first;  /* the top-level nodes: normally one <html> */
  xmlDictPtr dict;   /* element names */
  html_arena attrs;  /* attribute blocks */
  struct html_node_chunk *chunks; /* the nodes' memory (html_tree.c) */
} html_tree;

/* libxml2's own tree builder stops below this depth (without
 * XML_PARSE_HUGE), and so does this one: the reader's walks up a 100,000-
 * deep tree would take minutes. */
#define HTML_TREE_MAX_DEPTH 256
enum { HTML_TREE_TOO_MANY = 1, HTML_TREE_TOO_DEEP = 2 };

/* Parses UTF-8 `utf8` (len bytes; need not be NUL-terminated) into
 * *tree.  The parse stops after max_elements elements or at an element
 * nested deeper than HTML_TREE_MAX_DEPTH, keeping what was read; *stopped says
 * which (HTML_TREE_TOO_MANY, HTML_TREE_TOO_DEEP) or is 0.  Returns 0, or
 * DOCPIPE_ENOMEM / DOCPIPE_ELIMIT (the tree is empty then). */
int html_tree_parse(html_tree *tree, const char *utf8, size_t len, size_t max_elements,
                    int *stopped);
void html_tree_free(html_tree *tree);
/* The first top-level element, or NULL. */
html_node *html_tree_root(const html_tree *tree);

/* As libxml2's functions of the same names, on html_nodes:
 * html_unlink     takes n out of its parent's and siblings' lists;
 * html_add_child  appends n (unlinked) as parent's last child, and a text
 *                 node after a text node is merged into it and freed;
 * html_add_prev   puts n (unlinked) before `at`, merging text the same
 *                 way with the node before `at`;
 * html_free_node  frees n and its subtree (n must be unlinked, or its
 *                 parent being freed).
 * html_new_element makes an element with no attributes (name must
 * outlive the tree: a literal); NULL when memory runs out. */
void html_unlink(html_node *n);
html_node *html_add_child(html_node *parent, html_node *n);
html_node *html_add_prev(html_node *at, html_node *n);
void html_free_node(html_node *n);
html_node *html_new_element(const char *name);
/* 1 when n is a text node of whitespace only. */
int html_is_blank(const html_node *n);

#endif
