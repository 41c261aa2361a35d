/* Paging through list methods (see b24/list.h): `start` from the answer's `next`, or the
 * fast mode's start=-1 with an id filter. */
#include <stdlib.h>
#include <string.h>

#include "b24/list.h"
#include "internal.h"

void b24_list_cursor_fast(b24_list_cursor *cur) {
  if (cur && !cur->pages) cur->fast = true;
}

bool b24_list_more(const b24_list_cursor *cur) { return cur && !cur->done; }

/* Fast mode: start=-1, order by id ascending, ids greater than the last one seen. */
static int set_fast_mode(const b24_method_desc *m, json_t *body, const b24_list_cursor *cur) {
  const char *id = m->id_key ? m->id_key : "ID";
  const char *filter_key = m->filter_key ? m->filter_key : "filter";
  json_t *filter = json_object_get(body, filter_key);
  filter = json_is_object(filter) ? json_copy(filter) : json_object();
  json_t *order = json_pack("{s:s}", id, "ASC");
  if (!filter || !order) {
    json_decref(filter);
    json_decref(order);
    return -1;
  }
  int rc = cur->pages ? b24rt_filter_set(filter, B24_GT, id, json_integer(cur->last_id)) : 0;
  rc |= json_object_set_new(body, filter_key, filter);
  rc |= json_object_set_new(body, m->order_key ? m->order_key : "order", order);
  rc |= json_object_set_new(body, "start", json_integer(-1));
  return rc ? -1 : 0;
}

/* After a fast-mode page: the last item's id, and whether a page may follow. */
static void follow_fast(const b24_method_desc *m, const b24_answer *a, b24_list_cursor *cur) {
  const json_t *items = m->items_key ? json_object_get(a->raw, m->items_key) : a->raw;
  size_t n = json_is_array(items) ? json_array_size(items) : 0;
  long long id;
  const json_t *last = n ? json_array_get(items, n - 1) : NULL;
  if (!last || b24_json_as_int(json_object_get(last, m->id_key ? m->id_key : "ID"), &id) != 0 ||
      (cur->pages > 1 && id <= cur->last_id)) {
    cur->done = true; /* no page, or no usable id: stop rather than loop */
    return;
  }
  cur->last_id = id;
  cur->done = n < B24_LIST_PAGE;
}

b24_status b24_list_next(b24_client *c, const b24_method_desc *m, const void *params,
                         b24_list_cursor *cur, void *page, b24_api_error *err) {
  if (page) memset(page, 0, m->result_size);
  if (!cur || cur->done || !page) {
    b24rt_error_reset(err);
    b24rt_error_usage(c, err, "%s: %s", m->name, !cur || !page ? "no cursor or page" : "no page left");
    return B24_ERR_USAGE;
  }
  json_t *body = NULL;
  b24_status rc = b24_encode_params(m, params, &body, err);
  if (rc != B24_OK) return rc;
  int bad = cur->fast ? set_fast_mode(m, body, cur)
            : cur->start ? json_object_set_new(body, "start", json_integer(cur->start)) : 0;
  if (bad) {
    json_decref(body);
    b24rt_error_transport(c, err, "%s: out of memory", m->name);
    return B24_ERR_NOMEM;
  }
  rc = b24_invoke_body(c, m, body, page, err);
  json_decref(body);
  if (rc != B24_OK && rc != B24_ERR_DECODE) return rc;
  const b24_answer *a = page;
  cur->pages++;
  if (cur->fast) follow_fast(m, a, cur);
  else if (a->next.set && a->next.value > cur->start) cur->start = a->next.value;
  else cur->done = true;
  return rc;
}
