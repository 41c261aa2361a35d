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
#include "gen/suite_internal.h"
#include "gen/suite_synth.h"
#include "schema/schema.h"
#include "util/buf.h"
#include "util/jsonschema.h"


#define UNKNOWN_METHOD "b24spec.no.such.method"
#define SUITE_MAX_VARIANT_CASES 64 /* per method */

/* ---- small JSON helpers -------------------------------------------------- */

json_t *suite_checks_list(const b24_check_id *ids, size_t n) {
  json_t *a = json_array();
  for (size_t i = 0; i < n; i++) json_array_append_new(a, json_string(b24_checks[ids[i]].name));
  return a;
}

/* The checks each kind of case asks for. */
json_t *suite_checks_for(const char *expect, int auth_case) {
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
  if (auth_case) return suite_checks_list(auth, N(auth));
  if (!strcmp(expect, "success")) return suite_checks_list(ok, N(ok));
  if (!strcmp(expect, "error")) return suite_checks_list(bad, N(bad));
  return suite_checks_list(any, N(any));
#undef N
}

char *suite_loc_text(const char *file, int line) {
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
void suite_drop_check(json_t *c, b24_check_id id, const char *why) {
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

/* Valid however a portal reads the values: strict JSON types or form strings. */
int suite_valid_request(const b24_method *meth, const json_t *schema, const json_t *body) {
  return suite_validate_params(meth, schema, body, B24_JSONSCHEMA_FORM_SCALARS, NULL) == 0;
}

/* Invalid however the portal reads it: as JSON, and as form values. */
int suite_surely_invalid(const b24_method *meth, const json_t *schema, const json_t *body) {
  return suite_validate_params(meth, schema, body, 0, NULL) &&
         suite_validate_params(meth, schema, body, B24_JSONSCHEMA_FORM_SCALARS, NULL);
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

/* ---- one method -------------------------------------------------------- */


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

/* Whether the undo request, with the old values as the getter's docs example
 * shows them, is one the method's parameter table accepts (a field the docs
 * type by an object may read back as its id). fields_obj: where in undo the
 * fields sit (NULL: at its top). True when there is no example to judge by. */
static int undo_acceptable(method_gen *g, const b24_method *get, const char *record,
                           const json_t *undo, const json_t *fields_obj, const json_t *fields) {
  const json_t *rec = b24_jpath_get_icase(get->response.example, record);
  if (!json_is_object(rec)) return 1;
  json_t *probe = json_deep_copy(undo);
  json_t *target = probe;
  if (fields_obj) {
    const char *k;
    json_t *v;
    json_object_foreach(probe, k, v) if (!strcasecmp(k, "fields") && json_is_object(v)) target = v;
  }
  const char *k;
  json_t *v;
  json_object_foreach((json_t *)fields, k, v) {
    const json_t *old = b24_jpath_get_icase(rec, k);
    if (old) json_object_set(target, k, (json_t *)old);
  }
  int ok = suite_valid_request(g->meth, g->params_schema, probe);
  json_decref(probe);
  return ok;
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
  b24_buf_free(&var);
  if (!undo_acceptable(g, get, record, undo, target == undo ? NULL : target, fields)) {
    *why = "the getter's example shows a value of a field the request writes that the method's "
           "parameter table refuses, so it cannot be written back";
    json_decref(fields), json_decref(read_body), json_decref(undo);
    free(record);
    return NULL;
  }
  json_decref(fields);
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
json_t *suite_add_case(method_gen *g, const char *id, const char *kind, const char *title,
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
  json_object_set_new(c, "checks", suite_checks_for(expect, auth_case));
  if (!auth_case && strcmp(expect, "success") && !g->input_errors)
    suite_drop_check(c, B24_CHECK_ERROR_CODE_DOCUMENTED,
               "the page documents no error for bad input, so any error code is accepted");
  if (g->result_conflict) suite_drop_check(c, B24_CHECK_RESULT_SCHEMA, g->result_conflict);
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
    char *from = suite_loc_text(e->loc.file ? e->loc.file : g->meth->source, e->loc.line);
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
    int ok = suite_validate_params(g->meth, g->params_schema, body, B24_JSONSCHEMA_FORM_SCALARS, &errs) == 0;
    if (ok && !base) base = json_incref(body);
    json_t *c = suite_add_case(g, id.data, "example", title.data, from,
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

static void auth_cases(method_gen *g) {
  json_t *c = suite_add_case(g, "auth/none", "no_auth", "called without credentials", NULL, "none",
                       json_object(), "error");
  json_object_set_new(c, "status", json_pack("[i]", 401));
  json_object_set_new(c, "codes", json_pack("[s]", "NO_AUTH_FOUND"));
  c = suite_add_case(g, "auth/wrong", "wrong_auth", "called with a wrong webhook secret or token", NULL,
               "wrong", json_object(), "error");
  json_object_set_new(c, "status", json_pack("[i]", 401));
  json_object_set_new(c, "codes", json_pack("[s,s,s]", "NO_AUTH_FOUND", "invalid_token", "expired_token"));
}

static bool has_required(const b24_method *meth) {
  for (size_t i = 0; i < meth->params.n; i++)
    if (meth->params.items[i].required && !meth->params.items[i].wildcard) return true;
  return false;
}

/* Records in set every path of body ("fields", "fields.title"; keys lower-cased,
 * list elements looked into): what a success case sends. */
static void collect_paths(const json_t *v, b24_buf *path, json_t *set) {
  size_t i;
  json_t *e;
  if (json_is_array(v)) {
    json_array_foreach(v, i, e) collect_paths(e, path, set);
    return;
  }
  if (!json_is_object(v)) return;
  const char *k;
  json_object_foreach((json_t *)v, k, e) {
    size_t mark = path->len;
    b24_buf_printf(path, "%s%s", mark ? "." : "", k);
    for (size_t j = mark; j < path->len; j++)
      if (path->data[j] >= 'A' && path->data[j] <= 'Z') path->data[j] += 'a' - 'A';
    json_object_set_new(set, path->data, json_true());
    collect_paths(e, path, set);
    path->len = mark;
    path->data[mark] = 0;
  }
}

static void note_sent(method_gen *g, const json_t *body) {
  b24_buf path = B24_BUF_INIT;
  b24_buf_puts(&path, "");
  collect_paths(body, &path, g->sent_paths);
  b24_buf_free(&path);
}

/* The success cases so far: their bodies' paths into g->sent_paths. */
static size_t success_cases(method_gen *g) {
  size_t i, n = 0;
  json_t *c;
  json_array_foreach(g->cases, i, c) {
    if (strcmp(json_string_value(json_object_get(c, "expect")), "success")) continue;
    note_sent(g, json_object_get(json_object_get(c, "request"), "body"));
    n++;
  }
  return n;
}

/* Whether body sends a path no success case sends yet. */
static int sends_more(method_gen *g, const json_t *body) {
  json_t *mine = json_object();
  b24_buf path = B24_BUF_INIT;
  b24_buf_puts(&path, "");
  collect_paths(body, &path, mine);
  b24_buf_free(&path);
  const char *k;
  json_t *v;
  int more = 0;
  json_object_foreach(mine, k, v) if (!json_object_get(g->sent_paths, k)) more = 1;
  json_decref(mine);
  return more;
}

/* A success case with a body made from the parameter schema: when the docs give
 * no example that the parameter table accepts, or to send the parameters no
 * example sends. */
static void synthesized_case(method_gen *g, json_t *body, const char *id, const char *title) {
  char *from = suite_loc_text(g->meth->source, g->meth->params_loc.line ? g->meth->params_loc.line : g->meth->line);
  json_t *c = suite_add_case(g, id, "synthesized", title, from, "portal", body, "success");
  json_object_set_new(c, "body_source", json_pack("{s:s,s:i}", "kind", "schema", "seed", g->seed));
  note_sent(g, body);
  free(from);
}

static json_t *method_suite(const b24_model *m, const b24_method *meth, unsigned seed) {
  method_gen g = {.m = m, .meth = meth, .seed = seed};
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
  g.sent_paths = json_object();

  json_t *base = example_cases(&g);
  size_t n_success = success_cases(&g);
  json_t *required = suite_synth_body(meth, g.params_schema, SUITE_SYNTH_REQUIRED, seed);
  json_t *all = suite_synth_body(meth, g.params_schema, SUITE_SYNTH_ALL, seed);
  if (!n_success && required && (!all || !json_equal(required, all)))
    synthesized_case(&g, json_incref(required), "synth/required",
                     "the required parameters with documented or type-correct values");
  if (all && (!n_success || sends_more(&g, all)))
    synthesized_case(&g, json_incref(all), "synth/all",
                     "every documented parameter with a documented or type-correct value");
  int variants = suite_synth_variants(g.params_schema);
  for (int v = 0; v < variants && v < SUITE_MAX_VARIANT_CASES; v++) {
    json_t *body = suite_synth_variant(meth, g.params_schema, SUITE_SYNTH_ALL, seed, v);
    if (body && sends_more(&g, body)) {
      char id[48];
      snprintf(id, sizeof id, "synth/variant/%d", v + 1);
      synthesized_case(&g, json_incref(body), id,
                       "every documented parameter of one variant (a tab of a per-variant table)");
    }
    json_decref(body);
  }
  if (!base) base = required ? json_incref(required) : all ? json_incref(all) : NULL;
  json_decref(required);
  json_decref(all);
  if (base) suite_negative_cases(&g, base, &meth->params, NULL);
  else if (g.has_required) {
    suite_add_case(&g, "missing/all", "missing_required", "no parameters at all", NULL, "portal",
             json_object(), "error");
    not_generated(&g, "per-parameter negative cases", "no valid request to start from");
  }
  json_decref(base);
  auth_cases(&g);

  char *src = suite_loc_text(meth->source, meth->line);
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
  json_decref(g.sent_paths);
  b24_family_free(&g.fam);
  free(g.stem);
  return doc;
}

/* ---- CRUD sequences ------------------------------------------------------ */

/* One step of a sequence: a call of meth that should succeed or fail. */
json_t *suite_step(const b24_model *m, const b24_method *meth, const char *name, json_t *body,
                    const char *expect, json_t *checks) {
  json_t *s = json_pack("{s:s,s:{s:s,s:o},s:s,s:o}", "name", name, "request", "method",
                        meth->name, "body", body, "expect", expect, "checks", checks);
  if (!strcmp(expect, "success")) {
    json_t *schema = b24_schema_for_result(m, meth);
    char *conflict = result_conflict(schema, meth);
    if (conflict) suite_drop_check(s, B24_CHECK_RESULT_SCHEMA, conflict);
    free(conflict);
    json_decref(schema);
  } else {
    /* the object is gone: the documented not-found error when the page has one */
    json_t *codes = not_found_codes(meth);
    if (json_array_size(codes)) json_object_set(s, "codes", codes);
    else
      suite_drop_check(s, B24_CHECK_ERROR_CODE_DOCUMENTED,
                 "the page documents no error for an object that does not exist, so any error is accepted");
    json_decref(codes);
  }
  return s;
}

/* The body of a family member's example with its id key set to the variable. */
json_t *suite_with_id(const b24_method *meth, const char *var, const char **why) {
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

/* ---- the whole suite --------------------------------------------------- */

static json_t *global_cases(const b24_model *m, unsigned seed) {
  json_t *c = json_pack("{s:s,s:s,s:s,s:s,s:s,s:{s:s,s:{}},s:s,s:[i],s:[s]}", "id",
                        "global/unknown_method", "kind", "unknown_method", "title",
                        "a method that does not exist", "mode", "read", "auth", "portal",
                        "request", "method", UNKNOWN_METHOD, "body", "expect", "error", "status",
                        404, "codes", "ERROR_METHOD_NOT_FOUND");
  json_object_set_new(c, "checks", suite_checks_for("error", 0));
  json_t *cases = json_pack("[o]", c);
  suite_batch_cases(m, seed, cases);
  return json_pack("{s:i,s:i,s:i,s:[],s:[],s:o}", "suite_version", SUITE_VERSION,
                   "rest_version", 1, "success_status", 200, "errors", "system_errors", "cases", cases);
}

static void count_modes(const json_t *cases, size_t *reads, size_t *writes) {
  size_t i;
  json_t *c;
  json_array_foreach(cases, i, c) {
    if (!strcmp(json_string_value(json_object_get(c, "mode")), "read")) (*reads)++;
    else (*writes)++;
  }
}

/* Writes a sequence to suite/sequences/<family><suffix>.json and lists it in
 * the index (takes seq). */
static void add_sequence(b24_outputs *o, json_t *index_entries, const b24_family *f,
                         const char *kind, const char *suffix, json_t *seq) {
  b24_buf file = B24_BUF_INIT, path = B24_BUF_INIT;
  b24_buf_printf(&file, "sequences/%s%s.json", f->name, suffix);
  b24_buf_printf(&path, "suite/%s", file.data);
  json_array_append_new(index_entries, json_pack("{s:s,s:s,s:i,s:s}", "kind", kind, "family", f->name,
                                                 "rest_version", f->rest_version, "file", file.data));
  b24_outputs_add_json(o, path.data, seq);
  json_decref(seq);
  b24_buf_free(&file);
  b24_buf_free(&path);
}

int b24_gen_suite_seeded(const b24_model *m, unsigned seed, b24_outputs *o) {
  json_t *methods = json_array(), *sequences = json_array(), *skipped_families = json_array();
  size_t n_cases = 0, reads = 0, writes = 0;
  b24_buf path = B24_BUF_INIT;
  for (size_t i = 0; i < m->n_methods; i++) {
    const b24_method *meth = &m->methods[i];
    json_t *doc = method_suite(m, meth, seed);
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
        json_t *seq = suite_crud_sequence(m, &f, seed, &why);
        if (seq) add_sequence(o, sequences, &f, "crud", f.rest_version == 3 ? ".v3" : "", seq);
        else if (f.get || f.update || f.del)
          json_array_append_new(skipped_families,
                                json_pack("{s:s,s:s}", "family", f.name, "why", why));
        json_t *lseq = suite_list_sequence(m, &f, seed, &why);
        if (lseq) add_sequence(o, sequences, &f, "list", ".list", lseq);
        writes += (seq != NULL) + (lseq != NULL);
      }
      b24_family_free(&f);
    }
    free(stem);
  }
  json_t *global = global_cases(m, seed);
  b24_outputs_add_json(o, "suite/global.json", global);
  count_modes(json_object_get(global, "cases"), &reads, &writes);
  n_cases += json_array_size(json_object_get(global, "cases"));
  json_decref(global);

  json_t *checks = json_array();
  for (int i = 0; i < B24_CHECK_COUNT; i++)
    json_array_append_new(checks, json_pack("{s:s,s:s}", "name", b24_checks[i].name, "summary",
                                            b24_checks[i].summary));
  json_t *index = json_pack(
      "{s:i,s:s,s:i,s:o,s:{s:I,s:I,s:I,s:I,s:I},s:s,s:o,s:o,s:o}", "suite_version", SUITE_VERSION,
      "about", "The conformance suite b24spec generated from the docs; run it with `b24spec check`. Format: docs/check.md",
      "seed", (int)seed, "checks", checks, "counts", "methods", (json_int_t)json_array_size(methods), "cases",
      (json_int_t)n_cases, "sequences", (json_int_t)json_array_size(sequences), "read",
      (json_int_t)reads, "write", (json_int_t)writes, "global", "global.json", "methods", methods,
      "sequences", sequences, "families_without_sequence", skipped_families);
  b24_outputs_add_json(o, "suite/index.json", index);
  json_decref(index);
  b24_buf_free(&path);
  return b24_gen_suite_events(m, o);
}

int b24_gen_suite(const b24_model *m, b24_outputs *o) {
  return b24_gen_suite_seeded(m, B24_SUITE_DEFAULT_SEED, o);
}
