/* A bump allocator: a model is built once and freed at once, so its thousands of
 * small strings and arrays live in one arena instead of thousands of mallocs. */
#ifndef B24_ARENA_H
#define B24_ARENA_H
#include <stddef.h>

typedef struct b24_arena_chunk b24_arena_chunk;
typedef struct b24_arena {
  b24_arena_chunk *head;
  size_t used_total;
} b24_arena;

void b24_arena_init(b24_arena *a);
void b24_arena_free(b24_arena *a);
void *b24_arena_alloc(b24_arena *a, size_t n);          /* zeroed, 16-aligned */
char *b24_arena_strdup(b24_arena *a, const char *s);     /* NULL stays NULL */
char *b24_arena_strndup(b24_arena *a, const char *s, size_t n);
/* Moves every block of `from` into `a`, leaving `from` empty: what a worker thread
 * built in an arena of its own then lives and dies with `a`. */
void b24_arena_adopt(b24_arena *a, b24_arena *from);
/* Grow an array allocated in the arena: copies; the old block is abandoned. */
void *b24_arena_grow(b24_arena *a, void *old, size_t old_bytes, size_t new_bytes);
/* An array that grows while other things are allocated between its pushes
 * (a table's rows, a page's links) is built on the heap and then settled into
 * the arena at its final size: growing it in the arena would leave every
 * outgrown copy behind, a third of the model's memory. b24_heap_grow doubles
 * *cap (aborting when out of memory); b24_arena_settle copies `bytes` of p into
 * the arena and frees p (NULL for 0 bytes). */
void *b24_heap_grow(void *p, size_t *cap, size_t elem);
void *b24_arena_settle(b24_arena *a, void *p, size_t bytes);
/* A heap copy of n elements of an arena array, to push onto and settle again. */
void *b24_heap_from(const void *p, size_t n, size_t *cap, size_t elem);

#endif
