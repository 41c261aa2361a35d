/* libFuzzer target: any bytes as an answer example (src/model/example_json.c,
 * which reads the docs' examples past their elisions). Must not read past the
 * text; what strict JSON reading takes it reads to the same value, since
 * strict JSON has nothing to elide outside its strings. Seeds: the answer
 * examples of the corpus. Build: cmake -DB24_FUZZ=ON with CC=clang. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/example_json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *s = malloc(size ? size : 1); /* exactly the input: ASan sees any read past it */
  if (!s) return 0;
  memcpy(s, data, size);
  json_t *elided = b24_example_json_elided(s, size, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY);
  json_error_t err;
  json_t *strict = json_loadb(s, size, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &err);
  if (strict && (!elided || !json_equal(strict, elided))) abort();
  json_decref(strict);
  json_decref(elided);
  free(s);
  return 0;
}
