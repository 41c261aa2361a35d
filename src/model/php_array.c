/* PHP arrays -> JSON as json_encode would make them; expressions kept as text. */
#include "model/php_array.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/literal_text.h"

#define NONE B24_LITERAL_NONE

typedef b24_literal_reader ctx;

size_t b24_php_skip_space(const char *s, size_t len, size_t i) {
  while (i < len) {
    if (isspace((unsigned char)s[i])) i++;
    else if ((s[i] == '/' && i + 1 < len && s[i + 1] == '/') || (s[i] == '#' && !(i + 1 < len && s[i + 1] == '[')))
      while (i < len && s[i] != '\n') i++;
    else if (s[i] == '/' && i + 1 < len && s[i + 1] == '*') {
      const char *e = b24_memmem(s + i + 2, len - i - 2, "*/", 2);
      i = e ? (size_t)(e - s) + 2 : len;
    } else break;
  }
  return i;
}

/* Past the quoted string at i, or NONE when it does not end. */
static size_t string_end(const char *s, size_t len, size_t i) {
  char q = s[i++];
  while (i < len && s[i] != q) i += s[i] == '\\' ? 2 : 1;
  return i < len ? i + 1 : NONE;
}

/* "$name" or "{$" inside a double-quoted string: PHP interpolates it. */
static int interpolates(const char *s, size_t i, size_t e) {
  for (size_t k = i + 1; k + 1 < e; k++) {
    if (s[k] == '\\') k++;
    else if ((s[k] == '$' && (isalpha((unsigned char)s[k + 1]) || s[k + 1] == '_' || s[k + 1] == '{')) ||
             (s[k] == '{' && s[k + 1] == '$'))
      return 1;
  }
  return 0;
}

size_t b24_php_expression_end(const char *s, size_t len, size_t i) {
  return b24_text_expression_end(s, len, i, b24_php_skip_space, string_end, 1);
}

char *b24_php_string(const char *s, size_t len, size_t i, size_t *end) {
  if (i >= len || (s[i] != '\'' && s[i] != '"')) return NULL;
  size_t e = string_end(s, len, i);
  if (e == NONE || (s[i] == '"' && interpolates(s, i, e))) return NULL;
  int dq = s[i] == '"';
  b24_buf b = B24_BUF_INIT;
  b24_buf_reserve(&b, e - i);
  b.data[0] = 0;
  for (size_t k = i + 1; k + 1 < e;) {
    char c = s[k];
    if (c != '\\' || k + 2 >= e) {
      b24_buf_putc(&b, c);
      k++;
      continue;
    }
    char x = s[k + 1];
    if (!dq) {
      if (x != '\'' && x != '\\') b24_buf_putc(&b, '\\');
      b24_buf_putc(&b, x);
      k += 2;
      continue;
    }
    static const char from[] = "ntrvef\\$\"", to[] = "\n\t\r\v\x1b\f\\$\"";
    const char *p = strchr(from, x);
    k += 2;
    if (x && p) {
      b24_buf_putc(&b, to[p - from]);
    } else if (x >= '0' && x <= '7') {
      unsigned v = (unsigned)(x - '0');
      for (int n = 1; n < 3 && k + 1 < e && s[k] >= '0' && s[k] <= '7'; n++) v = v * 8 + (unsigned)(s[k++] - '0');
      b24_buf_putc(&b, (char)v);
    } else if (x == 'x' && k + 1 < e && isxdigit((unsigned char)s[k])) {
      size_t was = b.len;
      k = b24_text_hex_escape(s, e - 1, k, 2, &b);
      /* PHP's \xHH is a byte, not a code point */
      if (b.len - was == 2) {
        unsigned char hi = (unsigned char)b.data[was], lo = (unsigned char)b.data[was + 1];
        b.len = was;
        b24_buf_putc(&b, (char)(((hi & 0x1F) << 6) | (lo & 0x3F)));
      }
    } else if (x == 'u' && k < e && s[k] == '{') {
      k = b24_text_unicode_escape(s, e - 1, k, &b);
    } else {
      b24_buf_putc(&b, '\\');
      b24_buf_putc(&b, x);
    }
  }
  *end = e;
  return b24_buf_take(&b);
}


/* One entry of an array being read: its key as PHP normalises it. */
typedef struct entry {
  int int_key;          /* the key is the integer ikey, else the string skey */
  long long ikey;
  char *skey;
  json_t *value;
} entry;

typedef struct entries {
  entry *items;
  size_t n, cap;
  long long next;       /* the key an entry without one takes */
} entries;

static void key_text(const entry *e, char *buf, size_t n, const char **k, size_t *kl) {
  if (e->int_key) {
    snprintf(buf, n, "%lld", e->ikey);
    *k = buf;
  } else {
    *k = e->skey;
  }
  *kl = strlen(*k);
}

/* Adds value under the key; a key already there keeps its place and takes the value. */
static void put_entry(entries *es, int int_key, long long ikey, char *skey, json_t *value) {
  for (size_t i = 0; i < es->n; i++) {
    entry *e = &es->items[i];
    if (e->int_key == int_key && (int_key ? e->ikey == ikey : !strcmp(e->skey, skey))) {
      json_decref(e->value);
      e->value = value;
      free(skey);
      return;
    }
  }
  if (es->n == es->cap) {
    es->cap = es->cap ? es->cap * 2 : 8;
    es->items = realloc(es->items, es->cap * sizeof *es->items);
  }
  es->items[es->n++] = (entry){int_key, ikey, skey, value};
  if (int_key && ikey >= es->next) es->next = ikey + 1;
}

/* PHP's key rules: "5" and 5 and 5.7 and true are 5; null is "". */
static int normalise_key(const json_t *k, long long *ikey, char **skey) {
  *skey = NULL;
  if (json_is_integer(k)) {
    *ikey = json_integer_value(k);
    return 1;
  }
  if (json_is_real(k)) {
    *ikey = (long long)json_real_value(k);
    return 1;
  }
  if (json_is_boolean(k)) {
    *ikey = json_is_true(k);
    return 1;
  }
  const char *s = json_is_string(k) ? json_string_value(k) : "";
  const char *d = s + (*s == '-');
  int canonical = *d && (d[0] != '0' || !d[1]) && strspn(d, "0123456789") == strlen(d) && strlen(d) < 19 &&
                  !(s[0] == '-' && d[0] == '0');
  if (canonical) {
    *ikey = strtoll(s, NULL, 10);
    return 1;
  }
  *skey = strdup(s);
  return 0;
}

/* The entries as json_encode gives them: a list when the keys are 0..n-1 in order. */
static json_t *entries_json(entries *es) {
  int list = 1;
  for (size_t i = 0; i < es->n && list; i++) list = es->items[i].int_key && es->items[i].ikey == (long long)i;
  json_t *v = list ? json_array() : json_object();
  for (size_t i = 0; i < es->n; i++) {
    entry *e = &es->items[i];
    if (list) {
      json_array_append_new(v, e->value);
    } else {
      char buf[32];
      const char *k;
      size_t kl;
      key_text(e, buf, sizeof buf, &k, &kl);
      if (json_object_setn_new(v, k, kl, e->value)) {
        json_decref(v);
        v = NULL;
      }
      if (!v) {
        for (size_t j = i + 1; j < es->n; j++) json_decref(es->items[j].value);
        for (size_t j = i; j < es->n; j++) free(es->items[j].skey);
        break;
      }
    }
    free(e->skey);
  }
  free(es->items);
  return v;
}

static void entries_free(entries *es) {
  for (size_t i = 0; i < es->n; i++) {
    json_decref(es->items[i].value);
    free(es->items[i].skey);
  }
  free(es->items);
}

/* Pushes the pointer segment of key (ikey or skey). */
static void push_key(ctx *c, int int_key, long long ikey, const char *skey) {
  if (int_key) {
    char buf[32];
    snprintf(buf, sizeof buf, "%lld", ikey);
    b24_pointer_push_key(&c->path, buf, strlen(buf));
  } else {
    b24_pointer_push_key(&c->path, skey, strlen(skey));
  }
}

/* One `value` or `key => value` entry at *pos. */
static int read_entry(ctx *c, size_t *pos, entries *es) {
  size_t mark = c->path.len, notes = c->out->n_nonliteral, i = *pos;
  push_key(c, 1, es->next, NULL);
  json_t *first = b24_literal_value(c, &i);
  b24_pointer_pop(&c->path, mark);
  if (!first) return -1;
  i = b24_php_skip_space(c->s, c->len, i);
  if (!b24_text_at(c->s, c->len, i, "=>")) {
    put_entry(es, 1, es->next, NULL, first);
    *pos = i;
    return 0;
  }
  /* first was the key */
  int key_is_text = c->out->n_nonliteral > notes;
  b24_literal_drop_notes(c->out, notes);
  if (json_is_array(first) || json_is_object(first)) {
    json_decref(first);
    return b24_literal_fail(c->out, *pos, "an array as a key");
  }
  long long ikey = 0;
  char *skey = NULL;
  int int_key = normalise_key(first, &ikey, &skey);
  json_decref(first);
  push_key(c, int_key, ikey, skey);
  if (key_is_text) b24_body_read_note(c->out, c->path.data);
  i += 2;
  json_t *v = b24_literal_value(c, &i);
  b24_pointer_pop(&c->path, mark);
  if (!v) {
    free(skey);
    return -1;
  }
  put_entry(es, int_key, ikey, skey, v);
  *pos = i;
  return 0;
}

/* [ ... ] or array( ... ) starting at *pos, whose entries begin at i and end at close. */
static json_t *read_array(ctx *c, size_t *pos, size_t i, char close) {
  entries es = {NULL, 0, 0, 0};
  for (;;) {
    i = b24_php_skip_space(c->s, c->len, i);
    if (i >= c->len) {
      b24_literal_fail(c->out, *pos, "an array that does not end");
      goto fail;
    }
    if (c->s[i] == close) break;
    if (b24_text_at(c->s, c->len, i, "...")) {
      b24_literal_fail(c->out, i, "a spread or an abbreviation (...) in an array");
      goto fail;
    }
    if (read_entry(c, &i, &es)) goto fail;
    i = b24_php_skip_space(c->s, c->len, i);
    if (i < c->len && c->s[i] == ',') i++;
    else if (i < c->len && c->s[i] == close) break;
    else {
      b24_literal_fail(c->out, i, close == ']' ? "',' or ']' expected" : "',' or ')' expected");
      goto fail;
    }
  }
  json_t *v = entries_json(&es);
  if (!v) b24_literal_fail(c->out, *pos, "a key that is not UTF-8");
  *pos = i + 1;
  return v;
fail:
  entries_free(&es);
  return NULL;
}

/* array( at i: the offset after '(' or 0. */
static size_t array_call(const ctx *c, size_t i) {
  if (c->len - i < 5 || strncasecmp(c->s + i, "array", 5)) return 0;
  size_t k = b24_php_skip_space(c->s, c->len, i + 5);
  return k < c->len && c->s[k] == '(' ? k + 1 : 0;
}

/* Whether the literal ending at e is the whole value (no operator follows). */
static int value_ends(const ctx *c, size_t e) {
  size_t k = b24_php_skip_space(c->s, c->len, e);
  return k >= c->len || strchr(",)];", c->s[k]) || b24_text_at(c->s, c->len, k, "=>");
}

/* [...] or array(...) at i. */
static json_t *structure(ctx *c, size_t i, size_t *e, int *is) {
  size_t open = c->s[i] == '[' ? i + 1 : array_call(c, i);
  *is = open != 0;
  if (!open) return NULL;
  *e = i;
  return read_array(c, e, open, c->s[i] == '[' ? ']' : ')');
}

json_t *b24_php_read_value(const char *s, size_t len, size_t *pos, b24_body_read *out) {
  ctx c = {s, len, out, B24_BUF_INIT, 0, b24_php_expression_end, string_end, b24_php_string,
           b24_php_skip_space, structure, value_ends, 1};
  return b24_literal_run(&c, pos);
}
