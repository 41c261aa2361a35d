#include "util/arena.h"
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

struct b24_arena_chunk {
  b24_arena_chunk *next;
  size_t cap, used;
  _Alignas(16) unsigned char data[];
};

enum { CHUNK_MIN = 64 * 1024 };

void b24_arena_init(b24_arena *a) { a->head = NULL; a->used_total = 0; }

void b24_arena_free(b24_arena *a) {
  b24_arena_chunk *c = a->head;
  while (c) {
    b24_arena_chunk *n = c->next;
    free(c);
    c = n;
  }
  a->head = NULL;
  a->used_total = 0;
}

/* Memory the caller fills completely: no zeroing. */
static void *alloc_raw(b24_arena *a, size_t n) {
  n = (n + 15) & ~(size_t)15;
  if (n == 0) n = 16;
  b24_arena_chunk *c = a->head;
  if (!c || c->cap - c->used < n) {
    size_t cap = n > CHUNK_MIN ? n : CHUNK_MIN;
    c = malloc(sizeof *c + cap);
    if (!c) { fputs("b24spec: out of memory\n", stderr); abort(); }
    c->cap = cap;
    c->used = 0;
    /* A large one-off block goes behind the head so the head keeps its free space. */
    if (a->head && cap == n && a->head->cap - a->head->used > 4096) {
      c->next = a->head->next;
      a->head->next = c;
    } else {
      c->next = a->head;
      a->head = c;
    }
  }
  void *p = c->data + c->used;
  c->used += n;
  a->used_total += n;
  return p;
}

void *b24_arena_alloc(b24_arena *a, size_t n) {
  void *p = alloc_raw(a, n);
  memset(p, 0, n);
  return p;
}

char *b24_arena_strndup(b24_arena *a, const char *s, size_t n) {
  if (!s) return NULL;
  char *d = alloc_raw(a, n + 1);
  memcpy(d, s, n);
  d[n] = 0;
  return d;
}

char *b24_arena_strdup(b24_arena *a, const char *s) {
  return s ? b24_arena_strndup(a, s, strlen(s)) : NULL;
}

void *b24_arena_grow(b24_arena *a, void *old, size_t old_bytes, size_t new_bytes) {
  unsigned char *p = alloc_raw(a, new_bytes);
  size_t keep = old && old_bytes ? (old_bytes < new_bytes ? old_bytes : new_bytes) : 0;
  if (keep) memcpy(p, old, keep);
  memset(p + keep, 0, new_bytes - keep);
  return p;
}

void b24_arena_adopt(b24_arena *a, b24_arena *from) {
  if (!from->head) return;
  /* Behind a's head, so that a keeps allocating from its own current block. */
  b24_arena_chunk *last = from->head;
  while (last->next) last = last->next;
  if (a->head) {
    last->next = a->head->next;
    a->head->next = from->head;
  } else {
    a->head = from->head;
  }
  a->used_total += from->used_total;
  from->head = NULL;
  from->used_total = 0;
}

void *b24_heap_grow(void *p, size_t *cap, size_t elem) {
  size_t ncap = *cap ? *cap * 2 : 8;
  void *q = realloc(p, ncap * elem);
  if (!q) { fputs("b24spec: out of memory\n", stderr); abort(); }
  memset((unsigned char *)q + *cap * elem, 0, (ncap - *cap) * elem);
  *cap = ncap;
  return q;
}

void *b24_arena_settle(b24_arena *a, void *p, size_t bytes) {
  void *d = NULL;
  if (bytes) {
    d = alloc_raw(a, bytes);
    memcpy(d, p, bytes);
  }
  free(p);
  return d;
}

void *b24_heap_from(const void *p, size_t n, size_t *cap, size_t elem) {
  *cap = 0;
  void *q = NULL;
  while (*cap < n) q = b24_heap_grow(q, cap, elem);
  if (n) memcpy(q, p, n * elem);
  return q;
}
