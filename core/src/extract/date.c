/* Dates in text: Vietnamese day-first numeric dates, "ngày D tháng M năm
 * Y" and "D Tháng M Y", ISO 8601 and English month names, with an optional time and UTC
 * offset; and publication-date lines ("Ngày đăng: 16/07/2020"). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "extract_internal.h"

static void S_clear(docpipe_date *d) {
  memset(d, 0, sizeof *d);
  d->hour = d->minute = d->second = -1;
}

static int S_month_en(const char *s, size_t a) {
  static const char *const names[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                      "jul", "aug", "sep", "oct", "nov", "dec"};
  char m[4] = {0};
  for (int i = 0; i < 3; i++) m[i] = (char)tolower((unsigned char)s[a + i]);
  for (int i = 0; i < 12; i++)
    if (memcmp(m, names[i], 3) == 0) return i + 1;
  return -1;
}

/* The month of a French, German, Spanish, Italian, Portuguese, Dutch,
 * Indonesian, Polish or Turkish name at
 * s[a..b) (as MONTHS_EU in patterns.c matched it, any case), or -1. */
static int S_month_eu(const char *s, size_t a, size_t b) {
  static const struct {
    const char *name;
    int month;
  } names[] = {
      {"janvier", 1}, {"janv", 1}, {"février", 2}, {"fevrier", 2}, {"févr", 2}, {"fevr", 2},
      {"mars", 3}, {"avril", 4}, {"avr", 4}, {"mai", 5}, {"juin", 6}, {"juillet", 7},
      {"juil", 7}, {"août", 8}, {"aout", 8}, {"septembre", 9}, {"sept", 9}, {"octobre", 10},
      {"novembre", 11}, {"décembre", 12}, {"decembre", 12}, {"déc", 12},
      {"januar", 1}, {"jänner", 1}, {"jan", 1}, {"februar", 2}, {"feb", 2}, {"märz", 3},
      {"mär", 3}, {"april", 4}, {"apr", 4}, {"juni", 6}, {"juli", 7}, {"august", 8},
      {"aug", 8}, {"september", 9}, {"sep", 9}, {"oktober", 10}, {"okt", 10}, {"november", 11},
      {"nov", 11}, {"dezember", 12}, {"dez", 12},
      {"enero", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"mayo", 5}, {"junio", 6},
      {"julio", 7}, {"agosto", 8}, {"septiembre", 9}, {"setiembre", 9}, {"octubre", 10},
      {"noviembre", 11}, {"diciembre", 12},
      {"gennaio", 1}, {"febbraio", 2}, {"aprile", 4}, {"maggio", 5}, {"giugno", 6},
      {"luglio", 7}, {"settembre", 9}, {"ottobre", 10}, {"dicembre", 12},
      {"janeiro", 1}, {"fevereiro", 2}, {"março", 3}, {"maio", 5}, {"junho", 6}, {"julho", 7},
      {"setembro", 9}, {"outubro", 10}, {"novembro", 11}, {"dezembro", 12},
      /* the abbreviations Spanish, Italian and Portuguese papers print
       * ("05 dic 2024", "5 ott 2024", "5 out. 2024") */
      {"ene", 1}, {"abr", 4}, {"ago", 8}, {"dic", 12}, {"gen", 1}, {"mag", 5}, {"giu", 6},
      {"lug", 7}, {"ott", 10}, {"fev", 2}, {"set", 9}, {"out", 10},
      /* Dutch and Indonesian (the rest are spelled as above) */
      {"januari", 1}, {"februari", 2}, {"maart", 3}, {"mrt", 3}, {"mei", 5}, {"augustus", 8},
      {"maret", 3}, {"agustus", 8}, {"desember", 12}, {"agt", 8}, {"agu", 8}, {"des", 12},
      /* Polish, in the genitive a date takes */
      {"stycznia", 1}, {"lutego", 2}, {"marca", 3}, {"kwietnia", 4}, {"maja", 5},
      {"czerwca", 6}, {"lipca", 7}, {"sierpnia", 8}, {"września", 9}, {"października", 10},
      {"listopada", 11}, {"grudnia", 12},
      /* Turkish */
      {"ocak", 1}, {"şubat", 2}, {"mart", 3}, {"nisan", 4}, {"mayıs", 5}, {"haziran", 6},
      {"temmuz", 7}, {"ağustos", 8}, {"eylül", 9}, {"ekim", 10}, {"kasım", 11}, {"aralık", 12}};
  if (a == PCRE2_UNSET || b <= a) return -1;
  while (b > a && s[b - 1] == '.') b--;
  utf8proc_uint8_t *f = NULL;
  if (utf8proc_map((const utf8proc_uint8_t *)s + a, (utf8proc_ssize_t)(b - a), &f,
                   UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE | UTF8PROC_STABLE) < 0)
    return -1;
  int month = -1;
  for (size_t i = 0; i < sizeof names / sizeof *names && month < 0; i++)
    if (strcmp((const char *)f, names[i].name) == 0) month = names[i].month;
  free(f);
  return month;
}

/* The month at s[a..b) as MONTHS_VI in patterns.c matched it: a number or
 * a Vietnamese name ("Mười Hai", any case), or -1. */
static int S_month_vi(const char *s, size_t a, size_t b) {
  if (a == PCRE2_UNSET || b <= a) return -1;
  if (s[a] >= '0' && s[a] <= '9') return docpipe__x_int(s, a, b);
  static const struct {
    const char *name;
    int month;
  } names[] = {{"giêng", 1}, {"một", 1}, {"hai", 2}, {"ba", 3}, {"tư", 4}, {"bốn", 4},
               {"năm", 5}, {"sáu", 6}, {"bảy", 7}, {"tám", 8}, {"chín", 9}, {"mười", 10}};
  utf8proc_uint8_t *f = NULL;
  if (utf8proc_map((const utf8proc_uint8_t *)s + a, (utf8proc_ssize_t)(b - a), &f,
                   UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE | UTF8PROC_STABLE) < 0)
    return -1;
  const char *w = (const char *)f;
  int month = -1, tens = 0;
  if (strncmp(w, "mười", strlen("mười")) == 0 && w[strlen("mười")] != '\0') {
    /* "mười một", "mười hai": ten and the word after the spaces */
    tens = 10;
    w += strlen("mười");
    while (*w == ' ' || *w == '\t' || *w == '\n') w++;
  }
  for (size_t i = 0; i < sizeof names / sizeof *names && month < 0; i++)
    if (strcmp(w, names[i].name) == 0) month = names[i].month;
  if (tens && (month == 1 || month == 2) && strcmp(w, "giêng") != 0) month += tens;
  else if (tens) month = -1;
  free(f);
  return month;
}

/* Parses an offset "+07:00", "+0700", "Z" at s[a..b). */
static int S_offset(const char *s, size_t a, size_t b, int *minutes) {
  if (a == PCRE2_UNSET) return 0;
  if (s[a] == 'Z') {
    *minutes = 0;
    return 1;
  }
  int sign = s[a] == '-' ? -1 : 1;
  int h = docpipe__x_int(s, a + 1, a + 3);
  int m = docpipe__x_int(s, b - 2, b);
  if (h < 0 || m < 0 || h > 14 || m > 59) return 0;
  *minutes = sign * (h * 60 + m);
  return 1;
}

/* Tries one date pattern at or after `from`; fills `d` with the match. */
static int S_try(x_pattern which, const char *s, size_t len, size_t from, docpipe_date *d) {
  size_t ov[16];
  if (!docpipe__x_match(which, s, len, from, ov, 8)) return 0;
  if (ov[0] != from) return 0;
  S_clear(d);
  d->start = ov[0];
  d->end = ov[1];
  switch (which) {
  case X_DATE_DMY: {
    int a = docpipe__x_int(s, ov[2], ov[3]), b = docpipe__x_int(s, ov[6], ov[7]);
    d->year = docpipe__x_int(s, ov[8], ov[9]);
    /* Day first, as Vietnamese writes it; month first only when the day
     * reading is impossible (an English 12/27/2019). */
    if (docpipe__x_valid_ymd(d->year, b, a)) {
      d->day = a;
      d->month = b;
    } else {
      d->day = b;
      d->month = a;
    }
    break;
  }
  case X_DATE_ISO:
    d->year = docpipe__x_int(s, ov[2], ov[3]);
    d->month = docpipe__x_int(s, ov[4], ov[5]);
    d->day = docpipe__x_int(s, ov[6], ov[7]);
    if (ov[8] != PCRE2_UNSET) {
      d->hour = docpipe__x_int(s, ov[8], ov[9]);
      d->minute = docpipe__x_int(s, ov[10], ov[11]);
      d->second = ov[12] != PCRE2_UNSET ? docpipe__x_int(s, ov[12], ov[13]) : -1;
      d->has_offset = S_offset(s, ov[14], ov[15], &d->offset_minutes);
      if (d->hour > 23 || d->minute > 59 || d->second > 59) return 0;
    }
    break;
  case X_DATE_VI_WORDS:
    d->day = docpipe__x_int(s, ov[2], ov[3]);
    d->month = docpipe__x_int(s, ov[4], ov[5]);
    d->year = docpipe__x_int(s, ov[6], ov[7]);
    break;
  case X_DATE_VI_MONTH:
    d->day = docpipe__x_int(s, ov[2], ov[3]);
    d->month = S_month_vi(s, ov[4], ov[5]);
    d->year = docpipe__x_int(s, ov[6], ov[7]);
    break;
  case X_DATE_VI_MDY:
    d->month = S_month_vi(s, ov[2], ov[3]);
    d->day = docpipe__x_int(s, ov[4], ov[5]);
    d->year = docpipe__x_int(s, ov[6], ov[7]);
    break;
  case X_DATE_EN_MDY:
    d->month = S_month_en(s, ov[2]);
    d->day = docpipe__x_int(s, ov[4], ov[5]);
    d->year = docpipe__x_int(s, ov[6], ov[7]);
    break;
  case X_DATE_EN_DMY:
    d->day = docpipe__x_int(s, ov[2], ov[3]);
    d->month = S_month_en(s, ov[4]);
    d->year = docpipe__x_int(s, ov[6], ov[7]);
    break;
  case X_DATE_EU_DMY:
    d->day = docpipe__x_int(s, ov[2], ov[3]);
    d->month = S_month_eu(s, ov[4], ov[5]);
    d->year = docpipe__x_int(s, ov[6], ov[7]);
    break;
  default:
    return 0;
  }
  return docpipe__x_valid_ymd(d->year, d->month, d->day);
}

/* A time written right after the date: "- 01:44 PM", " 08:30 (GMT+7)". */
/* The offset of a zone's abbreviation printed after a time, in minutes;
 * 0 and *known = 0 for one that names several zones: "IST" is India's on
 * most news pages but Ireland's and Israel's too, so it says nothing. */
static int S_zone_offset(const char *z, size_t n, int *known) {
  static const struct {
    const char *name;
    int minutes;
  } zones[] = {{"CET", 60},  {"CEST", 120}, {"JST", 540}, {"KST", 540}, {"HKT", 480},
               {"SGT", 480}, {"AEST", 600}, {"AEDT", 660}, {"ICT", 420}, {"WIB", 420},
               {"WITA", 480}, {"WIT", 540}};
  for (size_t i = 0; i < sizeof zones / sizeof *zones; i++)
    if (strlen(zones[i].name) == n && !strncasecmp(z, zones[i].name, n)) {
      *known = 1;
      return zones[i].minutes;
    }
  *known = 0;
  return 0;
}

static void S_time_after(const char *s, size_t len, docpipe_date *d) {
  size_t ov[18];
  if (d->hour >= 0 || !docpipe__x_match(X_TIME, s, len, d->end, ov, 9)) return;
  int h = docpipe__x_int(s, ov[2], ov[3]), m = docpipe__x_int(s, ov[4], ov[5]);
  int sec = ov[6] != PCRE2_UNSET ? docpipe__x_int(s, ov[6], ov[7]) : -1;
  if (ov[8] != PCRE2_UNSET) {
    /* PM/CH (chiều), chiều, tối: afternoon; AM/SA (sáng), sáng: morning. */
    const char *mer = s + ov[8];
    char c = (char)tolower((unsigned char)mer[0]);
    int pm = c == 'p' || strncmp(mer, "chiều", strlen("chiều")) == 0 ||
             strncmp(mer, "tối", strlen("tối")) == 0 || ((c == 'c') && ov[9] - ov[8] == 2);
    if (pm && h < 12) h += 12;
    if (!pm && h == 12) h = 0;
  }
  if (h < 0 || h > 23 || m < 0 || m > 59 || sec > 59) return;
  d->hour = h;
  d->minute = m;
  d->second = sec;
  d->end = ov[1];
  int known = 0;
  if (ov[16] != PCRE2_UNSET) {
    int off = S_zone_offset(s + ov[16], ov[17] - ov[16], &known);
    if (known) {
      d->has_offset = 1;
      d->offset_minutes = off;
    }
  } else if (ov[10] == PCRE2_UNSET) {
    /* "14:02 GMT" with no sign is UTC itself. */
    if (memmem(s + ov[0], ov[1] - ov[0], "GMT", 3) || memmem(s + ov[0], ov[1] - ov[0], "UTC", 3)) {
      d->has_offset = 1;
      d->offset_minutes = 0;
    }
  } else {
    int oh = docpipe__x_int(s, ov[12], ov[13]);
    int om = ov[14] != PCRE2_UNSET ? docpipe__x_int(s, ov[14], ov[15]) : 0;
    if (oh >= 0 && oh <= 14 && om >= 0 && om <= 59) {
      d->has_offset = 1;
      d->offset_minutes = (s[ov[10]] == '-' ? -1 : 1) * (oh * 60 + om);
    }
  }
}

/* A time written just before the date: "08:30 16/07/2020". */
static void S_time_before(const char *s, docpipe_date *d) {
  size_t ov[10];
  if (d->hour >= 0 || d->start == 0) return;
  if (!docpipe__x_match(X_TIME_BEFORE, s, d->start, 0, ov, 5)) return;
  int h = docpipe__x_int(s, ov[2], ov[3]), m = docpipe__x_int(s, ov[4], ov[5]);
  if (ov[8] != PCRE2_UNSET && (s[ov[8]] == 'P' || s[ov[8]] == 'p') && h < 12) h += 12;
  if (h < 0 || h > 23 || m < 0 || m > 59) return;
  d->hour = h;
  d->minute = m;
  d->second = ov[6] != PCRE2_UNSET ? docpipe__x_int(s, ov[6], ov[7]) : -1;
  d->start = ov[2];
}


/* Text that is not NFC (decomposed diacritics) or not valid UTF-8 is
 * matched in its NFC, cleaned form; the spans then refer to that form.
 * Returns that copy (to free), or NULL when `text` is fine as it is. */
static char *S_normal_copy(const char *text, size_t len, size_t *n) {
  size_t i = 0;
  while (i < len && (unsigned char)text[i] < 0x80 && text[i] != '\0') i++;
  if (i == len) return NULL;
  char *nfc = docpipe_utf8_nfc(text, len, n, NULL);
  if (!nfc) {
    char *clean = docpipe_utf8_clean(text, len, n);
    if (!clean) return NULL;
    nfc = docpipe_utf8_nfc(clean, *n, n, NULL);
    docpipe_free(clean);
    if (!nfc) return NULL;
  }
  if (*n == len && memcmp(nfc, text, len) == 0) {
    docpipe_free(nfc);
    return NULL;
  }
  return nfc;
}

int docpipe_date_find(const char *text, size_t len, docpipe_date *out) {
  if (!text || !out) return 0;
  size_t n;
  char *copy = S_normal_copy(text, len, &n);
  int found = copy ? docpipe__x_date_find_nfc(copy, n, out) : docpipe__x_date_find_nfc(text, len, out);
  docpipe_free(copy);
  return found;
}

int docpipe__x_date_find_nfc(const char *text, size_t len, docpipe_date *out) {
  static const x_pattern kinds[] = {X_DATE_DMY, X_DATE_ISO, X_DATE_VI_WORDS, X_DATE_EN_MDY,
                                    X_DATE_EN_DMY, X_DATE_EU_DMY, X_DATE_VI_MONTH,
                                    X_DATE_VI_MDY};
  docpipe_date best, d;
  int found = 0;
  for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
    /* An invalid calendar date (31/02/2020) is skipped, not fatal. */
    size_t from = 0;
    while (from < len) {
      size_t ov[2];
      if (!docpipe__x_match(kinds[k], text, len, from, ov, 1)) break;
      if (S_try(kinds[k], text, len, ov[0], &d)) {
        if (!found || d.start < best.start) best = d;
        found = 1;
        break;
      }
      from = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
    }
  }
  if (!found) return 0;
  S_time_after(text, len, &best);
  S_time_before(text, &best);
  *out = best;
  return 1;
}

int docpipe_date_format_iso(const docpipe_date *d, char *out, size_t size) {
  if (!d || !out || !docpipe__x_valid_ymd(d->year, d->month, d->day)) return DOCPIPE_EINVAL;
  int n;
  if (d->hour < 0) {
    n = snprintf(out, size, "%04d-%02d-%02d", d->year, d->month, d->day);
  } else {
    n = snprintf(out, size, "%04d-%02d-%02dT%02d:%02d:%02d", d->year, d->month, d->day, d->hour,
                 d->minute, d->second < 0 ? 0 : d->second);
    if (n > 0 && d->has_offset && (size_t)n < size) {
      int m = d->offset_minutes < 0 ? -d->offset_minutes : d->offset_minutes;
      n += snprintf(out + n, size - (size_t)n, "%c%02d:%02d", d->offset_minutes < 0 ? '-' : '+',
                    m / 60, m % 60);
    }
  }
  return n > 0 && (size_t)n < size ? 0 : DOCPIPE_EINVAL;
}

size_t docpipe__x_date_at(const char *s, size_t len, docpipe_date *out) {
  size_t i = 0;
  while (i < len && (s[i] == ' ' || s[i] == ',' || s[i] == '(')) i++;
  if (len - i < 4 || strncmp(s + i, "ngày", 5) != 0) return 0;
  size_t win = len - i < 48 ? len - i : 48;
  docpipe_date d;
  if (!docpipe__x_date_find_nfc(s + i, win, &d)) return 0;
  /* The date must follow "ngày" directly (or be "ngày D tháng M năm Y"). */
  size_t gap = d.start;
  if (gap > 6 + 1) return 0;
  size_t end = i + d.end;
  while (end < len && s[end] == ' ') end++;
  if (end < len && s[end] == ')') end++;
  d.start += i;
  d.end += i;
  *out = d;
  return end;
}

/* ---- publication-date lines ---- */

static int S_starts_ci(const char *s, size_t len, const char *prefix) {
  size_t n = strlen(prefix);
  if (len < n) return 0;
  for (size_t i = 0; i < n; i++)
    if (tolower((unsigned char)s[i]) != tolower((unsigned char)prefix[i])) return 0;
  return 1;
}

/* Words allowed around the date on a date line (NFC, compared after
 * lower-casing ASCII only, so both cases are listed where it matters). */
static const char *const S_line_words[] = {
    "Ngày đăng", "ngày đăng", "Ngày cập nhật", "ngày cập nhật", "Cập nhật lúc", "Cập nhật",
    "cập nhật", "Ngày xuất bản", "Đăng ngày", "Đăng lúc", "Đăng", "Thời gian đăng", "Thời gian",
    "Xuất bản", "Ngày", "ngày", "lúc", "Published", "Updated", "Posted on", "Posted", "Date",
    "Last updated", "Last modified", "Last reviewed", "Modified", "Originally published",
    "Submitted", "Released", "Created",
    "Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật", "Thứ Hai",
    "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật", "T2", "T3", "T4", "T5",
    "T6", "T7", "CN", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
    "Sunday", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun", "lượt xem", "Lượt xem", "lượt đọc", "Lượt đọc", "views", "GMT", "UTC", "ICT", "IST", "JST", "KST", "HKT", "SGT", "AEST", "AEDT", "WIB",
    "AM", "PM", "SA", "CH", "on", "at", "Bản in", "bản in", "In bài", "In trang",
    /* the tools a portal prints beside its date ("[In trang] [Gửi email]") */
    "Gửi email", "Gửi bài", "Chia sẻ", "Email", "Print", "Share",
    "min read", "mins read", "minute read", "minutes read", "phút đọc", "min", "mins",
    "minute", "minutes", "read", "phút",
    "Xem với cỡ chữ", "Cỡ chữ", "cỡ chữ", "A",
    /* French, German, Spanish, Italian, Portuguese labels and weekdays */
    "Publié le", "Publié", "Mis à jour le", "Mis à jour", "Modifié le", "Modifié",
    "Actualisé le", "Actualisé", "le", "à", "Veröffentlicht am", "Veröffentlicht",
    "Aktualisiert am", "Aktualisiert", "Stand", "am", "um", "Uhr", "Publicado el",
    "Publicado em", "Publicado", "Actualizado el", "Actualizado", "Atualizado em", "Atualizado",
    "el", "em", "a las", "às", "Pubblicato il", "Pubblicato", "Aggiornato il", "Aggiornato", "il",
    "alle", "ore", "a.m.", "p.m.", "ET", "EST", "EDT", "PT", "PST", "PDT", "CET", "CEST", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag", "lunes",
    "martes", "miércoles", "jueves", "viernes", "sábado", "domingo", "lunedì", "martedì",
    "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
    /* Dutch, Indonesian, Polish and Turkish labels and weekdays */
    "Gepubliceerd op", "Gepubliceerd", "Bijgewerkt op", "Bijgewerkt", "Laatste update", "op",
    "om", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
    "Diterbitkan", "Dipublikasikan", "Diperbarui", "pukul", "Senin", "Selasa", "Rabu", "Kamis",
    "Jumat", "Sabtu", "Minggu", "WITA", "WIT", "Opublikowano", "Aktualizacja", "Data publikacji",
    "godz.", "poniedziałek", "wtorek", "środa", "Środa", "czwartek", "piątek", "sobota",
    "niedziela", "Yayınlanma", "Güncelleme", "Güncellenme", "Pazartesi", "Salı", "Çarşamba",
    "Perşembe", "Cuma", "Cumartesi", "Pazar", NULL};

/* Labels after which a line may give a second date, the last change's
 * ("Published March 5, 2021, updated March 6, 2021"; "Publié le … ,
 * modifié le …"): the line is still a date line, and its first date the
 * publication's. */
static const char *const S_update_words[] = {"Updated", "Last updated", "Modified", "Last modified",
                                             "Mis à jour le", "Mis à jour", "Modifié le", "Modifié",
                                             "Actualisé le", "Actualisé", "Aktualisiert am",
                                             "Aktualisiert", "Stand", "Actualizado el",
                                             "Actualizado", "Atualizado em", "Atualizado",
                                             "Aggiornato il", "Aggiornato", "Cập nhật", "cập nhật",
                                             "Ngày cập nhật", "ngày cập nhật", "Cập nhật lúc",
                                             "Bijgewerkt op", "Bijgewerkt", "Laatste update",
                                             "Diperbarui", "Aktualizacja", "Güncelleme",
                                             "Güncellenme", NULL};

static int S_date_line_nfc(const char *line, size_t len, docpipe_date *out);

/* Like docpipe_date_find, spans refer to the NFC form of the line. */
int docpipe_date_line(const char *line, size_t len, docpipe_date *out) {
  if (!line || len == 0 || len > 240) return 0;
  size_t n;
  char *copy = S_normal_copy(line, len, &n);
  int is = copy ? S_date_line_nfc(copy, n, out) : S_date_line_nfc(line, len, out);
  docpipe_free(copy);
  return is;
}

static int S_date_line_nfc(const char *line, size_t len, docpipe_date *out) {
  if (len > 160) return 0;
  docpipe_date d;
  if (!docpipe__x_date_find_nfc(line, len, &d)) return 0;
  /* Everything but the date must be labels, weekdays, a time, an offset,
   * a view count or a reading time, digits and punctuation. */
  int updated = 0; /* an update label since the first date */
  for (size_t i = 0; i < len;) {
    if (i >= d.start && i < d.end) {
      i = d.end;
      continue;
    }
    unsigned char c = (unsigned char)line[i];
    if (updated && i >= d.end && (i == 0 || !isalnum((unsigned char)line[i - 1])) &&
        (c >= 0x80 || isalnum(c))) {
      docpipe_date d2;
      if (docpipe__x_date_find_nfc(line + i, len - i, &d2) && d2.start == 0 && d2.end > 0) {
        i += d2.end;
        updated = 0;
        continue;
      }
    }
    if (c < 0x80 && !isalpha(c)) {
      i++;
      continue;
    }
    if (c == 0xC2 && i + 1 < len &&
        ((unsigned char)line[i + 1] == 0xA0 || (unsigned char)line[i + 1] == 0xB7)) { /* NBSP, · */
      i += 2;
      continue;
    }
    if (c == 0xE2 && i + 2 < len && (unsigned char)line[i + 1] == 0x80) { /* dashes, bullets */
      i += 3;
      continue;
    }
    /* the katakana middle dot, full or half width: "December 18, 2025 ・ 3 min read" */
    if (i + 2 < len && ((c == 0xE3 && (unsigned char)line[i + 1] == 0x83 && (unsigned char)line[i + 2] == 0xBB) ||
                        (c == 0xEF && (unsigned char)line[i + 1] == 0xBD && (unsigned char)line[i + 2] == 0xA5))) {
      i += 3;
      continue;
    }
    size_t matched = 0;
    for (size_t w = 0; S_line_words[w]; w++) {
      size_t n = strlen(S_line_words[w]);
      if (n > matched && S_starts_ci(line + i, len - i, S_line_words[w])) {
        /* Whole words only. */
        unsigned char next = i + n < len ? (unsigned char)line[i + n] : ' ';
        if (next < 0x80 && isalnum(next)) continue;
        matched = n;
      }
    }
    if (!matched) return 0;
    for (size_t w = 0; i >= d.end && S_update_words[w]; w++)
      if (strlen(S_update_words[w]) == matched && S_starts_ci(line + i, len - i, S_update_words[w]))
        updated = 1;
    i += matched;
  }
  if (out) *out = d;
  return 1;
}
