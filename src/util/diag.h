/* Diagnostics: what the parser or a later stage could not understand, reported
 * compiler-style as `file:line:col: severity: message [rule-id]`. */
#ifndef B24_DIAG_H
#define B24_DIAG_H
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>

typedef enum { B24_NOTE = 0, B24_WARNING = 1, B24_ERROR = 2 } b24_severity;

typedef struct b24_diag {
  char *file;     /* path as shown to the user (docs root joined with the page path) */
  int line, col;  /* 1-based; 0 when unknown */
  b24_severity severity;
  char *rule;     /* e.g. "table-cell-count" */
  char *message;
  int lint_only;  /* a style finding: shown by `lint`, not by `model` */
  /* The one safe correction, when there is one (lint --fix): on line fix_line
   * of the file, the single occurrence of fix_old becomes fix_new. */
  int fix_line;
  char *fix_old, *fix_new;
} b24_diag;

typedef struct b24_diags {
  b24_diag *items;
  size_t n, cap;
  size_t n_errors;
  FILE *echo; /* when set, each diagnostic is also printed here as it is added */
} b24_diags;

void b24_diags_init(b24_diags *d);
void b24_diags_free(b24_diags *d);
void b24_diag_add(b24_diags *d, const char *file, int line, int col, b24_severity sev,
                  const char *rule, const char *fmt, ...) __attribute__((format(printf, 7, 8)));
void b24_diag_addv(b24_diags *d, int lint_only, const char *file, int line, int col,
                   b24_severity sev, const char *rule, const char *fmt, va_list ap);
/* Moves every diagnostic of `from` to the end of `to` (echoing them there), leaving
 * `from` empty: how diagnostics gathered apart, on another thread, join the report. */
void b24_diags_move(b24_diags *to, b24_diags *from);
/* Gives the diagnostic added last its safe correction (see b24_diag). */
void b24_diag_fix(b24_diags *d, int line, const char *old, size_t old_len, const char *new_text);
const char *b24_severity_name(b24_severity s);
int b24_severity_parse(const char *s, b24_severity *out); /* 0 on success */
void b24_diag_print(FILE *f, const b24_diag *d);

#endif
