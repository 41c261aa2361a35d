/* cURL data arguments -> JSON, expansions and placeholders kept as strings. */
#include "model/curl_body.h"

#include <stdlib.h>
#include <string.h>

#include "model/shell_words.h"

/* A stretch of the body kept as text: an expansion or a bare placeholder. */
typedef struct kept {
  size_t at, len;
} kept;

typedef struct data_text {
  b24_buf text;
  kept *spans;          /* the expansions, in order */
  size_t n_spans;
  size_t at;            /* the first data word's offset in the code */
  const b24_shell_word *first;
  int raw;              /* the first data came with --data-raw: no @file */
} data_text;

static int is_curl_word(const b24_shell_word *w) {
  if (w->kind != B24_SHELL_WORD) return 0;
  return !strcmp(w->text, "curl") || (w->len > 5 && !strcmp(w->text + w->len - 5, "/curl"));
}

/* When the word is a data option, the offset of its value in the word (after
 * "--data=" or "-d"), or w->len when the value is the next word; -1 otherwise. */
static long data_value_offset(const b24_shell_word *w) {
  static const char *const longs[] = {"--data-raw", "--data-binary", "--data-ascii",
                                      "--data-urlencode", "--data", "--json"};
  if (w->kind != B24_SHELL_WORD) return -1;
  for (size_t i = 0; i < sizeof longs / sizeof *longs; i++) {
    size_t n = strlen(longs[i]);
    if (strncmp(w->text, longs[i], n)) continue;
    if (w->len == n) return (long)n;
    if (w->text[n] == '=') return (long)n + 1;
  }
  if (w->len >= 2 && w->text[0] == '-' && w->text[1] == 'd') return 2;
  return -1;
}

/* Appends word w's text from offset `from` to the data, with its expansions. */
static void add_data(data_text *d, const b24_shell_word *w, size_t from) {
  if (!d->first) {
    d->first = w;
    d->at = w->start;
  } else {
    b24_buf_putc(&d->text, '&');
  }
  size_t base = d->text.len;
  b24_buf_put(&d->text, w->text + from, w->len - from);
  for (size_t i = 0; i < w->n_expansions; i++) {
    if (w->expansions[i].at < from) continue;
    d->spans = realloc(d->spans, (d->n_spans + 1) * sizeof *d->spans);
    d->spans[d->n_spans++] = (kept){base + w->expansions[i].at - from, w->expansions[i].len};
  }
}

/* The data of the first curl command in ws: from the word curl (or the start,
 * as some examples leave it out) to the next curl. Line breaks without a
 * backslash do not end it: examples wrap long commands carelessly. */
static void collect_data(const b24_shell_words *ws, data_text *d) {
  size_t i = 0;
  while (i < ws->n && !is_curl_word(&ws->items[i])) i++;
  if (i == ws->n) i = 0;
  for (; i < ws->n; i++) {
    const b24_shell_word *w = &ws->items[i];
    if (is_curl_word(w) && d->first) break;
    long off = data_value_offset(w);
    if (off < 0) continue;
    if (!d->first) d->raw = !strncmp(w->text, "--data-raw", 10);
    if ((size_t)off < w->len) add_data(d, w, (size_t)off);
    else if (i + 1 < ws->n && ws->items[i + 1].kind == B24_SHELL_WORD) add_data(d, &ws->items[++i], 0);
  }
}

/* The end of a bare **placeholder** starting at t[k] ("**"), or 0. */
static size_t placeholder_end(const char *t, size_t n, size_t k, size_t limit) {
  if (k + 1 >= n || t[k] != '*' || t[k + 1] != '*') return 0;
  for (size_t m = k + 2; m + 1 < n && m < limit; m++) {
    if (strchr("\n\"{}[],:", t[m])) return 0;
    if (t[m] == '*' && t[m + 1] == '*') return m > k + 2 ? m + 2 : 0;
  }
  return 0;
}

static void put_sentinel(b24_buf *j, size_t index, int quoted) {
  if (quoted) b24_buf_putc(j, '"');
  b24_buf_put(j, "\\u0001", 6);
  b24_buf_put_uint(j, index);
  b24_buf_put(j, "\\u0001", 6);
  if (quoted) b24_buf_putc(j, '"');
}

/* The data with every kept stretch replaced by a marker jansson reads as a
 * string (or as part of one): "\u0001N\u0001", N indexing pieces. A stretch
 * outside a JSON string becomes a string of its own. */
static void mark_kept(const data_text *d, b24_buf *j, kept **pieces, size_t *n_pieces) {
  const char *t = d->text.data ? d->text.data : "";
  size_t n = d->text.len, sp = 0;
  int in_str = 0;
  for (size_t k = 0; k < n;) {
    size_t next_span = sp < d->n_spans ? d->spans[sp].at : n;
    size_t pe;
    if (k == next_span) {
      *pieces = realloc(*pieces, (*n_pieces + 1) * sizeof **pieces);
      (*pieces)[*n_pieces] = d->spans[sp];
      put_sentinel(j, (*n_pieces)++, !in_str);
      k += d->spans[sp++].len;
    } else if (!in_str && (pe = placeholder_end(t, n, k, next_span))) {
      *pieces = realloc(*pieces, (*n_pieces + 1) * sizeof **pieces);
      (*pieces)[*n_pieces] = (kept){k, pe - k};
      put_sentinel(j, (*n_pieces)++, 1);
      k = pe;
    } else {
      char c = t[k];
      if (in_str && c == '\\' && k + 1 < n && k + 1 != next_span) {
        b24_buf_put(j, t + k, 2);
        k += 2;
        continue;
      }
      if (c == '"') in_str = !in_str;
      b24_buf_putc(j, c);
      k++;
    }
  }
}

/* s with its markers replaced by the kept text; NULL when s has none. */
static char *unmark(const char *s, size_t len, const char *t, const kept *pieces, size_t n_pieces,
                    size_t *out_len) {
  if (!memchr(s, 1, len)) return NULL;
  b24_buf b = B24_BUF_INIT;
  for (size_t i = 0; i < len; i++) {
    size_t k = i + 1, idx = 0;
    if (s[i] == 1)
      for (; k < len && s[k] >= '0' && s[k] <= '9' && idx <= n_pieces; k++) idx = idx * 10 + (size_t)(s[k] - '0');
    if (s[i] == 1 && k > i + 1 && k < len && s[k] == 1 && idx < n_pieces) {
      b24_buf_put(&b, t + pieces[idx].at, pieces[idx].len);
      i = k;
    } else {
      b24_buf_putc(&b, s[i]);
    }
  }
  *out_len = b.len;
  return b24_buf_take(&b);
}

typedef struct restore_ctx {
  const char *t;
  const kept *pieces;
  size_t n_pieces;
  b24_buf path;
  b24_body_read *out;
} restore_ctx;

/* Puts the kept text back where the markers are, noting each such value. */
static void restore(restore_ctx *c, json_t *v) {
  size_t mark = c->path.len, n;
  if (json_is_string(v)) {
    char *s = unmark(json_string_value(v), json_string_length(v), c->t, c->pieces, c->n_pieces, &n);
    if (!s) return;
    if (json_string_setn(v, s, n)) b24_body_read_fail(c->out, "the kept text at %s is not UTF-8", c->path.data ? c->path.data : "");
    b24_body_read_note(c->out, c->path.data ? c->path.data : "");
    free(s);
  } else if (json_is_array(v)) {
    for (size_t i = 0; i < json_array_size(v); i++) {
      b24_pointer_push_index(&c->path, i);
      restore(c, json_array_get(v, i));
      b24_pointer_pop(&c->path, mark);
    }
  } else if (json_is_object(v)) {
    /* keys with markers are renamed after the walk, not while it iterates */
    const char *key;
    json_t *x;
    char **marked = NULL;
    size_t n_marked = 0;
    json_object_foreach(v, key, x) {
      if (memchr(key, 1, strlen(key))) {
        marked = realloc(marked, (n_marked + 1) * sizeof *marked);
        marked[n_marked++] = strdup(key);
        continue;
      }
      b24_pointer_push_key(&c->path, key, strlen(key));
      restore(c, x);
      b24_pointer_pop(&c->path, mark);
    }
    for (size_t i = 0; i < n_marked; i++) {
      char *k = unmark(marked[i], strlen(marked[i]), c->t, c->pieces, c->n_pieces, &n);
      x = json_incref(json_object_get(v, marked[i]));
      json_object_del(v, marked[i]);
      if (json_object_setn_new(v, k, n, x)) b24_body_read_fail(c->out, "a kept key is not UTF-8");
      b24_pointer_push_key(&c->path, k, n);
      b24_body_read_note(c->out, c->path.data);
      restore(c, json_object_getn(v, k, n));
      b24_pointer_pop(&c->path, mark);
      free(k);
      free(marked[i]);
    }
    free(marked);
  }
}

static void read_json(const data_text *d, b24_body_read *out) {
  b24_buf j = B24_BUF_INIT;
  kept *pieces = NULL;
  size_t n_pieces = 0;
  mark_kept(d, &j, &pieces, &n_pieces);
  json_error_t err;
  out->value = json_loadb(j.data ? j.data : "", j.len, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &err);
  if (!out->value) {
    b24_body_read_fail(out, "line %d: %s", err.line, err.text);
  } else if (n_pieces) {
    restore_ctx c = {d->text.data, pieces, n_pieces, B24_BUF_INIT, out};
    restore(&c, out->value);
    b24_buf_free(&c.path);
    if (out->error) { /* kept text that is not UTF-8: no JSON can hold it */
      json_decref(out->value);
      out->value = NULL;
    }
  }
  b24_buf_free(&j);
  free(pieces);
}

/* 1-based line of offset at in code. */
static int line_of(const char *code, size_t at) {
  int line = 1;
  for (size_t i = 0; i < at; i++) line += code[i] == '\n';
  return line;
}

int b24_curl_body(const char *code, size_t len, b24_body_read *out) {
  b24_shell_words ws;
  int split = b24_shell_split(code, len, &ws);
  data_text d = {B24_BUF_INIT, NULL, 0, 0, NULL, 0};
  collect_data(&ws, &d);
  if (!d.first) {
    b24_shell_words_free(&ws);
    free(d.spans);
    return 0;
  }
  out->at = d.at;
  size_t text_len = d.text.len;
  out->text = b24_buf_take(&d.text);
  d.text.data = out->text;
  d.text.len = text_len;
  if (split && ws.error_at >= d.first->start && d.first->end == len) {
    b24_body_read_fail(out, "line %d: the shell reads no end to the %s that starts here", line_of(code, ws.error_at) - line_of(code, d.at) + 1, ws.error + strlen("unterminated "));
  } else if (out->text[0] == '@' && !d.raw) {
    b24_body_read_fail(out, "the data is read from the file %s", out->text + 1);
  } else {
    read_json(&d, out);
    if (!out->value && d.first->glued_at != (size_t)-1) {
      char *why = out->error;
      out->error = NULL;
      b24_body_read_fail(out, "%s (the shell string ends at the quote on line %d of the command: a quote inside the body?)", why, line_of(code, d.first->glued_at));
      free(why);
    }
  }
  free(d.spans);
  b24_shell_words_free(&ws);
  return 1;
}
