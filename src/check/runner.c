/* The conformance runner: schedules the suite's units (cases and CRUD
 * sequences) over the HTTP engine, applies the checks each asks for, and
 * undoes what write cases change. Each unit is a small state machine driven by
 * answer callbacks; several units are in flight at once (--jobs), spread over
 * one worker thread per CPU, each with its own engine (the suite is only read;
 * results go through one lock). */
#define _GNU_SOURCE /* pthread_setname_np */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "check/check.h"
#include "model/family.h"
#include "check/http.h"
#include "check/list_checks.h"
#include "check/report.h"
#include "check/suite_load.h"
#include "suite/vars.h"
#include "util/buf.h"
#include "util/json_text.h"
#include "util/parallel.h"

#define WRONG_SECRET "b24specwrongsecret0"
#define WRONG_TOKEN "b24spec-wrong-token-0"

/* ---- where requests go ----------------------------------------------------- */

enum { AUTH_PORTAL, AUTH_NONE, AUTH_WRONG, N_AUTH };

typedef struct target {
  char *prefix;        /* "http://host:port/rest/" */
  char *user, *secret; /* webhook credentials, NULL with a token */
  const char *token;   /* OAuth access token */
  b24_buf base[2][N_AUTH]; /* what goes before a method's name: [REST v3][auth] */
} target;

static int auth_kind(const char *auth) {
  return !strcmp(auth, "portal") ? AUTH_PORTAL : !strcmp(auth, "wrong") ? AUTH_WRONG : AUTH_NONE;
}

/* The URLs' beginnings, made once: a URL is built for every request. */
static void target_bases(target *t) {
  for (int v3 = 0; v3 < 2; v3++)
    for (int k = 0; k < N_AUTH; k++) {
      b24_buf *b = &t->base[v3][k];
      b24_buf_puts(b, t->prefix);
      if (v3) b24_buf_puts(b, "api/");
      if (t->user && k != AUTH_NONE) {
        b24_buf_puts(b, t->user);
        b24_buf_putc(b, '/');
        b24_buf_puts(b, k == AUTH_PORTAL ? t->secret : WRONG_SECRET);
        b24_buf_putc(b, '/');
      }
    }
}

static int target_parse(const char *url, const char *token, target *t, char *err, size_t errlen) {
  memset(t, 0, sizeof *t);
  const char *scheme = strstr(url, "://");
  const char *rest = scheme ? strstr(scheme + 3, "/rest/") : NULL;
  if (!scheme || !rest) {
    snprintf(err, errlen, "--url must look like https://PORTAL/rest/USER/SECRET/ (a webhook) or "
                          "https://PORTAL/rest/ with --auth TOKEN");
    return -1;
  }
  size_t plen = (size_t)(rest - url) + 6;
  const char *tail = rest + 6;
  if (!strncmp(tail, "api/", 4)) tail += 4;
  t->prefix = strndup(url, plen);
  if (!t->prefix) abort();
  if (token) {
    t->token = token;
    target_bases(t);
    return 0;
  }
  const char *slash = strchr(tail, '/');
  size_t slen = slash ? strcspn(slash + 1, "/?#") : 0;
  if (!slash || slash == tail || !slen) {
    snprintf(err, errlen, "--url has no USER/SECRET after /rest/ (a webhook URL), and no --auth "
                          "TOKEN was given");
    return -1;
  }
  t->user = strndup(tail, (size_t)(slash - tail));
  t->secret = strndup(slash + 1, slen);
  if (!t->user || !t->secret) abort();
  target_bases(t);
  return 0;
}

static void target_free(target *t) {
  free(t->prefix);
  free(t->user);
  free(t->secret);
  for (int v3 = 0; v3 < 2; v3++)
    for (int k = 0; k < N_AUTH; k++) b24_buf_free(&t->base[v3][k]);
}

/* Appends the URL of a method to out. auth: "portal" (the credentials given),
 * "none", "wrong". */
static void put_url(b24_buf *out, const target *t, const char *method, int rest_version,
                    const char *auth) {
  const b24_buf *base = &t->base[rest_version == 3][auth_kind(auth)];
  b24_buf_put(out, base->data, base->len);
  b24_buf_puts(out, method);
}

/* Appends the JSON text of a request body to out, with the auth key the target
 * and auth ask for. */
static void put_body(b24_buf *out, const target *t, const json_t *body, const char *auth) {
  /* Most bodies go as the suite has them: no copy to edit. */
  int kind = auth_kind(auth), token = t->token && kind != AUTH_NONE;
  if (json_is_object(body) && !token && !json_object_get(body, "auth")) {
    b24_json_text_append(out, body, B24_JSON_COMPACT);
    return;
  }
  json_t *b = json_is_object(body) ? json_copy((json_t *)body) : json_object();
  json_object_del(b, "auth");
  if (token) json_object_set_new(b, "auth", json_string(kind == AUTH_PORTAL ? t->token : WRONG_TOKEN));
  b24_json_text_append(out, b, B24_JSON_COMPACT);
  json_decref(b);
}

/* ---- the runner ------------------------------------------------------------ */

typedef struct runner {
  const b24_check_options *o;
  b24_suite suite;
  target t;
  b24_report report;
  b24_redactor red;
  pthread_mutex_t lock;      /* next_unit and report */
  size_t next_unit;
  const b24_unit **order;    /* the units as handed out: sequences first */
} runner;

typedef struct unit_run unit_run;

/* A thread with its own transport; units it takes run on it to their end. */
typedef struct worker {
  runner *r;
  b24_http *http;
  pthread_t thread;
  unit_run *spare;           /* finished units, kept with their buffers for reuse */
} worker;

struct unit_run {
  unit_run *next_spare;
  runner *r;
  worker *w;
  const b24_unit *u;
  b24_check_result *res;
  /* of the request in flight, for the reproduce line; kept across requests and
   * units: a body built in a fresh buffer grew it by reallocs, and one past
   * 1 KiB makes malloc consolidate its fast bins */
  b24_buf url, body;
  /* a case */
  json_t *before;            /* the object as read before a write */
  json_t *response;          /* the main answer */
  json_t *undo_body;         /* expanded when it could be before the write */
  bool no_undo;              /* the object could not be read first: leave it */
  /* a sequence */
  size_t step;
  size_t cleanup_at;         /* the next cleanup entry to consider */
  json_t *answers;           /* step name -> answer JSON */
  json_t *succeeded;         /* step name -> true */
};

/* A unit's run is over: what it holds is released, and it goes to its worker's
 * spares with its buffers. */
static void unit_free(unit_run *ur) {
  b24_check_result_free(ur->res);
  json_decref(ur->before);
  json_decref(ur->response);
  json_decref(ur->undo_body);
  json_decref(ur->answers);
  json_decref(ur->succeeded);
  ur->next_spare = ur->w->spare;
  ur->w->spare = ur;
}

static void worker_free_spares(worker *w) {
  while (w->spare) {
    unit_run *ur = w->spare;
    w->spare = ur->next_spare;
    b24_buf_free(&ur->url);
    b24_buf_free(&ur->body);
    free(ur);
  }
}

static void post(unit_run *ur, const char *method, int rest_version, const char *auth,
                 const json_t *body, b24_http_done done) {
  b24_buf_clear(&ur->url);
  b24_buf_clear(&ur->body);
  put_url(&ur->url, &ur->r->t, method, rest_version, auth);
  put_body(&ur->body, &ur->r->t, body, auth);
  b24_http_post(ur->w->http, ur->url.data, ur->body.data, ur->body.len, done, ur);
}

static void emit(unit_run *ur) {
  pthread_mutex_lock(&ur->r->lock);
  b24_report_add(&ur->r->report, ur->res);
  pthread_mutex_unlock(&ur->r->lock);
  ur->res = NULL;
}

/* checks: what the case or step asks for (b24_checks_mask); --checks decides too. */
static bool check_on(const runner *r, unsigned checks, b24_check_id id) {
  return r->o->on[id] && (checks >> id & 1u);
}

static void set_repro(unit_run *ur, b24_check_result *res) {
  free(res->repro);
  res->repro = b24_curl_command(ur->url.data, ur->body.data);
}

/* Applies the checks def asks for to one answer; failures go into res. The
 * parsed answer is left in a (the caller clears it). */
static void evaluate(unit_run *ur, b24_check_result *res, const json_t *def, unsigned checks,
                     const b24_method_expect *mx, const b24_http_answer *ha, b24_answer *a) {
  runner *r = ur->r;
  b24_answer_parse(a, ha->status, ha->content_type, ha->error ? NULL : ha->body, ha->body_len);
  res->seconds += ha->seconds;
  if (ha->error) {
    /* no answer at all breaks every promise; reported whatever --checks says */
    b24_check_result_fail(res, b24_checks[B24_CHECK_NOT_SERVER_ERROR].name, "no answer: %s", ha->error);
    set_repro(ur, res);
    return;
  }
  const char *expect = json_string_value(json_object_get(def, "expect"));
  bool want_success = expect && !strcmp(expect, "success");
  bool any = !expect || !strcmp(expect, "any");
  const json_t *status = json_object_get(def, "status"), *codes = json_object_get(def, "codes");
  b24_buf why = B24_BUF_INIT;
#define RUN(id, call)                                                   \
  do {                                                                  \
    if (check_on(r, checks, id)) {                                      \
      b24_buf_clear(&why);                                              \
      if (!(call)) b24_check_result_fail(res, b24_checks[id].name, "%s", why.data ? why.data : ""); \
    }                                                                   \
  } while (0)
  RUN(B24_CHECK_NOT_SERVER_ERROR, b24_check_not_server_error(a, &why));
  RUN(B24_CHECK_STATUS_CODE,
      b24_check_status_code(mx, a, any ? !a->is_error : want_success, status, &why));
  RUN(B24_CHECK_CONTENT_TYPE, b24_check_content_type(a, &why));
  RUN(B24_CHECK_ENVELOPE, b24_check_envelope(mx, a, &why));
  RUN(B24_CHECK_RESULT_SCHEMA, b24_check_result_schema(mx, a, &why));
  RUN(B24_CHECK_ERROR_CODE_DOCUMENTED, b24_check_error_code_documented(mx, a, codes, &why));
  RUN(B24_CHECK_INVALID_INPUT_REJECTED, b24_check_rejected(a, &why));
  RUN(B24_CHECK_VALID_INPUT_ACCEPTED, b24_check_accepted(a, &why));
  RUN(B24_CHECK_AUTH_NOT_IGNORED, b24_check_auth_rejected(a, codes, &why));
  RUN(B24_CHECK_CONSTRAINT_REJECTED, b24_check_rejected(a, &why));
  RUN(B24_CHECK_BATCH, b24_check_batch(a, json_object_get(def, "batch"), &why));
  const json_t *verify = json_object_get(def, "verify");
  if (verify && check_on(r, checks, B24_CHECK_READ_AFTER_WRITE)) {
    b24_buf_clear(&why);
    int ok;
    if (a->is_error || !a->json) {
      b24_buf_printf(&why, "the object written could not be read back (HTTP %ld %s)", a->status,
                     a->error_code ? a->error_code : "");
      ok = 0;
    } else
      ok = b24_check_fields_read_back(a, json_string_value(json_object_get(verify, "record")),
                                      json_object_get(verify, "fields"), &why);
    if (!ok) b24_check_result_fail(res, b24_checks[B24_CHECK_READ_AFTER_WRITE].name, "%s", why.data);
  }
  /* a list step after the delete checks it by its list of objects (evaluate_list) */
  if (check_on(r, checks, B24_CHECK_DELETE_REMOVES) && !json_object_get(def, "list")) {
    b24_buf_clear(&why);
    if (!b24_check_rejected(a, &why))
      b24_check_result_fail(res, b24_checks[B24_CHECK_DELETE_REMOVES].name,
                      "the object is still there after delete: %s", why.data);
  }
#undef RUN
  b24_buf_free(&why);
  if (res->outcome == B24_RESULT_FAIL) set_repro(ur, res);
}

static bool answered_ok(const b24_http_answer *ha, const b24_answer *a) {
  return !ha->error && !a->is_error && a->status < 400 && json_object_get(a->json, "result");
}

/* ---- variables ----------------------------------------------------------- */

static const json_t *case_scope(void *ctx, const char *name) {
  unit_run *ur = ctx;
  if (!strcmp(name, "request"))
    return json_object_get(json_object_get(ur->u->def, "request"), "body");
  if (!strcmp(name, "response")) return ur->response;
  if (!strcmp(name, "before")) return ur->before;
  return NULL;
}

static const json_t *seq_scope(void *ctx, const char *name) {
  return json_object_get(((unit_run *)ctx)->answers, name);
}

/* ---- cases ----------------------------------------------------------------- */

static void case_main(unit_run *ur);

static const b24_suite_method *case_method(const unit_run *ur) { return ur->u->method; }

static void case_done(unit_run *ur) {
  emit(ur);
  unit_free(ur);
}

static void on_undo(void *ud, const b24_http_answer *ha) {
  unit_run *ur = ud;
  b24_answer a;
  b24_answer_parse(&a, ha->status, ha->content_type, ha->error ? NULL : ha->body, ha->body_len);
  if (!answered_ok(ha, &a)) {
    b24_check_result_fail(ur->res, "restore",
                    "undoing the change failed (HTTP %ld %s%s): the portal may differ from before "
                    "this case; the undo request was:\n%s",
                    ha->status, a.error_code ? a.error_code : "", ha->error ? ha->error : "",
                    ur->body.data);
  }
  b24_answer_clear(&a);
  case_done(ur);
}

static void on_main(void *ud, const b24_http_answer *ha) {
  unit_run *ur = ud;
  const b24_suite_method *m = case_method(ur);
  b24_answer a;
  evaluate(ur, ur->res, ur->u->def, ur->u->checks, &m->expect, ha, &a);
  bool ok = answered_ok(ha, &a);
  ur->response = a.json ? json_incref(a.json) : NULL;
  b24_answer_clear(&a);
  const json_t *undo = json_object_get(json_object_get(ur->u->def, "restore"), "undo");
  if (ok && undo && ur->r->o->allow_writes && !ur->no_undo) {
    char err[256];
    json_t *body = ur->undo_body ? json_incref(ur->undo_body)
                                 : b24_vars_expand(json_object_get(undo, "body"), case_scope, ur,
                                                   err, sizeof err);
    if (!body) {
      b24_check_result_fail(ur->res, "restore", "cannot undo the change: %s", err);
      case_done(ur);
      return;
    }
    post(ur, json_string_value(json_object_get(undo, "method")), m->expect.rest_version, "portal",
         body, on_undo);
    json_decref(body);
    return;
  }
  case_done(ur);
}

static void case_main(unit_run *ur) {
  const json_t *req = json_object_get(ur->u->def, "request");
  post(ur, json_string_value(json_object_get(req, "method")), case_method(ur)->expect.rest_version,
       json_string_value(json_object_get(ur->u->def, "auth")) ?
           json_string_value(json_object_get(ur->u->def, "auth")) : "portal",
       json_object_get(req, "body"), on_main);
}

/* Without what a write changes read first, the case runs only when the user
 * said undoing does not matter. */
static void cannot_restore(unit_run *ur, const char *why) {
  if (ur->r->o->allow_unrestorable) {
    ur->no_undo = true;
    case_main(ur);
    return;
  }
  b24_check_result_skip(ur->res, "cannot read what it changes before changing it (%s); "
                           "--allow-unrestorable runs it anyway", why);
  case_done(ur);
}

/* The first "${before.K}" of an undo template whose value, as read, cannot be
 * written back (see b24_value_restorable); NULL when all can. */
static const char *unrestorable_field(const json_t *tmpl, const json_t *before) {
  if (json_is_string(tmpl)) {
    const char *s = json_string_value(tmpl);
    size_t n = strlen(s);
    if (n < 10 || strncmp(s, "${before.", 9) || s[n - 1] != '}') return NULL;
    char *key = strndup(s + 9, n - 10);
    if (!key) abort();
    int ok = b24_value_restorable(b24_jpath_get_icase(before, key));
    free(key);
    return ok ? NULL : s;
  }
  const char *k, *bad = NULL;
  json_t *v;
  size_t i;
  if (json_is_object(tmpl)) json_object_foreach((json_t *)tmpl, k, v) {
      if (!bad) bad = unrestorable_field(v, before);
    }
  if (json_is_array(tmpl)) json_array_foreach(tmpl, i, v) {
      if (!bad) bad = unrestorable_field(v, before);
    }
  return bad;
}

static void on_read(void *ud, const b24_http_answer *ha) {
  unit_run *ur = ud;
  const json_t *plan = json_object_get(ur->u->def, "restore");
  b24_answer a;
  b24_answer_parse(&a, ha->status, ha->content_type, ha->error ? NULL : ha->body, ha->body_len);
  const json_t *rec = answered_ok(ha, &a) ?
      b24_jpath_get_icase(a.json, json_string_value(json_object_get(plan, "record"))) : NULL;
  if (!json_is_object(rec)) {
    char why[160];
    snprintf(why, sizeof why, "the getter answered HTTP %ld %s", ha->status,
             a.error_code ? a.error_code : (ha->error ? ha->error : "without the object"));
    b24_answer_clear(&a);
    cannot_restore(ur, why);
    return;
  }
  /* only read, so no copy: its own reference keeps it when its answer goes */
  ur->before = json_incref((json_t *)rec);
  b24_answer_clear(&a);
  char err[256];
  const json_t *undo_tmpl = json_object_get(json_object_get(plan, "undo"), "body");
  const char *bad = unrestorable_field(undo_tmpl, ur->before);
  if (bad) {
    snprintf(err, sizeof err, "%s is missing, null, an object or a list in what the getter answered", bad);
    cannot_restore(ur, err);
    return;
  }
  ur->undo_body = b24_vars_expand(json_object_get(json_object_get(plan, "undo"), "body"),
                                  case_scope, ur, err, sizeof err);
  if (!ur->undo_body) {
    cannot_restore(ur, err);
    return;
  }
  case_main(ur);
}

static unit_run *unit_run_new(worker *w, const b24_unit *u) {
  unit_run *ur = w->spare;
  if (ur) {
    w->spare = ur->next_spare;
    b24_buf url = ur->url, body = ur->body;
    memset(ur, 0, sizeof *ur);
    ur->url = url;
    ur->body = body;
  } else if (!(ur = calloc(1, sizeof *ur)))
    abort();
  ur->r = w->r;
  ur->w = w;
  ur->u = u;
  return ur;
}

static void case_start(worker *w, const b24_unit *u) {
  runner *r = w->r;
  unit_run *ur = unit_run_new(w, u);
  ur->res = b24_check_result_newn(u->id, u->id, strcspn(u->id, "/"),
                                  json_string_value(json_object_get(u->def, "title")));
  if (u->writes && !r->o->allow_writes) {
    b24_check_result_skip(ur->res, "changes data; run with --allow-writes");
    case_done(ur);
    return;
  }
  if (u->writes && !u->restorable && !r->o->allow_unrestorable) {
    b24_check_result_skip(ur->res, "changes data in a way the runner cannot undo; "
                             "--allow-unrestorable runs it (never on a portal you care about)");
    case_done(ur);
    return;
  }
  const json_t *read = json_object_get(json_object_get(u->def, "restore"), "read");
  if (u->writes && read) {
    char err[256];
    json_t *body = b24_vars_expand(json_object_get(read, "body"), case_scope, ur, err, sizeof err);
    if (!body) {
      cannot_restore(ur, err);
      return;
    }
    post(ur, json_string_value(json_object_get(read, "method")), u->method->expect.rest_version,
         "portal", body, on_read);
    json_decref(body);
    return;
  }
  case_main(ur);
}

/* ---- sequences ------------------------------------------------------------- */

static void seq_next(unit_run *ur);

static const json_t *seq_step(const unit_run *ur) {
  return json_array_get(json_object_get(ur->u->def, "steps"), ur->step);
}

static int seq_rest_version(const unit_run *ur) {
  return (int)json_integer_value(json_object_get(ur->u->def, "rest_version"));
}

static b24_check_result *step_result(const unit_run *ur, const json_t *step) {
  b24_buf id = B24_BUF_INIT, title = B24_BUF_INIT;
  const char *name = json_string_value(json_object_get(step, "name"));
  b24_buf_printf(&id, "%s/%s", ur->u->id, name ? name : "?");
  b24_buf_printf(&title, "%s: %s",
                 json_string_value(json_object_get(json_object_get(step, "request"), "method")),
                 name ? name : "?");
  b24_check_result *res = b24_check_result_new(id.data, ur->u->id, title.data);
  b24_buf_free(&id);
  b24_buf_free(&title);
  return res;
}

static void seq_done(unit_run *ur) { unit_free(ur); }

static void seq_cleanup(unit_run *ur);

static void on_cleanup(void *ud, const b24_http_answer *ha) {
  unit_run *ur = ud;
  b24_answer a;
  b24_answer_parse(&a, ha->status, ha->content_type, ha->error ? NULL : ha->body, ha->body_len);
  if (!answered_ok(ha, &a)) {
    b24_check_result_fail(ur->res, "cleanup",
                    "deleting what the sequence added failed (HTTP %ld %s%s): it is still on the portal",
                    ha->status, a.error_code ? a.error_code : "", ha->error ? ha->error : "");
    set_repro(ur, ur->res);
  }
  b24_answer_clear(&a);
  emit(ur);
  seq_cleanup(ur);
}

/* Deletes what the sequence made when its own delete step did not: each
 * cleanup entry in turn (ur->cleanup_at), one request at a time. */
static void seq_cleanup(unit_run *ur) {
  const json_t *all = json_object_get(ur->u->def, "cleanup");
  for (const json_t *c; (c = json_array_get(all, ur->cleanup_at)); ) {
    ur->cleanup_at++;
    const char *after = json_string_value(json_object_get(c, "after"));
    const char *unless = json_string_value(json_object_get(c, "unless"));
    if (!after || !json_object_get(ur->succeeded, after)) continue;
    if (unless && json_object_get(ur->succeeded, unless)) continue;
    const json_t *req = json_object_get(c, "request");
    const char *name = json_string_value(json_object_get(c, "name"));
    char err[256];
    json_t *body = b24_vars_expand(json_object_get(req, "body"), seq_scope, ur, err, sizeof err);
    b24_buf id = B24_BUF_INIT;
    b24_buf_printf(&id, "%s/%s", ur->u->id, name ? name : "cleanup");
    ur->res = b24_check_result_new(id.data, ur->u->id, "delete what the sequence added");
    b24_buf_free(&id);
    if (!body) {
      b24_check_result_fail(ur->res, "cleanup", "cannot delete what the sequence added: %s", err);
      emit(ur);
      continue;
    }
    post(ur, json_string_value(json_object_get(req, "method")), seq_rest_version(ur), "portal",
         body, on_cleanup);
    json_decref(body);
    return;
  }
  seq_done(ur);
}

/* The promises of a list step's answer (its "list" object, see list_checks.h). */
static void evaluate_list(unit_run *ur, const json_t *step, unsigned checks, const b24_answer *a) {
  const json_t *tmpl = json_object_get(step, "list");
  if (!tmpl || !a->json || a->is_error) return;
  char err[256];
  json_t *spec = b24_vars_expand(tmpl, seq_scope, ur, err, sizeof err);
  if (!spec) {
    b24_check_result_fail(ur->res, "suite", "the list step's expectations do not resolve: %s", err);
    return;
  }
  static const b24_check_id ids[] = {B24_CHECK_LIST_FILTER, B24_CHECK_LIST_ORDER,
                                     B24_CHECK_LIST_SELECT, B24_CHECK_LIST_PAGING,
                                     B24_CHECK_READ_AFTER_WRITE, B24_CHECK_DELETE_REMOVES};
  b24_buf why = B24_BUF_INIT;
  for (size_t i = 0; i < sizeof ids / sizeof *ids; i++) {
    if (!check_on(ur->r, checks, ids[i])) continue;
    b24_buf_clear(&why);
    if (!b24_check_list(a, spec, ids[i], &why))
      b24_check_result_fail(ur->res, b24_checks[ids[i]].name, "%s", why.data ? why.data : "");
  }
  b24_buf_free(&why);
  json_decref(spec);
  if (ur->res->outcome == B24_RESULT_FAIL) set_repro(ur, ur->res);
}

static void on_step(void *ud, const b24_http_answer *ha) {
  unit_run *ur = ud;
  const json_t *step = seq_step(ur);
  const char *method = json_string_value(json_object_get(json_object_get(step, "request"), "method"));
  const b24_suite_method *m = b24_suite_method_find(&ur->r->suite, method, seq_rest_version(ur));
  b24_answer a;
  unsigned checks = b24_checks_mask(json_object_get(step, "checks"));
  evaluate(ur, ur->res, step, checks, &m->expect, ha, &a);
  evaluate_list(ur, step, checks, &a);
  const char *name = json_string_value(json_object_get(step, "name"));
  if (a.json) json_object_set(ur->answers, name, a.json);
  if (answered_ok(ha, &a)) json_object_set_new(ur->succeeded, name, json_true());
  b24_answer_clear(&a);
  emit(ur);
  ur->step++;
  seq_next(ur);
}

static void seq_next(unit_run *ur) {
  for (const json_t *step; (step = seq_step(ur)); ur->step++) {
    ur->res = step_result(ur, step);
    const json_t *req = json_object_get(step, "request");
    const char *method = json_string_value(json_object_get(req, "method"));
    if (!method || !b24_suite_method_find(&ur->r->suite, method, seq_rest_version(ur))) {
      b24_check_result_fail(ur->res, "suite", "the suite has no method file for %s", method ? method : "?");
      emit(ur);
      continue;
    }
    char err[256];
    json_t *body = b24_vars_expand(json_object_get(req, "body"), seq_scope, ur, err, sizeof err);
    if (!body) {
      b24_check_result_skip(ur->res, "not run: %s (an earlier step failed)", err);
      emit(ur);
      continue;
    }
    post(ur, method, seq_rest_version(ur), "portal", body, on_step);
    json_decref(body);
    return;
  }
  seq_cleanup(ur);
}

static void seq_start(worker *w, const b24_unit *u) {
  runner *r = w->r;
  unit_run *ur = unit_run_new(w, u);
  ur->answers = json_object();
  ur->succeeded = json_object();
  if (!r->o->allow_writes) {
    for (const json_t *step; (step = seq_step(ur)); ur->step++) {
      ur->res = step_result(ur, step);
      b24_check_result_skip(ur->res, "changes data; run with --allow-writes");
      emit(ur);
    }
    seq_done(ur);
    return;
  }
  seq_next(ur);
}

/* ---- dry run --------------------------------------------------------------- */

static void print_request(runner *r, const char *id, const char *method, int rest_version,
                          const char *auth, const json_t *body) {
  b24_buf line = B24_BUF_INIT;
  b24_buf_puts(&line, id);
  b24_buf_putc(&line, '\t');
  put_url(&line, &r->t, method, rest_version, auth);
  b24_buf_putc(&line, '\t');
  put_body(&line, &r->t, body, auth);
  b24_buf_putc(&line, '\n');
  char *red = b24_redact(&r->red, line.data);
  fputs(red, stdout);
  free(red);
  b24_buf_free(&line);
}

/* The requests a run would send first, one a line: id, URL, body (a sequence's
 * later steps with their ${...} unexpanded; restore reads and undos left out). */
static void dry_run(runner *r) {
  for (size_t i = 0; i < r->suite.n_units; i++) {
    const b24_unit *u = &r->suite.units[i];
    if (!u->sequence) {
      const json_t *req = json_object_get(u->def, "request");
      const char *auth = json_string_value(json_object_get(u->def, "auth"));
      print_request(r, u->id, json_string_value(json_object_get(req, "method")),
                    u->method->expect.rest_version, auth ? auth : "portal",
                    json_object_get(req, "body"));
      continue;
    }
    size_t k;
    const json_t *st;
    json_array_foreach(json_object_get(u->def, "steps"), k, st) {
      const json_t *req = json_object_get(st, "request");
      b24_buf id = B24_BUF_INIT;
      b24_buf_printf(&id, "%s/%s", u->id, json_string_value(json_object_get(st, "name")));
      print_request(r, id.data, json_string_value(json_object_get(req, "method")),
                    (int)json_integer_value(json_object_get(u->def, "rest_version")), "portal",
                    json_object_get(req, "body"));
      b24_buf_free(&id);
    }
  }
}

/* ---- driving ------------------------------------------------------------- */

static int feed(void *ud) {
  worker *w = ud;
  runner *r = w->r;
  pthread_mutex_lock(&r->lock);
  const b24_unit *u = r->next_unit < r->suite.n_units ? r->order[r->next_unit++] : NULL;
  pthread_mutex_unlock(&r->lock);
  if (!u) return 0;
  if (u->sequence) seq_start(w, u);
  else case_start(w, u);
  return 1;
}

static void *work(void *ud) {
  worker *w = ud;
  pthread_setname_np(pthread_self(), "b24check-worker"); /* for perf and gdb */
  b24_http_run(w->http, feed, w);
  worker_free_spares(w);
  return NULL;
}

/* Runs every selected unit on min(CPUs, jobs, 8) workers, sharing the jobs and
 * the rate among them. Returns the requests sent. */
static size_t run_workers(runner *r) {
  const b24_check_options *o = r->o;
  int jobs = o->jobs > 0 ? o->jobs : 1;
  unsigned cpus = b24_cpu_count();
  int n = (int)(cpus > 8 ? 8 : cpus);
  if (n > jobs) n = jobs;
  worker *ws = calloc((size_t)n, sizeof *ws);
  if (!ws) abort();
  for (int i = 0; i < n; i++) {
    b24_http_options ho = {.jobs = jobs / n + (i < jobs % n),
                           .rate = o->rate / n,
                           .timeout_ms = (long)(o->timeout_s * 1000),
                           .max_retries = 6,
                           .backoff_s = 0.5,
                           .verify_tls = !o->insecure};
    ws[i].r = r;
    ws[i].http = b24_http_new(&ho); /* here, not in the threads: it initializes libcurl */
  }
  for (int i = 0; i < n; i++)
    if (pthread_create(&ws[i].thread, NULL, work, &ws[i])) abort();
  size_t sent = 0;
  for (int i = 0; i < n; i++) {
    pthread_join(ws[i].thread, NULL);
    sent += b24_http_sent(ws[i].http);
    b24_http_free(ws[i].http);
  }
  free(ws);
  return sent;
}

/* A CRUD sequence is a chain of requests, each waiting for the last: started
 * first, they overlap the many one-request cases instead of trailing alone at
 * the end with the other jobs idle. Results are reported sorted by id anyway. */
static const b24_unit **hand_out_order(const b24_suite *s) {
  const b24_unit **order = malloc((s->n_units ? s->n_units : 1) * sizeof *order);
  if (!order) abort();
  size_t n = 0;
  for (int pass = 0; pass < 2; pass++)
    for (size_t i = 0; i < s->n_units; i++)
      if (s->units[i].sequence == !pass) order[n++] = &s->units[i];
  return order;
}

static size_t expected_results(const b24_suite *s) {
  size_t n = 0;
  for (size_t i = 0; i < s->n_units; i++)
    n += s->units[i].sequence ? json_array_size(json_object_get(s->units[i].def, "steps")) : 1;
  return n;
}

int b24_check_run(const b24_check_options *o) {
  runner r;
  memset(&r, 0, sizeof r);
  r.o = o;
  char err[512];
  b24_suite_select sel = {o->methods_glob, o->shard_index, o->shard_count};
  if (b24_suite_load(o->suite_dir, &sel, &r.suite, err, sizeof err) != 0) {
    fprintf(stderr, "b24spec check: %s\n", err);
    b24_suite_free(&r.suite);
    return 2;
  }
  if (o->list_only) {
    for (size_t i = 0; i < r.suite.n_units; i++)
      printf("%s %s\n", r.suite.units[i].id, r.suite.units[i].writes ? "write" : "read");
    b24_suite_free(&r.suite);
    return 0;
  }
  if (target_parse(o->url, o->token, &r.t, err, sizeof err) != 0) {
    fprintf(stderr, "b24spec check: %s\n", err);
    target_free(&r.t);
    b24_suite_free(&r.suite);
    return 2;
  }
  b24_redactor_add(&r.red, r.t.secret);
  b24_redactor_add(&r.red, r.t.token);
  if (o->dry_run) {
    dry_run(&r);
    b24_redactor_free(&r.red);
    target_free(&r.t);
    b24_suite_free(&r.suite);
    return 0;
  }
  b24_report_options ro = {
      .console = o->tap ? stderr : stdout,
      .progress = o->progress,
      .tap = o->tap,
      .junit_path = o->junit_path,
      .json_path = o->json_path,
      .substitute = r.t.token ? "your access token" : "your webhook secret",
  };
  b24_report_init(&r.report, &ro, &r.red);
  r.report.expected = expected_results(&r.suite);
  pthread_mutex_init(&r.lock, NULL);
  r.order = hand_out_order(&r.suite);
  b24_report_started(&r.report);
  size_t sent = run_workers(&r);
  b24_report_ended(&r.report);
  free(r.order);
  pthread_mutex_destroy(&r.lock);
  int rc = r.report.failed ? 1 : 0;
  if (b24_report_finish(&r.report, sent) != 0) rc = 2;
  b24_report_free(&r.report);
  b24_redactor_free(&r.red);
  target_free(&r.t);
  b24_suite_free(&r.suite);
  return rc;
}
