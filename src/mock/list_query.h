/* What a classic list call asks for, as the portal reads it: `filter` (keys
 * with an operator prefix: "=", "!=" / "!", ">", ">=", "<", "<=", "%" (contains),
 * "=%" / "%=" (starts / ends with), "@" / "!@" (in / not in a list); values
 * compared as numbers when both read as numbers, else as text, ignoring case),
 * `order` ({"FIELD": "ASC"|"DESC"}, several keys in turn), `select` (field names,
 * "*" for all, a trailing "*" as a prefix pattern; the id always shown) and
 * `start` (an offset, -1: no total). Keys of params and of records are matched
 * without regard to case. A REST 3.0 filter, a list of conditions
 * ([["taskId", 51], ["id", ">=", 5], ["startTime", "between", [a, b]]], with
 * "in" for a list of values), reads as the classic filter of those operators;
 * a condition of another shape or operator is left out. */
#ifndef B24_MOCK_LIST_QUERY_H
#define B24_MOCK_LIST_QUERY_H
#include <jansson.h>
#include <stdbool.h>

typedef struct mock_list_query {
  const json_t *filter; /* object or NULL (borrowed from the params, or owned) */
  json_t *owned;        /* a REST 3.0 filter read as a classic one; NULL if none */
  const json_t *order;  /* object or NULL */
  const json_t *select; /* array or NULL */
  long long start;      /* 0 when absent; -1: count nothing */
} mock_list_query;

void mock_list_query_read(const json_t *params, mock_list_query *q);
void mock_list_query_free(mock_list_query *q);

/* A record as a list sees it without rendering it: each field is looked up in
 * the layers in turn (the id, what was written, the documented template), so a
 * store of thousands of objects is filtered and sorted without copying any. */
typedef struct mock_list_record {
  const json_t *layer[3];
  size_t n;
} mock_list_record;
bool mock_list_matches_record(const mock_list_query *q, const mock_list_record *rec);
int mock_list_compare_records(const mock_list_query *q, const mock_list_record *a,
                              const mock_list_record *b);
/* Whether rec passes every condition of the filter. */
bool mock_list_matches(const mock_list_query *q, const json_t *rec);
/* qsort-style comparison of two records by the order (0 when none applies). */
int mock_list_compare(const mock_list_query *q, const json_t *a, const json_t *b);
/* rec reduced to the selected fields plus id_key, in place (nothing when no select). */
void mock_list_project(const mock_list_query *q, json_t *rec, const char *id_key);

#endif
