/* The set of generated files, and writing it to disk. */
#include <stdlib.h>
#include <string.h>

#include "gen/gen.h"

void b24_outputs_init(b24_outputs *o) { memset(o, 0, sizeof *o); }

void b24_outputs_free(b24_outputs *o) {
  for (size_t i = 0; i < o->n; i++) free(o->items[i].path), free(o->items[i].data);
  free(o->items);
  memset(o, 0, sizeof *o);
}

void b24_outputs_add(b24_outputs *o, const char *path, char *data, size_t len) {
  for (size_t i = 0; i < o->n; i++)
    if (!strcmp(o->items[i].path, path)) {
      free(o->items[i].data);
      o->items[i].data = data;
      o->items[i].len = len;
      return;
    }
  if (o->n == o->cap) {
    o->cap = o->cap ? o->cap * 2 : 64;
    o->items = realloc(o->items, o->cap * sizeof *o->items);
    if (!o->items) abort();
  }
  o->items[o->n++] = (b24_output){strdup(path), data, len};
}

void b24_outputs_add_json(b24_outputs *o, const char *path, const json_t *j) {
  char *s = json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
  size_t n = strlen(s);
  s = realloc(s, n + 2);
  s[n] = '\n';
  s[n + 1] = 0;
  b24_outputs_add(o, path, s, n + 1);
}
