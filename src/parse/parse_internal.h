/* Shared by the parser's files; not part of its interface. */
#ifndef B24_PARSE_INTERNAL_H
#define B24_PARSE_INTERNAL_H
#include "parse/blocks.h"

/* One line of source as the scanner sees it: after container indentation is
 * removed, s points into the page text; col is the 1-based column of s[0]. */
typedef struct b24_srcline {
  const char *s;
  size_t len;
  int line;
  int col;
} b24_srcline;

typedef struct b24_blkvec {
  b24_block **v;
  size_t n, cap;
} b24_blkvec;

enum { B24_MAX_NESTING = 24 };

/* What one page's parse needs: where its memory and diagnostics go. */
typedef struct b24_pctx {
  b24_parser *p;
  b24_diags *diags;     /* the page's, or the fragment's own */
  int own_diags;        /* diags are the parser's: one thread, reported as they come */
  size_t page_no;       /* of the page being parsed, for the include cache */
  size_t entry;         /* the include entry being parsed; SIZE_MAX for a page */
  b24_arena *arena;
  const char *file;     /* page path relative to the root (arena-owned) */
  const char *display;  /* the path diagnostics show */
  b24_chunk **chunks;   /* every cmark document made, to free them with the page */
  size_t n_chunks, cap_chunks;
  int depth;
  const char **include_stack; /* pages being included, for cycle detection */
  size_t n_include_stack;
} b24_pctx;

/* source.c */
/* Replaces invalid UTF-8 with U+FFFD (reporting the first offenders) and NUL bytes
 * with spaces, so the rest of the parser may assume valid text. malloc'd. */
char *b24_sanitize_utf8(b24_pctx *c, const char *data, size_t len, size_t *out_len);
/* Splits text into lines (\n, \r\n). Returns a malloc'd array. */
b24_srcline *b24_split_lines(const char *text, size_t len, size_t *n_out);
size_t b24_indent_of(const b24_srcline *l);   /* leading spaces (a tab counts 4) */
b24_srcline b24_dedent(const b24_srcline *l, size_t n); /* removes up to n columns */
int b24_line_is_blank(const b24_srcline *l);

/* scan.c */
void b24_scan(b24_pctx *c, const b24_srcline *lines, size_t n, b24_blocks *out);
b24_block *b24_new_block(b24_pctx *c, b24_block_kind kind, int line, int col);
void b24_blkvec_push(b24_blkvec *v, b24_block *b);
void b24_blkvec_finish(b24_pctx *c, b24_blkvec *v, b24_blocks *out);
void b24_pdiag(b24_pctx *c, int line, int col, b24_severity sev, const char *rule,
               const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* table.c */
/* Parses the #| table that starts on lines[0]; returns how many lines it used. */
size_t b24_scan_table(b24_pctx *c, const b24_srcline *lines, size_t n, b24_blkvec *out);
/* Finds where the table starting on lines[0] ends without building it. */
size_t b24_table_extent(const b24_srcline *lines, size_t n);

/* markdown.c */
void b24_scan_markdown(b24_pctx *c, const b24_srcline *lines, size_t n, b24_blkvec *out);

/* include.c */
b24_block *b24_scan_include(b24_pctx *c, const b24_srcline *l, const char *args);
int b24_presets_eval(b24_parser *p, const char *cond, int *known);

/* parser.c */
b24_doc *b24_parser_cached_include(b24_parser *p, b24_pctx *from, const char *path,
                                   int line, int col);
void b24_parser_count_bad_row(b24_parser *p);

#endif
