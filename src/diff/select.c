#define _GNU_SOURCE /* FNM_CASEFOLD */
/* --methods, --kinds, --tiers: the changes a run reports. */
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "diff/diff_internal.h"

/* One of the comma-separated globs matches the method, without case. */
static bool method_matches(const char *globs, const char *method) {
  char buf[512];
  for (const char *s = globs; *s;) {
    size_t n = strcspn(s, ",");
    if (n && n < sizeof buf) {
      memcpy(buf, s, n);
      buf[n] = 0;
      if (!fnmatch(buf, method, FNM_CASEFOLD)) return true;
    }
    s += n;
    if (*s) s++;
  }
  return false;
}

void b24_changes_select(b24_changes *c, const char *method_globs, const bool *kinds,
                        const bool *tiers) {
  size_t k = 0;
  for (size_t i = 0; i < c->n; i++) {
    b24_change *x = &c->v[i];
    bool keep = (!method_globs || method_matches(method_globs, x->method)) &&
                (!kinds || kinds[x->kind]) && (!tiers || tiers[x->tier]);
    if (keep) c->v[k++] = *x;
    else b24d_change_free(x);
  }
  c->n = k;
}
