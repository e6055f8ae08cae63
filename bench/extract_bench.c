/* extract_bench FILE... — metadata extraction throughput on one core.
 * Each file is read with the reader its extension names (text, html...),
 * then docpipe_extract_metadata runs repeatedly on fresh copies of the
 * document text; prints MB/s of text and per-document time. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "docpipe/extract.h"
#include "docpipe/plugin.h"

static double S_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s FILE...\n", argv[0]);
    return 2;
  }
  docpipe_registry *reg = docpipe_registry_new();
  docpipe_registry_load_defaults(reg, NULL, NULL, NULL);
  double bytes = 0, secs = 0;
  long docs = 0;
  for (int f = 1; f < argc; f++) {
    unsigned char *data;
    size_t size;
    docpipe_error err = DOCPIPE_ERROR_INIT;
    const docpipe_plugin *reader = docpipe_registry_by_extension(reg, argv[f], 0);
    if (!reader || docpipe_file_read(argv[f], 0, &data, &size, &err)) continue;
    docpipe_args args;
    docpipe_args_init(&args);
    docpipe_doc *doc = NULL;
    int rc = docpipe_plugin_read(reader, data, size, &args, &doc, &err);
    docpipe_free(data);
    if (rc) continue;
    char *text = docpipe_node_text_content(docpipe_doc_root(doc));
    size_t text_len = strlen(text);
    docpipe_free(text);
    int reps = 200;
    double t0 = S_now();
    for (int r = 0; r < reps; r++) {
      /* Extraction fills absent keys only: clear them each round. */
      docpipe_value *m = docpipe_doc_meta(doc);
      docpipe_value_remove(m, "date");
      docpipe_value_remove(m, "date_text");
      docpipe_value_remove(m, "date_inferred");
      docpipe_value_remove(m, "authors");
      docpipe_value_remove(m, "source");
      docpipe_value_remove(m, "decisions");
      docpipe_extract_metadata(doc, DOCPIPE_EXTRACT_ALL, &err);
    }
    secs += S_now() - t0;
    bytes += (double)text_len * reps;
    docs += reps;
    docpipe_doc_free(doc);
  }
  docpipe_registry_free(reg);
  if (!docs) return 1;
  printf("extract: %ld documents, %.1f MB of text, %.1f MB/s, %.1f us/document (one core)\n", docs,
         bytes / 1e6, bytes / 1e6 / secs, secs / docs * 1e6);
  return 0;
}
