/* The listening socket and its accepting thread (see listen.h). */
#define _GNU_SOURCE /* accept4 */
#include "mock/listen.h"

#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

struct mock_listener {
  int fd;
  unsigned port;
  pthread_t thread;
  int running;
  mock_accepted accepted;
  void *ctx;
};

mock_listener *mock_listen(const struct sockaddr *addr, socklen_t len, char *err, size_t errlen) {
  int fd = socket(addr->sa_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    snprintf(err, errlen, "cannot make a socket: %s", strerror(errno));
    return NULL;
  }
  int one = 1;
  /* SO_REUSEADDR lets a restarted mock take its port while old connections sit
   * in TIME_WAIT; on Linux it never lets two listeners share a port. */
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  if (addr->sa_family == AF_INET6) setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
  if (bind(fd, addr, len) != 0 || listen(fd, 1024) != 0) {
    snprintf(err, errlen, "%s", strerror(errno));
    close(fd);
    return NULL;
  }
  struct sockaddr_storage bound;
  socklen_t bl = sizeof bound;
  unsigned port = 0;
  if (getsockname(fd, (struct sockaddr *)&bound, &bl) == 0)
    port = bound.ss_family == AF_INET6 ? ntohs(((struct sockaddr_in6 *)&bound)->sin6_port)
                                       : ntohs(((struct sockaddr_in *)&bound)->sin_port);
  mock_listener *l = calloc(1, sizeof *l);
  if (!l) abort();
  l->fd = fd;
  l->port = port;
  return l;
}

unsigned mock_listener_port(const mock_listener *l) { return l->port; }

static void *accept_loop(void *ud) {
  mock_listener *l = ud;
  for (;;) {
    struct sockaddr_storage peer;
    socklen_t pl = sizeof peer;
    int c = accept4(l->fd, (struct sockaddr *)&peer, &pl, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (c >= 0) {
      l->accepted(l->ctx, c, (struct sockaddr *)&peer, pl);
      continue;
    }
    if (errno == EINTR || errno == ECONNABORTED) continue;
    if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
      /* out of descriptors: let connections close, then take the queue again */
      struct timespec ts = {0, 10 * 1000000L};
      nanosleep(&ts, NULL);
      continue;
    }
    return NULL; /* EINVAL after shutdown(): the server is stopping */
  }
}

int mock_listener_start(mock_listener *l, mock_accepted accepted, void *ctx) {
  l->accepted = accepted;
  l->ctx = ctx;
  if (pthread_create(&l->thread, NULL, accept_loop, l) != 0) return -1;
  l->running = 1;
  return 0;
}

void mock_listener_stop(mock_listener *l) {
  if (!l) return;
  /* shutdown() wakes the thread blocked in accept(), which then returns */
  shutdown(l->fd, SHUT_RDWR);
  if (l->running) pthread_join(l->thread, NULL);
  close(l->fd);
  free(l);
}
