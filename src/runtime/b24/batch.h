/* Batches: up to 50 calls in one request (the portal's `batch` method), each answer
 * decoded by its own method's decoder.
 *
 *   b24_batch *b = b24_batch_new();
 *   size_t get_user, get_deal;
 *   b24_user_current_batch(b, NULL, &get_user, &err);
 *   b24_crm_deal_get_batch(b, &deal_params, &get_deal, &err);
 *   if (b24_batch_run(client, b, &err) == B24_OK) {
 *     b24_crm_deal_get_result deal;
 *     if (b24_crm_deal_get_batch_result(b, get_deal, &deal, &err) == B24_OK) ...
 *     b24_crm_deal_get_result_free(&deal);
 *   }
 *   b24_batch_free(b);
 *
 * Each call's parameters travel as a query string ("crm.deal.get?id=5", PHP's nested
 * keys fields[TITLE]=...), as the portal expects. REST 3.0 methods and `batch` itself
 * cannot be batched. A call that failed answers B24_ERR_API with its own error in err; a
 * call the portal did not run (halt after an error) answers B24_ERR_PROTOCOL.
 */
#ifndef B24_BATCH_H
#define B24_BATCH_H
#include <stdbool.h>
#include <stddef.h>
#include <jansson.h>
#include <b24/client.h>
#include <b24/stub.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The most calls one batch may hold (the portal refuses more). */
#define B24_BATCH_MAX 50

typedef struct b24_batch b24_batch;

/* An empty batch (NULL when out of memory). */
B24RT_API b24_batch *b24_batch_new(void);
B24RT_API void b24_batch_free(b24_batch *b);
/* Stop at the first failing call (the portal's `halt`). Default: run every call. */
B24RT_API void b24_batch_set_halt(b24_batch *b, bool halt);
B24RT_API size_t b24_batch_size(const b24_batch *b);

/* Adds a call of `method` with params (a JSON object, borrowed; NULL: none). *index (may
 * be NULL) gets its position. B24_ERR_USAGE when the batch is full, has run, or the
 * method name is not a method name. */
B24RT_API b24_status b24_batch_add(b24_batch *b, const char *method, json_t *params,
                                   size_t *index, b24_api_error *err);
/* The same from a stub's parameter struct (what b24_<method>_batch() calls). */
B24RT_API b24_status b24_batch_add_call(b24_batch *b, const b24_method_desc *m,
                                        const void *params, size_t *index, b24_api_error *err);
/* Sends the batch. B24_OK when the portal answered the batch; each call's own outcome
 * comes from b24_batch_answer / b24_batch_result. */
B24RT_API b24_status b24_batch_run(b24_client *c, b24_batch *b, b24_api_error *err);
/* Call `index` of a batch that ran, as an answer of its own: a new object with "result",
 * "total", "next" and "time", or "error" and "error_description" (B24_ERR_API, err
 * filled). *answer is NULL when the call has no answer. */
B24RT_API b24_status b24_batch_answer(const b24_batch *b, size_t index, json_t **answer,
                                      b24_api_error *err);
/* Call `index` decoded into a stub's result struct (release it with the stub's
 * _result_free, whatever this returns). */
B24RT_API b24_status b24_batch_result(const b24_batch *b, size_t index,
                                      const b24_method_desc *m, void *result,
                                      b24_api_error *err);

/* PHP's http_build_query of a JSON object (nested keys a[b][0]=..., RFC 3986 escapes,
 * true/false as 1/0, null skipped): malloc'd, NULL when out of memory. */
B24RT_API char *b24_query_string(const json_t *params);

#ifdef __cplusplus
}
#endif
#endif
