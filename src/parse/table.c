/* #| ... |# tables. A row is `|| cell | cell ||`; cells hold any blocks, even nested
 * tables, and span lines. Pipes are ignored inside triple-backtick spans and fences
 * and when escaped as \|; single backticks do not protect them (as in the reference
 * renderer). The corpus breaks the grammar in a few known ways, which are repaired
 * with a diagnostic rather than dropped:
 *  - a row closed by |# instead of ||;
 *  - a row never closed, swallowing the next (a || opening a line while a row with
 *    content is open starts a new row);
 *  - `|| ||` making an empty phantom row;
 *  - stray text between rows (`- ||`). */
#include <stdlib.h>
#include <string.h>

#include "parse/parse_internal.h"
#include "util/buf.h"

typedef struct segvec {
  b24_srcline *v;
  size_t n, cap;
} segvec;

static void seg_push(segvec *s, const char *p, size_t len, int line, int col) {
  if (s->n == s->cap) {
    s->cap = s->cap ? s->cap * 2 : 8;
    s->v = realloc(s->v, s->cap * sizeof *s->v);
    if (!s->v) abort();
  }
  s->v[s->n++] = (b24_srcline){p, len, line, col};
}

typedef struct cellvec {
  segvec *v;
  size_t n, cap;
} cellvec;

typedef struct table_state {
  b24_pctx *c;        /* NULL when only measuring the extent */
  int in_row;
  int row_line;
  cellvec cells;      /* the current row's cells; the last is the open one */
  const char *cell_start; /* where the open cell's text on the current line starts */
  int stray_line, stray_col;
  const char *stray_mark; /* "- ||": a list mark before a row, the one stray text with */
  size_t stray_mark_len;  /* a safe correction (drop the mark) */
  b24_row *rows;
  size_t n_rows, cap_rows;
} table_state;

static int has_content(const segvec *s) {
  for (size_t i = 0; i < s->n; i++)
    for (size_t k = 0; k < s->v[i].len; k++)
      if (s->v[i].s[k] != ' ' && s->v[i].s[k] != '\t') return 1;
  return 0;
}

static int row_has_content(const table_state *t) {
  for (size_t i = 0; i < t->cells.n; i++)
    if (has_content(&t->cells.v[i])) return 1;
  return 0;
}

static void open_cell(table_state *t, const char *at) {
  if (t->cells.n == t->cells.cap) {
    t->cells.cap = t->cells.cap ? t->cells.cap * 2 : 4;
    t->cells.v = realloc(t->cells.v, t->cells.cap * sizeof *t->cells.v);
    if (!t->cells.v) abort();
  }
  t->cells.v[t->cells.n++] = (segvec){0};
  t->cell_start = at;
}

/* Ends the open cell's text on this line at `at`. */
static void cut_cell(table_state *t, const b24_srcline *l, const char *at) {
  if (!t->cells.n || !t->cell_start) return;
  segvec *s = &t->cells.v[t->cells.n - 1];
  seg_push(s, t->cell_start, (size_t)(at - t->cell_start), l->line,
           l->col + (int)(t->cell_start - l->s));
  t->cell_start = NULL;
}

static void free_cells(table_state *t) {
  for (size_t i = 0; i < t->cells.n; i++) free(t->cells.v[i].v);
  t->cells.n = 0;
}

/* Turns the collected text of a cell into a b24_cell: trimmed, then scanned. */
static void build_cell(b24_pctx *c, segvec *s, b24_cell *out) {
  size_t a = 0, b = s->n;
  /* Trim leading whitespace of the first segment and blank segments around. */
  while (a < b) {
    b24_srcline *x = &s->v[a];
    while (x->len && (x->s[0] == ' ' || x->s[0] == '\t')) x->s++, x->len--, x->col++;
    if (x->len) break;
    a++;
  }
  while (b > a && b24_line_is_blank(&s->v[b - 1])) b--;
  if (b > a) {
    b24_srcline *x = &s->v[b - 1];
    while (x->len && (x->s[x->len - 1] == ' ' || x->s[x->len - 1] == '\t')) x->len--;
  }
  out->line = a < b ? s->v[a].line : (s->n ? s->v[0].line : 0);
  out->col = a < b ? s->v[a].col : 1;
  b24_buf raw = B24_BUF_INIT;
  for (size_t i = a; i < b; i++) {
    if (i > a) b24_buf_putc(&raw, '\n');
    b24_buf_put(&raw, s->v[i].s, s->v[i].len);
  }
  out->raw = b24_arena_strndup(c->arena, b24_buf_cstr(&raw), raw.len);
  b24_buf_free(&raw);
  if (b > a) b24_scan(c, s->v + a, b - a, &out->blocks);
}

static void close_row(table_state *t) {
  t->in_row = 0;
  /* A lone empty cell is no row; an empty cell after a | is a cell (`|| **X** | ||`). */
  if (t->cells.n == 1 && !has_content(&t->cells.v[0])) {
    free(t->cells.v[t->cells.n - 1].v);
    t->cells.n--;
  }
  if (t->c && t->cells.n) {
    if (t->n_rows == t->cap_rows) {
      t->cap_rows = t->cap_rows ? t->cap_rows * 2 : 16;
      t->rows = realloc(t->rows, t->cap_rows * sizeof *t->rows);
      if (!t->rows) abort();
    }
    b24_row *r = &t->rows[t->n_rows++];
    r->line = t->row_line;
    r->n_cells = t->cells.n;
    r->cells = b24_arena_alloc(t->c->arena, t->cells.n * sizeof *r->cells);
    for (size_t i = 0; i < t->cells.n; i++) build_cell(t->c, &t->cells.v[i], &r->cells[i]);
  }
  free_cells(t);
}

static void open_row(table_state *t, const b24_srcline *l, const char *after) {
  t->in_row = 1;
  t->row_line = l->line;
  open_cell(t, after);
}

static void stray_flush(table_state *t) {
  if (t->stray_line && t->c) {
    b24_pdiag(t->c, t->stray_line, t->stray_col, B24_WARNING, "table-stray-text",
              "text between table rows is ignored");
    if (t->stray_mark) b24_diag_fix(t->c->diags, t->stray_line, t->stray_mark, t->stray_mark_len, "||");
  }
  t->stray_line = 0;
  t->stray_mark = NULL;
}

/* "- ||" at p: a list mark (and blanks) right before a row's ||; its length. */
static size_t list_mark_before_row(const char *p, const char *e) {
  if (*p != '-' && *p != '*') return 0;
  const char *q = p + 1;
  while (q < e && (*q == ' ' || *q == '\t')) q++;
  return q > p + 1 && q + 1 < e && q[0] == '|' && q[1] == '|' ? (size_t)(q + 2 - p) : 0;
}

/* The blanks a source line starts with, for a line the fix adds next to it. */
static size_t leading_blanks(const b24_srcline *l) {
  size_t k = 0;
  while (k < l->len && (l->s[k] == ' ' || l->s[k] == '\t')) k++;
  return k;
}

/* A row not closed before the next one opens (at line index next): reported
 * where the || is missing, the end of the row's last line that has text, with
 * " ||" there as the correction. */
static void report_unclosed(table_state *t, const b24_srcline *lines, size_t next) {
  for (size_t k = next; k-- > 0;) {
    const b24_srcline *l = &lines[k];
    size_t a = leading_blanks(l), b = l->len;
    while (b > a && (l->s[b - 1] == ' ' || l->s[b - 1] == '\t' || l->s[b - 1] == '\r')) b--;
    if (b == a) continue;
    b24_pdiag(t->c, l->line, l->col + (int)b, B24_WARNING, "table-row-unclosed",
              "table row is not closed with ||; a new row starts on line %d", lines[next].line);
    b24_buf closed = B24_BUF_INIT;
    b24_buf_put(&closed, l->s + a, b - a);
    b24_buf_puts(&closed, " ||");
    b24_diag_fix(t->c->diags, l->line, l->s + a, b - a, b24_buf_cstr(&closed));
    b24_buf_free(&closed);
    return;
  }
}

static int rest_blank(const char *p, const char *e) {
  for (; p < e; p++)
    if (*p != ' ' && *p != '\t') return 0;
  return 1;
}

/* The scanner proper; with t->c NULL it only measures. Returns lines consumed. */
static size_t scan(table_state *t, const b24_srcline *lines, size_t n) {
  size_t indent = b24_indent_of(&lines[0]);
  int in_code = 0, nest = 0;
  for (size_t li = 0; li < n; li++) {
    b24_srcline l = b24_dedent(&lines[li], indent);
    const char *p = l.s, *e = l.s + l.len;
    if (li == 0) {
      p = b24_dedent(&l, 64).s + 2; /* past #| */
    } else if (t->in_row && !in_code) {
      b24_srcline d = b24_dedent(&l, 64);
      if (d.len >= 2 && d.s[0] == '#' && d.s[1] == '|') {
        nest++;
        p = d.s + 2;
      }
    }
    if (t->in_row && t->cell_start == NULL) t->cell_start = (li == 0) ? p : l.s;
    const char *line_first = b24_dedent(&l, 64).s;
    while (p < e) {
      if (in_code) {
        if (e - p >= 3 && p[0] == '`' && p[1] == '`' && p[2] == '`') in_code = 0, p += 3;
        else p++;
        continue;
      }
      if (*p == '\\' && p + 1 < e) { p += 2; continue; }
      if (e - p >= 3 && p[0] == '`' && p[1] == '`' && p[2] == '`') {
        in_code = 1;
        p += 3;
        continue;
      }
      if (*p != '|') {
        if (!t->in_row && *p != ' ' && *p != '\t' && !t->stray_line) {
          t->stray_line = l.line;
          t->stray_col = l.col + (int)(p - l.s);
          t->stray_mark_len = p == line_first ? list_mark_before_row(p, e) : 0;
          t->stray_mark = t->stray_mark_len ? p : NULL;
        }
        p++;
        continue;
      }
      if (nest) {
        if (p + 1 < e && p[1] == '#') nest--, p += 2;
        else p++;
        continue;
      }
      if (p + 1 < e && p[1] == '#') { /* |# */
        if (t->in_row) {
          cut_cell(t, &l, p);
          if (row_has_content(t)) {
            if (t->c) {
              b24_pdiag(t->c, l.line, l.col + (int)(p - l.s), B24_WARNING, "table-row-unclosed",
                        "table row ends with |# instead of ||");
              /* The row closed, and the table on a line of its own. */
              b24_buf closed = B24_BUF_INIT;
              b24_buf_puts(&closed, "||\n");
              b24_buf_put(&closed, lines[0].s, leading_blanks(&lines[0]));
              b24_buf_puts(&closed, "|#");
              b24_diag_fix(t->c->diags, l.line, "|#", 2, b24_buf_cstr(&closed));
              b24_buf_free(&closed);
              b24_parser_count_bad_row(t->c->p);
            }
            close_row(t);
          } else {
            free_cells(t);
            t->in_row = 0;
          }
        }
        stray_flush(t);
        return li + 1;
      }
      if (p + 1 < e && p[1] == '|') { /* || */
        const char *after = p + 2;
        if (!t->in_row) {
          stray_flush(t);
          open_row(t, &l, after);
        } else if (!row_has_content(t) && !(t->cells.n == 1 && t->cell_start &&
                                            !rest_blank(t->cell_start, p))) {
          /* `|| ||`: an empty phantom row; the second || opens the real one. */
          free_cells(t);
          open_row(t, &l, after);
        } else if (p == line_first && !rest_blank(after, e)) {
          cut_cell(t, &l, p);
          if (t->c) {
            report_unclosed(t, lines, li);
            b24_parser_count_bad_row(t->c->p);
          }
          close_row(t);
          open_row(t, &l, after);
        } else {
          cut_cell(t, &l, p);
          close_row(t);
        }
        p = after;
        continue;
      }
      /* a single | */
      if (t->in_row) {
        cut_cell(t, &l, p);
        open_cell(t, p + 1);
      } else if (!t->stray_line) {
        t->stray_line = l.line;
        t->stray_col = l.col + (int)(p - l.s);
      }
      p++;
    }
    if (t->in_row) cut_cell(t, &l, e);
  }
  /* Never closed. */
  if (t->c) {
    b24_pdiag(t->c, lines[0].line, lines[0].col, B24_WARNING, "unterminated-block",
              "#| table is never closed by |#");
    if (t->in_row && row_has_content(t)) b24_parser_count_bad_row(t->c->p);
  }
  if (t->in_row) close_row(t);
  stray_flush(t);
  return n;
}

size_t b24_table_extent(const b24_srcline *lines, size_t n) {
  table_state t = {0};
  size_t used = scan(&t, lines, n);
  free_cells(&t);
  free(t.cells.v);
  return used;
}

/* Rows with another number of cells than the first (the header): a '|' lost
 * runs two cells together, an unescaped one splits a cell. A row of a single
 * cell is left to the readers of parameter and error tables, which say what
 * it means for them. */
static void cell_counts(b24_pctx *c, const b24_row *rows, size_t n) {
  for (size_t i = 1; i < n; i++) {
    size_t want = rows[0].n_cells, got = rows[i].n_cells;
    if (got == want || got < 2) continue;
    if (got > want)
      b24_pdiag(c, rows[i].line, 1, B24_WARNING, "table-cell-count",
                "table row has %zu cells, the header has %zu (an unescaped '|'?)", got, want);
    else
      b24_pdiag(c, rows[i].line, 1, B24_WARNING, "table-cell-count",
                "table row has %zu cells, the header has %zu (a '|' lost?)", got, want);
  }
}

size_t b24_scan_table(b24_pctx *c, const b24_srcline *lines, size_t n, b24_blkvec *out) {
  table_state t = {0};
  t.c = c;
  b24_block *b = b24_new_block(c, B24_BLK_TABLE, lines[0].line, lines[0].col);
  c->depth++;
  size_t used = scan(&t, lines, n);
  c->depth--;
  free_cells(&t);
  free(t.cells.v);
  b->n_rows = t.n_rows;
  cell_counts(c, t.rows, t.n_rows);
  if (t.n_rows) {
    b->rows = b24_arena_alloc(c->arena, t.n_rows * sizeof *b->rows);
    memcpy(b->rows, t.rows, t.n_rows * sizeof *b->rows);
  }
  free(t.rows);
  b24_blkvec_push(out, b);
  return used;
}
