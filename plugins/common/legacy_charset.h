/* legacy_charset.h — text in the charsets before UTF-8 (html and text
 * readers; compiled into each plugin that uses it). */
#ifndef DOCPIPE_PLUGINS_LEGACY_CHARSET_H
#define DOCPIPE_PLUGINS_LEGACY_CHARSET_H

#include <stddef.h>

/* 1 when data[size] is not UTF-8 with a few damaged bytes but text in
 * another charset (many invalid sequences); 0 for valid UTF-8. */
int legacy_not_utf8(const unsigned char *data, size_t size);

/* The iconv name of the charset of data[size], text that declares none
 * and is not UTF-8: windows-1258 by its tone bytes, else ICU's charset
 * detector when it is confident, else windows-1252.  May be written into
 * buf[buf_size]. */
const char *legacy_guess_charset(const unsigned char *data, size_t size, char *buf, size_t buf_size);

/* data[size] in charset `from` as UTF-8 (NUL-terminated, length in
 * *out_len; free with docpipe_free); undecodable bytes become U+FFFD.
 * NULL when iconv does not know `from` or memory runs out. */
char *legacy_to_utf8(const char *from, const unsigned char *data, size_t size, size_t *out_len);

#endif
