/* Documents: metadata plus a DOCUMENT node; and the text of a subtree. */
#include <stdlib.h>
#include <string.h>

#include "node.h"

struct docpipe_doc {
  docpipe_value *meta;
  docpipe_node *root;
};

docpipe_doc *docpipe_doc_new(void) {
  docpipe_doc *d = calloc(1, sizeof *d);
  if (!d) return NULL;
  d->meta = docpipe_value_new_map();
  d->root = docpipe_node_new(DOCPIPE_NODE_DOCUMENT);
  if (!d->meta || !d->root) {
    docpipe_doc_free(d);
    return NULL;
  }
  return d;
}

void docpipe_doc_free(docpipe_doc *d) {
  if (!d) return;
  docpipe_value_free(d->meta);
  docpipe_node_free(d->root);
  free(d);
}

docpipe_node *docpipe_doc_root(const docpipe_doc *d) { return d ? d->root : NULL; }
docpipe_value *docpipe_doc_meta(const docpipe_doc *d) { return d ? d->meta : NULL; }

static int S_ends_with_newline(const docpipe_buf *b) {
  return b->len == 0 || b->data[b->len - 1] == '\n';
}

char *docpipe_node_text_content(const docpipe_node *node) {
  docpipe_buf b = DOCPIPE_BUF_INIT;
  docpipe_iter *it = docpipe_iter_new((docpipe_node *)node);
  if (!it) return NULL;
  int rc = 0;
  docpipe_event ev;
  while (rc == 0 && (ev = docpipe_iter_next(it)) != DOCPIPE_EVENT_DONE) {
    docpipe_node *n = docpipe_iter_node(it);
    switch (n->type) {
    case DOCPIPE_NODE_CODE_BLOCK:
      /* A block like any other: on its own line. */
      if (n != node && !S_ends_with_newline(&b)) rc = docpipe_buf_puts(&b, "\n");
      /* fall through */
    case DOCPIPE_NODE_TEXT:
    case DOCPIPE_NODE_CODE:
      if (rc == 0 && n->literal) rc = docpipe_buf_append(&b, n->literal, n->literal_len);
      break;
    case DOCPIPE_NODE_SOFT_BREAK:
      rc = docpipe_buf_puts(&b, " ");
      break;
    case DOCPIPE_NODE_LINE_BREAK:
      rc = docpipe_buf_puts(&b, "\n");
      break;
    case DOCPIPE_NODE_TABLE_CELL:
      if (ev == DOCPIPE_EVENT_EXIT && n->next) rc = docpipe_buf_puts(&b, "\t");
      break;
    default:
      /* Blocks are separated by line ends. */
      if (ev == DOCPIPE_EVENT_ENTER && docpipe_node_is_block(n) && n != node &&
          !S_ends_with_newline(&b) && n->type != DOCPIPE_NODE_TABLE_CELL)
        rc = docpipe_buf_puts(&b, "\n");
      break;
    }
  }
  docpipe_iter_free(it);
  if (rc) {
    docpipe_buf_free(&b);
    return NULL;
  }
  return docpipe_buf_detach(&b, NULL);
}
