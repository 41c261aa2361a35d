/* Running independent pieces of work on every CPU. */
#ifndef B24_PARALLEL_H
#define B24_PARALLEL_H
#include <stddef.h>

/* The CPUs this process may run on (at least 1), or B24_JOBS when that is set. */
unsigned b24_cpu_count(void);

/* Calls fn(ctx, i) for every i in [0, n) on up to `threads` threads (0: one per CPU)
 * and returns when all calls have returned. Items are handed out in order from a
 * shared counter, so list the slow ones first. fn must not touch what another
 * item's call writes. */
void b24_parallel_for(size_t n, unsigned threads, void (*fn)(void *ctx, size_t i), void *ctx);

/* How many workers b24_parallel_for(_workers) would run for n items. */
unsigned b24_parallel_threads(size_t n, unsigned threads);
/* The same, telling fn which worker (0 .. b24_parallel_threads(n, threads) - 1) runs
 * the item, so that each worker may keep state of its own (an arena) across items. */
void b24_parallel_for_workers(size_t n, unsigned threads,
                              void (*fn)(void *ctx, unsigned worker, size_t i), void *ctx);

#endif
