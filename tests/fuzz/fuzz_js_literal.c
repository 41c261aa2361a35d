/* libFuzzer target: any bytes as a JS value (js_literal.c) and as a JS example
 * with a REST call (example_calls.c). A value read ends inside the input, every
 * non-literal pointer resolves in it; else there is an error inside the input.
 * Seeds: the .js files of tests/data/bodies. Build: cmake -DB24_FUZZ=ON with CC=clang. */
#include "fuzz_literal.h"

#include "model/js_literal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  b24_fuzz_literal((const char *)data, size, b24_js_read_value, B24_CODE_JS);
  return 0;
}
