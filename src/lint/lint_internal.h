/* Shared by the rule files; not part of lint's interface. */
#ifndef B24_LINT_INTERNAL_H
#define B24_LINT_INTERNAL_H
#include "lint/lint.h"

typedef struct b24_lint_ctx {
  const b24_model *m;
  b24_findings *out;
} b24_lint_ctx;

/* Adds a finding of rule id at a page path (relative to the docs root) and line,
 * with the rule's default severity (the configuration is applied later). */
void b24_lint_emit(b24_lint_ctx *c, const char *id, const char *path, int line, const char *fmt,
                   ...) __attribute__((format(printf, 5, 6)));

/* Calls fn on every parameter of a tree (children and variants too), depth first. */
typedef void (*b24_param_fn)(b24_lint_ctx *c, const b24_method *m, const b24_param *p, void *arg);
void b24_lint_walk_params(b24_lint_ctx *c, const b24_method *m, const b24_params *ps,
                          b24_param_fn fn, void *arg);

/* Does the page at path (relative to the docs root) exist? *page is its model
 * record, or NULL when the model did not read it (single pages were linted):
 * then the file is looked for on disk, and its anchors are unknown. */
int b24_lint_page_exists(b24_lint_ctx *c, const char *path, const b24_page **page);

/* Does page `path` have anchor `a`? */
int b24_lint_page_has_anchor(const b24_page *p, const char *a);

/* The rules over the model, one file each. */
void b24_rules_names(b24_lint_ctx *c);
void b24_rules_types(b24_lint_ctx *c);
void b24_rules_examples(b24_lint_ctx *c);
void b24_rules_response(b24_lint_ctx *c);
void b24_rules_links(b24_lint_ctx *c);
void b24_rules_family(b24_lint_ctx *c);
void b24_rules_events(b24_lint_ctx *c);

#endif
