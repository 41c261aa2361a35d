/* Sections written one level too high. Most pages nest "### Returned Data" in
 * "## Response Handling" and "### Parameter fields" in "## Method Parameters";
 * some 70 pages of the 2026 snapshot (the scrum backlog, imbot.v2,
 * crm.requisite.update) write them as level-2 sections of their own, which the
 * page builder takes for unknown sections and drops: the method then has no
 * returned fields or no fields.* parameters, and every rule that compares them
 * with the examples is silent. This pass reads them into the method after the
 * page is built, only where the method lacks what they hold, so that a builder
 * that reads them itself makes it a no-op. (It belongs in page.c's section
 * loop; see the lint report of issue 18.) */
#include <stdlib.h>

#include "model/late_sections.h"

static size_t section_end(b24_block **bl, size_t n, size_t i) {
  size_t j = i + 1;
  while (j < n && !(bl[j]->kind == B24_BLK_HEADING && bl[j]->level <= 2)) j++;
  return j;
}

void b24_late_sections(b24_bctx *c, const b24_doc *d, b24_method *m) {
  b24_block **bl = d->blocks.items;
  size_t n = d->blocks.n;
  for (size_t i = 0; i < n; i++) {
    const b24_block *h = bl[i];
    if (h->kind != B24_BLK_HEADING || h->level != 2 || !h->text) continue;
    size_t j = section_end(bl, n, i);
    b24_section_kind k = b24_vocab_section(h->text, NULL);
    if (k == B24_SEC_RETURNED && m->response.loc.line && !m->response.fields.n) {
      b24_response_from_section(c, bl + i + 1, j - i - 1, m);
    } else if (k == B24_SEC_NONE && m->params.n) {
      char *x = b24_vocab_nested_name(h->text);
      b24_param *t = x ? b24_params_match_section(&m->params, x) : NULL;
      /* the heading itself is passed: it is what points the tables at X */
      if (t && !t->children.n && !t->n_variants)
        b24_params_from_section(c, bl + i, j - i, &m->params);
      free(x);
    }
    i = j - 1;
  }
}
