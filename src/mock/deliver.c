/* The delivery thread (deliver.h): a ring of queued POSTs, fed under a mutex by
 * the serving threads, drained into one libcurl multi handle that runs up to
 * MOCK_DELIVER_PARALLEL transfers at once, so a slow handler delays no other. */
#include <curl/curl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "mock/deliver.h"

typedef struct item {
  char *url, *body;
  size_t len;
  struct curl_slist *headers;
} item;

struct mock_deliver {
  pthread_t thread;
  pthread_mutex_t lock;
  item ring[MOCK_DELIVER_QUEUE];
  size_t head, count; /* under lock */
  int stopping;       /* under lock */
  CURLM *multi;
  CURL *flight[MOCK_DELIVER_PARALLEL]; /* the thread's transfers; NULL slots free */
  unsigned timeout_ms;
  FILE *log;
  mock_deliver_stats stats; /* under lock */
};

static void item_free(item *it) {
  free(it->url);
  free(it->body);
  curl_slist_free_all(it->headers);
  free(it);
}

static size_t discard(char *p, size_t size, size_t n, void *u) {
  (void)p;
  (void)u;
  return size * n;
}

static void start_transfer(mock_deliver *d, item *it) {
  CURL *e = curl_easy_init();
  if (!e) {
    fprintf(d->log, "b24spec mock: event to %s not sent: no curl handle\n", it->url);
    item_free(it);
    return;
  }
  it->headers = curl_slist_append(NULL, "Content-Type: application/x-www-form-urlencoded");
  curl_easy_setopt(e, CURLOPT_URL, it->url);
  curl_easy_setopt(e, CURLOPT_POSTFIELDS, it->body);
  curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)it->len);
  curl_easy_setopt(e, CURLOPT_HTTPHEADER, it->headers);
  curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, (long)d->timeout_ms);
  curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, (long)d->timeout_ms);
  curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, discard);
  curl_easy_setopt(e, CURLOPT_USERAGENT, "Bitrix24 Webhook Engine (b24spec mock)");
#if LIBCURL_VERSION_NUM >= 0x075500
  curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
#endif
  curl_easy_setopt(e, CURLOPT_PRIVATE, it);
  for (size_t i = 0; i < MOCK_DELIVER_PARALLEL; i++)
    if (!d->flight[i]) {
      d->flight[i] = e;
      break;
    }
  curl_multi_add_handle(d->multi, e);
}

/* Finished transfers: counted, failures logged, handles released. */
static void reap(mock_deliver *d, int *in_flight) {
  CURLMsg *msg;
  int left;
  while ((msg = curl_multi_info_read(d->multi, &left))) {
    if (msg->msg != CURLMSG_DONE) continue;
    CURL *e = msg->easy_handle;
    item *it = NULL;
    long status = 0;
    curl_easy_getinfo(e, CURLINFO_PRIVATE, (char **)&it);
    curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &status);
    int ok = msg->data.result == CURLE_OK && status >= 200 && status < 300;
    if (!ok) {
      if (msg->data.result != CURLE_OK)
        fprintf(d->log, "b24spec mock: event to %s failed: %s (not retried)\n", it->url,
                curl_easy_strerror(msg->data.result));
      else
        fprintf(d->log, "b24spec mock: event to %s failed: HTTP %ld (not retried)\n", it->url, status);
    }
    pthread_mutex_lock(&d->lock);
    if (ok) d->stats.delivered++;
    else d->stats.failed++;
    pthread_mutex_unlock(&d->lock);
    for (size_t i = 0; i < MOCK_DELIVER_PARALLEL; i++)
      if (d->flight[i] == e) d->flight[i] = NULL;
    curl_multi_remove_handle(d->multi, e);
    curl_easy_cleanup(e);
    item_free(it);
    (*in_flight)--;
  }
}

static void *run(void *arg) {
  mock_deliver *d = arg;
  int in_flight = 0;
  for (;;) {
    item *take[MOCK_DELIVER_PARALLEL];
    size_t n = 0;
    pthread_mutex_lock(&d->lock);
    if (d->stopping) {
      pthread_mutex_unlock(&d->lock);
      break;
    }
    while (d->count && in_flight + (int)n < MOCK_DELIVER_PARALLEL) {
      item *it = malloc(sizeof *it);
      *it = d->ring[d->head];
      d->head = (d->head + 1) % MOCK_DELIVER_QUEUE;
      d->count--;
      take[n++] = it;
    }
    pthread_mutex_unlock(&d->lock);
    for (size_t i = 0; i < n; i++) start_transfer(d, take[i]);
    in_flight += (int)n;
    int running = 0;
    curl_multi_perform(d->multi, &running);
    reap(d, &in_flight);
    /* Sleeps until a socket is ready, a new event is queued (curl_multi_wakeup) or
     * the poll times out. */
    curl_multi_poll(d->multi, NULL, 0, in_flight ? 50 : 1000, NULL);
  }
  return NULL;
}

mock_deliver *mock_deliver_start(unsigned timeout_ms, FILE *log) {
  mock_deliver *d = calloc(1, sizeof *d);
  if (!d) return NULL;
  d->timeout_ms = timeout_ms ? timeout_ms : MOCK_DELIVER_TIMEOUT_MS;
  d->log = log ? log : stderr;
  d->multi = curl_multi_init();
  pthread_mutex_init(&d->lock, NULL);
  if (!d->multi || pthread_create(&d->thread, NULL, run, d)) {
    if (d->multi) curl_multi_cleanup(d->multi);
    pthread_mutex_destroy(&d->lock);
    free(d);
    return NULL;
  }
  return d;
}

int mock_deliver_post(mock_deliver *d, const char *url, const char *body, size_t len) {
  item it = {strdup(url), malloc(len + 1), len, NULL};
  if (!it.url || !it.body) {
    free(it.url);
    free(it.body);
    return -1;
  }
  memcpy(it.body, body, len);
  it.body[len] = 0;
  pthread_mutex_lock(&d->lock);
  int full = d->count == MOCK_DELIVER_QUEUE;
  if (full) {
    d->stats.dropped++;
  } else {
    d->ring[(d->head + d->count) % MOCK_DELIVER_QUEUE] = it;
    d->count++;
    d->stats.queued++;
  }
  pthread_mutex_unlock(&d->lock);
  if (full) {
    fprintf(d->log, "b24spec mock: event to %s dropped: the delivery queue is full\n", url);
    free(it.url);
    free(it.body);
    return -1;
  }
  curl_multi_wakeup(d->multi);
  return 0;
}

void mock_deliver_stats_get(mock_deliver *d, mock_deliver_stats *out) {
  pthread_mutex_lock(&d->lock);
  *out = d->stats;
  pthread_mutex_unlock(&d->lock);
}

void mock_deliver_stop(mock_deliver *d) {
  if (!d) return;
  pthread_mutex_lock(&d->lock);
  d->stopping = 1;
  pthread_mutex_unlock(&d->lock);
  curl_multi_wakeup(d->multi);
  pthread_join(d->thread, NULL);
  /* what is still in flight or queued is dropped */
  for (size_t i = 0; i < MOCK_DELIVER_PARALLEL; i++) {
    if (!d->flight[i]) continue;
    item *it = NULL;
    curl_easy_getinfo(d->flight[i], CURLINFO_PRIVATE, (char **)&it);
    curl_multi_remove_handle(d->multi, d->flight[i]);
    curl_easy_cleanup(d->flight[i]);
    if (it) item_free(it);
  }
  for (size_t i = 0; i < d->count; i++) {
    item *it = &d->ring[(d->head + i) % MOCK_DELIVER_QUEUE];
    free(it->url);
    free(it->body);
  }
  curl_multi_cleanup(d->multi);
  pthread_mutex_destroy(&d->lock);
  free(d);
}
