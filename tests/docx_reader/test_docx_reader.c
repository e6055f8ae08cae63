/* docx reader unit tests, through the loaded plugin:
 *  - limits from args (max_expanded_bytes, max_ratio, max_input_bytes) give ELIMIT;
 *  - the probe scores docx high, other zips and non-zips low;
 *  - XML-level mutations of every fixture's parts (the zip stays valid, so the XML
 *    parser and the model builder are what is hit): never a crash, always a document or
 *    a one-line error (ASan/UBSan in CI find the rest);
 *  - four threads reading the fixtures at once give the single-threaded JSON. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <dirent.h>
#include <zip.h>

#include "docpipe/plugin.h"
#include "harness.h"

static docpipe_registry *reg;
static const docpipe_plugin *docx, *json;

#define MAX_FIX 16
static struct {
  unsigned char *data;
  size_t size;
  char *json; /* single-threaded result */
} fix[MAX_FIX];
static int nfix;

static unsigned long long S_state = 0x2545F4914F6CDD1Dull;
static unsigned S_rand(void) {
  S_state ^= S_state << 13;
  S_state ^= S_state >> 7;
  S_state ^= S_state << 17;
  return (unsigned)(S_state >> 11);
}

static char *S_to_json(const unsigned char *data, size_t size, const docpipe_args *args,
                       int *rc_out, docpipe_error *err) {
  docpipe_doc *doc = NULL;
  int rc = docpipe_plugin_read(docx, data, size, args, &doc, err);
  if (rc_out) *rc_out = rc;
  if (rc != 0) return NULL;
  docpipe_buf out = DOCPIPE_BUF_INIT;
  docpipe_error werr = DOCPIPE_ERROR_INIT;
  char *s = NULL;
  if (docpipe_plugin_write(json, doc, NULL, &out, &werr) == 0) s = docpipe_buf_detach(&out, NULL);
  docpipe_buf_free(&out);
  docpipe_doc_free(doc);
  return s;
}

static void S_load_fixtures(const char *dir) {
  DIR *d = opendir(dir);
  if (!d) return;
  struct dirent *e;
  while ((e = readdir(d)) && nfix < MAX_FIX) {
    size_t l = strlen(e->d_name);
    if (l < 6 || strcmp(e->d_name + l - 5, ".docx") != 0) continue;
    char path[8192];
    if (snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= (int)sizeof path) continue;
    docpipe_error err = DOCPIPE_ERROR_INIT;
    if (docpipe_file_read(path, 0, &fix[nfix].data, &fix[nfix].size, &err) == 0) {
      fix[nfix].json = S_to_json(fix[nfix].data, fix[nfix].size, NULL, NULL, &err);
      OK(fix[nfix].json != NULL, "fix[nfix].json != NULL");
      nfix++;
    }
  }
  closedir(d);
}

static void test_limits(void) {
  docpipe_args args;
  docpipe_error err = DOCPIPE_ERROR_INIT;
  int rc = 0;
  docpipe_args_init(&args);
  args.limits.max_expanded_bytes = 4096; /* every fixture inflates to more */
  OK(S_to_json(fix[0].data, fix[0].size, &args, &rc, &err) == NULL, "S_to_json(fix[0].data, fix[0].size, &args, &rc, &err) == NULL");
  INT_EQ(rc, DOCPIPE_ELIMIT, "rc, DOCPIPE_ELIMIT");
  OK(strstr(err.message, "bytes") != NULL, "strstr(err.message, \"bytes\") != NULL");

  docpipe_args_init(&args);
  args.limits.max_input_bytes = 100;
  err.message[0] = 0;
  OK(S_to_json(fix[0].data, fix[0].size, &args, &rc, &err) == NULL, "S_to_json(fix[0].data, fix[0].size, &args, &rc, &err) == NULL");
  INT_EQ(rc, DOCPIPE_ELIMIT, "rc, DOCPIPE_ELIMIT");

  docpipe_args_init(&args); /* defaults read every fixture */
  for (int i = 0; i < nfix; i++) {
    char *s = S_to_json(fix[i].data, fix[i].size, &args, &rc, &err);
    OK(s != NULL, "s != NULL");
    free(s);
  }
}

static void test_probe(void) {
  for (int i = 0; i < nfix; i++) INT_EQ(docx->probe(fix[i].data, fix[i].size, NULL), 100, "docx->probe(fix[i].data, fix[i].size, NULL), 100");
  static const unsigned char text[64 + DOCPIPE_PROBE_PADDING] = "<html><body>not a zip</body></html>";
  INT_EQ(docx->probe(text, strlen((const char *)text), NULL), 0, "docx->probe(text, strlen((const char *)text), NULL), 0");
  /* an epub-like zip: PK header, no word/ part */
  static const unsigned char other[30 + 8 + DOCPIPE_PROBE_PADDING] = {
      'P', 'K', 3, 4, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 0, 0, 0,
      'm', 'i', 'm', 'e', 't', 'y', 'p', 'e'};
  OK(docx->probe(other, 38, NULL) < DOCPIPE_PROBE_SCORE_MIN, "docx->probe(other, 38, NULL) < DOCPIPE_PROBE_SCORE_MIN");
}

/* Rebuilds `src` (a zip) with its XML part `victim` replaced by `xml`; malloc'ed. */
static unsigned char *S_rezip(const unsigned char *src, size_t size, const char *victim,
                              const char *xml, size_t xml_len, size_t *out_size) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t *in_src = zip_source_buffer_create(src, size, 0, &ze);
  zip_t *in = in_src ? zip_open_from_source(in_src, ZIP_RDONLY, &ze) : NULL;
  zip_source_t *out_src = zip_source_buffer_create(NULL, 0, 0, &ze);
  zip_t *out = NULL;
  if (out_src) {
    zip_source_keep(out_src);
    out = zip_open_from_source(out_src, ZIP_TRUNCATE, &ze);
  }
  unsigned char *result = NULL;
  if (in && out) {
    zip_int64_t n = zip_get_num_entries(in, 0);
    for (zip_int64_t i = 0; i < n; i++) {
      const char *name = zip_get_name(in, (zip_uint64_t)i, 0);
      zip_source_t *s;
      if (strcmp(name, victim) == 0) {
        char *copy = malloc(xml_len ? xml_len : 1);
        memcpy(copy, xml, xml_len);
        s = zip_source_buffer(out, copy, xml_len, 1);
      } else {
        s = zip_source_zip(out, in, (zip_uint64_t)i, 0, 0, -1);
      }
      if (s && zip_file_add(out, name, s, ZIP_FL_ENC_UTF_8) < 0) zip_source_free(s);
    }
    if (zip_close(out) == 0) {
      out = NULL;
      zip_stat_t st;
      if (zip_source_stat(out_src, &st) == 0 && zip_source_open(out_src) == 0) {
        result = malloc(st.size + DOCPIPE_PROBE_PADDING);
        zip_int64_t got = zip_source_read(out_src, result, st.size);
        zip_source_close(out_src);
        *out_size = got > 0 ? (size_t)got : 0;
        memset(result + *out_size, 0, DOCPIPE_PROBE_PADDING);
      }
    }
  }
  if (out) zip_discard(out);
  if (in) zip_discard(in);
  else if (in_src) zip_source_free(in_src);
  if (out_src) zip_source_free(out_src);
  zip_error_fini(&ze);
  return result;
}

static char *S_entry(const unsigned char *src, size_t size, const char *name, size_t *len) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t *s = zip_source_buffer_create(src, size, 0, &ze);
  zip_t *z = s ? zip_open_from_source(s, ZIP_RDONLY, &ze) : NULL;
  char *buf = NULL;
  zip_stat_t st;
  if (z && zip_stat(z, name, 0, &st) == 0 && st.size < (64u << 20)) {
    zip_file_t *f = zip_fopen(z, name, 0);
    buf = malloc(st.size + 1);
    zip_int64_t got = f ? zip_fread(f, buf, st.size) : -1;
    if (f) zip_fclose(f);
    *len = got > 0 ? (size_t)got : 0;
    buf[*len] = 0;
  }
  if (z) zip_discard(z);
  else if (s) zip_source_free(s);
  zip_error_fini(&ze);
  return buf;
}

static void S_mutate_xml(char *x, size_t *len) {
  size_t n = *len;
  if (!n) return;
  switch (S_rand() % 5) {
  case 0: /* truncate */
    *len = S_rand() % n;
    break;
  case 1: /* flip bytes */
    for (int k = 0; k < 8; k++) x[S_rand() % n] ^= (char)(1u << (S_rand() % 8));
    break;
  case 2: { /* drop a slice (unbalances tags) */
    size_t a = S_rand() % n, b = a + S_rand() % (n - a);
    memmove(x + a, x + b, n - b);
    *len = n - (b - a);
    break;
  }
  case 3: /* break a '>' */
    for (int k = 0; k < 4; k++) {
      size_t p = S_rand() % n;
      if (x[p] == '>') x[p] = ' ';
    }
    break;
  default: { /* copy a slice elsewhere (duplicated and misnested elements) */
    size_t a = S_rand() % n, l = S_rand() % (n - a), d = S_rand() % n;
    if (l > n - d) l = n - d;
    memmove(x + d, x + a, l);
    break;
  }
  }
}

static void test_xml_mutations(void) {
  static const char *parts[] = {"word/document.xml", "word/styles.xml", "word/numbering.xml",
                                "docProps/core.xml", "docProps/custom.xml",
                                "word/_rels/document.xml.rels"};
  int docs = 0, errs = 0, bad = 0;
  for (int i = 0; i < nfix; i++) {
    for (size_t p = 0; p < sizeof parts / sizeof *parts; p++) {
      size_t len = 0;
      char *orig = S_entry(fix[i].data, fix[i].size, parts[p], &len);
      if (!orig) continue;
      for (int round = 0; round < 15; round++) {
        char *x = malloc(len + 1);
        memcpy(x, orig, len);
        size_t xl = len;
        S_mutate_xml(x, &xl);
        size_t zsize = 0;
        unsigned char *z = S_rezip(fix[i].data, fix[i].size, parts[p], x, xl, &zsize);
        free(x);
        if (!z) continue;
        docpipe_error err = DOCPIPE_ERROR_INIT;
        int rc = 0;
        char *s = S_to_json(z, zsize, NULL, &rc, &err);
        if (s) docs++;
        else {
          errs++;
          if (!err.message[0] || strchr(err.message, '\n')) bad++;
        }
        free(s);
        free(z);
      }
      free(orig);
    }
  }
  printf("# xml mutations: %d documents, %d errors\n", docs, errs);
  OK(docs + errs > 60, "docs + errs > 100");
  INT_EQ(bad, 0, "bad, 0");
}

static void *S_thread(void *arg) {
  int *mismatches = arg;
  for (int round = 0; round < 10; round++)
    for (int i = 0; i < nfix; i++) {
      docpipe_error err = DOCPIPE_ERROR_INIT;
      char *s = S_to_json(fix[i].data, fix[i].size, NULL, NULL, &err);
      if (!s || strcmp(s, fix[i].json) != 0) (*mismatches)++;
      free(s);
    }
  return NULL;
}

static void test_threads(void) {
  pthread_t t[4];
  int mism[4] = {0};
  for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, S_thread, &mism[i]);
  for (int i = 0; i < 4; i++) pthread_join(t[i], NULL);
  for (int i = 0; i < 4; i++) INT_EQ(mism[i], 0, "mism[i], 0");
}

int main(void) {
  const char *plugins = getenv("DOCPIPE_PLUGIN_DIR");
  const char *src = getenv("DOCPIPE_SOURCE_DIR");
  if (!plugins || !src) {
    printf("SKIP: DOCPIPE_PLUGIN_DIR / DOCPIPE_SOURCE_DIR not set (run through ctest)\n");
    return 77;
  }
  reg = docpipe_registry_new();
  const char *dirs[] = {plugins, NULL};
  docpipe_registry_load_defaults(reg, dirs, NULL, NULL);
  docx = docpipe_registry_find(reg, "docx");
  json = docpipe_registry_find(reg, "json");
  if (!docx || !docx->read || !json || !json->write) {
    printf("FAIL: docx reader or json writer not found in %s\n", plugins);
    return 1;
  }
  char dir[4096];
  snprintf(dir, sizeof dir, "%s/tests/docx_fixtures", src);
  S_load_fixtures(dir);
  OK(nfix >= 3, "nfix >= 3");
  if (nfix) {
    RUN(test_limits);
    RUN(test_probe);
    RUN(test_xml_mutations);
    RUN(test_threads);
  }
  for (int i = 0; i < nfix; i++) {
    docpipe_free(fix[i].data);
    docpipe_free(fix[i].json);
  }
  docpipe_registry_free(reg);
  return harness_summary();
}
