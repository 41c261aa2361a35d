/* Lint suppressions written in a page as HTML comments. Lint may not read the
 * Markdown, so the builder records them in the page:
 *   <!-- b24spec-disable-line table-cell-count -->       this line
 *   <!-- b24spec-disable-next-line type-unknown, x -->   the next line
 * Without rule ids every rule is suppressed on that line. */
#include <ctype.h>
#include <string.h>

#include "model/build.h"

static const char *skip_space(const char *s) {
  while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') s++;
  return s;
}

/* Reads the directive of the comment starting at s ("<!--"); returns 1 with the
 * suppression filled in when it is one. */
static int read_comment(b24_bctx *c, const char *s, int line, b24_suppression *out) {
  static const char next[] = "b24spec-disable-next-line", this_line[] = "b24spec-disable-line";
  const char *p = skip_space(s + 4);
  const char *end = strstr(p, "-->");
  if (!end) return 0;
  if (!strncmp(p, next, sizeof next - 1)) {
    out->line = line + 1;
    p += sizeof next - 1;
  } else if (!strncmp(p, this_line, sizeof this_line - 1)) {
    out->line = line;
    p += sizeof this_line - 1;
  } else {
    return 0;
  }
  if (p < end && !isspace((unsigned char)*p)) return 0; /* b24spec-disable-lines */
  size_t cap = 0;
  out->rules = NULL;
  out->n_rules = 0;
  while (p < end) {
    p = skip_space(p);
    const char *e = p;
    while (e < end && !isspace((unsigned char)*e) && *e != ',') e++;
    if (e > p) *B24_VEC_PUSH(c->a, out->rules, out->n_rules, cap) = b24_arena_strndup(c->a, p, (size_t)(e - p));
    p = e < end ? e + 1 : e;
  }
  return 1;
}

void b24_suppressions_from_html(b24_bctx *c, b24_page *page, size_t *cap, const char *html,
                                int line) {
  if (!html || !strstr(html, "b24spec-disable")) return;
  int at = line;
  for (const char *s = html; *s; s++) {
    if (*s == '\n') at++;
    if (strncmp(s, "<!--", 4) != 0) continue;
    b24_suppression sup;
    if (read_comment(c, s, at, &sup))
      *B24_VEC_PUSH(c->a, page->suppressions, page->n_suppressions, *cap) = sup;
  }
}
