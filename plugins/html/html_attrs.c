/* Attributes, packed.
 *
 * libxml2 makes each attribute an xmlAttr with a text node for its value:
 * three allocations, ~270 bytes for href="/x".  On dense markup that was a
 * sixth of its DOM, and the reader never walks attributes: it only looks
 * values up by name (html_attr).  So the tree keeps each element's in one
 * block of the form
 *
 *   name \0 value \0 name \0 value \0 \0
 *
 * in an arena that lives as long as the page's tree, reached through the
 * element's content pointer (html_tree.h).  Freeing a node early (the
 * build does, as it converts) leaves its block in the arena, which is
 * freed with the tree. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html_reader.h"

/* Chunks of at least this size: one allocation per ~2,000 attributes. */
#define CHUNK_MIN 65536

struct html_arena_chunk {
  struct html_arena_chunk *next;
  size_t used, size;
  char data[];
};

static char *S_arena_alloc(html_arena *a, size_t n) {
  struct html_arena_chunk *c = a->head;
  if (!c || c->size - c->used < n) {
    size_t size = n > CHUNK_MIN ? n : CHUNK_MIN;
    c = malloc(sizeof *c + size);
    if (!c) return NULL;
    c->next = a->head;
    c->used = 0;
    c->size = size;
    a->head = c;
  }
  char *p = c->data + c->used;
  c->used += n;
  return p;
}

void html_arena_free(html_arena *a) {
  for (struct html_arena_chunk *c = a->head, *next; c; c = next) {
    next = c->next;
    free(c);
  }
  a->head = NULL;
}

int html_attrs_pack(html_arena *a, html_node *n, const xmlChar **atts) {
  n->content = NULL;
  if (!atts || !atts[0]) return 0;
  size_t size = 1;
  for (size_t i = 0; atts[i]; i += 2)
    size += strlen((const char *)atts[i]) + 1 + (atts[i + 1] ? strlen((const char *)atts[i + 1]) : 0) + 1;
  char *p = S_arena_alloc(a, size);
  if (!p) return -1;
  n->content = (xmlChar *)p;
  for (size_t i = 0; atts[i]; i += 2) {
    if (!atts[i][0]) continue; /* an empty name would end the block */
    size_t k = strlen((const char *)atts[i]) + 1;
    memcpy(p, atts[i], k);
    p += k;
    k = atts[i + 1] ? strlen((const char *)atts[i + 1]) : 0;
    memcpy(p, atts[i + 1] ? (const char *)atts[i + 1] : "", k);
    p[k] = 0;
    p += k + 1;
  }
  *p = 0;
  return 0;
}

int html_has_attrs(const html_node *n) {
  return n && n->type == XML_ELEMENT_NODE && n->content != NULL;
}

const char *html_attr(const html_node *n, const char *name) {
  if (!n || n->type != XML_ELEMENT_NODE || !n->content) return NULL;
  for (const char *p = (const char *)n->content; *p;) {
    const char *value = p + strlen(p) + 1;
    if (strcasecmp(p, name) == 0) return value;
    p = value + strlen(value) + 1;
  }
  return NULL;
}
