/* docpipe — the command-line tool: a thin shell over libdocpipe.
 *
 * read (reader plugin) -> extract metadata (unless --no-extract) ->
 * filters -> --meta overrides -> write (writer plugin) -> atomic output. */
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "docpipe/docpipe.h"
#include "docpipe/extract.h"
#include "docpipe/plugin.h"
#include "format_names.h"
#include "options.h"

enum { EXIT_CONVERT = 1, EXIT_USAGE = 2, EXIT_PLUGIN = 3 };

static void S_log(void *ctx, const char *message) {
  const cli_options *o = ctx;
  if (!o || !o->quiet) fprintf(stderr, "docpipe: %s\n", message);
}

/* Loading problems are reported even with --quiet: a broken plugin is
 * something to fix, not noise. */
static void S_log_loader(void *ctx, const char *message) {
  (void)ctx;
  fprintf(stderr, "docpipe: %s\n", message);
}

static const char *S_display(const char *path) { return strcmp(path, "-") == 0 ? "-" : path; }

static void S_list_plugins(const docpipe_registry *reg) {
  size_t n = docpipe_registry_count(reg);
  for (size_t i = 0; i < n; i++) {
    const docpipe_plugin *p = docpipe_registry_plugin(reg, i);
    char caps[32] = "";
    if (p->read) strcat(caps, "read,");
    if (p->write) strcat(caps, "write,");
    if (p->filter) strcat(caps, "filter,");
    caps[strlen(caps) - 1] = '\0';
    printf("%-10s %-8s %-17s %-16s %s\n", p->name, p->version ? p->version : "-", caps,
           p->extensions && *p->extensions ? p->extensions : "-", docpipe_registry_path(reg, i));
    if (p->description) printf("           %s\n", p->description);
  }
}

typedef struct {
  const cli_options *opts;
  const docpipe_registry *reg;
  const docpipe_plugin *writer;
  const docpipe_plugin **filters;
} S_job;

static void S_args_for(docpipe_args *args, const S_job *job, const char *input,
                       const char *output, char *resdir, size_t resdir_size) {
  docpipe_args_init(args);
  args->input_name = input;
  args->output_name = output;
  args->options = job->opts->plugin_options;
  args->log = S_log;
  args->log_ctx = (void *)job->opts;
  if (job->opts->resource_path) {
    args->resource_dir = job->opts->resource_path;
  } else if (strcmp(input, "-") != 0 && strlen(input) < resdir_size) {
    strcpy(resdir, input);
    args->resource_dir = dirname(resdir);
  }
}

/* Reads one input into a document; returns an exit code. */
static int S_read_input(const S_job *job, const char *input, docpipe_doc **out) {
  const cli_options *o = job->opts;
  char resdir[PATH_MAX];
  docpipe_args args;
  S_args_for(&args, job, input, o->output, resdir, sizeof resdir);
  docpipe_error err = DOCPIPE_ERROR_INIT;
  unsigned char *data = NULL;
  size_t size = 0;
  if (docpipe_file_read(input, args.limits.max_input_bytes, &data, &size, &err) != 0) {
    fprintf(stderr, "docpipe: %s: %s\n", S_display(input), err.message);
    return EXIT_CONVERT;
  }
  const docpipe_plugin *reader = NULL;
  if (o->from) {
    const char *ignored; /* noted once, in S_run */
    reader = cli_find_format(job->reg, o->from, &ignored);
    if (!reader || !reader->read) {
      fprintf(stderr, "docpipe: %s: no reader plugin named '%s' (see --list-plugins)\n",
              S_display(input), o->from);
      docpipe_free(data);
      return EXIT_PLUGIN;
    }
  } else {
    if (strcmp(input, "-") != 0) reader = docpipe_registry_by_extension(job->reg, input, 0);
    if (!reader) reader = docpipe_registry_probe(job->reg, data, size, input, &err);
    if (!reader) {
      fprintf(stderr, "docpipe: %s: %s\n", S_display(input), err.message);
      docpipe_free(data);
      return EXIT_CONVERT;
    }
  }
  int rc = docpipe_plugin_read(reader, data, size, &args, out, &err);
  docpipe_free(data);
  if (rc) {
    fprintf(stderr, "docpipe: %s: %s\n", S_display(input), err.message);
    return EXIT_CONVERT;
  }
  if (!o->no_extract && docpipe_extract_metadata(*out, DOCPIPE_EXTRACT_ALL, &err) != 0) {
    fprintf(stderr, "docpipe: %s: metadata extraction: %s\n", S_display(input), err.message);
    docpipe_doc_free(*out);
    *out = NULL;
    return EXIT_CONVERT;
  }
  for (size_t i = 0; job->filters[i]; i++) {
    if (docpipe_plugin_filter(job->filters[i], *out, &args, &err) != 0) {
      fprintf(stderr, "docpipe: %s: filter %s: %s\n", S_display(input), job->filters[i]->name,
              err.message);
      docpipe_doc_free(*out);
      *out = NULL;
      return EXIT_CONVERT;
    }
  }
  return 0;
}

/* Moves the blocks of `src` to the end of `dst` and fills metadata keys
 * `dst` lacks (several inputs are concatenated, as pandoc does). */
static void S_concat(docpipe_doc *dst, docpipe_doc *src) {
  docpipe_node *root = docpipe_doc_root(dst);
  docpipe_node *n;
  while ((n = docpipe_node_first_child(docpipe_doc_root(src))) != NULL)
    docpipe_node_append_child(root, n);
  docpipe_value *sm = docpipe_doc_meta(src), *dm = docpipe_doc_meta(dst);
  while (docpipe_value_count(sm)) {
    const char *key = docpipe_value_key_at(sm, 0);
    char k[256];
    snprintf(k, sizeof k, "%s", key);
    docpipe_value *v = docpipe_value_take(sm, k);
    if (docpipe_value_get(dm, k)) docpipe_value_free(v);
    else docpipe_value_set(dm, k, v);
  }
}

static void S_apply_meta(docpipe_doc *doc, const docpipe_value *overrides) {
  docpipe_value *meta = docpipe_doc_meta(doc);
  for (size_t i = 0; i < docpipe_value_count(overrides); i++)
    docpipe_value_set(meta, docpipe_value_key_at(overrides, i),
                      docpipe_value_copy(docpipe_value_at(overrides, i)));
}

/* Writes `doc` to `output` (NULL or "-": standard output). */
static int S_write(const S_job *job, const docpipe_doc *doc, const char *input,
                   const char *output) {
  const cli_options *o = job->opts;
  int to_stdout = !output || strcmp(output, "-") == 0;
  char resdir[PATH_MAX];
  docpipe_args args;
  S_args_for(&args, job, input, to_stdout ? NULL : output, resdir, sizeof resdir);
  docpipe_error err = DOCPIPE_ERROR_INIT;
  docpipe_buf buf = DOCPIPE_BUF_INIT;
  if (docpipe_plugin_write(job->writer, doc, &args, &buf, &err) != 0) {
    fprintf(stderr, "docpipe: %s: %s writer: %s\n", S_display(input), job->writer->name,
            err.message);
    docpipe_buf_free(&buf);
    return EXIT_CONVERT;
  }
  int rc = 0;
  if (to_stdout) {
    if (buf.len && fwrite(buf.data, 1, buf.len, stdout) != buf.len) rc = EXIT_CONVERT;
    if (fflush(stdout) != 0) rc = EXIT_CONVERT;
    if (rc) fprintf(stderr, "docpipe: -: cannot write standard output\n");
  } else if (docpipe_file_write_atomic(output, buf.data ? buf.data : "", buf.len, &err) != 0) {
    fprintf(stderr, "docpipe: %s: %s\n", output, err.message);
    rc = EXIT_CONVERT;
  }
  (void)o;
  docpipe_buf_free(&buf);
  return rc;
}

/* The output path for `input` under --output-dir. */
static void S_batch_output(char *out, size_t size, const char *dir, const char *input,
                           const char *format) {
  const char *base = strrchr(input, '/');
  base = base ? base + 1 : input;
  const char *dot = strrchr(base, '.');
  int stem = dot && dot != base ? (int)(dot - base) : (int)strlen(base);
  snprintf(out, size, "%s/%.*s.%s", dir, stem, base, format);
}

static const char *S_first_extension(const docpipe_plugin *p, char *buf, size_t size) {
  const char *ext = p->extensions && *p->extensions ? p->extensions : p->name;
  size_t n = strcspn(ext, ",");
  if (n >= size) n = size - 1;
  memcpy(buf, ext, n);
  buf[n] = '\0';
  return buf;
}

/* pandoc's "+ext-ext" switches after a format name: said once, not fatal. */
static void S_note_ignored(const cli_options *o, const char *ignored, const docpipe_plugin *p) {
  if (*ignored && !o->quiet)
    fprintf(stderr, "docpipe: format extensions '%s' ignored: %s has none\n", ignored, p->name);
}

static int S_run(cli_options *o, docpipe_registry *reg) {
  if (o->from) {
    const char *ignored;
    const docpipe_plugin *reader = cli_find_format(reg, o->from, &ignored);
    if (reader) S_note_ignored(o, ignored, reader);
  }
  /* Writer: -t, else the -o extension, else html as pandoc does. */
  const docpipe_plugin *writer = NULL;
  if (o->to) {
    const char *ignored;
    writer = cli_find_format(reg, o->to, &ignored);
    if (!writer || !writer->write) {
      fprintf(stderr, "docpipe: no writer plugin named '%s' (see --list-plugins)\n", o->to);
      return EXIT_PLUGIN;
    }
    S_note_ignored(o, ignored, writer);
  } else if (o->output && strcmp(o->output, "-") != 0) {
    writer = docpipe_registry_by_extension(reg, o->output, 1);
    if (!writer) {
      fprintf(stderr, "docpipe: %s: no writer for this extension; use -t FORMAT\n", o->output);
      return EXIT_PLUGIN;
    }
  } else {
    writer = docpipe_registry_find(reg, "html");
    if (!writer || !writer->write) {
      fputs("docpipe: no output format given (use -t FORMAT) and no html writer is loaded\n",
            stderr);
      return EXIT_PLUGIN;
    }
  }
  int to_stdout = !o->output_dir && (!o->output || strcmp(o->output, "-") == 0);
  if (to_stdout && (writer->flags & DOCPIPE_PLUGIN_BINARY) && isatty(STDOUT_FILENO)) {
    fprintf(stderr, "docpipe: will not write binary %s output to a terminal; use -o FILE or "
                    "redirect\n", writer->name);
    return EXIT_USAGE;
  }
  const docpipe_plugin **filters = calloc(o->nfilters + 1, sizeof *filters);
  if (!filters) return EXIT_CONVERT;
  for (size_t i = 0; i < o->nfilters; i++) {
    filters[i] = docpipe_registry_find(reg, o->filters[i]);
    if (!filters[i] || !filters[i]->filter) {
      fprintf(stderr, "docpipe: no filter plugin named '%s' (see --list-plugins)\n",
              o->filters[i]);
      free(filters);
      return EXIT_PLUGIN;
    }
  }
  S_job job = {o, reg, writer, filters};
  static const char *const stdin_only[] = {"-", NULL};
  const char *const *inputs = o->ninputs ? o->inputs : stdin_only;
  int status = 0;

  if (o->output_dir) {
    /* Batch: every input on its own; a failure does not stop the rest. */
    char ext[32];
    S_first_extension(writer, ext, sizeof ext);
    for (size_t i = 0; inputs[i]; i++) {
      docpipe_doc *doc = NULL;
      int rc = S_read_input(&job, inputs[i], &doc);
      if (rc == 0) {
        char out[PATH_MAX];
        S_batch_output(out, sizeof out, o->output_dir, inputs[i], ext);
        S_apply_meta(doc, o->meta);
        rc = S_write(&job, doc, inputs[i], out);
      }
      docpipe_doc_free(doc);
      if (rc && (status == 0 || rc > status)) status = rc;
    }
    free(filters);
    return status;
  }

  docpipe_doc *doc = NULL;
  for (size_t i = 0; inputs[i] && status == 0; i++) {
    docpipe_doc *part = NULL;
    status = S_read_input(&job, inputs[i], &part);
    if (status) break;
    if (!doc) {
      doc = part;
    } else {
      S_concat(doc, part);
      docpipe_doc_free(part);
    }
  }
  if (status == 0) {
    S_apply_meta(doc, o->meta);
    status = S_write(&job, doc, inputs[0], o->output);
  }
  docpipe_doc_free(doc);
  free(filters);
  return status;
}

int main(int argc, char **argv) {
  cli_options opts;
  int rc = cli_options_parse(&opts, argc, argv);
  if (rc) {
    cli_options_free(&opts);
    return EXIT_USAGE;
  }
  if (opts.help) {
    cli_usage(stdout);
    cli_options_free(&opts);
    return 0;
  }
  if (opts.version) {
    printf("docpipe %s (plugin ABI %u)\n", docpipe_version_string(), (unsigned)DOCPIPE_ABI_VERSION);
    cli_options_free(&opts);
    return 0;
  }
  docpipe_registry *reg = docpipe_registry_new();
  if (!reg) {
    fputs("docpipe: out of memory\n", stderr);
    return EXIT_CONVERT;
  }
  docpipe_registry_load_defaults(reg, opts.plugin_dirs, S_log_loader, NULL);
  if (opts.list_plugins) {
    S_list_plugins(reg);
    rc = 0;
  } else {
    rc = S_run(&opts, reg);
  }
  docpipe_registry_free(reg);
  cli_options_free(&opts);
  return rc;
}
