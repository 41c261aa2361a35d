/* Placeholder for the C client stubs generator while it is being written. */
#include "gen/gen.h"

int b24_gen_c(const b24_model *m, b24_outputs *o) {
  (void)m;
  (void)o;
  return 0;
}
