/* b24spec check --url BASE [options]: the conformance suite against a portal. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check/check.h"
#include "check/events_listen.h"
#include "cli/commands.h"
#include "util/json_alloc.h"

static void usage(FILE *f) {
  fputs("usage: b24spec check --url BASE [options]\n"
        "  --url BASE        a webhook base https://PORTAL/rest/USER/SECRET/, or the portal's\n"
        "                    https://PORTAL/rest/ together with --auth\n"
        "  --auth TOKEN      an OAuth access token (sent as the `auth` parameter)\n"
        "  --suite DIR       the generated suite (default: generated/suite)\n"
        "  --methods GLOBS   only these methods, comma-separated shell patterns (user.*)\n"
        "  --allow-writes    also run cases that change data; each change is read first\n"
        "                    and undone afterwards, CRUD sequences delete what they add\n"
        "  --allow-unrestorable  also run changes that cannot be undone (the mock or a\n"
        "                    throwaway portal only)\n"
        "  --jobs N          requests in flight at once (default 4)\n"
        "  --shard I/N       run the I-th of N disjoint parts (1 <= I <= N)\n"
        "  --rate N[/s]      at most N requests per second (default: unlimited)\n"
        "  --timeout S       seconds per request (default 30)\n"
        "  --checks LIST     which checks: all,-content_type or status_code,envelope\n"
        "  --junit FILE      write JUnit XML\n"
        "  --json FILE       write the results as JSON (b24spec report --check reads it)\n"
        "  --tap             print TAP on stdout (the report goes to stderr)\n"
        "  --insecure        do not verify TLS certificates\n"
        "  --list            print the selected cases and sequences, send nothing\n"
        "  --dry-run         print each request (id, URL, body; secrets as ***), send nothing\n"
        "  --list-checks     print the checks with what each promises\n"
        "  --events-listen IPV4:PORT  also check events: a receiver there, handlers bound\n"
        "                    for the events the suite's CRUD sequences raise, the\n"
        "                    sequences run (needs --allow-writes), each delivery judged;\n"
        "                    every handler bound is unbound at the end (docs/check.md)\n"
        "  --events-wait S   seconds to wait for each delivery (default 10)\n"
        "Secrets and tokens are printed as ***. Exit status: 0 all passed, 1 a failure,\n"
        "2 usage or an unreadable suite. What each mode may change: docs/check.md.\n",
        f);
}

static int parse_shard(const char *s, int *i, int *n) {
  char *end;
  long a = strtol(s, &end, 10);
  if (*end != '/') return -1;
  long b = strtol(end + 1, &end, 10);
  if (*end || b < 1 || a < 1 || a > b || b > 100000) return -1;
  *i = (int)a;
  *n = (int)b;
  return 0;
}

static int parse_positive(const char *s, double *out, const char *suffix) {
  char *end;
  double v = strtod(s, &end);
  if (suffix && !strcmp(end, suffix)) end += strlen(end);
  if (*end || !(v > 0) || v > 1e9) return -1;
  *out = v;
  return 0;
}

int cmd_check(int argc, char **argv) {
  b24_check_options o;
  memset(&o, 0, sizeof o);
  o.suite_dir = "generated/suite";
  o.jobs = 4;
  o.timeout_s = 30;
  for (int c = 0; c < B24_CHECK_COUNT; c++) o.on[c] = true;
  int list_checks = 0;
  const char *events_listen = NULL;
  double events_wait = 10;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    double d;
    char err[200];
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
      usage(stdout);
      return 0;
    } else if (!strcmp(a, "--allow-writes")) o.allow_writes = true;
    else if (!strcmp(a, "--allow-unrestorable")) o.allow_unrestorable = true;
    else if (!strcmp(a, "--tap")) o.tap = true;
    else if (!strcmp(a, "--insecure")) o.insecure = true;
    else if (!strcmp(a, "--list")) o.list_only = true;
    else if (!strcmp(a, "--dry-run")) o.dry_run = true;
    else if (!strcmp(a, "--list-checks")) list_checks = 1;
    else if (!v) {
      fprintf(stderr, "b24spec check: %s %s\n", a[0] == '-' ? "missing value or unknown option" : "unexpected argument", a);
      usage(stderr);
      return 2;
    } else if (!strcmp(a, "--events-listen")) events_listen = argv[++i];
    else if (!strcmp(a, "--events-wait")) {
      if (parse_positive(argv[++i], &events_wait, NULL)) goto bad;
    } else if (!strcmp(a, "--url")) o.url = argv[++i];
    else if (!strcmp(a, "--auth")) o.token = argv[++i];
    else if (!strcmp(a, "--suite")) o.suite_dir = argv[++i];
    else if (!strcmp(a, "--methods")) o.methods_glob = argv[++i];
    else if (!strcmp(a, "--junit")) o.junit_path = argv[++i];
    else if (!strcmp(a, "--json")) o.json_path = argv[++i];
    else if (!strcmp(a, "--jobs")) {
      if (parse_positive(argv[++i], &d, NULL) || d > 1024 || d != (int)d) goto bad;
      o.jobs = (int)d;
    } else if (!strcmp(a, "--rate")) {
      if (parse_positive(argv[++i], &d, "/s")) goto bad;
      o.rate = d;
    } else if (!strcmp(a, "--timeout")) {
      if (parse_positive(argv[++i], &d, NULL)) goto bad;
      o.timeout_s = d;
    } else if (!strcmp(a, "--shard")) {
      if (parse_shard(argv[++i], &o.shard_index, &o.shard_count)) goto bad;
    } else if (!strcmp(a, "--checks")) {
      if (b24_checks_parse(argv[++i], o.on, err, sizeof err)) {
        fprintf(stderr, "b24spec check: %s\n", err);
        return 2;
      }
    } else {
      fprintf(stderr, "b24spec check: unknown option %s\n", a);
      usage(stderr);
      return 2;
    }
    continue;
  bad:
    fprintf(stderr, "b24spec check: bad value for %s: %s\n", a, argv[i]);
    return 2;
  }
  if (list_checks) {
    for (int c = 0; c < B24_CHECK_COUNT; c++)
      printf("%-22s %s\n", b24_checks[c].name, b24_checks[c].summary);
    return 0;
  }
  if (!o.url && !o.list_only) {
    fputs("b24spec check: --url is required\n", stderr);
    usage(stderr);
    return 2;
  }
  o.progress = isatty(STDERR_FILENO) && !o.list_only;
  /* no jansson value exists yet, and every one is freed before the end */
  b24_json_alloc_install();
  int rc = b24_check_run(&o);
  if (events_listen && !o.list_only && !o.dry_run && rc != 2) {
    int erc = b24_check_events(&o, events_listen, events_wait);
    if (erc > rc) rc = erc;
  }
  b24_json_alloc_thread_end();
  return rc;
}
