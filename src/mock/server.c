/* libmicrohttpd glue: collects each request (raw query, headers, body up to the
 * limit) and hands it to mock_handle. One daemon per thread, without a listening
 * socket of its own: listen.c accepts, and the connections go to the daemons in
 * turn, so every thread gets its share however the client opens them. */
#include "mock/mock.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "mock/answer.h"
#include "mock/catalog.h"
#include "mock/events.h"
#include "mock/handle.h"
#include "mock/listen.h"

struct b24_mock_server {
  mock_listener *listener;
  struct MHD_Daemon *daemons[B24_MOCK_MAX_THREADS];
  unsigned n_daemons;
  unsigned next_daemon;       /* touched by the accepting thread only */
  mock_catalog catalog;
  mock_config cfg;
  char *user, *secret, *token, *cert, *key;
  int tls;
  unsigned port;
};

/* Per request; made by the URI callback, which alone sees the raw query string. */
typedef struct request_state {
  char *query;
  b24_buf body;
  int too_large;
  int headers_seen;
  double start;
} request_state;

static void *on_uri(void *cls, const char *uri, struct MHD_Connection *conn) {
  (void)cls;
  (void)conn;
  request_state *st = calloc(1, sizeof *st);
  if (!st) return NULL;
  st->start = mock_now();
  const char *q = strchr(uri, '?');
  if (q) st->query = strdup(q + 1);
  return st;
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **req_cls,
                         enum MHD_RequestTerminationCode why) {
  (void)cls;
  (void)conn;
  (void)why;
  request_state *st = *req_cls;
  if (!st) return;
  free(st->query);
  b24_buf_free(&st->body);
  free(st);
  *req_cls = NULL;
}

static enum MHD_Result send_answer(struct MHD_Connection *conn, mock_response *r) {
  size_t len = r->body.len;
  char *data = b24_buf_take(&r->body);
  struct MHD_Response *resp = MHD_create_response_from_buffer(len, data, MHD_RESPMEM_MUST_FREE);
  if (!resp) {
    free(data);
    return MHD_NO;
  }
  MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, r->content_type);
  enum MHD_Result ok = MHD_queue_response(conn, r->status, resp);
  MHD_destroy_response(resp);
  return ok;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
                                  const char *verb, const char *version, const char *upload,
                                  size_t *upload_size, void **req_cls) {
  (void)version;
  b24_mock_server *s = cls;
  request_state *st = *req_cls;
  if (!st) return MHD_NO;
  if (!st->headers_seen) {
    st->headers_seen = 1;
    const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
    if (cl && strtoull(cl, NULL, 10) > s->cfg.max_body) st->too_large = 1;
    else return MHD_YES; /* the body, if any, comes in the next calls */
  } else if (*upload_size) {
    if (!st->too_large && st->body.len + *upload_size > s->cfg.max_body) {
      st->too_large = 1;
      b24_buf_free(&st->body);
    }
    if (!st->too_large) b24_buf_put(&st->body, upload, *upload_size);
    *upload_size = 0;
    return MHD_YES;
  }
  mock_request rq = {
      .verb = verb,
      .path = url,
      .query = st->query,
      .content_type = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE),
      .authorization = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION),
      .body = st->body.data ? st->body.data : "",
      .body_len = st->body.len,
      .body_too_large = st->too_large,
      .tls = s->tls,
      .start = st->start,
  };
  mock_response r = {0, NULL, B24_BUF_INIT};
  mock_handle(&s->catalog, &s->cfg, &rq, &r);
  enum MHD_Result ok = send_answer(conn, &r);
  b24_buf_free(&r.body);
  return ok;
}

/* On the accepting thread: the next daemon in turn serves the connection (it
 * closes the socket itself if it cannot). */
static void on_accepted(void *ctx, int fd, const struct sockaddr *addr, socklen_t len) {
  b24_mock_server *s = ctx;
  struct MHD_Daemon *d = s->daemons[s->next_daemon++ % s->n_daemons];
  MHD_add_connection(d, fd, addr, len);
}

static char *dup_or_null(const char *s) { return s ? strdup(s) : NULL; }

static void free_server(b24_mock_server *s) {
  mock_events_free(s->cfg.events);
  mock_catalog_free(&s->catalog);
  free(s->user);
  free(s->secret);
  free(s->token);
  free(s->cert);
  free(s->key);
  free(s);
}

b24_mock_server *b24_mock_start(const b24_model *m, const b24_mock_options *o, char *err,
                                size_t errlen) {
  struct sockaddr_storage addr;
  memset(&addr, 0, sizeof addr);
  const char *bind = o->bind ? o->bind : "127.0.0.1";
  /* ITC: a connection added from the accepting thread is served at once */
  unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | MHD_USE_NO_LISTEN_SOCKET | MHD_USE_ITC;
  struct sockaddr_in *a4 = (struct sockaddr_in *)&addr;
  struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)&addr;
  if (inet_pton(AF_INET, bind, &a4->sin_addr) == 1) {
    a4->sin_family = AF_INET;
    a4->sin_port = htons((unsigned short)o->port);
  } else if (inet_pton(AF_INET6, bind, &a6->sin6_addr) == 1) {
    a6->sin6_family = AF_INET6;
    a6->sin6_port = htons((unsigned short)o->port);
  } else {
    snprintf(err, errlen, "--bind %s: not a numeric IPv4 or IPv6 address", bind);
    return NULL;
  }
  if (o->tls_cert_pem || o->tls_key_pem) {
    if (!o->tls_cert_pem || !o->tls_key_pem) {
      snprintf(err, errlen, "HTTPS needs both a certificate and a key");
      return NULL;
    }
    if (MHD_is_feature_supported(MHD_FEATURE_TLS) != MHD_YES) {
      snprintf(err, errlen, "this libmicrohttpd was built without TLS");
      return NULL;
    }
    flags |= MHD_USE_TLS;
  }
  b24_mock_server *s = calloc(1, sizeof *s);
  if (!s) abort();
  s->user = dup_or_null(o->webhook_user ? o->webhook_user : B24_MOCK_DEFAULT_USER);
  s->secret = dup_or_null(o->webhook_secret ? o->webhook_secret : B24_MOCK_DEFAULT_SECRET);
  s->token = dup_or_null(o->oauth_token ? o->oauth_token : B24_MOCK_DEFAULT_TOKEN);
  s->cert = dup_or_null(o->tls_cert_pem);
  s->key = dup_or_null(o->tls_key_pem);
  s->tls = s->cert != NULL;
  s->cfg = (mock_config){s->user, s->secret, s->token, o->faults,
                         o->max_body ? o->max_body : B24_MOCK_DEFAULT_MAX_BODY, o->require_https, NULL};
  mock_catalog_build(&s->catalog, m, o->faults);
  unsigned threads = o->threads;
  if (!threads) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    threads = n > 0 ? (unsigned)n : 2;
  }
  if (threads > B24_MOCK_MAX_THREADS) threads = B24_MOCK_MAX_THREADS;
  char why[160];
  s->listener = mock_listen((struct sockaddr *)&addr,
                            a4->sin_family == AF_INET ? sizeof *a4 : sizeof *a6, why, sizeof why);
  if (!s->listener) {
    snprintf(err, errlen, "cannot listen on %s port %u: %s", bind, o->port, why);
    free_server(s);
    return NULL;
  }
  s->port = mock_listener_port(s->listener);
  char endpoint[128];
  snprintf(endpoint, sizeof endpoint, "%s://%s%s%s:%u", s->tls ? "https" : "http",
           a4->sin_family == AF_INET ? "" : "[", bind, a4->sin_family == AF_INET ? "" : "]", s->port);
  mock_events_options eo = {o->event_hosts, o->event_timeout_ms, o->application_token, s->token,
                            endpoint, NULL};
  s->cfg.events = mock_events_new(m, &eo);
  struct MHD_OptionItem opts[] = {
      {MHD_OPTION_URI_LOG_CALLBACK, (intptr_t)on_uri, NULL},
      {MHD_OPTION_NOTIFY_COMPLETED, (intptr_t)on_completed, NULL},
      {MHD_OPTION_CONNECTION_TIMEOUT, 30, NULL},
      {s->tls ? MHD_OPTION_HTTPS_MEM_CERT : MHD_OPTION_END, 0, s->cert},
      {s->tls ? MHD_OPTION_HTTPS_MEM_KEY : MHD_OPTION_END, 0, s->key},
      {MHD_OPTION_END, 0, NULL},
  };
  while (s->n_daemons < threads) {
    struct MHD_Daemon *d =
        MHD_start_daemon(flags, 0, NULL, NULL, on_request, s, MHD_OPTION_ARRAY, opts, MHD_OPTION_END);
    if (!d) {
      snprintf(err, errlen, "cannot start the server%s", s->tls ? " (a bad certificate or key?)" : "");
      b24_mock_stop(s);
      return NULL;
    }
    s->daemons[s->n_daemons++] = d;
  }
  if (mock_listener_start(s->listener, on_accepted, s) != 0) {
    snprintf(err, errlen, "cannot start the accepting thread");
    b24_mock_stop(s);
    return NULL;
  }
  return s;
}

unsigned b24_mock_port(const b24_mock_server *s) { return s->port; }

void b24_mock_stop(b24_mock_server *s) {
  if (!s) return;
  mock_listener_stop(s->listener); /* no more connections, then the daemons */
  for (unsigned i = 0; i < s->n_daemons; i++) MHD_stop_daemon(s->daemons[i]);
  free_server(s);
}
