/* Scanning helpers shared by the JS and PHP value readers. */
#include "model/literal_text.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *b24_memmem(const char *hay, size_t n, const char *needle, size_t m) {
  if (!m) return hay;
  for (size_t i = 0; i + m <= n; i++) {
    const char *p = memchr(hay + i, needle[0], n - i - m + 1);
    if (!p) return NULL;
    i = (size_t)(p - hay);
    if (!memcmp(p, needle, m)) return p;
  }
  return NULL;
}

int b24_text_at(const char *s, size_t len, size_t i, const char *lit) {
  size_t n = strlen(lit);
  return i <= len && len - i >= n && !memcmp(s + i, lit, n);
}

char *b24_text_dup(const char *s, size_t n) {
  char *d = malloc(n + 1);
  memcpy(d, s, n);
  d[n] = 0;
  return d;
}

static void put_utf8(b24_buf *b, unsigned long cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    b24_buf_putc(b, (char)cp);
  } else if (cp < 0x800) {
    b24_buf_putc(b, (char)(0xC0 | (cp >> 6)));
    b24_buf_putc(b, (char)(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    b24_buf_putc(b, (char)(0xE0 | (cp >> 12)));
    b24_buf_putc(b, (char)(0x80 | ((cp >> 6) & 0x3F)));
    b24_buf_putc(b, (char)(0x80 | (cp & 0x3F)));
  } else {
    b24_buf_putc(b, (char)(0xF0 | (cp >> 18)));
    b24_buf_putc(b, (char)(0x80 | ((cp >> 12) & 0x3F)));
    b24_buf_putc(b, (char)(0x80 | ((cp >> 6) & 0x3F)));
    b24_buf_putc(b, (char)(0x80 | (cp & 0x3F)));
  }
}

static int hex(char c) {
  return isdigit((unsigned char)c) ? c - '0' : isxdigit((unsigned char)c) ? tolower((unsigned char)c) - 'a' + 10 : -1;
}

/* Up to max hex digits at s[k, end): the value, *n the count. */
static unsigned long hex_run(const char *s, size_t end, size_t k, int max, int *n) {
  unsigned long v = 0;
  for (*n = 0; *n < max && k + (size_t)*n < end && hex(s[k + (size_t)*n]) >= 0; (*n)++)
    v = v * 16 + (unsigned long)hex(s[k + (size_t)*n]);
  return v;
}

size_t b24_text_hex_escape(const char *s, size_t end, size_t k, int ndigits, b24_buf *b) {
  int n;
  unsigned long v = hex_run(s, end, k, ndigits, &n);
  if (!n) {
    b24_buf_putc(b, 'x');
    return k;
  }
  if (v < 0x80) b24_buf_putc(b, (char)v);
  else put_utf8(b, v);
  return k + (size_t)n;
}

size_t b24_text_unicode_escape(const char *s, size_t end, size_t k, b24_buf *b) {
  int n;
  unsigned long v;
  if (k < end && s[k] == '{') {
    v = hex_run(s, end, k + 1, 8, &n);
    if (!n || k + 1 + (size_t)n >= end || s[k + 1 + (size_t)n] != '}') {
      b24_buf_putc(b, 'u');
      return k;
    }
    put_utf8(b, v);
    return k + 2 + (size_t)n;
  }
  v = hex_run(s, end, k, 4, &n);
  if (n < 4) {
    b24_buf_putc(b, 'u');
    return k;
  }
  k += 4;
  if (v >= 0xD800 && v < 0xDC00 && k + 6 <= end && s[k] == '\\' && s[k + 1] == 'u') {
    unsigned long lo = hex_run(s, end, k + 2, 4, &n);
    if (n == 4 && lo >= 0xDC00 && lo <= 0xDFFF) {
      put_utf8(b, 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00));
      return k + 6;
    }
  }
  put_utf8(b, v);
  return k;
}

json_t *b24_text_number(const char *s, size_t n, int allow_sep) {
  char buf[128];
  size_t m = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] == '_' && allow_sep) continue;
    if (m + 1 >= sizeof buf) return NULL;
    buf[m++] = s[i];
  }
  buf[m] = 0;
  const char *d = buf + (buf[0] == '-' || buf[0] == '+');
  int neg = buf[0] == '-';
  int base = 10;
  if (d[0] == '0' && (d[1] == 'x' || d[1] == 'X')) base = 16;
  else if (d[0] == '0' && (d[1] == 'o' || d[1] == 'O')) base = 8;
  else if (d[0] == '0' && (d[1] == 'b' || d[1] == 'B')) base = 2;
  char *end;
  errno = 0;
  if (base != 10 || !strpbrk(d, ".eE")) {
    if (base != 10) d += 2;
    if (!*d) return NULL;
    long long v = strtoll(d, &end, base);
    if (*end) return NULL;
    if (errno != ERANGE) return json_integer(neg ? -v : v);
  }
  if (base != 10) return NULL;
  double x = strtod(buf, &end);
  if (*end || !isfinite(x) || end == buf) return NULL;
  return json_real(x);
}

json_t *b24_text_keyword(const char *s, size_t len, size_t i, size_t *end, int ci) {
  static const char *const words[] = {"true", "false", "null"};
  for (int w = 0; w < 3; w++) {
    size_t n = strlen(words[w]);
    if (len - i < n || (ci ? strncasecmp(s + i, words[w], n) : strncmp(s + i, words[w], n))) continue;
    unsigned char after = i + n < len ? (unsigned char)s[i + n] : 0;
    if (isalnum(after) || after == '_' || after == '$' || after >= 0x80) continue;
    *end = i + n;
    return w == 0 ? json_true() : w == 1 ? json_false() : json_null();
  }
  return NULL;
}

int b24_literal_fail(b24_body_read *out, size_t at, const char *msg) {
  if (!out->error) {
    out->error = b24_text_dup(msg, strlen(msg));
    out->error_at = at;
  }
  return -1;
}

void b24_literal_drop_notes(b24_body_read *out, size_t n) {
  while (out->n_nonliteral > n) free(out->nonliteral[--out->n_nonliteral]);
}

json_t *b24_literal_expression(b24_body_read *out, const b24_buf *path, const char *s, size_t i,
                               size_t e, size_t *pos) {
  size_t a = i, z = e;
  while (a < z && isspace((unsigned char)s[a])) a++;
  while (z > a && isspace((unsigned char)s[z - 1])) z--;
  if (a == z) {
    b24_literal_fail(out, i, "a value expected");
    return NULL;
  }
  json_t *v = json_stringn(s + a, z - a);
  if (!v) {
    b24_literal_fail(out, i, "a value that is not UTF-8");
    return NULL;
  }
  b24_body_read_note(out, path->data ? path->data : "");
  *pos = e;
  return v;
}

/* Before a value at i: 0 and one level deeper, or -1 (the end of the input, or
 * nested too deeply) with the error set. */
static int enter(b24_literal_reader *r, size_t i) {
  if (i >= r->len) return b24_literal_fail(r->out, i, "a value expected");
  if (r->depth >= 200) return b24_literal_fail(r->out, i, "nested too deeply");
  r->depth++;
  return 0;
}

/* The string literal at i as a value, *e past it; NULL when it is not one (an
 * interpolating string: an expression), NULL with the error set when it does
 * not end. */
static json_t *string_value(b24_literal_reader *r, size_t i, size_t *e) {
  if (r->string_end(r->s, r->len, i) == B24_LITERAL_NONE) {
    b24_literal_fail(r->out, i, "a string that does not end");
    return NULL;
  }
  char *str = r->string(r->s, r->len, i, e);
  json_t *v = str ? json_string(str) : NULL;
  free(str);
  return v;
}

static int starts_number(const char *s, size_t len, size_t i) {
  char ch = s[i];
  return isdigit((unsigned char)ch) || ((ch == '-' || ch == '+' || ch == '.') && i + 1 < len &&
                                        (isdigit((unsigned char)s[i + 1]) || s[i + 1] == '.'));
}

/* Past the number that starts at i (digits, letters of 0x.. and exponents, '.', '_'). */
static size_t number_end(const char *s, size_t len, size_t i) {
  size_t e = i + 1;
  while (e < len && (isalnum((unsigned char)s[e]) || s[e] == '.' || s[e] == '_' ||
                     ((s[e] == '-' || s[e] == '+') && (s[e - 1] == 'e' || s[e - 1] == 'E'))))
    e++;
  return e;
}

json_t *b24_literal_value(b24_literal_reader *r, size_t *pos) {
  size_t i = r->skip_space(r->s, r->len, *pos), e = i, notes = r->out->n_nonliteral;
  if (enter(r, i)) return NULL;
  int is = 0;
  json_t *v = r->structure(r, i, &e, &is);
  if (is) {
  } else if (r->s[i] == '\'' || r->s[i] == '"' || r->s[i] == '`') {
    v = string_value(r, i, &e);
  } else if (starts_number(r->s, r->len, i)) {
    e = number_end(r->s, r->len, i);
    v = b24_text_number(r->s + i, e - i, 1);
  } else {
    v = b24_text_keyword(r->s, r->len, i, &e, r->keywords_ci);
  }
  r->depth--;
  if (r->out->error) {
    json_decref(v);
    return NULL;
  }
  if (v && r->value_ends(r, e)) {
    *pos = e;
    return v;
  }
  /* not a literal, or a literal that starts an expression: the source text */
  json_decref(v);
  b24_literal_drop_notes(r->out, notes);
  if (b24_text_at(r->s, r->len, i, "...")) {
    b24_literal_fail(r->out, i, "a spread or an abbreviation (...)");
    return NULL;
  }
  return b24_literal_expression(r->out, &r->path, r->s, i, r->expression_end(r->s, r->len, i), pos);
}

json_t *b24_literal_run(b24_literal_reader *r, size_t *pos) {
  r->path = (b24_buf)B24_BUF_INIT;
  b24_buf_putc(&r->path, 0);
  r->path.len = 0;
  r->depth = 0;
  json_t *v = b24_literal_value(r, pos);
  b24_buf_free(&r->path);
  return v;
}

size_t b24_text_expression_end(const char *s, size_t len, size_t i,
                               size_t (*skip_space)(const char *, size_t, size_t),
                               size_t (*string_end)(const char *, size_t, size_t), int arrow_ends) {
  int depth = 0;
  while (i < len) {
    size_t k = skip_space(s, len, i);
    if (k != i) {
      i = k;
      continue;
    }
    char c = s[i];
    if (c == '\'' || c == '"' || c == '`') {
      size_t e = string_end(s, len, i);
      if (e == B24_LITERAL_NONE) return len;
      i = e;
      continue;
    }
    if (c == '(' || c == '[' || c == '{') depth++;
    else if (c == ')' || c == ']' || c == '}') {
      if (!depth) return i;
      depth--;
    } else if (!depth && (c == ',' || c == ';' || (arrow_ends && c == '=' && i + 1 < len && s[i + 1] == '>'))) {
      return i;
    }
    i++;
  }
  return len;
}
