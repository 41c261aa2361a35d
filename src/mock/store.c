#include "mock/store.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mock/faults.h"
#include "model/family.h"
#include "mock/list_query.h"
#include "mock/members.h"
#include "mock/validate.h"

struct mock_family {
  char *prefix;
  int v3;
  mock_method *ops[MOCK_N_OPS];
  json_t *add_id_path;     /* keys from the add answer's root to the new id */
  int add_id_string;       /* the docs write that id as a string */
  json_t *get_record_path; /* keys from the get answer's root to the record; NULL: none */
  int get_id_string;
  json_t *list_path;       /* keys from the list answer's root to the array of objects */
  const char *id_param[MOCK_N_OPS];     /* the documented id parameter of get/update/delete */
  const char *fields_param[MOCK_N_OPS]; /* the documented `fields` of add/update, or NULL */
  pthread_mutex_t lock;
  long long next;          /* next id to issue */
  json_t **records;        /* [id - MOCK_STORE_FIRST_ID]; NULL once deleted */
  const char *record_key;  /* the entity's key where records spell it so (voximplant.sip's
                              CONFIG_ID), else NULL: the record's "id" in any case */
  const char *chosen_key;  /* the key the caller chooses in the add request (bizproc.robot's
                              CODE), when the add issues none: records are found by it */
  const char *chosen_field; /* the field records show the chosen key's text in, when it is
                               not the key itself (im.search.last's DIALOG_ID is an item's id) */
  char **chosen;           /* per record, the chosen key's text */
  json_t *docs_keys;       /* the chosen key's texts the docs' examples send, as an object's
                              keys: their objects are the docs', answered as documented */
  size_t cap;
  int added;
  mock_members *members;   /* a membership's store (mock/members.h), else NULL */
};

/* The key of obj that is "id" ignoring case, NULL when none. */
static const char *id_key(const json_t *obj) {
  const char *key;
  json_t *v;
  json_object_foreach((json_t *)obj, key, v) if (!strcasecmp(key, "id")) return key;
  return NULL;
}

static int is_id_value(const json_t *v) { return mock_id_value(v) >= 0; }

/* The key of a record that holds its id: the family's record_key when the
 * record has it, else "id" in any case. */
static const char *record_id_key(const mock_family *f, const json_t *obj) {
  const char *key;
  json_t *v;
  if (f->record_key)
    json_object_foreach((json_t *)obj, key, v) if (!strcasecmp(key, f->record_key)) return key;
  return id_key(obj);
}

/* Follows keys, and digits as indexes into lists ("result", "0"). */
static json_t *at_path(json_t *root, const json_t *path) {
  size_t i;
  json_t *k;
  json_array_foreach(path, i, k) {
    const char *s = json_string_value(k);
    root = json_is_array(root) && s[0] >= '0' && s[0] <= '9' ? json_array_get(root, strtoul(s, NULL, 10))
                                                           : json_object_get(root, s);
  }
  return root;
}

/* Depth-first search of objects (not arrays) below obj for the first id field;
 * appends the keys leading to it to path. */
static int find_id(const json_t *obj, json_t *path, int depth) {
  if (!json_is_object(obj) || depth > 4) return 0;
  const char *k = id_key(obj);
  if (k && is_id_value(json_object_get(obj, k))) {
    json_array_append_new(path, json_string(k));
    return 1;
  }
  const char *key;
  json_t *v;
  json_object_foreach((json_t *)obj, key, v) {
    json_array_append_new(path, json_string(key));
    if (find_id(v, path, depth + 1)) return 1;
    json_array_remove(path, json_array_size(path) - 1);
  }
  return 0;
}

/* Keys to the object that is the record in a get answer's result: into a list
 * of one, through wrappers of one object-valued key ({"item": {...}}, {"task":
 * {...}}), the first object with an id field or more than one field. */
static int find_record(const json_t *v, json_t *path, int depth) {
  if (json_is_array(v) && json_is_object(json_array_get(v, 0)) && depth <= 4) {
    json_array_append_new(path, json_string("0")); /* a get that answers a list of one */
    return find_record(json_array_get(v, 0), path, depth + 1);
  }
  if (!json_is_object(v) || depth > 4) return 0;
  if (id_key(v) || json_object_size(v) != 1) return 1;
  void *it = json_object_iter((json_t *)v);
  const json_t *child = json_object_iter_value(it);
  if (!json_is_object(child)) return 1;
  json_array_append_new(path, json_string(json_object_iter_key(it)));
  return find_record(child, path, depth + 1);
}

/* Keys to the first array of objects at or below v; of codes too for a family
 * whose objects are named by a key the caller chooses (bizproc.robot.list). */
static int find_list(const json_t *v, json_t *path, int depth, int codes) {
  if (json_is_array(v))
    return json_is_object(json_array_get(v, 0)) || (codes && json_is_string(json_array_get(v, 0)));
  if (!json_is_object(v) || depth > 4) return 0;
  const char *key;
  json_t *c;
  json_object_foreach((json_t *)v, key, c) {
    json_array_append_new(path, json_string(key));
    if (find_list(c, path, depth + 1, codes)) return 1;
    json_array_remove(path, json_array_size(path) - 1);
  }
  return 0;
}

static const char *find_param(const b24_method *m, const char *name) {
  for (size_t i = 0; i < m->params.n; i++)
    if (!strcasecmp(m->params.items[i].name, name)) return m->params.items[i].name;
  return NULL;
}

/* The parameter that names the object: the id key the model found for the
 * method's entity, else `id` in any case, else the first required integer
 * parameter whose name ends in "id" (userfieldId). */
static const char *find_id_param(const b24_method *m) {
  const char *p = b24_entity_object_key(m);
  if (p) return p;
  if ((p = find_param(m, "id"))) return p;
  for (size_t i = 0; i < m->params.n; i++) {
    const b24_param *q = &m->params.items[i];
    size_t n = strlen(q->name);
    if (q->required && q->type.n_alts && !strcmp(q->type.alts[0].base, "integer") && n >= 2 &&
        !strcasecmp(q->name + n - 2, "id"))
      return q->name;
  }
  return NULL;
}

static char *chosen_text(const char *key, const json_t *params);

/* A family with what every kind of store has: its name, methods and lock. */
static mock_family *family_alloc(const char *prefix, int v3, mock_method *ops[MOCK_N_OPS]) {
  mock_family *f = calloc(1, sizeof *f);
  if (!f) abort();
  f->prefix = strdup(prefix);
  f->v3 = v3;
  memcpy(f->ops, ops, sizeof f->ops);
  pthread_mutex_init(&f->lock, NULL);
  return f;
}

mock_family *mock_family_new(const char *prefix, int v3, mock_method *ops[MOCK_N_OPS]) {
  mock_method *add = ops[MOCK_OP_ADD];
  if (!add) return NULL;
  mock_members *members = mock_members_new(b24_model_entity_of(add->meth), ops);
  if (members) {
    mock_family *f = family_alloc(prefix, v3, ops);
    f->members = members;
    return f;
  }
  json_t *id_path = json_array();
  json_t *result = json_object_get(add->answer, "result");
  const b24_entity *e = b24_model_entity_of(add->meth);
  const char *chosen = e && e->id_chosen ? e->id_key : NULL;
  if (chosen) { /* the caller's key names the object, whatever id the add answers */
    json_decref(id_path);
    id_path = NULL;
  } else if (is_id_value(result) || b24_add_answers_bare_id(add->meth))
    json_array_append_new(id_path, json_string("result"));
  else {
    json_array_append_new(id_path, json_string("result"));
    if (!find_id(result, id_path, 0)) {
      json_decref(id_path);
      return NULL;
    }
  }
  mock_family *f = family_alloc(prefix, v3, ops);
  f->add_id_path = id_path;
  f->add_id_string = id_path && json_is_string(at_path(add->answer, id_path));
  f->chosen_key = chosen;
  if (chosen && e->id_field && *e->id_field && strcasecmp(e->id_field, chosen))
    f->chosen_field = e->id_field;
  f->record_key = e && e->id_key && *e->id_key && !chosen ? e->id_key : NULL;
  if (chosen) {
    f->docs_keys = json_object();
    for (int op = 0; op < MOCK_N_OPS; op++)
      for (size_t i = 0; ops[op] && i < ops[op]->meth->n_examples; i++) {
        char *t = chosen_text(chosen, ops[op]->meth->examples[i].body);
        if (t) json_object_set_new(f->docs_keys, t, json_true());
        free(t);
      }
  }
  if (ops[MOCK_OP_GET]) {
    json_t *p = json_array();
    json_array_append_new(p, json_string("result"));
    if (find_record(json_object_get(ops[MOCK_OP_GET]->answer, "result"), p, 0)) {
      const json_t *rec = at_path(ops[MOCK_OP_GET]->answer, p);
      const char *k = record_id_key(f, rec);
      f->get_id_string = k && json_is_string(json_object_get(rec, k));
      f->get_record_path = p;
    } else json_decref(p);
  }
  if (ops[MOCK_OP_LIST]) {
    json_t *p = json_array();
    json_array_append_new(p, json_string("result"));
    if (find_list(json_object_get(ops[MOCK_OP_LIST]->answer, "result"), p, 0, chosen != NULL))
      f->list_path = p;
    else json_decref(p);
  }
  for (int op = MOCK_OP_GET; op < MOCK_N_OPS; op++)
    if (ops[op] && op != MOCK_OP_LIST) f->id_param[op] = find_id_param(ops[op]->meth);
  f->fields_param[MOCK_OP_ADD] = find_param(add->meth, "fields");
  if (ops[MOCK_OP_UPDATE]) f->fields_param[MOCK_OP_UPDATE] = find_param(ops[MOCK_OP_UPDATE]->meth, "fields");
  f->next = MOCK_STORE_FIRST_ID;
  return f;
}

void mock_family_free(mock_family *f) {
  if (!f) return;
  for (long long i = 0; i < f->next - MOCK_STORE_FIRST_ID; i++) {
    json_decref(f->records[i]);
    if (f->chosen) free(f->chosen[i]);
  }
  free(f->records);
  free(f->chosen);
  json_decref(f->docs_keys);
  json_decref(f->add_id_path);
  json_decref(f->get_record_path);
  json_decref(f->list_path);
  mock_members_free(f->members);
  pthread_mutex_destroy(&f->lock);
  free(f->prefix);
  free(f);
}

/* What a call writes: its `fields` object when the docs have one, else every
 * parameter but the id and the auth token. New reference. */
static json_t *written_fields(const mock_family *f, mock_op op, const json_t *params) {
  const char *fp = f->fields_param[op];
  if (fp) {
    json_t *v = json_object_get(params, fp);
    return json_is_object(v) ? json_deep_copy(v) : json_object();
  }
  json_t *w = json_deep_copy(params);
  json_object_del(w, "auth");
  if (f->id_param[op]) json_object_del(w, f->id_param[op]);
  return w;
}

/* A written value as the documented answer writes that field: classic REST
 * answers numbers as strings ("SORT": "100") where the docs' example does. */
static json_t *as_shown(const json_t *v, const json_t *shown) {
  char buf[64];
  if (json_is_string(shown) && json_is_integer(v)) {
    snprintf(buf, sizeof buf, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
    return json_string(buf);
  }
  if (json_is_string(shown) && json_is_real(v)) {
    snprintf(buf, sizeof buf, "%.17g", json_real_value(v));
    return json_string(buf);
  }
  if (json_is_object(shown) && json_is_array(v) && json_array_size(v)) {
    /* Written as a list, answered as an object (documentgenerator.template's
     * users: sent ["U503"], shown {"U503": ...}): PHP turns a list it keys
     * into an object with the indexes as keys. */
    json_t *o = json_object();
    size_t i;
    json_t *item;
    json_array_foreach(v, i, item) {
      snprintf(buf, sizeof buf, "%zu", i);
      json_object_set_new(o, buf, json_deep_copy(item));
    }
    return o;
  }
  return json_deep_copy(v);
}

/* Sets each written field on obj, under obj's own spelling of the key when it
 * has one that differs only in case, in the form obj shows it. */
static void overlay(json_t *obj, const json_t *written) {
  const char *key;
  json_t *v;
  json_object_foreach((json_t *)written, key, v) {
    const char *k = key, *ok;
    json_t *ov, *shown = NULL;
    json_object_foreach(obj, ok, ov) if (!strcasecmp(ok, key)) {
      k = ok;
      shown = ov;
      break;
    }
    json_object_set_new(obj, k, as_shown(v, shown));
  }
}

static json_t *id_json(long long id, int as_string) {
  if (!as_string) return json_integer(id);
  char buf[32];
  snprintf(buf, sizeof buf, "%lld", id);
  return json_string(buf);
}

/* A stored object in the shape of a documented one: template's fields, the id,
 * then what was written. */
static json_t *render_record(const mock_family *f, const json_t *tmpl, long long id, int id_string,
                             const json_t *stored) {
  /* shallow: a list renders every live record, and only top-level keys are set
   * or dropped (overlay, select), so the template's nested values are shared */
  json_t *r = json_is_object(tmpl) ? json_copy((json_t *)tmpl) : json_object();
  const char *k = record_id_key(f, r);
  overlay(r, stored);
  if (f->chosen_field)
    json_object_set_new(r, f->chosen_field, json_string(f->chosen[id - MOCK_STORE_FIRST_ID]));
  else if (!f->chosen_key)
    json_object_set_new(r, k ? k : f->v3 ? "id" : "ID", id_json(id, id_string));
  return r;
}

static json_t **slot(mock_family *f, long long id) {
  if (id < MOCK_STORE_FIRST_ID || id >= f->next) return NULL;
  return &f->records[id - MOCK_STORE_FIRST_ID];
}

/* The chosen key's text in params (b24_chosen_key_value), as a new string. */
static char *chosen_text(const char *key, const json_t *params) {
  const json_t *v = b24_chosen_key_value(params, key);
  return v ? strdup(json_string_value(v)) : NULL;
}

/* The record a chosen key names: the newest added under it (an object deleted
 * and added again under the same code is the new one); NULL if none was. */
static json_t **chosen_slot(mock_family *f, const json_t *params) {
  char *t = chosen_text(f->chosen_key, params);
  if (t && json_object_get(f->docs_keys, t)) {
    free(t);
    return NULL;
  }
  json_t **s = NULL;
  for (long long i = f->next - MOCK_STORE_FIRST_ID - 1; t && i >= 0 && !s; i--)
    if (!strcmp(f->chosen[i], t)) s = &f->records[i];
  free(t);
  return s;
}

static mock_store_outcome do_add(mock_family *f, const json_t *params, json_t **answer) {
  if (f->next - MOCK_STORE_FIRST_ID >= MOCK_STORE_MAX_IDS) return MOCK_STORE_FULL;
  size_t i = (size_t)(f->next - MOCK_STORE_FIRST_ID);
  if (i == f->cap) {
    f->cap = f->cap ? f->cap * 2 : 64;
    f->records = realloc(f->records, f->cap * sizeof *f->records);
    if (!f->records) abort();
  }
  char *key = NULL;
  if (f->chosen_key) {
    if (!(key = chosen_text(f->chosen_key, params))) return MOCK_STORE_STATELESS;
    if (json_object_get(f->docs_keys, key)) {
      free(key);
      return MOCK_STORE_STATELESS;
    }
    if (i == 0 || (i & (i - 1)) == 0) { /* grows with records: at 1, 2, 4, ... */
      f->chosen = realloc(f->chosen, (i ? 2 * i : 1) * sizeof *f->chosen);
      if (!f->chosen) abort();
    }
    f->chosen[i] = key;
  }
  long long id = f->next++;
  f->records[i] = written_fields(f, MOCK_OP_ADD, params);
  f->added = 1;
  json_t *a = json_deep_copy(f->ops[MOCK_OP_ADD]->answer);
  if (f->chosen_key) { /* the add issues nothing: its answer as documented */
    *answer = a;
    return MOCK_STORE_ANSWER;
  }
  size_t depth = json_array_size(f->add_id_path);
  json_t *parent = a;
  for (size_t j = 0; j + 1 < depth; j++)
    parent = json_object_get(parent, json_string_value(json_array_get(f->add_id_path, j)));
  if (depth >= 3) overlay(parent, f->records[i]); /* the answer shows the object */
  json_object_set_new(parent, json_string_value(json_array_get(f->add_id_path, depth - 1)),
                      id_json(id, f->add_id_string));
  *answer = a;
  return MOCK_STORE_ANSWER;
}

/* One live record that passed the filter: its id, and its fields as layers
 * (the id, what was written, the template) for ordering before a page is cut. */
typedef struct listed {
  long long id;
  const json_t *stored;
  json_t *id_layer;
} listed;

typedef struct list_sort {
  const mock_list_query *q;
  const json_t *tmpl;
} list_sort;

static _Thread_local list_sort sort_ctx; /* qsort has no context argument */

static mock_list_record layers_of(const listed *x, const json_t *tmpl) {
  return (mock_list_record){{x->id_layer, x->stored, tmpl}, 3};
}

static int by_order(const void *a, const void *b) {
  const listed *x = a, *y = b;
  mock_list_record rx = layers_of(x, sort_ctx.tmpl), ry = layers_of(y, sort_ctx.tmpl);
  int c = mock_list_compare_records(sort_ctx.q, &rx, &ry);
  return c ? c : (x->id > y->id) - (x->id < y->id);
}

/* list: the live records that pass the filter, in the order asked (then by
 * id), one page of MOCK_STORE_PAGE from start, each reduced to the selection;
 * total and next as the docs describe (none for start=-1). Records are matched
 * and sorted as layers and only the page is rendered, so a list costs no copy
 * of the objects it does not show. */
/* The layer that gives a listed record its id as render_record shows it: the
 * issued id, or a chosen key's text in the field records show it in; none
 * where the written fields hold the chosen key themselves (sale.status's id). */
static json_t *id_layer(const mock_family *f, long long id, const char *shown_id, int as_string) {
  if (f->chosen_field)
    return json_pack("{s:s}", f->chosen_field, f->chosen[id - MOCK_STORE_FIRST_ID]);
  return f->chosen_key ? NULL : json_pack("{s:o}", shown_id, id_json(id, as_string));
}

static mock_store_outcome do_list(mock_family *f, const json_t *params, unsigned faults,
                                  json_t **answer) {
  if (!f->added || !f->list_path) return MOCK_STORE_STATELESS;
  json_t *a = json_deep_copy(f->ops[MOCK_OP_LIST]->answer);
  json_t *arr = at_path(a, f->list_path);
  json_t *tmpl = json_incref(json_array_get(arr, 0));
  json_array_clear(arr);
  mock_list_query q;
  mock_list_query_read(params, &q);
  if (faults & MOCK_FAULT_LIST_IGNORE_FILTER) q.filter = NULL;
  if (faults & MOCK_FAULT_LIST_IGNORE_START) q.start = q.start < 0 ? q.start : 0;
  const char *k = record_id_key(f, tmpl);
  int as_string = k && json_is_string(json_object_get(tmpl, k));
  const char *shown_id = k ? k : f->v3 ? "id" : "ID";
  size_t n = 0, cap = 16;
  listed *rows = malloc(cap * sizeof *rows);
  if (!rows) abort();
  for (long long id = MOCK_STORE_FIRST_ID; id < f->next; id++) {
    const json_t *stored = f->records[id - MOCK_STORE_FIRST_ID];
    if (!stored) continue;
    listed x = {id, stored, NULL};
    if (q.filter || q.order) x.id_layer = id_layer(f, id, shown_id, as_string);
    mock_list_record r = layers_of(&x, tmpl);
    if (!mock_list_matches_record(&q, &r)) {
      json_decref(x.id_layer);
      continue;
    }
    if (n == cap && !(rows = realloc(rows, (cap *= 2) * sizeof *rows))) abort();
    rows[n++] = x;
  }
  if (q.order) {
    sort_ctx = (list_sort){&q, tmpl};
    qsort(rows, n, sizeof *rows, by_order);
  }
  long long start = q.start < 0 ? 0 : q.start;
  for (size_t i = 0; i < n; i++) {
    if ((long long)i >= start && (long long)i < start + MOCK_STORE_PAGE) {
      json_t *rec;
      if (f->chosen_key && json_is_string(tmpl)) /* a list of codes (bizproc.robot.list) */
        rec = json_string(f->chosen[rows[i].id - MOCK_STORE_FIRST_ID]);
      else {
        rec = render_record(f, tmpl, rows[i].id, as_string, rows[i].stored);
        if (!(faults & MOCK_FAULT_LIST_IGNORE_SELECT)) mock_list_project(&q, rec, shown_id);
      }
      json_array_append_new(arr, rec);
    }
    json_decref(rows[i].id_layer);
  }
  free(rows);
  json_decref(tmpl);
  mock_list_query_free(&q);
  if (!f->v3) {
    long long live = (long long)n;
    if (q.start == -1) {
      json_object_del(a, "total");
      json_object_del(a, "next");
    } else {
      json_object_set_new(a, "total", json_integer(live + !!(faults & MOCK_FAULT_LIST_WRONG_TOTAL)));
      if (start + MOCK_STORE_PAGE < live && !(faults & MOCK_FAULT_LIST_DROP_NEXT))
        json_object_set_new(a, "next", json_integer(start + MOCK_STORE_PAGE));
      else json_object_del(a, "next");
    }
  }
  *answer = a;
  return MOCK_STORE_ANSWER;
}

/* get, update, delete: the object named by the id parameter. */
static mock_store_outcome do_by_id(mock_family *f, const mock_method *mm, const json_t *params,
                                   unsigned faults, json_t **answer) {
  const char *idp = f->id_param[mm->op];
  json_t **s = f->chosen_key ? chosen_slot(f, params)
               : idp       ? slot(f, mock_id_value(json_object_get(params, idp)))
                           : NULL;
  if (!s) return MOCK_STORE_STATELESS;
  if (!*s) return MOCK_STORE_NOT_FOUND;
  long long id = MOCK_STORE_FIRST_ID + (s - f->records);
  json_t *a = json_deep_copy(mm->answer);
  if (mm->op == MOCK_OP_GET && f->get_record_path) {
    json_t *rec = at_path(a, f->get_record_path);
    if (json_is_object(rec)) {
      overlay(rec, *s);
      const char *k = record_id_key(f, rec);
      if (k && !f->chosen_key) json_object_set_new(rec, k, id_json(id, f->get_id_string));
    }
  } else if (mm->op == MOCK_OP_UPDATE && !(faults & MOCK_FAULT_LOSE_WRITES)) {
    json_t *w = written_fields(f, MOCK_OP_UPDATE, params);
    if (faults & MOCK_FAULT_KEEP_ONE_OLD_VALUE) { /* the last field written keeps its old value */
      const char *last = NULL, *key;
      json_t *v;
      json_object_foreach(w, key, v) last = key;
      if (last && json_object_size(w) > 1) json_object_del(w, last);
    }
    overlay(*s, w);
    json_decref(w);
  } else if (mm->op == MOCK_OP_DELETE) {
    json_decref(*s);
    *s = NULL;
  }
  *answer = a;
  return MOCK_STORE_ANSWER;
}

mock_store_outcome mock_store_call(mock_family *f, const mock_method *mm, const json_t *params,
                                   unsigned faults, json_t **answer) {
  *answer = NULL;
  pthread_mutex_lock(&f->lock);
  mock_store_outcome o;
  if (f->members) {
    o = mock_members_call(f->members, mm->op, params, answer) ? MOCK_STORE_ANSWER : MOCK_STORE_STATELESS;
    pthread_mutex_unlock(&f->lock);
    return o;
  }
  switch (mm->op) {
  case MOCK_OP_ADD: o = do_add(f, params, answer); break;
  case MOCK_OP_LIST: o = do_list(f, params, faults, answer); break;
  case MOCK_OP_GET:
  case MOCK_OP_UPDATE:
  case MOCK_OP_DELETE: o = do_by_id(f, mm, params, faults, answer); break;
  default: o = MOCK_STORE_STATELESS;
  }
  pthread_mutex_unlock(&f->lock);
  return o;
}
