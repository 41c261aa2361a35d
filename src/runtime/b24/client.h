/* b24rt: the runtime library that generated Bitrix24 C client stubs link against.
 *
 * A client holds the portal address and credentials (an incoming webhook URL, or an
 * OAuth access token plus the portal address), timeouts, a retry policy and TLS
 * settings. b24_call() POSTs the parameters as JSON to the method's URL and hands back
 * the "result" member of the answer, or fills a b24_api_error.
 *
 *   b24_client *c = b24_client_new_webhook("https://example.bitrix24.com/rest/1/s3cr3t/");
 *   json_t *params = json_object(), *result = NULL;
 *   b24_params_set_int(params, "ID", 1);
 *   b24_api_error err;
 *   if (b24_call(c, "user.get", params, &result, NULL, &err) != B24_OK)
 *     fprintf(stderr, "user.get: %s %s\n", err.error, err.error_description);
 *   json_decref(params); json_decref(result); b24_client_free(c);
 *
 * Secrets: the webhook secret and the access token never appear in any message the
 * library writes (b24_api_error fields are redacted); the library prints nothing.
 * TLS: peer and host verification are always on, unless a test explicitly calls
 * b24_client_set_insecure_for_testing(). Redirects are not followed (a redirect would
 * resend the credentials to another address): a 3xx answer is an error.
 * Threads: a client may be used by one thread at a time; use one client per thread.
 * libcurl's global state is initialised by the first b24_client_new_* and cleaned up by
 * the last b24_client_free (libcurl >= 7.84 makes that thread-safe and counted).
 * Ownership: json_t arguments are borrowed; json_t results are new references that the
 * caller releases with json_decref().
 */
#ifndef B24_CLIENT_H
#define B24_CLIENT_H
#include <stdbool.h>
#include <stddef.h>
#include <jansson.h>
#include <b24/export.h>
#include <b24/optional.h>
#include <b24/params.h>
#include <b24/decode.h>

#ifdef __cplusplus
extern "C" {
#endif

#define B24RT_VERSION "0.1.0"

typedef struct b24_client b24_client;

/* Return codes of b24_call and friends. */
typedef enum b24_status {
  B24_OK = 0,
  B24_ERR_USAGE = 1,     /* refused before any request: NULL client, invalid method name,
                            params not an object, a required parameter missing (see
                            err->usage) */
  B24_ERR_TRANSPORT = 2, /* no HTTP answer: DNS, connect, TLS, timeout (see err->transport) */
  B24_ERR_API = 3,       /* the portal answered with an error: HTTP status >= 300 or an
                            "error" member (see http_status, error, error_description) */
  B24_ERR_PROTOCOL = 4,  /* a 2xx answer that is not JSON or has no "result" member */
  B24_ERR_NOMEM = 5,     /* out of memory */
  B24_ERR_DECODE = 6     /* strict decoding only: a documented result field had a type
                            that does not convert (see err->decode; the result is kept) */
} b24_status;

/* What went wrong in a call. Strings are NUL-terminated, truncated to fit, "" when not
 * applicable, and never contain the webhook secret or the access token. */
typedef struct b24_api_error {
  long http_status;              /* HTTP status of the last answer; 0 if none was received */
  char error[128];               /* portal error code, e.g. "QUERY_LIMIT_EXCEEDED";
                                    REST 3.0: error.code */
  char error_description[512];   /* portal text; REST 3.0: error.message, followed by
                                    "field: message" for each error.validation item */
  char transport[256];           /* transport or protocol failure (curl's message, "answer
                                    is not JSON", ...) */
  int attempts;                  /* HTTP requests made for this call: 1 + retries */
  char usage[256];               /* why the call was refused before any request
                                    (B24_ERR_USAGE): "crm.deal.add: parameter fields is
                                    missing" */
  char decode[256];              /* strict decoding: the first field that did not decode,
                                    "result.items[2].ID: not an integer" */
} b24_api_error;

/* --- construction ------------------------------------------------------------------ */

/* A client for an incoming webhook URL, "https://portal/rest/{user_id}/{secret}/" (the
 * trailing slash is optional; the REST 3.0 form ".../rest/api/{user_id}/{secret}/" is
 * accepted too). Calls go to "https://portal/rest/{user_id}/{secret}/{method}", REST 3.0
 * calls to "https://portal/rest/api/{user_id}/{secret}/{method}".
 * Returns NULL if the URL is not http(s) of that shape (or out of memory). */
B24RT_API b24_client *b24_client_new_webhook(const char *webhook_url);

/* A client for an OAuth application: calls go to "{portal_base_url}/rest/{method}" with
 * "auth": access_token added to the JSON body. portal_base_url is "https://portal" (a
 * trailing "/" or "/rest/" is accepted). Returns NULL on a malformed URL or empty token. */
B24RT_API b24_client *b24_client_new_oauth(const char *portal_base_url, const char *access_token);

/* Frees the client and wipes its copy of the credentials. NULL is allowed. */
B24RT_API void b24_client_free(b24_client *c);

/* --- settings ------------------------------------------------------------------------ */

/* Replaces the access token of an OAuth client (after a refresh). Returns 0, or -1 if the
 * client is a webhook client or the token is empty. */
B24RT_API int b24_client_set_access_token(b24_client *c, const char *access_token);

/* Connection timeout and whole-request timeout, in milliseconds; <= 0 keeps the current
 * value. Defaults: 10000 and 60000. The total timeout applies to each attempt. */
B24RT_API void b24_client_set_timeouts(b24_client *c, long connect_timeout_ms,
                                       long total_timeout_ms);

/* Retry policy for HTTP 503 QUERY_LIMIT_EXCEEDED (the portal's request-rate limit): up
 * to max_retries further attempts (0 disables retrying), sleeping initial_backoff_ms
 * before the first retry and doubling up to max_backoff_ms. Negative values keep the
 * current setting. Defaults: 3, 1000, 16000. Nothing else is retried: a POST that may
 * have reached the portal is not safe to repeat. */
B24RT_API void b24_client_set_retries(b24_client *c, int max_retries, long initial_backoff_ms,
                                      long max_backoff_ms);

/* How the client waits between retries. The default sleeps (nanosleep); tests install a
 * hook that records the delays instead. NULL restores the default. */
typedef void (*b24_sleep_fn)(void *user_data, long ms);
B24RT_API void b24_client_set_sleep_hook(b24_client *c, b24_sleep_fn fn, void *user_data);

/* Trust the CA certificates in this PEM file instead of the system store (for a portal
 * behind a private CA). NULL restores the system store. Returns 0, -1 on out of memory. */
B24RT_API int b24_client_set_ca_file(b24_client *c, const char *pem_path);

/* User-Agent header; default "b24rt/" B24RT_VERSION. NULL restores the default. */
B24RT_API int b24_client_set_user_agent(b24_client *c, const char *user_agent);

/* Strict decoding: a documented result field whose value does not convert to its
 * documented type makes a generated stub return B24_ERR_DECODE (err->decode names the
 * field) instead of B24_OK with the field left unset and counted. Default: off (the
 * portal is loose about types; a program usually prefers the rest of the result). */
B24RT_API void b24_client_set_strict_decoding(b24_client *c, bool strict);
B24RT_API bool b24_client_strict_decoding(const b24_client *c);

/* TESTS ONLY: turns off TLS certificate and host name verification, for a test against
 * a local server with a self-signed certificate. Never use it against a real portal:
 * the credentials would go to whoever answers. */
B24RT_API void b24_client_set_insecure_for_testing(b24_client *c, bool insecure);

/* --- calls --------------------------------------------------------------------------- */

/* Flags of b24_call_ex. */
#define B24_CALL_V3 1u /* a REST 3.0 method: the URL gets the "/rest/api/" segment */

/* Calls `method` (e.g. "user.get") with `params` (a JSON object, borrowed, may be NULL
 * for no parameters). On success returns B24_OK and sets *result to a new reference to
 * the answer's "result" member and, if time_info is not NULL, *time_info to a new
 * reference to its "time" member (NULL if absent). On failure returns a b24_status,
 * sets *result (and *time_info) to NULL and fills *err. *err is reset on every call; on
 * success only err->attempts is set. `result`, `time_info` and `err` may each be NULL
 * when the caller does not want them. */
B24RT_API b24_status b24_call(b24_client *c, const char *method, json_t *params, json_t **result,
                       json_t **time_info, b24_api_error *err);

/* b24_call for a REST 3.0 method (URL under /rest/api/). */
B24RT_API b24_status b24_call_v3(b24_client *c, const char *method, json_t *params, json_t **result,
                          json_t **time_info, b24_api_error *err);

/* The general form: `flags` is 0 or B24_CALL_V3; *response receives the whole decoded
 * answer (with "result", "time", "total", "next", ...). Whatever the return code,
 * *response holds the answer if it was a JSON object (an error answer too) and NULL
 * otherwise; a non-NULL *response is the caller's to json_decref(). */
B24RT_API b24_status b24_call_ex(b24_client *c, unsigned flags, const char *method, json_t *params,
                          json_t **response, b24_api_error *err);

/* --- results and errors -------------------------------------------------------------- */

/* The "time" member of an answer: when the portal ran the call and what it cost against
 * the method-time limit. Strings are borrowed from the json_t. */
typedef struct b24_time_info {
  b24_opt_double start, finish, duration, processing; /* seconds (Unix time / lengths) */
  const char *date_start, *date_finish;               /* ISO 8601 */
  b24_opt_int operating_reset_at;                      /* Unix time */
  b24_opt_double operating;                            /* seconds used in the window */
} b24_time_info;

/* Decodes a "time" object; fields the portal did not send stay unset. Returns 0, or -1
 * if `time_info` is not an object or a field has the wrong type. */
B24RT_API int b24_time_info_decode(const json_t *time_info, b24_time_info *out);

/* "B24_OK", "B24_ERR_TRANSPORT", ... for a return code. */
B24RT_API const char *b24_status_name(int status);

/* One line for a human: "HTTP 400 ERROR_CORE: description", "usage: message",
 * "decode: message" or "transport: message".
 * Returns what snprintf returns. */
B24RT_API int b24_api_error_format(const b24_api_error *err, char *buf, size_t size);

#ifdef __cplusplus
}
#endif
#endif
