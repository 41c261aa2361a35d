/* The model's JSON form (docs/model.md), written and read. Keys appear in a fixed
 * order and empty optional members are left out, so the output is stable. */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "model/json_internal.h"
#include "model/derive.h"
#include "model/json_v2.h"
#include "model/json_bodies.h"
#include "model/model.h"
#include "util/buf.h"
#include "util/fsutil.h"
#include "util/json_parse.h"
#include "util/json_text.h"
#include "util/parallel.h"

static void set_str(json_t *o, const char *k, const char *v) {
  if (v) json_object_set_new(o, k, json_string(v));
}

static json_t *str_array(char *const *v, size_t n) {
  json_t *a = json_array();
  for (size_t i = 0; i < n; i++) json_array_append_new(a, json_string(v[i]));
  return a;
}

static json_t *loc_json(b24_loc l, const char *source) {
  (void)source;
  return json_integer(l.line);
}

static json_t *params_json(const b24_params *ps, const char *source);

json_t *b24_json_type(const b24_type *t) {
  json_t *o = json_object();
  json_object_set_new(o, "written", json_string(t->written ? t->written : ""));
  json_t *alts = json_array();
  for (size_t i = 0; i < t->n_alts; i++) {
    json_t *a = json_object();
    json_object_set_new(a, "base", json_string(t->alts[i].base));
    if (t->alts[i].array) json_object_set_new(a, "array", json_integer(t->alts[i].array));
    set_str(a, "ref", t->alts[i].ref);
    set_str(a, "page", t->alts[i].page);
    b24_json_v2_alt(a, &t->alts[i]);
    json_array_append_new(alts, a);
  }
  json_object_set_new(o, "alts", alts);
  if (t->nullable) json_object_set_new(o, "nullable", json_true());
  return o;
}

static json_t *param_json(const b24_param *p, const char *source) {
  json_t *o = json_object();
  json_object_set_new(o, "name", json_string(p->name));
  json_object_set_new(o, "type", b24_json_type(&p->type));
  json_object_set_new(o, "required", json_boolean(p->required));
  if (p->wildcard) json_object_set_new(o, "wildcard", json_true());
  json_object_set_new(o, "description", json_string(p->description ? p->description : ""));
  if (p->n_enum) json_object_set_new(o, "enum", str_array(p->enum_values, p->n_enum));
  set_str(o, "default", p->default_value);
  set_str(o, "example", p->example);
  set_str(o, "since", p->since);
  if (p->n_alternatives) json_object_set_new(o, "alternatives", str_array(p->alternatives, p->n_alternatives));
  if (p->loc.file && source && strcmp(p->loc.file, source))
    json_object_set_new(o, "source", json_string(p->loc.file));
  json_object_set_new(o, "line", loc_json(p->loc, source));
  if (p->children.n) json_object_set_new(o, "children", params_json(&p->children, source));
  if (p->n_variants) {
    json_t *vs = json_array();
    for (size_t i = 0; i < p->n_variants; i++) {
      const b24_variant *v = &p->variants[i];
      json_t *vo = json_object();
      json_object_set_new(vo, "name", json_string(v->name));
      json_object_set_new(vo, "keys", str_array(v->keys, v->n_keys));
      json_object_set_new(vo, "line", json_integer(v->loc.line));
      json_object_set_new(vo, "children", params_json(&v->children, source));
      json_array_append_new(vs, vo);
    }
    json_object_set_new(o, "variants", vs);
    set_str(o, "variant_key", p->variant_key);
  }
  b24_json_v2_param(o, p);
  return o;
}

static json_t *params_json(const b24_params *ps, const char *source) {
  json_t *a = json_array();
  for (size_t i = 0; i < ps->n; i++) json_array_append_new(a, param_json(&ps->items[i], source));
  return a;
}

static json_t *errors_json(const b24_error *e, size_t n, const char *source) {
  json_t *a = json_array();
  for (size_t i = 0; i < n; i++) {
    json_t *o = json_object();
    json_object_set_new(o, "status", json_integer(e[i].status));
    json_object_set_new(o, "code", json_string(e[i].code));
    set_str(o, "message", e[i].message);
    set_str(o, "description", e[i].description);
    if (e[i].loc.file && source && strcmp(e[i].loc.file, source))
      json_object_set_new(o, "source", json_string(e[i].loc.file));
    json_object_set_new(o, "line", json_integer(e[i].loc.line));
    json_array_append_new(a, o);
  }
  return a;
}

static json_t *links_json(const b24_link *l, size_t n) {
  json_t *a = json_array();
  for (size_t i = 0; i < n; i++) {
    json_t *o = json_object();
    set_str(o, "text", l[i].text);
    json_object_set_new(o, "href", json_string(l[i].href));
    set_str(o, "target", l[i].target);
    set_str(o, "anchor", l[i].anchor);
    json_object_set_new(o, "line", json_integer(l[i].loc.line));
    json_array_append_new(a, o);
  }
  return a;
}

static const char *auth_name(b24_auth_style a) {
  return a == B24_AUTH_WEBHOOK ? "webhook" : a == B24_AUTH_OAUTH ? "oauth" : NULL;
}

static json_t *method_json(const b24_method *m) {
  json_t *o = json_object();
  json_object_set_new(o, "name", json_string(m->name));
  json_object_set_new(o, "title", json_string(m->title));
  json_object_set_new(o, "source", json_string(m->source));
  json_object_set_new(o, "line", json_integer(m->line));
  json_object_set_new(o, "language", json_string(m->language ? m->language : "en"));
  json_object_set_new(o, "scope", str_array(m->scope, m->n_scope));
  set_str(o, "access", m->access);
  json_object_set_new(o, "description", json_string(m->description ? m->description : ""));
  json_object_set_new(o, "rest_version", json_integer(m->rest_version));
  json_object_set_new(o, "params_line", json_integer(m->params_loc.line));
  json_object_set_new(o, "params", params_json(&m->params, m->source));
  json_t *r = json_object();
  json_object_set_new(r, "status", json_integer(m->response.status));
  json_object_set_new(r, "line", json_integer(m->response.loc.line));
  if (m->response.example) json_object_set_new(r, "example", json_incref(m->response.example));
  /* an example read past its elisions keeps its text: lint places the error in it */
  set_str(r, "example_text",
          m->response.example && !m->response.example_error ? NULL : m->response.example_text);
  set_str(r, "example_error", m->response.example_error);
  if (m->response.example_bare) json_object_set_new(r, "example_bare", json_true());
  if (m->response.example_loc.line)
    json_object_set_new(r, "example_line", json_integer(m->response.example_loc.line));
  json_object_set_new(r, "fields", params_json(&m->response.fields, m->source));
  json_object_set_new(o, "response", r);
  json_object_set_new(o, "errors", errors_json(m->errors, m->n_errors, m->source));
  json_object_set_new(o, "system_errors", errors_json(m->system_errors, m->n_system_errors, m->source));
  json_t *ex = json_array();
  for (size_t i = 0; i < m->n_examples; i++) {
    const b24_example *e = &m->examples[i];
    json_t *eo = json_object();
    json_object_set_new(eo, "lang", json_string(e->lang));
    json_object_set_new(eo, "fence", json_string(e->fence ? e->fence : ""));
    json_object_set_new(eo, "line", json_integer(e->loc.line));
    json_object_set_new(eo, "code", json_string(e->code));
    if (e->is_curl) {
      json_object_set_new(eo, "curl", json_true());
      set_str(eo, "auth", auth_name(e->auth));
      set_str(eo, "http_method", e->http_method);
      set_str(eo, "url", e->url);
      if (e->body) json_object_set_new(eo, "body", json_incref(e->body));
      else set_str(eo, "body_text", e->body_text);
      set_str(eo, "body_error", e->body_error);
    }
    b24_json_example_body(eo, e);
    json_array_append_new(ex, eo);
  }
  json_object_set_new(o, "examples", ex);
  json_object_set_new(o, "see_also", links_json(m->see_also, m->n_see_also));
  b24_json_v2_method(o, m);
  return o;
}

static const char *kind_name(b24_page_kind k) {
  return k == B24_PAGE_METHOD ? "method" : k == B24_PAGE_EVENT ? "event" : "other";
}

static json_t *object_json(const b24_object_type *t) {
  json_t *x = json_object();
  json_object_set_new(x, "id", json_string(t->id));
  json_object_set_new(x, "name", json_string(t->name));
  json_object_set_new(x, "source", json_string(t->loc.file));
  json_object_set_new(x, "line", json_integer(t->loc.line));
  json_object_set_new(x, "fields", params_json(&t->fields, t->loc.file));
  return x;
}

static json_t *word_json(const b24_type_word *w) {
  json_t *x = json_object();
  json_object_set_new(x, "word", json_string(w->word));
  json_object_set_new(x, "source", json_string(w->dictionary));
  json_object_set_new(x, "line", json_integer(w->loc.line));
  b24_json_v2_word(x, w);
  return x;
}

static json_t *page_json(const b24_page *p) {
  json_t *x = json_object();
  json_object_set_new(x, "path", json_string(p->path));
  json_object_set_new(x, "kind", json_string(kind_name(p->kind)));
  set_str(x, "title", p->title);
  set_str(x, "name", p->name);
  json_object_set_new(x, "anchors", str_array(p->anchors, p->n_anchors));
  json_object_set_new(x, "links", links_json(p->links, p->n_links));
  if (p->n_suppressions) {
    json_t *a = json_array();
    for (size_t i = 0; i < p->n_suppressions; i++)
      json_array_append_new(a, json_pack("{s:i,s:o}", "line", p->suppressions[i].line, "rules",
                                         str_array(p->suppressions[i].rules, p->suppressions[i].n_rules)));
    json_object_set_new(x, "suppressions", a);
  }
  return x;
}

/* The model's top-level arrays, in order; each element made by one function. */
typedef json_t *(*element_fn)(const b24_model *m, size_t i);
static json_t *el_method(const b24_model *m, size_t i) { return method_json(&m->methods[i]); }
static json_t *el_object(const b24_model *m, size_t i) { return object_json(&m->objects[i]); }
static json_t *el_word(const b24_model *m, size_t i) { return word_json(&m->type_words[i]); }
static json_t *el_page(const b24_model *m, size_t i) { return page_json(&m->pages[i]); }
static json_t *el_event(const b24_model *m, size_t i) { return b24_event_json(&m->events[i]); }
static json_t *el_entity(const b24_model *m, size_t i) { return b24_json_v2_entity(&m->entities[i]); }
static json_t *el_family(const b24_model *m, size_t i) { return b24_json_v2_family(&m->families[i]); }

static const struct {
  const char *key;
  size_t offset; /* of the count in b24_model */
  element_fn make;
} sections[] = {
    {"methods", offsetof(b24_model, n_methods), el_method},
    {"objects", offsetof(b24_model, n_objects), el_object},
    {"type_words", offsetof(b24_model, n_type_words), el_word},
    {"pages", offsetof(b24_model, n_pages), el_page},
    {"events", offsetof(b24_model, n_events), el_event},
    {"entities", offsetof(b24_model, n_entities), el_entity},
    {"families", offsetof(b24_model, n_families), el_family},
};

static size_t section_count(const b24_model *m, size_t k) {
  return *(const size_t *)((const char *)m + sections[k].offset);
}

json_t *b24_model_to_json(const b24_model *m) {
  json_t *o = json_object();
  json_object_set_new(o, "version", json_integer(B24_MODEL_VERSION));
  for (size_t k = 0; k < sizeof sections / sizeof sections[0]; k++) {
    json_t *a = json_array();
    for (size_t i = 0; i < section_count(m, k); i++) json_array_append_new(a, sections[k].make(m, i));
    json_object_set_new(o, sections[k].key, a);
  }
  return o;
}

/* Elements are turned into text on every CPU, a batch at a time: the batch bounds
 * the text held in memory, and the file gets the elements in order. */
enum { WRITE_BATCH = 256 };

typedef struct write_batch {
  const b24_model *m;
  size_t section, first;
  b24_buf text[WRITE_BATCH];
} write_batch;

static void element_text(void *ctx, size_t i) {
  write_batch *b = ctx;
  size_t at = b->first + i;
  json_t *x = sections[b->section].make(b->m, at);
  b24_buf *t = &b->text[i];
  b24_buf_puts(t, at ? ",\n" : "\n");
  b24_json_text_append(t, x, B24_JSON_COMPACT);
  json_decref(x);
}

int b24_model_write_json(const b24_model *m, FILE *f) {
  fprintf(f, "{\"version\": %d", B24_MODEL_VERSION);
  write_batch *b = calloc(1, sizeof *b);
  b->m = m;
  for (size_t k = 0; k < sizeof sections / sizeof sections[0]; k++) {
    fprintf(f, ",\n\"%s\": [", sections[k].key);
    size_t n = section_count(m, k);
    b->section = k;
    for (b->first = 0; b->first < n; b->first += WRITE_BATCH) {
      size_t count = n - b->first < WRITE_BATCH ? n - b->first : WRITE_BATCH;
      b24_parallel_for(count, 0, element_text, b);
      for (size_t i = 0; i < count; i++) {
        fwrite(b->text[i].data, 1, b->text[i].len, f);
        b24_buf_free(&b->text[i]); /* a few elements are large: keep none */
      }
    }
    fputs("]", f);
  }
  free(b);
  fputs("}\n", f);
  return ferror(f) ? -1 : 0;
}

/* ---- reading ---- */

typedef struct reader {
  b24_model *m;
  b24_arena *a;
  char *err;
  size_t errlen;
  int failed;
} reader;

static char *rstr(reader *r, const json_t *o, const char *k) {
  const json_t *v = json_object_get(o, k);
  return json_is_string(v) ? b24_arena_strdup(r->a, json_string_value(v)) : NULL;
}

static int read_int(const json_t *o, const char *k) {
  const json_t *v = json_object_get(o, k);
  return json_is_integer(v) ? (int)json_integer_value(v) : 0;
}

static char **rstrs(reader *r, const json_t *a, size_t *n) {
  *n = json_is_array(a) ? json_array_size(a) : 0;
  if (!*n) return NULL;
  char **v = b24_arena_alloc(r->a, *n * sizeof *v);
  for (size_t i = 0; i < *n; i++) {
    const char *s = json_string_value(json_array_get(a, i));
    v[i] = b24_arena_strdup(r->a, s ? s : "");
  }
  return v;
}

static const char *rsource(reader *r, const json_t *o, const char *dflt) {
  char *s = rstr(r, o, "source");
  return s ? s : dflt;
}

static void read_params(reader *r, const json_t *a, b24_params *out, const char *source);

static void read_type(reader *r, const json_t *o, b24_type *t) {
  t->written = rstr(r, o, "written");
  const json_t *alts = json_object_get(o, "alts");
  t->n_alts = json_is_array(alts) ? json_array_size(alts) : 0;
  if (t->n_alts) t->alts = b24_arena_alloc(r->a, t->n_alts * sizeof *t->alts);
  for (size_t i = 0; i < t->n_alts; i++) {
    const json_t *x = json_array_get(alts, i);
    t->alts[i].base = rstr(r, x, "base");
    if (!t->alts[i].base) t->alts[i].base = b24_arena_strdup(r->a, "any");
    t->alts[i].array = read_int(x, "array");
    t->alts[i].ref = rstr(r, x, "ref");
    t->alts[i].page = rstr(r, x, "page");
    b24_json_v2_read_alt(r->a, x, &t->alts[i]);
  }
  t->nullable = json_is_true(json_object_get(o, "nullable"));
}

static void read_params(reader *r, const json_t *a, b24_params *out, const char *source) {
  out->n = json_is_array(a) ? json_array_size(a) : 0;
  out->items = out->n ? b24_arena_alloc(r->a, out->n * sizeof *out->items) : NULL;
  for (size_t i = 0; i < out->n; i++) {
    const json_t *o = json_array_get(a, i);
    b24_param *p = &out->items[i];
    p->name = rstr(r, o, "name");
    if (!p->name) {
      snprintf(r->err, r->errlen, "a parameter without a name");
      r->failed = 1;
      p->name = b24_arena_strdup(r->a, "");
    }
    read_type(r, json_object_get(o, "type"), &p->type);
    p->required = json_is_true(json_object_get(o, "required"));
    p->wildcard = json_is_true(json_object_get(o, "wildcard"));
    p->description = rstr(r, o, "description");
    p->enum_values = rstrs(r, json_object_get(o, "enum"), &p->n_enum);
    p->default_value = rstr(r, o, "default");
    p->example = rstr(r, o, "example");
    p->since = rstr(r, o, "since");
    p->alternatives = rstrs(r, json_object_get(o, "alternatives"), &p->n_alternatives);
    p->loc = (b24_loc){rsource(r, o, source), read_int(o, "line")};
    read_params(r, json_object_get(o, "children"), &p->children, source);
    const json_t *vs = json_object_get(o, "variants");
    p->n_variants = json_is_array(vs) ? json_array_size(vs) : 0;
    if (p->n_variants) p->variants = b24_arena_alloc(r->a, p->n_variants * sizeof *p->variants);
    for (size_t v = 0; v < p->n_variants; v++) {
      const json_t *vo = json_array_get(vs, v);
      b24_variant *x = &p->variants[v];
      x->name = rstr(r, vo, "name");
      x->keys = rstrs(r, json_object_get(vo, "keys"), &x->n_keys);
      x->loc = (b24_loc){source, read_int(vo, "line")};
      read_params(r, json_object_get(vo, "children"), &x->children, source);
    }
    p->variant_key = rstr(r, o, "variant_key");
  }
}

json_t *b24_json_params(const b24_params *ps, const char *source) {
  return params_json(ps, source);
}

char **b24_json_read_strings(b24_model *m, const json_t *a, size_t *n) {
  reader r = {m, &m->arena, NULL, 0, 0};
  return rstrs(&r, a, n);
}

int b24_json_read_params(b24_model *m, const json_t *a, b24_params *out, const char *source,
                         char *err, size_t errlen) {
  reader r = {m, &m->arena, err, errlen, 0};
  read_params(&r, a, out, source);
  return r.failed ? -1 : 0;
}

static b24_error *read_errors(reader *r, const json_t *a, size_t *n, const char *source) {
  *n = json_is_array(a) ? json_array_size(a) : 0;
  if (!*n) return NULL;
  b24_error *e = b24_arena_alloc(r->a, *n * sizeof *e);
  for (size_t i = 0; i < *n; i++) {
    const json_t *o = json_array_get(a, i);
    e[i].status = read_int(o, "status");
    e[i].code = rstr(r, o, "code");
    if (!e[i].code) e[i].code = b24_arena_strdup(r->a, "");
    e[i].message = rstr(r, o, "message");
    e[i].description = rstr(r, o, "description");
    e[i].loc = (b24_loc){rsource(r, o, source), read_int(o, "line")};
  }
  return e;
}

static b24_link *read_links(reader *r, const json_t *a, size_t *n, const char *source) {
  *n = json_is_array(a) ? json_array_size(a) : 0;
  if (!*n) return NULL;
  b24_link *l = b24_arena_alloc(r->a, *n * sizeof *l);
  for (size_t i = 0; i < *n; i++) {
    const json_t *o = json_array_get(a, i);
    l[i].text = rstr(r, o, "text");
    l[i].href = rstr(r, o, "href");
    l[i].target = rstr(r, o, "target");
    l[i].anchor = rstr(r, o, "anchor");
    l[i].loc = (b24_loc){source, read_int(o, "line")};
  }
  return l;
}

static void read_method(reader *r, const json_t *o, b24_method *m) {
  m->name = rstr(r, o, "name");
  if (!m->name) {
    snprintf(r->err, r->errlen, "a method without a name");
    r->failed = 1;
    m->name = b24_arena_strdup(r->a, "");
  }
  m->title = rstr(r, o, "title");
  m->source = rstr(r, o, "source");
  if (!m->source) m->source = b24_arena_strdup(r->a, "");
  m->line = read_int(o, "line");
  m->language = rstr(r, o, "language");
  m->scope = rstrs(r, json_object_get(o, "scope"), &m->n_scope);
  m->access = rstr(r, o, "access");
  m->description = rstr(r, o, "description");
  m->rest_version = read_int(o, "rest_version");
  m->params_loc = (b24_loc){m->source, read_int(o, "params_line")};
  read_params(r, json_object_get(o, "params"), &m->params, m->source);
  const json_t *resp = json_object_get(o, "response");
  m->response.status = read_int(resp, "status");
  m->response.loc = (b24_loc){m->source, read_int(resp, "line")};
  json_t *ex = json_object_get(resp, "example");
  m->response.example = ex ? json_deep_copy(ex) : NULL;
  m->response.example_text = rstr(r, resp, "example_text");
  m->response.example_error = rstr(r, resp, "example_error");
  m->response.example_bare = json_is_true(json_object_get(resp, "example_bare"));
  m->response.example_loc = (b24_loc){m->source, read_int(resp, "example_line")};
  read_params(r, json_object_get(resp, "fields"), &m->response.fields, m->source);
  m->errors = read_errors(r, json_object_get(o, "errors"), &m->n_errors, m->source);
  m->system_errors =
      read_errors(r, json_object_get(o, "system_errors"), &m->n_system_errors, m->source);
  const json_t *exs = json_object_get(o, "examples");
  m->n_examples = json_is_array(exs) ? json_array_size(exs) : 0;
  if (m->n_examples) m->examples = b24_arena_alloc(r->a, m->n_examples * sizeof *m->examples);
  for (size_t i = 0; i < m->n_examples; i++) {
    const json_t *eo = json_array_get(exs, i);
    b24_example *e = &m->examples[i];
    e->lang = rstr(r, eo, "lang");
    e->fence = rstr(r, eo, "fence");
    e->code = rstr(r, eo, "code");
    e->loc = (b24_loc){m->source, read_int(eo, "line")};
    e->is_curl = json_is_true(json_object_get(eo, "curl"));
    const char *auth = json_string_value(json_object_get(eo, "auth"));
    e->auth = auth && !strcmp(auth, "webhook") ? B24_AUTH_WEBHOOK
              : auth && !strcmp(auth, "oauth") ? B24_AUTH_OAUTH
                                               : B24_AUTH_NONE;
    e->http_method = rstr(r, eo, "http_method");
    e->url = rstr(r, eo, "url");
    json_t *body = json_object_get(eo, "body");
    e->body = body ? json_deep_copy(body) : NULL;
    e->body_text = rstr(r, eo, "body_text");
    if (e->body && !e->body_text) {
      char *s = b24_json_dumps(e->body, JSON_ENCODE_ANY);
      e->body_text = b24_arena_strdup(r->a, s);
      free(s);
    }
    e->body_error = rstr(r, eo, "body_error");
    b24_json_read_example_body(r->a, eo, e);
  }
  m->see_also = read_links(r, json_object_get(o, "see_also"), &m->n_see_also, m->source);
  b24_json_v2_read_method(r->a, o, m);
}

b24_model *b24_model_from_json(const json_t *j, char *err, size_t errlen) {
  if (!json_is_object(j)) {
    snprintf(err, errlen, "not a JSON object");
    return NULL;
  }
  json_int_t version = json_integer_value(json_object_get(j, "version"));
  if (version != B24_MODEL_VERSION) {
    snprintf(err, errlen, "model version %lld, this b24spec reads version %d",
             (long long)version, B24_MODEL_VERSION);
    return NULL;
  }
  b24_model *m = calloc(1, sizeof *m);
  b24_arena_init(&m->arena);
  reader r = {m, &m->arena, err, errlen, 0};
  const json_t *ms = json_object_get(j, "methods");
  m->n_methods = json_is_array(ms) ? json_array_size(ms) : 0;
  if (m->n_methods) m->methods = b24_arena_alloc(&m->arena, m->n_methods * sizeof *m->methods);
  for (size_t i = 0; i < m->n_methods; i++) read_method(&r, json_array_get(ms, i), &m->methods[i]);
  const json_t *objs = json_object_get(j, "objects");
  m->n_objects = json_is_array(objs) ? json_array_size(objs) : 0;
  if (m->n_objects) m->objects = b24_arena_alloc(&m->arena, m->n_objects * sizeof *m->objects);
  for (size_t i = 0; i < m->n_objects; i++) {
    const json_t *o = json_array_get(objs, i);
    b24_object_type *t = &m->objects[i];
    t->id = rstr(&r, o, "id");
    if (!t->id) t->id = b24_arena_strdup(&m->arena, "");
    t->name = rstr(&r, o, "name");
    t->loc = (b24_loc){rsource(&r, o, ""), read_int(o, "line")};
    read_params(&r, json_object_get(o, "fields"), &t->fields, t->loc.file);
  }
  const json_t *words = json_object_get(j, "type_words");
  m->n_type_words = json_is_array(words) ? json_array_size(words) : 0;
  if (m->n_type_words) m->type_words = b24_arena_alloc(&m->arena, m->n_type_words * sizeof *m->type_words);
  for (size_t i = 0; i < m->n_type_words; i++) {
    const json_t *o = json_array_get(words, i);
    m->type_words[i].word = rstr(&r, o, "word");
    m->type_words[i].dictionary = rsource(&r, o, "");
    m->type_words[i].loc = (b24_loc){m->type_words[i].dictionary, read_int(o, "line")};
    b24_json_v2_read_word(&m->arena, o, &m->type_words[i]);
  }
  const json_t *pages = json_object_get(j, "pages");
  m->n_pages = json_is_array(pages) ? json_array_size(pages) : 0;
  if (m->n_pages) m->pages = b24_arena_alloc(&m->arena, m->n_pages * sizeof *m->pages);
  for (size_t i = 0; i < m->n_pages; i++) {
    const json_t *o = json_array_get(pages, i);
    b24_page *p = &m->pages[i];
    p->path = rstr(&r, o, "path");
    if (!p->path) p->path = b24_arena_strdup(&m->arena, "");
    const char *k = json_string_value(json_object_get(o, "kind"));
    p->kind = k && !strcmp(k, "method") ? B24_PAGE_METHOD
              : k && !strcmp(k, "event") ? B24_PAGE_EVENT
                                         : B24_PAGE_OTHER;
    p->title = rstr(&r, o, "title");
    p->name = rstr(&r, o, "name");
    p->anchors = rstrs(&r, json_object_get(o, "anchors"), &p->n_anchors);
    p->links = read_links(&r, json_object_get(o, "links"), &p->n_links, p->path);
    const json_t *sup = json_object_get(o, "suppressions");
    p->n_suppressions = json_is_array(sup) ? json_array_size(sup) : 0;
    if (p->n_suppressions)
      p->suppressions = b24_arena_alloc(&m->arena, p->n_suppressions * sizeof *p->suppressions);
    for (size_t s = 0; s < p->n_suppressions; s++) {
      const json_t *e = json_array_get(sup, s);
      p->suppressions[s].line = read_int(e, "line");
      p->suppressions[s].rules = rstrs(&r, json_object_get(e, "rules"), &p->suppressions[s].n_rules);
    }
  }
  if (b24_events_from_json(m, json_object_get(j, "events"), err, errlen)) r.failed = 1;
  if (r.failed) {
    b24_model_free(m);
    return NULL;
  }
  b24_model_derive(m);
  return m;
}

b24_model *b24_model_read_file(const char *path, b24_diags *diags) {
  json_error_t e;
  size_t len = 0;
  char *text = b24_read_file(path, &len);
  if (!text) {
    b24_diag_add(diags, path, 1, 1, B24_ERROR, "model-json", "cannot read: %s", strerror(errno));
    return NULL;
  }
  json_t *j = b24_json_load(text, len, &e);
  free(text);
  if (!j) {
    b24_diag_add(diags, path, e.line, e.column, B24_ERROR, "model-json", "not a model: %s", e.text);
    return NULL;
  }
  char err[256] = "";
  b24_model *m = b24_model_from_json(j, err, sizeof err);
  json_decref(j);
  if (!m) b24_diag_add(diags, path, 1, 1, B24_ERROR, "model-json", "not a model: %s", err);
  return m;
}
