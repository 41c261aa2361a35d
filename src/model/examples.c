/* Code examples (one per code tab; cURL ones read for auth style, URL and JSON
 * body) and the response section (status, example, "Returned Data" fields). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "model/build.h"
#include "util/buf.h"

static const b24_block *first_code(const b24_blocks *bs) {
  for (size_t i = 0; i < bs->n; i++) {
    const b24_block *b = bs->items[i];
    if (b->kind == B24_BLK_CODE) return b;
    if (b->kind == B24_BLK_NOTE || b->kind == B24_BLK_CUT || b->kind == B24_BLK_IF) {
      const b24_block *x = first_code(&b->children);
      if (x) return x;
    }
  }
  return NULL;
}

/* The single-quoted argument of -d/--data/--data-raw, with '\'' unescaped. */
static char *curl_body(const char *code) {
  static const char *const flags[] = {"--data-raw", "--data-binary", "--data", "-d"};
  for (const char *s = code; *s; s++) {
    for (size_t f = 0; f < 4; f++) {
      size_t fl = strlen(flags[f]);
      if (strncmp(s, flags[f], fl) || (s > code && !isspace((unsigned char)s[-1]))) continue;
      const char *p = s + fl;
      if (!isspace((unsigned char)*p)) continue;
      while (isspace((unsigned char)*p)) p++;
      if (*p != '\'' && *p != '"') continue;
      char q = *p++;
      b24_buf b = B24_BUF_INIT;
      while (*p) {
        if (q == '\'' && p[0] == '\'' && p[1] == '\\' && p[2] == '\'' && p[3] == '\'') {
          b24_buf_putc(&b, '\'');
          p += 4;
          continue;
        }
        if (*p == q) break;
        if (q == '"' && *p == '\\' && p[1]) p++;
        b24_buf_putc(&b, *p++);
      }
      return b24_buf_take(&b);
    }
  }
  return NULL;
}

static char *curl_url(b24_bctx *c, const char *code) {
  const char *best = NULL;
  size_t bl = 0;
  for (const char *s = code; (s = strstr(s, "http")); s++) {
    if (strncmp(s, "http://", 7) && strncmp(s, "https://", 8)) continue;
    const char *e = s;
    while (*e && !isspace((unsigned char)*e) && *e != '\'' && *e != '"' && *e != '\\') e++;
    best = s;
    bl = (size_t)(e - s);
  }
  return best ? b24_arena_strndup(c->a, best, bl) : NULL;
}

static void read_curl(b24_bctx *c, b24_example *ex) {
  const char *name = ex->lang;
  if (strstr(name, "Webhook") || strstr(name, "webhook") || strstr(name, "Вебхук"))
    ex->auth = B24_AUTH_WEBHOOK;
  else if (strstr(name, "OAuth") || strstr(name, "oauth"))
    ex->auth = B24_AUTH_OAUTH;
  ex->url = curl_url(c, ex->code);
  if (!ex->auth && ex->url)
    ex->auth = strstr(ex->url, "/rest/**put_your_user_id") || strstr(ex->url, "webhook")
                   ? B24_AUTH_WEBHOOK
                   : B24_AUTH_OAUTH;
  const char *x = strstr(ex->code, "-X ");
  if (!x) x = strstr(ex->code, "--request ");
  if (x) {
    x = strchr(x, ' ') + 1;
    const char *e = x;
    while (isalpha((unsigned char)*e)) e++;
    ex->http_method = b24_arena_strndup(c->a, x, (size_t)(e - x));
  }
  char *body = curl_body(ex->code);
  if (!ex->http_method) ex->http_method = b24_arena_strdup(c->a, body ? "POST" : "GET");
  if (!body) return;
  ex->body_text = b24_arena_strdup(c->a, body);
  json_error_t err;
  ex->body = json_loads(body, JSON_REJECT_DUPLICATES, &err);
  if (!ex->body) {
    b24_buf m = B24_BUF_INIT;
    b24_buf_printf(&m, "line %d: %s", err.line, err.text);
    ex->body_error = b24_arena_strdup(c->a, m.data);
    b24_buf_free(&m);
    b24_blint(c, ex->loc.line + (err.line > 0 ? err.line - 1 : 0), B24_WARNING,
              "example-json", "request body of the %s example is not JSON: %s", ex->lang,
              err.text);
  }
  free(body);
}

static int looks_like_curl(const b24_tab *t, const char *code) {
  const char *n = t->name;
  if (strstr(n, "cURL") || strstr(n, "curl") || strstr(n, "CURL")) return 1;
  while (isspace((unsigned char)*code)) code++;
  return !strncmp(code, "curl ", 5);
}

static void examples_from_tabs(b24_bctx *c, const b24_block *tabs, b24_method *m, size_t *cap) {
  for (size_t i = 0; i < tabs->n_tabs; i++) {
    const b24_tab *t = &tabs->tabs[i];
    const b24_block *code = first_code(&t->blocks);
    if (!code) continue;
    b24_example *ex = B24_VEC_PUSH(c->a, m->examples, m->n_examples, *cap);
    memset(ex, 0, sizeof *ex);
    ex->lang = b24_strip_inline(c->a, t->name, strlen(t->name));
    const char *info = cmark_node_get_fence_info(code->node);
    ex->fence = b24_arena_strdup(c->a, info ? info : "");
    ex->code = b24_arena_strdup(c->a, cmark_node_get_literal(code->node));
    ex->loc = (b24_loc){c->file, code->line + 1};
    ex->is_curl = looks_like_curl(t, ex->code);
    if (ex->is_curl) read_curl(c, ex);
  }
}

static void walk_examples(b24_bctx *c, b24_block **blocks, size_t n, b24_method *m, size_t *cap) {
  for (size_t i = 0; i < n; i++) {
    const b24_block *b = blocks[i];
    if (b->kind == B24_BLK_TABS) examples_from_tabs(c, b, m, cap);
    else if (b->kind == B24_BLK_NOTE || b->kind == B24_BLK_CUT || b->kind == B24_BLK_IF)
      walk_examples(c, b->children.items, b->children.n, m, cap);
  }
}

void b24_examples_from_blocks(b24_bctx *c, b24_block **blocks, size_t n, b24_method *m) {
  size_t cap = m->n_examples;
  walk_examples(c, blocks, n, m, &cap);
}

static int is_json_fence(const char *info) {
  return !info || !*info || !strncmp(info, "json", 4) || !strncmp(info, "js", 2) ||
         !strncmp(info, "javascript", 10) || !strncmp(info, "http", 4);
}

void b24_response_from_section(b24_bctx *c, b24_block **blocks, size_t n, b24_method *m) {
  b24_response *r = &m->response;
  size_t fields_from = n;
  for (size_t i = 0; i < n; i++) {
    const b24_block *b = blocks[i];
    if (b->kind == B24_BLK_PARAGRAPH && !r->status) {
      char *t = b24_node_plain_text(b->node);
      if (b24_vocab_is_status_line(t)) {
        int st, several;
        if (b24_parse_status(t, &st, &several)) r->status = st;
      }
      free(t);
    } else if (b->kind == B24_BLK_CODE && !r->example_text &&
               is_json_fence(cmark_node_get_fence_info(b->node))) {
      const char *lit = cmark_node_get_literal(b->node);
      r->example_text = b24_arena_strdup(c->a, lit);
      r->example_loc = (b24_loc){c->file, b->line + 1};
      json_error_t err;
      r->example = json_loads(lit, JSON_REJECT_DUPLICATES, &err);
      if (!r->example) {
        b24_buf msg = B24_BUF_INIT;
        b24_buf_printf(&msg, "line %d: %s", err.line, err.text);
        r->example_error = b24_arena_strdup(c->a, msg.data);
        b24_buf_free(&msg);
        b24_blint(c, b->line + 1 + (err.line > 0 ? err.line - 1 : 0), B24_WARNING,
                  "example-json", "response example is not JSON: %s", err.text);
      }
    } else if ((b->kind == B24_BLK_TABLE && b24_table_is_params(b)) ||
               (b->kind == B24_BLK_HEADING &&
                b24_vocab_section(b->text, NULL) == B24_SEC_RETURNED)) {
      if (fields_from == n) fields_from = i;
    }
  }
  if (fields_from < n) {
    c->in_response = 1;
    b24_params_from_section(c, blocks + fields_from, n - fields_from, &r->fields);
    c->in_response = 0;
  }
}
