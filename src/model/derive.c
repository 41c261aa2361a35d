/* The order of the derivation steps (derive.h): what each step reads must be
 * settled by the steps before it. */
#include "model/derive.h"

void b24_model_derive(b24_model *m) {
  b24_derive_evidence(m);      /* the kinds examples send ... */
  b24_derive_references(m);    /* ... decide object types on identifiers */
  b24_derive_disagreement(m);  /* against the resolved types */
  b24_derive_deprecation(m);
  b24_derive_lists(m);
  b24_derive_families(m);
  b24_derive_entities(m);      /* reads families, lists and resolved types */
}
