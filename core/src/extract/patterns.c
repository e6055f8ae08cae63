/* The regular expressions of the extractors (pcre2, UTF + Unicode
 * properties, caseless where the language is), compiled once. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "extract_internal.h"

#define TYPES                                                                                   \
  "Quyết\\s+định|Chỉ\\s+thị|Nghị\\s+quyết|Kết\\s+luận|Thông\\s+báo\\s+kết\\s+luận|Thông\\s+báo|Hướng\\s+dẫn|Kế\\s+hoạch|"     \
  "Chương\\s+trình\\s+hành\\s+động|Chương\\s+trình|Đề\\s+án|Quy\\s+chế|Quy\\s+định|Nghị\\s+định|" \
  "Thông\\s+tư\\s+liên\\s+tịch|Thông\\s+tư|Công\\s+văn|Báo\\s+cáo|Tờ\\s+trình|Công\\s+điện|"     \
  "Thông\\s+tri|Pháp\\s+lệnh|Luật|Quy\\s+trình|Điều\\s+lệ|Nghị\\s+quyết\\s+liên\\s+tịch"
/* Party style 290-QĐ/TW, 03-CTr/BDVTU; state style 16/CT-TTg,
 * 15/2020/NĐ-CP, 123/UBND-VP; laws and resolutions of the National
 * Assembly, whose issuer carries the legislature's number: 52/2019/QH14,
 * 1211/2016/UBTVQH13 (the year is required there, so "12/2021/AB1" in
 * prose is rare enough).  An abbreviation starts upper case. */
#define ABBR "[\\p{Lu}][\\p{L}]{0,7}"
#define CODE                                                                  \
  "(?:\\d{1,5}[a-z]?-" ABBR "(?:/" ABBR "(?:-" ABBR ")*)+"                    \
  "|\\d{1,5}[a-z]?(?:/(?:19|20)\\d\\d)?/" ABBR "(?:-" ABBR ")+"                \
  "|\\d{1,5}/(?:19|20)\\d\\d/\\p{Lu}{2,8}\\d{1,2})"
#define MONTHS_EN                                                                             \
  "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"             \
  "Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?"

/* French, German, Spanish, Italian, Portuguese, Dutch, Indonesian, Polish
 * (the genitive a date takes: "5 grudnia 2024") and Turkish month names,
 * full and abbreviated as their papers print them; S_month_eu in date.c maps them
 * back, so the two lists must name the same words. */
#define MONTHS_EU                                                                             \
  "(janvier|janv|février|fevrier|févr|fevr|mars|avril|avr|mai|juin|juillet|juil|août|aout|"  \
  "septembre|sept|octobre|novembre|décembre|decembre|déc|"                                    \
  "Januar|Jänner|Jan|Februar|Feb|März|Mär|April|Apr|Mai|Juni|Juli|August|Aug|September|Sept|" \
  "Sep|Oktober|Okt|November|Nov|Dezember|Dez|"                                                \
  "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|"  \
  "diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|"        \
  "janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|"             \
  "januari|februari|maart|mrt|mei|augustus|maret|agustus|desember|agt|agu|des|"              \
  "stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|"         \
  "listopada|grudnia|ocak|şubat|mart|nisan|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|"    \
  "aralık|"                                                                                   \
  "ene|abr|ago|dic|gen|mag|giu|lug|ott|fev|set|out)\\.?"

/* A month after "tháng": its number or its Vietnamese name ("Tháng Mười
 * Hai", as CMSs in the Vietnamese locale print it); S_month_vi in date.c
 * maps the names back. */
#define MONTHS_VI                                                                              \
  "(\\d{1,2}|mười\\s+một|mười\\s+hai|mười|một|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|giêng)"         \
  "(?![\\p{L}\\p{N}])"

static const struct {
  const char *re;
  uint32_t flags;
} S_src[X_COUNT] = {
    [X_DATE_DMY] = {"(?<![\\d/.])(\\d{1,2})\\s?([/.-])\\s?(\\d{1,2})\\s?\\2\\s?((?:19|20)\\d\\d)(?!\\d)", 0},
    [X_DATE_ISO] = {"(?<!\\d)((?:19|20)\\d\\d)-(\\d\\d)-(\\d\\d)(?:[T ](\\d\\d):(\\d\\d)(?::(\\d\\d))?"
                    "(?:\\.\\d+)?(Z|[+-]\\d\\d:?\\d\\d)?)?(?!\\d)", 0},
    [X_DATE_VI_WORDS] = {"ngày\\s+(\\d{1,2})\\s+tháng\\s+(\\d{1,2})\\s+năm\\s+((?:19|20)\\d\\d)",
                         PCRE2_CASELESS},
    /* the year may meet the next word with no space where the page set
     * them in two boxes ("Dec. 5, 2024Updated 12:31 p.m. ET") */
    [X_DATE_EN_MDY] = {"\\b" MONTHS_EN "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d\\d)(?!\\d)",
                       PCRE2_CASELESS},
    /* "5-Dec-2024" too, as press-release wires and logs print it: a hyphen
     * on both sides of the month or on neither */
    [X_DATE_EN_DMY] = {"\\b(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+|-(?=[A-Za-z]{3,9}\\.?-))" MONTHS_EN
                       "(?:,?\\s+|(?<=[A-Za-z.])-)((?:19|20)\\d\\d)\\b",
                       PCRE2_CASELESS},
    /* day first, "1er" and "5." allowed; "de" between the parts in Spanish
     * and Portuguese */
    [X_DATE_EU_DMY] = {"(?<![\\p{L}\\p{N}])(\\d{1,2})(?:er|º|°)?\\.?\\s+(?:de\\s+)?" MONTHS_EU
                       ",?\\s+(?:de\\s+|del\\s+)?((?:19|20)\\d\\d)(?!\\d)",
                       PCRE2_CASELESS},
    /* Joomla and other CMSs print the month by its Vietnamese name, "Tháng
     * 12", between the day and the year with no "ngày" or "năm": "Thứ năm,
     * 05 Tháng 12 2024 10:25".  The day must open a word, and nothing but
     * spaces (a comma, "năm") lies between the parts, so prose ("6 tháng đầu
     * năm 2024") does not read as one. */
    [X_DATE_VI_MONTH] = {"(?<![\\p{L}\\p{N}/.-])(\\d{1,2})\\s+tháng\\s+" MONTHS_VI "(?:,|\\s+năm)?\\s+((?:19|20)\\d\\d)(?![\\d/.,]\\d|\\d)",
                         PCRE2_CASELESS},
    /* WordPress in Vietnamese prints its default "F j, Y" as "Tháng Mười Hai
     * 5, 2024" (or "Tháng 12 5, 2024"): the month first, a comma before
     * the year, as in English */
    [X_DATE_VI_MDY] = {"(?<![\\p{L}\\p{N}])tháng\\s+" MONTHS_VI "\\s+(\\d{1,2}),\\s*((?:19|20)\\d\\d)(?!\\d)",
                       PCRE2_CASELESS},
    /* "à 14h30", "um 14.30 Uhr", "14.30 GMT": a dot parts the hours only
     * before "Uhr" or a zone, where it cannot be a number */
    [X_TIME] = {"\\G\\s*(?:[-,|–]\\s*)?(?:lúc\\s+|at\\s+|à\\s+|às\\s+|um\\s+|a\\s+las\\s+|alle\\s+|ore\\s+|om\\s+|pukul\\s+|godz\\.\\s*|saat\\s+)?"
                "(\\d{1,2})\\s*(?::|h|g|\\.(?=\\d\\d\\s*(?:Uhr|GMT|UTC|WIB|WITA|WIT|CET|CEST)))\\s*(\\d\\d)(?::(\\d\\d))?(?:\\s*Uhr)?"
                "(?:\\s*(AM|PM|SA|CH|sáng|chiều|tối))?(?:\\s*\\(?\\s*(?:GMT|UTC)(?:\\s*([+-])\\s*(\\d{1,2})"
                "(?::?(\\d\\d))?)?\\s*\\)?"
                /* a zone's abbreviation ("14:30 CET", "2:30pm AEDT", "14:30 IST") */
                "|\\s*\\(?(?-i:(CEST|CET|JST|KST|HKT|SGT|AEDT|AEST|ICT|IST|WIB|WITA|WIT))\\)?(?![\\p{L}\\p{N}]))?",
                PCRE2_CASELESS},
    [X_TIME_BEFORE] = {"(\\d{1,2}):(\\d\\d)(?::(\\d\\d))?\\s*(AM|PM)?\\s*(?:[-,|–]\\s*)?"
                       "(?:(?:Thứ\\s+\\p{L}+|Chủ\\s+nhật|CN|T[2-7])\\s*[,-]?\\s*)?(?:ngày\\s+)?$",
                       PCRE2_CASELESS},
    [X_EVENT_DAY] = {"^\\s*(?:\\(\\p{L}+\\)\\s*[-–]?\\s*)?(?:(?:Sáng|Chiều|Tối|Trưa|Đêm|Rạng\\s+sáng|"
                     "Sáng\\s+sớm|Chiều\\s+tối|Tối\\s+muộn|Ngày|Hôm\\s+nay)\\s*(?:nay\\s*)?(?:ngày\\s+)?"
                     "(?:\\([^)]{1,20}\\)\\s*)?)(\\d{1,2})\\s*/\\s*(\\d{1,2})(?:\\s*/\\s*((?:19|20)\\d\\d))?(?![\\d/])",
                     0},
    [X_YEAR_WORD] = {"(?:năm|Năm)\\s+((?:19|20)\\d\\d)(?!\\d)", 0},
    [X_DEC_TYPED] = {"(?<![\\p{L}\\p{N}])(" TYPES ")(?:\\s+(?:số|Số))?\\s*:?\\s*(?:(" CODE
                     ")|(\\d{1,4}[a-z]?)(?![\\p{L}\\p{N}/-]|[.,]\\d|\\s*(?:%|(?:năm|tháng|giờ|điểm|"
                     "nội\\s+dung|nhiệm\\s+vụ|giải\\s+pháp|mục\\s+tiêu|lần|cấp|người|đơn\\s+vị|"
                     "xã|huyện|tỉnh|chương|điều|khoản|vấn\\s+đề|bước|tiêu\\s+chí|chỉ\\s+tiêu|"
                     "lĩnh\\s+vực|nhóm|phần|mục|trang|đợt|lớp|buổi|hộ|thôn|bản|tổ|triệu|tỷ|nghìn|"
                     "ngàn|trăm|ha|km|tấn|loại|dự\\s+án|công\\s+trình|hoạt\\s+động|cuộc|ngành|"
                     "cơ\\s+quan|thành\\s+viên|đại\\s+biểu|học\\s+sinh|hồ\\s+sơ|trường\\s+hợp|"
                     "tuần|phút|giây|tiết|kỳ|khóa|đồng|USD|m2|m)(?![\\p{L}\\p{N}])|ngày(?!\\s+\\d))))",
                     PCRE2_CASELESS},
    [X_DEC_CODE] = {"(?<![\\p{L}\\p{N}/.-])(" CODE ")(?![\\p{L}\\p{N}])", 0},
};

static pcre2_code *S_code[X_COUNT];
static pthread_once_t S_once = PTHREAD_ONCE_INIT;

static void S_compile(void) {
  for (int i = 0; i < X_COUNT; i++) {
    int errcode;
    PCRE2_SIZE erroff;
    S_code[i] = pcre2_compile((PCRE2_SPTR)S_src[i].re, PCRE2_ZERO_TERMINATED,
                              PCRE2_UTF | PCRE2_UCP | PCRE2_NO_UTF_CHECK | S_src[i].flags, &errcode,
                              &erroff, NULL);
    if (S_code[i]) pcre2_jit_compile(S_code[i], PCRE2_JIT_COMPLETE);
  }
}

const pcre2_code *docpipe__x_pattern(x_pattern which) {
  pthread_once(&S_once, S_compile);
  return S_code[which];
}

int docpipe__x_match(x_pattern which, const char *s, size_t len, size_t start, size_t *ov,
                     int pairs) {
  const pcre2_code *re = docpipe__x_pattern(which);
  if (!re || start > len) return 0;
  pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
  if (!md) return 0;
  /* Document text is valid UTF-8 already (the model guarantees it). */
  int rc = pcre2_match(re, (PCRE2_SPTR)s, len, start, PCRE2_NO_UTF_CHECK, md, NULL);
  if (rc > 0) {
    PCRE2_SIZE *v = pcre2_get_ovector_pointer(md);
    uint32_t n = pcre2_get_ovector_count(md);
    for (int i = 0; i < pairs; i++) {
      if ((uint32_t)i < n && i < rc) {
        ov[2 * i] = v[2 * i];
        ov[2 * i + 1] = v[2 * i + 1];
      } else {
        ov[2 * i] = ov[2 * i + 1] = PCRE2_UNSET;
      }
    }
  }
  pcre2_match_data_free(md);
  return rc > 0 ? rc : 0;
}

int docpipe__x_int(const char *s, size_t a, size_t b) {
  if (a == PCRE2_UNSET || b <= a || b - a > 6) return -1;
  int v = 0;
  for (size_t i = a; i < b; i++) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

int docpipe__x_valid_ymd(int y, int m, int d) {
  /* Articles and the documents they cite: 1900-2099, a real day. */
  return y >= 1900 && y <= 2099 && docpipe__calendar_day_valid(y, m, d);
}
