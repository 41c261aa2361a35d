/* A thread's cache of freed small blocks for jansson (see json_alloc.h). Blocks
 * are kept by size class, 16 bytes a class up to 512 bytes, each class on a
 * list of its own threaded through the blocks themselves. A block is always a
 * plain malloc'd one, of the class's size when the cache made it: freeing it
 * puts it on the list of the largest class that fits in its usable size (so
 * one made by malloc elsewhere, or by another thread, serves as well), and past
 * KEEP_BYTES kept by the thread it goes back to free(). What a thread keeps
 * goes back when it exits. */
#include "util/json_alloc.h"

#include <jansson.h>
#include <malloc.h>
#include <pthread.h>
#include <stdlib.h>

enum {
  CLASS_BYTES = 16,
  N_CLASSES = 32,              /* blocks up to 512 bytes */
  /* at most this much kept by a thread: the tree of the largest answers (a list
   * of 50 catalog products, 200 KB of text) takes a few MB */
  KEEP_BYTES = 16 * 1024 * 1024,
};

typedef struct block {
  struct block *next;
} block;

typedef struct cache {
  block *head[N_CLASSES + 1];
  size_t kept;                 /* bytes on the lists */
  int registered;              /* its thread's exit releases it (key) */
} cache;

static _Thread_local cache local;
static pthread_key_t key;
static pthread_once_t key_once = PTHREAD_ONCE_INIT;

static void release(void *arg) {
  cache *c = arg;
  for (size_t i = 0; i <= N_CLASSES; i++)
    for (block *b = c->head[i], *next; b; b = next) {
      next = b->next;
      free(b);
    }
  *c = (cache){0};
}

static void make_key(void) {
  if (pthread_key_create(&key, release)) abort();
}

/* Blocks that come from jansson's values are tiny: a size that rounds up to a
 * class is taken from that class's list, or malloc'd at the class's size. */
static void *cache_malloc(size_t size) {
  size_t k = (size + CLASS_BYTES - 1) / CLASS_BYTES;
  if (k == 0 || k > N_CLASSES) return malloc(size);
  block *b = local.head[k];
  if (!b) return malloc(k * CLASS_BYTES);
  local.head[k] = b->next;
  local.kept -= k * CLASS_BYTES;
  return b;
}

static void cache_free(void *p) {
  if (!p) return;
  size_t k = malloc_usable_size(p) / CLASS_BYTES;
  if (k == 0 || k > N_CLASSES || local.kept + k * CLASS_BYTES > KEEP_BYTES) {
    free(p);
    return;
  }
  if (!local.registered) { /* the thread's first block kept */
    pthread_once(&key_once, make_key);
    pthread_setspecific(key, &local);
    local.registered = 1;
  }
  block *b = p;
  b->next = local.head[k];
  local.head[k] = b;
  local.kept += k * CLASS_BYTES;
}

void b24_json_alloc_use_cache(void) { json_set_alloc_funcs(cache_malloc, cache_free); }
