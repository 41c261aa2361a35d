/* The CRUD sequence of a family: add -> get (what add wrote) -> list finds it
 * by an id filter -> update -> get (what update wrote) -> delete -> get and
 * update fail as documented, then a cleanup that deletes what add made if the
 * delete step did not. Each request is the docs' example where their parameter
 * table accepts it, else one synthesized from the table (gen/suite_synth.h);
 * the update steps are left out when the family has no update. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "gen/suite_internal.h"
#include "gen/suite_synth.h"
#include "schema/schema.h"
#include "util/buf.h"

/* Asks a get step to compare what it reads with what was written, where the
 * object sits in the answer (known only from the getter's docs example). */
static void verify_step(json_t *s, const b24_method *get, const char *record, json_t *fields) {
  if (json_is_object(json_object_get(get->response.example, "result")) ||
      json_is_array(json_object_get(get->response.example, "result")))
    json_object_set_new(s, "verify", json_pack("{s:s,s:O}", "record", record, "fields", fields));
  else
    suite_drop_check(s, B24_CHECK_READ_AFTER_WRITE,
                     "the docs give no example of the getter's answer, so where the object sits in it is unknown");
}

/* Keys of a request besides the id that the object needs (such as
 * entityTypeId) are taken from the add request, so every step addresses the
 * object the add made. */
static void align_with_add(json_t *body, const json_t *add_body, const char *id_var) {
  const char *k;
  json_t *v;
  json_object_foreach(body, k, v) {
    if (json_is_string(v) && !strcmp(json_string_value(v), id_var)) continue;
    if (strcasecmp(k, "fields") && json_object_get(add_body, k) && !json_is_object(v))
      json_object_set(body, k, json_object_get(add_body, k));
  }
}

char *suite_added_id_path(const b24_model *m, const b24_method *add) {
  if (add->response.example) return b24_added_id_path(add->response.example);
  /* no example: the mock answers an instance of the result schema, and a
   * result documented as an integer is the new id */
  json_t *schema = b24_schema_for_result(m, add);
  const json_t *r = json_object_get(json_object_get(schema, "properties"), "result");
  const json_t *t = json_object_get(r, "type");
  int integer = json_is_string(t) ? !strcmp(json_string_value(t), "integer")
                                  : json_is_array(t) && json_is_string(json_array_get(t, 0)) &&
                                        !strcmp(json_string_value(json_array_get(t, 0)), "integer");
  json_decref(schema);
  return integer || b24_add_answers_bare_id(add) ? strdup("result") : NULL;
}

/* The text a sequence names its object by: "${add.<where add's answer shows
 * the new id>}", or, for a key the caller chooses (bizproc.robot's CODE,
 * telephony.externalLine's NUMBER, whatever id the add answers), the value the
 * add request gives it, at the top or in its fields; NULL when
 * neither is known. A chosen text gets the seed appended in add_body: the
 * docs' own value is what their example cases send, and an object of that
 * name may exist on a portal already. */
static char *object_var(const b24_model *m, const b24_family *f, json_t *add_body, unsigned seed) {
  const b24_entity *e = b24_model_entity_of(f->add);
  b24_buf var = B24_BUF_INIT;
  if (!e || !e->id_chosen) {
    char *idpath = suite_added_id_path(m, f->add);
    if (idpath) b24_buf_printf(&var, "${add.%s}", idpath);
    free(idpath);
    return idpath ? var.data : NULL;
  }
  json_t *v = add_body ? b24_chosen_key_value(add_body, e->id_key) : NULL;
  if (!v) return NULL;
  b24_buf_printf(&var, "%s_b24spec%u", json_string_value(v), seed);
  json_string_set(v, var.data);
  return var.data;
}

json_t *suite_add_body(const b24_model *m, const b24_method *add, unsigned seed, const char **source) {
  json_t *schema = b24_schema_for_params(m, add);
  const b24_example *e = b24_method_curl_example(add);
  json_t *b = NULL;
  *source = "example";
  if (e && suite_valid_request(add, schema, e->body)) {
    b = json_deep_copy(e->body);
    json_object_del(b, "auth");
  }
  if (!b) *source = "schema";
  if (!b) b = suite_synth_body(add, schema, SUITE_SYNTH_ALL, seed);
  if (!b) b = suite_synth_body(add, schema, SUITE_SYNTH_REQUIRED, seed);
  json_decref(schema);
  return b;
}

json_t *suite_member_body(const b24_model *m, const b24_method *meth, const char *var,
                          suite_synth_scope scope, unsigned seed, const char **id_key,
                          const char **why) {
  json_t *schema = b24_schema_for_params(m, meth);
  const b24_example *e = b24_method_curl_example(meth);
  json_t *b = NULL;
  *id_key = NULL;
  if (e && suite_valid_request(meth, schema, e->body)) {
    b = suite_with_id(meth, var, why);
    if (b) *id_key = b24_object_id_key(meth, e->body);
  }
  if (!b) {
    json_t *s = suite_synth_body(meth, schema, scope, seed);
    /* made up, the request names the object by the key the model found for
     * its entity, else only by a documented `id`: a required `entityId` of a
     * getter may name what the objects belong to */
    const char *key = b24_entity_object_key(meth);
    if (!key && s) {
      key = b24_object_id_key(meth, s);
      if (key && strcasecmp(key, "id")) key = NULL;
    }
    if (key) {
      *id_key = key;
      json_object_set_new(s, key, json_string(var));
      b = s;
    } else {
      json_decref(s);
      *why = "no request the parameter table accepts names the object by one id key";
    }
  }
  json_decref(schema);
  return b;
}

/* The update (when the family has one) and the delete request of a sequence
 * whose reading step could be built (have_reader), each NULL where it cannot
 * be: the delete only once the update, if any, could be. */
static void member_writes(const b24_model *m, const b24_family *f, int have_reader,
                          const char *var, unsigned seed, json_t **upd, const char **uid,
                          json_t **del, const char **did, const char **why) {
  *upd = have_reader && f->update
             ? suite_member_body(m, f->update, var, SUITE_SYNTH_ALL, seed, uid, why)
             : NULL;
  *del = have_reader && (*upd || !f->update)
             ? suite_member_body(m, f->del, var, SUITE_SYNTH_REQUIRED, seed, did, why)
             : NULL;
}

/* The sequence's document: its id, where it comes from, its steps, and the
 * cleanup that deletes what add made unless the delete step did. */
static json_t *sequence_doc(const b24_family *f, json_t *steps, json_t *del_body) {
  b24_buf id = B24_BUF_INIT;
  b24_buf_printf(&id, "crud/%s%s", f->name, f->rest_version == 3 ? ".v3" : "");
  char *from = suite_loc_text(f->add->source, f->add->line);
  json_t *seq = json_pack("{s:i,s:s,s:s,s:i,s:s,s:s,s:b,s:o,s:[{s:s,s:s,s:{s:s,s:o}}]}",
                          "suite_version", SUITE_VERSION, "id", id.data, "family", f->name,
                          "rest_version", f->rest_version, "from", from, "mode", "write",
                          "restorable", 1, "steps", steps, "cleanup", "after", "add", "unless",
                          "delete", "request", "method", f->del->name, "body", del_body);
  free(from);
  b24_buf_free(&id);
  return seq;
}

/* A family with add, list and delete but no get (bizproc.robot, crm.address,
 * im.chat.user): its list, filtered on the new id, reads the object back:
 * add -> list finds it -> update -> list shows the update -> delete -> list no
 * longer has it. */
static json_t *list_crud_sequence(const b24_model *m, const b24_family *f, unsigned seed,
                                  const char **why) {
  const char *source, *uid = NULL, *did;
  json_t *add_body = suite_add_body(m, f->add, seed, &source);
  char *var = object_var(m, f, add_body, seed);
  if (!var) {
    json_decref(add_body);
    *why = "add's response example does not show where the new id is";
    return NULL;
  }
  json_t *added = add_body ? b24_written_fields(add_body, NULL) : NULL;
  json_t *found = add_body ? suite_list_id_filter_step(m, f, "list_by_id", add_body, var, added, 0, seed) : NULL;
  json_t *upd_body, *del_body;
  member_writes(m, f, found != NULL, var, seed, &upd_body, &uid, &del_body, &did, why);
  if (add_body && !found) *why = "the list has no filter by the id, or its answer's shape is unknown";
  if (!add_body) *why = "no add request the parameter table accepts";
  if (!del_body) {
    json_decref(add_body), json_decref(added), json_decref(found), json_decref(upd_body);
    free(var);
    return NULL;
  }
  if (upd_body) align_with_add(upd_body, add_body, var);
  align_with_add(del_body, add_body, var);
  json_t *steps = json_array();
  json_t *s = suite_step(m, f->add, "add", json_incref(add_body), "success", suite_checks_for("success", 0));
  json_object_set_new(s, "body_source", json_pack("{s:s,s:i}", "kind", source, "seed", seed));
  json_array_append_new(steps, s);
  json_array_append_new(steps, found);
  if (upd_body) {
    json_t *updated = b24_written_fields(upd_body, uid);
    json_array_append_new(steps, suite_step(m, f->update, "update", json_incref(upd_body), "success",
                                            suite_checks_for("success", 0)));
    s = suite_list_id_filter_step(m, f, "list_updated", add_body, var, updated, 0, seed);
    if (s) json_array_append_new(steps, s);
    json_decref(updated);
  }
  json_array_append_new(steps, suite_step(m, f->del, "delete", json_deep_copy(del_body), "success",
                                          suite_checks_for("success", 0)));
  s = suite_list_id_filter_step(m, f, "list_deleted", add_body, var, NULL, 1, seed);
  if (s) json_array_append_new(steps, s);
  json_decref(added), json_decref(add_body), json_decref(upd_body);
  free(var);
  return sequence_doc(f, steps, del_body);
}

/* Puts v where old sits in body, at its top or in its fields. */
static void replace_value(json_t *body, const json_t *old, json_t *v) {
  const char *k;
  json_t *x;
  json_object_foreach(body, k, x) {
    if (x == old) {
      json_object_set(body, k, v);
      return;
    }
    if (json_is_object(x) && !strcasecmp(k, "fields")) replace_value(x, old, v);
  }
}

/* The one member a membership sequence adds, in place of those the add
 * request names: made from the seed (9000000 + seed, or the docs' text with
 * _b24spec<seed>), so that the docs' own examples, run beside the sequence,
 * never add or delete it. NULL when the request names no scalar member. */
static json_t *seeded_member(const b24_entity *e, json_t *add_body, unsigned seed) {
  json_t *given = b24_request_value(add_body, e->members_param);
  const json_t *first = json_is_array(given) ? json_array_get(given, 0) : given;
  json_t *member;
  if (json_is_integer(first)) member = json_integer(9000000 + (json_int_t)seed);
  else if (json_is_string(first)) {
    b24_buf t = B24_BUF_INIT;
    b24_buf_printf(&t, "%s_b24spec%u", json_string_value(first), seed);
    member = json_string(t.data);
    b24_buf_free(&t);
  } else return NULL;
  if (json_is_array(given)) {
    json_array_clear(given);
    json_array_append(given, member);
  } else {
    replace_value(add_body, given, member);
  }
  return member;
}

/* A membership (the model's member_of: im.chat.user): add -> the owner's list
 * has the member -> delete the member -> the owner's list lacks it. The
 * delete names the member by the entity's key, under the owner (and type) the
 * add gave. */
static json_t *member_sequence(const b24_model *m, const b24_family *f, unsigned seed,
                               const char **why) {
  const b24_entity *e = b24_model_entity_of(f->add);
  const char *source, *did;
  json_t *add_body = suite_add_body(m, f->add, seed, &source);
  json_t *member = add_body ? seeded_member(e, add_body, seed) : NULL;
  if (!member) {
    *why = "the add request names no member";
    json_decref(add_body);
    return NULL;
  }
  json_t *has = suite_member_list_step(m, f, "list_has", add_body, member, 0, seed);
  json_t *del_body = has ? suite_member_body(m, f->del, "", SUITE_SYNTH_REQUIRED, seed, &did, why) : NULL;
  if (!del_body) {
    if (!has) *why = "the list's answer shows no items that name members";
    json_decref(add_body), json_decref(has), json_decref(member);
    return NULL;
  }
  align_with_add(del_body, add_body, "");
  json_object_set(del_body, e->id_key, (json_t *)member);
  json_t *steps = json_array();
  json_t *s = suite_step(m, f->add, "add", json_incref(add_body), "success", suite_checks_for("success", 0));
  json_object_set_new(s, "body_source", json_pack("{s:s,s:i}", "kind", source, "seed", seed));
  json_array_append_new(steps, s);
  json_array_append_new(steps, has);
  json_array_append_new(steps, suite_step(m, f->del, "delete", json_deep_copy(del_body), "success",
                                          suite_checks_for("success", 0)));
  s = suite_member_list_step(m, f, "list_lacks", add_body, member, 1, seed);
  if (s) json_array_append_new(steps, s);
  json_decref(add_body), json_decref(member);
  return sequence_doc(f, steps, del_body);
}

json_t *suite_crud_sequence(const b24_model *m, const b24_family *f, unsigned seed, const char **why) {
  const b24_entity *e = f->add ? b24_model_entity_of(f->add) : NULL;
  if (e && e->n_member_of && f->list && f->del) return member_sequence(m, f, seed, why);
  if (f->add && !f->get && f->list && f->del) return list_crud_sequence(m, f, seed, why);
  if (!f->add || !f->get || !f->del) {
    *why = "the family lacks one of add, get or list, delete";
    return NULL;
  }
  const char *source;
  json_t *add_body = suite_add_body(m, f->add, seed, &source);
  if (!add_body) {
    *why = "no add request the parameter table accepts";
    return NULL;
  }
  char *var = object_var(m, f, add_body, seed);
  if (!var) {
    json_decref(add_body);
    *why = "add's response example does not show where the new id is";
    return NULL;
  }
  const char *gid, *uid = NULL, *did;
  json_t *get_body = suite_member_body(m, f->get, var, SUITE_SYNTH_REQUIRED, seed, &gid, why);
  json_t *upd_body, *del_body;
  member_writes(m, f, get_body != NULL, var, seed, &upd_body, &uid, &del_body, &did, why);
  const char *get_key = b24_entity_object_key(f->get), *del_key = b24_entity_object_key(f->del);
  if (del_body && strcasecmp(gid, did) &&
      !(get_key && del_key && !strcasecmp(get_key, gid) && !strcasecmp(del_key, did))) {
    /* sale.delivery.extra.service.get takes DELIVERY_ID, what the objects
     * belong to; the model's key of each (sprintId, id) names the object */
    *why = "get and delete name the object by different keys";
    json_decref(del_body);
    del_body = NULL;
  }
  if (!del_body) {
    json_decref(add_body), json_decref(get_body), json_decref(upd_body);
    free(var);
    return NULL;
  }
  align_with_add(get_body, add_body, var);
  if (upd_body) align_with_add(upd_body, add_body, var);
  align_with_add(del_body, add_body, var);
  json_t *added = b24_written_fields(add_body, NULL);
  char *record = b24_record_path(f->get->response.example);

  static const b24_check_id raw[] = {B24_CHECK_NOT_SERVER_ERROR, B24_CHECK_STATUS_CODE,
                                     B24_CHECK_CONTENT_TYPE, B24_CHECK_ENVELOPE,
                                     B24_CHECK_VALID_INPUT_ACCEPTED, B24_CHECK_RESULT_SCHEMA,
                                     B24_CHECK_READ_AFTER_WRITE};
  static const b24_check_id gone[] = {B24_CHECK_NOT_SERVER_ERROR, B24_CHECK_STATUS_CODE,
                                      B24_CHECK_CONTENT_TYPE, B24_CHECK_ENVELOPE,
                                      B24_CHECK_ERROR_CODE_DOCUMENTED, B24_CHECK_DELETE_REMOVES};
  json_t *steps = json_array();
  json_t *s = suite_step(m, f->add, "add", json_incref(add_body), "success", suite_checks_for("success", 0));
  json_object_set_new(s, "body_source", json_pack("{s:s,s:i}", "kind", source, "seed", seed));
  json_array_append_new(steps, s);
  s = suite_step(m, f->get, "get", json_deep_copy(get_body), "success", suite_checks_list(raw, 7));
  verify_step(s, f->get, record, added);
  json_array_append_new(steps, s);
  s = suite_list_by_id_step(m, f, add_body, var, added, seed);
  if (s) json_array_append_new(steps, s);
  if (upd_body) {
    json_t *updated = b24_written_fields(upd_body, uid);
    json_array_append_new(steps, suite_step(m, f->update, "update", json_incref(upd_body), "success",
                                            suite_checks_for("success", 0)));
    s = suite_step(m, f->get, "get_updated", json_deep_copy(get_body), "success", suite_checks_list(raw, 7));
    verify_step(s, f->get, record, updated);
    json_array_append_new(steps, s);
    json_decref(updated);
  }
  json_array_append_new(steps, suite_step(m, f->del, "delete", json_deep_copy(del_body), "success",
                                          suite_checks_for("success", 0)));
  json_array_append_new(steps, suite_step(m, f->get, "get_deleted", json_incref(get_body), "error",
                                          suite_checks_list(gone, 6)));
  if (upd_body)
    json_array_append_new(steps, suite_step(m, f->update, "update_deleted", json_incref(upd_body),
                                            "error", suite_checks_list(gone, 6)));
  json_t *seq = sequence_doc(f, steps, del_body);
  json_decref(added), json_decref(add_body), json_decref(get_body), json_decref(upd_body);
  free(record);
  free(var);
  return seq;
}
