/* Request bodies synthesized from a method's parameter schema, for the suite's
 * cases where the docs give no usable example, and to send every documented
 * parameter at least once. Values are the documented ones where the schema has
 * them (const, enum members, defaults, examples), else type-correct values;
 * strings carry a mark derived from the suite's seed, so one seed gives the same
 * suite and another seed other strings. */
#ifndef B24_GEN_SUITE_SYNTH_H
#define B24_GEN_SUITE_SYNTH_H
#include <jansson.h>

#include "model/model.h"
#include "util/buf.h"

typedef enum {
  SUITE_SYNTH_REQUIRED, /* the required parameters only (nested required ones too) */
  SUITE_SYNTH_ALL,      /* every documented parameter, nested ones too */
} suite_synth_scope;

/* A body the parameter schema accepts (as JSON and as the portal reads it), or
 * NULL when none can be made: a value the schema takes cannot be found for a
 * required parameter. Parameters whose values the schema refuses are left out
 * (with SUITE_SYNTH_ALL). New reference. */
json_t *suite_synth_body(const b24_method *meth, const json_t *params_schema,
                         suite_synth_scope scope, unsigned seed);

/* How many variants the parameter schema has at most in one object (tabs of a
 * per-variant table: the SETTINGS of each user-field type, the fields of each
 * CRM entity type); 0 when none. */
int suite_synth_variants(const json_t *params_schema);
/* suite_synth_body with variant number branch (0-based) of every object that
 * has variants filled in, its discriminator set accordingly; -1: none. */
json_t *suite_synth_variant(const b24_method *meth, const json_t *params_schema,
                            suite_synth_scope scope, unsigned seed, int branch);

/* A short text mark for a value at path: "b24spec-s<seed>-<hash>", the same for
 * the same seed, method and path. Written into out (size n). */
void suite_synth_mark(unsigned seed, const char *method, const char *path, char *out, size_t n);

/* Validates body against the method's parameter schema the way the portal
 * reads it (keys in the documented spelling, see b24_params_as_portal_reads);
 * flags and errors (may be NULL) as for b24_jsonschema_validate_ex. 0 when valid. */
int suite_validate_params(const b24_method *meth, const json_t *schema, const json_t *body,
                          int flags, b24_buf *errors);

#endif
