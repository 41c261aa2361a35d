/* The scripted libmicrohttpd server of the runtime tests (see test_server.h). */
#include "test_server.h"

#include <b24/client.h>

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_REQUESTS = 64 };

struct test_server {
  struct MHD_Daemon *daemon;
  const ts_reply *script;
  size_t n_replies;
  pthread_mutex_t lock;
  ts_request requests[MAX_REQUESTS];
  size_t n_requests;
};

/* What one connection's request accumulates while MHD feeds us the upload. */
typedef struct pending {
  char *body;
  size_t len;
} pending;

static void copy_header(struct MHD_Connection *conn, const char *name, char *dst, size_t size) {
  const char *v = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, name);
  snprintf(dst, size, "%s", v ? v : "");
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
                                  const char *method, const char *version,
                                  const char *upload_data, size_t *upload_data_size,
                                  void **con_cls) {
  (void)version;
  test_server *s = cls;
  pending *p = *con_cls;
  if (!p) { /* first call: headers only */
    if (!(p = calloc(1, sizeof *p))) return MHD_NO;
    *con_cls = p;
    return MHD_YES;
  }
  if (*upload_data_size) {
    char *grown = realloc(p->body, p->len + *upload_data_size + 1);
    if (!grown) return MHD_NO;
    memcpy(grown + p->len, upload_data, *upload_data_size);
    p->body = grown;
    p->len += *upload_data_size;
    p->body[p->len] = '\0';
    *upload_data_size = 0;
    return MHD_YES;
  }

  pthread_mutex_lock(&s->lock);
  size_t index = s->n_requests;
  if (index < MAX_REQUESTS) {
    ts_request *r = &s->requests[index];
    snprintf(r->method, sizeof r->method, "%s", method);
    snprintf(r->url, sizeof r->url, "%s", url);
    copy_header(conn, MHD_HTTP_HEADER_CONTENT_TYPE, r->content_type, sizeof r->content_type);
    copy_header(conn, MHD_HTTP_HEADER_ACCEPT, r->accept, sizeof r->accept);
    copy_header(conn, MHD_HTTP_HEADER_USER_AGENT, r->user_agent, sizeof r->user_agent);
    r->body = p->body ? p->body : calloc(1, 1);
    r->body_len = p->len;
    p->body = NULL;
    s->n_requests++;
  }
  pthread_mutex_unlock(&s->lock);

  const ts_reply *reply = &s->script[index < s->n_replies ? index : s->n_replies - 1];
  struct MHD_Response *resp = MHD_create_response_from_buffer(
      strlen(reply->body), (void *)reply->body, MHD_RESPMEM_MUST_COPY);
  if (!resp) return MHD_NO;
  MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, "application/json");
  enum MHD_Result rc = MHD_queue_response(conn, reply->status, resp);
  MHD_destroy_response(resp);
  return rc;
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
                         enum MHD_RequestTerminationCode toe) {
  (void)cls, (void)conn, (void)toe;
  pending *p = *con_cls;
  if (p) {
    free(p->body);
    free(p);
  }
  *con_cls = NULL;
}

test_server *ts_start(const ts_reply *script, size_t n_replies, const char *cert_pem,
                      const char *key_pem) {
  if (n_replies == 0) return NULL;
  test_server *s = calloc(1, sizeof *s);
  if (!s) return NULL;
  s->script = script;
  s->n_replies = n_replies;
  pthread_mutex_init(&s->lock, NULL);
  struct sockaddr_in addr;
  memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD;
  /* TLS options are only legal on a TLS daemon, hence an option array that ends early
   * for plain HTTP. */
  struct MHD_OptionItem tls[] = {
      {MHD_OPTION_HTTPS_MEM_CERT, 0, (void *)cert_pem},
      {MHD_OPTION_HTTPS_MEM_KEY, 0, (void *)key_pem},
      {MHD_OPTION_END, 0, NULL},
  };
  if (cert_pem) flags |= MHD_USE_TLS;
  s->daemon = MHD_start_daemon(flags, 0, NULL, NULL, on_request, s, MHD_OPTION_SOCK_ADDR,
                               (struct sockaddr *)&addr, MHD_OPTION_NOTIFY_COMPLETED,
                               on_completed, s, MHD_OPTION_ARRAY, cert_pem ? tls : tls + 2,
                               MHD_OPTION_END);
  if (!s->daemon) {
    pthread_mutex_destroy(&s->lock);
    free(s);
    return NULL;
  }
  return s;
}

unsigned short ts_port(const test_server *s) {
  const union MHD_DaemonInfo *info =
      MHD_get_daemon_info((struct MHD_Daemon *)s->daemon, MHD_DAEMON_INFO_BIND_PORT);
  return info ? info->port : 0;
}

size_t ts_request_count(test_server *s) {
  pthread_mutex_lock(&s->lock);
  size_t n = s->n_requests;
  pthread_mutex_unlock(&s->lock);
  return n;
}

int ts_request_at(test_server *s, size_t i, ts_request *out) {
  pthread_mutex_lock(&s->lock);
  int ok = i < s->n_requests;
  if (ok) *out = s->requests[i];
  pthread_mutex_unlock(&s->lock);
  return ok ? 0 : -1;
}

void ts_stop(test_server *s) {
  if (!s) return;
  MHD_stop_daemon(s->daemon);
  for (size_t i = 0; i < s->n_requests; i++) free(s->requests[i].body);
  pthread_mutex_destroy(&s->lock);
  free(s);
}

test_server *ts_start_or_exit(const ts_reply *script, size_t n_replies) {
  test_server *s = ts_start(script, n_replies, NULL, NULL);
  if (!s) {
    fprintf(stderr, "cannot start the test server\n");
    exit(2);
  }
  return s;
}

b24_client *ts_webhook_client(const test_server *s, const char *secret) {
  char url[256];
  snprintf(url, sizeof url, "http://127.0.0.1:%u/rest/1/%s/", (unsigned)ts_port(s), secret);
  b24_client *c = b24_client_new_webhook(url);
  if (!c) {
    fprintf(stderr, "cannot make a client for %s\n", url);
    exit(2);
  }
  return c;
}
