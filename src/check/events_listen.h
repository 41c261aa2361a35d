/* `b24spec check --events-listen ADDR:PORT`: the events part of the conformance
 * run. A receiver listens on ADDR:PORT; for every CRUD sequence of the suite
 * whose writes raise events (suite/events.json), the runner binds a handler
 * http://ADDR:PORT/hook/<EVENT> for each of those events, runs the sequence
 * (writes, so only with --allow-writes), waits a bounded time for each delivery,
 * and checks the payload against the event's schema and against the object
 * written (its id at the payload's id key). Every handler it bound is unbound at
 * the end, also after a failure. docs/check.md says what this needs of a live
 * portal and what it leaves behind. */
#ifndef B24_CHECK_EVENTS_LISTEN_H
#define B24_CHECK_EVENTS_LISTEN_H
#include "check/check.h"

/* Runs the events part. wait_s: how long to wait for each delivery. Returns 0
 * when every delivery came and held, 1 on a failure, 2 when the suite has no
 * events file or the receiver cannot listen. */
int b24_check_events(const b24_check_options *o, const char *listen, double wait_s);

#endif
