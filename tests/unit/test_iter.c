/* The iterator: event order, empty containers, changes after EXIT. */
#include <string.h>

#include "docpipe/docpipe.h"
#include "harness.h"

static void S_trace(docpipe_node *root, char *out, size_t size) {
  docpipe_iter *it = docpipe_iter_new(root);
  docpipe_event ev;
  out[0] = '\0';
  while ((ev = docpipe_iter_next(it)) != DOCPIPE_EVENT_DONE) {
    const char *name = docpipe_node_type_name(docpipe_node_type_of(docpipe_iter_node(it)));
    strncat(out, ev == DOCPIPE_EVENT_ENTER ? "+" : "-", size - strlen(out) - 1);
    strncat(out, name, size - strlen(out) - 1);
    strncat(out, " ", size - strlen(out) - 1);
  }
  docpipe_iter_free(it);
}

static void test_order(void) {
  docpipe_doc *d = docpipe_doc_new();
  docpipe_node *root = docpipe_doc_root(d);
  docpipe_node *p = docpipe_node_add(root, DOCPIPE_NODE_PARAGRAPH);
  docpipe_node_append_text(p, "a", 1);
  docpipe_node *e = docpipe_node_add(p, DOCPIPE_NODE_EMPH);
  docpipe_node_append_text(e, "b", 1);
  docpipe_node_add(root, DOCPIPE_NODE_THEMATIC_BREAK);
  docpipe_node_add(root, DOCPIPE_NODE_BLOCK_QUOTE);
  char trace[512];
  S_trace(root, trace, sizeof trace);
  STR_EQ(trace,
         "+document +paragraph +text +emph +text -emph -paragraph +thematic_break "
         "+block_quote -block_quote -document ",
         "events in document order; empty container gets EXIT; leaves ENTER only");
  S_trace(p, trace, sizeof trace);
  STR_EQ(trace, "+paragraph +text +emph +text -emph -paragraph ", "subtree walk stays inside");
  docpipe_doc_free(d);
}

static void test_remove_after_exit(void) {
  docpipe_doc *d = docpipe_doc_new();
  docpipe_node *root = docpipe_doc_root(d);
  for (int i = 0; i < 4; i++) {
    docpipe_node *p = docpipe_node_add(root, DOCPIPE_NODE_PARAGRAPH);
    docpipe_node_append_text(p, i % 2 ? "drop" : "keep", 4);
  }
  docpipe_iter *it = docpipe_iter_new(root);
  docpipe_event ev;
  int removed = 0;
  while ((ev = docpipe_iter_next(it)) != DOCPIPE_EVENT_DONE) {
    docpipe_node *n = docpipe_iter_node(it);
    if (ev == DOCPIPE_EVENT_EXIT && docpipe_node_type_of(n) == DOCPIPE_NODE_PARAGRAPH &&
        strcmp(docpipe_node_literal(docpipe_node_first_child(n)), "drop") == 0) {
      docpipe_node_free(n);
      removed++;
    }
  }
  docpipe_iter_free(it);
  INT_EQ(removed, 2, "two paragraphs freed during the walk");
  char *s = docpipe_node_text_content(root);
  STR_EQ(s, "keep\nkeep", "the rest is intact");
  docpipe_free(s);
  docpipe_doc_free(d);
}

static void test_depth(void) {
  docpipe_node *root = docpipe_node_new(DOCPIPE_NODE_DOCUMENT), *cur = root;
  for (int i = 0; i < 50000; i++) cur = docpipe_node_add(cur, DOCPIPE_NODE_BLOCK_QUOTE);
  docpipe_iter *it = docpipe_iter_new(root);
  int max = 0, events = 0;
  while (docpipe_iter_next(it) != DOCPIPE_EVENT_DONE) {
    if (docpipe_iter_depth(it) > max) max = docpipe_iter_depth(it);
    events++;
  }
  docpipe_iter_free(it);
  INT_EQ(max, 50000, "depth reported");
  INT_EQ(events, 2 * 50001, "every container entered and exited");
  docpipe_node_free(root);
}

int main(void) {
  RUN(test_order);
  RUN(test_remove_after_exit);
  RUN(test_depth);
  return harness_summary();
}
