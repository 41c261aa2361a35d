#include "mock/catalog.h"
#include "model/family.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "schema/schema.h"
#include "mock/answer.h"
#include "mock/store.h"
#include "util/json_text.h"

static size_t hash_name(const char *s, int v3) {
  size_t h = 1469598103934665603u ^ (size_t)v3;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211u;
  return h;
}

static char *lower_dup(const char *s) {
  char *d = strdup(s);
  if (!d) abort();
  for (char *p = d; *p; p++) *p = (char)tolower((unsigned char)*p);
  return d;
}

static mock_op op_of(const char *lname) {
  static const char *const verbs[MOCK_N_OPS] = {NULL, "add", "get", "list", "update", "delete"};
  const char *dot = strrchr(lname, '.');
  if (!dot) return MOCK_OP_NONE;
  for (int op = MOCK_OP_ADD; op < MOCK_N_OPS; op++)
    if (!strcmp(dot + 1, verbs[op])) return (mock_op)op;
  return MOCK_OP_NONE;
}

/* Serializes the answer once, with the result faults applied. */
static void prepare_answer(const b24_model *m, mock_method *mm, unsigned faults) {
  const json_t *ex = mm->meth->response.example;
  const json_t *t = json_is_object(ex) ? json_object_get(ex, "time") : NULL;
  mm->reset_at = json_object_get(t, "operating_reset_at") != NULL;
  mm->answer = mock_success_answer(m, mm->meth);
  json_t *faulted = json_deep_copy(mm->answer);
  mock_apply_result_faults(faulted, faults);
  mm->serialized = b24_json_text(faulted, B24_JSON_COMPACT, &mm->serialized_len);
  json_decref(faulted);
  int s = mm->meth->response.status;
  mm->status = s >= 100 && s <= 599 ? (unsigned)s : 200;
}

/* Groups X.add/get/list/update/delete by X and REST version, and gives each
 * group that can be stateful a store. */
static void build_families(mock_catalog *c) {
  size_t cap = 0;
  for (size_t i = 0; i < c->n; i++) {
    mock_method *mm = &c->items[i];
    if (mm->op != MOCK_OP_ADD) continue;
    size_t plen = (size_t)(strrchr(mm->lname, '.') - mm->lname);
    mock_method *ops[MOCK_N_OPS] = {0};
    for (size_t j = 0; j < c->n; j++) {
      mock_method *o = &c->items[j];
      if (o->op == MOCK_OP_NONE || o->v3 != mm->v3 || strncmp(o->lname, mm->lname, plen) ||
          o->lname[plen] != '.' || strchr(o->lname + plen + 1, '.'))
        continue;
      if (!ops[o->op] && mock_catalog_find(c, o->lname, o->v3) == o) ops[o->op] = o;
    }
    /* a get that lists is the list of a family without one (model/family.h) */
    if (!ops[MOCK_OP_LIST] && ops[MOCK_OP_GET] && b24_get_lists(ops[MOCK_OP_GET]->meth)) {
      ops[MOCK_OP_LIST] = ops[MOCK_OP_GET];
      ops[MOCK_OP_LIST]->op = MOCK_OP_LIST;
      ops[MOCK_OP_GET] = NULL;
    }
    char *prefix = strndup(mm->lname, plen);
    mock_family *f = mock_family_new(prefix, mm->v3, ops);
    free(prefix);
    if (!f) continue;
    if (c->n_families == cap) {
      cap = cap ? cap * 2 : 64;
      c->families = realloc(c->families, cap * sizeof *c->families);
      if (!c->families) abort();
    }
    c->families[c->n_families++] = f;
    for (int op = 0; op < MOCK_N_OPS; op++)
      if (ops[op]) ops[op]->family = f;
  }
}

int mock_catalog_build(mock_catalog *c, const b24_model *m, unsigned faults) {
  memset(c, 0, sizeof *c);
  c->model = m;
  c->faults = faults;
  c->items = calloc(m->n_methods ? m->n_methods : 1, sizeof *c->items);
  c->n_slots = 16;
  while (c->n_slots < 2 * m->n_methods) c->n_slots *= 2;
  c->slots = calloc(c->n_slots, sizeof *c->slots);
  c->schemas = calloc(m->n_methods ? m->n_methods : 1, sizeof *c->schemas);
  c->schema_lock = malloc(sizeof *c->schema_lock);
  if (!c->items || !c->slots || !c->schemas || !c->schema_lock) abort();
  pthread_mutex_init(c->schema_lock, NULL);
  for (size_t i = 0; i < m->n_methods; i++) {
    const b24_method *meth = &m->methods[i];
    char *lname = lower_dup(meth->name);
    int v3 = meth->rest_version == 3;
    if (mock_catalog_find(c, lname, v3)) { /* a second page of one name: the first wins */
      free(lname);
      continue;
    }
    mock_method *mm = &c->items[c->n];
    mm->meth = meth;
    mm->lname = lname;
    mm->v3 = v3;
    mm->op = op_of(lname);
    prepare_answer(m, mm, faults);
    size_t h = hash_name(lname, v3) & (c->n_slots - 1);
    while (c->slots[h]) h = (h + 1) & (c->n_slots - 1);
    c->slots[h] = ++c->n;
  }
  build_families(c);
  return 0;
}

const mock_method *mock_catalog_find(const mock_catalog *c, const char *lname, int v3) {
  size_t h = hash_name(lname, v3) & (c->n_slots - 1);
  for (; c->slots[h]; h = (h + 1) & (c->n_slots - 1)) {
    const mock_method *mm = &c->items[c->slots[h] - 1];
    if (mm->v3 == v3 && !strcmp(mm->lname, lname)) return mm;
  }
  return NULL;
}

const json_t *mock_catalog_schema(const mock_catalog *c, const mock_method *mm) {
  _Atomic(json_t *) *slot = &c->schemas[mm - c->items];
  json_t *s = atomic_load(slot);
  if (s) return s;
  pthread_mutex_lock(c->schema_lock);
  s = atomic_load(slot);
  if (!s) {
    s = b24_schema_for_params(c->model, mm->meth);
    atomic_store(slot, s);
  }
  pthread_mutex_unlock(c->schema_lock);
  return s;
}

void mock_catalog_free(mock_catalog *c) {
  for (size_t i = 0; i < c->n_families; i++) mock_family_free(c->families[i]);
  free(c->families);
  for (size_t i = 0; i < c->n; i++) {
    free(c->items[i].lname);
    free(c->items[i].serialized);
    json_decref(c->items[i].answer);
    json_decref(atomic_load(&c->schemas[i]));
  }
  free(c->schemas);
  if (c->schema_lock) pthread_mutex_destroy(c->schema_lock);
  free(c->schema_lock);
  free(c->items);
  free(c->slots);
  memset(c, 0, sizeof *c);
}
