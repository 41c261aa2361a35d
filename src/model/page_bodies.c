/* Broken JSON in cURL examples of pages that are no method page: widget and
 * placement pages (disableAutoClose), guides, overviews. A method's examples
 * are read with the method and their bodies checked by lint's example-json
 * rule; the examples of other pages are read by nobody, so a ':' lost in
 * their one-line bodies went unreported. The same reader (curl_body.c) is
 * used; what the rule takes for intentional (an abbreviated "...", a "//"
 * comment, a **placeholder**) is left alone here too. */
#include <stdlib.h>
#include <string.h>

#include "model/curl_body.h"
#include "model/page_bodies.h"

static int intentional(const char *err) {
  return strstr(err, "near '.") || strstr(err, "near '/") || strstr(err, "near '*") ||
         strstr(err, "read from the file");
}

static void check_code(b24_bctx *c, const b24_block *b) {
  const char *code = cmark_node_get_literal(b->node);
  if (!code || !strstr(code, "curl")) return;
  b24_body_read r;
  memset(&r, 0, sizeof r);
  if (b24_curl_body(code, strlen(code), &r) && r.error && !intentional(r.error)) {
    int line = b->line + 1; /* the fence, then the code */
    for (size_t i = 0; i < r.at && code[i]; i++) line += code[i] == '\n';
    const char *why = r.error;
    if (!strncmp(why, "line ", 5) && strchr(why, ':')) {
      line += atoi(why + 5) - 1;
      for (why = strchr(why, ':') + 1; *why == ' '; why++)
        ;
    }
    b24_blint(c, line, B24_WARNING, "example-json", "request body of the cURL example is not JSON: %s",
              why);
  }
  b24_body_read_free(&r);
}

static void walk(b24_bctx *c, const b24_blocks *bs, int depth) {
  if (depth > 32) return;
  for (size_t i = 0; i < bs->n; i++) {
    const b24_block *b = bs->items[i];
    if (b->kind == B24_BLK_INCLUDE) continue; /* a fragment's lines are its own */
    if (b->kind == B24_BLK_CODE) check_code(c, b);
    for (size_t t = 0; t < b->n_tabs; t++) walk(c, &b->tabs[t].blocks, depth + 1);
    walk(c, &b->children, depth + 1);
  }
}

void b24_page_curl_bodies(b24_bctx *c, const b24_doc *d) { walk(c, &d->blocks, 0); }
