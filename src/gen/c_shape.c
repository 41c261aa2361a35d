/* The C shape of a method: parameters and result as struct members (rules in c_shape.h). */
#include "gen/c_shape.h"

#include <stdlib.h>
#include <string.h>

#include "gen/c_example_answer.h"
#include "gen/c_example_rows.h"
#include "gen/c_result_like.h"
#include "util/buf.h"

/* --- doc type words ---------------------------------------------------------------------- */

static bool word_in(const char *w, const char *const *list) {
  for (; *list; list++)
    if (!strcmp(w, *list)) return true;
  return false;
}

/* The kind of one type word, compared case-insensitively. The dictionaries say that the
 * CRM object words and `user` are integer identifiers and crm_status a string code. */
static c_kind word_kind(const char *base) {
  static const char *const INTS[] = {"integer", "int", "long", "timestamp", "user",
                                     "user.id", "crm_company", "crm_contact", "crm_lead",
                                     "crm_deal", "crm_quote", "crm_entity", NULL};
  static const char *const DOUBLES[] = {"double", "float", "number", "decimal", NULL};
  static const char *const BOOLS[] = {"boolean", "bool", NULL};
  static const char *const STRINGS[] = {"string", "char", "text", "date", "datetime", "enum",
                                        "crm_status", "crm", NULL};
  char w[64];
  size_t n = strlen(base);
  if (n >= sizeof w) return C_JSON;
  for (size_t i = 0; i <= n; i++) w[i] = (base[i] >= 'A' && base[i] <= 'Z') ? (char)(base[i] + 32) : base[i];
  if (word_in(w, INTS) || (n > 3 && !strcmp(w + n - 3, ".id"))) return C_INT;
  if (word_in(w, DOUBLES)) return C_DOUBLE;
  if (word_in(w, BOOLS)) return C_BOOL;
  if (word_in(w, STRINGS)) return C_STR;
  return C_JSON;
}

static bool alt_is_array(const b24_type_alt *a) { return a->array || !strcmp(a->base, "array"); }

static bool alt_is_object(const b24_type_alt *a) {
  return !a->array && (!strcmp(a->base, "object") || a->ref != NULL);
}

/* One kind for a parameter whose alternatives mix kinds, or C_JSON: the array form when
 * the other is its item, bool for boolean | integer (1/0), and a string when one of them
 * is a string (PHP reads numbers from strings; other forms go through `extra`). */
static c_kind mixed_param_kind(const c_kind *kinds, size_t n) {
  bool has[C_ORDER + 1] = {false};
  for (size_t i = 0; i < n; i++) has[kinds[i]] = true;
  size_t distinct = 0;
  for (size_t k = 0; k <= C_ORDER; k++) distinct += has[k];
  if (distinct == 2 && has[C_INT] && has[C_INT_ARRAY]) return C_INT_ARRAY;
  if (distinct == 2 && has[C_STR] && has[C_STR_ARRAY]) return C_STR_ARRAY;
  if (distinct == 2 && has[C_BOOL] && has[C_INT]) return C_BOOL;
  if (has[C_STR] && !has[C_STR_ARRAY] && !has[C_INT_ARRAY]) return C_STR;
  return C_JSON;
}

/* The kind a parameter's type maps to when it has no nested rows. */
static c_kind type_kind(const b24_type *t, bool result) {
  if (!t->n_alts) return C_JSON;
  c_kind kinds[16];
  size_t n = 0;
  bool mixed = false;
  for (size_t i = 0; i < t->n_alts && n < sizeof kinds / sizeof *kinds; i++) {
    const b24_type_alt *a = &t->alts[i];
    c_kind k = strcmp(a->base, "array") ? word_kind(a->base) : C_JSON;
    if (a->array) k = k == C_INT ? C_INT_ARRAY : k == C_STR ? C_STR_ARRAY : C_JSON;
    mixed |= n && k != kinds[0];
    kinds[n++] = k;
  }
  if (!mixed) return kinds[0];
  return result ? C_JSON : mixed_param_kind(kinds, n);
}

static bool is_yn_enum(const b24_param *p) {
  if (p->n_enum != 2) return false;
  const char *a = p->enum_values[0], *b = p->enum_values[1];
  return (!strcmp(a, "Y") && !strcmp(b, "N")) || (!strcmp(a, "N") && !strcmp(b, "Y"));
}

/* A documented name that is a JSON key, not a pattern (UF_*, <code>) or a path
 * (fields.ID, items[]). */
static bool is_literal_key(const b24_param *p, const char *key) {
  return !p->wildcard && key[0] && !key[strcspn(key, ".[]<>{}* \t\r\n")];
}

/* --- building structs -------------------------------------------------------------------- */

static const char *arena_take(c_shape_ctx *ctx, c_names *names, const char *wanted) {
  char *s = c_names_take(names, wanted);
  const char *a = b24_arena_strdup(ctx->arena, s);
  free(s);
  return a;
}

/* A file-scope name made of a prefix and a member name, without a doubled '_'. */
static const char *global_name(c_shape_ctx *ctx, const char *prefix, const char *part) {
  b24_buf b = B24_BUF_INIT;
  size_t n = strlen(part);
  while (n && part[n - 1] == '_') n--;
  b24_buf_printf(&b, "%s_%.*s", prefix, (int)n, part);
  const char *s = arena_take(ctx, ctx->globals, b.data);
  b24_buf_free(&b);
  return s;
}

static c_member *add_member(c_shape_ctx *ctx, c_struct *s) {
  if (s->n == s->cap) {
    size_t cap = s->cap ? s->cap * 2 : 8;
    s->members = b24_arena_grow(ctx->arena, s->members, s->cap * sizeof *s->members,
                                cap * sizeof *s->members);
    s->cap = cap;
  }
  c_member *m = &s->members[s->n++];
  memset(m, 0, sizeof *m);
  return m;
}

static void add_not_key(c_shape_ctx *ctx, c_struct *s, const char *name) {
  s->not_keys = b24_arena_grow(ctx->arena, s->not_keys, s->n_not_keys * sizeof *s->not_keys,
                               (s->n_not_keys + 1) * sizeof *s->not_keys);
  s->not_keys[s->n_not_keys++] = name;
}

/* What a struct is built from: rows, per-variant tabs, and how keys are read. */
typedef struct struct_source {
  const b24_params *rows;
  const b24_variant *variants;
  size_t n_variants;
  const char *strip_prefix; /* results: "result." rows of a flat table */
  /* parameters: the objects the page's request examples send at this level */
  const json_t *const *samples;
  size_t n_samples;
} struct_source;

enum { MAX_SAMPLES = 8 };

/* The values the samples give for key (objects only; array items when `items`), into
 * out (at most MAX_SAMPLES). */
static size_t samples_of(const struct_source *src, const char *key, bool items, const json_t **out) {
  size_t n = 0;
  for (size_t i = 0; i < src->n_samples && n < MAX_SAMPLES; i++) {
    const json_t *v = json_object_get(src->samples[i], key);
    if (json_is_object(v)) out[n++] = v;
    size_t k;
    const json_t *item;
    if (items && json_is_array(v))
      json_array_foreach(v, k, item) if (json_is_object(item) && n < MAX_SAMPLES) out[n++] = item;
  }
  return n;
}

/* The first sample value of key that is not null, or NULL. */
static const json_t *sample_value(const struct_source *src, const char *key) {
  for (size_t i = 0; i < src->n_samples; i++) {
    const json_t *v = json_object_get(src->samples[i], key);
    if (v && !json_is_null(v)) return v;
  }
  return NULL;
}

static c_struct *build_struct(c_shape_ctx *ctx, const char *type_name, const char *what,
                              const b24_param *doc, const struct_source *src, bool result);

/* The object type a row links to, when it documents fields and is not being expanded
 * already (a type that contains itself is left as json_t * one level down). A word
 * with a scalar meaning is never expanded. */
static const b24_object_type *linked_object(c_shape_ctx *ctx, const b24_param *p) {
  /* "catalog_vat.id" links to the object too, but is an integer identifier. */
  if (p->type.n_alts != 1 || !p->type.alts[0].ref || type_kind(&p->type, false) != C_JSON)
    return NULL;
  const b24_object_type *o = b24_model_find_object(ctx->model, p->type.alts[0].ref);
  if (!o || !o->fields.n || ctx->depth == sizeof ctx->expanding / sizeof *ctx->expanding)
    return NULL;
  for (size_t i = 0; i < ctx->depth; i++)
    if (!strcmp(ctx->expanding[i], o->id)) return NULL;
  return o;
}

/* The method's entity type when rows describe it: at least two literal keys, three in
 * four of them fields of the entity (the others stay readable through `json` and
 * sendable through `extra`). Entity types themselves are never substituted. */
static c_struct *entity_for_rows(c_shape_ctx *ctx, const b24_params *rows) {
  const c_entity_type *et = ctx->current;
  if (!et || ctx->both_ways || !rows || rows->n < 2) return NULL;
  size_t keys = 0, fields = 0;
  for (size_t i = 0; i < rows->n; i++) {
    const b24_param *p = &rows->items[i];
    if (!is_literal_key(p, p->name)) continue;
    keys++;
    fields += b24_entity_find_field(et->entity, p->name) != NULL;
  }
  if (keys < 2 || fields * 4 < keys * 3) return NULL;
  ctx->used_entity = true;
  return et->s;
}

/* A parameter member the type says nothing about, typed from what the request examples
 * send (see c_shape.h): a struct of the keys of an object, a list of objects, integers
 * or strings, or a scalar when the docs give no type word that means something. */
static void param_from_samples(c_shape_ctx *ctx, c_struct *s, c_member *m, const b24_param *p,
                               const struct_source *parent, bool result) {
  const json_t *v = sample_value(parent, m->key);
  b24_param *row = v ? b24_arena_alloc(ctx->arena, sizeof *row) : NULL;
  if (!row || !c_example_row(ctx->arena, v, p->loc, row)) return;
  bool typed = false; /* a type word other than object/array/unknown */
  for (size_t i = 0; i < p->type.n_alts; i++)
    typed |= word_kind(p->type.alts[i].base) != C_JSON;
  if (!row->children.n) {
    c_kind k = type_kind(&row->type, false);
    if (k == C_INT_ARRAY || k == C_STR_ARRAY || !typed) m->kind = k;
    return;
  }
  bool list = row->type.alts[0].array;
  const json_t **samples = b24_arena_alloc(ctx->arena, MAX_SAMPLES * sizeof *samples);
  struct_source sub = {&row->children, NULL, 0, NULL, samples, samples_of(parent, m->key, list, samples)};
  m->kind = list ? C_STRUCT_ARRAY : C_STRUCT;
  b24_buf what = B24_BUF_INIT;
  b24_buf_printf(&what, "%s%s%s", s->what ? s->what : "", s->what ? "." : "", m->key);
  m->sub = build_struct(ctx, global_name(ctx, s->type_name, m->ident),
                        b24_arena_strdup(ctx->arena, what.data), p, &sub, result);
  b24_buf_free(&what);
}

/* A list method's filter, order and select by their names: b24_filter, b24_order and a
 * list of field names, when the docs type them as a plain object or array. */
static c_kind list_param_kind(const c_shape_ctx *ctx, const char *key, c_kind kind) {
  const b24_list_info *l = ctx->method ? ctx->method->list : NULL;
  if (kind != C_JSON) return kind;
  if ((l && l->filter && !strcmp(key, l->filter)) || !strcmp(key, "filter") || !strcmp(key, "FILTER"))
    return C_FILTER;
  if ((l && l->order && !strcmp(key, l->order)) || !strcmp(key, "order") || !strcmp(key, "ORDER"))
    return C_ORDER;
  if ((l && l->select && !strcmp(key, l->select)) || !strcmp(key, "select") || !strcmp(key, "SELECT"))
    return C_STR_ARRAY;
  return kind;
}

static void add_row(c_shape_ctx *ctx, c_struct *s, c_names *members, const b24_param *p,
                    const char *key, bool result, const struct_source *parent) {
  c_member *m = add_member(ctx, s);
  m->key = key;
  m->doc = p;
  m->required = !result && p->required;
  char *id = c_ident(key);
  m->ident = arena_take(ctx, members, id);
  free(id);
  const b24_object_type *obj = NULL;
  struct_source sub = {&p->children, p->variants, p->n_variants, NULL, NULL, 0};
  bool nested = p->children.n || p->n_variants;
  if (!nested && (obj = linked_object(ctx, p)) != NULL) sub.rows = &obj->fields;
  if (nested || obj) {
    bool arrayish = false, objectish = false;
    for (size_t i = 0; i < p->type.n_alts; i++) {
      arrayish |= alt_is_array(&p->type.alts[i]);
      objectish |= alt_is_object(&p->type.alts[i]);
    }
    m->kind = arrayish && !objectish ? C_STRUCT_ARRAY : C_STRUCT;
    if (obj) {
      sub.variants = NULL, sub.n_variants = 0;
      ctx->expanding[ctx->depth++] = obj->id;
    }
    const json_t **samples = b24_arena_alloc(ctx->arena, MAX_SAMPLES * sizeof *samples);
    sub.samples = samples;
    sub.n_samples = samples_of(parent, key, m->kind == C_STRUCT_ARRAY, samples);
    b24_buf what = B24_BUF_INIT;
    b24_buf_printf(&what, "%s%s%s", s->what ? s->what : "", s->what ? "." : "", key);
    m->sub = p->n_variants ? NULL : entity_for_rows(ctx, sub.rows);
    if (!m->sub)
      m->sub = build_struct(ctx, global_name(ctx, s->type_name, m->ident),
                            b24_arena_strdup(ctx->arena, what.data), p, &sub, result);
    b24_buf_free(&what);
    if (obj) ctx->depth--;
  } else {
    m->kind = type_kind(&p->type, result);
    if (m->kind == C_BOOL && !result && is_yn_enum(p)) m->kind = C_YN;
    if (!result && !ctx->both_ways) m->kind = list_param_kind(ctx, key, m->kind);
    /* what the request examples send: parameters, and the fields of entity types */
    if (m->kind == C_JSON && (!result || ctx->both_ways)) param_from_samples(ctx, s, m, p, parent, result);
  }
  if (m->kind == C_INT_ARRAY || m->kind == C_STR_ARRAY || m->kind == C_STRUCT_ARRAY) {
    b24_buf b = B24_BUF_INIT;
    b24_buf_printf(&b, "n_%s", m->ident);
    m->count_ident = arena_take(ctx, members, b.data);
    b24_buf_free(&b);
  }
}

static void add_variant(c_shape_ctx *ctx, c_struct *s, c_names *members, const b24_variant *v) {
  c_member *m = add_member(ctx, s);
  m->kind = C_VARIANT;
  m->variant = v;
  char *id = c_snake(v->name); /* after a prefix: no keyword or digit rule needed */
  b24_buf b = B24_BUF_INIT;
  b24_buf_printf(&b, "v_%s", id);
  free(id);
  m->ident = arena_take(ctx, members, b.data);
  b24_buf_clear(&b);
  b24_buf_printf(&b, "%s, variant %s", s->what ? s->what : "params", v->name);
  struct_source sub = {&v->children, NULL, 0, NULL, NULL, 0};
  m->sub = build_struct(ctx, global_name(ctx, s->type_name, m->ident),
                        b24_arena_strdup(ctx->arena, b.data), NULL, &sub, false);
  b24_buf_free(&b);
}

static c_struct *build_struct(c_shape_ctx *ctx, const char *type_name, const char *what,
                              const b24_param *doc, const struct_source *src, bool result) {
  c_struct *s = b24_arena_alloc(ctx->arena, sizeof *s);
  s->type_name = type_name;
  s->what = what;
  s->doc = doc;
  c_names members;
  c_names_init(&members);
  /* The members every struct has: params structs `extra`, result structs `present`
   * and `json`. */
  if (result) c_names_add(&members, "present"), c_names_add(&members, "json");
  if (!result || ctx->both_ways) c_names_add(&members, "extra");
  size_t strip = src->strip_prefix ? strlen(src->strip_prefix) : 0;
  for (size_t i = 0; src->rows && i < src->rows->n; i++) {
    const b24_param *p = &src->rows->items[i];
    const char *key = p->name;
    if (strip && !strncmp(key, src->strip_prefix, strip)) key += strip;
    if (is_literal_key(p, key)) add_row(ctx, s, &members, p, key, result, src);
    else add_not_key(ctx, s, p->name);
  }
  for (size_t i = 0; i < src->n_variants; i++) {
    if (result || ctx->both_ways) s->n_variants_skipped++;
    else add_variant(ctx, s, &members, &src->variants[i]);
  }
  c_names_free(&members);
  for (size_t i = 0; i < s->n; i++) {
    const c_member *m = &s->members[i];
    s->has_required |= m->required;
    s->needs_release |= m->kind == C_STRUCT_ARRAY || (m->kind == C_STRUCT && m->sub->needs_release) ||
                        (result && (m->kind == C_INT_ARRAY || m->kind == C_STR_ARRAY));
  }
  s->both_ways = ctx->both_ways;
  s->shared_file = ctx->both_ways ? ctx->current->file : NULL;
  s->fn_encode = result && !s->both_ways ? NULL : global_name(ctx, type_name, "encode");
  s->fn_decode = result ? global_name(ctx, type_name, "decode") : NULL;
  s->fn_release = result && s->needs_release ? global_name(ctx, type_name, "release") : NULL;
  return s;
}

/* --- the result -------------------------------------------------------------------------- */

static bool is_envelope(const char *name) {
  return !strcmp(name, "time") || !strcmp(name, "total") || !strcmp(name, "next");
}

/* The result as a struct (or a list of structs) of src: the method's entity type when the
 * rows are its fields, else a struct of its own. */
static void result_struct(c_shape_ctx *ctx, c_method_shape *sh, c_kind kind, const b24_param *doc,
                          const struct_source *src) {
  c_result *r = &sh->result;
  r->kind = kind;
  r->sub = src->n_variants ? NULL : entity_for_rows(ctx, src->rows);
  if (!r->sub)
    r->sub = build_struct(ctx, global_name(ctx, sh->result_type, kind == C_STRUCT ? "value" : "item"),
                          "result", doc, src, true);
}

/* A result kind that needs no struct of its own. */
static bool is_value_kind(c_kind k) {
  return k == C_INT || k == C_DOUBLE || k == C_BOOL || k == C_STR || k == C_INT_ARRAY ||
         k == C_STR_ARRAY;
}

/* true when the docs say the result is nothing: typed `null`, or null / [] / {} in the
 * example. */
static bool is_documented_empty(const b24_method *mt, const b24_param *res) {
  if (res && res->type.written && !strcmp(res->type.written, "null")) return true;
  json_t *v = c_example_result(mt);
  bool empty = v && (json_is_null(v) || (json_is_array(v) && !json_array_size(v)) ||
                     (json_is_object(v) && !json_object_size(v)));
  json_decref(v);
  return empty;
}

/* How a get or list method of an entity answers its records when nothing else says:
 * C_STRUCT (get), C_STRUCT_ARRAY (a list whose items are the result); C_JSON for any
 * other method. */
static c_kind entity_result_kind(const c_shape_ctx *ctx, const b24_method *mt) {
  if (!ctx->current) return C_JSON;
  b24_method_role role = b24_entity_role_of(ctx->current->entity, mt);
  bool list_of = role == B24_ROLE_LIST && (!mt->list || !mt->list->items || !strcmp(mt->list->items, "result"));
  return list_of ? C_STRUCT_ARRAY : role == B24_ROLE_GET ? C_STRUCT : C_JSON;
}

/* A result nothing describes, of a get or list method of an entity: the entity type. */
static void shape_from_entity(c_shape_ctx *ctx, c_method_shape *sh) {
  c_kind k = entity_result_kind(ctx, sh->method);
  if (sh->result.kind != C_JSON || k == C_JSON) return;
  sh->result.kind = k;
  sh->result.sub = ctx->current->s;
  ctx->used_entity = true;
}

/* A result the table says nothing about, shaped like the result the response example
 * shows (c_example_answer.h, c_example_rows.h); left json_t * when the example tells
 * nothing either. */
static void shape_from_example(c_shape_ctx *ctx, c_method_shape *sh, const b24_method *doc) {
  json_t *v = c_example_result(doc);
  b24_param *row = b24_arena_alloc(ctx->arena, sizeof *row);
  bool shown = c_example_row(ctx->arena, v, doc->response.example_loc, row);
  json_decref(v); /* the rows hold copies in the arena */
  if (!shown) return;
  c_result *r = &sh->result;
  if (!row->children.n) {
    c_kind k = type_kind(&row->type, true);
    if (is_value_kind(k)) r->kind = k;
    return;
  }
  c_kind container = row->type.alts[0].array ? C_STRUCT_ARRAY : C_STRUCT;
  if (!r->doc) r->doc = row;
  /* a list of records as the entity's list method answers them: the entity type
   * (shape_from_entity), the same for every method of the entity. (A get method's
   * example is kept: it shows where the record is, {"category": {...}}.) */
  if (container == C_STRUCT_ARRAY && entity_result_kind(ctx, sh->method) == C_STRUCT_ARRAY) return;
  struct_source src = {&row->children, NULL, 0, NULL, NULL, 0};
  result_struct(ctx, sh, container, row, &src);
}

/* How the "Returned Data" table describes the result member. The docs write it in three
 * ways: a `result` row with nested rows; a `result` row of type object/array followed,
 * in the same flat table, by the rows of its members (sometimes spelled result.X); or
 * only the member rows. Envelope rows (time, total, next) never describe the result.
 * `doc` is the method whose docs describe it: sh's own, or the one they refer to. */
static void shape_result(c_shape_ctx *ctx, c_method_shape *sh, const b24_method *doc) {
  const b24_params *fields = &doc->response.fields;
  const b24_param *res = NULL;
  size_t others = 0;
  for (size_t i = 0; i < fields->n; i++) {
    const char *n = fields->items[i].name;
    if (!strcmp(n, "result")) {
      if (!res) res = &fields->items[i];
    } else if (!is_envelope(n)) others++;
  }
  c_result *r = &sh->result;
  r->doc = res;
  r->kind = C_JSON;
  bool arrayish = false, objectish = false;
  for (size_t i = 0; res && i < res->type.n_alts; i++) {
    arrayish |= alt_is_array(&res->type.alts[i]);
    objectish |= alt_is_object(&res->type.alts[i]);
  }
  c_kind container = arrayish && !objectish ? C_STRUCT_ARRAY : C_STRUCT;
  const b24_object_type *obj = NULL;
  if (res && (res->children.n || res->n_variants || (obj = linked_object(ctx, res)) != NULL)) {
    struct_source src = {&res->children, res->variants, res->n_variants, NULL, NULL, 0};
    if (!res->children.n && !res->n_variants && obj) {
      src.rows = &obj->fields, src.variants = NULL, src.n_variants = 0;
      ctx->expanding[ctx->depth++] = obj->id;
    }
    result_struct(ctx, sh, container, res, &src);
    ctx->depth = 0;
    return;
  }
  c_kind documented = res ? type_kind(&res->type, true) : C_JSON;
  if (res && is_value_kind(documented) &&
      (documented == C_INT_ARRAY || documented == C_STR_ARRAY || (!arrayish && !objectish))) {
    r->kind = documented;
    return;
  }
  if (!others) {
    shape_from_example(ctx, sh, doc);
    return;
  }
  /* Flat rows: everything but the envelope and the result row itself. */
  b24_params rows = {b24_arena_alloc(ctx->arena, others * sizeof *rows.items), 0};
  for (size_t i = 0; i < fields->n; i++) {
    const char *n = fields->items[i].name;
    if (strcmp(n, "result") != 0 && !is_envelope(n)) rows.items[rows.n++] = fields->items[i];
  }
  b24_params *kept = b24_arena_alloc(ctx->arena, sizeof *kept);
  *kept = rows;
  struct_source src = {kept, NULL, 0, "result.", NULL, 0};
  result_struct(ctx, sh, res ? container : C_STRUCT, res, &src);
}

/* --- list methods ------------------------------------------------------------------------ */

static const char *param_key(const c_struct *s, const char *a, const char *b) {
  for (size_t i = 0; i < s->n; i++)
    if (s->members[i].key && (!strcmp(s->members[i].key, a) || !strcmp(s->members[i].key, b)))
      return s->members[i].key;
  return NULL;
}

/* A list method pages with `start`. The model's list info says where the parameters and
 * the items are; without it, the items are the result or its one list member. Their id
 * is the entity's id field, else the key ID or id. */
static void shape_list(c_method_shape *sh) {
  c_list_info *l = &sh->list;
  const b24_list_info *info = sh->method->list;
  const b24_entity *e = sh->method->entity;
  if (info) {
    if (!info->start) return;
    l->is_list = true;
    l->filter_key = info->filter;
    l->order_key = info->order;
    if (info->items && !strncmp(info->items, "result.", 7)) l->items_key = info->items + 7;
    l->id_key = e && e->id_field ? e->id_field : "ID";
    return;
  }
  if (!param_key(sh->params, "start", "start")) return;
  l->is_list = true;
  l->filter_key = param_key(sh->params, "filter", "FILTER");
  l->order_key = param_key(sh->params, "order", "ORDER");
  const c_struct *item = NULL;
  const c_result *r = &sh->result;
  if (r->kind == C_STRUCT_ARRAY) item = r->sub;
  else if (r->kind == C_STRUCT) {
    const c_member *list = NULL;
    size_t lists = 0;
    for (size_t i = 0; i < r->sub->n; i++)
      if (r->sub->members[i].kind == C_STRUCT_ARRAY) list = &r->sub->members[i], lists++;
    if (lists == 1) l->items_key = list->key, item = list->sub;
  }
  l->id_key = item ? param_key(item, "ID", "id") : NULL;
  if (!l->id_key) l->id_key = "ID";
}

static const c_entity_type *entity_type_of(const c_shape_ctx *ctx, const b24_method *mt) {
  for (size_t i = 0; mt->entity && i < ctx->n_entities; i++)
    if (ctx->entities[i].entity == mt->entity) return &ctx->entities[i];
  return NULL;
}

/* The entity's last word ("task" for tasks.task): the result member that holds one record
 * in {"result": {"task": {...}}}. */
static bool is_record_key(const b24_entity *e, const char *key) {
  const char *word = strrchr(e->name, '.');
  word = word ? word + 1 : e->name;
  return !strcmp(key, word);
}

/* A result member of an add, get or update method that holds one record but is
 * documented as a plain object: the entity type. */
static void record_from_entity(c_shape_ctx *ctx, c_method_shape *sh) {
  c_result *r = &sh->result;
  if (!ctx->current || r->kind != C_STRUCT || r->sub->shared_file) return;
  b24_method_role role = b24_entity_role_of(ctx->current->entity, sh->method);
  if (role != B24_ROLE_ADD && role != B24_ROLE_GET && role != B24_ROLE_UPDATE) return;
  for (size_t i = 0; i < r->sub->n; i++) {
    c_member *m = &r->sub->members[i];
    if (m->kind == C_JSON && m->key && is_record_key(ctx->current->entity, m->key)) {
      m->kind = C_STRUCT;
      m->sub = ctx->current->s;
      r->sub->needs_release |= m->sub->needs_release;
      if (r->sub->needs_release && !r->sub->fn_release)
        r->sub->fn_release = global_name(ctx, r->sub->type_name, "release");
      ctx->used_entity = true;
    }
  }
}

/* An add or update method's `fields` documented as a plain object: the entity type. */
static void fields_from_entity(c_shape_ctx *ctx, c_method_shape *sh) {
  if (!ctx->current) return;
  b24_method_role role = b24_entity_role_of(ctx->current->entity, sh->method);
  if (role != B24_ROLE_ADD && role != B24_ROLE_UPDATE) return;
  for (size_t i = 0; i < sh->params->n; i++) {
    c_member *m = &sh->params->members[i];
    if (m->kind == C_JSON && (!strcmp(m->key, "fields") || !strcmp(m->key, "FIELDS"))) {
      m->kind = C_STRUCT;
      m->sub = ctx->current->s;
      ctx->used_entity = true;
    }
  }
}

void c_shape_method(c_shape_ctx *ctx, c_method_shape *sh) {
  ctx->depth = 0;
  ctx->current = sh->entity = entity_type_of(ctx, sh->method);
  ctx->used_entity = false;
  ctx->method = sh->method;
  const json_t *bodies[MAX_SAMPLES];
  size_t n_bodies = 0;
  for (size_t i = 0; i < sh->method->n_examples && n_bodies < MAX_SAMPLES; i++)
    if (json_is_object(sh->method->examples[i].body)) bodies[n_bodies++] = sh->method->examples[i].body;
  struct_source src = {&sh->method->params, NULL, 0, NULL, bodies, n_bodies};
  sh->params = build_struct(ctx, sh->params_type, NULL, NULL, &src, false);
  fields_from_entity(ctx, sh);
  /* the method whose docs describe the answer: this one, or the one it refers to */
  const b24_method *doc = c_result_like(ctx->model, sh->method);
  if (!doc) doc = sh->method;
  shape_result(ctx, sh, doc);
  shape_from_entity(ctx, sh);
  record_from_entity(ctx, sh);
  sh->result.documented_empty = sh->result.kind == C_JSON &&
                                is_documented_empty(doc, sh->result.doc);
  shape_list(sh);
  sh->uses_entity = ctx->used_entity;
}

/* --- entity types ------------------------------------------------------------------------ */

/* The row a field's page documents it with (for its description), by name and line. */
static const b24_param *find_row(const b24_params *rows, const char *name, int line) {
  for (size_t i = 0; rows && i < rows->n; i++) {
    const b24_param *p = &rows->items[i];
    if (p->loc.line == line && !strcmp(p->name, name)) return p;
    const b24_param *c = find_row(&p->children, name, line);
    if (c) return c;
  }
  return NULL;
}

/* The entity's fields as rows: merged type, the first source's description. */
static b24_params entity_rows(c_shape_ctx *ctx, const b24_entity *e) {
  b24_params rows = {b24_arena_alloc(ctx->arena, (e->n_fields + 1) * sizeof *rows.items), 0};
  for (size_t i = 0; i < e->n_fields; i++) {
    const b24_entity_field *f = &e->fields[i];
    b24_param *p = &rows.items[rows.n++];
    p->name = f->name;
    if (f->type) p->type = *f->type;
    for (size_t k = 0; k < f->n_sources && !p->description; k++) {
      const b24_field_source *src = &f->sources[k];
      const b24_param *row = find_row(&src->method->params, f->name, src->loc.line);
      if (!row) row = find_row(&src->method->response.fields, f->name, src->loc.line);
      if (row) {
        p->description = row->description;
        p->enum_values = row->enum_values, p->n_enum = row->n_enum;
        p->children = row->children;
      }
      if (!p->loc.file) p->loc = src->loc;
    }
  }
  return rows;
}

/* The records the entity's add and update examples send (their `fields`), to type the
 * fields the tables leave untyped. */
static size_t entity_samples(const b24_entity *e, const json_t **out) {
  size_t n = 0;
  for (size_t i = 0; i < e->n_methods; i++) {
    const b24_entity_method *em = &e->methods[i];
    if (em->role != B24_ROLE_ADD && em->role != B24_ROLE_UPDATE) continue;
    for (size_t k = 0; k < em->method->n_examples && n < MAX_SAMPLES; k++) {
      const json_t *body = em->method->examples[k].body;
      const json_t *fields = json_object_get(body, "fields");
      if (!fields) fields = json_object_get(body, "FIELDS");
      if (json_is_object(fields)) out[n++] = fields;
    }
  }
  return n;
}

void c_shape_entities(c_shape_ctx *ctx) {
  const b24_model *m = ctx->model;
  ctx->entities = b24_arena_alloc(ctx->arena, (m->n_entities + 1) * sizeof *ctx->entities);
  for (size_t i = 0; i < m->n_entities; i++) {
    const b24_entity *e = &m->entities[i];
    if (!e->n_fields) continue;
    bool classic_too = e->rest_version == 3 && b24_model_find_entity(m, e->name, 1) &&
                       b24_model_find_entity(m, e->name, 1)->rest_version != 3;
    char *words = c_snake(e->name);
    b24_buf want = B24_BUF_INIT;
    b24_buf_printf(&want, "b24_%s%s", words, classic_too ? "_v3" : "");
    free(words);
    c_entity_type *et = &ctx->entities[ctx->n_entities++];
    et->entity = e;
    et->type_name = arena_take(ctx, ctx->globals, want.data);
    et->file = et->type_name + strlen("b24_");
    b24_buf_free(&want);
    b24_params *rows = b24_arena_alloc(ctx->arena, sizeof *rows);
    *rows = entity_rows(ctx, e);
    const json_t **samples = b24_arena_alloc(ctx->arena, MAX_SAMPLES * sizeof *samples);
    struct_source src = {rows, NULL, 0, NULL, samples, entity_samples(e, samples)};
    ctx->current = et;
    ctx->method = NULL;
    ctx->both_ways = true;
    ctx->depth = 0;
    et->s = build_struct(ctx, et->type_name, NULL, NULL, &src, true);
    et->s->exported = true;
    for (size_t k = 0; k < et->s->n; k++) {
      const b24_entity_field *f = b24_entity_find_field(e, et->s->members[k].key);
      et->s->members[k].read_only = f && f->read_only;
    }
    ctx->both_ways = false;
  }
  ctx->current = NULL;
}

const char *c_kind_doc(c_kind k) {
  switch (k) {
  case C_INT: return "integer";
  case C_DOUBLE: return "double";
  case C_BOOL: return "boolean";
  case C_YN: return "boolean, sent as Y/N";
  case C_STR: return "string";
  case C_INT_ARRAY: return "integer[]";
  case C_STR_ARRAY: return "string[]";
  case C_JSON: return "any JSON";
  case C_STRUCT: return "object";
  case C_STRUCT_ARRAY: return "object[]";
  case C_VARIANT: return "variant";
  case C_FILTER: return "filter";
  case C_ORDER: return "order";
  }
  return "";
}
