/* The type cell of a parameter: `[`integer`](..) \| [`null`](..)`, `string[]`,
 * ```string | null```, [`crm_status`](../data-types.md), [`x`](#anchor). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "model/build.h"
#include "util/buf.h"
#include "util/fsutil.h"

/* Synonyms written in the docs -> the dictionary's word. */
static const char *normalize_word(const char *w) {
  static const char *const map[][2] = {
      {"int", "integer"},   {"integer", "integer"}, {"number", "double"},  {"float", "double"},
      {"double", "double"}, {"bool", "boolean"},    {"boolean", "boolean"}, {"str", "string"},
      {"string", "string"}, {"text", "text"},       {"char", "char"},      {"date", "date"},
      {"datetime", "datetime"}, {"timestamp", "timestamp"}, {"time", "time"},
      {"file", "file"},     {"enum", "enum"},       {"object", "object"},  {"array", "array"},
      {"any", "any"},       {"mixed", "any"},       {"null", "null"},      {"function", "function"},
      {"callable", "callable"}, {"json", "object"}, {"user", "user"},
  };
  for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
    if (b24_ci_eq(w, map[i][0])) return map[i][1];
  return NULL;
}

typedef struct alt_vec {
  b24_type_alt *v;
  size_t n, cap;
} alt_vec;

static void add_alt(b24_bctx *c, b24_type *t, alt_vec *av, const char *w, size_t n,
                    const char *href) {
  while (n && isspace((unsigned char)*w)) w++, n--;
  while (n && isspace((unsigned char)w[n - 1])) n--;
  if (!n) return;
  int array = 0;
  while (n >= 2 && w[n - 2] == '[' && w[n - 1] == ']') {
    array++;
    n -= 2;
  }
  char *word = b24_arena_strndup(c->a, w, n);
  /* [`unknown`](../data-types.md): the pages "still being updated" say so for a
   * parameter whose type nobody wrote down yet; it is untyped, not a type. */
  if (!array && b24_ci_eq(word, "unknown")) return;
  const char *norm = normalize_word(word);
  if (norm && !strcmp(norm, "null") && !array) {
    t->nullable = true;
    return;
  }
  b24_type_alt *alt = B24_HEAP_PUSH(av->v, av->n, av->cap);
  alt->base = norm ? (char *)norm : word;
  alt->array = array;
  if (href) {
    char *target, *anchor;
    b24_resolve_href(c, href, &target, &anchor);
    b24_buf id = B24_BUF_INIT;
    if (target && anchor) {
      b24_buf_printf(&id, "%s#%s", target, anchor);
    } else if (target && !norm && !strcmp(b24_path_basename(target), "data-types.md")) {
      /* [`crm_multifield`](../data-types.md): the dictionary may define the word as
       * an object section; "?" marks the guess, settled once every page is read. */
      b24_buf_printf(&id, "?%s#%s", target, word);
    } else if (target && !norm && !anchor) {
      alt->page = target; /* [`item`](./object-fields.md): a page describes it */
    }
    if (id.len) alt->ref = b24_arena_strdup(c->a, id.data);
    b24_buf_free(&id);
  }
}

/* Adds each '|'-separated part of a code span's text as an alternative. */
static void add_span(b24_bctx *c, b24_type *t, alt_vec *av, const char *s, size_t n,
                     const char *href) {
  size_t start = 0;
  for (size_t i = 0; i <= n; i++) {
    if (i == n || s[i] == '|' || (s[i] == '\\' && i + 1 < n && s[i + 1] == '|')) {
      add_alt(c, t, av, s + start, i - start, href);
      if (i < n && s[i] == '\\') i++;
      start = i + 1;
    }
  }
}

void b24_parse_type(b24_bctx *c, const char *raw, size_t n, b24_type *out) {
  memset(out, 0, sizeof *out);
  alt_vec av = {0};
  b24_buf written = B24_BUF_INIT;
  const char *href = NULL;
  size_t href_len = 0;
  int in_link = 0;
  for (size_t i = 0; i < n; i++) {
    char ch = raw[i];
    if (ch == '[') {
      in_link = 1;
      /* Find this link's target: the "](...)" after the link text, whose code
       * span may hold brackets of its own (`[`deal[]`](#deal)`). */
      const char *close = raw + i;
      while ((close = memchr(close + 1, ']', (size_t)(raw + n - close - 1))) &&
             !(close + 1 < raw + n && close[1] == '('))
        ;
      href = NULL;
      if (close && close + 1 < raw + n && close[1] == '(') {
        const char *e = memchr(close, ')', (size_t)(raw + n - close));
        if (e) href = close + 2, href_len = (size_t)(e - close - 2);
      }
      continue;
    }
    if (ch == ']' && in_link) {
      in_link = 0;
      if (i + 1 < n && raw[i + 1] == '(') {
        const char *e = memchr(raw + i, ')', n - i);
        if (e) i = (size_t)(e - raw);
      }
      continue;
    }
    if (ch != '`') continue;
    size_t ticks = 0;
    while (i + ticks < n && raw[i + ticks] == '`') ticks++;
    size_t j = i + ticks;
    /* find the closing run of the same length */
    size_t k = j;
    while (k < n) {
      if (raw[k] == '`') {
        size_t r = 0;
        while (k + r < n && raw[k + r] == '`') r++;
        if (r == ticks) break;
        k += r;
      } else {
        k++;
      }
    }
    if (k >= n) break;
    char *h = in_link && href ? b24_arena_strndup(c->a, href, href_len) : NULL;
    if (written.len) b24_buf_puts(&written, " | ");
    add_span(c, out, &av, raw + j, k - j, h);
    b24_buf_put(&written, raw + j, k - j);
    i = k + ticks - 1;
  }
  if (!written.len) {
    /* An unmarked word: "integer" alone on the type line. */
    const char *s = raw;
    size_t m = n;
    while (m && isspace((unsigned char)*s)) s++, m--;
    while (m && isspace((unsigned char)s[m - 1])) m--;
    int one_word = m > 0 && m < 40;
    for (size_t i = 0; i < m && one_word; i++)
      if (!(isalnum((unsigned char)s[i]) || s[i] == '_' || s[i] == '[' || s[i] == ']' ||
            s[i] == '.'))
        one_word = 0;
    if (one_word) {
      add_span(c, out, &av, s, m, NULL);
      b24_buf_put(&written, s, m);
    }
  }
  /* Normalize the written form's separators: "a|b" and "a \| b" both as "a | b". */
  b24_buf norm = B24_BUF_INIT;
  for (size_t i = 0; i < written.len; i++) {
    if (written.data[i] == '|') {
      while (norm.len && norm.data[norm.len - 1] == ' ') norm.len--;
      b24_buf_puts(&norm, " | ");
      while (i + 1 < written.len && written.data[i + 1] == ' ') i++;
    } else {
      b24_buf_putc(&norm, written.data[i]);
    }
  }
  out->written = b24_arena_strdup(c->a, b24_buf_cstr(&norm));
  b24_buf_free(&norm);
  b24_buf_free(&written);
  out->alts = b24_arena_settle(c->a, av.v, av.n * sizeof *av.v);
  out->n_alts = av.n;
}
