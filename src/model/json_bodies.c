/* Example bodies in the model's JSON (docs/model.md, version 2). */
#include "model/json_bodies.h"

#include <string.h>

const char *b24_body_source_name(b24_body_source s) {
  static const char *const names[] = {NULL, "curl", "js", "php"};
  return s >= B24_BODY_NONE && s <= B24_BODY_PHP ? names[s] : NULL;
}

static void set_str(json_t *o, const char *k, const char *v) {
  if (v) json_object_set_new(o, k, json_string(v));
}

void b24_json_example_body(json_t *o, const b24_example *e) {
  if (!e->is_curl) {
    /* version 1 wrote these for cURL tabs only */
    if (e->body) json_object_set_new(o, "body", json_incref(e->body));
    else set_str(o, "body_text", e->body_text);
    set_str(o, "body_error", e->body_error);
  }
  set_str(o, "body_from", b24_body_source_name(e->body_from));
  set_str(o, "call_method", e->call_method);
  if (e->n_body_nonliteral) {
    json_t *a = json_array();
    for (size_t i = 0; i < e->n_body_nonliteral; i++)
      json_array_append_new(a, json_string(e->body_nonliteral[i]));
    json_object_set_new(o, "body_nonliteral", a);
  }
  if (e->body_line) json_object_set_new(o, "body_line", json_integer(e->body_line));
}

static char *read_str(b24_arena *a, const json_t *o, const char *k) {
  const char *s = json_string_value(json_object_get(o, k));
  return s ? b24_arena_strdup(a, s) : NULL;
}

void b24_json_read_example_body(b24_arena *a, const json_t *o, b24_example *e) {
  const char *from = json_string_value(json_object_get(o, "body_from"));
  e->body_from = B24_BODY_NONE;
  for (int s = B24_BODY_CURL; from && s <= B24_BODY_PHP; s++)
    if (!strcmp(from, b24_body_source_name((b24_body_source)s))) e->body_from = (b24_body_source)s;
  e->call_method = read_str(a, o, "call_method");
  const json_t *nl = json_object_get(o, "body_nonliteral");
  e->n_body_nonliteral = json_is_array(nl) ? json_array_size(nl) : 0;
  if (e->n_body_nonliteral) {
    e->body_nonliteral = b24_arena_alloc(a, e->n_body_nonliteral * sizeof *e->body_nonliteral);
    for (size_t i = 0; i < e->n_body_nonliteral; i++) {
      const char *p = json_string_value(json_array_get(nl, i));
      e->body_nonliteral[i] = b24_arena_strdup(a, p ? p : "");
    }
  }
  e->body_line = (int)json_integer_value(json_object_get(o, "body_line"));
}
