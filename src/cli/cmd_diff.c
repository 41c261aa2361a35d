#include <stdio.h>
#include "cli/commands.h"

int cmd_diff(int argc, char **argv) {
  (void)argc;
  (void)argv;
  fputs("b24spec diff: not implemented yet\n", stderr);
  return 2;
}
