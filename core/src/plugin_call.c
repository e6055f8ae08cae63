/* Calling plugins: default arguments, and wrappers that hold every
 * plugin to the same contract (padded input, size limit, an error
 * message on every failure, no document on failure). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

void docpipe_args_init(docpipe_args *args) {
  if (!args) return;
  memset(args, 0, sizeof *args);
  args->struct_size = sizeof *args;
  args->limits.max_input_bytes = (size_t)256 << 20;
  args->limits.max_depth = 200;
  args->limits.max_expanded_bytes = (size_t)200 << 20;
  args->limits.max_ratio = 100;
}

const char *docpipe_args_option(const docpipe_args *args, const char *key, const char *fallback) {
  const char *v = args ? docpipe_meta_string(args->options, key) : NULL;
  return v ? v : fallback;
}

void docpipe_args_warn(const docpipe_args *args, const char *fmt, ...) {
  if (!args || !args->log) return;
  char line[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(line, sizeof line, fmt, ap);
  va_end(ap);
  for (char *p = line; *p; p++)
    if (*p == '\n') *p = ' ';
  args->log(args->log_ctx, line);
}

/* Makes sure a failure carries a message. */
static int S_fail(docpipe_error *err, int rc) {
  if (err && !err->message[0]) docpipe_error_set(err, rc, "%s", docpipe_strerror(rc));
  else if (err) err->code = rc;
  return rc;
}

int docpipe_plugin_read(const docpipe_plugin *reader, const unsigned char *data, size_t size,
                        const docpipe_args *args, docpipe_doc **out, docpipe_error *err) {
  if (out) *out = NULL;
  if (!reader || !reader->read || !out || (!data && size))
    return docpipe_error_set(err, DOCPIPE_EUNSUPPORTED, "%s cannot read",
                             reader && reader->name ? reader->name : "plugin");
  docpipe_args defaults;
  if (!args) {
    docpipe_args_init(&defaults);
    args = &defaults;
  }
  if (args->limits.max_input_bytes && size > args->limits.max_input_bytes)
    return docpipe_error_set(err, DOCPIPE_ELIMIT, "input of %zu bytes exceeds the limit of %zu",
                             size, args->limits.max_input_bytes);
  /* Readers may look DOCPIPE_PROBE_PADDING bytes past the end, unless
   * they say they never do. */
  static const unsigned char empty[DOCPIPE_PROBE_PADDING];
  unsigned char *padded = NULL;
  const unsigned char *in = size ? data : empty;
  if (!(reader->flags & DOCPIPE_PLUGIN_NO_PADDING)) {
    padded = docpipe_malloc(size + DOCPIPE_PROBE_PADDING);
    if (!padded) return docpipe_error_set(err, DOCPIPE_ENOMEM, "out of memory");
    if (size) memcpy(padded, data, size);
    memset(padded + size, 0, DOCPIPE_PROBE_PADDING);
    in = padded;
  }
  docpipe_error_clear(err);
  docpipe_doc *doc = NULL;
  int rc = reader->read(in, size, args, &doc, err);
  docpipe_free(padded);
  if (rc == 0 && !doc) rc = DOCPIPE_EPARSE;
  if (rc) {
    docpipe_doc_free(doc);
    return S_fail(err, rc < 0 ? rc : DOCPIPE_EPARSE);
  }
  *out = doc;
  return 0;
}

int docpipe_plugin_write(const docpipe_plugin *writer, const docpipe_doc *doc,
                         const docpipe_args *args, docpipe_buf *out, docpipe_error *err) {
  if (!writer || !writer->write || !doc || !out)
    return docpipe_error_set(err, DOCPIPE_EUNSUPPORTED, "%s cannot write",
                             writer && writer->name ? writer->name : "plugin");
  docpipe_args defaults;
  if (!args) {
    docpipe_args_init(&defaults);
    args = &defaults;
  }
  docpipe_error_clear(err);
  int rc = writer->write(doc, args, out, err);
  return rc ? S_fail(err, rc < 0 ? rc : DOCPIPE_EIO) : 0;
}

int docpipe_plugin_filter(const docpipe_plugin *filter, docpipe_doc *doc, const docpipe_args *args,
                          docpipe_error *err) {
  if (!filter || !filter->filter || !doc)
    return docpipe_error_set(err, DOCPIPE_EUNSUPPORTED, "%s is not a filter",
                             filter && filter->name ? filter->name : "plugin");
  docpipe_args defaults;
  if (!args) {
    docpipe_args_init(&defaults);
    args = &defaults;
  }
  docpipe_error_clear(err);
  int rc = filter->filter(doc, args, err);
  return rc ? S_fail(err, rc < 0 ? rc : DOCPIPE_EINVAL) : 0;
}
