/* b24_parallel_for calls fn exactly once per item, for any item and thread count,
 * and the items really run on more than one thread when asked to;
 * b24_parallel_for_workers names each worker by one index, never shared by two
 * threads at once (the model's loader keeps an arena per index); B24_JOBS caps
 * the count; b24_arena_adopt keeps what a worker's arena holds alive. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/arena.h"
#include "util/parallel.h"

typedef struct counts {
  atomic_int *calls;
  atomic_int threads_seen;
  pthread_t first;
  atomic_int first_set;
} counts;

static void count(void *ctx, size_t i) {
  counts *c = ctx;
  atomic_fetch_add(&c->calls[i], 1);
  int unset = 0;
  if (atomic_compare_exchange_strong(&c->first_set, &unset, 1)) c->first = pthread_self();
  else if (!pthread_equal(c->first, pthread_self())) atomic_store(&c->threads_seen, 2);
  if (i < 4) usleep(20000); /* slow first items: the others must not wait for them */
}

/* Each worker index has a busy flag: two threads inside one index at once, or an
 * index out of range, is a failure. */
typedef struct by_worker {
  unsigned n;
  atomic_int busy[16];
  atomic_int bad;
  atomic_int calls;
} by_worker;

static void per_worker(void *ctx, unsigned worker, size_t i) {
  by_worker *b = ctx;
  (void)i;
  if (worker >= b->n) {
    atomic_store(&b->bad, 1);
    return;
  }
  if (atomic_fetch_add(&b->busy[worker], 1) != 0) atomic_store(&b->bad, 1);
  usleep(200);
  atomic_fetch_sub(&b->busy[worker], 1);
  atomic_fetch_add(&b->calls, 1);
}

static int workers_and_arenas(void) {
  int failures = 0;
  for (unsigned t = 1; t <= 5; t++) {
    by_worker b = {.n = b24_parallel_threads(300, t)};
    if (b.n != t) failures++, fprintf(stderr, "FAIL: %u threads asked, %u given\n", t, b.n);
    b24_parallel_for_workers(300, t, per_worker, &b);
    if (b.bad || b.calls != 300) failures++, fprintf(stderr, "FAIL: workers with %u threads\n", t);
  }
  setenv("B24_JOBS", "3", 1);
  if (b24_cpu_count() != 3 || b24_parallel_threads(100, 0) != 3) failures++, fputs("FAIL: B24_JOBS\n", stderr);
  unsetenv("B24_JOBS");
  /* An adopted arena's strings live on until the adopting arena is freed. */
  b24_arena a, from;
  b24_arena_init(&a);
  b24_arena_init(&from);
  char *x = b24_arena_strdup(&a, "kept");
  char *y = b24_arena_alloc(&from, 100000); /* a block of its own */
  char *z = b24_arena_strdup(&from, "adopted");
  b24_arena_adopt(&a, &from);
  y[99999] = 1;
  char *w = b24_arena_strdup(&a, "after");
  if (strcmp(x, "kept") || strcmp(z, "adopted") || strcmp(w, "after") || from.head || from.used_total)
    failures++, fputs("FAIL: arena adopt\n", stderr);
  b24_arena_free(&a);
  return failures;
}

int main(void) {
  int failures = workers_and_arenas();
  const size_t sizes[] = {0, 1, 3, 1000};
  const unsigned threads[] = {0, 1, 2, 7};
  for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++)
    for (size_t t = 0; t < sizeof threads / sizeof *threads; t++) {
      counts c = {calloc(sizes[s] + 1, sizeof(atomic_int)), 0, 0, 0};
      b24_parallel_for(sizes[s], threads[t], count, &c);
      for (size_t i = 0; i < sizes[s]; i++)
        if (c.calls[i] != 1) {
          fprintf(stderr, "FAIL n=%zu threads=%u: item %zu called %d times\n", sizes[s], threads[t], i,
                  (int)c.calls[i]);
          failures++;
          break;
        }
      if (sizes[s] >= 4 && threads[t] >= 2 && c.threads_seen != 2) {
        fprintf(stderr, "FAIL n=%zu threads=%u: ran on one thread only\n", sizes[s], threads[t]);
        failures++;
      }
      free(c.calls);
    }
  if (b24_cpu_count() < 1) failures++;
  printf("%d failures\n", failures);
  return failures ? 1 : 0;
}
