/* The mock portal: every method of a model served over HTTP(S) by
 * libmicrohttpd's thread pool (see `b24spec mock --help` for what it answers). */
#ifndef B24_MOCK_H
#define B24_MOCK_H
#include <stddef.h>

#include "model/model.h"

#define B24_MOCK_DEFAULT_USER "1"
#define B24_MOCK_DEFAULT_SECRET "mocksecret"
#define B24_MOCK_DEFAULT_TOKEN "mocktoken"
#define B24_MOCK_DEFAULT_MAX_BODY (1024 * 1024)
#define B24_MOCK_MAX_THREADS 64

typedef struct b24_mock_options {
  const char *bind;           /* numeric IPv4 or IPv6 address; NULL: 127.0.0.1 */
  unsigned port;              /* 0: any free port */
  const char *webhook_user, *webhook_secret, *oauth_token;
  const char *tls_cert_pem, *tls_key_pem; /* PEM text; both or neither */
  unsigned faults;            /* MOCK_FAULT_* bits (mock/faults.h) */
  size_t max_body;            /* bytes */
  int require_https;          /* plain HTTP answered with INVALID_REQUEST */
  unsigned threads;           /* serving threads, 1..B24_MOCK_MAX_THREADS; 0: one per CPU */
  /* events (mock/events.h): hosts handlers may be on besides loopback ("*": any),
   * the delivery timeout (0: 3 s), the application token sent in auth */
  const char *event_hosts;
  unsigned event_timeout_ms;
  const char *application_token;
} b24_mock_options;

typedef struct b24_mock_server b24_mock_server;

/* Starts serving m (which must outlive the server). NULL with a message in err. */
b24_mock_server *b24_mock_start(const b24_model *m, const b24_mock_options *o, char *err,
                                size_t errlen);
unsigned b24_mock_port(const b24_mock_server *s);
/* Stops the daemon (finishing requests in flight) and frees everything. */
void b24_mock_stop(b24_mock_server *s);

#endif
