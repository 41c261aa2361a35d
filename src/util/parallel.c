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
  /* B24_JOBS caps the threads of every stage: for benchmarks and shared CI hosts. */
  const char *env = getenv("B24_JOBS");
  if (env && *env) {
    char *end;
    long n = strtol(env, &end, 10);
    if (!*end && n > 0 && n < 1024) return (unsigned)n;
  }
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0) return (unsigned)CPU_COUNT(&set);
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? (unsigned)n : 1;
}

typedef struct job {
  atomic_size_t next;
  size_t n;
  void (*fn)(void *ctx, unsigned worker, size_t i);
  void *ctx;
} job;

typedef struct worker_arg {
  job *j;
  unsigned index;
} worker_arg;

static void *worker(void *arg) {
  worker_arg *w = arg;
  job *j = w->j;
  for (size_t i; (i = atomic_fetch_add(&j->next, 1)) < j->n;) j->fn(j->ctx, w->index, i);
  return NULL;
}

unsigned b24_parallel_threads(size_t n, unsigned threads) {
  if (!threads) threads = b24_cpu_count();
  if (threads > n) threads = (unsigned)n;
  return threads ? threads : 1;
}

void b24_parallel_for_workers(size_t n, unsigned threads,
                              void (*fn)(void *ctx, unsigned worker, size_t i), void *ctx) {
  job j = {.n = n, .fn = fn, .ctx = ctx};
  atomic_init(&j.next, 0);
  threads = b24_parallel_threads(n, threads);
  pthread_t *tids = threads > 1 ? calloc(threads - 1, sizeof *tids) : NULL;
  worker_arg *args = calloc(threads, sizeof *args);
  unsigned started = 0;
  /* The calling thread is worker 0; a thread that cannot start just leaves its
   * share to the others. */
  for (unsigned t = 0; t < threads; t++) args[t] = (worker_arg){&j, t};
  for (unsigned t = 1; tids && t < threads; t++)
    if (pthread_create(&tids[started], NULL, worker, &args[t]) == 0) started++;
  worker(&args[0]);
  for (unsigned t = 0; t < started; t++) pthread_join(tids[t], NULL);
  free(args);
  free(tids);
}

typedef struct plain_fn {
  void (*fn)(void *ctx, size_t i);
  void *ctx;
} plain_fn;

static void call_plain(void *ctx, unsigned worker, size_t i) {
  (void)worker;
  plain_fn *p = ctx;
  p->fn(p->ctx, i);
}

void b24_parallel_for(size_t n, unsigned threads, void (*fn)(void *ctx, size_t i), void *ctx) {
  plain_fn p = {fn, ctx};
  b24_parallel_for_workers(n, threads, call_plain, &p);
}
