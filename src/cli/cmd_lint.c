#include <stdio.h>
#include "cli/commands.h"

int cmd_lint(int argc, char **argv) {
  (void)argc;
  (void)argv;
  fputs("b24spec lint: not implemented yet\n", stderr);
  return 2;
}
