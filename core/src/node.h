/* node.h — the node struct, private to the library. */
#ifndef DOCPIPE_NODE_H
#define DOCPIPE_NODE_H

#include "internal.h"

struct docpipe_node {
  docpipe_node_type type;
  docpipe_node *parent, *first, *last, *next, *prev;
  char *literal; /* TEXT, CODE, CODE_BLOCK */
  size_t literal_len, literal_cap;
  char *info;    /* CODE_BLOCK */
  char *url;     /* LINK, IMAGE, FIGURE */
  char *title;   /* LINK, IMAGE */
  char *alt;     /* FIGURE */
  int level;     /* HEADING */
  docpipe_list_type list_type;
  int list_start, list_tight;
  int row_header;
  docpipe_align align;
  /* `literal` lies just past the struct, in the node's own allocation
   * (see node.c): never freed or realloc'd alone.  A flag, not a
   * pointer comparison: another allocator may place a separate block
   * right after the node. */
  int literal_inline;
};

#endif
