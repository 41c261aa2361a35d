/* `batch` as settings/how-to-call-rest-api/batch.md describes it: `cmd` (an
 * object or a list of "method?query" strings, at most MOCK_BATCH_MAX run; the
 * rest answer ERROR_BATCH_LENGTH_EXCEEDED), `halt` (stop at the first error),
 * `$result[key][field]...` in a query replaced by what an earlier subquery
 * answered, no batch inside batch (ERROR_BATCH_METHOD_NOT_ALLOWED). The answer:
 * result.{result, result_error, result_total, result_next, result_time}, each
 * keyed by the subquery's key (an empty one as []). */
#ifndef B24_MOCK_BATCH_H
#define B24_MOCK_BATCH_H
#include <jansson.h>

#include "mock/handle.h"

#define MOCK_BATCH_MAX 50

/* The subquery q with every $result[key][field]... replaced by the text of what
 * it names in results (form-encoded; a reference to nothing becomes empty).
 * malloc'd. */
char *mock_batch_expand(const char *q, const json_t *results);

void mock_batch(const mock_catalog *c, const mock_config *cfg, const mock_request *rq,
                const json_t *params, mock_response *out);

#endif
