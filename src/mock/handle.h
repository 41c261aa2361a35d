/* One request in, one answer out: routing, parameter decoding, auth, validation,
 * the store and the faults, with no HTTP library in sight (server.c feeds it from
 * libmicrohttpd). */
#ifndef B24_MOCK_HANDLE_H
#define B24_MOCK_HANDLE_H
#include <stddef.h>

#include "mock/catalog.h"
#include "util/buf.h"

typedef struct mock_config {
  const char *webhook_user, *webhook_secret;
  const char *oauth_token;
  unsigned faults;
  size_t max_body;
  int require_https;
  struct mock_events *events; /* event.* and what writes raise (mock/events.h); NULL: none */
} mock_config;

typedef struct mock_request {
  const char *verb;         /* GET, POST, ... */
  const char *path;         /* without the query */
  const char *query;        /* raw query string (after '?'), NULL when none */
  const char *content_type; /* NULL when absent */
  const char *authorization;
  const char *body;
  size_t body_len;
  int body_too_large;       /* more than max_body bytes came (body then is empty) */
  int tls;
  double start;             /* arrival, seconds since the epoch */
} mock_request;

typedef struct mock_response {
  unsigned status;
  const char *content_type;
  b24_buf body;
} mock_response;

/* Fills out (whose body buffer the caller owns and frees). */
void mock_handle(const mock_catalog *c, const mock_config *cfg, const mock_request *rq,
                 mock_response *out);

/* One authorized call of the method lname (lower-cased) on decoded params:
 * validation, the store, the faults. For batch's subqueries too. */
void mock_call(const mock_catalog *c, const mock_config *cfg, const mock_request *rq,
               const char *lname, int v3, json_t *params, mock_response *out);

#endif
