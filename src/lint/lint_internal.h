/* Shared by the rule files; not part of lint's interface. */
#ifndef B24_LINT_INTERNAL_H
#define B24_LINT_INTERNAL_H
#include "lint/lint.h"

typedef struct b24_lint_sources b24_lint_sources; /* source.c */

typedef struct b24_lint_ctx {
  const b24_model *m;
  b24_findings *out;
  const b24_lint_focus *focus; /* NULL: every page is linted */
  size_t emitted_before;       /* findings before the last b24_lint_emit */
  b24_lint_sources *src;       /* the pages' text, to place findings */
} b24_lint_ctx;

/* Is the page at path (relative to the root) one the lint reports on? Pages
 * read only as context are not. */
int b24_lint_in_focus(const b24_lint_ctx *c, const char *path);

/* A path into a folder whose name starts with '_' (_includes/, _images/):
 * fragments and files, not pages. */
int b24_lint_private_path(const char *p);

/* Adds a finding of rule id at a page path (relative to the docs root) and line,
 * with the rule's default severity (the configuration is applied later). */
void b24_lint_emit(b24_lint_ctx *c, const char *id, const char *path, int line, const char *fmt,
                   ...) __attribute__((format(printf, 5, 6)));

/* Gives the finding emitted last its one safe correction (b24_finding). */
void b24_lint_fix_last(b24_lint_ctx *c, int line, const char *old, const char *new_text);

/* ---- columns (source.c) ---- */
b24_lint_sources *b24_lint_sources_new(const char *root);
void b24_lint_sources_free(b24_lint_sources *s);
/* Line `line` (1-based) of the page at path, *len bytes without the newline;
 * NULL when the page cannot be read or is shorter. */
const char *b24_lint_source_line(b24_lint_sources *s, const char *path, int line, size_t *len);
/* Sets the column of the finding emitted last to where needle first stands on
 * its line, plus offset bytes (1-based byte columns); left as it is, and 0
 * returned, when needle is not there. */
int b24_lint_at(b24_lint_ctx *c, const char *needle, size_t offset);
/* The same, looking on the finding's line and the next lines of its table row
 * (a row's cells span lines): the finding moves to the line that holds needle. */
int b24_lint_at_row(b24_lint_ctx *c, const char *needle, size_t offset);
/* At "key" (a JSON key) on the finding's line. */
void b24_lint_at_quoted(b24_lint_ctx *c, const char *key);
/* At the code span `word` (a type) in the finding's table row. */
void b24_lint_at_code(b24_lint_ctx *c, const char *word);
/* At the target of the link ](href) on the finding's line. */
void b24_lint_at_link(b24_lint_ctx *c, const char *href);
/* The column of the first character that is no blank on the line, 0 if none. */
int b24_lint_first_text_col(b24_lint_sources *s, const char *path, int line);

/* Does the page at path name word (as a whole word, as written) on a line
 * outside [skip_from, skip_to] and outside ``` code fences? */
int b24_lint_page_mentions(b24_lint_ctx *c, const char *path, const char *word, int skip_from,
                           int skip_to);

/* Does a table row of the page, on lines [from, to] (0: no bound), name
 * `name` in its first cell ("|| **name**"; case aside, "name[]" too)? */
int b24_lint_page_has_row(b24_lint_sources *s, const char *path, const char *name, int from,
                          int to);

/* Every alternative of t is a scalar (integer, string, ...; no array, object
 * or object type). */
int b24_lint_scalar_type(const b24_type *t);

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
void b24_rules_model(b24_lint_ctx *c);

#endif
