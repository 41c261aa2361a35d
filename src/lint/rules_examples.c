/* Request examples vs the parameter table: keys the table does not list, and
 * required parameters that no example sends. Only cURL examples with a JSON
 * object body count (the model parsed them; other languages are code). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lint/json_place.h"
#include "lint/lint_internal.h"

/* A top-level parameter named key (case-insensitively); "fields.ID" rows name
 * their first segment. */
static int param_listed(const b24_params *ps, const char *key) {
  size_t kl = strlen(key);
  for (size_t i = 0; i < ps->n; i++) {
    const char *n = ps->items[i].name;
    if (!strcasecmp(n, key)) return 1;
    if (!strncasecmp(n, key, kl) && (n[kl] == '.' || n[kl] == '[')) return 1;
  }
  return 0;
}

static int has_wildcard(const b24_params *ps) {
  for (size_t i = 0; i < ps->n; i++)
    if (ps->items[i].wildcard) return 1;
  return 0;
}

/* The line of "key" in an example's code, for a precise location. */
static int key_line(const b24_example *ex, const char *key) {
  size_t kl = strlen(key);
  int line = ex->loc.line;
  for (const char *s = ex->code; *s; s++) {
    if (*s == '\n') line++;
    else if (*s == '"' && !strncmp(s + 1, key, kl) && s[kl + 1] == '"') return line;
  }
  return ex->loc.line;
}

static int has_body(const b24_example *ex) { return ex->is_curl && json_is_object(ex->body); }

/* A row of the parameter section that the model did not read (a second
 * table, "Additional Parameters" of event.offline.get) names the key: the
 * section runs from its heading to the first example. */
static int listed_in_section(b24_lint_ctx *c, const b24_method *m, const char *key) {
  int to = 0;
  for (size_t e = 0; e < m->n_examples; e++)
    if (m->examples[e].loc.line > m->params_loc.line && (!to || m->examples[e].loc.line < to))
      to = m->examples[e].loc.line;
  return m->params_loc.line && to &&
         b24_lint_page_has_row(c->src, m->source, key, m->params_loc.line, to);
}

static void unknown_keys(b24_lint_ctx *c, const b24_method *m) {
  if (!m->params.n || has_wildcard(&m->params)) return;
  for (size_t e = 0; e < m->n_examples; e++) {
    const b24_example *ex = &m->examples[e];
    if (!has_body(ex)) continue;
    const char *key;
    json_t *v;
    json_object_foreach(ex->body, key, v) {
      (void)v;
      if (!strcmp(key, "auth") || param_listed(&m->params, key)) continue;
      /* once per method and key: the webhook and OAuth tabs repeat each other */
      int seen = 0;
      for (size_t k = 0; k < e && !seen; k++)
        seen = has_body(&m->examples[k]) && json_object_get(m->examples[k].body, key);
      if (!seen && !listed_in_section(c, m, key)) {
        b24_lint_emit(c, "example-unknown-param", ex->loc.file, key_line(ex, key),
                      "the %s example of %s sends '%s', which the parameter table does not list",
                      ex->lang, m->name, key);
        b24_lint_at_quoted(c, key);
      }
    }
  }
}

/* The value at a dotted path ("fields.CONTACT_ID"), keys compared case-insensitively. */
static const json_t *get_path(const json_t *o, const char *path) {
  char buf[256];
  snprintf(buf, sizeof buf, "%s", path);
  char *save = NULL;
  for (char *seg = strtok_r(buf, ".", &save); seg; seg = strtok_r(NULL, ".", &save)) {
    if (!json_is_object(o)) return NULL;
    const json_t *next = NULL;
    const char *k;
    json_t *v;
    json_object_foreach((json_t *)o, k, v) {
      if (!strcasecmp(k, seg)) {
        next = v;
        break;
      }
    }
    if (!next) return NULL;
    o = next;
  }
  return o;
}

/* key at any depth of v: tables often list nested fields flat, next to their
 * parent (flowData, then name). */
static int has_key_deep(const json_t *v, const char *key, int depth) {
  if (depth > 16) return 0;
  const char *k;
  json_t *x;
  if (json_is_object(v)) {
    json_object_foreach((json_t *)v, k, x) {
      if (!strcasecmp(k, key) || has_key_deep(x, key, depth + 1)) return 1;
    }
  } else if (json_is_array(v)) {
    for (size_t i = 0; i < json_array_size(v); i++)
      if (has_key_deep(json_array_get(v, i), key, depth + 1)) return 1;
  }
  return 0;
}

static int sent_by_some_example(const b24_method *m, const char *name) {
  for (size_t e = 0; e < m->n_examples; e++) {
    const json_t *body = m->examples[e].body;
    if (!has_body(&m->examples[e])) continue;
    if (get_path(body, name) || (!strchr(name, '.') && has_key_deep(body, name, 0))) return 1;
  }
  return 0;
}

/* The sentence of text that mentions word says it is one of alternatives
 * ("Required if CHAT_ID is not provided", "one of IBLOCK_ID or IBLOCK_CODE",
 * "if not set, copied from EVENT_MESSAGE_ADD"), not merely that it exists
 * ("the ID of the entity from ENTITY_TYPE"). With strong, only the words that
 * make both names alternatives ("or", "either", "instead", "its value is copied to") count: a sentence
 * of another parameter with a mere "if" ("if CODE exists, the name NAME is
 * updated"; "can be omitted if the calendar type is user") says nothing about
 * whether word may be left out. */
static int names_alternative(const char *text, const char *word, int strong) {
  static const char *const w[] = {" or ",   "either", "one of",    "instead", " или ",
                                  "либо",   "вместо", "copied",    " if ",    "if ",
                                  "unless", "otherwise", "not specified", "not provided",
                                  "not passed", "если", "Если"};
  size_t n_strong = 8, n_w = strong ? n_strong : sizeof w / sizeof w[0];
  size_t wl = strlen(word);
  if (!text || !wl) return 0;
  for (const char *s = text; (s = strstr(s, word)); s++) {
    int before = s == text || !(isalnum((unsigned char)s[-1]) || s[-1] == '_');
    if (!before || isalnum((unsigned char)s[wl]) || s[wl] == '_') continue;
    const char *from = s, *to = s + wl;
    while (from > text && !(from[-1] == '.' && from[0] == ' ') && from[-1] != '\n') from--;
    while (*to && !(to[0] == '.' && (to[1] == ' ' || !to[1])) && *to != '\n') to++;
    char *sentence = strndup(from, (size_t)(to - from));
    for (char *k = sentence; *k; k++) *k = (char)tolower((unsigned char)*k);
    int yes = 0;
    for (size_t i = 0; i < n_w && !yes; i++) yes = strstr(sentence, w[i]) != NULL;
    free(sentence);
    if (yes) return 1;
  }
  return 0;
}

/* The parameter is one of alternatives, and a sibling that names it as the
 * other one, or that it so names, was sent. p's own text may make it
 * conditional on q; q's text makes p optional only by naming both as
 * alternatives. */
static int alternative_sent(const b24_method *m, const b24_param *p) {
  for (size_t i = 0; i < m->params.n; i++) {
    const b24_param *q = &m->params.items[i];
    if (q != p &&
        (names_alternative(p->description, q->name, 0) ||
         names_alternative(q->description, p->name, 1)) &&
        sent_by_some_example(m, q->name))
      return 1;
  }
  return 0;
}

static void required_missing(b24_lint_ctx *c, const b24_method *m) {
  int bodies = 0;
  for (size_t e = 0; e < m->n_examples; e++) bodies += has_body(&m->examples[e]);
  if (!bodies) return;
  for (size_t i = 0; i < m->params.n; i++) {
    const b24_param *p = &m->params.items[i];
    if (!p->required || p->wildcard || sent_by_some_example(m, p->name) || alternative_sent(m, p))
      continue;
    b24_lint_emit(c, "example-required-missing", p->loc.file, p->loc.line,
                  "required parameter '%s' of %s is sent by no request example", p->name, m->name);
    b24_lint_at(c, p->name, 0);
  }
}

/* "line 3: unexpected token" -> 3 (the builder's form of a JSON error). */
static int error_line(const char *err, const char **text) {
  int line = 1;
  *text = err;
  if (!strncmp(err, "line ", 5)) {
    line = atoi(err + 5);
    const char *colon = strchr(err, ':');
    if (colon)
      for (*text = colon + 1; **text == ' '; (*text)++)
        ;
  }
  return line > 0 ? line : 1;
}

/* The body was cut at a quote that the shell closes and reopens around a
 * variable or a command ('{"date":"'"$(date)"'"}'): valid shell, not a broken
 * example. A quote followed by a letter ("Children's") is a real break. */
static int shell_splice(const b24_example *ex) {
  const char *at = strstr(ex->code, ex->body_text);
  if (!at || !*ex->body_text) return 0;
  const char *end = at + strlen(ex->body_text);
  return end[0] == '\'' && (end[1] == '"' || end[1] == '$');
}

/* The parser stopped at "..." (an example abbreviated on purpose), at a "//"
 * comment (annotated on purpose) or at a bare **placeholder** (a value for the
 * reader to fill in): the example is not meant as literal JSON. */
static int intentional(const char *err) {
  return strstr(err, "near '.") || strstr(err, "near '/") || strstr(err, "near '*");
}

/* A duplicate key stops the parser before any later syntax error, which a
 * writer then meets only after fixing the key: the text is read again with
 * duplicates allowed, and what breaks it then is said too. */
static void after_duplicate(b24_lint_ctx *c, const char *file, int from, const char *first,
                            const char *text, size_t flags, const char *what, const char *lang) {
  b24_json_place at;
  if (!strstr(first, "duplicate object key") || !b24_json_error_at(text, flags, &at)) return;
  if (lang)
    b24_lint_emit(c, "example-json", file, from + at.line - 1, "%s%s example is not JSON: %s",
                  what, lang, at.message);
  else
    b24_lint_emit(c, "example-json", file, from + at.line - 1, "%s is not JSON: %s", what,
                  at.message);
  b24_lint_place_json(c, &at);
}

/* Request bodies and response examples that are not JSON. The builder says so
 * while it reads a page; this rule says it from the model, so that a body cut by
 * a shell splice is told from a broken one, and a model file gets it too.
 * Examples abbreviated, annotated or with placeholders are meant as they are. */
static void not_json(b24_lint_ctx *c, const b24_method *m) {
  const char *text;
  b24_json_place at;
  for (size_t e = 0; e < m->n_examples; e++) {
    const b24_example *ex = &m->examples[e];
    if (!ex->is_curl || !ex->body_error || !ex->body_text || shell_splice(ex) ||
        intentional(ex->body_error))
      continue;
    int line = error_line(ex->body_error, &text);
    /* The error's line counts from the body; the body starts on the -d line
     * (body_line; found in the code for a model without it). */
    int from = ex->body_line;
    if (!from) {
      const char *found = strstr(ex->code, ex->body_text);
      from = ex->loc.line;
      for (const char *s = ex->code; found && s < found; s++) from += *s == '\n';
    }
    b24_lint_emit(c, "example-json", ex->loc.file, from + line - 1,
                  "request body of the %s example is not JSON: %s", ex->lang, text);
    int placed = b24_json_error_at(ex->body_text, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &at);
    if (placed && at.line == line) b24_lint_place_json(c, &at);
    after_duplicate(c, ex->loc.file, from, text, ex->body_text, JSON_DECODE_ANY, "request body of the ", ex->lang);
  }
  const b24_response *r = &m->response;
  if (r->example_error && !intentional(r->example_error)) {
    int line = error_line(r->example_error, &text);
    b24_lint_emit(c, "example-json", r->example_loc.file, r->example_loc.line + line - 1,
                  "response example is not JSON: %s", text);
    if (b24_json_error_at(r->example_text, JSON_REJECT_DUPLICATES, &at) && at.line == line)
      b24_lint_place_json(c, &at);
    after_duplicate(c, r->example_loc.file, r->example_loc.line, text, r->example_text, 0,
                    "response example", NULL);
  }
}

void b24_rules_examples(b24_lint_ctx *c) {
  for (size_t i = 0; i < c->m->n_methods; i++) {
    if (!b24_lint_in_focus(c, c->m->methods[i].source)) continue;
    unknown_keys(c, &c->m->methods[i]);
    required_missing(c, &c->m->methods[i]);
    not_json(c, &c->m->methods[i]);
  }
}
