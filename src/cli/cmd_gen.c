#include <stdio.h>
#include "cli/commands.h"

int cmd_gen(int argc, char **argv) {
  (void)argc;
  (void)argv;
  fputs("b24spec gen: not implemented yet\n", stderr);
  return 2;
}
