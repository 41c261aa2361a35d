/* The YFM block tree of one page: what the parser makes of the Markdown before the
 * model builder reads meaning into it. CommonMark blocks come from cmark; YFM blocks
 * (#| tables, {% list tabs %}, {% note %}, {% cut %}, {% if %}, {% include %}) are
 * this project's. Every block knows its file and line. */
#ifndef B24_BLOCKS_H
#define B24_BLOCKS_H
#include <cmark.h>
#include <stdbool.h>
#include <stddef.h>

#include "util/arena.h"
#include "util/diag.h"

typedef enum {
  B24_BLK_HEADING,
  B24_BLK_PARAGRAPH,
  B24_BLK_LIST,
  B24_BLK_CODE,
  B24_BLK_QUOTE,
  B24_BLK_HTML,
  B24_BLK_HR,
  B24_BLK_TABLE,   /* #| ... |# */
  B24_BLK_TABS,    /* {% list tabs %} */
  B24_BLK_NOTE,    /* {% note %} */
  B24_BLK_CUT,     /* {% cut %} */
  B24_BLK_IF,      /* {% if %}: children are the branch the presets select */
  B24_BLK_INCLUDE, /* {% include %}: children are the included page's blocks */
} b24_block_kind;

typedef struct b24_block b24_block;

typedef struct b24_blocks {
  b24_block **items;
  size_t n;
} b24_blocks;

/* The source lines a markdown chunk was made of, so that a cmark node's line
 * (relative to the chunk) maps back to the file. */
typedef struct b24_chunk {
  const char *file;
  int *lines;    /* chunk line k (1-based) -> source line lines[k-1] */
  int *cols;     /* 1-based source column of the chunk line's first byte */
  int n_lines;
  cmark_node *doc;
} b24_chunk;

typedef struct b24_cell {
  b24_blocks blocks;
  char *raw;     /* the cell's text as written, trimmed, indentation removed */
  int line, col;
} b24_cell;

typedef struct b24_row {
  b24_cell *cells;
  size_t n_cells;
  int line;
} b24_row;

typedef struct b24_tab {
  char *name;
  int line;
  b24_blocks blocks;
} b24_tab;

struct b24_block {
  b24_block_kind kind;
  const char *file;
  int line, col;
  /* Markdown blocks: the cmark node (owned by chunk->doc) and its chunk. */
  cmark_node *node;
  b24_chunk *chunk;
  /* HEADING */
  int level;
  char *text;     /* HEADING: plain text with the {#id} suffix removed; NOTE/CUT: title;
                     IF: condition; INCLUDE: the path as written */
  char *anchor;   /* HEADING: explicit {#id}, else NULL */
  /* TABLE */
  b24_row *rows;
  size_t n_rows;
  /* TABS */
  b24_tab *tabs;
  size_t n_tabs;
  /* NOTE: type (info, tip, warning, alert); INCLUDE: resolved path, NULL when broken */
  char *extra;
  /* NOTE, CUT, IF, INCLUDE */
  b24_blocks children;
};

/* A parsed page: its block tree and the memory behind it. */
typedef struct b24_doc {
  const char *path;  /* relative to the docs root */
  b24_blocks blocks;
  size_t n_bytes;
} b24_doc;

/* Parsing context shared by the pages of one load: the docs root, the include
 * cache, the presets that decide {% if %}, and where diagnostics go. */
typedef struct b24_parser b24_parser;

/* The largest page read (the largest real page is well under 1 MiB); a larger one
 * is reported and skipped rather than parsed into gigabytes of tree. */
#define B24_MAX_PAGE_BYTES (8 << 20)

b24_parser *b24_parser_new(const char *root, b24_diags *diags);
void b24_parser_free(b24_parser *p);

/* Where one page's parse reports: its own diagnostics, and its place in the load's
 * page order. Pages may be parsed on several threads at once; the included
 * fragments are parsed once, by whichever page gets there first, so their
 * diagnostics are kept apart and handed out in page order (below). */
typedef struct b24_parse_report {
  b24_diags *diags; /* NULL: the parser's */
  size_t page_no;   /* the page's index in the load */
} b24_parse_report;

/* Parses the page at root/path. Returns NULL (with a diagnostic) when unreadable.
 * The document is valid until b24_doc_free or b24_parser_free. Safe to call from
 * several threads at once when each passes its own report. */
b24_doc *b24_parse_page(b24_parser *p, const char *path, const b24_parse_report *r);
/* Parses bytes given directly (fuzzing, tests); path names them in diagnostics. */
b24_doc *b24_parse_bytes(b24_parser *p, const char *path, const char *data, size_t len,
                         const b24_parse_report *r);
void b24_doc_free(b24_parser *p, b24_doc *d);
/* Appends the diagnostics of every included fragment whose first user, in page
 * order, is page_no (fragments sorted by path). Called once per page, in rising
 * page order, after all pages are parsed (no include may be parsed after): the
 * report is then the same for any number of threads. The parser's own
 * diagnostics get them as they happen instead. */
void b24_parser_include_diags(b24_parser *p, size_t page_no, b24_diags *out);
/* Counts table rows the parser had to repair or drop (for stats). */
size_t b24_parser_rows_unparsed(const b24_parser *p);
/* The path shown in diagnostics for a page: root joined with the page path. malloc'd. */
char *b24_parser_display_path(const b24_parser *p, const char *path);

/* Inline helpers over cmark nodes. */
/* Plain text of a node: code spans keep their text, links their text, breaks become
 * spaces; the YFM attribute suffix {.class} / {#id} is dropped. malloc'd. */
char *b24_node_plain_text(cmark_node *n);
/* Source line of a node inside a markdown block. */
int b24_block_node_line(const b24_block *b, cmark_node *n);

#endif
