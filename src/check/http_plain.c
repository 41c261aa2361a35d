/* Plain HTTP/1.1 for the runner (see http_plain.h). Each connection runs one
 * request at a time: connect (non-blocking), send, read the head, then the body
 * by Content-Length, chunked encoding or the server closing. A request sent on a
 * kept-alive connection that the server had already closed is sent once more on a
 * fresh one, as browsers and libcurl do. */
#define _GNU_SOURCE
#include "check/http_plain.h"

#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "util/buf.h"

enum { C_IDLE, C_CONNECTING, C_SENDING, C_RECEIVING };

typedef struct conn {
  int fd;       /* -1: not connected */
  int state;
  void *tag;    /* the request in flight */
  b24_buf out;  /* the request bytes */
  size_t sent;
  b24_buf in;   /* the answer's bytes as read */
  int reused;   /* the request went out on a kept-alive connection */
  double deadline;
} conn;

struct plain_pool {
  char *origin;  /* "http://host:port", as the URLs start */
  char *host_header;
  struct addrinfo *addrs;
  conn *conns;
  int n_conns;
  long timeout_ms;
  plain_done done;
  void *ctx;
  size_t active;
  b24_buf body;  /* a chunked body, decoded */
};

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The length of "http://authority" at the start of url, 0 when not plain http. */
static size_t origin_len(const char *url) {
  if (strncasecmp(url, "http://", 7)) return 0;
  return 7 + strcspn(url + 7, "/?#");
}

plain_pool *plain_new(const char *url, int max_conns, long timeout_ms, plain_done done, void *ctx) {
  size_t ol = origin_len(url);
  if (!ol || ol == 7) return NULL;
  const char *auth = url + 7;
  size_t al = ol - 7;
  if (memchr(auth, '@', al)) return NULL; /* credentials in the URL: libcurl's job */
  char host[256], port[16] = "80";
  const char *colon = NULL;
  if (auth[0] == '[') { /* [v6]:port */
    const char *end = memchr(auth, ']', al);
    if (!end || (size_t)(end - auth - 1) >= sizeof host) return NULL;
    memcpy(host, auth + 1, (size_t)(end - auth - 1));
    host[end - auth - 1] = 0;
    if (end + 1 < auth + al && end[1] == ':') colon = end + 1;
  } else {
    colon = memchr(auth, ':', al);
    size_t hl = colon ? (size_t)(colon - auth) : al;
    if (hl >= sizeof host) return NULL;
    memcpy(host, auth, hl);
    host[hl] = 0;
  }
  if (colon) {
    size_t pl = (size_t)(auth + al - colon - 1);
    if (!pl || pl >= sizeof port) return NULL;
    memcpy(port, colon + 1, pl);
    port[pl] = 0;
  }
  struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM};
  struct addrinfo *addrs = NULL;
  if (getaddrinfo(host, port, &hints, &addrs) != 0 || !addrs) return NULL;
  plain_pool *p = calloc(1, sizeof *p);
  if (!p) abort();
  p->origin = strndup(url, ol);
  p->host_header = strndup(auth, al);
  p->addrs = addrs;
  p->n_conns = max_conns > 0 ? max_conns : 1;
  p->conns = calloc((size_t)p->n_conns, sizeof *p->conns);
  if (!p->origin || !p->host_header || !p->conns) abort();
  for (int i = 0; i < p->n_conns; i++) p->conns[i].fd = -1;
  p->timeout_ms = timeout_ms;
  p->done = done;
  p->ctx = ctx;
  return p;
}

static void conn_close(conn *c) {
  if (c->fd >= 0) close(c->fd);
  c->fd = -1;
}

void plain_free(plain_pool *p) {
  if (!p) return;
  for (int i = 0; i < p->n_conns; i++) {
    conn_close(&p->conns[i]);
    b24_buf_free(&p->conns[i].out);
    b24_buf_free(&p->conns[i].in);
  }
  free(p->conns);
  freeaddrinfo(p->addrs);
  free(p->origin);
  free(p->host_header);
  b24_buf_free(&p->body);
  free(p);
}

int plain_serves(const plain_pool *p, const char *url) {
  size_t ol = origin_len(url);
  return ol && ol == strlen(p->origin) && !strncasecmp(url, p->origin, ol);
}

size_t plain_active(const plain_pool *p) { return p->active; }

/* Opens a non-blocking connection; the connect completes in progress(). */
static int conn_open(plain_pool *p, conn *c) {
  for (struct addrinfo *a = p->addrs; a; a = a->ai_next) {
    int fd = socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
    if (fd < 0) continue;
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (connect(fd, a->ai_addr, a->ai_addrlen) == 0 || errno == EINPROGRESS) {
      c->fd = fd;
      return 0;
    }
    close(fd);
  }
  return -1;
}

static void complete(plain_pool *p, conn *c, const plain_answer *a) {
  void *tag = c->tag;
  c->tag = NULL;
  c->state = C_IDLE;
  p->active--;
  p->done(p->ctx, tag, a);
}

static void fail(plain_pool *p, conn *c, const char *why) {
  conn_close(c);
  plain_answer a = {0, NULL, "", 0, why};
  complete(p, c, &a);
}

/* Sends what the socket takes of c's request: 1 when all is sent (c is then
 * receiving), 0 when the socket is full, -1 on an error. */
static int send_some(conn *c) {
  while (c->sent < c->out.len) {
    ssize_t w = send(c->fd, c->out.data + c->sent, c->out.len - c->sent, MSG_NOSIGNAL);
    if (w > 0) c->sent += (size_t)w;
    else if (w < 0 && errno == EINTR) continue;
    else if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return 0;
    else return -1;
  }
  c->state = C_RECEIVING;
  return 1;
}

/* (Re)sends c's request from its first byte, on its connection or a new one. */
static void conn_send(plain_pool *p, conn *c) {
  c->reused = c->fd >= 0;
  c->sent = 0;
  b24_buf_clear(&c->in);
  if (c->fd < 0 && conn_open(p, c) != 0) {
    fail(p, c, "cannot connect");
    return;
  }
  c->state = c->reused ? C_SENDING : C_CONNECTING;
}

void plain_post(plain_pool *p, const char *url, const char *body, size_t body_len, void *tag) {
  conn *c = NULL;
  for (int i = 0; i < p->n_conns && !c; i++) /* a warm connection first */
    if (p->conns[i].state == C_IDLE && p->conns[i].fd >= 0) c = &p->conns[i];
  for (int i = 0; i < p->n_conns && !c; i++)
    if (p->conns[i].state == C_IDLE) c = &p->conns[i];
  if (!c) abort(); /* the caller keeps within max_conns */
  const char *path = url + strlen(p->origin);
  /* The head piece by piece: this runs once per request, and printf showed in profiles. */
  b24_buf_clear(&c->out);
  b24_buf_puts(&c->out, *path == '/' ? "POST " : "POST /");
  b24_buf_puts(&c->out, path);
  b24_buf_puts(&c->out, " HTTP/1.1\r\nHost: ");
  b24_buf_puts(&c->out, p->host_header);
  b24_buf_puts(&c->out, "\r\nUser-Agent: b24spec-check\r\nContent-Type: application/json\r\n"
                        "Accept: application/json\r\nContent-Length: ");
  b24_buf_put_uint(&c->out, body_len);
  b24_buf_put(&c->out, "\r\n\r\n", 4);
  b24_buf_put(&c->out, body, body_len);
  c->tag = tag;
  c->deadline = p->timeout_ms > 0 ? now_s() + (double)p->timeout_ms / 1000 : 0;
  p->active++;
  conn_send(p, c);
  /* On a warm connection the request leaves now, not at the next pass: the caller
   * may be answering another request meanwhile. A failed send is left to
   * plain_progress (a request with nothing sent is tried there), so that no answer
   * is reported from inside this call for a warm connection. */
  if (c->state == C_SENDING && send_some(c) < 0) c->sent = 0;
}

size_t plain_wait_set(const plain_pool *p, struct pollfd *pfds, size_t max, int *timeout_ms) {
  size_t n = 0;
  double t = now_s();
  for (int i = 0; i < p->n_conns && n < max; i++) {
    const conn *c = &p->conns[i];
    if (c->state == C_IDLE || c->fd < 0) continue;
    pfds[n++] = (struct pollfd){c->fd, c->state == C_RECEIVING ? POLLIN : POLLOUT, 0};
    if (c->deadline > 0) {
      double left = c->deadline - t;
      int ms = left <= 0 ? 0 : (int)(left * 1000) + 1;
      if (ms < *timeout_ms) *timeout_ms = ms;
    }
  }
  return n;
}

/* Where the head ends (just past CRLFCRLF), 0 while it has not all arrived. */
static size_t head_end(const b24_buf *in) {
  const char *e = in->len ? memmem(in->data, in->len, "\r\n\r\n", 4) : NULL;
  return e ? (size_t)(e - in->data) + 4 : 0;
}

/* What the client acts on in an answer's head. */
typedef struct head_info {
  long status;
  int keep_alive;           /* HTTP/1.1 without "Connection: close" */
  int chunked;
  int has_length;
  size_t length;
  int has_ctype;
  char ctype[128];          /* NUL-terminated, trimmed, cut to fit */
} head_info;

/* The value of a header line [s, e) after the colon, trimmed of blanks and CR. */
static void header_value(const char **s, const char **e) {
  while (*s < *e && (**s == ' ' || **s == '\t')) (*s)++;
  while (*e > *s && ((*e)[-1] == '\r' || (*e)[-1] == ' ' || (*e)[-1] == '\t')) (*e)--;
}

static int name_is(const char *line, size_t n, const char *name) {
  return strlen(name) == n && !strncasecmp(line, name, n);
}

/* The status line and the headers, in one pass over the head (len bytes, CRLFCRLF
 * included): this runs once per answer. 0 when it is not an HTTP answer. */
static int parse_head(const char *head, size_t len, head_info *hi) {
  memset(hi, 0, sizeof *hi);
  const char *s = head, *end = head + len;
  if (len < 12 || strncmp(s, "HTTP/", 5)) return 0;
  s += 5;
  int minor_1 = 0;
  if (*s < '0' || *s > '9') return 0;
  int major = 0;
  while (s < end && *s >= '0' && *s <= '9') major = major * 10 + (*s++ - '0');
  if (s < end && *s == '.') {
    s++;
    minor_1 = s < end && *s >= '1' && *s <= '9';
    while (s < end && *s >= '0' && *s <= '9') s++;
  }
  if (s >= end || *s != ' ') return 0;
  while (s < end && *s == ' ') s++;
  for (int i = 0; i < 3; i++, s++) { /* the status: three digits */
    if (s >= end || *s < '0' || *s > '9') return 0;
    hi->status = hi->status * 10 + (*s - '0');
  }
  hi->keep_alive = major > 1 || (major == 1 && minor_1);
  const char *line = memchr(s, '\n', (size_t)(end - s));
  while (line && ++line < end) {
    const char *eol = memchr(line, '\n', (size_t)(end - line));
    if (!eol) break;
    const char *colon = memchr(line, ':', (size_t)(eol - line));
    if (colon) {
      size_t nl = (size_t)(colon - line);
      const char *v = colon + 1, *ve = eol;
      header_value(&v, &ve);
      size_t vl = (size_t)(ve - v);
      if (name_is(line, nl, "Content-Type")) {
        size_t n = vl < sizeof hi->ctype - 1 ? vl : sizeof hi->ctype - 1;
        memcpy(hi->ctype, v, n);
        hi->ctype[n] = 0;
        hi->has_ctype = 1;
      } else if (name_is(line, nl, "Content-Length")) {
        hi->has_length = vl > 0;
        for (size_t i = 0; i < vl && hi->has_length; i++)
          if (v[i] < '0' || v[i] > '9') hi->has_length = 0;
          else hi->length = hi->length * 10 + (size_t)(v[i] - '0');
      } else if (name_is(line, nl, "Transfer-Encoding")) {
        for (size_t i = 0; i + 7 <= vl && !hi->chunked; i++)
          hi->chunked = !strncasecmp(v + i, "chunked", 7);
      } else if (name_is(line, nl, "Connection")) {
        if (vl == 5 && !strncasecmp(v, "close", 5)) hi->keep_alive = 0;
      }
    }
    line = eol;
  }
  return 1;
}

/* Decodes a chunked body from s (n bytes) into out: 1 when complete, 0 when more
 * bytes are needed, -1 when malformed. */
static int dechunk(const char *s, size_t n, b24_buf *out) {
  size_t i = 0;
  b24_buf_clear(out);
  for (;;) {
    const char *eol = memmem(s + i, n - i, "\r\n", 2);
    if (!eol) return 0;
    char *endp;
    unsigned long long size = strtoull(s + i, &endp, 16);
    if (endp == s + i) return -1;
    i = (size_t)(eol - s) + 2;
    if (size == 0) { /* trailers, then an empty line */
      for (;;) {
        const char *e = memmem(s + i, n - i, "\r\n", 2);
        if (!e) return 0;
        if (e == s + i) return 1;
        i = (size_t)(e - s) + 2;
      }
    }
    if (size > n - i || n - i - size < 2) return 0;
    b24_buf_put(out, s + i, size);
    i += size + 2;
  }
}

/* Reads what has arrived; completes the request when the answer is whole. */
static void conn_receive(plain_pool *p, conn *c) {
  int closed = 0;
  for (;;) {
    b24_buf_reserve(&c->in, 65536);
    size_t room = c->in.cap - c->in.len - 1;
    ssize_t r = recv(c->fd, c->in.data + c->in.len, room, 0);
    if (r > 0) {
      c->in.len += (size_t)r;
      c->in.data[c->in.len] = 0;
      /* A short read emptied the socket: what is missing comes with the next
       * POLLIN, so no recv is spent on learning EAGAIN. */
      if ((size_t)r < room) break;
      continue;
    }
    if (r == 0) closed = 1;
    else if (errno == EINTR) continue;
    else if (errno != EAGAIN && errno != EWOULDBLOCK) closed = -1;
    break;
  }
  if (closed && !c->in.len && c->reused) { /* the server let the idle connection go */
    conn_close(c);
    conn_send(p, c);
    return;
  }
  size_t he = head_end(&c->in);
  if (!he) {
    if (closed) fail(p, c, closed < 0 ? "connection failed" : "connection closed before the answer");
    return;
  }
  head_info hi;
  if (!parse_head(c->in.data, he, &hi)) {
    fail(p, c, "not an HTTP answer");
    return;
  }
  long status = hi.status;
  int keep = hi.keep_alive;
  const char *body = c->in.data + he;
  size_t have = c->in.len - he, len;
  if (hi.chunked) {
    int rc = dechunk(body, have, &p->body);
    if (rc < 0) {
      fail(p, c, "malformed chunked answer");
      return;
    }
    if (!rc) {
      if (closed) fail(p, c, "connection closed inside the answer");
      return;
    }
    body = p->body.data ? p->body.data : "";
    len = p->body.len;
  } else if (hi.has_length) {
    len = hi.length;
    if (have < len) {
      if (closed) fail(p, c, "connection closed inside the answer");
      return;
    }
  } else if (status == 204 || status == 304 || status / 100 == 1) {
    len = 0;
  } else { /* the body runs until the server closes */
    if (!closed) return;
    len = have;
    keep = 0;
  }
  /* The body is NUL-terminated for the caller: the byte after it is the next
   * answer's or the buffer's terminator, so copy when it is not the end. */
  char *copy = NULL;
  if (body == c->in.data + he && he + len < c->in.len) {
    copy = strndup(body, len);
    body = copy;
  }
  if (!keep || closed) conn_close(c);
  plain_answer a = {status, hi.has_ctype ? hi.ctype : NULL, body, len, NULL};
  complete(p, c, &a);
  free(copy);
}

static void conn_progress(plain_pool *p, conn *c, double t) {
  if (c->state == C_CONNECTING) {
    struct pollfd pf = {c->fd, POLLOUT, 0};
    if (poll(&pf, 1, 0) <= 0) goto deadline;
    int err = 0;
    socklen_t el = sizeof err;
    getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &err, &el);
    if (err) {
      fail(p, c, "cannot connect");
      return;
    }
    c->state = C_SENDING;
  }
  if (c->state == C_SENDING) {
    int rc = send_some(c);
    if (rc == 0) goto deadline;
    if (rc < 0 && c->reused) { /* a stale kept-alive connection: once more, fresh */
      conn_close(c);
      conn_send(p, c);
      return;
    }
    if (rc < 0) {
      fail(p, c, "connection failed while sending");
      return;
    }
    goto deadline; /* sent: the answer is awaited with POLLIN */
  }
  if (c->state == C_RECEIVING) {
    conn_receive(p, c);
    if (c->state == C_IDLE) return;
  }
deadline:
  if (c->deadline > 0 && t >= c->deadline) fail(p, c, "timed out");
}

static int is_ready(const conn *c, const struct pollfd *pfds, size_t n) {
  if (!pfds) return 1;
  if (c->state == C_SENDING && c->sent == 0) return 1; /* a request not yet tried */
  for (size_t i = 0; i < n; i++)
    if (pfds[i].fd == c->fd) return pfds[i].revents != 0;
  return 0;
}

void plain_progress(plain_pool *p, const struct pollfd *pfds, size_t n) {
  double t = now_s();
  for (int i = 0; i < p->n_conns; i++) {
    conn *c = &p->conns[i];
    if (c->state == C_IDLE) continue;
    if (is_ready(c, pfds, n)) conn_progress(p, c, t);
    else if (c->deadline > 0 && t >= c->deadline) fail(p, c, "timed out");
  }
}
