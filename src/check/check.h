/* `b24spec check`: runs a generated conformance suite against a portal (the
 * mock or a live one) and reports which documented promises hold. What each
 * mode may change on a live portal is spelled out in docs/check.md. */
#ifndef B24_CHECK_H
#define B24_CHECK_H
#include <stdbool.h>

#include "check/checks.h"

typedef struct b24_check_options {
  const char *url;            /* webhook base .../rest/USER/SECRET/, or portal base .../rest/ with token */
  const char *token;          /* OAuth access token (--auth); NULL for a webhook */
  const char *suite_dir;
  const char *methods_glob;   /* NULL = every method */
  bool allow_writes;          /* run cases that change data, restoring what they change */
  bool allow_unrestorable;    /* also those that cannot be undone (a throwaway portal, the mock) */
  int jobs;
  int shard_index, shard_count;
  const char *junit_path;
  const char *json_path;    /* --json FILE: the results as JSON */
  bool tap;
  double rate;                /* requests per second, 0 = unlimited */
  double timeout_s;
  bool insecure;              /* do not verify TLS certificates */
  bool on[B24_CHECK_COUNT];
  bool progress;              /* a progress line (the caller decides: stderr is a terminal) */
  bool list_only;             /* print the selected unit ids and exit */
  bool dry_run;               /* print each request (id, URL, body; redacted), send nothing */
} b24_check_options;

/* Runs the suite. Returns the exit status: 0 every test passed (or was
 * skipped), 1 a test failed, 2 the suite or the URL could not be used. */
int b24_check_run(const b24_check_options *o);

#endif
