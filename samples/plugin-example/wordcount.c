/* wordcount — an out-of-tree docpipe filter plugin.
 *
 * Adds `word_count` to the metadata: the number of words in the body.  It
 * is built against the *installed* docpipe (headers and pkg-config file),
 * as a third party would:
 *
 *     cmake -S . -B build && cmake --build build
 *     docpipe --plugin-dir build --filter wordcount article.html -t json
 */
#include <stdio.h>
#include <string.h>

#include <docpipe/plugin.h>

/* A word is a maximal run of bytes that are not ASCII white space or
 * punctuation; multi-byte UTF-8 letters count as word bytes.  `in_word`
 * carries a word across adjacent text nodes ("Tổng " + emph "kết"). */
static size_t S_count_words(const char *s, int *in_word) {
  size_t words = 0;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    int sep = *p < 0x80 && (*p <= ' ' || strchr(".,;:!?()[]{}\"'/-", *p) != NULL);
    if (!sep && !*in_word) words++;
    *in_word = !sep;
  }
  return words;
}

/* Walks the body with docpipe's iterator: text, inline code and code
 * blocks hold words; breaks and block boundaries end a word. */
static int S_filter(docpipe_doc *doc, const docpipe_args *args, docpipe_error *err) {
  (void)args;
  docpipe_iter *it = docpipe_iter_new(docpipe_doc_root(doc));
  if (!it) return docpipe_error_set(err, DOCPIPE_ENOMEM, "out of memory");
  size_t words = 0;
  int in_word = 0;
  while (docpipe_iter_next(it) != DOCPIPE_EVENT_DONE) {
    docpipe_node *n = docpipe_iter_node(it);
    switch (docpipe_node_type_of(n)) {
    case DOCPIPE_NODE_CODE_BLOCK:
      in_word = 0;
      /* fall through */
    case DOCPIPE_NODE_TEXT:
    case DOCPIPE_NODE_CODE:
      words += S_count_words(docpipe_node_literal(n), &in_word);
      break;
    default:
      if (docpipe_node_is_block(n) || docpipe_node_is_leaf(n)) in_word = 0;
      break;
    }
  }
  docpipe_iter_free(it);
  char count[32];
  snprintf(count, sizeof count, "%zu", words);
  return docpipe_value_set_string(docpipe_doc_meta(doc), "word_count", count);
}

static const docpipe_plugin S_plugin = {
    .abi_version = DOCPIPE_ABI_VERSION,
    .name = "wordcount",
    .version = "1.0.0",
    .description = "Adds word_count (words in the body) to the metadata",
    .filter = S_filter,
};

DOCPIPE_PLUGIN_ENTRY const docpipe_plugin *docpipe_plugin_entry(void) { return &S_plugin; }
