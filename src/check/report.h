/* What a check run found, and how it is shown: failures as they come on the
 * console (each with a curl command that repeats the request), a progress line
 * on a terminal, a summary, JUnit XML and TAP for CI. Every string that leaves
 * the process goes through the redactor first, so no webhook secret or token is
 * ever printed or written. */
#ifndef B24_CHECK_REPORT_H
#define B24_CHECK_REPORT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "util/buf.h"

/* ---- redaction ----------------------------------------------------------- */

#define B24_REDACTED "***"

typedef struct b24_redactor {
  char *secrets[4];
  size_t n;
} b24_redactor;

/* Secrets shorter than 4 bytes are not registered (they would mask ordinary
 * text); a portal does not issue such secrets. */
void b24_redactor_add(b24_redactor *r, const char *secret);
void b24_redactor_free(b24_redactor *r);
/* s with every secret replaced by ***; malloc'd. */
char *b24_redact(const b24_redactor *r, const char *s);

/* ---- results ------------------------------------------------------------- */

typedef enum { B24_RESULT_PASS, B24_RESULT_FAIL, B24_RESULT_SKIP } b24_outcome;

typedef struct b24_failure {
  char *check;   /* a check name, or "restore" / "cleanup" for the runner's own steps */
  char *message;
} b24_failure;

typedef struct b24_check_result {
  char *id;      /* "user.update/wrong_type/NAME", "crud/user.userfield/get" */
  char *group;   /* the method or the sequence: a JUnit test suite */
  char *title;
  b24_outcome outcome;
  char *skip_reason;
  b24_failure *fails;
  size_t n_fails;
  char *repro;   /* curl command, redacted; NULL when nothing was sent */
  double seconds;
} b24_check_result;

/* Output-related options of a run. */
typedef struct b24_report_options {
  FILE *console;           /* failures and summary (stdout, or stderr with --tap) */
  bool progress;           /* a progress line on stderr (only on a terminal) */
  bool tap;                /* TAP on stdout at the end */
  const char *junit_path;  /* JUnit XML written here at the end */
  const char *json_path;   /* the results as JSON (docs/check-results.schema.json) */
  const char *substitute;  /* what *** stands for in reproduce commands */
} b24_report_options;

typedef struct b24_report {
  b24_report_options o;
  const b24_redactor *redactor;
  b24_check_result **items;
  size_t n, cap;
  size_t passed, failed, skipped;
  size_t expected;         /* cases and steps expected, for the progress line */
  double started, last_progress;
  double ended;            /* when the last answer came; 0: at b24_report_finish */
  bool progress_shown;
} b24_report;

void b24_report_init(b24_report *r, const b24_report_options *o, const b24_redactor *red);
/* The seconds the summary gives are the run's: from here to b24_report_ended,
 * not the suite's loading before or the report's sorting after. */
void b24_report_started(b24_report *r);
void b24_report_ended(b24_report *r);
void b24_report_free(b24_report *r);

/* A new result to fill; the report owns it once b24_report_add is called. */
b24_check_result *b24_check_result_new(const char *id, const char *group, const char *title);
/* The same with the group the first group_len bytes of group (a case's id up to
 * its first '/'). */
b24_check_result *b24_check_result_newn(const char *id, const char *group, size_t group_len,
                                        const char *title);
void b24_check_result_fail(b24_check_result *res, const char *check, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void b24_check_result_skip(b24_check_result *res, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void b24_check_result_free(b24_check_result *res);
/* Records a finished result: prints it at once when it failed. */
void b24_report_add(b24_report *r, b24_check_result *res);
/* Redraws the progress line when on and due. */
void b24_report_progress(b24_report *r);
/* The summary on the console, TAP, JUnit. 0 on success, -1 when a file could
 * not be written. */
int b24_report_finish(b24_report *r, size_t requests_sent);

/* The results as JSON, redacted (docs/check.md, "Results as JSON"): what
 * `b24spec report --check` reads. malloc'd. */
char *b24_report_json(const b24_report *r, double secs, size_t requests_sent);

/* A curl command line that sends this request (single-quoted for a POSIX shell). */
char *b24_curl_command(const char *url, const char *body);

#endif
