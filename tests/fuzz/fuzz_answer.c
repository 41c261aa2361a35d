/* libFuzzer target: what a portal (or the docs) hands the C bindings, untrusted. The
 * bytes, as JSON, go through the decoders generated stubs use (b24_decode_answer with a
 * list of records that nest a struct and scalar lists, then with a struct, strict), and
 * through the query string of a batch command; as text, through the doc-text cleaner and
 * the comment writer of the C generator. Nothing may crash, leak or read out of bounds;
 * a decode path must stay NUL-terminated. Build: cmake -DB24_FUZZ=ON with CC=clang. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <b24/batch.h>

#include "gen/c_doc.h"
#include "gen/c_text.h"

typedef struct inner {
  bool present;
  const json_t *json;
  b24_opt_bool flag;
} inner;

typedef struct record {
  bool present;
  const json_t *json;
  b24_opt_int id;
  b24_opt_double amount;
  const char *title;
  inner nested;
  const long long *ids;
  size_t n_ids;
  const char *const *tags;
  size_t n_tags;
  inner *rows;
  size_t n_rows;
} record;

typedef struct list_result {
  b24_answer answer;
  record *items;
  size_t n_items;
} list_result;

typedef struct one_result {
  b24_answer answer;
  record value;
} one_result;

static void decode_inner(b24_decoder *d, const json_t *json, void *out) {
  inner *v = out;
  v->present = true;
  v->json = json;
  b24_dec_bool(d, json, "FLAG", &v->flag);
}

static void decode_record(b24_decoder *d, const json_t *json, void *out) {
  record *v = out;
  v->present = true;
  v->json = json;
  b24_dec_int(d, json, "ID", &v->id);
  b24_dec_double(d, json, "AMOUNT", &v->amount);
  b24_dec_str(d, json, "TITLE", &v->title);
  b24_dec_struct(d, json, "NESTED", &v->nested, decode_inner);
  v->ids = b24_dec_int_list(d, json, "IDS", &v->n_ids);
  v->tags = b24_dec_str_list(d, json, "TAGS", &v->n_tags);
  v->rows = b24_dec_items(d, json, "ROWS", &v->n_rows, sizeof *v->rows, decode_inner);
}

static void release_record(void *value) {
  record *v = value;
  free((void *)v->ids);
  free((void *)v->tags);
  b24_free_items(v->rows, v->n_rows, sizeof *v->rows, NULL);
}

static const b24_method_desc LIST = {
    .name = "x.list", .kind = B24_VALUE_ITEMS, .decode = decode_record, .release = release_record,
    .result_size = sizeof(list_result), .value_offset = offsetof(list_result, items),
    .count_offset = offsetof(list_result, n_items), .item_size = sizeof(record)};
static const b24_method_desc ONE = {
    .name = "x.get", .kind = B24_VALUE_STRUCT, .decode = decode_record, .release = release_record,
    .result_size = sizeof(one_result), .value_offset = offsetof(one_result, value)};

/* The model with no pages the doc cleaner is given: {#T} finds no page. */
const b24_page *b24_model_find_page(const b24_model *m, const char *path) {
  (void)m, (void)path;
  return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  json_t *answer = json_loadb((const char *)data, size, JSON_DECODE_ANY, NULL);
  if (json_is_object(answer)) {
    list_result list;
    memset(&list, 0, sizeof list);
    b24_api_error err;
    b24_decode_answer(&LIST, answer, false, &list, &err);
    if (strlen(list.answer.decode.first) >= sizeof list.answer.decode.first) abort();
    b24_result_free(&LIST, &list);
    one_result one;
    memset(&one, 0, sizeof one);
    b24_decode_answer(&ONE, answer, true, &one, &err);
    b24_result_free(&ONE, &one);
    free(b24_query_string(answer));
  }
  json_decref(answer);
  char *text = malloc(size + 1);
  if (!text) return 0;
  memcpy(text, data, size);
  text[size] = '\0';
  char *clean = c_doc_text(NULL, "a.md", 1, text);
  b24_buf b = B24_BUF_INIT;
  c_text_doc_block(&b, clean, "  ");
  c_text_comment_block(&b, clean, "");
  b24_buf_free(&b);
  free(clean);
  free(text);
  return 0;
}
