/* Evidence from examples: which JSON types the docs' example bodies send for
 * each parameter, and their response examples return for each result field;
 * then whether those values fit the table's (resolved) type.
 *
 * Every example with a JSON object body counts (cURL, JS and PHP bodies, their
 * literal values only, model/bodies.h). A value is matched to the parameter of
 * its key (the documented spelling first, then ignoring case), and objects and
 * lists of objects are followed into the parameter's children, or into the
 * fields of the object type the parameter links to. Wildcard rows (UF_*) take
 * no evidence: they stand for many keys. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "model/bodies.h"
#include "model/derive.h"

enum { MAX_DEPTH = 16 };

static int is_integral(double x) { return x > -1e15 && x < 1e15 && x == (double)(long long)x; }

static unsigned kind_of(const json_t *v) {
  switch (json_typeof(v)) {
  case JSON_NULL: return B24_JSON_KIND_NULL;
  case JSON_TRUE: case JSON_FALSE: return B24_JSON_KIND_BOOLEAN;
  case JSON_INTEGER: return B24_JSON_KIND_INTEGER;
  case JSON_REAL: /* 1.0 is an integer in JSON's terms (and written back as 1) */
    return is_integral(json_real_value(v)) ? B24_JSON_KIND_INTEGER : B24_JSON_KIND_NUMBER;
  case JSON_STRING: return B24_JSON_KIND_STRING;
  case JSON_ARRAY: return B24_JSON_KIND_ARRAY;
  default: return B24_JSON_KIND_OBJECT;
  }
}

static b24_param *param_for_key(b24_params *ps, const char *key) {
  for (size_t i = 0; i < ps->n; i++)
    if (!ps->items[i].wildcard && !strcmp(ps->items[i].name, key)) return &ps->items[i];
  for (size_t i = 0; i < ps->n; i++)
    if (!ps->items[i].wildcard && !strcasecmp(ps->items[i].name, key)) return &ps->items[i];
  return NULL;
}

/* The fields a value of p is described by: its children, else those of the
 * object type its first linked alternative names. */
static b24_params *fields_of(const b24_model *m, b24_param *p) {
  if (p->children.n) return &p->children;
  for (size_t a = 0; a < p->type.n_alts; a++) {
    const char *id = p->type.alts[a].ref ? p->type.alts[a].ref : p->type.alts[a].reference_target;
    const b24_object_type *o = id ? b24_model_find_object(m, id) : NULL;
    if (o && o->fields.n) return (b24_params *)&o->fields;
  }
  return NULL;
}

typedef void (*visit_fn)(const b24_model *m, b24_param *p, const json_t *v, int line);

/* Calls visit for every (parameter, value) pair of obj against ps, nested. */
static void walk(const b24_model *m, b24_params *ps, const json_t *obj, int line, visit_fn visit,
                 int depth) {
  if (depth > MAX_DEPTH || !json_is_object(obj)) return;
  const char *k;
  json_t *v;
  json_object_foreach((json_t *)obj, k, v) {
    b24_param *p = param_for_key(ps, k);
    if (!p) continue;
    visit(m, p, v, line);
    b24_params *fs = fields_of(m, p);
    if (!fs) continue;
    if (json_is_object(v)) walk(m, fs, v, line, visit, depth + 1);
    else if (json_is_array(v)) {
      size_t i;
      json_t *e;
      json_array_foreach(v, i, e) walk(m, fs, e, line, visit, depth + 1);
    }
  }
}

/* Every example value of one method, through visit. */
static void walk_method(const b24_model *m, b24_method *x, visit_fn visit) {
  for (size_t e = 0; e < x->n_examples; e++) {
    /* values an example computes ($(date), new Date(), $id) are no evidence */
    json_t *body = b24_example_literal_body(x, &x->examples[e]);
    if (body) walk(m, &x->params, body, x->examples[e].loc.line, visit, 0);
    json_decref(body);
  }
  if (json_is_object(x->response.example))
    walk(m, &x->response.fields, x->response.example, x->response.example_loc.line, visit, 0);
}

static void clear(b24_params *ps, int depth) {
  if (depth > MAX_DEPTH) return;
  for (size_t i = 0; i < ps->n; i++) {
    ps->items[i].evidence = (b24_evidence){0};
    clear(&ps->items[i].children, depth + 1);
    for (size_t v = 0; v < ps->items[i].n_variants; v++) clear(&ps->items[i].variants[v].children, depth + 1);
  }
}

static void record_kind(const b24_model *m, b24_param *p, const json_t *v, int line) {
  (void)m;
  if (!p->evidence.values) p->evidence.line = line;
  p->evidence.values++;
  p->evidence.kinds |= kind_of(v);
}

void b24_derive_evidence(b24_model *m) {
  for (size_t i = 0; i < m->n_methods; i++) {
    clear(&m->methods[i].params, 0);
    clear(&m->methods[i].response.fields, 0);
  }
  for (size_t i = 0; i < m->n_objects; i++) clear(&m->objects[i].fields, 0);
  for (size_t i = 0; i < m->n_methods; i++) walk_method(m, &m->methods[i], record_kind);
}

/* ---- does a value fit a type ---- */

static int is_digits(const char *s) {
  if (*s == '-') s++;
  if (!*s) return 0;
  for (; *s; s++)
    if (!isdigit((unsigned char)*s)) return 0;
  return 1;
}

static int is_decimal(const char *s) {
  int digits = 0, dot = 0;
  if (*s == '-') s++;
  for (; *s; s++) {
    if (isdigit((unsigned char)*s)) digits++;
    else if (*s == '.' && !dot) dot = 1;
    else return 0;
  }
  return digits > 0;
}

static int word_is(const char *w, const char *const *set) {
  for (; *set; set++)
    if (!strcmp(w, *set)) return 1;
  return 0;
}

/* Whether v is a value of alternative a, as the portal (PHP) reads it: numbers
 * come as strings, booleans as Y/N or 1/0, an empty object as []. Words that
 * are not plain JSON types (dictionary words, object types without a field
 * table) take anything: the docs do not say enough to disagree. */
static int fits_alt(const b24_model *m, const b24_type_alt *a, const json_t *v) {
  static const char *const strings[] = {"string", "text", "char", "date", "datetime", "enum", NULL};
  static const char *const integers[] = {"integer", "timestamp", NULL};
  if (a->array || !strcmp(a->base, "array")) return json_is_array(v) || json_is_object(v);
  /* `sale_status.id`: the type of that field of the object, where the
   * dictionary describes it (sale_status.id is a string: "DN") */
  const char *dot = a->reference ? strchr(a->reference, '.') : NULL;
  const b24_object_type *o = dot && a->reference_target ? b24_model_find_object(m, a->reference_target) : NULL;
  for (size_t i = 0; dot && !o && i < m->n_objects; i++) /* the word, where no link says which */
    if (m->objects[i].name && strlen(m->objects[i].name) == (size_t)(dot - a->reference) &&
        !strncasecmp(m->objects[i].name, a->reference, (size_t)(dot - a->reference)))
      o = &m->objects[i];
  for (size_t i = 0; o && i < o->fields.n; i++) {
    const b24_param *f = &o->fields.items[i];
    if (strcasecmp(f->name, dot + 1) || !f->type.n_alts) continue;
    for (size_t k = 0; k < f->type.n_alts; k++)
      if (!f->type.alts[k].reference && fits_alt(m, &f->type.alts[k], v)) return 1;
    return 0;
  }
  const char *b = a->base;
  /* [`integer`](data-types.md#object_type): a plain type linked to the list of
   * its values is that type, not the object at the anchor */
  int scalar = word_is(b, strings) || word_is(b, integers) || !strcmp(b, "double") ||
               !strcmp(b, "boolean");
  if (!strcmp(b, "object") || (a->ref && !scalar))
    return json_is_object(v) || (json_is_array(v) && !json_array_size(v));
  if (!strcmp(b, "time")) return json_is_object(v) || json_is_string(v); /* the time object, or hh:mm */
  if (word_is(b, integers))
    return kind_of(v) == B24_JSON_KIND_INTEGER || (json_is_string(v) && is_digits(json_string_value(v)));
  if (!strcmp(b, "double"))
    return json_is_number(v) || (json_is_string(v) && is_decimal(json_string_value(v)));
  if (!strcmp(b, "boolean")) {
    if (json_is_boolean(v)) return 1;
    if (json_is_integer(v)) return json_integer_value(v) == 0 || json_integer_value(v) == 1;
    static const char *const flags[] = {"Y", "N", "1", "0", "true", "false", "", NULL};
    return json_is_string(v) && word_is(json_string_value(v), flags);
  }
  if (word_is(b, strings)) return json_is_string(v) || json_is_number(v);
  const b24_type_word *w = b24_model_find_type_word(m, b);
  if (w && w->scalar) {
    b24_type_alt s = {.base = w->scalar};
    return fits_alt(m, &s, v);
  }
  return 1;
}

/* A value for the reader to replace ("your_recurring_invoice_id",
 * "**put_id_here**", "<ID>"): it stands for a value, of whatever type. */
static int placeholder(const json_t *v) {
  if (!json_is_string(v)) return 0;
  const char *s = json_string_value(v);
  size_t n = strlen(s);
  if (strstr(s, "**") || (n > 2 && s[0] == '<' && s[n - 1] == '>')) return 1;
  static const char *const w[] = {"your_", "put_", "YOUR_", "PUT_"};
  for (size_t i = 0; i < sizeof w / sizeof *w; i++)
    if (!strncmp(s, w[i], strlen(w[i]))) return 1;
  return 0;
}

static void check_fit(const b24_model *m, b24_param *p, const json_t *v, int line) {
  (void)line;
  if (json_is_null(v) || !p->type.n_alts || placeholder(v)) return; /* the docs rarely write `| null` */
  for (size_t a = 0; a < p->type.n_alts; a++)
    if (fits_alt(m, &p->type.alts[a], v)) return;
  p->evidence.disagrees = 1;
}

void b24_derive_disagreement(b24_model *m) {
  for (size_t i = 0; i < m->n_methods; i++) walk_method(m, &m->methods[i], check_fit);
}
