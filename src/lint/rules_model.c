/* Rules over what the model knows across pages (model v2):
 *   identifier-object-type    an identifier parameter typed with an object type
 *                             (CURRENCY_ID typed `crm_currency`, an object in
 *                             crm/data-types.md, while the examples send "EUR")
 *   type-examples-disagree    a table type that no example agrees with (FILTER
 *                             typed `string`, every example sends an object)
 *   example-deprecated-method a page whose examples call a deprecated method
 *   type-fields-disagree      a parameter typed as a scalar whose fields the
 *                             page lists (rpa.comment.update `fields` typed
 *                             `integer`) */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "lint/lint_internal.h"
#include "util/buf.h"
#include "util/sort.h"

static void kinds_text(unsigned kinds, b24_buf *out) {
  static const char *const names[] = {"null", "boolean", "integer", "number", "string", "array", "object"};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    if (kinds & (1u << i)) b24_buf_printf(out, "%s%s", out->len ? ", " : "", names[i]);
}

/* An alternative resolved from an object type: not from a dictionary word that
 * is an identifier by definition, nor from a key word such as `catalog_vat.id`. */
static int resolved_from_object(const b24_model *m, const b24_type_alt *a) {
  if (!a->reference || strchr(a->reference, '.')) return 0;
  const b24_type_word *w = b24_model_find_type_word(m, a->reference);
  return !(w && w->scalar);
}

static void check_param(b24_lint_ctx *c, const b24_method *meth, const b24_param *p, void *arg) {
  (void)arg;
  /* `fields` typed `integer` while a table lists its fields */
  if (p->children.n && b24_lint_scalar_type(&p->type)) {
    b24_lint_emit(c, "type-fields-disagree", p->loc.file, p->loc.line,
                  "%s of %s is typed `%s`, but the page lists its fields (%s, line %d)", p->name,
                  meth->name, p->type.written ? p->type.written : "", p->children.items[0].name,
                  p->children.items[0].loc.line);
    b24_lint_at_code(c, p->type.alts[0].base);
  }
  for (size_t a = 0; a < p->type.n_alts; a++)
    if (resolved_from_object(c->m, &p->type.alts[a])) {
      b24_lint_emit(c, "identifier-object-type", p->loc.file, p->loc.line,
                    "%s of %s names an object by its id but is typed with the object type `%s` "
                    "(%s `%s`): type it `%s` and link `%s` in the description",
                    p->name, meth->name, p->type.alts[a].reference,
                    p->evidence.values ? "the examples send" : "the object's key field is",
                    p->type.alts[a].base, p->type.alts[a].base, p->type.alts[a].reference);
      b24_lint_at_code(c, p->type.alts[a].reference);
    }
  if (p->evidence.disagrees) {
    b24_buf k = B24_BUF_INIT;
    kinds_text(p->evidence.kinds, &k);
    b24_lint_emit(c, "type-examples-disagree", p->loc.file, p->loc.line,
                  "%s of %s is typed `%s`, but the examples give %s (line %d)", p->name,
                  meth->name, p->type.written ? p->type.written : "", k.data ? k.data : "",
                  p->evidence.line);
    b24_lint_at_code(c, p->type.n_alts ? (p->type.alts[0].reference ? p->type.alts[0].reference : p->type.alts[0].base) : p->name);
    b24_buf_free(&k);
  }
}

static int name_char(char ch) {
  return isalnum((unsigned char)ch) || ch == '_' || ch == '.';
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Reports each deprecated method named in the code of meth's examples, once
 * per example; the page's own method is not reported (a deprecated page shows
 * how it was called, but not why it calls other deprecated methods). */
static void check_examples(b24_lint_ctx *c, const b24_method *meth, const char **deprecated,
                           size_t n_deprecated) {
  for (size_t e = 0; e < meth->n_examples; e++) {
    const b24_example *ex = &meth->examples[e];
    const char *seen = NULL;
    for (const char *s = ex->code; s && *s; s++) {
      if (!isalpha((unsigned char)*s) || (s > ex->code && name_char(s[-1]))) continue;
      size_t n = 0;
      while (name_char(s[n])) n++;
      while (n && s[n - 1] == '.') n--;
      char word[128];
      if (n < sizeof word && memchr(s, '.', n)) {
        memcpy(word, s, n);
        word[n] = 0;
        const char *key = word;
        const char **hit = b24_bsearch(&key, deprecated, n_deprecated, sizeof *deprecated, cmp_str);
        if (hit && strcmp(*hit, meth->name) && (!seen || strcmp(seen, *hit))) {
          const b24_method *d = b24_model_find_method(c->m, *hit);
          const char *r = d && d->deprecated ? d->deprecated->replacement : NULL;
          b24_lint_emit(c, "example-deprecated-method", meth->source, ex->loc.line,
                        "the %s example of %s calls %s, which is deprecated%s%s", ex->lang,
                        meth->name, *hit, r ? ": use " : "", r ? r : "");
          b24_lint_at_row(c, *hit, 0);
          seen = *hit;
        }
      }
      s += n ? n - 1 : 0;
    }
  }
}

void b24_rules_model(b24_lint_ctx *c) {
  const b24_model *m = c->m;
  const char **deprecated = malloc((m->n_methods ? m->n_methods : 1) * sizeof *deprecated);
  size_t n = 0;
  for (size_t i = 0; i < m->n_methods; i++) {
    const b24_method *x = &m->methods[i];
    b24_lint_walk_params(c, x, &x->params, check_param, NULL);
    b24_lint_walk_params(c, x, &x->response.fields, check_param, NULL);
    if (x->deprecated && (!n || strcmp(deprecated[n - 1], x->name))) deprecated[n++] = x->name;
  }
  /* methods are sorted by name, so the list is too */
  for (size_t i = 0; i < m->n_methods; i++) check_examples(c, &m->methods[i], deprecated, n);
  free(deprecated);
}
