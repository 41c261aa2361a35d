/* One function per subcommand, one file per subcommand (cmd_<name>.c). Each takes
 * the arguments after the subcommand name and returns the process exit status. */
#ifndef B24_COMMANDS_H
#define B24_COMMANDS_H

int cmd_model(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_gen(int argc, char **argv);
int cmd_lint(int argc, char **argv);
int cmd_mock(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_report(int argc, char **argv);

#endif
