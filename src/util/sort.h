/* qsort and bsearch that accept an empty array given as NULL (the C library's
 * versions must not be handed NULL, even with a count of 0). */
#ifndef B24_SORT_H
#define B24_SORT_H
#include <stdlib.h>

static inline void b24_qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *)) {
  if (n > 1) qsort(base, n, size, cmp);
}

static inline void *b24_bsearch(const void *key, const void *base, size_t n, size_t size,
                                int (*cmp)(const void *, const void *)) {
  return n ? bsearch(key, base, n, size, cmp) : NULL;
}

#endif
