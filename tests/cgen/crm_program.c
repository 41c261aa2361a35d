/* A small CRM program over the corpus's generated C, as a new user would write it: add a
 * deal, read it back, update it, page through a filtered list, delete it; user.current,
 * user.get, tasks.task.add and tasks.task.get. cgen.corpus.crm builds it against the
 * installed package and runs it against the mock (under valgrind). It checks what the
 * docs promise: each call succeeds and returns the documented shape. A batch (crm.deal.get
 * and user.current in one request) checks that each call's answer comes back decoded by
 * its own method's decoder.
 * usage: crm_program WEBHOOK_URL */
#include <stdio.h>
#include <stdlib.h>

#include <b24/api/crm_deal_add.h>
#include <b24/api/crm_deal_delete.h>
#include <b24/api/crm_deal_get.h>
#include <b24/api/crm_deal_list.h>
#include <b24/api/crm_deal_update.h>
#include <b24/api/tasks_task_add.h>
#include <b24/api/tasks_task_get.h>
#include <b24/api/user_current.h>
#include <b24/api/user_get.h>
#include <b24/batch.h>

static int failures;

/* Reports a failed call or expectation; returns ok. */
static int expect(int ok, const char *what, b24_status rc, const b24_api_error *err,
                  const b24_answer *answer) {
  if (!ok) {
    char line[1024] = "";
    if (rc != B24_OK) b24_api_error_format(err, line, sizeof line);
    fprintf(stderr, "FAIL %s: %s %s\n", what, b24_status_name(rc), line);
    failures++;
  } else if (answer && answer->decode.errors) {
    printf("%s: %d field(s) of another type than documented, first %s\n", what,
           answer->decode.errors, answer->decode.first);
  }
  return ok;
}

static long long deal_roundtrip(b24_client *c) {
  b24_api_error err;
  b24_crm_deal deal = {0};
  deal.title = "Test deal";
  deal.currency_id = "USD";
  deal.opportunity = b24_some_double(5000);
  deal.category_id = b24_some_int(0);
  b24_crm_deal_add_params add = {0};
  add.fields = &deal;
  b24_crm_deal_add_result added;
  b24_status rc = b24_crm_deal_add(c, &add, &added, &err);
  expect(rc == B24_OK && added.value.set, "crm.deal.add", rc, &err, &added.answer);
  long long id = added.value.set ? added.value.value : 0;
  b24_crm_deal_add_result_free(&added);

  b24_crm_deal_get_params get = {0};
  get.id = id;
  b24_crm_deal_get_result got;
  rc = b24_crm_deal_get(c, &get, &got, &err);
  expect(rc == B24_OK && got.value.present && got.value.id.set, "crm.deal.get", rc, &err, &got.answer);
  b24_crm_deal_get_result_free(&got);

  b24_crm_deal change = {0};
  change.title = "Test deal, updated";
  change.opportunity = b24_some_double(7500);
  b24_crm_deal_update_params update = {0};
  update.id = id;
  update.fields = &change;
  b24_crm_deal_update_result updated;
  rc = b24_crm_deal_update(c, &update, &updated, &err);
  expect(rc == B24_OK && updated.value.set, "crm.deal.update", rc, &err, &updated.answer);
  b24_crm_deal_update_result_free(&updated);
  return id;
}

static void deal_list(b24_client *c) {
  b24_api_error err;
  b24_filter filter = B24_FILTER_INIT;
  b24_crm_deal_filter_double(&filter, B24_GT, B24_CRM_DEAL_OPPORTUNITY, 1000);
  b24_crm_deal_filter_str(&filter, B24_NE, B24_CRM_DEAL_STAGE_ID, "WON");
  b24_order order = B24_ORDER_INIT;
  b24_order_by(&order, "ID", B24_DESC);
  const char *select[] = {"ID", "TITLE", "OPPORTUNITY", "CURRENCY_ID"};
  b24_crm_deal_list_params list = {0};
  list.filter = &filter;
  list.order = &order;
  list.select = select;
  list.n_select = sizeof select / sizeof *select;
  b24_list_cursor cursor = B24_LIST_CURSOR_INIT;
  b24_crm_deal_list_result page;
  size_t deals = 0;
  while (b24_list_more(&cursor) && cursor.pages < 20) {
    b24_status rc = b24_crm_deal_list_next(c, &list, &cursor, &page, &err);
    expect(rc == B24_OK, "crm.deal.list", rc, &err, &page.answer);
    for (size_t i = 0; i < page.n_items; i++) deals += page.items[i].present;
    b24_crm_deal_list_result_free(&page);
    if (rc != B24_OK) break;
  }
  expect(cursor.pages >= 1, "crm.deal.list: pages", B24_OK, NULL, NULL);
  printf("crm.deal.list: %zu deal(s) in %d page(s)\n", deals, cursor.pages);
  b24_filter_free(&filter);
  b24_order_free(&order);
}

static void deal_delete(b24_client *c, long long id) {
  b24_api_error err;
  b24_crm_deal_delete_params del = {0};
  del.id = id;
  b24_crm_deal_delete_result deleted;
  b24_status rc = b24_crm_deal_delete(c, &del, &deleted, &err);
  expect(rc == B24_OK, "crm.deal.delete", rc, &err, &deleted.answer);
  b24_crm_deal_delete_result_free(&deleted);
}

/* Two methods in one request, each answer read with its own method's result type. */
static void batched(b24_client *c, long long deal_id) {
  b24_api_error err;
  b24_batch *batch = b24_batch_new();
  size_t get_deal = 0, get_user = 0;
  b24_crm_deal_get_params get = {0};
  get.id = deal_id;
  b24_status rc = b24_crm_deal_get_batch(batch, &get, &get_deal, &err);
  if (rc == B24_OK) rc = b24_user_current_batch(batch, NULL, &get_user, &err);
  expect(rc == B24_OK && b24_batch_size(batch) == 2, "batch: add", rc, &err, NULL);
  rc = b24_batch_run(c, batch, &err);
  expect(rc == B24_OK, "batch", rc, &err, NULL);
  if (rc == B24_OK) {
    b24_crm_deal_get_result deal;
    rc = b24_crm_deal_get_batch_result(batch, get_deal, &deal, &err);
    expect(rc == B24_OK && deal.value.present && deal.value.id.set && deal.value.id.value == deal_id,
           "batch: crm.deal.get", rc, &err, &deal.answer);
    b24_crm_deal_get_result_free(&deal);
    b24_user_current_result me;
    rc = b24_user_current_batch_result(batch, get_user, &me, &err);
    expect(rc == B24_OK && me.value.present, "batch: user.current", rc, &err, &me.answer);
    b24_user_current_result_free(&me);
  }
  b24_batch_free(batch);
}

static void users(b24_client *c) {
  b24_api_error err;
  b24_user_current_result me;
  b24_status rc = b24_user_current(c, NULL, &me, &err);
  expect(rc == B24_OK && me.value.present, "user.current", rc, &err, &me.answer);
  b24_user_current_result_free(&me);
  b24_user_get_result found;
  rc = b24_user_get(c, NULL, &found, &err);
  expect(rc == B24_OK && found.n_items > 0, "user.get", rc, &err, &found.answer);
  b24_user_get_result_free(&found);
}

static void tasks(b24_client *c) {
  b24_api_error err;
  b24_tasks_task_add_params_fields fields = {0};
  fields.title = "Call the customer";
  fields.responsible_id = b24_some_int(1);
  b24_tasks_task_add_params add = {0};
  add.fields = &fields;
  b24_tasks_task_add_result added;
  b24_status rc = b24_tasks_task_add(c, &add, &added, &err);
  expect(rc == B24_OK && added.value.task.present, "tasks.task.add", rc, &err, &added.answer);
  /* tasks.task answers ids as strings ("id": "8") in every example */
  long long id = added.value.task.id ? atoll(added.value.task.id) : 1;
  b24_tasks_task_add_result_free(&added);
  b24_tasks_task_get_params get = {0};
  get.task_id = b24_some_int(id);
  b24_tasks_task_get_result got;
  rc = b24_tasks_task_get(c, &get, &got, &err);
  expect(rc == B24_OK && got.value.task.present, "tasks.task.get", rc, &err, &got.answer);
  b24_tasks_task_get_result_free(&got);
}

int main(int argc, char **argv) {
  b24_client *c = b24_client_new_webhook(argc > 1 ? argv[1] : "");
  if (!c) {
    fprintf(stderr, "usage: %s WEBHOOK_URL\n", argv[0]);
    return 2;
  }
  long long id = deal_roundtrip(c);
  deal_list(c);
  batched(c, id);
  deal_delete(c, id);
  users(c);
  tasks(c);
  b24_client_free(c);
  if (failures) fprintf(stderr, "%d failure(s)\n", failures);
  return failures ? 1 : 0;
}
