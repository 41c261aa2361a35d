/* Entities: the object a family of methods works on, with its id key and its
 * fields merged from every page that describes them.
 *
 * A family has an entity when it reads objects (a get or a list) and writes or
 * describes them (an add, update, delete or fields method). The fields come, in
 * this order of trust for their type, from the add and update tables (their
 * `fields` parameter, else their own parameters), the get and list result
 * tables (the result's object type or children), and the fields method's
 * answer (a map of field name -> {type, isRequired, isReadOnly, isMultiple}).
 * Flags prefer the fields method, which states them; otherwise a field only
 * ever returned is read-only and a `*` on the add page makes it required. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/build.h"
#include "model/derive.h"
#include "model/family.h"
#include "util/sort.h"

/* Fields and sources grow on the heap while an entity is built and are settled
 * into the model's arena at their final size (B24_HEAP_PUSH, b24_arena_settle). */

typedef struct entity_build {
  b24_arena *a;
  b24_entity *e;
  size_t cap_fields;
  size_t *cap_sources; /* per field (malloc'd, parallel to e->fields) */
  size_t cap_sources_n;
} entity_build;

static b24_entity_field *field_named(entity_build *b, const char *name) {
  for (size_t i = 0; i < b->e->n_fields; i++)
    if (!strcasecmp(b->e->fields[i].name, name)) return &b->e->fields[i];
  b24_entity_field *f = B24_HEAP_PUSH(b->e->fields, b->e->n_fields, b->cap_fields);
  if (b->cap_sources_n < b->cap_fields) {
    b->cap_sources = realloc(b->cap_sources, b->cap_fields * sizeof *b->cap_sources);
    if (!b->cap_sources) abort();
    memset(b->cap_sources + b->cap_sources_n, 0,
           (b->cap_fields - b->cap_sources_n) * sizeof *b->cap_sources);
    b->cap_sources_n = b->cap_fields;
  }
  f->name = b24_arena_strdup(b->a, name);
  return f;
}

static b24_field_source *add_source(entity_build *b, const char *name, const b24_method *meth,
                                    b24_method_role role, const b24_type *type, b24_loc loc) {
  b24_entity_field *f = field_named(b, name);
  size_t *cap = &b->cap_sources[f - b->e->fields];
  b24_field_source *s = B24_HEAP_PUSH(f->sources, f->n_sources, *cap);
  *s = (b24_field_source){meth, role, type, loc, false, false, false};
  return s;
}

static int has_array_alt(const b24_type *t) {
  for (size_t i = 0; t && i < t->n_alts; i++)
    if (t->alts[i].array) return 1;
  return 0;
}

/* ---- sources ---- */

static const b24_param *param_ci(const b24_params *ps, const char *name) {
  for (size_t i = 0; i < ps->n; i++)
    if (!strcasecmp(ps->items[i].name, name)) return &ps->items[i];
  return NULL;
}

/* A row that stands for many keys: UF_*, PARENT_ID_..., <field_code>. */
static int is_pattern(const b24_param *p) {
  return p->wildcard || strstr(p->name, "...") || strpbrk(p->name, "*<>{}");
}

static void add_params(entity_build *b, const b24_method *meth, b24_method_role role,
                       const b24_params *ps, const char *skip) {
  for (size_t i = 0; i < ps->n; i++) {
    const b24_param *p = &ps->items[i];
    if (is_pattern(p) || (skip && !strcasecmp(p->name, skip)) || !strcasecmp(p->name, "auth")) continue;
    b24_field_source *s = add_source(b, p->name, meth, role, &p->type, p->loc);
    s->required = role == B24_ROLE_ADD && p->required;
    s->multiple = has_array_alt(&p->type);
  }
}

/* add/update: the `fields` parameter's rows, else the method's own parameters
 * less the id key and the option bags. */
static void add_write_source(entity_build *b, const b24_method *meth, b24_method_role role) {
  const b24_param *fields = param_ci(&meth->params, "fields");
  if (!fields) fields = param_ci(&meth->params, "data");
  if (fields && fields->children.n) {
    add_params(b, meth, role, &fields->children, NULL);
    return;
  }
  if (fields) return; /* a bag the page does not detail */
  for (size_t i = 0; i < meth->params.n; i++) {
    const b24_param *p = &meth->params.items[i];
    if (p->children.n || !strcasecmp(p->name, "params") || !strcasecmp(p->name, "options")) continue;
    if (b->e->id_key && !strcmp(p->name, b->e->id_key)) continue;
    if (b->e->type_param && !strcmp(p->name, b->e->type_param)) continue;
    b24_params one = {(b24_param *)p, 1};
    add_params(b, meth, role, &one, NULL);
  }
}

/* The fields describing one record of a get/list answer: the result row's
 * object type or children, through a one-member wrapper ({"task": {...}}). */
static const b24_params *record_fields(const b24_model *m, const b24_method *meth) {
  const b24_param *r = param_ci(&meth->response.fields, "result");
  for (int depth = 0; r && depth < 3; depth++) {
    for (size_t a = 0; a < r->type.n_alts; a++) {
      const char *id = r->type.alts[a].ref ? r->type.alts[a].ref : r->type.alts[a].reference_target;
      const b24_object_type *o = id ? b24_model_find_object(m, id) : NULL;
      if (o && o->fields.n) return &o->fields;
    }
    if (r->children.n == 1 && (r->children.items[0].children.n || r->children.items[0].type.n_alts))
      r = &r->children.items[0];
    else if (r->children.n) return &r->children;
    else return NULL;
  }
  return NULL;
}

/* A one-word type in the arena (a fields method's "type", an example value's kind). */
static const b24_type *word_type(b24_arena *a, const char *t) {
  if (!t) return NULL;
  b24_type *ty = b24_arena_alloc(a, sizeof *ty);
  ty->written = b24_arena_strdup(a, t);
  ty->alts = b24_arena_alloc(a, sizeof *ty->alts);
  ty->alts[0].base = ty->written;
  ty->n_alts = 1;
  return ty;
}

static const b24_type *descriptor_type(b24_arena *a, const json_t *d) {
  return word_type(a, json_string_value(json_object_get(d, "type")));
}

static const char *value_kind(const json_t *v) {
  switch (json_typeof(v)) {
  case JSON_STRING: return "string";
  case JSON_INTEGER: return "integer";
  case JSON_REAL: return "double";
  case JSON_TRUE: case JSON_FALSE: return "boolean";
  case JSON_ARRAY: return "array";
  case JSON_OBJECT: return "object";
  default: return NULL;
  }
}

/* Without a result table, the record of the answer's example: its keys, typed
 * by their values (crm.item.get answers {"result": {"item": {...}}}). */
static void add_example_record(entity_build *b, const b24_method *meth, b24_method_role role) {
  const json_t *ex = meth->response.example;
  char *path = role == B24_ROLE_LIST ? NULL : b24_record_path(ex);
  const json_t *rec = json_object_get(ex, "result");
  if (role == B24_ROLE_LIST) {
    const char *items = meth->list ? meth->list->items : NULL;
    if (items && !strncmp(items, "result.", 7)) rec = json_object_get(rec, items + 7);
    rec = json_is_array(rec) ? json_array_get(rec, 0) : NULL;
  } else if (path && !strncmp(path, "result.", 7)) {
    const char *sub = path + 7;
    rec = !strcmp(sub, "0") ? json_array_get(rec, 0) : json_object_get(rec, sub);
  }
  free(path);
  if (!json_is_object(rec)) return;
  b24_loc loc = {meth->source, meth->response.example_loc.line};
  const char *k;
  json_t *v;
  json_object_foreach((json_t *)rec, k, v) {
    b24_field_source *s = add_source(b, k, meth, role, word_type(b->a, value_kind(v)), loc);
    s->multiple = json_is_array(v);
  }
}

static int flag(const json_t *d, const char *k) {
  const json_t *v = json_object_get(d, k);
  return json_is_true(v) || (json_is_string(v) && !strcmp(json_string_value(v), "Y"));
}

/* X.fields answers {"result": {"NAME": {"type": ..., "isReadOnly": ...}}}, or
 * with the map one level down ({"result": {"fields": {...}}}). */
static void add_fields_source(entity_build *b, const b24_method *meth) {
  const json_t *r = json_object_get(meth->response.example, "result");
  if (json_is_object(r) && json_object_size(r) == 1) {
    const json_t *inner = json_object_iter_value(json_object_iter((json_t *)r));
    if (json_is_object(inner) && !json_object_get(r, "type")) {
      const char *k;
      json_t *v;
      int all_objects = 1;
      json_object_foreach((json_t *)inner, k, v) all_objects &= json_is_object(v);
      if (all_objects && json_object_size(inner) > 1) r = inner;
    }
  }
  b24_loc loc = {meth->source, meth->response.example_loc.line};
  const char *k;
  json_t *d;
  json_object_foreach((json_t *)r, k, d) {
    if (json_is_string(d)) { /* user.fields: name -> title, no more */
      add_source(b, k, meth, B24_ROLE_FIELDS, NULL, loc);
      continue;
    }
    if (!json_is_object(d)) continue;
    b24_field_source *s = add_source(b, k, meth, B24_ROLE_FIELDS, descriptor_type(b->a, d), loc);
    s->read_only = flag(d, "isReadOnly");
    s->required = flag(d, "isRequired");
    s->multiple = flag(d, "isMultiple");
  }
}

/* ---- the id key ---- */

static int is_id_name(const char *n) {
  size_t l = strlen(n);
  return !strcasecmp(n, "id") || (l > 2 && !strcasecmp(n + l - 2, "id"));
}

/* The request key that names one object: a required id parameter of the get,
 * update or delete method ("id" first), else an optional "id". */
static const char *id_key_of(const b24_method_family *f) {
  static const b24_method_role roles[] = {B24_ROLE_GET, B24_ROLE_UPDATE, B24_ROLE_DELETE};
  for (int pass = 0; pass < 3; pass++)
    for (size_t r = 0; r < sizeof roles / sizeof *roles; r++) {
      const b24_method *x = f->roles[roles[r]];
      for (size_t i = 0; x && i < x->params.n; i++) {
        const b24_param *p = &x->params.items[i];
        if (p->wildcard) continue;
        if (pass == 0 && p->required && !strcasecmp(p->name, "id")) return p->name;
        if (pass == 1 && p->required && is_id_name(p->name) && strcasecmp(p->name, "entityTypeId"))
          return p->name;
        if (pass == 2 && !strcasecmp(p->name, "id")) return p->name;
      }
    }
  return NULL;
}

/* Whether m takes a parameter named name (in any case), or one of the names a
 * row allows ("IBLOCK_CODE/IBLOCK_ID"), at the top or in its `fields`. */
static int takes_param(const b24_method *m, const char *name) {
  for (size_t i = 0; m && i < m->params.n; i++) {
    const b24_param *p = &m->params.items[i];
    if (!strcasecmp(p->name, name)) return 1;
    for (size_t k = 0; k < p->n_alternatives; k++)
      if (!strcasecmp(p->alternatives[k], name)) return 1;
    if (!strcasecmp(p->name, "fields"))
      for (size_t k = 0; k < p->children.n; k++)
        if (!strcasecmp(p->children.items[k].name, name)) return 1;
  }
  return 0;
}

/* Whether m requires a parameter named name (in any case). */
static int requires_param(const b24_method *m, const char *name) {
  for (size_t i = 0; m && i < m->params.n; i++)
    if (m->params.items[i].required && !strcasecmp(m->params.items[i].name, name)) return 1;
  return 0;
}

/* The key that names one object, read off the delete (else the update): of its
 * required keys, those the add request takes too are either what the objects
 * belong to (a list, or a get that reads a list, asks for them as well: ENTITY
 * of entity.item.property) or chosen by the caller (CODE of bizproc.robot, code
 * of crm.timeline.icon, whose get takes it too); the
 * one the add does not take is the id the add issues (ITEMID). The issued one
 * is the key (*chosen 0); without one, the first the caller chooses (*chosen
 * 1). NULL when the family has no add or no such method, or the delete names
 * two keys that nothing writes. */
static const char *member_key_of(const b24_method_family *f, int *chosen) {
  const b24_method *add = f->roles[B24_ROLE_ADD];
  const b24_method *x = f->roles[B24_ROLE_DELETE] ? f->roles[B24_ROLE_DELETE] : f->roles[B24_ROLE_UPDATE];
  const b24_method *list = f->roles[B24_ROLE_LIST];
  const char *issued = NULL, *picked = NULL;
  *chosen = 0;
  if (!add || !x) return NULL;
  for (size_t i = 0; i < x->params.n; i++) {
    const b24_param *p = &x->params.items[i];
    if (!p->required || p->wildcard || !strcasecmp(p->name, "fields")) continue;
    if (!takes_param(add, p->name)) {
      if (issued) return NULL;
      issued = p->name;
    } else if (!picked && !requires_param(list, p->name) &&
               strcmp(p->name, "entityTypeId") && strcmp(p->name, "ENTITY_TYPE_ID")) {
      picked = p->name;
    }
  }
  if (issued) return issued;
  *chosen = picked != NULL;
  return picked;
}

/* A required parameter of add and get that picks the type of a generic
 * family's object (crm.item's entityTypeId). */
static const char *type_param_of(const b24_method_family *f) {
  const b24_method *x = f->roles[B24_ROLE_ADD] ? f->roles[B24_ROLE_ADD] : f->roles[B24_ROLE_LIST];
  for (size_t i = 0; x && i < x->params.n; i++) {
    const char *n = x->params.items[i].name;
    if (x->params.items[i].required && (!strcmp(n, "entityTypeId") || !strcmp(n, "ENTITY_TYPE_ID")))
      return n;
  }
  return NULL;
}

/* The values of a generic family's type parameter, from the variants its add
 * or update page documents per type (crm.item: Lead 1, Deal 2, ...), each with
 * the entity of the classic family of that name (crm.deal) when there is one
 * outside the outdated/ folders (the old crm.invoice is not type 31, the new
 * invoice). Entities are built in name order, so only those before are known:
 * the names are settled in b24_derive_entities once all exist. */
static void read_kinds(b24_arena *a, b24_entity *e, const b24_method_family *f) {
  static const b24_method_role roles[] = {B24_ROLE_ADD, B24_ROLE_UPDATE};
  for (size_t r = 0; r < 2 && !e->n_kinds; r++) {
    const b24_method *x = f->roles[roles[r]];
    for (size_t i = 0; x && i < x->params.n && !e->n_kinds; i++) {
      const b24_param *p = &x->params.items[i];
      if (!p->n_variants || !p->variant_key || strcmp(p->variant_key, e->type_param)) continue;
      size_t n = 0;
      for (size_t v = 0; v < p->n_variants; v++) n += p->variants[v].n_keys;
      e->kinds = b24_arena_alloc(a, n * sizeof *e->kinds);
      for (size_t v = 0; v < p->n_variants; v++)
        for (size_t k = 0; k < p->variants[v].n_keys; k++) {
          b24_entity_kind *kind = &e->kinds[e->n_kinds++];
          kind->value = p->variants[v].keys[k];
          kind->entity = p->variants[v].name; /* the tab's name until settled */
        }
    }
  }
}

static void settle_kinds(b24_model *m, b24_entity *e) {
  for (size_t i = 0; i < e->n_kinds; i++) {
    b24_entity_kind *k = &e->kinds[i];
    char name[96];
    snprintf(name, sizeof name, "crm.%s", k->entity ? k->entity : "");
    b24_lower_utf8(name);
    const b24_entity *x = b24_model_find_entity(m, name, 1);
    const b24_method *add = x ? b24_entity_method_of(x, B24_ROLE_ADD) : NULL;
    k->entity = x && !(add && strstr(add->source, "/outdated/")) ? x->name : NULL;
  }
}

/* ---- merging ---- */

static int type_key_eq(const b24_type *x, const b24_type *y) {
  if (!x->n_alts || !y->n_alts) return 1;
  return !strcmp(x->alts[0].base, y->alts[0].base) && !x->alts[0].array == !y->alts[0].array;
}

static void settle_field(b24_entity_field *f, int has_writers) {
  static const b24_method_role type_order[] = {B24_ROLE_ADD, B24_ROLE_UPDATE, B24_ROLE_GET,
                                               B24_ROLE_LIST, B24_ROLE_FIELDS};
  int stated = 0, written = 0;
  for (size_t o = 0; o < sizeof type_order / sizeof *type_order && !f->type; o++)
    for (size_t i = 0; i < f->n_sources && !f->type; i++)
      if (f->sources[i].role == type_order[o] && f->sources[i].type && f->sources[i].type->n_alts)
        f->type = f->sources[i].type;
  const b24_type *table = NULL;
  for (size_t i = 0; i < f->n_sources; i++) {
    const b24_field_source *s = &f->sources[i];
    if (s->role == B24_ROLE_FIELDS) {
      stated = 1;
      f->read_only = s->read_only;
      f->required_on_add |= s->required;
      f->multiple |= s->multiple;
      continue;
    }
    if (s->role == B24_ROLE_ADD || s->role == B24_ROLE_UPDATE) written = 1;
    f->required_on_add |= s->required;
    f->multiple |= s->multiple;
    if (s->type && s->type->n_alts) {
      if (table && !type_key_eq(table, s->type)) f->disagree = 1;
      if (!table) table = s->type;
    }
  }
  if (!stated) f->read_only = has_writers && !written;
}

static int cmp_field(const void *a, const void *b) {
  return strcmp(((const b24_entity_field *)a)->name, ((const b24_entity_field *)b)->name);
}

static int cmp_source(const void *a, const void *b) {
  const b24_field_source *x = a, *y = b;
  if (x->role != y->role) return (int)x->role - (int)y->role;
  return strcmp(x->method->name, y->method->name);
}

static int cmp_entity_method(const void *a, const void *b) {
  const b24_entity_method *x = a, *y = b;
  if (x->role != y->role) return (int)x->role - (int)y->role;
  return strcmp(x->method->name, y->method->name);
}

/* Whether a family works on objects of its own (see the file's comment); why
 * not otherwise, for a family with an add and a reader. */
static int wants_entity(const b24_method_family *f) {
  const b24_method *const *r = f->roles;
  return (r[B24_ROLE_GET] || r[B24_ROLE_LIST]) &&
         (r[B24_ROLE_ADD] || r[B24_ROLE_UPDATE] || r[B24_ROLE_DELETE] || r[B24_ROLE_FIELDS]);
}

/* A family whose objects are memberships (im.chat.user: users in a chat,
 * crm.activity.binding: CRM objects an activity is bound to): the add issues
 * no id and names the members, in a list (USERS) or one by one (the id key
 * itself, entityId), under keys that the add, the delete and the list all
 * require (CHAT_ID). Its objects are found by (those keys, the member), so the
 * suite and the mock read a member back from the list of what it belongs to. */
static void read_membership(b24_arena *a, b24_entity *e, const b24_method_family *f) {
  const b24_method *add = f->roles[B24_ROLE_ADD], *del = f->roles[B24_ROLE_DELETE];
  const b24_method *list = f->roles[B24_ROLE_LIST];
  if (!add || !del || !list || !e->id_key || !*e->id_key || b24_add_answers_bare_id(add)) return;
  char *at = b24_added_id_path(add->response.example);
  int issues_id = at != NULL;
  free(at);
  if (issues_id || !add->response.example) return;
  size_t n = 0;
  const char **keys = b24_arena_alloc(a, (del->params.n + 1) * sizeof *keys);
  for (size_t i = 0; i < del->params.n; i++) {
    const b24_param *p = &del->params.items[i];
    if (!p->required || !strcasecmp(p->name, e->id_key) || !strcasecmp(p->name, "fields") ||
        (e->type_param && !strcasecmp(p->name, e->type_param)))
      continue;
    if (!requires_param(add, p->name) || !requires_param(list, p->name)) return;
    keys[n++] = p->name;
  }
  if (!n) return;
  const b24_param *carrier = param_ci(&add->params, e->id_key);
  for (size_t i = 0; !carrier && i < add->params.n; i++) {
    const b24_param *p = &add->params.items[i];
    int is_list = p->type.n_alts && (p->type.alts[0].array || !strcmp(p->type.alts[0].base, "array"));
    if (p->required && is_list && !takes_param(del, p->name) && !takes_param(list, p->name))
      carrier = p;
  }
  if (!carrier) return;
  /* a text the caller chooses names an object by itself (entity.item.property's
   * PROPERTY); a number names someone else's (crm.activity.binding's entityId) */
  for (size_t i = 0; e->id_chosen && i < add->n_examples; i++)
    if (add->examples[i].body && b24_chosen_key_value(add->examples[i].body, e->id_key)) return;
  e->member_of = (char **)keys;
  e->n_member_of = n;
  e->members_param = carrier->name;
}

static void build_entity(b24_model *m, b24_method_family *f, b24_entity *e) {
  entity_build b = {&m->arena, e, 0, NULL, 0};
  memset(e, 0, sizeof *e);
  e->name = f->name;
  e->rest_version = f->rest_version;
  int chosen;
  e->id_key = (char *)member_key_of(f, &chosen);
  e->id_chosen = chosen;
  if (!e->id_key) e->id_key = (char *)id_key_of(f);
  e->type_param = (char *)type_param_of(f);
  if (e->type_param) read_kinds(&m->arena, e, f);
  read_membership(&m->arena, e, f);
  e->methods = b24_arena_alloc(&m->arena, f->n_methods * sizeof *e->methods);
  for (size_t i = 0; i < f->n_methods; i++) {
    const b24_method *x = f->methods[i];
    b24_method_role role = B24_ROLE_OTHER;
    for (int r = 0; r < B24_ROLE_OTHER; r++)
      if (f->roles[r] == x) role = (b24_method_role)r;
    if (role == B24_ROLE_OTHER && x->list) role = B24_ROLE_LIST; /* getList next to list */
    e->methods[e->n_methods++] = (b24_entity_method){x, role};
  }
  b24_qsort(e->methods, e->n_methods, sizeof *e->methods, cmp_entity_method);
  const b24_method *const *r = f->roles;
  if (r[B24_ROLE_ADD]) add_write_source(&b, r[B24_ROLE_ADD], B24_ROLE_ADD);
  if (r[B24_ROLE_UPDATE]) add_write_source(&b, r[B24_ROLE_UPDATE], B24_ROLE_UPDATE);
  static const b24_method_role readers[] = {B24_ROLE_GET, B24_ROLE_LIST};
  for (size_t k = 0; k < 2; k++) {
    const b24_method *x = r[readers[k]];
    const b24_params *ps = x ? record_fields(m, x) : NULL;
    if (ps) add_params(&b, x, readers[k], ps, NULL);
    else if (x) add_example_record(&b, x, readers[k]);
  }
  if (r[B24_ROLE_FIELDS]) add_fields_source(&b, r[B24_ROLE_FIELDS]);
  int has_writers = r[B24_ROLE_ADD] || r[B24_ROLE_UPDATE];
  for (size_t i = 0; i < e->n_fields; i++) {
    b24_qsort(e->fields[i].sources, e->fields[i].n_sources, sizeof *e->fields[i].sources, cmp_source);
    settle_field(&e->fields[i], has_writers);
  }
  b24_qsort(e->fields, e->n_fields, sizeof *e->fields, cmp_field);
  free(b.cap_sources);
  for (size_t i = 0; i < e->n_fields; i++)
    e->fields[i].sources = b24_arena_settle(&m->arena, e->fields[i].sources,
                                            e->fields[i].n_sources * sizeof *e->fields[i].sources);
  e->fields = b24_arena_settle(&m->arena, e->fields, e->n_fields * sizeof *e->fields);
  /* the record's spelling of the id: the field named like the key, else ID */
  const b24_entity_field *idf = e->id_key ? b24_entity_find_field(e, e->id_key) : NULL;
  if (!idf) idf = b24_entity_find_field(e, "id");
  e->id_field = idf ? idf->name : NULL;
}

/* Why a family that adds or reads objects has no entity; NULL for the others. */
static const char *no_entity_reason(const b24_method_family *f) {
  const b24_method *const *r = f->roles;
  int reads = r[B24_ROLE_GET] || r[B24_ROLE_LIST];
  if (wants_entity(f)) return NULL;
  if (r[B24_ROLE_ADD] && !reads) return "no get or list method reads the objects it adds";
  if (reads) return "it only reads: no add, update, delete or fields method";
  return NULL;
}

void b24_derive_entities(b24_model *m) {
  size_t n = 0;
  for (size_t i = 0; i < m->n_families; i++) n += wants_entity(&m->families[i]);
  m->entities = n ? b24_arena_alloc(&m->arena, n * sizeof *m->entities) : NULL;
  m->n_entities = 0;
  m->stats.families_crud = m->stats.families_crud_without_entity = 0;
  for (size_t i = 0; i < m->n_families; i++) {
    b24_method_family *f = &m->families[i];
    int crud = f->roles[B24_ROLE_ADD] && (f->roles[B24_ROLE_GET] || f->roles[B24_ROLE_LIST]);
    m->stats.families_crud += crud;
    f->entity = NULL;
    f->no_entity = (char *)no_entity_reason(f);
    if (!wants_entity(f)) continue;
    build_entity(m, f, &m->entities[m->n_entities++]);
  }
  /* families and entities are both sorted by name and REST version */
  for (size_t i = 0, k = 0; i < m->n_families; i++) {
    b24_method_family *f = &m->families[i];
    if (k < m->n_entities && !strcmp(m->entities[k].name, f->name) &&
        m->entities[k].rest_version == f->rest_version) {
      f->entity = &m->entities[k++];
      for (size_t j = 0; j < f->n_methods; j++) ((b24_method *)f->methods[j])->entity = f->entity;
    } else if (f->roles[B24_ROLE_ADD] && (f->roles[B24_ROLE_GET] || f->roles[B24_ROLE_LIST])) {
      m->stats.families_crud_without_entity++;
    }
  }
  for (size_t i = 0; i < m->n_entities; i++) settle_kinds(m, &m->entities[i]);
  m->stats.entities = m->n_entities;
}

/* ---- lookups ---- */

static int cmp_entity_key(const void *k, const void *x) {
  const b24_entity *a = k, *b = x;
  int c = strcmp(a->name, b->name);
  return c ? c : a->rest_version - b->rest_version;
}

const b24_entity *b24_model_find_entity(const b24_model *m, const char *name, int rest_version) {
  if (!rest_version) {
    const b24_entity *e = b24_model_find_entity(m, name, 1);
    return e ? e : b24_model_find_entity(m, name, 3);
  }
  b24_entity key = {.name = (char *)name, .rest_version = rest_version};
  return b24_bsearch(&key, m->entities, m->n_entities, sizeof key, cmp_entity_key);
}

const b24_entity *b24_model_entity_of(const b24_method *meth) { return meth->entity; }

const b24_method *b24_entity_method_of(const b24_entity *e, b24_method_role role) {
  for (size_t i = 0; e && i < e->n_methods; i++)
    if (e->methods[i].role == role) return e->methods[i].method;
  return NULL;
}

b24_method_role b24_entity_role_of(const b24_entity *e, const b24_method *meth) {
  for (size_t i = 0; e && i < e->n_methods; i++)
    if (e->methods[i].method == meth) return e->methods[i].role;
  return B24_ROLE_OTHER;
}

const b24_entity_field *b24_entity_find_field(const b24_entity *e, const char *name) {
  for (size_t i = 0; e && i < e->n_fields; i++)
    if (!strcmp(e->fields[i].name, name)) return &e->fields[i];
  for (size_t i = 0; e && i < e->n_fields; i++)
    if (!strcasecmp(e->fields[i].name, name)) return &e->fields[i];
  return NULL;
}
