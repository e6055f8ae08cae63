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
 * punctuation; multi-byte UTF-8 letters count as word bytes. */
static size_t S_count_words(const char *s) {
  size_t words = 0;
  int in_word = 0;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    int sep = *p < 0x80 && (*p <= ' ' || strchr(".,;:!?()[]{}\"'/-", *p) != NULL);
    if (!sep && !in_word) words++;
    in_word = !sep;
  }
  return words;
}

static int S_filter(docpipe_doc *doc, const docpipe_args *args, docpipe_error *err) {
  (void)args;
  char *text = docpipe_node_text_content(docpipe_doc_root(doc));
  if (!text) return docpipe_error_set(err, DOCPIPE_ENOMEM, "out of memory");
  char count[32];
  snprintf(count, sizeof count, "%zu", S_count_words(text));
  docpipe_free(text);
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
