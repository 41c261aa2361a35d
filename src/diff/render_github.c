/* The diff as GitHub workflow commands: one annotation a change, on NEW's line
 * (what NEW no longer has is annotated without a place). Breaking changes are
 * errors; removals after deprecation, doc fixes and deprecations warnings; the
 * rest notices. Accepted changes are notices. */
#include <string.h>

#include "diff/render_common.h"

/* Workflow-command escaping; properties also escape ':' and ','. */
static void put_escaped(b24_buf *out, const char *s, int property) {
  for (; *s; s++) {
    if (*s == '%') b24_buf_puts(out, "%25");
    else if (*s == '\r') b24_buf_puts(out, "%0D");
    else if (*s == '\n') b24_buf_puts(out, "%0A");
    else if (property && *s == ':') b24_buf_puts(out, "%3A");
    else if (property && *s == ',') b24_buf_puts(out, "%2C");
    else b24_buf_putc(out, *s);
  }
}

void b24_diff_render_github(const b24_diff_report *r, b24_buf *out) {
  char m[256];
  for (size_t i = 0; i < r->changes.n; i++) {
    const b24_change *c = &r->changes.v[i];
    const char *level = c->accepted                    ? "notice"
                        : c->tier == B24_TIER_BREAKING ? "error"
                        : c->tier <= B24_TIER_DEPRECATED ? "warning"
                                                         : "notice";
    b24_buf_printf(out, "::%s ", level);
    if (c->new_side.file) {
      b24_buf_puts(out, "file=");
      put_escaped(out, c->new_side.file, 1);
      b24_buf_printf(out, ",line=%d,", c->new_side.line);
    }
    b24_buf_puts(out, "title=");
    b24_buf_printf(out, "%s %s", b24_tier_name(c->tier), b24_change_kind_id(c->kind));
    b24_buf_puts(out, "::");
    put_escaped(out, b24d_method_label(c, m, sizeof m), 0);
    b24_buf_puts(out, ": ");
    put_escaped(out, c->message, 0);
    if (!c->new_side.file && c->old_side.file) {
      b24_buf_puts(out, " (was ");
      put_escaped(out, c->old_side.file, 0);
      b24_buf_printf(out, ":%d)", c->old_side.line);
    }
    b24_buf_printf(out, " [%s]", c->id);
    b24_buf_putc(out, '\n');
  }
  for (size_t i = 0; i < r->n_errors; i++) {
    const b24_input_error *e = &r->errors[i];
    b24_buf_puts(out, "::error ");
    int in_new = !strcmp(e->side, "new");
    if (in_new) {
      b24_buf_puts(out, "file=");
      put_escaped(out, e->file, 1);
      b24_buf_printf(out, ",line=%d,", e->line);
    }
    b24_buf_puts(out, "title=input error::");
    if (!in_new) {
      b24_buf_puts(out, "OLD ");
      put_escaped(out, e->file, 0);
      b24_buf_printf(out, ":%d: ", e->line);
    }
    put_escaped(out, e->message, 0);
    b24_buf_putc(out, '\n');
  }
}
