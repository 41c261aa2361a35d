/* Code examples (one per code tab; cURL ones read for auth style, URL and the
 * request body, JS and PHP ones for the body their REST call passes: the
 * readers are curl_body.c and example_calls.c) and the response section
 * (status, example, "Returned Data" fields). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "model/build.h"
#include "model/curl_body.h"
#include "model/example_calls.h"
#include "model/example_json.h"
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

/* Copies what a reader found into the model; a body that is not JSON is said
 * (the example-json lint rule words it again from the model). */
static void keep_body(b24_bctx *c, b24_example *ex, b24_body_source from, b24_body_read *r) {
  ex->body_from = from;
  ex->body_text = b24_arena_strdup(c->a, r->text);
  ex->body_line = ex->loc.line;
  for (size_t i = 0; i < r->at && ex->code[i]; i++) ex->body_line += ex->code[i] == '\n';
  ex->call_method = b24_arena_strdup(c->a, r->method);
  ex->body = r->value;
  r->value = NULL;
  if (r->n_nonliteral) {
    ex->body_nonliteral = b24_arena_alloc(c->a, r->n_nonliteral * sizeof *ex->body_nonliteral);
    for (size_t i = 0; i < r->n_nonliteral; i++)
      ex->body_nonliteral[i] = b24_arena_strdup(c->a, r->nonliteral[i]);
    ex->n_body_nonliteral = r->n_nonliteral;
  }
  if (!r->error) return;
  ex->body_error = b24_arena_strdup(c->a, r->error);
  int line = 0;
  const char *why = r->error;
  if (!strncmp(why, "line ", 5) && strchr(why, ':')) {
    line = atoi(why + 5) - 1;
    for (why = strchr(why, ':') + 1; *why == ' '; why++)
      ;
  }
  b24_blint(c, ex->body_line + (line > 0 ? line : 0), B24_WARNING, "example-json",
            "request body of the %s example is not JSON: %s", ex->lang, why);
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
  b24_body_read body = {0};
  int has_body = b24_curl_body(ex->code, strlen(ex->code), &body);
  if (!ex->http_method) ex->http_method = b24_arena_strdup(c->a, has_body ? "POST" : "GET");
  if (has_body) keep_body(c, ex, B24_BODY_CURL, &body);
  b24_body_read_free(&body);
}

static int looks_like_curl(const b24_tab *t, const char *code) {
  const char *n = t->name;
  if (strstr(n, "cURL") || strstr(n, "curl") || strstr(n, "CURL")) return 1;
  while (isspace((unsigned char)*code)) code++;
  return !strncmp(code, "curl ", 5);
}

/* The language a tab's code is read in for a REST call: the tab's name first
 * ("PHP CRest", "BX24.js", "JS (UMD)"), else the fence. -1: none (Go, Python). */
static int call_language(const b24_example *ex) {
  if (strstr(ex->lang, "PHP") || strstr(ex->lang, "php")) return B24_CODE_PHP;
  if (strstr(ex->lang, "JS") || strstr(ex->lang, "js") || strstr(ex->lang, "JavaScript") ||
      strstr(ex->lang, "BX24"))
    return B24_CODE_JS;
  static const char *const js_fences[] = {"js", "javascript", "ts", "typescript", "html", "jsx", "tsx"};
  const char *f = ex->fence;
  if (!strcmp(f, "php")) return B24_CODE_PHP;
  for (size_t i = 0; i < sizeof js_fences / sizeof *js_fences; i++)
    if (!strcmp(f, js_fences[i])) return B24_CODE_JS;
  return -1;
}

/* A JS or PHP tab: the parameters of its REST call as the body. A tab of these
 * languages without a call the reader knows says so in body_error. */
static void read_call(b24_bctx *c, b24_example *ex, const b24_method *m) {
  int lang = call_language(ex);
  if (lang < 0) return;
  b24_body_read body = {0};
  if (b24_example_call_body(ex->code, strlen(ex->code), (b24_code_lang)lang, m->name, &body))
    keep_body(c, ex, lang == B24_CODE_JS ? B24_BODY_JS : B24_BODY_PHP, &body);
  else
    ex->body_error = b24_arena_strdup(c->a, "no REST call of a form the reader knows");
  b24_body_read_free(&body);
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
    else read_call(c, ex, m);
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

/* Some pages (tasks.api.scrum.*, rpa.*, catalog.*.list) show the result alone,
 * without the envelope the portal always sends: the model keeps the answer as
 * it comes over the wire, so that where an id or a list sits in it reads the
 * same for every page ("result.id"), and says it wrapped it. */
static void envelope_bare(b24_response *r) {
  json_t *ex = r->example;
  if (!ex || (json_is_object(ex) && (json_object_get(ex, "result") || json_object_get(ex, "error"))))
    return;
  json_t *ans = json_object();
  if (json_is_object(ex)) {
    static const char *const top[] = {"total", "next", "time"};
    for (size_t i = 0; i < 3; i++) {
      json_t *v = json_object_get(ex, top[i]);
      if (v) json_object_set(ans, top[i], v), json_object_del(ex, top[i]);
    }
  }
  json_object_set_new(ans, "result", ex);
  r->example = ans;
  r->example_bare = 1;
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
        /* the warning stands, yet what the writer meant is read: an answer's
         * shape is what the suite and the mock need, and "...more items" does
         * not change it */
        r->example = b24_example_json_elided(lit, strlen(lit), JSON_REJECT_DUPLICATES);
        b24_buf msg = B24_BUF_INIT;
        b24_buf_printf(&msg, "line %d: %s", err.line, err.text);
        r->example_error = b24_arena_strdup(c->a, msg.data);
        b24_buf_free(&msg);
        b24_blint(c, b->line + 1 + (err.line > 0 ? err.line - 1 : 0), B24_WARNING,
                  "example-json", "response example is not JSON: %s", err.text);
      }
      envelope_bare(r);
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
