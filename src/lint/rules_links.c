/* Links: relative links to pages that do not exist, anchors a page does not
 * have, and "Continue Learning" links to missing pages. The model keeps every
 * page's links (resolved to a page path) and anchors, so no Markdown is read.
 * Links to other files (images, archives) are not checked: the model does not
 * know which files exist, and neither do includes (_includes/ holds fragments,
 * not pages). */
#include <stdlib.h>
#include <string.h>

#include "lint/lint_internal.h"

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

/* A path into a directory whose name starts with '_' (includes, images). */
static int in_private_dir(const char *p) {
  if (p[0] == '_') return 1;
  return strstr(p, "/_") != NULL;
}

static void check_link(b24_lint_ctx *c, const b24_page *from, const b24_link *l, int see_also) {
  if (!l->target) return; /* external */
  if (!strcmp(l->target, "..")) {
    b24_lint_emit(c, see_also ? "see-also-missing" : "link-target-missing", from->path, l->loc.line,
                  "link '%s' points outside the docs root", l->href);
    return;
  }
  if (!ends_with(l->target, ".md") || in_private_dir(l->target)) return;
  const b24_page *to = b24_model_find_page(c->m, l->target);
  if (!to) {
    b24_lint_emit(c, see_also ? "see-also-missing" : "link-target-missing", from->path, l->loc.line,
                  "link '%s' points to %s, which does not exist", l->href, l->target);
    return;
  }
  if (l->anchor && *l->anchor && !b24_lint_page_has_anchor(to, l->anchor))
    b24_lint_emit(c, "link-anchor-missing", from->path, l->loc.line,
                  "link '%s': %s has no anchor #%s", l->href, to == from ? "this page" : to->path,
                  l->anchor);
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
  if (n) qsort(keys, n, sizeof *keys, cmp_key);
  for (size_t i = 0; i < m->n_pages; i++) {
    const b24_page *p = &m->pages[i];
    for (size_t k = 0; k < p->n_links; k++) {
      const b24_link *l = &p->links[k];
      see_key key = {p->path, l->href ? l->href : "", l->loc.line};
      int see = n && bsearch(&key, keys, n, sizeof *keys, cmp_key) != NULL;
      check_link(c, p, l, see);
    }
  }
  free(keys);
}
