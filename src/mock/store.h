/* The in-memory store behind a family of methods over one object (crm.deal.add,
 * .get, .list, .update, .delete): read-after-write like a portal.
 *
 * Ids are issued in sequence from MOCK_STORE_FIRST_ID. Against a stored id, get
 * answers the docs' get example overlaid with what was written, update merges,
 * delete removes, list lists what is stored: the objects that pass `filter`,
 * in the `order` asked (then by id), reduced to `select` (plus the id), 50 a
 * page from `start`, with `total` and `next` (neither for start=-1); see
 * mock/list_query.h for what the filter's operators mean.
 * Against an id that was issued and deleted, get/update/delete answer the
 * family's documented not-found error. Against an id the store never issued (the
 * docs' own example ids), every method answers its documented example, as a
 * stateless mock would; list does so until the family's first add.
 * A family whose add issues no id but takes a key the caller chooses (the
 * model's id_chosen: bizproc.robot's CODE) stores each object under that key;
 * a key the docs' examples send names the docs' object, answered as
 * documented like their example ids. A membership (the model's member_of:
 * im.chat.user) keeps members per owner instead (mock/members.h). */
#ifndef B24_MOCK_STORE_H
#define B24_MOCK_STORE_H
#include <jansson.h>

#include "mock/catalog.h"
#include "util/buf.h"

#define MOCK_STORE_FIRST_ID 100001
#define MOCK_STORE_MAX_IDS 1000000 /* per family; add fails past it */
#define MOCK_STORE_PAGE 50

/* Learns the family's shapes from the docs' examples of its methods (ops[i] may
 * be NULL). NULL when the family cannot be stateful: no add, or an add example
 * that shows no id. */
mock_family *mock_family_new(const char *prefix, int v3, mock_method *ops[MOCK_N_OPS]);
void mock_family_free(mock_family *f);

typedef enum {
  MOCK_STORE_ANSWER = 0, /* *answer holds the answer (without time), before faults */
  MOCK_STORE_STATELESS,  /* not the store's business: answer the documented example */
  MOCK_STORE_NOT_FOUND,  /* the id was deleted */
  MOCK_STORE_FULL,
} mock_store_outcome;

/* Runs method mm (a member of its family) on validated params. */
mock_store_outcome mock_store_call(mock_family *f, const mock_method *mm, const json_t *params,
                                   unsigned faults, json_t **answer);

#endif
