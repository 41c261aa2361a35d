/* Parameters and result fields, list against list. Pairs are found in order of
 * certainty: the same name, the same name in another case, one of the `A/B`
 * alternatives, then a rename (same type and description, or the one param
 * swapped for another in its place). What stays unpaired is an orphan until the
 * whole method is compared (pairing.c): it may have moved to another level.
 * Classification takes the client's side: what it sends must still be accepted
 * (params), what it reads must still be there and of a type it knows (fields). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diff/diff_internal.h"

char *b24d_join_path(const char *prefix, const char *name) {
  b24_buf b = B24_BUF_INIT;
  if (prefix && *prefix) b24_buf_printf(&b, "%s.", prefix);
  b24_buf_puts(&b, name);
  return b24_buf_take(&b);
}

size_t b24d_alternatives(const b24_param *p, char buf[256], const char *names[], size_t max) {
  if (p->n_alternatives > 1) {
    size_t n = 0;
    for (; n < p->n_alternatives && n < max; n++) names[n] = p->alternatives[n];
    return n;
  }
  snprintf(buf, 256, "%s", p->name);
  size_t n = 0;
  for (char *s = buf; n < max;) {
    while (*s == ' ') s++;
    char *e = strchr(s, '/');
    if (e) *e = 0;
    char *t = s + strlen(s);
    while (t > s && t[-1] == ' ') *--t = 0;
    if (*s) names[n++] = s;
    if (!e) break;
    s = e + 1;
  }
  if (!n) names[n++] = p->name;
  return n;
}

/* How an OLD item found its NEW one. */
enum { BY_NONE = 0, BY_NAME, BY_CASE, BY_ALT, BY_RENAME };

static int same_type(const b24_param *a, const b24_param *b) {
  return b24d_type_tier(&a->type, &b->type, a->name, false) < 0;
}

static int same_description(const b24_param *a, const b24_param *b) {
  char *x = b24d_norm_text(a->description), *y = b24d_norm_text(b->description);
  int r = *x && !strcmp(x, y);
  free(x);
  free(y);
  return r;
}

typedef struct pairing {
  const b24_params *o, *n;
  long *pair;          /* OLD index -> NEW index, -1 */
  unsigned char *how;  /* BY_* per OLD index */
  unsigned char *used; /* NEW index taken (or absorbed as a second alternative) */
  unsigned char *absorbed_old; /* OLD index folded into a NEW `A/B` */
  long *joined_into;   /* OLD index -> the NEW `A/B` it is an alternative of, -1 */
  long *split_from;    /* NEW index -> the OLD `A/B` it was an alternative of, -1 */
} pairing;

static void pair_names(pairing *p, int how) {
  for (size_t i = 0; i < p->o->n; i++) {
    if (p->pair[i] >= 0 || p->absorbed_old[i]) continue;
    for (size_t k = 0; k < p->n->n; k++) {
      const char *a = p->o->items[i].name, *b = p->n->items[k].name;
      if (!p->used[k] && (how == BY_NAME ? !strcmp(a, b) : !strcasecmp(a, b))) {
        p->pair[i] = (long)k;
        p->how[i] = (unsigned char)how;
        p->used[k] = 1;
        break;
      }
    }
  }
}

/* `A/B` on one side, A (and B) on the other. The first name found pairs (when
 * the param has no pair yet); the other names are absorbed: they are the same
 * param's alternatives, written apart on the other side. */
static void pair_alternatives(pairing *p) {
  char buf[256];
  const char *alt[8];
  for (size_t i = 0; i < p->o->n; i++) {
    if (p->absorbed_old[i]) continue;
    size_t na = b24d_alternatives(&p->o->items[i], buf, alt, 8);
    for (size_t a = 0; na > 1 && a < na; a++)
      for (size_t k = 0; k < p->n->n; k++)
        if (!p->used[k] && !strcasecmp(alt[a], p->n->items[k].name)) {
          if (p->pair[i] < 0) {
            p->pair[i] = (long)k;
            p->how[i] = BY_ALT;
          } else {
            p->split_from[k] = (long)i;
          }
          p->used[k] = 1;
        }
  }
  for (size_t k = 0; k < p->n->n; k++) {
    size_t na = b24d_alternatives(&p->n->items[k], buf, alt, 8);
    for (size_t a = 0; na > 1 && a < na; a++)
      for (size_t i = 0; i < p->o->n; i++)
        if (p->pair[i] < 0 && !p->absorbed_old[i] && !strcasecmp(alt[a], p->o->items[i].name)) {
          if (!p->used[k]) {
            p->pair[i] = (long)k;
            p->how[i] = BY_ALT;
            p->used[k] = 1;
          } else {
            p->absorbed_old[i] = 1;
            p->joined_into[i] = (long)k;
          }
        }
  }
}

/* The one param gone and the one come at the same place of a table are one
 * renamed when their types do not differ on the wire (a note or a doc fix at
 * most) and the names share a stem or the descriptions are the same:
 * CRM_ENTITY_ID -> CRM_ENTITY. */
static int alike(const b24_param *a, const b24_param *b) {
  int tier = b24d_type_tier(&a->type, &b->type, b->name, false);
  if (tier == B24_TIER_BREAKING || tier == B24_TIER_COMPATIBLE) return 0;
  size_t stem = 0;
  while (a->name[stem] && tolower((unsigned char)a->name[stem]) == tolower((unsigned char)b->name[stem])) stem++;
  return same_description(a, b) || stem >= 4 || (tier < 0 && !*a->description && !*b->description);
}

/* A param gone and one come with the same type and description, or the only
 * one of each at the same place in the table. */
static void pair_renames(pairing *p) {
  size_t left_o = 0, left_n = 0;
  for (size_t i = 0; i < p->o->n; i++) {
    if (p->pair[i] >= 0 || p->absorbed_old[i]) continue;
    left_o++;
    for (size_t k = 0; k < p->n->n; k++)
      if (!p->used[k] && same_type(&p->o->items[i], &p->n->items[k]) &&
          same_description(&p->o->items[i], &p->n->items[k])) {
        p->pair[i] = (long)k;
        p->how[i] = BY_RENAME;
        p->used[k] = 1;
        left_o--;
        break;
      }
  }
  for (size_t k = 0; k < p->n->n; k++) left_n += !p->used[k];
  if (left_o != 1 || left_n != 1) return;
  for (size_t i = 0; i < p->o->n; i++)
    if (p->pair[i] < 0 && !p->absorbed_old[i] && i < p->n->n && !p->used[i] &&
        alike(&p->o->items[i], &p->n->items[i])) {
      p->pair[i] = (long)i;
      p->how[i] = BY_RENAME;
      p->used[i] = 1;
    }
}

static void report_pairing(b24d_ctx *c, const b24_param *op, const b24_param *np, int how,
                           const char *old_path, const char *path, bool fields) {
  const char *what = fields ? "result field" : "param";
  if (how == BY_CASE)
    b24d_add(c, B24_TIER_NOTE, B24_CH_PARAM_RENAMED_CASE, old_path, NULL, &op->loc, &np->loc,
             op->name, np->name, "%s '%s' is now written '%s'", what, old_path, np->name);
  else if (how == BY_ALT)
    b24d_add(c, B24_TIER_NOTE, B24_CH_PARAM_ALTERNATIVES, old_path, NULL, &op->loc, &np->loc,
             op->name, np->name, "%s '%s' is now documented as '%s'", what, old_path, np->name);
  else if (how == BY_RENAME)
    b24d_add(c, B24_TIER_DOC_FIX, fields ? B24_CH_FIELD_RENAMED : B24_CH_PARAM_RENAMED, old_path,
             NULL, &op->loc, &np->loc, op->name, np->name, "%s '%s' renamed to '%s'", what,
             old_path, path);
}

void b24d_compare_params(b24d_ctx *c, const b24_params *o, const b24_params *n,
                         const char *prefix, bool fields) {
  size_t no = o->n ? o->n : 1, nn = n->n ? n->n : 1;
  pairing p = {o, n, malloc(no * sizeof(long)), calloc(no, 1), calloc(nn, 1), calloc(no, 1),
               malloc(no * sizeof(long)), malloc(nn * sizeof(long))};
  for (size_t i = 0; i < o->n; i++) p.pair[i] = p.joined_into[i] = -1;
  for (size_t k = 0; k < n->n; k++) p.split_from[k] = -1;
  pair_names(&p, BY_NAME);
  pair_names(&p, BY_CASE);
  pair_alternatives(&p);
  pair_renames(&p);
  for (size_t i = 0; i < o->n; i++) {
    const b24_param *op = &o->items[i];
    char *old_path = b24d_join_path(prefix, op->name);
    if (p.pair[i] >= 0) {
      const b24_param *np = &n->items[p.pair[i]];
      char *path = b24d_join_path(prefix, np->name);
      report_pairing(c, op, np, p.how[i], old_path, path, fields);
      b24d_compare_param(c, op, np, path, fields);
      free(path);
    } else if (p.absorbed_old[i]) {
      const b24_param *np = &n->items[p.joined_into[i]];
      b24d_add(c, B24_TIER_NOTE, B24_CH_PARAM_ALTERNATIVES, old_path, NULL, &op->loc, &np->loc,
               op->name, np->name, "%s '%s' is now documented as an alternative in '%s'",
               fields ? "result field" : "param", old_path, np->name);
    } else {
      size_t at = c->gone.n;
      b24d_orphans_push(&c->gone, op, old_path, fields);
      /* NEW describes no keys here at all (or, for the result, no field): they are
       * undescribed, not known gone. */
      if (!n->n && ((prefix && *prefix) || fields)) c->gone.v[at].undescribed_before = true;
    }
    free(old_path);
  }
  for (size_t k = 0; k < n->n; k++) {
    if (p.split_from[k] >= 0) {
      const b24_param *op = &o->items[p.split_from[k]], *np = &n->items[k];
      char *path = b24d_join_path(prefix, np->name);
      b24d_add(c, B24_TIER_NOTE, B24_CH_PARAM_ALTERNATIVES, path, NULL, &op->loc, &np->loc,
               op->name, np->name, "%s '%s', an alternative in '%s' before, is now documented apart",
               fields ? "result field" : "param", path, op->name);
      free(path);
    }
    if (p.used[k]) continue;
    char *path = b24d_join_path(prefix, n->items[k].name);
    size_t at = c->arrived.n;
    b24d_orphans_push(&c->arrived, &n->items[k], path, fields);
    /* OLD said nothing of this level (an object's keys undescribed): what is
     * required here was so before, only not written. */
    if (!o->n && prefix && *prefix) c->arrived.v[at].undescribed_before = true;
    free(path);
  }
  free(p.pair);
  free(p.how);
  free(p.used);
  free(p.absorbed_old);
  free(p.joined_into);
  free(p.split_from);
}

/* ---- one pair ---- */

static void compare_enums(b24d_ctx *c, const b24_param *op, const b24_param *np, const char *path) {
  char **ov = calloc(op->n_enum + 1, sizeof *ov), **nv = calloc(np->n_enum + 1, sizeof *nv);
  for (size_t i = 0; i < op->n_enum; i++) ov[i] = b24d_norm_value(op->enum_values[i]);
  for (size_t k = 0; k < np->n_enum; k++) nv[k] = b24d_norm_value(np->enum_values[k]);
  /* A list that disappears (or appears) entirely is a description change, not a narrowing. */
  for (size_t i = 0; np->n_enum && i < op->n_enum; i++) {
    int kept = !ov[i];
    for (size_t k = 0; k < np->n_enum && !kept; k++) kept = nv[k] && !strcmp(ov[i], nv[k]);
    if (!kept)
      b24d_add(c, B24_TIER_BREAKING, B24_CH_ENUM_REMOVED, path, ov[i], &op->loc, &np->loc, ov[i],
               NULL, "param '%s' no longer accepts '%s'", path, ov[i]);
  }
  for (size_t k = 0; op->n_enum && k < np->n_enum; k++) {
    int had = !nv[k];
    for (size_t i = 0; i < op->n_enum && !had; i++) had = ov[i] && !strcmp(ov[i], nv[k]);
    if (!had)
      b24d_add(c, B24_TIER_COMPATIBLE, B24_CH_ENUM_ADDED, path, nv[k], &op->loc, &np->loc, NULL,
               nv[k], "param '%s' accepts '%s'", path, nv[k]);
  }
  b24d_free_strv(ov, op->n_enum);
  b24d_free_strv(nv, np->n_enum);
}

/* At least half of the smaller tab's keys are in the other: the same tab renamed. */
static int children_alike(const b24_variant *a, const b24_variant *b) {
  size_t same = 0, n = a->children.n < b->children.n ? a->children.n : b->children.n;
  for (size_t i = 0; i < a->children.n; i++)
    for (size_t k = 0; k < b->children.n; k++)
      if (!strcasecmp(a->children.items[i].name, b->children.items[k].name)) {
        same++;
        break;
      }
  return n && same * 2 >= n;
}

static int keys_overlap(const b24_variant *a, const b24_variant *b) {
  for (size_t i = 0; i < a->n_keys; i++)
    for (size_t k = 0; k < b->n_keys; k++)
      if (!strcasecmp(a->keys[i], b->keys[k])) return 1;
  return 0;
}

/* Variants by tab name, then by name without case or a shared discriminator
 * value, then the one left on each side when their keys are alike: a renamed tab. */
static void compare_variants(b24d_ctx *c, const b24_param *op, const b24_param *np, const char *path,
                             bool fields) {
  const char *what = fields ? "result field" : "param";
  size_t no = op->n_variants, nn = np->n_variants;
  long *pair = malloc((no ? no : 1) * sizeof *pair);
  unsigned char *used = calloc(nn ? nn : 1, 1);
  for (int pass = 0; pass < 3; pass++)
    for (size_t i = 0; i < no; i++) {
      if (!pass) pair[i] = -1;
      for (size_t k = 0; k < nn && pair[i] < 0; k++) {
        const b24_variant *a = &op->variants[i], *b = &np->variants[k];
        int ok = pass == 0 ? !strcmp(a->name, b->name)
                 : pass == 1 ? !strcasecmp(a->name, b->name)
                             : keys_overlap(a, b);
        if (!used[k] && ok) {
          pair[i] = (long)k;
          used[k] = 1;
        }
      }
    }
  size_t left_o = 0, left_n = 0, lo = 0, ln = 0;
  for (size_t i = 0; i < no; i++)
    if (pair[i] < 0) left_o++, lo = i;
  for (size_t k = 0; k < nn; k++)
    if (!used[k]) left_n++, ln = k;
  if (left_o == 1 && left_n == 1 && children_alike(&op->variants[lo], &np->variants[ln])) {
    pair[lo] = (long)ln;
    used[ln] = 1;
  }
  for (size_t i = 0; i < no; i++) {
    const b24_variant *ov = &op->variants[i];
    b24_buf vp = B24_BUF_INIT;
    if (pair[i] < 0) {
      b24_buf_printf(&vp, "%s[%s]", path, ov->name);
      b24d_add(c, fields ? B24_TIER_COMPATIBLE : B24_TIER_BREAKING, B24_CH_VARIANT_REMOVED, vp.data,
               NULL, &ov->loc, &np->loc, ov->name, NULL, "%s '%s' no longer has the variant '%s'",
               what, path, ov->name);
    } else {
      const b24_variant *nv = &np->variants[pair[i]];
      b24_buf_printf(&vp, "%s[%s]", path, nv->name);
      if (strcmp(ov->name, nv->name))
        b24d_add(c, B24_TIER_NOTE, B24_CH_VARIANT_RENAMED, vp.data, NULL, &ov->loc, &nv->loc,
                 ov->name, nv->name, "%s '%s': variant '%s' is now called '%s'", what, path,
                 ov->name, nv->name);
      b24d_compare_params(c, &ov->children, &nv->children, vp.data, fields);
    }
    b24_buf_free(&vp);
  }
  for (size_t k = 0; k < nn; k++) {
    if (used[k]) continue;
    b24_buf vp = B24_BUF_INIT;
    b24_buf_printf(&vp, "%s[%s]", path, np->variants[k].name);
    b24d_add(c, fields ? B24_TIER_BREAKING : B24_TIER_COMPATIBLE, B24_CH_VARIANT_ADDED, vp.data,
             NULL, &op->loc, &np->variants[k].loc, NULL, np->variants[k].name,
             "%s '%s' has a new variant '%s'", what, path, np->variants[k].name);
    b24_buf_free(&vp);
  }
  free(pair);
  free(used);
}

void b24d_compare_param(b24d_ctx *c, const b24_param *op, const b24_param *np, const char *path,
                        bool fields) {
  const char *what = fields ? "result field" : "param";
  const b24_deprecation *dep = b24d_param_deprecation(np);
  if (dep && !b24d_param_deprecation(op))
    b24d_add(c, B24_TIER_DEPRECATED, fields ? B24_CH_FIELD_DEPRECATED : B24_CH_PARAM_DEPRECATED, path,
             NULL, &op->loc, dep->loc.file ? &dep->loc : &np->loc, NULL, dep->replacement,
             "%s '%s' deprecated%s%s", what, path, dep->replacement ? "; use " : "",
             dep->replacement ? dep->replacement : "");
  if (!fields && op->required != np->required) {
    /* A param the docs already had, marked required now: a call that worked
     * sent it already (the portal does not start refusing calls it took; it
     * deprecates). Bindings change, working calls do not. A *new* required
     * param is another matter (pairing.c). */
    if (np->required)
      b24d_add(c, B24_TIER_DOC_FIX, B24_CH_PARAM_REQUIRED, path, NULL, &op->loc, &np->loc, NULL,
               NULL, "param '%s' is now required%s", path,
               c->old_marks_required ? "" : " (OLD marked no parameter required)");
    else
      b24d_add(c, B24_TIER_COMPATIBLE, B24_CH_PARAM_OPTIONAL, path, NULL, &op->loc, &np->loc, NULL,
               NULL, "param '%s' is no longer required", path);
  }
  int tier = b24d_type_tier(&op->type, &np->type, np->name, fields);
  if (tier >= 0)
    b24d_add(c, (b24_tier)tier, fields ? B24_CH_FIELD_TYPE : B24_CH_PARAM_TYPE, path, NULL,
             &op->loc, &np->loc, b24d_type_text(&op->type), b24d_type_text(&np->type),
             "%s '%s' type changed from %s to %s", what, path, b24d_type_text(&op->type),
             b24d_type_text(&np->type));
  if (!fields) {
    compare_enums(c, op, np, path);
    char *od = b24d_norm_value(op->default_value), *nd = b24d_norm_value(np->default_value);
    if ((od || nd) && !(od && nd && !strcmp(od, nd)))
      b24d_add(c, B24_TIER_NOTE, B24_CH_DEFAULT_CHANGED, path, NULL, &op->loc, &np->loc, od, nd,
               "param '%s' default changed from %s to %s", path, od ? od : "(none)",
               nd ? nd : "(none)");
    free(od);
    free(nd);
  }
  b24d_compare_params(c, &op->children, &np->children, path, fields);
  compare_variants(c, op, np, path, fields);
}
