/* The results of a check run as JSON (see report.h), for tools that read them
 * rather than a person: `b24spec report --check` among them. The format is
 * documented in docs/check.md and described by docs/check-results.schema.json.
 *
 * Every string goes through the redactor, as in the other outputs, so a file
 * of results can be attached to a ticket. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "check/report.h"
#include "util/json_text.h"

#define B24_CHECK_RESULTS_VERSION 1

static json_t *redacted(const b24_report *r, const char *s) {
  char *red = b24_redact(r->redactor, s ? s : "");
  json_t *v = json_string(red);
  free(red);
  return v ? v : json_string("");
}

static const char *outcome_name(b24_outcome o) {
  return o == B24_RESULT_PASS ? "pass" : o == B24_RESULT_FAIL ? "fail" : "skip";
}

static json_t *result_json(const b24_report *r, const b24_check_result *res) {
  json_t *o = json_object();
  json_object_set_new(o, "id", redacted(r, res->id));
  json_object_set_new(o, "group", redacted(r, res->group));
  json_object_set_new(o, "title", redacted(r, res->title));
  json_object_set_new(o, "outcome", json_string(outcome_name(res->outcome)));
  if (res->outcome == B24_RESULT_SKIP)
    json_object_set_new(o, "skip_reason", redacted(r, res->skip_reason));
  if (res->n_fails) {
    json_t *fails = json_array();
    for (size_t i = 0; i < res->n_fails; i++)
      json_array_append_new(fails, json_pack("{s:o,s:o}", "check",
                                             redacted(r, res->fails[i].check), "message",
                                             redacted(r, res->fails[i].message)));
    json_object_set_new(o, "failures", fails);
  }
  if (res->repro && res->outcome == B24_RESULT_FAIL)
    json_object_set_new(o, "reproduce", redacted(r, res->repro));
  return o;
}

char *b24_report_json(const b24_report *r, double secs, size_t requests_sent) {
  json_t *doc = json_object();
  json_object_set_new(doc, "version", json_integer(B24_CHECK_RESULTS_VERSION));
  json_object_set_new(doc, "summary",
                      json_pack("{s:I,s:I,s:I,s:I,s:I,s:f}", "tests", (json_int_t)r->n, "passed",
                                (json_int_t)r->passed, "failed", (json_int_t)r->failed,
                                "skipped", (json_int_t)r->skipped, "requests",
                                (json_int_t)requests_sent, "seconds", secs));
  if (r->o.substitute) json_object_set_new(doc, "redacted_stands_for", json_string(r->o.substitute));
  json_t *results = json_array();
  for (size_t i = 0; i < r->n; i++) json_array_append_new(results, result_json(r, r->items[i]));
  json_object_set_new(doc, "results", results);
  char *text = b24_json_dumps(doc, JSON_INDENT(1) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
  json_decref(doc);
  size_t n = strlen(text);
  char *out = realloc(text, n + 2);
  if (!out) return text;
  out[n] = '\n';
  out[n + 1] = 0;
  return out;
}
