/* Prints the YFM block tree of pages, one block a line, for parser tests:
 *   blockdump ROOT PAGE...   (diagnostics go to stderr) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse/blocks.h"

static void dump(const b24_blocks *bs, int depth);

static void indent(int d) {
  for (int i = 0; i < d; i++) fputs("  ", stdout);
}

static void put_oneline(const char *s, size_t max) {
  size_t n = 0;
  for (; s && *s && n < max; s++, n++) putchar(*s == '\n' ? ' ' : *s);
  if (s && *s) fputs("...", stdout);
}

static const char *kind_name(b24_block_kind k) {
  static const char *names[] = {"heading", "paragraph", "list", "code", "quote", "html", "hr",
                                "table", "tabs", "note", "cut", "if", "include"};
  return names[k];
}

static void dump_block(const b24_block *b, int depth) {
  indent(depth);
  printf("%s %s:%d", kind_name(b->kind), b->file, b->line);
  if (b->kind == B24_BLK_HEADING) {
    printf(" h%d \"%s\"", b->level, b->text);
    if (b->anchor) printf(" #%s", b->anchor);
  } else if (b->node && b->kind != B24_BLK_LIST) {
    char *t = b24_node_plain_text(b->node);
    fputs(" \"", stdout);
    put_oneline(t, 60);
    putchar('"');
    free(t);
  } else if (b->text) {
    printf(" \"%s\"", b->text);
  }
  if (b->extra) printf(" [%s]", b->extra);
  putchar('\n');
  for (size_t r = 0; r < b->n_rows; r++) {
    indent(depth + 1);
    printf("row %d:", b->rows[r].line);
    for (size_t c = 0; c < b->rows[r].n_cells; c++) {
      fputs(" | ", stdout);
      put_oneline(b->rows[r].cells[c].raw, 40);
    }
    putchar('\n');
    for (size_t c = 0; c < b->rows[r].n_cells; c++) {
      const b24_cell *cl = &b->rows[r].cells[c];
      for (size_t k = 0; k < cl->blocks.n; k++)
        if (cl->blocks.items[k]->kind >= B24_BLK_TABLE) dump_block(cl->blocks.items[k], depth + 2);
    }
  }
  for (size_t t = 0; t < b->n_tabs; t++) {
    indent(depth + 1);
    printf("tab \"%s\" :%d\n", b->tabs[t].name, b->tabs[t].line);
    dump(&b->tabs[t].blocks, depth + 2);
  }
  dump(&b->children, depth + 1);
}

static void dump(const b24_blocks *bs, int depth) {
  for (size_t i = 0; i < bs->n; i++) dump_block(bs->items[i], depth);
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fputs("usage: blockdump ROOT PAGE...\n", stderr);
    return 2;
  }
  b24_diags diags;
  b24_diags_init(&diags);
  diags.echo = stderr;
  b24_parser *p = b24_parser_new(argv[1], &diags);
  for (int i = 2; i < argc; i++) {
    b24_doc *d = b24_parse_page(p, argv[i], NULL);
    if (!d) continue;
    dump(&d->blocks, 0);
    b24_doc_free(p, d);
  }
  b24_parser_free(p);
  int rc = diags.n_errors ? 1 : 0;
  b24_diags_free(&diags);
  return rc;
}
