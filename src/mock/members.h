/* The store of a membership family (the model's member_of: im.chat.user's users
 * in a chat, crm.activity.binding's CRM objects bound to an activity): the add
 * names members under what they belong to and issues no id, the list shows the
 * members of one owner, the delete takes one away.
 *
 * Members are kept per owner (the values of the member_of keys). The list of an
 * owner the store has added to answers its members in the shape of the docs'
 * items (a bare id, or the docs' first item with the member's key set); of
 * another owner, the docs' example, as a stateless mock would. Add and delete
 * answer as documented; a delete of a member the owner does not have changes
 * nothing (the docs' own example deletes run beside the suite's sequences). */
#ifndef B24_MOCK_MEMBERS_H
#define B24_MOCK_MEMBERS_H
#include <jansson.h>

#include "mock/catalog.h"
#include "model/model.h"

typedef struct mock_members mock_members;

/* NULL unless e is a membership with an add, a list and a delete in ops. */
mock_members *mock_members_new(const b24_entity *e, mock_method *ops[MOCK_N_OPS]);
void mock_members_free(mock_members *s);

/* Runs op on validated params; the caller holds the family's lock. 1 with
 * *answer set (a new reference, without time), 0: answer the documented
 * example. */
int mock_members_call(mock_members *s, mock_op op, const json_t *params, json_t **answer);

#endif
