/* The docs' answer and payload examples as their writers mean them: JSON
 * with the elisions people write into examples left out. */
#ifndef B24_MODEL_EXAMPLE_JSON_H
#define B24_MODEL_EXAMPLE_JSON_H
#include <jansson.h>
#include <stddef.h>

/* text[0, len) read as JSON after dropping what only elides: line and block
 * comments (`// ...other documents`), runs of two or more
 * dots or a `…` standing for more items or members, the commas these leave
 * dangling and trailing commas; a value that starts a line after another
 * value gets the comma it lacks; inside strings a backslash that starts no
 * JSON escape (`Bitrix\Main`) is the backslash itself, and a raw line break
 * or tab is the character. NULL when what remains is still not JSON (`{ {`,
 * prose, a missing comma within a line): those are errors of the page, not
 * elisions. Duplicate keys are refused, as in strict reading. flags are
 * jansson's decoding flags. */
json_t *b24_example_json_elided(const char *text, size_t len, size_t flags);

#endif
