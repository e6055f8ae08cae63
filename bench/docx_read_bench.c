/* docx_read_bench — documents per second of the docx reader, on one core.
 *
 *     build/bench/bench_docx_read_bench PLUGIN_DIR FILE.docx
 *
 * Measures (1) docx -> model (the reader alone) and (2) docx -> json (reader
 * plus json writer, as `docpipe in.docx -t json` does minus process start-up).
 * bench/docx_read_bench.sh makes the ~20 KB article and times pandoc on it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "docpipe/plugin.h"

/* CPU time of this process: the machine may be busy with other work, and what is
 * measured is the reader's cost on one core. */
static double S_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: %s PLUGIN_DIR FILE.docx\n", argv[0]);
    return 2;
  }
  docpipe_registry *reg = docpipe_registry_new();
  const char *dirs[] = {argv[1], NULL};
  docpipe_registry_load_defaults(reg, dirs, NULL, NULL);
  const docpipe_plugin *docx = docpipe_registry_find(reg, "docx");
  const docpipe_plugin *json = docpipe_registry_find(reg, "json");
  if (!docx || !docx->read) {
    fprintf(stderr, "no docx reader in %s\n", argv[1]);
    return 1;
  }
  unsigned char *data = NULL;
  size_t size = 0;
  docpipe_error err = DOCPIPE_ERROR_INIT;
  if (docpipe_file_read(argv[2], 0, &data, &size, &err) != 0) {
    fprintf(stderr, "%s: %s\n", argv[2], err.message);
    return 1;
  }
  docpipe_doc *doc = NULL;
  if (docpipe_plugin_read(docx, data, size, NULL, &doc, &err) != 0) {
    fprintf(stderr, "%s: %s\n", argv[2], err.message);
    return 1;
  }
  char *plain = docpipe_node_text_content(docpipe_doc_root(doc));
  printf("input: %zu bytes of docx, %zu bytes of text\n", size, plain ? strlen(plain) : 0);
  docpipe_free(plain);
  docpipe_doc_free(doc);

  for (int mode = 0; mode < 2; mode++) {
    if (mode == 1 && !(json && json->write)) break;
    docpipe_buf out = DOCPIPE_BUF_INIT;
    int n = 0;
    double t0 = S_now(), t1 = t0;
    while (t1 - t0 < 2.0) {
      docpipe_doc *d = NULL;
      if (docpipe_plugin_read(docx, data, size, NULL, &d, &err) != 0) return 1;
      if (mode == 1) {
        docpipe_buf_reset(&out);
        if (docpipe_plugin_write(json, d, NULL, &out, &err) != 0) return 1;
      }
      docpipe_doc_free(d);
      n++;
      if (n % 16 == 0) t1 = S_now();
    }
    t1 = S_now();
    printf("%-20s %6.0f documents/s of CPU time (%d in %.2f s)\n", mode ? "docx -> json:" : "docx -> model:",
           n / (t1 - t0), n, t1 - t0);
    docpipe_buf_free(&out);
  }
  docpipe_free(data);
  docpipe_registry_free(reg);
  return 0;
}
