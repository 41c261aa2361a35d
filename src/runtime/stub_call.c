/* The call path of every generated stub (see b24/stub.h): encode the parameter struct,
 * call, decode the envelope and the "result" member into the result struct. Compiled
 * once here instead of once per method. */
#include <string.h>

#include "internal.h"

b24_status b24_encode_params(const b24_method_desc *m, const void *params, json_t **body,
                             b24_api_error *err) {
  *body = NULL;
  b24rt_error_reset(err);
  if (!params && m->params_required) {
    b24rt_error_usage(NULL, err, "%s: params is NULL but the method has required parameters",
                      m->name);
    return B24_ERR_USAGE;
  }
  json_t *b = json_object();
  if (!b) {
    b24rt_error_transport(NULL, err, "%s: out of memory", m->name);
    return B24_ERR_NOMEM;
  }
  const char *bad = params ? m->encode(params, b) : NULL;
  if (bad) {
    json_decref(b);
    b24rt_error_usage(NULL, err, "%s: parameter %s is missing or invalid", m->name, bad);
    return B24_ERR_USAGE;
  }
  *body = b;
  return B24_OK;
}

/* The value after the b24_answer, decoded from "result" by the method's kind. */
static void decode_value(const b24_method_desc *m, b24_decoder *d, const json_t *raw,
                         void *result) {
  char *value = (char *)result + m->value_offset;
  switch (m->kind) {
  case B24_VALUE_NONE: break;
  case B24_VALUE_INT:
  case B24_VALUE_DOUBLE:
  case B24_VALUE_BOOL:
  case B24_VALUE_STR: b24rt_dec_scalar(d, raw, m->kind, value); break;
  case B24_VALUE_STRUCT: {
    const json_t *obj = b24_dec_object(d, raw);
    if (obj) m->decode(d, obj, value);
    break;
  }
  case B24_VALUE_ITEMS:
  case B24_VALUE_INT_LIST:
  case B24_VALUE_STR_LIST: {
    size_t n = 0;
    void *items = m->kind == B24_VALUE_ITEMS ? b24rt_dec_items_of(d, raw, &n, m->item_size, m->decode)
                  : b24rt_dec_list_of(d, raw, m->kind == B24_VALUE_INT_LIST ? B24_VALUE_INT : B24_VALUE_STR, &n);
    memcpy(value, &items, sizeof items);
    memcpy((char *)result + m->count_offset, &n, sizeof n);
    break;
  }
  }
}

b24_status b24_decode_answer(const b24_method_desc *m, json_t *answer, bool strict,
                             void *result, b24_api_error *err) {
  b24_answer *a = result;
  a->response = json_incref(answer);
  b24_decoder d = {.report = &a->decode};
  const json_t *t = json_object_get(answer, "time");
  if (t && !json_is_null(t) && b24_time_info_decode(t, &a->time) != 0)
    b24rt_dec_fail(&d, "time", "not a time object");
  b24_dec_int(&d, answer, "total", &a->total);
  b24_dec_int(&d, answer, "next", &a->next);
  a->raw = json_incref(json_object_get(answer, "result"));
  b24rt_dec_push(&d, "result");
  decode_value(m, &d, a->raw, result);
  if (!strict || !a->decode.errors) return B24_OK;
  if (err) {
    snprintf(err->decode, sizeof err->decode, "%s: ", m->name);
    size_t used = strlen(err->decode), n = strlen(a->decode.first);
    if (n > sizeof err->decode - used - 1) n = sizeof err->decode - used - 1;
    memcpy(err->decode + used, a->decode.first, n);
    err->decode[used + n] = '\0';
  }
  return B24_ERR_DECODE;
}

b24_status b24_invoke_body(b24_client *c, const b24_method_desc *m, json_t *body,
                           void *result, b24_api_error *err) {
  json_t *answer = NULL;
  b24_status rc = b24_call_ex(c, m->flags, m->name, body, &answer, err);
  if (!result) {
    json_decref(answer);
    return rc;
  }
  memset(result, 0, m->result_size);
  if (rc == B24_OK) rc = b24_decode_answer(m, answer, b24_client_strict_decoding(c), result, err);
  else ((b24_answer *)result)->response = json_incref(answer);
  json_decref(answer);
  return rc;
}

b24_status b24_invoke(b24_client *c, const b24_method_desc *m, const void *params,
                      void *result, b24_api_error *err) {
  json_t *body = NULL;
  b24_status rc = b24_encode_params(m, params, &body, err);
  if (rc == B24_OK) rc = b24_invoke_body(c, m, body, result, err);
  else if (result) memset(result, 0, m->result_size);
  json_decref(body);
  return rc;
}

void b24_result_free(const b24_method_desc *m, void *result) {
  if (!result) return;
  b24_answer *a = result;
  char *value = (char *)result + m->value_offset;
  if (m->kind == B24_VALUE_STRUCT && m->release) m->release(value);
  if (m->kind == B24_VALUE_ITEMS || m->kind == B24_VALUE_INT_LIST || m->kind == B24_VALUE_STR_LIST) {
    void *items;
    size_t n;
    memcpy(&items, value, sizeof items);
    memcpy(&n, (char *)result + m->count_offset, sizeof n);
    b24_free_items(items, n, m->item_size, m->kind == B24_VALUE_ITEMS ? m->release : NULL);
  }
  json_decref(a->raw);
  json_decref(a->response);
  memset(result, 0, m->result_size);
}
