/* The context of single pages: what else of their docs root must be read so
 * that what is said about them is what a load of the whole root says. The
 * cross-page knowledge is the type dictionaries, the pages their links and
 * type links point at with an anchor (anchors, object types; a link without
 * one only needs the file to exist), and the pages of sibling methods
 * (families, one method on two pages). Siblings are found by a look at each
 * page's title line only, on every CPU, which is cheap next to parsing every
 * page: a page is taken when a dotted name in its title belongs to the family
 * of one of the methods (the builder takes the method name from the title), so
 * the look may take too many pages, never too few. */
#include <ctype.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/build.h"
#include "util/fsutil.h"
#include "util/parallel.h"
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

/* A family is what precedes the last dot ("user.userfield"); a method without
 * a dot is a family of its own name. */
static size_t family_len(const char *name, size_t n) {
  for (size_t k = n; k-- > 0;)
    if (name[k] == '.') return k;
  return n;
}

static void method_needles(const b24_model *m, needles *nd) {
  nd->v = malloc((m->n_methods + 1) * sizeof *nd->v);
  nd->n = 0;
  for (size_t i = 0; i < m->n_methods; i++) {
    const char *name = m->methods[i].name;
    nd->v[nd->n++] = lower_dup(name, family_len(name, strlen(name)));
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

static int name_char(char ch) { return isalnum((unsigned char)ch) || ch == '_' || ch == '.'; }

/* Some dotted name of the (lower-cased) title is of a family in nd. */
static int names_sibling(const needles *nd, const char *title) {
  for (const char *s = title; *s;) {
    if (!name_char(*s)) {
      s++;
      continue;
    }
    const char *e = s;
    while (name_char(*e)) e++;
    while (e > s && e[-1] == '.') e--; /* "... im.recent." at a sentence's end */
    size_t fl = family_len(s, (size_t)(e - s));
    for (size_t i = 0; i < nd->n && memchr(s, '.', (size_t)(e - s)); i++)
      if (strlen(nd->v[i]) == fl && !strncmp(s, nd->v[i], fl)) return 1;
    s = e > s ? e : s + 1;
  }
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
      const char *ref = p->type.alts[a].ref ? p->type.alts[a].ref : p->type.alts[a].reference_target;
      if (ref && strchr(ref, '#')) want(w, ref, strcspn(ref, "#"));
    }
    want_type_targets(w, &p->children, depth + 1);
    for (size_t v = 0; v < p->n_variants; v++) want_type_targets(w, &p->variants[v].children, depth + 1);
  }
}

static int cmp_cstr(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int is_dictionary(const char *path) { return !strcmp(b24_path_basename(path), "data-types.md"); }

/* Which pages to take: by name (dictionaries, wanted targets) or by title. */
typedef struct scan_job {
  const b24_model *m;
  char **all;
  const wanted *w;
  const needles *nd;
  char *take;
} scan_job;

static void scan_page(void *ctx, size_t i) {
  scan_job *j = ctx;
  const char *p = j->all[i];
  char title[512];
  if (b24_model_find_page(j->m, p)) return;
  if (is_dictionary(p) || (j->w->n && b24_bsearch(&p, j->w->v, j->w->n, sizeof *j->w->v, cmp_cstr))) {
    j->take[i] = 1;
    return;
  }
  if (!j->nd->n) return;
  char *full = b24_path_under(j->m->root, p);
  j->take[i] = full && title_line(full, title, sizeof title) && names_sibling(j->nd, title);
  free(full);
}

char **b24_model_context(const b24_model *m, size_t *n_out) {
  *n_out = 0;
  if (!m || !m->root) return NULL;
  size_t n_all;
  char **all = b24_discover_pages(m->root, &n_all);
  wanted w = {0};
  for (size_t i = 0; i < m->n_pages; i++)
    for (size_t k = 0; k < m->pages[i].n_links; k++) {
      const b24_link *l = &m->pages[i].links[k];
      if (l->target && l->anchor && *l->anchor) want(&w, l->target, strlen(l->target));
    }
  for (size_t i = 0; i < m->n_methods; i++) {
    want_type_targets(&w, &m->methods[i].params, 0);
    want_type_targets(&w, &m->methods[i].response.fields, 0);
  }
  for (size_t i = 0; i < m->n_objects; i++) want_type_targets(&w, &m->objects[i].fields, 0);
  if (w.n) b24_qsort(w.v, w.n, sizeof *w.v, cmp_cstr);
  needles nd;
  method_needles(m, &nd);
  /* Each page the whole root would read, once, unless it is one of m's own. */
  scan_job job = {m, all, &w, &nd, calloc(n_all + 1, 1)};
  b24_parallel_for(n_all, 0, scan_page, &job);
  char **out = malloc((n_all + 1) * sizeof *out);
  size_t n = 0;
  for (size_t i = 0; i < n_all; i++) {
    if (job.take[i]) out[n++] = all[i];
    else free(all[i]);
  }
  free(job.take);
  out[n] = NULL;
  free(all);
  for (size_t i = 0; i < w.n; i++) free(w.v[i]);
  free(w.v);
  for (size_t i = 0; i < nd.n; i++) free(nd.v[i]);
  free(nd.v);
  *n_out = n;
  return out;
}
