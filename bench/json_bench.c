/* json_bench [FILE.json] — json plugin read and write throughput, one core.
 *
 * Without FILE it builds a synthetic article of about 4 MB (Vietnamese
 * paragraphs with emphasis and links, lists, a table, rich metadata);
 * with FILE it uses that document.  It writes the document, reads the
 * bytes back, and repeats each step for at least a second, then prints
 * MB/s of JSON written and read (MB = 10^6 bytes) and checks that
 * read -> write gave the same bytes.  Run:
 *
 *     cmake --build build --target bench && build/bench/json_bench
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "docpipe/docpipe.h"
#include "docpipe/plugin.h"

static double S_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts); /* CPU time: the machine may be shared */
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void S_text(docpipe_node *parent, const char *s) { docpipe_node_append_text(parent, s, strlen(s)); }

static docpipe_doc *S_synthetic(int sections) {
  static const char *const sentence =
      "Chiều 15/7, Ban Thường vụ Thành ủy tổ chức hội nghị tổng kết 10 năm thực hiện "
      "Quy chế công tác dân vận của hệ thống chính trị theo Quyết định số 290-QĐ/TW. ";
  docpipe_doc *doc = docpipe_doc_new();
  docpipe_value *meta = docpipe_doc_meta(doc);
  docpipe_value_set_string(meta, "title", "Tổng kết 10 năm thực hiện Quy chế công tác dân vận");
  docpipe_value_set_string(meta, "date", "2020-07-16T14:00:00+07:00");
  docpipe_value_set_string(meta, "language", "vi");
  docpipe_value *authors = docpipe_value_new_list();
  docpipe_value_append_string(authors, "Lê Thị Mai");
  docpipe_value_append_string(authors, "Trần Văn Bình");
  docpipe_value_set(meta, "authors", authors);
  docpipe_value *decisions = docpipe_value_new_list();
  for (int i = 0; i < 20; i++) {
    docpipe_value *d = docpipe_value_new_map();
    char code[32];
    snprintf(code, sizeof code, "%d-QĐ/TW", 100 + i);
    docpipe_value_set_string(d, "code", code);
    docpipe_value_set_string(d, "type", "Quyết định");
    docpipe_value_append(decisions, d);
  }
  docpipe_value_set(meta, "decisions", decisions);
  docpipe_node *root = docpipe_doc_root(doc);
  for (int s = 0; s < sections; s++) {
    docpipe_node *h = docpipe_node_add(root, DOCPIPE_NODE_HEADING);
    docpipe_node_set_heading_level(h, 2);
    S_text(h, "Kết quả thực hiện");
    for (int p = 0; p < 6; p++) {
      docpipe_node *para = docpipe_node_add(root, DOCPIPE_NODE_PARAGRAPH);
      S_text(para, sentence);
      S_text(docpipe_node_add(para, DOCPIPE_NODE_STRONG), "dân vận khéo");
      S_text(para, " và ");
      docpipe_node *link = docpipe_node_add(para, DOCPIPE_NODE_LINK);
      docpipe_node_set_url(link, "https://example.gov.vn/van-ban/290-qd-tw");
      S_text(link, "văn bản");
      docpipe_node_add(para, DOCPIPE_NODE_SOFT_BREAK);
      S_text(para, sentence);
    }
    docpipe_node *list = docpipe_node_add(root, DOCPIPE_NODE_LIST);
    docpipe_node_set_list_tight(list, 1);
    for (int i = 0; i < 4; i++)
      S_text(docpipe_node_add(docpipe_node_add(list, DOCPIPE_NODE_ITEM), DOCPIPE_NODE_PARAGRAPH),
             "Phát huy vai trò của Mặt trận Tổ quốc");
    docpipe_node *table = docpipe_node_add(root, DOCPIPE_NODE_TABLE);
    for (int r = 0; r < 3; r++) {
      docpipe_node *row = docpipe_node_add(table, DOCPIPE_NODE_TABLE_ROW);
      docpipe_node_set_row_header(row, r == 0);
      for (int c = 0; c < 3; c++) S_text(docpipe_node_add(row, DOCPIPE_NODE_TABLE_CELL), "Số liệu");
    }
  }
  return doc;
}

int main(int argc, char **argv) {
  docpipe_registry *reg = docpipe_registry_new();
  const char *dir = getenv("DOCPIPE_PLUGIN_DIR");
  const char *dirs[] = {dir, NULL};
  docpipe_registry_load_defaults(reg, dir ? dirs : NULL, NULL, NULL);
  const docpipe_plugin *json = docpipe_registry_find(reg, "json");
  if (!json) {
    fprintf(stderr, "json_bench: no json plugin\n");
    return 3;
  }
  docpipe_error err = DOCPIPE_ERROR_INIT;
  docpipe_doc *doc = NULL;
  if (argc > 1) {
    unsigned char *data;
    size_t size;
    if (docpipe_file_read(argv[1], 0, &data, &size, &err) ||
        docpipe_plugin_read(json, data, size, NULL, &doc, &err)) {
      fprintf(stderr, "json_bench: %s: %s\n", argv[1], err.message);
      return 1;
    }
    docpipe_free(data);
  } else {
    doc = S_synthetic(getenv("JSON_BENCH_SECTIONS") ? atoi(getenv("JSON_BENCH_SECTIONS")) : 700);
  }

  docpipe_buf out = DOCPIPE_BUF_INIT;
  size_t written = 0;
  int writes = 0;
  double t0 = S_now(), write_secs;
  do {
    docpipe_buf_reset(&out);
    if (docpipe_plugin_write(json, doc, NULL, &out, &err)) {
      fprintf(stderr, "json_bench: write: %s\n", err.message);
      return 1;
    }
    written += out.len;
    writes++;
  } while ((write_secs = S_now() - t0) < 1.0);

  size_t read = 0;
  int reads = 0, same = -1;
  double read_secs;
  t0 = S_now();
  do {
    docpipe_doc *back = NULL;
    if (docpipe_plugin_read(json, (const unsigned char *)out.data, out.len, NULL, &back, &err)) {
      fprintf(stderr, "json_bench: read: %s\n", err.message);
      return 1;
    }
    read += out.len;
    reads++;
    if (same < 0) {
      docpipe_buf again = DOCPIPE_BUF_INIT;
      same = docpipe_plugin_write(json, back, NULL, &again, &err) == 0 && again.len == out.len &&
             memcmp(again.data, out.data, out.len) == 0;
      docpipe_buf_free(&again);
      t0 = S_now(); /* the check is not part of the timing */
      read = 0;
      reads = 0;
    }
    docpipe_doc_free(back);
  } while ((read_secs = S_now() - t0) < 1.0 || reads == 0);

  printf("json document %.2f MB: write %.1f MB/s (%d runs), read %.1f MB/s (%d runs), "
         "read->write identical: %s\n",
         out.len / 1e6, written / 1e6 / write_secs, writes, read / 1e6 / read_secs, reads,
         same ? "yes" : "NO");
  docpipe_buf_free(&out);
  docpipe_doc_free(doc);
  docpipe_registry_free(reg);
  return same ? 0 : 1;
}
