/* An instance of a JSON Schema, for methods whose docs give no JSON response
 * example: the mock answers a value of the documented shape (the result schema
 * of schema/schema.h), so that what it answers matches what the conformance suite
 * expects. */
#ifndef B24_MOCK_SYNTH_H
#define B24_MOCK_SYNTH_H
#include <jansson.h>

/* A value schema accepts: for each keyword the first choice (first type, first
 * enum value, first oneOf/anyOf branch), objects with every property, arrays of
 * one item. Local $refs are followed from root. New reference. */
json_t *mock_instance_of(const json_t *root, const json_t *schema);

#endif
