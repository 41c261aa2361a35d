/* The promises of a list answer, judged against what a sequence step says it
 * must show (its "list" object, variables already expanded):
 *   "items": path of the array of objects in the answer ("result", "result.tasks")
 *   "id_key": the objects' id field ("ID", "id")
 *   "has", "lacks": ids that must / must not be among the objects   -> list_filter
 *   "order": "asc" | "desc" by id                                    -> list_order
 *   "select": the fields asked for; nothing else but the id may show -> list_select
 *   "first": the id the page must start with (start honoured);
 *   "total": "counted" (total present, at least the objects shown, and when no
 *            "next": exactly those counted from start) | "absent" (start=-1)
 *   "start": the start the request sent (for "counted")                -> list_paging
 *   "fields": values an object with the first "has" id must show      -> read_after_write */
#ifndef B24_CHECK_LIST_CHECKS_H
#define B24_CHECK_LIST_CHECKS_H
#include <jansson.h>

#include "check/checks.h"

/* 1 when the promise `which` holds for the answer (or spec says nothing about
 * it), 0 with the reason in why. */
int b24_check_list(const b24_answer *a, const json_t *spec, b24_check_id which, b24_buf *why);

#endif
