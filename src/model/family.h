/* How methods relate, as far as a conformance suite needs to know: whether a
 * method only reads or may change data, which methods form a family over one
 * kind of object (X.add, X.get, X.update, X.delete), where the new object's id
 * sits in X.add's answer, and which request key names the object.
 *
 * The suite generator (gen/suite.c) decides with these once, from the docs, and
 * writes the decisions into the suite as data; the runner never guesses. */
#ifndef B24_MODEL_FAMILY_H
#define B24_MODEL_FAMILY_H
#include <jansson.h>
#include <stdbool.h>

#include "model/model.h"

/* True when the method's last name segment is a verb that only reads (get*,
 * list*, fields, search, count, current, ...). Unknown verbs count as writes,
 * so that a read-only run never calls what it cannot classify. */
bool b24_method_is_read_only(const char *name);

/* The last name segment in lower case ("update" for "user.Update"), written into
 * out (size outlen). */
void b24_method_verb(const char *name, char *out, size_t outlen);

typedef struct b24_family {
  char *name;                /* "user.userfield" (malloc'd) */
  int rest_version;
  const b24_method *add, *get, *update, *del, *list;
} b24_family;

/* The text a request gives a key the caller chooses (the entity's id key when
 * id_chosen), at the top or in its `fields` (crm.activity.type's TYPE_ID);
 * NULL when it gives none, or a number: a number names another object or the
 * docs' (crm.activity.binding's entityId), so only text names an object of the
 * caller's. The suite and the mock read the key alike through it. */
json_t *b24_chosen_key_value(const json_t *body, const char *key);
/* The value a request gives key (any case) at its top or, failing that, in its
 * `fields`: where an add says what the object belongs to (tasks.task.result's
 * fields.taskId) for a list that asks for it at its top. NULL when none. */
json_t *b24_request_value(const json_t *body, const char *key);

/* Whether a X.get stands for the list of a family without one: the model's
 * list info says it lists (list_info.c) and where its answer keeps the items.
 * The suite and the mock both read a family through it. */
/* The key of a list item (the docs' example of one) that names the entity's
 * object or member: its record field (imbot.v2.Chat.User's `id`), else its
 * key (crm.activity.binding's `entityId`), as the item spells it; NULL when
 * the item is no object or has neither. The suite and the mock read items
 * alike through it. */
const char *b24_entity_item_key(const b24_entity *e, const json_t *item);
bool b24_get_lists(const b24_method *get);

/* The family a method belongs to (same name prefix and REST version), filled
 * from the model; members the docs do not have stay NULL; a get that reads a
 * list (b24_get_lists) is the list of a family without one. Free with
 * b24_family_free. */
void b24_family_of(const b24_model *m, const b24_method *meth, b24_family *f);
void b24_family_free(b24_family *f);

/* The first cURL example of a method with a JSON object body, webhook style
 * preferred; NULL when the docs give none. */
const b24_example *b24_method_curl_example(const b24_method *meth);

/* The key of body that names the object a get/update/delete works on: "id" in
 * any case, else the method's only required parameter when its name ends in
 * "id" and its value in body is a number or a numeric string. NULL when neither. */
const char *b24_object_id_key(const b24_method *meth, const json_t *body);

/* Where X.add's success answer (its docs example) keeps the new object's id, as
 * a dotted path: "result" (a bare id), "result.id", "result.item.id". Returns a
 * malloc'd string or NULL. */
char *b24_added_id_path(const json_t *add_response_example);

/* Whether X.add answers the new id bare in `result`: its example shows a number
 * or a code ("CNY"), or (classic REST) the docs show nothing of its answer,
 * which for a classic add is the new id. Shared by the suite and the mock. */
int b24_add_answers_bare_id(const b24_method *add);

/* Where X.get's answer (its docs example) keeps the object itself:
 * "result", "result.0" (a list of one), "result.item" (wrapped). malloc'd. */
char *b24_record_path(const json_t *get_response_example);

/* The fields a write request sets: its "fields" object (any case) when it has
 * one, else the body itself less the id key and "auth". A new reference. */
json_t *b24_written_fields(const json_t *body, const char *id_key);

/* Reads request parameters as the portal's PHP does, in place: a top-level key
 * that matches a documented parameter only when case is ignored takes the
 * documented spelling (crm.deal.get documents `id`, its example sends `ID`),
 * and an empty list where the docs say object becomes an empty object (PHP
 * decodes [] and {} to the same empty array). */
void b24_params_as_portal_reads(const b24_method *meth, json_t *params);

/* Whether a value read before a change can be written back to undo it: a
 * non-null scalar. A getter's objects and lists (a picture as {id, url}, a
 * multi-field as [{VALUE, TYPE}]) are not what the setter takes, and null
 * cannot be sent as such in a form. */
bool b24_value_restorable(const json_t *v);

/* The key of meth's request that names its entity's object: the entity's
 * id_key in meth's documented spelling, unless the entity's add requires it too
 * (then it names what the objects belong to, lists.add's IBLOCK_TYPE_ID, not a
 * new object); where meth lacks that key, a required one named after the
 * entity (tasks.api.scrum.sprint.get's sprintId where its delete takes id).
 * NULL when meth has no entity or documents neither. */
const char *b24_entity_object_key(const b24_method *meth);

#endif
