/* Decoders of result struct members (see b24/stub.h): lenient like b24/decode.h, and
 * each failure recorded with the path of the value ("result.items[2].ID"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Appends ".key" (or "key" at the start, "[key]" for an index) to the path; returns the
 * length to restore. A path that does not fit is cut, never overflowed. */
static size_t push_text(b24_decoder *d, const char *sep, const char *text, const char *end) {
  size_t old = d->len;
  int w = snprintf(d->path + d->len, sizeof d->path - d->len, "%s%s%s", d->len ? sep : "",
                   text, end);
  if (w > 0) d->len += (size_t)w < sizeof d->path - d->len ? (size_t)w : sizeof d->path - d->len - 1;
  return old;
}

size_t b24rt_dec_push(b24_decoder *d, const char *key) { return push_text(d, ".", key, ""); }

static size_t push_index(b24_decoder *d, size_t i) {
  char n[32];
  snprintf(n, sizeof n, "[%zu", i);
  size_t old = d->len;
  push_text(d, "", n, "]");
  return old;
}

static void pop(b24_decoder *d, size_t len) {
  d->len = len;
  d->path[len] = '\0';
}

/* Records a failure of the value at the current path. */
static void fail_here(b24_decoder *d, const char *what) {
  b24_decode_report *r = d->report;
  if (r->errors++ == 0)
    snprintf(r->first, sizeof r->first, "%s: %s", d->len ? d->path : "(answer)", what);
}

void b24rt_dec_fail(b24_decoder *d, const char *key, const char *what) {
  size_t old = b24rt_dec_push(d, key);
  fail_here(d, what);
  pop(d, old);
}

/* Missing, null and "" leave a scalar unset without an error. */
static bool is_unset(const json_t *v) {
  return !v || json_is_null(v) || (json_is_string(v) && !*json_string_value(v));
}

void b24rt_dec_scalar(b24_decoder *d, const json_t *v, b24_value_kind kind, void *out) {
  if (kind == B24_VALUE_STR) {
    if (!v || json_is_null(v)) return;
    if (b24_json_as_str(v, out) != 0) fail_here(d, "not a string");
    return;
  }
  if (is_unset(v)) return;
  if (kind == B24_VALUE_INT) {
    b24_opt_int *o = out;
    if (b24_json_as_int(v, &o->value) == 0) o->set = true;
    else fail_here(d, "not an integer");
  } else if (kind == B24_VALUE_DOUBLE) {
    b24_opt_double *o = out;
    if (b24_json_as_double(v, &o->value) == 0) o->set = true;
    else fail_here(d, "not a number");
  } else if (kind == B24_VALUE_BOOL) {
    b24_opt_bool *o = out;
    if (b24_json_as_bool(v, &o->value) == 0) o->set = true;
    else fail_here(d, "not a boolean");
  }
}

/* The member `key` of obj decoded as a scalar of `kind`, with the key in the path. */
static void member_scalar(b24_decoder *d, const json_t *obj, const char *key,
                          b24_value_kind kind, void *out) {
  const json_t *v = json_object_get(obj, key);
  if (!v) return;
  size_t old = b24rt_dec_push(d, key);
  b24rt_dec_scalar(d, v, kind, out);
  pop(d, old);
}

void b24_dec_int(b24_decoder *d, const json_t *obj, const char *key, b24_opt_int *out) {
  member_scalar(d, obj, key, B24_VALUE_INT, out);
}

void b24_dec_double(b24_decoder *d, const json_t *obj, const char *key, b24_opt_double *out) {
  member_scalar(d, obj, key, B24_VALUE_DOUBLE, out);
}

void b24_dec_bool(b24_decoder *d, const json_t *obj, const char *key, b24_opt_bool *out) {
  member_scalar(d, obj, key, B24_VALUE_BOOL, out);
}

void b24_dec_str(b24_decoder *d, const json_t *obj, const char *key, const char **out) {
  member_scalar(d, obj, key, B24_VALUE_STR, out);
}

/* Values that stand for "nothing" where an object or a list is expected. */
static bool is_empty(const json_t *v) {
  return !v || json_is_null(v) || json_is_false(v) ||
         (json_is_string(v) && !*json_string_value(v)) ||
         (json_is_array(v) && !json_array_size(v));
}

const json_t *b24_dec_object(b24_decoder *d, const json_t *json) {
  if (json_is_object(json)) return json;
  if (!is_empty(json)) fail_here(d, "not an object");
  return NULL;
}

void b24_dec_struct(b24_decoder *d, const json_t *obj, const char *key, void *out,
                    b24_decode_fn decode) {
  const json_t *v = json_object_get(obj, key);
  if (!v) return;
  size_t old = b24rt_dec_push(d, key);
  const json_t *o = b24_dec_object(d, v);
  if (o) decode(d, o, out);
  pop(d, old);
}

void *b24rt_dec_items_of(b24_decoder *d, const json_t *v, size_t *n, size_t size,
                         b24_decode_fn decode) {
  *n = 0;
  if (is_empty(v)) return NULL;
  if (!json_is_array(v) && !json_is_object(v)) {
    fail_here(d, "not a list");
    return NULL;
  }
  size_t count = json_is_array(v) ? json_array_size(v) : json_object_size(v);
  char *items = calloc(count, size);
  if (!items) {
    fail_here(d, "out of memory");
    return NULL;
  }
  size_t i = 0;
  const char *key;
  json_t *item;
  if (json_is_array(v)) {
    json_array_foreach(v, i, item) {
      size_t old = push_index(d, i);
      const json_t *o = b24_dec_object(d, item);
      if (o) decode(d, o, items + i * size);
      pop(d, old);
    }
  } else {
    json_object_foreach((json_t *)v, key, item) {
      size_t old = b24rt_dec_push(d, key);
      const json_t *o = b24_dec_object(d, item);
      if (o) decode(d, o, items + i * size);
      pop(d, old);
      i++;
    }
  }
  *n = count;
  return items;
}

void *b24_dec_items(b24_decoder *d, const json_t *obj, const char *key, size_t *n, size_t size,
                    b24_decode_fn decode) {
  *n = 0;
  const json_t *v = json_object_get(obj, key);
  if (!v) return NULL;
  size_t old = b24rt_dec_push(d, key);
  void *items = b24rt_dec_items_of(d, v, n, size, decode);
  pop(d, old);
  return items;
}

void *b24rt_dec_list_of(b24_decoder *d, const json_t *v, b24_value_kind kind, size_t *n) {
  *n = 0;
  if (is_empty(v)) return NULL;
  if (!json_is_array(v) && !json_is_object(v)) {
    fail_here(d, "not a list");
    return NULL;
  }
  size_t count = json_is_array(v) ? json_array_size(v) : json_object_size(v);
  size_t size = kind == B24_VALUE_INT ? sizeof(long long) : sizeof(const char *);
  char *items = calloc(count, size);
  if (!items) {
    fail_here(d, "out of memory");
    return NULL;
  }
  void *it = json_is_object(v) ? json_object_iter((json_t *)v) : NULL;
  for (size_t i = 0; i < count; i++) {
    const json_t *item = it ? json_object_iter_value(it) : json_array_get(v, i);
    size_t old = it ? b24rt_dec_push(d, json_object_iter_key(it)) : push_index(d, i);
    if (kind == B24_VALUE_INT) {
      b24_opt_int x = {false, 0};
      b24rt_dec_scalar(d, item, kind, &x);
      memcpy(items + i * size, &x.value, size);
    } else {
      b24rt_dec_scalar(d, item, kind, items + i * size);
    }
    pop(d, old);
    if (it) it = json_object_iter_next((json_t *)v, it);
  }
  *n = count;
  return items;
}

/* obj[key] as a list of `kind`, with the key in the path. */
static void *member_list(b24_decoder *d, const json_t *obj, const char *key, b24_value_kind kind,
                         size_t *n) {
  *n = 0;
  const json_t *v = json_object_get(obj, key);
  if (!v) return NULL;
  size_t old = b24rt_dec_push(d, key);
  void *items = b24rt_dec_list_of(d, v, kind, n);
  pop(d, old);
  return items;
}

void *b24_dec_int_list(b24_decoder *d, const json_t *obj, const char *key, size_t *n) {
  return member_list(d, obj, key, B24_VALUE_INT, n);
}

void *b24_dec_str_list(b24_decoder *d, const json_t *obj, const char *key, size_t *n) {
  return member_list(d, obj, key, B24_VALUE_STR, n);
}

void b24_free_items(void *items, size_t n, size_t size, b24_release_fn release) {
  for (size_t i = 0; items && release && i < n; i++) release((char *)items + i * size);
  free(items);
}
