/* JSON -> a form-encoded body with PHP-style keys, as the portal (PHP's
 * http_build_query) writes the payloads it POSTs to event handlers:
 * {"data":{"FIELDS":{"ID":"7"}},"ts":"1"} -> data[FIELDS][ID]=7&ts=1. Arrays are
 * keyed by index, true is 1 and false 0, null and empty containers are left out
 * (http_build_query writes nothing for them), spaces are '+', brackets literal. */
#ifndef B24_MOCK_FORM_ENCODE_H
#define B24_MOCK_FORM_ENCODE_H
#include <jansson.h>

#include "util/buf.h"

/* Appends the pairs of v (an object) to out, '&'-separated. */
void mock_form_encode(const json_t *v, b24_buf *out);

#endif
