#include <stdio.h>
#include "cli/commands.h"

int cmd_mock(int argc, char **argv) {
  (void)argc;
  (void)argv;
  fputs("b24spec mock: not implemented yet\n", stderr);
  return 2;
}
