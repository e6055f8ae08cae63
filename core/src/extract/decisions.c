/* Cited documents ("decision numbers"): Party-style codes (290-QĐ/TW),
 * state-style codes (16/CT-TTg, 15/2020/NĐ-CP) and typed references
 * without a code (Quyết định 23), with the issue date and issuing body
 * written next to them; merged and deduplicated in order of mention. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "extract_internal.h"

static const struct {
  const char *abbr, *type;
} S_abbrs[] = {
    {"QĐ", "Quyết định"}, {"CT", "Chỉ thị"},    {"NQ", "Nghị quyết"},  {"KL", "Kết luận"},
    {"TB", "Thông báo"},  {"HD", "Hướng dẫn"},  {"KH", "Kế hoạch"},    {"CTr", "Chương trình"},
    {"ĐA", "Đề án"},      {"QC", "Quy chế"},    {"QĐi", "Quy định"},   {"NĐ", "Nghị định"},
    {"TT", "Thông tư"},   {"TTLT", "Thông tư liên tịch"}, {"CV", "Công văn"}, {"BC", "Báo cáo"},
    {"TTr", "Tờ trình"},  {"CĐ", "Công điện"},  {"NQLT", "Nghị quyết liên tịch"}, {NULL, NULL}};

static const char *const S_types[] = {
    "Quyết định", "Chỉ thị", "Nghị quyết liên tịch", "Nghị quyết", "Kết luận",
    "Thông báo kết luận", "Thông báo",
    "Hướng dẫn", "Kế hoạch", "Chương trình hành động", "Chương trình", "Đề án", "Quy chế",
    "Quy định", "Nghị định", "Thông tư liên tịch", "Thông tư", "Công văn", "Báo cáo", "Tờ trình",
    "Công điện", "Thông tri", "Pháp lệnh", "Luật", "Quy trình", "Điều lệ", NULL};

static const char *S_type_of_abbr(const char *s, size_t n) {
  for (size_t i = 0; S_abbrs[i].abbr; i++)
    if (strlen(S_abbrs[i].abbr) == n && memcmp(S_abbrs[i].abbr, s, n) == 0) return S_abbrs[i].type;
  return NULL;
}

/* The canonical spelling of a matched type word: "quyết  định" -> "Quyết
 * định".  Compares with spaces collapsed and the first letter folded. */
static const char *S_canonical_type(const char *s, size_t n) {
  char buf[64];
  size_t k = 0;
  for (size_t i = 0; i < n && k + 1 < sizeof buf; i++) {
    if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n') {
      if (k && buf[k - 1] != ' ') buf[k++] = ' ';
    } else {
      buf[k++] = s[i];
    }
  }
  buf[k] = '\0';
  for (size_t t = 0; S_types[t]; t++) {
    const char *c = S_types[t];
    size_t cl = strlen(c);
    if (cl != k) continue;
    /* First letter may differ in case; the rest is lower case in both. */
    size_t first = (unsigned char)c[0] < 0x80 ? 1 : 2;
    if (memcmp(c + first, buf + first, cl - first) == 0) return c;
    char *lower = (char *)utf8proc_NFKC_Casefold((const utf8proc_uint8_t *)buf);
    char *clower = (char *)utf8proc_NFKC_Casefold((const utf8proc_uint8_t *)c);
    int same = lower && clower && strcmp(lower, clower) == 0;
    free(lower);
    free(clower);
    if (same) return c;
  }
  return NULL;
}

typedef struct {
  size_t start, end;  /* the citation: type word (if any) .. code or number */
  const char *type;   /* canonical, or NULL */
  size_t code_a, code_b, num_a, num_b; /* spans in the text, or PCRE2_UNSET */
} S_mention;

/* Fills number, year, issuer and (when absent) type from a code. */
static void S_code_parts(const char *s, size_t a, size_t b, docpipe_value *rec, const char **type) {
  size_t i = a;
  while (i < b && (isdigit((unsigned char)s[i]) || (s[i] >= 'a' && s[i] <= 'z'))) i++;
  docpipe_value_set(rec, "number", docpipe_value_new_string_n(s + a, i - a));
  if (i < b && s[i] == '-') {
    /* Party style: NUMBER-ABBR/ISSUER */
    const char *slash = memchr(s + i, '/', b - i);
    if (!slash) return;
    const char *t = S_type_of_abbr(s + i + 1, (size_t)(slash - (s + i + 1)));
    if (t && !*type) *type = t;
    size_t is = (size_t)(slash - s) + 1;
    docpipe_value_set(rec, "issuer", docpipe_value_new_string_n(s + is, b - is));
  } else if (i < b && s[i] == '/') {
    /* State style: NUMBER[/YEAR]/ABBR-ISSUER */
    size_t j = i + 1;
    if (b - j > 5 && isdigit((unsigned char)s[j]) && s[j + 4] == '/') {
      docpipe_value_set(rec, "year", docpipe_value_new_string_n(s + j, 4));
      j += 5;
    }
    const char *dash = memchr(s + j, '-', b - j);
    const char *t = dash ? S_type_of_abbr(s + j, (size_t)(dash - (s + j))) : NULL;
    if (t) {
      if (!*type) *type = t;
      size_t is = (size_t)(dash - s) + 1;
      docpipe_value_set(rec, "issuer", docpipe_value_new_string_n(s + is, b - is));
    } else {
      docpipe_value_set(rec, "issuer", docpipe_value_new_string_n(s + j, b - j));
    }
  }
}

/* Lower-case words that belong inside a body's name ("Ban Thường vụ Tỉnh
 * ủy", "Thủ tướng Chính phủ", "UBND tỉnh Hà Nam"). */
static const char *const S_body_lower[] = {"ủy", "tỉnh", "thành", "phố", "huyện", "thị", "xã",
                                           "trị", "thư", "phủ", "vụ", "ương", "chính", "chấp",
                                           "hành", "thường", "trực", "quốc", "hội", "đảng",
                                           "nhân", "dân", "vận", "tướng", "tuyên", "giáo",
                                           "kiểm", "tra", "tổ", "chức", "ban", "bộ", "nghị", "tịch", "đạo",
                                           "sự", "nội", "tài", "chính", NULL};

static size_t S_word_end(const char *s, size_t len, size_t i) {
  while (i < len && s[i] != ' ' && s[i] != ',' && s[i] != ';' && s[i] != '.' && s[i] != ':' &&
         s[i] != '(' && s[i] != ')' && s[i] != '"' && s[i] != '\n' &&
         !((unsigned char)s[i] == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80))
    i++;
  return i;
}

/* Official names with lower-case words the word rule below cannot span. */
static const char *const S_known_bodies[] = {
    "Bộ Giáo dục và Đào tạo", "Bộ Lao động - Thương binh và Xã hội", "Bộ Tài nguyên và Môi trường",
    "Bộ Kế hoạch và Đầu tư", "Bộ Khoa học và Công nghệ", "Bộ Thông tin và Truyền thông",
    "Bộ Nông nghiệp và Phát triển nông thôn", "Bộ Giao thông vận tải", "Bộ Văn hóa, Thể thao và Du lịch",
    "Bộ Tài chính", "Bộ Y tế", "Bộ Tư pháp", "Bộ Xây dựng", "Bộ Công an", "Bộ Quốc phòng",
    "Bộ Ngoại giao", "Bộ Công Thương", "Bộ Nội vụ", "Ủy ban nhân dân", "Hội đồng nhân dân",
    "Ủy ban Mặt trận Tổ quốc Việt Nam", "Ban Chấp hành Trung ương", NULL};

/* Words that may follow a body's name: where it ends ("... Tỉnh ủy về
 * việc", "... Chính phủ ngày"). Any other lower-case word there means the
 * name went on in a way the rule cannot follow, so no body is given. */
static const char *const S_after_body[] = {
    "về", "ngày", "đã", "và", "với", "tại", "trong", "theo", "nhằm", "để", "thì", "là", "được",
    "cho", "đến", "giai", "năm", "trước", "sau", "nay", "này", "đó", "cũng", "gồm", "đều", "sẽ",
    "vẫn", "đang", "ban", "phê", "hướng", "triển", "thực", "nêu", "yêu", "đề", "xác", "nhấn",
    "khẳng", "chỉ", "có", "lần", "tiếp", "số", "ký", "từ", "trên", "như", "hoặc", "mà", "quy",
    "khóa", "khoá", "nhiệm", "kỳ", "đối", "liên", "bổ", "sửa", NULL};

static int S_upper_at(const char *s, size_t len) {
  utf8proc_int32_t cp;
  utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &cp);
  return k > 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
}

/* "của Bộ Chính trị (khóa X)" at s: the body's span, or 0. */
static size_t S_body_at(const char *s, size_t len, size_t *ba, size_t *bb) {
  size_t i = 0;
  while (i < len && (s[i] == ' ' || s[i] == ',')) i++;
  if (len - i < 5 || memcmp(s + i, "của ", strlen("của ")) != 0) return 0;
  i += strlen("của ");
  size_t start = i, last = i;
  int words = 0, stopped_inside = 0;
  for (size_t k = 0; S_known_bodies[k]; k++) {
    size_t kn = strlen(S_known_bodies[k]);
    if (len - i >= kn && memcmp(s + i, S_known_bodies[k], kn) == 0 &&
        (i + kn == len || !S_upper_at(s + i + kn, len - i - kn))) {
      i += kn;
      last = i;
      words = 2;
      break;
    }
  }
  while (i < len && words < 10) {
    while (i < len && s[i] == ' ') i++;
    size_t we = S_word_end(s, len, i);
    if (we == i) break;
    int upper = S_upper_at(s + i, len - i);
    int allowed = upper;
    if (!allowed)
      for (size_t k = 0; S_body_lower[k]; k++)
        if (strlen(S_body_lower[k]) == we - i && memcmp(S_body_lower[k], s + i, we - i) == 0)
          allowed = 1;
    if (!allowed) {
      /* A number ends the name ("Hội nghị Trung ương 8"). */
      int known = s[i] >= '0' && s[i] <= '9';
      for (size_t k = 0; S_after_body[k]; k++)
        if (strlen(S_after_body[k]) == we - i && memcmp(S_after_body[k], s + i, we - i) == 0)
          known = 1;
      stopped_inside = !known;
      break;
    }
    words++;
    i = we;
    last = we;
  }
  /* One word is a body only as an acronym ("UBND"): "của Hội nghị Trung
   * ương 6" must not give "Hội". */
  if (!words || stopped_inside) return 0;
  if (words == 1) {
    size_t caps = 0, all = 0;
    for (size_t k = start; k < last;) {
      utf8proc_int32_t cp;
      utf8proc_ssize_t step = utf8proc_iterate((const utf8proc_uint8_t *)s + k,
                                               (utf8proc_ssize_t)(last - k), &cp);
      if (step <= 0) break;
      all++;
      if (utf8proc_category(cp) == UTF8PROC_CATEGORY_LU) caps++;
      k += (size_t)step;
    }
    if (caps < 2 || caps != all) return 0;
  }
  /* "(khóa X)" / "(khoá XI)" belongs to the body. */
  size_t j = last;
  while (j < len && s[j] == ' ') j++;
  if (j < len && s[j] == '(') {
    const char *close = memchr(s + j, ')', len - j < 24 ? len - j : 24);
    if (close && (memcmp(s + j + 1, "khóa", strlen("khóa")) == 0 ||
                  memcmp(s + j + 1, "khoá", strlen("khoá")) == 0 ||
                  memcmp(s + j + 1, "Khóa", strlen("Khóa")) == 0))
      last = (size_t)(close - s) + 1;
  }
  *ba = start;
  *bb = last;
  return last;
}

static int S_same_string(const docpipe_value *rec, const char *key, const char *v) {
  const char *have = docpipe_meta_string(rec, key);
  return have && v && strcmp(have, v) == 0;
}

/* Merges `rec` into `list`: a record with the same code, or with the same
 * type and number where one of them has no code, takes the fields it
 * lacks; otherwise `rec` is appended.  Takes ownership of `rec`. */
/* Distinct documents kept per list: merging compares each mention with
 * every record, so a hostile text citing millions of distinct numbers
 * would be quadratic.  Real articles cite a few dozen. */
#define S_MAX_RECORDS 1000

static int S_merge(docpipe_value *list, docpipe_value *rec) {
  const char *code = docpipe_meta_string(rec, "code");
  const char *type = docpipe_meta_string(rec, "type");
  const char *number = docpipe_meta_string(rec, "number");
  docpipe_value *match = NULL;
  for (size_t i = 0; i < docpipe_value_count(list) && !match; i++) {
    docpipe_value *old = docpipe_value_at(list, i);
    const char *oc = docpipe_meta_string(old, "code");
    if (code && oc) {
      if (strcmp(code, oc) == 0) match = old;
    } else if (type && number && S_same_string(old, "type", type) &&
               S_same_string(old, "number", number)) {
      match = old;
    }
  }
  if (!match && docpipe_value_count(list) >= S_MAX_RECORDS) {
    docpipe_value_free(rec);
    return 0;
  }
  if (!match) return docpipe_value_append(list, rec);
  /* A coded mention is the better citation text. */
  int upgrade = code && !docpipe_meta_string(match, "code");
  for (size_t i = 0; i < docpipe_value_count(rec); i++) {
    const char *key = docpipe_value_key_at(rec, i);
    if (!docpipe_value_get(match, key) || (upgrade && strcmp(key, "text") == 0))
      docpipe_value_set(match, key, docpipe_value_copy(docpipe_value_at(rec, i)));
  }
  docpipe_value_free(rec);
  return 0;
}

static size_t S_year_at(const char *s, size_t len, int *year);

static docpipe_value *S_record(const char *s, size_t len, const S_mention *m) {
  docpipe_value *rec = docpipe_value_new_map();
  if (!rec) return NULL;
  const char *type = m->type;
  size_t end = m->end;
  docpipe_value_set(rec, "text", docpipe_value_new_string_n(s + m->start, m->end - m->start));
  if (m->code_a != PCRE2_UNSET) {
    docpipe_value_set(rec, "code", docpipe_value_new_string_n(s + m->code_a, m->code_b - m->code_a));
    S_code_parts(s, m->code_a, m->code_b, rec, &type);
  } else {
    docpipe_value_set(rec, "number", docpipe_value_new_string_n(s + m->num_a, m->num_b - m->num_a));
  }
  if (type) docpipe_value_set_string(rec, "type", type);
  docpipe_date d;
  size_t used = docpipe__x_date_at(s + end, len - end, &d);
  if (used) {
    char iso[40];
    d.hour = -1; /* an issue date is a day */
    if (docpipe_date_format_iso(&d, iso, sizeof iso) == 0) {
      docpipe_value_set_string(rec, "date", iso);
      if (!docpipe_value_get(rec, "year")) {
        char y[8];
        snprintf(y, sizeof y, "%04d", d.year);
        docpipe_value_set_string(rec, "year", y);
      }
    }
    end += used;
  } else {
    int y;
    size_t yused = S_year_at(s + end, len - end, &y);
    if (yused) {
      if (!docpipe_value_get(rec, "year")) {
        char ys[8];
        snprintf(ys, sizeof ys, "%04d", y);
        docpipe_value_set_string(rec, "year", ys);
      }
      end += yused;
    }
  }
  size_t ba, bb;
  if (S_body_at(s + end, len - end, &ba, &bb))
    docpipe_value_set(rec, "body", docpipe_value_new_string_n(s + end + ba, bb - ba));
  return rec;
}

/* A reference without a code ("Quyết định 23") is a bare number after a
 * type word, so it needs more care than a code: "Báo cáo 2021" is the
 * report of a year and "Quy chế 1, Quy chế 2" enumerates drafts.  Unless
 * "số" was written, a year-like number is refused, and a single digit is
 * kept only when an issue date or issuing body follows ("Chỉ thị 5 của
 * Bộ Chính trị").  `tw` ends the type word, [na, nb) is the number. */
static int S_bare_number_ok(const char *s, size_t len, size_t tw, size_t na, size_t nb) {
  int has_so = 0;
  for (size_t i = tw; i + 1 < na; i++)
    if ((s[i] == 's' || s[i] == 'S') && strncmp(s + i + 1, "ố", strlen("ố")) == 0) has_so = 1;
  if (has_so) return 1;
  int v = docpipe__x_int(s, na, nb);
  if (nb - na == 4 && v >= 1900 && v <= 2099) return 0;
  if (nb - na >= 2) return 1;
  size_t i = nb;
  while (i < len && (s[i] == ' ' || s[i] == ',' || s[i] == '(')) i++;
  return (len - i >= strlen("của") && memcmp(s + i, "của", strlen("của")) == 0) ||
         (len - i >= strlen("ngày") && memcmp(s + i, "ngày", strlen("ngày")) == 0);
}

/* "năm 2018" right after a citation gives its year. */
static size_t S_year_at(const char *s, size_t len, int *year) {
  size_t i = 0;
  while (i < len && (s[i] == ' ' || s[i] == ',')) i++;
  size_t w = strlen("năm ");
  if (len - i < w + 4 || memcmp(s + i, "năm ", w) != 0) return 0;
  int y = docpipe__x_int(s, i + w, i + w + 4);
  if (y < 1900 || y > 2099 || (i + w + 4 < len && s[i + w + 4] >= '0' && s[i + w + 4] <= '9'))
    return 0;
  *year = y;
  return i + w + 4;
}

static int S_cmp_mention(const void *a, const void *b) {
  const S_mention *x = a, *y = b;
  return x->start < y->start ? -1 : x->start > y->start;
}

int docpipe_decisions_scan(docpipe_value *list, const char *text, size_t len, docpipe_error *err) {
  if (docpipe_value_kind_of(list) != DOCPIPE_VALUE_LIST)
    return docpipe_error_set(err, DOCPIPE_EINVAL, "decisions_scan needs a list");
  if (!text || !len) return 0;
  size_t n;
  char *s = docpipe_utf8_nfc(text, len, &n, NULL);
  if (!s) s = docpipe_utf8_clean(text, len, &n);
  if (!s) return docpipe_error_set(err, DOCPIPE_ENOMEM, "out of memory");
  int rc = docpipe__x_decisions_scan_nfc(list, s, n, err);
  docpipe_free(s);
  return rc;
}

int docpipe__x_decisions_scan_nfc(docpipe_value *list, const char *s, size_t n, docpipe_error *err) {
  S_mention *ms = NULL;
  size_t count = 0, cap = 0, typed = 0, next_typed = 0;
  int rc = 0;
  /* Typed mentions first, then codes standing alone. */
  for (int pass = 0; pass < 2 && rc == 0; pass++) {
    typed = pass == 1 ? count : 0;
    size_t from = 0, ov[8];
    x_pattern re = pass == 0 ? X_DEC_TYPED : X_DEC_CODE;
    while (from < n && docpipe__x_match(re, s, n, from, ov, 4)) {
      from = ov[1] > from ? ov[1] : from + 1;
      S_mention m = {ov[0], ov[1], NULL, PCRE2_UNSET, PCRE2_UNSET, PCRE2_UNSET, PCRE2_UNSET};
      if (pass == 0) {
        m.type = S_canonical_type(s + ov[2], ov[3] - ov[2]);
        if (ov[4] != PCRE2_UNSET) {
          m.code_a = ov[4];
          m.code_b = ov[5];
        } else {
          /* A bare number needs the type word capitalised: lower case
           * "quyết định 5 vấn đề" is a verb, not a citation. */
          unsigned char c = (unsigned char)s[ov[2]];
          int upper = (c >= 'A' && c <= 'Z') || (c == 0xC4 && (unsigned char)s[ov[2] + 1] == 0x90);
          if (!upper || !S_bare_number_ok(s, n, ov[3], ov[6], ov[7])) continue;
          m.num_a = ov[6];
          m.num_b = ov[7];
        }
      } else {
        /* Inside a typed mention?  Both passes match left to right, so
         * one cursor over the typed ones (in order, apart) does: a scan
         * of all of them per code was quadratic on long documents. */
        while (next_typed < typed && ms[next_typed].end <= ov[2]) next_typed++;
        if (next_typed < typed && ms[next_typed].start <= ov[2]) continue;
        m.code_a = ov[2];
        m.code_b = ov[3];
      }
      if (count == cap) {
        cap = cap ? cap * 2 : 16;
        S_mention *p = realloc(ms, cap * sizeof *p);
        if (!p) {
          rc = docpipe_error_set(err, DOCPIPE_ENOMEM, "out of memory");
          break;
        }
        ms = p;
      }
      ms[count++] = m;
    }
  }
  if (count) qsort(ms, count, sizeof *ms, S_cmp_mention);
  for (size_t i = 0; i < count && rc == 0; i++) {
    docpipe_value *rec = S_record(s, n, &ms[i]);
    rc = rec ? S_merge(list, rec) : docpipe_error_set(err, DOCPIPE_ENOMEM, "out of memory");
  }
  free(ms);
  return rc;
}
