/* Batches (see b24/batch.h): calls kept as "method?query" commands named c0..c49, sent
 * as one `batch` call, and the batch's answer split back into one answer per call. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "b24/batch.h"
#include "internal.h"

struct b24_batch {
  bool halt, ran, strict;
  size_t n;
  char *commands[B24_BATCH_MAX];
  json_t *answer; /* the batch's whole answer, once it ran */
};

b24_batch *b24_batch_new(void) { return calloc(1, sizeof(b24_batch)); }

void b24_batch_free(b24_batch *b) {
  if (!b) return;
  for (size_t i = 0; i < b->n; i++) free(b->commands[i]);
  json_decref(b->answer);
  free(b);
}

void b24_batch_set_halt(b24_batch *b, bool halt) {
  if (b) b->halt = halt;
}

size_t b24_batch_size(const b24_batch *b) { return b ? b->n : 0; }

b24_status b24_batch_add(b24_batch *b, const char *method, json_t *params, size_t *index,
                         b24_api_error *err) {
  b24rt_error_reset(err);
  const char *why = !b ? "no batch" : b->ran ? "the batch has run already"
                  : b->n == B24_BATCH_MAX ? "the batch is full (50 calls)"
                  : !method || !b24rt_method_name_ok(method) || !strcmp(method, "batch")
                      ? "not a method that can be batched"
                  : params && !json_is_object(params) ? "params must be a JSON object" : NULL;
  if (why) {
    b24rt_error_usage(NULL, err, "batch: %s", why);
    return B24_ERR_USAGE;
  }
  char *query = b24_query_string(params);
  size_t n = strlen(method) + (query ? strlen(query) : 0) + 2;
  char *cmd = query ? malloc(n) : NULL;
  if (!cmd) {
    free(query);
    b24rt_error_transport(NULL, err, "batch: out of memory");
    return B24_ERR_NOMEM;
  }
  snprintf(cmd, n, "%s%s%s", method, *query ? "?" : "", query);
  free(query);
  if (index) *index = b->n;
  b->commands[b->n++] = cmd;
  return B24_OK;
}

b24_status b24_batch_add_call(b24_batch *b, const b24_method_desc *m, const void *params,
                              size_t *index, b24_api_error *err) {
  if (m->flags & B24_CALL_V3) {
    b24rt_error_reset(err);
    b24rt_error_usage(NULL, err, "batch: %s is a REST 3.0 method", m->name);
    return B24_ERR_USAGE;
  }
  json_t *body = NULL;
  b24_status rc = b24_encode_params(m, params, &body, err);
  if (rc == B24_OK) rc = b24_batch_add(b, m->name, body, index, err);
  json_decref(body);
  return rc;
}

/* "c0", "c1", ...: the command names. */
static void command_name(char *dst, size_t size, size_t i) { snprintf(dst, size, "c%zu", i); }

b24_status b24_batch_run(b24_client *c, b24_batch *b, b24_api_error *err) {
  if (!b || b->ran || !b->n) {
    b24rt_error_reset(err);
    b24rt_error_usage(c, err, "batch: %s", !b ? "no batch" : b->ran ? "ran already" : "no calls");
    return B24_ERR_USAGE;
  }
  json_t *cmd = json_object(), *body = json_object();
  b24_status rc = B24_ERR_NOMEM;
  bool ok = cmd && body && json_object_set_new(body, "halt", json_integer(b->halt)) == 0;
  for (size_t i = 0; ok && i < b->n; i++) {
    char name[24];
    command_name(name, sizeof name, i);
    ok = json_object_set_new(cmd, name, json_string(b->commands[i])) == 0;
  }
  if (ok && json_object_set(body, "cmd", cmd) == 0) {
    json_t *answer = NULL;
    rc = b24_call_ex(c, 0, "batch", body, &answer, err);
    if (rc == B24_OK && !json_is_object(json_object_get(answer, "result"))) {
      b24rt_error_transport(c, err, "batch: the answer's result is not an object");
      rc = B24_ERR_PROTOCOL;
    }
    if (rc == B24_OK) {
      b->answer = answer, b->ran = true, b->strict = b24_client_strict_decoding(c);
      answer = NULL;
    }
    json_decref(answer);
  } else {
    b24rt_error_reset(err);
    b24rt_error_transport(c, err, "batch: out of memory");
  }
  json_decref(cmd);
  json_decref(body);
  return rc;
}

/* result.<part>.<name>, where the portal writes [] for an empty part. */
static json_t *part_of(const b24_batch *b, const char *part, const char *name) {
  return json_object_get(json_object_get(json_object_get(b->answer, "result"), part), name);
}

/* Sets key of obj to a new reference to v when v is there. */
static int copy_member(json_t *obj, const char *key, json_t *v) {
  return v ? json_object_set(obj, key, v) : 0;
}

b24_status b24_batch_answer(const b24_batch *b, size_t index, json_t **answer,
                            b24_api_error *err) {
  *answer = NULL;
  b24rt_error_reset(err);
  if (!b || !b->ran || index >= b->n) {
    b24rt_error_usage(NULL, err, "batch: %s", !b || !b->ran ? "has not run" : "no such call");
    return B24_ERR_USAGE;
  }
  char name[24];
  command_name(name, sizeof name, index);
  json_t *error = part_of(b, "result_error", name), *result = part_of(b, "result", name);
  json_t *a = json_object();
  if (!a) return B24_ERR_NOMEM;
  if (error) {
    json_t *code = json_object_get(error, "error");
    json_t *text = json_object_get(error, "error_description");
    int bad = copy_member(a, "error", code) | copy_member(a, "error_description", text);
    if (err) {
      snprintf(err->error, sizeof err->error, "%s", json_is_string(code) ? json_string_value(code) : "");
      snprintf(err->error_description, sizeof err->error_description, "%s",
               json_is_string(text) ? json_string_value(text) : "");
    }
    *answer = a;
    return bad ? B24_ERR_NOMEM : B24_ERR_API;
  }
  if (!result) {
    json_decref(a);
    b24rt_error_transport(NULL, err, "batch: call %zu has no result (not run)", index);
    return B24_ERR_PROTOCOL;
  }
  int bad = copy_member(a, "result", result) | copy_member(a, "total", part_of(b, "result_total", name)) |
            copy_member(a, "next", part_of(b, "result_next", name)) |
            copy_member(a, "time", part_of(b, "result_time", name));
  *answer = a;
  return bad ? B24_ERR_NOMEM : B24_OK;
}

b24_status b24_batch_result(const b24_batch *b, size_t index, const b24_method_desc *m,
                            void *result, b24_api_error *err) {
  memset(result, 0, m->result_size);
  json_t *answer = NULL;
  b24_status rc = b24_batch_answer(b, index, &answer, err);
  if (rc == B24_OK) rc = b24_decode_answer(m, answer, b->strict, result, err);
  else ((b24_answer *)result)->response = json_incref(answer);
  json_decref(answer);
  return rc;
}
