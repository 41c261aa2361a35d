/* What the mock answers: the documented success answer with a fresh `time`
 * object, and error envelopes (classic {"error","error_description"} or REST 3.0
 * {"error":{"code","message"}}) with the documented error chosen for a problem. */
#ifndef B24_MOCK_ANSWER_H
#define B24_MOCK_ANSWER_H
#include <jansson.h>

#include "model/model.h"
#include "util/buf.h"

/* Error codes the docs do not define, used where a page documents none that fits
 * (documented in `b24spec mock --help`). */
#define MOCK_CODE_PARAM "ERROR_ARGUMENT"             /* 400, classic */
#define MOCK_CODE_PARAM_V3 "BITRIX_REST_V3_EXCEPTION_VALIDATION_REQUESTVALIDATIONEXCEPTION"
#define MOCK_CODE_NOT_FOUND "ERROR_NOT_FOUND"        /* 400, classic */
#define MOCK_CODE_NOT_FOUND_V3 "BITRIX_REST_V3_EXCEPTION_ENTITYNOTFOUNDEXCEPTION"
#define MOCK_CODE_NO_AUTH "NO_AUTH_FOUND"            /* 401 */
#define MOCK_CODE_NO_METHOD "ERROR_METHOD_NOT_FOUND" /* 404 */
#define MOCK_CODE_TOO_LARGE "ERROR_REQUEST_TOO_LARGE" /* 413 */
#define MOCK_CODE_BAD_JSON "ERROR_INVALID_JSON"      /* 400 */
#define MOCK_CODE_HTTPS "INVALID_REQUEST"            /* 400, "Https required" */
#define MOCK_CODE_BAD_VERB "ERROR_HTTP_METHOD_NOT_ALLOWED" /* 405 */
#define MOCK_CODE_STORE_FULL "ERROR_CORE"            /* 400, the store limit */
#define MOCK_CODE_UNDOCUMENTED "MOCK_UNDOCUMENTED_ERROR" /* 400, --fault undocumented-error */

/* Which documented error a problem maps to. */
typedef enum { MOCK_ERR_MISSING = 0, MOCK_ERR_TYPE, MOCK_ERR_NOT_FOUND } mock_error_kind;

/* The documented error of meth that best describes the problem with field
 * (dotted path, may be NULL): the 4xx row whose code, message or description
 * mentions the problem and the field most, the first such row on ties. For
 * MISSING and TYPE, the first 4xx row when none mentions either; NULL when the
 * page has no fitting row (the caller then uses a MOCK_CODE_* code). */
const b24_error *mock_pick_error(const b24_method *meth, mock_error_kind kind, const char *field);

/* An error envelope, into out: classic or REST 3.0 (with a "validation" entry
 * naming field when the code is a validation code and field is given).
 * "#FIELD#" and "#TYPE#" in message are replaced by field and type. */
void mock_error_body(b24_buf *out, int v3, const char *code, const char *message,
                     const char *field, const char *type);

/* The success answer of a method without "time": the docs' example (wrapped in
 * "result" when the docs show only the result), or, when the docs have no JSON
 * example, an instance of the method's result schema (schema/schema.h) made from
 * the "Returned Data" table ({"result": true} when even that is empty). New
 * reference. */
json_t *mock_success_answer(const b24_model *m, const b24_method *meth);

/* Breaks the answer as the result faults ask (see faults.h). */
void mock_apply_result_faults(json_t *answer, unsigned faults);

/* Serialized answer with a fresh time object spliced in before the closing '}'
 * (nothing spliced with the no-time fault). start is when the request arrived
 * (seconds since the epoch); reset_at adds "operating_reset_at" as REST 3.0 does. */
void mock_render(b24_buf *out, const char *serialized, size_t len, double start, int reset_at,
                 int with_time);

double mock_now(void);

#endif
