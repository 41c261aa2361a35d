/* --fix: the findings that have one safe correction (a list mark before a row,
 * a row not closed, a dead anchor that names one heading of its page in other
 * letters) carry it as "on line L, the single occurrence of OLD becomes NEW";
 * whoever found the defect knew the text, so nothing here reads Markdown: it
 * edits lines. A correction whose text is no longer on its line exactly once
 * is left alone, so a page edited since the lint is never garbled. */
#include <stdlib.h>
#include <string.h>

#include "lint/lint.h"
#include "util/buf.h"
#include "util/fsutil.h"

typedef struct page_lines {
  char **v;       /* the lines, without their '\n' */
  size_t n;
  int final_nl;   /* the text ended with '\n' */
} page_lines;

static void split_lines(const char *text, size_t len, page_lines *pl) {
  pl->n = 0;
  pl->v = malloc((len + 2) * sizeof *pl->v);
  pl->final_nl = len > 0 && text[len - 1] == '\n';
  const char *s = text, *end = text + len;
  while (s < end) {
    const char *nl = memchr(s, '\n', (size_t)(end - s));
    size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
    pl->v[pl->n++] = strndup(s, n);
    s += n + (nl ? 1 : 0);
  }
}

static void free_lines(page_lines *pl) {
  for (size_t i = 0; i < pl->n; i++) free(pl->v[i]);
  free(pl->v);
}

/* Where old occurs in line, when it occurs exactly once; else NULL. */
static char *only_occurrence(char *line, const char *old) {
  char *at = *old ? strstr(line, old) : NULL;
  return at && !strstr(at + 1, old) ? at : NULL;
}

static int same_fix(const b24_finding *a, const b24_finding *b) {
  return a->fix_line == b->fix_line && !strcmp(a->fix_old, b->fix_old) &&
         !strcmp(a->fix_new, b->fix_new);
}

/* Applies fs->items[from, to) (one page) to pl; returns the corrections made. */
static int apply(const b24_findings *fs, size_t from, size_t to, page_lines *pl) {
  int made = 0;
  for (size_t i = from; i < to; i++) {
    const b24_finding *f = &fs->items[i];
    if (!f->fix_old || f->fix_line < 1 || (size_t)f->fix_line > pl->n) continue;
    int repeated = 0;
    for (size_t k = from; k < i && !repeated; k++)
      repeated = fs->items[k].fix_old && same_fix(&fs->items[k], f);
    char *line = pl->v[f->fix_line - 1];
    char *at = repeated ? NULL : only_occurrence(line, f->fix_old);
    if (!at) continue;
    b24_buf b = B24_BUF_INIT;
    b24_buf_put(&b, line, (size_t)(at - line));
    b24_buf_puts(&b, f->fix_new);
    b24_buf_puts(&b, at + strlen(f->fix_old));
    free(line);
    pl->v[f->fix_line - 1] = b24_buf_take(&b);
    made++;
  }
  return made;
}

/* A line of the edited page may hold several lines now ("||\n|#"). */
static size_t count_lines(const char *s) {
  size_t n = 1;
  for (; *s; s++) n += *s == '\n';
  return n;
}

static void put_prefixed(FILE *out, char mark, const char *s) {
  fputc(mark, out);
  for (; *s; s++) {
    fputc(*s, out);
    if (*s == '\n') fputc(mark, out);
  }
  fputc('\n', out);
}

enum { CONTEXT = 3 };

/* A unified diff of before -> after (same number of entries, edited ones
 * differing), for `patch -p1` in the docs root. */
static void write_diff(FILE *out, const char *path, const page_lines *before,
                       const page_lines *after) {
  fprintf(out, "--- a/%s\n+++ b/%s\n", path, path);
  size_t n = before->n, delta = 0;
  for (size_t i = 0; i < n;) {
    if (!strcmp(before->v[i], after->v[i])) {
      i++;
      continue;
    }
    /* A hunk: from CONTEXT lines before the change to CONTEXT after the last
     * change that is no further than 2 * CONTEXT from the one before it. */
    size_t start = i > CONTEXT ? i - CONTEXT : 0, last = i;
    for (size_t k = i + 1; k < n && k <= last + 2 * CONTEXT; k++)
      if (strcmp(before->v[k], after->v[k])) last = k;
    size_t end = last + CONTEXT + 1 < n ? last + CONTEXT + 1 : n;
    size_t old_n = end - start, new_n = 0;
    for (size_t k = start; k < end; k++) new_n += count_lines(after->v[k]);
    fprintf(out, "@@ -%zu,%zu +%zu,%zu @@\n", start + 1, old_n, start + 1 + delta, new_n);
    for (size_t k = start; k < end; k++) {
      if (!strcmp(before->v[k], after->v[k])) {
        put_prefixed(out, ' ', before->v[k]);
      } else {
        put_prefixed(out, '-', before->v[k]);
        put_prefixed(out, '+', after->v[k]);
      }
      if (k + 1 == n && !before->final_nl) fputs("\\ No newline at end of file\n", out);
    }
    delta += new_n - old_n;
    i = end;
  }
}

static char *join_lines(const page_lines *pl, size_t *len) {
  b24_buf b = B24_BUF_INIT;
  for (size_t i = 0; i < pl->n; i++) {
    b24_buf_puts(&b, pl->v[i]);
    if (i + 1 < pl->n || pl->final_nl) b24_buf_putc(&b, '\n');
  }
  *len = b.len;
  return b24_buf_take(&b);
}

int b24_lint_fix(const b24_findings *fs, bool dry_run, FILE *out) {
  int total = 0;
  for (size_t i = 0; i < fs->n;) {
    size_t j = i + 1;
    while (j < fs->n && !strcmp(fs->items[j].path, fs->items[i].path)) j++;
    int any = 0;
    for (size_t k = i; k < j && !any; k++) any = fs->items[k].fix_old && fs->items[k].relative;
    if (!any) {
      i = j;
      continue;
    }
    char *file = b24_path_under(fs->root, fs->items[i].path);
    size_t len;
    char *text = b24_read_file(file, &len);
    if (!text) {
      free(file);
      return -1;
    }
    page_lines before, after;
    split_lines(text, len, &before);
    split_lines(text, len, &after);
    int made = apply(fs, i, j, &after);
    int rc = 0;
    if (made && dry_run) {
      write_diff(out, fs->items[i].path, &before, &after);
    } else if (made) {
      size_t nlen;
      char *edited = join_lines(&after, &nlen);
      rc = b24_write_file_atomic(file, edited, nlen);
      free(edited);
    }
    total += made;
    free_lines(&before);
    free_lines(&after);
    free(text);
    free(file);
    if (rc != 0) return -1;
    i = j;
  }
  return total;
}
