/* Where a request goes: the portal's REST paths.
 *   /rest/{user_id}/{secret}/{method}[.json]       webhook
 *   /rest/{method}[.json]                           OAuth (token in `auth`)
 *   /rest/api/{user_id}/{secret}/{method}[.json]    REST 3.0, webhook
 *   /rest/api/{method}[.json]                       REST 3.0, OAuth */
#ifndef B24_MOCK_ROUTE_H
#define B24_MOCK_ROUTE_H
#include <stddef.h>

#define MOCK_NAME_MAX 256

typedef struct mock_route {
  int v3;                     /* under /rest/api/ */
  int webhook;                /* user and secret are in the path */
  char user[64];
  char secret[128];
  char method[MOCK_NAME_MAX]; /* lower-cased, ".json" stripped */
} mock_route;

/* 0 when path is one of the forms above (segments within the sizes of
 * mock_route), -1 otherwise. */
int mock_route_parse(const char *path, mock_route *r);

#endif
