/* A growable byte buffer, always NUL-terminated. */
#ifndef B24_BUF_H
#define B24_BUF_H
#include <stddef.h>
#include <stdarg.h>
#include <string.h>

typedef struct b24_buf {
  char *data;
  size_t len, cap;
} b24_buf;

#define B24_BUF_INIT {NULL, 0, 0}

void b24_buf_reserve(b24_buf *b, size_t extra);
/* put and putc are the hot path of every writer (the model, the generators, the
 * scanner's cell text): inline, with the call only when the buffer must grow. */
static inline void b24_buf_put(b24_buf *b, const char *s, size_t n) {
  if (b->len + n + 1 > b->cap) b24_buf_reserve(b, n);
  if (n) memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = 0;
}
static inline void b24_buf_putc(b24_buf *b, char c) {
  if (b->len + 2 > b->cap) b24_buf_reserve(b, 1);
  b->data[b->len++] = c;
  b->data[b->len] = 0;
}
void b24_buf_puts(b24_buf *b, const char *s);
/* n in decimal, without printf (on the runner's per-request path). */
void b24_buf_put_uint(b24_buf *b, unsigned long long n);
void b24_buf_printf(b24_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void b24_buf_vprintf(b24_buf *b, const char *fmt, va_list ap);
void b24_buf_clear(b24_buf *b);
void b24_buf_free(b24_buf *b);
/* Hands the bytes to the caller (malloc'd; never NULL) and resets the buffer. */
char *b24_buf_take(b24_buf *b);
const char *b24_buf_cstr(const b24_buf *b);
/* A malloc'd string formatted from fmt and ap (never NULL). */
char *b24_vformat(const char *fmt, va_list ap);

#endif
