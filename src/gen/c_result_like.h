/* Results documented by reference: "Returns a response similar to the [rpa.type.get]
 * method", a response section with neither rows nor an example that sends the reader to
 * another method's answer. The C result of such a method is shaped from that method's
 * "Returned Data" and response example (c_shape.c).
 *
 * The reference is the response section's first link, when it is a link with text of its
 * own (not a see-also list's {#T}) to the page of another method that documents its
 * answer, and comes before the page's errors, examples and see-also list. Anything else
 * (no link, a link to a data-type page, a method page without an answer) is no
 * reference. */
#ifndef B24_GEN_C_RESULT_LIKE_H
#define B24_GEN_C_RESULT_LIKE_H

#include "model/model.h"

/* The method whose answer mt's docs point to for its own, or NULL. */
const b24_method *c_result_like(const b24_model *m, const b24_method *mt);

#endif
