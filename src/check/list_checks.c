#include "check/list_checks.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "suite/vars.h"

/* An id as text (a list may write 7 or "7"). */
static char *id_text(const json_t *v) {
  if (json_is_string(v)) return strdup(json_string_value(v));
  if (json_is_integer(v)) {
    char buf[32];
    snprintf(buf, sizeof buf, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
    return strdup(buf);
  }
  return NULL;
}

/* An item's id; an item that is no object (bizproc.robot.list answers the
 * robots' codes) is its own. */
static const json_t *item_id(const json_t *item, const char *key) {
  if (!json_is_object(item)) return item;
  return b24_jpath_get_icase(item, key ? key : "ID");
}

/* The position of id among items, -1 when absent. */
static long find_id(const json_t *items, const char *key, const json_t *id) {
  char *want = id_text(id);
  long at = -1;
  size_t i;
  json_t *it;
  json_array_foreach(items, i, it) {
    char *got = id_text(item_id(it, key));
    if (want && got && !strcmp(want, got) && at < 0) at = (long)i;
    free(got);
  }
  free(want);
  return at;
}

static int check_filter(const json_t *items, const json_t *spec, const char *key, b24_buf *why) {
  size_t i;
  json_t *id;
  json_array_foreach(json_object_get(spec, "has"), i, id) {
    if (find_id(items, key, id) < 0) {
      char *t = id_text(id);
      b24_buf_printf(why, "the object %s that passes the filter is not in the list", t ? t : "?");
      free(t);
      return 0;
    }
  }
  int deleted = json_is_true(json_object_get(spec, "deleted"));
  json_array_foreach(json_object_get(spec, "lacks"), i, id) {
    if (find_id(items, key, id) >= 0) {
      char *t = id_text(id);
      b24_buf_printf(why, deleted ? "the deleted object %s is still in the list"
                                  : "the object %s that the filter excludes is in the list",
                     t ? t : "?");
      free(t);
      return 0;
    }
  }
  return 1;
}

static int check_order(const json_t *items, const json_t *spec, const char *key, b24_buf *why) {
  const char *dir = json_string_value(json_object_get(spec, "order"));
  if (!dir) return 1;
  int desc = !strcasecmp(dir, "desc");
  double prev = 0;
  size_t i;
  json_t *it;
  json_array_foreach(items, i, it) {
    char *t = id_text(item_id(it, key));
    double d = t ? strtod(t, NULL) : 0;
    free(t);
    if (i && (desc ? d > prev : d < prev)) {
      b24_buf_printf(why, "ordered %s by %s, yet %.0f follows %.0f", desc ? "descending" : "ascending",
                     key, d, prev);
      return 0;
    }
    prev = d;
  }
  return 1;
}

static int check_select(const json_t *items, const json_t *spec, const char *key, b24_buf *why) {
  const json_t *sel = json_object_get(spec, "select");
  if (!json_is_array(sel)) return 1;
  size_t i, j;
  json_t *it, *s;
  json_array_foreach(items, i, it) {
    const char *k;
    json_t *v;
    json_object_foreach(it, k, v) {
      int ok = !strcasecmp(k, key);
      json_array_foreach(sel, j, s) if (json_is_string(s) && !strcasecmp(json_string_value(s), k)) ok = 1;
      if (!ok) {
        b24_buf_printf(why, "the field %s was not selected, yet the list shows it", k);
        return 0;
      }
    }
  }
  return 1;
}

static int check_paging(const b24_answer *a, const json_t *items, const json_t *spec,
                        const char *key, b24_buf *why) {
  const json_t *first = json_object_get(spec, "first");
  if (first && json_array_size(items) && find_id(items, key, first) != 0) {
    char *t = id_text(first);
    b24_buf_printf(why, "the page does not start with the object %s that start names", t ? t : "?");
    free(t);
    return 0;
  }
  if (first && !json_array_size(items)) {
    b24_buf_puts(why, "the page that start names is empty");
    return 0;
  }
  const char *total = json_string_value(json_object_get(spec, "total"));
  if (!total) return 1;
  const json_t *t = json_object_get(a->json, "total"), *next = json_object_get(a->json, "next");
  if (!strcmp(total, "absent")) {
    if (!t) return 1;
    b24_buf_puts(why, "start=-1 asks for no count, yet the answer has `total`");
    return 0;
  }
  if (!json_is_integer(t)) {
    b24_buf_puts(why, "the list answer has no integer `total`");
    return 0;
  }
  long long start = json_integer_value(json_object_get(spec, "start"));
  long long n = (long long)json_array_size(items), tv = json_integer_value(t);
  if (next && !json_is_integer(next)) {
    b24_buf_puts(why, "`next` is not an integer");
    return 0;
  }
  if (next && json_integer_value(next) != start + n) {
    b24_buf_printf(why, "`next` is %" JSON_INTEGER_FORMAT ", the page from %lld holds %lld objects",
                   json_integer_value(next), start, n);
    return 0;
  }
  if (!next && tv != start + n) {
    b24_buf_printf(why, "`total` is %lld, yet the last page (from %lld) ends after %lld objects", tv,
                   start, start + n);
    return 0;
  }
  if (next && tv <= start + n) {
    b24_buf_printf(why, "`next` says more follow, yet `total` is %lld", tv);
    return 0;
  }
  return 1;
}

int b24_check_list(const b24_answer *a, const json_t *spec, b24_check_id which, b24_buf *why) {
  if (!json_is_object(spec)) return 1;
  const char *key = json_string_value(json_object_get(spec, "id_key"));
  const char *path = json_string_value(json_object_get(spec, "items"));
  const json_t *items = b24_jpath_get_icase(a->json, path ? path : "result");
  if (which == B24_CHECK_READ_AFTER_WRITE && !json_object_get(spec, "fields") &&
      !json_object_get(spec, "has"))
    return 1;
  if (which == B24_CHECK_DELETE_REMOVES && !json_is_true(json_object_get(spec, "deleted"))) return 1;
  if (!json_is_array(items)) {
    b24_buf_printf(why, "no list of objects at %s in the answer", path ? path : "result");
    return 0;
  }
  int deleted = json_is_true(json_object_get(spec, "deleted"));
  switch (which) {
  case B24_CHECK_LIST_FILTER: return deleted || check_filter(items, spec, key, why);
  case B24_CHECK_DELETE_REMOVES: return !deleted || check_filter(items, spec, key, why);
  case B24_CHECK_LIST_ORDER: return check_order(items, spec, key, why);
  case B24_CHECK_LIST_SELECT: return check_select(items, spec, key, why);
  case B24_CHECK_LIST_PAGING: return check_paging(a, items, spec, key, why);
  case B24_CHECK_READ_AFTER_WRITE: {
    long at = find_id(items, key, json_array_get(json_object_get(spec, "has"), 0));
    if (at < 0) {
      b24_buf_puts(why, "the object written is not in the list");
      return 0;
    }
    if (!json_object_get(spec, "fields")) return 1; /* a list of codes shows no fields */
    json_t *wrap = json_pack("{s:O}", "item", json_array_get(items, (size_t)at));
    b24_answer one = *a;
    one.json = wrap;
    int ok = b24_check_fields_read_back(&one, "item", json_object_get(spec, "fields"), why);
    json_decref(wrap);
    return ok;
  }
  default: return 1;
  }
}
