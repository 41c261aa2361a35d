/* JS and PHP calls of REST methods in example code -> method name and body. */
#include "model/example_calls.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/js_literal.h"
#include "model/literal_text.h"
#include "model/php_array.h"

/* How the language's readers are called. */
typedef struct lang_ops {
  size_t (*skip_space)(const char *s, size_t len, size_t i);
  char *(*string)(const char *s, size_t len, size_t i, size_t *end);
  size_t (*expression_end)(const char *s, size_t len, size_t i);
  json_t *(*read_value)(const char *s, size_t len, size_t *pos, b24_body_read *out);
} lang_ops;

static const lang_ops ops_of[] = {
    {b24_js_skip_space, b24_js_string, b24_js_expression_end, b24_js_read_value},
    {b24_php_skip_space, b24_php_string, b24_php_expression_end, b24_php_read_value},
};

typedef enum { ARGS_METHOD_PARAMS, ARGS_OBJECT } call_shape;

/* A call found in the code: where its arguments start. */
typedef struct call {
  size_t args;          /* just after '(' */
  call_shape shape;
  char *method;         /* the method it names (malloc'd), NULL when not a literal */
} call;

typedef struct code {
  const char *s;
  size_t len;
  const lang_ops *ops;
  b24_code_lang lang;
} code;

static int ident_char(unsigned char c) { return isalnum(c) || c == '_' || c == '$' || c >= 0x80; }

/* After a head that ends at e: optional TypeScript type arguments <...>, space,
 * '('. Returns the offset after '(' or 0. */
static size_t open_paren(const code *c, size_t e, int generics) {
  e = c->ops->skip_space(c->s, c->len, e);
  if (generics && e < c->len && c->s[e] == '<') {
    int depth = 0;
    for (; e < c->len; e++) {
      if (c->s[e] == '<') depth++;
      else if (c->s[e] == '>' && --depth == 0) break;
      else if (c->s[e] == '(' || c->s[e] == ';') return 0;
    }
    e = c->ops->skip_space(c->s, c->len, e + 1);
  }
  return e < c->len && c->s[e] == '(' ? e + 1 : 0;
}

/* The call heads of a language: the text, whether it ends a dotted name
 * (X.callMethod: the character before must not continue a name). */
typedef struct head {
  const char *text;
  call_shape shape;
} head;

static const head js_heads[] = {
    {"callMethod", ARGS_METHOD_PARAMS}, {"callListMethod", ARGS_METHOD_PARAMS},
    {"fetchListMethod", ARGS_METHOD_PARAMS}, {".call.make", ARGS_OBJECT},
    {".callList.make", ARGS_OBJECT}, {".fetchList.make", ARGS_OBJECT},
};
static const head php_heads[] = {
    {"CRest::call", ARGS_METHOD_PARAMS}, {"->call", ARGS_METHOD_PARAMS}, {"restCommand", ARGS_METHOD_PARAMS},
};

/* The method named by the string at i, malloc'd, or NULL. */
static char *method_at(const code *c, size_t i) {
  size_t e;
  i = c->ops->skip_space(c->s, c->len, i);
  char *m = c->ops->string(c->s, c->len, i, &e);
  if (m && (!*m || strpbrk(m, " \t\n\"'"))) {
    free(m);
    m = NULL;
  }
  return m;
}

/* In an object literal at i ({method: ..., params: ...}), the value of key:
 * [*vs, *ve) of its text. Returns 0 when the key is not there. */
static int member(const code *c, size_t i, const char *key, size_t *vs, size_t *ve) {
  i = c->ops->skip_space(c->s, c->len, i);
  if (i >= c->len || c->s[i] != '{') return 0;
  for (i++;;) {
    i = c->ops->skip_space(c->s, c->len, i);
    if (i >= c->len || c->s[i] == '}') return 0;
    size_t ks = i, ke;
    char *k = c->ops->string(c->s, c->len, i, &ke);
    if (!k) {
      for (ke = i; ke < c->len && ident_char((unsigned char)c->s[ke]); ke++)
        ;
      if (ke == i) return 0;
      k = b24_text_dup(c->s + ks, ke - ks);
    }
    int match = !strcmp(k, key);
    free(k);
    i = c->ops->skip_space(c->s, c->len, ke);
    if (i < c->len && c->s[i] == ':') i++;
    size_t e = c->ops->expression_end(c->s, c->len, i);
    if (match) {
      *vs = c->ops->skip_space(c->s, c->len, i);
      *ve = e;
      return 1;
    }
    if (e >= c->len || c->s[e] != ',') return 0;
    i = e + 1;
  }
}

static void add_call(call **calls, size_t *n, call x) {
  *calls = realloc(*calls, (*n + 1) * sizeof **calls);
  (*calls)[(*n)++] = x;
}

/* Every call of the language's forms in the code, in order. */
static size_t find_calls(const code *c, b24_code_lang lang, call **calls) {
  const head *heads = lang == B24_CODE_JS ? js_heads : php_heads;
  size_t n_heads = lang == B24_CODE_JS ? sizeof js_heads / sizeof *js_heads : sizeof php_heads / sizeof *php_heads;
  size_t n = 0;
  for (size_t i = 0; i < c->len; i++) {
    if (!isspace((unsigned char)c->s[i])) {
      /* a comment ("use $b24.actions.v2.callList.make() for all") calls nothing */
      size_t k = c->ops->skip_space(c->s, c->len, i);
      if (k > i) {
        i = k - 1;
        continue;
      }
    }
    /* every head starts with one of these: most characters start none (the
     * whole corpus's code passes through here) */
    if (!strchr(lang == B24_CODE_JS ? "cf." : "C-r", c->s[i]) || !c->s[i]) continue;
    for (size_t h = 0; h < n_heads; h++) {
      const char *t = heads[h].text;
      if (t[0] != c->s[i] || !b24_text_at(c->s, c->len, i, t)) continue;
      if (isalpha((unsigned char)t[0]) && i > 0 && ident_char((unsigned char)c->s[i - 1]) && c->s[i - 1] != '$')
        continue;
      size_t e = i + strlen(t);
      if (e < c->len && ident_char((unsigned char)c->s[e])) continue;
      size_t args = open_paren(c, e, lang == B24_CODE_JS);
      if (!args) continue;
      call x = {args, heads[h].shape, NULL};
      size_t vs, ve;
      if (x.shape == ARGS_METHOD_PARAMS) x.method = method_at(c, args);
      else if (member(c, args, "method", &vs, &ve)) x.method = method_at(c, vs);
      add_call(calls, &n, x);
      break;
    }
  }
  return n;
}

/* A callback in the parameters' place (BX24.callMethod('m', function (r) {...})):
 * the call passes no parameters. */
static int is_callback(const code *c, size_t i, size_t e) {
  if (b24_text_at(c->s, e, i, "function") || b24_text_at(c->s, e, i, "async")) return 1;
  const char *arrow = b24_memmem(c->s + i, e - i, "=>", 2);
  if (!arrow) return 0;
  for (const char *p = c->s + i; p < arrow; p++)
    if (!ident_char((unsigned char)*p) && !strchr("() \t\n,:", *p)) return 0;
  return 1;
}

/* Where the value of variable name[0, n) is assigned last before `before`:
 * the offset after '=' or 0. */
static size_t assignment(const code *c, const char *name, size_t n, size_t before) {
  size_t found = 0;
  for (size_t i = 0; i + n < before; i++) {
    if (memcmp(c->s + i, name, n) || (i && ident_char((unsigned char)c->s[i - 1])) ||
        ident_char((unsigned char)c->s[i + n]))
      continue;
    size_t k = c->ops->skip_space(c->s, c->len, i + n);
    if (k + 1 < c->len && c->s[k] == '=' && c->s[k + 1] != '=' && c->s[k + 1] != '>') found = k + 1;
  }
  return found;
}

/* When [i, e) is only a variable's name, where the code assigns it; else i. */
static size_t resolve_variable(const code *c, size_t i, size_t e, size_t call_at) {
  size_t z = e;
  while (z > i && isspace((unsigned char)c->s[z - 1])) z--;
  if (z == i) return i;
  for (size_t k = i; k < z; k++)
    if (!ident_char((unsigned char)c->s[k])) return i;
  if (isdigit((unsigned char)c->s[i])) return i;
  size_t at = assignment(c, c->s + i, z - i, call_at);
  return at ? c->ops->skip_space(c->s, c->len, at) : i;
}

static int line_between(const char *s, size_t a, size_t b) {
  int n = 0;
  for (size_t i = a; i < b; i++) n += s[i] == '\n';
  return n;
}

/* Reads the parameters whose text is [i, e) (the argument as written) into out. */
static void read_params(const code *c, size_t i, size_t e, size_t call_at, b24_body_read *out) {
  i = c->ops->skip_space(c->s, c->len, i);
  size_t from = resolve_variable(c, i, e, call_at);
  if (from != i) {
    i = from;
    e = c->ops->expression_end(c->s, c->len, i);
  }
  out->at = i;
  size_t pos = i;
  b24_body_read r = {0};
  json_t *v = c->ops->read_value(c->s, c->len, &pos, &r);
  if (v) e = pos;
  out->text = b24_text_dup(c->s + i, e > i ? e - i : 0);
  if (v && r.n_nonliteral && !*r.nonliteral[0] && r.n_nonliteral == 1 && json_is_string(v)) {
    b24_literal_fail(&r, i, "the parameters are an expression, not a literal");
    json_decref(v);
    v = NULL;
  }
  if (v && c->lang == B24_CODE_PHP && json_is_array(v) && !json_array_size(v)) {
    json_decref(v); /* array(): no parameters, a map as much as a list */
    v = json_object();
  }
  if (v) {
    out->value = v;
    out->nonliteral = r.nonliteral;
    out->n_nonliteral = r.n_nonliteral;
    r.nonliteral = NULL;
    r.n_nonliteral = 0;
  } else {
    b24_body_read_fail(out, "line %d: %s", line_between(c->s, i, r.error_at) + 1, r.error ? r.error : "not a value");
    out->error_at = r.error_at;
  }
  b24_body_read_free(&r);
}

static void read_call(const code *c, const call *x, b24_body_read *out) {
  out->method = x->method ? strdup(x->method) : NULL;
  size_t vs, ve, i = c->ops->skip_space(c->s, c->len, x->args);
  if (x->shape == ARGS_OBJECT) {
    if (member(c, i, "params", &vs, &ve)) {
      read_params(c, vs, ve, x->args, out);
      return;
    }
  } else {
    /* past the method argument */
    size_t e = c->ops->expression_end(c->s, c->len, i);
    if (e < c->len && c->s[e] == ',') {
      vs = c->ops->skip_space(c->s, c->len, e + 1);
      ve = c->ops->expression_end(c->s, c->len, vs);
      if (ve > vs && !is_callback(c, vs, ve)) {
        read_params(c, vs, ve, x->args, out);
        return;
      }
    }
  }
  out->at = i;
  out->text = strdup("");
  out->value = json_object(); /* a call without parameters */
}

int b24_example_call_body(const char *s, size_t len, b24_code_lang lang, const char *method,
                          b24_body_read *out) {
  code c = {s, len, &ops_of[lang], lang};
  call *calls = NULL;
  size_t n = find_calls(&c, lang, &calls);
  if (!n) return 0;
  size_t pick = 0;
  while (pick < n && !(calls[pick].method && method && !strcasecmp(calls[pick].method, method))) pick++;
  for (size_t i = 0; pick == n && i < n; i++)
    if (calls[i].method) pick = i;
  if (pick == n) pick = 0;
  read_call(&c, &calls[pick], out);
  for (size_t i = 0; i < n; i++) free(calls[i].method);
  free(calls);
  return 1;
}
