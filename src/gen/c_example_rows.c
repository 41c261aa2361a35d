/* Result rows from a response example (see c_example_rows.h). */
#include "gen/c_example_rows.h"

#include <stdio.h>
#include <string.h>

enum { MAX_DEPTH = 4 };

/* A key the portal uses for a list with keys ({"1": {...}, "2": {...}}). */
static bool is_index(const char *key) {
  return *key && strspn(key, "0123456789") == strlen(key);
}

/* true for an object whose keys are all indexes: PHP's list with keys. */
static bool is_keyed_list(const json_t *v) {
  if (!json_is_object(v) || !json_object_size(v)) return false;
  const char *key;
  json_t *item;
  json_object_foreach((json_t *)v, key, item)
    if (!is_index(key) || !json_is_object(item)) return false;
  return true;
}

static void set_type(b24_arena *a, b24_param *p, const char *base, bool array) {
  p->type.alts = b24_arena_alloc(a, sizeof *p->type.alts);
  p->type.alts[0].base = b24_arena_strdup(a, base);
  p->type.alts[0].array = array;
  p->type.n_alts = 1;
  char written[64];
  snprintf(written, sizeof written, "%s%s, from the example", base, array ? "[]" : "");
  p->type.written = b24_arena_strdup(a, written);
}

static void add_rows_of(b24_arena *a, const json_t *obj, b24_loc loc, int depth, b24_params *rows);

/* The row for key with value v (v not null); false when v tells nothing. */
static bool row_of(b24_arena *a, const char *key, const json_t *v, b24_loc loc, int depth,
                   b24_param *p) {
  memset(p, 0, sizeof *p);
  p->name = b24_arena_strdup(a, key);
  p->loc = loc;
  if (json_is_string(v)) set_type(a, p, "string", false);
  else if (json_is_integer(v)) set_type(a, p, "integer", false);
  else if (json_is_real(v)) set_type(a, p, "double", false);
  else if (json_is_boolean(v)) set_type(a, p, "boolean", false);
  else if (depth >= MAX_DEPTH) return false;
  else if (is_keyed_list(v) || (json_is_array(v) && json_array_size(v) &&
                                json_is_object(json_array_get(v, 0)))) {
    /* A list of objects: the union of the items' keys. */
    set_type(a, p, "object", true);
    const char *k;
    json_t *item;
    size_t i;
    if (json_is_array(v)) {
      json_array_foreach(v, i, item)
        if (json_is_object(item)) add_rows_of(a, item, loc, depth + 1, &p->children);
    } else {
      json_object_foreach((json_t *)v, k, item) add_rows_of(a, item, loc, depth + 1, &p->children);
    }
    if (!p->children.n) return false;
  } else if (json_is_object(v) && json_object_size(v)) {
    set_type(a, p, "object", false);
    add_rows_of(a, v, loc, depth + 1, &p->children);
    if (!p->children.n) return false;
  } else if (json_is_array(v) && json_array_size(v)) {
    const json_t *first = json_array_get(v, 0);
    set_type(a, p, json_is_integer(first) ? "integer" : json_is_string(first) ? "string" : "any", true);
  } else return false;
  return true;
}

/* Adds a row for each key of obj that rows do not have yet. */
static void add_rows_of(b24_arena *a, const json_t *obj, b24_loc loc, int depth, b24_params *rows) {
  const char *key;
  json_t *v;
  json_object_foreach((json_t *)obj, key, v) {
    bool known = false;
    for (size_t i = 0; i < rows->n && !known; i++) known = !strcmp(rows->items[i].name, key);
    b24_param p;
    if (known || json_is_null(v) || !row_of(a, key, v, loc, depth, &p)) continue;
    rows->items = b24_arena_grow(a, rows->items, rows->n * sizeof *rows->items,
                                 (rows->n + 1) * sizeof *rows->items);
    rows->items[rows->n++] = p;
  }
}

bool c_example_row(b24_arena *a, const json_t *v, b24_loc loc, b24_param *out) {
  return v && !json_is_null(v) && row_of(a, "result", v, loc, 0, out);
}
