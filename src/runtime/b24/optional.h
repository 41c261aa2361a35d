/* Optional values for the structs of generated client stubs.
 *
 * A Bitrix24 field that the caller did not set (or that the portal did not return) must
 * stay distinguishable from 0 / false, so numbers and booleans are wrapped in a
 * { set, value } pair. Strings need no wrapper: they are `const char *`, NULL = unset.
 *
 *   b24_opt_int id = b24_some_int(42);     // set
 *   b24_opt_bool active = B24_UNSET;       // not set: not sent, or not returned
 */
#ifndef B24_OPTIONAL_H
#define B24_OPTIONAL_H
#include <stdbool.h>

typedef struct b24_opt_int {
  bool set;
  long long value; /* meaningful only when set */
} b24_opt_int;

typedef struct b24_opt_double {
  bool set;
  double value;
} b24_opt_double;

typedef struct b24_opt_bool {
  bool set;
  bool value;
} b24_opt_bool;

/* Initializer for any of the three types above: `b24_opt_int x = B24_UNSET;`. */
#define B24_UNSET {false, 0}

static inline b24_opt_int b24_some_int(long long v) {
  b24_opt_int o = {true, v};
  return o;
}

static inline b24_opt_double b24_some_double(double v) {
  b24_opt_double o = {true, v};
  return o;
}

static inline b24_opt_bool b24_some_bool(bool v) {
  b24_opt_bool o = {true, v};
  return o;
}

#endif
