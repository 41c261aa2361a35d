/* Reads a request body out of example code the way the model does, for the
 * table tests: read_body curl|js|php [METHOD] < code. Prints the body as compact
 * JSON on the first line, then "method: M", "text: T", one "nonliteral: P" per
 * value kept as text, or "error: E" (exit 1); "none" (exit 2) when the code
 * sends no body. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/curl_body.h"
#include "model/example_calls.h"

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: read_body curl|js|php [METHOD] < code\n");
    return 64;
  }
  b24_buf in = B24_BUF_INIT;
  char chunk[4096];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0) b24_buf_put(&in, chunk, n);
  const char *code = in.data ? in.data : "";
  b24_body_read r = {0};
  int found = !strcmp(argv[1], "curl")
                  ? b24_curl_body(code, in.len, &r)
                  : b24_example_call_body(code, in.len, !strcmp(argv[1], "php") ? B24_CODE_PHP : B24_CODE_JS,
                                          argc > 2 ? argv[2] : NULL, &r);
  int rc = 0;
  if (!found) {
    puts("none");
    rc = 2;
  } else {
    if (r.value) {
      char *j = json_dumps(r.value, JSON_ENCODE_ANY | JSON_COMPACT | JSON_PRESERVE_ORDER);
      puts(j);
      free(j);
    }
    if (r.method) printf("method: %s\n", r.method);
    printf("text: %s\n", r.text);
    for (size_t i = 0; i < r.n_nonliteral; i++) printf("nonliteral: %s\n", r.nonliteral[i]);
    if (r.error) {
      printf("error: %s\n", r.error);
      rc = 1;
    }
  }
  b24_body_read_free(&r);
  b24_buf_free(&in);
  return rc;
}
