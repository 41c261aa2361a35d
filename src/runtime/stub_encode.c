/* Encoders of parameter struct members (see b24/stub.h): one call per member in a
 * generated encoder, each naming the key it failed on. */
#include "internal.h"

int b24_enc_required_str(json_t *obj, const char *key, const char *value) {
  return value ? b24_params_set_str(obj, key, value) : -1;
}

int b24_enc_required_json(json_t *obj, const char *key, json_t *value) {
  return value ? b24_params_set_json(obj, key, value) : -1;
}

int b24_enc_str_array(json_t *obj, const char *key, const char *const *items, size_t n,
                      bool required) {
  if (!items && !required) return 0;
  return b24_params_set_str_array(obj, key, items, n);
}

int b24_enc_int_array(json_t *obj, const char *key, const long long *items, size_t n,
                      bool required) {
  if (!items && !required) return 0;
  return b24_params_set_int_array(obj, key, items, n);
}

/* The object `encode` makes of value, or NULL (with *failed naming the key). */
static json_t *encode_object(const char **failed, const char *key, const void *value,
                             b24_encode_fn encode) {
  json_t *o = json_object();
  const char *bad = o ? encode(value, o) : key;
  if (bad) {
    *failed = bad;
    json_decref(o);
    return NULL;
  }
  return o;
}

int b24_enc_struct(json_t *obj, const char **failed, const char *key, const void *value,
                   bool required, b24_encode_fn encode) {
  *failed = key;
  if (!value) return required ? -1 : 0;
  json_t *o = encode_object(failed, key, value, encode);
  return o ? b24_params_set_json_new(obj, key, o) : -1;
}

int b24_enc_struct_array(json_t *obj, const char **failed, const char *key, const void *items,
                         size_t n, size_t size, bool required, b24_encode_fn encode) {
  *failed = key;
  if (!items && (n || !required)) return n ? -1 : 0;
  json_t *array = json_array();
  for (size_t i = 0; array && i < n; i++) {
    json_t *o = encode_object(failed, key, (const char *)items + i * size, encode);
    if (!o || json_array_append_new(array, o) != 0) {
      json_decref(array);
      return -1;
    }
  }
  return array ? b24_params_set_json_new(obj, key, array) : -1;
}

int b24_enc_merge(json_t *obj, const char **failed, const void *value, b24_encode_fn encode) {
  if (!value) return 0;
  const char *bad = encode(value, obj);
  if (bad) *failed = bad;
  return bad ? -1 : 0;
}

int b24_enc_filter(json_t *obj, const char *key, const b24_filter *f) {
  return f && f->json ? b24_params_set_json(obj, key, f->json) : 0;
}

int b24_enc_order(json_t *obj, const char *key, const b24_order *o) {
  return o && o->json ? b24_params_set_json(obj, key, o->json) : 0;
}

int b24_enc_extra(json_t *obj, const char **failed, json_t *extra) {
  *failed = "extra";
  if (!extra) return 0;
  return json_is_object(extra) ? json_object_update_missing(obj, extra) : -1;
}
