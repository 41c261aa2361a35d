/* The JSON of what model version 2 added (docs/model.md, "Version 2"): written
 * by json_io.c next to the version-1 members, and read back where the members
 * cannot be computed again from the rest (a method's deprecation, references,
 * dictionary definitions). Entities, families, list info, evidence and the
 * parameters' deprecation are not read: the reader computes them again from
 * the methods (b24_model_derive), so they always agree with what they describe. */
#ifndef B24_MODEL_JSON_V2_H
#define B24_MODEL_JSON_V2_H
#include <jansson.h>

#include "model/model.h"

/* A type as json_io.c writes it (json_io.c). */
json_t *b24_json_type(const b24_type *t);

/* Adds the v2 members of one thing to its JSON object o. */
void b24_json_v2_alt(json_t *o, const b24_type_alt *a);
void b24_json_v2_param(json_t *o, const b24_param *p);
void b24_json_v2_method(json_t *o, const b24_method *m);
void b24_json_v2_word(json_t *o, const b24_type_word *w);

/* Top-level elements: an entity, a family. */
json_t *b24_json_v2_entity(const b24_entity *e);
json_t *b24_json_v2_family(const b24_method_family *f);

/* Reads the v2 members written by the functions above that are not computed again. */
void b24_json_v2_read_alt(b24_arena *a, const json_t *o, b24_type_alt *alt);
void b24_json_v2_read_method(b24_arena *a, const json_t *o, b24_method *m);
void b24_json_v2_read_word(b24_arena *a, const json_t *o, b24_type_word *w);

#endif
