/* The promises the conformance suite checks, each with a name a user can switch
 * on or off (`b24spec check --checks all,-content_type`). Each generated case
 * lists the checks that apply to it; the runner applies those that are on. */
#ifndef B24_CHECK_CHECKS_H
#define B24_CHECK_CHECKS_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "util/buf.h"

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

/* ---- the checks themselves ---------------------------------------------
 * Each returns 1 when the promise holds, 0 when it is broken with the reason
 * appended to why. */

/* What the docs say a method's answers look like, read from its suite file. */
typedef struct b24_method_expect {
  int rest_version;
  int success_status;         /* 200 unless the docs say otherwise */
  const json_t *errors;        /* [{"code", "status": [..]}] the method's own */
  const json_t *system_errors; /* the same for the errors every method can give */
  const json_t *result_schema; /* NULL: not checked */
  const json_t *time_schema;   /* b24_schema_time(), built once per run */
} b24_method_expect;

/* One answer, parsed. */
typedef struct b24_answer {
  long status;
  const char *content_type;    /* NULL when the header was absent */
  const char *body;
  size_t body_len;
  json_t *json;                /* NULL when the body is not JSON */
  bool is_error;               /* json holds an "error" member */
  const char *error_code;      /* that member's code (string form), else NULL */
} b24_answer;

/* Fills the parsed fields of a from status, content type and body (body is
 * borrowed; json is a new reference, free with b24_answer_clear). */
void b24_answer_parse(b24_answer *a, long status, const char *content_type, const char *body,
                      size_t len);
void b24_answer_clear(b24_answer *a);

int b24_check_not_server_error(const b24_answer *a, b24_buf *why);
int b24_check_content_type(const b24_answer *a, b24_buf *why);
int b24_check_envelope(const b24_method_expect *m, const b24_answer *a, b24_buf *why);
/* expect_status: the statuses the case allows (NULL: as documented). */
int b24_check_status_code(const b24_method_expect *m, const b24_answer *a, bool expect_success,
                          const json_t *expect_status, b24_buf *why);
int b24_check_result_schema(const b24_method_expect *m, const b24_answer *a, b24_buf *why);
/* expect_codes: the codes the case allows (NULL: the documented ones). */
int b24_check_error_code_documented(const b24_method_expect *m, const b24_answer *a,
                                    const json_t *expect_codes, b24_buf *why);
int b24_check_rejected(const b24_answer *a, b24_buf *why);
int b24_check_accepted(const b24_answer *a, b24_buf *why);
/* The answer to a call without valid credentials: 401 with an auth error code. */
int b24_check_auth_rejected(const b24_answer *a, const json_t *expect_codes, b24_buf *why);
/* Every scalar in fields equals (loosely: 150 == "150") the same key of the
 * record at record_path in the answer, where the record has that key. */
int b24_check_fields_read_back(const b24_answer *a, const char *record_path,
                               const json_t *fields, b24_buf *why);

#endif
