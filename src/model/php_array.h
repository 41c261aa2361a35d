/* PHP values read as JSON, the way the docs' PHP examples (CRest::call, the PHP
 * SDK's core->call) pass a call's parameters: array(...) and [...] with or
 * without `key =>`, single- and double-quoted strings, numbers, true/false/null
 * in any case, trailing commas, //, # and block comments. An array is a JSON
 * list when its keys are 0, 1, 2, ... in order (as json_encode decides), else an
 * object, keys given by PHP's rules ("5" is 5; an entry without a key takes the
 * next integer). A value that is an expression ($var, date('Y-m-d'), new
 * DateTime(), 'a' . $b, a constant, a string with "$var" in it) becomes a string
 * of its source text, and its JSON Pointer is noted as not literal.
 *
 * The text is untrusted: any bytes are read without crashing; what is no value
 * (a spread, an unterminated string or array) is an error with its offset. */
#ifndef B24_MODEL_PHP_ARRAY_H
#define B24_MODEL_PHP_ARRAY_H
#include <jansson.h>
#include <stddef.h>

#include "model/example_body.h"

/* Reads one value at s[*pos] (leading space and comments skipped). Returns a new
 * reference and moves *pos past the value, or NULL with out->error set. */
json_t *b24_php_read_value(const char *s, size_t len, size_t *pos, b24_body_read *out);

/* Skips space and comments from i. */
size_t b24_php_skip_space(const char *s, size_t len, size_t i);

/* The value of the string literal at s[i] ('...' or "..." without $ in it),
 * malloc'd, *end past it; NULL when s[i] starts none. */
char *b24_php_string(const char *s, size_t len, size_t i, size_t *end);

/* The end of the expression starting at i: the first ',', ')', ']', ';' or
 * `=>` outside brackets, strings and comments (or len). */
size_t b24_php_expression_end(const char *s, size_t len, size_t i);

#endif
