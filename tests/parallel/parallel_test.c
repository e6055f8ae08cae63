/* Plugins are thread-safe: every sample is converted by every reader and
 * writer from four threads at once, and each thread's output must equal
 * the single-threaded output byte for byte.  (Under TSan this also proves
 * there are no data races.) */
#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docpipe/extract.h"
#include "docpipe/plugin.h"
#include "harness.h"

#define MAX_INPUTS 64
#define THREADS 4

typedef struct {
  char path[1024 + 256];
  const docpipe_plugin *reader;
  docpipe_buf expected[16]; /* one per writer */
  int failed[16];           /* the single-threaded conversion failed */
} S_input;

static docpipe_registry *reg;
static S_input inputs[MAX_INPUTS];
static size_t ninputs;
static const docpipe_plugin *writers[16];
static size_t nwriters;

/* Reads, extracts and writes with `writer`; 0 on success. */
static int S_convert(const S_input *in, const docpipe_plugin *writer, docpipe_buf *out) {
  unsigned char *data;
  size_t size;
  docpipe_error err = DOCPIPE_ERROR_INIT;
  if (docpipe_file_read(in->path, 0, &data, &size, &err)) return -1;
  docpipe_args args;
  docpipe_args_init(&args);
  args.input_name = in->path;
  docpipe_doc *doc = NULL;
  int rc = docpipe_plugin_read(in->reader, data, size, &args, &doc, &err);
  docpipe_free(data);
  if (rc == 0) rc = docpipe_extract_metadata(doc, DOCPIPE_EXTRACT_ALL, &err);
  if (rc == 0) rc = docpipe_plugin_write(writer, doc, &args, out, &err);
  docpipe_doc_free(doc);
  return rc;
}

static void *S_worker(void *arg) {
  long mismatches = 0;
  (void)arg;
  for (size_t i = 0; i < ninputs; i++) {
    for (size_t w = 0; w < nwriters; w++) {
      docpipe_buf out = DOCPIPE_BUF_INIT;
      int rc = S_convert(&inputs[i], writers[w], &out);
      const docpipe_buf *exp = &inputs[i].expected[w];
      int same = inputs[i].failed[w] ? rc != 0
                                      : rc == 0 && out.len == exp->len &&
                                            (!out.len || !memcmp(out.data, exp->data, out.len));
      if (!same) {
        fprintf(stderr, "mismatch: %s -> %s\n", inputs[i].path, writers[w]->name);
        mismatches++;
      }
      docpipe_buf_free(&out);
    }
  }
  return (void *)mismatches;
}

static void S_collect(const char *dir) {
  DIR *d = opendir(dir);
  if (!d) return;
  struct dirent *e;
  while ((e = readdir(d)) && ninputs < MAX_INPUTS) {
    if (e->d_name[0] == '.' || strstr(e->d_name, ".gold")) continue;
    S_input *in = &inputs[ninputs];
    snprintf(in->path, sizeof in->path, "%s/%s", dir, e->d_name);
    in->reader = docpipe_registry_by_extension(reg, in->path, 0);
    if (in->reader) ninputs++;
  }
  closedir(d);
}

static void test_parallel(void) {
  const char *src = getenv("DOCPIPE_SOURCE_DIR");
  char dir[1024];
  static const char *const subdirs[] = {"json", "text", "html", "markdown", "docx"};
  for (size_t i = 0; i < sizeof subdirs / sizeof *subdirs; i++) {
    snprintf(dir, sizeof dir, "%s/samples/%s", src, subdirs[i]);
    S_collect(dir);
  }
  for (size_t i = 0; i < docpipe_registry_count(reg) && nwriters < 16; i++)
    if (docpipe_registry_plugin(reg, i)->write) writers[nwriters++] = docpipe_registry_plugin(reg, i);
  if (!ninputs || !nwriters) SKIP_ALL("no samples or no writers");
  /* Single-threaded reference outputs (inputs a reader refuses are not
   * this test's business, their writers are skipped). */
  for (size_t i = 0; i < ninputs; i++)
    for (size_t w = 0; w < nwriters; w++)
      inputs[i].failed[w] = S_convert(&inputs[i], writers[w], &inputs[i].expected[w]) != 0;
  pthread_t t[THREADS];
  for (long i = 0; i < THREADS; i++) pthread_create(&t[i], NULL, S_worker, NULL);
  long total = 0;
  for (int i = 0; i < THREADS; i++) {
    void *r;
    pthread_join(t[i], &r);
    total += (long)r;
  }
  INT_EQ(total, 0, "parallel outputs equal the single-threaded ones");
  printf("%zu inputs x %zu writers x %d threads\n", ninputs, nwriters, THREADS);
  for (size_t i = 0; i < ninputs; i++)
    for (size_t w = 0; w < nwriters; w++) docpipe_buf_free(&inputs[i].expected[w]);
}

int main(void) {
  reg = docpipe_registry_new();
  const char *dirs[] = {getenv("DOCPIPE_PLUGIN_DIR"), NULL};
  docpipe_registry_load_defaults(reg, dirs[0] ? dirs : NULL, NULL, NULL);
  RUN(test_parallel);
  docpipe_registry_free(reg);
  return harness_summary();
}
