/* node.h — the node struct, private to the library. */
#ifndef DOCPIPE_NODE_H
#define DOCPIPE_NODE_H

#include "internal.h"

struct docpipe_node {
  docpipe_node_type type;
  /* `literal` lies just past the struct, in the node's own allocation
   * (see node.c): never freed or realloc'd alone.  A flag, not a
   * pointer comparison: another allocator may place a separate block
   * right after the node. */
  int literal_inline;
  docpipe_node *parent, *first, *last, *next, *prev;
  /* Each type's attributes share the space (80 bytes a node instead of
   * 136: a document from a Markdown reader is mostly small nodes, and
   * their size was what reading and writing it walked through).  Only
   * the members of the node's type are ever set: node.c's getters and
   * setters check the type first, and freeing looks at the type. */
  union {
    struct {          /* TEXT, CODE, CODE_BLOCK */
      char *literal;
      size_t literal_len, literal_cap;
      char *info;     /* CODE_BLOCK */
    };
    struct {          /* LINK, IMAGE, FIGURE */
      char *url;
      char *title;    /* LINK, IMAGE */
      char *alt;      /* FIGURE */
    };
    int level;        /* HEADING */
    struct {          /* LIST */
      docpipe_list_type list_type;
      int list_start, list_tight;
    };
    int row_header;   /* TABLE_ROW */
    docpipe_align align; /* TABLE_CELL */
  };
};

#endif
