/* The response example vs the "Returned Data" table: fields of `result` that the
 * example lacks, fields it has that the table does not document, and values of
 * another type than the table says.
 *
 * Where the table documents result's fields:
 *  - as result's children, or in the object its type links to (`deal` ->
 *    #deal): those fields are result's own (or its items', for a list);
 *  - else as flat rows next to `result` (the usual layout: result, then its
 *    fields, nested ones included, then time), or without a `result` row at
 *    all (crm.status.get): names are matched at any depth; without the row,
 *    the table often lists the fields of several cases (LEAD, CONTACT,
 *    COMPANY: whichever was found), so fields the example lacks are told only
 *    when it shows three in four of the documented ones.
 *    Flat rows named like the envelope (result, total) are result's fields
 *    when result holds them and the top level does not (envelope_row).
 * The value of result itself is checked against the type of its row.
 * The comparison is skipped when the two hardly overlap (the example wraps the
 * fields in another object, or the table describes something else). The
 * result of *.fields methods describes fields instead of holding them: only
 * its keys are compared (fields it has that the table lacks).
 * Missing fields are reported only for a single result object (the items of a
 * list example show what the request selected), and not for fields the table
 * says are conditional ("returned if the connector is paid", "(if any)").
 * Placeholder names (UF_CRM_...) are no fields.
 *
 * Types are compared leniently: classic REST returns numbers and flags as
 * strings ("1", "Y"), PHP writes an empty or keyed array as [] or {}, and null
 * stands for any empty value. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lint/lint_internal.h"

static int is_envelope(const char *n) {
  static const char *const env[] = {"result", "time", "total", "next", "error", "error_description"};
  for (size_t i = 0; i < sizeof env / sizeof env[0]; i++)
    if (!strcasecmp(n, env[i])) return 1;
  return 0;
}

/* "departments[].nodeId" -> "nodeId", "items[]" -> "items" (into buf). */
static const char *leaf_name(const char *n, char *buf, size_t cap) {
  const char *dot = strrchr(n, '.');
  const char *s = dot ? dot + 1 : n;
  size_t k = 0;
  while (s[k] && s[k] != '[' && k + 1 < cap) {
    buf[k] = s[k];
    k++;
  }
  buf[k] = 0;
  return buf;
}

typedef struct doc_fields {
  const b24_param **v;
  size_t n;
  int flat;    /* names may sit at any depth of the example */
  int rowless; /* no `result` row: the table may list fields of several cases */
} doc_fields;

static const b24_params *linked_object(const b24_model *md, const b24_param *result) {
  for (size_t a = 0; a < result->type.n_alts; a++) {
    const char *ref = result->type.alts[a].ref;
    const b24_object_type *o = ref ? b24_model_find_object(md, ref) : NULL;
    if (o && o->fields.n) return &o->fields;
  }
  return NULL;
}

/* The length of a name's fixed part when it is a pattern ("UF_CRM_...",
 * "PARENT_ID_...", "UF_*"), else 0. */
static size_t pattern_prefix(const char *n) {
  const char *p = strstr(n, "...");
  const char *star = strchr(n, '*');
  if (!p || (star && star < p)) p = star;
  return p && p > n ? (size_t)(p - n) : 0;
}

static const b24_param *result_row(const b24_method *m) {
  const b24_params *fs = &m->response.fields;
  for (size_t i = 0; i < fs->n; i++)
    if (!strcasecmp(fs->items[i].name, "result")) return &fs->items[i];
  return NULL;
}

/* Does some object of objs have key (exactly as written)? */
static int objs_have(const json_t *const *objs, size_t no, const char *key) {
  for (size_t o = 0; o < no; o++)
    if (json_object_get(objs[o], key)) return 1;
  return 0;
}

/* A flat row named like a key of the envelope (result, time, total, ...) is
 * the envelope's, except a second `result` row (result.result, REST 3.0) and a
 * row whose name the result objects hold while the top level does not
 * (humanresources.employee.count returns result.total; RESULT of
 * voximplant.callback.start is no `result`). */
static int envelope_row(const b24_param *row, const b24_param *result, const json_t *top,
                        const json_t *const *objs, size_t no) {
  if (!is_envelope(row->name)) return 0;
  if (!strcasecmp(row->name, "result") && result && row != result) return 0;
  if (!strcasecmp(row->name, "time")) return 1; /* the time of the request: never result's */
  return !(objs_have(objs, no, row->name) && !json_object_get(top, row->name));
}

/* 0 when the table does not document result's fields. top is the example,
 * objs the objects holding result's fields. */
static int documented_fields(const b24_model *md, const b24_method *m, const json_t *top,
                             const json_t *const *objs, size_t no, doc_fields *df) {
  const b24_params *fs = &m->response.fields;
  const b24_param *result = result_row(m);
  /* No `result` row (crm.status.get): the rows are result's fields, flat. */
  const b24_params *own = !result           ? NULL
                          : result->children.n ? &result->children
                                               : linked_object(md, result);
  df->n = 0;
  df->flat = !own;
  df->rowless = !result;
  df->v = malloc((own ? own->n : fs->n) * sizeof *df->v + 1);
  if (own) {
    for (size_t i = 0; i < own->n; i++) df->v[df->n++] = &own->items[i];
  } else {
    for (size_t i = 0; i < fs->n; i++)
      if (&fs->items[i] != result && !envelope_row(&fs->items[i], result, top, objs, no))
        df->v[df->n++] = &fs->items[i];
  }
  for (size_t i = 0; i < df->n; i++) /* <field_code>: any key may be meant */
    if (df->v[i]->wildcard && !pattern_prefix(df->v[i]->name)) df->n = 0;
  if (!df->n) free(df->v);
  return df->n > 0;
}

/* The objects holding result's fields: result itself, or each item of a list. */
static size_t result_objects(const json_t *result, const json_t **out, size_t cap) {
  if (json_is_object(result)) {
    out[0] = result;
    return 1;
  }
  if (!json_is_array(result) || !json_array_size(result)) return 0;
  size_t n = 0;
  for (size_t i = 0; i < json_array_size(result) && n < cap; i++) {
    const json_t *x = json_array_get(result, i);
    if (!json_is_object(x)) return 0;
    out[n++] = x;
  }
  return n;
}

static const json_t *get_ci(const json_t *o, const char *key) {
  const char *k;
  json_t *v;
  json_object_foreach((json_t *)o, k, v) {
    if (!strcasecmp(k, key)) return v;
  }
  return NULL;
}

static int has_key_deep(const json_t *v, const char *key, int depth) {
  if (depth > 16) return 0;
  if (json_is_object(v)) {
    const char *k;
    json_t *x;
    json_object_foreach((json_t *)v, k, x) {
      if (!strcasecmp(k, key) || has_key_deep(x, key, depth + 1)) return 1;
    }
  } else if (json_is_array(v)) {
    for (size_t i = 0; i < json_array_size(v); i++)
      if (has_key_deep(json_array_get(v, i), key, depth + 1)) return 1;
  }
  return 0;
}

static int documented(const doc_fields *df, const char *key) {
  char buf[128];
  for (size_t i = 0; i < df->n; i++) {
    const char *n = df->flat ? leaf_name(df->v[i]->name, buf, sizeof buf) : df->v[i]->name;
    size_t pre = pattern_prefix(df->v[i]->name);
    if (pre ? !strncasecmp(df->v[i]->name, key, pre) : !strcasecmp(n, key)) return 1;
  }
  return 0;
}

/* word as a whole word of text. */
static int has_word(const char *text, const char *word) {
  size_t wl = strlen(word);
  for (const char *s = text; s && (s = strstr(s, word)); s++) {
    int before = s == text || !(isalnum((unsigned char)s[-1]) || s[-1] == '_');
    if (before && !isalnum((unsigned char)s[wl]) && s[wl] != '_') return 1;
  }
  return 0;
}

/* A key that a row's description names (ADDRESS lists "ADDRESS_2 — address
 * (line 2)", ...) is documented there; so is one the page names outside the
 * example (a second table of Returned Data, which the model does not read:
 * the "Deprecated Fields" of crm.contact.fields). Only keys that cannot be a
 * word of the prose count: with an upper-case letter after the first, a
 * digit or a '_'. */
static int mentioned(b24_lint_ctx *c, const b24_method *m, const doc_fields *df,
                     const b24_param *result, const char *key) {
  int code = 0;
  for (const char *s = key; *s; s++)
    code |= *s == '_' || isdigit((unsigned char)*s) || (s > key && isupper((unsigned char)*s));
  if (!code || strlen(key) < 3) return 0;
  if (result && has_word(result->description, key)) return 1;
  for (size_t i = 0; i < df->n; i++)
    if (has_word(df->v[i]->description, key)) return 1;
  const b24_response *r = &m->response;
  int to = r->example_loc.line;
  for (const char *s = r->example_text; s && *s; s++) to += *s == '\n';
  return b24_lint_page_mentions(c, r->example_loc.file, key, r->example_loc.line, to);
}

/* A literal field name: letters, digits, '_', '-', and the path marks of flat rows. */
static int literal_name(const char *n) {
  for (const char *s = n; *s; s++)
    if (!(isalnum((unsigned char)*s) || *s == '_' || *s == '-' || *s == '.' || *s == '[' ||
          *s == ']'))
      return 0;
  return !strstr(n, "..");
}

static int conditional(const char *desc) {
  static const char *const w[] = {" if ", "(if ", "only", "when ", "unless"};
  if (!desc) return 0;
  size_t n = strlen(desc);
  char *low = malloc(n + 1);
  for (size_t i = 0; i <= n; i++) low[i] = (char)tolower((unsigned char)desc[i]);
  int yes = 0;
  for (size_t i = 0; i < sizeof w / sizeof w[0] && !yes; i++) yes = strstr(low, w[i]) != NULL;
  free(low);
  return yes;
}

static int numeric_string(const char *s) {
  if (!*s) return 1;
  if (*s == '-') s++;
  int digits = 0;
  while (isdigit((unsigned char)*s)) s++, digits++;
  if (*s == '.') {
    s++;
    while (isdigit((unsigned char)*s)) s++, digits++;
  }
  return digits && !*s;
}

/* 1: v cannot be a value of alternative a; 0: it can; -1: the type is not checked. */
static int mismatch(const b24_type_alt *a, const json_t *v) {
  if (json_is_null(v) || a->reference) return a->reference ? -1 : 0; /* an id, or the object itself */
  int container = json_is_object(v) || json_is_array(v);
  if (a->array || !strcmp(a->base, "array") || !strcmp(a->base, "object")) return !container;
  const char *b = a->base;
  if (!strcmp(b, "integer") || !strcmp(b, "double")) {
    if (json_is_number(v)) return 0;
    if (json_is_string(v)) return !numeric_string(json_string_value(v));
    return 1;
  }
  if (!strcmp(b, "boolean")) {
    if (json_is_boolean(v)) return 0;
    if (json_is_integer(v)) return json_integer_value(v) != 0 && json_integer_value(v) != 1;
    if (json_is_string(v)) {
      static const char *const ok[] = {"Y", "N", "y", "n", "true", "false", "1", "0", ""};
      for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        if (!strcmp(json_string_value(v), ok[i])) return 0;
    }
    return 1;
  }
  if (!strcmp(b, "string") || !strcmp(b, "text") || !strcmp(b, "char") || !strcmp(b, "date") ||
      !strcmp(b, "datetime"))
    return container;
  return -1;
}

static int type_mismatch(const b24_type *t, const json_t *v) {
  if (!t->n_alts) return 0;
  for (size_t a = 0; a < t->n_alts; a++)
    if (mismatch(&t->alts[a], v) != 1) return 0;
  return 1;
}

static const char *json_kind(const json_t *v) {
  switch (json_typeof(v)) {
  case JSON_OBJECT: return "an object";
  case JSON_ARRAY: return "an array";
  case JSON_STRING: return "a string";
  case JSON_INTEGER: return "an integer";
  case JSON_REAL: return "a number";
  case JSON_TRUE:
  case JSON_FALSE: return "a boolean";
  default: return "null";
  }
}

/* The line of "key" in the response example's text. */
static int example_key_line(const b24_response *r, const char *key) {
  size_t kl = strlen(key);
  int line = r->example_loc.line;
  for (const char *s = r->example_text ? r->example_text : ""; *s; s++) {
    if (*s == '\n') line++;
    else if (*s == '"' && !strncasecmp(s + 1, key, kl) && s[kl + 1] == '"') return line;
  }
  return r->example_loc.line;
}

enum { MAX_ITEMS = 64 };

/* The value of result itself against the type of its row. REST 3.0 wraps a
 * flag in an object ({"result": {"result": true}}); a row typed for the inner
 * value is told apart, so that the inner value is still checked. */
static void check_result_type(b24_lint_ctx *c, const b24_method *m, const json_t *value) {
  const b24_param *row = result_row(m);
  if (!row || !type_mismatch(&row->type, value)) return;
  const b24_response *r = &m->response;
  const json_t *inner = json_is_object(value) && json_object_size(value) == 1
                            ? json_object_get(value, "result")
                            : NULL;
  if (inner && !type_mismatch(&row->type, inner)) {
    b24_lint_emit(c, "response-field-type", r->example_loc.file, example_key_line(r, "result"),
                  "the result of %s is an object holding result, but documented as '%s' (line "
                  "%d), the type of the inner result: document the object and its field",
                  m->name, row->type.written, row->loc.line);
    b24_lint_at_quoted(c, "result");
    return;
  }
  b24_lint_emit(c, "response-field-type", r->example_loc.file, example_key_line(r, "result"),
                "the result of %s is %s in the response example, but documented as '%s' (line %d)",
                m->name, json_kind(value), row->type.written, row->loc.line);
  b24_lint_at_quoted(c, "result");
}

static void check_method(b24_lint_ctx *c, const b24_method *m) {
  const b24_response *r = &m->response;
  const json_t *result = json_is_object(r->example) ? json_object_get(r->example, "result") : NULL;
  size_t nl = strlen(m->name);
  if (!result) return;
  check_result_type(c, m, result);
  /* *.fields: result maps each field to its description; the keys are compared
   * with the table, the values are no field values. */
  int describes = nl >= 6 && !strcasecmp(m->name + nl - 6, "fields");
  const json_t *objs[MAX_ITEMS];
  size_t no = describes ? (json_is_object(result) ? (objs[0] = result, 1) : 0)
                        : result_objects(result, objs, MAX_ITEMS);
  if (!no) return;
  doc_fields df;
  if (!documented_fields(c->m, m, r->example, objs, no, &df)) return;
  if (describes) df.flat = 0; /* the field names are result's own keys */
  /* Overlap: how many documented names the example has, how many keys are documented. */
  size_t keys = 0, keys_doc = 0, doc_found = 0;
  const char *k;
  json_t *v;
  json_object_foreach((json_t *)objs[0], k, v) {
    keys++;
    keys_doc += documented(&df, k);
  }
  char buf[128];
  for (size_t i = 0; i < df.n; i++) {
    const char *name = df.flat ? leaf_name(df.v[i]->name, buf, sizeof buf) : df.v[i]->name;
    int found = 0;
    for (size_t o = 0; o < no && !found; o++)
      found = df.flat ? has_key_deep(objs[o], name, 0) : get_ci(objs[o], name) != NULL;
    doc_found += found;
  }
  size_t small = keys < df.n ? keys : df.n;
  if (!small || 2 * keys_doc < small || 2 * doc_found < small) {
    free(df.v);
    return;
  }
  for (size_t i = 0; i < df.n; i++) {
    const b24_param *p = df.v[i];
    const char *name = df.flat ? leaf_name(p->name, buf, sizeof buf) : p->name;
    if (!*name || !literal_name(p->name)) continue;
    int found = 0;
    for (size_t o = 0; o < no && !found; o++)
      found = df.flat ? has_key_deep(objs[o], name, 0) : get_ci(objs[o], name) != NULL;
    /* without a result row the table may list the fields of several cases;
     * an example that shows three in four of them shows the one case */
    int one_case = !df.rowless || 4 * doc_found >= 3 * df.n;
    if (!found && json_is_object(result) && one_case && !describes &&
        !conditional(p->description)) {
      b24_lint_emit(c, "response-field-missing", p->loc.file, p->loc.line,
                    "field '%s' of the result of %s is documented but missing from the response "
                    "example (line %d)",
                    p->name, m->name, r->example_loc.line);
      b24_lint_at(c, p->name, 0);
    }
    if (describes || (df.flat && strchr(p->name, '.'))) continue; /* nested: level unknown */
    for (size_t o = 0; o < no; o++) {
      const json_t *x = get_ci(objs[o], name);
      if (x && type_mismatch(&p->type, x)) {
        b24_lint_emit(c, "response-field-type", r->example_loc.file, example_key_line(r, name),
                      "field '%s' of the result of %s is %s in the response example, but "
                      "documented as '%s' (line %d)",
                      name, m->name, json_kind(x), p->type.written, p->loc.line);
        b24_lint_at_quoted(c, name);
        break;
      }
    }
  }
  /* Keys of the example that the table does not document (each once). */
  for (size_t o = 0; o < no; o++) {
    json_object_foreach((json_t *)objs[o], k, v) {
      if (documented(&df, k) || mentioned(c, m, &df, result_row(m), k)) continue;
      int seen = 0;
      for (size_t p = 0; p < o && !seen; p++) seen = get_ci(objs[p], k) != NULL;
      if (!seen) {
        b24_lint_emit(c, "response-field-extra", r->example_loc.file, example_key_line(r, k),
                      "the response example of %s has field '%s' in result, which Returned Data "
                      "does not document",
                      m->name, k);
        b24_lint_at_quoted(c, k);
      }
    }
  }
  free(df.v);
}

void b24_rules_response(b24_lint_ctx *c) {
  for (size_t i = 0; i < c->m->n_methods; i++)
    if (b24_lint_in_focus(c, c->m->methods[i].source)) check_method(c, &c->m->methods[i]);
}
