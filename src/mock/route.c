#include "mock/route.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* Copies the segment at *p (up to '/' or the end) into out; -1 when it is empty
 * or does not fit. */
static int take_segment(const char **p, char *out, size_t cap) {
  size_t n = strcspn(*p, "/");
  if (n == 0 || n >= cap) return -1;
  memcpy(out, *p, n);
  out[n] = 0;
  *p += n;
  if (**p == '/') (*p)++;
  return 0;
}

int mock_route_parse(const char *path, mock_route *r) {
  memset(r, 0, sizeof *r);
  if (strncmp(path, "/rest/", 6)) return -1;
  const char *p = path + 6;
  char seg[3][MOCK_NAME_MAX];
  int n = 0;
  if (!strncmp(p, "api/", 4)) {
    r->v3 = 1;
    p += 4;
  }
  while (*p) {
    if (n == 3 || take_segment(&p, seg[n], sizeof seg[n])) return -1;
    n++;
  }
  const char *name;
  if (n == 1) name = seg[0];
  else if (n == 3) {
    if (strlen(seg[0]) >= sizeof r->user || strlen(seg[1]) >= sizeof r->secret) return -1;
    strcpy(r->user, seg[0]);
    strcpy(r->secret, seg[1]);
    r->webhook = 1;
    name = seg[2];
  } else return -1;
  size_t len = strlen(name);
  if (len > 5 && !strcasecmp(name + len - 5, ".json")) len -= 5;
  for (size_t i = 0; i < len; i++) r->method[i] = (char)tolower((unsigned char)name[i]);
  r->method[len] = 0;
  return 0;
}
