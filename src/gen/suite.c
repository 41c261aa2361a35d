/* The conformance suite generator: the promises the docs make, as cases a person
 * can read and `b24spec check` can run. Writes
 *   suite/index.json              what there is, the checks, counts
 *   suite/global.json             cases about the portal as a whole (unknown method)
 *   suite/methods/<stem>.json     per method: what the docs say its answers look
 *                                 like, and its cases
 *   suite/sequences/<family>.json per family with add/get/update/delete: a CRUD
 *                                 sequence that checks read-after-write
 * The format is described in docs/check.md. Every decision that needs a guess
 * (which key names the object, whether a method writes, how to undo a write) is
 * made here and written down, so the runner only follows the data. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "suite/check_names.h"
#include "model/family.h"
#include "suite/vars.h"
#include "gen/gen.h"
#include "schema/schema.h"
#include "util/buf.h"
#include "util/jsonschema.h"

#define SUITE_VERSION 1
#define UNKNOWN_METHOD "b24spec.no.such.method"

/* ---- small JSON helpers -------------------------------------------------- */

static json_t *checks_list(const b24_check_id *ids, size_t n) {
  json_t *a = json_array();
  for (size_t i = 0; i < n; i++) json_array_append_new(a, json_string(b24_checks[ids[i]].name));
  return a;
}

/* The checks each kind of case asks for. */
static json_t *checks_for(const char *expect, int auth_case) {
  static const b24_check_id ok[] = {B24_CHECK_NOT_SERVER_ERROR, B24_CHECK_STATUS_CODE,
                                    B24_CHECK_CONTENT_TYPE, B24_CHECK_ENVELOPE,
                                    B24_CHECK_VALID_INPUT_ACCEPTED, B24_CHECK_RESULT_SCHEMA};
  static const b24_check_id bad[] = {B24_CHECK_NOT_SERVER_ERROR, B24_CHECK_STATUS_CODE,
                                     B24_CHECK_CONTENT_TYPE, B24_CHECK_ENVELOPE,
                                     B24_CHECK_INVALID_INPUT_REJECTED,
                                     B24_CHECK_ERROR_CODE_DOCUMENTED};
  static const b24_check_id auth[] = {B24_CHECK_NOT_SERVER_ERROR, B24_CHECK_STATUS_CODE,
                                      B24_CHECK_CONTENT_TYPE, B24_CHECK_ENVELOPE,
                                      B24_CHECK_AUTH_NOT_IGNORED,
                                      B24_CHECK_ERROR_CODE_DOCUMENTED};
  static const b24_check_id any[] = {B24_CHECK_NOT_SERVER_ERROR, B24_CHECK_STATUS_CODE,
                                     B24_CHECK_CONTENT_TYPE, B24_CHECK_ENVELOPE,
                                     B24_CHECK_RESULT_SCHEMA, B24_CHECK_ERROR_CODE_DOCUMENTED};
#define N(a) (sizeof a / sizeof *a)
  if (auth_case) return checks_list(auth, N(auth));
  if (!strcmp(expect, "success")) return checks_list(ok, N(ok));
  if (!strcmp(expect, "error")) return checks_list(bad, N(bad));
  return checks_list(any, N(any));
#undef N
}

static char *loc_text(const char *file, int line) {
  b24_buf b = B24_BUF_INIT;
  b24_buf_printf(&b, "%s:%d", file ? file : "?", line);
  return b24_buf_take(&b);
}

/* [{"code", "status": [...], "message"}], one row per code, statuses merged. */
static json_t *error_table(const b24_error *errs, size_t n) {
  json_t *rows = json_array();
  for (size_t i = 0; i < n; i++) {
    const b24_error *e = &errs[i];
    json_t *row = NULL;
    size_t j;
    json_t *r;
    json_array_foreach(rows, j, r) {
      if (!strcmp(json_string_value(json_object_get(r, "code")), e->code)) row = r;
    }
    if (!row) {
      row = json_pack("{s:s,s:[],s:s}", "code", e->code, "status", "message",
                      e->message ? e->message : "");
      json_array_append_new(rows, row);
    }
    json_t *st = json_object_get(row, "status");
    int seen = 0;
    json_t *s;
    json_array_foreach(st, j, s) {
      if (json_integer_value(s) == e->status) seen = 1;
    }
    if (e->status > 0 && !seen) json_array_append_new(st, json_integer(e->status));
  }
  return rows;
}

/* Takes a check off a case, saying why in its notes: the docs themselves make
 * the promise unverifiable there (their example contradicts their table, or
 * they document no error to expect). */
static void drop_check(json_t *c, b24_check_id id, const char *why) {
  json_t *checks = json_object_get(c, "checks");
  size_t i;
  json_t *v;
  json_array_foreach(checks, i, v) {
    if (!strcmp(json_string_value(v), b24_checks[id].name)) {
      json_array_remove(checks, i);
      json_t *notes = json_object_get(c, "notes");
      if (!notes) json_object_set_new(c, "notes", notes = json_array());
      json_array_append_new(notes, json_pack("{s:s,s:s}", "check", b24_checks[id].name, "why", why));
      return;
    }
  }
}

/* Whether an error row could answer a bad request: a 4xx or unstated status. */
static int client_error_row(const b24_error *e) {
  return e->status == 0 || (e->status >= 400 && e->status < 500);
}

/* Whether the page documents an error a bad request could get. Without one the
 * docs do not say which code to expect, so no code can be held against them. */
static int documents_input_errors(const b24_method *meth) {
  for (size_t i = 0; i < meth->n_errors; i++)
    if (client_error_row(&meth->errors[i])) return 1;
  return 0;
}

/* Whether text holds one of words, ASCII letters compared without case. */
static int mentions_any(const char *text, const char *const *words) {
  if (!text) return 0;
  for (size_t i = 0; words[i]; i++) {
    size_t n = strlen(words[i]);
    for (const char *p = text; *p; p++)
      if (!strncasecmp(p, words[i], n)) return 1;
  }
  return 0;
}

/* The codes the page gives for an object that does not exist; an empty array
 * when it gives none. */
static json_t *not_found_codes(const b24_method *meth) {
  static const char *const words[] = {"not found", "notfound", "not exist", "no such",
                                      "не найден", "не существ", NULL};
  json_t *codes = json_array();
  for (size_t i = 0; i < meth->n_errors; i++) {
    const b24_error *e = &meth->errors[i];
    if (!client_error_row(e)) continue;
    if (!mentions_any(e->code, words) && !mentions_any(e->message, words) &&
        !mentions_any(e->description, words))
      continue;
    size_t j;
    json_t *v;
    int seen = 0;
    json_array_foreach(codes, j, v) {
      if (!strcmp(json_string_value(v), e->code)) seen = 1;
    }
    if (!seen) json_array_append_new(codes, json_string(e->code));
  }
  return codes;
}

/* Why the docs' own response example fails the result schema built from their
 * table (first error), or NULL when it passes or there is no example. */
static char *result_conflict(const json_t *result_schema, const b24_method *meth) {
  const json_t *ex = meth->response.example;
  if (!ex) return NULL;
  /* an example that shows only the result is checked as the result */
  json_t *answer = json_is_object(ex) && json_object_get(ex, "result")
                       ? json_incref((json_t *)ex)
                       : json_pack("{s:O}", "result", ex);
  b24_buf errs = B24_BUF_INIT;
  int bad = b24_jsonschema_validate(result_schema, answer, &errs);
  json_decref(answer);
  if (!bad) {
    b24_buf_free(&errs);
    return NULL;
  }
  char *nl = strchr(errs.data, '\n');
  if (nl) *nl = 0;
  b24_buf why = B24_BUF_INIT;
  b24_buf_printf(&why, "the docs' response example does not match their Returned Data table (%s)",
                 errs.data);
  b24_buf_free(&errs);
  return b24_buf_take(&why);
}

/* ---- request bodies -------------------------------------------------------- */

/* Validates body against the method's parameter schema the way the portal
 * reads it (keys in the documented spelling); errors (may be NULL) as from
 * b24_jsonschema_validate_ex. 0 when valid. */
static int validate_params(const b24_method *meth, const json_t *schema, const json_t *body,
                           int flags, b24_buf *errors) {
  json_t *read = json_deep_copy(body);
  b24_params_as_portal_reads(meth, read);
  int n = b24_jsonschema_validate_ex(schema, read, flags, errors);
  json_decref(read);
  return n;
}

/* Valid however a portal reads the values: strict JSON types or form strings. */
static int valid_request(const b24_method *meth, const json_t *schema, const json_t *body) {
  return validate_params(meth, schema, body, B24_JSONSCHEMA_FORM_SCALARS, NULL) == 0;
}

/* Invalid however the portal reads it: as JSON, and as form values. */
static int surely_invalid(const b24_method *meth, const json_t *schema, const json_t *body) {
  return validate_params(meth, schema, body, 0, NULL) &&
         validate_params(meth, schema, body, B24_JSONSCHEMA_FORM_SCALARS, NULL);
}

/* The body an example sends, without its `auth` (the runner adds credentials);
 * a new reference, NULL when the example has no usable body (why says so). */
static json_t *example_body(const b24_example *e, const char **why) {
  if (json_is_object(e->body)) {
    json_t *b = json_deep_copy(e->body);
    json_object_del(b, "auth");
    return b;
  }
  if (e->body_text) {
    *why = e->body_error ? e->body_error : "the request body is not a JSON object";
    return NULL;
  }
  if (e->url && strchr(e->url, '?')) {
    *why = "the parameters are in the URL's query string";
    return NULL;
  }
  return json_object();
}

/* A value of the documented type for a required parameter, for a request built
 * when the docs give no example. NULL when the type says too little. */
static json_t *sample_value(const b24_param *p) {
  if (!p->type.n_alts) return NULL;
  const b24_type_alt *a = &p->type.alts[0];
  if (a->array) return json_array();
  if (p->n_enum) return json_string(p->enum_values[0]);
  const char *b = a->base;
  if (!strcmp(b, "integer")) return json_integer(1);
  if (!strcmp(b, "double")) return json_real(1.5);
  if (!strcmp(b, "boolean") || !strcmp(b, "char")) return json_string("Y");
  if (!strcmp(b, "string") || !strcmp(b, "text")) return json_string("b24spec");
  if (!strcmp(b, "object")) return json_object();
  if (!strcmp(b, "array")) return json_array();
  return NULL;
}

static json_t *synthesized_body(const b24_method *meth) {
  json_t *b = json_object();
  for (size_t i = 0; i < meth->params.n; i++) {
    const b24_param *p = &meth->params.items[i];
    if (!p->required || p->wildcard) continue;
    json_t *v = sample_value(p);
    if (!v) {
      json_decref(b);
      return NULL;
    }
    json_object_set_new(b, p->name, v);
  }
  return b;
}

/* ---- one method -------------------------------------------------------- */

typedef struct method_gen {
  const b24_model *m;
  const b24_method *meth;
  char *stem;
  json_t *params_schema;
  bool read_only;
  bool has_required;
  b24_family fam;
  bool input_errors;    /* the page documents an error for bad input */
  char *result_conflict; /* the docs' example contradicts their result table */
  json_t *cases;
  json_t *not_generated;
} method_gen;

static void not_generated(method_gen *g, const char *what, const char *why) {
  json_array_append_new(g->not_generated, json_pack("{s:s,s:s}", "what", what, "why", why));
}

/* The keys two requests about the same object share besides its id (such as
 * entityTypeId), so that a getter call can be built from an update request. */
static void copy_shared_keys(json_t *tmpl, const json_t *request, const char *skip) {
  const char *k;
  json_t *v;
  json_object_foreach(tmpl, k, v) {
    if (skip && !strcmp(k, skip)) continue;
    if (json_object_get(request, k) && !json_is_object(v) && !json_is_array(v)) {
      b24_buf var = B24_BUF_INIT;
      b24_buf_printf(&var, "${request.%s}", k);
      json_object_set_new(tmpl, k, json_string(var.data));
      b24_buf_free(&var);
    }
  }
}

/* Whether every field the request writes can be written back from what the
 * getter's docs example shows (when there is one to look at). */
static int fields_restorable(const b24_method *get, const char *record, const json_t *fields,
                             const char **why) {
  const json_t *rec = b24_jpath_get_icase(get->response.example, record);
  if (!json_is_object(rec)) return 1;
  const char *k;
  json_t *v;
  json_object_foreach((json_t *)fields, k, v) {
    if (!b24_value_restorable(b24_jpath_get_icase(rec, k))) {
      *why = "the getter's example shows a field the request writes as missing, null, an object "
             "or a list, which cannot be written back";
      return 0;
    }
  }
  return 1;
}

/* How to undo an update: read the object through the family getter first, and
 * afterwards write back what the request changed. NULL with why when the docs
 * do not give what that needs. */
static json_t *restore_update(method_gen *g, const json_t *request, const char **why) {
  const b24_method *get = g->fam.get;
  const b24_example *ge = get ? b24_method_curl_example(get) : NULL;
  const char *uid = b24_object_id_key(g->meth, request);
  const char *gid = ge ? b24_object_id_key(get, ge->body) : NULL;
  if (!ge || !uid || !gid) {
    *why = !get ? "the family has no getter to read the object before changing it"
           : !ge ? "the getter has no example to build a read from"
                 : "no id key names the object in the request and in the getter's example";
    return NULL;
  }
  json_t *fields = b24_written_fields(request, uid);
  char *record = b24_record_path(get->response.example);
  if (!fields_restorable(get, record, fields, why)) {
    json_decref(fields);
    free(record);
    return NULL;
  }
  json_t *read_body = json_deep_copy(ge->body);
  json_object_del(read_body, "auth");
  copy_shared_keys(read_body, request, gid);
  b24_buf var = B24_BUF_INIT;
  b24_buf_printf(&var, "${request.%s}", uid);
  json_object_set_new(read_body, gid, json_string(var.data));
  json_t *undo = json_deep_copy(request);
  json_t *target = undo;
  const char *k;
  json_t *v;
  json_object_foreach(undo, k, v) {
    if (!strcasecmp(k, "fields") && json_is_object(v)) target = v;
  }
  json_object_foreach(fields, k, v) {
    b24_buf_clear(&var);
    b24_buf_printf(&var, "${before.%s}", k);
    json_object_set_new(target, k, json_string(var.data));
  }
  json_decref(fields);
  b24_buf_free(&var);
  json_t *plan = json_pack("{s:{s:s,s:o},s:s,s:{s:s,s:o}}", "read", "method", get->name, "body",
                           read_body, "record", record, "undo", "method", g->meth->name, "body",
                           undo);
  free(record);
  return plan;
}

/* How to undo an add: delete what it made, with the id from its answer. */
static json_t *restore_add(method_gen *g, const json_t *request, const char **why) {
  const b24_method *del = g->fam.del;
  const b24_example *de = del ? b24_method_curl_example(del) : NULL;
  const char *did = de ? b24_object_id_key(del, de->body) : NULL;
  char *idpath = b24_added_id_path(g->meth->response.example);
  if (!de || !did || !idpath) {
    free(idpath);
    *why = !del ? "the family has no delete method"
           : !did ? "no example of the delete method names the object by one id key"
                  : "the docs' response example does not show where the new id is";
    return NULL;
  }
  json_t *body = json_deep_copy(de->body);
  json_object_del(body, "auth");
  copy_shared_keys(body, request, did);
  b24_buf var = B24_BUF_INIT;
  b24_buf_printf(&var, "${response.%s}", idpath);
  json_object_set_new(body, did, json_string(var.data));
  b24_buf_free(&var);
  free(idpath);
  return json_pack("{s:{s:s,s:o}}", "undo", "method", del->name, "body", body);
}

/* Adds one case. expect: "success", "error" or "any"; auth: how the runner
 * authenticates ("portal" = the credentials it was given, "none", "wrong"). */
static json_t *add_case(method_gen *g, const char *id, const char *kind, const char *title,
                        const char *from, const char *auth, json_t *body, const char *expect) {
  b24_buf full = B24_BUF_INIT;
  b24_buf_printf(&full, "%s/%s", g->stem, id);
  bool auth_case = strcmp(auth, "portal") != 0;
  json_t *c = json_pack("{s:s,s:s,s:s}", "id", full.data, "kind", kind, "title", title);
  b24_buf_free(&full);
  if (from) json_object_set_new(c, "from", json_string(from));
  /* what a run may change: a read-only method nothing; a call without valid
   * credentials nothing when the empty body lacks a required parameter too */
  bool reads = g->read_only || (auth_case && g->has_required);
  json_object_set_new(c, "mode", json_string(reads ? "read" : "write"));
  if (!reads) {
    char verb[64];
    b24_method_verb(g->meth->name, verb, sizeof verb);
    json_t *plan = NULL;
    const char *why = "only an add (deleted again) or an update (written back) can be undone";
    if (!auth_case && !strcmp(verb, "update")) plan = restore_update(g, body, &why);
    else if (!auth_case && !strcmp(verb, "add")) plan = restore_add(g, body, &why);
    json_object_set_new(c, "restorable", json_boolean(plan != NULL));
    if (plan) json_object_set_new(c, "restore", plan);
    else json_object_set_new(c, "unrestorable", json_string(why));
  }
  json_object_set_new(c, "auth", json_string(auth));
  json_object_set_new(c, "request", json_pack("{s:s,s:o}", "method", g->meth->name, "body", body));
  json_object_set_new(c, "expect", json_string(expect));
  json_object_set_new(c, "checks", checks_for(expect, auth_case));
  if (!auth_case && strcmp(expect, "success") && !g->input_errors)
    drop_check(c, B24_CHECK_ERROR_CODE_DOCUMENTED,
               "the page documents no error for bad input, so any error code is accepted");
  if (g->result_conflict) drop_check(c, B24_CHECK_RESULT_SCHEMA, g->result_conflict);
  json_array_append_new(g->cases, c);
  return c;
}

/* Positive cases: each cURL example's body (distinct bodies only). Returns the
 * first body the parameter schema accepts (a new reference) or NULL. */
static json_t *example_cases(method_gen *g) {
  json_t *seen = json_array(), *base = NULL;
  int n = 0;
  for (size_t i = 0; i < g->meth->n_examples; i++) {
    const b24_example *e = &g->meth->examples[i];
    if (!e->is_curl) continue;
    char *from = loc_text(e->loc.file ? e->loc.file : g->meth->source, e->loc.line);
    const char *why = NULL;
    json_t *body = example_body(e, &why);
    if (!body) {
      b24_buf what = B24_BUF_INIT;
      b24_buf_printf(&what, "the %s example at %s", e->lang, from);
      not_generated(g, what.data, why);
      b24_buf_free(&what);
      free(from);
      continue;
    }
    size_t j;
    json_t *prev;
    int dup = 0;
    json_array_foreach(seen, j, prev) {
      if (json_equal(prev, body)) dup = 1;
    }
    if (dup) {
      json_decref(body);
      free(from);
      continue;
    }
    json_array_append(seen, body);
    b24_buf id = B24_BUF_INIT, title = B24_BUF_INIT;
    b24_buf_printf(&id, "example/%d", ++n);
    b24_buf_printf(&title, "the docs' %s example", e->lang);
    b24_buf errs = B24_BUF_INIT;
    int ok = validate_params(g->meth, g->params_schema, body, B24_JSONSCHEMA_FORM_SCALARS, &errs) == 0;
    if (ok && !base) base = json_incref(body);
    json_t *c = add_case(g, id.data, "example", title.data, from,
                         "portal", json_incref(body), ok ? "success" : "any");
    if (!ok) {
      char *nl = strchr(errs.data, '\n');
      if (nl) *nl = 0;
      b24_buf note = B24_BUF_INIT;
      b24_buf_printf(&note, "the example does not match the parameter table (%s), so either answer is accepted",
                     errs.data);
      json_object_set_new(c, "note", json_string(note.data));
      b24_buf_free(&note);
    }
    b24_buf_free(&errs);
    b24_buf_free(&id);
    b24_buf_free(&title);
    json_decref(body);
    free(from);
  }
  if (!n) not_generated(g, "example cases", "the page has no cURL example with a JSON body");
  json_decref(seen);
  return base;
}

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
    if (!found) {
      json_t *body = json_deep_copy(base);
      json_t *cont = container(body, parent);
      json_object_set(cont, p->name, cand[i]);
      if (surely_invalid(g->meth, g->params_schema, body)) {
        found = body;
        *desc = names[i];
      } else
        json_decref(body);
    }
    json_decref(cand[i]);
  }
  return found;
}

/* Negative cases for the parameters ps, which live at top level (parent NULL)
 * or inside the object parameter `parent` of base. */
static void negative_cases(method_gen *g, const json_t *base, const b24_params *ps,
                           const char *parent) {
  for (size_t i = 0; i < ps->n; i++) {
    const b24_param *p = &ps->items[i];
    if (p->wildcard || !strcmp(p->name, "auth")) continue;
    json_t *here = container((json_t *)base, parent);
    b24_buf name = B24_BUF_INIT, id = B24_BUF_INIT, title = B24_BUF_INIT;
    char *from = loc_text(p->loc.file ? p->loc.file : g->meth->source, p->loc.line);
    b24_buf_printf(&name, "%s%s%s", parent ? parent : "", parent ? "." : "", p->name);
    if (p->required && json_object_get(here, p->name)) {
      json_t *body = json_deep_copy(base);
      json_object_del(container(body, parent), p->name);
      if (surely_invalid(g->meth, g->params_schema, body)) {
        b24_buf_printf(&id, "missing/%s", name.data);
        b24_buf_printf(&title, "the required parameter %s is left out", name.data);
        json_t *c = add_case(g, id.data, "missing_required", title.data, from, "portal", body, "error");
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
      json_t *c = add_case(g, id.data, "wrong_type", title.data, from, "portal", body, "error");
      json_object_set_new(c, "param", json_string(name.data));
    }
    if (!parent && p->children.n && json_is_object(json_object_get(here, p->name)))
      negative_cases(g, base, &p->children, p->name);
    free(from);
    b24_buf_free(&name);
    b24_buf_free(&id);
    b24_buf_free(&title);
  }
}

static void auth_cases(method_gen *g) {
  json_t *c = add_case(g, "auth/none", "no_auth", "called without credentials", NULL, "none",
                       json_object(), "error");
  json_object_set_new(c, "status", json_pack("[i]", 401));
  json_object_set_new(c, "codes", json_pack("[s]", "NO_AUTH_FOUND"));
  c = add_case(g, "auth/wrong", "wrong_auth", "called with a wrong webhook secret or token", NULL,
               "wrong", json_object(), "error");
  json_object_set_new(c, "status", json_pack("[i]", 401));
  json_object_set_new(c, "codes", json_pack("[s,s,s]", "NO_AUTH_FOUND", "invalid_token", "expired_token"));
}

static bool has_required(const b24_method *meth) {
  for (size_t i = 0; i < meth->params.n; i++)
    if (meth->params.items[i].required && !meth->params.items[i].wildcard) return true;
  return false;
}

static json_t *method_suite(const b24_model *m, const b24_method *meth) {
  method_gen g = {.m = m, .meth = meth};
  g.stem = b24_schema_stem(meth);
  g.params_schema = b24_schema_for_params(m, meth);
  g.read_only = b24_method_is_read_only(meth->name);
  g.has_required = has_required(meth);
  g.input_errors = documents_input_errors(meth);
  json_t *result_schema = b24_schema_for_result(m, meth);
  g.result_conflict = result_conflict(result_schema, meth);
  b24_family_of(m, meth, &g.fam);
  g.cases = json_array();
  g.not_generated = json_array();

  json_t *base = example_cases(&g);
  if (!base) {
    json_t *s = synthesized_body(meth);
    if (s && !valid_request(meth, g.params_schema, s)) {
      json_decref(s);
      s = NULL;
    }
    base = s;
  }
  if (base) negative_cases(&g, base, &meth->params, NULL);
  else if (g.has_required) {
    add_case(&g, "missing/all", "missing_required", "no parameters at all", NULL, "portal",
             json_object(), "error");
    not_generated(&g, "per-parameter negative cases", "no valid request to start from");
  }
  json_decref(base);
  auth_cases(&g);

  char *src = loc_text(meth->source, meth->line);
  json_t *doc = json_pack("{s:i,s:s,s:i,s:s,s:s,s:i}", "suite_version", SUITE_VERSION, "method",
                          meth->name, "rest_version", meth->rest_version, "source", src, "mode",
                          g.read_only ? "read" : "write", "success_status",
                          meth->response.status ? meth->response.status : 200);
  json_object_set_new(doc, "errors", error_table(meth->errors, meth->n_errors));
  json_object_set_new(doc, "system_errors", error_table(meth->system_errors, meth->n_system_errors));
  json_object_set_new(doc, "result_schema", result_schema);
  if (g.result_conflict) json_object_set_new(doc, "result_schema_conflict", json_string(g.result_conflict));
  free(g.result_conflict);
  json_object_set_new(doc, "cases", g.cases);
  if (json_array_size(g.not_generated)) json_object_set(doc, "not_generated", g.not_generated);
  json_decref(g.not_generated);
  free(src);
  json_decref(g.params_schema);
  b24_family_free(&g.fam);
  free(g.stem);
  return doc;
}

/* ---- CRUD sequences ------------------------------------------------------ */

/* One step of a sequence: a call of meth that should succeed or fail. */
static json_t *step(const b24_model *m, const b24_method *meth, const char *name, json_t *body,
                    const char *expect, json_t *checks) {
  json_t *s = json_pack("{s:s,s:{s:s,s:o},s:s,s:o}", "name", name, "request", "method",
                        meth->name, "body", body, "expect", expect, "checks", checks);
  if (!strcmp(expect, "success")) {
    json_t *schema = b24_schema_for_result(m, meth);
    char *conflict = result_conflict(schema, meth);
    if (conflict) drop_check(s, B24_CHECK_RESULT_SCHEMA, conflict);
    free(conflict);
    json_decref(schema);
  } else {
    /* the object is gone: the documented not-found error when the page has one */
    json_t *codes = not_found_codes(meth);
    if (json_array_size(codes)) json_object_set(s, "codes", codes);
    else
      drop_check(s, B24_CHECK_ERROR_CODE_DOCUMENTED,
                 "the page documents no error for an object that does not exist, so any error is accepted");
    json_decref(codes);
  }
  return s;
}

/* Asks a get step to compare what it reads with what was written, where the
 * object sits in the answer (known only from the getter's docs example). */
static void verify_step(json_t *s, const b24_method *get, const char *record, json_t *fields) {
  if (json_is_object(json_object_get(get->response.example, "result")) ||
      json_is_array(json_object_get(get->response.example, "result")))
    json_object_set_new(s, "verify", json_pack("{s:s,s:O}", "record", record, "fields", fields));
  else
    drop_check(s, B24_CHECK_READ_AFTER_WRITE,
               "the docs give no example of the getter's answer, so where the object sits in it is unknown");
}

/* The body of a family member's example with its id key set to the variable. */
static json_t *with_id(const b24_method *meth, const char *var, const char **why) {
  const b24_example *e = b24_method_curl_example(meth);
  const char *key = e ? b24_object_id_key(meth, e->body) : NULL;
  if (!key) {
    *why = "no example names the object by one id key";
    return NULL;
  }
  json_t *b = json_deep_copy(e->body);
  json_object_del(b, "auth");
  json_object_set_new(b, key, json_string(var));
  return b;
}

/* Keys of a request besides the id that the object needs (such as
 * entityTypeId) are taken from the add request, so every step addresses the
 * object the add made. */
static void align_with_add(json_t *body, const json_t *add_body, const char *id_var) {
  const char *k;
  json_t *v;
  json_object_foreach(body, k, v) {
    if (json_is_string(v) && !strcmp(json_string_value(v), id_var)) continue;
    if (strcasecmp(k, "fields") && json_object_get(add_body, k) && !json_is_object(v))
      json_object_set(body, k, json_object_get(add_body, k));
  }
}

/* A sequence add -> get -> update -> get -> delete -> get, update (both fail)
 * for a family; NULL with why when the docs do not give what it needs. */
static json_t *crud_sequence(const b24_model *m, const b24_family *f, const char **why) {
  if (!f->add || !f->get || !f->update || !f->del) {
    *why = "the family lacks one of add, get, update, delete";
    return NULL;
  }
  const b24_example *ae = b24_method_curl_example(f->add);
  char *idpath = b24_added_id_path(f->add->response.example);
  if (!ae || !idpath) {
    free(idpath);
    *why = !ae ? "add has no cURL example with a JSON body"
               : "add's response example does not show where the new id is";
    return NULL;
  }
  /* a sequence must be made of requests the docs' own tables accept */
  const b24_method *members[] = {f->add, f->get, f->update, f->del};
  static const char *const refused[] = {
      "add's example does not match its parameter table",
      "get's example does not match its parameter table",
      "update's example does not match its parameter table",
      "delete's example does not match its parameter table"};
  for (size_t i = 0; i < 4; i++) {
    const b24_example *e = b24_method_curl_example(members[i]);
    json_t *schema = b24_schema_for_params(m, members[i]);
    int ok = e && valid_request(members[i], schema, e->body);
    json_decref(schema);
    if (!ok) {
      free(idpath);
      *why = refused[i];
      return NULL;
    }
  }
  b24_buf var = B24_BUF_INIT;
  b24_buf_printf(&var, "${add.%s}", idpath);
  free(idpath);
  json_t *add_body = json_deep_copy(ae->body);
  json_object_del(add_body, "auth");
  json_t *get_body = with_id(f->get, var.data, why);
  json_t *upd_body = get_body ? with_id(f->update, var.data, why) : NULL;
  json_t *del_body = upd_body ? with_id(f->del, var.data, why) : NULL;
  if (!del_body) {
    json_decref(add_body), json_decref(get_body), json_decref(upd_body);
    b24_buf_free(&var);
    return NULL;
  }
  align_with_add(get_body, add_body, var.data);
  align_with_add(upd_body, add_body, var.data);
  align_with_add(del_body, add_body, var.data);
  const b24_example *ue = b24_method_curl_example(f->update);
  const char *uid = b24_object_id_key(f->update, ue->body);
  json_t *added = b24_written_fields(add_body, NULL), *updated = b24_written_fields(upd_body, uid);
  char *record = b24_record_path(f->get->response.example);

  static const b24_check_id raw[] = {B24_CHECK_NOT_SERVER_ERROR, B24_CHECK_STATUS_CODE,
                                     B24_CHECK_CONTENT_TYPE, B24_CHECK_ENVELOPE,
                                     B24_CHECK_VALID_INPUT_ACCEPTED, B24_CHECK_RESULT_SCHEMA,
                                     B24_CHECK_READ_AFTER_WRITE};
  static const b24_check_id gone[] = {B24_CHECK_NOT_SERVER_ERROR, B24_CHECK_STATUS_CODE,
                                      B24_CHECK_CONTENT_TYPE, B24_CHECK_ENVELOPE,
                                      B24_CHECK_ERROR_CODE_DOCUMENTED, B24_CHECK_DELETE_REMOVES};
  json_t *steps = json_array();
  json_array_append_new(steps, step(m, f->add, "add", json_incref(add_body), "success",
                                    checks_for("success", 0)));
  json_t *s = step(m, f->get, "get", json_deep_copy(get_body), "success", checks_list(raw, 7));
  verify_step(s, f->get, record, added);
  json_array_append_new(steps, s);
  json_array_append_new(steps, step(m, f->update, "update", json_incref(upd_body), "success",
                                    checks_for("success", 0)));
  s = step(m, f->get, "get_updated", json_deep_copy(get_body), "success", checks_list(raw, 7));
  verify_step(s, f->get, record, updated);
  json_array_append_new(steps, s);
  json_array_append_new(steps, step(m, f->del, "delete", json_deep_copy(del_body), "success",
                                    checks_for("success", 0)));
  json_array_append_new(steps, step(m, f->get, "get_deleted", json_incref(get_body), "error",
                                    checks_list(gone, 6)));
  json_array_append_new(steps, step(m, f->update, "update_deleted", json_incref(upd_body),
                                    "error", checks_list(gone, 6)));
  b24_buf id = B24_BUF_INIT;
  b24_buf_printf(&id, "crud/%s%s", f->name, f->rest_version == 3 ? ".v3" : "");
  char *from = loc_text(f->add->source, f->add->line);
  json_t *seq = json_pack("{s:i,s:s,s:s,s:i,s:s,s:s,s:b,s:o,s:[{s:s,s:s,s:{s:s,s:o}}]}",
                          "suite_version", SUITE_VERSION, "id", id.data, "family", f->name,
                          "rest_version", f->rest_version, "from", from, "mode", "write",
                          "restorable", 1, "steps", steps, "cleanup", "after", "add", "unless",
                          "delete", "request", "method", f->del->name, "body", del_body);
  free(from);
  b24_buf_free(&id);
  json_decref(added), json_decref(updated), json_decref(add_body), json_decref(get_body),
      json_decref(upd_body);
  free(record);
  b24_buf_free(&var);
  return seq;
}

/* ---- the whole suite --------------------------------------------------- */

static json_t *global_cases(void) {
  json_t *c = json_pack("{s:s,s:s,s:s,s:s,s:s,s:{s:s,s:{}},s:s,s:[i],s:[s]}", "id",
                        "global/unknown_method", "kind", "unknown_method", "title",
                        "a method that does not exist", "mode", "read", "auth", "portal",
                        "request", "method", UNKNOWN_METHOD, "body", "expect", "error", "status",
                        404, "codes", "ERROR_METHOD_NOT_FOUND");
  json_object_set_new(c, "checks", checks_for("error", 0));
  return json_pack("{s:i,s:i,s:i,s:[],s:[],s:[o]}", "suite_version", SUITE_VERSION,
                   "rest_version", 1, "success_status", 200, "errors", "system_errors", "cases", c);
}

static void count_modes(const json_t *cases, size_t *reads, size_t *writes) {
  size_t i;
  json_t *c;
  json_array_foreach(cases, i, c) {
    if (!strcmp(json_string_value(json_object_get(c, "mode")), "read")) (*reads)++;
    else (*writes)++;
  }
}

int b24_gen_suite(const b24_model *m, b24_outputs *o) {
  json_t *methods = json_array(), *sequences = json_array(), *skipped_families = json_array();
  size_t n_cases = 0, reads = 0, writes = 0;
  b24_buf path = B24_BUF_INIT;
  for (size_t i = 0; i < m->n_methods; i++) {
    const b24_method *meth = &m->methods[i];
    json_t *doc = method_suite(m, meth);
    char *stem = b24_schema_stem(meth);
    b24_buf_clear(&path);
    b24_buf_printf(&path, "methods/%s.json", stem);
    json_t *cases = json_object_get(doc, "cases");
    count_modes(cases, &reads, &writes);
    n_cases += json_array_size(cases);
    json_array_append_new(methods, json_pack("{s:s,s:i,s:s,s:s,s:I}", "method", meth->name,
                                             "rest_version", meth->rest_version, "file",
                                             path.data, "mode",
                                             json_string_value(json_object_get(doc, "mode")),
                                             "cases", (json_int_t)json_array_size(cases)));
    b24_buf_clear(&path);
    b24_buf_printf(&path, "suite/methods/%s.json", stem);
    b24_outputs_add_json(o, path.data, doc);
    json_decref(doc);

    char verb[64];
    b24_method_verb(meth->name, verb, sizeof verb);
    if (!strcmp(verb, "add")) {
      b24_family f;
      b24_family_of(m, meth, &f);
      if (f.add == meth) {
        const char *why = NULL;
        json_t *seq = crud_sequence(m, &f, &why);
        const char *fam_file = f.name;
        b24_buf file = B24_BUF_INIT;
        b24_buf_printf(&file, "sequences/%s%s.json", fam_file, f.rest_version == 3 ? ".v3" : "");
        if (seq) {
          json_array_append_new(sequences, json_pack("{s:s,s:i,s:s}", "family", f.name,
                                                     "rest_version", f.rest_version, "file",
                                                     file.data));
          b24_buf_clear(&path);
          b24_buf_printf(&path, "suite/%s", file.data);
          b24_outputs_add_json(o, path.data, seq);
          writes++;
          json_decref(seq);
        } else if (f.get || f.update || f.del)
          json_array_append_new(skipped_families,
                                json_pack("{s:s,s:s}", "family", f.name, "why", why));
        b24_buf_free(&file);
      }
      b24_family_free(&f);
    }
    free(stem);
  }
  json_t *global = global_cases();
  b24_outputs_add_json(o, "suite/global.json", global);
  json_decref(global);
  reads++;
  n_cases++;

  json_t *checks = json_array();
  for (int i = 0; i < B24_CHECK_COUNT; i++)
    json_array_append_new(checks, json_pack("{s:s,s:s}", "name", b24_checks[i].name, "summary",
                                            b24_checks[i].summary));
  json_t *index = json_pack(
      "{s:i,s:s,s:o,s:{s:I,s:I,s:I,s:I,s:I},s:s,s:o,s:o,s:o}", "suite_version", SUITE_VERSION,
      "about", "The conformance suite b24spec generated from the docs; run it with `b24spec check`. Format: docs/check.md",
      "checks", checks, "counts", "methods", (json_int_t)json_array_size(methods), "cases",
      (json_int_t)n_cases, "sequences", (json_int_t)json_array_size(sequences), "read",
      (json_int_t)reads, "write", (json_int_t)writes, "global", "global.json", "methods", methods,
      "sequences", sequences, "families_without_sequence", skipped_families);
  b24_outputs_add_json(o, "suite/index.json", index);
  json_decref(index);
  b24_buf_free(&path);
  return b24_gen_suite_events(m, o);
}
