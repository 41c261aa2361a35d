/* libFuzzer target: any bytes as a date or date-time value (util/jsonschema_format.c,
 * which reads request values and docs examples). Must not read past the string;
 * the portal's reading (FORM_SCALARS) takes everything the strict RFC 3339
 * reading takes; a value the strict reading takes still reads after a T for
 * the blank (RFC 3339's own separator). Seeds: any dates (the spellings of
 * tests/check's constraints_corpus case). Build: cmake -DB24_FUZZ=ON with
 * CC=clang. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/jsonschema.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *s = malloc(size + 1); /* exactly the input: ASan sees any read past its NUL */
  if (!s) return 0;
  memcpy(s, data, size);
  s[size] = 0;
  static const char *const formats[] = {"date", "date-time"};
  for (int f = 0; f < 2; f++) {
    int strict = b24_jsonschema_format_ok(formats[f], s, 0);
    int portal = b24_jsonschema_format_ok(formats[f], s, B24_JSONSCHEMA_FORM_SCALARS);
    if (strict < 0 || portal < 0 || strict > 1 || portal > 1) abort();
    if (strict && !portal) abort();
    if (f == 1 && strict && size > 10 && s[10] == ' ') {
      s[10] = 'T';
      if (b24_jsonschema_format_ok(formats[f], s, 0) != 1) abort();
      s[10] = ' ';
    }
  }
  if (b24_jsonschema_format_ok("email", s, 0) != -1) abort();
  free(s);
  return 0;
}
