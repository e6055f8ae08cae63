/* node.h — the node struct, private to the library. */
#ifndef DOCPIPE_NODE_H
#define DOCPIPE_NODE_H

#include "internal.h"

struct docpipe_node {
  docpipe_node_type type;
  docpipe_node *parent, *first, *last, *next, *prev;
  char *literal; /* TEXT, CODE, CODE_BLOCK; may point just past the
                  * struct, in the node's own allocation (see node.c) */
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
};

#endif
