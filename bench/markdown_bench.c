/* markdown_bench [--dump DIR] [--only PHASE] [FILE.json] — markdown -> json and json ->
 * markdown throughput of the plugins, one core, no process start-up.
 *
 * Without FILE it builds a synthetic article of a few MB (Vietnamese
 * paragraphs with emphasis, links and escapable characters, lists, block
 * quotes, code, figures, tables, front matter with decision records);
 * with FILE it uses that document.  It times, each for at least two seconds
 * after one untimed run (steady state, see S_time):
 *   markdown -> json: markdown read + json write, MB/s of Markdown input;
 *   json -> markdown: json read + markdown write, MB/s of JSON input;
 * and prints the parts alone too, and the peak RSS.  MB = 10^6 bytes.  --dump writes the
 * inputs (bench.md, bench.json) for bench/markdown_bench.sh, which runs
 * pandoc on the same files.  --only md2json|json2md|mdread|mdwrite|jsonread|
 * jsonwrite times that phase alone, for 4 s (for perf record).  Run:
 *
 *     cmake --build build --target bench && build/bench/markdown_bench
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>

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
      "Quy chế công tác dân vận của hệ thống chính trị theo Quyết định số 290-QĐ/TW (*). ";
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
      S_text(docpipe_node_add(para, DOCPIPE_NODE_EMPH), "chính quyền");
      S_text(para, " ");
      docpipe_node *link = docpipe_node_add(para, DOCPIPE_NODE_LINK);
      docpipe_node_set_url(link, "https://example.gov.vn/van-ban/290-qd-tw");
      S_text(link, "văn bản");
      docpipe_node_add(para, DOCPIPE_NODE_SOFT_BREAK);
      S_text(para, sentence);
    }
    docpipe_node *q = docpipe_node_add(root, DOCPIPE_NODE_BLOCK_QUOTE);
    S_text(docpipe_node_add(q, DOCPIPE_NODE_PARAGRAPH), sentence);
    docpipe_node *list = docpipe_node_add(root, DOCPIPE_NODE_LIST);
    docpipe_node_set_list_tight(list, 1);
    for (int i = 0; i < 4; i++)
      S_text(docpipe_node_add(docpipe_node_add(list, DOCPIPE_NODE_ITEM), DOCPIPE_NODE_PARAGRAPH),
             "Phát huy vai trò của Mặt trận Tổ quốc");
    docpipe_node *code = docpipe_node_add(root, DOCPIPE_NODE_CODE_BLOCK);
    docpipe_node_set_literal(code, "Mã số: 15/2020/NĐ-CP\n  thụt lề\n");
    docpipe_node *fig = docpipe_node_add(root, DOCPIPE_NODE_FIGURE);
    docpipe_node_set_url(fig, "img/hoi-nghi.jpg");
    docpipe_node_set_alt(fig, "Toàn cảnh hội nghị");
    S_text(fig, "Toàn cảnh hội nghị. Ảnh: PV");
    docpipe_node *table = docpipe_node_add(root, DOCPIPE_NODE_TABLE);
    for (int r = 0; r < 3; r++) {
      docpipe_node *row = docpipe_node_add(table, DOCPIPE_NODE_TABLE_ROW);
      docpipe_node_set_row_header(row, r == 0);
      for (int c = 0; c < 3; c++) S_text(docpipe_node_add(row, DOCPIPE_NODE_TABLE_CELL), "Số liệu");
    }
  }
  return doc;
}

typedef struct {
  const docpipe_plugin *from, *to;
} S_pair;

/* Seconds each timing runs for: longer under --only, so that a profile
 * is not dominated by building the inputs. */
static double S_secs = 2.0;

/* One read(from) [+ write(to) when `to`] of `in`. */
static void S_convert_once(const docpipe_plugin *from, const docpipe_plugin *to,
                           const docpipe_buf *in) {
  docpipe_error err = DOCPIPE_ERROR_INIT;
  docpipe_doc *doc = NULL;
  if (docpipe_plugin_read(from, (const unsigned char *)in->data, in->len, NULL, &doc, &err)) {
    fprintf(stderr, "markdown_bench: read %s: %s\n", from->name, err.message);
    exit(1);
  }
  if (to) {
    docpipe_buf out = DOCPIPE_BUF_INIT;
    if (docpipe_plugin_write(to, doc, NULL, &out, &err)) {
      fprintf(stderr, "markdown_bench: write %s: %s\n", to->name, err.message);
      exit(1);
    }
    docpipe_buf_free(&out);
  }
  docpipe_doc_free(doc);
}

/* One write of `doc`; the bytes written. */
static size_t S_write_once(const docpipe_plugin *to, const docpipe_doc *doc) {
  docpipe_error err = DOCPIPE_ERROR_INIT;
  docpipe_buf out = DOCPIPE_BUF_INIT;
  if (docpipe_plugin_write(to, doc, NULL, &out, &err)) {
    fprintf(stderr, "markdown_bench: write %s: %s\n", to->name, err.message);
    exit(1);
  }
  size_t len = out.len;
  docpipe_buf_free(&out);
  return len;
}

/* Steady-state throughput, as in a process that converts document after
 * document: one untimed run first, so that the first touch of the
 * allocator's fresh pages (page faults, very dear on some VMs) is not
 * charged to the format, then runs for S_secs.  MB/s of input.  What one
 * process pays for one file, start-up and first touches included, is
 * what markdown_bench.sh's whole-process figures show. */
static double S_time(const docpipe_plugin *from, const docpipe_plugin *to, const docpipe_buf *in,
                     int *runs) {
  size_t bytes = 0;
  S_convert_once(from, to, in);
  double t0 = S_now(), secs;
  *runs = 0;
  do {
    S_convert_once(from, to, in);
    bytes += in->len;
    (*runs)++;
  } while ((secs = S_now() - t0) < S_secs);
  return bytes / 1e6 / secs;
}

static double S_time_write(const docpipe_plugin *to, const docpipe_doc *doc, size_t *len, int *runs) {
  size_t bytes = 0;
  S_write_once(to, doc);
  double t0 = S_now(), secs;
  *runs = 0;
  do {
    bytes += *len = S_write_once(to, doc);
    (*runs)++;
  } while ((secs = S_now() - t0) < S_secs);
  return bytes / 1e6 / secs;
}

static int S_dump(const char *dir, const char *name, const docpipe_buf *b) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  docpipe_error err = DOCPIPE_ERROR_INIT;
  if (docpipe_file_write_atomic(path, b->data, b->len, &err)) {
    fprintf(stderr, "markdown_bench: %s: %s\n", path, err.message);
    return 1;
  }
  return 0;
}

int main(int argc, char **argv) {
  const char *dump = NULL, *file = NULL, *only = NULL;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--dump") == 0 && i + 1 < argc) dump = argv[++i];
    else if (strcmp(argv[i], "--only") == 0 && i + 1 < argc) only = argv[++i];
    else file = argv[i];
  }
  docpipe_registry *reg = docpipe_registry_new();
  const char *dir = getenv("DOCPIPE_PLUGIN_DIR");
  const char *dirs[] = {dir, NULL};
  docpipe_registry_load_defaults(reg, dir ? dirs : NULL, NULL, NULL);
  const docpipe_plugin *json = docpipe_registry_find(reg, "json");
  const docpipe_plugin *md = docpipe_registry_find(reg, "markdown");
  if (!json || !md) {
    fprintf(stderr, "markdown_bench: needs the json and markdown plugins\n");
    return 3;
  }
  docpipe_error err = DOCPIPE_ERROR_INIT;
  docpipe_doc *doc = NULL;
  if (file) {
    unsigned char *data;
    size_t size;
    if (docpipe_file_read(file, 0, &data, &size, &err) ||
        docpipe_plugin_read(json, data, size, NULL, &doc, &err)) {
      fprintf(stderr, "markdown_bench: %s: %s\n", file, err.message);
      return 1;
    }
    docpipe_free(data);
  } else {
    doc = S_synthetic(1500);
  }
  docpipe_buf mdbuf = DOCPIPE_BUF_INIT, jsbuf = DOCPIPE_BUF_INIT;
  if (docpipe_plugin_write(md, doc, NULL, &mdbuf, &err) ||
      docpipe_plugin_write(json, doc, NULL, &jsbuf, &err)) {
    fprintf(stderr, "markdown_bench: %s\n", err.message);
    return 1;
  }
  if (dump && (S_dump(dump, "bench.md", &mdbuf) || S_dump(dump, "bench.json", &jsbuf))) return 1;

  int r1, r2, r3, r4;
  size_t len;
  if (only) {
    double rate;
    S_secs = 4.0;
    if (strcmp(only, "md2json") == 0) rate = S_time(md, json, &mdbuf, &r1);
    else if (strcmp(only, "json2md") == 0) rate = S_time(json, md, &jsbuf, &r1);
    else if (strcmp(only, "mdread") == 0) rate = S_time(md, NULL, &mdbuf, &r1);
    else if (strcmp(only, "jsonread") == 0) rate = S_time(json, NULL, &jsbuf, &r1);
    else if (strcmp(only, "mdwrite") == 0) rate = S_time_write(md, doc, &len, &r1);
    else if (strcmp(only, "jsonwrite") == 0) rate = S_time_write(json, doc, &len, &r1);
    else {
      fprintf(stderr, "markdown_bench: unknown phase %s\n", only);
      return 2;
    }
    printf("%s: %.1f MB/s of its input (%d runs)\n", only, rate, r1);
    docpipe_buf_free(&mdbuf);
    docpipe_buf_free(&jsbuf);
    docpipe_doc_free(doc);
    docpipe_registry_free(reg);
    return 0;
  }
  double md2json = S_time(md, json, &mdbuf, &r1);
  double json2md = S_time(json, md, &jsbuf, &r2);
  double mdread = S_time(md, NULL, &mdbuf, &r3);
  double mdwrite = S_time_write(md, doc, &len, &r4);
  printf("markdown %.2f MB, json %.2f MB (same document)\n", mdbuf.len / 1e6, jsbuf.len / 1e6);
  printf("docpipe markdown -> json: %7.1f MB/s of markdown (%d runs)\n", md2json, r1);
  printf("docpipe json -> markdown: %7.1f MB/s of json     (%d runs)  = %.1f MB/s of markdown\n",
         json2md, r2, json2md * mdbuf.len / jsbuf.len);
  printf("  markdown read alone:    %7.1f MB/s (%d runs)\n", mdread, r3);
  printf("  markdown write alone:   %7.1f MB/s of markdown (%d runs)\n", mdwrite, r4);
  struct rusage ru;
  if (getrusage(RUSAGE_SELF, &ru) == 0) /* Linux: kilobytes */
    printf("peak RSS: %.1f MB (the whole run, both documents included)\n", ru.ru_maxrss / 1e3);
  docpipe_buf_free(&mdbuf);
  docpipe_buf_free(&jsbuf);
  docpipe_doc_free(doc);
  docpipe_registry_free(reg);
  return 0;
}
