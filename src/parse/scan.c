/* The block scanner: splits a run of lines into YFM blocks ({% %} directives, #|
 * tables) and the markdown between them, which cmark parses. Tabs, notes, cuts
 * and the cells of tables are scanned again, recursively, as containers. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "parse/parse_internal.h"

void b24_pdiag(b24_pctx *c, int line, int col, b24_severity sev, const char *rule,
               const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  b24_diag_addv(c->diags, 0, c->display, line, col, sev, rule, fmt, ap);
  va_end(ap);
}

/* A style finding that only `lint` reports (lint_only). */
static void lint_finding(b24_pctx *c, int line, int col, b24_severity sev, const char *rule,
                         const char *fmt, ...) __attribute__((format(printf, 6, 7)));
static void lint_finding(b24_pctx *c, int line, int col, b24_severity sev, const char *rule,
                         const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  b24_diag_addv(c->diags, 1, c->display, line, col, sev, rule, fmt, ap);
  va_end(ap);
}

b24_block *b24_new_block(b24_pctx *c, b24_block_kind kind, int line, int col) {
  b24_block *b = b24_arena_alloc(c->arena, sizeof *b);
  b->kind = kind;
  b->file = c->file;
  b->line = line;
  b->col = col;
  return b;
}

void b24_blkvec_push(b24_blkvec *v, b24_block *b) {
  if (v->n == v->cap) {
    v->cap = v->cap ? v->cap * 2 : 8;
    v->v = realloc(v->v, v->cap * sizeof *v->v);
    if (!v->v) abort();
  }
  v->v[v->n++] = b;
}

void b24_blkvec_finish(b24_pctx *c, b24_blkvec *v, b24_blocks *out) {
  out->n = v->n;
  out->items = v->n ? b24_arena_alloc(c->arena, v->n * sizeof *v->v) : NULL;
  if (v->n) memcpy(out->items, v->v, v->n * sizeof *v->v);
  free(v->v);
  v->v = NULL;
  v->n = v->cap = 0;
}

typedef enum {
  DIR_NONE,
  DIR_TABS, DIR_NOTE, DIR_CUT, DIR_IF, DIR_INCLUDE,
  DIR_ENDLIST, DIR_ENDNOTE, DIR_ENDCUT, DIR_ENDIF, DIR_ELSE,
  DIR_OTHER, /* a {% %} we do not interpret ({% changelog %}, {% list %} of other kinds) */
} dir_kind;

typedef struct directive {
  dir_kind kind;
  const char *args; /* after the keyword, up to %} */
  size_t args_len;
} directive;

static const char *skip_ws(const char *s, const char *e) {
  while (s < e && (*s == ' ' || *s == '\t')) s++;
  return s;
}

static int word_is(const char *s, const char *e, const char *w) {
  size_t n = strlen(w);
  return (size_t)(e - s) >= n && !memcmp(s, w, n) &&
         (s + n == e || s[n] == ' ' || s[n] == '\t' || s[n] == '%');
}

/* Recognizes a line that is a {% ... %} directive (and nothing else of note). */
static directive parse_directive(const b24_srcline *l) {
  directive d = {DIR_NONE, NULL, 0};
  const char *e = l->s + l->len;
  const char *s = skip_ws(l->s, e);
  if (e - s < 2 || s[0] != '{' || s[1] != '%') return d;
  s = skip_ws(s + 2, e);
  const char *close = NULL;
  for (const char *q = s; q + 1 < e; q++)
    if (q[0] == '%' && q[1] == '}') { close = q; break; }
  if (!close) return d;
  const char *w = s;
  const char *we = w;
  while (we < close && *we != ' ' && *we != '\t') we++;
  const char *args = skip_ws(we, close);
  d.args = args;
  d.args_len = (size_t)(close - args);
  while (d.args_len && (args[d.args_len - 1] == ' ' || args[d.args_len - 1] == '\t')) d.args_len--;
  if (word_is(w, close, "list")) d.kind = word_is(args, close, "tabs") ? DIR_TABS : DIR_OTHER;
  else if (word_is(w, close, "note")) d.kind = DIR_NOTE;
  else if (word_is(w, close, "cut")) d.kind = DIR_CUT;
  else if (word_is(w, close, "if")) d.kind = DIR_IF;
  else if (word_is(w, close, "include")) d.kind = DIR_INCLUDE;
  else if (word_is(w, close, "endlist")) d.kind = DIR_ENDLIST;
  else if (word_is(w, close, "endnote")) d.kind = DIR_ENDNOTE;
  else if (word_is(w, close, "endcut")) d.kind = DIR_ENDCUT;
  else if (word_is(w, close, "endif")) d.kind = DIR_ENDIF;
  else if (word_is(w, close, "else") || word_is(w, close, "elsif")) d.kind = DIR_ELSE;
  else d.kind = DIR_OTHER;
  return d;
}

static dir_kind end_of(dir_kind k) {
  switch (k) {
  case DIR_TABS: return DIR_ENDLIST;
  case DIR_NOTE: return DIR_ENDNOTE;
  case DIR_CUT: return DIR_ENDCUT;
  case DIR_IF: return DIR_ENDIF;
  default: return DIR_NONE;
  }
}

static const char *dir_name(dir_kind k) {
  switch (k) {
  case DIR_TABS: return "list tabs";
  case DIR_NOTE: return "note";
  case DIR_CUT: return "cut";
  case DIR_IF: return "if";
  case DIR_ENDLIST: return "endlist";
  case DIR_ENDNOTE: return "endnote";
  case DIR_ENDCUT: return "endcut";
  case DIR_ENDIF: return "endif";
  case DIR_ELSE: return "else";
  default: return "?";
  }
}

/* A code fence opener: returns its length (3+) and sets *ch, else 0. */
static size_t fence_open(const b24_srcline *l, char *ch) {
  if (b24_indent_of(l) >= 4) return 0;
  b24_srcline d = b24_dedent(l, 4);
  if (d.len < 3 || (d.s[0] != '`' && d.s[0] != '~')) return 0;
  size_t n = 0;
  while (n < d.len && d.s[n] == d.s[0]) n++;
  if (n < 3) return 0;
  /* ```a|b``` on one line is a code span, not a fence. */
  if (d.s[0] == '`' && memchr(d.s + n, '`', d.len - n)) return 0;
  *ch = d.s[0];
  return n;
}

static int fence_closes(const b24_srcline *l, char ch, size_t len) {
  b24_srcline d = b24_dedent(l, 4);
  size_t n = 0;
  while (n < d.len && d.s[n] == ch) n++;
  if (n < len) return 0;
  for (size_t i = n; i < d.len; i++)
    if (d.s[i] != ' ' && d.s[i] != '\t') return 0;
  return 1;
}

static int starts_table(const b24_srcline *l) {
  b24_srcline d = b24_dedent(l, 64);
  return d.len >= 2 && d.s[0] == '#' && d.s[1] == '|';
}

/* Finds the line that ends the directive opened on lines[start], honouring nesting,
 * code fences and tables. Also reports the first {% else %} at the same depth. */
static long find_end(const b24_srcline *lines, size_t n, size_t start, dir_kind kind,
                     long *else_at) {
  int depth = 1;
  char fch = 0;
  size_t flen = 0;
  dir_kind endk = end_of(kind);
  if (else_at) *else_at = -1;
  for (size_t k = start + 1; k < n; k++) {
    const b24_srcline *l = &lines[k];
    if (flen) {
      if (fence_closes(l, fch, flen)) flen = 0;
      continue;
    }
    if ((flen = fence_open(l, &fch))) continue;
    if (starts_table(l)) {
      k += b24_table_extent(lines + k, n - k) - 1;
      continue;
    }
    directive d = parse_directive(l);
    if (d.kind == kind) depth++;
    else if (d.kind == endk && --depth == 0) return (long)k;
    else if (d.kind == DIR_ELSE && depth == 1 && kind == DIR_IF && else_at && *else_at < 0)
      *else_at = (long)k;
  }
  return -1;
}

static char *unquote_title(b24_pctx *c, const char *s, size_t n) {
  const char *q = memchr(s, '"', n);
  if (!q) return NULL;
  const char *e = memchr(q + 1, '"', n - (size_t)(q + 1 - s));
  if (!e) return NULL;
  return b24_arena_strndup(c->arena, q + 1, (size_t)(e - q - 1));
}

static int is_list_marker(const b24_srcline *l, size_t *name_off) {
  b24_srcline d = b24_dedent(l, 64);
  if (d.len >= 2 && (d.s[0] == '-' || d.s[0] == '*' || d.s[0] == '+') &&
      (d.s[1] == ' ' || d.s[1] == '\t')) {
    *name_off = (size_t)(d.s - l->s) + 2;
    return 1;
  }
  if (d.len == 1 && (d.s[0] == '-' || d.s[0] == '*' || d.s[0] == '+')) {
    *name_off = (size_t)(d.s - l->s) + 1;
    return 1;
  }
  return 0;
}

/* Scans the content of a container. Like a Markdown list item, the indentation of
 * its first line is its own; less indented (lazy) lines are taken as they are. */
static void scan_container(b24_pctx *c, const b24_srcline *lines, size_t n, b24_blocks *out) {
  size_t indent = 0;
  for (size_t i = 0; i < n; i++)
    if (!b24_line_is_blank(&lines[i])) {
      indent = b24_indent_of(&lines[i]);
      break;
    }
  if (indent == 0) {
    b24_scan(c, lines, n, out);
    return;
  }
  b24_srcline *d = malloc(n * sizeof *d);
  for (size_t i = 0; i < n; i++) d[i] = b24_dedent(&lines[i], indent);
  b24_scan(c, d, n, out);
  free(d);
}

/* The next line at or after i that starts a tab: a list marker no deeper than the
 * tab list's, outside code fences and tables (whose lines may be lazy). */
static size_t next_tab(const b24_srcline *lines, size_t n, size_t i, size_t item_indent) {
  char fch = 0;
  size_t flen = 0, off;
  for (; i < n; i++) {
    const b24_srcline *l = &lines[i];
    if (flen) {
      if (fence_closes(l, fch, flen)) flen = 0;
      continue;
    }
    if ((flen = fence_open(l, &fch))) continue;
    if (starts_table(l)) {
      i += b24_table_extent(lines + i, n - i) - 1;
      continue;
    }
    if (!b24_line_is_blank(l) && is_list_marker(l, &off) && b24_indent_of(l) <= item_indent)
      return i;
  }
  return n;
}

/* {% list tabs %}: a bullet list whose items are the tabs. */
static b24_block *scan_tabs(b24_pctx *c, const b24_srcline *open, const b24_srcline *lines,
                            size_t n) {
  b24_block *b = b24_new_block(c, B24_BLK_TABS, open->line, open->col);
  size_t item_indent = (size_t)-1, off;
  for (size_t i = 0; i < n; i++)
    if (!b24_line_is_blank(&lines[i]) && is_list_marker(&lines[i], &off)) {
      item_indent = b24_indent_of(&lines[i]);
      break;
    }
  size_t cap = 4;
  b->tabs = b24_arena_alloc(c->arena, cap * sizeof *b->tabs);
  size_t i = 0;
  while (i < n) {
    const b24_srcline *l = &lines[i];
    if (b24_line_is_blank(l)) { i++; continue; }
    if (!(is_list_marker(l, &off) && b24_indent_of(l) <= item_indent)) {
      b24_pdiag(c, l->line, l->col, B24_WARNING, "tabs-stray-text",
                "text in {%% list tabs %%} outside any tab");
      i++;
      continue;
    }
    size_t j = next_tab(lines, n, i + 1, item_indent);
    if (b->n_tabs == cap) {
      b->tabs = b24_arena_grow(c->arena, b->tabs, cap * sizeof *b->tabs, 2 * cap * sizeof *b->tabs);
      cap *= 2;
    }
    b24_tab *t = &b->tabs[b->n_tabs++];
    const char *nm = l->s + off;
    size_t nl = l->len - off;
    while (nl && (nm[nl - 1] == ' ' || nm[nl - 1] == '\t')) nl--;
    t->name = b24_arena_strndup(c->arena, nm, nl);
    t->line = l->line;
    scan_container(c, lines + i + 1, j - i - 1, &t->blocks);
    i = j;
  }
  if (b->n_tabs == 0)
    b24_pdiag(c, open->line, open->col, B24_WARNING, "tabs-empty", "{%% list tabs %%} with no tabs");
  else if (b->n_tabs == 1)
    lint_finding(c, open->line, open->col, B24_WARNING, "tabs-single",
                 "{%% list tabs %%} with a single tab ('%s')", b->tabs[0].name);
  return b;
}

/* Builds the block of a directive whose content is lines (start, end). */
static b24_block *scan_directive(b24_pctx *c, const b24_srcline *open, directive d,
                                 const b24_srcline *body, size_t n, long else_rel) {
  b24_block *b;
  switch (d.kind) {
  case DIR_TABS:
    return scan_tabs(c, open, body, n);
  case DIR_NOTE: {
    b = b24_new_block(c, B24_BLK_NOTE, open->line, open->col);
    const char *e = d.args;
    while (e < d.args + d.args_len && *e != ' ' && *e != '"') e++;
    b->extra = b24_arena_strndup(c->arena, d.args, (size_t)(e - d.args));
    b->text = unquote_title(c, d.args, d.args_len);
    break;
  }
  case DIR_CUT:
    b = b24_new_block(c, B24_BLK_CUT, open->line, open->col);
    b->text = unquote_title(c, d.args, d.args_len);
    break;
  default: { /* DIR_IF */
    b = b24_new_block(c, B24_BLK_IF, open->line, open->col);
    b->text = b24_arena_strndup(c->arena, d.args, d.args_len);
    int known = 1;
    int yes = b24_presets_eval(c->p, b->text, &known);
    if (!known)
      b24_pdiag(c, open->line, open->col, B24_WARNING, "if-condition",
                "cannot evaluate {%% if %s %%}; the block is left out", b->text);
    size_t then_n = else_rel >= 0 ? (size_t)else_rel : n;
    if (yes) scan_container(c, body, then_n, &b->children);
    else if (else_rel >= 0) scan_container(c, body + then_n + 1, n - then_n - 1, &b->children);
    return b;
  }
  }
  scan_container(c, body, n, &b->children);
  return b;
}

static void flush_markdown(b24_pctx *c, const b24_srcline *lines, size_t from, size_t to,
                           b24_blkvec *v) {
  while (from < to && b24_line_is_blank(&lines[from])) from++;
  while (to > from && b24_line_is_blank(&lines[to - 1])) to--;
  if (to > from) b24_scan_markdown(c, lines + from, to - from, v);
}

void b24_scan(b24_pctx *c, const b24_srcline *lines, size_t n, b24_blocks *out) {
  b24_blkvec v = {0};
  if (c->depth >= B24_MAX_NESTING) {
    if (n)
      b24_pdiag(c, lines[0].line, lines[0].col, B24_WARNING, "nesting",
                "blocks nested more than %d deep; the inner ones are read as text", B24_MAX_NESTING);
    b24_scan_markdown(c, lines, n, &v);
    b24_blkvec_finish(c, &v, out);
    return;
  }
  c->depth++;
  size_t i = 0, md = 0;
  char fch = 0;
  size_t flen = 0;
  while (i < n) {
    const b24_srcline *l = &lines[i];
    if (flen) {
      if (fence_closes(l, fch, flen)) flen = 0;
      i++;
      continue;
    }
    if ((flen = fence_open(l, &fch))) {
      i++;
      continue;
    }
    if (starts_table(l)) {
      flush_markdown(c, lines, md, i, &v);
      i += b24_scan_table(c, lines + i, n - i, &v);
      md = i;
      continue;
    }
    directive d = parse_directive(l);
    switch (d.kind) {
    case DIR_NONE:
    case DIR_OTHER:
      i++;
      continue;
    case DIR_INCLUDE: {
      flush_markdown(c, lines, md, i, &v);
      b24_block *b = b24_scan_include(c, l, d.args);
      if (b) b24_blkvec_push(&v, b);
      md = ++i;
      continue;
    }
    case DIR_TABS:
    case DIR_NOTE:
    case DIR_CUT:
    case DIR_IF: {
      flush_markdown(c, lines, md, i, &v);
      long else_at = -1;
      long end = find_end(lines, n, i, d.kind, &else_at);
      size_t stop = end < 0 ? n : (size_t)end;
      if (end < 0)
        b24_pdiag(c, l->line, l->col, B24_WARNING, "unterminated-block",
                  "{%% %s %%} is never closed by {%% %s %%}", dir_name(d.kind),
                  dir_name(end_of(d.kind)));
      long else_rel = else_at < 0 ? -1 : else_at - (long)i - 1;
      b24_blkvec_push(&v, scan_directive(c, l, d, lines + i + 1, stop - i - 1, else_rel));
      i = end < 0 ? n : stop + 1;
      md = i;
      continue;
    }
    default:
      flush_markdown(c, lines, md, i, &v);
      b24_pdiag(c, l->line, l->col, B24_WARNING, "stray-directive",
                "{%% %s %%} without a matching opening", dir_name(d.kind));
      md = ++i;
      continue;
    }
  }
  flush_markdown(c, lines, md, n, &v);
  c->depth--;
  b24_blkvec_finish(c, &v, out);
}
