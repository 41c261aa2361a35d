/* Example bodies across sources: the accessor and the counts. */
#include "model/bodies.h"

#include <jansson.h>
#include <stdlib.h>
#include <strings.h>

static int rank(const b24_example *e) {
  switch (e->body_from) {
  case B24_BODY_CURL: return e->auth == B24_AUTH_WEBHOOK ? 0 : 1;
  case B24_BODY_JS: return 2;
  case B24_BODY_PHP: return 3;
  default: return -1;
  }
}

static int usable(const b24_method *meth, const b24_example *e, int literal_only) {
  if (rank(e) < 0 || !json_is_object(e->body)) return 0;
  if (literal_only && e->n_body_nonliteral) return 0;
  return !e->call_method || !strcasecmp(e->call_method, meth->name);
}

static size_t collect(const b24_method *meth, const b24_example **out, size_t cap, int literal_only) {
  size_t n = 0;
  for (int r = 0; r <= 3; r++)
    for (size_t i = 0; i < meth->n_examples; i++) {
      const b24_example *e = &meth->examples[i];
      if (rank(e) != r || !usable(meth, e, literal_only)) continue;
      if (n < cap) out[n] = e;
      n++;
    }
  return n;
}

size_t b24_method_example_bodies(const b24_method *meth, const b24_example **out, size_t cap) {
  return collect(meth, out, cap, 0);
}

size_t b24_method_literal_bodies(const b24_method *meth, const b24_example **out, size_t cap) {
  return collect(meth, out, cap, 1);
}

/* Removes the value at JSON Pointer p from root, if it is there. */
static void remove_at(json_t *root, const char *p) {
  json_t *parent = NULL, *v = root;
  char seg[1024];
  while (*p == '/' && v) {
    size_t n = 0;
    for (p++; *p && *p != '/'; p++) {
      char c = *p;
      if (c == '~' && (p[1] == '0' || p[1] == '1')) c = *++p == '0' ? '~' : '/';
      if (n + 1 < sizeof seg) seg[n++] = c;
    }
    seg[n] = 0;
    parent = v;
    v = json_is_object(v) ? json_object_get(v, seg)
        : json_is_array(v) ? json_array_get(v, (size_t)strtoul(seg, NULL, 10))
                           : NULL;
  }
  if (!v || !parent) return;
  if (json_is_object(parent)) json_object_del(parent, seg);
  else json_array_remove(parent, (size_t)strtoul(seg, NULL, 10));
}

json_t *b24_example_literal_body(const b24_method *meth, const b24_example *e) {
  if (!json_is_object(e->body) || (e->call_method && strcasecmp(e->call_method, meth->name))) return NULL;
  if (!e->n_body_nonliteral) return json_incref(e->body);
  json_t *b = json_deep_copy(e->body);
  /* last first: a later index of the same list is not moved by removing an earlier one */
  for (size_t i = e->n_body_nonliteral; i-- > 0;) remove_at(b, e->body_nonliteral[i]);
  return b;
}

void b24_stats_count_bodies(b24_stats *s, const b24_method *meth) {
  for (size_t i = 0; i < meth->n_examples; i++) {
    const b24_example *e = &meth->examples[i];
    if (!e->body_text) continue;
    int bad = !e->body;
    switch (e->body_from) {
    case B24_BODY_CURL: s->curl_bodies++, s->curl_bodies_not_json += bad; break;
    case B24_BODY_JS: s->js_bodies++, s->js_bodies_not_json += bad; break;
    case B24_BODY_PHP: s->php_bodies++, s->php_bodies_not_json += bad; break;
    default: break;
    }
    s->bodies_nonliteral += e->body && e->n_body_nonliteral;
  }
}
