/* The names of the conformance checks (see check_names.h). */
#include "suite/check_names.h"

#include <stdio.h>
#include <string.h>

const b24_check_info b24_checks[B24_CHECK_COUNT] = {
    {"not_server_error", "the portal answers, and not with a 5xx status"},
    {"status_code", "the HTTP status is the documented one for the answer given"},
    {"content_type", "the answer is declared as JSON (Content-Type: application/json)"},
    {"envelope", "a success carries `result` and `time`, an error `error` and `error_description`"},
    {"result_schema", "a success answer validates against the method's result schema"},
    {"error_code_documented", "an error code is among the method's documented and the system errors"},
    {"invalid_input_rejected", "a request missing a required parameter or with a wrong type is refused"},
    {"valid_input_accepted", "the docs' own example request succeeds"},
    {"auth_not_ignored", "a call without credentials or with wrong ones gets 401"},
    {"read_after_write", "what add and update wrote is what get reads back"},
    {"delete_removes", "after delete, get and update of the object fail as documented"},
    {"list_paging", "a list's total, next and start page through every object once (start=-1: no total)"},
    {"list_filter", "a list filtered on a field answers the objects that pass and no other"},
    {"list_order", "a list ordered by a field answers it ascending or descending as asked"},
    {"list_select", "a list with select answers only the selected fields (and the id)"},
    {"batch", "batch runs its commands, passes $result[...] on and halts as documented"},
    {"constraint_rejected", "a value outside an enum, of a wrong format or against a pattern is refused"},
};

int b24_check_find(const char *name) {
  for (int i = 0; i < B24_CHECK_COUNT; i++)
    if (!strcmp(b24_checks[i].name, name)) return i;
  return -1;
}

unsigned b24_checks_mask(const json_t *names) {
  unsigned mask = 0;
  size_t i;
  const json_t *c;
  json_array_foreach(names, i, c) {
    int id = json_is_string(c) ? b24_check_find(json_string_value(c)) : -1;
    if (id >= 0) mask |= 1u << id;
  }
  return mask;
}

int b24_checks_parse(const char *list, bool *on, char *err, size_t errlen) {
  bool first = true;
  for (int i = 0; i < B24_CHECK_COUNT; i++) on[i] = true;
  for (const char *p = list; *p;) {
    size_t n = strcspn(p, ",");
    char name[64];
    if (n == 0 || n >= sizeof name) {
      snprintf(err, errlen, "bad --checks list \"%s\"", list);
      return -1;
    }
    memcpy(name, p, n);
    name[n] = 0;
    p += n + (p[n] == ',');
    bool off = name[0] == '-';
    const char *nm = off ? name + 1 : name;
    if (!strcmp(nm, "all")) {
      for (int i = 0; i < B24_CHECK_COUNT; i++) on[i] = !off;
    } else {
      int id = b24_check_find(nm);
      if (id < 0) {
        snprintf(err, errlen, "unknown check \"%s\" (b24spec check --list-checks)", nm);
        return -1;
      }
      if (first && !off)
        for (int i = 0; i < B24_CHECK_COUNT; i++) on[i] = false;
      on[id] = !off;
    }
    first = false;
  }
  return 0;
}
