/* Schema-driven request bodies for the suite (see suite_synth.h). A value is
 * built for every property from its schema, the whole body is validated the
 * way the portal reads it, and whatever the validator points at is removed
 * until the body passes: one validation per round instead of one per value. */
#include "gen/suite_synth.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/bodies.h"
#include "model/family.h"
#include "suite/vars.h"
#include "util/buf.h"
#include "util/jsonschema.h"

#define MAX_DEPTH 6
#define MAX_ROUNDS 24

typedef struct synth {
  const json_t *root;
  const b24_method *meth;
  const char *method;
  unsigned seed;
  suite_synth_scope scope;
  int branch; /* the if/then variant of an object to fill in (its index in allOf); -1: none */
} synth;

/* FNV-1a over the seed, the method and the path: a value's own stable hash, so
 * that the order methods are generated in (in parallel) changes nothing. */
static unsigned long long mix(unsigned seed, const char *method, const char *path) {
  unsigned long long h = 1469598103934665603ULL ^ seed;
  for (const char *s = method; s && *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ULL;
  h = (h ^ '/') * 1099511628211ULL;
  for (const char *s = path; s && *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ULL;
  return h;
}

void suite_synth_mark(unsigned seed, const char *method, const char *path, char *out, size_t n) {
  snprintf(out, n, "b24spec-s%u-%06llx", seed, mix(seed, method, path) & 0xffffffULL);
}

static json_t *value(const synth *s, const json_t *schema, b24_buf *path, int depth);

/* The candidates a string schema with a pattern may take: the docs' patterns
 * are numeric ids and codes. */
static json_t *string_value(const synth *s, const json_t *schema, const char *path) {
  const char *pattern = json_string_value(json_object_get(schema, "pattern"));
  if (pattern && strstr(pattern, "[0-9]")) return json_string("1");
  /* schema/schema.c says a date's format in the description, not in "format"
   * (the docs' own examples write dates in several forms) */
  const char *desc = json_string_value(json_object_get(schema, "description"));
  if (desc && strstr(desc, "A date and time, YYYY-MM-DD")) return json_string("2026-01-15T10:30:00+03:00");
  if (desc && strstr(desc, "A date, YYYY-MM-DD")) return json_string("2026-01-15");
  char mark[64];
  suite_synth_mark(s->seed, s->method, path, mark, sizeof mark);
  const json_t *max = json_object_get(schema, "maxLength");
  if (json_is_integer(max) && (size_t)json_integer_value(max) < strlen(mark))
    mark[json_integer_value(max) > 0 ? json_integer_value(max) : 0] = 0;
  return json_string(mark);
}

/* The variant s->branch of an object whose schema picks members by a
 * discriminator (allOf of {"if": {KEY: enum}, "then": {properties}}, as
 * schema/schema.c writes a tabbed table): the discriminator set to the
 * variant's first value, the variant's members filled in. */
/* Sets a value for each of props on o (an object already there keeps the
 * members the new one lacks). */
static void fill_members(const synth *s, const json_t *props, json_t *o, b24_buf *path, int depth) {
  const char *k;
  json_t *v;
  json_object_foreach((json_t *)props, k, v) {
    size_t mark = path->len;
    b24_buf_printf(path, "%s%s", mark ? "." : "", k);
    json_t *x = value(s, v, path, depth + 1);
    path->len = mark;
    path->data[mark] = 0;
    const json_t *had = json_object_get(o, k);
    if (x && json_is_object(had) && json_is_object(x)) json_object_update_missing(x, (json_t *)had);
    if (x) json_object_set_new(o, k, x);
  }
}

/* Alternative s->branch of an object typed by anyOf/oneOf of object shapes
 * (a per-variant table without a discriminator): its members filled in. */
static void apply_alternative(const synth *s, const json_t *schema, json_t *o, b24_buf *path,
                              int depth) {
  const json_t *alts = json_object_get(schema, "anyOf");
  if (!alts) alts = json_object_get(schema, "oneOf");
  const json_t *alt = s->branch >= 0 ? json_array_get(alts, (size_t)s->branch) : NULL;
  fill_members(s, json_object_get(alt, "properties"), o, path, depth);
}

static void apply_variant(const synth *s, const json_t *schema, json_t *o, b24_buf *path, int depth) {
  apply_alternative(s, schema, o, path, depth);
  const json_t *all = json_object_get(schema, "allOf");
  int n = 0;
  size_t i;
  json_t *branch;
  json_array_foreach(all, i, branch) {
    const json_t *when = json_object_get(branch, "if"), *then = json_object_get(branch, "then");
    if (!when || !then || n++ != s->branch) continue;
    const char *k;
    json_t *v;
    json_object_foreach(json_object_get(when, "properties"), k, v) {
      const json_t *e = json_object_get(v, "enum");
      if (json_array_size(e)) json_object_set(o, k, json_array_get(e, 0));
    }
    fill_members(s, json_object_get(then, "properties"), o, path, depth);
  }
}

static json_t *of_type(const synth *s, const json_t *schema, const char *type, b24_buf *path,
                       int depth) {
  if (!strcmp(type, "object")) {
    json_t *o = json_object();
    const json_t *req = json_object_get(schema, "required");
    const char *key;
    json_t *ps;
    json_object_foreach(json_object_get(schema, "properties"), key, ps) {
      int required = 0;
      size_t i;
      json_t *r;
      json_array_foreach(req, i, r) if (json_is_string(r) && !strcmp(json_string_value(r), key)) required = 1;
      if (!required && s->scope == SUITE_SYNTH_REQUIRED) continue;
      size_t mark = path->len;
      b24_buf_printf(path, "%s%s", mark ? "." : "", key);
      json_t *v = value(s, ps, path, depth + 1);
      path->len = mark;
      path->data[mark] = 0;
      if (v) json_object_set_new(o, key, v);
    }
    apply_variant(s, schema, o, path, depth);
    return o;
  }
  if (!strcmp(type, "array")) {
    const json_t *items = json_object_get(schema, "items");
    json_t *a = json_array();
    if (json_is_object(items) && json_object_size(items)) {
      json_t *v = value(s, items, path, depth + 1);
      if (v) json_array_append_new(a, v);
    }
    return a;
  }
  if (!strcmp(type, "integer")) {
    const json_t *min = json_object_get(schema, "minimum"), *max = json_object_get(schema, "maximum");
    long long v = 1;
    if (json_is_number(min) && v < json_number_value(min)) v = (long long)json_number_value(min);
    if (json_is_number(max) && v > json_number_value(max)) v = (long long)json_number_value(max);
    return json_integer(v);
  }
  if (!strcmp(type, "number")) return json_real(1.5);
  if (!strcmp(type, "boolean")) return json_true();
  if (!strcmp(type, "null")) return json_null();
  return string_value(s, schema, path->data ? path->data : "");
}

/* The type to build for a schema's "type" (a word or a list): a number before
 * a numeric string (an id), a scalar before a container (the portal takes an
 * object's id where the docs type a parameter by the object), anything before
 * null. */
static const char *pick_type(const json_t *t) {
  if (json_is_string(t)) return json_string_value(t);
  static const char *const order[] = {"integer", "number", "string", "boolean", "object", "array", "null"};
  for (size_t k = 0; k < sizeof order / sizeof *order; k++) {
    size_t i;
    json_t *v;
    json_array_foreach(t, i, v) if (json_is_string(v) && !strcmp(json_string_value(v), order[k])) return order[k];
  }
  return NULL;
}

/* For a parameter the docs give no type: an id by its name ("CONFIG_ID",
 * "taskId") is a number, anything else text. */
static const char *untyped_guess(const char *path) {
  const char *name = strrchr(path, '.');
  name = name ? name + 1 : path;
  size_t n = strlen(name);
  return n >= 2 && (!strcmp(name + n - 2, "ID") || !strcmp(name + n - 2, "Id") ||
                    !strcmp(name + n - 2, "id"))
             ? "integer"
             : "string";
}

/* The scalar the docs' own literal example bodies send at path, when one does:
 * a documented value beats a made-up one of the right type (event.bind takes
 * only an event the portal knows, such as the example's ONCRMLEADADD). */
static json_t *example_scalar(const synth *s, const json_t *schema, const char *path) {
  const json_t *t = json_object_get(schema, "type");
  if (!json_is_string(t) || json_object_get(schema, "pattern") || json_object_get(schema, "format"))
    return NULL; /* only where the example's value is certain to fit: one plain type */
  const char *type = json_string_value(t);
  const b24_example *ex[16];
  size_t n = b24_method_literal_bodies(s->meth, ex, 16);
  for (size_t i = 0; i < n && i < 16 && path && *path; i++) {
    const json_t *v = b24_jpath_get(ex[i]->body, path);
    if ((!strcmp(type, "string") && json_is_string(v)) ||
        (!strcmp(type, "integer") && json_is_integer(v)) ||
        (!strcmp(type, "boolean") && json_is_boolean(v)))
      return json_deep_copy(v);
  }
  return NULL;
}

static json_t *value(const synth *s, const json_t *schema, b24_buf *path, int depth) {
  if (!json_is_object(schema) || depth > MAX_DEPTH) return NULL;
  const json_t *v;
  if ((v = json_object_get(schema, "$ref"))) {
    const json_t *target = b24_jsonschema_resolve_ref(s->root, json_string_value(v));
    return target ? value(s, target, path, depth + 1) : NULL;
  }
  if ((v = json_object_get(schema, "const"))) return json_deep_copy(v);
  if ((v = json_object_get(schema, "enum")) && json_array_size(v)) {
    /* a documented member, the seed choosing which */
    size_t n = json_array_size(v);
    return json_deep_copy(json_array_get(v, mix(s->seed, s->method, path->data) % n));
  }
  if ((v = json_object_get(schema, "default")) && !json_is_null(v)) return json_deep_copy(v);
  if ((v = json_object_get(schema, "examples")) && json_array_size(v))
    return json_deep_copy(json_array_get(v, 0));
  json_t *documented = example_scalar(s, schema, path->data);
  if (documented) return documented;
  const json_t *t = json_object_get(schema, "type");
  const char *type = t ? pick_type(t) : NULL;
  if (!type) {
    static const char *const branches[] = {"oneOf", "anyOf", "allOf"};
    for (size_t i = 0; i < 3; i++)
      if ((v = json_object_get(schema, branches[i])) && json_array_size(v))
        return value(s, json_array_get(v, 0), path, depth + 1);
    if (json_object_get(schema, "properties")) type = "object";
    else if (!json_object_size(schema) || (json_object_size(schema) == 1 && json_object_get(schema, "description")))
      type = untyped_guess(path->data ? path->data : ""); /* any value will do: one by the name */
    else return NULL; /* the docs do not pin the value down */
  }
  return of_type(s, schema, type, path, depth);
}

int suite_validate_params(const b24_method *meth, const json_t *schema, const json_t *body,
                          int flags, b24_buf *errors) {
  json_t *read = json_deep_copy(body);
  b24_params_as_portal_reads(meth, read);
  int n = b24_jsonschema_validate_ex(schema, read, flags, errors);
  json_decref(read);
  return n;
}

/* Removes what an error line "#/a/b/0/c: ..." points at from body: the member
 * named by the last key (an array element's whole array: its items share one
 * schema; an object missing a required member: the object). 0 when the line
 * points at the body itself. */
static int remove_at(json_t *body, const char *line) {
  const char *colon = strstr(line, ": ");
  if (!colon || line[0] != '#') return 0;
  json_t *parent = NULL, *cur = body;
  char key[256] = "";
  const char *p = line + 1;
  while (p < colon && *p == '/') {
    p++;
    size_t n = 0;
    char seg[256];
    while (p < colon && *p != '/' && n + 1 < sizeof seg) {
      if (*p == '~' && p + 1 < colon) {
        seg[n++] = p[1] == '0' ? '~' : '/';
        p += 2;
      } else seg[n++] = *p++;
    }
    seg[n] = 0;
    if (json_is_array(cur)) break; /* remove the array itself */
    if (!json_is_object(cur)) break;
    parent = cur;
    snprintf(key, sizeof key, "%s", seg);
    cur = json_object_get(cur, seg);
    if (!cur) break;
  }
  if (!parent) return 0;
  return json_object_del(parent, key) == 0;
}

json_t *suite_synth_body(const b24_method *meth, const json_t *params_schema,
                         suite_synth_scope scope, unsigned seed) {
  return suite_synth_variant(meth, params_schema, scope, seed, -1);
}

/* The most if/then variants any object of schema has (depth-limited walk). */
static int count_variants(const json_t *v, int depth) {
  if (depth > 8) return 0;
  int most = 0, here = 0;
  if (json_is_object(v)) {
    const json_t *all = json_object_get(v, "allOf");
    size_t i;
    json_t *b;
    json_array_foreach(all, i, b) if (json_object_get(b, "if") && json_object_get(b, "then")) here++;
    static const char *const alts[] = {"anyOf", "oneOf"};
    for (int a = 0; a < 2; a++) {
      int shapes = 0;
      json_array_foreach(json_object_get(v, alts[a]), i, b) if (json_object_get(b, "properties")) shapes++;
      if (shapes > here) here = shapes;
    }
    const char *k;
    json_t *c;
    json_object_foreach((json_t *)v, k, c) {
      int n = count_variants(c, depth + 1);
      if (n > most) most = n;
    }
  } else if (json_is_array(v)) {
    size_t i;
    json_t *c;
    json_array_foreach(v, i, c) {
      int n = count_variants(c, depth + 1);
      if (n > most) most = n;
    }
  }
  return here > most ? here : most;
}

int suite_synth_variants(const json_t *params_schema) { return count_variants(params_schema, 0); }

json_t *suite_synth_variant(const b24_method *meth, const json_t *params_schema,
                            suite_synth_scope scope, unsigned seed, int branch) {
  synth s = {.root = params_schema, .meth = meth, .method = meth->name, .seed = seed, .scope = scope, .branch = branch};
  b24_buf path = B24_BUF_INIT;
  b24_buf_puts(&path, "");
  json_t *body = of_type(&s, params_schema, "object", &path, 0);
  b24_buf_free(&path);
  b24_buf errs = B24_BUF_INIT;
  for (int round = 0; round < MAX_ROUNDS; round++) {
    b24_buf_clear(&errs);
    if (!suite_validate_params(meth, params_schema, body, 0, &errs) &&
        !suite_validate_params(meth, params_schema, body, B24_JSONSCHEMA_FORM_SCALARS, NULL)) {
      b24_buf_free(&errs);
      return body;
    }
    int removed = 0;
    for (const char *line = errs.data; line && *line;) {
      const char *nl = strchr(line, '\n');
      removed += remove_at(body, line);
      line = nl ? nl + 1 : NULL;
    }
    if (!removed) break;
  }
  b24_buf_free(&errs);
  json_decref(body);
  return NULL;
}
