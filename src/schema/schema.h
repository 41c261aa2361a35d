/* JSON Schemas (draft 2020-12) derived from the method model: a layer below its
 * three consumers. The generators (gen/schema_files.c, gen/openapi.c) write them
 * to files; the mock server and the conformance runner build the same schemas in
 * memory and check requests and responses with util/jsonschema.h.
 *
 * Every schema returned is self-contained: a schema that refers to a documented
 * object type carries it under its own "$defs" and points at it with
 * "#/$defs/<name>", never at another file. Every function returns a new
 * reference (json_decref it). Output is deterministic: keys in a fixed order. */
#ifndef B24_SCHEMA_SCHEMA_H
#define B24_SCHEMA_SCHEMA_H
#include <jansson.h>

#include "model/model.h"

/* Which side of the wire a schema checks. Classic REST answers numbers and flags
 * as strings ("ID": "1") even where the docs' table says integer, so result
 * schemas take a number or a numeric string; parameter schemas are a little
 * stricter but still take what the docs' own request examples send. */
typedef enum { B24_SCHEMA_PARAMS = 0, B24_SCHEMA_RESULT = 1 } b24_schema_side;

/* The schema of one documented type (`integer`, `string[]`, `crm_status`,
 * `uf_enum_element[]`, `integer | null` ...), result side. Object types defined
 * on other pages are inlined from their field table. Unknown words give a
 * permissive schema whose description says so. */
json_t *b24_schema_for_type(const b24_model *m, const b24_type *t);
/* The same for either side. */
json_t *b24_schema_for_type_side(const b24_model *m, const b24_type *t, b24_schema_side side);

/* The schema of one parameter or field: its type, description, enum values,
 * default, nested children (properties) and variants (oneOf / if-then). */
json_t *b24_schema_for_param(const b24_model *m, const b24_param *p, b24_schema_side side);

/* The request of a method: an object with one property per parameter,
 * "required" from the table; unknown properties allowed (clients add `auth`). */
json_t *b24_schema_for_params(const b24_model *m, const b24_method *meth);
/* The whole success response: {"result": ..., "time": ...} (plus "total" and
 * "next" for list methods when the docs show them). */
json_t *b24_schema_for_result(const b24_model *m, const b24_method *meth);
/* The error envelope {"error": "...", "error_description": "..."}. */
json_t *b24_schema_error_envelope(void);
/* The `time` object of every response (data-types.md#time). */
json_t *b24_schema_time(void);

/* Wraps a built schema as a document: "$schema", title, then body's own keys,
 * then defs under "$defs" (when not empty). Takes body's reference. */
json_t *b24_schema_document(json_t *body, const char *title, json_t *defs);

/* The file-name stem of a method's schemas: "user.update", or "tasks.task.get.v3"
 * for a REST 3.0 method (so REST 3.0 and classic twins do not collide).
 * Returns a malloc'd string. */
char *b24_schema_stem(const b24_method *meth);

/* Building many schemas that share one set of object-type definitions, as the
 * OpenAPI document does (components/schemas). References are made as
 * ref_prefix + name ("#/$defs/" for a self-contained schema,
 * "#/components/schemas/" for OpenAPI); the definitions collect in
 * b24_schema_ctx_defs (borrowed; valid until b24_schema_ctx_free). The schemas
 * returned carry no "$schema" and no "$defs". */
typedef struct b24_schema_ctx b24_schema_ctx;
b24_schema_ctx *b24_schema_ctx_new(const b24_model *m, const char *ref_prefix);
void b24_schema_ctx_free(b24_schema_ctx *c);
json_t *b24_schema_ctx_defs(b24_schema_ctx *c);
json_t *b24_schema_ctx_params(b24_schema_ctx *c, const b24_method *meth);
json_t *b24_schema_ctx_result(b24_schema_ctx *c, const b24_method *meth);
json_t *b24_schema_ctx_param(b24_schema_ctx *c, const b24_param *p, b24_schema_side side);
/* An object with one property per parameter of ps (what a params schema is made
 * of; event payloads use it too, schema/event_schema.h). */
json_t *b24_schema_ctx_object(b24_schema_ctx *c, const b24_params *ps, b24_schema_side side);

#endif
