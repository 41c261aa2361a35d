/* JSON text from jansson values, byte for byte what json_dumps writes with
 * JSON_INDENT(n) or JSON_COMPACT (keys in insertion order, which is jansson's
 * iteration order), at a fraction of its cost: jansson emits through a callback per
 * token and decodes every string a code point at a time; here runs of plain bytes
 * are copied whole. gen writes ~80 MB of JSON for the corpus, the mock one answer
 * per request, so this is on both hot paths. */
#include "util/json_text.h"

#include <stdlib.h>
#include <string.h>

#include "util/json_scan.h"

static void put_string(b24_buf *b, const char *s, size_t n) {
  static const char hex[] = "0123456789ABCDEF";
  b24_buf_reserve(b, n + 2);
  b24_buf_putc(b, '"');
  size_t i = 0;
  for (;;) {
    size_t run = b24_json_plain_run(s + i, n - i, 0);
    b24_buf_put(b, s + i, run);
    i += run;
    if (i == n) break;
    unsigned char c = (unsigned char)s[i++];
    char esc[7] = {'\\', 0};
    size_t len = 2;
    switch (c) {
      case '"': esc[1] = '"'; break;
      case '\\': esc[1] = '\\'; break;
      case '\b': esc[1] = 'b'; break;
      case '\f': esc[1] = 'f'; break;
      case '\n': esc[1] = 'n'; break;
      case '\r': esc[1] = 'r'; break;
      case '\t': esc[1] = 't'; break;
      default:
        memcpy(esc + 1, "u00", 3);
        esc[4] = hex[c >> 4];
        esc[5] = hex[c & 0xF];
        len = 6;
    }
    b24_buf_put(b, esc, len);
  }
  b24_buf_putc(b, '"');
}

static void newline_indent(b24_buf *b, int indent, int depth) {
  if (indent <= 0) return;
  size_t n = (size_t)indent * (size_t)depth;
  b24_buf_reserve(b, n + 1);
  b->data[b->len++] = '\n';
  memset(b->data + b->len, ' ', n);
  b->len += n;
  b->data[b->len] = 0;
}

/* indent > 0: JSON_INDENT(indent); 0: jansson's default (", ", ": "); < 0: JSON_COMPACT. */
static void put_value(b24_buf *b, const json_t *j, int indent, int depth) {
  const char *item_sep = indent < 0 ? "," : indent > 0 ? "," : ", ";
  const char *key_sep = indent < 0 ? ":" : ": ";
  switch (json_typeof(j)) {
    case JSON_OBJECT: {
      if (!json_object_size(j)) {
        b24_buf_put(b, "{}", 2);
        return;
      }
      b24_buf_putc(b, '{');
      int first = 1;
      const char *key;
      size_t key_len;
      json_t *v;
      json_object_keylen_foreach((json_t *)j, key, key_len, v) {
        if (!first) b24_buf_puts(b, item_sep);
        first = 0;
        newline_indent(b, indent, depth + 1);
        put_string(b, key, key_len);
        b24_buf_puts(b, key_sep);
        put_value(b, v, indent, depth + 1);
      }
      newline_indent(b, indent, depth);
      b24_buf_putc(b, '}');
      return;
    }
    case JSON_ARRAY: {
      size_t n = json_array_size(j);
      if (!n) {
        b24_buf_put(b, "[]", 2);
        return;
      }
      b24_buf_putc(b, '[');
      for (size_t i = 0; i < n; i++) {
        if (i) b24_buf_puts(b, item_sep);
        newline_indent(b, indent, depth + 1);
        put_value(b, json_array_get(j, i), indent, depth + 1);
      }
      newline_indent(b, indent, depth);
      b24_buf_putc(b, ']');
      return;
    }
    case JSON_STRING:
      put_string(b, json_string_value(j), json_string_length(j));
      return;
    case JSON_INTEGER: { /* printf was a tenth of the runner's request writing */
      json_int_t v = json_integer_value(j);
      if (v < 0) b24_buf_putc(b, '-');
      b24_buf_put_uint(b, v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v);
      return;
    }
    case JSON_REAL: {
      /* jansson's own number formatting ("%.17g", ".0" added, exponent trimmed),
       * into a buffer of ours: a real is at most 24 characters. */
      char s[64];
      size_t n = json_dumpb(j, s, sizeof s, JSON_ENCODE_ANY);
      if (n && n <= sizeof s) b24_buf_put(b, s, n);
      return;
    }
    case JSON_TRUE: b24_buf_put(b, "true", 4); return;
    case JSON_FALSE: b24_buf_put(b, "false", 5); return;
    case JSON_NULL: b24_buf_put(b, "null", 4); return;
  }
}

void b24_json_text_append(b24_buf *b, const json_t *j, int indent) {
  put_value(b, j, indent, 0);
}

char *b24_json_text(const json_t *j, int indent, size_t *len) {
  b24_buf b = B24_BUF_INIT;
  b24_json_text_append(&b, j, indent);
  if (len) *len = b.len;
  return b24_buf_take(&b);
}

char *b24_json_dumps(const json_t *j, size_t flags) {
  char *t = json_dumps(j, flags);
  json_malloc_t m;
  json_free_t f;
  json_get_alloc_funcs(&m, &f);
  if (!t || f == free) return t; /* jansson's own allocator: already malloc's */
  char *s = strdup(t);
  f(t);
  if (!s) abort();
  return s;
}
