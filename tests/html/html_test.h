/* html_test.h — what the html reader's unit tests share (after
 * harness.h): the plugin, loaded from DOCPIPE_PLUGIN_DIR as the build
 * lays it out, a read of a page as a caller hands it over, and an
 * article's paragraphs to build pages around. */
#ifndef DOCPIPE_TEST_HTML_TEST_H
#define DOCPIPE_TEST_HTML_TEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docpipe/docpipe.h"
#include "docpipe/plugin.h"

/* The html reader from the build's plugins into *reg (free it with
 * docpipe_registry_free); the test program is skipped without it. */
static inline const docpipe_plugin *html_test_plugin(docpipe_registry **reg) {
  *reg = docpipe_registry_new();
  const char *dir = getenv("DOCPIPE_PLUGIN_DIR");
  const char *dirs[] = {dir, NULL};
  docpipe_registry_load_defaults(*reg, dir ? dirs : NULL, NULL, NULL);
  const docpipe_plugin *html = docpipe_registry_find(*reg, "html");
  if (!html || !html->read) SKIP_ALL("html plugin not built");
  return html;
}

/* Reads `size` bytes of `data` with `html`, followed by the
 * DOCPIPE_PROBE_PADDING zero bytes docpipe_file_read gives; `args` may
 * be NULL.  As docpipe_plugin_read. */
static inline int html_test_read(const docpipe_plugin *html, const char *data, size_t size,
                                 const docpipe_args *args, docpipe_doc **doc,
                                 docpipe_error *err) {
  unsigned char *copy = calloc(1, size + DOCPIPE_PROBE_PADDING);
  if (!copy) return DOCPIPE_ENOMEM;
  memcpy(copy, data, size);
  int rc = docpipe_plugin_read(html, copy, size, args, doc, err);
  free(copy);
  return rc;
}

/* Three paragraphs of a news article: enough text for the reader to take
 * them as the content of a page built around them. */
#define HTML_TEST_PARAS                                                                    \
  "<p>The water authority said on Thursday that it would replace four hundred kilometres of " \
  "pipe over the next five years, starting with the oldest districts of the city.</p>"     \
  "<p>Engineers estimate that close to half of the water pumped into the network is lost "   \
  "before it reaches a customer, through leaks, broken meters and illegal connections.</p>" \
  "<p>Residents of the eastern districts, who receive water once a week, said they had heard " \
  "such promises before, and would believe them when the pressure in their taps improved.</p>"

/* The page `head` + HTML_TEST_PARAS + `tail` (free with docpipe_free). */
static inline char *html_test_page_around(const char *head, const char *tail) {
  docpipe_buf b = DOCPIPE_BUF_INIT;
  docpipe_buf_puts(&b, head);
  docpipe_buf_puts(&b, HTML_TEST_PARAS);
  docpipe_buf_puts(&b, tail);
  return b.data;
}

#endif
