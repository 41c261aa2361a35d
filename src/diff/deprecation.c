/* Deprecation as the model records it (model v2): the one place the diff reads it. */
#include "diff/diff_internal.h"

const b24_deprecation *b24d_param_deprecation(const b24_param *p) { return p->deprecated; }

const b24_deprecation *b24d_method_deprecation(const b24_method *m) { return m->deprecated; }
