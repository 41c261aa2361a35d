#include <stdio.h>
#include "cli/commands.h"
int cmd_model(int argc, char **argv) { (void)argc; (void)argv; return 2; }
int cmd_stats(int argc, char **argv) { (void)argc; (void)argv; return 2; }
