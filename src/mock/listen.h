/* The mock's listening socket, and a thread that accepts on it and hands each
 * connection on. libmicrohttpd's own thread pool lets whichever thread wakes
 * first accept a whole burst of connections: a client that opens its keep-alive
 * connections together (the runner, wrk, a browser) then had one thread serve
 * everything while the others idled. The server spreads what this accepts over
 * its daemons in turn (server.c). */
#ifndef B24_MOCK_LISTEN_H
#define B24_MOCK_LISTEN_H
#include <stddef.h>
#include <sys/socket.h>

typedef struct mock_listener mock_listener;

/* Takes the accepted connection fd (non-blocking, close-on-exec); the callee owns it. */
typedef void (*mock_accepted)(void *ctx, int fd, const struct sockaddr *addr, socklen_t len);

/* Binds and listens on addr (port 0: any free port) without sharing the port
 * with anyone. NULL with err when it cannot (the port in use, no such address). */
mock_listener *mock_listen(const struct sockaddr *addr, socklen_t len, char *err, size_t errlen);
unsigned mock_listener_port(const mock_listener *l);
/* Starts accepting on a thread of its own; 0 on success. */
int mock_listener_start(mock_listener *l, mock_accepted accepted, void *ctx);
/* Stops accepting (connections already handed on are not touched) and frees l. */
void mock_listener_stop(mock_listener *l);

#endif
