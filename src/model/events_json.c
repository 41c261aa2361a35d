/* The model's "events" (docs/model.md, version 2), written and read. */
#include <string.h>

#include "model/json_internal.h"

static void set_str(json_t *o, const char *k, const char *v) {
  if (v) json_object_set_new(o, k, json_string(v));
}

static json_t *raisers_json(const b24_event *e) {
  json_t *a = json_array();
  for (size_t i = 0; i < e->n_raised_by; i++) {
    const b24_event_raiser *r = &e->raised_by[i];
    json_t *o = json_pack("{s:s,s:s,s:s}", "method", r->method, "action", r->action, "via", r->via);
    set_str(o, "id_key", r->id_key);
    json_array_append_new(a, o);
  }
  return a;
}

json_t *b24_event_json(const b24_event *e) {
  json_t *o = json_object();
  json_object_set_new(o, "name", json_string(e->name));
  set_str(o, "written", e->written);
  json_object_set_new(o, "kind", json_string(e->kind));
  set_str(o, "title", e->title);
  json_object_set_new(o, "source", json_string(e->source));
  json_object_set_new(o, "line", json_integer(e->line));
  json_t *scope = json_array();
  for (size_t i = 0; i < e->n_scope; i++) json_array_append_new(scope, json_string(e->scope[i]));
  json_object_set_new(o, "scope", scope);
  set_str(o, "subscribers", e->subscribers);
  json_object_set_new(o, "description", json_string(e->description ? e->description : ""));
  json_object_set_new(o, "payload_line", json_integer(e->payload_loc.line));
  json_object_set_new(o, "payload", b24_json_params(&e->payload, e->source));
  if (e->example_text) {
    json_t *x = json_object();
    set_str(x, "lang", e->example_lang);
    json_object_set_new(x, "line", json_integer(e->example_loc.line));
    if (e->example) json_object_set(x, "json", e->example);
    set_str(x, "error", e->example_error);
    json_object_set_new(x, "text", json_string(e->example_text));
    json_object_set_new(o, "example", x);
  }
  json_object_set_new(o, "raised_by", raisers_json(e));
  set_str(o, "payload_from", e->payload_from);
  return o;
}

static char *dup(b24_model *m, const json_t *o, const char *k) {
  const char *s = json_string_value(json_object_get(o, k));
  return s ? b24_arena_strdup(&m->arena, s) : NULL;
}

static int num(const json_t *o, const char *k) {
  return (int)json_integer_value(json_object_get(o, k));
}

/* Room in m's arena for as many elements of size bytes as a has; NULL when none. */
static void *room_for(b24_model *m, const json_t *a, size_t size, size_t *n) {
  *n = json_is_array(a) ? json_array_size(a) : 0;
  return *n ? b24_arena_alloc(&m->arena, *n * size) : NULL;
}

int b24_events_from_json(b24_model *m, const json_t *a, char *err, size_t errlen) {
  m->events = room_for(m, a, sizeof *m->events, &m->n_events);
  for (size_t i = 0; i < m->n_events; i++) {
    const json_t *o = json_array_get(a, i);
    b24_event *e = &m->events[i];
    e->name = dup(m, o, "name");
    e->source = dup(m, o, "source");
    e->kind = dup(m, o, "kind");
    if (!e->name || !e->source || !e->kind) {
      snprintf(err, errlen, "event %zu: name, kind and source are required", i);
      return -1;
    }
    e->written = dup(m, o, "written");
    e->title = dup(m, o, "title");
    e->line = num(o, "line");
    e->scope = b24_json_read_strings(m, json_object_get(o, "scope"), &e->n_scope);
    e->subscribers = dup(m, o, "subscribers");
    e->description = dup(m, o, "description");
    e->payload_loc = (b24_loc){e->source, num(o, "payload_line")};
    e->payload_from = dup(m, o, "payload_from");
    if (b24_json_read_params(m, json_object_get(o, "payload"), &e->payload, e->source, err, errlen))
      return -1;
    const json_t *x = json_object_get(o, "example");
    if (json_is_object(x)) {
      e->example_lang = dup(m, x, "lang");
      e->example_loc = (b24_loc){e->source, num(x, "line")};
      e->example = json_incref(json_object_get(x, "json"));
      e->example_error = dup(m, x, "error");
      e->example_text = dup(m, x, "text");
    }
    const json_t *rs = json_object_get(o, "raised_by");
    e->raised_by = room_for(m, rs, sizeof *e->raised_by, &e->n_raised_by);
    for (size_t k = 0; k < e->n_raised_by; k++) {
      const json_t *r = json_array_get(rs, k);
      b24_event_raiser *d = &e->raised_by[k];
      d->method = dup(m, r, "method");
      d->action = dup(m, r, "action");
      d->via = dup(m, r, "via");
      d->id_key = dup(m, r, "id_key");
      if (!d->method) d->method = b24_arena_strdup(&m->arena, "");
      if (!d->action) d->action = b24_arena_strdup(&m->arena, "");
      if (!d->via) d->via = b24_arena_strdup(&m->arena, "");
    }
  }
  return 0;
}
