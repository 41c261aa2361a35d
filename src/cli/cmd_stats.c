/* b24spec stats DOCS...: counts of what the model holds, for the record and for
 * regression tests. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/commands.h"

int cmd_stats(int argc, char **argv) {
  int as_json = 0;
  char **inputs = calloc((size_t)argc, sizeof *inputs);
  size_t n = 0;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--json")) as_json = 1;
    else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
      puts("usage: b24spec stats DOCS... [--json]");
      free(inputs);
      return 0;
    } else inputs[n++] = argv[i];
  }
  if (!n) {
    fputs("usage: b24spec stats DOCS... [--json]\n", stderr);
    free(inputs);
    return 2;
  }
  b24_diags diags;
  b24_diags_init(&diags);
  b24_model *m = cli_load_model(inputs, n, &diags);
  free(inputs);
  if (!m) {
    b24_diags_free(&diags);
    return 1;
  }
  const b24_stats *s = &m->stats;
  size_t warnings = 0;
  for (size_t i = 0; i < diags.n; i++) warnings += !diags.items[i].lint_only;
  struct { const char *k; size_t v; } rows[] = {
      {"pages", s->pages},
      {"method_pages", s->method_pages},
      {"event_pages", s->event_pages},
      {"methods", s->methods},
      {"params", s->params},
      {"params_typed", s->params_typed},
      {"result_fields", s->result_fields},
      {"rows_unparsed", s->rows_unparsed},
      {"rows_unparsed_no_name", s->rows_unparsed_no_name},
      {"rows_unparsed_cells", s->rows_unparsed_cells},
      {"rows_repaired", s->rows_repaired},
      {"curl_bodies", s->curl_bodies},
      {"curl_bodies_not_json", s->curl_bodies_not_json},
      {"responses", s->responses},
      {"responses_not_json", s->responses_not_json},
      {"responses_elided", s->responses_elided},
      {"entities", s->entities},
      {"families_crud", s->families_crud},
      {"families_crud_no_entity", s->families_crud_without_entity},
      {"refs_dictionary_words", s->refs_words},
      {"refs_object_ids", s->refs_object_ids},
      {"refs_object_ids_unresolved", s->refs_object_ids_unresolved},
      {"deprecated_methods", s->deprecated_methods},
      {"deprecated_replacement", s->deprecated_with_replacement},
      {"js_bodies", s->js_bodies},
      {"js_bodies_not_json", s->js_bodies_not_json},
      {"php_bodies", s->php_bodies},
      {"php_bodies_not_json", s->php_bodies_not_json},
      {"bodies_nonliteral", s->bodies_nonliteral},
      {"parse_diagnostics", warnings},
  };
  size_t nr = sizeof rows / sizeof rows[0];
  if (as_json) {
    fputs("{", stdout);
    for (size_t i = 0; i < nr; i++) printf("%s\"%s\": %zu", i ? ", " : "", rows[i].k, rows[i].v);
    fputs("}\n", stdout);
  } else {
    for (size_t i = 0; i < nr; i++) printf("%-26s %zu\n", rows[i].k, rows[i].v);
  }
  b24_model_free(m);
  b24_diags_free(&diags);
  return 0;
}
