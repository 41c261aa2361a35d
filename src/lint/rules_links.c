/* Links: relative links to pages that do not exist, anchors a page does not
 * have, and "Continue Learning" links to missing pages. The model keeps every
 * page's links (resolved to a page path) and anchors, so no Markdown is read.
 * Links to other files (images, archives) are not checked: the model does not
 * know which files exist, and neither do includes (_includes/ holds fragments,
 * not pages). The links of type cells (`[`deal`](#deal)`) are left to the type
 * rules, which report them as type-ref-missing. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "lint/lint_internal.h"
#include "util/buf.h"
#include "util/sort.h"

/* ---- links that are parameter types ---- */

typedef struct strset {
  char **v;
  size_t n, cap;
} strset;

static char *type_key(const char *file, const char *target, const char *word) {
  b24_buf b = B24_BUF_INIT;
  b24_buf_printf(&b, "%s\n%s\n", file, target);
  size_t n = strlen(word);
  if (n > 2 && !strcmp(word + n - 2, "[]")) n -= 2;
  for (size_t i = 0; i < n; i++) b24_buf_putc(&b, (char)tolower((unsigned char)word[i]));
  return b24_buf_take(&b);
}

static void add_type_links(b24_lint_ctx *c, const b24_method *m, const b24_param *p, void *arg) {
  (void)c;
  (void)m;
  strset *s = arg;
  for (size_t i = 0; i < p->type.n_alts; i++) {
    const b24_type_alt *a = &p->type.alts[i];
    const char *target = a->ref ? a->ref : a->page ? a->page : a->reference_target;
    if (!target || !p->loc.file) continue;
    if (s->n == s->cap) {
      s->cap = s->cap ? s->cap * 2 : 256;
      s->v = realloc(s->v, s->cap * sizeof *s->v);
    }
    s->v[s->n++] = type_key(p->loc.file, target, a->reference ? a->reference : a->base);
  }
}

static int cmp_cstr(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static void type_links(b24_lint_ctx *c, strset *s) {
  memset(s, 0, sizeof *s);
  for (size_t i = 0; i < c->m->n_methods; i++) {
    const b24_method *m = &c->m->methods[i];
    b24_lint_walk_params(c, m, &m->params, add_type_links, s);
    b24_lint_walk_params(c, m, &m->response.fields, add_type_links, s);
  }
  for (size_t i = 0; i < c->m->n_objects; i++)
    b24_lint_walk_params(c, NULL, &c->m->objects[i].fields, add_type_links, s);
  if (s->n) b24_qsort(s->v, s->n, sizeof *s->v, cmp_cstr);
}

static int is_type_link(const strset *s, const b24_page *from, const b24_link *l) {
  if (!s->n || !l->text) return 0;
  b24_buf t = B24_BUF_INIT;
  b24_buf_puts(&t, l->target);
  if (l->anchor) b24_buf_printf(&t, "#%s", l->anchor);
  char *k = type_key(from->path, b24_buf_cstr(&t), l->text);
  b24_buf_free(&t);
  int yes = b24_bsearch(&k, s->v, s->n, sizeof *s->v, cmp_cstr) != NULL;
  free(k);
  return yes;
}

/* ---- the rules ---- */

typedef struct see_key {
  const char *file, *href;
  int line;
} see_key;

static int cmp_key(const void *a, const void *b) {
  const see_key *x = a, *y = b;
  int c = strcmp(x->file, y->file);
  if (c) return c;
  if (x->line != y->line) return x->line < y->line ? -1 : 1;
  return strcmp(x->href, y->href);
}

static int ends_with(const char *s, const char *suf) {
  size_t a = strlen(s), b = strlen(suf);
  return a >= b && !strcmp(s + a - b, suf);
}

/* An anchor's consonants: "parametr-fields" (a transliterated heading) and
 * "parameter-fields" (the English one) are the same, "checklistitem" and
 * "checklist-item" too; into out. */
static void skeleton(const char *a, char *out, size_t cap) {
  size_t k = 0;
  for (; *a && k + 1 < cap; a++) {
    char ch = (char)tolower((unsigned char)*a);
    if (isalnum((unsigned char)ch) && !strchr("aeiouy", ch)) out[k++] = ch;
  }
  out[k] = 0;
}

/* A dead anchor whose consonants are those of exactly one anchor of the
 * target page meant that one: the link is corrected to it. */
static void fix_anchor(b24_lint_ctx *c, const b24_page *to, const b24_link *l) {
  char want[256], have[256];
  skeleton(l->anchor, want, sizeof want);
  const char *only = NULL;
  for (size_t i = 0; i < to->n_anchors; i++) {
    skeleton(to->anchors[i], have, sizeof have);
    if (!*want || strcmp(want, have)) continue;
    if (only) return; /* two candidates: no safe choice */
    only = to->anchors[i];
  }
  const char *hash = only ? strchr(l->href, '#') : NULL;
  if (!hash) return;
  b24_buf old = B24_BUF_INIT, fixed = B24_BUF_INIT;
  b24_buf_printf(&old, "](%s)", l->href);
  b24_buf_printf(&fixed, "](%.*s#%s)", (int)(hash - l->href), l->href, only);
  b24_lint_fix_last(c, l->loc.line, b24_buf_cstr(&old), b24_buf_cstr(&fixed));
  b24_buf_free(&old);
  b24_buf_free(&fixed);
}

static void check_link(b24_lint_ctx *c, const b24_page *from, const b24_link *l, int see_also) {
  if (!l->target) return; /* external */
  if (!strcmp(l->target, "..")) {
    b24_lint_emit(c, see_also ? "see-also-missing" : "link-target-missing", from->path, l->loc.line,
                  "link '%s' points outside the docs root", l->href);
    b24_lint_at_link(c, l->href);
    return;
  }
  if (!ends_with(l->target, ".md") || b24_lint_private_path(l->target)) return;
  const b24_page *to;
  if (!b24_lint_page_exists(c, l->target, &to)) {
    b24_lint_emit(c, see_also ? "see-also-missing" : "link-target-missing", from->path, l->loc.line,
                  "link '%s' points to %s, which does not exist", l->href, l->target);
    b24_lint_at_link(c, l->href);
    return;
  }
  if (to && l->anchor && *l->anchor && !b24_lint_page_has_anchor(to, l->anchor)) {
    b24_lint_emit(c, "link-anchor-missing", from->path, l->loc.line,
                  "link '%s': %s has no anchor #%s", l->href, to == from ? "this page" : to->path,
                  l->anchor);
    b24_lint_at_link(c, l->href);
    fix_anchor(c, to, l);
  }
}

void b24_rules_links(b24_lint_ctx *c) {
  const b24_model *m = c->m;
  size_t n = 0, cap = 0;
  see_key *keys = NULL;
  for (size_t i = 0; i < m->n_methods; i++)
    for (size_t k = 0; k < m->methods[i].n_see_also; k++) {
      const b24_link *l = &m->methods[i].see_also[k];
      if (!l->href) continue;
      if (n == cap) {
        cap = cap ? cap * 2 : 256;
        keys = realloc(keys, cap * sizeof *keys);
      }
      keys[n++] = (see_key){m->methods[i].source, l->href, l->loc.line};
    }
  if (n) b24_qsort(keys, n, sizeof *keys, cmp_key);
  strset types;
  type_links(c, &types);
  for (size_t i = 0; i < m->n_pages; i++) {
    const b24_page *p = &m->pages[i];
    if (!b24_lint_in_focus(c, p->path)) continue;
    for (size_t k = 0; k < p->n_links; k++) {
      const b24_link *l = &p->links[k];
      see_key key = {p->path, l->href ? l->href : "", l->loc.line};
      int see = n && b24_bsearch(&key, keys, n, sizeof *keys, cmp_key) != NULL;
      if (l->target && is_type_link(&types, p, l)) continue;
      check_link(c, p, l, see);
    }
  }
  free(keys);
  for (size_t i = 0; i < types.n; i++) free(types.v[i]);
  free(types.v);
}
