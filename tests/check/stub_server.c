/* A stub portal for the runner's transport tests: behaviour the mock does not
 * have on purpose.
 *   stub_server limit N   the first N requests get 503 QUERY_LIMIT_EXCEEDED,
 *                         every later one a success envelope
 *   stub_server hang      answers nothing for 5 s (longer than the test's timeout)
 *   stub_server chunked   successes in chunked transfer encoding
 *   stub_server close     successes with "Connection: close"
 *   stub_server idle      successes; a connection idle for 1 s is closed
 * Prints "listening on http://127.0.0.1:PORT" and serves until killed. */
#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int hang, chunked, close_each;
static long limit;
static atomic_long served;

static const char LIMITED[] =
    "{\"error\":\"QUERY_LIMIT_EXCEEDED\",\"error_description\":\"Too many requests\"}";
static const char OK[] = "{\"result\":true,\"time\":{\"start\":1,\"finish\":2,\"duration\":1,"
                         "\"processing\":1,\"date_start\":\"2024-01-01T00:00:00+00:00\","
                         "\"date_finish\":\"2024-01-01T00:00:00+00:00\",\"operating\":0}}";

/* The body a few bytes a call, so that it goes out as several chunks. */
static ssize_t in_pieces(void *cls, uint64_t pos, char *buf, size_t max) {
  const char *body = cls;
  size_t len = strlen(body);
  if (pos >= len) return MHD_CONTENT_READER_END_OF_STREAM;
  size_t n = len - (size_t)pos < max ? len - (size_t)pos : max;
  memcpy(buf, body + pos, n);
  return (ssize_t)n;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version, const char *data,
                                  size_t *size, void **state) {
  (void)cls, (void)url, (void)method, (void)version, (void)data;
  if (!*state) { /* first call: headers only */
    *state = c;
    return MHD_YES;
  }
  if (*size) { /* body bytes: ignored */
    *size = 0;
    return MHD_YES;
  }
  if (hang) sleep(5);
  long n = atomic_fetch_add(&served, 1);
  int limited = n < limit;
  const char *body = limited ? LIMITED : OK;
  struct MHD_Response *r =
      chunked ? MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 7, in_pieces, (void *)body, NULL)
              : MHD_create_response_from_buffer(strlen(body), (void *)body, MHD_RESPMEM_PERSISTENT);
  MHD_add_response_header(r, "Content-Type", "application/json; charset=utf-8");
  if (close_each) MHD_add_response_header(r, "Connection", "close");
  enum MHD_Result ret = MHD_queue_response(c, limited ? 503 : 200, r);
  MHD_destroy_response(r);
  return ret;
}

int main(int argc, char **argv) {
  if (argc >= 3 && !strcmp(argv[1], "limit")) limit = strtol(argv[2], NULL, 10);
  else if (argc >= 2 && !strcmp(argv[1], "hang")) hang = 1;
  else if (argc >= 2 && !strcmp(argv[1], "chunked")) chunked = 1;
  else if (argc >= 2 && !strcmp(argv[1], "close")) close_each = 1;
  else if (argc < 2 || strcmp(argv[1], "idle")) {
    fputs("usage: stub_server limit N | hang | chunked | close | idle\n", stderr);
    return 2;
  }
  struct sockaddr_in addr;
  memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  struct MHD_Daemon *d =
      MHD_start_daemon(MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD, 0, NULL,
                       NULL, on_request, NULL, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
                       MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)(argc >= 2 && !strcmp(argv[1], "idle")),
                       MHD_OPTION_END);
  if (!d) {
    fputs("stub_server: cannot listen\n", stderr);
    return 1;
  }
  const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
  printf("listening on http://127.0.0.1:%u\n", (unsigned)info->port);
  fflush(stdout);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  sigprocmask(SIG_BLOCK, &set, NULL);
  int sig;
  sigwait(&set, &sig);
  if (hang) _exit(0); /* threads asleep in a request would hold up the stop */
  MHD_stop_daemon(d);
  return 0;
}
