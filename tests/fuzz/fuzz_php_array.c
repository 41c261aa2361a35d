/* libFuzzer target: any bytes as a PHP value (php_array.c) and as a PHP example
 * with a REST call (example_calls.c), with the checks of fuzz_literal.h. Seeds:
 * the .php files of tests/data/bodies. Build: cmake -DB24_FUZZ=ON with CC=clang. */
#include "fuzz_literal.h"

#include "model/php_array.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  b24_fuzz_literal((const char *)data, size, b24_php_read_value, B24_CODE_PHP);
  return 0;
}
