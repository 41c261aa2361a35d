#include "util/diag.h"
#include "util/buf.h"
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void b24_diags_init(b24_diags *d) { memset(d, 0, sizeof *d); }

void b24_diags_free(b24_diags *d) {
  for (size_t i = 0; i < d->n; i++) {
    free(d->items[i].file);
    free(d->items[i].rule);
    free(d->items[i].message);
    free(d->items[i].fix_old);
    free(d->items[i].fix_new);
  }
  free(d->items);
  memset(d, 0, sizeof *d);
}

static b24_diag *diag_slot(b24_diags *d) {
  if (d->n == d->cap) {
    d->cap = d->cap ? d->cap * 2 : 16;
    d->items = realloc(d->items, d->cap * sizeof *d->items);
    if (!d->items) abort();
  }
  return &d->items[d->n++];
}

static void diag_added(b24_diags *d, const b24_diag *g) {
  if (g->severity == B24_ERROR) d->n_errors++;
  if (d->echo && !g->lint_only) b24_diag_print(d->echo, g);
}

void b24_diags_move(b24_diags *to, b24_diags *from) {
  for (size_t i = 0; i < from->n; i++) {
    b24_diag *g = diag_slot(to);
    *g = from->items[i];
    diag_added(to, g);
  }
  free(from->items);
  FILE *echo = from->echo;
  memset(from, 0, sizeof *from);
  from->echo = echo;
}

void b24_diag_addv(b24_diags *d, int lint_only, const char *file, int line, int col,
                   b24_severity sev, const char *rule, const char *fmt, va_list ap) {
  b24_buf msg = B24_BUF_INIT;
  b24_buf_vprintf(&msg, fmt, ap);
  b24_diag *g = diag_slot(d);
  g->file = strdup(file ? file : "<input>");
  g->line = line;
  g->col = col;
  g->severity = sev;
  g->rule = strdup(rule);
  g->message = b24_buf_take(&msg);
  g->lint_only = lint_only;
  g->fix_line = 0;
  g->fix_old = g->fix_new = NULL;
  diag_added(d, g);
}

void b24_diag_fix(b24_diags *d, int line, const char *old, size_t old_len, const char *new_text) {
  if (!d->n) return;
  b24_diag *g = &d->items[d->n - 1];
  free(g->fix_old);
  free(g->fix_new);
  g->fix_line = line;
  g->fix_old = strndup(old, old_len);
  g->fix_new = strdup(new_text);
}

void b24_diag_add(b24_diags *d, const char *file, int line, int col, b24_severity sev,
                  const char *rule, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  b24_diag_addv(d, 0, file, line, col, sev, rule, fmt, ap);
  va_end(ap);
}

const char *b24_severity_name(b24_severity s) {
  switch (s) {
  case B24_NOTE: return "note";
  case B24_WARNING: return "warning";
  default: return "error";
  }
}

int b24_severity_parse(const char *s, b24_severity *out) {
  if (!strcmp(s, "note") || !strcmp(s, "info")) *out = B24_NOTE;
  else if (!strcmp(s, "warning")) *out = B24_WARNING;
  else if (!strcmp(s, "error")) *out = B24_ERROR;
  else return -1;
  return 0;
}

void b24_diag_print(FILE *f, const b24_diag *d) {
  fprintf(f, "%s:%d:%d: %s: %s [%s]\n", d->file, d->line > 0 ? d->line : 1,
          d->col > 0 ? d->col : 1, b24_severity_name(d->severity), d->message, d->rule);
}
