#include "mock/faults.h"

#include <string.h>

const mock_fault_info mock_faults[] = {
    {"wrong-status", MOCK_FAULT_WRONG_STATUS,
     "a successful call answers with the status the docs state (202 instead of 200)"},
    {"missing-result-field", MOCK_FAULT_MISSING_RESULT_FIELD,
     "a successful answer carries the documented \"result\" field"},
    {"wrong-field-type", MOCK_FAULT_WRONG_FIELD_TYPE,
     "\"result\" has the documented type"},
    {"undocumented-error", MOCK_FAULT_UNDOCUMENTED_ERROR,
     "errors use only documented codes (every call fails with MOCK_UNDOCUMENTED_ERROR)"},
    {"skip-required-check", MOCK_FAULT_SKIP_REQUIRED_CHECK,
     "a call without a required parameter fails with a documented error"},
    {"no-time", MOCK_FAULT_NO_TIME, "every answer carries the \"time\" object"},
    {"wrong-content-type", MOCK_FAULT_WRONG_CONTENT_TYPE,
     "answers are application/json (text/html instead)"},
    {"ignore-auth", MOCK_FAULT_IGNORE_AUTH,
     "a call with missing or wrong credentials fails with 401 NO_AUTH_FOUND"},
    {"lose-writes", MOCK_FAULT_LOSE_WRITES,
     "a read after an update returns what was written"},
    {"skip-type-check", MOCK_FAULT_SKIP_TYPE_CHECK,
     "a parameter of the wrong type fails with a documented error"},
};
const unsigned mock_n_faults = sizeof mock_faults / sizeof mock_faults[0];

unsigned mock_fault_parse(const char *name) {
  for (unsigned i = 0; i < mock_n_faults; i++)
    if (!strcmp(mock_faults[i].name, name)) return mock_faults[i].bit;
  return 0;
}
