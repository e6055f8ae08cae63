/* html_bench FILE... — html reader throughput on one core.
 *
 * Reads every FILE into memory, then converts each page (html reader, as
 * the CLI would, without writing) REPEAT times (env HTML_BENCH_REPEAT,
 * default 1) and prints MB/s, pages/s and the peak RSS of the process.
 * bench/html_bench.sh runs it on ../shared/extraction-dev and next to
 * `pandoc -f html -t plain`. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "docpipe/docpipe.h"
#include "docpipe/plugin.h"

static double S_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: html_bench FILE...\n");
    return 2;
  }
  docpipe_registry *reg = docpipe_registry_new();
  const char *dir = getenv("DOCPIPE_PLUGIN_DIR");
  const char *dirs[] = {dir, NULL};
  docpipe_registry_load_defaults(reg, dir ? dirs : NULL, NULL, NULL);
  const docpipe_plugin *html = docpipe_registry_find(reg, "html");
  if (!html) {
    fprintf(stderr, "html_bench: no html plugin\n");
    return 3;
  }
  int repeat = getenv("HTML_BENCH_REPEAT") ? atoi(getenv("HTML_BENCH_REPEAT")) : 1;
  if (repeat < 1) repeat = 1;
  size_t n = (size_t)argc - 1, bytes = 0, pages = 0, failed = 0, biggest = 0;
  unsigned char **data = calloc(n, sizeof *data);
  size_t *size = calloc(n, sizeof *size);
  for (size_t i = 0; i < n; i++) {
    if (docpipe_file_read(argv[i + 1], 0, &data[i], &size[i], NULL) != 0) data[i] = NULL;
    if (size[i] > biggest) biggest = size[i];
  }
  double t0 = S_now();
  for (int r = 0; r < repeat; r++) {
    for (size_t i = 0; i < n; i++) {
      if (!data[i]) continue;
      docpipe_doc *doc = NULL;
      docpipe_error err = DOCPIPE_ERROR_INIT;
      if (docpipe_plugin_read(html, data[i], size[i], NULL, &doc, &err) != 0) failed++;
      docpipe_doc_free(doc);
      bytes += size[i];
      pages++;
    }
  }
  double secs = S_now() - t0;
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  printf("pages=%zu bytes=%zu failed=%zu seconds=%.3f MB/s=%.1f pages/s=%.1f peak_rss_MB=%.1f "
         "largest_page_MB=%.1f\n",
         pages, bytes, failed, secs, bytes / 1e6 / secs, pages / secs, ru.ru_maxrss / 1024.0,
         biggest / 1e6);
  for (size_t i = 0; i < n; i++) docpipe_free(data[i]);
  free(data);
  free(size);
  docpipe_registry_free(reg);
  return 0;
}
