/* Bylines: who wrote an article and for whom.  Strict on purpose: a
 * sentence or an organisation taken for a person is worse than a miss. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "extract_internal.h"

/* Common Vietnamese family names (NFC).  A bare line of capitalised words
 * is taken for a name only when it starts with one of these, or when it
 * was pushed to the right margin (a typical signature). */
static const char *const S_surnames[] = {
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Đoàn", "Lâm", "Mai", "Trịnh", "Trương", "Cao", "Lương",
    "Tạ", "Hà", "Tô", "Quách", "Cầm", "Lò", "Đào", "Vương", "Thái", "Châu", "Kiều", "Chu", "Lưu",
    "Tăng", "Phùng", "Triệu", "Tống", "Khổng", "Thân", "Mạc", "Nông", "Lục", "Giáp", "La", "Kim",
    "Doãn", "Âu", "Từ", "Khúc", "Lã", "Diệp", "Ông", "Quan", "Hứa", "Thạch", "Đàm", "Ninh", "Lại",
    "Hầu", "Phí", "Bế", "Tôn", "Nghiêm", "Nhữ", "Vi", "Lường", "Điểu", "Y", "Sùng", "Lăng", "Ma", "Hán", "Khương", "Trình", "Bạch", "Đậu", "Tiêu", "Mông", "Vàng", "Thào",
    "Giàng", "Sầm", "Quàng", "Lèo", NULL};

/* Words that make a capitalised phrase an organisation, a heading or page
 * chrome rather than a person. */
static const char *const S_not_name_words[] = {
    "Ban", "Sở", "Bộ", "Hội", "Đảng", "Ủy", "ủy", "UBND", "HĐND", "MTTQ", "Tỉnh", "Huyện", "Xã",
    "Phường", "Phòng", "Cổng", "Báo", "Đài", "Chủ", "Tin", "Các", "Những", "Khác", "Thống",
    "Kê", "Truy", "Cập", "Chọn", "Ty", "Viện", "Trường", "Cục", "Bản", "Hướng", "Dẫn", "Thông",
    "Sự", "Kiện", "Bài", "Ảnh", "Video", "Xem", "Thêm", "Chia", "Sẻ", "In", "Quay", "Lại", "Về",
    "Theo", "Nguồn", "TP", "Phố", "Phủ", "Quốc", "Cờ", "Đua", "Lượt", "Chuyên", "Mục",
    "Hệ", "Đăng", "Nhập", "Tìm", "Kiếm", "Trả", "Lời", "Gửi", "Luận", "Skip", "Home",
    "Menu", "Related", "Share", "Comments", "News", "More", "Blog", "Post", "Posts", "Article",
    "Articles", "Press", "Release", "Guide", "Guides", "Podcast", "Update", "Updates", "Story",
    "Stories", "Event", "Events", "Insights", "Resources", "Tips", "Case", "Study", "By", "Written",
    "Posted", "Published", "Updated", "Modified", "Reviewed", "Edited", "Author", "Authors", NULL};

/* First words of an agency credited after a dash. */
static const char *const S_agency_words[] = {
    "Trung", "Báo", "Đài", "Cổng", "Ban", "Sở", "Phòng", "UBND", "Hội", "Tạp", "Văn", "Trang",
    "Công", "Huyện", "Tỉnh", "Thành", "Xã", "Phường", "Đoàn", "Trường", "Viện", "Cục", "Bộ",
    "TTXVN", "VTV", "VOV", "Truyền", "Kênh", NULL};

/* Places whose names start like a family name ("Hà Nội Mới" is a
 * newspaper, "Thái Bình" a province): a line opening with one is not a
 * person. */
static const char *const S_places[] = {
    "Hà Nội", "Hà Nam", "Hà Giang", "Hà Tĩnh", "Hà Tây", "Hà Đông", "Thái Bình", "Thái Nguyên",
    "Ninh Bình", "Ninh Thuận", "Lâm Đồng", "Cao Bằng", "Hồ Chí Minh", "Châu Đốc", "Cao Lãnh",
    "Mai Châu", "Kim Bôi", "Quan Hóa", "Lý Sơn", "Lục Yên", "Bạch Long Vĩ", NULL};

static int S_starts_place(const char *s, size_t len) {
  for (size_t i = 0; S_places[i]; i++) {
    size_t n = strlen(S_places[i]);
    if (len >= n && memcmp(s, S_places[i], n) == 0 && (len == n || s[n] == ' ')) return 1;
  }
  return 0;
}

static int S_in(const char *const *list, const char *w, size_t n) {
  for (size_t i = 0; list[i]; i++)
    if (strlen(list[i]) == n && memcmp(list[i], w, n) == 0) return 1;
  return 0;
}

/* The first code point of s, and its byte length. */
static utf8proc_int32_t S_cp(const char *s, size_t len, size_t *n) {
  utf8proc_int32_t cp = -1;
  utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &cp);
  *n = k > 0 ? (size_t)k : 1;
  return cp;
}

static int S_is_upper(utf8proc_int32_t cp) {
  return cp >= 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
}
static int S_is_letter(utf8proc_int32_t cp) {
  utf8proc_category_t c = cp >= 0 ? utf8proc_category(cp) : UTF8PROC_CATEGORY_CN;
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LL || c == UTF8PROC_CATEGORY_LT ||
         c == UTF8PROC_CATEGORY_MN;
}

/* The lower-case particles inside European names ("Jan de Vries",
 * "Ursula von der Leyen", "Maria da Silva"): never a name's first or last
 * word. */
static const char *const S_particles[] = {"de", "van", "der", "den", "von", "da", "di", "du",
                                          "del", "della", "dos", "das", "do", "le", "ter", "ten",
                                          "bin", "binti", NULL};

/* A personal name: 2-5 words, each a capital letter followed by lower
 * case letters (an apostrophe allowed, as in "K’Ré"), no digits; a
 * particle may stand between them. */
static int S_is_name(const char *s, size_t len, int need_surname, int allow_one_word) {
  size_t words = 0, i = 0;
  int surname = 0, particle_last = 0;
  while (i < len && s[i] == ' ') i++;
  if (S_starts_place(s + i, len - i)) return 0;
  while (i < len) {
    while (i < len && s[i] == ' ') i++;
    if (i >= len) break;
    size_t start = i, n;
    utf8proc_int32_t cp = S_cp(s + i, len - i, &n);
    if (!S_is_upper(cp)) {
      size_t e = i;
      while (e < len && s[e] != ' ') e++;
      if (words == 0 || !S_in(S_particles, s + i, e - i)) return 0;
      particle_last = 1;
      i = e;
      continue;
    }
    particle_last = 0;
    i += n;
    size_t letters = 1, uppers = 1;
    while (i < len && s[i] != ' ') {
      cp = S_cp(s + i, len - i, &n);
      if (cp == '\'' || cp == 0x2019) {
        i += n;
        continue;
      }
      if (!S_is_letter(cp)) return 0;
      if (S_is_upper(cp)) uppers++;
      letters++;
      i += n;
    }
    /* "K’Ré" has two capitals; an acronym ("LCĐT") is not a name word, nor a
     * word longer than the longest surnames ("Hollingsworth"). */
    if (uppers > 2 || (uppers == 2 && letters <= 3) || letters > 14) return 0;
    if (S_in(S_not_name_words, s + start, i - start)) return 0;
    if (words == 0 && S_in(S_surnames, s + start, i - start)) surname = 1;
    words++;
  }
  if (particle_last || words > 5 || words < (allow_one_word ? 1u : 2u)) return 0;
  return need_surname ? surname : 1;
}

/* Appends trimmed s[0..len) to `list` when it is a name (or "PV"). */
static int S_add_name(docpipe_value *list, const char *s, size_t len, int need_surname) {
  while (len && (*s == ' ' || *s == '-')) s++, len--;
  while (len && (s[len - 1] == ' ' || s[len - 1] == '.' || s[len - 1] == '-')) len--;
  if (len == 2 && memcmp(s, "PV", 2) == 0) return docpipe_value_append(list, docpipe_value_new_string_n(s, len)) == 0;
  if (!S_is_name(s, len, need_surname, 0)) return 0;
  return docpipe_value_append(list, docpipe_value_new_string_n(s, len)) == 0;
}

/* "By A and B in Hong Kong": where the writers filed from, one to three
 * capitalised words after the last " in ", is no part of their names.
 * Returns the length without it (len when there is none). */
static size_t S_without_place(const char *s, size_t len) {
  size_t at = len;
  for (size_t i = 0; i + 4 < len; i++)
    if (memcmp(s + i, " in ", 4) == 0) at = i;
  if (at == len) return len;
  size_t i = at + 4, words = 0;
  while (i < len) {
    while (i < len && s[i] == ' ') i++;
    if (i >= len) break;
    size_t n;
    if (!S_is_upper(S_cp(s + i, len - i, &n))) return len;
    i += n;
    while (i < len && s[i] != ' ') {
      utf8proc_int32_t cp = S_cp(s + i, len - i, &n);
      if (!S_is_letter(cp) && cp != '-' && cp != '.') return len;
      i += n;
    }
    words++;
  }
  return words >= 1 && words <= 3 ? at : len;
}

/* " en ", " und ", " dan "...: "and" between two names in the languages
 * whose bylines the labels below read (Dutch, German, Indonesian, French,
 * Spanish, Italian and Portuguese, Polish, Turkish); its length, or 0. */
static size_t S_conjunction(const char *s, size_t n) {
  static const char *const words[] = {" en ", " und ", " dan ", " et ", " y ", " e ", " i ",
                                      " ve ", NULL};
  for (size_t k = 0; words[k]; k++) {
    size_t w = strlen(words[k]);
    if (n > w && memcmp(s, words[k], w) == 0) return w;
  }
  return 0;
}

/* Splits "A, B và C" / "A - B" / "A and B" into names; all must be names. */
/* need_surname: 0 none, 1 every name, 2 at least one of them ("Phạm
 * Tuấn - Thu Hà": pen names often drop the family name). */
static int S_add_names(docpipe_value *list, const char *s, size_t len, int need_surname) {
  size_t i = 0, start = 0, added = 0, with_surname = 0;
  while (i <= len) {
    size_t sep = 0;
    if (i == len) sep = 1;
    else if (s[i] == ',' || s[i] == ';') sep = 1;
    else if (len - i > 4 && memcmp(s + i, " và ", strlen(" và ")) == 0) sep = strlen(" và ");
    else if (len - i > 5 && memcmp(s + i, " and ", 5) == 0) sep = 5;
    else if (len - i > 3 && memcmp(s + i, " - ", 3) == 0) sep = 3;
    else if (len - i > 5 && memcmp(s + i, " – ", strlen(" – ")) == 0) sep = strlen(" – ");
    else sep = S_conjunction(s + i, len - i);
    if (sep) {
      if (!S_add_name(list, s + start, i - start, need_surname == 1)) return 0;
      if (need_surname == 2) {
        const char *w = s + start;
        size_t wl = i - start;
        while (wl && *w == ' ') w++, wl--;
        size_t fw = 0;
        while (fw < wl && w[fw] != ' ') fw++;
        if (S_in(S_surnames, w, fw)) with_surname++;
      }
      added++;
      i += sep;
      start = i;
      continue;
    }
    i++;
  }
  return added > 0 && (need_surname != 2 || with_surname > 0);
}

/* An agency or outlet: an acronym ("LCĐT", "TTXVN", "CTTĐT") or a short
 * capitalised phrase ("Báo Lào Cai", "Cổng TTĐT tỉnh"). */
static int S_is_source(const char *s, size_t len) {
  if (len == 0 || len > 60) return 0;
  size_t n;
  if (!S_is_upper(S_cp(s, len, &n))) return 0;
  size_t words = 1;
  for (size_t i = 0; i < len; i++) {
    /* "Trung tâm Văn hóa - Thông tin huyện": the dash joins, it is no word */
    if (s[i] == ' ' && !(i + 2 < len && s[i + 1] == '-' && s[i + 2] == ' ')) words++;
    if (s[i] == ',' || s[i] == ';' || s[i] == ':' || s[i] == '"') return 0;
  }
  return words <= 7;
}

/* A site named by its domain, as reprints credit it: "Theo
 * dangcongsan.vn", "Theo baochinhphu.vn".  Lower-case labels of letters,
 * digits and dashes, two or more, joined by dots. */
static int S_is_domain(const char *s, size_t len) {
  if (len < 4 || len > 60) return 0;
  size_t dots = 0, label = 0;
  for (size_t i = 0; i < len; i++) {
    char ch = s[i];
    if (ch == '.') {
      if (!label) return 0;
      dots++;
      label = 0;
    } else if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || (ch == '-' && label)) {
      label++;
    } else {
      return 0;
    }
  }
  return dots >= 1 && label >= 2;
}

static char *S_dup(const char *s, size_t len) {
  char *d = docpipe_malloc(len + 1);
  if (d) {
    memcpy(d, s, len);
    d[len] = '\0';
  }
  return d;
}

static int S_prefix(const char *s, size_t len, const char *p) {
  size_t n = strlen(p);
  return len >= n && memcmp(s, p, n) == 0;
}

/* "Thu Hương/VOV-Tây Bắc": a name, a slash and an outlet, as "Theo X/Y"
 * without "Theo".  The outlet must open with an agency word or an
 * acronym ("VOV-Tây Bắc", "TTXVN") or name an outlet ("Báo X"), so that
 * "Kinh Tế/Xã Hội" is no byline. */
static int S_slash_credit(docpipe_value *list, const char *s, size_t n, char **src) {
  const char *slash = memchr(s, '/', n);
  if (!slash || memchr(slash + 1, '/', n - (size_t)(slash - s) - 1)) return 0;
  size_t an = (size_t)(slash - s), sn = n - an - 1;
  const char *o = slash + 1;
  while (sn && *o == ' ') o++, sn--;
  while (sn && (o[sn - 1] == ' ' || o[sn - 1] == '.')) sn--;
  size_t fw = 0;
  while (fw < sn && o[fw] != ' ' && o[fw] != '-') fw++;
  int caps = fw >= 2;
  for (size_t i = 0; i < fw; i++) caps &= o[i] >= 'A' && o[i] <= 'Z';
  static const char *const outlets[] = {"Báo", "Đài", "Tạp", "Cổng", "Trang", "Truyền", "Kênh", NULL};
  if (!(caps || S_in(outlets, o, fw)) || !S_is_source(o, sn)) return 0;
  while (an && s[an - 1] == ' ') an--;
  if (!S_add_names(list, s, an, 0)) return 0;
  *src = S_dup(o, sn);
  return *src != NULL;
}

/* A line in capitals ("NGUYỄN THÀNH LONG", as many papers print bylines)
 * in title case, so that it reads as a name; NULL when the line is not
 * only capitals and spaces.  Malloc'd. */
static char *S_caps_to_title(const char *s, size_t n) {
  size_t letters = 0;
  for (size_t i = 0; i < n;) {
    size_t k;
    utf8proc_int32_t cp = S_cp(s + i, n - i, &k);
    if (cp == ' ' || cp == '-') {
      i += k;
      continue;
    }
    if (!S_is_upper(cp) && utf8proc_category(cp) != UTF8PROC_CATEGORY_MN) return NULL;
    letters++;
    i += k;
  }
  if (letters < 4) return NULL;
  char *out = docpipe_malloc(n * 2 + 1);
  if (!out) return NULL;
  size_t o = 0;
  int first = 1;
  for (size_t i = 0; i < n;) {
    size_t k;
    utf8proc_int32_t cp = S_cp(s + i, n - i, &k);
    if (cp == ' ' || cp == '-') first = 1;
    else if (!first) cp = utf8proc_tolower(cp);
    else first = 0;
    o += (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out + o);
    i += k;
  }
  out[o] = '\0';
  return out;
}

/* Academic titles a magazine prints before its writer's name, longest
 * first so that "PGS.TS." is not read as "PGS." and a name "TS. …". */
static const char *const S_academic_titles[] = {
    "PGS.TS.", "PGS. TS.", "PGS, TS.", "PGS.TS", "GS.TS.", "GS. TS.", "GS, TS.", "GS.TS",
    "TS.BS.", "ThS.BS.", "PGS.", "GS.", "TS.", "ThS.", "THS.", "Th.S.", "NCS.", NULL};

/* Whether s[0..n) is one word in capitals (combining marks allowed). */
static int S_caps_word(const char *s, size_t n) {
  for (size_t i = 0; i < n;) {
    size_t k;
    utf8proc_int32_t cp = S_cp(s + i, n - i, &k);
    if (!S_is_upper(cp) && utf8proc_category(cp) != UTF8PROC_CATEGORY_MN) return 0;
    i += k;
  }
  return n > 0;
}

/* "TS. LÊ THỊ MINH HẰNG" then the writer's institution on the next line
 * or after a dash or comma ("ThS. Nguyễn Văn An - Học viện X"): a
 * research article's byline.  The academic title is the sign, so the name
 * needs no family name from the list; a name in capitals ends where the
 * capitals do ("TS. LÊ VĂN A Học viện X", the line break lost).  The
 * institution is no outlet: it is left out, not made the source. */
static int S_academic_byline(docpipe_value *list, const char *s, size_t n) {
  size_t t = 0;
  for (size_t k = 0; S_academic_titles[k] && !t; k++)
    if (S_prefix(s, n, S_academic_titles[k])) t = strlen(S_academic_titles[k]);
  if (!t || t >= n || (s[t] != ' ' && s[t - 1] != '.')) return 0;
  while (t < n && s[t] == ' ') t++;
  const char *r = s + t;
  size_t rn = n - t, end = 0, caps = 1;
  /* the name: up to a line break, " - ", ",", "(", or the capitals' end */
  for (size_t i = 0; i <= rn;) {
    size_t w = i;
    while (w < rn && r[w] != ' ' && r[w] != '\n' && r[w] != ',' && r[w] != '(') w++;
    if (w > i && caps && !S_caps_word(r + i, w - i)) {
      if (i == 0) caps = 0;
      else break;
    }
    end = w;
    if (w >= rn || r[w] != ' ' || (w + 2 < rn && r[w + 1] == '-' && r[w + 2] == ' ')) break;
    i = w + 1;
  }
  while (end && r[end - 1] == ' ') end--;
  char *titled = caps ? S_caps_to_title(r, end) : NULL;
  const char *name = titled ? titled : r;
  size_t nn = titled ? strlen(titled) : end;
  int ok = (!caps || titled) && S_is_name(name, nn, 0, 0) &&
           docpipe_value_append(list, docpipe_value_new_string_n(name, nn)) == 0;
  docpipe_free(titled);
  return ok;
}

/* Military and police ranks a newspaper prints before its writer's name
 * ("Bài và ảnh: Đại tá PHẠM VĂN KHÁNH"): no part of the name. */
static const char *const S_ranks[] = {
    "Đại tướng", "Thượng tướng", "Trung tướng", "Thiếu tướng", "Đại tá", "Thượng tá",
    "Trung tá", "Thiếu tá", "Đại úy", "Thượng úy", "Trung úy", "Thiếu úy", "Đại uý",
    "Thượng uý", "Trung uý", "Thiếu uý", "Chuẩn úy", NULL};

/* The length of a rank (and the spaces after it) at s, or 0. */
static size_t S_rank(const char *s, size_t n) {
  for (size_t k = 0; S_ranks[k]; k++) {
    size_t r = strlen(S_ranks[k]);
    if (n > r && memcmp(s, S_ranks[k], r) == 0 && s[r] == ' ') {
      while (r < n && s[r] == ' ') r++;
      return r;
    }
  }
  return 0;
}

/* The names after a credit label, into *list: a rank before them goes, a
 * name in capitals reads in title case, and an outlet after the last
 * comma ("By A, B and C, Meridian News") is the source when *src has
 * none.  1 when they are names. */
static int S_labelled_names(docpipe_value **list, const char *rest, size_t rn, char **src) {
  size_t r = S_rank(rest, rn);
  rest += r, rn -= r;
  char *titled = S_caps_to_title(rest, rn);
  const char *t = titled ? titled : rest;
  size_t tn = titled ? strlen(titled) : rn;
  int ok = S_add_names(*list, t, tn, 0);
  const char *comma = ok ? NULL : memrchr(t, ',', tn);
  if (comma && !*src) {
    /* a failed reading may have left names in the list: start afresh */
    const char *o = comma + 1;
    size_t on = tn - (size_t)(o - t), an = (size_t)(comma - t);
    while (on && *o == ' ') o++, on--;
    docpipe_value *fresh = docpipe_value_new_list();
    if (fresh && !S_is_name(o, on, 0, 0) && S_is_source(o, on) && S_add_names(fresh, t, an, 0)) {
      docpipe_value_free(*list);
      *list = fresh;
      fresh = NULL;
      *src = S_dup(o, on);
      ok = *src != NULL;
    }
    docpipe_value_free(fresh);
  }
  docpipe_free(titled);
  return ok;
}

/* Words that open a person's office after a dash in a signature at the
 * right margin ("Nguyễn Hữu Thắng - Chủ tịch Hội CCB huyện X"): the office
 * is no outlet, and the name before it the author. */
static const char *const S_office_heads[] = {
    "Chủ tịch", "Phó Chủ tịch", "Bí thư", "Phó Bí thư", "Trưởng", "Phó trưởng", "Phó Trưởng",
    "Giám đốc", "Phó Giám đốc", "Chánh", "Ủy viên", "Cán bộ", "Hội viên", "Chuyên viên",
    "Phóng viên", "Cộng tác viên", "Giáo viên", "Đảng viên", NULL};

static int S_office_at(const char *s, size_t n) {
  for (size_t k = 0; S_office_heads[k]; k++) {
    size_t w = strlen(S_office_heads[k]);
    if (n > w && memcmp(s, S_office_heads[k], w) == 0 && s[w] == ' ') return 1;
  }
  return 0;
}

int docpipe_byline_parse(const char *line, size_t len, docpipe_value **authors, char **source) {
  if (!line || !authors || !source) return 0;
  *authors = NULL;
  *source = NULL;
  /* Work on NFC; a right-aligned signature starts with many spaces. */
  size_t nlen;
  char *norm = docpipe_utf8_nfc(line, len, &nlen, NULL);
  if (!norm) return 0;
  size_t lead = 0;
  while (lead < nlen && (norm[lead] == ' ' || norm[lead] == '\t')) lead++;
  const char *s = norm + lead;
  size_t n = nlen - lead;
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n')) n--;
  int right_aligned = lead >= 8;
  docpipe_value *list = docpipe_value_new_list();
  char *src = NULL;
  int ok = 0;
  if (n == 0 || n > 100 || !list) goto done;

  if (S_prefix(s, n, "Theo ")) {
    /* "Theo Thành Phú/LCĐT", "Theo CTTĐT", "Theo Nguyễn Văn A (Báo X)". */
    const char *rest = s + 5;
    size_t rn = n - 5;
    while (rn && rest[rn - 1] == '.') rn--;
    const char *slash = memchr(rest, '/', rn);
    if (slash) {
      size_t an = (size_t)(slash - rest), sn = rn - an - 1;
      if (S_add_names(list, rest, an, 0) && S_is_source(slash + 1, sn)) {
        src = S_dup(slash + 1, sn);
        ok = 1;
      }
    } else if (S_is_name(rest, rn, 1, 0)) {
      ok = S_add_names(list, rest, rn, 1);
    } else if (S_is_source(rest, rn) || S_is_domain(rest, rn)) {
      src = S_dup(rest, rn);
      ok = 1;
    }
    goto done;
  }
  if (S_academic_byline(list, s, n)) {
    ok = 1;
    goto done;
  }
  static const char *const labels[] = {"Tin, ảnh:", "Tin và ảnh:", "Tin - ảnh:", "Bài, ảnh:",
                                       "Bài và ảnh:", "Bài:", "Tin:", "Ảnh:", "Tác giả:",
                                       "Nhóm PV:", "Nhóm phóng viên:", "Bài, ảnh", "Tin, ảnh",
                                       /* a broadcaster's credits: the reporters ("PV: A -
                                        * B"); its "BTV:" (the editor) credits no author */
                                       "PV:", "Phóng viên:", "Viết bởi ", "Thực hiện:",
                                       "By ", "Author:", "Written by ",
                                       /* "by" and "author" in Dutch, Indonesian, German,
                                        * French, Spanish, Polish, Turkish */
                                       "Door ", "Penulis:", "Penulis ", "Oleh:", "Oleh ",
                                       "Von ", "Par ", "Por ", "Autor:", "Autorzy:", "Autor ",
                                       "Yazar:", NULL};
  for (size_t k = 0; labels[k]; k++) {
    if (!S_prefix(s, n, labels[k])) continue;
    const char *rest = s + strlen(labels[k]);
    size_t rn = n - strlen(labels[k]);
    while (rn && *rest == ' ') rest++, rn--;
    while (rn && rest[rn - 1] == '.') rn--;
    /* "Tin, ảnh: Minh Anh (Báo Lào Cai)": a source in parentheses. */
    const char *open = memchr(rest, '(', rn);
    if (open && rest[rn - 1] == ')') {
      size_t sn = rn - (size_t)(open - rest) - 2;
      if (S_is_source(open + 1, sn)) src = S_dup(open + 1, sn);
      rn = (size_t)(open - rest);
    }
    rn = S_without_place(rest, rn);
    ok = S_labelled_names(&list, rest, rn, &src);
    goto done;
  }
  /* "Nguồn: TTXVN" credits a source only. */
  if (S_prefix(s, n, "Nguồn:") || S_prefix(s, n, "Nguồn :") || S_prefix(s, n, "Source:")) {
    const char *rest = memchr(s, ':', n) + 1;
    size_t rn = n - (size_t)(rest - s);
    while (rn && *rest == ' ') rest++, rn--;
    while (rn && rest[rn - 1] == '.') rn--;
    if (S_is_source(rest, rn)) {
      src = S_dup(rest, rn);
      ok = 1;
    }
    goto done;
  }
  if (n == 2 && memcmp(s, "PV", 2) == 0) {
    ok = docpipe_value_append_string(list, "PV") == 0;
    goto done;
  }
  size_t rank = S_rank(s, n); /* "Thượng tá NGUYỄN VĂN A" at the margin */
  s += rank, n -= rank;
  /* A byline in capitals is read in title case (acronyms, "TTXVN", are
   * only in the labelled forms above or in parentheses, left as they are). */
  char *titled = S_caps_to_title(s, n);
  if (titled) {
    docpipe_free(norm);
    norm = titled;
    s = norm;
    n = strlen(norm);
  }
  /* A bare name: "Cầm Thi Giang", or "Nguyễn Văn A (Báo X)". */
  const char *open = memchr(s, '(', n);
  size_t nn = n;
  if (open && s[n - 1] == ')') {
    size_t sn = n - (size_t)(open - s) - 2;
    /* "(Báo X)" is a source; "(tổng hợp)", "(st)" say how it was made. */
    static const char *const notes[] = {"tổng hợp", "TH", "st", "sưu tầm", "lược dịch",
                                        "dịch", "theo", "thực hiện", "ghi", "lược ghi", NULL};
    int note = 0;
    for (size_t k = 0; notes[k]; k++)
      if (strlen(notes[k]) <= sn && strncmp(open + 1, notes[k], strlen(notes[k])) == 0) note = 1;
    if (!note && !S_is_source(open + 1, sn)) goto done;
    nn = (size_t)(open - s);
    while (nn && s[nn - 1] == ' ') nn--;
    if (S_is_name(s, nn, !right_aligned, 0)) {
      if (!note) src = S_dup(open + 1, sn);
      ok = S_add_names(list, s, nn, 0);
    } else if (memchr(s, ',', nn) || memmem(s, nn, " - ", 3)) {
      /* "Nguyễn Quang Minh - Trần Thu Hà (TTXVN)": a team credited together */
      ok = S_add_names(list, s, nn, right_aligned ? 0 : 2);
      if (ok && !note) src = S_dup(open + 1, sn);
    }
    goto done;
  }
  /* "Văn Bình - Trung tâm VH-TT-TT huyện": a name, a dash, an agency. */
  const char *dash = memmem(s, n, " - ", 3);
  if (dash) {
    size_t an = (size_t)(dash - s), sn = n - an - 3;
    const char *agency = dash + 3;
    size_t first_word = strcspn(agency, " ");
    if (first_word < sn && S_in(S_agency_words, agency, first_word) &&
        S_is_name(s, an, 0, 0) && sn <= 60) {
      src = S_dup(agency, sn);
      ok = S_add_names(list, s, an, 0);
      goto done;
    }
    /* at the margin only: elsewhere "X - Chủ tịch nước" is as likely a caption */
    if (right_aligned && S_office_at(agency, sn) && S_is_name(s, an, 0, 0)) {
      ok = S_add_names(list, s, an, 0);
      goto done;
    }
  }
  if (S_is_name(s, nn, !right_aligned, 0)) ok = S_add_names(list, s, nn, 0);
  else if (memchr(s, ',', nn) || memmem(s, nn, " - ", 3))
    /* pen names ("Thanh Lam - Đức Huy") often drop the family name: at
     * the right margin, where signatures go, none is needed */
    ok = S_add_names(list, s, nn, right_aligned ? 0 : 2);
  else ok = S_slash_credit(list, s, nn, &src);

done:
  docpipe_free(norm);
  if (!ok || (docpipe_value_count(list) == 0 && !src)) {
    docpipe_value_free(list);
    docpipe_free(src);
    return 0;
  }
  *authors = list;
  *source = src;
  return 1;
}
