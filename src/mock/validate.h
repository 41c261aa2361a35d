/* Request validation: are the documented required parameters there, and do the
 * values have the documented types? The check is the generated JSON Schema of
 * the method's parameters (schema/schema.h) run by util/jsonschema.h, so the mock
 * and the conformance suite judge a request alike; this file turns its findings
 * into the one problem the mock answers. */
#ifndef B24_MOCK_VALIDATE_H
#define B24_MOCK_VALIDATE_H
#include <jansson.h>

#include "model/model.h"

typedef enum { MOCK_VALID = 0, MOCK_MISSING, MOCK_WRONG_TYPE } mock_violation_kind;

typedef struct mock_violation {
  mock_violation_kind kind;
  char field[256];   /* dotted path of the parameter: "ID", "fields.SORT" */
  char type[64];     /* the documented type as written, for WRONG_TYPE ("" if unknown) */
  char finding[160]; /* the validator's words, for WRONG_TYPE: "expected integer, got string" */
} mock_violation;

enum {
  MOCK_CHECK_REQUIRED = 1, /* report missing required parameters */
  MOCK_CHECK_TYPES = 2,    /* report values of the wrong type (any other schema finding) */
  MOCK_CHECK_ENUMS = 4,    /* with MOCK_CHECK_TYPES: report values outside a documented enum */
};

/* Prepares params as the portal's PHP reads them (top-level keys matched to the
 * documented names ignoring case, `ID` for a documented `id`; an empty JSON array
 * where the docs say object is an empty object), then checks them against
 * schema (b24_schema_for_params of meth). A missing parameter is reported before
 * any other finding; among findings of one kind, the validator's first. Findings
 * that PHP does not see are dropped (an object for an array, an integer for a
 * string). */
mock_violation_kind mock_validate(const b24_method *meth, const json_t *schema, json_t *params,
                                  int checks, mock_violation *v);

/* The integer a parameter value stands for (a JSON integer or a decimal string);
 * -1 when it is neither. */
long long mock_id_value(const json_t *v);

#endif
