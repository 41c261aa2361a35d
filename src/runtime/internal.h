/* What the runtime's source files share and the public headers do not show: the client
 * struct and the helpers between construction, HTTP transport and answer decoding. */
#ifndef B24RT_INTERNAL_H
#define B24RT_INTERNAL_H
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <curl/curl.h>
#include "b24/client.h"
#include "b24/stub.h"
#include "b24/list.h"

typedef enum { B24RT_AUTH_WEBHOOK, B24RT_AUTH_OAUTH } b24rt_auth;

struct b24_client {
  b24rt_auth auth;
  char *rest_prefix;  /* "https://portal/rest/", always ending in "/rest/" */
  char *credential;   /* webhook: "{user_id}/{secret}/"; OAuth: NULL */
  char *secret;       /* webhook: the secret alone; OAuth: NULL (kept for redaction) */
  char *access_token; /* OAuth: the token; webhook: NULL */
  long connect_timeout_ms, total_timeout_ms;
  int max_retries;
  long initial_backoff_ms, max_backoff_ms;
  b24_sleep_fn sleep_fn;
  void *sleep_user_data;
  char *ca_file;     /* NULL: the system store */
  char *user_agent;  /* NULL: the default */
  bool insecure;
  bool strict;       /* strict decoding (b24_client_set_strict_decoding) */
  CURL *curl;        /* reused across calls so that connections are kept alive */
};

/* An HTTP answer as received: status line code and body bytes (NUL-terminated). */
typedef struct b24rt_http_answer {
  long status;
  char *body;
  size_t len;
} b24rt_http_answer;

/* POSTs `body` (JSON) to `url` once. Returns B24_OK when an HTTP answer arrived (whatever
 * its status), else B24_ERR_TRANSPORT / B24_ERR_NOMEM with err->transport set. The
 * caller frees ans->body. */
b24_status b24rt_http_post(b24_client *c, const char *url, const char *body, b24rt_http_answer *ans,
                    b24_api_error *err);

/* Copies `src` into dst[size] with every credential of `c` replaced by "[redacted]". */
void b24rt_redact_into(const b24_client *c, const char *src, char *dst, size_t size);

/* Redacting writers for the fields of b24_api_error. */
void b24rt_error_reset(b24_api_error *err);
void b24rt_error_transport(const b24_client *c, b24_api_error *err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* err->usage: why a call was refused before any request. */
void b24rt_error_usage(const b24_client *c, b24_api_error *err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void b24rt_error_field(const b24_client *c, char *dst, size_t size, const char *src);

/* Overwrites a credential before freeing it, so it does not linger in freed memory. */
void b24rt_wipe_free(char *s);

/* Stub decoding (stub_decode.c) as the call path uses it: push a key onto the path
 * (returns the length to restore), record a failure at key, decode a scalar value or a
 * list value (not a member). */
size_t b24rt_dec_push(b24_decoder *d, const char *key);
void b24rt_dec_fail(b24_decoder *d, const char *key, const char *what);
void b24rt_dec_scalar(b24_decoder *d, const json_t *v, b24_value_kind kind, void *out);
void *b24rt_dec_items_of(b24_decoder *d, const json_t *v, size_t *n, size_t size,
                         b24_decode_fn decode);
/* A list value of scalars of `kind` (B24_VALUE_INT or B24_VALUE_STR). */
void *b24rt_dec_list_of(b24_decoder *d, const json_t *v, b24_value_kind kind, size_t *n);

/* filter[prefix(op) + field] = value (stolen), on a filter JSON object (filter.c). */
int b24rt_filter_set(json_t *filter, b24_filter_op op, const char *field, json_t *value);

/* A dotted method name that cannot alter a URL path or a batch command. */
bool b24rt_method_name_ok(const char *m);

#endif
