/* Families of methods (PREFIX.<verb>, one REST version) and the roles of their
 * members, computed once per model; and which method is the batch method. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/derive.h"
#include "model/family.h"
#include "util/sort.h"

static const char *const role_names[B24_ROLE_COUNT] = {"add", "get", "update", "delete",
                                                       "list", "fields", "other"};

const char *b24_role_name(b24_method_role r) {
  return r >= 0 && r < B24_ROLE_COUNT ? role_names[r] : "other";
}

/* The role a method's verb gives it. A getter that takes a filter and no id
 * (user.get) lists; that is decided with the list info (list_info.c). */
static b24_method_role role_of_verb(const b24_method *meth) {
  char verb[64];
  b24_method_verb(meth->name, verb, sizeof verb);
  if (!strcmp(verb, "add")) return B24_ROLE_ADD;
  if (!strcmp(verb, "update")) return B24_ROLE_UPDATE;
  if (!strcmp(verb, "delete")) return B24_ROLE_DELETE;
  if (!strcmp(verb, "list") || !strcmp(verb, "getlist")) return B24_ROLE_LIST;
  if (!strcmp(verb, "fields") || !strcmp(verb, "getfields")) return B24_ROLE_FIELDS;
  if (!strcmp(verb, "get")) return meth->list ? B24_ROLE_LIST : B24_ROLE_GET;
  return B24_ROLE_OTHER;
}

static size_t prefix_len(const char *name) {
  const char *dot = strrchr(name, '.');
  return dot ? (size_t)(dot - name) : strlen(name);
}

/* Orders methods by family (prefix, REST version), then name. */
static int cmp_by_family(const void *a, const void *b) {
  const b24_method *x = *(const b24_method *const *)a, *y = *(const b24_method *const *)b;
  size_t nx = prefix_len(x->name), ny = prefix_len(y->name);
  size_t n = nx < ny ? nx : ny;
  int c = strncmp(x->name, y->name, n);
  if (c) return c;
  if (nx != ny) return nx < ny ? -1 : 1;
  if (x->rest_version != y->rest_version) return x->rest_version - y->rest_version;
  return strcmp(x->name, y->name);
}

static int same_family(const b24_method *x, const b24_method *y) {
  size_t n = prefix_len(x->name);
  return n == prefix_len(y->name) && !strncmp(x->name, y->name, n) &&
         x->rest_version == y->rest_version;
}

void b24_derive_families(b24_model *m) {
  m->n_families = 0;
  m->families = NULL;
  m->batch = NULL;
  if (!m->n_methods) return;
  const b24_method **v = b24_arena_alloc(&m->arena, m->n_methods * sizeof *v);
  for (size_t i = 0; i < m->n_methods; i++) v[i] = &m->methods[i];
  b24_qsort(v, m->n_methods, sizeof *v, cmp_by_family);
  size_t n = 0;
  for (size_t i = 0; i < m->n_methods; i++)
    if (!i || !same_family(v[i - 1], v[i])) n++;
  m->families = b24_arena_alloc(&m->arena, n * sizeof *m->families);
  for (size_t i = 0, j; i < m->n_methods; i = j) {
    for (j = i + 1; j < m->n_methods && same_family(v[i], v[j]);) j++;
    b24_method_family *f = &m->families[m->n_families++];
    f->name = b24_arena_strndup(&m->arena, v[i]->name, prefix_len(v[i]->name));
    f->rest_version = v[i]->rest_version;
    f->methods = v + i;
    f->n_methods = j - i;
    for (size_t k = i; k < j; k++) {
      b24_method_role r = role_of_verb(v[k]);
      /* the exact verb wins a role over its synonyms (list over getList) */
      if (r != B24_ROLE_OTHER && !f->roles[r]) f->roles[r] = v[k];
      ((b24_method *)v[k])->family = f;
    }
  }
  /* families come out sorted by name because the prefix sorts first */
  for (size_t i = 0; i < m->n_methods; i++) {
    b24_method *x = &m->methods[i];
    x->is_batch = !strcmp(x->name, "batch");
    if (x->is_batch && !m->batch) m->batch = x;
  }
}

static int cmp_family_key(const void *k, const void *e) {
  const b24_method_family *key = k, *f = e;
  int c = strcmp(key->name, f->name);
  return c ? c : key->rest_version - f->rest_version;
}

const b24_method_family *b24_model_find_family(const b24_model *m, const char *name,
                                               int rest_version) {
  if (!rest_version) {
    const b24_method_family *f = b24_model_find_family(m, name, 1);
    return f ? f : b24_model_find_family(m, name, 3);
  }
  b24_method_family key = {.name = (char *)name, .rest_version = rest_version};
  return b24_bsearch(&key, m->families, m->n_families, sizeof key, cmp_family_key);
}
