/* What the subcommands share: reading the model from docs or a model file, and
 * writing a result to stdout or, atomically, to a file. */
#ifndef B24_CLI_H
#define B24_CLI_H
#include <stddef.h>

#include "model/model.h"

/* Models the inputs: one model JSON file (*.json), or docs roots / pages.
 * Diagnostics are printed on stderr as they come. NULL when nothing was read. */
b24_model *cli_load_model(char *const *inputs, size_t n, b24_diags *diags);
/* Writes data to path ("-" or NULL: stdout), through a temporary file. 0 on success. */
int cli_write(const char *path, const char *data, size_t len);
/* Prints a diagnostics summary line when there were errors; returns their count. */
size_t cli_report_errors(const b24_diags *diags);

#endif
