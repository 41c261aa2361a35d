/* The shared result of the example body readers, and JSON Pointer paths. */
#include "model/example_body.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void b24_body_read_free(b24_body_read *b) {
  json_decref(b->value);
  free(b->text);
  free(b->error);
  free(b->method);
  for (size_t i = 0; i < b->n_nonliteral; i++) free(b->nonliteral[i]);
  free(b->nonliteral);
  memset(b, 0, sizeof *b);
}

void b24_body_read_note(b24_body_read *b, const char *pointer) {
  b->nonliteral = realloc(b->nonliteral, (b->n_nonliteral + 1) * sizeof *b->nonliteral);
  size_t n = strlen(pointer) + 1;
  b->nonliteral[b->n_nonliteral] = memcpy(malloc(n), pointer, n);
  b->n_nonliteral++;
}

void b24_body_read_fail(b24_body_read *b, const char *fmt, ...) {
  if (b->error) return;
  b24_buf m = B24_BUF_INIT;
  va_list ap;
  va_start(ap, fmt);
  b24_buf_vprintf(&m, fmt, ap);
  va_end(ap);
  b->error = b24_buf_take(&m);
}

void b24_pointer_push_key(b24_buf *p, const char *key, size_t n) {
  b24_buf_putc(p, '/');
  for (size_t i = 0; i < n; i++) {
    if (key[i] == '~') b24_buf_put(p, "~0", 2);
    else if (key[i] == '/') b24_buf_put(p, "~1", 2);
    else b24_buf_putc(p, key[i]);
  }
}

void b24_pointer_push_index(b24_buf *p, size_t i) {
  b24_buf_putc(p, '/');
  b24_buf_put_uint(p, i);
}
