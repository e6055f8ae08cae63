/* Command-line parsing, in pandoc's conventions. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"

void cli_usage(FILE *out) {
  fputs("Usage: docpipe [OPTIONS] [FILE...]\n"
        "Convert articles between formats through docpipe's document model.\n"
        "With no FILE, or when FILE is -, read standard input.\n"
        "\n"
        "  -f, --from=FORMAT         input format (default: from the extension, else detected)\n"
        "  -t, --to=FORMAT           output format (default: from the -o extension, else html)\n"
        "  -o, --output=FILE         write to FILE (default: standard output)\n"
        "      --output-dir=DIR      convert each FILE separately into DIR/NAME.EXT\n"
        "  -M, --meta=KEY[=VALUE]    set or override a metadata key (repeat a key for a list)\n"
        "  -F, --filter=NAME         run filter plugin NAME after reading (repeatable, in order)\n"
        "      --no-extract          do not extract dates, bylines and cited documents from text\n"
        "      --option=KEY=VALUE    pass an option to the plugins (e.g. raw_html=keep)\n"
        "      --resource-path=DIR   resolve relative images against DIR\n"
        "      --plugin-dir=DIR      load plugins from DIR first (repeatable)\n"
        "      --list-plugins        list loaded plugins and exit\n"
        "  -q, --quiet               do not print warnings\n"
        "  -h, --help                show this help and exit\n"
        "  -v, --version             show the version and exit\n"
        "\n"
        "Plugins are searched in each --plugin-dir, then each entry of DOCPIPE_PLUGIN_PATH,\n"
        "then the default directory; never the current directory unless named.\n"
        "Exit status: 0 success, 1 an input could not be converted, 2 usage error,\n"
        "3 a needed plugin is missing or broken.\n",
        out);
}

static const char **S_push(const char **list, size_t *n, const char *item) {
  const char **p = realloc(list, (*n + 2) * sizeof *p);
  if (!p) {
    fputs("docpipe: out of memory\n", stderr);
    exit(1);
  }
  p[(*n)++] = item;
  p[*n] = NULL;
  return p;
}

static int S_is_list_key(const char *key) {
  return strcmp(key, DOCPIPE_META_AUTHORS) == 0 || strcmp(key, DOCPIPE_META_TAGS) == 0;
}

/* KEY=VALUE into `map`; a repeated key (or a list key) makes a list. */
static int S_add_pair(docpipe_value *map, const char *arg, const char *option, int lists) {
  const char *eq = strchr(arg, '=');
  size_t klen = eq ? (size_t)(eq - arg) : strlen(arg);
  const char *value = eq ? eq + 1 : "true";
  char key[256];
  if (klen == 0 || klen >= sizeof key) {
    fprintf(stderr, "docpipe: %s wants KEY=VALUE, got '%s'\n", option, arg);
    return 2;
  }
  memcpy(key, arg, klen);
  key[klen] = '\0';
  if (!docpipe_utf8_valid(value, strlen(value)) || !docpipe_utf8_valid(key, klen)) {
    fprintf(stderr, "docpipe: %s %s: not valid UTF-8\n", option, key);
    return 2;
  }
  if (lists && strcmp(key, DOCPIPE_META_DATE) == 0 && !docpipe_date_iso_valid(value)) {
    fprintf(stderr, "docpipe: %s date=%s: not an ISO 8601 date (YYYY-MM-DD[THH:MM[:SS][+HH:MM]])\n",
            option, value);
    return 2;
  }
  docpipe_value *old = docpipe_value_get(map, key);
  if (lists && (old || S_is_list_key(key))) {
    if (!old) {
      docpipe_value_set(map, key, docpipe_value_new_list());
    } else if (docpipe_value_kind_of(old) == DOCPIPE_VALUE_STRING) {
      docpipe_value *list = docpipe_value_new_list();
      docpipe_value_append(list, docpipe_value_take(map, key));
      docpipe_value_set(map, key, list);
    }
    docpipe_value_append_string(docpipe_value_get(map, key), value);
    return 0;
  }
  docpipe_value_set_string(map, key, value);
  return 0;
}

enum {
  OPT_PLUGIN_DIR = 256,
  OPT_LIST_PLUGINS,
  OPT_NO_EXTRACT,
  OPT_OPTION,
  OPT_OUTPUT_DIR,
  OPT_RESOURCE_PATH
};

int cli_options_parse(cli_options *o, int argc, char **argv) {
  static const struct option longopts[] = {
      {"from", required_argument, NULL, 'f'},
      {"read", required_argument, NULL, 'f'},
      {"to", required_argument, NULL, 't'},
      {"write", required_argument, NULL, 't'},
      {"output", required_argument, NULL, 'o'},
      {"meta", required_argument, NULL, 'M'},
      {"metadata", required_argument, NULL, 'M'},
      {"filter", required_argument, NULL, 'F'},
      {"quiet", no_argument, NULL, 'q'},
      {"help", no_argument, NULL, 'h'},
      {"version", no_argument, NULL, 'v'},
      {"plugin-dir", required_argument, NULL, OPT_PLUGIN_DIR},
      {"list-plugins", no_argument, NULL, OPT_LIST_PLUGINS},
      {"no-extract", no_argument, NULL, OPT_NO_EXTRACT},
      {"option", required_argument, NULL, OPT_OPTION},
      {"output-dir", required_argument, NULL, OPT_OUTPUT_DIR},
      {"resource-path", required_argument, NULL, OPT_RESOURCE_PATH},
      {NULL, 0, NULL, 0},
  };
  memset(o, 0, sizeof *o);
  o->meta = docpipe_value_new_map();
  o->plugin_options = docpipe_value_new_map();
  o->inputs = S_push(NULL, &o->ninputs, NULL);
  o->ninputs = 0;
  o->plugin_dirs = S_push(NULL, &o->nplugin_dirs, NULL);
  o->nplugin_dirs = 0;
  o->filters = S_push(NULL, &o->nfilters, NULL);
  o->nfilters = 0;
  opterr = 0;
  int c;
  /* "-" stops getopt's permutation at nothing: FILE "-" is an operand. */
  while ((c = getopt_long(argc, argv, ":f:t:o:M:F:qhv", longopts, NULL)) != -1) {
    int rc = 0;
    switch (c) {
    case 'f': o->from = optarg; break;
    case 't': o->to = optarg; break;
    case 'o': o->output = optarg; break;
    case 'M': rc = S_add_pair(o->meta, optarg, "--meta", 1); break;
    case 'F': o->filters = S_push(o->filters, &o->nfilters, optarg); break;
    case 'q': o->quiet = 1; break;
    case 'h': o->help = 1; break;
    case 'v': o->version = 1; break;
    case OPT_PLUGIN_DIR: o->plugin_dirs = S_push(o->plugin_dirs, &o->nplugin_dirs, optarg); break;
    case OPT_LIST_PLUGINS: o->list_plugins = 1; break;
    case OPT_NO_EXTRACT: o->no_extract = 1; break;
    case OPT_OPTION: rc = S_add_pair(o->plugin_options, optarg, "--option", 0); break;
    case OPT_OUTPUT_DIR: o->output_dir = optarg; break;
    case OPT_RESOURCE_PATH: o->resource_path = optarg; break;
    case ':':
      fprintf(stderr, "docpipe: option %s needs a value\n", argv[optind - 1]);
      return 2;
    default:
      if (optopt) fprintf(stderr, "docpipe: unknown option -%c\n", optopt);
      else fprintf(stderr, "docpipe: unknown option %s\n", argv[optind - 1]);
      fputs("Try 'docpipe --help'.\n", stderr);
      return 2;
    }
    if (rc) return rc;
  }
  for (int i = optind; i < argc; i++) o->inputs = S_push(o->inputs, &o->ninputs, argv[i]);
  if (o->output && o->output_dir) {
    fputs("docpipe: use either -o or --output-dir, not both\n", stderr);
    return 2;
  }
  if (o->output_dir && o->ninputs == 0) {
    fputs("docpipe: --output-dir needs input files\n", stderr);
    return 2;
  }
  return 0;
}

void cli_options_free(cli_options *o) {
  free(o->inputs);
  free(o->plugin_dirs);
  free(o->filters);
  docpipe_value_free(o->meta);
  docpipe_value_free(o->plugin_options);
}
