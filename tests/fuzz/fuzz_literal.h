/* What the JS and PHP fuzz targets check, the reader given: a value read ends
 * inside the input and each of its non-literal JSON Pointers resolves in it;
 * else an error lies inside the input. Then the call finder over the same bytes:
 * a body or an error, never both or neither. A broken invariant aborts. */
#ifndef B24_FUZZ_LITERAL_H
#define B24_FUZZ_LITERAL_H
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/example_body.h"
#include "model/example_calls.h"

typedef json_t *(*b24_fuzz_reader)(const char *s, size_t len, size_t *pos, b24_body_read *out);

/* The value at a JSON Pointer, NULL when it names nothing. */
static const json_t *b24_fuzz_at(const json_t *v, const char *p) {
  char seg[4096];
  while (*p == '/') {
    size_t n = 0;
    for (p++; *p && *p != '/' && n + 1 < sizeof seg; p++) {
      if (*p == '~' && (p[1] == '0' || p[1] == '1')) seg[n++] = *++p == '0' ? '~' : '/';
      else seg[n++] = *p;
    }
    seg[n] = 0;
    if (json_is_object(v)) v = json_object_get(v, seg);
    else if (json_is_array(v)) v = json_array_get(v, (size_t)strtoul(seg, NULL, 10));
    else return NULL;
    if (!v) return NULL;
  }
  return v;
}

static void b24_fuzz_literal(const char *s, size_t size, b24_fuzz_reader read, b24_code_lang lang) {
  b24_body_read r = {0};
  size_t pos = 0;
  json_t *v = read(s, size, &pos, &r);
  if (v) {
    if (pos > size) abort();
    for (size_t i = 0; i < r.n_nonliteral; i++)
      if (!b24_fuzz_at(v, r.nonliteral[i])) abort();
  } else if (!r.error || r.error_at > size) {
    abort();
  }
  json_decref(v);
  b24_body_read_free(&r);
  b24_body_read c = {0};
  if (b24_example_call_body(s, size, lang, "x.y", &c) && !c.value == !c.error) abort();
  b24_body_read_free(&c);
}

#endif
