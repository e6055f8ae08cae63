/* The ENTER/EXIT iterator, after cmark's: no recursion, so any depth.
 * The following step is computed in advance, so the caller may unlink or
 * free the current node after its EXIT (or a leaf's ENTER). */
#include <stdlib.h>

#include "node.h"

typedef struct {
  docpipe_event ev;
  docpipe_node *node;
  int depth;
} S_step;

struct docpipe_iter {
  docpipe_node *root;
  S_step cur, next;
};

docpipe_iter *docpipe_iter_new(docpipe_node *root) {
  if (!root) return NULL;
  docpipe_iter *it = calloc(1, sizeof *it);
  if (!it) return NULL;
  it->root = root;
  it->cur.ev = DOCPIPE_EVENT_NONE;
  it->next = (S_step){DOCPIPE_EVENT_ENTER, root, 0};
  return it;
}

void docpipe_iter_free(docpipe_iter *it) { free(it); }

/* Containers get ENTER and EXIT even when empty, so a writer can open
 * and close them; leaves get ENTER only. */
static S_step S_successor(const docpipe_iter *it, S_step s) {
  docpipe_node *n = s.node;
  if (s.ev == DOCPIPE_EVENT_ENTER && !docpipe_node_is_leaf(n)) {
    if (n->first) return (S_step){DOCPIPE_EVENT_ENTER, n->first, s.depth + 1};
    return (S_step){DOCPIPE_EVENT_EXIT, n, s.depth};
  }
  if (n == it->root) return (S_step){DOCPIPE_EVENT_DONE, NULL, 0};
  if (n->next) return (S_step){DOCPIPE_EVENT_ENTER, n->next, s.depth};
  if (n->parent) return (S_step){DOCPIPE_EVENT_EXIT, n->parent, s.depth - 1};
  return (S_step){DOCPIPE_EVENT_DONE, NULL, 0};
}

docpipe_event docpipe_iter_next(docpipe_iter *it) {
  if (!it) return DOCPIPE_EVENT_DONE;
  it->cur = it->next;
  if (it->cur.ev != DOCPIPE_EVENT_DONE) it->next = S_successor(it, it->cur);
  return it->cur.ev;
}

docpipe_node *docpipe_iter_node(const docpipe_iter *it) {
  return it && it->cur.ev != DOCPIPE_EVENT_DONE ? it->cur.node : NULL;
}

int docpipe_iter_depth(const docpipe_iter *it) { return it ? it->cur.depth : 0; }
