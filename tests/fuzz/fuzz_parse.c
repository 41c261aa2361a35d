/* libFuzzer target: any bytes as a page, parsed and modelled (derivations and an
 * event page's payload too). Seeds worth giving it: tests/data/model/layouts (one
 * page per layout the reader knows) and the corpus's event pages. The page may include
 * the fragments of tests/data/parse/bad (cycles, missing files), so include
 * resolution is exercised too. Build: cmake -DB24_FUZZ=ON with CC=clang. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/build.h"
#include "model/derive.h"
#include "parse/blocks.h"

#ifndef B24_FUZZ_ROOT
#define B24_FUZZ_ROOT "."
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  b24_diags diags;
  b24_diags_init(&diags);
  b24_parser *p = b24_parser_new(B24_FUZZ_ROOT, &diags);
  b24_doc *d = b24_parse_bytes(p, "pages/fuzz.md", (const char *)data, size, NULL);
  /* Build the page's model the way a load does. */
  b24_model m;
  memset(&m, 0, sizeof m);
  b24_arena_init(&m.arena);
  size_t unparsed = 0, reasons[B24_ROW_PROBLEM_COUNT] = {0};
  struct b24_interns *interns = b24_interns_new();
  b24_bctx c = {&m, &m.arena, &diags, NULL, "fuzz.md", NULL, &unparsed, reasons, interns, 0, 0};
  c.file = b24_intern(&c, "pages/fuzz.md");
  b24_page page;
  memset(&page, 0, sizeof page);
  b24_method *meth = NULL;
  b24_build_page(&c, d, &page, &meth);
  if (meth) { /* and what spans pages, over this one (model v2) */
    m.methods = meth;
    m.n_methods = 1;
    b24_model_derive(&m);
  }
  if (page.kind == B24_PAGE_EVENT) { /* the handler section, with or without a table */
    b24_event *ev = b24_build_event(&c, d, &page);
    json_decref(ev->example);
  }
  if (meth) {
    json_decref(meth->response.example);
    for (size_t i = 0; i < meth->n_examples; i++) json_decref(meth->examples[i].body);
  }
  b24_interns_free(interns);
  b24_arena_free(&m.arena);
  b24_doc_free(p, d);
  b24_parser_free(p);
  b24_diags_free(&diags);
  return 0;
}
