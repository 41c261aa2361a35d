/* Request validation: are the documented required parameters there, and do the
 * values have the documented types? Kept behind this one function so that the
 * check can move to the generated JSON Schemas without touching the server. */
#ifndef B24_MOCK_VALIDATE_H
#define B24_MOCK_VALIDATE_H
#include <jansson.h>

#include "model/model.h"

typedef enum { MOCK_VALID = 0, MOCK_MISSING, MOCK_WRONG_TYPE } mock_violation_kind;

typedef struct mock_violation {
  mock_violation_kind kind;
  char field[256];   /* dotted path of the parameter: "ID", "fields.SORT" */
  char type[64];     /* the documented type as written, for WRONG_TYPE */
} mock_violation;

enum {
  MOCK_CHECK_REQUIRED = 1, /* report missing required parameters */
  MOCK_CHECK_TYPES = 2,    /* report values of the wrong type */
};

/* Renames top-level keys of params that match a documented parameter only when
 * case is ignored ("ID" for a documented "id"), as the portal's PHP reads them;
 * then checks params against meth. Missing parameters are reported before wrong
 * types, each in the docs' order. Returns v->kind. */
mock_violation_kind mock_validate(const b24_method *meth, json_t *params, int checks,
                                  mock_violation *v);

/* The integer a parameter value stands for (a JSON integer or a decimal string);
 * -1 when it is neither. */
long long mock_id_value(const json_t *v);

#endif
