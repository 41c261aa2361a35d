/* Delivering events to handlers as the portal does: POSTs of a form-encoded body
 * from a queue, by one thread of their own, each once, with a timeout; a failure
 * is logged and not retried. The request whose write raised the event only puts
 * it in the queue (a bounded one: when it is full the event is dropped and
 * logged), so no handler, slow or dead, holds up an answer. */
#ifndef B24_MOCK_DELIVER_H
#define B24_MOCK_DELIVER_H
#include <stddef.h>
#include <stdio.h>

#define MOCK_DELIVER_QUEUE 4096    /* events waiting at most */
#define MOCK_DELIVER_PARALLEL 64   /* POSTs in flight at once */
#define MOCK_DELIVER_TIMEOUT_MS 3000

typedef struct mock_deliver mock_deliver;

typedef struct mock_deliver_stats {
  unsigned long long queued, delivered, failed, dropped;
} mock_deliver_stats;

/* Starts the delivery thread; log gets one line per failure (NULL: stderr).
 * timeout_ms 0: MOCK_DELIVER_TIMEOUT_MS. NULL when the thread cannot start. */
mock_deliver *mock_deliver_start(unsigned timeout_ms, FILE *log);
/* Queues a POST of body (form-encoded, copied) to url. 0, or -1 when the queue
 * is full (the event is dropped and logged). Never blocks on the network. */
int mock_deliver_post(mock_deliver *d, const char *url, const char *body, size_t len);
void mock_deliver_stats_get(mock_deliver *d, mock_deliver_stats *out);
/* Stops the thread: transfers in flight are abandoned, queued events dropped. */
void mock_deliver_stop(mock_deliver *d);

#endif
