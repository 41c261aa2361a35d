/* What is no change: the same text with other Markdown, case or spacing; a
 * default of "null" and none; the several ways the docs write an empty error
 * code; a scope list written as one comma-separated word. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diff/diff_internal.h"
#include "util/buf.h"

char *b24d_norm_text(const char *s) {
  b24_buf b = B24_BUF_INIT;
  int space = 0;
  for (; s && *s; s++) {
    unsigned char ch = (unsigned char)*s;
    if (ch == '*' || ch == '`' || ch == '_' || ch == '[' || ch == ']' || ch == '"' || ch == '\'')
      continue;
    if (ch == '(' && b.len && b.data[b.len - 1] != ' ' && strchr(s, ')') &&
        (!strncmp(s + 1, "http", 4) || strstr(s, ".md"))) {
      /* a link's target after its text: [text](url) -> text */
      const char *e = strchr(s, ')');
      if (e && !memchr(s, ' ', (size_t)(e - s))) {
        s = e;
        continue;
      }
    }
    if (isspace(ch)) {
      space = b.len > 0;
      continue;
    }
    if (space) b24_buf_putc(&b, ' ');
    space = 0;
    b24_buf_putc(&b, (char)tolower(ch));
  }
  while (b.len && strchr(".,;:", b.data[b.len - 1])) b.len--;
  return b24_buf_take(&b);
}

char *b24d_norm_value(const char *s) {
  if (!s) return NULL;
  while (*s && (isspace((unsigned char)*s) || *s == '`' || *s == '"' || *s == '\'')) s++;
  size_t n = strlen(s);
  while (n && (isspace((unsigned char)s[n - 1]) || s[n - 1] == '`' || s[n - 1] == '"' ||
               s[n - 1] == '\''))
    n--;
  if (!n || (n == 4 && !strncasecmp(s, "null", 4))) return NULL;
  char *r = malloc(n + 1);
  memcpy(r, s, n);
  r[n] = 0;
  return r;
}

char *b24d_norm_error_code(const char *s) {
  char *v = b24d_norm_value(s);
  static const char *const empty[] = {"—", "–", "-", "empty value", "empty string", "empty",
                                      "пустое значение", "пустая строка"};
  for (size_t i = 0; v && i < sizeof empty / sizeof empty[0]; i++)
    if (!strcasecmp(v, empty[i])) {
      free(v);
      v = NULL;
    }
  return v ? v : strdup("");
}

static int has(char **v, size_t n, const char *s) {
  for (size_t i = 0; i < n; i++)
    if (!strcmp(v[i], s)) return 1;
  return 0;
}

size_t b24d_norm_scopes(const b24_method *m, char ***out, bool *prose) {
  char **v = NULL;
  size_t n = 0;
  *prose = false;
  for (size_t i = 0; i < m->n_scope; i++) {
    const char *s = m->scope[i];
    while (*s) {
      size_t len = strcspn(s, ",;/`");
      while (len && isspace((unsigned char)*s)) s++, len--;
      size_t end = len;
      while (end && isspace((unsigned char)s[end - 1])) end--;
      if (end) {
        char *w = malloc(end + 1);
        for (size_t k = 0; k < end; k++) w[k] = (char)tolower((unsigned char)s[k]);
        w[end] = 0;
        /* "depending on the integration point", "{moduleId}": words, not a scope */
        for (size_t k = 0; k < end; k++)
          if (!isalnum((unsigned char)w[k]) && w[k] != '_' && w[k] != '.') *prose = true;
        if (has(v, n, w)) free(w);
        else {
          v = realloc(v, (n + 1) * sizeof *v);
          v[n++] = w;
        }
      }
      s += len;
      if (*s) s++;
    }
  }
  *out = v;
  return n;
}

void b24d_free_strv(char **v, size_t n) {
  for (size_t i = 0; i < n; i++) free(v[i]);
  free(v);
}
