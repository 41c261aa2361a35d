/* A counter shared by a few threads is all the scheduling the generators and the
 * file writer need: their items are few and coarse, so no queue, no pool kept alive. */
#define _GNU_SOURCE
#include "util/parallel.h"

#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>

unsigned b24_cpu_count(void) {
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0) return (unsigned)CPU_COUNT(&set);
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? (unsigned)n : 1;
}

typedef struct job {
  atomic_size_t next;
  size_t n;
  void (*fn)(void *ctx, size_t i);
  void *ctx;
} job;

static void *worker(void *arg) {
  job *j = arg;
  for (size_t i; (i = atomic_fetch_add(&j->next, 1)) < j->n;) j->fn(j->ctx, i);
  return NULL;
}

void b24_parallel_for(size_t n, unsigned threads, void (*fn)(void *ctx, size_t i), void *ctx) {
  job j = {.n = n, .fn = fn, .ctx = ctx};
  atomic_init(&j.next, 0);
  if (!threads) threads = b24_cpu_count();
  if (threads > n) threads = (unsigned)n;
  pthread_t *tids = threads > 1 ? calloc(threads - 1, sizeof *tids) : NULL;
  unsigned started = 0;
  /* The calling thread is one of the workers; a thread that cannot start just
   * leaves its share to the others. */
  for (unsigned t = 0; tids && t + 1 < threads; t++)
    if (pthread_create(&tids[started], NULL, worker, &j) == 0) started++;
  worker(&j);
  for (unsigned t = 0; t < started; t++) pthread_join(tids[t], NULL);
  free(tids);
}
