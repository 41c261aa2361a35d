/* b24spec diff OLD NEW: what changed in the API between two versions of the docs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "diff/diff.h"

static void usage(FILE *f) {
  fputs("usage: b24spec diff OLD NEW [--format text|json|markdown] [--fail-on breaking|never] [-o FILE]\n"
        "  OLD, NEW   a docs root, a single page, or a model JSON file (b24spec model -o)\n"
        "  --fail-on  breaking: exit 1 when any change is breaking (default never)\n"
        "Each change is breaking, compatible or a note, for a client of the API; see docs/diff.md.\n",
        f);
}

int cmd_diff(int argc, char **argv) {
  const char *format = "text", *fail_on = "never", *out = NULL;
  char *inputs[2];
  int n = 0;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--format") && i + 1 < argc) format = argv[++i];
    else if (!strcmp(argv[i], "--fail-on") && i + 1 < argc) fail_on = argv[++i];
    else if (!strcmp(argv[i], "-o") && i + 1 < argc) out = argv[++i];
    else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
      usage(stdout);
      return 0;
    } else if (argv[i][0] == '-' || n == 2) {
      fprintf(stderr, "b24spec diff: unexpected argument %s\n", argv[i]);
      usage(stderr);
      return 2;
    } else inputs[n++] = argv[i];
  }
  void (*render)(const b24_changes *, b24_buf *) =
      !strcmp(format, "text")       ? b24_diff_render_text
      : !strcmp(format, "json")     ? b24_diff_render_json
      : !strcmp(format, "markdown") ? b24_diff_render_markdown
                                    : NULL;
  if (n != 2 || !render || (strcmp(fail_on, "breaking") && strcmp(fail_on, "never"))) {
    usage(stderr);
    return 2;
  }
  b24_diags diags;
  b24_diags_init(&diags);
  b24_model *om = cli_load_model(&inputs[0], 1, &diags);
  b24_model *nm = om ? cli_load_model(&inputs[1], 1, &diags) : NULL;
  int rc = 2;
  if (om && nm) {
    b24_changes ch;
    b24_diff_models(om, nm, &ch);
    b24_buf text = B24_BUF_INIT;
    render(&ch, &text);
    size_t counts[3];
    b24_changes_count(&ch, counts);
    rc = cli_write(out, b24_buf_cstr(&text), text.len) ? 2
         : (!strcmp(fail_on, "breaking") && counts[B24_CHANGE_BREAKING]) ? 1
                                                                         : 0;
    b24_buf_free(&text);
    b24_changes_free(&ch);
  } else {
    fputs("b24spec diff: cannot read the inputs\n", stderr);
  }
  b24_model_free(om);
  b24_model_free(nm);
  b24_diags_free(&diags);
  return rc;
}
