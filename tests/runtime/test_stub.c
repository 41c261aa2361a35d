/* Tests of what generated stubs run on (b24/stub.h, b24/batch.h, b24/list.h) against a
 * local HTTP server, with a descriptor written the way the generator writes one: the
 * decode paths and strict decoding, batches (query strings out, answers split back),
 * paging by `next` and in the start=-1 mode, filters. Run as `test_runtime_stub`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <b24/batch.h>
#include <b24/list.h>

#include "check.h"
#include "test_server.h"

int check_failures;

/* A deal list: params {filter, order, start}; items {ID, TITLE, OPPORTUNITY}. */
typedef struct deal {
  bool present;
  const json_t *json;
  b24_opt_int id;
  const char *title;
  b24_opt_double opportunity;
} deal;

typedef struct deal_list_params {
  const b24_filter *filter;
  const b24_order *order;
  b24_opt_int start;
  json_t *extra;
} deal_list_params;

typedef struct deal_list_result {
  b24_answer answer;
  deal *items;
  size_t n_items;
} deal_list_result;

static const char *encode_deal_list(const void *value, json_t *obj) {
  const deal_list_params *v = value;
  const char *k = NULL;
  if (b24_enc_filter(obj, k = "filter", v->filter) || b24_enc_order(obj, k = "order", v->order) ||
      b24_params_set_opt_int(obj, k = "start", v->start) || b24_enc_extra(obj, &k, v->extra))
    return k;
  return NULL;
}

static void decode_deal(b24_decoder *d, const json_t *json, void *out) {
  deal *v = out;
  v->present = true;
  v->json = json;
  b24_dec_int(d, json, "ID", &v->id);
  b24_dec_str(d, json, "TITLE", &v->title);
  b24_dec_double(d, json, "OPPORTUNITY", &v->opportunity);
}

static const b24_method_desc DEAL_LIST = {
    .name = "crm.deal.list",
    .encode = encode_deal_list,
    .kind = B24_VALUE_ITEMS,
    .decode = decode_deal,
    .result_size = sizeof(deal_list_result),
    .value_offset = offsetof(deal_list_result, items),
    .count_offset = offsetof(deal_list_result, n_items),
    .item_size = sizeof(deal),
    .id_key = "ID",
    .filter_key = "filter",
    .order_key = "order",
};


static b24_client *client_for(test_server *s) { return ts_webhook_client(s, "k3y"); }

static const char *body_of(test_server *s, size_t i) {
  static ts_request r;
  memset(&r, 0, sizeof r);
  return ts_request_at(s, i, &r) == 0 ? r.body : "";
}

/* Decode errors name their path; strict decoding turns them into B24_ERR_DECODE. */
static void test_decode_paths(void) {
  const ts_reply script[] = {
      {200, "{\"result\": [{\"ID\": \"1\", \"TITLE\": \"a\"}, {\"ID\": \"x\", \"OPPORTUNITY\": [1]}],"
            " \"total\": 2}"}};
  test_server *s = ts_start_or_exit(script, 1);
  b24_client *c = client_for(s);
  deal_list_result res;
  b24_api_error err;
  CHECK_INT(b24_invoke(c, &DEAL_LIST, NULL, &res, &err), B24_OK);
  CHECK_INT(res.n_items, 2);
  CHECK(res.items && res.items[0].id.set && res.items[0].id.value == 1);
  CHECK_STR(res.items ? res.items[0].title : NULL, "a");
  CHECK_INT(res.answer.decode.errors, 2);
  CHECK_STR(res.answer.decode.first, "result[1].ID: not an integer");
  CHECK(res.answer.total.set && res.answer.total.value == 2);
  b24_result_free(&DEAL_LIST, &res);
  CHECK(res.items == NULL && res.answer.raw == NULL);

  b24_client_set_strict_decoding(c, true);
  CHECK_INT(b24_invoke(c, &DEAL_LIST, NULL, &res, &err), B24_ERR_DECODE);
  CHECK_STR(err.decode, "crm.deal.list: result[1].ID: not an integer");
  CHECK_INT(res.n_items, 2); /* the result is kept */
  char line[300];
  b24_api_error_format(&err, line, sizeof line);
  CHECK_STR(line, "decode: crm.deal.list: result[1].ID: not an integer");
  b24_result_free(&DEAL_LIST, &res);
  b24_client_free(c);
  ts_stop(s);
}

/* Paging follows `next` and stops at the page without one; params stay untouched. */
static void test_list_next(void) {
  const ts_reply script[] = {
      {200, "{\"result\": [{\"ID\": 1}, {\"ID\": 2}], \"next\": 2, \"total\": 3}"},
      {200, "{\"result\": [{\"ID\": 3}], \"total\": 3}"}};
  test_server *s = ts_start_or_exit(script, 2);
  b24_client *c = client_for(s);
  b24_filter filter = B24_FILTER_INIT;
  CHECK_INT(b24_filter_double(&filter, B24_GT, "OPPORTUNITY", 1000), 0);
  b24_order order = B24_ORDER_INIT;
  CHECK_INT(b24_order_by(&order, "ID", B24_DESC), 0);
  deal_list_params p = {&filter, &order, B24_UNSET, NULL};
  b24_list_cursor cur = B24_LIST_CURSOR_INIT;
  deal_list_result page;
  b24_api_error err;
  long long ids = 0;
  int pages = 0;
  while (b24_list_more(&cur) && pages < 5) {
    b24_status rc = b24_list_next(c, &DEAL_LIST, &p, &cur, &page, &err);
    CHECK_INT(rc, B24_OK);
    for (size_t i = 0; i < page.n_items; i++) ids = ids * 10 + page.items[i].id.value;
    b24_result_free(&DEAL_LIST, &page);
    pages++;
    if (rc != B24_OK) break;
  }
  CHECK_INT(pages, 2);
  CHECK_INT(ids, 123);
  CHECK_STR(body_of(s, 0), "{\"filter\":{\">OPPORTUNITY\":1000.0},\"order\":{\"ID\":\"DESC\"}}");
  CHECK_STR(body_of(s, 1), "{\"filter\":{\">OPPORTUNITY\":1000.0},\"order\":{\"ID\":\"DESC\"},"
                           "\"start\":2}");
  CHECK(!p.start.set);
  CHECK_INT(b24_list_next(c, &DEAL_LIST, &p, &cur, &page, &err), B24_ERR_USAGE);
  CHECK_STR(err.usage, "crm.deal.list: no page left");
  b24_result_free(&DEAL_LIST, &page);
  b24_filter_free(&filter);
  b24_order_free(&order);
  CHECK(filter.json == NULL && order.json == NULL);
  b24_client_free(c);
  ts_stop(s);
}

/* The start=-1 mode: ordered by ID, filtered past the last ID, ends at a short page. */
static void test_list_fast(void) {
  static char full_page[4096];
  size_t used = (size_t)snprintf(full_page, sizeof full_page, "{\"result\": [");
  for (int i = 1; i <= B24_LIST_PAGE; i++)
    used += (size_t)snprintf(full_page + used, sizeof full_page - used, "%s{\"ID\": \"%d\"}",
                             i > 1 ? ", " : "", i);
  snprintf(full_page + used, sizeof full_page - used, "]}");
  const ts_reply script[] = {{200, full_page}, {200, "{\"result\": [{\"ID\": \"51\"}]}"}};
  test_server *s = ts_start_or_exit(script, 2);
  b24_client *c = client_for(s);
  deal_list_params p = {NULL, NULL, B24_UNSET, NULL};
  b24_list_cursor cur = B24_LIST_CURSOR_INIT;
  b24_list_cursor_fast(&cur);
  deal_list_result page;
  size_t items = 0;
  while (b24_list_more(&cur) && cur.pages < 5) {
    b24_status rc = b24_list_next(c, &DEAL_LIST, &p, &cur, &page, NULL);
    CHECK_INT(rc, B24_OK);
    items += page.n_items;
    b24_result_free(&DEAL_LIST, &page);
    if (rc != B24_OK) break;
  }
  CHECK_INT(cur.pages, 2);
  CHECK_INT(items, 51);
  CHECK_STR(body_of(s, 0), "{\"filter\":{},\"order\":{\"ID\":\"ASC\"},\"start\":-1}");
  CHECK_STR(body_of(s, 1), "{\"filter\":{\">ID\":50},\"order\":{\"ID\":\"ASC\"},\"start\":-1}");
  b24_client_free(c);
  ts_stop(s);
}

/* Calls go out as "method?query" commands; each answer comes back decoded on its own. */
static void test_batch(void) {
  const ts_reply script[] = {
      {200, "{\"result\": {\"result\": {\"c0\": [{\"ID\": \"7\"}]}, \"result_error\": {\"c1\": "
            "{\"error\": \"ACCESS_DENIED\", \"error_description\": \"no\"}}, \"result_total\": "
            "{\"c0\": 1}, \"result_next\": [], \"result_time\": {\"c0\": {\"start\": 1.5}}}}"}};
  test_server *s = ts_start_or_exit(script, 1);
  b24_client *c = client_for(s);
  b24_batch *b = b24_batch_new();
  b24_filter filter = B24_FILTER_INIT;
  b24_filter_str(&filter, B24_LIKE, "TITLE", "a b&c");
  const long long ids[] = {1, 2};
  b24_filter_int_array(&filter, B24_IN, "ID", ids, 2);
  deal_list_params p = {&filter, NULL, B24_UNSET, NULL};
  size_t first = 9, second = 9;
  b24_api_error err;
  CHECK_INT(b24_batch_add_call(b, &DEAL_LIST, &p, &first, &err), B24_OK);
  CHECK_INT(b24_batch_add(b, "user.current", NULL, &second, &err), B24_OK);
  CHECK_INT(b24_batch_add(b, "batch", NULL, NULL, &err), B24_ERR_USAGE);
  CHECK_STR(err.usage, "batch: not a method that can be batched");
  CHECK_INT(first, 0);
  CHECK_INT(second, 1);
  CHECK_INT(b24_batch_run(c, b, &err), B24_OK);
  CHECK_STR(body_of(s, 0), "{\"halt\":0,\"cmd\":{\"c0\":\"crm.deal.list?filter%5B%25TITLE%5D="
                           "a%20b%26c&filter%5B%40ID%5D%5B0%5D=1&filter%5B%40ID%5D%5B1%5D=2\","
                           "\"c1\":\"user.current\"}}");
  deal_list_result res;
  CHECK_INT(b24_batch_result(b, first, &DEAL_LIST, &res, &err), B24_OK);
  CHECK_INT(res.n_items, 1);
  CHECK(res.n_items == 1 && res.items[0].id.value == 7);
  CHECK(res.answer.total.set && res.answer.total.value == 1);
  CHECK(res.answer.time.start.set && res.answer.time.start.value == 1.5);
  b24_result_free(&DEAL_LIST, &res);
  CHECK_INT(b24_batch_result(b, second, &DEAL_LIST, &res, &err), B24_ERR_API);
  CHECK_STR(err.error, "ACCESS_DENIED");
  CHECK_STR(err.error_description, "no");
  b24_result_free(&DEAL_LIST, &res);
  CHECK_INT(b24_batch_result(b, 2, &DEAL_LIST, &res, &err), B24_ERR_USAGE);
  b24_result_free(&DEAL_LIST, &res);
  for (int i = 0; i < B24_BATCH_MAX; i++) b24_batch_add(b, "x.y", NULL, NULL, NULL);
  CHECK_INT(b24_batch_size(b), 2); /* a batch that ran takes no more calls */
  b24_batch_free(b);

  b = b24_batch_new();
  for (int i = 0; i < B24_BATCH_MAX; i++) CHECK_INT(b24_batch_add(b, "x.y", NULL, NULL, NULL), B24_OK);
  CHECK_INT(b24_batch_add(b, "x.y", NULL, NULL, &err), B24_ERR_USAGE);
  CHECK_STR(err.usage, "batch: the batch is full (50 calls)");
  b24_batch_free(b);
  b24_filter_free(&filter);
  b24_client_free(c);
  ts_stop(s);
}

static void check_query(const char *json, const char *expected) {
  json_t *v = json_loads(json, 0, NULL);
  char *q = b24_query_string(v);
  CHECK_STR(q, expected);
  free(q);
  json_decref(v);
}

static void test_query_and_filters(void) {
  check_query("{}", "");
  check_query("{\"id\": 5, \"ok\": true, \"no\": false, \"x\": null, \"r\": 2.5}", "id=5&ok=1&no=0&r=2.5");
  check_query("{\"fields\": {\"TITLE\": \"\xd0\x9f ~-._\", \"IDS\": [3, 4]}}",
              "fields%5BTITLE%5D=%D0%9F%20~-._&fields%5BIDS%5D%5B0%5D=3&fields%5BIDS%5D%5B1%5D=4");
  CHECK_STR(b24_filter_op_prefix(B24_NOT_IN), "!@");
  CHECK_STR(b24_filter_op_prefix(B24_PATTERN), "=%");
  CHECK_STR(b24_filter_op_prefix((b24_filter_op)99), "");
  b24_filter f = B24_FILTER_INIT;
  CHECK_INT(b24_filter_yn(&f, B24_EQ, "OPENED", true), 0);
  CHECK_INT(b24_filter_str(&f, B24_NE, "STAGE_ID", "WON"), 0);
  CHECK_INT(b24_filter_str(&f, B24_NE, "X", NULL), -1);
  const char *stages[] = {"NEW", NULL};
  CHECK_INT(b24_filter_str_array(&f, B24_IN, "STAGE_ID", stages, 2), -1);
  CHECK_INT(b24_filter_str_array(&f, B24_IN, "STAGE_ID", stages, 1), 0);
  char *text = json_dumps(f.json, JSON_COMPACT);
  CHECK_STR(text, "{\"=OPENED\":\"Y\",\"!=STAGE_ID\":\"WON\",\"@STAGE_ID\":[\"NEW\"]}");
  free(text);
  b24_filter_free(&f);
  b24_filter_free(NULL);
  CHECK_INT(b24_filter_int(NULL, B24_EQ, "ID", 1), -1);
}

int main(void) {
  test_decode_paths();
  test_list_next();
  test_list_fast();
  test_batch();
  test_query_and_filters();
  if (check_failures) fprintf(stderr, "%d check(s) failed\n", check_failures);
  return check_failures ? 1 : 0;
}
