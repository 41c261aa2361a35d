/* One self-contained HTML page on the state of the API: the docs' health (lint),
 * the model's coverage (methods, events, entities, typed parameters, examples
 * that parse and validate), a conformance run's results and the changes since
 * an older doc version, overall and per module (a method's first name segment).
 *
 * The report reads what the other commands produce in their documented JSON
 * forms (lint --format json, check --json, diff --format json), so the figures
 * it shows are theirs by construction, and it knows nothing of how they are
 * computed. Output is deterministic: the same inputs give the same bytes. */
#ifndef B24_REPORT_REPORT_H
#define B24_REPORT_REPORT_H
#include <jansson.h>

#include "model/model.h"
#include "util/buf.h"

typedef struct b24_report_inputs {
  const b24_model *model;     /* required */
  const char *title;          /* the page's title: the docs root as the user named it */
  const json_t *lint;         /* lint --format json of the same docs; NULL: not shown */
  const json_t *check;        /* check --json results; NULL: not shown */
  const json_t *diff;         /* diff --format json from an older version; NULL: not shown */
  const char *diff_old;       /* what the diff compared against, as the user named it */
} b24_report_inputs;

/* The page, appended to out. 0 on success, -1 with a message in err when an
 * input is not of the documented form. */
int b24_report_html(const b24_report_inputs *in, b24_buf *out, char *err, size_t errlen);

#endif
