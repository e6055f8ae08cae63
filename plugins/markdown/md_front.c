/* YAML front matter, as pandoc writes and reads it: a `---` line at the
 * very top, a YAML mapping, a closing `---` or `...` line.  Read and
 * written with libyaml; every scalar stays a string (no type resolution,
 * so `2020-07-16`, `yes` and `0123` come back as written). */
#include <string.h>
#include <yaml.h>

#include "markdown.h"
#include "yaml_value.h"

/* ------------------------------------------------------------------ */
/* Splitting                                                          */
/* ------------------------------------------------------------------ */

/* Length of the line at `s` (without its end) and where the next starts. */
static size_t S_line(const char *s, const char *end, const char **next) {
  const char *p = memchr(s, '\n', (size_t)(end - s));
  *next = p ? p + 1 : end;
  size_t n = (size_t)((p ? p : end) - s);
  while (n && (s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
  return n;
}

int md_front_split(const char *s, size_t len, const char **yaml, size_t *yaml_len,
                   const char **body) {
  const char *end = s + len, *p = s, *next;
  *body = s;
  if (len >= 3 && (unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBB &&
      (unsigned char)p[2] == 0xBF)
    p += 3; /* a byte-order mark is not text */
  if (S_line(p, end, &next) != 3 || memcmp(p, "---", 3) != 0) return 0;
  /* pandoc: `---` followed by a blank line is a thematic break. */
  const char *first = next, *after;
  if (first >= end || S_line(first, end, &after) == 0) return 0;
  for (const char *l = first; l < end; l = next) {
    size_t n = S_line(l, end, &next);
    if (n == 3 && (memcmp(l, "---", 3) == 0 || memcmp(l, "...", 3) == 0)) {
      *yaml = first;
      *yaml_len = (size_t)(l - first);
      *body = next;
      return 1;
    }
  }
  return -1;
}

/* ------------------------------------------------------------------ */
/* Reading                                                            */
/* ------------------------------------------------------------------ */

/* pandoc's key -> the model's key.  Lists stay lists; a plain string for a
 * list key becomes a one-item list, as the model wants. */
static const struct {
  const char *pandoc, *model;
  int list;
} S_keys[] = {
    {"author", DOCPIPE_META_AUTHORS, 1},
    {"lang", DOCPIPE_META_LANGUAGE, 0},
    {"keywords", DOCPIPE_META_TAGS, 1},
};

static int S_rename(docpipe_value *map, const docpipe_args *args) {
  for (size_t i = 0; i < sizeof S_keys / sizeof S_keys[0]; i++) {
    docpipe_value *v = docpipe_value_take(map, S_keys[i].pandoc);
    if (!v) v = docpipe_value_take(map, S_keys[i].model);
    else if (docpipe_value_get(map, S_keys[i].model))
      docpipe_args_warn(args, "front matter has both '%s' and '%s'; '%s' wins", S_keys[i].pandoc,
                        S_keys[i].model, S_keys[i].pandoc);
    if (!v) continue;
    if (S_keys[i].list && docpipe_value_kind_of(v) == DOCPIPE_VALUE_STRING) {
      docpipe_value *list = docpipe_value_new_list();
      if (!list || docpipe_value_append(list, v)) {
        docpipe_value_free(list);
        return DOCPIPE_ENOMEM;
      }
      v = list;
    }
    int rc = docpipe_value_set(map, S_keys[i].model, v);
    if (rc) return rc;
  }
  return 0;
}

int md_front_read(const char *yaml, size_t len, const docpipe_args *args, docpipe_value *meta,
                  docpipe_error *err) {
  /* Lines count from the `---` line above the YAML. */
  yamlv_reader r = {.what = "front matter",
                    .line_offset = 2,
                    .max_depth = args && args->limits.max_depth ? args->limits.max_depth : 200,
                    .err = err};
  if (!yaml_parser_initialize(&r.parser))
    return docpipe_error_set(err, DOCPIPE_ENOMEM, "out of memory");
  yaml_parser_set_input_string(&r.parser, (const unsigned char *)yaml, len);
  yaml_event_t ev;
  docpipe_value *root = NULL;
  int rc = 0, saw_doc = 0;
  while ((rc = yamlv_next(&r, &ev)) == 0) {
    yaml_event_type_t t = ev.type;
    if (t == YAML_STREAM_END_EVENT) {
      yaml_event_delete(&ev);
      break;
    }
    if (t == YAML_STREAM_START_EVENT || t == YAML_DOCUMENT_END_EVENT) {
      yaml_event_delete(&ev);
      continue;
    }
    if (t == YAML_DOCUMENT_START_EVENT) {
      yaml_event_delete(&ev);
      if (saw_doc++) {
        rc = docpipe_error_set(err, DOCPIPE_EPARSE, "front matter holds more than one YAML document");
        break;
      }
      continue;
    }
    if (root) { /* cannot happen in one document, but never leak */
      yaml_event_delete(&ev);
      rc = docpipe_error_set(err, DOCPIPE_EPARSE, "front matter: unexpected YAML event");
      break;
    }
    if ((rc = yamlv_build(&r, &ev, 1, &root))) break;
  }
  yaml_parser_delete(&r.parser);
  if (rc) {
    docpipe_value_free(root);
    return rc;
  }
  if (!root) return 0; /* empty front matter: empty metadata */
  if (docpipe_value_kind_of(root) != DOCPIPE_VALUE_MAP) {
    /* An empty scalar (only comments) is empty metadata; any other scalar
     * or a list is not metadata. */
    int empty = docpipe_value_kind_of(root) == DOCPIPE_VALUE_STRING &&
                docpipe_value_string(root)[0] == 0;
    docpipe_value_free(root);
    return empty ? 0 : 1;
  }
  rc = S_rename(root, args);
  for (size_t i = 0; rc == 0 && i < docpipe_value_count(root); i++) {
    docpipe_value *v = docpipe_value_copy(docpipe_value_at(root, i));
    rc = v ? docpipe_value_set(meta, docpipe_value_key_at(root, i), v) : DOCPIPE_ENOMEM;
  }
  docpipe_value_free(root);
  return rc ? docpipe_error_set(err, rc, "out of memory") : 0;
}

/* ------------------------------------------------------------------ */
/* Writing                                                            */
/* ------------------------------------------------------------------ */

static int S_write_handler(void *data, unsigned char *buffer, size_t size) {
  return docpipe_buf_append(data, buffer, size) == 0;
}

static int S_emit(yaml_emitter_t *em, yaml_event_t *ev) { return yaml_emitter_emit(em, ev) ? 0 : -1; }

/* Values are always double-quoted: no YAML reader (pandoc's included)
 * then turns a date, `yes`, `1.0` or `null` into something else, and
 * line breaks are written as escapes.  With unicode on, libyaml writes
 * Vietnamese letters as UTF-8, not as \u escapes. */
static int S_emit_scalar(yaml_emitter_t *em, const char *s, int is_key) {
  yaml_scalar_style_t style = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
  if (is_key) {
    /* Identifier-like keys are plain, as people write them. */
    static const char *const reserved[] = {"y", "n", "yes", "no", "on", "off", "true",
                                           "false", "null", NULL};
    int plain = (s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z') || s[0] == '_';
    for (const char *p = s; plain && *p; p++)
      plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              *p == '_' || *p == '-';
    for (int i = 0; plain && reserved[i]; i++)
      if (strcasecmp(s, reserved[i]) == 0) plain = 0;
    if (plain) style = YAML_PLAIN_SCALAR_STYLE;
  }
  yaml_event_t ev;
  if (!yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s, (int)strlen(s), 1, 1,
                                    style))
    return -1;
  return S_emit(em, &ev);
}

static int S_emit_value(yaml_emitter_t *em, const docpipe_value *v, int depth) {
  yaml_event_t ev;
  if (depth > 1000) return -2;
  switch (docpipe_value_kind_of(v)) {
  case DOCPIPE_VALUE_LIST: {
    size_t n = docpipe_value_count(v);
    if (!yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
                                              n ? YAML_BLOCK_SEQUENCE_STYLE : YAML_FLOW_SEQUENCE_STYLE) ||
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
                                             n ? YAML_BLOCK_MAPPING_STYLE : YAML_FLOW_MAPPING_STYLE) ||
        S_emit(em, &ev))
      return -1;
    for (size_t i = 0; i < n; i++) {
      const char *key = docpipe_value_key_at(v, i);
      const docpipe_value *item = docpipe_value_at(v, i);
      docpipe_value *wrapped = NULL;
      if (depth == 0) {
        /* The model's keys -> pandoc's at the top level.  A list key
         * holding a plain string is written as a one-item list. */
        for (size_t k = 0; k < sizeof S_keys / sizeof S_keys[0]; k++) {
          if (strcmp(key, S_keys[k].model) == 0) {
            key = S_keys[k].pandoc;
            if (S_keys[k].list && docpipe_value_kind_of(item) == DOCPIPE_VALUE_STRING) {
              wrapped = docpipe_value_new_list();
              if (!wrapped || docpipe_value_append_string(wrapped, docpipe_value_string(item))) {
                docpipe_value_free(wrapped);
                return -1;
              }
              item = wrapped;
            }
          } else if (strcmp(key, S_keys[k].pandoc) == 0 && docpipe_value_get(v, S_keys[k].model)) {
            key = NULL; /* the model's own key is written under this name */
          }
          if (!key) break;
        }
        if (!key) continue;
      }
      int rc = S_emit_scalar(em, key, 1);
      if (rc == 0) rc = S_emit_value(em, item, depth + 1);
      docpipe_value_free(wrapped);
      if (rc) return rc;
    }
    if (!yaml_mapping_end_event_initialize(&ev)) return -1;
    return S_emit(em, &ev);
  }
  case DOCPIPE_VALUE_STRING:
    return S_emit_scalar(em, docpipe_value_string(v), 0);
  default:
    return S_emit_scalar(em, "", 0);
  }
}

int md_front_write(const docpipe_value *meta, const docpipe_args *args, docpipe_buf *out,
                   docpipe_error *err) {
  (void)args;
  if (docpipe_value_count(meta) == 0) return 0;
  yaml_emitter_t em;
  yaml_event_t ev;
  int rc = -1;
  if (docpipe_buf_puts(out, "---\n")) return docpipe_error_set(err, DOCPIPE_ENOMEM, "out of memory");
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
  if (rc)
    return docpipe_error_set(err, DOCPIPE_EINVAL, "cannot write front matter: %s",
                             problem ? problem : "emitter error");
  /* The emitter ends an implicit-end document with "...\n" or nothing;
   * pandoc's closing marker is ours to add. */
  if (out->len >= 4 && memcmp(out->data + out->len - 4, "...\n", 4) == 0) out->len -= 4;
  if (docpipe_buf_puts(out, "---\n\n")) return docpipe_error_set(err, DOCPIPE_ENOMEM, "out of memory");
  return 0;
}
