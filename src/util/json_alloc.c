/* A chunk allocator for jansson's nodes (see json_alloc.h). */
#include "util/json_alloc.h"

#include <jansson.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK_SIZE (64 * 1024)
#define ALIGN 16
#define BIG (CHUNK_SIZE / 8) /* larger blocks are a malloc each */
#define BIAS ((int64_t)1 << 40)

#if defined(__SANITIZE_ADDRESS__)
#define B24_JSON_ALLOC_OFF 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define B24_JSON_ALLOC_OFF 1
#endif
#endif

typedef struct chunk {
  /* BIAS minus the nodes freed while the chunk is open. When the owner moves
   * on, it adds the nodes it handed out minus BIAS: then whoever brings the
   * balance to zero, the last free or the retirement itself, gives the chunk
   * back, and exactly one of them sees zero. */
  _Atomic int64_t balance;
  int64_t handed_out; /* the owner thread's alone */
  size_t used;
  _Alignas(ALIGN) char data[];
} chunk;

/* Before every node: its chunk, NULL for a block malloc'd on its own. Padded
 * so that the node keeps malloc's alignment. */
typedef struct header {
  _Alignas(ALIGN) chunk *chunk;
} header;

static _Atomic long live_chunks;
static pthread_key_t thread_key;
static pthread_once_t key_once = PTHREAD_ONCE_INIT;
static _Thread_local chunk *current;

static void chunk_give_back(chunk *c) {
  free(c);
  atomic_fetch_sub(&live_chunks, 1);
}

static void chunk_retire(chunk *c) {
  int64_t add = c->handed_out - BIAS;
  if (atomic_fetch_add(&c->balance, add) + add == 0) chunk_give_back(c);
}

static void thread_ends(void *c) {
  if (c == current) current = NULL;
  chunk_retire(c);
}

static void make_key(void) {
  if (pthread_key_create(&thread_key, thread_ends)) abort();
}

static chunk *chunk_new(void) {
  chunk *c = malloc(sizeof(chunk) + CHUNK_SIZE);
  if (!c) return NULL;
  atomic_init(&c->balance, BIAS);
  c->handed_out = 0;
  c->used = 0;
  atomic_fetch_add(&live_chunks, 1);
  return c;
}

void *b24_json_alloc(size_t size) {
  size_t need = (sizeof(header) + size + ALIGN - 1) & ~(size_t)(ALIGN - 1);
  if (need > BIG) {
    header *h = malloc(sizeof(header) + size);
    if (!h) return NULL;
    h->chunk = NULL;
    return h + 1;
  }
  chunk *c = current;
  if (!c || c->used + need > CHUNK_SIZE) {
    chunk *fresh = chunk_new();
    if (!fresh) return NULL;
    /* the key's value is the open chunk, retired when the thread ends */
    pthread_once(&key_once, make_key);
    pthread_setspecific(thread_key, fresh);
    if (c) chunk_retire(c);
    c = current = fresh;
  }
  header *h = (header *)(c->data + c->used);
  c->used += need;
  c->handed_out++;
  h->chunk = c;
  return h + 1;
}

void b24_json_alloc_free(void *p) {
  if (!p) return;
  header *h = (header *)p - 1;
  chunk *c = h->chunk;
  if (!c) free(h);
  else if (atomic_fetch_sub(&c->balance, 1) == 1) chunk_give_back(c);
}

void b24_json_alloc_install(void) {
#ifndef B24_JSON_ALLOC_OFF
  /* valgrind's tools come in by LD_PRELOAD (vgpreload_*.so) */
  const char *pre = getenv("LD_PRELOAD");
  if (pre && strstr(pre, "vgpreload")) return;
  json_set_alloc_funcs(b24_json_alloc, b24_json_alloc_free);
#endif
}

void b24_json_alloc_thread_end(void) {
  chunk *c = current;
  if (!c) return;
  current = NULL;
  pthread_setspecific(thread_key, NULL);
  chunk_retire(c);
}

long b24_json_alloc_live_chunks(void) { return atomic_load(&live_chunks); }
