#include "mock/list_query.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const json_t *get_icase(const json_t *obj, const char *key) {
  const char *k;
  json_t *v;
  json_object_foreach((json_t *)obj, k, v) if (!strcasecmp(k, key)) return v;
  return NULL;
}

/* One REST 3.0 condition into the classic filter c: [field, value] or
 * [field, op, value]. */
static void v3_condition(json_t *c, const json_t *cond) {
  static const char *const same[] = {"=", "!=", ">", ">=", "<", "<="};
  size_t n = json_array_size(cond);
  const char *field = json_string_value(json_array_get(cond, 0));
  const char *op = n == 3 ? json_string_value(json_array_get(cond, 1)) : "=";
  json_t *v = json_array_get(cond, n - 1);
  if (!field || !op || (n != 2 && n != 3)) return;
  char key[256];
  for (size_t i = 0; i < sizeof same / sizeof *same; i++)
    if (!strcmp(op, same[i])) {
      snprintf(key, sizeof key, "%s%s", op, field);
      json_object_set(c, key, v);
      return;
    }
  if (!strcasecmp(op, "in") && json_is_array(v)) {
    snprintf(key, sizeof key, "@%s", field);
    json_object_set(c, key, v);
  } else if (!strcasecmp(op, "between") && json_array_size(v) == 2) {
    snprintf(key, sizeof key, ">=%s", field);
    json_object_set(c, key, json_array_get(v, 0));
    snprintf(key, sizeof key, "<=%s", field);
    json_object_set(c, key, json_array_get(v, 1));
  }
}

void mock_list_query_read(const json_t *params, mock_list_query *q) {
  memset(q, 0, sizeof *q);
  const json_t *f = get_icase(params, "filter"), *o = get_icase(params, "order"),
               *s = get_icase(params, "select"), *st = get_icase(params, "start");
  q->filter = json_is_object(f) ? f : NULL;
  if (json_is_array(f) && json_array_size(f)) {
    q->owned = json_object();
    size_t i;
    json_t *cond;
    json_array_foreach(f, i, cond) if (json_is_array(cond)) v3_condition(q->owned, cond);
    q->filter = q->owned;
  }
  q->order = json_is_object(o) ? o : NULL;
  q->select = json_is_array(s) && json_array_size(s) ? s : NULL;
  if (json_is_integer(st)) q->start = json_integer_value(st);
  else if (json_is_string(st)) q->start = strtoll(json_string_value(st), NULL, 10);
  if (q->start < -1) q->start = 0;
}

void mock_list_query_free(mock_list_query *q) {
  json_decref(q->owned);
  q->owned = NULL;
  q->filter = NULL;
}

/* A scalar as text; NULL for containers and null. buf holds numbers. */
static const char *text_of(const json_t *v, char *buf, size_t n) {
  if (json_is_string(v)) return json_string_value(v);
  if (json_is_integer(v)) snprintf(buf, n, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
  else if (json_is_real(v)) snprintf(buf, n, "%.17g", json_real_value(v));
  else if (json_is_boolean(v)) snprintf(buf, n, "%s", json_is_true(v) ? "Y" : "N");
  else return NULL;
  return buf;
}

static int as_number(const char *s, double *d) {
  char *end;
  if (!s || !*s || isspace((unsigned char)*s)) return 0;
  *d = strtod(s, &end);
  return !*end && isfinite(*d);
}

/* -1, 0, 1: numbers as numbers, else text ignoring case; a missing value first. */
static int compare_values(const json_t *a, const json_t *b) {
  if (json_is_integer(a) && json_is_integer(b)) { /* ids: no detour through text */
    json_int_t x = json_integer_value(a), y = json_integer_value(b);
    return (x > y) - (x < y);
  }
  char ba[64], bb[64];
  const char *ta = text_of(a, ba, sizeof ba), *tb = text_of(b, bb, sizeof bb);
  if (!ta || !tb) return (ta != NULL) - (tb != NULL);
  double da, db;
  if (as_number(ta, &da) && as_number(tb, &db)) return (da > db) - (da < db);
  int c = strcasecmp(ta, tb);
  return (c > 0) - (c < 0);
}

static int contains_icase(const char *hay, const char *needle) {
  size_t n = strlen(needle);
  for (const char *p = hay; *p; p++)
    if (!strncasecmp(p, needle, n)) return 1;
  return !n;
}

/* A field of a layered record: the first layer that has it. */
static const json_t *field_of(const mock_list_record *r, const char *key) {
  for (size_t i = 0; i < r->n; i++) {
    const json_t *v = get_icase(r->layer[i], key);
    if (v) return v;
  }
  return NULL;
}

/* One condition: the operator prefix of key applied to the record's field. */
static bool condition(const char *key, const json_t *want, const mock_list_record *rec) {
  static const char *const ops[] = {"!@", "!=", ">=", "<=", "=%", "%=", "@", "!", ">", "<", "%", "="};
  const char *op = "";
  for (size_t i = 0; i < sizeof ops / sizeof *ops; i++)
    if (!strncmp(key, ops[i], strlen(ops[i]))) {
      op = ops[i];
      break;
    }
  const json_t *have = field_of(rec, key + strlen(op));
  if (!strcmp(op, "@") || !strcmp(op, "!@")) {
    bool in = false;
    size_t i;
    json_t *w;
    if (json_is_array(want)) json_array_foreach(want, i, w) if (compare_values(have, w) == 0 && have) in = true;
    return op[0] == '!' ? !in : in;
  }
  if (json_is_array(want)) { /* a list for "=": any of them */
    size_t i;
    json_t *w;
    bool any = false;
    json_array_foreach(want, i, w) if (have && compare_values(have, w) == 0) any = true;
    return !strcmp(op, "!") || !strcmp(op, "!=") ? !any : any;
  }
  char bh[64], bw[64];
  const char *th = have ? text_of(have, bh, sizeof bh) : NULL, *tw = text_of(want, bw, sizeof bw);
  if (!strcmp(op, "%") || !strcmp(op, "=%") || !strcmp(op, "%=")) {
    if (!th || !tw) return false;
    size_t lh = strlen(th), lw = strlen(tw);
    if (!strcmp(op, "%")) return contains_icase(th, tw);
    if (lw > lh) return false;
    return !strncasecmp(op[0] == '=' ? th : th + lh - lw, tw, lw);
  }
  int c = compare_values(have ? have : json_null(), want);
  bool missing = !th;
  if (!strcmp(op, "!") || !strcmp(op, "!=")) return missing ? tw && *tw : c != 0;
  if (missing) return !tw || !*tw ? !strcmp(op, "") || !strcmp(op, "=") : false;
  if (!strcmp(op, ">")) return c > 0;
  if (!strcmp(op, ">=")) return c >= 0;
  if (!strcmp(op, "<")) return c < 0;
  if (!strcmp(op, "<=")) return c <= 0;
  return c == 0;
}

bool mock_list_matches_record(const mock_list_query *q, const mock_list_record *rec) {
  if (!q->filter) return true;
  const char *k;
  json_t *v;
  json_object_foreach((json_t *)q->filter, k, v) if (!condition(k, v, rec)) return false;
  return true;
}

bool mock_list_matches(const mock_list_query *q, const json_t *rec) {
  mock_list_record r = {{rec}, 1};
  return mock_list_matches_record(q, &r);
}

int mock_list_compare_records(const mock_list_query *q, const mock_list_record *a,
                              const mock_list_record *b) {
  if (!q->order) return 0;
  const char *k;
  json_t *dir;
  json_object_foreach((json_t *)q->order, k, dir) {
    int c = compare_values(field_of(a, k), field_of(b, k));
    const char *d = json_string_value(dir);
    if (d && !strcasecmp(d, "desc")) c = -c;
    if (c) return c;
  }
  return 0;
}

int mock_list_compare(const mock_list_query *q, const json_t *a, const json_t *b) {
  mock_list_record x = {{a}, 1}, y = {{b}, 1};
  return mock_list_compare_records(q, &x, &y);
}

static bool selected(const json_t *select, const char *key) {
  size_t i;
  json_t *s;
  json_array_foreach(select, i, s) {
    const char *w = json_string_value(s);
    if (!w) continue;
    size_t n = strlen(w);
    if (!strcmp(w, "*")) return true;
    if (n && w[n - 1] == '*' ? !strncasecmp(key, w, n - 1) : !strcasecmp(key, w)) return true;
  }
  return false;
}

void mock_list_project(const mock_list_query *q, json_t *rec, const char *id_key) {
  if (!q->select) return;
  const char *k;
  json_t *v;
  void *tmp;
  json_object_foreach_safe(rec, tmp, k, v) {
    if ((id_key && !strcasecmp(k, id_key)) || selected(q->select, k)) continue;
    json_object_del(rec, k);
  }
}
