/* b24_call and friends: building the method URL and JSON body, retrying while the
 * portal reports its request-rate limit, and turning the answer into a result or a
 * b24_api_error. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"

enum { MAX_METHOD_LEN = 200 };

/* Method names are dotted identifiers ("crm.item.list"); anything else could alter the
 * URL path (a "/", "?" or ".." segment), so it is refused before a request is made. */
bool b24rt_method_name_ok(const char *m) {
  size_t n = 0;
  for (; m[n]; n++) {
    char ch = m[n];
    bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
              ch == '.' || ch == '_' || ch == '-';
    if (!ok || (ch == '.' && (n == 0 || m[n - 1] == '.'))) return false;
  }
  return n > 0 && n <= MAX_METHOD_LEN && m[n - 1] != '.';
}

static char *build_url(const b24_client *c, unsigned flags, const char *method) {
  const char *version = (flags & B24_CALL_V3) ? "api/" : "";
  const char *credential = c->credential ? c->credential : "";
  size_t n = strlen(c->rest_prefix) + strlen(version) + strlen(credential) + strlen(method) + 1;
  char *url = malloc(n);
  if (url) {
    strcpy(url, c->rest_prefix);
    strcat(url, version);
    strcat(url, credential);
    strcat(url, method);
  }
  return url;
}

/* The request body: the caller's parameters, plus "auth" for an OAuth client. The
 * caller's object is borrowed, so "auth" goes into a shallow copy, never into it. */
static char *build_body(const b24_client *c, json_t *params) {
  json_t *body = params ? json_copy(params) : json_object();
  if (!body) return NULL;
  if (c->auth == B24RT_AUTH_OAUTH &&
      json_object_set_new(body, "auth", json_string(c->access_token)) != 0) {
    json_decref(body);
    return NULL;
  }
  char *text = json_dumps(body, JSON_COMPACT);
  json_decref(body);
  return text;
}

/* Classic errors are {"error": "CODE", "error_description": "text"}; REST 3.0 errors
 * are {"error": {"code", "message", "validation": [{"field", "message"}]}}. */
static void fill_portal_error(const b24_client *c, const json_t *answer, b24_api_error *err) {
  const json_t *e = json_object_get(answer, "error");
  const char *code = NULL, *text = NULL;
  char details[1024] = "";
  if (json_is_string(e)) {
    code = json_string_value(e);
    text = json_string_value(json_object_get(answer, "error_description"));
  } else if (json_is_object(e)) {
    code = json_string_value(json_object_get(e, "code"));
    text = json_string_value(json_object_get(e, "message"));
    size_t i, used = 0;
    const json_t *item;
    json_array_foreach(json_object_get(e, "validation"), i, item) {
      const char *field = json_string_value(json_object_get(item, "field"));
      const char *message = json_string_value(json_object_get(item, "message"));
      int w = snprintf(details + used, sizeof details - used, "%s%s: %s",
                       (text || used) ? "; " : "", field ? field : "?", message ? message : "?");
      if (w < 0 || (size_t)w >= sizeof details - used) break;
      used += (size_t)w;
    }
  }
  char description[sizeof details + 1024];
  snprintf(description, sizeof description, "%s%s", text ? text : "", details);
  b24rt_error_field(c, err->error, sizeof err->error, code ? code : "");
  b24rt_error_field(c, err->error_description, sizeof err->error_description, description);
}

/* Sorts an HTTP answer into success, portal error or protocol error. *response gets the
 * decoded answer whenever it was JSON. */
static b24_status decode_answer(const b24_client *c, const b24rt_http_answer *ans, json_t **response,
                         b24_api_error *err) {
  json_error_t jerr;
  json_t *answer = ans->body ? json_loadb(ans->body, ans->len, 0, &jerr) : NULL;
  if (!ans->body) snprintf(jerr.text, sizeof jerr.text, "empty answer");
  err->http_status = ans->status;
  bool is_error = ans->status < 200 || ans->status >= 300 ||
                  (json_is_object(answer) && json_object_get(answer, "error"));
  if (is_error) {
    if (json_is_object(answer)) fill_portal_error(c, answer, err);
    else if (ans->status >= 300 && ans->status < 400)
      b24rt_error_transport(c, err, "HTTP %ld: redirects are not followed", ans->status);
    else
      b24rt_error_transport(c, err, "HTTP %ld answer is not a JSON object", ans->status);
    *response = answer;
    return B24_ERR_API;
  }
  if (!json_is_object(answer)) {
    b24rt_error_transport(c, err, "answer is not a JSON object: %s",
                          answer ? "other JSON value" : jerr.text);
    json_decref(answer);
    return B24_ERR_PROTOCOL;
  }
  *response = answer;
  if (!json_object_get(answer, "result")) {
    b24rt_error_transport(c, err, "answer has no \"result\" member");
    return B24_ERR_PROTOCOL;
  }
  return B24_OK;
}

static bool is_rate_limited(const b24_api_error *err) {
  return err->http_status == 503 && strcmp(err->error, "QUERY_LIMIT_EXCEEDED") == 0;
}

static void default_sleep(void *user_data, long ms) {
  (void)user_data;
  struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
  while (nanosleep(&ts, &ts) != 0) {
  }
}

b24_status b24_call_ex(b24_client *c, unsigned flags, const char *method, json_t *params,
                json_t **response, b24_api_error *err) {
  b24_api_error local_err;
  json_t *local_response = NULL;
  if (!err) err = &local_err;
  if (!response) response = &local_response;
  b24rt_error_reset(err);
  *response = NULL;
  if (!c || !method || !b24rt_method_name_ok(method) || (params && !json_is_object(params)) ||
      (flags & ~B24_CALL_V3)) {
    b24rt_error_usage(c, err, "invalid argument: %s",
                          !c ? "no client" : (params && !json_is_object(params))
                                                 ? "params must be a JSON object"
                                                 : "bad method name or flags");
    return B24_ERR_USAGE;
  }
  char *url = build_url(c, flags, method);
  char *body = url ? build_body(c, params) : NULL;
  b24_status status = B24_ERR_NOMEM;
  if (!body) b24rt_error_transport(c, err, "out of memory");
  long delay = c->initial_backoff_ms < c->max_backoff_ms ? c->initial_backoff_ms : c->max_backoff_ms;
  for (int attempt = 0; body; attempt++) {
    b24rt_http_answer ans;
    status = b24rt_http_post(c, url, body, &ans, err);
    err->attempts = attempt + 1;
    if (status == B24_OK) status = decode_answer(c, &ans, response, err);
    free(ans.body);
    if (status != B24_ERR_API || !is_rate_limited(err) || attempt >= c->max_retries) break;
    json_decref(*response);
    *response = NULL;
    (c->sleep_fn ? c->sleep_fn : default_sleep)(c->sleep_user_data, delay);
    delay = delay > c->max_backoff_ms / 2 ? c->max_backoff_ms : delay * 2;
    b24rt_error_reset(err);
  }
  free(url);
  free(body);
  json_decref(local_response);
  return status;
}

/* The common case: extract "result" (and "time") from the whole answer. */
static b24_status call_result(b24_client *c, unsigned flags, const char *method, json_t *params,
                       json_t **result, json_t **time_info, b24_api_error *err) {
  json_t *answer = NULL;
  b24_status status = b24_call_ex(c, flags, method, params, &answer, err);
  if (result) *result = status == B24_OK ? json_incref(json_object_get(answer, "result")) : NULL;
  if (time_info) *time_info = status == B24_OK ? json_incref(json_object_get(answer, "time")) : NULL;
  json_decref(answer);
  return status;
}

b24_status b24_call(b24_client *c, const char *method, json_t *params, json_t **result,
             json_t **time_info, b24_api_error *err) {
  return call_result(c, 0, method, params, result, time_info, err);
}

b24_status b24_call_v3(b24_client *c, const char *method, json_t *params, json_t **result,
                json_t **time_info, b24_api_error *err) {
  return call_result(c, B24_CALL_V3, method, params, result, time_info, err);
}
