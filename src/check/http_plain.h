/* A plain-HTTP/1.1 keep-alive client for the runner's `http://` targets (the mock,
 * a local server): non-blocking sockets, one request per connection at a time.
 * libcurl costs several times the CPU of the request itself per small JSON call,
 * and the runner shares the machine with the server it tests; HTTPS, proxies and
 * everything else stay with libcurl (http.c decides). Used by one thread. */
#ifndef B24_CHECK_HTTP_PLAIN_H
#define B24_CHECK_HTTP_PLAIN_H
#include <poll.h>
#include <stddef.h>

typedef struct plain_answer {
  long status;              /* 0 when there was no answer */
  const char *content_type; /* NULL when absent */
  const char *body;
  size_t body_len;
  const char *error;        /* NULL when answered */
} plain_answer;

typedef void (*plain_done)(void *ctx, void *tag, const plain_answer *a);

typedef struct plain_pool plain_pool;

/* A pool for the origin of url ("http://host[:port]/..."), at most max_conns
 * connections; NULL when url is not plain http or the host does not resolve. */
plain_pool *plain_new(const char *url, int max_conns, long timeout_ms, plain_done done, void *ctx);
void plain_free(plain_pool *p);
/* Does url belong to the pool's origin? */
int plain_serves(const plain_pool *p, const char *url);
/* Sends a POST of body to url on a free connection; the answer comes through done.
 * The caller keeps at most max_conns requests in flight. */
void plain_post(plain_pool *p, const char *url, const char *body, size_t len, void *tag);
size_t plain_active(const plain_pool *p);

/* What to wait for: fills pfds (fd and events) for up to max entries, returns the
 * count; *timeout_ms is lowered to the nearest deadline. */
size_t plain_wait_set(const plain_pool *p, struct pollfd *pfds, size_t max, int *timeout_ms);
/* Makes progress where it can: on the connections poll(2) found ready in pfds (n
 * entries from plain_wait_set, revents filled), and on requests not yet tried;
 * pfds NULL tries every connection. Completed requests are reported through done.
 * Touching only ready sockets is what keeps the client's system calls at about
 * one send and one recv per request. */
void plain_progress(plain_pool *p, const struct pollfd *pfds, size_t n);

#endif
