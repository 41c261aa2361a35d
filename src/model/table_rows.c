/* A table row written twice: every cell the same as an earlier row's of the
 * same table. The parameter and error readers say so for the tables they
 * read (param-duplicate, error-duplicate); this check covers every #| table
 * of every page, so that a row pasted twice is found on pages no reader
 * understands (a header "Name /", an object page such as
 * rest-app-layout-dto.md, a page whose title names no method). lint drops
 * this finding where a reader's says the same (lint.c). */
#include <stdlib.h>
#include <string.h>

#include "model/table_rows.h"
#include "util/buf.h"

/* The row's cells joined, or NULL when every cell is empty (a spacer). */
static char *row_key(const b24_row *r) {
  b24_buf b = B24_BUF_INIT;
  int text = 0;
  for (size_t i = 0; i < r->n_cells; i++) {
    const char *raw = r->cells[i].raw ? r->cells[i].raw : "";
    text |= *raw != 0;
    b24_buf_puts(&b, raw);
    b24_buf_putc(&b, '\x1f');
  }
  if (!text) {
    b24_buf_free(&b);
    return NULL;
  }
  return b24_buf_take(&b);
}

static void check_table(b24_bctx *c, const b24_block *t) {
  if (t->n_rows < 3) return;
  char **keys = calloc(t->n_rows, sizeof *keys);
  for (size_t i = 1; i < t->n_rows; i++) { /* row 0 is the header */
    keys[i] = row_key(&t->rows[i]);
    if (!keys[i]) continue;
    for (size_t k = 1; k < i; k++) {
      if (!keys[k] || strcmp(keys[k], keys[i])) continue;
      b24_blint(c, t->rows[i].line, B24_WARNING, "table-row-duplicate",
                "this row repeats the row of line %d", t->rows[k].line);
      break;
    }
  }
  for (size_t i = 0; i < t->n_rows; i++) free(keys[i]);
  free(keys);
}

static void walk(b24_bctx *c, const b24_blocks *bs, int depth) {
  if (depth > 32) return;
  for (size_t i = 0; i < bs->n; i++) {
    const b24_block *b = bs->items[i];
    /* an included fragment's rows are its own file's: the page's lines differ */
    if (b->kind == B24_BLK_INCLUDE) continue;
    if (b->kind == B24_BLK_TABLE) {
      check_table(c, b);
      for (size_t r = 0; r < b->n_rows; r++)
        for (size_t k = 0; k < b->rows[r].n_cells; k++) walk(c, &b->rows[r].cells[k].blocks, depth + 1);
    }
    for (size_t t = 0; t < b->n_tabs; t++) walk(c, &b->tabs[t].blocks, depth + 1);
    walk(c, &b->children, depth + 1);
  }
}

void b24_table_row_duplicates(b24_bctx *c, const b24_doc *d) { walk(c, &d->blocks, 0); }
