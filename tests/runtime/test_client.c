/* End-to-end tests of b24rt against a real local HTTP(S) server: what goes over the
 * wire, how answers and errors are decoded, retries, timeouts, secret redaction and TLS
 * verification. Run as `test_runtime_client CASE`; exit 0 = pass, 77 = skipped. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <b24/client.h>

#include "check.h"
#include "test_server.h"

int check_failures;

enum { SKIPPED = 77 };

#define WEBHOOK_SECRET "s3cr3tWEBHOOKkey9"
#define OAUTH_TOKEN "tok-0a1b2c3d4e5f"

static const ts_reply OK_EMPTY[] = {{200, "{\"result\":true}"}};



/* "http://127.0.0.1:PORT" + tail, into a static buffer (one URL at a time suffices). */
static const char *local_url(const char *scheme, unsigned short port, const char *tail) {
  static char url[256];
  snprintf(url, sizeof url, "%s://127.0.0.1:%u%s", scheme, (unsigned)port, tail);
  return url;
}

static ts_request request_or_empty(test_server *s, size_t i) {
  ts_request r;
  memset(&r, 0, sizeof r);
  if (ts_request_at(s, i, &r) != 0) fprintf(stderr, "request %zu was not received\n", i);
  return r;
}

/* The request of a webhook client: POST to the webhook URL + method, JSON body exactly
 * as the params serialise, JSON content type; REST 3.0 gets /rest/api/. */
static void test_webhook_request(void) {
  test_server *s = ts_start_or_exit(OK_EMPTY, 1);
  b24_client *c = b24_client_new_webhook(
      local_url("http", ts_port(s), "/rest/1/" WEBHOOK_SECRET "/"));
  CHECK(c != NULL);
  json_t *params = json_object(), *fields = json_object();
  CHECK_INT(b24_params_set_str(fields, "NAME", "Anna"), 0);
  CHECK_INT(b24_params_set_yn(fields, "ACTIVE", true), 0);
  CHECK_INT(b24_params_set_int(params, "ID", 7), 0);
  CHECK_INT(b24_params_set_json_new(params, "FIELDS", fields), 0);
  json_t *result = NULL;
  b24_api_error err;
  CHECK_INT(b24_call(c, "user.update", params, &result, NULL, &err), B24_OK);
  CHECK(json_is_true(result));
  CHECK_INT(err.attempts, 1);
  json_decref(result);

  CHECK_INT(b24_call_v3(c, "tasks.task.get", NULL, NULL, NULL, NULL), B24_OK);

  CHECK_INT(ts_request_count(s), 2);
  ts_request r = request_or_empty(s, 0);
  CHECK_STR(r.method, "POST");
  CHECK_STR(r.url, "/rest/1/" WEBHOOK_SECRET "/user.update");
  CHECK_STR(r.content_type, "application/json");
  CHECK_STR(r.accept, "application/json");
  CHECK_STR(r.user_agent, "b24rt/" B24RT_VERSION);
  CHECK_STR(r.body, "{\"ID\":7,\"FIELDS\":{\"NAME\":\"Anna\",\"ACTIVE\":\"Y\"}}");
  r = request_or_empty(s, 1);
  CHECK_STR(r.url, "/rest/api/1/" WEBHOOK_SECRET "/tasks.task.get");
  CHECK_STR(r.body, "{}");
  json_decref(params);
  b24_client_free(c);

  /* The same webhook written without the trailing slash, or in its REST 3.0 form. */
  const char *spellings[] = {"/rest/1/" WEBHOOK_SECRET, "/rest/api/1/" WEBHOOK_SECRET "/"};
  for (size_t i = 0; i < 2; i++) {
    c = b24_client_new_webhook(local_url("http", ts_port(s), spellings[i]));
    CHECK(c != NULL);
    CHECK_INT(b24_call(c, "app.info", NULL, NULL, NULL, NULL), B24_OK);
    r = request_or_empty(s, 2 + i);
    CHECK_STR(r.url, "/rest/1/" WEBHOOK_SECRET "/app.info");
    b24_client_free(c);
  }
  ts_stop(s);
}

/* The request of an OAuth client: POST to {portal}/rest/{method} with "auth" appended
 * to the body, and the caller's params left untouched. */
static void test_oauth_request(void) {
  test_server *s = ts_start_or_exit(OK_EMPTY, 1);
  b24_client *c = b24_client_new_oauth(local_url("http", ts_port(s), "/"), OAUTH_TOKEN);
  CHECK(c != NULL);
  json_t *params = json_object();
  b24_params_set_int(params, "entityTypeId", 2);
  b24_params_set_int(params, "id", 5);
  CHECK_INT(b24_call(c, "crm.item.get", params, NULL, NULL, NULL), B24_OK);
  CHECK(json_object_get(params, "auth") == NULL);
  CHECK_INT(b24_call_ex(c, B24_CALL_V3, "tasks.task.get", params, NULL, NULL), B24_OK);
  CHECK_INT(b24_client_set_access_token(c, "tok-refreshed"), 0);
  CHECK_INT(b24_client_set_user_agent(c, "stub-test/1"), 0);
  CHECK_INT(b24_call(c, "profile", NULL, NULL, NULL, NULL), B24_OK);

  CHECK_INT(ts_request_count(s), 3);
  ts_request r = request_or_empty(s, 0);
  CHECK_STR(r.method, "POST");
  CHECK_STR(r.url, "/rest/crm.item.get");
  CHECK_STR(r.content_type, "application/json");
  CHECK_STR(r.body, "{\"entityTypeId\":2,\"id\":5,\"auth\":\"" OAUTH_TOKEN "\"}");
  r = request_or_empty(s, 1);
  CHECK_STR(r.url, "/rest/api/tasks.task.get");
  r = request_or_empty(s, 2);
  CHECK_STR(r.url, "/rest/profile");
  CHECK_STR(r.body, "{\"auth\":\"tok-refreshed\"}");
  CHECK_STR(r.user_agent, "stub-test/1");
  json_decref(params);
  b24_client_free(c);

  /* A portal address given with /rest/ works the same. */
  c = b24_client_new_oauth(local_url("http", ts_port(s), "/rest/"), OAUTH_TOKEN);
  CHECK_INT(b24_call(c, "profile", NULL, NULL, NULL, NULL), B24_OK);
  CHECK_STR(request_or_empty(s, 3).url, "/rest/profile");
  b24_client_free(c);
  ts_stop(s);
}

/* "result" and "time" come back as new references and decode leniently; b24_call_ex
 * gives the whole answer for list paging. */
static void test_decode_result_and_time(void) {
  static const ts_reply script[] = {
      {200, "{\"result\":[{\"ID\":\"42\",\"ACTIVE\":\"Y\",\"NAME\":\"Anna\",\"RATE\":\"1.5\","
            "\"UF_EMPTY\":\"\"}],\"total\":1,\"next\":50,"
            "\"time\":{\"start\":1724068028.331234,\"finish\":1724068028.3951,"
            "\"duration\":0.06386590003967285,\"processing\":0.0292,"
            "\"date_start\":\"2024-08-19T14:47:08+03:00\","
            "\"date_finish\":\"2024-08-19T14:47:08+03:00\","
            "\"operating_reset_at\":1724068628,\"operating\":0}}"}};
  test_server *s = ts_start_or_exit(script, 1);
  b24_client *c = b24_client_new_webhook(local_url("http", ts_port(s), "/rest/1/abc/"));
  json_t *result = NULL, *time_info = NULL;
  CHECK_INT(b24_call(c, "user.get", NULL, &result, &time_info, NULL), B24_OK);
  json_t *user = json_array_get(result, 0);
  b24_opt_int id = B24_UNSET, empty = b24_some_int(1);
  b24_opt_bool active = B24_UNSET;
  b24_opt_double rate = B24_UNSET;
  const char *name = NULL;
  CHECK_INT(b24_json_get_int(user, "ID", &id), 0);
  CHECK(id.set && id.value == 42);
  CHECK_INT(b24_json_get_bool(user, "ACTIVE", &active), 0);
  CHECK(active.set && active.value);
  CHECK_INT(b24_json_get_double(user, "RATE", &rate), 0);
  CHECK(rate.set && rate.value == 1.5);
  CHECK_INT(b24_json_get_str(user, "NAME", &name), 0);
  CHECK_STR(name, "Anna");
  CHECK_INT(b24_json_get_int(user, "UF_EMPTY", &empty), 0);
  CHECK(!empty.set);
  CHECK_INT(b24_json_get_int(user, "NAME", &id), -1); /* present, not a number */
  CHECK(!id.set);

  b24_time_info t;
  CHECK_INT(b24_time_info_decode(time_info, &t), 0);
  CHECK(t.start.set && t.start.value == 1724068028.331234);
  CHECK(t.duration.set && t.duration.value > 0.0638 && t.duration.value < 0.0639);
  CHECK_STR(t.date_start, "2024-08-19T14:47:08+03:00");
  CHECK(t.operating_reset_at.set && t.operating_reset_at.value == 1724068628);
  CHECK(t.operating.set && t.operating.value == 0.0);
  json_decref(result);
  json_decref(time_info);

  json_t *answer = NULL;
  CHECK_INT(b24_call_ex(c, 0, "user.get", NULL, &answer, NULL), B24_OK);
  b24_opt_int next = B24_UNSET, total = B24_UNSET;
  b24_json_get_int(answer, "next", &next);
  b24_json_get_int(answer, "total", &total);
  CHECK(next.set && next.value == 50);
  CHECK(total.set && total.value == 1);
  json_decref(answer);
  b24_client_free(c);
  ts_stop(s);
}

/* Portal errors, classic and REST 3.0, and answers that are not what a portal sends. */
static void test_api_errors(void) {
  static const ts_reply script[] = {
      {400, "{\"error\":\"ERROR_CORE\",\"error_description\":\"User not found\"}"},
      {400, "{\"error\":{\"code\":\"BITRIX_REST_V3_EXCEPTION_VALIDATION_REQUESTVALIDATIONEXCEPTION\","
            "\"message\":\"Error during request object validation\",\"validation\":"
            "[{\"message\":\"Field `deadline` requires data type `DateTime`\",\"field\":\"deadline\"}]}}"},
      {502, "<html>Bad Gateway</html>"},
      {200, "not json"},
      {200, "{\"total\":0}"},
      {200, "{\"error\":\"insufficient_scope\",\"error_description\":\"scope crm\"}"},
  };
  test_server *s = ts_start_or_exit(script, sizeof script / sizeof script[0]);
  b24_client *c = b24_client_new_webhook(local_url("http", ts_port(s), "/rest/1/abc/"));
  b24_api_error err;
  json_t *result = json_true(), *time_info = json_true();
  CHECK_INT(b24_call(c, "user.get", NULL, &result, &time_info, &err), B24_ERR_API);
  CHECK(result == NULL && time_info == NULL);
  CHECK_INT(err.http_status, 400);
  CHECK_STR(err.error, "ERROR_CORE");
  CHECK_STR(err.error_description, "User not found");
  CHECK_STR(err.transport, "");
  CHECK_INT(err.attempts, 1);
  char line[256];
  b24_api_error_format(&err, line, sizeof line);
  CHECK_STR(line, "HTTP 400 ERROR_CORE: User not found");

  json_t *answer = NULL;
  CHECK_INT(b24_call_ex(c, B24_CALL_V3, "tasks.task.add", NULL, &answer, &err), B24_ERR_API);
  CHECK_STR(err.error, "BITRIX_REST_V3_EXCEPTION_VALIDATION_REQUESTVALIDATIONEXCEPTION");
  CHECK_STR(err.error_description, "Error during request object validation; deadline: Field "
                                   "`deadline` requires data type `DateTime`");
  CHECK(json_is_object(json_object_get(answer, "error")));
  json_decref(answer);

  CHECK_INT(b24_call(c, "user.get", NULL, NULL, NULL, &err), B24_ERR_API);
  CHECK_INT(err.http_status, 502);
  CHECK_STR(err.error, "");
  CHECK_STR(err.transport, "HTTP 502 answer is not a JSON object");

  CHECK_INT(b24_call(c, "user.get", NULL, NULL, NULL, &err), B24_ERR_PROTOCOL);
  CHECK_INT(err.http_status, 200);
  CHECK(strstr(err.transport, "answer is not a JSON object") == err.transport);

  CHECK_INT(b24_call(c, "user.get", NULL, NULL, NULL, &err), B24_ERR_PROTOCOL);
  CHECK_STR(err.transport, "answer has no \"result\" member");

  CHECK_INT(b24_call(c, "user.get", NULL, NULL, NULL, &err), B24_ERR_API);
  CHECK_INT(err.http_status, 200);
  CHECK_STR(err.error, "insufficient_scope");
  b24_client_free(c);
  ts_stop(s);
}

typedef struct sleep_log {
  long delays[16];
  int n;
} sleep_log;

static void record_sleep(void *user_data, long ms) {
  sleep_log *log = user_data;
  if (log->n < 16) log->delays[log->n] = ms;
  log->n++;
}

#define QLE_503 {503, "{\"error\":\"QUERY_LIMIT_EXCEEDED\",\"error_description\":\"Too many requests\"}"}

/* 503 QUERY_LIMIT_EXCEEDED is retried with doubling delays up to the configured count;
 * nothing else is retried. */
static void test_retry_rate_limit(void) {
  static const ts_reply then_ok[] = {QLE_503, QLE_503, {200, "{\"result\":{\"ok\":1}}"}};
  test_server *s = ts_start_or_exit(then_ok, 3);
  b24_client *c = b24_client_new_webhook(local_url("http", ts_port(s), "/rest/1/abc/"));
  sleep_log log = {{0}, 0};
  b24_client_set_sleep_hook(c, record_sleep, &log);
  b24_client_set_retries(c, 3, 100, 1000);
  b24_api_error err;
  json_t *result = NULL;
  CHECK_INT(b24_call(c, "crm.deal.list", NULL, &result, NULL, &err), B24_OK);
  CHECK(json_is_object(result));
  json_decref(result);
  CHECK_INT(ts_request_count(s), 3);
  CHECK_INT(err.attempts, 3);
  CHECK_INT(log.n, 2);
  CHECK_INT(log.delays[0], 100);
  CHECK_INT(log.delays[1], 200);
  b24_client_free(c);
  ts_stop(s);

  /* Always limited: 1 + max_retries attempts, then the limit error; delays capped. */
  static const ts_reply always[] = {QLE_503};
  s = ts_start_or_exit(always, 1);
  c = b24_client_new_webhook(local_url("http", ts_port(s), "/rest/1/abc/"));
  log.n = 0;
  b24_client_set_sleep_hook(c, record_sleep, &log);
  b24_client_set_retries(c, 3, 300, 500);
  CHECK_INT(b24_call(c, "crm.deal.list", NULL, NULL, NULL, &err), B24_ERR_API);
  CHECK_INT(ts_request_count(s), 4);
  CHECK_INT(err.attempts, 4);
  CHECK_INT(err.http_status, 503);
  CHECK_STR(err.error, "QUERY_LIMIT_EXCEEDED");
  CHECK_INT(log.n, 3);
  CHECK_INT(log.delays[0], 300);
  CHECK_INT(log.delays[1], 500);
  CHECK_INT(log.delays[2], 500);

  b24_client_set_retries(c, 0, -1, -1); /* retrying off */
  CHECK_INT(b24_call(c, "crm.deal.list", NULL, NULL, NULL, &err), B24_ERR_API);
  CHECK_INT(err.attempts, 1);
  CHECK_INT(ts_request_count(s), 5);
  b24_client_free(c);
  ts_stop(s);

  /* REST 3.0 spells the same limit as an error object. */
  static const ts_reply v3_then_ok[] = {
      {503, "{\"error\":{\"code\":\"QUERY_LIMIT_EXCEEDED\",\"message\":\"Too many requests\"}}"},
      {200, "{\"result\":{\"item\":{\"id\":1}}}"}};
  s = ts_start_or_exit(v3_then_ok, 2);
  c = b24_client_new_webhook(local_url("http", ts_port(s), "/rest/1/abc/"));
  log.n = 0;
  b24_client_set_sleep_hook(c, record_sleep, &log);
  CHECK_INT(b24_call_v3(c, "tasks.task.get", NULL, NULL, NULL, &err), B24_OK);
  CHECK_INT(err.attempts, 2);
  CHECK_INT(log.n, 1);
  CHECK_INT(log.delays[0], 1000); /* the default initial backoff */
  b24_client_free(c);
  ts_stop(s);

  static const ts_reply other_503[] = {{503, "{\"error\":\"SERVICE_UNAVAILABLE\"}"}};
  s = ts_start_or_exit(other_503, 1);
  c = b24_client_new_webhook(local_url("http", ts_port(s), "/rest/1/abc/"));
  log.n = 0;
  b24_client_set_sleep_hook(c, record_sleep, &log);
  CHECK_INT(b24_call(c, "crm.deal.list", NULL, NULL, NULL, &err), B24_ERR_API);
  CHECK_INT(err.attempts, 1);
  CHECK_INT(log.n, 0);
  b24_client_free(c);
  ts_stop(s);
}

/* A loopback socket that listens but never accepts: the kernel completes the TCP
 * handshake, takes the request, and nothing ever answers. */
static int stalled_listener(unsigned short *port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in addr;
  memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  if (fd < 0 || bind(fd, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(fd, 4) != 0 ||
      getsockname(fd, (struct sockaddr *)&addr, &len) != 0) {
    perror("stalled listener");
    exit(2);
  }
  *port = ntohs(addr.sin_port);
  return fd;
}

static void test_timeout(void) {
  unsigned short port;
  int fd = stalled_listener(&port);
  b24_client *c = b24_client_new_webhook(local_url("http", port, "/rest/1/abc/"));
  b24_client_set_timeouts(c, 2000, 300);
  b24_api_error err;
  CHECK_INT(b24_call(c, "user.get", NULL, NULL, NULL, &err), B24_ERR_TRANSPORT);
  CHECK_INT(err.http_status, 0);
  CHECK_INT(err.attempts, 1);
  CHECK(strstr(err.transport, "Timeout was reached") != NULL);
  fprintf(stderr, "timeout message: %s\n", err.transport);
  b24_client_free(c);
  close(fd);
}

/* A port nothing listens on: bound, then released. */
static unsigned short closed_port(void) {
  unsigned short port;
  close(stalled_listener(&port));
  return port;
}

static void check_no_secret(const b24_api_error *err, const char *secret) {
  const char *fields[] = {err->error, err->error_description, err->transport};
  for (size_t i = 0; i < 3; i++) {
    if (strstr(fields[i], secret)) {
      fprintf(stderr, "secret leaked into \"%s\"\n", fields[i]);
      check_failures++;
    }
  }
  char line[1024];
  b24_api_error_format(err, line, sizeof line);
  CHECK(strstr(line, secret) == NULL);
}

/* No credential reaches an error message: not curl's, not the portal's echo, not a
 * truncated tail of one. */
static void test_secret_redaction(void) {
  char url[256];
  snprintf(url, sizeof url, "%s", local_url("http", closed_port(), "/rest/1/" WEBHOOK_SECRET "/"));
  b24_client *c = b24_client_new_webhook(url);
  b24_api_error err;
  CHECK_INT(b24_call(c, "user.get", NULL, NULL, NULL, &err), B24_ERR_TRANSPORT);
  CHECK(err.transport[0] != '\0');
  fprintf(stderr, "closed port message: %s\n", err.transport);
  check_no_secret(&err, WEBHOOK_SECRET);
  b24_client_free(c);

  static const ts_reply echo[] = {
      {401, "{\"error\":\"expired_token\",\"error_description\":\"token " OAUTH_TOKEN
            " expired; retry with " OAUTH_TOKEN "\"}"},
      {400, "{\"error\":\"WRONG_AUTH\",\"error_description\":\"webhook " WEBHOOK_SECRET
            " was cut at tok-0a1b2\"}"},
  };
  test_server *s = ts_start_or_exit(echo, 2);
  c = b24_client_new_oauth(local_url("http", ts_port(s), ""), OAUTH_TOKEN);
  CHECK_INT(b24_call(c, "user.current", NULL, NULL, NULL, &err), B24_ERR_API);
  CHECK_STR(err.error_description, "token [redacted] expired; retry with [redacted]");
  check_no_secret(&err, OAUTH_TOKEN);
  b24_client_free(c);

  /* A webhook client redacts its secret; the truncated token tail is another client's. */
  snprintf(url, sizeof url, "%s", local_url("http", ts_port(s), "/rest/1/" WEBHOOK_SECRET));
  c = b24_client_new_webhook(url);
  CHECK_INT(b24_call(c, "user.current", NULL, NULL, NULL, &err), B24_ERR_API);
  CHECK_STR(err.error_description, "webhook [redacted] was cut at tok-0a1b2");
  b24_client_free(c);
  ts_stop(s);

  /* A tail of the secret at the end of a message (curl cuts long messages) is redacted
   * as well. */
  static const ts_reply tail[] = {
      {400, "{\"error\":\"X\",\"error_description\":\"...cut at " OAUTH_TOKEN "\"}"},
      {400, "{\"error\":\"X\",\"error_description\":\"...cut at tok-0a1b\"}"}};
  s = ts_start_or_exit(tail, 2);
  c = b24_client_new_oauth(local_url("http", ts_port(s), ""), OAUTH_TOKEN "ZZZ");
  CHECK_INT(b24_call(c, "user.current", NULL, NULL, NULL, &err), B24_ERR_API);
  CHECK_STR(err.error_description, "...cut at [redacted]");
  CHECK_INT(b24_call(c, "user.current", NULL, NULL, NULL, &err), B24_ERR_API);
  CHECK_STR(err.error_description, "...cut at [redacted]");
  b24_client_free(c);
  ts_stop(s);
}

/* --- TLS ------------------------------------------------------------------------------ */

typedef struct tls_files {
  char dir[64], cert[96], key[96];
} tls_files;

static int have_tool(const char *name) {
  char cmd[128];
  snprintf(cmd, sizeof cmd, "command -v %s >/dev/null 2>&1", name);
  return system(cmd) == 0;
}

/* A self-signed certificate for 127.0.0.1/localhost, made now: with the openssl CLI if
 * present, else gnutls' certtool. Returns 0, or SKIPPED when neither tool exists. */
static int make_self_signed(tls_files *f) {
  snprintf(f->dir, sizeof f->dir, "/tmp/b24rt-tls-XXXXXX");
  if (!mkdtemp(f->dir)) {
    perror("mkdtemp");
    exit(2);
  }
  snprintf(f->cert, sizeof f->cert, "%s/cert.pem", f->dir);
  snprintf(f->key, sizeof f->key, "%s/key.pem", f->dir);
  char cmd[1024];
  if (have_tool("openssl")) {
    snprintf(cmd, sizeof cmd,
             "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes "
             "-keyout %s -out %s -days 2 -subj /CN=localhost "
             "-addext subjectAltName=IP:127.0.0.1,DNS:localhost 2>%s/tool.log",
             f->key, f->cert, f->dir);
  } else if (have_tool("certtool")) {
    snprintf(cmd, sizeof cmd,
             "printf 'cn = localhost\\nip_address = 127.0.0.1\\ndns_name = localhost\\nca\\n"
             "cert_signing_key\\nexpiration_days = 2\\n' > %s/template && "
             "certtool --generate-privkey --key-type=ecdsa --outfile %s 2>%s/tool.log && "
             "certtool --generate-self-signed --load-privkey %s --template %s/template "
             "--outfile %s 2>>%s/tool.log",
             f->dir, f->key, f->dir, f->key, f->dir, f->cert, f->dir);
  } else {
    fprintf(stderr, "SKIP: neither openssl nor certtool is installed; cannot make a "
                    "self-signed certificate for the TLS test\n");
    return SKIPPED;
  }
  if (system(cmd) != 0) {
    fprintf(stderr, "certificate generation failed: %s\n", cmd);
    exit(2);
  }
  return 0;
}

static void remove_tls_files(const tls_files *f) {
  char path[128];
  const char *names[] = {"cert.pem", "key.pem", "tool.log", "template"};
  for (size_t i = 0; i < 4; i++) {
    snprintf(path, sizeof path, "%s/%s", f->dir, names[i]);
    unlink(path);
  }
  rmdir(f->dir);
}

static char *slurp(const char *path) {
  FILE *fp = fopen(path, "rb");
  if (!fp) {
    perror(path);
    exit(2);
  }
  char *text = calloc(1, 16384);
  size_t n = text ? fread(text, 1, 16383, fp) : 0;
  fclose(fp);
  if (n == 0) exit(2);
  return text;
}

/* Verification is on by default (a self-signed server is refused before any request
 * reaches it); the CA-file option and the test-only switch make it pass. */
static int test_tls_verification(void) {
  tls_files f;
  if (make_self_signed(&f) == SKIPPED) return SKIPPED;
  char *cert = slurp(f.cert), *key = slurp(f.key);
  test_server *s = ts_start(OK_EMPTY, 1, cert, key);
  if (!s) {
    fprintf(stderr, "SKIP: libmicrohttpd could not start an HTTPS server\n");
    free(cert), free(key), remove_tls_files(&f);
    return SKIPPED;
  }
  char url[256];
  snprintf(url, sizeof url, "%s", local_url("https", ts_port(s), "/rest/1/" WEBHOOK_SECRET "/"));
  b24_api_error err;

  b24_client *c = b24_client_new_webhook(url);
  /* A TLS handshake under valgrind on a loaded machine takes seconds: a refused
   * certificate must not be mistaken for a slow handshake. */
  b24_client_set_timeouts(c, 120000, 180000);
  CHECK_INT(b24_call(c, "user.get", NULL, NULL, NULL, &err), B24_ERR_TRANSPORT);
  fprintf(stderr, "default TLS message: %s\n", err.transport);
  CHECK(strstr(err.transport, "certificate") != NULL);
  check_no_secret(&err, WEBHOOK_SECRET);
  CHECK_INT(ts_request_count(s), 0);
  b24_client_free(c);

  c = b24_client_new_webhook(url);
  b24_client_set_timeouts(c, 120000, 180000);
  CHECK_INT(b24_client_set_ca_file(c, f.cert), 0);
  CHECK_INT(b24_call(c, "user.get", NULL, NULL, NULL, &err), B24_OK);
  CHECK_INT(ts_request_count(s), 1);
  CHECK_INT(b24_client_set_ca_file(c, NULL), 0); /* back to the system store */
  CHECK_INT(b24_call(c, "user.get", NULL, NULL, NULL, &err), B24_ERR_TRANSPORT);
  b24_client_free(c);

  c = b24_client_new_webhook(url);
  b24_client_set_timeouts(c, 120000, 180000);
  b24_client_set_insecure_for_testing(c, true);
  CHECK_INT(b24_call(c, "user.get", NULL, NULL, NULL, &err), B24_OK);
  CHECK_INT(ts_request_count(s), 2);
  ts_request r = request_or_empty(s, 1);
  CHECK_STR(r.url, "/rest/1/" WEBHOOK_SECRET "/user.get");
  b24_client_free(c);

  ts_stop(s);
  free(cert);
  free(key);
  remove_tls_files(&f);
  return 0;
}

/* --- arguments ------------------------------------------------------------------------ */

/* Malformed addresses are refused at construction; bad method names and params are
 * refused before anything is sent. */
static void test_bad_arguments(void) {
  const char *bad_webhooks[] = {
      "ftp://portal/rest/1/abc/",         "https:///rest/1/abc/",
      "https://portal/1/abc/",            "https://portal/rest/abc/",
      "https://portal/rest/1/",           "https://portal/rest/1/abc/extra",
      "https://portal/rest/1/abc/?x=1",   "https://user@portal/rest/1/abc/",
      "https://portal/rest/1/a c/",       "portal/rest/1/abc/",
      "",
  };
  for (size_t i = 0; i < sizeof bad_webhooks / sizeof bad_webhooks[0]; i++) {
    b24_client *c = b24_client_new_webhook(bad_webhooks[i]);
    if (c) fprintf(stderr, "accepted bad webhook URL \"%s\"\n", bad_webhooks[i]);
    CHECK(c == NULL);
    b24_client_free(c);
  }
  CHECK(b24_client_new_webhook(NULL) == NULL);
  CHECK(b24_client_new_oauth("https://portal", "") == NULL);
  CHECK(b24_client_new_oauth("https://portal", NULL) == NULL);
  CHECK(b24_client_new_oauth("https://portal", "tok\nen") == NULL);
  CHECK(b24_client_new_oauth("https://portal", "tok en") == NULL);
  CHECK(b24_client_new_oauth("https://portal", "tok\xc3\xa9") == NULL);
  CHECK(b24_client_new_oauth("portal.bitrix24.com", "tok") == NULL);
  CHECK(b24_client_new_oauth("https://portal/?x", "tok") == NULL);

  test_server *s = ts_start_or_exit(OK_EMPTY, 1);
  b24_client *c = b24_client_new_webhook(local_url("http", ts_port(s), "/rest/1/abc/"));
  CHECK_INT(b24_client_set_access_token(c, "tok"), -1); /* not an OAuth client */
  const char *bad_methods[] = {"", "user.get/../x", "user get", "user.get?x=1", ".user",
                               "user.", "user..get", "a/b"};
  b24_api_error err;
  for (size_t i = 0; i < sizeof bad_methods / sizeof bad_methods[0]; i++) {
    CHECK_INT(b24_call(c, bad_methods[i], NULL, NULL, NULL, &err), B24_ERR_USAGE);
    CHECK(strstr(err.usage, "invalid argument") == err.usage);
    CHECK_STR(err.transport, "");
  }
  CHECK_INT(b24_call(c, NULL, NULL, NULL, NULL, &err), B24_ERR_USAGE);
  CHECK_INT(b24_call(NULL, "user.get", NULL, NULL, NULL, &err), B24_ERR_USAGE);
  json_t *array = json_array();
  CHECK_INT(b24_call(c, "user.get", array, NULL, NULL, &err), B24_ERR_USAGE);
  CHECK_STR(err.usage, "invalid argument: params must be a JSON object");
  CHECK_INT(b24_call_ex(c, 0x80, "user.get", NULL, NULL, &err), B24_ERR_USAGE);
  json_decref(array);
  CHECK_INT(ts_request_count(s), 0);
  b24_client_free(c);
  ts_stop(s);
}

typedef struct test_case {
  const char *name;
  void (*run)(void);
  int (*run_skippable)(void);
} test_case;

static const test_case cases[] = {
    {"webhook_request", test_webhook_request, NULL},
    {"oauth_request", test_oauth_request, NULL},
    {"decode_result_and_time", test_decode_result_and_time, NULL},
    {"api_errors", test_api_errors, NULL},
    {"retry_rate_limit", test_retry_rate_limit, NULL},
    {"timeout", test_timeout, NULL},
    {"secret_redaction", test_secret_redaction, NULL},
    {"tls_verification", NULL, test_tls_verification},
    {"bad_arguments", test_bad_arguments, NULL},
};

int main(int argc, char **argv) {
  size_t n = sizeof cases / sizeof cases[0];
  if (argc != 2) {
    fprintf(stderr, "usage: %s CASE|all\ncases:", argv[0]);
    for (size_t i = 0; i < n; i++) fprintf(stderr, " %s", cases[i].name);
    fputc('\n', stderr);
    return 2;
  }
  int ran = 0, skipped = 0;
  for (size_t i = 0; i < n; i++) {
    if (strcmp(argv[1], "all") != 0 && strcmp(argv[1], cases[i].name) != 0) continue;
    ran++;
    if (cases[i].run) cases[i].run();
    else if (cases[i].run_skippable() == SKIPPED) skipped++;
  }
  if (!ran) {
    fprintf(stderr, "no test case named %s\n", argv[1]);
    return 2;
  }
  if (check_failures) {
    fprintf(stderr, "%d check(s) failed\n", check_failures);
    return 1;
  }
  return skipped == ran ? SKIPPED : 0;
}
