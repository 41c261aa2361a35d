/* libFuzzer target: the runtime's form decoder (b24_form_decode), which reads what
 * anyone may POST to an event handler. Any bytes must give an object or a clean
 * refusal; an object must be valid JSON text, and written back as a form (the
 * mock's encoder, PHP-style keys) it must decode to the same tree. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <b24/event.h>

#include "mock/form_encode.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char err[128];
  json_t *t = b24_form_decode((const char *)data, size, err, sizeof err);
  if (!t) return 0;
  if (!json_is_object(t)) abort();
  char *text = json_dumps(t, JSON_COMPACT);
  if (!text) abort();
  free(text);
  b24_buf again = B24_BUF_INIT;
  mock_form_encode(t, &again);
  json_t *u = b24_form_decode(again.data ? again.data : "", again.len, err, sizeof err);
  if (!u || !json_equal(t, u)) {
    fprintf(stderr, "round trip differs: %s\n", u ? "another tree" : err);
    abort();
  }
  json_decref(u);
  b24_buf_free(&again);
  json_decref(t);
  return 0;
}
