/* libFuzzer target: any bytes as a shell command line (shell_words.c) and as a
 * cURL example (curl_body.c). Word offsets and expansion spans must lie inside
 * the input and the word texts; a body read must be JSON or say why not. Seeds:
 * the .sh files of tests/data/bodies. Build: cmake -DB24_FUZZ=ON with CC=clang. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/curl_body.h"
#include "model/shell_words.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *s = (const char *)data;
  b24_shell_words ws;
  int rc = b24_shell_split(s, size, &ws);
  if (rc && !ws.error) abort();
  for (size_t i = 0; i < ws.n; i++) {
    const b24_shell_word *w = &ws.items[i];
    if (w->start > w->end || w->end > size || w->text[w->len]) abort();
    for (size_t k = 0; k < w->n_expansions; k++)
      if (w->expansions[k].at + w->expansions[k].len > w->len) abort();
  }
  b24_shell_words_free(&ws);
  b24_body_read r = {0};
  if (b24_curl_body(s, size, &r) && !r.value == !r.error) abort();
  if (r.text && r.at > size) abort();
  b24_body_read_free(&r);
  return 0;
}
