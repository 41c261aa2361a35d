/* Validation from the model's parameter tables. Values are judged as the
 * portal's PHP judges them: numbers and flags may come as strings (always so in
 * a form-encoded request), an object may come as an array (PHP has one array
 * type), an empty value counts as absent. Enum lists and variants are not
 * enforced: the docs' lists are often incomplete. */
#include "mock/validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef enum { K_ANY, K_INT, K_NUM, K_BOOL, K_STR, K_OBJ, K_ARR } kind;

static kind kind_of(const b24_type_alt *a) {
  static const struct { const char *word; kind k; } words[] = {
      {"integer", K_INT}, {"int", K_INT},       {"double", K_NUM},  {"float", K_NUM},
      {"number", K_NUM},  {"decimal", K_NUM},   {"boolean", K_BOOL}, {"bool", K_BOOL},
      {"string", K_STR},  {"text", K_STR},      {"char", K_STR},    {"date", K_STR},
      {"datetime", K_STR}, {"object", K_OBJ},   {"array", K_ARR},
  };
  for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
    if (!strcmp(a->base, words[i].word)) return words[i].k;
  return K_ANY; /* dictionary words and linked object types: ids, codes, objects */
}

static int is_int_text(const char *s) {
  while (*s == ' ') s++;
  if (*s == '-') s++;
  if (*s < '0' || *s > '9') return 0;
  while (*s >= '0' && *s <= '9') s++;
  while (*s == ' ') s++;
  return *s == 0;
}

static int is_num_text(const char *s) {
  char *end;
  strtod(s, &end);
  while (*end == ' ') end++;
  return end != s && *end == 0;
}

static int is_empty(const json_t *v) {
  return !v || json_is_null(v) || (json_is_string(v) && json_string_length(v) == 0);
}

static int scalar_fits(kind k, const json_t *v) {
  const char *s = json_is_string(v) ? json_string_value(v) : NULL;
  switch (k) {
  case K_ANY: return 1;
  case K_INT:
    return json_is_integer(v) || (json_is_real(v) && json_real_value(v) == (double)(long long)json_real_value(v)) ||
           (s && is_int_text(s));
  case K_NUM: return json_is_number(v) || (s && is_num_text(s));
  case K_BOOL:
    if (json_is_boolean(v)) return 1;
    if (json_is_integer(v)) return json_integer_value(v) == 0 || json_integer_value(v) == 1;
    if (!s) return 0;
    static const char *const flags[] = {"Y", "N", "true", "false", "1", "0"};
    for (size_t i = 0; i < 6; i++)
      if (!strcasecmp(s, flags[i])) return 1;
    return 0;
  case K_STR: return json_is_string(v) || json_is_number(v) || json_is_boolean(v);
  case K_OBJ:
  case K_ARR: return json_is_object(v) || json_is_array(v);
  }
  return 1;
}

/* Does v fit one of the alternatives of t? Arrays of a scalar type check each
 * element (of a JSON array or of a PHP-style keyed object). */
static int fits_type(const b24_type *t, const json_t *v) {
  if (t->n_alts == 0 || is_empty(v)) return 1;
  for (size_t i = 0; i < t->n_alts; i++) {
    const b24_type_alt *a = &t->alts[i];
    kind k = kind_of(a);
    if (!a->array) {
      if (scalar_fits(k, v)) return 1;
      continue;
    }
    if (!json_is_array(v) && !json_is_object(v)) continue;
    int all = 1;
    if (json_is_array(v)) {
      size_t j;
      json_t *e;
      json_array_foreach(v, j, e) if (!is_empty(e) && !scalar_fits(k, e)) all = 0;
    } else {
      const char *key;
      json_t *e;
      json_object_foreach((json_t *)v, key, e) if (!is_empty(e) && !scalar_fits(k, e)) all = 0;
    }
    if (all) return 1;
  }
  return 0;
}

static void set_field(mock_violation *v, const char *prefix, const char *name) {
  if (prefix && *prefix) snprintf(v->field, sizeof v->field, "%s.%s", prefix, name);
  else snprintf(v->field, sizeof v->field, "%s", name);
}

/* One pass over a parameter table: missing required ones (checks has
 * MOCK_CHECK_REQUIRED) or wrong types (MOCK_CHECK_TYPES), recursing into objects
 * and arrays of objects whose fields the docs list. */
static int check_params(const b24_params *ps, const json_t *obj, const char *prefix, int check,
                        int depth, mock_violation *v) {
  if (depth > 16) return 0;
  for (size_t i = 0; i < ps->n; i++) {
    const b24_param *p = &ps->items[i];
    if (p->wildcard) continue;
    const json_t *val = json_is_object(obj) ? json_object_get(obj, p->name) : NULL;
    if (check == MOCK_CHECK_REQUIRED && p->required && is_empty(val)) {
      v->kind = MOCK_MISSING;
      set_field(v, prefix, p->name);
      return 1;
    }
    if (check == MOCK_CHECK_TYPES && !fits_type(&p->type, val)) {
      v->kind = MOCK_WRONG_TYPE;
      set_field(v, prefix, p->name);
      snprintf(v->type, sizeof v->type, "%s", p->type.written ? p->type.written : "");
      return 1;
    }
    if (!p->children.n || is_empty(val)) continue;
    char path[256];
    snprintf(path, sizeof path, "%s%s%s", prefix ? prefix : "", prefix && *prefix ? "." : "",
             p->name);
    if (json_is_object(val) && !(p->type.n_alts && p->type.alts[0].array)) {
      if (check_params(&p->children, val, path, check, depth + 1, v)) return 1;
    } else if (json_is_array(val)) {
      size_t j;
      json_t *e;
      json_array_foreach(val, j, e) if (json_is_object(e) &&
                                        check_params(&p->children, e, path, check, depth + 1, v))
          return 1;
    }
  }
  return 0;
}

/* The portal's PHP reads parameters case-insensitively on most methods (the docs
 * of crm.deal.get name `id`, its example sends `ID`). */
static void normalize_case(const b24_params *ps, json_t *params) {
  for (size_t i = 0; i < ps->n; i++) {
    const char *name = ps->items[i].name;
    if (ps->items[i].wildcard || json_object_get(params, name)) continue;
    const char *key;
    json_t *val;
    json_object_foreach(params, key, val) {
      if (strcasecmp(key, name)) continue;
      json_incref(val);
      json_object_del(params, key);
      json_object_set_new(params, name, val);
      break;
    }
  }
}

mock_violation_kind mock_validate(const b24_method *meth, json_t *params, int checks,
                                  mock_violation *v) {
  memset(v, 0, sizeof *v);
  normalize_case(&meth->params, params);
  if ((checks & MOCK_CHECK_REQUIRED) &&
      check_params(&meth->params, params, "", MOCK_CHECK_REQUIRED, 0, v))
    return v->kind;
  if ((checks & MOCK_CHECK_TYPES) && check_params(&meth->params, params, "", MOCK_CHECK_TYPES, 0, v))
    return v->kind;
  return MOCK_VALID;
}

long long mock_id_value(const json_t *v) {
  if (json_is_integer(v)) return json_integer_value(v);
  if (json_is_real(v) && json_real_value(v) >= 0 && json_real_value(v) < 9e15)
    return (long long)json_real_value(v);
  if (json_is_string(v) && is_int_text(json_string_value(v)))
    return strtoll(json_string_value(v), NULL, 10);
  return -1;
}
