/* The CommonMark between YFM blocks: cmark parses it, and each top-level node
 * becomes a block that keeps its cmark node and a map back to source lines. */
#include <stdlib.h>
#include <string.h>

#include "parse/parse_internal.h"
#include "util/buf.h"

static void register_chunk(b24_pctx *c, b24_chunk *ch) {
  if (c->n_chunks == c->cap_chunks) {
    c->cap_chunks = c->cap_chunks ? c->cap_chunks * 2 : 32;
    c->chunks = realloc(c->chunks, c->cap_chunks * sizeof *c->chunks);
    if (!c->chunks) abort();
  }
  c->chunks[c->n_chunks++] = ch;
}

/* Removes a trailing YFM attribute block ({#id}, {.class}, {width=..}) from s;
 * returns the id of a {#id}, if that is what was removed. */
static char *strip_attr_suffix(b24_arena *a, char *s) {
  size_t n = strlen(s);
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n')) n--;
  s[n] = 0;
  if (n < 3 || s[n - 1] != '}') return NULL;
  char *open = NULL;
  for (size_t i = n - 1; i-- > 0;) {
    if (s[i] == '{') { open = s + i; break; }
    if (s[i] == '}' || s[i] == '\n') return NULL;
  }
  if (!open || open[1] == '%' || open[1] == '}' || open[1] == ' ') return NULL;
  if (open[1] == '#' && open[2] == 'T' && open[3] == '}') return NULL; /* {#T}: a title placeholder */
  char *id = NULL;
  if (open[1] == '#') id = b24_arena_strndup(a, open + 2, (size_t)(s + n - 1 - open - 2));
  else if (open[1] != '.' && !memchr(open, '=', (size_t)(s + n - open))) return NULL;
  size_t k = (size_t)(open - s);
  while (k && (s[k - 1] == ' ' || s[k - 1] == '\t')) k--;
  s[k] = 0;
  return id;
}

void b24_scan_markdown(b24_pctx *c, const b24_srcline *lines, size_t n, b24_blkvec *out) {
  b24_chunk *ch = b24_arena_alloc(c->arena, sizeof *ch);
  ch->file = c->file;
  ch->n_lines = (int)n;
  ch->lines = b24_arena_alloc(c->arena, n * sizeof *ch->lines);
  ch->cols = b24_arena_alloc(c->arena, n * sizeof *ch->cols);
  b24_buf text = B24_BUF_INIT;
  for (size_t i = 0; i < n; i++) {
    ch->lines[i] = lines[i].line;
    ch->cols[i] = lines[i].col;
    b24_buf_put(&text, lines[i].s, lines[i].len);
    b24_buf_putc(&text, '\n');
  }
  ch->doc = cmark_parse_document(b24_buf_cstr(&text), text.len, CMARK_OPT_DEFAULT);
  b24_buf_free(&text);
  register_chunk(c, ch);
  for (cmark_node *nd = cmark_node_first_child(ch->doc); nd; nd = cmark_node_next(nd)) {
    b24_block_kind k;
    switch (cmark_node_get_type(nd)) {
    case CMARK_NODE_HEADING: k = B24_BLK_HEADING; break;
    case CMARK_NODE_PARAGRAPH: k = B24_BLK_PARAGRAPH; break;
    case CMARK_NODE_LIST: k = B24_BLK_LIST; break;
    case CMARK_NODE_CODE_BLOCK: k = B24_BLK_CODE; break;
    case CMARK_NODE_BLOCK_QUOTE: k = B24_BLK_QUOTE; break;
    case CMARK_NODE_HTML_BLOCK: k = B24_BLK_HTML; break;
    case CMARK_NODE_THEMATIC_BREAK: k = B24_BLK_HR; break;
    default: continue;
    }
    int cl = cmark_node_get_start_line(nd);
    int idx = cl >= 1 && cl <= ch->n_lines ? cl - 1 : 0;
    b24_block *b = b24_new_block(c, k, ch->lines[idx], ch->cols[idx]);
    b->node = nd;
    b->chunk = ch;
    if (k == B24_BLK_HEADING) {
      b->level = cmark_node_get_heading_level(nd);
      char *t = b24_node_plain_text(nd);
      b->anchor = strip_attr_suffix(c->arena, t);
      b->text = b24_arena_strdup(c->arena, t);
      free(t);
    }
    b24_blkvec_push(out, b);
  }
}

static void plain_text_into(b24_buf *b, cmark_node *root) {
  cmark_iter *it = cmark_iter_new(root);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node *nd = cmark_iter_get_node(it);
    cmark_node_type t = cmark_node_get_type(nd);
    if (ev == CMARK_EVENT_ENTER) {
      switch (t) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        b24_buf_puts(b, cmark_node_get_literal(nd));
        break;
      case CMARK_NODE_CODE_BLOCK:
        if (b->len && b->data[b->len - 1] != '\n') b24_buf_putc(b, '\n');
        b24_buf_puts(b, cmark_node_get_literal(nd));
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        b24_buf_putc(b, ' ');
        break;
      case CMARK_NODE_ITEM:
        if (b->len && b->data[b->len - 1] != '\n') b24_buf_putc(b, '\n');
        b24_buf_puts(b, "- ");
        break;
      default:
        break;
      }
    } else if (ev == CMARK_EVENT_EXIT) {
      if ((t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING) && b->len &&
          b->data[b->len - 1] != '\n')
        b24_buf_putc(b, '\n');
    }
  }
  cmark_iter_free(it);
}

char *b24_node_plain_text(cmark_node *n) {
  b24_buf b = B24_BUF_INIT;
  plain_text_into(&b, n);
  while (b.len && (b.data[b.len - 1] == '\n' || b.data[b.len - 1] == ' ')) b.data[--b.len] = 0;
  return b24_buf_take(&b);
}

int b24_block_node_line(const b24_block *b, cmark_node *n) {
  if (!b->chunk) return b->line;
  /* Inline nodes carry no position: take the enclosing block's and count the line
   * breaks before the node inside it. */
  cmark_node *blk = n;
  while (blk && cmark_node_get_start_line(blk) == 0) blk = cmark_node_parent(blk);
  if (!blk) return b->line;
  int line = cmark_node_get_start_line(blk);
  if (blk != n) {
    cmark_iter *it = cmark_iter_new(blk);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
      cmark_node *x = cmark_iter_get_node(it);
      if (x == n) break;
      if (ev == CMARK_EVENT_ENTER && (cmark_node_get_type(x) == CMARK_NODE_SOFTBREAK ||
                                      cmark_node_get_type(x) == CMARK_NODE_LINEBREAK))
        line++;
    }
    cmark_iter_free(it);
  }
  if (line < 1 || line > b->chunk->n_lines) return b->line;
  return b->chunk->lines[line - 1];
}
