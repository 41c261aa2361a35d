/* Example bodies across sources: the accessor and the counts. */
#include "model/bodies.h"

#include <jansson.h>
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
