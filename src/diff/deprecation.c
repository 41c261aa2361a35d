/* Deprecation as the model records it: the one place the diff reads it. */
#include "diff/diff_internal.h"

bool b24d_param_deprecated(const b24_param *p) {
  (void)p;
  return false;
}

bool b24d_method_deprecated(const b24_method *m, const char **replacement) {
  (void)m;
  if (replacement) *replacement = NULL;
  return false;
}
