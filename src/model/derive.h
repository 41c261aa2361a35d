/* Model knowledge that spans pages (model version 2), computed once when a
 * model is loaded from docs or read from JSON: references of type words,
 * evidence from examples, list methods, the batch method, families and
 * entities. Each step is its own file; derive.c runs them in order. */
#ifndef B24_MODEL_DERIVE_H
#define B24_MODEL_DERIVE_H
#include "model/model.h"

/* Runs every step below, in order. Idempotent: a model read back from its JSON
 * derives the same again. */
void b24_model_derive(b24_model *m);

/* references.c: dictionary identifiers (`user` -> integer) and object types on
 * identifier parameters whose examples send scalars (CURRENCY_ID). Needs the
 * evidence's kinds. */
void b24_derive_references(b24_model *m);
/* evidence.c: the JSON types examples give, per param and result field;
 * b24_derive_disagreement compares them with the (resolved) types. */
void b24_derive_evidence(b24_model *m);
void b24_derive_disagreement(b24_model *m);
/* deprecation.c: parameters whose description says they are outdated; methods'
 * replacements that name a family made the family's method of the same verb;
 * the counts of deprecated methods (read from their pages when loaded). */
void b24_derive_deprecation(b24_model *m);
/* list_info.c */
void b24_derive_lists(b24_model *m);
/* families.c: families and the batch method. */
void b24_derive_families(b24_model *m);
/* entity.c: entities of the families, their fields and methods' roles. */
void b24_derive_entities(b24_model *m);

#endif
