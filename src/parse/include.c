/* {% include [title](path) %}: resolved relative to the including page, confined to
 * the docs root, cycles reported; and {% if %} conditions over presets.yaml. */
#include <stdlib.h>
#include <string.h>

#include "parse/parse_internal.h"
#include "util/buf.h"
#include "util/fsutil.h"

/* Extracts the link target of "[text](path)" (optionally after "notitle"). args
 * points into the page text: the search stops at the end of the directive's line,
 * or a broken include would take the next link of the page for its target. */
static int include_target(const char *args, const char **s, size_t *n) {
  size_t len = strcspn(args, "\n");
  const char *q = NULL;
  for (size_t i = 0; i + 1 < len && !q; i++)
    if (args[i] == ']' && args[i + 1] == '(') q = args + i;
  if (!q) return 0;
  q += 2;
  const char *e = memchr(q, ')', (size_t)(args + len - q));
  if (!e || e == q) return 0;
  const char *hash = memchr(q, '#', (size_t)(e - q));
  if (hash) e = hash;
  while (q < e && *q == ' ') q++;
  while (e > q && e[-1] == ' ') e--;
  *s = q;
  *n = (size_t)(e - q);
  return *n > 0;
}

b24_block *b24_scan_include(b24_pctx *c, const b24_srcline *l, const char *args) {
  b24_block *b = b24_new_block(c, B24_BLK_INCLUDE, l->line, l->col);
  const char *ps;
  size_t pn;
  if (!include_target(args, &ps, &pn)) {
    b24_pdiag(c, l->line, l->col, B24_WARNING, "include-syntax",
              "cannot read the include: expected {%% include [title](path) %%}");
    return b;
  }
  char *written = strndup(ps, pn);
  b->text = b24_arena_strdup(c->arena, written);
  char *resolved;
  if (written[0] == '/') {
    resolved = b24_path_normalize(written + 1);
  } else {
    char *dir = b24_path_dirname(c->file);
    resolved = b24_path_join(dir, written);
    free(dir);
  }
  if (!resolved || resolved[0] == '/') {
    b24_pdiag(c, l->line, l->col, B24_ERROR, "include-outside-root",
              "include '%s' points outside the docs root", written);
  } else {
    int cycle = !strcmp(resolved, c->file);
    for (size_t i = 0; !cycle && i < c->n_include_stack; i++)
      cycle = !strcmp(c->include_stack[i], resolved);
    if (cycle) {
      b24_buf chain = B24_BUF_INIT;
      for (size_t i = 0; i < c->n_include_stack; i++)
        b24_buf_printf(&chain, "%s -> ", c->include_stack[i]);
      b24_buf_printf(&chain, "%s -> %s", c->file, resolved);
      b24_pdiag(c, l->line, l->col, B24_ERROR, "include-cycle", "include cycle: %s",
                chain.data);
      b24_buf_free(&chain);
    } else {
      b24_doc *d = b24_parser_cached_include(c->p, c, resolved, l->line, l->col);
      if (d) {
        b->extra = b24_arena_strdup(c->arena, resolved);
        b->children = d->blocks;
      }
    }
  }
  free(resolved);
  free(written);
  return b;
}
