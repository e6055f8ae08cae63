/* Character encodings: finds the page's charset (BOM, <meta charset>,
 * http-equiv Content-Type, else a guess: ../common/legacy_charset.c) and turns the bytes into UTF-8 in
 * NFC before libxml2 sees them, so that the parser never switches encoding
 * on its own.  Legacy Vietnamese pages come in windows-1258, which writes
 * tones as combining marks: glibc's iconv decodes them and NFC composes
 * them into the precomposed letters every other source uses. */
#include <string.h>

#include "html_reader.h"
#include "legacy_charset.h"

#define SNIFF_BYTES 65536

static int S_lower(int c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }

static const unsigned char *S_find_ci(const unsigned char *p, const unsigned char *end,
                                      const char *needle) {
  size_t n = strlen(needle);
  for (; p + n <= end; p++) {
    size_t i = 0;
    while (i < n && S_lower(p[i]) == needle[i]) i++;
    if (i == n) return p;
  }
  return NULL;
}

/* Reads the value after "charset" inside one <meta ...> tag. */
static int S_charset_in_tag(const unsigned char *p, const unsigned char *end, char *out,
                            size_t out_size) {
  const unsigned char *c = S_find_ci(p, end, "charset");
  if (!c) return 0;
  c += 7;
  while (c < end && (*c == ' ' || *c == '\t' || *c == '\n' || *c == '\r')) c++;
  if (c >= end || *c != '=') return 0;
  c++;
  while (c < end && (*c == ' ' || *c == '"' || *c == '\'')) c++;
  size_t n = 0;
  while (c < end && n + 1 < out_size &&
         ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
          *c == '-' || *c == '_' || *c == '.' || *c == ':'))
    out[n++] = (char)S_lower(*c++);
  out[n] = 0;
  return n > 0;
}

int html_sniff_charset(const unsigned char *data, size_t size, char *out, size_t out_size) {
  if (out_size < 16) return 0;
  if (size >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF) {
    strcpy(out, "utf-8");
    return 1;
  }
  if (size >= 2 && data[0] == 0xFF && data[1] == 0xFE) {
    strcpy(out, "utf-16le");
    return 1;
  }
  if (size >= 2 && data[0] == 0xFE && data[1] == 0xFF) {
    strcpy(out, "utf-16be");
    return 1;
  }
  const unsigned char *p = data, *end = data + (size < SNIFF_BYTES ? size : SNIFF_BYTES);
  while ((p = S_find_ci(p, end, "<meta")) != NULL) {
    const unsigned char *close = memchr(p, '>', (size_t)(end - p));
    const unsigned char *tag_end = close ? close : end;
    if (S_charset_in_tag(p, tag_end, out, out_size)) return 1;
    p = tag_end;
  }
  return 0;
}

static const char *S_iconv_name(const char *label) {
  if (!strcmp(label, "windows-1258") || !strcmp(label, "cp1258") || !strcmp(label, "x-cp1258"))
    return "CP1258";
  /* WHATWG maps these Latin-1 labels to windows-1252. */
  if (!strcmp(label, "windows-1252") || !strcmp(label, "iso-8859-1") ||
      !strcmp(label, "latin1") || !strcmp(label, "us-ascii") || !strcmp(label, "ascii") ||
      !strcmp(label, "cp1252") || !strcmp(label, "iso8859-1") || !strcmp(label, "l1"))
    return "CP1252";
  if (!strcmp(label, "utf-16le") || !strcmp(label, "utf-16")) return "UTF-16LE";
  if (!strcmp(label, "utf-16be")) return "UTF-16BE";
  return label;
}

const char *html_decode(const unsigned char *data, size_t size, size_t *out_len, int *copied) {
  *copied = 1;
  char label[64] = "", guess[64];
  int declared = html_sniff_charset(data, size, label, sizeof label);
  if (size >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF) {
    data += 3;
    size -= 3;
  } else if (size >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF))) {
    data += 2;
    size -= 2;
  }
  const char *from = NULL;
  if (declared && strcmp(label, "utf-8") != 0 && strcmp(label, "utf8") != 0) from = S_iconv_name(label);
  /* A page labelled with a legacy charset but valid UTF-8 beyond ASCII was
   * re-saved as UTF-8 without fixing the label: trust the bytes. */
  if (from && docpipe_utf8_valid((const char *)data, size)) {
    int ascii = 1;
    for (size_t i = 0; i < size && ascii; i++) ascii = data[i] < 0x80;
    if (!ascii && strncmp(from, "UTF-16", 6) != 0) from = NULL;
  }
  if (!from && !declared && legacy_not_utf8(data, size))
    from = legacy_guess_charset(data, size, guess, sizeof guess);
  if (from) {
    size_t n = 0;
    char *u = legacy_to_utf8(from, data, size, &n);
    if (u) {
      char *clean = docpipe_utf8_clean(u, n, out_len);
      docpipe_free(u);
      return clean;
    }
    /* a label iconv does not know: decide as if none was given */
    if (!docpipe_utf8_valid((const char *)data, size)) {
      u = legacy_to_utf8(legacy_guess_charset(data, size, guess, sizeof guess), data, size, &n);
      /* a guess iconv does not know either */
      if (!u) u = legacy_to_utf8("CP1252", data, size, &n);
      if (u) {
        char *clean = docpipe_utf8_clean(u, n, out_len);
        docpipe_free(u);
        return clean;
      }
    }
  }
  if (docpipe_utf8_valid((const char *)data, size)) {
    char *repaired = html_repair_double_utf8((const char *)data, size, out_len);
    if (repaired) return repaired;
    *copied = 0;
    *out_len = size;
    return (const char *)data;
  }
  return docpipe_utf8_clean((const char *)data, size, out_len);
}
