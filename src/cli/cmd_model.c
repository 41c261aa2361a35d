/* b24spec model DOCS... [-o FILE]: the method model as JSON. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "util/fsutil.h"

static void usage(FILE *f) {
  fputs("usage: b24spec model DOCS... [-o FILE]\n"
        "  DOCS   a docs root (with toc.yaml) or single pages, or a model JSON file\n"
        "  -o     write the model to FILE (atomically) instead of stdout\n"
        "The JSON form is described in docs/model.md and docs/model.schema.json.\n"
        "Exit status: 0 ok, 1 errors in the input (see stderr), 2 usage.\n",
        f);
}

static int write_model(const b24_model *m, const char *out) {
  if (!out || !strcmp(out, "-")) return b24_model_write_json(m, stdout) || fflush(stdout) ? -1 : 0;
  b24_atomic_file *f = b24_atomic_open(out);
  if (!f) return -1;
  if (b24_model_write_json(m, b24_atomic_stream(f)) != 0) {
    b24_atomic_abort(f);
    return -1;
  }
  return b24_atomic_commit(f);
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
    if (write_model(m, out) != 0)
      fprintf(stderr, "b24spec model: cannot write %s: %s\n", out ? out : "stdout", strerror(errno));
    else
      rc = cli_report_errors(&diags) ? 1 : 0;
    b24_model_free(m);
  }
  b24_diags_free(&diags);
  return rc;
}
