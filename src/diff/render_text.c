/* The diff as text: one change a line, compiler-like, at the place in NEW (or in
 * OLD for what NEW no longer has), then the counts and the input errors. */
#include "diff/render_common.h"

void b24_diff_render_text(const b24_diff_report *r, b24_buf *out) {
  char m[256];
  for (size_t i = 0; i < r->changes.n; i++) {
    const b24_change *c = &r->changes.v[i];
    const b24_side *w = b24d_where(c);
    b24_buf_printf(out, "%s:%d: %s: %s: %s [%s]", w->file ? w->file : "-", w->line,
                   b24_tier_name(c->tier), b24d_method_label(c, m, sizeof m), c->message,
                   b24_change_kind_id(c->kind));
    if (w == &c->new_side && c->old_side.file)
      b24_buf_printf(out, " (was %s:%d)", c->old_side.file, c->old_side.line);
    if (c->accepted) b24_buf_printf(out, " accepted: %s", c->accepted->reason);
    b24_buf_putc(out, '\n');
  }
  b24d_put_counts(r, out);
  b24_buf_putc(out, '\n');
  for (size_t i = 0; i < r->n_errors; i++)
    b24_buf_printf(out, "input error: %s %s:%d: %s\n", r->errors[i].side, r->errors[i].file,
                   r->errors[i].line, r->errors[i].message);
}
