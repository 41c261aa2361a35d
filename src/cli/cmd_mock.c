/* b24spec mock DOCS... [options]: a mock Bitrix24 portal served from the model. */
#include <arpa/inet.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "mock/faults.h"
#include "mock/mock.h"
#include "util/fsutil.h"

static void usage(FILE *f) {
  fprintf(f,
      "usage: b24spec mock DOCS... [--port N] [--bind ADDR] [--webhook USER/SECRET]\n"
      "                    [--oauth-token TOKEN] [--tls-cert FILE --tls-key FILE]\n"
      "                    [--require-https] [--fault NAME]... [--max-body BYTES] [--threads N]\n"
      "                    [--event-hosts LIST] [--event-timeout MS] [--application-token T]\n"
      "       b24spec mock --list-faults\n"
      "Serves every method of the model like a portal would:\n"
      "  /rest/USER/SECRET/METHOD[.json]   webhook (default %s/%s)\n"
      "  /rest/METHOD[.json]               OAuth: token in `auth` (query or body) or\n"
      "                                    'Authorization: Bearer' (default %s)\n"
      "  /rest/api/...                     the same for REST 3.0 methods\n"
      "Method names are case-insensitive. Parameters come from the query string and a\n"
      "JSON or form-encoded body (PHP-style keys: fields[TITLE]=x, a[]=1).\n"
      "Answers: the docs' response example with a fresh `time`; a missing required\n"
      "parameter or a value of the wrong type gets the method's documented error that\n"
      "mentions it (else its first 4xx error, else 400 ERROR_ARGUMENT). Families with\n"
      "X.add keep objects in memory: ids from 100001; get/update/delete of a deleted id\n"
      "answer the documented not-found error (else 400 ERROR_NOT_FOUND); ids never\n"
      "issued answer the docs' example. Their list answers the stored objects that pass\n"
      "`filter` (=, !=, >, >=, <, <=, %%, =%%, %%=, @, !@ before a field name), in `order`,\n"
      "reduced to `select`, 50 a page from `start` (-1: no total). `batch` runs up to 50\n"
      "subqueries with $result[...] references and halt (settings/.../batch.md).\n"
      "Mock errors: 401 NO_AUTH_FOUND, 404 ERROR_METHOD_NOT_FOUND, 400 ERROR_INVALID_JSON,\n"
      "413 ERROR_REQUEST_TOO_LARGE, 400 INVALID_REQUEST (--require-https over HTTP),\n"
      "405 ERROR_HTTP_METHOD_NOT_ALLOWED, 415 ERROR_UNSUPPORTED_MEDIA_TYPE (multipart).\n"
      "Options:\n"
      "  --port N          0 (default) picks a free port; the first line printed is\n"
      "                    'listening on http://ADDR:PORT'\n"
      "  --bind ADDR       numeric address to listen on (default 127.0.0.1)\n"
      "  --max-body BYTES  largest request body (default %d)\n"
      "  --threads N       serving threads (default: one per CPU; at most 64)\n"
      "  --fault NAME      break one promise on purpose (repeatable; see --list-faults)\n"
      "Events: event.bind, .unbind, .get, .offline.get/.clear/.list and .test keep\n"
      "subscriptions; a successful add/update/delete of a family whose event the docs\n"
      "name (crm.deal.add -> ONCRMDEALADD) POSTs the payload, form-encoded, to every\n"
      "bound handler from a queue, once, or queues it for event.offline.get.\n"
      "  --event-hosts LIST  host names events are sent to besides loopback (comma-\n"
      "                    separated; '*': any host); others may be bound, get nothing\n"
      "  --event-timeout MS  per delivery (default 3000); failures are logged, not retried\n"
      "  --application-token T  sent as auth[application_token] (default mockapplicationtoken)\n"
      "Stops cleanly on SIGINT or SIGTERM. Exit status: 0 stopped, 1 cannot serve, 2 usage.\n",
      B24_MOCK_DEFAULT_USER, B24_MOCK_DEFAULT_SECRET, B24_MOCK_DEFAULT_TOKEN,
      B24_MOCK_DEFAULT_MAX_BODY);
}

static void list_faults(int verbose) {
  for (unsigned i = 0; i < mock_n_faults; i++) {
    if (verbose) printf("%-22s breaks: %s\n", mock_faults[i].name, mock_faults[i].promise);
    else puts(mock_faults[i].name);
  }
}

/* A model file or docs, read quietly: the mock reports a count, `b24spec model`
 * shows the diagnostics. */
static b24_model *load_quietly(char **inputs, size_t n, size_t *n_diags) {
  b24_diags diags;
  b24_diags_init(&diags);
  size_t len = strlen(inputs[0]);
  b24_model *m;
  if (n == 1 && len > 5 && !strcmp(inputs[0] + len - 5, ".json") && b24_is_file(inputs[0]))
    m = b24_model_read_file(inputs[0], &diags);
  else {
    b24_load_options opt = {.diags = &diags};
    m = b24_model_load((const char *const *)inputs, n, &opt);
  }
  *n_diags = diags.n;
  b24_diags_free(&diags);
  return m;
}

static char *read_pem(const char *path) {
  size_t len;
  char *s = b24_read_file(path, &len);
  if (!s) fprintf(stderr, "b24spec mock: cannot read %s: %s\n", path, strerror(errno));
  return s;
}

static int parse_size(const char *s, unsigned long long max, unsigned long long *out) {
  char *end;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 10);
  if (errno || end == s || *end || s[0] == '-' || v > max) return -1;
  *out = v;
  return 0;
}

typedef struct args {
  b24_mock_options o;
  char **inputs;
  size_t n_inputs;
  const char *cert_path, *key_path;
  char *webhook_copy;
  int list_faults, verbose, help;
} args;

/* Fills a from argv; prints the problem and returns -1 on a usage error. */
static int parse_args(int argc, char **argv, args *a) {
  for (int i = 1; i < argc; i++) {
    const char *opt = argv[i];
    const char *val = i + 1 < argc ? argv[i + 1] : NULL;
    unsigned long long num;
#define NEEDS_VALUE                                                          \
  if (!val) {                                                                \
    fprintf(stderr, "b24spec mock: %s needs a value\n", opt);                \
    return -1;                                                               \
  }                                                                          \
  i++;
    if (!strcmp(opt, "-h") || !strcmp(opt, "--help")) a->help = 1;
    else if (!strcmp(opt, "--list-faults")) a->list_faults = 1;
    else if (!strcmp(opt, "--verbose")) a->verbose = 1;
    else if (!strcmp(opt, "--require-https")) a->o.require_https = 1;
    else if (!strcmp(opt, "--port")) {
      NEEDS_VALUE
      if (parse_size(val, 65535, &num)) {
        fprintf(stderr, "b24spec mock: --port %s: not a port number\n", val);
        return -1;
      }
      a->o.port = (unsigned)num;
    } else if (!strcmp(opt, "--max-body")) {
      NEEDS_VALUE
      if (parse_size(val, 1ull << 32, &num) || num == 0) {
        fprintf(stderr, "b24spec mock: --max-body %s: not a size in bytes\n", val);
        return -1;
      }
      a->o.max_body = (size_t)num;
    } else if (!strcmp(opt, "--event-hosts")) {
      NEEDS_VALUE
      a->o.event_hosts = val;
    } else if (!strcmp(opt, "--application-token")) {
      NEEDS_VALUE
      a->o.application_token = val;
    } else if (!strcmp(opt, "--event-timeout")) {
      NEEDS_VALUE
      if (parse_size(val, 600000, &num) || num == 0) {
        fprintf(stderr, "b24spec mock: --event-timeout %s: not a time in milliseconds\n", val);
        return -1;
      }
      a->o.event_timeout_ms = (unsigned)num;
    } else if (!strcmp(opt, "--threads")) {
      NEEDS_VALUE
      if (parse_size(val, B24_MOCK_MAX_THREADS, &num) || num == 0) {
        fprintf(stderr, "b24spec mock: --threads %s: not a count from 1 to %d\n", val, B24_MOCK_MAX_THREADS);
        return -1;
      }
      a->o.threads = (unsigned)num;
    } else if (!strcmp(opt, "--bind")) {
      NEEDS_VALUE
      unsigned char addr[16];
      if (inet_pton(AF_INET, val, addr) != 1 && inet_pton(AF_INET6, val, addr) != 1) {
        fprintf(stderr, "b24spec mock: --bind %s: not a numeric IPv4 or IPv6 address\n", val);
        return -1;
      }
      a->o.bind = val;
    } else if (!strcmp(opt, "--webhook")) {
      NEEDS_VALUE
      const char *slash = strchr(val, '/');
      if (!slash || slash == val || !slash[1] || strchr(slash + 1, '/')) {
        fprintf(stderr, "b24spec mock: --webhook %s: expected USER/SECRET\n", val);
        return -1;
      }
      free(a->webhook_copy);
      a->webhook_copy = strdup(val);
      a->webhook_copy[slash - val] = 0;
      a->o.webhook_user = a->webhook_copy;
      a->o.webhook_secret = a->webhook_copy + (slash - val) + 1;
    } else if (!strcmp(opt, "--oauth-token")) {
      NEEDS_VALUE
      a->o.oauth_token = val;
    } else if (!strcmp(opt, "--tls-cert")) {
      NEEDS_VALUE
      a->cert_path = val;
    } else if (!strcmp(opt, "--tls-key")) {
      NEEDS_VALUE
      a->key_path = val;
    } else if (!strcmp(opt, "--fault")) {
      NEEDS_VALUE
      unsigned bit = mock_fault_parse(val);
      if (!bit) {
        fprintf(stderr, "b24spec mock: unknown fault '%s' (see --list-faults)\n", val);
        return -1;
      }
      a->o.faults |= bit;
    } else if (opt[0] == '-' && opt[1]) {
      fprintf(stderr, "b24spec mock: unknown option %s\n", opt);
      return -1;
    } else a->inputs[a->n_inputs++] = argv[i];
#undef NEEDS_VALUE
  }
  if (!!a->cert_path != !!a->key_path) {
    fputs("b24spec mock: --tls-cert and --tls-key go together\n", stderr);
    return -1;
  }
  return 0;
}

/* Serves until SIGINT or SIGTERM. The signals are blocked before the server's
 * threads start (they inherit the mask) and taken here with sigwait, so no
 * handler runs inside libmicrohttpd. */
static int serve(const b24_model *m, const b24_mock_options *o) {
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGINT);
  sigaddset(&stop, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop, NULL);
  signal(SIGPIPE, SIG_IGN);
  char err[256];
  b24_mock_server *s = b24_mock_start(m, o, err, sizeof err);
  if (!s) {
    fprintf(stderr, "b24spec mock: %s\n", err);
    return 1;
  }
  const char *bind = o->bind ? o->bind : "127.0.0.1";
  int v6 = strchr(bind, ':') != NULL;
  printf("listening on %s://%s%s%s:%u\n", o->tls_cert_pem ? "https" : "http", v6 ? "[" : "",
         bind, v6 ? "]" : "", b24_mock_port(s));
  fflush(stdout);
  int sig = 0;
  sigwait(&stop, &sig);
  fprintf(stderr, "b24spec mock: %s, stopping\n", sig == SIGINT ? "SIGINT" : "SIGTERM");
  b24_mock_stop(s);
  return 0;
}

int cmd_mock(int argc, char **argv) {
  args a;
  memset(&a, 0, sizeof a);
  a.inputs = calloc((size_t)argc, sizeof *a.inputs);
  int rc = 2;
  char *cert = NULL, *key = NULL;
  b24_model *m = NULL;
  if (parse_args(argc, argv, &a)) {
    usage(stderr);
    goto out;
  }
  if (a.help || a.list_faults) {
    if (a.help) usage(stdout);
    else list_faults(a.verbose);
    rc = 0;
    goto out;
  }
  if (!a.n_inputs) {
    usage(stderr);
    goto out;
  }
  rc = 1;
  if (a.cert_path && (!(cert = read_pem(a.cert_path)) || !(key = read_pem(a.key_path)))) goto out;
  a.o.tls_cert_pem = cert;
  a.o.tls_key_pem = key;
  size_t n_diags = 0;
  m = load_quietly(a.inputs, a.n_inputs, &n_diags);
  if (!m || !m->n_methods) {
    fprintf(stderr, "b24spec mock: no methods in %s\n", a.inputs[0]);
    goto out;
  }
  fprintf(stderr, "b24spec mock: %zu methods (%zu diagnostics; see 'b24spec model')\n",
          m->n_methods, n_diags);
  rc = serve(m, &a.o);
out:
  b24_model_free(m);
  free(cert);
  free(key);
  free(a.webhook_copy);
  free(a.inputs);
  return rc;
}
