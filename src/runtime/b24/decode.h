/* Lenient decoding of portal results.
 *
 * Bitrix24 is loose about JSON types: classic methods return numbers as strings
 * ("ID": "1"), flags as "Y"/"N", and empty fields as "". These helpers accept every
 * spelling the portal uses for a type and refuse anything else, so generated stubs can
 * decode a field in one line without caring which spelling a method uses.
 *
 * b24_json_as_*: decode one value. Return 0 and write *out on success; return -1 and
 * leave *out untouched when `v` is NULL or not convertible.
 *
 * b24_json_get_*: decode the member `key` of object `obj` into an optional. A missing
 * member, JSON null, and "" leave it unset and return 0; a member that is present but
 * not convertible leaves it unset and returns -1 (so a stub can report a type drift).
 */
#ifndef B24_DECODE_H
#define B24_DECODE_H
#include <stdbool.h>
#include <jansson.h>
#include <b24/export.h>
#include <b24/optional.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Integers: JSON integers, reals with an integral value in range, and decimal strings
 * ("42", "-7"; no spaces, no fraction, no hex). */
B24RT_API int b24_json_as_int(const json_t *v, long long *out);
/* Numbers: JSON integers and reals, and strings in JSON number syntax ("1.5", "2e3").
 * Independent of the process locale. */
B24RT_API int b24_json_as_double(const json_t *v, double *out);
/* Booleans: true/false, 1/0, "Y"/"N" (also "y"/"n"), "1"/"0", "true"/"false". */
B24RT_API int b24_json_as_bool(const json_t *v, bool *out);
/* Strings: only JSON strings; *out is borrowed from `v` and lives as long as `v`. */
B24RT_API int b24_json_as_str(const json_t *v, const char **out);

B24RT_API int b24_json_get_int(const json_t *obj, const char *key, b24_opt_int *out);
B24RT_API int b24_json_get_double(const json_t *obj, const char *key, b24_opt_double *out);
B24RT_API int b24_json_get_bool(const json_t *obj, const char *key, b24_opt_bool *out);
/* *out = borrowed string or NULL (missing or null). "" is returned as "", not unset:
 * for strings the empty value is a value. A non-string member: *out = NULL, -1. */
B24RT_API int b24_json_get_str(const json_t *obj, const char *key, const char **out);

#ifdef __cplusplus
}
#endif
#endif
