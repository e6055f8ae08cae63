/* Markdown reader: front matter (md_front.c), then the body parsed by
 * cmark-gfm with its table extension and mapped onto the model.
 *
 * Threads: cmark_gfm_core_extensions_ensure_registered() fills a global
 * registry of extensions without locking, so it runs exactly once, under
 * pthread_once.  After that the registry is only read; each call makes
 * its own parser and its own allocation arena (found through a
 * _Thread_local pointer, see md_arena.c), so two threads may read at
 * once. */
#include <pthread.h>
#include <string.h>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include "markdown.h"
#include "md_arena.h"

static pthread_once_t S_once = PTHREAD_ONCE_INIT;
static void S_register(void) { cmark_gfm_core_extensions_ensure_registered(); }

typedef struct {
  const docpipe_args *args;
  docpipe_error *err;
  size_t max_depth;
  int keep_html;
} S_ctx;

static int S_is(cmark_node *n, const char *type) {
  const char *t = cmark_node_get_type_string(n);
  return t && strcmp(t, type) == 0;
}

/* A paragraph holding one image and nothing else (cmark already dropped
 * the surrounding blanks). */
static cmark_node *S_lone_image(cmark_node *para) {
  if (!para || cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH) return NULL;
  cmark_node *c = cmark_node_first_child(para);
  return c && !cmark_node_next(c) && cmark_node_get_type(c) == CMARK_NODE_IMAGE ? c : NULL;
}

/* A paragraph that is one emphasis, the caption convention. */
static cmark_node *S_lone_emph(cmark_node *para) {
  if (!para || cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH) return NULL;
  cmark_node *c = cmark_node_first_child(para);
  return c && !cmark_node_next(c) && cmark_node_get_type(c) == CMARK_NODE_EMPH ? c : NULL;
}

/* An HTML block that is only a comment separates blocks and is never
 * content (the writer uses `<!-- -->` between two lists). */
static int S_comment_block(cmark_node *n) {
  const char *s = cmark_node_get_literal(n);
  if (!s) return 0;
  while (*s == ' ') s++;
  if (strncmp(s, "<!--", 4) != 0) return 0;
  const char *e = strstr(s + 4, "-->");
  if (!e) return 0;
  for (e += 3; *e; e++)
    if (*e != ' ' && *e != '\n' && *e != '\r' && *e != '\t') return 0;
  return 1;
}

/* Plain text of an image's alt inlines. */
static int S_plain(cmark_node *n, docpipe_buf *b) {
  cmark_iter *it = cmark_iter_new(n);
  cmark_event_type ev;
  int rc = 0;
  while (rc == 0 && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node *c = cmark_iter_get_node(it);
    if (ev != CMARK_EVENT_ENTER) continue;
    switch (cmark_node_get_type(c)) {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE: rc = docpipe_buf_puts(b, cmark_node_get_literal(c)); break;
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK: rc = docpipe_buf_puts(b, " "); break;
    default: break;
    }
  }
  cmark_iter_free(it);
  return rc;
}

/* Maps one cmark node entered under docpipe node `parent`.  Returns the
 * docpipe node its children go into: a new node, `parent` itself (the
 * node was flattened or is transparent), or NULL to skip the subtree.
 * *rc gets an error code. */
static docpipe_node *S_enter(S_ctx *c, cmark_node *n, docpipe_node *parent, size_t depth,
                             int *rc) {
  docpipe_node *d = NULL;
  cmark_node_type t = cmark_node_get_type(n);
  int container_block = t == CMARK_NODE_BLOCK_QUOTE || t == CMARK_NODE_LIST || t == CMARK_NODE_ITEM;
  /* Deeper than the limit: containers are flattened into their parent,
   * so the text survives and the tree stays shallow. */
  if (depth >= c->max_depth &&
      !(t == CMARK_NODE_ITEM && docpipe_node_type_of(parent) == DOCPIPE_NODE_LIST)) {
    if (container_block || t == CMARK_NODE_EMPH || t == CMARK_NODE_STRONG || t == CMARK_NODE_LINK)
      return parent;
  }
  switch (t) {
  case CMARK_NODE_DOCUMENT: return parent;
  case CMARK_NODE_BLOCK_QUOTE: d = docpipe_node_add(parent, DOCPIPE_NODE_BLOCK_QUOTE); break;
  case CMARK_NODE_LIST:
    if (docpipe_node_type_of(parent) == DOCPIPE_NODE_LIST) return parent; /* flattened item */
    d = docpipe_node_add(parent, DOCPIPE_NODE_LIST);
    if (d) {
      int ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
      docpipe_node_set_list_type(d, ordered ? DOCPIPE_LIST_ORDERED : DOCPIPE_LIST_BULLET);
      if (ordered) docpipe_node_set_list_start(d, cmark_node_get_list_start(n));
      docpipe_node_set_list_tight(d, cmark_node_get_list_tight(n));
    }
    break;
  case CMARK_NODE_ITEM:
    if (docpipe_node_type_of(parent) != DOCPIPE_NODE_LIST) return parent;
    d = docpipe_node_add(parent, DOCPIPE_NODE_ITEM);
    break;
  case CMARK_NODE_CODE_BLOCK:
  case CMARK_NODE_HTML_BLOCK:
    if (t == CMARK_NODE_HTML_BLOCK && (!c->keep_html || S_comment_block(n))) return NULL;
    d = docpipe_node_add(parent, DOCPIPE_NODE_CODE_BLOCK);
    if (d) {
      *rc = docpipe_node_set_literal(d, cmark_node_get_literal(n));
      if (*rc == 0)
        *rc = docpipe_node_set_info(d, t == CMARK_NODE_HTML_BLOCK ? "html" : cmark_node_get_fence_info(n));
    }
    return NULL;
  case CMARK_NODE_PARAGRAPH: {
    cmark_node *img = S_lone_image(n);
    if (img && docpipe_node_can_contain(docpipe_node_type_of(parent), DOCPIPE_NODE_FIGURE)) {
      d = docpipe_node_add(parent, DOCPIPE_NODE_FIGURE);
      if (!d) break;
      docpipe_buf alt = DOCPIPE_BUF_INIT;
      *rc = S_plain(img, &alt);
      if (*rc == 0) *rc = docpipe_node_set_alt(d, alt.data ? alt.data : "");
      if (*rc == 0) *rc = docpipe_node_set_url(d, cmark_node_get_url(img));
      docpipe_buf_free(&alt);
      return NULL; /* the caption, if any, comes from the next paragraph */
    }
    d = docpipe_node_add(parent, DOCPIPE_NODE_PARAGRAPH);
    break;
  }
  case CMARK_NODE_HEADING:
    d = docpipe_node_add(parent, DOCPIPE_NODE_HEADING);
    if (d) docpipe_node_set_heading_level(d, cmark_node_get_heading_level(n));
    break;
  case CMARK_NODE_THEMATIC_BREAK: d = docpipe_node_add(parent, DOCPIPE_NODE_THEMATIC_BREAK); break;
  case CMARK_NODE_TEXT:
    *rc = docpipe_node_append_text(parent, cmark_node_get_literal(n), strlen(cmark_node_get_literal(n)));
    return NULL;
  case CMARK_NODE_SOFTBREAK: d = docpipe_node_add(parent, DOCPIPE_NODE_SOFT_BREAK); break;
  case CMARK_NODE_LINEBREAK: d = docpipe_node_add(parent, DOCPIPE_NODE_LINE_BREAK); break;
  case CMARK_NODE_CODE:
  case CMARK_NODE_HTML_INLINE:
    if (t == CMARK_NODE_HTML_INLINE && !c->keep_html) return NULL;
    d = docpipe_node_add(parent, DOCPIPE_NODE_CODE);
    if (d) *rc = docpipe_node_set_literal(d, cmark_node_get_literal(n));
    return NULL;
  case CMARK_NODE_EMPH: d = docpipe_node_add(parent, DOCPIPE_NODE_EMPH); break;
  case CMARK_NODE_STRONG: d = docpipe_node_add(parent, DOCPIPE_NODE_STRONG); break;
  case CMARK_NODE_LINK:
  case CMARK_NODE_IMAGE:
    d = docpipe_node_add(parent, t == CMARK_NODE_LINK ? DOCPIPE_NODE_LINK : DOCPIPE_NODE_IMAGE);
    if (d) {
      *rc = docpipe_node_set_url(d, cmark_node_get_url(n));
      if (*rc == 0) *rc = docpipe_node_set_title(d, cmark_node_get_title(n));
    }
    break;
  default:
    if (S_is(n, "table")) {
      d = docpipe_node_add(parent, DOCPIPE_NODE_TABLE);
    } else if (S_is(n, "table_row") || S_is(n, "table_header")) {
      d = docpipe_node_add(parent, DOCPIPE_NODE_TABLE_ROW);
      if (d) docpipe_node_set_row_header(d, cmark_gfm_extensions_get_table_row_is_header(n));
    } else if (S_is(n, "table_cell")) {
      d = docpipe_node_add(parent, DOCPIPE_NODE_TABLE_CELL);
      cmark_node *row = cmark_node_parent(n), *table = row ? cmark_node_parent(row) : NULL;
      uint16_t ncols = table ? cmark_gfm_extensions_get_table_columns(table) : 0;
      uint8_t *al = table ? cmark_gfm_extensions_get_table_alignments(table) : NULL;
      size_t col = 0;
      for (cmark_node *p = cmark_node_previous(n); p; p = cmark_node_previous(p)) col++;
      if (d && al && col < ncols) {
        docpipe_align a = al[col] == 'l' ? DOCPIPE_ALIGN_LEFT
                          : al[col] == 'c' ? DOCPIPE_ALIGN_CENTER
                          : al[col] == 'r' ? DOCPIPE_ALIGN_RIGHT : DOCPIPE_ALIGN_NONE;
        docpipe_node_set_cell_align(d, a);
      }
    } else {
      return parent; /* unknown extension node: keep its content */
    }
    break;
  }
  if (!d && *rc == 0) {
    /* docpipe_node_add refuses what the parent may not hold (e.g. a
     * list inside a table cell cannot come from cmark, but be safe):
     * keep the content in the parent when it can hold it. */
    if (docpipe_node_is_inline(docpipe_node_first_child(parent)) || t == CMARK_NODE_EMPH ||
        t == CMARK_NODE_STRONG || t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE)
      return parent;
    return NULL;
  }
  return d;
}

/* Converts the subtree of `top`, a child of cmark's document node, whose
 * user data is the docpipe document node. */
static int S_convert_block(S_ctx *c, cmark_node *top) {
  cmark_iter *it = cmark_iter_new(top);
  if (!it) return docpipe_error_set(c->err, DOCPIPE_ENOMEM, "out of memory");
  cmark_event_type ev;
  int rc = 0;
  size_t depth = 0;
  while (rc == 0 && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node *n = cmark_iter_get_node(it);
    if (ev == CMARK_EVENT_EXIT) {
      cmark_node *p = cmark_node_parent(n);
      if (p && cmark_node_get_user_data(n) && cmark_node_get_user_data(n) != cmark_node_get_user_data(p))
        depth--;
      continue;
    }
    cmark_node *p = cmark_node_parent(n);
    docpipe_node *parent = cmark_node_get_user_data(p);
    if (!parent) {
      /* inside a skipped subtree */
      cmark_node_set_user_data(n, NULL);
      continue;
    }
    /* A lone-emphasis paragraph right after a figure is its caption. */
    cmark_node *emph = S_lone_emph(n);
    docpipe_node *last = docpipe_node_last_child(parent);
    if (emph && last && docpipe_node_type_of(last) == DOCPIPE_NODE_FIGURE &&
        !docpipe_node_first_child(last) && S_lone_image(cmark_node_previous(n))) {
      cmark_node_set_user_data(n, NULL);
      cmark_node_set_user_data(emph, last);
      /* Walk the emphasis' children now, with the figure as parent. */
      cmark_iter *sub = cmark_iter_new(emph);
      cmark_event_type sev;
      size_t sdepth = depth + 1;
      while (rc == 0 && sub && (sev = cmark_iter_next(sub)) != CMARK_EVENT_DONE) {
        cmark_node *s = cmark_iter_get_node(sub);
        if (s == emph) continue;
        if (sev == CMARK_EVENT_EXIT) {
          cmark_node *sp = cmark_node_parent(s);
          if (cmark_node_get_user_data(s) && cmark_node_get_user_data(s) != cmark_node_get_user_data(sp))
            sdepth--;
          continue;
        }
        docpipe_node *sparent = cmark_node_get_user_data(cmark_node_parent(s));
        docpipe_node *d = sparent ? S_enter(c, s, sparent, sdepth, &rc) : NULL;
        cmark_node_set_user_data(s, d);
        if (d && d != sparent && !docpipe_node_is_leaf(d)) sdepth++;
      }
      cmark_iter_free(sub);
      /* Skip the paragraph's subtree in the outer walk. */
      cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
      continue;
    }
    docpipe_node *d = S_enter(c, n, parent, depth, &rc);
    cmark_node_set_user_data(n, d);
    if (d && d != parent && !docpipe_node_is_leaf(d)) depth++;
    if (!d && cmark_node_first_child(n)) {
      /* skip the subtree */
      cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
    }
  }
  cmark_iter_free(it);
  return rc;
}

/* Converts the document one top-level block at a time.  (cmark's tree
 * lives in an arena and goes whole at the end of md_read, so nothing is
 * freed here.) */
static int S_convert(S_ctx *c, cmark_node *root, docpipe_node *droot) {
  int rc = 0;
  cmark_node_set_user_data(root, droot);
  for (cmark_node *b = cmark_node_first_child(root); b && rc == 0; b = cmark_node_next(b))
    rc = S_convert_block(c, b);
  if (rc && c->err->code == 0) docpipe_error_set(c->err, rc, "cannot build the document");
  return rc;
}

int md_read(const unsigned char *data, size_t size, const docpipe_args *args, docpipe_doc **out,
            docpipe_error *err) {
  *out = NULL;
  docpipe_args defaults;
  if (!args) {
    docpipe_args_init(&defaults);
    args = &defaults;
  }
  if (args->limits.max_input_bytes && size > args->limits.max_input_bytes)
    return docpipe_error_set(err, DOCPIPE_ELIMIT, "input larger than %zu bytes",
                             args->limits.max_input_bytes);
  const char *html = docpipe_args_option(args, "raw_html", "drop");
  if (strcmp(html, "drop") != 0 && strcmp(html, "keep") != 0)
    return docpipe_error_set(err, DOCPIPE_EUSER, "raw_html must be 'keep' or 'drop', not '%s'", html);
  S_ctx c = {.args = args, .err = err, .max_depth = args->limits.max_depth ? args->limits.max_depth : 200,
             .keep_html = strcmp(html, "keep") == 0};

  /* Invalid UTF-8 becomes U+FFFD, NULs go: the model takes only clean text. */
  size_t len = size;
  char *text = NULL;
  if (!docpipe_utf8_valid((const char *)data, size)) {
    text = docpipe_utf8_clean((const char *)data, size, &len);
    if (!text) return docpipe_error_set(err, DOCPIPE_ENOMEM, "out of memory");
  }
  /* Valid input is used as it is: the model's setters normalise every
   * string to NFC anyway, and a second pass over the whole input would
   * cost as much as the parse. */
  const char *in = text ? text : (const char *)data;
  docpipe_doc *doc = docpipe_doc_new();
  int rc = doc ? 0 : docpipe_error_set(err, DOCPIPE_ENOMEM, "out of memory");

  const char *yaml = NULL, *body = in;
  size_t yaml_len = 0;
  int fm = rc ? 0 : md_front_split(in, len, &yaml, &yaml_len, &body);
  if (fm < 0) {
    docpipe_args_warn(args, "front matter opened with '---' is never closed; read as Markdown");
  } else if (fm > 0) {
    rc = md_front_read(yaml, yaml_len, args, docpipe_doc_meta(doc), err);
    if (rc == 1) {
      docpipe_args_warn(args, "front matter is not a YAML mapping; read as Markdown");
      body = in;
      rc = 0;
    }
  }

  if (rc == 0) {
    pthread_once(&S_once, S_register);
    /* cmark's tree lives in an arena that goes in one piece (md_arena.c):
     * malloc and free of its nodes and strings, one by one, were about
     * a third of reading.  Nothing cmark made may outlive md_arena_end. */
    md_arena arena;
    int in_arena = md_arena_begin(&arena) == 0; /* else malloc, as before */
    cmark_parser *parser = cmark_parser_new_with_mem(
        CMARK_OPT_DEFAULT, in_arena ? md_arena_mem() : cmark_get_default_mem_allocator());
    cmark_node *root = NULL;
    docpipe_buf long_runs = DOCPIPE_BUF_INIT;
    cmark_syntax_extension *table = cmark_find_syntax_extension("table");
    if (!parser || !table || !cmark_parser_attach_syntax_extension(parser, table)) {
      rc = docpipe_error_set(err, DOCPIPE_ENOMEM, "cannot set up the Markdown parser");
    } else {
      const char *md = body;
      size_t md_len = len - (size_t)(body - in), cuts = 0;
      int split = md_split_long_runs(md, md_len, &long_runs, &cuts);
      if (split > 0) {
        docpipe_args_warn(args, "paragraphs over 256 KB cut at %zu sentence or line ends "
                          "(cmark's inline parsing slows down quadratically on them)", cuts);
        md = long_runs.data;
        md_len = long_runs.len;
      }
      if (split >= 0) {
        cmark_parser_feed(parser, md, md_len);
        root = cmark_parser_finish(parser);
      }
      if (split < 0 || !root) rc = docpipe_error_set(err, DOCPIPE_ENOMEM, "out of memory");
      else {
        /* No cmark_consolidate_text_nodes here: cmark-gfm's
         * cmark_parser_finish has already joined adjacent text nodes
         * (a second pass cost ~10% of reading), and S_enter appends
         * adjacent text to one docpipe node in any case. */
        rc = S_convert(&c, root, docpipe_doc_root(doc));
      }
    }
    /* In the arena, no cmark_node_free or cmark_parser_free: their
     * frees would do nothing; the arena takes everything. */
    docpipe_buf_free(&long_runs);
    if (in_arena) {
      md_arena_end(&arena);
    } else {
      if (root) cmark_node_free(root);
      if (parser) cmark_parser_free(parser);
    }
  }
  docpipe_free(text);
  if (rc) {
    docpipe_doc_free(doc);
    return rc;
  }
  *out = doc;
  return 0;
}
