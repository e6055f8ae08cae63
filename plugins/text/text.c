/* The text plugin descriptor and probe. */
#include <string.h>

#include "text.h"

static const docpipe_plugin S_plugin = {
    .abi_version = DOCPIPE_ABI_VERSION,
    .name = "text",
    .version = "0.1.0",
    .description = "Plain text: readable output with a metadata header; scraped article dumps in",
    .extensions = "txt,text",
    .mime_types = "text/plain",
    .flags = 0,
    .probe = text_probe,
    .read = text_read,
    .write = text_write,
};

DOCPIPE_PLUGIN_ENTRY const docpipe_plugin *docpipe_plugin_entry(void) { return &S_plugin; }

/* Plain text is the fallback of every format, so a plain UTF-8 file only
 * scores modestly: any reader that recognises real structure (HTML, JSON,
 * Markdown) outbids it.  Our own header is unambiguous. */
int text_probe(const unsigned char *data, size_t size, const char *name_hint) {
  (void)name_hint;
  size_t n = size < 4096 ? size : 4096;
  size_t i = 0;
  if (n >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF) i = 3;
  size_t mlen = strlen(TEXT_META_BEGIN);
  if (size - i >= mlen && memcmp(data + i, TEXT_META_BEGIN, mlen) == 0 &&
      (data[i + mlen] == '\n' || data[i + mlen] == '\r'))
    return 90;
  if (n == 0) return 1;
  size_t ctrl = 0, lt = 0;
  for (size_t k = i; k < n; k++) {
    unsigned char c = data[k];
    if (c == 0) return 0;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ctrl++;
    if (c == '<') lt++;
  }
  if (ctrl * 50 > n) return 1;
  /* A cut-off multibyte sequence at the end of the window is fine. */
  size_t check = n;
  if (n == 4096)
    while (check > i && check > n - 4 && (data[check - 1] & 0xC0) == 0x80) check--;
  if (n == 4096 && check > i && data[check - 1] >= 0xC0) check--;
  if (!docpipe_utf8_valid((const char *)data + i, check - i)) return 5;
  size_t j = i;
  while (j < n && (data[j] == ' ' || data[j] == '\t' || data[j] == '\n' || data[j] == '\r')) j++;
  if (j < n && (data[j] == '{' || data[j] == '[' || data[j] == '<')) return 10;
  if (lt * 20 > n) return 10;
  return 30;
}
