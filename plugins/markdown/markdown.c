/* The markdown plugin: CommonMark with GitHub pipe tables and pandoc's
 * YAML front matter.  Reading is cmark-gfm's (md_read.c), the front
 * matter libyaml's (md_front.c); writing (md_write.c) produces Markdown
 * that this reader, cmark and pandoc read back to the same document. */
#include <string.h>

#include "markdown.h"

/* Markdown is mostly plain text, so the probe only claims what is
 * distinctive: front matter, ATX headings, fences, tables, links. */
static int S_probe(const unsigned char *data, size_t size, const char *name_hint) {
  (void)name_hint;
  if (size == 0) return 0;
  const char *s = (const char *)data;
  if (size >= 4 && memcmp(s, "---\n", 4) == 0 && size > 4 && s[4] != '\n') return 60;
  if (memchr(data, 0, size)) return 0;
  if (s[0] == '<' || s[0] == '{') return 0;
  int score = 0;
  size_t n = size < 4096 ? size : 4096;
  for (size_t i = 0; i < n; i++) {
    int bol = i == 0 || s[i - 1] == '\n';
    if (bol && s[i] == '#' && i + 1 < n && (s[i + 1] == ' ' || s[i + 1] == '#')) score += 15;
    else if (bol && i + 3 <= n && memcmp(s + i, "```", 3) == 0) score += 15;
    else if (bol && i + 2 <= n && memcmp(s + i, "> ", 2) == 0) score += 5;
    else if (bol && s[i] == '|') score += 5;
    else if (s[i] == ']' && i + 1 < n && s[i + 1] == '(') score += 10;
    else if (s[i] == '*' && i + 1 < n && s[i + 1] == '*') score += 3;
    if (score >= 55) return 55;
  }
  return score;
}

static const docpipe_plugin S_plugin = {
    .abi_version = DOCPIPE_ABI_VERSION,
    .name = "markdown",
    .version = "0.1.0",
    .description = "Markdown: CommonMark with pipe tables and YAML front matter (cmark-gfm, libyaml)",
    .extensions = "md,markdown",
    .mime_types = "text/markdown",
    .flags = DOCPIPE_PLUGIN_NO_PADDING, /* md_read goes by `size` only */
    .probe = S_probe,
    .read = md_read,
    .write = md_write,
};

DOCPIPE_PLUGIN_ENTRY const docpipe_plugin *docpipe_plugin_entry(void) { return &S_plugin; }
