/* A method's example request bodies as consumers take them: every example with
 * a JSON body, from cURL, JS or PHP code, and the counts `b24spec stats` gives.
 *
 * A JS or PHP body is the parameters a call passes, read from the code: values
 * that are expressions there (a variable, new Date(), $(date)) are strings of
 * their source text, listed in body_nonliteral, so such a body is approximate. */
#ifndef B24_MODEL_BODIES_H
#define B24_MODEL_BODIES_H
#include <jansson.h>
#include <stddef.h>

#include "model/model.h"

/* The examples of meth that carry a JSON object body for meth itself (a JS/PHP
 * call of another method does not count), cURL first (webhook before OAuth),
 * then JS, then PHP, each in page order. Writes up to cap of them into out and
 * returns how many there are. */
size_t b24_method_example_bodies(const b24_method *meth, const b24_example **out, size_t cap);

/* The same, only those whose values are all literal (no body_nonliteral). */
size_t b24_method_literal_bodies(const b24_method *meth, const b24_example **out, size_t cap);

/* The body of example e of meth with only its literal values (the values at
 * body_nonliteral removed), as evidence of what the method takes: a new
 * reference, or NULL when e has no JSON object body or its call is of another
 * method. */
json_t *b24_example_literal_body(const b24_method *meth, const b24_example *e);

/* Adds meth's examples to the body counters of s. */
void b24_stats_count_bodies(b24_stats *s, const b24_method *meth);

#endif
