/* The runner's transport: JSON POSTs over libcurl's multi interface, several at
 * once (--jobs), started no faster than a rate (--rate), each with a timeout,
 * and retried with exponential backoff when the portal answers 503
 * QUERY_LIMIT_EXCEEDED (the whole engine pauses then: the limit is the
 * portal's, not the request's). One thread; callbacks run inside b24_http_run
 * and may submit more requests. */
#ifndef B24_CHECK_HTTP_H
#define B24_CHECK_HTTP_H
#include <stddef.h>

typedef struct b24_http_answer {
  long status;               /* 0 when there was no answer (see error) */
  const char *content_type;  /* NULL when absent */
  const char *body;          /* NUL-terminated */
  size_t body_len;
  const char *error;         /* transport error text, NULL when answered */
  double seconds;            /* time from the last attempt's start */
  int retries;               /* QUERY_LIMIT_EXCEEDED retries taken */
} b24_http_answer;

/* Called once per submitted request with its final answer (valid during the
 * call only). */
typedef void (*b24_http_done)(void *ud, const b24_http_answer *a);
/* Called when the engine has room for more work; returns 0 when it has none
 * to add now. */
typedef int (*b24_http_feed)(void *ud);

typedef struct b24_http_options {
  int jobs;             /* transfers at once, >= 1 */
  double rate;          /* requests started per second, 0 = unlimited */
  long timeout_ms;      /* per attempt */
  int max_retries;      /* on QUERY_LIMIT_EXCEEDED */
  double backoff_s;     /* first pause; doubles per retry */
  int verify_tls;       /* 1: verify the certificate (the default) */
} b24_http_options;

typedef struct b24_http b24_http;

b24_http *b24_http_new(const b24_http_options *o);
void b24_http_free(b24_http *h);
/* Queues a POST of body with Content-Type: application/json. url and body are
 * borrowed, not copied: they must stay as they are until done is called (the
 * runner keeps both for the failure's reproduce command anyway). */
void b24_http_post(b24_http *h, const char *url, const char *body, size_t len, b24_http_done done,
                   void *ud);
/* Runs until nothing is queued, running or fed. */
void b24_http_run(b24_http *h, b24_http_feed feed, void *feed_ud);
/* Requests sent so far (attempts, retries included). */
size_t b24_http_sent(const b24_http *h);

#endif
