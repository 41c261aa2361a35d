/* A validator for the subset of JSON Schema 2020-12 that the generators emit:
 * type (string or array), properties, required, additionalProperties (schema or
 * bool), items, prefixItems, minItems, maxItems, enum, const, oneOf, anyOf,
 * allOf, not, if/then/else, pattern (POSIX ERE, anchors kept), format "date"
 * and "date-time" (RFC 3339, as ajv-formats checks them), minimum, maximum,
 * minLength, maxLength, and $ref to "#", "#/$defs/<name>" or any local JSON
 * pointer. Annotation keywords (description, title, default, examples, other
 * formats, $schema, $id, $comment) are ignored. Unknown keywords are ignored too, so a
 * schema from elsewhere is checked on the keywords this validator knows.
 *
 * Errors are lines "#<json pointer>: <message>\n" appended to a b24_buf, the
 * pointer (in URI fragment form) addressing the instance: "#" is the whole
 * document, "#/fields/SORT" a property in it. */
#ifndef B24_UTIL_JSONSCHEMA_H
#define B24_UTIL_JSONSCHEMA_H
#include <jansson.h>

#include "util/buf.h"

/* Flags for b24_jsonschema_validate_ex. */
enum {
  /* Strings stand for numbers, integers and booleans when they read as one
   * ("42", "4.5", "true"/"false"/"Y"/"N"/"1"/"0"), as in a form-encoded
   * request where every value arrives as a string. Scalars are read as the
   * portal reads them in dates too: a "date" or "date-time" string may be
   * empty, take or leave out the time, and be spelled DD.MM.YYYY or MM/DD/YYYY
   * (b24_jsonschema_format_ok). */
  B24_JSONSCHEMA_FORM_SCALARS = 1
};

/* Validates instance against schema (its own root for $ref). Returns the number
 * of errors found, 0 when valid; errors (may be NULL) gets one line per error. */
int b24_jsonschema_validate(const json_t *schema, const json_t *instance, b24_buf *errors);
int b24_jsonschema_validate_ex(const json_t *schema, const json_t *instance, int flags,
                               b24_buf *errors);
/* The target of a local $ref ("#" or a JSON pointer such as "#/$defs/crm_status")
 * inside root; NULL when it does not resolve. */
const json_t *b24_jsonschema_resolve_ref(const json_t *root, const char *ref);
/* Whether string s has the format: 1 yes, 0 no, -1 a format the validator does
 * not assert (only "date" and "date-time" are; jsonschema_format.c). flags 0:
 * RFC 3339 full-date / date-time as ajv-formats checks them (a zone required);
 * B24_JSONSCHEMA_FORM_SCALARS: the portal's spellings besides. */
int b24_jsonschema_format_ok(const char *format, const char *s, int flags);

#endif
