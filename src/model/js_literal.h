/* JavaScript (and TypeScript) values read as JSON, the way the docs' JS examples
 * pass a call's parameters: object literals with unquoted, quoted or numeric
 * keys, single- or double-quoted strings, templates without ${}, numbers,
 * true/false/null, trailing commas, // and block comments. A value that is an
 * expression (a variable, new Date(), a call, 'a' + b, an arrow function, a
 * template with ${}) becomes a string of its source text, and its JSON Pointer is
 * noted in the result as not literal.
 *
 * The text is untrusted: any bytes are read without crashing; what is no value
 * at all (a spread, a computed key, an unterminated string) is an error with its
 * offset. */
#ifndef B24_MODEL_JS_LITERAL_H
#define B24_MODEL_JS_LITERAL_H
#include <jansson.h>
#include <stddef.h>

#include "model/example_body.h"

/* Reads one value at s[*pos] (leading space and comments skipped). Returns a new
 * reference and moves *pos past the value, or NULL with out->error set. Values
 * kept as text are noted in out under their pointer ("" for the value itself). */
json_t *b24_js_read_value(const char *s, size_t len, size_t *pos, b24_body_read *out);

/* Skips space and comments from i; returns the offset of the next token. */
size_t b24_js_skip_space(const char *s, size_t len, size_t i);

/* The string literal ('...', "..." or a template without ${}) at s[i]: its value
 * (malloc'd) and *end past it; NULL when s[i] starts no such string. */
char *b24_js_string(const char *s, size_t len, size_t i, size_t *end);

/* The end of the expression starting at i: the first ',', ')', ']', '}' or ';'
 * outside brackets, strings and comments (or len). */
size_t b24_js_expression_end(const char *s, size_t len, size_t i);

#endif
