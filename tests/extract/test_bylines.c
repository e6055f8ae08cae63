/* docpipe_byline_parse: positives with their authors and source, and the
 * lines that must never be taken for a byline. */
#include <stdio.h>
#include <string.h>

#include "docpipe/extract.h"
#include "harness.h"

static const struct {
  const char *line, *authors, *source; /* authors joined by "; "; NULL line -> not a byline */
} cases[] = {
    {"Cầm Thi Giang", "Cầm Thi Giang", NULL},
    {"                                       Trần Thanh Hiền", "Trần Thanh Hiền", NULL},
    {"Theo Thành Phú/LCĐT", "Thành Phú", "LCĐT"},
    {"Theo CTTĐT", "", "CTTĐT"},
    {"Theo TTXVN", "", "TTXVN"},
    {"Theo Báo Lào Cai", "", "Báo Lào Cai"},
    {"Theo Nguyễn Văn Nam", "Nguyễn Văn Nam", NULL},
    {"Theo Minh Anh, Thu Hà/Báo Hà Nam", "Minh Anh; Thu Hà", "Báo Hà Nam"},
    {"Tin, ảnh: Hoàng Hà", "Hoàng Hà", NULL},
    {"Tin, ảnh: Thu Trang, Văn Long", "Thu Trang; Văn Long", NULL},
    {"Tin và ảnh: Phạm Tuấn (Trung tâm VHTT)", "Phạm Tuấn", "Trung tâm VHTT"},
    {"Bài, ảnh: Lê Minh", "Lê Minh", NULL},
    {"PV", "PV", NULL},
    {"Nguyễn Thị Hồng Nhung", "Nguyễn Thị Hồng Nhung", NULL},
    {"Lê Hoàng (Báo Tuyên Quang)", "Lê Hoàng", "Báo Tuyên Quang"},
    {"Ngô Thị Thanh Hằng - Phạm Văn Hiểu", "Ngô Thị Thanh Hằng; Phạm Văn Hiểu", NULL},
    {"By Jane Doe", "Jane Doe", NULL},
    {"By Jane Doe and John Smith", "Jane Doe; John Smith", NULL},
    {"By Dana Whitfield", "Dana Whitfield", NULL},
    {"By Ann Hollingsworth", "Ann Hollingsworth", NULL},
    /* where they filed from is no part of the names */
    {"By Ivy Leung and Marcus Tan in Hong Kong", "Ivy Leung; Marcus Tan", NULL},
    {"By Anna Kowal in London", "Anna Kowal", NULL},
    {"Tác giả: Đỗ Văn Phới", "Đỗ Văn Phới", NULL},
    {"  Vũ Thu Hà  ", "Vũ Thu Hà", NULL},
    {"Nguye\xCC\x82\xCC\x83n Va\xCC\x86n Hu\xCC\x80ng", "Nguyễn Văn Hùng", NULL}, /* NFD */
    {"Nguồn: TTXVN", "", "TTXVN"},
    {"Hà Anh (tổng hợp)", "Hà Anh", NULL},
    {"Văn Bình - Trung tâm VH-TT-TT huyện", "Văn Bình", "Trung tâm VH-TT-TT huyện"},
    {"Phạm Tuấn - Thu Hà", "Phạm Tuấn; Thu Hà", NULL},
    {"Theo Hà Nội Mới", "", "Hà Nội Mới"},
    /* pen names at the right margin, a team with its agency, capitals,
     * "Name/Outlet" without "Theo", an outlet with a dash in its name */
    {"        Thanh Lam - Đức Huy", "Thanh Lam; Đức Huy", NULL},
    {"Nguyễn Quang Minh - Trần Thu Hà (TTXVN)", "Nguyễn Quang Minh; Trần Thu Hà", "TTXVN"},
    {"        Quang Minh - Thu Hà (TTXVN)", "Quang Minh; Thu Hà", "TTXVN"},
    {"NGUYỄN THÀNH LONG", "Nguyễn Thành Long", NULL},
    {"        ANH SƠN", "Anh Sơn", NULL},
    {"Thu Hương/VOV-Tây Bắc", "Thu Hương", "VOV-Tây Bắc"},
    {"Minh Thu/Báo Lào Cai", "Minh Thu", "Báo Lào Cai"},
    {"Nguồn: Trung tâm Văn hóa - Thông tin huyện", "", "Trung tâm Văn hóa - Thông tin huyện"},
    {"Viết bởi Nguyễn Thị Hoa", "Nguyễn Thị Hoa", NULL},
    /* a reprint credited to a site by its domain */
    {"Theo dangcongsan.vn", "", "dangcongsan.vn"},
    {"Theo baochinhphu.vn.", "", "baochinhphu.vn"},
    /* a broadcaster's reporters after "PV:" */
    {"PV: Đức Anh - Minh Tuấn", "Đức Anh; Minh Tuấn", NULL},
    {"Phóng viên: Lò Văn Piêng", "Lò Văn Piêng", NULL},
    /* a research article's writer: an academic title, the name, perhaps
     * the institution after a line break or a dash */
    {"TS. LÊ THỊ MINH HẰNG\nHọc viện Chính trị khu vực III", "Lê Thị Minh Hằng", NULL},
    {"TS. LÊ THỊ MINH HẰNG Học viện Chính trị khu vực III", "Lê Thị Minh Hằng", NULL},
    {"PGS.TS. Nguyễn Văn An - Học viện Báo chí và Tuyên truyền", "Nguyễn Văn An", NULL},
    {"ThS. Quang Minh", "Quang Minh", NULL},
    /* a military rank before a name in capitals; an interviewer's
     * "(thực hiện)"; a signature with the writer's office after a dash */
    {"Bài và ảnh: Đại tá PHẠM VĂN KHÁNH", "Phạm Văn Khánh", NULL},
    {"        Thượng tá NGUYỄN VĂN AN", "Nguyễn Văn An", NULL},
    {"Hoàng Mai (thực hiện)", "Hoàng Mai", NULL},
    {"Thực hiện: Hoàng Mai", "Hoàng Mai", NULL},
    {"        Nguyễn Hữu Thắng - Chủ tịch Hội CCB huyện Tân Lạc", "Nguyễn Hữu Thắng", NULL},
    /* the outlet after the last comma; particles inside names; "by" and
     * "and" in other languages */
    {"By Anna Lindqvist, Marcus Webb and Priya Raman, Meridian News",
     "Anna Lindqvist; Marcus Webb; Priya Raman", "Meridian News"},
    {"Door Jan de Vries en Sanne Bakker", "Jan de Vries; Sanne Bakker", NULL},
    {"Penulis Rina Ayu Lestari", "Rina Ayu Lestari", NULL},
    {"Oleh: Rina Ayu dan Dani Prabowo", "Rina Ayu; Dani Prabowo", NULL},
    {"Par Claire Vasseur et Marc Dubois", "Claire Vasseur; Marc Dubois", NULL},
    {"Autor: Jan Kowalski i Anna Nowak", "Jan Kowalski; Anna Nowak", NULL},
    {"By Ursula von der Leyen", "Ursula von der Leyen", NULL},
    /* never a byline */
    {"By Jan de", NULL, NULL},
    {"Par ailleurs, le maire a annoncé", NULL, NULL},
    {"Door de regen", NULL, NULL},
    {"Nguyễn Hữu Thắng - Chủ tịch nước", NULL, NULL},
    {"TS. Học viện Chính trị", NULL, NULL},
    {"TS. nghiên cứu về dân vận", NULL, NULL},
    {"BTV: Thanh Hương", NULL, NULL}, /* the editor */
    {"Theo .vn", NULL, NULL},
    {"Viết bởi Quản trị", NULL, NULL}, /* the CMS account */
    {"Theo www", NULL, NULL},
    {"Hà Nội Mới", NULL, NULL},
    {"Thái Bình", NULL, NULL},
    {"Quang Vinh - Ngọc Tú", NULL, NULL}, /* no family name anywhere: a heading as likely */
    {"Quang Minh - Thu Hà (TTXVN)", NULL, NULL},
    {"ANH SƠN", NULL, NULL}, /* capitals with no family name, not at the margin: a heading */
    {"THỐNG KÊ TRUY CẬP", NULL, NULL},
    {"        TIN LIÊN QUAN", NULL, NULL},
    {"Kinh Tế/Xã Hội", NULL, NULL},
    {"Văn Hóa/Thể Thao", NULL, NULL},
    {"Văn Hóa - Thể Thao", NULL, NULL},
    {"Nguồn: theo báo cáo của huyện, năm nay", NULL, NULL},
    {"Minh Anh - Thu Hà - Đài truyền hình", NULL, NULL},
    {"Các tin khác", NULL, NULL},
    {"Tin Liên Quan", NULL, NULL},
    {"By Blog Post", NULL, NULL},
    {"By Dana Whitfield Published", NULL, NULL},
    {"By Ivy Leung in the rain", NULL, NULL},
    {"By Product Updates", NULL, NULL},
    {"THỐNG KÊ TRUY CẬP", NULL, NULL},
    {"Ban Dân vận Tỉnh ủy", NULL, NULL},
    {"Thành ủy Hà Nội", NULL, NULL},
    {"Theo đó, các cấp ủy cần tiếp tục thực hiện", NULL, NULL},
    {"Theo báo cáo của Ban Dân vận", NULL, NULL},
    {"Quang cảnh hội nghị.", NULL, NULL},
    {"Bí thư Tỉnh ủy Nguyễn Văn Vịnh phát biểu tại hội nghị.", NULL, NULL},
    {"Sự kiện nổi bật", NULL, NULL},
    {"Bình chọn", NULL, NULL},
    {"Hội nghị trực tuyến", NULL, NULL},
    {"Ngày đăng: 16/07/2020", NULL, NULL},
    {"UBND tỉnh Hà Nam", NULL, NULL},
    {"Đồng chí Nguyễn Văn Vịnh chủ trì hội nghị", NULL, NULL},
    {"Trên 85.000 người đã được hỗ trợ khó khăn", NULL, NULL},
    {"", NULL, NULL},
    {"Toàn cảnh hội nghị tại điểm cầu huyện Lý Nhân.png", NULL, NULL},
    {"eeba5c24-e272-4432-b7d9-724158b02e59", NULL, NULL},
    {"Skip to main content", NULL, NULL},
};

static void test_cases(void) {
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    docpipe_value *authors = NULL;
    char *source = NULL;
    const char *line = cases[i].line;
    int is = docpipe_byline_parse(line, strlen(line), &authors, &source);
    if (!cases[i].authors) {
      INT_EQ(is, 0, line);
      continue;
    }
    INT_EQ(is, 1, line);
    char joined[256] = "";
    for (size_t k = 0; k < docpipe_value_count(authors); k++) {
      if (k) strcat(joined, "; ");
      strncat(joined, docpipe_value_string(docpipe_value_at(authors, k)), 200);
    }
    STR_EQ(joined, cases[i].authors, line);
    STR_EQ(source, cases[i].source, line);
    docpipe_value_free(authors);
    docpipe_free(source);
  }
}

int main(void) {
  RUN(test_cases);
  return harness_summary();
}
