/* Orphans across a method: a parameter that left one level and a parameter of
 * the same name that arrived at another has moved into or out of a nested
 * object (or a nested table was read under another parent). Both are compared
 * as one; what stays alone is removed or added. The keys nested in an orphan
 * are orphans too, for pairing only: `name` and `file` that OLD listed at the top
 * and NEW inside a new `fields` have moved into it, and `fields` is then a
 * wrapper the docs now describe, not a new required parameter. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diff/diff_internal.h"
#include "util/grow.h"

static void push(b24d_orphans *o, const b24_param *p, const char *path, bool fields, long top) {
  o->v = b24_grow(o->v, o->n, &o->cap, sizeof *o->v, 16);
  o->v[o->n++] = (b24d_orphan){p, strdup(path), fields, false, false, top, 0};
}

static void push_inner(b24d_orphans *o, const b24_params *ps, const char *path, bool fields, long top) {
  for (size_t i = 0; i < ps->n; i++) {
    char *sub = b24d_join_path(path, ps->items[i].name);
    push(o, &ps->items[i], sub, fields, top);
    push_inner(o, &ps->items[i].children, sub, fields, top);
    free(sub);
  }
}

void b24d_orphans_push(b24d_orphans *o, const b24_param *p, const char *path, bool fields) {
  long top = (long)o->n;
  push(o, p, path, fields, -1);
  push_inner(o, &p->children, path, fields, top);
  for (size_t k = 0; k < p->n_variants; k++) {
    b24_buf vp = B24_BUF_INIT;
    b24_buf_printf(&vp, "%s[%s]", path, p->variants[k].name);
    push_inner(o, &p->variants[k].children, vp.data, fields, top);
    b24_buf_free(&vp);
  }
}

/* Taken: paired itself, or nested in a param that was (its keys were compared then). */
static bool taken(const b24d_orphans *o, size_t i) {
  return o->v[i].paired || (o->v[i].top >= 0 && o->v[o->v[i].top].paired);
}

static void orphans_clear(b24d_orphans *o) {
  for (size_t i = 0; i < o->n; i++) free(o->v[i].path);
  free(o->v);
  memset(o, 0, sizeof *o);
}

/* Names and paths compared without case and without the `[]` of an array's items. */
static bool same_key(const char *a, const char *b) {
  for (;;) {
    while (a[0] == '[' && a[1] == ']') a += 2;
    while (b[0] == '[' && b[1] == ']') b += 2;
    if (!*a || !*b) return !*a && !*b;
    if (tolower((unsigned char)*a) != tolower((unsigned char)*b)) return false;
    a++, b++;
  }
}

/* The last segment of a dotted name: `url` of `result.payment.url`. */
static const char *leaf(const char *name) {
  const char *dot = strrchr(name, '.');
  return dot && dot[1] ? dot + 1 : name;
}

/* The arrived orphan at the place g was written as a dotted name
 * (`fields.product.id` for the `id` nested in `product` in `fields`). -1 when none. */
static long same_place(const b24d_ctx *c, const b24d_orphan *g) {
  if (!strchr(g->p->name, '.')) return -1;
  for (size_t k = 0; k < c->arrived.n; k++)
    if (!taken(&c->arrived, k) && c->arrived.v[k].fields == g->fields && same_key(c->arrived.v[k].path, g->path))
      return (long)k;
  return -1;
}

/* The arrived orphan that g moved to: same name (without case), same family;
 * one of the same type first. -1 when none. */
static long moved_to(const b24d_ctx *c, const b24d_orphan *g) {
  long best = -1;
  for (size_t k = 0; k < c->arrived.n; k++) {
    const b24d_orphan *a = &c->arrived.v[k];
    if (taken(&c->arrived, k) || a->fields != g->fields || !same_key(leaf(a->p->name), leaf(g->p->name))) continue;
    if (a->top >= 0 && g->top >= 0) continue; /* both nested: their parents say more */
    if (b24d_type_tier(&g->p->type, &a->p->type, a->p->name, a->fields) < 0) return (long)k;
    if (best < 0) best = (long)k;
  }
  return best;
}

/* The level a path is at: everything before its last '.' (or "" at the top). */
static size_t level_len(const char *path) {
  const char *dot = strrchr(path, '.');
  return dot ? (size_t)(dot - path) : 0;
}

/* An object or array that arrived next to g with no keys described: g may be
 * inside it now (`SUCCESS` and `DATA` at the top, then an undescribed `result`). */
static const b24d_orphan *undescribed_sibling(const b24d_ctx *c, const b24d_orphan *g) {
  size_t gl = level_len(g->path);
  for (size_t k = 0; k < c->arrived.n; k++) {
    const b24d_orphan *a = &c->arrived.v[k];
    if (a->paired || a->fields != g->fields || a->p->children.n || a->p->n_variants) continue;
    if (level_len(a->path) != gl || strncmp(a->path, g->path, gl)) continue;
    for (size_t i = 0; i < a->p->type.n_alts; i++) {
      const b24_type_alt *t = &a->p->type.alts[i];
      if (t->array || !strcmp(t->base, "object") || !strcmp(t->base, "array")) return a;
    }
  }
  return NULL;
}

static void report_removed(b24d_ctx *c, const b24d_orphan *g) {
  const b24_param *p = g->p;
  b24_tier tier = b24d_param_deprecation(p) ? B24_TIER_REMOVED_DEPRECATED : B24_TIER_BREAKING;
  if (g->undescribed_before) {
    b24d_add(c, B24_TIER_DOC_FIX, g->fields ? B24_CH_FIELD_REMOVED : B24_CH_PARAM_REMOVED, g->path,
             NULL, &p->loc, NULL, NULL, NULL, "%s '%s' no longer described (NEW describes no keys there)",
             g->fields ? "result field" : "param", g->path);
    return;
  }
  const b24d_orphan *into = g->moved_inner ? NULL : undescribed_sibling(c, g);
  if (into) {
    b24d_add(c, B24_TIER_DOC_FIX, g->fields ? B24_CH_FIELD_REMOVED : B24_CH_PARAM_REMOVED, g->path,
             NULL, &p->loc, NULL, NULL, NULL,
             "%s '%s' no longer described; it may be inside '%s', whose keys NEW does not describe",
             g->fields ? "result field" : "param", g->path, into->path);
    return;
  }
  if (g->moved_inner) {
    b24d_add(c, B24_TIER_DOC_FIX, g->fields ? B24_CH_FIELD_REMOVED : B24_CH_PARAM_REMOVED, g->path,
             NULL, &p->loc, NULL, NULL, NULL, "%s '%s' removed; its keys are documented elsewhere now",
             g->fields ? "result field" : "param", g->path);
    return;
  }
  if (g->fields)
    b24d_add(c, tier, B24_CH_FIELD_REMOVED, g->path, NULL, &p->loc, NULL, NULL, NULL,
             "result field '%s' removed", g->path);
  else
    b24d_add(c, tier, B24_CH_PARAM_REMOVED, g->path, NULL, &p->loc, NULL, NULL, NULL,
             "param '%s' removed", g->path);
}

static void report_added(b24d_ctx *c, const b24d_orphan *a) {
  const b24_param *p = a->p;
  if (a->moved_inner && !a->fields)
    b24d_add(c, B24_TIER_DOC_FIX, B24_CH_PARAM_ADDED, a->path, NULL, NULL, &p->loc, NULL, NULL,
             "%s param '%s' added, holding params documented elsewhere before",
             p->required ? "required" : "optional", a->path);
  else if (a->fields)
    b24d_add(c, B24_TIER_COMPATIBLE, B24_CH_FIELD_ADDED, a->path, NULL, NULL, &p->loc, NULL, NULL,
             "result field '%s' added", a->path);
  else if (!p->required)
    b24d_add(c, B24_TIER_COMPATIBLE, B24_CH_PARAM_ADDED, a->path, NULL, NULL, &p->loc, NULL, NULL,
             "optional param '%s' added", a->path);
  else if (c->old_marks_required && !a->undescribed_before)
    b24d_add(c, B24_TIER_BREAKING, B24_CH_PARAM_ADDED, a->path, NULL, NULL, &p->loc, NULL, NULL,
             "required param '%s' added", a->path);
  else
    b24d_add(c, B24_TIER_DOC_FIX, B24_CH_PARAM_ADDED, a->path, NULL, NULL, &p->loc, NULL, NULL,
             "required param '%s' added (%s)", a->path,
             a->undescribed_before ? "OLD described no keys here" : "OLD marked no parameter required");
}

void b24d_resolve_orphans(b24d_ctx *c) {
  /* Comparing a moved pair may leave orphans of its own: scan until none is new. */
  for (size_t i = 0; i < c->gone.n; i++) {
    if (taken(&c->gone, i)) continue;
    long k = same_place(c, &c->gone.v[i]);
    bool moved = k < 0;
    if (moved) k = moved_to(c, &c->gone.v[i]);
    if (k < 0) continue;
    c->gone.v[i].paired = c->arrived.v[k].paired = true;
    if (c->gone.v[i].top >= 0) c->gone.v[c->gone.v[i].top].moved_inner++;
    if (c->arrived.v[k].top >= 0) c->arrived.v[c->arrived.v[k].top].moved_inner++;
    const b24_param *op = c->gone.v[i].p, *np = c->arrived.v[k].p;
    bool fields = c->gone.v[i].fields;
    char *old_path = strdup(c->gone.v[i].path), *path = strdup(c->arrived.v[k].path);
    if (moved)
      b24d_add(c, B24_TIER_DOC_FIX, fields ? B24_CH_FIELD_MOVED : B24_CH_PARAM_MOVED, old_path, NULL,
               &op->loc, &np->loc, old_path, path, "%s '%s' moved to '%s'",
               fields ? "result field" : "param", old_path, path);
    b24d_compare_param(c, op, np, path, fields); /* may grow both lists */
    free(old_path);
    free(path);
  }
  for (size_t i = 0; i < c->gone.n; i++)
    if (!c->gone.v[i].paired && c->gone.v[i].top < 0) report_removed(c, &c->gone.v[i]);
  for (size_t k = 0; k < c->arrived.n; k++)
    if (!c->arrived.v[k].paired && c->arrived.v[k].top < 0) report_added(c, &c->arrived.v[k]);
  orphans_clear(&c->gone);
  orphans_clear(&c->arrived);
}
