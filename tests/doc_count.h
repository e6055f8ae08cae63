/* doc_count.h — test helper: how many nodes of a type a subtree holds,
 * `root` included.  Header-only, for the tests that check the shape of
 * what a reader built. */
#ifndef DOCPIPE_TEST_DOC_COUNT_H
#define DOCPIPE_TEST_DOC_COUNT_H

#include "docpipe/docpipe.h"

static inline int doc_count_type(docpipe_node *root, docpipe_node_type t) {
  int n = 0;
  docpipe_iter *it = docpipe_iter_new(root);
  docpipe_event ev;
  while ((ev = docpipe_iter_next(it)) != DOCPIPE_EVENT_DONE)
    if (ev == DOCPIPE_EVENT_ENTER && docpipe_node_type_of(docpipe_iter_node(it)) == t) n++;
  docpipe_iter_free(it);
  return n;
}

#endif
