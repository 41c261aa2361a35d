/* The C shape of a method: parameters and result as struct members (rules in c_shape.h). */
#include "gen/c_shape.h"

#include <stdlib.h>
#include <string.h>

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

/* The kind a parameter's type maps to when it has no nested rows. */
static c_kind type_kind(const b24_type *t, bool result) {
  if (!t->n_alts) return C_JSON;
  c_kind kind = C_JSON;
  for (size_t i = 0; i < t->n_alts; i++) {
    const b24_type_alt *a = &t->alts[i];
    c_kind k = strcmp(a->base, "array") ? word_kind(a->base) : C_JSON;
    if (a->array) k = result ? C_JSON : k == C_INT ? C_INT_ARRAY : k == C_STR ? C_STR_ARRAY : C_JSON;
    if (i && k != kind) return C_JSON;
    kind = k;
  }
  return kind;
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
} struct_source;

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

static void add_row(c_shape_ctx *ctx, c_struct *s, c_names *members, const b24_param *p,
                    const char *key, bool result) {
  c_member *m = add_member(ctx, s);
  m->key = key;
  m->doc = p;
  m->required = !result && p->required;
  char *id = c_ident(key);
  m->ident = arena_take(ctx, members, id);
  free(id);
  const b24_object_type *obj = NULL;
  struct_source sub = {&p->children, p->variants, p->n_variants, NULL};
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
    b24_buf what = B24_BUF_INIT;
    b24_buf_printf(&what, "%s%s%s", s->what ? s->what : "", s->what ? "." : "", key);
    m->sub = build_struct(ctx, global_name(ctx, s->type_name, m->ident),
                          b24_arena_strdup(ctx->arena, what.data), p, &sub, result);
    b24_buf_free(&what);
    if (obj) ctx->depth--;
  } else {
    m->kind = type_kind(&p->type, result);
    if (m->kind == C_BOOL && !result && is_yn_enum(p)) m->kind = C_YN;
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
  struct_source sub = {&v->children, NULL, 0, NULL};
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
  else c_names_add(&members, "extra");
  size_t strip = src->strip_prefix ? strlen(src->strip_prefix) : 0;
  for (size_t i = 0; src->rows && i < src->rows->n; i++) {
    const b24_param *p = &src->rows->items[i];
    const char *key = p->name;
    if (strip && !strncmp(key, src->strip_prefix, strip)) key += strip;
    if (is_literal_key(p, key)) add_row(ctx, s, &members, p, key, result);
    else add_not_key(ctx, s, p->name);
  }
  for (size_t i = 0; i < src->n_variants; i++) {
    if (result) s->n_variants_skipped++;
    else add_variant(ctx, s, &members, &src->variants[i]);
  }
  c_names_free(&members);
  for (size_t i = 0; i < s->n; i++) {
    const c_member *m = &s->members[i];
    s->has_required |= m->required;
    s->needs_release |= m->kind == C_STRUCT_ARRAY || (m->kind == C_STRUCT && m->sub->needs_release);
  }
  s->fn_encode = result ? NULL : global_name(ctx, type_name, "encode");
  s->fn_decode = result ? global_name(ctx, type_name, "decode") : NULL;
  s->fn_release = result && s->needs_release ? global_name(ctx, type_name, "release") : NULL;
  return s;
}

/* --- the result -------------------------------------------------------------------------- */

static bool is_envelope(const char *name) {
  return !strcmp(name, "time") || !strcmp(name, "total") || !strcmp(name, "next");
}

/* How the "Returned Data" table describes the result member. The docs write it in three
 * ways: a `result` row with nested rows; a `result` row of type object/array followed,
 * in the same flat table, by the rows of its members (sometimes spelled result.X); or
 * only the member rows. Envelope rows (time, total, next) never describe the result. */
static void shape_result(c_shape_ctx *ctx, c_method_shape *sh) {
  const b24_params *fields = &sh->method->response.fields;
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
    struct_source src = {&res->children, res->variants, res->n_variants, NULL};
    if (!res->children.n && !res->n_variants && obj) {
      src.rows = &obj->fields, src.variants = NULL, src.n_variants = 0;
      ctx->expanding[ctx->depth++] = obj->id;
    }
    r->kind = container;
    r->sub = build_struct(ctx, global_name(ctx, sh->result_type, container == C_STRUCT ? "value" : "item"),
                          "result", res, &src, true);
    ctx->depth = 0;
    return;
  }
  if (res && !arrayish && !objectish) {
    c_kind k = type_kind(&res->type, true);
    if (k == C_INT || k == C_DOUBLE || k == C_BOOL || k == C_STR) r->kind = k;
    return;
  }
  if (!others) return;
  /* Flat rows: everything but the envelope and the result row itself. */
  b24_params rows = {b24_arena_alloc(ctx->arena, others * sizeof *rows.items), 0};
  for (size_t i = 0; i < fields->n; i++) {
    const char *n = fields->items[i].name;
    if (strcmp(n, "result") != 0 && !is_envelope(n)) rows.items[rows.n++] = fields->items[i];
  }
  b24_params *kept = b24_arena_alloc(ctx->arena, sizeof *kept);
  *kept = rows;
  struct_source src = {kept, NULL, 0, "result."};
  r->kind = res ? container : C_STRUCT;
  r->sub = build_struct(ctx, global_name(ctx, sh->result_type, r->kind == C_STRUCT ? "value" : "item"),
                        "result", res, &src, true);
}

/* --- list methods ------------------------------------------------------------------------ */

static const char *param_key(const c_struct *s, const char *a, const char *b) {
  for (size_t i = 0; i < s->n; i++)
    if (s->members[i].key && (!strcmp(s->members[i].key, a) || !strcmp(s->members[i].key, b)))
      return s->members[i].key;
  return NULL;
}

/* A list method takes `start`; its items are the result or the one list member of it;
 * their id is the key ID or id. */
static void shape_list(c_method_shape *sh) {
  c_list_info *l = &sh->list;
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

void c_shape_method(c_shape_ctx *ctx, c_method_shape *sh) {
  ctx->depth = 0;
  struct_source src = {&sh->method->params, NULL, 0, NULL};
  sh->params = build_struct(ctx, sh->params_type, NULL, NULL, &src, false);
  shape_result(ctx, sh);
  shape_list(sh);
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
  }
  return "";
}
