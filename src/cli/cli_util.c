#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "util/fsutil.h"

static int is_model_file(const char *p) {
  size_t n = strlen(p);
  return n > 5 && !strcmp(p + n - 5, ".json") && b24_is_file(p);
}

b24_model *cli_load_model(char *const *inputs, size_t n, b24_diags *diags) {
  diags->echo = stderr;
  if (n == 1 && is_model_file(inputs[0])) return b24_model_read_file(inputs[0], diags);
  b24_load_options opt = {.diags = diags};
  return b24_model_load((const char *const *)inputs, n, &opt);
}

int cli_write(const char *path, const char *data, size_t len) {
  if (!path || !strcmp(path, "-")) {
    if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0) {
      fprintf(stderr, "b24spec: cannot write to stdout: %s\n", strerror(errno));
      return -1;
    }
    return 0;
  }
  if (b24_write_file_atomic(path, data, len) != 0) {
    fprintf(stderr, "b24spec: cannot write %s: %s\n", path, strerror(errno));
    return -1;
  }
  return 0;
}

size_t cli_report_errors(const b24_diags *diags) {
  if (diags->n_errors)
    fprintf(stderr, "b24spec: %zu error%s\n", diags->n_errors, diags->n_errors == 1 ? "" : "s");
  return diags->n_errors;
}
