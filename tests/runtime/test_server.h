/* A scripted HTTP(S) server for the runtime tests: libmicrohttpd on 127.0.0.1, an
 * ephemeral port, its own thread. It answers requests with the replies of a script in
 * order (the last one repeats) and records every request it saw. */
#ifndef B24RT_TEST_SERVER_H
#define B24RT_TEST_SERVER_H
#include <stddef.h>

typedef struct ts_reply {
  unsigned status;
  const char *body; /* sent with Content-Type: application/json */
} ts_reply;

typedef struct ts_request {
  char method[16];
  char url[512];          /* path as received */
  char content_type[128]; /* "" when absent */
  char accept[128];
  char user_agent[128];
  char *body; /* NUL-terminated */
  size_t body_len;
} ts_request;

typedef struct test_server test_server;

/* cert_pem/key_pem: PEM text for HTTPS, or NULL for plain HTTP. NULL on failure. */
test_server *ts_start(const ts_reply *script, size_t n_replies, const char *cert_pem,
                      const char *key_pem);
/* ts_start for plain HTTP, or exit(2) with a message: for tests that cannot go on. */
test_server *ts_start_or_exit(const ts_reply *script, size_t n_replies);
/* A webhook client for the server, path /rest/1/<secret>/; exit(2) when it cannot be made. */
struct b24_client *ts_webhook_client(const test_server *s, const char *secret);
unsigned short ts_port(const test_server *s);
size_t ts_request_count(test_server *s);
/* A copy of request i (0-based) into *out; the body stays owned by the server. */
int ts_request_at(test_server *s, size_t i, ts_request *out);
void ts_stop(test_server *s);

#endif
