/* Growing an array by doubling, for lists appended to one element at a time. */
#ifndef B24_GROW_H
#define B24_GROW_H
#include <stdlib.h>

/* Returns v with room for element n (capacity *cap, first allocation `first`
 * elements); aborts when memory runs out, as the arena does. */
static inline void *b24_grow(void *v, size_t n, size_t *cap, size_t size, size_t first) {
  if (n < *cap) return v;
  *cap = *cap ? *cap * 2 : first;
  void *r = realloc(v, *cap * size);
  if (!r) abort();
  return r;
}

#endif
