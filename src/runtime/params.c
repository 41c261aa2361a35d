/* Setters for call parameters (see b24/params.h). */
#include <math.h>

#include "b24/params.h"

int b24_params_set_json_new(json_t *obj, const char *key, json_t *value) {
  if (!value) return 0;
  if (!json_is_object(obj) || !key) {
    json_decref(value);
    return -1;
  }
  return json_object_set_new(obj, key, value) == 0 ? 0 : -1;
}

/* For setters whose value is always present: a NULL json_t here means allocation (or
 * encoding) failed, which must not pass as "unset". */
static int set_made(json_t *obj, const char *key, json_t *value) {
  if (!value) return -1;
  return b24_params_set_json_new(obj, key, value);
}

int b24_params_set_json(json_t *obj, const char *key, json_t *value) {
  return value ? b24_params_set_json_new(obj, key, json_incref(value)) : 0;
}

int b24_params_set_str(json_t *obj, const char *key, const char *value) {
  return value ? set_made(obj, key, json_string(value)) : 0;
}

int b24_params_set_int(json_t *obj, const char *key, long long value) {
  return set_made(obj, key, json_integer((json_int_t)value));
}

int b24_params_set_double(json_t *obj, const char *key, double value) {
  return isfinite(value) ? set_made(obj, key, json_real(value)) : -1;
}

int b24_params_set_bool(json_t *obj, const char *key, bool value) {
  return set_made(obj, key, json_boolean(value));
}

int b24_params_set_yn(json_t *obj, const char *key, bool value) {
  return set_made(obj, key, json_string(value ? "Y" : "N"));
}

int b24_params_set_str_array(json_t *obj, const char *key, const char *const *items, size_t n) {
  json_t *array = (items || n == 0) ? json_array() : NULL;
  for (size_t i = 0; array && i < n; i++) {
    if (!items[i] || json_array_append_new(array, json_string(items[i])) != 0) {
      json_decref(array);
      array = NULL;
    }
  }
  return set_made(obj, key, array);
}

int b24_params_set_int_array(json_t *obj, const char *key, const long long *items, size_t n) {
  json_t *array = (items || n == 0) ? json_array() : NULL;
  for (size_t i = 0; array && i < n; i++) {
    if (json_array_append_new(array, json_integer((json_int_t)items[i])) != 0) {
      json_decref(array);
      array = NULL;
    }
  }
  return set_made(obj, key, array);
}

int b24_params_set_opt_int(json_t *obj, const char *key, b24_opt_int v) {
  return v.set ? b24_params_set_int(obj, key, v.value) : 0;
}

int b24_params_set_opt_double(json_t *obj, const char *key, b24_opt_double v) {
  return v.set ? b24_params_set_double(obj, key, v.value) : 0;
}

int b24_params_set_opt_bool(json_t *obj, const char *key, b24_opt_bool v) {
  return v.set ? b24_params_set_bool(obj, key, v.value) : 0;
}

int b24_params_set_opt_yn(json_t *obj, const char *key, b24_opt_bool v) {
  return v.set ? b24_params_set_yn(obj, key, v.value) : 0;
}
