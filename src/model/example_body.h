/* A request body read out of an example's code (a cURL command's data, the
 * parameters of a JS or PHP call), the same shape whichever reader made it. The
 * readers are in curl_body.c (over shell_words.c) and example_calls.c (over
 * js_literal.c and php_array.c); examples.c copies the result into the model. */
#ifndef B24_MODEL_EXAMPLE_BODY_H
#define B24_MODEL_EXAMPLE_BODY_H
#include <jansson.h>
#include <stddef.h>

#include "util/buf.h"

typedef struct b24_body_read {
  json_t *value;        /* the body as JSON (a new reference), NULL when it is not JSON */
  char *text;           /* the body's text as the language reads it (malloc'd) */
  char *error;          /* why it is not JSON (malloc'd), NULL when value is set */
  size_t at;            /* the offset in the code where the body's text starts */
  size_t error_at;      /* JS/PHP: the offset in the code where reading failed */
  char *method;         /* JS/PHP: the method the call names (malloc'd); NULL for cURL */
  char **nonliteral;    /* JSON Pointers (RFC 6901) of the values that are not literals in
                           the code (a variable, a call, $(date)), kept as their source text */
  size_t n_nonliteral;
} b24_body_read;

void b24_body_read_free(b24_body_read *b);
/* Notes the value at the JSON Pointer `pointer` as not literal. */
void b24_body_read_note(b24_body_read *b, const char *pointer);
/* Sets b->error (once) to a formatted reason. */
void b24_body_read_fail(b24_body_read *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A JSON Pointer grown and shrunk as a reader descends: push a key (escaped as
 * RFC 6901 says: ~ -> ~0, / -> ~1) or an index; restore by setting len back. */
void b24_pointer_push_key(b24_buf *p, const char *key, size_t n);
void b24_pointer_push_index(b24_buf *p, size_t i);
static inline void b24_pointer_pop(b24_buf *p, size_t len) {
  p->len = len;
  if (p->data) p->data[len] = 0;
}

#endif
