/* Helpers shared by the diff's renderers. */
#ifndef B24_DIFF_RENDER_COMMON_H
#define B24_DIFF_RENDER_COMMON_H
#include "diff/diff.h"

/* The side a change is shown at: NEW where it exists, else OLD. */
const b24_side *b24d_where(const b24_change *c);
/* "user.update", "tasks.task.get (REST 3.0)". */
const char *b24d_method_label(const b24_change *c, char *buf, size_t n);
/* "N breaking, N removed-after-deprecation, ...; N accepted; N input errors". */
void b24d_put_counts(const b24_diff_report *r, b24_buf *out);

#endif
