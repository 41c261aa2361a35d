/* Result rows read off a response example, for results whose "Returned Data" table
 * says nothing about their members: the docs' example answer shows the shape
 * ({"result": {"ID": "1", "ITEMS": [{...}]}}), and each key becomes a row typed by its
 * value (string, integer, double, boolean; an object or a list of objects with rows of
 * their own, the union of the keys of all its items). A value that says nothing of its
 * type (null, an empty list) is a row of no type (json_t *). */
#ifndef B24_GEN_C_EXAMPLE_ROWS_H
#define B24_GEN_C_EXAMPLE_ROWS_H
#include <jansson.h>

#include "model/model.h"
#include "util/arena.h"

/* What the example value `v` (the "result" member) is, as a row named "result": its
 * type and, for objects and lists of objects, its children. false when the value tells
 * nothing (absent, null, an empty list or object). Rows live in the arena; `loc` is the
 * example's location, given to every row. */
bool c_example_row(b24_arena *a, const json_t *v, b24_loc loc, b24_param *out);

#endif
