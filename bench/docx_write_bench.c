/* docx_write_bench — documents per second of the docx writer on a ~20 KB
 * article, on one core.
 *
 *     build/bench/bench_docx_write_bench [PLUGIN_DIR [OUT_DIR [SECTIONS]]]
 *
 * SECTIONS (default 3) sizes the article: 3 gives a ~20 KB JSON file
 * (~9 KB of text), 6 a ~40 KB one (~18 KB of text).
 *
 * Measures (1) model -> docx (the writer alone) and, when the json plugin
 * is built, (2) json -> docx (json reader + docx writer, as
 * `docpipe in.json -o out.docx` does minus process start-up).  With
 * OUT_DIR it leaves article.json and article.docx there, so that
 * bench/docx_write_bench.sh can time pandoc on the same document. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../tests/docx_writer/sample_doc.h"
#include "docpipe/plugin.h"

/* CPU time of this thread: documents per CPU-second is "on one core",
 * and stays meaningful when other jobs share the machine. */
static double S_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static const char *const S_sentences[] = {
    "Theo báo cáo của Bộ Thông tin và Truyền thông, tỷ lệ hồ sơ được xử lý trực tuyến toàn "
    "trình đã tăng gấp ba lần so với cùng kỳ năm trước. ",
    "Các địa phương được yêu cầu rà soát, chuẩn hóa dữ liệu dân cư và kết nối với Cơ sở dữ "
    "liệu quốc gia trước ngày 30 tháng 6. ",
    "Phó Thủ tướng nhấn mạnh việc lấy người dân và doanh nghiệp làm trung tâm, đo lường sự "
    "hài lòng bằng số liệu cụ thể. ",
    "Hội nghị đã thống nhất lộ trình ba giai đoạn, trong đó giai đoạn đầu tập trung vào hạ "
    "tầng và an toàn thông tin mạng. ",
};

/* A ~20 KB article: header metadata, sections of paragraphs with links
 * and emphasis, a list and a table. */
static docpipe_doc *S_article(int sections) {
  docpipe_doc *doc = docpipe_doc_new();
  sample_meta(doc);
  docpipe_node *root = docpipe_doc_root(doc);
  for (int sec = 0; sec < sections; sec++) {
    char h[64];
    snprintf(h, sizeof h, "Phần %d: Kết quả và nhiệm vụ", sec + 1);
    docpipe_node *hn = sample_text(root, DOCPIPE_NODE_HEADING, h);
    docpipe_node_set_heading_level(hn, 2);
    for (int k = 0; k < 4; k++) {
      docpipe_node *p = docpipe_node_add(root, DOCPIPE_NODE_PARAGRAPH);
      for (int s = 0; s < 4; s++) sample_text(p, DOCPIPE_NODE_TEXT, S_sentences[(k + s) % 4]);
      docpipe_node *l = sample_text(p, DOCPIPE_NODE_LINK, "chi tiết");
      docpipe_node_set_url(l, "https://example.gov.vn/chi-tiet");
      sample_text(p, DOCPIPE_NODE_TEXT, " và ");
      sample_text(p, DOCPIPE_NODE_STRONG, "kết luận của Hội nghị");
      sample_text(p, DOCPIPE_NODE_TEXT, ".");
    }
  }
  docpipe_node *ul = docpipe_node_add(root, DOCPIPE_NODE_LIST);
  for (int i = 0; i < 5; i++)
    sample_text(docpipe_node_add(docpipe_node_add(ul, DOCPIPE_NODE_ITEM), DOCPIPE_NODE_PARAGRAPH),
                DOCPIPE_NODE_TEXT, S_sentences[i % 4]);
  docpipe_node *t = docpipe_node_add(root, DOCPIPE_NODE_TABLE);
  for (int r = 0; r < 6; r++) {
    docpipe_node *row = docpipe_node_add(t, DOCPIPE_NODE_TABLE_ROW);
    docpipe_node_set_row_header(row, r == 0);
    for (int c = 0; c < 4; c++) sample_text(row, DOCPIPE_NODE_TABLE_CELL, r ? "12.345" : "Chỉ tiêu");
  }
  return doc;
}

static void S_save(const char *dir, const char *name, const docpipe_buf *b) {
  char path[1024];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "wb");
  if (!f) return;
  fwrite(b->data, 1, b->len, f);
  fclose(f);
}

int main(int argc, char **argv) {
  const char *dir = argc > 1 ? argv[1] : getenv("DOCPIPE_PLUGIN_DIR");
  const char *out_dir = argc > 2 ? argv[2] : NULL;
  if (!dir) {
    fprintf(stderr, "usage: %s PLUGIN_DIR [OUT_DIR]\n", argv[0]);
    return 2;
  }
  docpipe_registry *reg = docpipe_registry_new();
  const char *dirs[] = {dir, NULL};
  docpipe_registry_load_defaults(reg, dirs, NULL, NULL);
  const docpipe_plugin *docx = docpipe_registry_find(reg, "docx");
  const docpipe_plugin *json = docpipe_registry_find(reg, "json");
  if (!docx || !docx->write) {
    fprintf(stderr, "no docx writer in %s\n", dir);
    return 1;
  }
  int sections = argc > 3 ? atoi(argv[3]) : 3;
  if (sections < 1 || sections > 1000) sections = 3;
  docpipe_doc *doc = S_article(sections);
  char *plain = docpipe_node_text_content(docpipe_doc_root(doc));
  printf("article: %d sections, %zu bytes of text\n", sections, plain ? strlen(plain) : 0);
  docpipe_free(plain);
  docpipe_buf text = DOCPIPE_BUF_INIT, out = DOCPIPE_BUF_INIT;
  docpipe_error err = DOCPIPE_ERROR_INIT;
  if (json && json->write && docpipe_plugin_write(json, doc, NULL, &text, &err) == 0) {
    printf("article: %zu bytes of docpipe JSON\n", text.len);
    if (out_dir) S_save(out_dir, "article.json", &text);
  }
  if (docpipe_plugin_write(docx, doc, NULL, &out, &err) != 0) {
    fprintf(stderr, "docx write failed: %s\n", err.message);
    return 1;
  }
  printf("docx: %zu bytes\n", out.len);
  if (out_dir) S_save(out_dir, "article.docx", &out);

  /* (1) model -> docx */
  int n = 0;
  double t0 = S_now(), t1 = t0;
  while (t1 - t0 < 2.0) {
    docpipe_buf_reset(&out);
    if (docpipe_plugin_write(docx, doc, NULL, &out, &err) != 0) return 1;
    n++;
    if (n % 16 == 0) t1 = S_now();
  }
  t1 = S_now();
  printf("model -> docx: %6.0f documents per CPU-second (%d in %.2f s)\n", n / (t1 - t0), n, t1 - t0);

  /* (2) json -> docx */
  if (json && json->read && text.len) {
    n = 0;
    t0 = t1 = S_now();
    while (t1 - t0 < 2.0) {
      docpipe_doc *d = NULL;
      if (docpipe_plugin_read(json, (const unsigned char *)text.data, text.len, NULL, &d, &err))
        return 1;
      docpipe_buf_reset(&out);
      if (docpipe_plugin_write(docx, d, NULL, &out, &err) != 0) return 1;
      docpipe_doc_free(d);
      n++;
      if (n % 16 == 0) t1 = S_now();
    }
    t1 = S_now();
    printf("json  -> docx: %6.0f documents per CPU-second (%d in %.2f s)\n", n / (t1 - t0), n, t1 - t0);
  } else {
    printf("json  -> docx: skipped (json plugin not built)\n");
  }
  docpipe_buf_free(&text);
  docpipe_buf_free(&out);
  docpipe_doc_free(doc);
  docpipe_registry_free(reg);
  return 0;
}
