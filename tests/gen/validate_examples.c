/* The C validator's verdict on every docs example, in the form ajv-check.mjs
 * compares with ajv's: one line "<source>:<line> <schema file>" per example
 * that does NOT validate. The selection of examples is the same as there: cURL
 * bodies (less `auth`) against the params schema, response examples that are
 * objects without "error" against the result schema.
 * usage: validate_examples DOCS */
#include <stdio.h>
#include <stdlib.h>

#include "schema/schema.h"
#include "util/jsonschema.h"

static size_t checked;

static void check(const json_t *schema, const json_t *value, const char *source, int line,
                  const char *stem, const char *kind) {
  checked++;
  if (b24_jsonschema_validate(schema, value, NULL) != 0)
    printf("%s:%d %s.%s.json\n", source, line, stem, kind);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fputs("usage: validate_examples DOCS\n", stderr);
    return 2;
  }
  b24_diags diags;
  b24_diags_init(&diags);
  const char *inputs[] = {argv[1]};
  b24_load_options opt = {.diags = &diags};
  b24_model *m = b24_model_load(inputs, 1, &opt);
  if (!m) return 1;
  for (size_t i = 0; i < m->n_methods; i++) {
    const b24_method *meth = &m->methods[i];
    char *stem = b24_schema_stem(meth);
    json_t *ps = b24_schema_for_params(m, meth), *rs = b24_schema_for_result(m, meth);
    for (size_t k = 0; k < meth->n_examples; k++) {
      const b24_example *e = &meth->examples[k];
      if (!e->is_curl || !json_is_object(e->body)) continue;
      json_t *body = json_copy(e->body);
      json_object_del(body, "auth");
      check(ps, body, meth->source, e->loc.line, stem, "params");
      json_decref(body);
    }
    const json_t *r = meth->response.example;
    if (json_is_object(r) && !json_object_get(r, "error"))
      check(rs, r, meth->source, meth->response.example_loc.line, stem, "result");
    json_decref(ps);
    json_decref(rs);
    free(stem);
  }
  fprintf(stderr, "%zu examples checked\n", checked);
  b24_model_free(m);
  b24_diags_free(&diags);
  return 0;
}
