/* html_write_bench — the html writer alone, on one core: MB of HTML out per
 * CPU-second and documents per CPU-second.
 *
 *     build/bench/bench_html_write_bench PLUGIN_DIR DOC.json [ROUNDS]
 *
 * DOC.json is read once with the json plugin (e.g. `docpipe page.html -t
 * json -o DOC.json` gives a real article); then the html writer turns the
 * model into a page ROUNDS times (default: enough for ~2 s). */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "docpipe/plugin.h"

static double S_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: %s PLUGIN_DIR DOC.json [ROUNDS]\n", argv[0]);
    return 2;
  }
  docpipe_registry *reg = docpipe_registry_new();
  docpipe_registry_load_dir(reg, argv[1], NULL, NULL);
  const docpipe_plugin *json = docpipe_registry_find(reg, "json");
  const docpipe_plugin *html = docpipe_registry_find(reg, "html");
  if (!json || !html) {
    fprintf(stderr, "json and html plugins needed in %s\n", argv[1]);
    return 3;
  }
  unsigned char *data = NULL;
  size_t size = 0;
  docpipe_error err = DOCPIPE_ERROR_INIT;
  docpipe_doc *doc = NULL;
  if (docpipe_file_read(argv[2], 0, &data, &size, &err) ||
      docpipe_plugin_read(json, data, size, NULL, &doc, &err)) {
    fprintf(stderr, "%s: %s\n", argv[2], err.message);
    return 1;
  }
  docpipe_buf out = DOCPIPE_BUF_INIT;
  long rounds = argc > 3 ? atol(argv[3]) : 0;
  double t0 = S_now(), bytes = 0;
  long n = 0;
  for (; rounds ? n < rounds : S_now() - t0 < 2.0; n++) {
    docpipe_buf_reset(&out);
    if (docpipe_plugin_write(html, doc, NULL, &out, &err)) {
      fprintf(stderr, "write: %s\n", err.message);
      return 1;
    }
    bytes += (double)out.len;
  }
  double dt = S_now() - t0;
  printf("html writer: %ld documents, %.0f bytes each, %.3f CPU s: %.1f MB/s, %.0f documents/s\n",
         n, bytes / (double)n, dt, bytes / dt / 1e6, (double)n / dt);
  docpipe_buf_free(&out);
  docpipe_doc_free(doc);
  docpipe_free(data);
  docpipe_registry_free(reg);
  return 0;
}
