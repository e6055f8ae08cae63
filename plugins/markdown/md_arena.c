/* A bump allocator for cmark-gfm, one per md_read call.
 *
 * Why: cmark makes a node and a few strings for every inline, and
 * freeing its tree node by node at the end cost about a tenth of reading
 * Markdown, on top of malloc's own work.  Here the whole arena goes at
 * once when the reader is done with cmark's tree.  Small blocks cmark
 * frees while it parses (text nodes it joins, delimiters) go on a free
 * list per size and are reused, so the arena stays about as big as
 * cmark's live tree.
 *
 * cmark_mem's functions take no context pointer, so the arena in use is
 * a thread-specific pointer, set by md_arena_begin and put back by
 * md_arena_end.  Each thread has its own, and begin/end nest (end
 * restores what begin found), so the reader stays reentrant and
 * thread-safe; no arena is shared between threads.  cmark must only be
 * called between begin and end with md_arena_mem() as its allocator.
 * A pthread key, made once, rather than _Thread_local: TLS in a
 * dlopen'ed and later dlclose'd plugin crashed LeakSanitizer's scan of
 * thread-local storage at exit.
 *
 * Out of memory: cmark never checks what its allocator returns, and its
 * own default allocator aborts; this one does the same. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "md_arena.h"

/* Every block starts with a header: its capacity, so realloc knows how
 * much to copy, and the free-list link.  16 bytes keeps blocks aligned
 * as malloc's are. */
#define S_ALIGN 16
#define S_HEAD 16
#define S_CLASSES 64 /* free lists for blocks of up to 64 * 16 bytes */
#define S_CHUNK (((size_t)64 << 10) - 64)
typedef struct S_head {
  size_t cap;
  void *next; /* free list */
} S_head;

typedef struct S_chunk {
  struct S_chunk *prev;
  size_t size, used;
} S_chunk;

#define S_CHUNK_HEAD ((sizeof(S_chunk) + S_ALIGN - 1) / S_ALIGN * S_ALIGN)

static pthread_once_t S_key_once = PTHREAD_ONCE_INIT;
static pthread_key_t S_key;
static int S_key_ok;
static void S_make_key(void) { S_key_ok = pthread_key_create(&S_key, NULL) == 0; }
static md_arena *S_cur(void) { return pthread_getspecific(S_key); }

static void S_oom(void) {
  fprintf(stderr, "[docpipe markdown] out of memory, aborting\n");
  abort();
}

static unsigned char *S_data(S_chunk *c) { return (unsigned char *)c + S_CHUNK_HEAD; }
static S_head *S_head_of(void *p) { return (S_head *)((unsigned char *)p - S_HEAD); }

/* Bytes a block of `size` takes, header included. */
static size_t S_need(size_t size) {
  if (size > SIZE_MAX / 2) S_oom();
  return (S_HEAD + size + S_ALIGN - 1) / S_ALIGN * S_ALIGN;
}

/* A block of at least `size` bytes, not zeroed. */
static void *S_alloc(md_arena *a, size_t size) {
  size_t need = S_need(size), cls = need / S_ALIGN - 1;
  if (cls < S_CLASSES && a->free_list[cls]) {
    S_head *h = a->free_list[cls];
    a->free_list[cls] = h->next;
    return (unsigned char *)h + S_HEAD;
  }
  S_chunk *c = a->top;
  if (!c || c->size - c->used < need) {
    /* A block bigger than a chunk gets a chunk of its own, put under
     * the current one so that one keeps filling. */
    int own = need > S_CHUNK;
    size_t csize = own ? need : S_CHUNK;
    S_chunk *n = malloc(S_CHUNK_HEAD + csize);
    if (!n) S_oom();
    n->size = csize;
    n->used = 0;
    if (c && own) {
      n->prev = c->prev;
      c->prev = n;
    } else {
      n->prev = c;
      a->top = n;
    }
    c = n;
  }
  S_head *h = (S_head *)(S_data(c) + c->used);
  c->used += need;
  h->cap = need - S_HEAD;
  h->next = NULL;
  return (unsigned char *)h + S_HEAD;
}

/* Is `p` the newest block of the top chunk (then it can grow or go in
 * place)? */
static int S_is_last(md_arena *a, void *p) {
  S_chunk *c = a->top;
  return c && (unsigned char *)p + S_head_of(p)->cap == S_data(c) + c->used;
}

static void *S_calloc(size_t n, size_t size) {
  if (size && n > SIZE_MAX / 2 / size) S_oom();
  void *p = S_alloc(S_cur(), n * size);
  memset(p, 0, n * size);
  return p;
}

static void *S_realloc(void *old, size_t size) {
  md_arena *a = S_cur();
  if (!old) return S_alloc(a, size);
  size_t have = S_head_of(old)->cap;
  if (size <= have) return old;
  /* cmark's strings mostly grow while nothing else is allocated: the
   * newest block grows in place. */
  size_t need = S_need(size);
  if (S_is_last(a, old) && a->top->size - (a->top->used - have) >= need - S_HEAD) {
    a->top->used += need - S_HEAD - have;
    S_head_of(old)->cap = need - S_HEAD;
    return old;
  }
  void *p = S_alloc(a, size);
  memcpy(p, old, have);
  /* the old block is free now */
  S_head *h = S_head_of(old);
  size_t cls = (h->cap + S_HEAD) / S_ALIGN - 1;
  if (cls < S_CLASSES) {
    h->next = a->free_list[cls];
    a->free_list[cls] = h;
  }
  return p;
}

static void S_free(void *p) {
  if (!p) return;
  md_arena *a = S_cur();
  S_head *h = S_head_of(p);
  if (S_is_last(a, p)) {
    a->top->used -= h->cap + S_HEAD;
    return;
  }
  size_t cls = (h->cap + S_HEAD) / S_ALIGN - 1;
  if (cls < S_CLASSES) {
    h->next = a->free_list[cls];
    a->free_list[cls] = h;
  }
  /* a bigger block waits for the arena to go */
}

static cmark_mem S_mem = {S_calloc, S_realloc, S_free};

cmark_mem *md_arena_mem(void) { return &S_mem; }

int md_arena_begin(md_arena *a) {
  memset(a, 0, sizeof *a);
  pthread_once(&S_key_once, S_make_key);
  if (!S_key_ok) return -1;
  a->saved = S_cur();
  return pthread_setspecific(S_key, a) == 0 ? 0 : -1;
}

void md_arena_end(md_arena *a) {
  S_chunk *c = a->top;
  while (c) {
    S_chunk *prev = c->prev;
    free(c);
    c = prev;
  }
  a->top = NULL;
  pthread_setspecific(S_key, a->saved); /* cannot fail: the slot exists */
}
