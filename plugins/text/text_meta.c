/* The metadata header: the document's metadata map as a YAML block
 * mapping, written and read with libyaml.  YAML keeps strings, lists and
 * nested maps apart without any escaping rules of our own, and reads as
 * "key: value" lines to a person. */
#include <string.h>
#include <yaml.h>

#include "text.h"
#include "yaml_value.h"

#define S_MAX_DEPTH 200

static int S_write_handler(void *data, unsigned char *buffer, size_t size) {
  return docpipe_buf_append((docpipe_buf *)data, buffer, size) == 0;
}

/* Scalars that hold a line break are double-quoted, where libyaml writes
 * the break as an escape: every scalar then sits on one physical line and
 * can never look like the closing marker. */
static yaml_scalar_style_t S_style(const char *s) {
  const unsigned char *u = (const unsigned char *)s;
  for (; *u; u++) {
    if (*u == '\n' || *u == '\r') return YAML_DOUBLE_QUOTED_SCALAR_STYLE;
    if (u[0] == 0xC2 && u[1] == 0x85) return YAML_DOUBLE_QUOTED_SCALAR_STYLE;
    if (u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0xA8 || u[2] == 0xA9))
      return YAML_DOUBLE_QUOTED_SCALAR_STYLE;
  }
  return YAML_ANY_SCALAR_STYLE;
}

static int S_emit(yaml_emitter_t *em, yaml_event_t *ev) {
  return yaml_emitter_emit(em, ev) ? 0 : -1;
}

static int S_emit_scalar(yaml_emitter_t *em, const char *s) {
  yaml_event_t ev;
  if (!yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s, (int)strlen(s), 1, 1,
                                    S_style(s)))
    return -1;
  return S_emit(em, &ev);
}

static int S_emit_value(yaml_emitter_t *em, const docpipe_value *v, int depth) {
  yaml_event_t ev;
  if (depth > S_MAX_DEPTH) return -2;
  switch (docpipe_value_kind_of(v)) {
  case DOCPIPE_VALUE_STRING:
    return S_emit_scalar(em, docpipe_value_string(v));
  case DOCPIPE_VALUE_LIST: {
    size_t n = docpipe_value_count(v);
    if (!yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
                                              n ? YAML_BLOCK_SEQUENCE_STYLE
                                                : YAML_FLOW_SEQUENCE_STYLE) ||
        S_emit(em, &ev))
      return -1;
    for (size_t i = 0; i < n; i++) {
      int rc = S_emit_value(em, docpipe_value_at(v, i), depth + 1);
      if (rc) return rc;
    }
    if (!yaml_sequence_end_event_initialize(&ev)) return -1;
    return S_emit(em, &ev);
  }
  case DOCPIPE_VALUE_MAP: {
    size_t n = docpipe_value_count(v);
    if (!yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
                                             n ? YAML_BLOCK_MAPPING_STYLE
                                               : YAML_FLOW_MAPPING_STYLE) ||
        S_emit(em, &ev))
      return -1;
    for (size_t i = 0; i < n; i++) {
      int rc = S_emit_scalar(em, docpipe_value_key_at(v, i));
      if (rc) return rc;
      rc = S_emit_value(em, docpipe_value_at(v, i), depth + 1);
      if (rc) return rc;
    }
    if (!yaml_mapping_end_event_initialize(&ev)) return -1;
    return S_emit(em, &ev);
  }
  default:
    return S_emit_scalar(em, "");
  }
}

int text_meta_emit(const docpipe_value *meta, docpipe_buf *out, docpipe_error *err) {
  yaml_emitter_t em;
  yaml_event_t ev;
  int rc = -1;
  if (!yaml_emitter_initialize(&em)) return docpipe_error_set(err, DOCPIPE_ENOMEM, "out of memory");
  yaml_emitter_set_output(&em, S_write_handler, out);
  yaml_emitter_set_unicode(&em, 1);
  yaml_emitter_set_width(&em, -1);
  yaml_emitter_set_indent(&em, 2);
  yaml_emitter_set_break(&em, YAML_LN_BREAK);
  if (yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING) && !S_emit(&em, &ev) &&
      yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1) && !S_emit(&em, &ev)) {
    rc = S_emit_value(&em, meta, 0);
    if (rc == 0)
      rc = (yaml_document_end_event_initialize(&ev, 1) && !S_emit(&em, &ev) &&
            yaml_stream_end_event_initialize(&ev) && !S_emit(&em, &ev) && yaml_emitter_flush(&em))
               ? 0
               : -1;
  }
  const char *problem = em.problem;
  yaml_emitter_delete(&em);
  if (rc == -2) return docpipe_error_set(err, DOCPIPE_ELIMIT, "metadata nested too deeply");
  if (rc) return docpipe_error_set(err, DOCPIPE_EINVAL, "cannot write metadata header: %s",
                                   problem ? problem : "emitter error");
  return 0;
}

/* ---- reading ---- */

int text_meta_parse(const char *yaml, size_t len, docpipe_value *meta, docpipe_error *err) {
  yamlv_reader r = {.what = "metadata header", .line_offset = 1, .max_depth = S_MAX_DEPTH, .err = err};
  int rc = 0;
  if (!yaml_parser_initialize(&r.parser))
    return docpipe_error_set(err, DOCPIPE_ENOMEM, "out of memory");
  yaml_parser_set_input_string(&r.parser, (const unsigned char *)yaml, len);
  yaml_event_t ev;
  int docs = 0;
  while ((rc = yamlv_next(&r, &ev)) == 0) {
    yaml_event_type_t t = ev.type;
    if (t == YAML_STREAM_END_EVENT) {
      yaml_event_delete(&ev);
      break;
    }
    if (t == YAML_STREAM_START_EVENT || t == YAML_DOCUMENT_START_EVENT ||
        t == YAML_DOCUMENT_END_EVENT) {
      yaml_event_delete(&ev);
      continue;
    }
    if (docs++ > 0 || t != YAML_MAPPING_START_EVENT) {
      yaml_event_delete(&ev);
      rc = docpipe_error_set(err, DOCPIPE_EPARSE, "metadata header is not one key: value map");
      break;
    }
    docpipe_value *map = NULL;
    if ((rc = yamlv_build(&r, &ev, 0, &map))) break;
    for (size_t i = 0; i < docpipe_value_count(map) && rc == 0; i++) {
      docpipe_value *v = docpipe_value_copy(docpipe_value_at(map, i));
      rc = v ? docpipe_value_set(meta, docpipe_value_key_at(map, i), v) : DOCPIPE_ENOMEM;
      if (rc) docpipe_error_set(err, rc, "out of memory");
    }
    docpipe_value_free(map);
    if (rc) break;
  }
  yaml_parser_delete(&r.parser);
  return rc;
}
