/* Model version 2 members in JSON (see json_v2.h). Empty members are left out. */
#include "model/json_v2.h"

#include <string.h>

static void set_str(json_t *o, const char *k, const char *v) {
  if (v) json_object_set_new(o, k, json_string(v));
}

static char *get_str(b24_arena *a, const json_t *o, const char *k) {
  const json_t *v = json_object_get(o, k);
  return json_is_string(v) ? b24_arena_strdup(a, json_string_value(v)) : NULL;
}

static const char *const kind_names[] = {"null", "boolean", "integer", "number",
                                         "string", "array", "object"};

static json_t *kinds_json(unsigned kinds) {
  json_t *a = json_array();
  for (size_t i = 0; i < sizeof kind_names / sizeof *kind_names; i++)
    if (kinds & (1u << i)) json_array_append_new(a, json_string(kind_names[i]));
  return a;
}

/* b24_deprecation_kind -> its JSON name (index 0 unused). */
static const char *const deprecation_kinds[] = {"", "note", "folder", "title"};

static const char *deprecation_kind_name(b24_deprecation_kind k) {
  return k >= B24_DEPRECATED_NOTE && k <= B24_DEPRECATED_TITLE ? deprecation_kinds[k] : "note";
}

static json_t *deprecation_json(const b24_deprecation *d, const char *source) {
  json_t *o = json_object();
  json_object_set_new(o, "kind", json_string(deprecation_kind_name(d->kind)));
  set_str(o, "replacement", d->replacement);
  json_object_set_new(o, "note", json_string(d->note ? d->note : ""));
  if (d->loc.file && source && strcmp(d->loc.file, source))
    json_object_set_new(o, "source", json_string(d->loc.file));
  json_object_set_new(o, "line", json_integer(d->loc.line));
  return o;
}

static b24_deprecation *read_deprecation(b24_arena *a, const json_t *o, const char *source) {
  if (!json_is_object(o)) return NULL;
  b24_deprecation *d = b24_arena_alloc(a, sizeof *d);
  const char *k = json_string_value(json_object_get(o, "kind"));
  d->kind = B24_DEPRECATED_NOTE;
  for (int i = B24_DEPRECATED_NOTE; k && i <= B24_DEPRECATED_TITLE; i++)
    if (!strcmp(k, deprecation_kinds[i])) d->kind = (b24_deprecation_kind)i;
  d->replacement = get_str(a, o, "replacement");
  d->note = get_str(a, o, "note");
  if (!d->note) d->note = b24_arena_strdup(a, "");
  char *src = get_str(a, o, "source");
  const json_t *line = json_object_get(o, "line");
  d->loc = (b24_loc){src ? src : source, json_is_integer(line) ? (int)json_integer_value(line) : 0};
  return d;
}

void b24_json_v2_alt(json_t *o, const b24_type_alt *a) {
  set_str(o, "reference", a->reference);
  set_str(o, "reference_target", a->reference_target);
}

void b24_json_v2_param(json_t *o, const b24_param *p) {
  if (p->evidence.values) {
    json_t *e = json_object();
    json_object_set_new(e, "types", kinds_json(p->evidence.kinds));
    json_object_set_new(e, "values", json_integer(p->evidence.values));
    if (p->evidence.disagrees) json_object_set_new(e, "disagrees", json_true());
    json_object_set_new(e, "line", json_integer(p->evidence.line));
    json_object_set_new(o, "evidence", e);
  }
  if (p->deprecated) json_object_set_new(o, "deprecated", deprecation_json(p->deprecated, p->loc.file));
}

static json_t *list_json(const b24_list_info *l) {
  json_t *o = json_object();
  set_str(o, "filter", l->filter);
  set_str(o, "order", l->order);
  set_str(o, "select", l->select);
  set_str(o, "start", l->start);
  set_str(o, "page_size", l->page_size);
  json_t *ops = json_array();
  for (size_t i = 0; i < l->n_filter_ops; i++) json_array_append_new(ops, json_string(l->filter_ops[i]));
  json_object_set_new(o, "filter_ops", ops);
  if (l->start_minus_one) json_object_set_new(o, "start_minus_one", json_true());
  set_str(o, "items", l->items);
  if (l->total) json_object_set_new(o, "total", json_true());
  if (l->next) json_object_set_new(o, "next", json_true());
  return o;
}

void b24_json_v2_method(json_t *o, const b24_method *m) {
  if (m->deprecated) json_object_set_new(o, "deprecated", deprecation_json(m->deprecated, m->source));
  if (m->is_batch) json_object_set_new(o, "batch", json_true());
  if (m->list) json_object_set_new(o, "list", list_json(m->list));
  if (m->entity) {
    json_object_set_new(o, "entity", json_string(m->entity->name));
    json_object_set_new(o, "role", json_string(b24_role_name(b24_entity_role_of(m->entity, m))));
  }
}

void b24_json_v2_word(json_t *o, const b24_type_word *w) {
  set_str(o, "description", w->description);
  set_str(o, "scalar", w->scalar);
}

/* A method as entities and families name it: its name, and its page (one name
 * may have a classic and a REST 3.0 page). */
static json_t *method_ref(const b24_method *m) {
  return json_pack("{s:s,s:s}", "name", m->name, "source", m->source);
}

static json_t *source_json(const b24_field_source *s) {
  json_t *o = json_object();
  json_object_set_new(o, "method", json_string(s->method->name));
  json_object_set_new(o, "role", json_string(b24_role_name(s->role)));
  json_object_set_new(o, "type", json_string(s->type && s->type->written ? s->type->written : ""));
  json_object_set_new(o, "source", json_string(s->loc.file ? s->loc.file : s->method->source));
  json_object_set_new(o, "line", json_integer(s->loc.line));
  if (s->read_only) json_object_set_new(o, "read_only", json_true());
  if (s->required) json_object_set_new(o, "required", json_true());
  if (s->multiple) json_object_set_new(o, "multiple", json_true());
  return o;
}

static json_t *field_json(const b24_entity_field *f) {
  json_t *o = json_object();
  json_object_set_new(o, "name", json_string(f->name));
  if (f->type) json_object_set_new(o, "type", b24_json_type(f->type));
  json_object_set_new(o, "read_only", json_boolean(f->read_only));
  json_object_set_new(o, "required_on_add", json_boolean(f->required_on_add));
  json_object_set_new(o, "multiple", json_boolean(f->multiple));
  if (f->disagree) json_object_set_new(o, "disagree", json_true());
  json_t *ss = json_array();
  for (size_t i = 0; i < f->n_sources; i++) json_array_append_new(ss, source_json(&f->sources[i]));
  json_object_set_new(o, "sources", ss);
  return o;
}

json_t *b24_json_v2_entity(const b24_entity *e) {
  json_t *o = json_object();
  json_object_set_new(o, "name", json_string(e->name));
  json_object_set_new(o, "rest_version", json_integer(e->rest_version));
  json_object_set_new(o, "id_key", json_string(e->id_key ? e->id_key : ""));
  if (e->id_chosen) json_object_set_new(o, "id_chosen", json_true());
  set_str(o, "id_field", e->id_field);
  set_str(o, "type_param", e->type_param);
  if (e->n_member_of) {
    json_t *ks = json_array();
    for (size_t i = 0; i < e->n_member_of; i++) json_array_append_new(ks, json_string(e->member_of[i]));
    json_object_set_new(o, "member_of", ks);
    set_str(o, "members_param", e->members_param);
  }
  if (e->n_kinds) {
    json_t *ks = json_array();
    for (size_t i = 0; i < e->n_kinds; i++) {
      json_t *k = json_pack("{s:s}", "value", e->kinds[i].value);
      set_str(k, "entity", e->kinds[i].entity);
      json_array_append_new(ks, k);
    }
    json_object_set_new(o, "kinds", ks);
  }
  json_t *ms = json_array();
  for (size_t i = 0; i < e->n_methods; i++) {
    json_t *r = method_ref(e->methods[i].method);
    json_object_set_new(r, "role", json_string(b24_role_name(e->methods[i].role)));
    json_array_append_new(ms, r);
  }
  json_object_set_new(o, "methods", ms);
  json_t *fs = json_array();
  for (size_t i = 0; i < e->n_fields; i++) json_array_append_new(fs, field_json(&e->fields[i]));
  json_object_set_new(o, "fields", fs);
  return o;
}

json_t *b24_json_v2_family(const b24_method_family *f) {
  json_t *o = json_object();
  json_object_set_new(o, "name", json_string(f->name));
  json_object_set_new(o, "rest_version", json_integer(f->rest_version));
  json_t *ms = json_array();
  for (size_t i = 0; i < f->n_methods; i++) json_array_append_new(ms, json_string(f->methods[i]->name));
  json_object_set_new(o, "methods", ms);
  if (f->entity) json_object_set_new(o, "entity", json_string(f->entity->name));
  set_str(o, "no_entity", f->no_entity);
  return o;
}

void b24_json_v2_read_alt(b24_arena *a, const json_t *o, b24_type_alt *alt) {
  alt->reference = get_str(a, o, "reference");
  alt->reference_target = get_str(a, o, "reference_target");
}

void b24_json_v2_read_method(b24_arena *a, const json_t *o, b24_method *m) {
  m->deprecated = read_deprecation(a, json_object_get(o, "deprecated"), m->source);
}

void b24_json_v2_read_word(b24_arena *a, const json_t *o, b24_type_word *w) {
  w->description = get_str(a, o, "description");
  w->scalar = get_str(a, o, "scalar");
}
