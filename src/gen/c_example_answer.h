/* The result a method's response example shows, for shaping the results the "Returned
 * Data" table says nothing about (c_shape.c, through c_example_rows.h).
 *
 * The model keeps a response example parsed when it is JSON. Many are JSON with a
 * writer's liberties, which the model keeps only as text; they are read here as the docs'
 * JS examples are (model/js_literal.h: trailing commas, // comments, unquoted keys),
 * after a line that is only `...` ("and so on") is dropped; a PHP print_r dump
 * (Array ( [result] => ... )) is read as one (model/print_r.h). Nothing is guessed
 * beyond that: an example that still does not read, or reads to an expression, shows
 * nothing.
 *
 * The result is the example's "result" member; an example without the envelope (no
 * "result", "error" or "time" member: {"comment": {...}} where the portal answers
 * {"result": {"comment": {...}}, "time": ...}) shows the result's value itself.
 */
#ifndef B24_GEN_C_EXAMPLE_ANSWER_H
#define B24_GEN_C_EXAMPLE_ANSWER_H
#include <jansson.h>

#include "model/model.h"

/* The result m's response example shows: a new reference, or NULL when it shows none. */
json_t *c_example_result(const b24_method *m);

#endif
