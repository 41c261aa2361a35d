/* b24spec: Bitrix24 REST docs -> method model -> schemas, stubs, lint, mock, diff. */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"

typedef struct command {
  const char *name;
  int (*run)(int argc, char **argv);
  const char *summary;
} command;

static const command commands[] = {
    {"model", cmd_model, "parse docs into the method model (JSON)"},
    {"stats", cmd_stats, "print counts of what the model holds"},
    {"gen", cmd_gen, "generate JSON Schemas, OpenAPI, C stubs and the conformance suite"},
    {"lint", cmd_lint, "report documentation defects compiler-style"},
    {"mock", cmd_mock, "serve a mock portal from the model"},
    {"check", cmd_check, "run the conformance suite against a portal"},
    {"diff", cmd_diff, "say what changed in the API between two doc versions"},
    {"report", cmd_report, "one HTML page: docs health, coverage, conformance, changes"},
};

static void usage(FILE *f) {
  fputs("usage: b24spec <command> [options]\n\ncommands:\n", f);
  for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
    fprintf(f, "  %-6s %s\n", commands[i].name, commands[i].summary);
  fputs("\nRun 'b24spec <command> --help' for a command's options.\n", f);
}

int main(int argc, char **argv) {
  if (argc < 2) {
    usage(stderr);
    return 2;
  }
  if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
    usage(stdout);
    return 0;
  }
  if (!strcmp(argv[1], "--version")) {
    puts("b24spec 0.1.0");
    return 0;
  }
  for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
    if (!strcmp(argv[1], commands[i].name)) return commands[i].run(argc - 1, argv + 1);
  fprintf(stderr, "b24spec: unknown command '%s'\n", argv[1]);
  usage(stderr);
  return 2;
}
