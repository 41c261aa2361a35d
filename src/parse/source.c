/* Page bytes -> valid UTF-8 text -> lines. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parse/parse_internal.h"
#include "util/buf.h"

/* Length of the valid UTF-8 sequence at s (1-4), or 0 when invalid. */
static size_t utf8_seq_len(const unsigned char *s, size_t avail) {
  unsigned char c = s[0];
  if (c < 0x80) return 1;
  size_t n;
  unsigned int min;
  if ((c & 0xE0) == 0xC0) n = 2, min = 0x80;
  else if ((c & 0xF0) == 0xE0) n = 3, min = 0x800;
  else if ((c & 0xF8) == 0xF0) n = 4, min = 0x10000;
  else return 0;
  if (avail < n) return 0;
  unsigned int cp = c & (0x7F >> n);
  for (size_t i = 1; i < n; i++) {
    if ((s[i] & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (s[i] & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

/* Offset of the first byte that is NUL or starts an invalid sequence, or len. */
static size_t valid_prefix(const unsigned char *s, size_t len) {
  size_t i = 0;
  while (i < len) {
    /* ASCII runs eight bytes at a time. */
    while (i + 8 <= len) {
      uint64_t w;
      memcpy(&w, s + i, 8);
      if (w & 0x8080808080808080ULL) break;
      if ((w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL) break; /* a NUL */
      i += 8;
    }
    if (i >= len) break;
    if (s[i] == 0) return i;
    size_t n = utf8_seq_len(s + i, len - i);
    if (!n) return i;
    i += n;
  }
  return len;
}

char *b24_sanitize_utf8(b24_pctx *c, const char *data, size_t len, size_t *out_len) {
  size_t ok = valid_prefix((const unsigned char *)data, len);
  if (ok == len) { /* the usual case: nothing to repair */
    char *copy = malloc(len + 1);
    if (!copy) abort();
    memcpy(copy, data, len);
    copy[len] = 0;
    *out_len = len;
    return copy;
  }
  b24_buf b = B24_BUF_INIT;
  b24_buf_reserve(&b, len);
  const unsigned char *s = (const unsigned char *)data;
  int line = 1, col = 1, reported = 0, nul_reported = 0;
  size_t i = 0;
  while (i < len) {
    size_t n = utf8_seq_len(s + i, len - i);
    if (n == 1 && s[i] == 0) {
      if (!nul_reported++)
        b24_pdiag(c, line, col, B24_WARNING, "encoding", "NUL byte in text (read as a space)");
      b24_buf_putc(&b, ' ');
      i++, col++;
      continue;
    }
    if (n == 0) {
      if (reported++ < 3)
        b24_pdiag(c, line, col, B24_WARNING, "encoding",
                  "invalid UTF-8 byte 0x%02X (read as U+FFFD)", s[i]);
      b24_buf_puts(&b, "\xEF\xBF\xBD");
      i++, col++;
      continue;
    }
    b24_buf_put(&b, (const char *)s + i, n);
    if (s[i] == '\n') line++, col = 1;
    else col++;
    i += n;
  }
  if (reported > 3)
    b24_pdiag(c, line, col, B24_WARNING, "encoding", "%d invalid UTF-8 bytes in all", reported);
  *out_len = b.len;
  return b24_buf_take(&b);
}

b24_srcline *b24_split_lines(const char *text, size_t len, size_t *n_out) {
  size_t cap = 64, n = 0;
  b24_srcline *v = malloc(cap * sizeof *v);
  size_t i = 0;
  int line = 1;
  while (i < len) {
    const char *nl = memchr(text + i, '\n', len - i);
    size_t e = nl ? (size_t)(nl - text) : len;
    size_t l = e - i;
    if (l && text[i + l - 1] == '\r') l--;
    if (n == cap) v = realloc(v, (cap *= 2) * sizeof *v);
    v[n++] = (b24_srcline){text + i, l, line++, 1};
    i = e + 1;
  }
  *n_out = n;
  return v;
}

size_t b24_indent_of(const b24_srcline *l) {
  size_t w = 0;
  for (size_t i = 0; i < l->len; i++) {
    if (l->s[i] == ' ') w++;
    else if (l->s[i] == '\t') w += 4 - (w % 4);
    else break;
  }
  return w;
}

b24_srcline b24_dedent(const b24_srcline *l, size_t n) {
  b24_srcline r = *l;
  size_t w = 0;
  while (r.len && w < n && (r.s[0] == ' ' || r.s[0] == '\t')) {
    w += r.s[0] == '\t' ? 4 - (w % 4) : 1;
    r.s++, r.len--, r.col++;
  }
  return r;
}

int b24_line_is_blank(const b24_srcline *l) {
  for (size_t i = 0; i < l->len; i++)
    if (l->s[i] != ' ' && l->s[i] != '\t') return 0;
  return 1;
}
