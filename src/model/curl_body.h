/* The request body of a cURL example, read as curl receives it from the shell:
 * the argument of -d/--data/--data-raw/--data-binary/--data-ascii/
 * --data-urlencode/--json after quote removal (shell_words.h), several joined
 * with '&' as curl joins them. Inside the JSON, an expansion the shell would
 * replace ("$(date +%F)", $VAR spliced in as '"$id"') and a bare
 * **put_..._here** placeholder are kept as strings of their text, and their
 * paths listed as not literal. */
#ifndef B24_MODEL_CURL_BODY_H
#define B24_MODEL_CURL_BODY_H
#include "model/example_body.h"

/* Reads the body of the first curl command in code. Returns 0 when the command
 * sends no data (out untouched), 1 when it does: out->text is the data as curl
 * gets it and out->value its JSON, or out->error says why it is not JSON. */
int b24_curl_body(const char *code, size_t len, b24_body_read *out);

#endif
