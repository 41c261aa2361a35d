/* JSON Schema 2020-12 validation for the keywords listed in jsonschema.h. */
#include "util/jsonschema.h"

#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "util/json_text.h"
#include "util/regex_cache.h"

#define MAX_DEPTH 128

typedef struct vctx {
  const json_t *root;
  int flags;
  b24_buf *errors;  /* NULL while trying a branch of anyOf/oneOf/if/not */
  b24_buf ptr;      /* JSON pointer of the instance being checked */
  int depth;
} vctx;

static int validate(vctx *c, const json_t *s, const json_t *inst);

static int fail(vctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(vctx *c, const char *fmt, ...) {
  if (!c->errors) return 1;
  b24_buf_printf(c->errors, "#%s: ", c->ptr.len ? c->ptr.data : "");
  va_list ap;
  va_start(ap, fmt);
  b24_buf_vprintf(c->errors, fmt, ap);
  va_end(ap);
  b24_buf_putc(c->errors, '\n');
  return 1;
}

/* Appends "/" + token (escaped as RFC 6901 says); returns the old length to restore. */
static size_t ptr_push(vctx *c, const char *token) {
  size_t old = c->ptr.len;
  b24_buf_putc(&c->ptr, '/');
  for (const char *p = token; *p; p++) {
    if (*p == '~') b24_buf_puts(&c->ptr, "~0");
    else if (*p == '/') b24_buf_puts(&c->ptr, "~1");
    else b24_buf_putc(&c->ptr, *p);
  }
  return old;
}

static size_t ptr_push_index(vctx *c, size_t i) {
  size_t old = c->ptr.len;
  b24_buf_putc(&c->ptr, '/');
  b24_buf_put_uint(&c->ptr, i);
  return old;
}

static void ptr_pop(vctx *c, size_t old) {
  c->ptr.len = old;
  if (c->ptr.data) c->ptr.data[old] = 0;
}

/* ---- scalars ----------------------------------------------------------- */

static int real_is_integral(const json_t *v) {
  double d = json_real_value(v);
  return isfinite(d) && floor(d) == d;
}

/* A form value's text read as a number: the whole string, no blanks. */
static int text_number(const char *s, double *out) {
  if (!*s || strchr(" \t\n\r", *s)) return 0;
  char *end;
  double d = strtod(s, &end);
  if (*end || !isfinite(d)) return 0;
  if (out) *out = d;
  return 1;
}

static int text_boolean(const char *s) {
  return !strcmp(s, "true") || !strcmp(s, "false") || !strcmp(s, "Y") || !strcmp(s, "N") ||
         !strcmp(s, "1") || !strcmp(s, "0");
}

static int has_type(vctx *c, const json_t *inst, const char *t) {
  int form = (c->flags & B24_JSONSCHEMA_FORM_SCALARS) && json_is_string(inst);
  const char *sv = form ? json_string_value(inst) : NULL;
  double d;
  if (!strcmp(t, "object")) return json_is_object(inst);
  if (!strcmp(t, "array")) return json_is_array(inst);
  if (!strcmp(t, "string")) return json_is_string(inst);
  if (!strcmp(t, "null")) return json_is_null(inst);
  if (!strcmp(t, "boolean")) return json_is_boolean(inst) || (form && text_boolean(sv));
  if (!strcmp(t, "number")) return json_is_number(inst) || (form && text_number(sv, NULL));
  if (!strcmp(t, "integer"))
    return json_is_integer(inst) || (json_is_real(inst) && real_is_integral(inst)) ||
           (form && text_number(sv, &d) && floor(d) == d);
  return 0;
}

static const char *type_name(const json_t *v) {
  switch (json_typeof(v)) {
  case JSON_OBJECT: return "object";
  case JSON_ARRAY: return "array";
  case JSON_STRING: return "string";
  case JSON_INTEGER: return "integer";
  case JSON_REAL: return "number";
  case JSON_TRUE: case JSON_FALSE: return "boolean";
  default: return "null";
  }
}

/* Equality as JSON Schema means it (1 == 1.0), plus, for form values, a string
 * equal to the text of a number or boolean. */
static int json_same(vctx *c, const json_t *a, const json_t *b) {
  if (json_is_number(a) && json_is_number(b)) return json_number_value(a) == json_number_value(b);
  if ((c->flags & B24_JSONSCHEMA_FORM_SCALARS) && json_is_string(b) && !json_is_string(a)) {
    const char *s = json_string_value(b);
    double d;
    if (json_is_number(a)) return text_number(s, &d) && d == json_number_value(a);
    if (json_is_true(a)) return !strcmp(s, "true") || !strcmp(s, "Y") || !strcmp(s, "1");
    if (json_is_false(a)) return !strcmp(s, "false") || !strcmp(s, "N") || !strcmp(s, "0");
  }
  if (json_is_array(a) && json_is_array(b)) {
    if (json_array_size(a) != json_array_size(b)) return 0;
    for (size_t i = 0; i < json_array_size(a); i++)
      if (!json_same(c, json_array_get(a, i), json_array_get(b, i))) return 0;
    return 1;
  }
  return json_equal(a, b);
}

static size_t utf8_length(const char *s) {
  size_t n = 0;
  for (; *s; s++) n += ((unsigned char)*s & 0xC0) != 0x80;
  return n;
}

/* ECMA-262 patterns as the generators write them are POSIX ERE as well; each is
 * compiled once (regex_cache.c), as every answer's strings are matched. */
static int pattern_matches(const char *re, const char *s, int *bad) {
  int m = b24_regex_match(re, s);
  *bad = m < 0;
  return m > 0;
}

/* ---- $ref -------------------------------------------------------------- */

const json_t *b24_jsonschema_resolve_ref(const json_t *root, const char *ref) {
  if (ref[0] != '#') return NULL;
  const json_t *cur = root;
  const char *p = ref + 1;
  b24_buf tok = B24_BUF_INIT;
  while (cur && *p == '/') {
    p++;
    b24_buf_clear(&tok);
    for (; *p && *p != '/'; p++) {
      if (p[0] == '~' && p[1] == '0') b24_buf_putc(&tok, '~'), p++;
      else if (p[0] == '~' && p[1] == '1') b24_buf_putc(&tok, '/'), p++;
      else b24_buf_putc(&tok, *p);
    }
    const char *t = tok.data ? tok.data : "";
    if (json_is_object(cur)) cur = json_object_get(cur, t);
    else if (json_is_array(cur)) {
      char *end;
      unsigned long i = strtoul(t, &end, 10);
      cur = *t && !*end ? json_array_get(cur, i) : NULL;
    } else cur = NULL;
  }
  b24_buf_free(&tok);
  return *p ? NULL : cur;
}

/* ---- keywords ---------------------------------------------------------- */

/* The keywords of one schema object, gathered in one pass over its keys: the
 * checks looked up some twenty keywords by name for every node validated (the
 * runner validates every answer), in schemas that have three or four keys. */
typedef struct keywords {
  const json_t *ref, *type, *const_, *enum_;
  const json_t *properties, *pattern_properties, *additional, *required;
  const json_t *prefix_items, *items, *min_items, *max_items;
  const json_t *pattern, *format, *min_length, *max_length, *minimum, *maximum;
  const json_t *all_of, *any_of, *one_of, *not_, *if_, *then_, *else_;
} keywords;

static void gather(const json_t *s, keywords *k) {
  static const struct {
    const char *name;
    size_t at;
  } known[] = {
      {"$ref", offsetof(keywords, ref)},
      {"type", offsetof(keywords, type)},
      {"const", offsetof(keywords, const_)},
      {"enum", offsetof(keywords, enum_)},
      {"properties", offsetof(keywords, properties)},
      {"patternProperties", offsetof(keywords, pattern_properties)},
      {"additionalProperties", offsetof(keywords, additional)},
      {"required", offsetof(keywords, required)},
      {"prefixItems", offsetof(keywords, prefix_items)},
      {"items", offsetof(keywords, items)},
      {"minItems", offsetof(keywords, min_items)},
      {"maxItems", offsetof(keywords, max_items)},
      {"pattern", offsetof(keywords, pattern)},
      {"format", offsetof(keywords, format)},
      {"minLength", offsetof(keywords, min_length)},
      {"maxLength", offsetof(keywords, max_length)},
      {"minimum", offsetof(keywords, minimum)},
      {"maximum", offsetof(keywords, maximum)},
      {"allOf", offsetof(keywords, all_of)},
      {"anyOf", offsetof(keywords, any_of)},
      {"oneOf", offsetof(keywords, one_of)},
      {"not", offsetof(keywords, not_)},
      {"if", offsetof(keywords, if_)},
      {"then", offsetof(keywords, then_)},
      {"else", offsetof(keywords, else_)},
  };
  memset(k, 0, sizeof *k);
  const char *key;
  json_t *v;
  json_object_foreach((json_t *)s, key, v) {
    for (size_t i = 0; i < sizeof known / sizeof *known; i++)
      if (known[i].name[0] == key[0] && !strcmp(known[i].name, key)) {
        *(const json_t **)((char *)k + known[i].at) = v;
        break;
      }
  }
}

/* Runs s on inst without recording errors: for anyOf, oneOf, if and not. */
static int quietly_valid(vctx *c, const json_t *s, const json_t *inst) {
  b24_buf *saved = c->errors;
  c->errors = NULL;
  int n = validate(c, s, inst);
  c->errors = saved;
  return n == 0;
}

static int check_type(vctx *c, const json_t *t, const json_t *inst) {
  if (json_is_string(t)) {
    if (has_type(c, inst, json_string_value(t))) return 0;
    return fail(c, "expected %s, got %s", json_string_value(t), type_name(inst));
  }
  if (!json_is_array(t)) return 0;
  size_t i;
  json_t *v;
  json_array_foreach(t, i, v) {
    if (json_is_string(v) && has_type(c, inst, json_string_value(v))) return 0;
  }
  b24_buf want = B24_BUF_INIT;
  json_array_foreach(t, i, v) b24_buf_printf(&want, "%s%s", i ? " or " : "", json_string_value(v));
  fail(c, "expected %s, got %s", want.data ? want.data : "nothing", type_name(inst));
  b24_buf_free(&want);
  return 1;
}

static int check_object(vctx *c, const keywords *kw, const json_t *inst) {
  int n = 0;
  const json_t *props = kw->properties, *patterns = kw->pattern_properties;
  const json_t *additional = kw->additional, *req = kw->required;
  size_t i;
  json_t *v;
  json_array_foreach(req, i, v) {
    if (json_is_string(v) && !json_object_get(inst, json_string_value(v)))
      n += fail(c, "required property \"%s\" is missing", json_string_value(v));
  }
  const char *k;
  json_t *val;
  json_object_foreach((json_t *)inst, k, val) {
    int matched = 0;
    size_t old = ptr_push(c, k);
    const json_t *ps = props ? json_object_get(props, k) : NULL;
    if (ps) {
      matched = 1;
      n += validate(c, ps, val);
    }
    const char *re;
    json_t *pschema;
    json_object_foreach((json_t *)patterns, re, pschema) {
      int bad = 0;
      if (pattern_matches(re, k, &bad)) {
        matched = 1;
        n += validate(c, pschema, val);
      } else if (bad) n += fail(c, "schema pattern /%s/ does not compile", re);
    }
    if (!matched && additional) {
      if (json_is_false(additional)) n += fail(c, "property is not allowed");
      else if (json_is_object(additional)) n += validate(c, additional, val);
    }
    ptr_pop(c, old);
  }
  return n;
}

static int check_array(vctx *c, const keywords *kw, const json_t *inst) {
  int n = 0;
  const json_t *prefix = kw->prefix_items, *items = kw->items;
  const json_t *min = kw->min_items, *max = kw->max_items;
  size_t size = json_array_size(inst), n_prefix = json_array_size(prefix);
  if (json_is_integer(min) && (json_int_t)size < json_integer_value(min))
    n += fail(c, "expected at least %lld items, got %zu", (long long)json_integer_value(min), size);
  if (json_is_integer(max) && (json_int_t)size > json_integer_value(max))
    n += fail(c, "expected at most %lld items, got %zu", (long long)json_integer_value(max), size);
  for (size_t i = 0; i < size; i++) {
    const json_t *sub = i < n_prefix ? json_array_get(prefix, i) : items;
    if (!sub) continue;
    size_t old = ptr_push_index(c, i);
    if (json_is_false(sub)) n += fail(c, "no item allowed here");
    else if (json_is_object(sub)) n += validate(c, sub, json_array_get(inst, i));
    ptr_pop(c, old);
  }
  return n;
}

static int check_string(vctx *c, const keywords *kw, const json_t *inst) {
  int n = 0;
  const char *str = json_string_value(inst);
  const json_t *pat = kw->pattern;
  if (json_is_string(pat)) {
    int bad = 0;
    if (!pattern_matches(json_string_value(pat), str, &bad))
      n += bad ? fail(c, "schema pattern /%s/ does not compile", json_string_value(pat))
               : fail(c, "\"%.60s\" does not match /%s/", str, json_string_value(pat));
  }
  if (json_is_string(kw->format) &&
      b24_jsonschema_format_ok(json_string_value(kw->format), str, c->flags) == 0)
    n += fail(c, "\"%.60s\" is not a valid %s", str, json_string_value(kw->format));
  const json_t *min = kw->min_length, *max = kw->max_length;
  if (json_is_integer(min) || json_is_integer(max)) {
    json_int_t len = (json_int_t)utf8_length(str);
    if (json_is_integer(min) && len < json_integer_value(min))
      n += fail(c, "shorter than %lld characters", (long long)json_integer_value(min));
    if (json_is_integer(max) && len > json_integer_value(max))
      n += fail(c, "longer than %lld characters", (long long)json_integer_value(max));
  }
  return n;
}

static int check_number(vctx *c, const keywords *kw, double d) {
  int n = 0;
  const json_t *min = kw->minimum, *max = kw->maximum;
  if (json_is_number(min) && d < json_number_value(min))
    n += fail(c, "%g is less than %g", d, json_number_value(min));
  if (json_is_number(max) && d > json_number_value(max))
    n += fail(c, "%g is greater than %g", d, json_number_value(max));
  return n;
}

static int check_enum(vctx *c, const json_t *e, const json_t *inst) {
  size_t i;
  json_t *v;
  json_array_foreach(e, i, v) {
    if (json_same(c, v, inst)) return 0;
  }
  char *text = b24_json_dumps(inst, JSON_ENCODE_ANY | JSON_COMPACT);
  fail(c, "%.60s is not one of the allowed values", text ? text : "?");
  free(text);
  return 1;
}

static int check_combinators(vctx *c, const keywords *kw, const json_t *inst) {
  int n = 0;
  size_t i;
  json_t *sub;
  json_array_foreach(kw->all_of, i, sub) n += validate(c, sub, inst);
  const json_t *any = kw->any_of;
  if (json_is_array(any)) {
    int ok = 0;
    json_array_foreach(any, i, sub) {
      if ((ok = quietly_valid(c, sub, inst))) break;
    }
    if (!ok) n += fail(c, "matches none of the %zu anyOf alternatives", json_array_size(any));
  }
  const json_t *one = kw->one_of;
  if (json_is_array(one)) {
    size_t ok = 0;
    json_array_foreach(one, i, sub) ok += (size_t)quietly_valid(c, sub, inst);
    if (ok != 1) n += fail(c, "matches %zu of the oneOf alternatives, not exactly one", ok);
  }
  const json_t *not_ = kw->not_;
  if (json_is_object(not_) && quietly_valid(c, not_, inst)) n += fail(c, "matches the \"not\" schema");
  const json_t *if_ = kw->if_;
  if (if_) {
    const json_t *branch = quietly_valid(c, if_, inst) ? kw->then_ : kw->else_;
    if (branch) n += validate(c, branch, inst);
  }
  return n;
}

static int validate(vctx *c, const json_t *s, const json_t *inst) {
  if (json_is_true(s)) return 0;
  if (json_is_false(s)) return fail(c, "no value is allowed here");
  if (!json_is_object(s)) return 0;
  if (++c->depth > MAX_DEPTH) {
    c->depth--;
    return fail(c, "schema nesting deeper than %d ($ref loop?)", MAX_DEPTH);
  }
  int n = 0;
  keywords kw;
  gather(s, &kw);
  const json_t *ref = kw.ref;
  if (json_is_string(ref)) {
    const json_t *target = b24_jsonschema_resolve_ref(c->root, json_string_value(ref));
    n += target ? validate(c, target, inst) : fail(c, "cannot resolve $ref %s", json_string_value(ref));
  }
  int type_ok = 1;
  if (kw.type) type_ok = check_type(c, kw.type, inst) == 0, n += !type_ok;
  if (kw.const_ && !json_same(c, kw.const_, inst)) n += fail(c, "is not the constant the schema requires");
  if (json_is_array(kw.enum_)) n += check_enum(c, kw.enum_, inst);
  if (type_ok) { /* keywords of a type apply only to instances of that type */
    if (json_is_object(inst)) n += check_object(c, &kw, inst);
    else if (json_is_array(inst)) n += check_array(c, &kw, inst);
    else if (json_is_string(inst)) n += check_string(c, &kw, inst);
    if (json_is_number(inst)) n += check_number(c, &kw, json_number_value(inst));
  }
  n += check_combinators(c, &kw, inst);
  c->depth--;
  return n;
}

int b24_jsonschema_validate_ex(const json_t *schema, const json_t *instance, int flags,
                               b24_buf *errors) {
  vctx c = {schema, flags, errors, B24_BUF_INIT, 0};
  b24_buf_puts(&c.ptr, "");
  int n = validate(&c, schema, instance);
  b24_buf_free(&c.ptr);
  return n;
}

int b24_jsonschema_validate(const json_t *schema, const json_t *instance, b24_buf *errors) {
  return b24_jsonschema_validate_ex(schema, instance, 0, errors);
}
