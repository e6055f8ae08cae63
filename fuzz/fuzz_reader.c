/* libFuzzer target for any reader plugin.
 *
 *   cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DDOCPIPE_FUZZ=ON
 *   cmake --build build-fuzz --target fuzz_reader
 *   DOCPIPE_FUZZ_READER=html build-fuzz/fuzz/fuzz_reader samples/html
 *
 * The first input byte picks limits (cmark's trick of reading options
 * from the input): small limits reach the ELIMIT paths. */
#include <stdint.h>
#include <stdlib.h>

#include "docpipe/extract.h"
#include "docpipe/plugin.h"

static docpipe_registry *S_reg;
static const docpipe_plugin *S_reader;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  S_reg = docpipe_registry_new();
  docpipe_registry_load_defaults(S_reg, NULL, NULL, NULL);
  const char *name = getenv("DOCPIPE_FUZZ_READER");
  S_reader = docpipe_registry_find(S_reg, name ? name : "html");
  if (!S_reader || !S_reader->read) abort();
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  docpipe_args args;
  docpipe_args_init(&args);
  if (size && (data[0] & 1)) {
    args.limits.max_depth = 8;
    args.limits.max_expanded_bytes = 1 << 16;
    args.limits.max_ratio = 10;
  }
  docpipe_doc *doc = NULL;
  docpipe_error err = DOCPIPE_ERROR_INIT;
  if (docpipe_plugin_read(S_reader, data, size, &args, &doc, &err) == 0) {
    docpipe_extract_metadata(doc, DOCPIPE_EXTRACT_ALL, &err);
    docpipe_doc_free(doc);
  }
  return 0;
}
