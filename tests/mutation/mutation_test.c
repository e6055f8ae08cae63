/* Hostile input for every reader: each sample, truncated, bit-flipped,
 * spliced and nested, goes through every reader plugin.  Nothing may
 * crash, hang or leak (ASan/UBSan in CI); each result is either a document
 * or an error with a one-line message.  Deterministic: a fixed PRNG. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docpipe/extract.h"
#include "docpipe/plugin.h"
#include "harness.h"

static unsigned long long S_state = 0x9E3779B97F4A7C15ull;
static unsigned S_rand(void) {
  S_state ^= S_state << 13;
  S_state ^= S_state >> 7;
  S_state ^= S_state << 17;
  return (unsigned)(S_state >> 11);
}

static docpipe_registry *reg;
static int documents, errors, bad_errors;

static void S_feed(const docpipe_plugin *reader, const unsigned char *data, size_t size) {
  docpipe_args args;
  docpipe_args_init(&args);
  args.limits.max_input_bytes = 64 << 20;
  docpipe_doc *doc = NULL;
  docpipe_error err = DOCPIPE_ERROR_INIT;
  int rc = docpipe_plugin_read(reader, data, size, &args, &doc, &err);
  if (rc == 0) {
    documents++;
    docpipe_extract_metadata(doc, DOCPIPE_EXTRACT_ALL, &err);
    docpipe_doc_free(doc);
  } else {
    errors++;
    if (!err.message[0] || strchr(err.message, '\n') || doc) {
      bad_errors++;
      fprintf(stderr, "%s: bad error report (rc %d, \"%s\")\n", reader->name, rc, err.message);
    }
  }
}

/* One mutation of `src` into `dst` (capacity `cap`); returns the size. */
static size_t S_mutate(const unsigned char *src, size_t n, unsigned char *dst, size_t cap) {
  size_t len = n < cap ? n : cap;
  memcpy(dst, src, len);
  switch (S_rand() % 6) {
  case 0: /* truncate */
    return len ? S_rand() % len : 0;
  case 1: /* flip bytes */
    for (int i = 0; len && i < 16; i++) dst[S_rand() % len] ^= (unsigned char)(1u << (S_rand() % 8));
    return len;
  case 2: /* random bytes over a span */
    for (size_t i = 0, at = len ? S_rand() % len : 0; i < 64 && at + i < len; i++)
      dst[at + i] = (unsigned char)S_rand();
    return len;
  case 3: { /* duplicate a chunk */
    if (!len) return 0;
    size_t at = S_rand() % len, chunk = 1 + S_rand() % 256;
    if (at + chunk > len) chunk = len - at;
    if (len + chunk > cap) return len;
    memmove(dst + at + chunk, dst + at, len - at);
    return len + chunk;
  }
  case 4: { /* insert deep nesting */
    static const char *const openers[] = {"<div>", "> ", "[", "{\"t\":\"block_quote\",\"c\":[", "- "};
    const char *o = openers[S_rand() % 5];
    size_t ol = strlen(o), at = len ? S_rand() % len : 0, reps = 2000;
    if (len + ol * reps > cap) return len;
    memmove(dst + at + ol * reps, dst + at, len - at);
    for (size_t i = 0; i < reps; i++) memcpy(dst + at + i * ol, o, ol);
    return len + ol * reps;
  }
  default: /* invalid UTF-8 sprinkled */
    for (int i = 0; len && i < 8; i++) dst[S_rand() % len] = (unsigned char)(0x80 + S_rand() % 0x80);
    return len;
  }
}

static void S_sample(const char *path) {
  unsigned char *data;
  size_t size;
  docpipe_error err = DOCPIPE_ERROR_INIT;
  if (docpipe_file_read(path, 8 << 20, &data, &size, &err)) return;
  size_t cap = size + 64 * 1024;
  unsigned char *buf = malloc(cap);
  for (size_t p = 0; p < docpipe_registry_count(reg); p++) {
    const docpipe_plugin *reader = docpipe_registry_plugin(reg, p);
    if (!reader->read) continue;
    S_feed(reader, data, size);
    for (int m = 0; m < 12; m++) S_feed(reader, buf, S_mutate(data, size, buf, cap));
  }
  free(buf);
  docpipe_free(data);
}

static void test_mutations(void) {
  const char *src = getenv("DOCPIPE_SOURCE_DIR");
  static const char *const subdirs[] = {"json", "text", "html", "markdown", "docx"};
  int samples = 0;
  for (size_t i = 0; i < sizeof subdirs / sizeof *subdirs; i++) {
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/samples/%s", src, subdirs[i]);
    DIR *d = opendir(dir);
    if (!d) continue;
    struct dirent *e;
    while ((e = readdir(d))) {
      if (e->d_name[0] == '.') continue;
      char path[2048];
      snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
      S_sample(path);
      samples++;
    }
    closedir(d);
  }
  /* Inputs no sample covers. */
  for (size_t p = 0; p < docpipe_registry_count(reg); p++) {
    const docpipe_plugin *reader = docpipe_registry_plugin(reg, p);
    if (!reader->read) continue;
    S_feed(reader, (const unsigned char *)"", 0);
    S_feed(reader, (const unsigned char *)"\xEF\xBB\xBF", 3);
    S_feed(reader, (const unsigned char *)"PK\x03\x04", 4);
  }
  printf("%d samples: %d documents, %d errors\n", samples, documents, errors);
  OK(documents + errors > 0, "readers were exercised");
  INT_EQ(bad_errors, 0, "every failure has a one-line message and no document");
}

int main(void) {
  reg = docpipe_registry_new();
  const char *dirs[] = {getenv("DOCPIPE_PLUGIN_DIR"), NULL};
  docpipe_registry_load_defaults(reg, dirs[0] ? dirs : NULL, NULL, NULL);
  RUN(test_mutations);
  docpipe_registry_free(reg);
  return harness_summary();
}
