/* libFuzzer target: what a client sends the mock's list and batch: the bytes
 * up to the first newline are a JSON object of list parameters (filter with
 * operator prefixes, order, select, start) applied to a few stored records;
 * the rest is a batch subquery whose $result[...] references are expanded
 * against earlier results. Nothing may crash, leak or read out of bounds, and
 * a projection keeps the id. Build: cmake -DB24_FUZZ=ON with CC=clang. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mock/batch.h"
#include "mock/list_query.h"
#include "util/json_parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *text = (const char *)data;
  const char *nl = memchr(text, '\n', size);
  size_t head = nl ? (size_t)(nl - text) : size;
  json_t *params = b24_json_parse(text, head);
  json_t *recs = json_pack("[{s:s,s:s,s:i},{s:i,s:s,s:[i,i]},{s:s,s:n,s:b}]", "ID", "7", "TITLE",
                           "First", "SORT", 100, "ID", 8, "TITLE", "second", "LIST", 1, 2, "ID",
                           "9", "TITLE", "ACTIVE", 1);
  if (json_is_object(params)) {
    mock_list_query q;
    mock_list_query_read(params, &q);
    size_t i;
    json_t *r;
    json_array_foreach(recs, i, r) {
      (void)mock_list_matches(&q, r);
      (void)mock_list_compare(&q, r, json_array_get(recs, (i + 1) % 3));
      json_t *copy = json_deep_copy(r);
      mock_list_project(&q, copy, "ID");
      if (!json_object_get(copy, "ID")) abort();
      json_decref(copy);
    }
    mock_list_query_free(&q);
  }
  if (nl) {
    char *q = strndup(nl + 1, size - head - 1);
    json_t *results = json_pack("{s:i,s:{s:s,s:[i]},s:[{s:s}]}", "add", 42, "get", "ID", "42",
                                "LIST", 3, "list", "ID", "x y&z");
    char *out = q ? mock_batch_expand(q, results) : NULL;
    free(out);
    free(q);
    json_decref(results);
  }
  json_decref(params);
  json_decref(recs);
  return 0;
}
