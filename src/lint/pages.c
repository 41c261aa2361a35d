/* What lint models: a whole docs root, or single pages with their context.
 * A pre-commit hook lints the pages a writer changed; it must hear about them
 * what CI's lint of the whole root says, no more (no findings about pages it
 * did not ask for) and no less (the dictionaries, siblings and link targets
 * that the rules compare the pages with are read too). */
#include <stdlib.h>
#include <string.h>

#include "lint/lint.h"
#include "util/fsutil.h"
#include "util/sort.h"

static int cmp_cstr(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static void focus_on_pages(const b24_model *m, b24_lint_focus *focus) {
  focus->paths = malloc((m->n_pages + 1) * sizeof *focus->paths);
  focus->n = 0;
  for (size_t i = 0; i < m->n_pages; i++) focus->paths[focus->n++] = strdup(m->pages[i].path);
  b24_qsort(focus->paths, focus->n, sizeof *focus->paths, cmp_cstr);
}

b24_model *b24_lint_load(const char *const *inputs, size_t n_inputs, b24_diags *diags,
                         b24_lint_focus *focus) {
  memset(focus, 0, sizeof *focus);
  b24_load_options lo = {.diags = diags};
  int pages_only = n_inputs > 0;
  for (size_t i = 0; i < n_inputs; i++) pages_only &= !b24_is_dir(inputs[i]);
  /* The pages alone: their own parse diagnostics, and what they refer to. */
  b24_model *alone = b24_model_load(inputs, n_inputs, &lo);
  if (!alone || !pages_only || !alone->n_pages) return alone;
  size_t n_ctx;
  char **ctx = b24_model_context(alone, &n_ctx);
  focus_on_pages(alone, focus);
  if (!n_ctx) {
    free(ctx);
    return alone;
  }
  /* Then with their context, whose diagnostics are not this lint's. */
  const char **all = malloc((n_inputs + n_ctx) * sizeof *all);
  size_t n = 0;
  for (size_t i = 0; i < n_inputs; i++) all[n++] = inputs[i];
  char **full = malloc(n_ctx * sizeof *full);
  for (size_t i = 0; i < n_ctx; i++) all[n++] = full[i] = b24_path_under(alone->root, ctx[i]);
  b24_diags quiet;
  b24_diags_init(&quiet);
  lo.diags = &quiet;
  b24_model *with = b24_model_load(all, n, &lo);
  b24_diags_free(&quiet);
  for (size_t i = 0; i < n_ctx; i++) {
    free(ctx[i]);
    free(full[i]);
  }
  free(ctx);
  free(full);
  free(all);
  if (!with) return alone;
  b24_model_free(alone);
  return with;
}

void b24_lint_focus_free(b24_lint_focus *f) {
  for (size_t i = 0; i < f->n; i++) free(f->paths[i]);
  free(f->paths);
  memset(f, 0, sizeof *f);
}
