/* Examples with elisions -> JSON. One pass rewrites the text into strict JSON
 * (comments and ellipses dropped, commas put only between two values) and
 * jansson reads the result, so that what counts as JSON stays jansson's. */
#include "model/example_json.h"

#include <string.h>

#include "util/buf.h"

/* Past the string starting at s[i] (a '"'), its JSON spelling appended to out;
 * 0 when it does not end. */
static size_t copy_string(const char *s, size_t len, size_t i, b24_buf *out) {
  b24_buf_putc(out, '"');
  for (i++; i < len; i++) {
    char c = s[i];
    if (c == '"') {
      b24_buf_putc(out, '"');
      return i + 1;
    }
    if (c == '\\' && i + 1 < len && s[i + 1] && strchr("\"\\/bfnrtu", s[i + 1])) {
      b24_buf_putc(out, '\\');
      b24_buf_putc(out, s[++i]);
    } else if (c == '\\') b24_buf_puts(out, "\\\\");
    else if (c == '\n') b24_buf_puts(out, "\\n");
    else if (c == '\r') b24_buf_puts(out, "\\r");
    else if (c == '\t') b24_buf_puts(out, "\\t");
    else b24_buf_putc(out, c);
  }
  return 0;
}

/* Past the elision at s[i] (a comment, two or more dots, U+2026), or i when
 * none starts there. */
static size_t skip_elision(const char *s, size_t len, size_t i) {
  if (s[i] == '/' && i + 1 < len && s[i + 1] == '/') {
    while (i < len && s[i] != '\n') i++;
    return i;
  }
  if (s[i] == '/' && i + 1 < len && s[i + 1] == '*') {
    for (i += 2; i + 1 < len && !(s[i] == '*' && s[i + 1] == '/'); i++) {
    }
    return i + 1 < len ? i + 2 : len;
  }
  if (s[i] == '.' && i + 1 < len && s[i + 1] == '.') {
    while (i < len && s[i] == '.') i++;
    return i;
  }
  if (i + 2 < len && !memcmp(s + i, "\xe2\x80\xa6", 3)) return i + 3;
  return i;
}

json_t *b24_example_json_elided(const char *s, size_t len, size_t flags) {
  b24_buf out = B24_BUF_INIT;
  b24_buf_reserve(&out, len + 16);
  char last = 0; /* the last structural or value character put out */
  int comma = 0; /* a comma seen and not yet put out */
  int line = 0;  /* a line break since the last character put out */
  for (size_t i = 0; i < len;) {
    unsigned char c = (unsigned char)s[i];
    size_t e = skip_elision(s, len, i);
    if (e != i) {
      i = e;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      line |= c == '\n';
      b24_buf_putc(&out, (char)c);
      i++;
      continue;
    }
    if (c == ',') {
      comma = 1;
      i++;
      continue;
    }
    /* a comma goes out only between two values: not after an opening
     * bracket, a colon or another comma, nor before a closing one. A value
     * that starts on a line of its own after another one ("}" then "{" below
     * it, where an elision was cut out) lacks only its comma. */
    int after_value = last && !strchr("[{:", last);
    if (after_value && c != ']' && c != '}' && (comma || (line && strchr("\"{[-0123456789tfn", c))))
      b24_buf_putc(&out, ',');
    comma = 0;
    line = 0;
    if (c == '"') {
      i = copy_string(s, len, i, &out);
      if (!i) break;
      last = '"';
      continue;
    }
    b24_buf_putc(&out, (char)c);
    last = (char)c;
    i++;
  }
  json_error_t err;
  json_t *j = out.data ? json_loadb(out.data, out.len, flags, &err) : NULL;
  b24_buf_free(&out);
  return j;
}
