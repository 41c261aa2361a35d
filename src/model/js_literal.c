/* JS object literals -> JSON; expressions kept as their source text. */
#include "model/js_literal.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/literal_text.h"

#define NONE B24_LITERAL_NONE

typedef b24_literal_reader ctx;

size_t b24_js_skip_space(const char *s, size_t len, size_t i) {
  while (i < len) {
    if (isspace((unsigned char)s[i])) i++;
    else if (s[i] == '/' && i + 1 < len && s[i + 1] == '/')
      while (i < len && s[i] != '\n') i++;
    else if (s[i] == '/' && i + 1 < len && s[i + 1] == '*') {
      const char *e = b24_memmem(s + i + 2, len - i - 2, "*/", 2);
      i = e ? (size_t)(e - s) + 2 : len;
    } else break;
  }
  return i;
}

static int is_quote(char c) { return c == '\'' || c == '"' || c == '`'; }

/* Past the string or template starting at i, or NONE when it does not end. A
 * template's ${...} parts are skipped as expressions. */
static size_t string_end(const char *s, size_t len, size_t i) {
  char q = s[i++];
  while (i < len) {
    char c = s[i];
    if (c == '\\') i += 2;
    else if (c == q) return i + 1;
    else if (c == '\n' && q != '`') return NONE;
    else if (q == '`' && c == '$' && i + 1 < len && s[i + 1] == '{') {
      size_t e = b24_js_expression_end(s, len, i + 2);
      if (e >= len || s[e] != '}') return NONE;
      i = e + 1;
    } else i++;
  }
  return NONE;
}

size_t b24_js_expression_end(const char *s, size_t len, size_t i) {
  return b24_text_expression_end(s, len, i, b24_js_skip_space, string_end, 0);
}

char *b24_js_string(const char *s, size_t len, size_t i, size_t *end) {
  if (i >= len || !is_quote(s[i])) return NULL;
  size_t e = string_end(s, len, i);
  if (e == NONE) return NULL;
  if (s[i] == '`' && b24_memmem(s + i, e - i, "${", 2)) return NULL;
  b24_buf b = B24_BUF_INIT;
  b24_buf_reserve(&b, e - i);
  b.data[0] = 0;
  for (size_t k = i + 1; k + 1 < e;) {
    if (s[k] != '\\') {
      b24_buf_putc(&b, s[k++]);
      continue;
    }
    char c = s[k + 1];
    k += 2;
    static const char from[] = "nrtbfv", to[] = "\n\r\t\b\f\v";
    const char *p = c ? strchr(from, c) : NULL;
    if (p) b24_buf_putc(&b, to[p - from]);
    else if (c == '0' && !(k < e && isdigit((unsigned char)s[k]))) b24_buf_putc(&b, 0);
    else if (c == 'x') k = b24_text_hex_escape(s, e - 1, k, 2, &b);
    else if (c == 'u') k = b24_text_unicode_escape(s, e - 1, k, &b);
    else if (c == '\r' && k < e && s[k] == '\n') k++;
    else if (c != '\n') b24_buf_putc(&b, c);
  }
  *end = e;
  return b24_buf_take(&b);
}


static int is_ident(unsigned char ch) { return isalnum(ch) || ch == '_' || ch == '$' || ch >= 0x80; }

/* A key: an identifier, a number or a string (malloc'd into *key), *pos past it. */
static int read_key(ctx *c, size_t *pos, char **key, size_t *key_len) {
  size_t i = *pos, e;
  if (is_quote(c->s[i])) {
    *key = b24_js_string(c->s, c->len, i, &e);
    if (!*key) return b24_literal_fail(c->out, i, "a computed or unterminated key");
    *key_len = strlen(*key);
  } else if (is_ident((unsigned char)c->s[i])) {
    for (e = i; e < c->len && (is_ident((unsigned char)c->s[e]) || c->s[e] == '.'); e++)
      ;
    *key = b24_text_dup(c->s + i, e - i);
    *key_len = e - i;
  } else {
    return b24_literal_fail(c->out, i, c->s[i] == '[' ? "a computed key [...]" : "a key expected");
  }
  *pos = e;
  return 0;
}

static json_t *read_object(ctx *c, size_t *pos) {
  json_t *o = json_object();
  size_t i = *pos + 1, mark = c->path.len;
  for (;;) {
    i = b24_js_skip_space(c->s, c->len, i);
    if (i >= c->len) goto fail_end;
    if (c->s[i] == '}') break;
    if (b24_text_at(c->s, c->len, i, "...")) {
      b24_literal_fail(c->out, i, "a spread or an abbreviation (...) in an object");
      goto fail;
    }
    char *key = NULL;
    size_t key_len = 0;
    if (read_key(c, &i, &key, &key_len)) goto fail;
    i = b24_js_skip_space(c->s, c->len, i);
    b24_pointer_push_key(&c->path, key, key_len);
    json_t *v;
    if (i < c->len && c->s[i] == ':') {
      i++;
      v = b24_literal_value(c, &i);
    } else if (i < c->len && (c->s[i] == ',' || c->s[i] == '}')) {
      v = json_stringn(key, key_len); /* { id } is { id: id } */
      b24_body_read_note(c->out, c->path.data);
    } else {
      b24_literal_fail(c->out, i, i < c->len && c->s[i] == '(' ? "a method in an object" : "':' expected");
      v = NULL;
    }
    b24_pointer_pop(&c->path, mark);
    int bad = !v || json_object_setn_new(o, key, key_len, v);
    free(key);
    if (bad) {
      if (v) b24_literal_fail(c->out, i, "a key that is not UTF-8");
      goto fail;
    }
    i = b24_js_skip_space(c->s, c->len, i);
    if (i < c->len && c->s[i] == ',') i++;
    else if (i < c->len && c->s[i] == '}') break;
    else if (i >= c->len) goto fail_end;
    else {
      b24_literal_fail(c->out, i, "',' or '}' expected");
      goto fail;
    }
  }
  *pos = i + 1;
  return o;
fail_end:
  b24_literal_fail(c->out, *pos, "an object that does not end");
fail:
  json_decref(o);
  return NULL;
}

static json_t *read_array(ctx *c, size_t *pos) {
  json_t *a = json_array();
  size_t i = *pos + 1, mark = c->path.len;
  for (;;) {
    i = b24_js_skip_space(c->s, c->len, i);
    if (i >= c->len) {
      b24_literal_fail(c->out, *pos, "an array that does not end");
      goto fail;
    }
    if (c->s[i] == ']') break;
    if (b24_text_at(c->s, c->len, i, "...")) {
      b24_literal_fail(c->out, i, "a spread or an abbreviation (...) in an array");
      goto fail;
    }
    json_t *v;
    if (c->s[i] == ',') {
      v = json_null(); /* a hole */
    } else {
      b24_pointer_push_index(&c->path, json_array_size(a));
      v = b24_literal_value(c, &i);
      b24_pointer_pop(&c->path, mark);
      if (!v) goto fail;
      i = b24_js_skip_space(c->s, c->len, i);
    }
    json_array_append_new(a, v);
    if (i < c->len && c->s[i] == ',') i++;
    else if (i < c->len && c->s[i] == ']') break;
    else {
      b24_literal_fail(c->out, i, "',' or ']' expected");
      goto fail;
    }
  }
  *pos = i + 1;
  return a;
fail:
  json_decref(a);
  return NULL;
}

/* Whether the literal that ends at e is the whole value: what follows ends a
 * value (',', a closing bracket, ';', the end, or a line break before more
 * code, where JS inserts a semicolon). Else it starts an expression ('a' + b). */
static int value_ends(const ctx *c, size_t e) {
  size_t k = b24_js_skip_space(c->s, c->len, e);
  if (k >= c->len || strchr(",)]};", c->s[k])) return 1;
  return memchr(c->s + e, '\n', k - e) != NULL && c->s[k] != '.' && c->s[k] != '?';
}

/* An object or array literal at i. */
static json_t *structure(ctx *c, size_t i, size_t *e, int *is) {
  *is = c->s[i] == '{' || c->s[i] == '[';
  if (!*is) return NULL;
  *e = i;
  return c->s[i] == '{' ? read_object(c, e) : read_array(c, e);
}

json_t *b24_js_read_value(const char *s, size_t len, size_t *pos, b24_body_read *out) {
  ctx c = {s, len, out, B24_BUF_INIT, 0, b24_js_expression_end, string_end, b24_js_string,
           b24_js_skip_space, structure, value_ends, 0};
  return b24_literal_run(&c, pos);
}
