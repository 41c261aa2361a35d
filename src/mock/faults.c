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
    {"list-ignores-start", MOCK_FAULT_LIST_IGNORE_START,
     "a list answers the page that `start` names"},
    {"batch-ignores-halt", MOCK_FAULT_BATCH_IGNORE_HALT,
     "a batch with halt 1 stops at the first failing subquery"},
    {"list-drops-next", MOCK_FAULT_LIST_DROP_NEXT,
     "a list with more than one page says in `next` where the following one starts"},
    {"list-wrong-total", MOCK_FAULT_LIST_WRONG_TOTAL,
     "a list's `total` is the number of objects that pass its filter"},
    {"list-ignores-filter", MOCK_FAULT_LIST_IGNORE_FILTER,
     "a list answers only the objects that pass its filter"},
    {"list-ignores-select", MOCK_FAULT_LIST_IGNORE_SELECT,
     "a list answers only the selected fields (and the id)"},
    {"keep-one-old-value", MOCK_FAULT_KEEP_ONE_OLD_VALUE,
     "a read after an update shows every value written (one keeps its old value)"},
    {"error-status-200", MOCK_FAULT_ERROR_STATUS_200,
     "an error is answered with an error status (HTTP 200 instead)"},
    {"accept-out-of-enum", MOCK_FAULT_ACCEPT_OUT_OF_ENUM,
     "a value outside a documented list of values is refused"},
};
const unsigned mock_n_faults = sizeof mock_faults / sizeof mock_faults[0];

unsigned mock_fault_parse(const char *name) {
  for (unsigned i = 0; i < mock_n_faults; i++)
    if (!strcmp(mock_faults[i].name, name)) return mock_faults[i].bit;
  return 0;
}
