#include <stdio.h>
#include "cli/commands.h"

int cmd_check(int argc, char **argv) {
  (void)argc;
  (void)argv;
  fputs("b24spec check: not implemented yet\n", stderr);
  return 2;
}
