/* b24spec model DOCS... [-o FILE]: the method model as JSON. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/commands.h"

static void usage(FILE *f) {
  fputs("usage: b24spec model DOCS... [-o FILE]\n"
        "  DOCS   a docs root (with toc.yaml) or single pages\n"
        "  -o     write the model to FILE (atomically) instead of stdout\n"
        "Exit status: 0 ok, 1 errors in the input (see stderr), 2 usage.\n",
        f);
}

int cmd_model(int argc, char **argv) {
  const char *out = NULL;
  char **inputs = calloc((size_t)argc, sizeof *inputs);
  size_t n = 0;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "-o") && i + 1 < argc) out = argv[++i];
    else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
      usage(stdout);
      free(inputs);
      return 0;
    } else if (argv[i][0] == '-' && argv[i][1]) {
      fprintf(stderr, "b24spec model: unknown option %s\n", argv[i]);
      usage(stderr);
      free(inputs);
      return 2;
    } else inputs[n++] = argv[i];
  }
  if (!n) {
    usage(stderr);
    free(inputs);
    return 2;
  }
  b24_diags diags;
  b24_diags_init(&diags);
  b24_model *m = cli_load_model(inputs, n, &diags);
  free(inputs);
  int rc = 1;
  if (m) {
    json_t *j = b24_model_to_json(m);
    char *s = json_dumps(j, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
    size_t len = strlen(s);
    s = realloc(s, len + 2);
    s[len++] = '\n';
    s[len] = 0;
    rc = cli_write(out, s, len) ? 1 : (cli_report_errors(&diags) ? 1 : 0);
    free(s);
    json_decref(j);
    b24_model_free(m);
  }
  b24_diags_free(&diags);
  return rc;
}
