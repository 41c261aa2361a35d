/* The JSON of an example's request body as model version 2 has it: where the
 * body came from, the method a JS/PHP call names, the paths of values that are
 * not literal, the body's line. Written by json_io.c next to the version-1
 * members of the example, and read back. */
#ifndef B24_MODEL_JSON_BODIES_H
#define B24_MODEL_JSON_BODIES_H
#include <jansson.h>

#include "model/model.h"

/* Adds e's body members to its JSON object o (for cURL tabs json_io.c has
 * written body, body_text and body_error already). */
void b24_json_example_body(json_t *o, const b24_example *e);
/* Reads them back from o into e (arena a); body, body_text and body_error are
 * read by json_io.c. */
void b24_json_read_example_body(b24_arena *a, const json_t *o, b24_example *e);
/* "curl", "js", "php", or NULL for B24_BODY_NONE. */
const char *b24_body_source_name(b24_body_source s);

#endif
