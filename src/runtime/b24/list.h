/* Paging through list methods, and building their filters.
 *
 * A list method answers one page (50 items) and `next`, the `start` of the page after
 * it. A cursor follows `next` until the last page:
 *
 *   b24_list_cursor cur = B24_LIST_CURSOR_INIT;
 *   b24_crm_deal_list_result page;
 *   while (b24_list_more(&cur)) {
 *     b24_status rc = b24_crm_deal_list_next(client, &params, &cur, &page, &err);
 *     if (rc == B24_OK) ... page.items[0 .. page.n_items) ...
 *     b24_crm_deal_list_result_free(&page);
 *     if (rc != B24_OK) break;
 *   }
 *
 * b24_list_cursor_fast() selects the docs' fast mode for large lists: start=-1 (no
 * count), the items ordered by their id ascending, and each page filtered to ids greater
 * than the last one seen; paging ends at a page shorter than 50 items.
 *
 * A filter is a set of conditions, each a key with an operator prefix (">OPPORTUNITY",
 * "@STAGE_ID"); b24_filter_* add one condition each, and generated entity headers add
 * typed helpers:
 *
 *   b24_filter filter = B24_FILTER_INIT;
 *   b24_crm_deal_filter_double(&filter, B24_GT, B24_CRM_DEAL_OPPORTUNITY, 1000);
 *   b24_crm_deal_filter_str(&filter, B24_NE, B24_CRM_DEAL_STAGE_ID, "WON");
 *   params.filter = &filter;
 *   ...
 *   b24_filter_free(&filter);
 *
 * An order is a list of fields with a direction (b24_order_by). Both keep a JSON object
 * (`json`, NULL while empty) that a program may also edit directly.
 */
#ifndef B24_LIST_H
#define B24_LIST_H
#include <stdbool.h>
#include <stddef.h>
#include <jansson.h>
#include <b24/client.h>
#include <b24/stub.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Items on a full page of a list method. */
#define B24_LIST_PAGE 50

typedef struct b24_list_cursor {
  long long start;   /* the `start` of the next request */
  long long last_id; /* fast mode: the id of the last item seen */
  bool fast;         /* start=-1 mode */
  bool done;         /* no page left */
  int pages;         /* pages fetched so far */
} b24_list_cursor;

#define B24_LIST_CURSOR_INIT {0, 0, false, false, 0}

/* Switches a cursor that has not fetched anything to the fast (start=-1) mode. */
B24RT_API void b24_list_cursor_fast(b24_list_cursor *cur);
/* true while another page may follow. */
B24RT_API bool b24_list_more(const b24_list_cursor *cur);
/* Fetches the next page of list method m with params (borrowed; `start` and, in fast
 * mode, the id filter and order are set on a copy) into *page (a result struct, zeroed
 * first; release it with the stub's _result_free whatever this returns). */
B24RT_API b24_status b24_list_next(b24_client *c, const b24_method_desc *m, const void *params,
                                   b24_list_cursor *cur, void *page, b24_api_error *err);

/* The operators the docs give as key prefixes. */
typedef enum b24_filter_op {
  B24_EQ,        /* "="  equal (also no prefix) */
  B24_NE,        /* "!=" not equal */
  B24_NOT,       /* "!"  not equal (older spelling) */
  B24_GT,        /* ">"  */
  B24_GE,        /* ">=" */
  B24_LT,        /* "<"  */
  B24_LE,        /* "<=" */
  B24_IN,        /* "@"  in the array given */
  B24_NOT_IN,    /* "!@" not in the array given */
  B24_LIKE,      /* "%"  substring, without '%' in the value */
  B24_NOT_LIKE,  /* "!%" */
  B24_PATTERN,   /* "=%" LIKE with '%' in the value ("mol%") */
  B24_PATTERN_2, /* "%=" the same */
  B24_BETWEEN,   /* "><" between the two values of an array */
  B24_NOT_BETWEEN /* "!><" */
} b24_filter_op;

/* The conditions of a list method's filter. */
typedef struct b24_filter {
  json_t *json; /* the filter object (owned); NULL until the first condition */
} b24_filter;

#define B24_FILTER_INIT {NULL}

/* The key prefix of op ("" for an unknown op). */
B24RT_API const char *b24_filter_op_prefix(b24_filter_op op);
/* filter[prefix + field] = value. Return 0, or -1 (NULL filter or field, out of memory). */
B24RT_API int b24_filter_int(b24_filter *f, b24_filter_op op, const char *field, long long v);
B24RT_API int b24_filter_double(b24_filter *f, b24_filter_op op, const char *field, double v);
B24RT_API int b24_filter_str(b24_filter *f, b24_filter_op op, const char *field, const char *v);
/* Booleans as the portal's "Y" / "N". */
B24RT_API int b24_filter_yn(b24_filter *f, b24_filter_op op, const char *field, bool v);
/* Arrays, for B24_IN, B24_NOT_IN, B24_BETWEEN (two values). */
B24RT_API int b24_filter_int_array(b24_filter *f, b24_filter_op op, const char *field,
                                   const long long *v, size_t n);
B24RT_API int b24_filter_str_array(b24_filter *f, b24_filter_op op, const char *field,
                                   const char *const *v, size_t n);
/* Releases the conditions; the filter is empty again. NULL is allowed. */
B24RT_API void b24_filter_free(b24_filter *f);

typedef enum b24_order_dir { B24_ASC, B24_DESC } b24_order_dir;

/* The sort order of a list method: fields in the order added. */
typedef struct b24_order {
  json_t *json; /* {"FIELD": "ASC", ...} (owned); NULL until the first field */
} b24_order;

#define B24_ORDER_INIT {NULL}

/* Sorts by field after the fields added before. Returns 0, or -1. */
B24RT_API int b24_order_by(b24_order *o, const char *field, b24_order_dir dir);
B24RT_API void b24_order_free(b24_order *o);

#ifdef __cplusplus
}
#endif
#endif
