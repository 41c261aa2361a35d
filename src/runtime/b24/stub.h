/* What generated method stubs are written against: a method descriptor, the one call
 * path every stub goes through, and the encoders and decoders of struct members.
 *
 * A generated stub is data plus two small functions: a `b24_method_desc` that names the
 * method and points at its parameter encoder and result decoder, `b24_<method>()` which
 * is b24_invoke() on it, and `b24_<method>_result_free()` which is b24_result_free().
 * Keeping the call path here, compiled once, is what keeps each stub a few hundred bytes
 * of code and lets batch (b24/batch.h) and list paging (b24/list.h) reuse the decoders.
 *
 * Result structs start with a b24_answer (the envelope), followed by the decoded value:
 *   typedef struct b24_crm_deal_get_result { b24_answer answer; b24_crm_deal value; } ...
 * Decoders are lenient like b24/decode.h; a documented field that is present with a type
 * that does not convert is left unset and recorded in answer.decode with its path
 * ("result.items[2].ID"); with strict decoding (b24_client_set_strict_decoding) the call
 * then returns B24_ERR_DECODE.
 */
#ifndef B24_STUB_H
#define B24_STUB_H
#include <stdbool.h>
#include <stddef.h>
#include <jansson.h>
#include <b24/client.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Decode errors of one answer: how many, and the first one with its path. */
typedef struct b24_decode_report {
  int errors;
  char first[256]; /* "result.items[2].ID: not an integer"; "" when errors is 0 */
} b24_decode_report;

/* The envelope of every answer: what a generated result struct starts with. */
typedef struct b24_answer {
  /* The whole answer (owned): after an error answer too; NULL when there was none. */
  json_t *response;
  /* Its "result" member (owned; NULL unless the call returned B24_OK or B24_ERR_DECODE). */
  json_t *raw;
  /* Its "time" member (strings borrowed from response). */
  b24_time_info time;
  /* Its "total" and "next" members (list methods). */
  b24_opt_int total;
  b24_opt_int next;
  /* Documented values present with a type that does not convert (left unset). */
  b24_decode_report decode;
} b24_answer;

/* Where a decoder is in the answer: the path of the value being decoded, for messages. */
typedef struct b24_decoder {
  b24_decode_report *report;
  size_t len;
  char path[232];
} b24_decoder;

/* Writes the documented keys of a parameter struct into obj. Returns NULL, or the key
 * that is missing (a required one) or could not be written. */
typedef const char *(*b24_encode_fn)(const void *value, json_t *obj);
/* Decodes a result struct from a JSON value (recording errors in d). */
typedef void (*b24_decode_fn)(b24_decoder *d, const json_t *json, void *out);
/* Frees the arrays a decoded result struct owns. */
typedef void (*b24_release_fn)(void *value);

/* How the "result" member of an answer becomes the value after the b24_answer. */
typedef enum b24_value_kind {
  B24_VALUE_NONE = 0, /* only answer.raw */
  B24_VALUE_INT,      /* b24_opt_int */
  B24_VALUE_DOUBLE,   /* b24_opt_double */
  B24_VALUE_BOOL,     /* b24_opt_bool */
  B24_VALUE_STR,      /* const char * */
  B24_VALUE_STRUCT,   /* a struct decoded by `decode` */
  B24_VALUE_ITEMS,    /* T *items; size_t n_items; decoded by `decode` each */
  B24_VALUE_INT_LIST, /* const long long *items; size_t n_items */
  B24_VALUE_STR_LIST  /* const char *const *items; size_t n_items (strings borrowed) */
} b24_value_kind;

/* One method, as its stub describes it. */
typedef struct b24_method_desc {
  const char *name;        /* "crm.deal.get" */
  unsigned flags;          /* 0 or B24_CALL_V3 */
  bool params_required;    /* NULL params are refused */
  b24_encode_fn encode;    /* the parameter struct -> the JSON body */
  b24_value_kind kind;
  b24_decode_fn decode;    /* B24_VALUE_STRUCT, B24_VALUE_ITEMS */
  b24_release_fn release;  /* NULL when the value owns no arrays */
  size_t result_size;      /* sizeof the result struct */
  size_t value_offset;     /* offsetof the value (or items) in the result struct */
  size_t count_offset;     /* B24_VALUE_ITEMS and the lists: offsetof n_items */
  size_t item_size;        /* B24_VALUE_ITEMS: sizeof one item */
  /* List methods (b24/list.h); NULL elsewhere: */
  const char *items_key;   /* the result member holding the items ("tasks"), NULL: result */
  const char *id_key;      /* the items' identifier ("ID", "id"), for the start=-1 mode */
  const char *filter_key;  /* the filter parameter ("filter") */
  const char *order_key;   /* the order parameter ("order") */
} b24_method_desc;

/* Calls m with params (NULL: none; refused when m->params_required) and fills *result
 * (may be NULL: the answer is dropped). *result is zeroed first and holds the answer
 * whatever the return code; release it with b24_result_free(). */
B24RT_API b24_status b24_invoke(b24_client *c, const b24_method_desc *m, const void *params,
                                void *result, b24_api_error *err);
/* The same with the JSON body already made (borrowed). */
B24RT_API b24_status b24_invoke_body(b24_client *c, const b24_method_desc *m, json_t *body,
                                     void *result, b24_api_error *err);
/* Encodes params into a new JSON object (*body), refusing a NULL params when required. */
B24RT_API b24_status b24_encode_params(const b24_method_desc *m, const void *params,
                                       json_t **body, b24_api_error *err);
/* Decodes an answer (an object with "result", "time", "total", "next"; borrowed, a new
 * reference is kept) into *result, which must be zeroed. Returns B24_OK, or
 * B24_ERR_DECODE when strict and a field did not decode. */
B24RT_API b24_status b24_decode_answer(const b24_method_desc *m, json_t *answer, bool strict,
                                       void *result, b24_api_error *err);
/* Releases what a call put into *result (NULL is allowed) and zeroes it. */
B24RT_API void b24_result_free(const b24_method_desc *m, void *result);

/* --- encoders: each returns 0, or -1 (and, with `failed`, names the key) --------------- */
B24RT_API int b24_enc_required_str(json_t *obj, const char *key, const char *value);
B24RT_API int b24_enc_required_json(json_t *obj, const char *key, json_t *value);
/* Arrays: an optional one is sent when items is not NULL; a required one always (NULL
 * items with n == 0 is the empty array). */
B24RT_API int b24_enc_str_array(json_t *obj, const char *key, const char *const *items,
                                size_t n, bool required);
B24RT_API int b24_enc_int_array(json_t *obj, const char *key, const long long *items,
                                size_t n, bool required);
/* obj[key] = the object `encode` makes of *value; NULL value: not sent (-1 if required). */
B24RT_API int b24_enc_struct(json_t *obj, const char **failed, const char *key,
                             const void *value, bool required, b24_encode_fn encode);
/* obj[key] = [one object per item], items being n structs of `size` bytes. */
B24RT_API int b24_enc_struct_array(json_t *obj, const char **failed, const char *key,
                                   const void *items, size_t n, size_t size, bool required,
                                   b24_encode_fn encode);
/* The keys of a per-variant struct, written into obj itself; NULL value: nothing. */
B24RT_API int b24_enc_merge(json_t *obj, const char **failed, const void *value,
                            b24_encode_fn encode);
/* obj[key] = the filter's or the order's object; NULL or empty: not sent. (The types
 * are b24/list.h's, declared here without it.) */
struct b24_filter;
struct b24_order;
B24RT_API int b24_enc_filter(json_t *obj, const char *key, const struct b24_filter *f);
B24RT_API int b24_enc_order(json_t *obj, const char *key, const struct b24_order *o);
/* Each key of `extra` (a JSON object or NULL) that obj does not have yet. */
B24RT_API int b24_enc_extra(json_t *obj, const char **failed, json_t *extra);

/* --- decoders: a missing member, null and "" leave the value unset ---------------------- */
/* json when it is an object; NULL for an absent or empty value (null, "", false, [] -
 * PHP's empty object) and, recorded as an error, for anything else. */
B24RT_API const json_t *b24_dec_object(b24_decoder *d, const json_t *json);
B24RT_API void b24_dec_int(b24_decoder *d, const json_t *obj, const char *key, b24_opt_int *out);
B24RT_API void b24_dec_double(b24_decoder *d, const json_t *obj, const char *key,
                              b24_opt_double *out);
B24RT_API void b24_dec_bool(b24_decoder *d, const json_t *obj, const char *key,
                            b24_opt_bool *out);
B24RT_API void b24_dec_str(b24_decoder *d, const json_t *obj, const char *key,
                           const char **out);
/* obj[key] decoded by `decode` into *out (a struct). */
B24RT_API void b24_dec_struct(b24_decoder *d, const json_t *obj, const char *key, void *out,
                              b24_decode_fn decode);
/* obj[key], an array (or an object: PHP's list with keys), decoded item by item into a
 * malloc'd array of structs of `size` bytes; *n gets the count. NULL when empty. */
B24RT_API void *b24_dec_items(b24_decoder *d, const json_t *obj, const char *key, size_t *n,
                              size_t size, b24_decode_fn decode);
/* obj[key], a list of integers or of strings (or PHP's list with keys), into a malloc'd
 * array (long long, or const char * borrowed from the answer); *n gets the count. An
 * item that does not convert is recorded and left 0 / NULL. NULL when empty. */
B24RT_API void *b24_dec_int_list(b24_decoder *d, const json_t *obj, const char *key, size_t *n);
B24RT_API void *b24_dec_str_list(b24_decoder *d, const json_t *obj, const char *key, size_t *n);
/* Releases each item (when release is not NULL), then the array. */
B24RT_API void b24_free_items(void *items, size_t n, size_t size, b24_release_fn release);

#ifdef __cplusplus
}
#endif
#endif
