/* text_gold GOLD_DIR INPUT_DIR: reads each INPUT_DIR/<input> named by a
 * GOLD_DIR/NAME.gold.json with the text reader (loaded from
 * $DOCPIPE_PLUGIN_DIR), runs the metadata extractors as the CLI does, and
 * checks title, date, authors, source, decisions, the first and last body
 * paragraphs (as prefixes) and that no chrome line is left.  Exits 77 when
 * INPUT_DIR is absent (the shared seeds are not in every clone). */
#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "docpipe/extract.h"
#include "docpipe/plugin.h"

static int failures;

static void S_fail(const char *gold, const char *what, const char *got, const char *want) {
  failures++;
  fprintf(stderr, "FAIL %s: %s\n     got  \"%s\"\n     want \"%s\"\n", gold, what,
          got ? got : "(absent)", want ? want : "(absent)");
}

static void S_check_string(const char *gold, const char *key, const docpipe_value *meta, json_t *g) {
  json_t *want = json_object_get(g, key);
  if (!want) return;
  const char *got = docpipe_meta_string(meta, key);
  const char *w = json_is_string(want) ? json_string_value(want) : NULL;
  if ((got == NULL) != (w == NULL) || (got && strcmp(got, w))) S_fail(gold, key, got, w);
}

static void S_check_list(const char *gold, const docpipe_value *meta, json_t *g) {
  json_t *want = json_object_get(g, "authors");
  if (!want) return;
  char got[2048] = "", w[2048] = "";
  for (size_t i = 0; i < docpipe_meta_list_count(meta, "authors"); i++)
    snprintf(got + strlen(got), sizeof got - strlen(got), "%s%s", i ? "; " : "",
             docpipe_meta_list_item(meta, "authors", i));
  for (size_t i = 0; i < json_array_size(want); i++)
    snprintf(w + strlen(w), sizeof w - strlen(w), "%s%s", i ? "; " : "",
             json_string_value(json_array_get(want, i)));
  if (strcmp(got, w)) S_fail(gold, "authors", got, w);
}

/* Decisions compare by code, else "type number", in order. */
static void S_check_decisions(const char *gold, const docpipe_value *meta, json_t *g) {
  json_t *want = json_object_get(g, "decisions");
  if (!want) return;
  char got[8192] = "", w[8192] = "";
  docpipe_value *list = docpipe_value_get(meta, "decisions");
  for (size_t i = 0; i < docpipe_value_count(list); i++) {
    docpipe_value *d = docpipe_value_at(list, i);
    const char *code = docpipe_meta_string(d, "code");
    if (code)
      snprintf(got + strlen(got), sizeof got - strlen(got), "%s%s", i ? "; " : "", code);
    else
      snprintf(got + strlen(got), sizeof got - strlen(got), "%s%s %s", i ? "; " : "",
               docpipe_meta_string(d, "type") ? docpipe_meta_string(d, "type") : "?",
               docpipe_meta_string(d, "number") ? docpipe_meta_string(d, "number") : "?");
  }
  for (size_t i = 0; i < json_array_size(want); i++)
    snprintf(w + strlen(w), sizeof w - strlen(w), "%s%s", i ? "; " : "",
             json_string_value(json_array_get(want, i)));
  if (strcmp(got, w)) S_fail(gold, "decisions", got, w);
}

static void S_check_paragraphs(const char *gold, const docpipe_doc *doc, json_t *g) {
  docpipe_node *first = NULL, *last = NULL;
  for (docpipe_node *n = docpipe_node_first_child(docpipe_doc_root(doc)); n; n = docpipe_node_next(n))
    if (docpipe_node_type_of(n) == DOCPIPE_NODE_PARAGRAPH) {
      if (!first) first = n;
      last = n;
    }
  const char *keys[] = {"first_paragraph", "last_paragraph"};
  docpipe_node *nodes[] = {first, last};
  for (int k = 0; k < 2; k++) {
    const char *w = json_string_value(json_object_get(g, keys[k]));
    if (!w) continue;
    char *got = nodes[k] ? docpipe_node_text_content(nodes[k]) : NULL;
    if (!got || strncmp(got, w, strlen(w))) {
      char shown[200] = "";
      if (got) snprintf(shown, sizeof shown, "%s", got);
      S_fail(gold, keys[k], got ? shown : NULL, w);
    }
    docpipe_free(got);
  }
}

static void S_check_absent(const char *gold, const docpipe_doc *doc, json_t *g) {
  json_t *absent = json_object_get(g, "absent");
  char *body = docpipe_node_text_content(docpipe_doc_root(doc));
  const char *title = docpipe_meta_string(docpipe_doc_meta(doc), "title");
  for (size_t i = 0; i < json_array_size(absent); i++) {
    const char *s = json_string_value(json_array_get(absent, i));
    if ((body && strstr(body, s)) || (title && strstr(title, s))) S_fail(gold, "chrome left in", s, "");
  }
  docpipe_free(body);
}

static int S_one(const docpipe_plugin *text, const char *gold_dir, const char *name,
                 const char *input_dir) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", gold_dir, name);
  json_error_t jerr;
  json_t *g = json_load_file(path, 0, &jerr);
  if (!g) {
    S_fail(name, "gold file", jerr.text, "valid JSON");
    return 0;
  }
  snprintf(path, sizeof path, "%s/%s", input_dir, json_string_value(json_object_get(g, "input")));
  unsigned char *data = NULL;
  size_t size = 0;
  docpipe_error err = DOCPIPE_ERROR_INIT;
  docpipe_doc *doc = NULL;
  if (docpipe_file_read(path, 0, &data, &size, &err) ||
      docpipe_plugin_read(text, data, size, NULL, &doc, &err) ||
      docpipe_extract_metadata(doc, DOCPIPE_EXTRACT_ALL, &err)) {
    S_fail(name, "conversion", err.message, "success");
  } else {
    int before = failures;
    const docpipe_value *meta = docpipe_doc_meta(doc);
    S_check_string(name, "title", meta, g);
    S_check_string(name, "date", meta, g);
    S_check_string(name, "source", meta, g);
    S_check_list(name, meta, g);
    S_check_decisions(name, meta, g);
    S_check_paragraphs(name, doc, g);
    S_check_absent(name, doc, g);
    printf("%s %s\n", failures == before ? "ok  " : "FAIL", name);
  }
  docpipe_doc_free(doc);
  docpipe_free(data);
  json_decref(g);
  return 1;
}

static int S_cmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: text_gold GOLD_DIR INPUT_DIR\n");
    return 2;
  }
  struct stat st;
  if (stat(argv[2], &st) != 0 || !S_ISDIR(st.st_mode)) {
    printf("SKIP: %s is absent\n", argv[2]);
    return 77;
  }
  docpipe_date probe;
  if (!docpipe_date_line("16/07/2020", 10, &probe)) {
    printf("SKIP: the metadata extractors are still stubs (docpipe_date_line finds nothing)\n");
    return 77;
  }
  const char *dir = getenv("DOCPIPE_PLUGIN_DIR");
  docpipe_registry *reg = docpipe_registry_new();
  if (!dir || docpipe_registry_load_dir(reg, dir, NULL, NULL) < 0 ||
      !docpipe_registry_find(reg, "text")) {
    fprintf(stderr, "FAIL: no text plugin in $DOCPIPE_PLUGIN_DIR\n");
    return 1;
  }
  const docpipe_plugin *text = docpipe_registry_find(reg, "text");
  DIR *d = opendir(argv[1]);
  char *names[512];
  size_t n = 0;
  struct dirent *e;
  while (d && (e = readdir(d)) && n < 512) {
    size_t l = strlen(e->d_name);
    if (l > 10 && !strcmp(e->d_name + l - 10, ".gold.json")) names[n++] = strdup(e->d_name);
  }
  if (d) closedir(d);
  qsort(names, n, sizeof *names, S_cmp);
  int checked = 0;
  for (size_t i = 0; i < n; i++) {
    checked += S_one(text, argv[1], names[i], argv[2]);
    free(names[i]);
  }
  docpipe_registry_free(reg);
  printf("%d files checked, %d failures\n", checked, failures);
  if (checked == 0) return 1;
  return failures ? 1 : 0;
}
