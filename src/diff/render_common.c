/* What the renderers share: where a change is shown, the method's label, the
 * counts line. */
#include <stdio.h>
#include <string.h>

#include "diff/render_common.h"

const b24_side *b24d_where(const b24_change *c) {
  return c->new_side.file ? &c->new_side : &c->old_side;
}

const char *b24d_method_label(const b24_change *c, char *buf, size_t n) {
  snprintf(buf, n, "%s%s", c->method, c->rest_version == 3 ? " (REST 3.0)" : "");
  return buf;
}

void b24d_put_counts(const b24_diff_report *r, b24_buf *out) {
  size_t n[B24_TIER_COUNT], accepted;
  b24_changes_count(&r->changes, n, &accepted);
  for (int t = 0; t < B24_TIER_COUNT; t++)
    b24_buf_printf(out, "%s%zu %s", t ? ", " : "", n[t], b24_tier_name((b24_tier)t));
  b24_buf_printf(out, "; %zu accepted; %zu input error%s", accepted, r->n_errors,
                 r->n_errors == 1 ? "" : "s");
}
