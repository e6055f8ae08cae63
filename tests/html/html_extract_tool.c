/* html_extract_tool PAGE.html BODY.txt [META.json]
 *
 * Runs the html reader through the library (as the CLI does, with the
 * core metadata extractors) and writes the article's plain body text and
 * {title, authors, date, ...} as JSON: the form
 * /work/shared/tools/extraction-score expects (--cmd '... {in} {out} {meta}').
 * With BODY "-" the body goes to stdout; "--tree" as BODY prints the block
 * structure instead (for debugging). */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docpipe/docpipe.h"
#include "docpipe/extract.h"
#include "docpipe/plugin.h"

static json_t *S_value(const docpipe_value *v) {
  switch (docpipe_value_kind_of(v)) {
  case DOCPIPE_VALUE_STRING:
    return json_string(docpipe_value_string(v));
  case DOCPIPE_VALUE_LIST: {
    json_t *a = json_array();
    for (size_t i = 0; i < docpipe_value_count(v); i++)
      json_array_append_new(a, S_value(docpipe_value_at(v, i)));
    return a;
  }
  case DOCPIPE_VALUE_MAP: {
    json_t *o = json_object();
    for (size_t i = 0; i < docpipe_value_count(v); i++)
      json_object_set_new(o, docpipe_value_key_at(v, i), S_value(docpipe_value_at(v, i)));
    return o;
  }
  default:
    return json_null();
  }
}

static void S_tree(docpipe_node *root) {
  docpipe_iter *it = docpipe_iter_new(root);
  docpipe_event ev;
  while ((ev = docpipe_iter_next(it)) != DOCPIPE_EVENT_DONE) {
    docpipe_node *n = docpipe_iter_node(it);
    if (ev != DOCPIPE_EVENT_ENTER || !docpipe_node_is_block(n)) continue;
    docpipe_node_type t = docpipe_node_type_of(n);
    printf("%*s%s", docpipe_iter_depth(it) * 2, "", docpipe_node_type_name(t));
    if (t == DOCPIPE_NODE_PARAGRAPH || t == DOCPIPE_NODE_HEADING || t == DOCPIPE_NODE_TABLE_CELL ||
        t == DOCPIPE_NODE_FIGURE) {
      char *s = docpipe_node_text_content(n);
      printf(": %.200s", s ? s : "");
      docpipe_free(s);
    }
    if (t == DOCPIPE_NODE_FIGURE) printf(" [%s]", docpipe_node_url(n));
    printf("\n");
  }
  docpipe_iter_free(it);
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: html_extract_tool PAGE.html BODY.txt|-|--tree [META.json]\n");
    return 2;
  }
  docpipe_registry *reg = docpipe_registry_new();
  const char *dir = getenv("DOCPIPE_PLUGIN_DIR");
  const char *dirs[] = {dir, NULL};
  docpipe_registry_load_defaults(reg, dir ? dirs : NULL, NULL, NULL);
  const docpipe_plugin *html = docpipe_registry_find(reg, "html");
  if (!html) {
    fprintf(stderr, "html_extract_tool: no html plugin\n");
    return 3;
  }
  unsigned char *data = NULL;
  size_t size = 0;
  docpipe_error err = DOCPIPE_ERROR_INIT;
  docpipe_doc *doc = NULL;
  /* The plugin says it never reads past `size` (no padding): the page in
   * a buffer of exactly its size lets a sanitizer build hold it to that. */
  if (docpipe_file_read(argv[1], 0, &data, &size, &err) == 0 && size) {
    unsigned char *exact = docpipe_malloc(size);
    if (exact) memcpy(exact, data, size);
    docpipe_free(data);
    data = exact;
  }
  if (!data || docpipe_plugin_read(html, data, size, NULL, &doc, &err) ||
      docpipe_extract_metadata(doc, DOCPIPE_EXTRACT_ALL, &err)) {
    fprintf(stderr, "html_extract_tool: %s: %s\n", argv[1], err.message);
    docpipe_free(data);
    docpipe_doc_free(doc);
    docpipe_registry_free(reg);
    return 1;
  }
  docpipe_free(data);
  if (strcmp(argv[2], "--tree") == 0) {
    S_tree(docpipe_doc_root(doc));
  } else {
    char *text = docpipe_node_text_content(docpipe_doc_root(doc));
    FILE *f = strcmp(argv[2], "-") == 0 ? stdout : fopen(argv[2], "wb");
    if (f && text) {
      fputs(text, f);
      fputs("\n", f);
      if (f != stdout) fclose(f);
    }
    docpipe_free(text);
  }
  if (argc > 3) {
    json_t *j = S_value(docpipe_doc_meta(doc));
    json_dump_file(j, argv[3], JSON_INDENT(1) | JSON_SORT_KEYS);
    json_decref(j);
  }
  docpipe_doc_free(doc);
  docpipe_registry_free(reg);
  return 0;
}
