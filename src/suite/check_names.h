/* The promises the conformance suite checks, each with a name a user can switch
 * on or off (`b24spec check --checks all,-content_type`). Each generated case
 * lists the checks that apply to it; the runner applies those that are on. The
 * names are part of the suite's format, shared by the generator and the runner. */
#ifndef B24_SUITE_CHECK_NAMES_H
#define B24_SUITE_CHECK_NAMES_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

typedef enum {
  B24_CHECK_NOT_SERVER_ERROR,
  B24_CHECK_STATUS_CODE,
  B24_CHECK_CONTENT_TYPE,
  B24_CHECK_ENVELOPE,
  B24_CHECK_RESULT_SCHEMA,
  B24_CHECK_ERROR_CODE_DOCUMENTED,
  B24_CHECK_INVALID_INPUT_REJECTED,
  B24_CHECK_VALID_INPUT_ACCEPTED,
  B24_CHECK_AUTH_NOT_IGNORED,
  B24_CHECK_READ_AFTER_WRITE,
  B24_CHECK_DELETE_REMOVES,
  B24_CHECK_LIST_PAGING,
  B24_CHECK_LIST_FILTER,
  B24_CHECK_LIST_ORDER,
  B24_CHECK_LIST_SELECT,
  B24_CHECK_BATCH,
  B24_CHECK_CONSTRAINT_REJECTED,
  B24_CHECK_COUNT
} b24_check_id;

typedef struct b24_check_info {
  const char *name;
  const char *summary;
} b24_check_info;

extern const b24_check_info b24_checks[B24_CHECK_COUNT];

/* The check called name, -1 when there is none. */
int b24_check_find(const char *name);

/* The checks a case or step asks for (its "checks" array of names) as a bit set,
 * bit i for check i: read once at load, not per answer. */
unsigned b24_checks_mask(const json_t *names);

/* Parses a --checks list into on[B24_CHECK_COUNT]: names separated by commas;
 * "all" turns every check on, "-name" turns one off, and a list that starts
 * with a plain name turns on only what it names. -1 with a message in err. */
int b24_checks_parse(const char *list, bool *on, char *err, size_t errlen);

#endif
