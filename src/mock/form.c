/* PHP-style form decoding (see form.h). Containers are jansson objects while the
 * tree is built; each carries PHP's "next free index" under a key that is not
 * valid UTF-8 and so can never be a decoded key (decoded keys are made valid
 * UTF-8 first). mock_form_finish removes it and turns list-like objects into
 * arrays. */
#include "mock/form.h"

#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

#define NEXT_KEY "\xff"
#define MAX_NESTING 64 /* PHP's max_input_nesting_level */

struct mock_form {
  json_t *root;
};

static int utf8_seq_len(const unsigned char *s, size_t n) {
  unsigned c = s[0];
  if (c < 0x80) return 1;
  int len;
  unsigned min;
  if ((c & 0xE0) == 0xC0) len = 2, min = 0x80;
  else if ((c & 0xF0) == 0xE0) len = 3, min = 0x800;
  else if ((c & 0xF8) == 0xF0) len = 4, min = 0x10000;
  else return 0;
  if ((size_t)len > n) return 0;
  unsigned cp = c & (0x3F >> (len - 1));
  for (int i = 1; i < len; i++) {
    if ((s[i] & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (s[i] & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

/* Valid UTF-8 copy of s with each bad byte replaced by U+FFFD; malloc'd. */
static char *utf8_lossy(const char *s, size_t len, size_t *out_len) {
  b24_buf b = B24_BUF_INIT;
  b24_buf_reserve(&b, len + 1);
  const unsigned char *p = (const unsigned char *)s;
  for (size_t i = 0; i < len;) {
    int n = utf8_seq_len(p + i, len - i);
    if (n > 0) {
      b24_buf_put(&b, s + i, (size_t)n);
      i += (size_t)n;
    } else {
      b24_buf_put(&b, "\xEF\xBF\xBD", 3);
      i++;
    }
  }
  *out_len = b.len;
  return b24_buf_take(&b);
}

json_t *mock_json_string_lossy(const char *s, size_t len) {
  json_t *j = json_stringn(s, len);
  if (j) return j;
  size_t n;
  char *fixed = utf8_lossy(s, len, &n);
  j = json_stringn(fixed, n);
  free(fixed);
  return j;
}

static json_t *new_container(void) {
  json_t *o = json_object();
  json_object_set_new_nocheck(o, NEXT_KEY, json_integer(0));
  return o;
}

mock_form *mock_form_new(void) {
  mock_form *f = malloc(sizeof *f);
  if (!f) abort();
  f->root = new_container();
  return f;
}

void mock_form_free(mock_form *f) {
  if (!f) return;
  json_decref(f->root);
  free(f);
}

/* PHP's integer-key rule: a canonical decimal ("0", "17", "-3"; not "01", "+1"). */
static int php_int_key(const char *k, size_t n, long long *out) {
  size_t i = 0;
  if (n && k[0] == '-') i = 1;
  if (i == n || n - i > 18) return 0;
  if (k[i] == '0' && (n - i > 1 || i == 1)) return 0;
  long long v = 0;
  for (size_t j = i; j < n; j++) {
    if (k[j] < '0' || k[j] > '9') return 0;
    v = v * 10 + (k[j] - '0');
  }
  *out = i ? -v : v;
  return 1;
}

static long long next_index(json_t *o) {
  return json_integer_value(json_object_get(o, NEXT_KEY));
}

/* Sets o[key] (key as decoded from the request; "" with append means "[]"),
 * keeping PHP's next free index; returns the stored value (borrowed). */
static json_t *container_set(json_t *o, const char *key, size_t key_len, int append,
                             json_t *value) {
  char numbuf[32];
  long long idx;
  char *owned = NULL;
  const char *k;
  if (append) {
    idx = next_index(o);
    snprintf(numbuf, sizeof numbuf, "%lld", idx);
    k = numbuf;
  } else {
    size_t n;
    owned = utf8_lossy(key, strnlen(key, key_len), &n);
    k = owned;
    if (!php_int_key(k, n, &idx)) idx = -1;
  }
  if (idx >= 0 && idx >= next_index(o))
    json_object_set_new_nocheck(o, NEXT_KEY, json_integer(idx + 1));
  json_object_set_new(o, k, value);
  free(owned);
  return value;
}

/* The child container under key, replacing a scalar there (PHP does the same
 * when "a=1" is followed by "a[b]=2"). */
static json_t *child_container(json_t *o, const char *key, size_t key_len, int append) {
  if (!append) {
    size_t n;
    char *k = utf8_lossy(key, strnlen(key, key_len), &n);
    json_t *c = json_object_get(o, k);
    free(k);
    if (c && json_object_get(c, NEXT_KEY)) return c;
  }
  return container_set(o, key, key_len, append, new_container());
}

/* php_register_variable_ex's key grammar: base name (leading spaces skipped,
 * ' ' and '.' become '_'), then [index] groups; an unclosed first '[' is taken
 * literally as '_'; text after a ']' that is not '[' is ignored. */
void mock_form_set(mock_form *f, const char *key, size_t key_len, const char *value,
                   size_t value_len) {
  size_t i = 0;
  while (i < key_len && key[i] == ' ') i++;
  const char *base = key + i;
  size_t rest = key_len - i;
  const char *br = memchr(base, '[', rest);
  size_t base_len = br ? (size_t)(br - base) : rest;
  int literal = br && !memchr(br, ']', rest - base_len);
  if (literal) base_len = rest;
  if (base_len == 0) return;
  char *name = malloc(base_len + 1);
  if (!name) abort();
  memcpy(name, base, base_len);
  name[base_len] = 0;
  for (size_t j = 0; j < base_len; j++) {
    if (name[j] == ' ' || name[j] == '.') name[j] = '_';
    if (literal && name[j] == '[') {
      name[j] = '_';
      literal = 0; /* only the first bracket is replaced */
    }
  }
  json_t *val = mock_json_string_lossy(value ? value : "", value ? value_len : 0);
  if (!br || base_len == rest) {
    container_set(f->root, name, base_len, 0, val);
    free(name);
    return;
  }
  /* Walk the [index] groups: all but the last name containers. */
  json_t *cur = f->root;
  const char *seg_key = name;
  size_t seg_len = base_len;
  int seg_append = 0;
  const char *p = br;
  const char *end = base + rest;
  int depth = 0;
  while (p < end && *p == '[') {
    const char *close = memchr(p + 1, ']', (size_t)(end - p - 1));
    if (!close) break;
    if (++depth > MAX_NESTING) {
      json_decref(val);
      free(name);
      return;
    }
    cur = child_container(cur, seg_key, seg_len, seg_append);
    seg_key = p + 1;
    seg_len = (size_t)(close - p - 1);
    seg_append = seg_len == 0;
    p = close + 1;
  }
  container_set(cur, seg_key, seg_len, seg_append, val);
  free(name);
}

static int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* application/x-www-form-urlencoded decoding of one part, into out. */
static void url_decode(const char *s, size_t n, b24_buf *out) {
  b24_buf_clear(out);
  b24_buf_reserve(out, n + 1);
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c == '+') c = ' ';
    else if (c == '%' && i + 2 < n && hexval(s[i + 1]) >= 0 && hexval(s[i + 2]) >= 0) {
      c = (char)(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
      i += 2;
    }
    b24_buf_putc(out, c);
  }
}

void mock_form_parse(mock_form *f, const char *text, size_t len) {
  b24_buf k = B24_BUF_INIT, v = B24_BUF_INIT;
  size_t i = 0;
  while (i < len) {
    const char *amp = memchr(text + i, '&', len - i);
    size_t end = amp ? (size_t)(amp - text) : len;
    if (end > i) {
      const char *eq = memchr(text + i, '=', end - i);
      size_t kend = eq ? (size_t)(eq - text) : end;
      url_decode(text + i, kend - i, &k);
      if (eq) url_decode(eq + 1, end - kend - 1, &v);
      else b24_buf_clear(&v);
      mock_form_set(f, k.data ? k.data : "", k.len, v.data ? v.data : "", v.len);
    }
    i = end + 1;
  }
  b24_buf_free(&k);
  b24_buf_free(&v);
}

/* Drops the index bookkeeping; an object keyed "0".."n-1" in order becomes an
 * array, as PHP's json_encode writes such an array. Returns a new reference. */
static json_t *finish_node(json_t *o) {
  if (!json_is_object(o) || !json_object_get(o, NEXT_KEY)) return json_incref(o);
  json_object_del(o, NEXT_KEY);
  size_t i = 0;
  int listlike = json_object_size(o) > 0;
  const char *key;
  json_t *val;
  char numbuf[32];
  json_object_foreach(o, key, val) {
    snprintf(numbuf, sizeof numbuf, "%zu", i++);
    if (strcmp(key, numbuf)) {
      listlike = 0;
      break;
    }
  }
  json_t *out = listlike ? json_array() : json_object();
  json_object_foreach(o, key, val) {
    json_t *c = finish_node(val);
    if (listlike) json_array_append_new(out, c);
    else json_object_set_new_nocheck(out, key, c);
  }
  return out;
}

json_t *mock_form_finish(mock_form *f) {
  json_t *out = finish_node(f->root);
  if (!json_is_object(out)) { /* "0=a&1=b": the top level stays a map of names */
    json_t *o = json_object();
    size_t i;
    json_t *v;
    char numbuf[32];
    json_array_foreach(out, i, v) {
      snprintf(numbuf, sizeof numbuf, "%zu", i);
      json_object_set(o, numbuf, v);
    }
    json_decref(out);
    out = o;
  }
  mock_form_free(f);
  return out;
}
