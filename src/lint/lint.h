/* Lint: documentation defects, reported compiler-style. The findings are the
 * parser's and builder's diagnostics (tables, blocks, includes, examples that are
 * not JSON, ...) plus rules that run over the method model. Nothing here reads
 * the Markdown: data flows docs -> parse -> model -> lint. */
#ifndef B24_LINT_H
#define B24_LINT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "model/model.h"
#include "util/diag.h"

/* A rule: its id, what it is about, how bad by default. */
typedef struct b24_lint_rule {
  const char *id;
  const char *group;       /* structure, names, types, examples, response, errors, links, family, input */
  b24_severity severity;   /* default */
  const char *description; /* one line, printed by --list-rules */
} b24_lint_rule;

const b24_lint_rule *b24_lint_rules(size_t *n);
const b24_lint_rule *b24_lint_find_rule(const char *id);
size_t b24_lint_rule_index(const b24_lint_rule *r);

/* What the user chose: per rule off / a severity, paths to ignore. */
typedef struct b24_lint_config {
  signed char *level;  /* per rule index: -1 default, -2 off, else a b24_severity */
  size_t n_rules;
  char **ignore;       /* fnmatch patterns over page paths relative to the docs root */
  size_t n_ignore;
  char *source;        /* the config file read, NULL when none */
} b24_lint_config;

void b24_lint_config_init(b24_lint_config *c);
void b24_lint_config_free(b24_lint_config *c);
/* "off", "note", "warning", "error" for rule id; 0, or -1 with a message in err. */
int b24_lint_config_set(b24_lint_config *c, const char *id, const char *level, char *err,
                        size_t errlen);
/* Reads a .b24spec.yaml; 0, or -1 with "file:line: why" in err. */
int b24_lint_config_read(b24_lint_config *c, const char *path, char *err, size_t errlen);
/* The nearest .b24spec.yaml in dir or above it, malloc'd, or NULL. */
char *b24_lint_config_find(const char *dir);

typedef struct b24_finding {
  const b24_lint_rule *rule;
  b24_severity severity;
  char *path;     /* page path relative to the docs root; or as given when not under it */
  bool relative;  /* path is relative to the docs root */
  int line, col;  /* 1-based, 0 when unknown */
  char *message;
  bool baselined; /* matched by an entry of the baseline (baseline.c) */
  /* The one safe correction, when there is one (--fix): on line fix_line the
   * single occurrence of fix_old becomes fix_new. */
  int fix_line;
  char *fix_old, *fix_new;
} b24_finding;

typedef struct b24_findings {
  b24_finding *items;
  size_t n, cap;
  char *root;     /* the docs root as given */
} b24_findings;

/* Runs every rule: the parse diagnostics (diags) plus the model rules, then the
 * configuration and the inline suppressions. Findings are sorted by file, line. */
void b24_lint_run(const b24_model *m, const b24_diags *diags, const b24_lint_config *cfg,
                  b24_findings *out);

/* The pages a lint is about, when the model holds more (their context). */
typedef struct b24_lint_focus {
  char **paths; /* relative to the docs root, sorted; NULL: every page */
  size_t n;
} b24_lint_focus;

/* Models the inputs for lint. A docs root is modelled whole. Single pages are
 * modelled with their context (b24_model_context), so that the rules say of
 * them what they say in a lint of the whole root; *focus then names them, and
 * diags gets the parse diagnostics of those pages only. NULL when nothing
 * could be read. */
b24_model *b24_lint_load(const char *const *inputs, size_t n_inputs, b24_diags *diags,
                         b24_lint_focus *focus);
void b24_lint_focus_free(b24_lint_focus *f);

/* b24_lint_run, reporting only what concerns the pages in focus (NULL: all). */
void b24_lint_run_focus(const b24_model *m, const b24_diags *diags, const b24_lint_config *cfg,
                        const b24_lint_focus *focus, b24_findings *out);
void b24_findings_free(b24_findings *f);
/* Removes the findings the baseline holds: what is left is what is new. */
void b24_findings_drop_baselined(b24_findings *fs);

/* Applies the safe corrections of the findings to their pages: each page read,
 * edited, and written atomically (a temporary file renamed into place). A
 * correction whose text is no longer on its line once is not applied. With
 * dry_run nothing is written: a unified diff of the changes goes to out.
 * Returns the number of corrections, or -1 when a page cannot be written. */
int b24_lint_fix(const b24_findings *fs, bool dry_run, FILE *out);

/* ---- the baseline (baseline.c; docs/lint.md) ---- */

typedef struct b24_baseline_entry {
  char *rule, *path, *fingerprint, *message;
  int line;       /* where it was when the baseline was written (shown, not matched) */
  bool matched;   /* found again by b24_baseline_apply */
} b24_baseline_entry;

typedef struct b24_baseline {
  b24_baseline_entry *items;
  size_t n;
} b24_baseline;

/* The content fingerprint of a finding: 16 hex digits of a SHA-256 over rule,
 * page and message, the line numbers the message quotes left out. */
void b24_finding_fingerprint(const b24_finding *f, char out[17]);
/* Writes every finding as a baseline, atomically; 0 on success (errno set). */
int b24_baseline_write(const b24_findings *fs, const char *path);
/* 0, or -1 with "file:line:col: why" in err. */
int b24_baseline_read(const char *path, b24_baseline *b, char *err, size_t errlen);
/* The same over len bytes of text (untrusted: a file from the repository);
 * path names it in err. */
int b24_baseline_parse(const char *text, size_t len, const char *path, b24_baseline *b, char *err,
                       size_t errlen);
/* Marks the findings the baseline holds (baselined) and its entries found
 * again (matched); returns how many matched. */
size_t b24_baseline_apply(b24_baseline *b, b24_findings *fs);
void b24_baseline_free(b24_baseline *b);

typedef enum { B24_LINT_TEXT, B24_LINT_JSON, B24_LINT_SARIF, B24_LINT_GITHUB } b24_lint_format;

/* Writes findings in a format; 0 on success. */
int b24_lint_write(FILE *f, const b24_findings *fs, b24_lint_format fmt);

#endif
