/* Filter conditions and sort orders of list methods (see b24/list.h): the operator is a
 * key prefix. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "b24/list.h"
#include "internal.h"

const char *b24_filter_op_prefix(b24_filter_op op) {
  static const char *const PREFIX[] = {
      [B24_EQ] = "=",        [B24_NE] = "!=",      [B24_NOT] = "!",      [B24_GT] = ">",
      [B24_GE] = ">=",       [B24_LT] = "<",       [B24_LE] = "<=",      [B24_IN] = "@",
      [B24_NOT_IN] = "!@",   [B24_LIKE] = "%",     [B24_NOT_LIKE] = "!%", [B24_PATTERN] = "=%",
      [B24_PATTERN_2] = "%=", [B24_BETWEEN] = "><", [B24_NOT_BETWEEN] = "!><"};
  return (unsigned)op < sizeof PREFIX / sizeof *PREFIX ? PREFIX[op] : "";
}

int b24rt_filter_set(json_t *filter, b24_filter_op op, const char *field, json_t *value) {
  if (!value) return -1;
  if (!json_is_object(filter) || !field) {
    json_decref(value);
    return -1;
  }
  const char *prefix = b24_filter_op_prefix(op);
  size_t n = strlen(prefix) + strlen(field) + 1;
  char *key = malloc(n);
  if (!key) {
    json_decref(value);
    return -1;
  }
  snprintf(key, n, "%s%s", prefix, field);
  int rc = json_object_set_new(filter, key, value) == 0 ? 0 : -1;
  free(key);
  return rc;
}

/* The condition into f, whose object is made on the first one (value stolen). */
static int set_condition(b24_filter *f, b24_filter_op op, const char *field, json_t *value) {
  if (f && !f->json) f->json = json_object();
  if (!f || !f->json) {
    json_decref(value);
    return -1;
  }
  return b24rt_filter_set(f->json, op, field, value);
}

void b24_filter_free(b24_filter *f) {
  if (!f) return;
  json_decref(f->json);
  f->json = NULL;
}

int b24_order_by(b24_order *o, const char *field, b24_order_dir dir) {
  if (o && !o->json) o->json = json_object();
  if (!o || !o->json || !field) return -1;
  return json_object_set_new(o->json, field, json_string(dir == B24_DESC ? "DESC" : "ASC")) ? -1 : 0;
}

void b24_order_free(b24_order *o) {
  if (!o) return;
  json_decref(o->json);
  o->json = NULL;
}

int b24_filter_int(b24_filter *filter, b24_filter_op op, const char *field, long long v) {
  return set_condition(filter, op, field, json_integer(v));
}

int b24_filter_double(b24_filter *filter, b24_filter_op op, const char *field, double v) {
  return set_condition(filter, op, field, json_real(v));
}

int b24_filter_str(b24_filter *filter, b24_filter_op op, const char *field, const char *v) {
  return set_condition(filter, op, field, v ? json_string(v) : NULL);
}

int b24_filter_yn(b24_filter *filter, b24_filter_op op, const char *field, bool v) {
  return set_condition(filter, op, field, json_string(v ? "Y" : "N"));
}

int b24_filter_int_array(b24_filter *filter, b24_filter_op op, const char *field,
                         const long long *v, size_t n) {
  json_t *a = json_array();
  for (size_t i = 0; a && i < n; i++)
    if (json_array_append_new(a, json_integer(v[i])) != 0) json_decref(a), a = NULL;
  return set_condition(filter, op, field, a);
}

int b24_filter_str_array(b24_filter *filter, b24_filter_op op, const char *field,
                         const char *const *v, size_t n) {
  json_t *a = json_array();
  for (size_t i = 0; a && i < n; i++)
    if (!v[i] || json_array_append_new(a, json_string(v[i])) != 0) json_decref(a), a = NULL;
  return set_condition(filter, op, field, a);
}
