/* Small string helpers for the model builder. */
#include <ctype.h>
#include <string.h>

#include "model/build.h"
#include "util/buf.h"
#include "util/fsutil.h"
#include <stdlib.h>

char *b24_trim_dup(b24_arena *a, const char *s, size_t n) {
  while (n && isspace((unsigned char)*s)) s++, n--;
  while (n && isspace((unsigned char)s[n - 1])) n--;
  return b24_arena_strndup(a, s, n);
}

int b24_ci_eq(const char *a, const char *b) {
  for (; *a && *b; a++, b++)
    if (tolower((unsigned char)*a) != tolower((unsigned char)*b)) return 0;
  return *a == *b;
}

int b24_starts_with_ci(const char *s, const char *prefix) {
  for (; *prefix; s++, prefix++)
    if (!*s || tolower((unsigned char)*s) != tolower((unsigned char)*prefix)) return 0;
  return 1;
}

char *b24_strip_inline(b24_arena *a, const char *s, size_t n) {
  b24_buf b = B24_BUF_INIT;
  for (size_t i = 0; i < n; i++) {
    char ch = s[i];
    if (ch == '\\' && i + 1 < n && ispunct((unsigned char)s[i + 1])) {
      b24_buf_putc(&b, s[++i]);
      continue;
    }
    if (ch == '`') continue;
    if (ch == '*' && i + 1 < n && s[i + 1] == '*') { i++; continue; }
    if (ch == '^' && i + 2 < n && s[i + 1] == '*' && s[i + 2] == '^') { i += 2; continue; }
    b24_buf_putc(&b, ch);
  }
  char *r = b24_trim_dup(a, b24_buf_cstr(&b), b.len);
  b24_buf_free(&b);
  return r;
}

static int name_char(int c) { return isalnum(c) || c == '_' || c == '-'; }

int b24_is_dotted_name(const char *s, size_t n) {
  if (n < 3 || !isalpha((unsigned char)s[0])) return 0;
  int dots = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '.') {
      if (i == 0 || i + 1 == n || s[i - 1] == '.') return 0;
      dots++;
    } else if (!name_char(c)) {
      return 0;
    }
  }
  return dots > 0;
}

/* Heading text -> the anchor id the docs site gives it: lower case, words joined by
 * '-', punctuation dropped. Non-ASCII letters are kept as they are. */
char *b24_slugify(b24_arena *a, const char *h) {
  b24_buf b = B24_BUF_INIT;
  int dash = 0;
  for (const unsigned char *p = (const unsigned char *)h; *p; p++) {
    if (isalnum(*p) || *p == '_' || *p >= 0x80) {
      if (dash && b.len) b24_buf_putc(&b, '-');
      dash = 0;
      b24_buf_putc(&b, (char)tolower(*p));
    } else if (isspace(*p) || *p == '-') {
      dash = 1;
    }
  }
  char *r = b24_arena_strdup(a, b24_buf_cstr(&b));
  b24_buf_free(&b);
  return r;
}

void b24_resolve_href(b24_bctx *c, const char *href, char **target, char **anchor) {
  *target = *anchor = NULL;
  if (!href || strstr(href, "://") || !strncmp(href, "mailto:", 7) || !strncmp(href, "tel:", 4))
    return;
  const char *hash = strchr(href, '#');
  size_t pn = hash ? (size_t)(hash - href) : strlen(href);
  if (hash && hash[1]) *anchor = b24_arena_strdup(c->a, hash + 1);
  const char *q = memchr(href, '?', pn);
  if (q) pn = (size_t)(q - href);
  if (pn == 0) {
    *target = (char *)c->file; /* same page */
    return;
  }
  b24_buf p = B24_BUF_INIT;
  b24_buf_put(&p, href, pn);
  /* Site links (/x/y.html) are the root's pages. */
  if (p.len > 5 && !strcmp(p.data + p.len - 5, ".html")) {
    p.len -= 5;
    p.data[p.len] = 0;
    b24_buf_puts(&p, ".md");
  }
  char *resolved;
  if (p.data[0] == '/') {
    resolved = b24_path_normalize(p.data + 1);
  } else {
    char *dir = b24_path_dirname(c->file);
    resolved = b24_path_join(dir, p.data);
    free(dir);
  }
  b24_buf_free(&p);
  if (resolved) *target = b24_arena_strdup(c->a, resolved);
  else *target = b24_arena_strdup(c->a, "..");
  free(resolved);
}

/* Lower-cases ASCII and Cyrillic letters in place (their lower-case forms take
 * the same number of bytes), enough to compare the docs' labels in both languages. */
void b24_lower_utf8(char *s) {
  unsigned char *p = (unsigned char *)s;
  while (*p) {
    if (p[0] == 0xD0 && p[1] >= 0x90 && p[1] <= 0x9F) {
      p[1] = (unsigned char)(p[1] + 0x20); /* А-П -> а-п */
      p += 2;
    } else if (p[0] == 0xD0 && p[1] >= 0xA0 && p[1] <= 0xAF) {
      p[0] = 0xD1;
      p[1] = (unsigned char)(p[1] - 0x20); /* Р-Я -> р-я */
      p += 2;
    } else if (p[0] == 0xD0 && p[1] == 0x81) {
      p[0] = 0xD1;
      p[1] = 0x91; /* Ё -> ё */
      p += 2;
    } else {
      *p = (unsigned char)tolower(*p);
      p++;
    }
  }
}
