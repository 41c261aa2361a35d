#include "mock/handle.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <stdlib.h>

#include "mock/answer.h"
#include "mock/batch.h"
#include "mock/events.h"
#include "mock/faults.h"
#include "mock/form.h"
#include "mock/route.h"
#include "mock/store.h"
#include "mock/validate.h"
#include "util/json_parse.h"
#include "util/json_text.h"

#define JSON_TYPE "application/json; charset=utf-8"

static void fail(mock_response *out, unsigned status, int v3, const char *code,
                 const char *message, const char *field, const char *type) {
  out->status = status;
  mock_error_body(&out->body, v3, code, message, field, type);
}

static int is_json_type(const char *ct) { return ct && strstr(ct, "json") != NULL; }

/* The parameters of the request: the query string, then the body over it (POST
 * over GET, as in PHP's $_REQUEST). A JSON body must be an object. NULL with the
 * error answered in out. */
static json_t *decode_params(const mock_request *rq, mock_response *out) {
  mock_form *f = mock_form_new();
  if (rq->query) mock_form_parse(f, rq->query, strlen(rq->query));
  const char *ct = rq->content_type;
  size_t skip = 0;
  while (skip < rq->body_len && strchr(" \t\r\n", rq->body[skip])) skip++;
  int json_body = is_json_type(ct) ||
                  (!(ct && strstr(ct, "x-www-form-urlencoded")) && skip < rq->body_len &&
                   (rq->body[skip] == '{' || rq->body[skip] == '['));
  if (ct && !strncasecmp(ct, "multipart/", 10)) {
    mock_form_free(f);
    fail(out, 415, 0, "ERROR_UNSUPPORTED_MEDIA_TYPE",
         "multipart bodies are not supported by the mock; send JSON or form-encoded", NULL, NULL);
    return NULL;
  }
  if (!json_body) {
    mock_form_parse(f, rq->body, rq->body_len);
    return mock_form_finish(f);
  }
  json_t *params = mock_form_finish(f);
  if (skip == rq->body_len) return params;
  json_error_t err;
  /* duplicate keys: the last wins, as in PHP */
  json_t *body = b24_json_load(rq->body, rq->body_len, &err);
  if (!json_is_object(body)) {
    char msg[256];
    if (body) snprintf(msg, sizeof msg, "the JSON body must be an object");
    else snprintf(msg, sizeof msg, "invalid JSON body: %s at line %d column %d", err.text,
                  err.line, err.column);
    json_decref(body);
    json_decref(params);
    fail(out, 400, 0, MOCK_CODE_BAD_JSON, msg, NULL, NULL);
    return NULL;
  }
  json_object_update(params, body);
  json_decref(body);
  return params;
}

/* Webhook: the path's user and secret. OAuth: `auth` from the query or body, as
 * the docs show, or an 'Authorization: Bearer' header, which the portal also
 * takes. */
static int authorized(const mock_config *cfg, const mock_route *r, const mock_request *rq,
                      const json_t *params) {
  if (cfg->faults & MOCK_FAULT_IGNORE_AUTH) return 1;
  if (r->webhook)
    return !strcmp(r->user, cfg->webhook_user) && !strcmp(r->secret, cfg->webhook_secret);
  const char *token = json_string_value(json_object_get(params, "auth"));
  if (!token && rq->authorization && !strncasecmp(rq->authorization, "Bearer ", 7))
    token = rq->authorization + 7;
  return token && cfg->oauth_token && !strcmp(token, cfg->oauth_token);
}

/* The documented error for a failed check, else the mock's generic one. */
static void fail_documented(mock_response *out, const mock_method *mm, mock_error_kind kind,
                            const char *field, const char *type, const char *finding) {
  const b24_error *e = mock_pick_error(mm->meth, kind, field);
  if (e) {
    const char *msg = e->message && *e->message ? e->message : e->description;
    fail(out, e->status ? (unsigned)e->status : 400, mm->v3, e->code, msg, field, type);
    return;
  }
  char msg[512];
  if (kind == MOCK_ERR_NOT_FOUND) {
    snprintf(msg, sizeof msg, "Not found");
    fail(out, 400, mm->v3, mm->v3 ? MOCK_CODE_NOT_FOUND_V3 : MOCK_CODE_NOT_FOUND, msg, field, type);
    return;
  }
  if (kind == MOCK_ERR_MISSING) snprintf(msg, sizeof msg, "Required parameter %s is missing", field);
  else snprintf(msg, sizeof msg, "Parameter %s: %s", field, finding ? finding : "wrong type");
  fail(out, 400, mm->v3, mm->v3 ? MOCK_CODE_PARAM_V3 : MOCK_CODE_PARAM, msg, field, type);
}

/* A success answer: the documented status (another with --fault wrong-status)
 * and the serialized answer with a fresh time object. */
static void succeed(mock_response *out, const mock_config *cfg, const mock_method *mm,
                    const mock_request *rq, const char *serialized, size_t len) {
  out->status = mm->status;
  if (cfg->faults & MOCK_FAULT_WRONG_STATUS) out->status = mm->status == 202 ? 200 : 202;
  mock_render(&out->body, serialized, len, rq->start, mm->reset_at,
              !(cfg->faults & MOCK_FAULT_NO_TIME));
}

/* Runs a validated call on the method's family store, when it has one. */
static void call_method(const mock_config *cfg, const mock_method *mm, const mock_request *rq,
                        json_t *params, mock_response *out) {
  json_t *answer = NULL;
  mock_store_outcome o =
      mm->family ? mock_store_call(mm->family, mm, params, cfg->faults, &answer)
                 : MOCK_STORE_STATELESS;
  switch (o) {
  case MOCK_STORE_STATELESS: succeed(out, cfg, mm, rq, mm->serialized, mm->serialized_len); return;
  case MOCK_STORE_NOT_FOUND: fail_documented(out, mm, MOCK_ERR_NOT_FOUND, NULL, NULL, NULL); return;
  case MOCK_STORE_FULL:
    fail(out, 400, mm->v3, MOCK_CODE_STORE_FULL, "the mock's store is full", NULL, NULL);
    return;
  case MOCK_STORE_ANSWER: break;
  }
  if (cfg->events && (mm->op == MOCK_OP_ADD || mm->op == MOCK_OP_UPDATE || mm->op == MOCK_OP_DELETE))
    mock_events_written(cfg->events, mm->meth->name, params, answer);
  mock_apply_result_faults(answer, cfg->faults);
  size_t len;
  char *s = b24_json_text(answer, B24_JSON_COMPACT, &len);
  json_decref(answer);
  succeed(out, cfg, mm, rq, s, len);
  free(s);
}

/* event.bind and the others: answered from the subscriptions (mock/events.h). */
static void answer_event_method(const mock_config *cfg, const char *lname, const mock_request *rq,
                                const json_t *params, mock_response *out) {
  mock_route r; /* event.test needs an application's token, not a webhook's */
  int oauth = !mock_route_parse(rq->path, &r) && !r.webhook;
  mock_events_answer a;
  mock_events_call(cfg->events, lname, oauth, params, &a);
  if (!a.result) {
    fail(out, a.status, 0, a.code, a.message, NULL, NULL);
    return;
  }
  json_t *body = json_pack("{s:o}", "result", a.result);
  size_t len;
  char *s = b24_json_text(body, B24_JSON_COMPACT, &len);
  json_decref(body);
  out->status = 200;
  mock_render(&out->body, s, len, rq->start, 0, !(cfg->faults & MOCK_FAULT_NO_TIME));
  free(s);
}

/* Checks a call's parameters against its method's schema, as the fault switches
 * allow; on a violation *out is the documented error and 0 is returned. */
static int params_valid(const mock_catalog *c, const mock_config *cfg, const mock_method *mm,
                        json_t *params, mock_response *out) {
  int checks = (cfg->faults & MOCK_FAULT_SKIP_REQUIRED_CHECK ? 0 : MOCK_CHECK_REQUIRED) |
               (cfg->faults & MOCK_FAULT_SKIP_TYPE_CHECK ? 0 : MOCK_CHECK_TYPES) |
               (cfg->faults & MOCK_FAULT_ACCEPT_OUT_OF_ENUM ? 0 : MOCK_CHECK_ENUMS);
  mock_violation v;
  const json_t *schema = checks ? mock_catalog_schema(c, mm) : NULL;
  switch (mock_validate(mm->meth, schema, params, checks, &v)) {
  case MOCK_MISSING: fail_documented(out, mm, MOCK_ERR_MISSING, v.field, NULL, NULL); return 0;
  case MOCK_WRONG_TYPE: fail_documented(out, mm, MOCK_ERR_TYPE, v.field, v.type, v.finding); return 0;
  case MOCK_VALID: break;
  }
  return 1;
}

/* batch runs other methods' calls; its own parameters (cmd, halt) are checked
 * like any method's when the docs model its page. */
static void call_batch(const mock_catalog *c, const mock_config *cfg, const mock_request *rq,
                       json_t *params, mock_response *out) {
  const mock_method *mm = mock_catalog_find(c, "batch", 0);
  if (mm && !params_valid(c, cfg, mm, params, out)) return;
  mock_batch(c, cfg, rq, params, out);
}

static void handle_request(const mock_catalog *c, const mock_config *cfg, const mock_request *rq,
                           mock_response *out) {
  out->status = 500;
  out->content_type =
      cfg->faults & MOCK_FAULT_WRONG_CONTENT_TYPE ? "text/html; charset=UTF-8" : JSON_TYPE;
  b24_buf_clear(&out->body);
  mock_route r;
  if (cfg->require_https && !rq->tls) {
    fail(out, 400, 0, MOCK_CODE_HTTPS, "Https required", NULL, NULL);
    return;
  }
  if (strcmp(rq->verb, "GET") && strcmp(rq->verb, "POST") && strcmp(rq->verb, "HEAD")) {
    fail(out, 405, 0, MOCK_CODE_BAD_VERB, "Only GET and POST are served", NULL, NULL);
    return;
  }
  if (mock_route_parse(rq->path, &r)) {
    fail(out, 404, 0, MOCK_CODE_NO_METHOD, "Method not found!", NULL, NULL);
    return;
  }
  if (rq->body_too_large) {
    char msg[128];
    snprintf(msg, sizeof msg, "The request body is larger than %zu bytes", cfg->max_body);
    fail(out, 413, 0, MOCK_CODE_TOO_LARGE, msg, NULL, NULL);
    return;
  }
  json_t *params = decode_params(rq, out);
  if (!params) return;
  if (!authorized(cfg, &r, rq, params)) {
    fail(out, 401, 0, MOCK_CODE_NO_AUTH, "Wrong authorization data", NULL, NULL);
    json_decref(params);
    return;
  }
  json_object_del(params, "auth");
  if (!r.v3 && !strcmp(r.method, "batch")) call_batch(c, cfg, rq, params, out);
  else mock_call(c, cfg, rq, r.method, r.v3, params, out);
  json_decref(params);
}

void mock_call(const mock_catalog *c, const mock_config *cfg, const mock_request *rq,
               const char *lname, int v3, json_t *params, mock_response *out) {
  const mock_method *mm = mock_catalog_find(c, lname, v3);
  int events = cfg->events && !v3 && mock_events_is_method(lname);
  if (events && !mm) { /* docs without the event.* pages: nothing to validate against */
    answer_event_method(cfg, lname, rq, params, out);
  } else if (!mm) {
    fail(out, 404, 0, MOCK_CODE_NO_METHOD, "Method not found!", NULL, NULL);
  } else if (cfg->faults & MOCK_FAULT_UNDOCUMENTED_ERROR) {
    fail(out, 400, mm->v3, MOCK_CODE_UNDOCUMENTED, "An error the docs do not list", NULL, NULL);
  } else if (params_valid(c, cfg, mm, params, out)) {
    if (events) answer_event_method(cfg, lname, rq, params, out);
    else call_method(cfg, mm, rq, params, out);
  }
}

void mock_handle(const mock_catalog *c, const mock_config *cfg, const mock_request *rq,
                 mock_response *out) {
  handle_request(c, cfg, rq, out);
  if ((cfg->faults & MOCK_FAULT_ERROR_STATUS_200) && out->status >= 400) out->status = 200;
}
