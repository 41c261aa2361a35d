/* Where a JSON example breaks (json_place.c). */
#ifndef B24_LINT_JSON_PLACE_H
#define B24_LINT_JSON_PLACE_H
#include <jansson.h>

#include "lint/lint_internal.h"

typedef struct b24_json_place {
  int line;              /* 1-based, in the text */
  const char *line_text; /* that line of the text, line_len bytes */
  size_t line_len;
  size_t offset;         /* of the offending token in the line */
  char message[160];
} b24_json_place;

/* Parses text with jansson's flags; 1 with *out filled when it is not JSON. */
int b24_json_error_at(const char *text, size_t flags, b24_json_place *out);
/* Sets the column of the finding emitted last (on the page line holding
 * p's line) to the offending token. */
void b24_lint_place_json(b24_lint_ctx *c, const b24_json_place *p);

#endif
