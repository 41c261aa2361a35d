/* The shell's word splitting and quote removal, expansions kept as written. */
#include "model/shell_words.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

#define NO_GLUE ((size_t)-1)

typedef struct reader {
  const char *s;
  size_t len, i;
  b24_shell_words *out;
  size_t cap;
} reader;

static int fail(reader *r, size_t at, const char *what) {
  if (!r->out->error) {
    size_t n = strlen(what) + 1;
    r->out->error = malloc(n);
    memcpy(r->out->error, what, n);
    r->out->error_at = at;
  }
  return -1;
}

static int is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }
static int is_operator(char c) { return strchr(";&|()<>\n", c) != NULL && c; }
static int is_name_start(char c) { return isalpha((unsigned char)c) || c == '_'; }

/* Past a quoted stretch that starts at i (the quote): for skipping inside an
 * expansion, where the text is kept and only its end matters. */
static size_t skip_quoted(const reader *r, size_t i) {
  char q = r->s[i++];
  while (i < r->len && r->s[i] != q) {
    if (q != '\'' && r->s[i] == '\\' && i + 1 < r->len) i++;
    i++;
  }
  return i < r->len ? i + 1 : (size_t)-1;
}

/* The end of the expansion that starts at i ('$' or '`'): one past its last byte,
 * i itself when '$' starts none (a literal dollar), (size_t)-1 when unterminated. */
static size_t expansion_end(const reader *r, size_t i) {
  const char *s = r->s;
  if (s[i] == '`') {
    for (size_t k = i + 1; k < r->len; k++) {
      if (s[k] == '\\' && k + 1 < r->len) k++;
      else if (s[k] == '`') return k + 1;
    }
    return (size_t)-1;
  }
  if (i + 1 >= r->len) return i;
  char c = s[i + 1];
  if (c == '(' || c == '{') {
    char open = c, close = c == '(' ? ')' : '}';
    int depth = 0;
    for (size_t k = i + 1; k < r->len;) {
      char x = s[k];
      if (x == '\'' || x == '"' || x == '`') {
        size_t e = x == '`' ? expansion_end(r, k) : skip_quoted(r, k);
        if (e == (size_t)-1) return e;
        k = e;
        continue;
      }
      if (x == '\\' && k + 1 < r->len) {
        k += 2;
        continue;
      }
      if (x == open) depth++;
      else if (x == close && --depth == 0) return k + 1;
      k++;
    }
    return (size_t)-1;
  }
  if (is_name_start(c)) {
    size_t k = i + 1;
    while (k < r->len && (isalnum((unsigned char)s[k]) || s[k] == '_')) k++;
    return k;
  }
  if (isdigit((unsigned char)c) || (c && strchr("@*#?$!-", c))) return i + 2;
  return i;
}

/* Decodes the escape of $'...' at s[*i] (the backslash) into b. */
static void ansi_escape(reader *r, size_t *i, b24_buf *b) {
  static const char from[] = "ntrabefv\\'\"?", to[] = "\n\t\r\a\b\x1b\f\v\\'\"?";
  char c = *i + 1 < r->len ? r->s[*i + 1] : '\\';
  const char *p = c ? strchr(from, c) : NULL;
  if (p) {
    b24_buf_putc(b, to[p - from]);
    *i += 2;
    return;
  }
  if (c == 'x' && *i + 2 < r->len && isxdigit((unsigned char)r->s[*i + 2])) {
    unsigned v = 0;
    size_t k = *i + 2;
    for (int n = 0; n < 2 && k < r->len && isxdigit((unsigned char)r->s[k]); n++, k++)
      v = v * 16 + (unsigned)(isdigit((unsigned char)r->s[k]) ? r->s[k] - '0'
                                                                : (tolower((unsigned char)r->s[k]) - 'a' + 10));
    b24_buf_putc(b, (char)v);
    *i = k;
    return;
  }
  b24_buf_putc(b, '\\');
  (*i)++;
}

static b24_shell_word *push(reader *r) {
  if (r->out->n == r->cap) {
    r->cap = r->cap ? r->cap * 2 : 16;
    r->out->items = realloc(r->out->items, r->cap * sizeof *r->out->items);
  }
  b24_shell_word *w = &r->out->items[r->out->n++];
  memset(w, 0, sizeof *w);
  w->glued_at = NO_GLUE;
  return w;
}

typedef struct word_build {
  b24_buf text;
  b24_shell_span *spans;
  size_t n_spans, cap_spans;
} word_build;

/* Copies the expansion s[i, e) into the word as its literal text, noting where. */
static void keep_expansion(const reader *r, word_build *wb, size_t i, size_t e) {
  if (wb->n_spans == wb->cap_spans) {
    wb->cap_spans = wb->cap_spans ? wb->cap_spans * 2 : 4;
    wb->spans = realloc(wb->spans, wb->cap_spans * sizeof *wb->spans);
  }
  wb->spans[wb->n_spans++] = (b24_shell_span){wb->text.len, e - i};
  b24_buf_put(&wb->text, r->s + i, e - i);
}

/* A '$' or '`' at i in unquoted or double-quoted text: the expansion kept, or a
 * literal '$'. Returns the offset after it, or (size_t)-1 when unterminated. */
static size_t dollar(reader *r, word_build *wb, size_t i) {
  size_t e = expansion_end(r, i);
  if (e == (size_t)-1) return e;
  if (e == i) {
    b24_buf_putc(&wb->text, r->s[i]);
    return i + 1;
  }
  keep_expansion(r, wb, i, e);
  return e;
}

/* The double-quoted string whose opening quote is at i; returns the offset after
 * the closing quote, or (size_t)-1. */
static size_t double_quoted(reader *r, word_build *wb, size_t i) {
  for (i++; i < r->len; ) {
    char c = r->s[i];
    if (c == '"') return i + 1;
    if (c == '\\' && i + 1 < r->len && strchr("$`\"\\\n", r->s[i + 1])) {
      if (r->s[i + 1] != '\n') b24_buf_putc(&wb->text, r->s[i + 1]);
      i += 2;
    } else if (c == '$' || c == '`') {
      i = dollar(r, wb, i);
      if (i == (size_t)-1) return i;
    } else {
      b24_buf_putc(&wb->text, c);
      i++;
    }
  }
  return (size_t)-1;
}

/* One word starting at r->i (not a blank, an operator or a comment). */
static int read_word(reader *r) {
  word_build wb = {B24_BUF_INIT, NULL, 0, 0};
  b24_buf_reserve(&wb.text, 16);
  wb.text.data[0] = 0;
  size_t start = r->i, i = r->i, glued = NO_GLUE, quote_closed = NO_GLUE;
  int rc = 0;
  while (i < r->len && !is_blank(r->s[i]) && !is_operator(r->s[i])) {
    char c = r->s[i];
    size_t at = i;
    if (quote_closed != NO_GLUE && glued == NO_GLUE && c != '\'' && c != '"' && c != '$' &&
        c != '\\' && c != '`')
      glued = quote_closed;
    quote_closed = NO_GLUE;
    if (c == '\'') {
      const char *q = memchr(r->s + i + 1, '\'', r->len - i - 1);
      if (!q) {
        rc = fail(r, at, "unterminated single quote");
        break;
      }
      b24_buf_put(&wb.text, r->s + i + 1, (size_t)(q - r->s) - i - 1);
      i = (size_t)(q - r->s) + 1;
      quote_closed = i - 1;
    } else if (c == '"') {
      i = double_quoted(r, &wb, i);
      if (i == (size_t)-1) {
        rc = fail(r, at, "unterminated double quote");
        break;
      }
      quote_closed = i - 1;
    } else if (c == '$' && i + 1 < r->len && r->s[i + 1] == '\'') {
      for (i += 2; i < r->len && r->s[i] != '\''; ) {
        if (r->s[i] == '\\') ansi_escape(r, &i, &wb.text);
        else b24_buf_putc(&wb.text, r->s[i++]);
      }
      if (i >= r->len) {
        rc = fail(r, at, "unterminated $'...' string");
        break;
      }
      quote_closed = i++;
    } else if (c == '$' && i + 1 < r->len && r->s[i + 1] == '"') {
      i++; /* $"..." is a translated string: read as "..." */
    } else if (c == '$' || c == '`') {
      i = dollar(r, &wb, i);
      if (i == (size_t)-1) {
        rc = fail(r, at, c == '`' ? "unterminated `...` substitution" : "unterminated ${...} or $(...)");
        break;
      }
    } else if (c == '\\') {
      if (i + 1 < r->len && r->s[i + 1] != '\n') b24_buf_putc(&wb.text, r->s[i + 1]);
      i += 2;
    } else {
      b24_buf_putc(&wb.text, c);
      i++;
    }
  }
  if (i > r->len) i = r->len;
  b24_shell_word *w = push(r);
  w->kind = B24_SHELL_WORD;
  w->len = wb.text.len;
  w->text = b24_buf_take(&wb.text);
  w->start = start;
  w->end = rc ? r->len : i;
  w->expansions = wb.spans;
  w->n_expansions = wb.n_spans;
  w->glued_at = glued;
  r->i = w->end;
  return rc;
}

static void read_operator(reader *r) {
  static const char *const two[] = {"&&", "||", ";;", ">>", "<<", ">&", "<&", "|&"};
  size_t n = 1;
  for (size_t k = 0; k < sizeof two / sizeof *two; k++)
    if (r->i + 1 < r->len && r->s[r->i] == two[k][0] && r->s[r->i + 1] == two[k][1]) n = 2;
  b24_shell_word *w = push(r);
  w->kind = B24_SHELL_OPERATOR;
  w->text = malloc(n + 1);
  memcpy(w->text, r->s + r->i, n);
  w->text[n] = 0;
  w->len = n;
  w->start = r->i;
  w->end = r->i + n;
  r->i += n;
}

int b24_shell_split(const char *script, size_t len, b24_shell_words *out) {
  memset(out, 0, sizeof *out);
  reader r = {script, len, 0, out, 0};
  while (r.i < len) {
    char c = script[r.i];
    if (is_blank(c)) r.i++;
    else if (c == '\\' && r.i + 1 < len && script[r.i + 1] == '\n') r.i += 2;
    else if (c == '#') {
      while (r.i < len && script[r.i] != '\n') r.i++;
    } else if (is_operator(c)) read_operator(&r);
    else if (read_word(&r)) return -1;
  }
  return 0;
}

void b24_shell_words_free(b24_shell_words *w) {
  for (size_t i = 0; i < w->n; i++) {
    free(w->items[i].text);
    free(w->items[i].expansions);
  }
  free(w->items);
  free(w->error);
  memset(w, 0, sizeof *w);
}
