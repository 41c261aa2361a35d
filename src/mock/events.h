/* The mock portal's events: the subscriptions that event.bind makes, the methods
 * event.bind, event.unbind, event.get, event.offline.get, event.offline.clear,
 * event.offline.list and event.test as api-reference/events/ describes them, and
 * what a successful write raises: the documented payload filled from the write
 * (the object's id, ts, auth with the portal's application_token) POSTed to
 * every online handler of the event by the delivery thread (deliver.h), or
 * queued for event.offline.get for an offline binding.
 *
 * Events go only to http(s) handlers on loopback unless the options allow more
 * hosts; a handler elsewhere can be bound (the docs' examples bind
 * https://www.my-domain.com/...) but gets nothing, and the log says so.
 * All functions are safe to call from the serving threads at once. */
#ifndef B24_MOCK_EVENTS_H
#define B24_MOCK_EVENTS_H
#include <jansson.h>
#include <stdio.h>

#include "model/model.h"

#define MOCK_EVENTS_MAX_BINDINGS 10000
#define MOCK_EVENTS_MAX_OFFLINE 10000 /* queued offline events; the oldest go first */

typedef struct mock_events mock_events;

typedef struct mock_events_options {
  const char *event_hosts;       /* comma-separated host names handlers may also be on;
                                    "*": any host; NULL: loopback only */
  unsigned timeout_ms;           /* per delivery; 0: the default (deliver.h) */
  const char *application_token; /* sent as auth[application_token] */
  const char *access_token;      /* sent as auth[access_token] */
  const char *endpoint;          /* the mock's own "http://127.0.0.1:PORT" */
  FILE *log;                     /* delivery failures; NULL: stderr */
} mock_events_options;

mock_events *mock_events_new(const b24_model *m, const mock_events_options *o);
/* Stops the delivery thread (dropping what is queued) and frees everything. */
void mock_events_free(mock_events *e);

/* Is lname (lower-cased) one of the event.* methods served here? */
int mock_events_is_method(const char *lname);

/* An answer of an event.* method: a result (new reference), or an error. */
typedef struct mock_events_answer {
  json_t *result;
  unsigned status;               /* of an error */
  const char *code, *message;    /* static strings */
} mock_events_answer;

/* Runs event.* method lname on params (the request's, auth removed); oauth: the
 * call came with an application's token (event.test needs one). */
void mock_events_call(mock_events *e, const char *lname, int oauth, const json_t *params,
                      mock_events_answer *out);

/* A write succeeded: method (its name), params as sent, answer the store's
 * (with "result"). Raises the events the model says the method raises. */
void mock_events_written(mock_events *e, const char *method, const json_t *params,
                         const json_t *answer);

/* Deliveries so far (for tests and the benchmark). */
void mock_events_counts(mock_events *e, unsigned long long *queued, unsigned long long *delivered,
                        unsigned long long *failed, unsigned long long *dropped);

#endif
