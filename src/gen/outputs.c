/* The set of generated files, and writing it to disk. */
#include <stdlib.h>
#include <string.h>

#include "gen/gen.h"
#include "util/json_text.h"

void b24_outputs_init(b24_outputs *o) { memset(o, 0, sizeof *o); }

void b24_outputs_free(b24_outputs *o) {
  for (size_t i = 0; i < o->n; i++) free(o->items[i].path), free(o->items[i].data);
  free(o->items);
  free(o->index);
  memset(o, 0, sizeof *o);
}

static size_t path_hash(const char *s) {
  size_t h = 1469598103934665603u;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211u;
  return h;
}

/* The slot of path in the index: its item's, or the empty one where it would go.
 * A corpus run adds ~8,000 files; a linear search for the replace rule made adding
 * them quadratic. */
static size_t *index_slot(const b24_outputs *o, const char *path) {
  size_t mask = o->index_cap - 1;
  for (size_t i = path_hash(path) & mask;; i = (i + 1) & mask) {
    size_t *slot = &o->index[i];
    if (!*slot || !strcmp(o->items[*slot - 1].path, path)) return slot;
  }
}

/* Keeps the index at most half full, so probes stay short and always end. */
static void index_grow(b24_outputs *o) {
  if (2 * (o->n + 1) <= o->index_cap) return;
  free(o->index);
  o->index_cap = o->index_cap ? 2 * o->index_cap : 256;
  while (2 * (o->n + 1) > o->index_cap) o->index_cap *= 2;
  o->index = calloc(o->index_cap, sizeof *o->index);
  if (!o->index) abort();
  for (size_t i = 0; i < o->n; i++) *index_slot(o, o->items[i].path) = i + 1;
}

void b24_outputs_add(b24_outputs *o, const char *path, char *data, size_t len) {
  index_grow(o);
  size_t *slot = index_slot(o, path);
  if (*slot) {
    b24_output *it = &o->items[*slot - 1];
    free(it->data);
    it->data = data;
    it->len = len;
    return;
  }
  if (o->n == o->cap) {
    o->cap = o->cap ? o->cap * 2 : 64;
    o->items = realloc(o->items, o->cap * sizeof *o->items);
    if (!o->items) abort();
  }
  o->items[o->n++] = (b24_output){strdup(path), data, len};
  *slot = o->n;
}

void b24_outputs_move(b24_outputs *to, b24_outputs *from) {
  for (size_t i = 0; i < from->n; i++) {
    b24_outputs_add(to, from->items[i].path, from->items[i].data, from->items[i].len);
    free(from->items[i].path);
  }
  from->n = 0;
  b24_outputs_free(from);
}

void b24_outputs_add_json(b24_outputs *o, const char *path, const json_t *j) {
  b24_buf b = B24_BUF_INIT;
  b24_json_text_append(&b, j, 2);
  b24_buf_putc(&b, '\n');
  size_t n = b.len;
  b24_outputs_add(o, path, b24_buf_take(&b), n);
}
