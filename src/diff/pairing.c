/* Orphans across a method: a parameter that left one level and a parameter of
 * the same name that arrived at another has moved into or out of a nested
 * object (or a nested table was read under another parent). Both are compared
 * as one; what stays alone is removed or added. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diff/diff_internal.h"

void b24d_orphans_push(b24d_orphans *o, const b24_param *p, const char *path, bool fields) {
  if (o->n == o->cap) {
    o->cap = o->cap ? o->cap * 2 : 16;
    o->v = realloc(o->v, o->cap * sizeof *o->v);
    if (!o->v) abort();
  }
  o->v[o->n++] = (b24d_orphan){p, strdup(path), fields, false, false};
}

static void orphans_clear(b24d_orphans *o) {
  for (size_t i = 0; i < o->n; i++) free(o->v[i].path);
  free(o->v);
  memset(o, 0, sizeof *o);
}

/* The arrived orphan that g moved to: same name (without case), same family;
 * one of the same type first. -1 when none. */
static long moved_to(const b24d_ctx *c, const b24d_orphan *g) {
  long best = -1;
  for (size_t k = 0; k < c->arrived.n; k++) {
    const b24d_orphan *a = &c->arrived.v[k];
    if (a->paired || a->fields != g->fields || strcasecmp(a->p->name, g->p->name)) continue;
    if (b24d_type_tier(&g->p->type, &a->p->type, a->p->name, a->fields) < 0) return (long)k;
    if (best < 0) best = (long)k;
  }
  return best;
}

static void report_removed(b24d_ctx *c, const b24d_orphan *g) {
  const b24_param *p = g->p;
  b24_tier tier = b24d_param_deprecated(p) ? B24_TIER_REMOVED_DEPRECATED : B24_TIER_BREAKING;
  if (g->fields)
    b24d_add(c, tier, B24_CH_FIELD_REMOVED, g->path, NULL, &p->loc, NULL, NULL, NULL,
             "result field '%s' removed", g->path);
  else
    b24d_add(c, tier, B24_CH_PARAM_REMOVED, g->path, NULL, &p->loc, NULL, NULL, NULL,
             "param '%s' removed", g->path);
}

static void report_added(b24d_ctx *c, const b24d_orphan *a) {
  const b24_param *p = a->p;
  if (a->fields)
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
    if (c->gone.v[i].paired) continue;
    long k = moved_to(c, &c->gone.v[i]);
    if (k < 0) continue;
    c->gone.v[i].paired = c->arrived.v[k].paired = true;
    const b24_param *op = c->gone.v[i].p, *np = c->arrived.v[k].p;
    bool fields = c->gone.v[i].fields;
    char *old_path = strdup(c->gone.v[i].path), *path = strdup(c->arrived.v[k].path);
    b24d_add(c, B24_TIER_DOC_FIX, fields ? B24_CH_FIELD_MOVED : B24_CH_PARAM_MOVED, old_path, NULL,
             &op->loc, &np->loc, old_path, path, "%s '%s' moved to '%s'",
             fields ? "result field" : "param", old_path, path);
    b24d_compare_param(c, op, np, path, fields); /* may grow both lists */
    free(old_path);
    free(path);
  }
  for (size_t i = 0; i < c->gone.n; i++)
    if (!c->gone.v[i].paired) report_removed(c, &c->gone.v[i]);
  for (size_t k = 0; k < c->arrived.n; k++)
    if (!c->arrived.v[k].paired) report_added(c, &c->arrived.v[k]);
  orphans_clear(&c->gone);
  orphans_clear(&c->arrived);
}
