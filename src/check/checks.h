/* The promises the conformance suite checks, as the runner judges them on one
 * answer each (the names they go by are suite/check_names.h). */
#ifndef B24_CHECK_CHECKS_H
#define B24_CHECK_CHECKS_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "suite/check_names.h"
#include "util/buf.h"

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

/* A batch answer holds what the case's "batch" object asks: "results" and
 * "errors" (keys in result.result / result.result_error), "absent" (keys in
 * neither: halted), "same" (pairs of paths whose scalars agree: $result[...]
 * passed on). */
int b24_check_batch(const b24_answer *a, const json_t *spec, b24_buf *why);

#endif
