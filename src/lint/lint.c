/* The lint run: the parse diagnostics and the model rules become findings; then
 * the configuration (rules off, severities, ignored paths) and the inline
 * suppressions the parser put into the model decide what is reported. */
#include <fnmatch.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "lint/lint_internal.h"
#include "util/buf.h"
#include "util/fsutil.h"
#include "util/sort.h"

static b24_finding *push(b24_findings *f) {
  if (f->n == f->cap) {
    f->cap = f->cap ? f->cap * 2 : 256;
    f->items = realloc(f->items, f->cap * sizeof *f->items);
    if (!f->items) abort();
  }
  b24_finding *x = &f->items[f->n++];
  memset(x, 0, sizeof *x);
  return x;
}

static int cmp_cstr(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

int b24_lint_in_focus(const b24_lint_ctx *c, const char *path) {
  if (!c->focus || !c->focus->paths) return 1;
  return path && b24_bsearch(&path, c->focus->paths, c->focus->n, sizeof *c->focus->paths, cmp_cstr);
}

int b24_lint_private_path(const char *p) { return p[0] == '_' || strstr(p, "/_") != NULL; }

void b24_lint_emit(b24_lint_ctx *c, const char *id, const char *path, int line, const char *fmt,
                   ...) {
  const b24_lint_rule *r = b24_lint_find_rule(id);
  if (!r) abort(); /* a rule file names a rule the registry lacks: a programming error */
  /* A finding in a fragment is reported through the page that includes it,
   * which the rules decide; one on a context page never. */
  c->emitted_before = c->out->n;
  if (path && !b24_lint_private_path(path) && !b24_lint_in_focus(c, path)) return;
  b24_finding *x = push(c->out);
  x->rule = r;
  x->severity = r->severity;
  x->path = strdup(path ? path : "");
  x->relative = true;
  x->line = line;
  x->col = line > 0 ? 1 : 0;
  b24_buf b = B24_BUF_INIT;
  va_list ap;
  va_start(ap, fmt);
  b24_buf_vprintf(&b, fmt, ap);
  va_end(ap);
  x->message = b24_buf_take(&b);
}

int b24_lint_scalar_type(const b24_type *t) {
  static const char *const w[] = {"integer", "string", "boolean", "double", "date",
                                  "datetime", "char", "text"};
  if (!t->n_alts) return 0;
  for (size_t a = 0; a < t->n_alts; a++) {
    const b24_type_alt *x = &t->alts[a];
    int scalar = 0;
    for (size_t i = 0; i < sizeof w / sizeof *w && !scalar; i++) scalar = !strcmp(x->base, w[i]);
    if (!scalar || x->array || x->reference || x->ref) return 0;
  }
  return 1;
}

void b24_lint_fix_last(b24_lint_ctx *c, int line, const char *old, const char *new_text) {
  if (!c->out->n || c->out->n == c->emitted_before) return; /* the finding was not kept */
  b24_finding *x = &c->out->items[c->out->n - 1];
  x->fix_line = line;
  x->fix_old = strdup(old);
  x->fix_new = strdup(new_text);
}

void b24_lint_walk_params(b24_lint_ctx *c, const b24_method *m, const b24_params *ps,
                          b24_param_fn fn, void *arg) {
  for (size_t i = 0; i < ps->n; i++) {
    const b24_param *p = &ps->items[i];
    fn(c, m, p, arg);
    b24_lint_walk_params(c, m, &p->children, fn, arg);
    for (size_t v = 0; v < p->n_variants; v++)
      b24_lint_walk_params(c, m, &p->variants[v].children, fn, arg);
  }
}

int b24_lint_page_exists(b24_lint_ctx *c, const char *path, const b24_page **page) {
  *page = b24_model_find_page(c->m, path);
  if (*page) return 1;
  char *full = b24_path_under(c->m->root ? c->m->root : ".", path);
  int yes = b24_is_file(full);
  free(full);
  return yes;
}

int b24_lint_page_has_anchor(const b24_page *p, const char *a) {
  for (size_t i = 0; i < p->n_anchors; i++)
    if (!strcmp(p->anchors[i], a)) return 1;
  return 0;
}

/* A diagnostic's file is the display path (root joined with the page path); the
 * finding keeps the page path, so that SARIF can name it relative to the root. */
static void from_diag(b24_findings *out, const char *root, const b24_diag *d) {
  const b24_lint_rule *r = b24_lint_find_rule(d->rule);
  if (!r) r = b24_lint_find_rule("input");
  b24_finding *x = push(out);
  x->rule = r;
  x->severity = r->severity;
  x->line = d->line;
  x->col = d->col;
  x->message = strdup(d->message);
  if (d->fix_old) {
    x->fix_line = d->fix_line;
    x->fix_old = strdup(d->fix_old);
    x->fix_new = strdup(d->fix_new);
  }
  size_t rl = strlen(root);
  int dot = !strcmp(root, ".");
  if (!dot && rl && !strncmp(d->file, root, rl) && (d->file[rl] == '/' || root[rl - 1] == '/')) {
    const char *p = d->file + rl;
    while (*p == '/') p++;
    x->path = strdup(p);
    x->relative = true;
  } else {
    x->path = strdup(d->file);
    x->relative = dot && d->file[0] != '/' && strcmp(r->group, "input") != 0;
  }
}

/* Is the diagnostic's file (the root joined with a page path) a method's page? */
static int on_method_page(const b24_model *m, const char *root, const char *file) {
  size_t rl = strlen(root);
  const char *p = file;
  if (strcmp(root, ".") && !strncmp(file, root, rl)) p = file + rl;
  while (*p == '/') p++;
  for (size_t i = 0; i < m->n_methods; i++)
    if (m->methods[i].source && !strcmp(m->methods[i].source, p)) return 1;
  return 0;
}

static int rule_in(char *const *rules, size_t n, const char *id) {
  if (!n) return 1; /* no rule named: every rule */
  for (size_t i = 0; i < n; i++)
    if (!strcmp(rules[i], id)) return 1;
  return 0;
}

static int suppressed(const b24_model *m, const b24_finding *f) {
  if (!f->relative || f->line <= 0) return 0;
  const b24_page *p = b24_model_find_page(m, f->path);
  if (!p) return 0;
  for (size_t i = 0; i < p->n_suppressions; i++)
    if (p->suppressions[i].line == f->line &&
        rule_in(p->suppressions[i].rules, p->suppressions[i].n_rules, f->rule->id))
      return 1;
  return 0;
}

static int ignored(const b24_lint_config *cfg, const b24_finding *f) {
  if (!f->relative) return 0;
  for (size_t i = 0; i < cfg->n_ignore; i++)
    if (fnmatch(cfg->ignore[i], f->path, 0) == 0) return 1;
  return 0;
}

static int cmp_finding(const void *a, const void *b) {
  const b24_finding *x = a, *y = b;
  int c = strcmp(x->path, y->path);
  if (c) return c;
  if (x->line != y->line) return x->line < y->line ? -1 : 1;
  if (x->col != y->col) return x->col < y->col ? -1 : 1;
  c = strcmp(x->rule->id, y->rule->id);
  return c ? c : strcmp(x->message, y->message);
}

static void finding_free(b24_finding *f) {
  free(f->path);
  free(f->message);
  free(f->fix_old);
  free(f->fix_new);
}

void b24_findings_drop_baselined(b24_findings *fs) {
  size_t keep = 0;
  for (size_t i = 0; i < fs->n; i++) {
    if (fs->items[i].baselined) finding_free(&fs->items[i]);
    else fs->items[keep++] = fs->items[i];
  }
  fs->n = keep;
}

/* "Parameter chat" sections of a parameter that a table the model does not
 * read as the parameter's parent lists (an "Array Element MESSAGES" table):
 * the section does describe a listed parameter, so the builder's
 * param-section-unmatched is dropped when a row of the page names it. */
static void listed_elsewhere(b24_findings *out, b24_lint_sources *src) {
  size_t keep = 0;
  for (size_t i = 0; i < out->n; i++) {
    b24_finding *f = &out->items[i];
    const char *q = strcmp(f->rule->id, "param-section-unmatched") ? NULL
                                                                   : strstr(f->message, "parameter '");
    int drop = 0;
    if (q && f->relative) {
      q += strlen("parameter '");
      const char *e = strchr(q, '\'');
      char *name = e ? strndup(q, (size_t)(e - q)) : NULL;
      drop = name && b24_lint_page_has_row(src, f->path, name, 0, 0);
      free(name);
    }
    if (drop) finding_free(f);
    else out->items[keep++] = *f;
  }
  out->n = keep;
}

/* A row the parameter or error reader already calls a duplicate is not
 * reported again by the check of every table (table-row-duplicate). The
 * findings are sorted: those of one line are neighbours. */
static void superseded(b24_findings *out) {
  size_t keep = 0;
  for (size_t i = 0; i < out->n; i++) {
    b24_finding *f = &out->items[i];
    int drop = 0;
    if (!strcmp(f->rule->id, "table-row-duplicate"))
      for (size_t k = i; k-- > 0 && !drop;) {
        const b24_finding *g = &out->items[k];
        if (strcmp(g->path, f->path) || g->line != f->line) break;
        drop = !strcmp(g->rule->id, "param-duplicate") || !strcmp(g->rule->id, "error-duplicate");
      }
    for (size_t k = i + 1; !drop && k < out->n; k++) {
      const b24_finding *g = &out->items[k];
      if (strcmp(g->path, f->path) || g->line != f->line) break;
      drop = !strcmp(f->rule->id, "table-row-duplicate") &&
             (!strcmp(g->rule->id, "param-duplicate") || !strcmp(g->rule->id, "error-duplicate"));
    }
    if (drop) finding_free(f);
    else out->items[keep++] = *f;
  }
  out->n = keep;
}

void b24_lint_run(const b24_model *m, const b24_diags *diags, const b24_lint_config *cfg,
                  b24_findings *out) {
  b24_lint_run_focus(m, diags, cfg, NULL, out);
}

void b24_lint_run_focus(const b24_model *m, const b24_diags *diags, const b24_lint_config *cfg,
                        const b24_lint_focus *focus, b24_findings *out) {
  memset(out, 0, sizeof *out);
  out->root = strdup(m && m->root ? m->root : ".");
  /* example-json is said again, better, by a model rule (rules_examples.c),
   * on method pages; the builder's stays for other pages (page_bodies.c). */
  for (size_t i = 0; diags && i < diags->n; i++)
    if (!m || strcmp(diags->items[i].rule, "example-json") != 0 ||
        !on_method_page(m, out->root, diags->items[i].file))
      from_diag(out, out->root, &diags->items[i]);
  b24_lint_sources *src = b24_lint_sources_new(out->root);
  if (m) {
    b24_lint_ctx c = {m, out, focus, 0, src};
    b24_rules_names(&c);
    b24_rules_types(&c);
    b24_rules_examples(&c);
    b24_rules_response(&c);
    b24_rules_links(&c);
    b24_rules_family(&c);
    b24_rules_events(&c);
    b24_rules_model(&c);
  }
  listed_elsewhere(out, src);
  /* A finding still at column 1 is at least where its line's text starts (the
   * builder's diagnostics know lines only; a row's "||" is often indented). */
  for (size_t i = 0; i < out->n; i++) {
    b24_finding *f = &out->items[i];
    if (f->col != 1 || !f->relative) continue;
    int col = b24_lint_first_text_col(src, f->path, f->line);
    if (col > 1) f->col = col;
  }
  b24_lint_sources_free(src);
  /* Configuration and suppressions. */
  size_t keep = 0;
  for (size_t i = 0; i < out->n; i++) {
    b24_finding *f = &out->items[i];
    size_t ri = b24_lint_rule_index(f->rule);
    int level = cfg && ri < cfg->n_rules ? cfg->level[ri] : -1;
    int drop = level == -2 || (cfg && ignored(cfg, f)) || (m && suppressed(m, f));
    if (drop) {
      finding_free(f);
      continue;
    }
    if (level >= 0) f->severity = (b24_severity)level;
    out->items[keep++] = *f;
  }
  out->n = keep;
  b24_qsort(out->items, out->n, sizeof *out->items, cmp_finding);
  superseded(out);
  /* The same finding twice (a fragment's defect seen from two including pages). */
  keep = 0;
  for (size_t i = 0; i < out->n; i++) {
    if (keep && !cmp_finding(&out->items[keep - 1], &out->items[i])) {
      finding_free(&out->items[i]);
      continue;
    }
    out->items[keep++] = out->items[i];
  }
  out->n = keep;
}

void b24_findings_free(b24_findings *f) {
  for (size_t i = 0; i < f->n; i++) finding_free(&f->items[i]);
  free(f->items);
  free(f->root);
  memset(f, 0, sizeof *f);
}
