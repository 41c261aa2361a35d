/* Comparing two models method by method. Methods are matched by name without
 * case (the portal ignores it: disk.folder.getchildren is disk.folder.getChildren)
 * and REST version, wherever their pages are: a page that moved or was renamed
 * holds the same method. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diff/diff_internal.h"
#include "util/sort.h"

static bool marks_required(const b24_params *ps) {
  for (size_t i = 0; i < ps->n; i++) {
    const b24_param *p = &ps->items[i];
    if (p->required || marks_required(&p->children)) return true;
    for (size_t k = 0; k < p->n_variants; k++)
      if (marks_required(&p->variants[k].children)) return true;
  }
  return false;
}

static bool has_str(char **v, size_t n, const char *s) {
  for (size_t i = 0; i < n; i++)
    if (!strcmp(v[i], s)) return true;
  return false;
}

/* OLD's scope `crm.documentgenerator` for NEW's `crm` (or the other way): the
 * same permission, its name corrected. */
static bool refines(char **v, size_t n, const char *s) {
  size_t sl = strlen(s);
  for (size_t i = 0; i < n; i++) {
    size_t l = strlen(v[i]);
    if ((l > sl && !strncmp(v[i], s, sl) && v[i][sl] == '.') ||
        (sl > l && !strncmp(s, v[i], l) && s[l] == '.'))
      return true;
  }
  return false;
}

/* A scope of OLD's is gone and one of NEW's is new: the page names its scope
 * anew (imconnector -> imopenlines) rather than asking for one more. */
static bool swapped(char **os, size_t no, char **ns, size_t nn) {
  bool gone = false, come = false;
  for (size_t i = 0; i < no; i++) gone |= !has_str(ns, nn, os[i]);
  for (size_t i = 0; i < nn; i++) come |= !has_str(os, no, ns[i]);
  return gone && come && no == nn;
}

static void compare_scopes(b24d_ctx *c, const b24_loc *ol, const b24_loc *nl) {
  char **os, **ns;
  bool oprose, nprose;
  size_t no = b24d_norm_scopes(c->mo, &os, &oprose), nn = b24d_norm_scopes(c->mn, &ns, &nprose);
  bool swap = swapped(os, no, ns, nn);
  for (size_t i = 0; i < nn; i++)
    if (!has_str(os, no, ns[i])) {
      /* A page that named no scope (or described it in words) did not need none:
       * the docs now say which. */
      if (refines(os, no, ns[i]))
        b24d_add(c, B24_TIER_DOC_FIX, B24_CH_SCOPE_ADDED, "", ns[i], ol, nl, NULL, ns[i],
                 "scope '%s' documented for the scope OLD named otherwise", ns[i]);
      else if (oprose || swap)
        b24d_add(c, B24_TIER_DOC_FIX, B24_CH_SCOPE_ADDED, "", ns[i], ol, nl, NULL, ns[i],
                 oprose ? "scope '%s' documented (OLD described the scope in words)"
                        : "scope '%s' documented in place of the one OLD named", ns[i]);
      else if (no)
        b24d_add(c, B24_TIER_BREAKING, B24_CH_SCOPE_ADDED, "", ns[i], ol, nl, NULL, ns[i],
                 "scope '%s' is now needed", ns[i]);
      else
        b24d_add(c, B24_TIER_DOC_FIX, B24_CH_SCOPE_ADDED, "", ns[i], ol, nl, NULL, ns[i],
                 "scope '%s' documented (OLD named no scope)", ns[i]);
    }
  for (size_t i = 0; i < no; i++)
    if (!has_str(ns, nn, os[i]) && !(oprose && !nprose) && !swap && !refines(ns, nn, os[i]))
      b24d_add(c, B24_TIER_COMPATIBLE, B24_CH_SCOPE_REMOVED, "", os[i], ol, nl, os[i], NULL,
               "scope '%s' is no longer needed", os[i]);
  b24d_free_strv(os, no);
  b24d_free_strv(ns, nn);
}

static void compare_access(b24d_ctx *c, const b24_loc *ol, const b24_loc *nl) {
  char *oa = b24d_norm_text(c->mo->access), *na = b24d_norm_text(c->mn->access);
  if (strcmp(oa, na))
    b24d_add(c, B24_TIER_NOTE, B24_CH_ACCESS_CHANGED, "", NULL, ol, nl, c->mo->access,
             c->mn->access, "who can execute the method: %s (was: %s)",
             *na ? c->mn->access : "(not stated)", *oa ? c->mo->access : "(not stated)");
  free(oa);
  free(na);
}


static char **norm_codes(const b24_method *m) {
  char **v = calloc(m->n_errors + 1, sizeof *v);
  for (size_t i = 0; i < m->n_errors; i++) v[i] = b24d_norm_error_code(m->errors[i].code);
  return v;
}

static void compare_errors(b24d_ctx *c) {
  const b24_method *o = c->mo, *n = c->mn;
  char **oc = norm_codes(o), **nc = norm_codes(n);
  for (size_t i = 0; i < o->n_errors; i++)
    if (!has_str(oc, i, oc[i]) && !has_str(nc, n->n_errors, oc[i]))
      b24d_add(c, B24_TIER_NOTE, B24_CH_ERROR_REMOVED, "", oc[i], &o->errors[i].loc, NULL, oc[i],
               NULL, "error code '%s' no longer documented", oc[i]);
  for (size_t i = 0; i < n->n_errors; i++)
    if (!has_str(nc, i, nc[i]) && !has_str(oc, o->n_errors, nc[i]))
      b24d_add(c, B24_TIER_NOTE, B24_CH_ERROR_ADDED, "", nc[i], NULL, &n->errors[i].loc, NULL,
               nc[i], "error code '%s' documented", nc[i]);
  b24d_free_strv(oc, o->n_errors);
  b24d_free_strv(nc, n->n_errors);
}

static void compare_method(b24d_ctx *c) {
  const b24_method *o = c->mo, *n = c->mn;
  b24_loc ol = {o->source, o->line}, nl = {n->source, n->line}; /* the titles */
  if (strcmp(o->name, n->name) && !strcasecmp(o->name, n->name))
    b24d_add(c, B24_TIER_NOTE, B24_CH_METHOD_RENAMED_CASE, "", NULL, &ol, &nl, o->name, n->name,
             "method '%s' is now written '%s'", o->name, n->name);
  if (strcmp(o->source, n->source))
    b24d_add(c, B24_TIER_NOTE, B24_CH_METHOD_MOVED, "", NULL, &ol, &nl, o->source, n->source,
             "page moved from %s to %s", o->source, n->source);
  const b24_deprecation *dep = b24d_method_deprecation(n);
  if (dep && !b24d_method_deprecation(o)) {
    const char *repl = dep->replacement;
    b24_loc at = dep->loc.file ? dep->loc : nl;
    b24d_add(c, B24_TIER_DEPRECATED, B24_CH_METHOD_DEPRECATED, "", NULL, &ol, &at, NULL, repl,
             "method deprecated%s%s", repl ? "; use " : "", repl ? repl : "");
  }
  compare_scopes(c, &ol, &nl);
  compare_access(c, &ol, &nl);
  c->old_marks_required = marks_required(&o->params);
  b24d_compare_params(c, &o->params, &n->params, "", false);
  b24d_compare_params(c, &o->response.fields, &n->response.fields, "", true);
  b24d_resolve_orphans(c);
  compare_errors(c);
}

static int cmp_key(const b24_method *a, const b24_method *b) {
  int r = strcasecmp(a->name, b->name);
  return r ? r : a->rest_version - b->rest_version;
}

static int cmp_ptr(const void *x, const void *y) {
  const b24_method *a = *(const b24_method *const *)x, *b = *(const b24_method *const *)y;
  int r = cmp_key(a, b);
  if (!r) r = strcmp(a->source, b->source);
  return r;
}

/* Methods in key order, each key once (the first page in path order wins). */
static const b24_method **keyed(const b24_model *m, size_t *n) {
  const b24_method **v = malloc((m->n_methods ? m->n_methods : 1) * sizeof *v);
  for (size_t i = 0; i < m->n_methods; i++) v[i] = &m->methods[i];
  b24_qsort(v, m->n_methods, sizeof *v, cmp_ptr);
  *n = 0;
  for (size_t i = 0; i < m->n_methods; i++)
    if (!*n || cmp_key(v[*n - 1], v[i])) v[(*n)++] = v[i];
  return v;
}

static void report_removed(b24d_ctx *c) {
  b24_loc l = {c->mo->source, c->mo->line};
  const b24_page *still = b24_model_find_page(c->nm, c->mo->source);
  bool was_deprecated = b24d_method_deprecation(c->mo) != NULL;
  if (still && !was_deprecated) {
    /* The page is there and names no method NEW could read: not known removed. */
    b24_loc nl = {still->path, 1};
    b24d_add(c, B24_TIER_DOC_FIX, B24_CH_METHOD_REMOVED, "", NULL, &l, &nl, NULL, NULL,
             "method no longer named on its page, which is still there");
  } else if (was_deprecated)
    b24d_add(c, B24_TIER_REMOVED_DEPRECATED, B24_CH_METHOD_REMOVED, "", NULL, &l, NULL, NULL, NULL,
             "method removed (it was deprecated)");
  else
    b24d_add(c, B24_TIER_BREAKING, B24_CH_METHOD_REMOVED, "", NULL, &l, NULL, NULL, NULL,
             "method removed");
}

static void report_added(b24d_ctx *c) {
  b24_loc l = {c->mn->source, c->mn->line};
  b24d_add(c, B24_TIER_COMPATIBLE, B24_CH_METHOD_ADDED, "", NULL, NULL, &l, NULL, NULL,
           "method added");
}

static int cmp_source(const void *x, const void *y) {
  const b24_method *a = *(const b24_method *const *)x, *b = *(const b24_method *const *)y;
  return strcmp(a->source, b->source);
}

/* The one method OLD had on a page and the one NEW has there under another name:
 * the docs name the page's method anew (ctrigger.delete for
 * crm.automation.trigger.delete). Compared as one; the rest removed or added. */
static void pair_by_page(b24d_ctx *c, const b24_method **gone, size_t ng, const b24_method **come,
                         size_t nc) {
  b24_qsort(gone, ng, sizeof *gone, cmp_source);
  b24_qsort(come, nc, sizeof *come, cmp_source);
  size_t i = 0, k = 0;
  while (i < ng || k < nc) {
    int r = i >= ng ? 1 : k >= nc ? -1 : strcmp(gone[i]->source, come[k]->source);
    size_t i2 = i, k2 = k;
    if (r <= 0) while (i2 < ng && !strcmp(gone[i2]->source, gone[i]->source)) i2++;
    if (r >= 0) while (k2 < nc && !strcmp(come[k2]->source, come[k]->source)) k2++;
    if (i2 - i == 1 && k2 - k == 1) {
      c->mo = gone[i];
      c->mn = come[k];
      b24_loc ol = {c->mo->source, c->mo->line}, nl = {c->mn->source, c->mn->line};
      b24d_add(c, B24_TIER_DOC_FIX, B24_CH_METHOD_RENAMED, "", NULL, &ol, &nl, c->mo->name,
               c->mn->name, "the page's method '%s' is now called '%s'", c->mo->name, c->mn->name);
      compare_method(c);
    } else {
      for (c->mn = NULL; i < i2; i++) c->mo = gone[i], report_removed(c);
      for (c->mo = NULL; k < k2; k++) c->mn = come[k], report_added(c);
    }
    i = i2;
    k = k2;
  }
}

void b24_diff_models(const b24_model *om, const b24_model *nm, b24_changes *out) {
  memset(out, 0, sizeof *out);
  b24d_ctx c = {.om = om, .nm = nm, .out = out};
  size_t no, nn, ng = 0, nc = 0;
  const b24_method **vo = keyed(om, &no), **vn = keyed(nm, &nn);
  const b24_method **gone = malloc((no + 1) * sizeof *gone), **come = malloc((nn + 1) * sizeof *come);
  size_t i = 0, k = 0;
  while (i < no || k < nn) {
    int r = i >= no ? 1 : k >= nn ? -1 : cmp_key(vo[i], vn[k]);
    c.mo = r <= 0 ? vo[i++] : NULL;
    c.mn = r >= 0 ? vn[k++] : NULL;
    if (c.mo && c.mn) compare_method(&c);
    else if (c.mo) gone[ng++] = c.mo;
    else come[nc++] = c.mn;
  }
  pair_by_page(&c, gone, ng, come, nc);
  free(gone);
  free(come);
  free(vo);
  free(vn);
  b24d_finish(out);
}
