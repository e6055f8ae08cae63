/* options.h — the docpipe command line, parsed. */
#ifndef DOCPIPE_CLI_OPTIONS_H
#define DOCPIPE_CLI_OPTIONS_H

#include <stddef.h>

#include "docpipe/docpipe.h"

typedef struct {
  const char *from, *to, *output, *output_dir, *resource_path;
  const char **inputs;  /* NULL-terminated; empty means standard input */
  size_t ninputs;
  const char **plugin_dirs; /* NULL-terminated */
  size_t nplugin_dirs;
  const char **filters;     /* NULL-terminated, in order */
  size_t nfilters;
  docpipe_value *meta;      /* --meta overrides, a map */
  docpipe_value *plugin_options; /* --option values, a map */
  int no_extract, list_plugins, help, version, quiet;
} cli_options;

/* Parses argv.  Returns 0, or 2 after printing a usage error. */
int cli_options_parse(cli_options *opts, int argc, char **argv);
void cli_options_free(cli_options *opts);
void cli_usage(FILE *out);

#endif
