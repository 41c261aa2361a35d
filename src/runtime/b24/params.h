/* Building the JSON parameters of a call, one member at a time, so that generated
 * stubs stay one line per field.
 *
 * Every setter returns 0 on success and -1 when `obj` is not a JSON object, `key` is
 * NULL, the value cannot be represented (a non-finite double) or memory ran out.
 * "Unset" values are skipped and count as success: a NULL string or json_t, and an
 * optional whose `set` is false. A member that already exists is replaced.
 */
#ifndef B24_PARAMS_H
#define B24_PARAMS_H
#include <stdbool.h>
#include <stddef.h>
#include <jansson.h>
#include <b24/export.h>
#include <b24/optional.h>

#ifdef __cplusplus
extern "C" {
#endif

/* obj[key] = "value" (UTF-8, copied); NULL value: nothing is set. */
B24RT_API int b24_params_set_str(json_t *obj, const char *key, const char *value);
/* obj[key] = integer. */
B24RT_API int b24_params_set_int(json_t *obj, const char *key, long long value);
/* obj[key] = number; NaN and infinities are refused (-1), JSON cannot carry them. */
B24RT_API int b24_params_set_double(json_t *obj, const char *key, double value);
/* obj[key] = true / false (JSON booleans; REST 3.0 and most newer methods). */
B24RT_API int b24_params_set_bool(json_t *obj, const char *key, bool value);
/* obj[key] = "Y" / "N" (the classic Bitrix24 flag convention, e.g. ACTIVE). */
B24RT_API int b24_params_set_yn(json_t *obj, const char *key, bool value);
/* obj[key] = value, borrowed: the caller keeps its reference. NULL: nothing is set. */
B24RT_API int b24_params_set_json(json_t *obj, const char *key, json_t *value);
/* obj[key] = value, stolen: the reference passes to obj even on failure. NULL: nothing. */
B24RT_API int b24_params_set_json_new(json_t *obj, const char *key, json_t *value);
/* obj[key] = ["a", "b", ...] from n strings (NULL items are refused, -1). */
B24RT_API int b24_params_set_str_array(json_t *obj, const char *key, const char *const *items,
                                       size_t n);
/* obj[key] = [1, 2, ...] from n integers. */
B24RT_API int b24_params_set_int_array(json_t *obj, const char *key, const long long *items,
                                       size_t n);

/* The same for optional values: set only when `v.set` is true. */
B24RT_API int b24_params_set_opt_int(json_t *obj, const char *key, b24_opt_int v);
B24RT_API int b24_params_set_opt_double(json_t *obj, const char *key, b24_opt_double v);
B24RT_API int b24_params_set_opt_bool(json_t *obj, const char *key, b24_opt_bool v);
B24RT_API int b24_params_set_opt_yn(json_t *obj, const char *key, b24_opt_bool v);

#ifdef __cplusplus
}
#endif
#endif
