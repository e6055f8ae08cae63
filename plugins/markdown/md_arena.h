/* A per-call bump allocator for cmark-gfm (see md_arena.c). */
#ifndef DOCPIPE_MD_ARENA_H
#define DOCPIPE_MD_ARENA_H

#include <stddef.h>

#include <cmark-gfm.h>

typedef struct md_arena {
  struct S_chunk *top;     /* newest chunk; older ones hang off it */
  struct md_arena *saved;  /* the thread's arena before md_arena_begin */
  void *free_list[64];     /* freed small blocks by size class, reused */
} md_arena;

/* Makes `a` (uninitialised storage) the calling thread's arena: 0, or
 * -1 when the thread-specific slot cannot be had (then `a` is unused
 * and md_arena_end must not be called). */
int md_arena_begin(md_arena *a);
/* Frees everything allocated in `a` and restores the thread's previous
 * arena.  Nothing cmark made under `a` may be used after this. */
void md_arena_end(md_arena *a);
/* The allocator to give cmark: it allocates from the calling thread's
 * current arena, and its free does nothing. */
cmark_mem *md_arena_mem(void);

#endif
