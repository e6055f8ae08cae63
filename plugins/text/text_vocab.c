/* Chrome vocabularies; see text_vocab.h. */
#include <string.h>

#include "text_vocab.h"

static int S_in(const char *s, size_t len, const char *const *list) {
  if (len == 0) return 0;
  for (; *list; list++)
    if (**list == *s && strlen(*list) == len && memcmp(*list, s, len) == 0) return 1;
  return 0;
}

/* Length without trailing ':', spaces and a count in brackets
 * ("Bình luận (0)"). */
static size_t S_core(const char *s) {
  size_t n = strlen(s);
  if (n >= 3 && s[n - 1] == ')') {
    size_t k = n - 1;
    while (k > 0 && s[k - 1] >= '0' && s[k - 1] <= '9') k--;
    if (k > 0 && k < n - 1 && s[k - 1] == '(') n = k - 1;
  }
  while (n && (s[n - 1] == ':' || s[n - 1] == ' ' || s[n - 1] == '.')) n--;
  return n;
}

static const char *const S_menu[] = {
    "sự kiện nổi bật", "tin nổi bật", "tin tức, sự kiện", "tin tức - sự kiện", "tin tức sự kiện",
    "tin tức", "trang chủ", "trang nhất", "giới thiệu", "liên hệ", "sơ đồ site", "sơ đồ trang",
    "đăng nhập", "đăng ký", "tìm kiếm", "tìm kiếm nâng cao", "danh mục tin tức", "danh mục",
    "chuyên mục", "tin tiêu điểm", "tiêu điểm", "tin xem nhiều", "xem nhiều nhất", "đọc nhiều",
    "đọc nhiều nhất", "tin đọc nhiều", "thư viện ảnh", "thư viện video", "video", "hình ảnh",
    "liên kết website", "liên kết", "website liên kết", "văn bản mới", "văn bản", "lịch công tác",
    "hỏi đáp", "ý kiến bạn đọc", "gửi ý kiến", "bình luận", "gửi bình luận", "chia sẻ",
    "chia sẻ bài viết", "quay lại", "trở về", "về đầu trang", "lên đầu trang", "đầu trang",
    "in bài viết", "in bài", "bản in", "gửi email", "gửi bài viết", "từ khóa", "từ khoá", "tags",
    "menu", "đấu thầu - mua sắm công", "đấu thầu mua sắm công", "thông tin tuyên truyền",
    "skip ribbon commands", "skip to main content", "skip navigation", "bỏ qua nội dung",
    "chuyển đến nội dung chính", "toggle navigation", "share", "print", "home", "facebook",
    "twitter", "zalo", "email", "rss", "sitemap", "số lượng và lượt người truy cập",
    "thống kê truy cập", "thống kê", "bộ đếm truy cập", "lượt truy cập", "số lượt truy cập",
    "xem kết quả", "gửi bình chọn", "biểu quyết", "ý kiến của bạn", "ý kiến", "gửi ý kiến của bạn",
    "chia sẻ bài viết", "chia sẻ bài", "lưu bài viết", "theo dõi", "theo dõi chúng tôi", "đăng ký nhận tin",
    "quảng cáo", "advertisement", "sponsored", "share this article", "share this story", "share this",
    "share on facebook", "share on twitter", "sign up for our newsletter", "subscribe", "log in",
    "sign in", "comments", "listen to this article", "print this page", "skip to content",
    "close", "menu", "search", NULL};

int text_vocab_menu(const char *f) { return S_in(f, S_core(f), S_menu); }

static const char *const S_related[] = {
    "các tin khác", "tin khác", "các tin tức khác", "tin tức khác", "tin liên quan",
    "các tin liên quan", "tin tức liên quan", "tin cùng chuyên mục", "các tin cùng chuyên mục",
    "tin cùng loại", "bài viết liên quan", "các bài viết liên quan", "bài liên quan",
    "các bài viết khác", "bài viết khác", "các bài khác", "tin bài khác", "các tin bài khác",
    "tin đã đưa", "các tin đã đưa", "tin bài liên quan", "xem thêm", "đọc thêm", "có thể bạn quan tâm",
    "bạn có thể quan tâm", "tin mới hơn", "tin cũ hơn", "các tin mới hơn", "các tin cũ hơn",
    "tin mới", "tin mới nhất", "các tin mới", "tin mới đăng", "related news", "related articles",
    "related stories", "more news", "more stories", "read more", "see also", "other news", "related",
    "related content", "more on this story", "most read", "most popular", "you may also like", NULL};

int text_vocab_related(const char *f) {
  if (S_in(f, S_core(f), S_related)) return 1;
  /* "Các tin khác: <first item>" on one line. */
  const char *colon = strchr(f, ':');
  return colon && colon - f < 40 && S_in(f, (size_t)(colon - f), S_related);
}

static const char *const S_poll[] = {"bình chọn", "thăm dò ý kiến", "thăm dò", "khảo sát ý kiến",
                                     "khảo sát", "lấy ý kiến", "poll", NULL};

int text_vocab_poll(const char *f) { return S_in(f, S_core(f), S_poll); }

/* Phrases a control line is made of; removed before the remaining tokens
 * are checked.  Longest first. */
static const char *const S_control_phrases[] = {
    "xem với cỡ chữ", "cỡ chữ", "kích thước chữ", "cỡ", "chia sẻ bài viết", "về đầu trang",
    "lên đầu trang", "đầu trang", "quay lại", "trở về", "lưu lại", "bản in", "in bài viết", "in bài",
    "in trang",
    "gửi email", "gửi bài viết", "gửi bài", "chia sẻ", "lưu bài viết", "lưu bài", "lưu", "email",
    "facebook", "zalo", "twitter", "tweet", "print", "font size", "text size", "share", "in", NULL};

static const char *const S_control_tokens[] = {"+a", "-a", "a+", "a-", "a", "+", "-", "|", ":",
                                               "/", "a++", "a--", "aa", "·", "•", NULL};

int text_vocab_controls(const char *f) {
  char buf[512];
  size_t n = strlen(f);
  if (n == 0 || n >= sizeof buf) return 0;
  memcpy(buf, f, n + 1);
  int phrases = 0, sizers = 0;
  for (const char *const *p = S_control_phrases; *p; p++) {
    size_t pl = strlen(*p);
    char *hit;
    while ((hit = strstr(buf, *p)) != NULL) {
      /* Only whole words: "in" must not eat the middle of "tin". */
      int left_ok = hit == buf || strchr(" |:/", hit[-1]);
      int right_ok = hit[pl] == 0 || strchr(" |:/", hit[pl]);
      if (!left_ok || !right_ok) break;
      memset(hit, ' ', pl);
      phrases++;
    }
  }
  char *save = NULL;
  for (char *tok = strtok_r(buf, " \t", &save); tok; tok = strtok_r(NULL, " \t", &save)) {
    size_t tl = strlen(tok);
    while (tl && (tok[tl - 1] == ':' || tok[tl - 1] == '|')) tok[--tl] = 0;
    if (tl == 0) continue;
    if (!S_in(tok, tl, S_control_tokens)) return 0;
    if (strchr(tok, 'a')) sizers++;
  }
  /* "Cỡ chữ: +A | -A" or "A- A A+": at least a phrase or two sizers. */
  return phrases > 0 || sizers >= 2;
}

static const char *const S_counter_labels[] = {
    "đang truy cập", "đang online", "online", "trực tuyến", "đang trực tuyến", "hôm nay", "hôm qua",
    "tuần này", "tuần trước", "tháng này", "tháng trước", "tháng hiện tại", "năm nay", "tổng",
    "tổng số", "tổng cộng", "tổng lượt truy cập", "tổng lượt", "lượt truy cập", "truy cập",
    "lượt xem", "số lượt xem", "lượt đọc", "khách", "thành viên", "số lượt truy cập", "visitors",
    "today", "total", NULL};

int text_vocab_counter(const char *f) {
  size_t n = strlen(f), i = 0;
  while (i < n && (f[i] == ' ' || f[i] == '-' || f[i] == '*')) i++;
  if (n - i >= 2 && (unsigned char)f[i] == 0xE2 && (unsigned char)f[i + 1] == 0x80) i += 3; /* • */
  if (n - i >= 2 && (unsigned char)f[i] == 0xC2 && (unsigned char)f[i + 1] == 0xB7) i += 2; /* · */
  while (i < n && f[i] == ' ') i++;
  /* label, then only digits and separators */
  size_t end = n;
  while (end > i && strchr("0123456789.,: ", f[end - 1])) end--;
  if (end <= i) return 0;
  return S_in(f + i, end - i, S_counter_labels);
}

/* Verbs and scene words of photo captions on Vietnamese portals. */
static const char *const S_caption_words[] = {
    " phát biểu ", " trao ", " tặng ", " chủ trì ", " quang cảnh ", " toàn cảnh ", " ảnh ",
    " chụp ảnh ", " thăm ", " kiểm tra ", " tham quan ", " cắt băng ", " khánh thành ",
    " tại điểm cầu ", " điểm cầu ", " các đại biểu ", " đại biểu dự ", " dự hội nghị ",
    " tại hội nghị ", " tại buổi ", " tại lễ ", " làm việc với ", " chúc mừng ",
    " giữa ", " từ trái sang ", " từ phải sang ", " thứ hai từ trái ", " bên trái ", " bên phải ",
    " dâng hương ", " dâng hoa ", " gắn huy hiệu ", " trao tặng ", " photo ", " pictured ", NULL};

int text_vocab_caption(const char *w) {
  for (const char *const *p = S_caption_words; *p; p++)
    if (strstr(w, *p)) return 1;
  return 0;
}

/* Page footers: publisher, licence and contact lines. */
static const char *const S_footer_starts[] = {
    "bản quyền", "©", "copyright", "địa chỉ:", "điện thoại:", "đt:", "fax:", "email:", "e-mail:",
    "giấy phép", "chịu trách nhiệm", "ghi rõ nguồn", "cơ quan chủ quản", "trưởng ban biên tập",
    "tổng biên tập:", "phó tổng biên tập", "cổng thông tin điện tử", "trang thông tin điện tử",
    "all rights reserved", NULL};

int text_vocab_footer(const char *f) {
  for (const char *const *p = S_footer_starts; *p; p++)
    if (!strncmp(f, *p, strlen(*p))) {
      /* "Cổng thông tin điện tử ..." is a footer only as a short line. */
      if (!strncmp(*p, "cổng", 4) || !strncmp(*p, "trang", 5)) return strlen(f) < 120;
      return 1;
    }
  return strstr(f, "all rights reserved") != NULL || strstr(f, "bản quyền thuộc") != NULL;
}

/* Length of a tag-list label ("từ khóa:", "tags:"), 0 when none. */
size_t text_vocab_tags(const char *f) {
  static const char *const labels[] = {"từ khóa:", "từ khoá:", "tags:", "tag:", "keywords:", NULL};
  for (const char *const *p = labels; *p; p++)
    if (!strncmp(f, *p, strlen(*p))) return strlen(*p);
  return 0;
}
