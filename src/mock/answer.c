#include "mock/answer.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "schema/schema.h"
#include "mock/faults.h"
#include "mock/synth.h"
#include "util/json_text.h"

/* Case-insensitive substring test (ASCII), for matching error rows to problems. */
static int ci_contains(const char *hay, const char *needle) {
  if (!hay || !needle || !*needle) return 0;
  size_t n = strlen(needle);
  for (const char *p = hay; *p; p++)
    if (!strncasecmp(p, needle, n)) return 1;
  return 0;
}

/* Does text name field as a word (not as part of a longer identifier)? */
static int mentions_word(const char *text, const char *word) {
  if (!text || !word || !*word) return 0;
  size_t n = strlen(word);
  for (const char *p = text; *p; p++) {
    if (strncasecmp(p, word, n)) continue;
    int before = p == text || !(isalnum((unsigned char)p[-1]) || p[-1] == '_');
    int after = !(isalnum((unsigned char)p[n]) || p[n] == '_');
    if (before && after) return 1;
  }
  return 0;
}

static const char *const kw_missing[] = {"required", "missing", "not defined", "not set",
                                         "not specified", "not passed", "empty", "validation",
                                         "обязател", "не указан", "не передан", NULL};
static const char *const kw_type[] = {"type", "must be", "invalid", "incorrect", "wrong",
                                      "format", "validation", "numeric", "not a ", "должен",
                                      NULL};
static const char *const kw_not_found[] = {"not found", "notfound", "not exist", "no such",
                                           "не найден", "не существ", NULL};

static int keyword_hits(const b24_error *e, const char *const *kw) {
  for (size_t i = 0; kw[i]; i++)
    if (ci_contains(e->code, kw[i]) || ci_contains(e->message, kw[i]) ||
        ci_contains(e->description, kw[i]))
      return 1;
  return 0;
}

const b24_error *mock_pick_error(const b24_method *meth, mock_error_kind kind, const char *field) {
  const char *const *kw = kind == MOCK_ERR_MISSING ? kw_missing
                          : kind == MOCK_ERR_TYPE  ? kw_type
                                                   : kw_not_found;
  const char *leaf = field ? strrchr(field, '.') : NULL;
  leaf = leaf ? leaf + 1 : field;
  const b24_error *best = NULL, *first4xx = NULL;
  int best_score = 0;
  for (size_t i = 0; i < meth->n_errors; i++) {
    const b24_error *e = &meth->errors[i];
    if (e->status != 0 && (e->status < 400 || e->status >= 500)) continue;
    if (!first4xx) first4xx = e;
    int hits = keyword_hits(e, kw);
    if (kind == MOCK_ERR_NOT_FOUND && !hits) continue;
    int score = 2 * hits;
    if (mentions_word(e->message, leaf) || mentions_word(e->description, leaf) ||
        ci_contains(e->message, "#FIELD#"))
      score += 2;
    if (score > best_score) best = e, best_score = score;
  }
  if (best) return best;
  return kind == MOCK_ERR_NOT_FOUND ? NULL : first4xx;
}

/* message with #FIELD# and #TYPE# filled in; malloc'd. */
static char *fill_placeholders(const char *message, const char *field, const char *type) {
  b24_buf b = B24_BUF_INIT;
  b24_buf_puts(&b, "");
  for (const char *p = message; *p;) {
    if (!strncmp(p, "#FIELD#", 7) && field) {
      b24_buf_puts(&b, field);
      p += 7;
    } else if (!strncmp(p, "#TYPE#", 6) && type) {
      b24_buf_puts(&b, type);
      p += 6;
    } else b24_buf_putc(&b, *p++);
  }
  return b24_buf_take(&b);
}

void mock_error_body(b24_buf *out, int v3, const char *code, const char *message,
                     const char *field, const char *type) {
  char *msg = fill_placeholders(message ? message : "", field, type);
  if (!code) code = "";
  json_t *body;
  if (v3) {
    json_t *err = json_pack("{s:s, s:s}", "code", code, "message", msg);
    if (field && ci_contains(code, "VALIDATION"))
      json_object_set_new(err, "validation",
                          json_pack("[{s:s, s:s}]", "field", field, "message", msg));
    body = json_pack("{s:o}", "error", err);
  } else {
    body = json_pack("{s:s, s:s}", "error", code, "error_description", msg);
  }
  free(msg);
  b24_buf_clear(out);
  if (body) b24_json_text_append(out, body, B24_JSON_COMPACT);
  else b24_buf_puts(out, "{\"error\":\"ERROR_CORE\",\"error_description\":\"\"}");
  json_decref(body);
}

json_t *mock_success_answer(const b24_model *m, const b24_method *meth) {
  const json_t *ex = meth->response.example;
  json_t *ans;
  if (ex) {
    /* the model keeps an example as the portal sends it, enveloped even where
     * the page shows the result alone (response.example_bare) */
    ans = json_deep_copy(ex);
    json_object_del(ans, "time");
  } else {
    /* No JSON example: a value of the documented result schema. */
    json_t *schema = b24_schema_for_result(m, meth);
    ans = mock_instance_of(schema, schema);
    json_decref(schema);
    if (!json_is_object(ans)) {
      json_decref(ans);
      ans = json_object();
    }
    json_object_del(ans, "time");
    if (!json_object_get(ans, "result")) json_object_set_new(ans, "result", json_true());
  }
  return ans;
}

void mock_apply_result_faults(json_t *answer, unsigned faults) {
  if (!json_object_get(answer, "result")) return;
  if (faults & MOCK_FAULT_MISSING_RESULT_FIELD) {
    json_object_del(answer, "result");
    return;
  }
  if (faults & MOCK_FAULT_WRONG_FIELD_TYPE) {
    /* A JSON kind no documented type of the result accepts: objects and arrays
     * become a string, scalars an object. */
    json_t *r = json_object_get(answer, "result");
    json_t *wrong = json_is_object(r) || json_is_array(r)
                        ? json_string("mock-wrong-type")
                        : json_pack("{s:s}", "mock", "wrong-type");
    json_object_set_new(answer, "result", wrong);
  }
}

double mock_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* "2026-01-02T03:04:05+00:00" for a second; each thread keeps the last one, as
 * consecutive answers mostly fall in the same second. */
static const char *iso_time(time_t sec, int which) {
  static _Thread_local time_t last[2] = {-1, -1};
  static _Thread_local char text[2][32];
  if (sec != last[which]) {
    struct tm tm;
    gmtime_r(&sec, &tm);
    strftime(text[which], sizeof text[which], "%Y-%m-%dT%H:%M:%S+00:00", &tm);
    last[which] = sec;
  }
  return text[which];
}

/* Seconds with six decimals, without printf's floating-point path (the time
 * object is on every answer). */
static void put_seconds(b24_buf *out, long long micros) {
  b24_buf_printf(out, "%lld.%06lld", micros / 1000000, micros % 1000000);
}

void mock_render(b24_buf *out, const char *serialized, size_t len, double start, int reset_at,
                 int with_time) {
  b24_buf_clear(out);
  if (!with_time || len < 2 || serialized[len - 1] != '}') {
    b24_buf_put(out, serialized, len);
    return;
  }
  double finish = mock_now();
  if (finish < start) finish = start;
  long long us0 = (long long)(start * 1e6), us1 = (long long)(finish * 1e6);
  b24_buf_reserve(out, len + 256);
  b24_buf_put(out, serialized, len - 1);
  if (len > 2) b24_buf_putc(out, ',');
  b24_buf_puts(out, "\"time\":{\"start\":");
  put_seconds(out, us0);
  b24_buf_puts(out, ",\"finish\":");
  put_seconds(out, us1);
  b24_buf_puts(out, ",\"duration\":");
  put_seconds(out, us1 - us0);
  b24_buf_puts(out, ",\"processing\":");
  put_seconds(out, us1 - us0);
  b24_buf_printf(out, ",\"date_start\":\"%s\"", iso_time((time_t)(us0 / 1000000), 0));
  b24_buf_printf(out, ",\"date_finish\":\"%s\",\"operating\":0", iso_time((time_t)(us1 / 1000000), 1));
  if (reset_at) b24_buf_printf(out, ",\"operating_reset_at\":%lld", (long long)start + 600);
  b24_buf_puts(out, "}}");
}
