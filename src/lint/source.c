/* The text of the pages a lint reports on, read only to place findings: a
 * rule knows the line of a defect and what it is about (a key, a type word, a
 * link target); the column is where that text stands on the line, found here.
 * The model keeps lines, not columns, and most rules need no more, so the
 * pages are read again only when a finding is placed, once each. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lint/lint_internal.h"
#include "util/buf.h"
#include "util/fsutil.h"

typedef struct src_page {
  char *path;   /* relative to the root */
  char *text;   /* NULL when unreadable */
  size_t len;
  const char **lines; /* line k (1-based) starts at lines[k-1] */
  size_t n_lines;
} src_page;

struct b24_lint_sources {
  const char *root;
  src_page *v;
  size_t n, cap;
};

b24_lint_sources *b24_lint_sources_new(const char *root) {
  b24_lint_sources *s = calloc(1, sizeof *s);
  s->root = root ? root : ".";
  return s;
}

void b24_lint_sources_free(b24_lint_sources *s) {
  if (!s) return;
  for (size_t i = 0; i < s->n; i++) {
    free(s->v[i].path);
    free(s->v[i].text);
    free(s->v[i].lines);
  }
  free(s->v);
  free(s);
}

static src_page *page_of(b24_lint_sources *s, const char *path) {
  for (size_t i = s->n; i-- > 0;) /* findings come page by page: the last is likely */
    if (!strcmp(s->v[i].path, path)) return &s->v[i];
  if (s->n == s->cap) {
    s->cap = s->cap ? s->cap * 2 : 16;
    s->v = realloc(s->v, s->cap * sizeof *s->v);
  }
  src_page *p = &s->v[s->n++];
  memset(p, 0, sizeof *p);
  p->path = strdup(path);
  char *full = b24_path_under(s->root, path);
  p->text = full ? b24_read_file(full, &p->len) : NULL;
  free(full);
  if (!p->text) return p;
  size_t cap = 64;
  p->lines = malloc(cap * sizeof *p->lines);
  p->lines[p->n_lines++] = p->text;
  for (size_t i = 0; i < p->len; i++)
    if (p->text[i] == '\n' && i + 1 <= p->len) {
      if (p->n_lines == cap) p->lines = realloc(p->lines, (cap *= 2) * sizeof *p->lines);
      p->lines[p->n_lines++] = p->text + i + 1;
    }
  return p;
}

const char *b24_lint_source_line(b24_lint_sources *s, const char *path, int line, size_t *len) {
  if (!s || !path || line <= 0) return NULL;
  src_page *p = page_of(s, path);
  if (!p->text || (size_t)line > p->n_lines) return NULL;
  const char *b = p->lines[line - 1];
  const char *e = memchr(b, '\n', (size_t)(p->text + p->len - b));
  *len = e ? (size_t)(e - b) : (size_t)(p->text + p->len - b);
  if (*len && b[*len - 1] == '\r') (*len)--;
  return b;
}

/* The first occurrence of needle in the n bytes at b, or NULL. */
static const char *find_in(const char *b, size_t n, const char *needle) {
  size_t k = strlen(needle);
  if (!k || k > n) return NULL;
  for (size_t i = 0; i + k <= n; i++)
    if (b[i] == needle[0] && !memcmp(b + i, needle, k)) return b + i;
  return NULL;
}

static b24_finding *last_kept(b24_lint_ctx *c) {
  if (!c->out->n || c->out->n == c->emitted_before) return NULL; /* not kept */
  return &c->out->items[c->out->n - 1];
}

int b24_lint_at(b24_lint_ctx *c, const char *needle, size_t offset) {
  b24_finding *f = last_kept(c);
  size_t len;
  const char *l = f ? b24_lint_source_line(c->src, f->path, f->line, &len) : NULL;
  const char *at = l && needle ? find_in(l, len, needle) : NULL;
  if (!at || (size_t)(at - l) + offset > len) return 0;
  f->col = (int)(at - l + offset) + 1;
  return 1;
}

int b24_lint_at_row(b24_lint_ctx *c, const char *needle, size_t offset) {
  b24_finding *f = last_kept(c);
  if (!f || !needle) return 0;
  for (int line = f->line; line < f->line + 64; line++) {
    size_t len;
    const char *l = b24_lint_source_line(c->src, f->path, line, &len);
    if (!l) return 0;
    size_t k = 0;
    while (k < len && (l[k] == ' ' || l[k] == '\t')) k++;
    /* the next row or the table's end: the text is not in this row */
    if (line > f->line && len - k >= 2 && l[k] == '|' && (l[k + 1] == '|' || l[k + 1] == '#'))
      return 0;
    const char *at = find_in(l, len, needle);
    if (at && (size_t)(at - l) + offset <= len) {
      f->line = line;
      f->col = (int)(at - l + offset) + 1;
      return 1;
    }
  }
  return 0;
}

/* The needle: the word between what the text writes around it. Malloc'd. */
static char *wrapped(const char *before, const char *word, const char *after) {
  b24_buf b = B24_BUF_INIT;
  b24_buf_printf(&b, "%s%s%s", before, word, after);
  return b24_buf_take(&b);
}

void b24_lint_at_quoted(b24_lint_ctx *c, const char *key) {
  if (!key) return;
  char *q = wrapped("\"", key, "\"");
  b24_lint_at(c, q, 0);
  free(q);
}

void b24_lint_at_code(b24_lint_ctx *c, const char *word) {
  if (!word || !*word) return;
  char *q = wrapped("`", word, "");
  if (!b24_lint_at_row(c, q, 1)) b24_lint_at_row(c, word, 0);
  free(q);
}

void b24_lint_at_link(b24_lint_ctx *c, const char *href) {
  if (!href || !*href) return;
  char *q = wrapped("](", href, "");
  if (!b24_lint_at(c, q, 2) && !b24_lint_at(c, q + 1, 1)) b24_lint_at(c, href, 0);
  free(q);
}

int b24_lint_first_text_col(b24_lint_sources *s, const char *path, int line) {
  size_t len;
  const char *l = b24_lint_source_line(s, path, line, &len);
  if (!l) return 0;
  size_t k = 0;
  while (k < len && (l[k] == ' ' || l[k] == '\t')) k++;
  return k < len ? (int)k + 1 : 0;
}

int b24_lint_page_mentions(b24_lint_ctx *c, const char *path, const char *word, int skip_from,
                           int skip_to) {
  size_t wl = strlen(word);
  if (!c->src || !path || !wl) return 0;
  src_page *p = page_of(c->src, path);
  int fenced = 0;
  for (size_t k = 0; p->text && k < p->n_lines; k++) {
    int line = (int)k + 1;
    size_t len;
    const char *l = b24_lint_source_line(c->src, path, line, &len);
    size_t b = 0;
    while (b < len && (l[b] == ' ' || l[b] == '\t')) b++;
    if (len - b >= 3 && !strncmp(l + b, "```", 3)) fenced = !fenced;
    /* code examples name keys too, documenting nothing */
    if (fenced || (line >= skip_from && line <= skip_to)) continue;
    for (const char *s = l; s && (s = find_in(s, len - (size_t)(s - l), word)); s++) {
      int before = s == l || !(isalnum((unsigned char)s[-1]) || s[-1] == '_');
      size_t after = (size_t)(s - l) + wl;
      if (before && (after >= len || !(isalnum((unsigned char)l[after]) || l[after] == '_')))
        return 1;
    }
  }
  return 0;
}

int b24_lint_page_has_row(b24_lint_sources *s, const char *path, const char *name, int from,
                          int to) {
  size_t nl = strlen(name);
  if (nl > 2 && !strcmp(name + nl - 2, "[]")) nl -= 2; /* "Data[]" names the row data */
  src_page *p = path ? page_of(s, path) : NULL;
  for (size_t k = from > 0 ? (size_t)from - 1 : 0; p && p->text && nl && k < p->n_lines; k++) {
    if (to > 0 && (int)k + 1 > to) break;
    size_t len;
    const char *l = b24_lint_source_line(s, path, (int)k + 1, &len);
    size_t i = 0;
    while (i < len && (l[i] == ' ' || l[i] == '\t')) i++;
    if (len - i < 2 || l[i] != '|' || l[i + 1] != '|') continue;
    for (i += 2; i < len && l[i] == ' '; i++)
      ;
    if (len - i < 2 || strncmp(l + i, "**", 2)) continue;
    i += 2;
    if (i < len && l[i] == '`') i++;
    if (len - i >= nl && !strncasecmp(l + i, name, nl) &&
        (i + nl == len || l[i + nl] == '*' || l[i + nl] == '`' || l[i + nl] == '\\'))
      return 1;
  }
  return 0;
}
