/* The result a response example shows (see c_example_answer.h). */
#include "gen/c_example_answer.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "model/example_body.h"
#include "model/js_literal.h"
#include "model/print_r.h"

/* Length of the elision mark at s ("..." or U+2026), 0 when there is none. */
static size_t elision_at(const char *s) {
  if (!strncmp(s, "...", 3)) return 3;
  if (!strncmp(s, "\xe2\x80\xa6", 3)) return 3;
  return 0;
}

/* The text with each line that is only an elision mark (with an optional comma and an
 * optional // comment) blanked: writers put one where a list or an object goes on, and
 * it is no value a reader can take (malloc'd). */
static char *without_elisions(const char *text) {
  char *s = strdup(text);
  for (char *line = s; line && *line;) {
    char *end = strchr(line, '\n');
    char *p = line;
    while (p != end && (*p == ' ' || *p == '\t')) p++;
    size_t n = elision_at(p);
    if (n) {
      char *q = p + n;
      while (*q == ' ' || *q == '\t') q++;
      if (*q == ',') q++;
      while (*q == ' ' || *q == '\t' || *q == '\r') q++;
      if (q == end || !*q || !strncmp(q, "//", 2)) memset(p, ' ', (size_t)(q - p));
    }
    line = end ? end + 1 : NULL;
  }
  return s;
}

/* The example text read as the JS reader reads a literal: NULL unless the whole text is
 * one value with nothing in it kept as an expression. */
static json_t *read_literal(const char *text) {
  char *s = without_elisions(text);
  if (!s) return NULL;
  size_t len = strlen(s), pos = 0;
  b24_body_read out = {0};
  json_t *v = b24_js_read_value(s, len, &pos, &out);
  if (v && (out.n_nonliteral || b24_js_skip_space(s, len, pos) != len)) {
    json_decref(v);
    v = NULL;
  }
  b24_body_read_free(&out);
  free(s);
  return v;
}

/* The example as JSON: the model's parse, else the text read leniently (new reference). */
static json_t *example_json(const b24_response *r) {
  if (r->example) return json_incref(r->example);
  const char *t = r->example_text;
  if (!t) return NULL;
  while (isspace((unsigned char)*t)) t++;
  if (!strncmp(t, "Array", 5)) {
    char err[128];
    return b24_print_r_parse(t, err, sizeof err);
  }
  return read_literal(t);
}

/* The envelope's "time" ({"start": ..., "finish": ...}) written inside the result, where a
 * closing brace is missing from the example: it is no member of the result. */
static json_t *without_misplaced_time(const json_t *doc, json_t *res) {
  const json_t *t = json_object_get(res, "time");
  if (json_object_get(doc, "time") || !json_object_get(t, "start") || !json_object_get(t, "finish"))
    return res;
  json_t *copy = json_copy(res);
  json_decref(res);
  if (copy) json_object_del(copy, "time");
  return copy;
}

json_t *c_example_result(const b24_method *m) {
  json_t *doc = example_json(&m->response);
  json_t *res = NULL;
  if (json_is_object(doc)) {
    res = json_object_get(doc, "result");
    if (res) res = without_misplaced_time(doc, json_incref(res));
    else if (!json_object_get(doc, "error") && !json_object_get(doc, "time")) res = json_incref(doc);
  } else if (json_is_array(doc)) {
    res = json_incref(doc);
  }
  json_decref(doc);
  return res;
}
