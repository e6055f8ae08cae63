/* Internal interface of the markdown plugin: the front matter (YAML,
 * libyaml), the body reader (cmark-gfm) and the writer. */
#ifndef DOCPIPE_MARKDOWN_H
#define DOCPIPE_MARKDOWN_H

#include "docpipe/plugin.h"

/* Splits pandoc-style front matter off `s`: the first line is `---`, the
 * next line is not blank, and a later line is `---` or `...`.  On success
 * *yaml and *yaml_len is the YAML between the markers and *body the rest; 1
 * is returned.  0 when there is no front matter (then *body = s), -1
 * when it is opened but never closed (also *body = s). */
int md_front_split(const char *s, size_t len, const char **yaml, size_t *yaml_len,
                   const char **body);

/* Parses front-matter YAML into `meta` (a map), renaming pandoc's keys
 * (author -> authors, lang -> language, keywords -> tags).  Returns 0, 1
 * when the YAML is valid but not a mapping (meta untouched), or a
 * negative code with `err` filled. */
int md_front_read(const char *yaml, size_t len, const docpipe_args *args, docpipe_value *meta,
                  docpipe_error *err);

/* Appends `---\n<YAML>---\n\n` for a non-empty metadata map. */
int md_front_write(const docpipe_value *meta, const docpipe_args *args, docpipe_buf *out,
                   docpipe_error *err);

/* md_split.c: when a run of non-blank lines of `s` is too long for
 * cmark's inline parser (quadratic), `s` with blank lines cut into it at
 * sentence or line ends, appended to `out`; *cuts says how many.  Returns
 * 1 then, 0 when `s` needs no cut (out untouched), -1 when memory runs
 * out. */
int md_split_long_runs(const char *s, size_t len, docpipe_buf *out, size_t *cuts);

int md_read(const unsigned char *data, size_t size, const docpipe_args *args, docpipe_doc **out,
            docpipe_error *err);
int md_write(const docpipe_doc *doc, const docpipe_args *args, docpipe_buf *out,
             docpipe_error *err);

#endif
