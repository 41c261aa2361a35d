/* libFuzzer target, differential: any bytes given to b24_json_parse and to
 * json_loadb(JSON_DECODE_ANY); both must accept or both reject, and build equal
 * values with their keys in the same order. A disagreement aborts. Build:
 * cmake -DB24_FUZZ=ON with CC=clang; seeds: generated/ and tests/data. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/json_parse.h"

static char *text_of(const json_t *j) {
  return json_dumps(j, JSON_ENCODE_ANY | JSON_PRESERVE_ORDER | JSON_COMPACT);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  json_t *want = json_loadb((const char *)data, size, JSON_DECODE_ANY, NULL);
  json_t *got = b24_json_parse((const char *)data, size);
  if (!want != !got) abort();
  if (want) {
    char *a = text_of(want), *b = text_of(got);
    if (!json_equal(want, got) || strcmp(a, b)) abort();
    free(a);
    free(b);
  }
  json_decref(want);
  json_decref(got);
  return 0;
}
