/*
 * plugin.h — writing a docpipe reader, writer or filter plugin.
 *
 * A plugin is one shared object that exports exactly one symbol:
 *
 *     DOCPIPE_PLUGIN_ENTRY const docpipe_plugin *docpipe_plugin_entry(void);
 *
 * which returns the address of a `static const docpipe_plugin` filled
 * with designated initializers.  The entry function must not allocate or
 * have side effects.  A minimal filter:
 *
 *     static int S_filter(docpipe_doc *doc, const docpipe_args *args,
 *                         docpipe_error *err) { ...; return 0; }
 *
 *     static const docpipe_plugin S_plugin = {
 *       .abi_version = DOCPIPE_ABI_VERSION,
 *       .name = "wordcount",
 *       .version = "1.0",
 *       .description = "Adds a word count to the metadata",
 *       .filter = S_filter,
 *     };
 *     DOCPIPE_PLUGIN_ENTRY const docpipe_plugin *docpipe_plugin_entry(void)
 *     { return &S_plugin; }
 *
 * RULES
 *
 * - The loader reads `abi_version` before anything else and refuses a
 *   plugin whose version differs from the host's DOCPIPE_ABI_VERSION.
 * - A plugin keeps no mutable global or static state: the host may call
 *   its functions from several threads at once, each on its own
 *   document.  Per-call state lives on the stack or in memory the call
 *   allocates and frees.
 * - A plugin never prints, exits, aborts, reads the network or loads
 *   external entities.  It reports failure by returning a negative
 *   DOCPIPE_E* code and filling `err` with a one-line message that does
 *   not name the input (the host adds the file name).
 * - A plugin frees what it allocates on every path, success or failure.
 * - Readers treat their input as hostile and respect `args->limits`.
 */
#ifndef DOCPIPE_PLUGIN_H
#define DOCPIPE_PLUGIN_H

#include "docpipe/docpipe.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The plugin ABI version.  Bumped when a field of docpipe_plugin or
 * docpipe_args changes order, type or meaning, or when node-type
 * numbering changes.  A new optional callback placed in a reserved slot,
 * or a field appended to docpipe_args (see `struct_size`), needs no bump. */
#define DOCPIPE_ABI_VERSION 1u

/** Exports the entry point from a plugin built with hidden visibility. */
#if defined(_WIN32)
#define DOCPIPE_PLUGIN_ENTRY __declspec(dllexport)
#else
#define DOCPIPE_PLUGIN_ENTRY __attribute__((visibility("default")))
#endif

/** Plugin flags. */
#define DOCPIPE_PLUGIN_BINARY 0x1u       /* output is binary: never written to a terminal */
#define DOCPIPE_PLUGIN_EXPERIMENTAL 0x2u /* never chosen by probing */
/** `read` never looks past `size` bytes, so docpipe_plugin_read hands it
 * the caller's bytes as they are instead of a copy followed by
 * DOCPIPE_PROBE_PADDING zero bytes (a copy of the whole input: about
 * a twentieth of reading Markdown).  `probe` still gets the padding. */
#define DOCPIPE_PLUGIN_NO_PADDING 0x4u

/** Probe scores, as FFmpeg's AVPROBE_SCORE_*. */
#define DOCPIPE_PROBE_SCORE_MAX 100
#define DOCPIPE_PROBE_SCORE_MIME 75
#define DOCPIPE_PROBE_SCORE_EXTENSION 50
/** Below this best score detection fails and asks for -f. */
#define DOCPIPE_PROBE_SCORE_MIN 25

/** Resource limits a reader must respect.  Exceeding one is either an
 * ELIMIT error or a best-effort document (e.g. deeper nesting flattened),
 * never unbounded memory or time. */
typedef struct docpipe_limits {
  size_t max_input_bytes;    /* largest input accepted (default 256 MiB) */
  size_t max_depth;          /* deepest block nesting kept (default 200) */
  size_t max_expanded_bytes; /* total uncompressed size of a container (default 200 MiB) */
  unsigned max_ratio;        /* largest compression ratio of a container entry (default 100) */
} docpipe_limits;

/** What the host tells a plugin about one call.  Owned by the host,
 * valid for the duration of the call only. */
struct docpipe_args {
  /** sizeof(docpipe_args) as the host was compiled; fields past it are
   * absent.  Lets fields be appended without an ABI bump. */
  size_t struct_size;
  /** The input's name for messages ("-" for standard input). */
  const char *input_name;
  /** The output path, or NULL when writing to standard output. */
  const char *output_name;
  /** Directory that relative local resources (images) are resolved
   * against; NULL means none are resolved. */
  const char *resource_dir;
  /** Plugin options from `--option KEY=VALUE`: a map of strings, or NULL.
   * Plugins ignore keys they do not know. */
  const docpipe_value *options;
  /** Resource limits. */
  docpipe_limits limits;
  /** Where to send warnings (one line each), or NULL. */
  docpipe_log_fn log;
  void *log_ctx;
};

/** Fills `args` with defaults: no names, no options, default limits. */
DOCPIPE_EXPORT void docpipe_args_init(docpipe_args *args);
/** The option `key` from args->options, or `fallback`. */
DOCPIPE_EXPORT const char *docpipe_args_option(const docpipe_args *args, const char *key,
                                               const char *fallback);
/** Sends a printf-style warning through args->log, if set. */
DOCPIPE_EXPORT void docpipe_args_warn(const docpipe_args *args, const char *fmt, ...)
    DOCPIPE_PRINTF(2, 3);

/** Scores how likely `data` is in this plugin's format, 0-100.  `data`
 * holds at least `size` bytes followed by DOCPIPE_PROBE_PADDING zero
 * bytes; `name_hint` is the input's file name or NULL.  Pure. */
typedef int (*docpipe_probe_fn)(const unsigned char *data, size_t size, const char *name_hint);

/** Builds a new document from `size` bytes of `data` (followed by
 * DOCPIPE_PROBE_PADDING zero bytes, unless the plugin has the flag
 * DOCPIPE_PLUGIN_NO_PADDING) and stores it in `*out`. */
typedef int (*docpipe_read_fn)(const unsigned char *data, size_t size, const docpipe_args *args,
                               docpipe_doc **out, docpipe_error *err);

/** Appends the serialisation of `doc` to `out`. */
typedef int (*docpipe_write_fn)(const docpipe_doc *doc, const docpipe_args *args,
                                docpipe_buf *out, docpipe_error *err);

/** Changes `doc` in place. */
typedef int (*docpipe_filter_fn)(docpipe_doc *doc, const docpipe_args *args, docpipe_error *err);

/** The plugin descriptor.  `abi_version` is always the first member. */
struct docpipe_plugin {
  uint32_t abi_version;    /* DOCPIPE_ABI_VERSION */
  const char *name;        /* [a-z0-9_]+, the -f/-t value; unique */
  const char *version;     /* the plugin's own version */
  const char *description; /* one line */
  const char *extensions;  /* comma list, lower case, no dots: "html,htm" */
  const char *mime_types;  /* comma list */
  uint32_t flags;          /* DOCPIPE_PLUGIN_* */
  docpipe_probe_fn probe;  /* optional */
  docpipe_read_fn read;    /* optional; at least one of read/write/filter */
  docpipe_write_fn write;  /* optional */
  docpipe_filter_fn filter;/* optional */
  void *reserved[4];       /* must be NULL */
};

/** The one symbol a plugin exports. */
typedef const docpipe_plugin *(*docpipe_plugin_entry_fn)(void);
#define DOCPIPE_PLUGIN_ENTRY_SYMBOL "docpipe_plugin_entry"

#ifdef __cplusplus
}
#endif

#endif /* DOCPIPE_PLUGIN_H */
