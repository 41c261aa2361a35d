/* PHP's print_r dump of an array, as the widget and some event pages show their
 * payload ("Array ( [DOMAIN] => x [data] => Array ( ... ) )"), read into JSON:
 * the shape is what a form-encoded body decodes to in PHP, so every scalar is a
 * string, as it is on the wire. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "model/print_r.h"

typedef struct pr {
  const char *s, *end;
  int line;
  char *err;
  size_t errlen;
  int depth;
} pr;

static void skip_space(pr *p) {
  while (p->s < p->end && isspace((unsigned char)*p->s)) {
    if (*p->s == '\n') p->line++;
    p->s++;
  }
}

static int word(pr *p, const char *w) {
  size_t n = strlen(w);
  if ((size_t)(p->end - p->s) >= n && !memcmp(p->s, w, n)) {
    p->s += n;
    return 1;
  }
  return 0;
}

static json_t *fail(pr *p, const char *what) {
  snprintf(p->err, p->errlen, "line %d of the dump: %s", p->line, what);
  return NULL;
}

static json_t *array_body(pr *p);

/* A value runs to the end of its line, unless it is a nested Array. A line that
 * starts a new "[key] =>" or closes the array ends a multi-line value. */
static json_t *value(pr *p) {
  while (p->s < p->end && (*p->s == ' ' || *p->s == '\t')) p->s++;
  const char *save = p->s;
  int save_line = p->line;
  if (word(p, "Array")) {
    skip_space(p);
    if (p->s < p->end && *p->s == '(') return array_body(p);
    p->s = save;
    p->line = save_line;
  }
  const char *start = p->s;
  while (p->s < p->end && *p->s != '\n') p->s++;
  const char *e = p->s;
  while (e > start && isspace((unsigned char)e[-1])) e--;
  return json_stringn(start, (size_t)(e - start));
}

static json_t *array_body(pr *p) {
  if (++p->depth > 64) return fail(p, "nested too deeply");
  p->s++; /* ( */
  json_t *o = json_object();
  for (;;) {
    skip_space(p);
    if (p->s >= p->end) {
      json_decref(o);
      return fail(p, "the array is not closed with ')'");
    }
    if (*p->s == ')') {
      p->s++;
      p->depth--;
      return o;
    }
    if (*p->s != '[') {
      json_decref(o);
      return fail(p, "expected '[key] =>'");
    }
    const char *k = ++p->s;
    while (p->s < p->end && *p->s != ']' && *p->s != '\n') p->s++;
    if (p->s >= p->end || *p->s != ']') {
      json_decref(o);
      return fail(p, "a key's ']' is missing");
    }
    char key[256];
    size_t kn = (size_t)(p->s - k) < sizeof key - 1 ? (size_t)(p->s - k) : sizeof key - 1;
    memcpy(key, k, kn);
    key[kn] = 0;
    p->s++;
    while (p->s < p->end && *p->s == ' ') p->s++;
    if (!word(p, "=>")) {
      json_decref(o);
      return fail(p, "expected '=>' after the key");
    }
    json_t *v = value(p);
    if (!v) {
      json_decref(o);
      return NULL;
    }
    json_object_set_new(o, key, v);
  }
}

json_t *b24_print_r_parse(const char *text, char *err, size_t errlen) {
  pr p = {text, text + strlen(text), 1, err, errlen, 0};
  skip_space(&p);
  if (!word(&p, "Array")) return fail(&p, "not a print_r dump: it does not start with 'Array'");
  skip_space(&p);
  if (p.s >= p.end || *p.s != '(') return fail(&p, "expected '(' after 'Array'");
  json_t *o = array_body(&p);
  if (!o) return NULL;
  skip_space(&p);
  if (p.s < p.end) {
    json_decref(o);
    return fail(&p, "text after the dump's closing ')'");
  }
  return o;
}
