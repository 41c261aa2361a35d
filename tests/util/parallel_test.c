/* b24_parallel_for calls fn exactly once per item, for any item and thread count,
 * and the items really run on more than one thread when asked to. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

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

int main(void) {
  int failures = 0;
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
