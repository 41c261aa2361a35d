/* Parameters as a query string, the way PHP's http_build_query writes them: how the
 * portal reads the commands of a batch (see b24/batch.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "b24/batch.h"

typedef struct qbuf {
  char *data;
  size_t len, cap;
  bool failed;
} qbuf;

static void put(qbuf *b, const char *s, size_t n) {
  if (b->failed) return;
  if (b->len + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + n + 1) cap *= 2;
    char *d = realloc(b->data, cap);
    if (!d) {
      b->failed = true;
      return;
    }
    b->data = d, b->cap = cap;
  }
  memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = '\0';
}

/* Percent-encodes every byte but RFC 3986's unreserved characters. */
static void put_escaped(qbuf *b, const char *s) {
  static const char HEX[] = "0123456789ABCDEF";
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    unsigned char c = *p;
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
        c == '-' || c == '.' || c == '_' || c == '~') {
      put(b, (const char *)p, 1);
    } else {
      char e[3] = {'%', HEX[c >> 4], HEX[c & 15]};
      put(b, e, 3);
    }
  }
}

/* Writes one value under `name` (already escaped); containers recurse with name[key]. */
static void put_value(qbuf *b, const char *name, const json_t *v) {
  char num[64];
  char *real = NULL; /* jansson writes reals independently of the locale */
  const char *text = NULL;
  if (json_is_object(v) || json_is_array(v)) {
    const char *key;
    json_t *item;
    size_t i;
    qbuf sub = {0};
    if (json_is_object(v)) {
      json_object_foreach((json_t *)v, key, item) {
        sub.len = 0;
        put(&sub, name, strlen(name));
        put(&sub, *name ? "%5B" : "", *name ? 3 : 0);
        put_escaped(&sub, key);
        put(&sub, *name ? "%5D" : "", *name ? 3 : 0);
        if (sub.failed) break;
        put_value(b, sub.data, item);
      }
    } else {
      json_array_foreach(v, i, item) {
        sub.len = 0;
        snprintf(num, sizeof num, "%%5B%zu%%5D", i);
        put(&sub, name, strlen(name));
        put(&sub, num, strlen(num));
        if (sub.failed) break;
        put_value(b, sub.data, item);
      }
    }
    b->failed |= sub.failed;
    free(sub.data);
    return;
  }
  if (json_is_string(v)) text = json_string_value(v);
  else if (json_is_integer(v)) snprintf(num, sizeof num, "%lld", (long long)json_integer_value(v)), text = num;
  else if (json_is_real(v)) text = real = json_dumps(v, JSON_ENCODE_ANY);
  else if (json_is_true(v)) text = "1";
  else if (json_is_false(v)) text = "0";
  if (json_is_real(v) && !real) b->failed = true;
  if (text && *name) { /* else null, or a scalar with no name */
    if (b->len) put(b, "&", 1);
    put(b, name, strlen(name));
    put(b, "=", 1);
    put_escaped(b, text);
  }
  free(real);
}

char *b24_query_string(const json_t *params) {
  qbuf b = {0};
  put(&b, "", 0);
  if (params) put_value(&b, "", params);
  if (b.failed) {
    free(b.data);
    return NULL;
  }
  return b.data;
}
