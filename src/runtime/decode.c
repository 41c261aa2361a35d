/* Lenient decoding of portal values (see b24/decode.h). */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "b24/decode.h"

/* A decimal integer string: optional '-', digits only, nothing else (strtoll alone would
 * accept leading spaces, '+' and trailing junk). */
static int parse_int_string(const char *s, long long *out) {
  const char *digits = s[0] == '-' ? s + 1 : s;
  if (!*digits || strspn(digits, "0123456789") != strlen(digits)) return -1;
  errno = 0;
  long long v = strtoll(s, NULL, 10);
  if (errno == ERANGE) return -1;
  *out = v;
  return 0;
}

int b24_json_as_int(const json_t *v, long long *out) {
  if (json_is_integer(v)) {
    *out = (long long)json_integer_value(v);
    return 0;
  }
  if (json_is_real(v)) {
    double d = json_real_value(v);
    /* -2^63 is exact as a double; 2^63 is the first value out of range. */
    if (d != floor(d) || d < -9223372036854775808.0 || d >= 9223372036854775808.0) return -1;
    *out = (long long)d;
    return 0;
  }
  if (json_is_string(v)) return parse_int_string(json_string_value(v), out);
  return -1;
}

/* A number inside a string is parsed by jansson as JSON, which is locale-independent
 * (strtod would read "1.5" as 1 under a locale with a decimal comma). */
static int parse_number_string(const char *s, double *out) {
  if (!*s || strspn(s, "0123456789+-.eE") != strlen(s)) return -1;
  json_t *n = json_loads(s, JSON_DECODE_ANY, NULL);
  int rc = -1;
  if (json_is_number(n)) {
    *out = json_number_value(n);
    rc = 0;
  }
  json_decref(n);
  return rc;
}

int b24_json_as_double(const json_t *v, double *out) {
  if (json_is_number(v)) {
    *out = json_number_value(v);
    return 0;
  }
  if (json_is_string(v)) return parse_number_string(json_string_value(v), out);
  return -1;
}

int b24_json_as_bool(const json_t *v, bool *out) {
  if (json_is_boolean(v)) {
    *out = json_is_true(v);
    return 0;
  }
  if (json_is_integer(v) && (json_integer_value(v) == 0 || json_integer_value(v) == 1)) {
    *out = json_integer_value(v) == 1;
    return 0;
  }
  if (json_is_string(v)) {
    static const char *const yes[] = {"Y", "y", "1", "true"}, *const no[] = {"N", "n", "0", "false"};
    const char *s = json_string_value(v);
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
      if (strcmp(s, yes[i]) == 0 || strcmp(s, no[i]) == 0) {
        *out = strcmp(s, yes[i]) == 0;
        return 0;
      }
    }
  }
  return -1;
}

int b24_json_as_str(const json_t *v, const char **out) {
  if (!json_is_string(v)) return -1;
  *out = json_string_value(v);
  return 0;
}

/* The member to decode, or NULL when it counts as unset: missing, null, or "" (classic
 * methods send "" for an empty number, date or flag). */
static const json_t *member_or_unset(const json_t *obj, const char *key) {
  const json_t *v = json_is_object(obj) && key ? json_object_get(obj, key) : NULL;
  if (json_is_null(v) || (json_is_string(v) && json_string_length(v) == 0)) return NULL;
  return v;
}

int b24_json_get_int(const json_t *obj, const char *key, b24_opt_int *out) {
  const json_t *v = member_or_unset(obj, key);
  out->set = false;
  if (!v) return 0;
  if (b24_json_as_int(v, &out->value) != 0) return -1;
  out->set = true;
  return 0;
}

int b24_json_get_double(const json_t *obj, const char *key, b24_opt_double *out) {
  const json_t *v = member_or_unset(obj, key);
  out->set = false;
  if (!v) return 0;
  if (b24_json_as_double(v, &out->value) != 0) return -1;
  out->set = true;
  return 0;
}

int b24_json_get_bool(const json_t *obj, const char *key, b24_opt_bool *out) {
  const json_t *v = member_or_unset(obj, key);
  out->set = false;
  if (!v) return 0;
  if (b24_json_as_bool(v, &out->value) != 0) return -1;
  out->set = true;
  return 0;
}

int b24_json_get_str(const json_t *obj, const char *key, const char **out) {
  const json_t *v = json_is_object(obj) && key ? json_object_get(obj, key) : NULL;
  *out = NULL;
  if (!v || json_is_null(v)) return 0;
  return b24_json_as_str(v, out);
}
