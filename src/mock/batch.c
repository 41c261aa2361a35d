#include "mock/batch.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mock/answer.h"
#include "mock/faults.h"
#include "mock/form.h"
#include "util/json_parse.h"
#include "util/json_text.h"

/* The value $result[key][a][b] names: results[key] then keys or indexes. */
static const json_t *reference(const json_t *results, const char *s, size_t n) {
  const json_t *v = results;
  size_t i = 0;
  int first = 1;
  while (i < n && s[i] == '[') {
    size_t j = i + 1;
    while (j < n && s[j] != ']') j++;
    if (j >= n) return NULL;
    char seg[128];
    snprintf(seg, sizeof seg, "%.*s", (int)(j - i - 1), s + i + 1);
    if (json_is_array(v) && !first) {
      char *end;
      long k = strtol(seg, &end, 10);
      v = *end ? NULL : json_array_get(v, (size_t)k);
    } else v = json_object_get(v, seg);
    first = 0;
    if (!v) return NULL;
    i = j + 1;
  }
  return v;
}

char *mock_batch_expand(const char *q, const json_t *results) {
  b24_buf b = B24_BUF_INIT;
  b24_buf_puts(&b, "");
  static const char mark[] = "$result[";
  for (const char *p = q; *p;) {
    const char *at = strstr(p, mark);
    if (!at) {
      b24_buf_puts(&b, p);
      break;
    }
    b24_buf_printf(&b, "%.*s", (int)(at - p), p);
    const char *r = at + 7;
    size_t n = 0;
    while (r[n] == '[') {
      const char *close = strchr(r + n, ']');
      if (!close) break;
      n = (size_t)(close - r) + 1;
    }
    const json_t *v = reference(results, r, n);
    char num[64];
    const char *text = json_is_string(v) ? json_string_value(v) : NULL;
    if (json_is_integer(v)) snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(v)), text = num;
    else if (json_is_real(v)) snprintf(num, sizeof num, "%.17g", json_real_value(v)), text = num;
    else if (json_is_boolean(v)) text = json_is_true(v) ? "1" : "";
    for (const char *t = text; t && *t; t++) {
      if (isalnum((unsigned char)*t) || strchr("-_.~", *t)) b24_buf_putc(&b, *t);
      else b24_buf_printf(&b, "%%%02X", (unsigned char)*t);
    }
    p = r + n;
  }
  return b24_buf_take(&b);
}

static json_t *object_or_empty_list(json_t *o) {
  if (json_object_size(o)) return o;
  json_decref(o);
  return json_array();
}

static void sub_error(json_t *errors, const char *key, const char *code, const char *text) {
  json_object_set_new(errors, key, json_pack("{s:s,s:s}", "error", code, "error_description", text));
}

/* Runs one subquery "method?query"; its answer's parts go into the five maps.
 * 0 on success, -1 on an error. */
static int run_one(const mock_catalog *c, const mock_config *cfg, const mock_request *rq,
                   const char *key, const char *cmd, json_t *maps[5]) {
  char *query = mock_batch_expand(cmd, maps[0]);
  char *qm = strchr(query, '?');
  size_t mlen = qm ? (size_t)(qm - query) : strlen(query);
  char lname[256];
  snprintf(lname, sizeof lname, "%.*s", (int)(mlen < 255 ? mlen : 255), query);
  for (char *p = lname; *p; p++) *p = (char)tolower((unsigned char)*p);
  if (!strcmp(lname, "batch")) {
    sub_error(maps[1], key, "ERROR_BATCH_METHOD_NOT_ALLOWED", "Batch call inside batch is not allowed");
    free(query);
    return -1;
  }
  mock_form *f = mock_form_new();
  if (qm) mock_form_parse(f, qm + 1, strlen(qm + 1));
  json_t *params = mock_form_finish(f);
  mock_response sub = {.status = 500, .body = B24_BUF_INIT};
  mock_call(c, cfg, rq, lname, 0, params, &sub);
  json_decref(params);
  free(query);
  json_t *a = b24_json_parse(sub.body.data ? sub.body.data : "", sub.body.len);
  b24_buf_free(&sub.body);
  const json_t *err = json_object_get(a, "error");
  int rc = 0;
  if (!a || err) {
    const char *d = json_string_value(json_object_get(a, "error_description"));
    sub_error(maps[1], key, json_is_string(err) ? json_string_value(err) : "ERROR_CORE", d ? d : "");
    rc = -1;
  } else {
    json_object_set(maps[0], key, json_object_get(a, "result"));
    if (json_object_get(a, "total")) json_object_set(maps[2], key, json_object_get(a, "total"));
    if (json_object_get(a, "next")) json_object_set(maps[3], key, json_object_get(a, "next"));
    if (json_object_get(a, "time")) json_object_set(maps[4], key, json_object_get(a, "time"));
  }
  json_decref(a);
  return rc;
}

void mock_batch(const mock_catalog *c, const mock_config *cfg, const mock_request *rq,
                const json_t *params, mock_response *out) {
  const json_t *cmd = json_object_get(params, "cmd");
  if (!json_is_object(cmd) && !json_is_array(cmd)) {
    out->status = 400;
    mock_error_body(&out->body, 0, MOCK_CODE_PARAM, "Parameter cmd is required: an object of subqueries",
                    "cmd", NULL);
    return;
  }
  const json_t *h = json_object_get(params, "halt");
  int halt = json_is_true(h) || (json_is_integer(h) && json_integer_value(h)) ||
             (json_is_string(h) && (!strcmp(json_string_value(h), "1") || !strcasecmp(json_string_value(h), "true")));
  if (cfg->faults & MOCK_FAULT_BATCH_IGNORE_HALT) halt = 0;
  json_t *maps[5];
  for (int i = 0; i < 5; i++) maps[i] = json_object();
  size_t n = 0;
  int stopped = 0;
  const char *key;
  json_t *v;
  void *it = json_is_object(cmd) ? json_object_iter((json_t *)cmd) : NULL;
  for (size_t i = 0;; i++) {
    char index[32];
    if (json_is_object(cmd)) {
      if (!it) break;
      key = json_object_iter_key(it);
      v = json_object_iter_value(it);
      it = json_object_iter_next((json_t *)cmd, it);
    } else {
      if (i >= json_array_size(cmd)) break;
      snprintf(index, sizeof index, "%zu", i);
      key = index;
      v = json_array_get(cmd, i);
    }
    if (stopped) continue;
    if (++n > MOCK_BATCH_MAX) {
      sub_error(maps[1], key, "ERROR_BATCH_LENGTH_EXCEEDED", "Max batch length exceeded");
      continue;
    }
    if (!json_is_string(v)) {
      sub_error(maps[1], key, MOCK_CODE_PARAM, "a subquery is a string method?query");
      if (halt) stopped = 1;
      continue;
    }
    if (run_one(c, cfg, rq, key, json_string_value(v), maps) && halt) stopped = 1;
  }
  json_t *answer = json_pack("{s:{s:o,s:o,s:o,s:o,s:o}}", "result", "result",
                             object_or_empty_list(maps[0]), "result_error",
                             object_or_empty_list(maps[1]), "result_total",
                             object_or_empty_list(maps[2]), "result_next",
                             object_or_empty_list(maps[3]), "result_time",
                             object_or_empty_list(maps[4]));
  size_t len;
  char *text = b24_json_text(answer, B24_JSON_COMPACT, &len);
  json_decref(answer);
  out->status = 200;
  mock_render(&out->body, text, len, rq->start, 0, !(cfg->faults & MOCK_FAULT_NO_TIME));
  free(text);
}
