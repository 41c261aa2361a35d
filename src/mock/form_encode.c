/* Form encoding of event payloads (form_encode.h). */
#include <stdio.h>
#include <string.h>

#include "mock/form_encode.h"

/* RFC 1738 as PHP writes it: letters, digits and "-_." as they are, space as '+',
 * every other byte %XX. Brackets of a key are written by the caller, literal. */
static void put_escaped(b24_buf *out, const char *s, size_t n) {
  static const char hexd[] = "0123456789ABCDEF";
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c == '.')
      b24_buf_putc(out, (char)c);
    else if (c == ' ')
      b24_buf_putc(out, '+');
    else {
      b24_buf_putc(out, '%');
      b24_buf_putc(out, hexd[c >> 4]);
      b24_buf_putc(out, hexd[c & 15]);
    }
  }
}

/* key: the pair's name so far, already escaped ("data[FIELDS]"). */
static void encode_value(const json_t *v, b24_buf *key, b24_buf *out, int depth) {
  if (depth > 64) return;
  if (json_is_object(v) || json_is_array(v)) {
    size_t mark = key->len;
    if (json_is_object(v)) {
      const char *k;
      const json_t *c;
      json_object_foreach((json_t *)v, k, c) {
        b24_buf_putc(key, '[');
        put_escaped(key, k, strlen(k));
        b24_buf_putc(key, ']');
        encode_value(c, key, out, depth + 1);
        key->len = mark;
      }
    } else {
      size_t i;
      const json_t *c;
      json_array_foreach(v, i, c) {
        b24_buf_printf(key, "[%zu]", i);
        encode_value(c, key, out, depth + 1);
        key->len = mark;
      }
    }
    if (key->data) key->data[mark] = 0;
    return;
  }
  char num[40];
  const char *s = NULL;
  size_t n = 0;
  if (json_is_string(v)) s = json_string_value(v), n = json_string_length(v);
  else if (json_is_integer(v)) n = (size_t)snprintf(num, sizeof num, "%lld", (long long)json_integer_value(v)), s = num;
  else if (json_is_real(v)) n = (size_t)snprintf(num, sizeof num, "%.17g", json_real_value(v)), s = num;
  else if (json_is_true(v)) s = "1", n = 1;
  else if (json_is_false(v)) s = "0", n = 1;
  else return; /* null */
  if (out->len) b24_buf_putc(out, '&');
  b24_buf_put(out, key->data, key->len);
  b24_buf_putc(out, '=');
  put_escaped(out, s, n);
}

void mock_form_encode(const json_t *v, b24_buf *out) {
  if (!json_is_object(v)) return;
  const char *k;
  const json_t *c;
  b24_buf key = B24_BUF_INIT;
  json_object_foreach((json_t *)v, k, c) {
    b24_buf_clear(&key);
    put_escaped(&key, k, strlen(k));
    encode_value(c, &key, out, 0);
  }
  b24_buf_free(&key);
}
