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
 * Filters are JSON objects whose keys carry an operator prefix (">OPPORTUNITY",
 * "@STAGE_ID"); b24_filter_* add one condition each. Generated entity headers add typed
 * helpers (b24_crm_deal_filter_int(filter, B24_GT, B24_CRM_DEAL_OPPORTUNITY, 1000)).
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

/* The key prefix of op ("" for an unknown op). */
B24RT_API const char *b24_filter_op_prefix(b24_filter_op op);
/* filter[prefix + field] = value. Return 0, or -1 (not an object, out of memory, NaN). */
B24RT_API int b24_filter_int(json_t *filter, b24_filter_op op, const char *field, long long v);
B24RT_API int b24_filter_double(json_t *filter, b24_filter_op op, const char *field, double v);
B24RT_API int b24_filter_str(json_t *filter, b24_filter_op op, const char *field, const char *v);
/* Booleans as the portal's "Y" / "N". */
B24RT_API int b24_filter_yn(json_t *filter, b24_filter_op op, const char *field, bool v);
/* Arrays, for B24_IN, B24_NOT_IN, B24_BETWEEN (two values). */
B24RT_API int b24_filter_int_array(json_t *filter, b24_filter_op op, const char *field,
                                   const long long *v, size_t n);
B24RT_API int b24_filter_str_array(json_t *filter, b24_filter_op op, const char *field,
                                   const char *const *v, size_t n);

#ifdef __cplusplus
}
#endif
#endif
