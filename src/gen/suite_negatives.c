/* The suite's negative cases of one method: a required parameter left out, a
 * value of the wrong type, a value outside a documented list, text that is not
 * a date where a date or date and time is documented; each names the
 * parameter (and the constraint) it breaks, and exists only when the
 * parameter schema refuses the request however the portal reads it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "gen/suite_internal.h"
#include "util/buf.h"
#include "util/jsonschema.h"

/* The container of a parameter in body: body itself, or body[parent]. */
static json_t *container(json_t *body, const char *parent) {
  return parent ? json_object_get(body, parent) : body;
}

/* How the portal's PHP sees a parameter's type, as far as a wrong value goes. */
typedef enum { SHAPE_UNKNOWN, SHAPE_SCALAR_NUMERIC, SHAPE_SCALAR_TEXT, SHAPE_CONTAINER } shape;

/* A flag enum (Y/N, true/false, 1/0) reads as a number-like scalar; any other
 * enum of strings as text. */
static shape enum_shape(const json_t *values) {
  size_t i;
  json_t *v;
  int flags = 1;
  json_array_foreach(values, i, v) {
    if (json_is_object(v) || json_is_array(v) || json_is_null(v)) return SHAPE_UNKNOWN;
    const char *s = json_string_value(v);
    if (s && strcmp(s, "Y") && strcmp(s, "N") && strcmp(s, "1") && strcmp(s, "0")) flags = 0;
  }
  return flags ? SHAPE_SCALAR_NUMERIC : SHAPE_SCALAR_TEXT;
}

/* The shape of a parameter as its schema (the one the mock and the docs'
 * validators use) types it: "string" is text; "integer", "number" (alone or with
 * a numeric "string" pattern) and "boolean" are number-like; "object" and
 * "array" are containers; anything else, or a mix, is unknown. */
static shape shape_of(const json_t *root, const json_t *ps) {
  const char *ref = json_string_value(json_object_get(ps, "$ref"));
  if (ref && !strncmp(ref, "#/$defs/", 8))
    ps = json_object_get(json_object_get(root, "$defs"), ref + 8);
  if (!json_is_object(ps)) return SHAPE_UNKNOWN;
  const json_t *t = json_object_get(ps, "type");
  if (!t) return json_is_array(json_object_get(ps, "enum")) ? enum_shape(json_object_get(ps, "enum"))
                                                           : SHAPE_UNKNOWN;
  int text = 0, num = 0, cont = 0, other = 0;
  size_t i, n = json_is_array(t) ? json_array_size(t) : 1;
  for (i = 0; i < n; i++) {
    const char *w = json_string_value(json_is_array(t) ? json_array_get(t, i) : t);
    if (!w) other = 1;
    else if (!strcmp(w, "string")) text = 1;
    else if (!strcmp(w, "integer") || !strcmp(w, "number") || !strcmp(w, "boolean")) num = 1;
    else if (!strcmp(w, "object") || !strcmp(w, "array")) cont = 1;
    else if (strcmp(w, "null")) other = 1;
  }
  if (other || (cont && (text || num))) return SHAPE_UNKNOWN;
  if (cont) return SHAPE_CONTAINER;
  if (num) return SHAPE_SCALAR_NUMERIC; /* ["integer", "string"]: a numeric string */
  return text ? SHAPE_SCALAR_TEXT : SHAPE_UNKNOWN;
}

/* The schema of parameter p, at top level or inside the object parameter parent. */
static const json_t *param_schema(const json_t *root, const char *parent, const char *name) {
  const json_t *props = json_object_get(root, "properties");
  if (parent) {
    const json_t *ps = json_object_get(props, parent);
    const char *ref = json_string_value(json_object_get(ps, "$ref"));
    if (ref && !strncmp(ref, "#/$defs/", 8))
      ps = json_object_get(json_object_get(root, "$defs"), ref + 8);
    props = json_object_get(ps, "properties");
  }
  return json_object_get(props, name);
}

/* The schema of a parameter with a $ref followed (the docs' dictionary types). */
static const json_t *resolved_schema(const json_t *root, const char *parent, const char *name) {
  const json_t *ps = param_schema(root, parent, name);
  const char *ref = json_string_value(json_object_get(ps, "$ref"));
  return ref ? b24_jsonschema_resolve_ref(root, ref) : ps;
}

/* base with the parameter name (inside parent) set to v, when the parameter
 * schema refuses that however the portal reads it; NULL otherwise (and when
 * the container is not an object). */
static json_t *refused_with(method_gen *g, const json_t *base, const char *parent, const char *name,
                            json_t *v) {
  json_t *body = json_deep_copy(base);
  json_t *cont = container(body, parent);
  if (json_is_object(cont)) {
    json_object_set(cont, name, v);
    if (suite_surely_invalid(g->meth, g->params_schema, body)) return body;
  }
  json_decref(body);
  return NULL;
}

/* A value of another type than p's that the portal cannot read as p's type
 * (PHP takes numbers for text and a keyed array for a list, so those are never
 * offered) and that the parameter schema refuses in body however the portal
 * reads it. Sets *desc. NULL when the type is a word whose values the docs do
 * not pin down, or the schema takes every candidate. */
static json_t *wrong_type_body(method_gen *g, const json_t *base, const char *parent,
                               const b24_param *p, const char **desc) {
  json_t *cand[2];
  const char *names[2];
  size_t n = 0;
  switch (shape_of(g->params_schema, param_schema(g->params_schema, parent, p->name))) {
  case SHAPE_SCALAR_NUMERIC:
    cand[n] = json_string("b24spec: not of the documented type"), names[n++] = "a string";
    cand[n] = json_pack("{s:b}", "b24spec_wrong_type", 1), names[n++] = "an object";
    break;
  case SHAPE_SCALAR_TEXT:
    cand[n] = json_pack("{s:b}", "b24spec_wrong_type", 1), names[n++] = "an object";
    cand[n] = json_pack("[s]", "b24spec"), names[n++] = "an array";
    break;
  case SHAPE_CONTAINER:
    cand[n] = json_string("b24spec: not of the documented type"), names[n++] = "a string";
    cand[n] = json_real(0.5), names[n++] = "a number";
    break;
  case SHAPE_UNKNOWN: return NULL;
  }
  json_t *found = NULL;
  for (size_t i = 0; i < n; i++) {
    if (!found && (found = refused_with(g, base, parent, p->name, cand[i]))) *desc = names[i];
    json_decref(cand[i]);
  }
  return found;
}

/* A case asks for the check `to` where the kind of case usually asks for `from`. */
static void swap_check(json_t *c, b24_check_id from, b24_check_id to) {
  json_t *checks = json_object_get(c, "checks");
  size_t i;
  json_t *v;
  json_array_foreach(checks, i, v) {
    if (!strcmp(json_string_value(v), b24_checks[from].name)) {
      json_array_set_new(checks, i, json_string(b24_checks[to].name));
      return;
    }
  }
}

/* base with p given a value outside the enum its schema documents, when the
 * schema refuses that however the portal reads it; *values: the documented
 * members (new reference). NULL when p has no enum. */
static json_t *out_of_enum_body(method_gen *g, const json_t *base, const char *parent,
                                const b24_param *p, json_t **values) {
  const json_t *e = json_object_get(resolved_schema(g->params_schema, parent, p->name), "enum");
  if (!json_array_size(e)) return NULL;
  int numbers = 0;
  size_t i;
  json_t *v;
  json_array_foreach(e, i, v) if (json_is_integer(v)) numbers = 1;
  json_t *bad = numbers && !json_is_string(json_array_get(e, 0)) ? json_integer(987654321)
                                                                 : json_string("b24spec-not-in-enum");
  json_t *body = refused_with(g, base, parent, p->name, bad);
  json_decref(bad);
  if (body) *values = json_deep_copy(e);
  return body;
}

/* base with p given text that no reading takes for a date, when p's schema
 * has format "date" or "date-time" (schema.c: the type words `date` and
 * `datetime`) and refuses that however the portal reads it; *format: which.
 * The text has no digit and no word PHP's strtotime knows, so neither it nor
 * the portal's site formats read a date in it ("2024-13-45" would be risky:
 * PHP carries some impossible days over to the next month). */
static json_t *wrong_format_body(method_gen *g, const json_t *base, const char *parent,
                                 const b24_param *p, const char **format) {
  const json_t *ps = resolved_schema(g->params_schema, parent, p->name);
  const char *f = json_string_value(json_object_get(ps, "format"));
  if (!f || (strcmp(f, "date") && strcmp(f, "date-time"))) return NULL;
  json_t *bad = json_string("b24spec-not-a-date");
  json_t *body = refused_with(g, base, parent, p->name, bad);
  json_decref(bad);
  if (body) *format = f;
  return body;
}

/* Adds a case that breaks one documented constraint of parameter name (takes
 * body and constraint): it asks for constraint_rejected instead of
 * invalid_input_rejected. */
static void constraint_case(method_gen *g, const char *kind, const char *name, const char *title,
                            const char *from, json_t *body, json_t *constraint) {
  b24_buf id = B24_BUF_INIT;
  b24_buf_printf(&id, "%s/%s", kind, name);
  json_t *c = suite_add_case(g, id.data, kind, title, from, "portal", body, "error");
  json_object_set_new(c, "param", json_string(name));
  json_object_set_new(c, "constraint", constraint);
  swap_check(c, B24_CHECK_INVALID_INPUT_REJECTED, B24_CHECK_CONSTRAINT_REJECTED);
  b24_buf_free(&id);
}

/* Negative cases for the parameters ps, which live at top level (parent NULL)
 * or inside the object parameter `parent` of base. */
void suite_negative_cases(method_gen *g, const json_t *base, const b24_params *ps,
                           const char *parent) {
  for (size_t i = 0; i < ps->n; i++) {
    const b24_param *p = &ps->items[i];
    if (p->wildcard || !strcmp(p->name, "auth")) continue;
    json_t *here = container((json_t *)base, parent);
    b24_buf name = B24_BUF_INIT, id = B24_BUF_INIT, title = B24_BUF_INIT;
    char *from = suite_loc_text(p->loc.file ? p->loc.file : g->meth->source, p->loc.line);
    b24_buf_printf(&name, "%s%s%s", parent ? parent : "", parent ? "." : "", p->name);
    if (p->required && json_object_get(here, p->name)) {
      json_t *body = json_deep_copy(base);
      json_object_del(container(body, parent), p->name);
      if (suite_surely_invalid(g->meth, g->params_schema, body)) {
        b24_buf_printf(&id, "missing/%s", name.data);
        b24_buf_printf(&title, "the required parameter %s is left out", name.data);
        json_t *c = suite_add_case(g, id.data, "missing_required", title.data, from, "portal", body, "error");
        json_object_set_new(c, "param", json_string(name.data));
      } else
        json_decref(body);
    }
    const char *desc = NULL;
    json_t *body = p->type.n_alts ? wrong_type_body(g, base, parent, p, &desc) : NULL;
    if (body) {
      b24_buf_clear(&id);
      b24_buf_clear(&title);
      b24_buf_printf(&id, "wrong_type/%s", name.data);
      b24_buf_printf(&title, "%s (%s) is given %s", name.data, p->type.written, desc);
      json_t *c = suite_add_case(g, id.data, "wrong_type", title.data, from, "portal", body, "error");
      json_object_set_new(c, "param", json_string(name.data));
    }
    json_t *values = NULL;
    if ((body = out_of_enum_body(g, base, parent, p, &values))) {
      b24_buf_clear(&title);
      b24_buf_printf(&title, "%s is given a value outside its documented list", name.data);
      constraint_case(g, "out_of_enum", name.data, title.data, from, body,
                      json_pack("{s:s,s:o}", "kind", "enum", "values", values));
    }
    const char *format = NULL;
    if ((body = wrong_format_body(g, base, parent, p, &format))) {
      b24_buf_clear(&title);
      b24_buf_printf(&title, "%s (%s) is given text that is not a %s", name.data, p->type.written,
                     strcmp(format, "date") ? "date and time" : "date");
      constraint_case(g, "wrong_format", name.data, title.data, from, body,
                      json_pack("{s:s,s:s}", "kind", "format", "format", format));
    }
    if (!parent && p->children.n && json_is_object(json_object_get(here, p->name)))
      suite_negative_cases(g, base, &p->children, p->name);
    free(from);
    b24_buf_free(&name);
    b24_buf_free(&id);
    b24_buf_free(&title);
  }
}

