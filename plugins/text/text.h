/* text plugin: plain-text writer, and a reader for both the writer's own
 * output (metadata header + body) and scraped text dumps of article pages.
 * See docs/text-format.md. */
#ifndef DOCPIPE_TEXT_H
#define DOCPIPE_TEXT_H

#include <stddef.h>

#include "docpipe/docpipe.h"
#include "docpipe/plugin.h"

/* The lines that open and close the metadata header.  The header holds a
 * YAML block mapping emitted and parsed with libyaml, so every string,
 * list and nested map reads back exactly. */
#define TEXT_META_BEGIN "--- docpipe metadata ---"
#define TEXT_META_END "--- end metadata ---"

/* One line of the input: a span of the cleaned text, without its line
 * end. */
typedef struct text_line {
  const char *s;
  size_t len;
} text_line;

typedef struct text_lines {
  text_line *v;
  size_t n, cap;
} text_lines;

int text_probe(const unsigned char *data, size_t size, const char *name_hint);
int text_read(const unsigned char *data, size_t size, const docpipe_args *args, docpipe_doc **out,
              docpipe_error *err);
int text_write(const docpipe_doc *doc, const docpipe_args *args, docpipe_buf *out,
               docpipe_error *err);

/* text_meta.c: the header. */
int text_meta_emit(const docpipe_value *meta, docpipe_buf *out, docpipe_error *err);
/* Parses the YAML between the markers into `meta` (a map). */
int text_meta_parse(const char *yaml, size_t len, docpipe_value *meta, docpipe_error *err);

/* text_lines.c: splitting and small line predicates. */
int text_lines_split(const char *s, size_t len, text_lines *out);
void text_lines_free(text_lines *l);
/* Trims ASCII white space and U+00A0 / U+200B / U+FEFF at both ends. */
text_line text_line_trim(text_line l);
int text_line_is_blank(text_line l);
int text_line_eq(text_line l, const char *s);
/* Number of words (runs of non-space). */
size_t text_line_words(text_line l);
/* Number of code points. */
size_t text_line_chars(text_line l);
/* Case-folded, NFC, white space collapsed copy (docpipe_free). */
char *text_fold(const char *s, size_t len);

/* text_body.c: parses the writer's own body format. */
int text_body_parse(const text_line *lines, size_t n, docpipe_node *parent, size_t depth,
                    const docpipe_args *args, docpipe_error *err);

/* text_dump.c: article extraction from a scraped text dump. */
int text_dump_read(const text_lines *lines, docpipe_doc *doc, const docpipe_args *args,
                   docpipe_error *err);

#endif
