/* jansson's allocations through a cache of small blocks per thread. The runner
 * builds a jansson tree of every answer and drops it soon after: a value, a
 * string, an object's table and each of its members are a malloc and a free
 * apiece, and glibc's malloc and free were a quarter of the runner's own
 * instructions (their per-thread cache keeps only 7 blocks of a size, the rest
 * go through the arena). */
#ifndef B24_JSON_ALLOC_H
#define B24_JSON_ALLOC_H

/* Makes jansson allocate through the cache, from now on, in every thread. Call
 * it before any thread is started and before the first jansson value is made
 * that outlives the call (values made earlier may still be freed: every block
 * is a malloc'd one). Every block the cache hands out can be given to free(),
 * as json_dumps's callers do. */
void b24_json_alloc_use_cache(void);

#endif
