/* pandoc is the reference for docpipe's command line, so a pandoc command
 * line should work unchanged where docpipe has the format: pandoc calls
 * plain text "plain" and has several Markdown flavours, each read and
 * written here by the one markdown plugin (CommonMark with pipe tables
 * and YAML front matter). */
#include <string.h>

#include "format_names.h"

static const struct {
  const char *pandoc, *plugin;
} S_aliases[] = {
    {"plain", "text"},           {"commonmark", "markdown"},     {"commonmark_x", "markdown"},
    {"gfm", "markdown"},         {"markdown_github", "markdown"}, {"markdown_strict", "markdown"},
    {"markdown_mmd", "markdown"}, {"markdown_phpextra", "markdown"}, {"html5", "html"},
    {"html4", "html"},
};

const docpipe_plugin *cli_find_format(const docpipe_registry *reg, const char *format,
                                      const char **ignored) {
  size_t n = strcspn(format, "+-");
  char name[64];
  *ignored = format + n;
  if (n == 0 || n >= sizeof name) return NULL;
  memcpy(name, format, n);
  name[n] = 0;
  const docpipe_plugin *p = docpipe_registry_find(reg, name);
  for (size_t i = 0; !p && i < sizeof S_aliases / sizeof S_aliases[0]; i++)
    if (strcmp(name, S_aliases[i].pandoc) == 0) p = docpipe_registry_find(reg, S_aliases[i].plugin);
  return p;
}
