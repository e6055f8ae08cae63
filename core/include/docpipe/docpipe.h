/*
 * docpipe.h — the docpipe document model and conversion library.
 *
 * docpipe converts articles between formats through one document model:
 * a metadata map plus a tree of blocks and inlines, like pandoc's
 * `Pandoc Meta [Block]`.  Readers build a document from bytes, filters
 * change it, writers turn it into bytes.  Readers, writers and filters
 * are plugins (see docpipe/plugin.h); this header is everything a plugin
 * or a program needs to build, inspect and change documents.
 *
 * The simplest use, from a program:
 *
 *     docpipe_registry *reg = docpipe_registry_new();
 *     docpipe_registry_load_defaults(reg, NULL, NULL, NULL);
 *     docpipe_doc *doc = NULL;
 *     docpipe_error err = DOCPIPE_ERROR_INIT;
 *     if (docpipe_read(reg, "html", "page.html", bytes, len, NULL, &doc, &err) == 0) ...
 *
 * CONVENTIONS (they hold for every function below unless it says otherwise)
 *
 * Errors.  Every fallible function returns `int`: 0 on success or a
 * negative DOCPIPE_E* code.  When the caller passes a `docpipe_error *`
 * (it may pass NULL), the code and a one-line, human-readable message
 * are stored there; the message never names the input file, the caller
 * adds that.  There is no global or thread-local "last error": that is
 * what lets many threads convert at once.
 *
 * Ownership.  `docpipe_X_new` returns NULL only when memory runs out, and
 * `docpipe_X_free(NULL)` does nothing.  A parent owns its children:
 * appending a node or value transfers ownership to the parent, unlinking
 * hands it back to the caller, and freeing is recursive.  Setters copy
 * the strings they are given.  Getters return borrowed pointers, valid
 * until the object is next changed or freed.  A `char *` *returned* by a
 * function belongs to the caller, who releases it with docpipe_free().
 *
 * Text.  All text in a document is valid UTF-8 in Unicode normalisation
 * form C.  Setters normalise what they are given; they refuse (EINVAL)
 * invalid UTF-8 and embedded NUL bytes, so writers never see bad bytes.
 * Readers that face hostile input clean it first with
 * docpipe_utf8_clean().
 *
 * Threads.  Objects are not locked: one document belongs to one thread
 * at a time.  Distinct documents may be used from distinct threads, and
 * a registry may be shared once loading is done.
 */
#ifndef DOCPIPE_DOCPIPE_H
#define DOCPIPE_DOCPIPE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "docpipe/export.h"
#include "docpipe/version.h"

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define DOCPIPE_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define DOCPIPE_PRINTF(fmt, args)
#endif

/* ------------------------------------------------------------------ */
/* Version                                                            */
/* ------------------------------------------------------------------ */

/** The library's version as 0xMMmmpp, e.g. 0x000100 for 0.1.0.  Compare
 * with DOCPIPE_VERSION (the headers you compiled against). */
DOCPIPE_EXPORT int docpipe_version(void);

/** The library's version as a string, e.g. "0.1.0". */
DOCPIPE_EXPORT const char *docpipe_version_string(void);

/* ------------------------------------------------------------------ */
/* Errors and memory                                                  */
/* ------------------------------------------------------------------ */

typedef enum {
  DOCPIPE_OK = 0,
  DOCPIPE_ENOMEM = -1,      /* out of memory */
  DOCPIPE_EINVAL = -2,      /* invalid argument or forbidden tree change */
  DOCPIPE_EIO = -3,         /* reading or writing a file failed */
  DOCPIPE_EPARSE = -4,      /* the input is not valid in its format */
  DOCPIPE_ELIMIT = -5,      /* the input exceeds a size, depth or ratio limit */
  DOCPIPE_EUNSUPPORTED = -6,/* the plugin cannot do this */
  DOCPIPE_ENOTFOUND = -7,   /* no such plugin, key or file */
  DOCPIPE_EABI = -8,        /* a plugin was built for another ABI */
  DOCPIPE_EUSER = -9        /* a usage error (bad option or value) */
} docpipe_error_code;

/** Caller-owned error detail, filled by fallible functions. */
typedef struct docpipe_error {
  int code;          /* a docpipe_error_code, 0 when nothing failed */
  char message[512]; /* one line, no trailing newline, NUL-terminated */
} docpipe_error;

#define DOCPIPE_ERROR_INIT {0, {0}}

/** Stores `code` and a printf-style message in `err` (if not NULL) and
 * returns `code`, so that `return docpipe_error_set(err, ...)` reads well.
 * Newlines in the message are replaced by spaces. */
DOCPIPE_EXPORT int docpipe_error_set(docpipe_error *err, int code,
                                     const char *fmt, ...) DOCPIPE_PRINTF(3, 4);

/** Clears `err` to the "no error" state. */
DOCPIPE_EXPORT void docpipe_error_clear(docpipe_error *err);

/** A short English description of an error code ("out of memory"). */
DOCPIPE_EXPORT const char *docpipe_strerror(int code);

/** Memory that crosses the library boundary (strings returned to the
 * caller) is allocated with docpipe_malloc and released with docpipe_free. */
DOCPIPE_EXPORT void *docpipe_malloc(size_t size);
DOCPIPE_EXPORT void docpipe_free(void *ptr);

/* ------------------------------------------------------------------ */
/* Byte buffers                                                       */
/* ------------------------------------------------------------------ */

/** A growable byte buffer; writers write their output into one.  `data`
 * is always NUL-terminated (the NUL is not counted in `len`) once
 * anything was appended.  Initialise with DOCPIPE_BUF_INIT. */
typedef struct docpipe_buf {
  char *data;
  size_t len;
  size_t cap;
} docpipe_buf;

#define DOCPIPE_BUF_INIT {NULL, 0, 0}

/** Appends `len` bytes; returns 0 or DOCPIPE_ENOMEM. */
DOCPIPE_EXPORT int docpipe_buf_append(docpipe_buf *buf, const void *data, size_t len);
/** Appends a NUL-terminated string. */
DOCPIPE_EXPORT int docpipe_buf_puts(docpipe_buf *buf, const char *s);
/** Appends formatted text. */
DOCPIPE_EXPORT int docpipe_buf_printf(docpipe_buf *buf, const char *fmt, ...)
    DOCPIPE_PRINTF(2, 3);
DOCPIPE_EXPORT int docpipe_buf_vprintf(docpipe_buf *buf, const char *fmt, va_list ap);
/** Empties the buffer but keeps its memory. */
DOCPIPE_EXPORT void docpipe_buf_reset(docpipe_buf *buf);
/** Releases the memory and empties the buffer. */
DOCPIPE_EXPORT void docpipe_buf_free(docpipe_buf *buf);
/** Hands the contents to the caller (free with docpipe_free) and empties
 * the buffer.  Returns an empty string, never NULL, unless memory ran out. */
DOCPIPE_EXPORT char *docpipe_buf_detach(docpipe_buf *buf, size_t *len);

/* ------------------------------------------------------------------ */
/* UTF-8                                                              */
/* ------------------------------------------------------------------ */

/** Returns 1 when `s[0..len)` is valid UTF-8 without NUL bytes, else 0. */
DOCPIPE_EXPORT int docpipe_utf8_valid(const char *s, size_t len);

/** Returns a clean copy of `s[0..len)`: invalid sequences become U+FFFD,
 * NUL and C0 controls other than tab, LF and CR are dropped, and the
 * result is in NFC.  The caller frees it with docpipe_free; `*out_len`
 * (if not NULL) receives its length.  NULL only when memory runs out. */
DOCPIPE_EXPORT char *docpipe_utf8_clean(const char *s, size_t len, size_t *out_len);

/** Returns an NFC copy of valid UTF-8 `s[0..len)`, or NULL (with
 * `*code` set, if given) when `s` is not valid or memory runs out. */
DOCPIPE_EXPORT char *docpipe_utf8_nfc(const char *s, size_t len, size_t *out_len, int *code);

/* ------------------------------------------------------------------ */
/* Metadata values                                                    */
/* ------------------------------------------------------------------ */

/** A metadata value is a string, a list of values or a map from string
 * keys to values.  A document's metadata is a map.  Maps keep their keys
 * sorted (byte order), so every writer emits them in one order and
 * output is reproducible.  Lists keep insertion order. */
typedef struct docpipe_value docpipe_value;

typedef enum {
  DOCPIPE_VALUE_NONE = 0,
  DOCPIPE_VALUE_STRING = 1,
  DOCPIPE_VALUE_LIST = 2,
  DOCPIPE_VALUE_MAP = 3
} docpipe_value_kind;

/* Well-known metadata keys.  Any other key is kept verbatim. */
#define DOCPIPE_META_TITLE "title"             /* string */
#define DOCPIPE_META_SUBTITLE "subtitle"       /* string */
#define DOCPIPE_META_DATE "date"               /* string, ISO 8601 */
#define DOCPIPE_META_DATE_TEXT "date_text"     /* string, the date as written */
#define DOCPIPE_META_AUTHORS "authors"         /* list of strings */
#define DOCPIPE_META_SOURCE "source"           /* string, publisher or agency */
#define DOCPIPE_META_URL "url"                 /* string */
#define DOCPIPE_META_LANGUAGE "language"       /* string, BCP 47 */
#define DOCPIPE_META_DESCRIPTION "description" /* string, lead or sapo */
#define DOCPIPE_META_TAGS "tags"               /* list of strings */
#define DOCPIPE_META_DECISIONS "decisions"     /* list of maps */

/** New string value holding an NFC copy of `s`; NULL if `s` is NULL, not
 * valid UTF-8, or memory runs out. */
DOCPIPE_EXPORT docpipe_value *docpipe_value_new_string(const char *s);
/** Same with an explicit length. */
DOCPIPE_EXPORT docpipe_value *docpipe_value_new_string_n(const char *s, size_t len);
/** New empty list. */
DOCPIPE_EXPORT docpipe_value *docpipe_value_new_list(void);
/** New empty map. */
DOCPIPE_EXPORT docpipe_value *docpipe_value_new_map(void);
/** Frees a value and everything in it. */
DOCPIPE_EXPORT void docpipe_value_free(docpipe_value *v);
/** Deep copy; NULL when memory runs out. */
DOCPIPE_EXPORT docpipe_value *docpipe_value_copy(const docpipe_value *v);
/** 1 when both values have the same kind and contents, else 0. */
DOCPIPE_EXPORT int docpipe_value_equal(const docpipe_value *a, const docpipe_value *b);

/** The value's kind; DOCPIPE_VALUE_NONE for NULL. */
DOCPIPE_EXPORT docpipe_value_kind docpipe_value_kind_of(const docpipe_value *v);
/** The string of a string value; NULL for other kinds. */
DOCPIPE_EXPORT const char *docpipe_value_string(const docpipe_value *v);

/** Number of items in a list or entries in a map; 0 for strings. */
DOCPIPE_EXPORT size_t docpipe_value_count(const docpipe_value *v);
/** The i-th item of a list, or the value of the i-th entry (in key
 * order) of a map; NULL when out of range. */
DOCPIPE_EXPORT docpipe_value *docpipe_value_at(const docpipe_value *v, size_t i);
/** The key of the i-th entry of a map; NULL for lists or out of range. */
DOCPIPE_EXPORT const char *docpipe_value_key_at(const docpipe_value *v, size_t i);

/** Appends `item` to `list`, taking ownership of `item` (also on
 * failure, when it is freed).  EINVAL if `list` is not a list. */
DOCPIPE_EXPORT int docpipe_value_append(docpipe_value *list, docpipe_value *item);
/** Convenience: appends a new string value. */
DOCPIPE_EXPORT int docpipe_value_append_string(docpipe_value *list, const char *s);

/** Looks up `key` in a map; NULL when absent or `map` is not a map. */
DOCPIPE_EXPORT docpipe_value *docpipe_value_get(const docpipe_value *map, const char *key);
/** Sets `key` to `value` in `map`, replacing (and freeing) any old
 * value.  Takes ownership of `value` (also on failure).  Keys must be
 * non-empty valid UTF-8. */
DOCPIPE_EXPORT int docpipe_value_set(docpipe_value *map, const char *key, docpipe_value *value);
/** Convenience: sets `key` to a new string value. */
DOCPIPE_EXPORT int docpipe_value_set_string(docpipe_value *map, const char *key, const char *s);
/** Removes `key` from `map` and frees its value; 0 whether or not it was
 * present. */
DOCPIPE_EXPORT int docpipe_value_remove(docpipe_value *map, const char *key);
/** Removes `key` from `map` and returns its value to the caller. */
DOCPIPE_EXPORT docpipe_value *docpipe_value_take(docpipe_value *map, const char *key);

/** Tolerant string accessor, like pandoc's docTitle: the string under
 * `key`, or NULL when absent or not a string. */
DOCPIPE_EXPORT const char *docpipe_meta_string(const docpipe_value *map, const char *key);
/** Tolerant list accessor, like pandoc's docAuthors: the i-th string of
 * the list under `key`; a plain string there reads as a one-item list.
 * NULL past the end or for non-string items. */
DOCPIPE_EXPORT const char *docpipe_meta_list_item(const docpipe_value *map, const char *key,
                                                  size_t i);
/** Number of items docpipe_meta_list_item can return for `key`. */
DOCPIPE_EXPORT size_t docpipe_meta_list_count(const docpipe_value *map, const char *key);

/** Checks an ISO 8601 date as the `date` key holds it: YYYY-MM-DD,
 * optionally followed by THH:MM[:SS] and an offset (Z or ±HH:MM).
 * Returns 1 when valid (a real calendar day), else 0. */
DOCPIPE_EXPORT int docpipe_date_iso_valid(const char *s);

/* ------------------------------------------------------------------ */
/* Nodes                                                              */
/* ------------------------------------------------------------------ */

typedef struct docpipe_node docpipe_node;

/** Node kinds.  Every kind has a fixed number that never changes; new
 * kinds are only appended.  Classify with docpipe_node_is_block() and
 * friends, never by comparing numbers. */
typedef enum {
  DOCPIPE_NODE_NONE = 0,
  /* blocks */
  DOCPIPE_NODE_DOCUMENT = 1,
  DOCPIPE_NODE_PARAGRAPH = 2,
  DOCPIPE_NODE_HEADING = 3,        /* level 1-6; holds inlines */
  DOCPIPE_NODE_BLOCK_QUOTE = 4,    /* holds blocks */
  DOCPIPE_NODE_LIST = 5,           /* holds ITEMs */
  DOCPIPE_NODE_ITEM = 6,           /* holds blocks */
  DOCPIPE_NODE_CODE_BLOCK = 7,     /* literal, info string */
  DOCPIPE_NODE_THEMATIC_BREAK = 8,
  DOCPIPE_NODE_FIGURE = 9,         /* url (image source), alt; caption as inlines */
  DOCPIPE_NODE_TABLE = 10,         /* holds TABLE_ROWs */
  DOCPIPE_NODE_TABLE_ROW = 11,     /* header flag; holds TABLE_CELLs */
  DOCPIPE_NODE_TABLE_CELL = 12,    /* alignment; holds inlines */
  /* inlines */
  DOCPIPE_NODE_TEXT = 32,          /* literal */
  DOCPIPE_NODE_SOFT_BREAK = 33,    /* a line end inside a paragraph */
  DOCPIPE_NODE_LINE_BREAK = 34,    /* a hard line break */
  DOCPIPE_NODE_CODE = 35,          /* literal */
  DOCPIPE_NODE_EMPH = 36,
  DOCPIPE_NODE_STRONG = 37,
  DOCPIPE_NODE_LINK = 38,          /* url, title; holds inlines */
  DOCPIPE_NODE_IMAGE = 39          /* url, title; alt text as inline children */
} docpipe_node_type;

typedef enum {
  DOCPIPE_LIST_BULLET = 1,
  DOCPIPE_LIST_ORDERED = 2
} docpipe_list_type;

typedef enum {
  DOCPIPE_ALIGN_NONE = 0,
  DOCPIPE_ALIGN_LEFT = 1,
  DOCPIPE_ALIGN_CENTER = 2,
  DOCPIPE_ALIGN_RIGHT = 3
} docpipe_align;

/** New node of `type`, without children or attributes (a heading gets
 * level 1, a list is a bullet list starting at 1).  NULL for an unknown
 * type or when memory runs out. */
DOCPIPE_EXPORT docpipe_node *docpipe_node_new(docpipe_node_type type);
/** Frees a node and its subtree.  The node must have been unlinked (or
 * never linked); freeing a linked node unlinks it first. */
DOCPIPE_EXPORT void docpipe_node_free(docpipe_node *node);

DOCPIPE_EXPORT docpipe_node_type docpipe_node_type_of(const docpipe_node *node);
/** Lower-case name of the type ("paragraph", "block_quote"...), as used
 * in the JSON format; "none" for NULL or unknown. */
DOCPIPE_EXPORT const char *docpipe_node_type_name(docpipe_node_type type);
/** The type with that name, or DOCPIPE_NODE_NONE. */
DOCPIPE_EXPORT docpipe_node_type docpipe_node_type_from_name(const char *name);
DOCPIPE_EXPORT int docpipe_node_is_block(const docpipe_node *node);
DOCPIPE_EXPORT int docpipe_node_is_inline(const docpipe_node *node);
/** 1 for nodes that can never have children (text, code, code block,
 * breaks, thematic break). */
DOCPIPE_EXPORT int docpipe_node_is_leaf(const docpipe_node *node);
/** 1 when a node of type `parent` may hold a child of type `child`. */
DOCPIPE_EXPORT int docpipe_node_can_contain(docpipe_node_type parent, docpipe_node_type child);

/* Tree navigation; each returns NULL when there is no such node. */
DOCPIPE_EXPORT docpipe_node *docpipe_node_parent(const docpipe_node *node);
DOCPIPE_EXPORT docpipe_node *docpipe_node_first_child(const docpipe_node *node);
DOCPIPE_EXPORT docpipe_node *docpipe_node_last_child(const docpipe_node *node);
DOCPIPE_EXPORT docpipe_node *docpipe_node_next(const docpipe_node *node);
DOCPIPE_EXPORT docpipe_node *docpipe_node_prev(const docpipe_node *node);

/* Tree editing.  Each checks docpipe_node_can_contain and refuses cycles
 * and documents as children: on refusal it returns DOCPIPE_EINVAL and
 * changes nothing.  A node being inserted is first unlinked from
 * wherever it was; on success the tree owns it. */
DOCPIPE_EXPORT int docpipe_node_append_child(docpipe_node *parent, docpipe_node *child);
DOCPIPE_EXPORT int docpipe_node_prepend_child(docpipe_node *parent, docpipe_node *child);
DOCPIPE_EXPORT int docpipe_node_insert_before(docpipe_node *sibling, docpipe_node *node);
DOCPIPE_EXPORT int docpipe_node_insert_after(docpipe_node *sibling, docpipe_node *node);
/** Detaches `node` from its parent; the caller owns it again. */
DOCPIPE_EXPORT void docpipe_node_unlink(docpipe_node *node);

/* Attributes.  Getters return NULL/0 on the wrong node type; setters
 * return DOCPIPE_EINVAL there. */

/** Text of TEXT, CODE and CODE_BLOCK nodes ("" when unset). */
DOCPIPE_EXPORT const char *docpipe_node_literal(const docpipe_node *node);
DOCPIPE_EXPORT int docpipe_node_set_literal(docpipe_node *node, const char *s);
DOCPIPE_EXPORT int docpipe_node_set_literal_n(docpipe_node *node, const char *s, size_t len);

/** Heading level, 1-6 (0 for other nodes). */
DOCPIPE_EXPORT int docpipe_node_heading_level(const docpipe_node *node);
DOCPIPE_EXPORT int docpipe_node_set_heading_level(docpipe_node *node, int level);

/** List type, start number (ordered lists) and tightness. */
DOCPIPE_EXPORT docpipe_list_type docpipe_node_list_type(const docpipe_node *node);
DOCPIPE_EXPORT int docpipe_node_set_list_type(docpipe_node *node, docpipe_list_type type);
DOCPIPE_EXPORT int docpipe_node_list_start(const docpipe_node *node);
DOCPIPE_EXPORT int docpipe_node_set_list_start(docpipe_node *node, int start);
DOCPIPE_EXPORT int docpipe_node_list_tight(const docpipe_node *node);
DOCPIPE_EXPORT int docpipe_node_set_list_tight(docpipe_node *node, int tight);

/** Info string of a CODE_BLOCK (e.g. the language), "" when unset. */
DOCPIPE_EXPORT const char *docpipe_node_info(const docpipe_node *node);
DOCPIPE_EXPORT int docpipe_node_set_info(docpipe_node *node, const char *s);

/** URL of a LINK or IMAGE, or the image source of a FIGURE; "" unset. */
DOCPIPE_EXPORT const char *docpipe_node_url(const docpipe_node *node);
DOCPIPE_EXPORT int docpipe_node_set_url(docpipe_node *node, const char *s);
/** Title of a LINK or IMAGE; "" when unset. */
DOCPIPE_EXPORT const char *docpipe_node_title(const docpipe_node *node);
DOCPIPE_EXPORT int docpipe_node_set_title(docpipe_node *node, const char *s);
/** Alt text of a FIGURE (plain string); "" when unset.  An IMAGE keeps
 * its alt text as inline children instead, as cmark and pandoc do. */
DOCPIPE_EXPORT const char *docpipe_node_alt(const docpipe_node *node);
DOCPIPE_EXPORT int docpipe_node_set_alt(docpipe_node *node, const char *s);

/** Header flag of a TABLE_ROW (1 for a header row). */
DOCPIPE_EXPORT int docpipe_node_row_header(const docpipe_node *node);
DOCPIPE_EXPORT int docpipe_node_set_row_header(docpipe_node *node, int header);
/** Alignment of a TABLE_CELL. */
DOCPIPE_EXPORT docpipe_align docpipe_node_cell_align(const docpipe_node *node);
DOCPIPE_EXPORT int docpipe_node_set_cell_align(docpipe_node *node, docpipe_align align);

/* Building helpers for readers. */

/** Appends text to `parent` (which must hold inlines): extends the last
 * child when it is a TEXT node, else appends a new TEXT node.  The text
 * must be valid UTF-8 (it is normalised to NFC). */
DOCPIPE_EXPORT int docpipe_node_append_text(docpipe_node *parent, const char *s, size_t len);
/** Creates a node of `type`, appends it to `parent` and returns it;
 * NULL when memory runs out or the parent may not hold it. */
DOCPIPE_EXPORT docpipe_node *docpipe_node_add(docpipe_node *parent, docpipe_node_type type);

/** The plain text of a subtree: text and code as they are, breaks as
 * "\n", image alt text, block children separated by "\n".  The caller
 * frees the result with docpipe_free.  NULL when memory runs out. */
DOCPIPE_EXPORT char *docpipe_node_text_content(const docpipe_node *node);

/* ------------------------------------------------------------------ */
/* Iterator                                                           */
/* ------------------------------------------------------------------ */

/** Walks a subtree in document order.  Each node with children (or that
 * may have them) gives an ENTER event, then its children's events, then
 * an EXIT event; a leaf gives only ENTER.  DONE ends the walk:
 *
 *     docpipe_iter *it = docpipe_iter_new(root);
 *     docpipe_event ev;
 *     while ((ev = docpipe_iter_next(it)) != DOCPIPE_EVENT_DONE) {
 *       docpipe_node *n = docpipe_iter_node(it);
 *       ...
 *     }
 *     docpipe_iter_free(it);
 *
 * As in cmark, the tree may be changed only at the current node after
 * its EXIT event (or ENTER for a leaf): unlinking or freeing the current
 * node is then safe, and so is inserting after it (the inserted node is
 * not visited, as the next step was already taken). */
typedef struct docpipe_iter docpipe_iter;

typedef enum {
  DOCPIPE_EVENT_NONE = 0,
  DOCPIPE_EVENT_DONE = 1,
  DOCPIPE_EVENT_ENTER = 2,
  DOCPIPE_EVENT_EXIT = 3
} docpipe_event;

DOCPIPE_EXPORT docpipe_iter *docpipe_iter_new(docpipe_node *root);
DOCPIPE_EXPORT void docpipe_iter_free(docpipe_iter *iter);
DOCPIPE_EXPORT docpipe_event docpipe_iter_next(docpipe_iter *iter);
DOCPIPE_EXPORT docpipe_node *docpipe_iter_node(const docpipe_iter *iter);
/** Nesting depth of the current node below the root (root = 0). */
DOCPIPE_EXPORT int docpipe_iter_depth(const docpipe_iter *iter);

/* ------------------------------------------------------------------ */
/* Documents                                                          */
/* ------------------------------------------------------------------ */

/** A document: a metadata map and a DOCUMENT node holding the blocks. */
typedef struct docpipe_doc docpipe_doc;

/** New empty document (empty metadata, empty body). */
DOCPIPE_EXPORT docpipe_doc *docpipe_doc_new(void);
DOCPIPE_EXPORT void docpipe_doc_free(docpipe_doc *doc);
/** The DOCUMENT node; owned by the document. */
DOCPIPE_EXPORT docpipe_node *docpipe_doc_root(const docpipe_doc *doc);
/** The metadata map; owned by the document, never NULL. */
DOCPIPE_EXPORT docpipe_value *docpipe_doc_meta(const docpipe_doc *doc);

/* ------------------------------------------------------------------ */
/* Plugins and conversion                                             */
/* ------------------------------------------------------------------ */

/* The plugin descriptor is defined in docpipe/plugin.h. */
typedef struct docpipe_plugin docpipe_plugin;
typedef struct docpipe_args docpipe_args;

/** A set of loaded plugins.  Build it once, then share it between
 * threads for reading only. */
typedef struct docpipe_registry docpipe_registry;

/** Receives one-line diagnostics (plugins refused, low probe scores). */
typedef void (*docpipe_log_fn)(void *ctx, const char *message);

DOCPIPE_EXPORT docpipe_registry *docpipe_registry_new(void);
/** Frees the registry.  Plugins stay mapped (they are never dlclose'd,
 * so no function pointer taken from them ever dangles). */
DOCPIPE_EXPORT void docpipe_registry_free(docpipe_registry *reg);

/** Loads one shared object.  Refuses (and returns a negative code, with
 * the reason in `err`) a file that is not loadable, lacks
 * `docpipe_plugin_entry`, was built for another ABI, has an empty name
 * or no callbacks, or whose name is already loaded. */
DOCPIPE_EXPORT int docpipe_registry_load_file(docpipe_registry *reg, const char *path,
                                              docpipe_error *err);
/** Loads every `*.so` regular file in `dir`, in sorted order.  Each
 * refusal is reported through `log` ("PATH: reason") and loading goes
 * on.  Returns the number of plugins loaded, or a negative code when
 * `dir` cannot be read. */
DOCPIPE_EXPORT int docpipe_registry_load_dir(docpipe_registry *reg, const char *dir,
                                             docpipe_log_fn log, void *log_ctx);
/** Loads, in this order: each directory of `dirs` (NULL-terminated, may
 * be NULL), each non-empty entry of $DOCPIPE_PLUGIN_PATH, then the one
 * default directory (docpipe_default_plugin_dir()).  The current
 * directory is never searched unless named.  Returns the number loaded. */
DOCPIPE_EXPORT int docpipe_registry_load_defaults(docpipe_registry *reg, const char *const *dirs,
                                                  docpipe_log_fn log, void *log_ctx);
/** The default plugin directory: the build tree's plugin directory when
 * the running program is the one in the build tree, else the installed
 * one.  Borrowed, static storage. */
DOCPIPE_EXPORT const char *docpipe_default_plugin_dir(void);

DOCPIPE_EXPORT size_t docpipe_registry_count(const docpipe_registry *reg);
DOCPIPE_EXPORT const docpipe_plugin *docpipe_registry_plugin(const docpipe_registry *reg, size_t i);
/** The file the i-th plugin was loaded from. */
DOCPIPE_EXPORT const char *docpipe_registry_path(const docpipe_registry *reg, size_t i);
/** The plugin named `name`, or NULL. */
DOCPIPE_EXPORT const docpipe_plugin *docpipe_registry_find(const docpipe_registry *reg,
                                                           const char *name);
/** The reader (or writer, when `want_writer`) whose extension list has
 * the extension of `filename` (case-insensitive), or NULL. */
DOCPIPE_EXPORT const docpipe_plugin *docpipe_registry_by_extension(const docpipe_registry *reg,
                                                                   const char *filename,
                                                                   int want_writer);
/** Detects the input format by probing `data` with every reader.  The
 * highest score wins; a tie between the best, or a best score under 25,
 * means no winner: NULL with ENOTFOUND and the candidates in `err`. */
DOCPIPE_EXPORT const docpipe_plugin *docpipe_registry_probe(const docpipe_registry *reg,
                                                            const unsigned char *data,
                                                            size_t size, const char *name_hint,
                                                            docpipe_error *err);

/** Reads `data` with `reader` into a new document (`*out`, owned by the
 * caller).  `data` need not be NUL-terminated.  `args` may be NULL for
 * defaults.  On failure `*out` is NULL. */
DOCPIPE_EXPORT int docpipe_plugin_read(const docpipe_plugin *reader, const unsigned char *data,
                                       size_t size, const docpipe_args *args, docpipe_doc **out,
                                       docpipe_error *err);
/** Writes `doc` with `writer`, appending the bytes to `out`. */
DOCPIPE_EXPORT int docpipe_plugin_write(const docpipe_plugin *writer, const docpipe_doc *doc,
                                        const docpipe_args *args, docpipe_buf *out,
                                        docpipe_error *err);
/** Runs a filter plugin on `doc` in place. */
DOCPIPE_EXPORT int docpipe_plugin_filter(const docpipe_plugin *filter, docpipe_doc *doc,
                                         const docpipe_args *args, docpipe_error *err);

/* ------------------------------------------------------------------ */
/* Files                                                              */
/* ------------------------------------------------------------------ */

/** Reads a whole file ("-" is standard input) into memory that the
 * caller frees with docpipe_free.  The data is followed by
 * DOCPIPE_PROBE_PADDING zero bytes (not counted in `*size`).  Refuses
 * (ELIMIT) more than `max_size` bytes (0: no limit). */
DOCPIPE_EXPORT int docpipe_file_read(const char *path, size_t max_size, unsigned char **data,
                                     size_t *size, docpipe_error *err);
/** Writes `data` to `path` atomically: into a temporary file in the same
 * directory, flushed, then renamed over `path`.  On failure the
 * temporary file is removed and an existing `path` is left untouched. */
DOCPIPE_EXPORT int docpipe_file_write_atomic(const char *path, const void *data, size_t size,
                                             docpipe_error *err);

/** Zero bytes guaranteed after the data given to probe functions and
 * after what docpipe_file_read returns. */
#define DOCPIPE_PROBE_PADDING 64

#ifdef __cplusplus
}
#endif

#endif /* DOCPIPE_DOCPIPE_H */
