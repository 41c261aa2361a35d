/* Comparing two models. Methods are matched by (name, REST version); parameters and
 * result fields by name (then by name ignoring case, reported as a note); variants
 * by tab name. Classification takes the client's side: what it sends must still be
 * accepted (params), what it reads must still be there and of a type it knows
 * (result fields). */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diff/diff.h"
#include "util/fsutil.h"
#include "util/sort.h"

static const char *const kind_ids[B24_CH_KIND_COUNT] = {
    "method-removed", "method-added", "scope-added", "scope-removed", "param-removed",
    "param-added", "param-required", "param-optional", "param-type", "param-renamed-case",
    "enum-removed", "enum-added", "default-changed", "variant-removed", "variant-added",
    "field-removed", "field-added", "field-type", "error-removed", "error-added",
};

const char *b24_change_kind_id(b24_change_kind k) { return kind_ids[k]; }

const char *b24_change_class_name(b24_change_class c) {
  return c == B24_CHANGE_BREAKING ? "breaking" : c == B24_CHANGE_COMPATIBLE ? "compatible" : "note";
}

typedef struct dctx {
  const b24_model *om, *nm;
  const b24_method *mo, *mn; /* the pair being compared */
  b24_changes *out;
} dctx;

static char *side_file(const b24_model *m, const char *file) {
  if (!file) return NULL;
  return m->root ? b24_path_under(m->root, file) : strdup(file);
}

static void add(dctx *c, b24_change_class cls, b24_change_kind kind, const char *path,
                const b24_loc *ol, const b24_loc *nl, const char *ov, const char *nv,
                const char *fmt, ...) __attribute__((format(printf, 9, 10)));

static void add(dctx *c, b24_change_class cls, b24_change_kind kind, const char *path,
                const b24_loc *ol, const b24_loc *nl, const char *ov, const char *nv,
                const char *fmt, ...) {
  b24_changes *o = c->out;
  if (o->n == o->cap) {
    o->cap = o->cap ? o->cap * 2 : 64;
    o->v = realloc(o->v, o->cap * sizeof *o->v);
    if (!o->v) abort();
  }
  b24_change *ch = &o->v[o->n++];
  memset(ch, 0, sizeof *ch);
  ch->cls = cls;
  ch->kind = kind;
  const b24_method *m = c->mn ? c->mn : c->mo;
  ch->method = strdup(m->name);
  ch->rest_version = m->rest_version;
  ch->path = strdup(path ? path : "");
  b24_buf msg = B24_BUF_INIT;
  va_list ap;
  va_start(ap, fmt);
  b24_buf_vprintf(&msg, fmt, ap);
  va_end(ap);
  ch->message = b24_buf_take(&msg);
  if (ol && ol->file) ch->old_side = (b24_side){side_file(c->om, ol->file), ol->line, ov ? strdup(ov) : NULL};
  if (nl && nl->file) ch->new_side = (b24_side){side_file(c->nm, nl->file), nl->line, nv ? strdup(nv) : NULL};
}

/* ---- types ---- */

static int has_alt(const b24_type *t, const b24_type_alt *a) {
  for (size_t i = 0; i < t->n_alts; i++)
    if (!strcmp(t->alts[i].base, a->base) && t->alts[i].array == a->array) return 1;
  return 0;
}

/* Every value of b is a value of a. An undocumented type (no alts) admits anything. */
static int type_covers(const b24_type *a, const b24_type *b) {
  if (!a->n_alts) return 1;
  if (!b->n_alts) return 0;
  if (b->nullable && !a->nullable) return 0;
  for (size_t i = 0; i < b->n_alts; i++)
    if (!has_alt(a, &b->alts[i])) return 0;
  return 1;
}

/* The dictionary's basic words; anything else names an object or a directory. */
static int all_basic(const b24_type *t) {
  static const char *const basic[] = {"integer", "double", "string", "text", "char", "boolean",
                                      "date", "datetime", "timestamp", "time", "file", "enum",
                                      "object", "array", "any", "function", "callable"};
  for (size_t i = 0; i < t->n_alts; i++) {
    int ok = 0;
    for (size_t k = 0; k < sizeof basic / sizeof basic[0] && !ok; k++) ok = !strcmp(t->alts[i].base, basic[k]);
    if (!ok) return 0;
  }
  return 1;
}

static const char *type_text(const b24_type *t) {
  return t->written && *t->written ? t->written : "(none)";
}

/* ---- parameters and fields ---- */

static void compare_list(dctx *c, const b24_params *o, const b24_params *n, const char *prefix,
                         int fields);

static char *join_path(const char *prefix, const char *name) {
  b24_buf b = B24_BUF_INIT;
  if (prefix && *prefix) b24_buf_printf(&b, "%s.", prefix);
  b24_buf_puts(&b, name);
  return b24_buf_take(&b);
}

static void compare_one(dctx *c, const b24_param *op, const b24_param *np, const char *path,
                        int fields) {
  const char *what = fields ? "result field" : "param";
  if (!fields && op->required != np->required) {
    if (np->required)
      add(c, B24_CHANGE_BREAKING, B24_CH_PARAM_REQUIRED, path, &op->loc, &np->loc, NULL, NULL,
          "param '%s' is now required", path);
    else
      add(c, B24_CHANGE_COMPATIBLE, B24_CH_PARAM_OPTIONAL, path, &op->loc, &np->loc, NULL, NULL,
          "param '%s' is no longer required", path);
  }
  int old_in_new = type_covers(&np->type, &op->type), new_in_old = type_covers(&op->type, &np->type);
  if (!(old_in_new && new_in_old)) {
    /* A param may widen (the server accepts more); a field may narrow (the client
     * reads less variety). The other way, or both, breaks. A type stated for the
     * first time, or a reference type written for a plain one (catalog_document.id
     * for integer), says more about the same value: a note. */
    int ok = fields ? new_in_old : old_in_new;
    b24_change_class cls = ok ? B24_CHANGE_COMPATIBLE : B24_CHANGE_BREAKING;
    if (!op->type.n_alts || !np->type.n_alts || !all_basic(&op->type) || !all_basic(&np->type))
      cls = B24_CHANGE_NOTE;
    add(c, cls,
        fields ? B24_CH_FIELD_TYPE : B24_CH_PARAM_TYPE, path, &op->loc, &np->loc,
        type_text(&op->type), type_text(&np->type), "%s '%s' type changed from %s to %s", what,
        path, type_text(&op->type), type_text(&np->type));
  }
  if (!fields) {
    for (size_t i = 0; i < op->n_enum; i++) {
      int kept = 0;
      for (size_t k = 0; k < np->n_enum && !kept; k++) kept = !strcmp(op->enum_values[i], np->enum_values[k]);
      /* A list that disappears entirely is a description change, not a narrowing. */
      if (!kept && np->n_enum)
        add(c, B24_CHANGE_BREAKING, B24_CH_ENUM_REMOVED, path, &op->loc, &np->loc,
            op->enum_values[i], NULL, "param '%s' no longer accepts '%s'", path, op->enum_values[i]);
    }
    for (size_t k = 0; k < np->n_enum; k++) {
      int had = 0;
      for (size_t i = 0; i < op->n_enum && !had; i++) had = !strcmp(op->enum_values[i], np->enum_values[k]);
      if (!had && op->n_enum)
        add(c, B24_CHANGE_COMPATIBLE, B24_CH_ENUM_ADDED, path, &op->loc, &np->loc, NULL,
            np->enum_values[k], "param '%s' accepts '%s'", path, np->enum_values[k]);
    }
    const char *od = op->default_value, *nd = np->default_value;
    if ((od || nd) && !(od && nd && !strcmp(od, nd)))
      add(c, B24_CHANGE_NOTE, B24_CH_DEFAULT_CHANGED, path, &op->loc, &np->loc, od, nd,
          "param '%s' default changed from %s to %s", path, od ? od : "(none)", nd ? nd : "(none)");
  }
  compare_list(c, &op->children, &np->children, path, fields);
  /* Variants by tab name. */
  for (size_t i = 0; i < op->n_variants; i++) {
    const b24_variant *ov = &op->variants[i], *nv = NULL;
    for (size_t k = 0; k < np->n_variants && !nv; k++)
      if (!strcmp(np->variants[k].name, ov->name)) nv = &np->variants[k];
    b24_buf vp = B24_BUF_INIT;
    b24_buf_printf(&vp, "%s[%s]", path, ov->name);
    if (!nv)
      add(c, fields ? B24_CHANGE_COMPATIBLE : B24_CHANGE_BREAKING, B24_CH_VARIANT_REMOVED, vp.data,
          &ov->loc, &np->loc, NULL, NULL, "%s '%s' no longer has the variant '%s'", what, path, ov->name);
    else
      compare_list(c, &ov->children, &nv->children, vp.data, fields);
    b24_buf_free(&vp);
  }
  for (size_t k = 0; k < np->n_variants; k++) {
    int had = 0;
    for (size_t i = 0; i < op->n_variants && !had; i++) had = !strcmp(op->variants[i].name, np->variants[k].name);
    if (had) continue;
    b24_buf vp = B24_BUF_INIT;
    b24_buf_printf(&vp, "%s[%s]", path, np->variants[k].name);
    add(c, fields ? B24_CHANGE_BREAKING : B24_CHANGE_COMPATIBLE, B24_CH_VARIANT_ADDED, vp.data,
        &op->loc, &np->variants[k].loc, NULL, NULL, "%s '%s' has a new variant '%s'", what, path,
        np->variants[k].name);
    b24_buf_free(&vp);
  }
}

static void compare_list(dctx *c, const b24_params *o, const b24_params *n, const char *prefix,
                         int fields) {
  char *matched = calloc(n->n ? n->n : 1, 1);
  /* exact names first, so that a case-only match never steals an exact one */
  long *pair = malloc((o->n ? o->n : 1) * sizeof *pair);
  for (size_t i = 0; i < o->n; i++) {
    pair[i] = -1;
    for (size_t k = 0; k < n->n; k++)
      if (!matched[k] && !strcmp(o->items[i].name, n->items[k].name)) {
        pair[i] = (long)k;
        matched[k] = 1;
        break;
      }
  }
  for (size_t i = 0; i < o->n; i++) {
    if (pair[i] >= 0) continue;
    for (size_t k = 0; k < n->n; k++)
      if (!matched[k] && !strcasecmp(o->items[i].name, n->items[k].name)) {
        pair[i] = (long)k;
        matched[k] = 2;
        break;
      }
  }
  for (size_t i = 0; i < o->n; i++) {
    const b24_param *op = &o->items[i];
    char *path = join_path(prefix, op->name);
    if (pair[i] < 0) {
      if (fields)
        add(c, B24_CHANGE_BREAKING, B24_CH_FIELD_REMOVED, path, &op->loc, NULL, NULL, NULL,
            "result field '%s' removed", path);
      else
        add(c, B24_CHANGE_BREAKING, B24_CH_PARAM_REMOVED, path, &op->loc, NULL, NULL, NULL,
            "param '%s' removed", path);
    } else {
      const b24_param *np = &n->items[pair[i]];
      if (matched[pair[i]] == 2)
        add(c, B24_CHANGE_NOTE, B24_CH_PARAM_RENAMED_CASE, path, &op->loc, &np->loc, op->name,
            np->name, "%s '%s' is now written '%s'", fields ? "result field" : "param", op->name,
            np->name);
      compare_one(c, op, np, path, fields);
    }
    free(path);
  }
  for (size_t k = 0; k < n->n; k++) {
    if (matched[k]) continue;
    const b24_param *np = &n->items[k];
    char *path = join_path(prefix, np->name);
    if (fields)
      add(c, B24_CHANGE_COMPATIBLE, B24_CH_FIELD_ADDED, path, NULL, &np->loc, NULL, NULL,
          "result field '%s' added", path);
    else if (np->required)
      add(c, B24_CHANGE_BREAKING, B24_CH_PARAM_ADDED, path, NULL, &np->loc, NULL, NULL,
          "required param '%s' added", path);
    else
      add(c, B24_CHANGE_COMPATIBLE, B24_CH_PARAM_ADDED, path, NULL, &np->loc, NULL, NULL,
          "optional param '%s' added", path);
    free(path);
  }
  free(pair);
  free(matched);
}

/* ---- methods ---- */

static int has_str(char *const *v, size_t n, const char *s) {
  for (size_t i = 0; i < n; i++)
    if (!strcmp(v[i], s)) return 1;
  return 0;
}

static int has_code(const b24_method *m, const char *code, size_t before) {
  for (size_t i = 0; i < before && i < m->n_errors; i++)
    if (!strcmp(m->errors[i].code, code)) return 1;
  return 0;
}

static void compare_method(dctx *c, const b24_method *o, const b24_method *n) {
  b24_loc ol = {o->source, o->line}, nl = {n->source, n->line}; /* the titles */
  for (size_t i = 0; i < n->n_scope; i++)
    if (!has_str(o->scope, o->n_scope, n->scope[i]))
      add(c, B24_CHANGE_BREAKING, B24_CH_SCOPE_ADDED, "", &ol, &nl, NULL, n->scope[i],
          "scope '%s' is now needed", n->scope[i]);
  for (size_t i = 0; i < o->n_scope; i++)
    if (!has_str(n->scope, n->n_scope, o->scope[i]))
      add(c, B24_CHANGE_COMPATIBLE, B24_CH_SCOPE_REMOVED, "", &ol, &nl, o->scope[i], NULL,
          "scope '%s' is no longer needed", o->scope[i]);
  compare_list(c, &o->params, &n->params, "", 0);
  compare_list(c, &o->response.fields, &n->response.fields, "", 1);
  for (size_t i = 0; i < o->n_errors; i++) {
    const b24_error *e = &o->errors[i];
    if (has_code(o, e->code, i) || has_code(n, e->code, n->n_errors)) continue;
    add(c, B24_CHANGE_NOTE, B24_CH_ERROR_REMOVED, e->code, &e->loc, NULL, e->code, NULL,
        "error code '%s' no longer documented", e->code);
  }
  for (size_t i = 0; i < n->n_errors; i++) {
    const b24_error *e = &n->errors[i];
    if (has_code(n, e->code, i) || has_code(o, e->code, o->n_errors)) continue;
    add(c, B24_CHANGE_NOTE, B24_CH_ERROR_ADDED, e->code, NULL, &e->loc, NULL, e->code,
        "error code '%s' documented", e->code);
  }
}

static int cmp_key(const b24_method *a, const b24_method *b) {
  int r = strcmp(a->name, b->name);
  return r ? r : a->rest_version - b->rest_version;
}

static int cmp_change(const void *x, const void *y) {
  const b24_change *a = x, *b = y;
  int r = strcmp(a->method, b->method);
  if (!r) r = a->rest_version - b->rest_version;
  if (!r) r = (int)a->kind - (int)b->kind;
  if (!r) r = strcmp(a->path, b->path);
  if (!r) r = strcmp(a->message, b->message);
  return r;
}

/* Methods in (name, rest_version) order, each key once (the first page wins). */
static const b24_method **keyed(const b24_model *m, size_t *n) {
  const b24_method **v = malloc((m->n_methods ? m->n_methods : 1) * sizeof *v);
  *n = 0;
  for (size_t i = 0; i < m->n_methods; i++) {
    const b24_method *x = &m->methods[i];
    size_t j = *n;
    while (j > 0 && cmp_key(v[j - 1], x) > 0) j--;
    if (j > 0 && cmp_key(v[j - 1], x) == 0) continue;
    memmove(v + j + 1, v + j, (*n - j) * sizeof *v);
    v[j] = x;
    (*n)++;
  }
  return v;
}

void b24_diff_models(const b24_model *om, const b24_model *nm, b24_changes *out) {
  memset(out, 0, sizeof *out);
  dctx c = {om, nm, NULL, NULL, out};
  size_t no, nn;
  const b24_method **vo = keyed(om, &no), **vn = keyed(nm, &nn);
  size_t i = 0, k = 0;
  while (i < no || k < nn) {
    int r = i >= no ? 1 : k >= nn ? -1 : cmp_key(vo[i], vn[k]);
    if (r < 0) {
      c.mo = vo[i++];
      c.mn = NULL;
      b24_loc l = {c.mo->source, c.mo->line};
      add(&c, B24_CHANGE_BREAKING, B24_CH_METHOD_REMOVED, "", &l, NULL, NULL, NULL, "method removed");
    } else if (r > 0) {
      c.mo = NULL;
      c.mn = vn[k++];
      b24_loc l = {c.mn->source, c.mn->line};
      add(&c, B24_CHANGE_COMPATIBLE, B24_CH_METHOD_ADDED, "", NULL, &l, NULL, NULL, "method added");
    } else {
      c.mo = vo[i++];
      c.mn = vn[k++];
      compare_method(&c, c.mo, c.mn);
    }
  }
  free(vo);
  free(vn);
  if (out->n) b24_qsort(out->v, out->n, sizeof *out->v, cmp_change);
}

void b24_changes_count(const b24_changes *c, size_t counts[3]) {
  counts[0] = counts[1] = counts[2] = 0;
  for (size_t i = 0; i < c->n; i++) counts[c->v[i].cls]++;
}

void b24_changes_free(b24_changes *c) {
  for (size_t i = 0; i < c->n; i++) {
    b24_change *x = &c->v[i];
    free(x->method);
    free(x->path);
    free(x->message);
    free(x->old_side.file);
    free(x->old_side.value);
    free(x->new_side.file);
    free(x->new_side.value);
  }
  free(c->v);
  memset(c, 0, sizeof *c);
}
