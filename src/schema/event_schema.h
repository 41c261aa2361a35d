/* JSON Schemas of event payloads: what a handler receives, from the model's
 * events (model.h). The wire form is a form-encoded body whose values are all
 * strings; its JSON reading (PHP's $_POST, or the JSON the docs show) has the
 * same shape, so the schemas take numbers as numbers or numeric strings, like
 * the result side of method schemas. */
#ifndef B24_SCHEMA_EVENT_SCHEMA_H
#define B24_SCHEMA_EVENT_SCHEMA_H
#include <jansson.h>

#include "model/model.h"
#include "schema/schema.h"

/* The payload of e as a schema of ctx c (references into c's definitions). */
json_t *b24_schema_ctx_event(b24_schema_ctx *c, const b24_event *e);
/* A self-contained schema document of e's payload ("$defs" inside). */
json_t *b24_schema_for_event(const b24_model *m, const b24_event *e);
/* File-name stem of an event's schema: the name with characters other than
 * letters, digits, '.', '_' and '-' replaced by '_' ("CallCard__BeforeClose").
 * malloc'd. */
char *b24_event_stem(const b24_event *e);
/* Whether e is the first of its name in the model (two pages may describe one
 * event; the schemas and decoders follow the first, by source path). */
int b24_event_is_first(const b24_model *m, const b24_event *e);

#endif
