#include "util/buf.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void b24_buf_reserve(b24_buf *b, size_t extra) {
  if (b->len + extra + 1 <= b->cap) return;
  size_t cap = b->cap ? b->cap : 64;
  while (cap < b->len + extra + 1) cap *= 2;
  char *d = realloc(b->data, cap);
  if (!d) { fputs("b24spec: out of memory\n", stderr); abort(); }
  b->data = d;
  b->cap = cap;
}

void b24_buf_puts(b24_buf *b, const char *s) { b24_buf_put(b, s, strlen(s)); }

/* Formats straight into the spare room, and only when that is too small a second
 * time after growing: the generators print small pieces, nearly always in one go. */
void b24_buf_vprintf(b24_buf *b, const char *fmt, va_list ap) {
  b24_buf_reserve(b, 64);
  size_t room = b->cap - b->len;
  va_list ap2;
  va_copy(ap2, ap);
  int n = vsnprintf(b->data + b->len, room, fmt, ap2);
  va_end(ap2);
  if (n < 0) {
    b->data[b->len] = 0;
    return;
  }
  if ((size_t)n >= room) {
    b24_buf_reserve(b, (size_t)n);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
  }
  b->len += (size_t)n;
}

void b24_buf_printf(b24_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  b24_buf_vprintf(b, fmt, ap);
  va_end(ap);
}

void b24_buf_clear(b24_buf *b) {
  b->len = 0;
  if (b->data) b->data[0] = 0;
}

void b24_buf_free(b24_buf *b) {
  free(b->data);
  b->data = NULL;
  b->len = b->cap = 0;
}

char *b24_buf_take(b24_buf *b) {
  if (!b->data) b24_buf_reserve(b, 0), b->data[0] = 0;
  char *d = b->data;
  b->data = NULL;
  b->len = b->cap = 0;
  return d;
}

const char *b24_buf_cstr(const b24_buf *b) { return b->data ? b->data : ""; }

void b24_buf_put_uint(b24_buf *b, unsigned long long n) {
  char digits[24];
  size_t at = sizeof digits;
  do digits[--at] = (char)('0' + n % 10);
  while ((n /= 10) > 0);
  b24_buf_put(b, digits + at, sizeof digits - at);
}

char *b24_vformat(const char *fmt, va_list ap) {
  b24_buf b = B24_BUF_INIT;
  b24_buf_vprintf(&b, fmt, ap);
  return b24_buf_take(&b);
}
