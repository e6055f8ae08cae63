/* Documents built and converted in parallel threads: the library keeps no
 * shared mutable state (run under TSan in CI to prove it). */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "docpipe/docpipe.h"
#include "harness.h"

static void *S_work(void *arg) {
  long id = (long)arg;
  for (int round = 0; round < 200; round++) {
    docpipe_doc *d = docpipe_doc_new();
    char title[64];
    snprintf(title, sizeof title, "Tiêu đề %ld/%d", id, round);
    docpipe_value_set_string(docpipe_doc_meta(d), "title", title);
    docpipe_node *p = docpipe_node_add(docpipe_doc_root(d), DOCPIPE_NODE_PARAGRAPH);
    docpipe_node_append_text(p, "Nghi\xCC\xA3 quye\xCC\x82\xCC\x81t", 16);
    char *s = docpipe_node_text_content(docpipe_doc_root(d));
    int ok = s && strcmp(s, "Nghị quyết") == 0 &&
             strcmp(docpipe_meta_string(docpipe_doc_meta(d), "title"), title) == 0;
    docpipe_free(s);
    docpipe_doc_free(d);
    if (!ok) return (void *)1;
  }
  (void)docpipe_default_plugin_dir(); /* once-initialised, safe from any thread */
  return NULL;
}

static void test_parallel(void) {
  pthread_t t[4];
  for (long i = 0; i < 4; i++) pthread_create(&t[i], NULL, S_work, (void *)i);
  int failures = 0;
  for (int i = 0; i < 4; i++) {
    void *r;
    pthread_join(t[i], &r);
    failures += r != NULL;
  }
  INT_EQ(failures, 0, "every thread saw its own documents intact");
}

int main(void) {
  RUN(test_parallel);
  return harness_summary();
}
