/* libcurl multi transport with rate limit, timeouts and backoff (see http.h);
 * plain http:// requests go through http_plain.c instead, polled in the same wait. */
#include "check/http.h"

#include <curl/curl.h>
#include <poll.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "check/http_plain.h"
#include "util/buf.h"

typedef struct xfer {
  struct xfer *next;
  const char *url;           /* borrowed from the caller until done */
  const char *body;
  size_t len;
  b24_http_done done;
  void *ud;
  int retries;
  CURL *easy;
  b24_buf resp;
  char ctype[128];
  int has_ctype;
  char errbuf[CURL_ERROR_SIZE];
  double started;
} xfer;

struct b24_http {
  b24_http_options o;
  CURLM *multi;
  struct curl_slist *headers;
  xfer *head, *tail;         /* waiting to start */
  size_t queued, active;
  CURL **idle;               /* easy handles to reuse (their connections stay warm) */
  size_t n_idle;
  double next_slot;          /* earliest start allowed by --rate */
  double paused_until;       /* backoff after QUERY_LIMIT_EXCEEDED */
  size_t sent, finished;
  plain_pool *plain;         /* for the first http:// origin, when no proxy is set */
  int plain_tried;
  xfer *spare;               /* finished transfers, kept with their buffers for reuse */
};

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

b24_http *b24_http_new(const b24_http_options *o) {
  static int curl_ready;
  if (!curl_ready) {
    curl_global_init(CURL_GLOBAL_DEFAULT);
    curl_ready = 1;
  }
  b24_http *h = calloc(1, sizeof *h);
  if (!h) abort();
  h->o = *o;
  if (h->o.jobs < 1) h->o.jobs = 1;
  h->multi = curl_multi_init();
  curl_multi_setopt(h->multi, CURLMOPT_MAX_HOST_CONNECTIONS, (long)h->o.jobs);
  h->headers = curl_slist_append(NULL, "Content-Type: application/json");
  h->headers = curl_slist_append(h->headers, "Accept: application/json");
  h->headers = curl_slist_append(h->headers, "Expect:");
  h->idle = calloc((size_t)h->o.jobs, sizeof *h->idle);
  if (!h->idle) abort();
  return h;
}

static void xfer_free(xfer *x) {
  b24_buf_free(&x->resp);
  free(x);
}

static void xfer_free_list(xfer *x) {
  while (x) {
    xfer *next = x->next;
    xfer_free(x);
    x = next;
  }
}

/* A finished transfer goes to the spares: a request a few tens of microseconds
 * long showed its calloc and the answer buffer's regrowth in profiles. */
static void xfer_recycle(b24_http *h, xfer *x) {
  x->next = h->spare;
  h->spare = x;
}

void b24_http_free(b24_http *h) {
  if (!h) return;
  xfer_free_list(h->head);
  xfer_free_list(h->spare);
  plain_free(h->plain);
  for (size_t i = 0; i < h->n_idle; i++) curl_easy_cleanup(h->idle[i]);
  free(h->idle);
  curl_slist_free_all(h->headers);
  curl_multi_cleanup(h->multi);
  free(h);
}

size_t b24_http_sent(const b24_http *h) { return h->sent; }

static void enqueue(b24_http *h, xfer *x) {
  x->next = NULL;
  if (h->tail) h->tail->next = x;
  else h->head = x;
  h->tail = x;
  h->queued++;
}

void b24_http_post(b24_http *h, const char *url, const char *body, size_t len, b24_http_done done,
                   void *ud) {
  xfer *x = h->spare;
  if (x) {
    h->spare = x->next;
    b24_buf resp = x->resp;
    memset(x, 0, offsetof(xfer, errbuf));
    x->resp = resp;
    x->errbuf[0] = 0;
  } else if (!(x = calloc(1, sizeof *x)))
    abort();
  x->url = url;
  x->body = body;
  x->len = len;
  x->done = done;
  x->ud = ud;
  enqueue(h, x);
}

static size_t on_body(char *p, size_t size, size_t n, void *ud) {
  b24_buf_put(&((xfer *)ud)->resp, p, size * n);
  return size * n;
}

static size_t on_header(char *p, size_t size, size_t n, void *ud) {
  xfer *x = ud;
  size_t len = size * n;
  if (len > 13 && !strncasecmp(p, "content-type:", 13)) {
    const char *v = p + 13;
    size_t vl = len - 13;
    while (vl && (*v == ' ' || *v == '\t')) v++, vl--;
    while (vl && (v[vl - 1] == '\r' || v[vl - 1] == '\n' || v[vl - 1] == ' ')) vl--;
    if (vl >= sizeof x->ctype) vl = sizeof x->ctype - 1;
    memcpy(x->ctype, v, vl);
    x->ctype[vl] = 0;
    x->has_ctype = 1;
  }
  return len;
}

/* A new easy handle with the options every request shares; handles are reused
 * without curl_easy_reset so that their buffers and connections stay. */
static CURL *new_handle(b24_http *h) {
  CURL *e = curl_easy_init();
  if (!e) abort();
  curl_easy_setopt(e, CURLOPT_POST, 1L);
  curl_easy_setopt(e, CURLOPT_HTTPHEADER, h->headers);
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(e, CURLOPT_TCP_NODELAY, 1L);
  curl_easy_setopt(e, CURLOPT_USERAGENT, "b24spec-check");
  curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
  if (h->o.timeout_ms > 0) curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, h->o.timeout_ms);
  if (!h->o.verify_tls) {
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 0L);
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 0L);
  }
  return e;
}

static void on_plain(void *ctx, void *tag, const plain_answer *pa);

/* The plain pool serves a URL when it is plain http and no proxy is configured
 * (libcurl honours the proxy variables; the plain client does not). */
static plain_pool *plain_for(b24_http *h, const char *url) {
  if (!h->plain_tried) {
    h->plain_tried = 1;
    static const char *const proxies[] = {"http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"};
    int proxied = 0;
    for (size_t i = 0; i < sizeof proxies / sizeof *proxies; i++)
      if (getenv(proxies[i]) && *getenv(proxies[i])) proxied = 1;
    if (!proxied && !getenv("B24_CHECK_CURL_ONLY"))
      h->plain = plain_new(url, h->o.jobs, h->o.timeout_ms, on_plain, h);
  }
  return h->plain && plain_serves(h->plain, url) ? h->plain : NULL;
}

static void start(b24_http *h, xfer *x) {
  b24_buf_clear(&x->resp);
  x->has_ctype = 0;
  x->errbuf[0] = 0;
  x->started = now_s();
  h->active++;
  h->sent++;
  plain_pool *pp = plain_for(h, x->url);
  if (pp) {
    plain_post(pp, x->url, x->body, x->len, x);
    return;
  }
  CURL *e = h->n_idle ? h->idle[--h->n_idle] : new_handle(h);
  x->easy = e;
  curl_easy_setopt(e, CURLOPT_URL, x->url);
  curl_easy_setopt(e, CURLOPT_POSTFIELDS, x->body);
  curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE, (long)x->len);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, x);
  curl_easy_setopt(e, CURLOPT_HEADERDATA, x);
  curl_easy_setopt(e, CURLOPT_ERRORBUFFER, x->errbuf);
  curl_easy_setopt(e, CURLOPT_PRIVATE, x);
  curl_multi_add_handle(h->multi, e);
}

/* A 503 whose body names the portal's rate limit. */
static int rate_limited(const xfer *x, long status) {
  return status == 503 && x->resp.data && strstr(x->resp.data, "QUERY_LIMIT_EXCEEDED");
}

static double start_ready(b24_http *h);

/* An attempt is over (x->resp holds the body): retried after a pause when the
 * portal's rate limit answered, else handed to the caller. error: NULL when answered.
 * refill: start the next queued request first (plain connections; libcurl's
 * transfers are started by the loop, outside its message reading). */
static void attempt_over(b24_http *h, xfer *x, long status, const char *error, int refill) {
  h->active--;
  h->finished++;
  if (!error && rate_limited(x, status) && x->retries < h->o.max_retries) {
    double pause = h->o.backoff_s;
    for (int i = 0; i < x->retries; i++) pause *= 2;
    x->retries++;
    double until = now_s() + pause;
    if (until > h->paused_until) h->paused_until = until;
    enqueue(h, x);
    return;
  }
  /* The slot is free: the next queued request goes out before this answer is
   * judged, so the server works while the runner checks. */
  if (refill) start_ready(h);
  b24_http_answer a = {0};
  a.status = status;
  a.content_type = x->has_ctype ? x->ctype : NULL;
  a.body = x->resp.data ? x->resp.data : "";
  a.body_len = x->resp.len;
  a.seconds = now_s() - x->started;
  a.retries = x->retries;
  a.error = error;
  x->done(x->ud, &a);
  xfer_recycle(h, x);
}

static void finish(b24_http *h, CURL *e, CURLcode rc) {
  xfer *x = NULL;
  curl_easy_getinfo(e, CURLINFO_PRIVATE, (char **)&x);
  long status = 0;
  if (rc == CURLE_OK) curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &status);
  curl_multi_remove_handle(h->multi, e);
  h->idle[h->n_idle++] = e;
  x->easy = NULL;
  attempt_over(h, x, status, rc == CURLE_OK ? NULL : x->errbuf[0] ? x->errbuf : curl_easy_strerror(rc), 0);
}

static void on_plain(void *ctx, void *tag, const plain_answer *pa) {
  xfer *x = tag;
  b24_buf_put(&x->resp, pa->body, pa->body_len);
  if (pa->content_type) {
    size_t n = strnlen(pa->content_type, sizeof x->ctype - 1);
    memcpy(x->ctype, pa->content_type, n);
    x->ctype[n] = 0;
    x->has_ctype = 1;
  }
  if (pa->error) snprintf(x->errbuf, sizeof x->errbuf, "%s", pa->error);
  attempt_over(ctx, x, pa->status, pa->error ? x->errbuf : NULL, 1);
}

/* Starts what the job limit, the rate and a backoff pause allow; returns how
 * long to wait before the next start could be allowed (seconds, 0 = none pending). */
static double start_ready(b24_http *h) {
  while (h->head && h->active < (size_t)h->o.jobs) {
    double t = now_s();
    double ready = h->paused_until > h->next_slot ? h->paused_until : h->next_slot;
    if (ready > t) return ready - t;
    xfer *x = h->head;
    h->head = x->next;
    if (!h->head) h->tail = NULL;
    h->queued--;
    if (h->o.rate > 0) h->next_slot = (h->next_slot > t ? h->next_slot : t) + 1.0 / h->o.rate;
    start(h, x);
  }
  return 0;
}

void b24_http_run(b24_http *h, b24_http_feed feed, void *feed_ud) {
  struct pollfd ready[64]; /* the plain connections' last poll results */
  size_t n_ready = 0;
  for (;;) {
    /* keep a little more queued than can run, so a slot never waits on us */
    while (feed && h->queued < (size_t)h->o.jobs * 2 && feed(feed_ud)) {
    }
    double wait = start_ready(h);
    if (!h->active && !h->head) break;
    size_t finished_before = h->finished;
    size_t plain_n = h->plain ? plain_active(h->plain) : 0;
    int curl_n = h->active > plain_n;
    /* With libcurl's transfers in the same wait the plain results are not known:
     * every plain connection is tried. */
    if (plain_n) plain_progress(h->plain, curl_n ? NULL : ready, n_ready);
    n_ready = 0;
    if (curl_n) {
      int running = 0;
      curl_multi_perform(h->multi, &running);
      CURLMsg *msg;
      int left;
      while ((msg = curl_multi_info_read(h->multi, &left)))
        if (msg->msg == CURLMSG_DONE) finish(h, msg->easy_handle, msg->data.result);
    }
    if (h->finished != finished_before) continue; /* callbacks may have queued the next step */
    int ms = 100;
    if (wait > 0 && wait * 1000 < ms) ms = (int)(wait * 1000) + 1;
    size_t n = h->active && h->plain ? plain_wait_set(h->plain, ready, 64, &ms) : 0;
    if (h->active && !curl_n && n) {
      if (poll(ready, n, ms) > 0) n_ready = n;
    } else if (h->active) {
      /* the plain connections wait in libcurl's poll as extra descriptors */
      struct curl_waitfd extra[64];
      for (size_t i = 0; i < n; i++)
        extra[i] = (struct curl_waitfd){ready[i].fd, ready[i].events & POLLIN ? CURL_WAIT_POLLIN : CURL_WAIT_POLLOUT, 0};
      curl_multi_poll(h->multi, extra, (unsigned)n, ms, NULL);
    } else {
      struct timespec ts = {(time_t)(ms / 1000), (long)(ms % 1000) * 1000000L};
      nanosleep(&ts, NULL);
    }
  }
}
