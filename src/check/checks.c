/* The named checks of the conformance runner (see checks.h). Each looks at one
 * parsed answer and says whether one documented promise holds. */
#include "check/checks.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "suite/vars.h"
#include "util/json_parse.h"
#include "util/json_text.h"
#include "util/jsonschema.h"

/* ---- answers ----------------------------------------------------------- */

void b24_answer_parse(b24_answer *a, long status, const char *content_type, const char *body,
                      size_t len) {
  memset(a, 0, sizeof *a);
  a->status = status;
  a->content_type = content_type;
  a->body = body;
  a->body_len = len;
  a->json = body ? b24_json_parse(body, len) : NULL;
  const json_t *e = json_object_get(a->json, "error");
  if (e && !json_object_get(a->json, "result")) {
    a->is_error = true;
    if (json_is_string(e)) a->error_code = json_string_value(e);
    else if (json_is_string(json_object_get(e, "code")))
      a->error_code = json_string_value(json_object_get(e, "code"));
  }
}

void b24_answer_clear(b24_answer *a) {
  json_decref(a->json);
  a->json = NULL;
}

/* ---- generic promises -------------------------------------------------- */

int b24_check_not_server_error(const b24_answer *a, b24_buf *why) {
  if (a->status < 500) return 1;
  b24_buf_printf(why, "server error: HTTP %ld", a->status);
  if (a->error_code) b24_buf_printf(why, " %s", a->error_code);
  return 0;
}

int b24_check_content_type(const b24_answer *a, b24_buf *why) {
  const char *ct = a->content_type;
  if (ct) {
    while (*ct == ' ') ct++;
    size_t n = strcspn(ct, "; ");
    if (n == 16 && !strncasecmp(ct, "application/json", 16)) return 1;
  }
  b24_buf_printf(why, "Content-Type is %s%s%s, not application/json", ct ? "\"" : "",
                 ct ? ct : "missing", ct ? "\"" : "");
  return 0;
}

int b24_check_envelope(const b24_method_expect *m, const b24_answer *a, b24_buf *why) {
  if (!json_is_object(a->json)) {
    b24_buf_puts(why, a->json ? "the body is JSON but not an object" : "the body is not JSON");
    return 0;
  }
  if (a->is_error) {
    const json_t *e = json_object_get(a->json, "error");
    const json_t *d = json_object_get(a->json, "error_description");
    if (m->rest_version == 3 && json_is_object(e) && json_is_string(json_object_get(e, "code")))
      return 1;
    if (!json_is_string(e)) {
      b24_buf_puts(why, "`error` is not a string");
      return 0;
    }
    if (!json_is_string(d)) {
      b24_buf_puts(why, d ? "`error_description` is not a string" : "the error has no `error_description`");
      return 0;
    }
    return 1;
  }
  if (!json_object_get(a->json, "result")) {
    b24_buf_puts(why, "neither `result` nor `error` in the answer");
    return 0;
  }
  const json_t *t = json_object_get(a->json, "time");
  if (!t) {
    b24_buf_puts(why, "the answer has `result` but no `time`");
    return 0;
  }
  b24_buf errs = B24_BUF_INIT;
  int bad = b24_jsonschema_validate(m->time_schema, t, &errs);
  if (bad) b24_buf_printf(why, "`time` is not a time object: %s", errs.data);
  b24_buf_free(&errs);
  return !bad;
}

/* Whether status is one a [{"code", "status": [...]}] table gives for code.
 * *rows counts the rows for code, *unknown those that state no status (then
 * any 4xx will do). */
static int status_listed(const json_t *table, const char *code, long status, int *rows,
                         int *unknown) {
  size_t i, j;
  json_t *row, *s;
  int hit = 0;
  json_array_foreach(table, i, row) {
    const char *c = json_string_value(json_object_get(row, "code"));
    if (!c || strcmp(c, code)) continue;
    (*rows)++;
    if (!json_array_size(json_object_get(row, "status"))) (*unknown)++;
    json_array_foreach(json_object_get(row, "status"), j, s) {
      if (json_integer_value(s) == status) hit = 1;
    }
  }
  return hit;
}

static int status_in(const json_t *list, long status) {
  size_t i;
  json_t *s;
  json_array_foreach(list, i, s) {
    if (json_integer_value(s) == status) return 1;
  }
  return 0;
}

int b24_check_status_code(const b24_method_expect *m, const b24_answer *a, bool expect_success,
                          const json_t *expect_status, b24_buf *why) {
  if (expect_status && json_array_size(expect_status) && (a->is_error != expect_success)) {
    if (status_in(expect_status, a->status)) return 1;
    char *want = b24_json_dumps(expect_status, JSON_COMPACT);
    b24_buf_printf(why, "HTTP %ld, expected one of %s", a->status, want);
    free(want);
    return 0;
  }
  if (!a->is_error) {
    long want = m->success_status ? m->success_status : 200;
    if (a->status == want) return 1;
    b24_buf_printf(why, "HTTP %ld for a success answer, the docs say %ld", a->status, want);
    return 0;
  }
  const char *code = a->error_code ? a->error_code : "";
  /* the method's own table speaks first; the system errors only for codes it lacks */
  int rows = 0, unknown = 0;
  if (status_listed(m->errors, code, a->status, &rows, &unknown)) return 1;
  if (!rows && status_listed(m->system_errors, code, a->status, &rows, &unknown)) return 1;
  if (rows && !unknown) {
    b24_buf_printf(why, "HTTP %ld for error \"%s\", the docs give it another status", a->status, code);
    return 0;
  }
  if (a->status >= 400 && a->status < 500) return 1;
  b24_buf_printf(why, "HTTP %ld for an error answer (\"%s\")", a->status, code);
  return 0;
}

int b24_check_result_schema(const b24_method_expect *m, const b24_answer *a, b24_buf *why) {
  if (a->is_error || !m->result_schema || !json_is_object(a->json)) return 1;
  b24_buf errs = B24_BUF_INIT;
  int bad = b24_jsonschema_validate(m->result_schema, a->json, &errs);
  if (bad) {
    /* the first few lines are enough to see what broke */
    size_t keep = 0, lines = 0;
    while (keep < errs.len && lines < 5)
      if (errs.data[keep++] == '\n') lines++;
    b24_buf_printf(why, "the answer does not match the result schema:\n%.*s", (int)keep, errs.data);
    if (keep < errs.len) b24_buf_puts(why, "...\n");
    while (why->len && why->data[why->len - 1] == '\n') why->data[--why->len] = 0;
  }
  b24_buf_free(&errs);
  return !bad;
}

static int code_in_table(const json_t *table, const char *code) {
  size_t i;
  json_t *row;
  json_array_foreach(table, i, row) {
    const json_t *c = json_is_string(row) ? row : json_object_get(row, "code");
    if (json_is_string(c) && !strcmp(json_string_value(c), code)) return 1;
  }
  return 0;
}

int b24_check_error_code_documented(const b24_method_expect *m, const b24_answer *a,
                                    const json_t *expect_codes, b24_buf *why) {
  if (!a->is_error) return 1;
  const char *code = a->error_code ? a->error_code : "";
  if (expect_codes && json_array_size(expect_codes)) {
    if (code_in_table(expect_codes, code)) return 1;
    char *want = b24_json_dumps(expect_codes, JSON_COMPACT);
    b24_buf_printf(why, "error \"%s\", expected one of %s", code, want);
    free(want);
    return 0;
  }
  if (code_in_table(m->errors, code) || code_in_table(m->system_errors, code)) return 1;
  b24_buf_printf(why, "error \"%s\" is neither among the method's documented errors nor a system error",
                 code);
  return 0;
}

int b24_check_rejected(const b24_answer *a, b24_buf *why) {
  if (a->is_error && a->status >= 400) return 1;
  b24_buf_printf(why, "the request was accepted (HTTP %ld%s)", a->status,
                 a->is_error ? ", an error body with a success status" : "");
  return 0;
}

int b24_check_accepted(const b24_answer *a, b24_buf *why) {
  /* the status is status_code's business: a page may document an odd one */
  if (!a->is_error && json_object_get(a->json, "result")) return 1;
  if (a->is_error) {
    const char *d = json_string_value(json_object_get(a->json, "error_description"));
    b24_buf_printf(why, "refused: HTTP %ld %s%s%s", a->status, a->error_code ? a->error_code : "?",
                   d ? ": " : "", d ? d : "");
  } else
    b24_buf_printf(why, "no result: HTTP %ld", a->status);
  return 0;
}

int b24_check_auth_rejected(const b24_answer *a, const json_t *expect_codes, b24_buf *why) {
  if (a->status == 401 && a->is_error &&
      (!expect_codes || code_in_table(expect_codes, a->error_code ? a->error_code : "")))
    return 1;
  if (!a->is_error)
    b24_buf_printf(why, "a call without valid credentials succeeded (HTTP %ld)", a->status);
  else
    b24_buf_printf(why, "HTTP %ld %s, expected 401 NO_AUTH_FOUND", a->status,
                   a->error_code ? a->error_code : "");
  return 0;
}

/* ---- read-after-write -------------------------------------------------- */

/* A scalar as comparable text: numbers without a fraction print as integers,
 * flags as Y/N (the portal's own spelling). NULL for null and containers. */
static char *scalar_text(const json_t *v) {
  char buf[64];
  if (json_is_string(v)) {
    const char *s = json_string_value(v);
    if (!strcasecmp(s, "true")) return strdup("Y");
    if (!strcasecmp(s, "false")) return strdup("N");
    char *end;
    double d = strtod(s, &end);
    if (*s && !*end && !isspace((unsigned char)*s) && isfinite(d) && d == floor(d) && fabs(d) < 1e15) {
      snprintf(buf, sizeof buf, "%.0f", d);
      return strdup(buf);
    }
    return strdup(s);
  }
  if (json_is_integer(v)) {
    snprintf(buf, sizeof buf, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
    return strdup(buf);
  }
  if (json_is_real(v)) {
    double d = json_real_value(v);
    if (d == floor(d) && fabs(d) < 1e15) snprintf(buf, sizeof buf, "%.0f", d);
    else snprintf(buf, sizeof buf, "%.17g", d);
    return strdup(buf);
  }
  if (json_is_boolean(v)) return strdup(json_is_true(v) ? "Y" : "N");
  return NULL;
}

/* 1 and Y, 0 and N: the same flag as a setter takes it and a getter shows it. */
static int same_flag(const char *a, const char *b) {
  return (!strcmp(a, "1") && !strcmp(b, "Y")) || (!strcmp(a, "Y") && !strcmp(b, "1")) ||
         (!strcmp(a, "0") && !strcmp(b, "N")) || (!strcmp(a, "N") && !strcmp(b, "0"));
}

int b24_check_fields_read_back(const b24_answer *a, const char *record_path,
                               const json_t *fields, b24_buf *why) {
  const json_t *rec = b24_jpath_get_icase(a->json, record_path ? record_path : "result");
  if (!json_is_object(rec)) {
    b24_buf_printf(why, "no object at %s in the answer", record_path ? record_path : "result");
    return 0;
  }
  size_t compared = 0, wanted = 0;
  int ok = 1;
  const char *k;
  json_t *v;
  json_object_foreach((json_t *)fields, k, v) {
    char *w = scalar_text(v);
    if (!w) continue;
    wanted++;
    const json_t *got = b24_jpath_get_icase(rec, k);
    char *g = got ? scalar_text(got) : NULL;
    if (got && !g && json_is_null(got)) g = strdup("");
    if (g) {
      compared++;
      if (strcmp(w, g) && !same_flag(w, g)) {
        if (ok) b24_buf_puts(why, "read back other values than written:");
        b24_buf_printf(why, " %s: wrote \"%s\", read \"%s\";", k, w, g);
        ok = 0;
      }
    }
    free(w);
    free(g);
  }
  if (ok && wanted && !compared) {
    b24_buf_printf(why, "none of the %zu fields written is in the object read back", wanted);
    ok = 0;
  }
  if (!ok && why->len && why->data[why->len - 1] == ';') why->data[--why->len] = 0;
  return ok;
}

/* ---- batch ------------------------------------------------------------- */

/* Whether key is a member of the object at path (an empty list, PHP's empty
 * array, holds nothing). */
static int batch_has(const json_t *answer, const char *path, const char *key) {
  const json_t *o = b24_jpath_get(answer, path);
  return json_is_object(o) && json_object_get(o, key);
}

int b24_check_batch(const b24_answer *a, const json_t *spec, b24_buf *why) {
  if (!json_is_object(spec) || a->is_error) return 1;
  static const struct {
    const char *list, *path, *what;
    int present;
  } rules[] = {
      {"results", "result.result", "has no result for the subquery", 1},
      {"errors", "result.result_error", "has no error for the failing subquery", 1},
      {"absent", "result.result", "ran the subquery after a failure with halt 1:", 0},
  };
  for (size_t r = 0; r < sizeof rules / sizeof *rules; r++) {
    size_t i;
    json_t *k;
    json_array_foreach(json_object_get(spec, rules[r].list), i, k) {
      const char *key = json_string_value(k);
      if (!key) continue;
      int has = batch_has(a->json, rules[r].path, key) ||
                (!rules[r].present && batch_has(a->json, "result.result_error", key));
      if (has != rules[r].present) {
        b24_buf_printf(why, "the batch answer %s %s", rules[r].what, key);
        return 0;
      }
    }
  }
  size_t i;
  json_t *pair;
  json_array_foreach(json_object_get(spec, "same"), i, pair) {
    const char *p1 = json_string_value(json_array_get(pair, 0)), *p2 = json_string_value(json_array_get(pair, 1));
    char *v1 = p1 ? scalar_text(b24_jpath_get_icase(a->json, p1)) : NULL;
    char *v2 = p2 ? scalar_text(b24_jpath_get_icase(a->json, p2)) : NULL;
    int ok = v1 && v2 && !strcmp(v1, v2);
    if (!ok)
      b24_buf_printf(why, "$result[...] was not passed on: %s is \"%s\", %s is \"%s\"", p1 ? p1 : "?",
                     v1 ? v1 : "(none)", p2 ? p2 : "?", v2 ? v2 : "(none)");
    free(v1);
    free(v2);
    if (!ok) return 0;
  }
  return 1;
}
