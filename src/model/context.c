/* The context of single pages: what else of their docs root must be read so
 * that what is said about them is what a load of the whole root says. The
 * cross-page knowledge is the type dictionaries, the pages their links and
 * type links point at (anchors, object types), and the pages of sibling
 * methods (families, one method on two pages). Siblings are found by a look
 * at each page's title line only, which is cheap next to parsing every page;
 * the look may take too many pages (a title that mentions the family in
 * passing), never too few, as long as the method name is written in the title
 * line, which is where the builder takes it from. */
#include <ctype.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/build.h"
#include "util/fsutil.h"
#include "util/sort.h"

typedef struct needles {
  char **v; /* lower-cased: "user.userfield." for a family, "user.get" for a lone name */
  size_t n;
} needles;

static char *lower_dup(const char *s, size_t n) {
  char *r = strndup(s, n);
  b24_lower_utf8(r);
  return r;
}

/* A family is what precedes the last dot; what a title must contain to name a
 * sibling (or the method itself). */
static void method_needles(const b24_model *m, needles *nd) {
  nd->v = malloc((m->n_methods + 1) * sizeof *nd->v);
  nd->n = 0;
  for (size_t i = 0; i < m->n_methods; i++) {
    const char *name = m->methods[i].name;
    const char *dot = strrchr(name, '.');
    nd->v[nd->n++] = lower_dup(name, dot ? (size_t)(dot - name) + 1 : strlen(name));
  }
}

/* The title line of a page (the first "# " line in its first 8 KiB), with
 * backslash escapes and code marks dropped and letters lower-cased, into buf. */
static int title_line(const char *path, char *buf, size_t cap) {
  int fd = open(path, O_RDONLY);
  if (fd < 0) return 0;
  char head[8192];
  ssize_t got = read(fd, head, sizeof head - 1);
  close(fd);
  if (got <= 0) return 0;
  head[got] = 0;
  for (char *l = head; l && *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL) {
    if (l[0] != '#' || l[1] != ' ') continue;
    size_t k = 0;
    for (const char *s = l + 2; *s && *s != '\n' && k + 1 < cap; s++)
      if (*s != '\\' && *s != '`') buf[k++] = (char)tolower((unsigned char)*s);
    buf[k] = 0;
    return 1;
  }
  return 0;
}

static int names_sibling(const needles *nd, const char *title) {
  for (size_t i = 0; i < nd->n; i++)
    if (strstr(title, nd->v[i])) return 1;
  return 0;
}

typedef struct wanted {
  char **v; /* paths relative to the root */
  size_t n, cap;
} wanted;

static void want(wanted *w, const char *path, size_t n) {
  if (w->n == w->cap) {
    w->cap = w->cap ? w->cap * 2 : 64;
    w->v = realloc(w->v, w->cap * sizeof *w->v);
  }
  w->v[w->n++] = strndup(path, n);
}

static void want_type_targets(wanted *w, const b24_params *ps, int depth) {
  if (depth > 64) return;
  for (size_t i = 0; i < ps->n; i++) {
    const b24_param *p = &ps->items[i];
    for (size_t a = 0; a < p->type.n_alts; a++) {
      const char *ref = p->type.alts[a].ref, *page = p->type.alts[a].page;
      if (ref) want(w, ref, strcspn(ref, "#"));
      if (page) want(w, page, strlen(page));
    }
    want_type_targets(w, &p->children, depth + 1);
    for (size_t v = 0; v < p->n_variants; v++) want_type_targets(w, &p->variants[v].children, depth + 1);
  }
}

static int cmp_cstr(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int is_dictionary(const char *path) { return !strcmp(b24_path_basename(path), "data-types.md"); }

char **b24_model_context(const b24_model *m, size_t *n_out) {
  *n_out = 0;
  if (!m || !m->root) return NULL;
  size_t n_all;
  char **all = b24_discover_pages(m->root, &n_all);
  wanted w = {0};
  for (size_t i = 0; i < m->n_pages; i++)
    for (size_t k = 0; k < m->pages[i].n_links; k++)
      if (m->pages[i].links[k].target) want(&w, m->pages[i].links[k].target, strlen(m->pages[i].links[k].target));
  for (size_t i = 0; i < m->n_methods; i++) {
    want_type_targets(&w, &m->methods[i].params, 0);
    want_type_targets(&w, &m->methods[i].response.fields, 0);
  }
  for (size_t i = 0; i < m->n_objects; i++) want_type_targets(&w, &m->objects[i].fields, 0);
  if (w.n) b24_qsort(w.v, w.n, sizeof *w.v, cmp_cstr);
  needles nd;
  method_needles(m, &nd);
  /* Each page the whole root would read, once, unless it is one of m's own. */
  char **out = malloc((n_all + 1) * sizeof *out);
  size_t n = 0;
  char title[512];
  for (size_t i = 0; i < n_all; i++) {
    const char *p = all[i];
    int take = 0;
    if (b24_model_find_page(m, p)) take = 0;
    else if (is_dictionary(p) || (w.n && b24_bsearch(&p, w.v, w.n, sizeof *w.v, cmp_cstr))) take = 1;
    else if (nd.n) {
      char *full = b24_path_under(m->root, p);
      take = full && title_line(full, title, sizeof title) && names_sibling(&nd, title);
      free(full);
    }
    if (take) out[n++] = all[i];
    else free(all[i]);
  }
  out[n] = NULL;
  free(all);
  for (size_t i = 0; i < w.n; i++) free(w.v[i]);
  free(w.v);
  for (size_t i = 0; i < nd.n; i++) free(nd.v[i]);
  free(nd.v);
  *n_out = n;
  return out;
}
