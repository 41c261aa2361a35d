/* Types: every type word of a parameter or returned field must be a basic type, a
 * word of a type dictionary (data-types.md at any depth), a field of one
 * (`crm_currency.CURRENCY`), an object type linked to its description (an
 * anchor or a page) that exists, or an object type the same page describes
 * under a heading of its own ("Object of type crm_item_payment_delivery").
 * A code span that is no identifier next to a type is a value hint, not a type
 * ("`string` with value `Y/N`"). Without any dictionary in the model words are
 * not checked. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lint/lint_internal.h"
#include "util/sort.h"

/* What the builder folds synonyms into, and what the docs use without a
 * dictionary entry (JS SDK pages return a Promise). */
static const char *const basic_words[] = {
    "any", "array", "boolean", "callable", "char", "date", "datetime", "double", "enum", "file",
    "function", "integer", "null", "object", "promise", "string", "text", "time", "timestamp", "user",
};

typedef struct word_set {
  char **w;
  size_t n;
} word_set;

static int cmp_cstr(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *lower_dup(const char *s, size_t n) {
  char *r = malloc(n + 1);
  for (size_t i = 0; i < n; i++) r[i] = (char)tolower((unsigned char)s[i]);
  r[n] = 0;
  return r;
}

static void words_build(const b24_model *m, word_set *ws) {
  size_t nb = sizeof basic_words / sizeof basic_words[0];
  ws->w = malloc((m->n_type_words + nb) * sizeof *ws->w);
  ws->n = 0;
  for (size_t i = 0; i < nb; i++) ws->w[ws->n++] = strdup(basic_words[i]);
  for (size_t i = 0; i < m->n_type_words; i++)
    if (m->type_words[i].word) ws->w[ws->n++] = lower_dup(m->type_words[i].word, strlen(m->type_words[i].word));
  b24_qsort(ws->w, ws->n, sizeof *ws->w, cmp_cstr);
}

static int words_has(const word_set *ws, const char *s, size_t n) {
  char *k = lower_dup(s, n);
  int yes = b24_bsearch(&k, ws->w, ws->n, sizeof *ws->w, cmp_cstr) != NULL;
  free(k);
  return yes;
}

static void words_free(word_set *ws) {
  for (size_t i = 0; i < ws->n; i++) free(ws->w[i]);
  free(ws->w);
}

/* 1: the ref names an existing page and anchor; 0: it does not (reported).
 * word is the type as the page names it. */
static int check_ref(b24_lint_ctx *c, const b24_param *p, const char *ref, const char *word) {
  const char *hash = strchr(ref, '#');
  size_t pl = hash ? (size_t)(hash - ref) : strlen(ref);
  char *path = strndup(ref, pl);
  const b24_page *pg;
  int ok = 1;
  if (!b24_lint_page_exists(c, path, &pg)) {
    b24_lint_emit(c, "type-ref-missing", p->loc.file, p->loc.line,
                  "type '%s' of '%s' links to %s, which is no page", word, p->name, path);
    b24_lint_at_code(c, word);
    ok = 0;
  } else if (pg && hash && hash[1] && !b24_lint_page_has_anchor(pg, hash + 1)) {
    b24_lint_emit(c, "type-ref-missing", p->loc.file, p->loc.line,
                  "type '%s' of '%s' links to anchor #%s, which %s does not have", word,
                  p->name, hash + 1, path);
    b24_lint_at_row(c, hash, 0);
    ok = 0;
  }
  free(path);
  return ok;
}

/* integer, crm_status, sale_cashbox.ID, deal[]: the shape of a type's name. */
static int identifier(const char *s) {
  if (!isalpha((unsigned char)*s) && *s != '_') return 0;
  for (; *s; s++)
    if (!isalnum((unsigned char)*s) && *s != '_' && *s != '.' && *s != '[' && *s != ']') return 0;
  return 1;
}

/* The page has a heading (an anchor, as slugs keep '_' words whole) that
 * names the word: the type is described there. */
static int described_on_page(const b24_model *m, const char *file, const char *word) {
  const b24_page *pg = file ? b24_model_find_page(m, file) : NULL;
  size_t wl = strlen(word);
  if (!pg || wl < 3 || !strchr(word, '_')) return 0;
  for (size_t i = 0; i < pg->n_anchors; i++) {
    const char *a = pg->anchors[i];
    for (const char *s = a; *s; s++) {
      if ((s != a && s[-1] != '-') || strncasecmp(s, word, wl)) continue;
      if (!s[wl] || s[wl] == '-') return 1;
    }
  }
  return 0;
}

static void check_param(b24_lint_ctx *c, const b24_method *m, const b24_param *p, void *arg) {
  (void)m;
  const word_set *ws = arg;
  int typed = 0; /* some alternative is a type name: the others may be value hints */
  for (size_t i = 0; i < p->type.n_alts; i++) typed |= identifier(p->type.alts[i].base);
  for (size_t i = 0; i < p->type.n_alts; i++) {
    const b24_type_alt *a = &p->type.alts[i];
    b24_type_alt written; /* a reference is checked as the docs wrote it (model v2) */
    if (a->reference) {
      const char *t = a->reference_target;
      written = *a;
      written.base = a->reference;
      written.ref = t && strchr(t, '#') ? (char *)t : NULL;
      written.page = t && !strchr(t, '#') ? (char *)t : NULL;
      a = &written;
    }
    if (!a->base || !*a->base) continue;
    if (a->ref) {
      check_ref(c, p, a->ref, a->base);
      continue; /* a linked object type: documented where the link points */
    }
    if (a->reference) { /* model v2: an identifier of the object the word names */
      const char *t = a->reference_target;
      size_t tl = t ? strlen(t) : 0;
      /* an anchor, or a page (`x.id` linked to the dictionary page) */
      if (t && (strchr(t, '#') || (tl > 3 && !strcmp(t + tl - 3, ".md"))))
        check_ref(c, p, t, a->reference);
      continue;
    }
    if (a->page) {
      size_t pl = strlen(a->page);
      const b24_page *pg;
      if (pl > 3 && !strcmp(a->page + pl - 3, ".md") && !b24_lint_page_exists(c, a->page, &pg)) {
        b24_lint_emit(c, "type-ref-missing", p->loc.file, p->loc.line,
                      "type '%s' of '%s' links to %s, which does not exist", a->base, p->name,
                      a->page);
        b24_lint_at_code(c, a->base);
      }
      continue; /* an object described by a page of its own */
    }
    const char *b = a->base;
    if (!c->m->n_type_words || words_has(ws, b, strlen(b))) continue; /* no dictionary read */
    const char *dot = strchr(b, '.');
    if (dot && words_has(ws, b, (size_t)(dot - b))) continue; /* a field of a known type */
    if ((typed && !identifier(b)) || described_on_page(c->m, p->loc.file, b)) continue;
    b24_lint_emit(c, "type-unknown", p->loc.file, p->loc.line,
                  "type '%s' of '%s' is neither a basic type nor in a type dictionary", b, p->name);
    b24_lint_at_code(c, b);
  }
}

void b24_rules_types(b24_lint_ctx *c) {
  word_set ws;
  words_build(c->m, &ws);
  for (size_t i = 0; i < c->m->n_methods; i++) {
    const b24_method *m = &c->m->methods[i];
    if (!b24_lint_in_focus(c, m->source)) continue;
    b24_lint_walk_params(c, m, &m->params, check_param, &ws);
    b24_lint_walk_params(c, m, &m->response.fields, check_param, &ws);
  }
  for (size_t i = 0; i < c->m->n_objects; i++)
    if (b24_lint_in_focus(c, c->m->objects[i].loc.file))
      b24_lint_walk_params(c, NULL, &c->m->objects[i].fields, check_param, &ws);
  words_free(&ws);
}
