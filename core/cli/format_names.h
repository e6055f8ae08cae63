/* format_names.h — the plugin a -f/-t FORMAT names, pandoc's names included. */
#ifndef DOCPIPE_CLI_FORMAT_NAMES_H
#define DOCPIPE_CLI_FORMAT_NAMES_H

#include "docpipe/plugin.h"

/* The plugin called `format`, or the one pandoc's name for that format
 * stands for ("plain" -> text, "commonmark"/"gfm" -> markdown, "html5" ->
 * html); pandoc's extension switches after the name ("markdown+smart",
 * "gfm-raw_html") are ignored, and *ignored points to them ("" when there
 * are none).  NULL when no plugin answers to the name. */
const docpipe_plugin *cli_find_format(const docpipe_registry *reg, const char *format,
                                      const char **ignored);

#endif
