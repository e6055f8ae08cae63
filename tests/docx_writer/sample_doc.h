/* A sample article with every node kind and every metadata kind, built
 * through the public API; shared by the docx writer tests and the bench.
 * Written in the style of a Vietnamese government portal article (our own
 * words, not scraped text). */
#ifndef DOCPIPE_TEST_SAMPLE_DOC_H
#define DOCPIPE_TEST_SAMPLE_DOC_H

#include <stdio.h>
#include <string.h>

#include "docpipe/docpipe.h"

/* A 2x2 red/blue PNG. */
#define SAMPLE_PNG_B64 "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEUlEQVR4nGP4zwAEIOI/kAAAG/ID/VxhF44AAAAASUVORK5CYII="

static inline docpipe_node *sample_text(docpipe_node *parent, docpipe_node_type type, const char *s) {
  docpipe_node *n = docpipe_node_add(parent, type);
  if (n && s) {
    if (type == DOCPIPE_NODE_TEXT || type == DOCPIPE_NODE_CODE || type == DOCPIPE_NODE_CODE_BLOCK)
      docpipe_node_set_literal(n, s);
    else
      docpipe_node_append_text(n, s, strlen(s));
  }
  return n;
}

static inline void sample_meta(docpipe_doc *doc) {
  docpipe_value *m = docpipe_doc_meta(doc);
  docpipe_value_set_string(m, "title", "Chính phủ ban hành Nghị định về chuyển đổi số quốc gia");
  docpipe_value_set_string(m, "subtitle", "Nâng cao hiệu quả dịch vụ công trực tuyến");
  docpipe_value_set_string(m, "date", "2019-12-27T13:44:00+07:00");
  docpipe_value_set_string(m, "date_text", "Thứ Sáu, 27/12/2019 13:44 (GMT+7)");
  docpipe_value *a = docpipe_value_new_list();
  docpipe_value_append_string(a, "Nguyễn Văn An");
  docpipe_value_append_string(a, "Trần Thị Bình");
  docpipe_value_set(m, "authors", a);
  docpipe_value_set_string(m, "source", "Cổng Thông tin điện tử Chính phủ");
  docpipe_value_set_string(m, "url", "https://example.gov.vn/tin-tuc/nghi-dinh-123.htm");
  docpipe_value_set_string(m, "language", "vi");
  docpipe_value_set_string(m, "description",
                           "Thủ tướng Chính phủ vừa ký ban hành Nghị định quy định chi tiết "
                           "một số điều của Luật Giao dịch điện tử.");
  docpipe_value *t = docpipe_value_new_list();
  docpipe_value_append_string(t, "chuyển đổi số");
  docpipe_value_append_string(t, "dịch vụ công");
  docpipe_value_set(m, "tags", t);
  docpipe_value *ds = docpipe_value_new_list();
  docpipe_value *d = docpipe_value_new_map();
  docpipe_value_set_string(d, "number", "123/2019/NĐ-CP");
  docpipe_value_set_string(d, "kind", "Nghị định");
  docpipe_value_set_string(d, "signed", "2019-12-20");
  docpipe_value *signers = docpipe_value_new_list();
  docpipe_value_append_string(signers, "Thủ tướng");
  docpipe_value_set(d, "signers", signers);
  docpipe_value_append(ds, d);
  docpipe_value *d2 = docpipe_value_new_map();
  docpipe_value_set_string(d2, "number", "45/QĐ-TTg");
  docpipe_value_set_string(d2, "note", "ký tự \"trích dẫn\" & <thẻ>");
  docpipe_value_append(ds, d2);
  docpipe_value_set(m, "decisions", ds);
  docpipe_value_set_string(m, "section", "Thời sự");
}

/* Body with every block and inline kind.  `image_url` is used for an
 * embedded figure (NULL: the data: PNG). */
static inline void sample_body(docpipe_doc *doc, const char *image_url) {
  docpipe_node *root = docpipe_doc_root(doc);
  sample_text(root, DOCPIPE_NODE_HEADING, "Bối cảnh");
  docpipe_node *p = docpipe_node_add(root, DOCPIPE_NODE_PARAGRAPH);
  sample_text(p, DOCPIPE_NODE_TEXT, "Theo Nghị định, ");
  sample_text(p, DOCPIPE_NODE_EMPH, "các bộ, ngành");
  sample_text(p, DOCPIPE_NODE_TEXT, " phải ");
  docpipe_node *strong = sample_text(p, DOCPIPE_NODE_STRONG, "hoàn thành ");
  sample_text(strong, DOCPIPE_NODE_EMPH, "trước năm 2025");
  sample_text(p, DOCPIPE_NODE_TEXT, " việc kết nối ");
  sample_text(p, DOCPIPE_NODE_CODE, "api/v1");
  docpipe_node_add(p, DOCPIPE_NODE_SOFT_BREAK);
  docpipe_node *link = sample_text(p, DOCPIPE_NODE_LINK, "Cổng Dịch vụ công");
  docpipe_node_set_url(link, "https://dichvucong.example.vn/p/home?a=1&b=2");
  docpipe_node_set_title(link, "Trang chủ");
  docpipe_node_add(p, DOCPIPE_NODE_LINE_BREAK);
  sample_text(p, DOCPIPE_NODE_TEXT, "Xem thêm ");
  docpipe_node *anchor = sample_text(p, DOCPIPE_NODE_LINK, "phụ lục");
  docpipe_node_set_url(anchor, "#phu-luc");
  sample_text(p, DOCPIPE_NODE_TEXT, " và biểu tượng ");
  docpipe_node *img = sample_text(p, DOCPIPE_NODE_IMAGE, "logo");
  docpipe_node_set_url(img, "data:image/png;base64," SAMPLE_PNG_B64);
  sample_text(p, DOCPIPE_NODE_TEXT, ".\tHết.");

  for (int level = 2; level <= 6; level++) {
    char h[32];
    snprintf(h, sizeof h, "Mục cấp %d", level);
    docpipe_node *hn = sample_text(root, DOCPIPE_NODE_HEADING, h);
    docpipe_node_set_heading_level(hn, level);
  }

  docpipe_node *q = docpipe_node_add(root, DOCPIPE_NODE_BLOCK_QUOTE);
  sample_text(docpipe_node_add(q, DOCPIPE_NODE_PARAGRAPH), DOCPIPE_NODE_TEXT,
              "Chuyển đổi số là nhiệm vụ trọng tâm.");
  docpipe_node *q2 = docpipe_node_add(q, DOCPIPE_NODE_BLOCK_QUOTE);
  sample_text(docpipe_node_add(q2, DOCPIPE_NODE_PARAGRAPH), DOCPIPE_NODE_TEXT, "Trích dẫn lồng.");

  docpipe_node *ul = docpipe_node_add(root, DOCPIPE_NODE_LIST);
  docpipe_node *li = docpipe_node_add(ul, DOCPIPE_NODE_ITEM);
  sample_text(docpipe_node_add(li, DOCPIPE_NODE_PARAGRAPH), DOCPIPE_NODE_TEXT, "Mục thứ nhất");
  docpipe_node *ol = docpipe_node_add(li, DOCPIPE_NODE_LIST);
  docpipe_node_set_list_type(ol, DOCPIPE_LIST_ORDERED);
  docpipe_node_set_list_start(ol, 3);
  for (int i = 0; i < 2; i++) {
    docpipe_node *oi = docpipe_node_add(ol, DOCPIPE_NODE_ITEM);
    sample_text(docpipe_node_add(oi, DOCPIPE_NODE_PARAGRAPH), DOCPIPE_NODE_TEXT,
                i ? "Bước bốn" : "Bước ba");
  }
  sample_text(docpipe_node_add(li, DOCPIPE_NODE_PARAGRAPH), DOCPIPE_NODE_TEXT,
              "Đoạn tiếp theo của mục thứ nhất");
  docpipe_node *li2 = docpipe_node_add(ul, DOCPIPE_NODE_ITEM);
  sample_text(docpipe_node_add(li2, DOCPIPE_NODE_PARAGRAPH), DOCPIPE_NODE_TEXT, "Mục thứ hai");

  docpipe_node *code =
      sample_text(root, DOCPIPE_NODE_CODE_BLOCK, "if (x < 1) {\n\treturn \"ok\";\n}\n");
  docpipe_node_set_info(code, "c");
  docpipe_node_add(root, DOCPIPE_NODE_THEMATIC_BREAK);

  docpipe_node *fig = docpipe_node_add(root, DOCPIPE_NODE_FIGURE);
  docpipe_node_set_url(fig, image_url ? image_url : "data:image/png;base64," SAMPLE_PNG_B64);
  docpipe_node_set_alt(fig, "Toàn cảnh hội nghị");
  sample_text(fig, DOCPIPE_NODE_TEXT, "Hội nghị trực tuyến toàn quốc. ");
  sample_text(fig, DOCPIPE_NODE_EMPH, "Ảnh: VGP");
  docpipe_node *fig2 = docpipe_node_add(root, DOCPIPE_NODE_FIGURE);
  docpipe_node_set_url(fig2, "https://example.gov.vn/anh/hoi-nghi.jpg");
  docpipe_node_set_alt(fig2, "Ảnh không nhúng");
  sample_text(fig2, DOCPIPE_NODE_TEXT, "Chú thích ảnh thứ hai");

  docpipe_node *tbl = docpipe_node_add(root, DOCPIPE_NODE_TABLE);
  static const char *const cells[3][3] = {
      {"Chỉ tiêu", "2019", "2020"}, {"Hồ sơ trực tuyến", "1.000", "25.000"}, {"Tỷ lệ", "8%", NULL}};
  for (int r = 0; r < 3; r++) {
    docpipe_node *row = docpipe_node_add(tbl, DOCPIPE_NODE_TABLE_ROW);
    if (r == 0) docpipe_node_set_row_header(row, 1);
    for (int k = 0; k < 3 && cells[r][k]; k++) {
      docpipe_node *cell = sample_text(row, DOCPIPE_NODE_TABLE_CELL, cells[r][k]);
      docpipe_node_set_cell_align(cell, k ? DOCPIPE_ALIGN_RIGHT : DOCPIPE_ALIGN_LEFT);
    }
  }
  sample_text(docpipe_node_add(root, DOCPIPE_NODE_PARAGRAPH), DOCPIPE_NODE_TEXT,
              "Nghị định có hiệu lực kể từ ngày ký.");
}

#endif
