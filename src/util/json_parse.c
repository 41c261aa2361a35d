/* JSON text to jansson values. jansson's reader takes its input a byte at a time
 * through a callback, copies every token into a buffer, and checks UTF-8 as a
 * second pass; the runner parses one answer per request, and that reader was half
 * of its instructions. Here the text is scanned in place: a string without
 * escapes goes to jansson straight from the input, numbers are read as they are
 * scanned. What is accepted and what is built follow json_loadb with
 * JSON_DECODE_ANY exactly (tests/util/json_parse_test.c and the differential fuzzer
 * tests/fuzz/fuzz_json.c compare the two): the same UTF-8 rules, no "\u0000", the
 * same nesting limit, integers that overflow json_int_t rejected, a later
 * duplicate key replacing the earlier value in its place, even a NUL byte after a
 * number or a literal passed over as jansson does. */
#include "util/json_parse.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/json_scan.h"

/* jansson's JSON_PARSER_MAX_DEPTH: every value counts, a scalar included. */
enum { MAX_DEPTH = 2048 };

typedef struct parser {
  const char *p, *end;
  int depth;
  b24_buf scratch; /* decoded strings and long numbers, used as a stack */
} parser;

/* A string as read: in the input, or decoded at an offset of the scratch stack
 * (an offset, since a nested value may move the stack). */
typedef struct str_ref {
  const char *in;
  size_t off, len;
} str_ref;

static const char *str_bytes(const parser *ps, const str_ref *s) {
  return s->in ? s->in : ps->scratch.data + s->off;
}

static void skip_space(parser *ps) {
  while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\n' || *ps->p == '\r' || *ps->p == '\t'))
    ps->p++;
}

/* The length of the well-formed UTF-8 sequence at s (at most n bytes), 0 when
 * it is not: overlong forms, surrogates and code points past U+10FFFF are not. */
static size_t utf8_sequence(const unsigned char *s, size_t n) {
  unsigned c = s[0];
  size_t len;
  uint32_t v;
  if (c >= 0xC2 && c <= 0xDF) len = 2, v = c & 0x1F;
  else if (c >= 0xE0 && c <= 0xEF) len = 3, v = c & 0x0F;
  else if (c >= 0xF0 && c <= 0xF4) len = 4, v = c & 0x07;
  else return 0;
  if (len > n) return 0;
  for (size_t i = 1; i < len; i++) {
    if (s[i] < 0x80 || s[i] > 0xBF) return 0;
    v = v << 6 | (s[i] & 0x3F);
  }
  if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
  if ((len == 3 && v < 0x800) || (len == 4 && v < 0x10000)) return 0;
  return len;
}

static int hex4(const char *s, uint32_t *v) {
  *v = 0;
  for (int i = 0; i < 4; i++) {
    char c = s[i];
    int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
          : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    if (d < 0) return 0;
    *v = *v << 4 | (uint32_t)d;
  }
  return 1;
}

static void put_utf8(b24_buf *b, uint32_t v) {
  char u[4];
  size_t n;
  if (v < 0x80) u[0] = (char)v, n = 1;
  else if (v < 0x800) u[0] = (char)(0xC0 | v >> 6), u[1] = (char)(0x80 | (v & 0x3F)), n = 2;
  else if (v < 0x10000)
    u[0] = (char)(0xE0 | v >> 12), u[1] = (char)(0x80 | (v >> 6 & 0x3F)),
    u[2] = (char)(0x80 | (v & 0x3F)), n = 3;
  else
    u[0] = (char)(0xF0 | v >> 18), u[1] = (char)(0x80 | (v >> 12 & 0x3F)),
    u[2] = (char)(0x80 | (v >> 6 & 0x3F)), u[3] = (char)(0x80 | (v & 0x3F)), n = 4;
  b24_buf_put(b, u, n);
}

/* One escape after the backslash at ps->p, decoded onto the scratch stack. */
static int read_escape(parser *ps) {
  const char *s = ps->p + 1;
  if (s >= ps->end) return 0;
  static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
  const char *k = *s ? strchr(from, *s) : NULL;
  if (k) {
    b24_buf_putc(&ps->scratch, to[k - from]);
    ps->p = s + 1;
    return 1;
  }
  uint32_t v, lo;
  if (*s != 'u' || ps->end - s < 5 || !hex4(s + 1, &v)) return 0;
  s += 5;
  if (v >= 0xDC00 && v <= 0xDFFF) return 0; /* a low surrogate first */
  if (v >= 0xD800 && v <= 0xDBFF) {          /* a high one needs its low one */
    if (ps->end - s < 6 || s[0] != '\\' || s[1] != 'u' || !hex4(s + 2, &lo) || lo < 0xDC00 ||
        lo > 0xDFFF)
      return 0;
    v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
    s += 6;
  }
  if (v == 0) return 0; /* jansson wants JSON_ALLOW_NUL for it */
  put_utf8(&ps->scratch, v);
  ps->p = s;
  return 1;
}

/* The string whose opening quote is at ps->p. Plain bytes are only checked; the
 * first escape moves what follows onto the scratch stack. */
static int read_string(parser *ps, str_ref *out) {
  const char *start = ++ps->p;
  int decoding = 0;
  while (ps->p < ps->end) {
    size_t run = b24_json_plain_run(ps->p, (size_t)(ps->end - ps->p), 1);
    if (decoding) b24_buf_put(&ps->scratch, ps->p, run);
    ps->p += run;
    if (ps->p == ps->end) break;
    unsigned char c = (unsigned char)*ps->p;
    if (c == '"') {
      if (decoding) out->len = ps->scratch.len - out->off;
      else *out = (str_ref){start, 0, (size_t)(ps->p - start)};
      ps->p++;
      return 1;
    }
    if (c == '\\') {
      if (!decoding) {
        decoding = 1;
        *out = (str_ref){NULL, ps->scratch.len, 0};
        b24_buf_put(&ps->scratch, start, (size_t)(ps->p - start));
      }
      if (!read_escape(ps)) return 0;
      continue;
    }
    if (c < 0x20) return 0;
    size_t n = 1;
    if (c >= 0x80 && !(n = utf8_sequence((const unsigned char *)ps->p, (size_t)(ps->end - ps->p))))
      return 0;
    if (decoding) b24_buf_put(&ps->scratch, ps->p, n);
    ps->p += n;
  }
  return 0;
}

static int is_digit(const parser *ps, const char *s) { return s < ps->end && *s >= '0' && *s <= '9'; }

/* The real that the well-formed number text [s, end) stands for, when a double
 * multiplication or division gives it exactly as strtod would (Clinger's fast
 * path): its digits, the point left out, make an integer of at most 2^53 and its
 * power of ten is within 10^±22, both exact doubles, so the one operation rounds
 * correctly. 0 otherwise, for strtod. strtod was most of reading a real. */
static int exact_real(const char *s, const char *int_end, const char *end, double *out) {
  static const double powers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                  1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                  1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  const uint64_t limit = (uint64_t)1 << 53;
  int neg = *s == '-';
  uint64_t v = 0;
  long e10 = 0;
  const char *p = s + neg;
  for (; p < end && *p != 'e' && *p != 'E'; p++) {
    if (*p == '.') continue;
    v = v * 10 + (unsigned)(*p - '0');
    if (v > limit) return 0;
    if (p > int_end) e10--; /* a digit of the fraction */
  }
  if (p < end) { /* the exponent: a few digits, or it is strtod's */
    int eneg = *++p == '-';
    if (*p == '-' || *p == '+') p++;
    if (end - p > 4) return 0;
    long x = 0;
    for (; p < end; p++) x = x * 10 + (*p - '0');
    e10 += eneg ? -x : x;
  }
  if (e10 < -22 || e10 > 22) return 0;
  double d = (double)v;
  d = e10 < 0 ? d / powers[-e10] : d * powers[e10];
  *out = neg ? -d : d;
  return 1;
}

/* A number as JSON spells it: an integer (json_int_t, overflow rejected as
 * jansson does) unless it has a fraction or an exponent, then a real. */
static json_t *read_number(parser *ps) {
  const char *s = ps->p, *q = s;
  int neg = *q == '-';
  if (neg) q++;
  if (!is_digit(ps, q)) return NULL;
  if (*q == '0') {
    q++;
    if (is_digit(ps, q)) return NULL;
  } else
    while (is_digit(ps, q)) q++;
  const char *int_end = q;
  int real = 0;
  if (q < ps->end && *q == '.') {
    q++;
    if (!is_digit(ps, q)) return NULL;
    while (is_digit(ps, q)) q++;
    real = 1;
  }
  if (q < ps->end && (*q == 'e' || *q == 'E')) {
    q++;
    if (q < ps->end && (*q == '+' || *q == '-')) q++;
    if (!is_digit(ps, q)) return NULL;
    while (is_digit(ps, q)) q++;
    real = 1;
  }
  ps->p = q;
  if (!real) {
    uint64_t limit = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX, v = 0;
    for (const char *d = s + neg; d < int_end; d++) {
      unsigned digit = (unsigned)(*d - '0');
      if (v > (limit - digit) / 10) return NULL;
      v = v * 10 + digit;
    }
    json_int_t i = neg ? (v == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(json_int_t)v) : (json_int_t)v;
    return json_integer(i);
  }
  double fast;
  if (exact_real(s, int_end, q, &fast)) return json_real(fast);
  /* strtod wants a terminated string; the text is short but not always */
  char small[64], *text = small;
  size_t n = (size_t)(q - s), mark = ps->scratch.len;
  if (n >= sizeof small) {
    b24_buf_put(&ps->scratch, s, n);
    text = ps->scratch.data + mark;
  } else {
    memcpy(small, s, n);
    small[n] = 0;
  }
  errno = 0;
  double d = strtod(text, NULL);
  ps->scratch.len = mark;
  if (errno == ERANGE && (d == HUGE_VAL || d == -HUGE_VAL)) return NULL;
  return json_real(d);
}

static int literal(parser *ps, const char *word, size_t n) {
  if ((size_t)(ps->end - ps->p) < n || memcmp(ps->p, word, n)) return 0;
  ps->p += n;
  return 1;
}

static json_t *read_value(parser *ps);

/* Consumes c, and the space after it, when c comes next. */
static int take(parser *ps, char c) {
  if (ps->p >= ps->end || *ps->p != c) return 0;
  ps->p++;
  skip_space(ps);
  return 1;
}

/* One "key": value of an object, into obj. */
static int object_member(parser *ps, json_t *obj) {
  str_ref key;
  size_t mark = ps->scratch.len;
  if (ps->p >= ps->end || *ps->p != '"' || !read_string(ps, &key)) return 0;
  skip_space(ps);
  json_t *v = take(ps, ':') ? read_value(ps) : NULL;
  if (v) json_object_setn_new_nocheck(obj, str_bytes(ps, &key), key.len, v);
  ps->scratch.len = mark;
  return v != NULL;
}

static int array_member(parser *ps, json_t *arr) {
  json_t *v = read_value(ps);
  if (v) json_array_append_new(arr, v);
  return v != NULL;
}

/* An object or an array, from its opening bracket to close: the container, or
 * NULL when its members are malformed. */
static json_t *read_container(parser *ps, json_t *c, char close, int (*member)(parser *, json_t *)) {
  ps->p++;
  skip_space(ps);
  if (take(ps, close)) return c;
  do {
    if (!member(ps, c)) break;
    skip_space(ps);
    if (take(ps, close)) return c;
  } while (take(ps, ','));
  json_decref(c);
  return NULL;
}

/* The value at ps->p (no space before it). */
static json_t *read_value(parser *ps) {
  if (ps->p >= ps->end || ++ps->depth > MAX_DEPTH) return NULL;
  json_t *v = NULL;
  switch (*ps->p) {
    case '{': v = read_container(ps, json_object(), '}', object_member); break;
    case '[': v = read_container(ps, json_array(), ']', array_member); break;
    case '"': {
      size_t mark = ps->scratch.len;
      str_ref s;
      if (read_string(ps, &s)) v = json_stringn_nocheck(str_bytes(ps, &s), s.len);
      ps->scratch.len = mark;
      break;
    }
    case 't': v = literal(ps, "true", 4) ? json_true() : NULL; break;
    case 'f': v = literal(ps, "false", 5) ? json_false() : NULL; break;
    case 'n': v = literal(ps, "null", 4) ? json_null() : NULL; break;
    default: v = read_number(ps);
  }
  /* jansson's reader loses the byte it puts back after a number or a word when
   * that byte is NUL, so one NUL right after them goes unseen: so here too */
  if (v && !json_is_object(v) && !json_is_array(v) && !json_is_string(v) && ps->p < ps->end &&
      *ps->p == '\0')
    ps->p++;
  ps->depth--;
  return v;
}

json_t *b24_json_parse(const char *text, size_t len) {
  parser ps = {text, text + len, 0, B24_BUF_INIT};
  skip_space(&ps);
  json_t *v = read_value(&ps);
  skip_space(&ps);
  if (v && ps.p != ps.end) {
    json_decref(v);
    v = NULL;
  }
  b24_buf_free(&ps.scratch);
  return v;
}

json_t *b24_json_load(const char *text, size_t len, json_error_t *err) {
  json_t *v = b24_json_parse(text, len);
  if (json_is_object(v) || json_is_array(v)) return v;
  json_decref(v);
  return json_loadb(text, len, 0, err);
}
