/* The REST call in a JS or PHP example, and its parameters read as the request
 * body. The call forms of the docs:
 *   JS   X.callMethod('m', params, ...), X.callListMethod / X.fetchListMethod,
 *        $b24.actions.vN.call.make({method: 'm', params: {...}}) (also callList,
 *        fetchList, with TypeScript type arguments make<T>(...))
 *   PHP  CRest::call('m', [...]), $b24Service->core->call('m', [...]),
 *        restCommand('m', [...])
 * When the parameters are a variable, the value the example assigns to it
 * before the call (var params = {...}; $params = [...];) is read instead. */
#ifndef B24_MODEL_EXAMPLE_CALLS_H
#define B24_MODEL_EXAMPLE_CALLS_H
#include <stddef.h>

#include "model/example_body.h"

typedef enum { B24_CODE_JS = 0, B24_CODE_PHP } b24_code_lang;

/* Finds the calls in code and reads the parameters of the one that names
 * `method` (case-insensitively), else of the first. Returns 0 when the code has
 * no call of a form above (out untouched), else 1: out->method is the method
 * the call names, out->text the parameters' source text and out->value their
 * JSON (an empty object when the call passes none), or out->error says why they
 * could not be read ("line N: ..." counted from the line of out->at). */
int b24_example_call_body(const char *code, size_t len, b24_code_lang lang, const char *method,
                          b24_body_read *out);

#endif
