/* Consistency across a family: sibling methods (the same name up to the last dot,
 * the same REST version: user.add, user.update, user.get) should give a
 * parameter of one name one type. Compared: parameters at any depth, by their
 * path (fields.SETTINGS.PRECISION; a variant's tab is part of the path),
 * names case-insensitively: identifiers (ID, userId, OWNER_ID) across all
 * siblings, other names between *.add and *.update only (elsewhere a `value`
 * or `data` of two methods are different things). A write method that takes
 * the entity's fields at the top level is compared with the `fields.*` of a
 * sibling that takes them in `fields`.
 *
 * Types are compared as sets of alternatives, normalized:
 *  - nullability is ignored; `T[]` differs from `T`;
 *  - `text` counts as `string` (a long string, same wire type);
 *  - a reference to an id (`catalog_document.id`) counts as `integer`; other
 *    field references (`crm_currency.CURRENCY`) are not compared;
 *  - `char` and `boolean` stay different: the dictionaries define char as the
 *    'Y'/'N' flag and boolean as true/false, so docs that mix them disagree;
 *  - one set inside the other is no conflict (`integer` vs `integer | integer[]`:
 *    a method that also takes a list); `any` goes with every type, and the
 *    generic `array` with every `T[]`.
 * List controls (filter, order, sort, select, start, limit) mean different
 * things in list and write methods and are skipped. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lint/lint_internal.h"
#include "util/buf.h"
#include "util/sort.h"

typedef struct entry {
  char *key;        /* lower-cased name, "fields." prefix for fields of `fields` */
  char *types;      /* normalized alternatives, sorted, joined with '|' */
  const b24_method *m;
  const b24_param *p;
} entry;

typedef struct entries {
  entry *v;
  size_t n, cap;
} entries;

static int is_list_control(const char *n) {
  static const char *const w[] = {"filter", "order", "sort", "select", "start", "limit"};
  for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
    if (!strcasecmp(n, w[i])) return 1;
  return 0;
}

static int cmp_cstr(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* NULL when the type is not compared. */
static char *normalize(const b24_type *t) {
  if (!t->n_alts || t->n_alts > 16) return NULL;
  char *alts[16];
  size_t n = 0;
  for (size_t i = 0; i < t->n_alts; i++) {
    const b24_type_alt *a = &t->alts[i];
    b24_buf b = B24_BUF_INIT;
    const char *dot = strchr(a->base, '.');
    if (dot && !strcasecmp(dot + 1, "id")) b24_buf_puts(&b, "integer");
    else if (dot) {
      b24_buf_free(&b);
      for (size_t k = 0; k < n; k++) free(alts[k]);
      return NULL;
    } else if (!strcasecmp(a->base, "text")) b24_buf_puts(&b, "string");
    else
      for (const char *s = a->base; *s; s++) b24_buf_putc(&b, (char)tolower((unsigned char)*s));
    for (int k = 0; k < a->array; k++) b24_buf_puts(&b, "[]");
    alts[n++] = b24_buf_take(&b);
  }
  b24_qsort(alts, n, sizeof *alts, cmp_cstr);
  b24_buf out = B24_BUF_INIT;
  for (size_t i = 0; i < n; i++) {
    if (i && !strcmp(alts[i], alts[i - 1])) continue; /* integer | integer */
    if (out.len) b24_buf_putc(&out, '|');
    b24_buf_puts(&out, alts[i]);
  }
  for (size_t i = 0; i < n; i++) free(alts[i]);
  return b24_buf_take(&out);
}

static void add(entries *es, const char *key, const b24_method *m, const b24_param *p) {
  char *types = normalize(&p->type);
  if (!types) return;
  if (es->n == es->cap) {
    es->cap = es->cap ? es->cap * 2 : 64;
    es->v = realloc(es->v, es->cap * sizeof *es->v);
  }
  es->v[es->n++] = (entry){strdup(key), types, m, p};
}

static void put_lower(b24_buf *b, const char *s) {
  for (; *s; s++) b24_buf_putc(b, (char)tolower((unsigned char)*s));
}

static int id_like(const char *n);

/* Every parameter of a tree, keyed by its lower-cased path: "fields.settings"
 * and, under the tab of a variant, "fields.settings[double].precision" (the
 * same field name means different things in different variants). */
static void add_tree(entries *es, const char *prefix, const b24_method *m, const b24_params *ps,
                     int writes, int depth) {
  if (depth > 16) return;
  for (size_t i = 0; i < ps->n; i++) {
    const b24_param *p = &ps->items[i];
    if (p->wildcard || is_list_control(p->name)) continue;
    b24_buf k = B24_BUF_INIT;
    b24_buf_puts(&k, prefix);
    put_lower(&k, p->name);
    if (writes || id_like(p->name)) add(es, b24_buf_cstr(&k), m, p);
    b24_buf_putc(&k, '.');
    add_tree(es, b24_buf_cstr(&k), m, &p->children, writes, depth + 1);
    for (size_t v = 0; v < p->n_variants; v++)
      for (size_t vk = 0; vk < p->variants[v].n_keys; vk++) {
        b24_buf vb = B24_BUF_INIT;
        b24_buf_put(&vb, k.data, k.len - 1);
        b24_buf_putc(&vb, '[');
        put_lower(&vb, p->variants[v].keys[vk]);
        b24_buf_puts(&vb, "].");
        add_tree(es, b24_buf_cstr(&vb), m, &p->variants[v].children, writes, depth + 1);
        b24_buf_free(&vb);
      }
    b24_buf_free(&k);
  }
}

/* Alternative s (n bytes) stands for t (m bytes): equal, or `array` for a `T[]`. */
static int alt_fits(const char *s, size_t n, const char *t, size_t m) {
  if (m == n && !strncmp(s, t, n)) return 1;
  if (n == 5 && !strncmp(s, "array", 5)) return m > 2 && !strncmp(t + m - 2, "[]", 2);
  if (m == 5 && !strncmp(t, "array", 5)) return n > 2 && !strncmp(s + n - 2, "[]", 2);
  return 0;
}

/* Every alternative of a is one of b's. */
static int subset(const char *a, const char *b) {
  const char *s = a;
  while (*s) {
    const char *e = strchr(s, '|');
    size_t n = e ? (size_t)(e - s) : strlen(s);
    int found = 0;
    for (const char *t = b; *t && !found;) {
      const char *f = strchr(t, '|');
      size_t m = f ? (size_t)(f - t) : strlen(t);
      found = alt_fits(s, n, t, m);
      t = f ? f + 1 : t + m;
    }
    if (!found) return 0;
    s = e ? e + 1 : s + n;
  }
  return 1;
}

static int has_alt(const char *types, const char *alt) {
  size_t n = strlen(alt);
  for (const char *s = types; (s = strstr(s, alt)); s++)
    if ((s == types || s[-1] == '|') && (s[n] == 0 || s[n] == '|')) return 1;
  return 0;
}

static int compatible(const char *a, const char *b) {
  return has_alt(a, "any") || has_alt(b, "any") || subset(a, b) || subset(b, a);
}

/* ID, id, userId, OWNER_ID, sprintId: a name that holds an identifier. */
static int id_like(const char *n) {
  size_t k = strlen(n);
  if (k < 2 || strcasecmp(n + k - 2, "id")) return 0;
  if (k == 2) return 1;
  char before = n[k - 3];
  return before == '_' || (n[k - 2] == 'I' && islower((unsigned char)before));
}

/* *.add and *.update: the methods that take an entity's fields. */
static int writes_fields(const b24_method *m) {
  const char *dot = strrchr(m->name, '.');
  const char *last = dot ? dot + 1 : m->name;
  return !strcasecmp(last, "add") || !strcasecmp(last, "update");
}

static int cmp_entry(const void *a, const void *b) {
  const entry *x = a, *y = b;
  int c = strcmp(x->key, y->key);
  return c ? c : strcmp(x->m->name, y->m->name);
}

/* One side is a `string` that its text says takes codes as well as ids
 * ("Identifier of the custom region or code of a pre-installed region"), the
 * other an `integer`: the first method accepts more, which is no conflict. */
static int takes_codes(const entry *a, const entry *b) {
  const entry *s = !strcmp(a->types, "string") ? a : !strcmp(b->types, "string") ? b : NULL;
  const entry *i = s == a ? b : a;
  if (!s || strcmp(i->types, "integer") || !s->p->description) return 0;
  /* ids and codes both: a code alone ("Symbolic code of the information block")
   * is no id, and an integer for it is the defect */
  const char *d = s->p->description;
  int codes = strstr(d, " code") || strstr(d, " код");
  int ids = strstr(d, "dentifier") || strstr(d, " ID") || strstr(d, "дентификатор");
  return codes && ids;
}

/* The entries of one name [from, to): each one at odds with the most common type
 * is reported, naming a method that uses that type. */
static void check_name(b24_lint_ctx *c, entry *v, size_t from, size_t to) {
  size_t best = from, best_count = 0;
  for (size_t i = from; i < to; i++) {
    size_t count = 0;
    for (size_t k = from; k < to; k++) count += !strcmp(v[i].types, v[k].types);
    if (count > best_count) best = i, best_count = count;
  }
  for (size_t i = from; i < to; i++) {
    if (!b24_lint_in_focus(c, v[i].m->source) || compatible(v[i].types, v[best].types) ||
        takes_codes(&v[i], &v[best]))
      continue;
    const b24_param *p = v[i].p, *q = v[best].p;
    b24_lint_emit(c, "family-type-mismatch", p->loc.file, p->loc.line,
                  "'%s' of %s is '%s', but '%s' in %s (%s:%d)", p->name, v[i].m->name,
                  p->type.written, q->type.written, v[best].m->name, q->loc.file, q->loc.line);
    b24_lint_at_code(c, p->type.n_alts && p->type.alts[0].reference ? p->type.alts[0].reference : p->type.n_alts ? p->type.alts[0].base : p->name);
  }
}

static int has_fields_param(const b24_method *m) {
  for (size_t i = 0; i < m->params.n; i++)
    if (!strcasecmp(m->params.items[i].name, "fields")) return 1;
  return 0;
}

static void check_family(b24_lint_ctx *c, const b24_method **fam, size_t n) {
  entries es = {0};
  int some_fields = 0;
  for (size_t i = 0; i < n; i++) some_fields |= writes_fields(fam[i]) && has_fields_param(fam[i]);
  for (size_t i = 0; i < n; i++) {
    int w = writes_fields(fam[i]);
    add_tree(&es, "", fam[i], &fam[i]->params, w, 0);
    /* bizproc.robot.add takes DESCRIPTION where bizproc.robot.update takes
     * FIELDS.DESCRIPTION: a write method without `fields` is compared with the
     * fields of those that have it too */
    if (w && some_fields && !has_fields_param(fam[i]))
      add_tree(&es, "fields.", fam[i], &fam[i]->params, w, 0);
  }
  b24_qsort(es.v, es.n, sizeof *es.v, cmp_entry);
  for (size_t i = 0; i < es.n;) {
    size_t j = i + 1;
    while (j < es.n && !strcmp(es.v[j].key, es.v[i].key)) j++;
    if (j - i > 1) check_name(c, es.v, i, j);
    i = j;
  }
  for (size_t i = 0; i < es.n; i++) {
    free(es.v[i].key);
    free(es.v[i].types);
  }
  free(es.v);
}

static size_t prefix_len(const char *name) {
  const char *dot = strrchr(name, '.');
  return dot ? (size_t)(dot - name) : 0;
}

static int cmp_family(const void *a, const void *b) {
  const b24_method *x = *(const b24_method *const *)a, *y = *(const b24_method *const *)b;
  size_t xl = prefix_len(x->name), yl = prefix_len(y->name);
  int c = strncasecmp(x->name, y->name, xl < yl ? xl : yl);
  if (c) return c;
  if (xl != yl) return xl < yl ? -1 : 1;
  if (x->rest_version != y->rest_version) return x->rest_version - y->rest_version;
  return strcmp(x->name, y->name);
}

void b24_rules_family(b24_lint_ctx *c) {
  const b24_model *m = c->m;
  const b24_method **v = malloc((m->n_methods + 1) * sizeof *v);
  size_t n = 0;
  for (size_t i = 0; i < m->n_methods; i++)
    if (prefix_len(m->methods[i].name)) v[n++] = &m->methods[i];
  b24_qsort(v, n, sizeof *v, cmp_family);
  for (size_t i = 0; i < n;) {
    size_t j = i + 1, pl = prefix_len(v[i]->name);
    while (j < n && prefix_len(v[j]->name) == pl && !strncasecmp(v[j]->name, v[i]->name, pl) &&
           v[j]->rest_version == v[i]->rest_version)
      j++;
    if (j - i > 1) check_family(c, v + i, j - i);
    i = j;
  }
  free(v);
}
