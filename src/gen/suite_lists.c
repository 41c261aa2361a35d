/* The list sequence of a family (see suite_internal.h): what the docs promise
 * about filter, order, select, start and total, checked on two objects the
 * sequence adds itself, so that it holds on any portal whatever else is there. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "gen/suite_internal.h"
#include "gen/suite_synth.h"
#include "schema/schema.h"
#include "suite/vars.h"
#include "util/buf.h"

static const b24_param *find_param(const b24_method *m, const char *name) {
  for (size_t i = 0; i < m->params.n; i++)
    if (!strcasecmp(m->params.items[i].name, name)) return &m->params.items[i];
  return NULL;
}

/* The path to the first array of objects in a list answer and the objects'
 * id key, from the docs' example. 0 when the example shows neither. The key is
 * "id" in any case, or *id_key when the caller set it (a key the caller
 * chooses, such as CODE). */
static int list_shape(const json_t *v, b24_buf *path, const char **id_key, int depth) {
  if (json_is_array(v)) {
    const json_t *first = json_array_get(v, 0);
    if (json_is_string(first)) return *id_key != NULL; /* codes, the key the caller chose */
    if (!json_is_object(first)) return 0;
    const char *k, *want = *id_key ? *id_key : "id";
    json_t *x;
    json_object_foreach((json_t *)first, k, x) if (!strcasecmp(k, want)) {
      *id_key = k;
      return 1;
    }
    return 0;
  }
  if (!json_is_object(v) || depth > 3) return 0;
  const char *k;
  json_t *c;
  json_object_foreach((json_t *)v, k, c) {
    size_t mark = path->len;
    b24_buf_printf(path, ".%s", k);
    if (list_shape(c, path, id_key, depth + 1)) return 1;
    path->len = mark;
    path->data[mark] = 0;
  }
  return 0;
}

/* The first written field holding free text (not an id, not a code from a
 * list, not one the list requires: entity.item.get's ENTITY is what the
 * objects belong to): the one the sequence gives each object a mark in. */
static const char *text_field(json_t *fields, const b24_method *list) {
  const char *k;
  json_t *v;
  json_object_foreach(fields, k, v) {
    const char *s = json_string_value(v);
    const b24_param *scope = find_param(list, k);
    if (s && strlen(s) > 3 && !strspn(s, "0123456789") && strcasecmp(k, "id") &&
        !(scope && scope->required))
      return k;
  }
  return NULL;
}

/* The delete of the object var names, with what else the delete requires
 * (entity.item's ENTITY) as the add request gave it. */
static json_t *delete_body(const b24_method *del, const char *var, const json_t *add) {
  const char *why;
  json_t *b = suite_with_id(del, var, &why);
  const b24_param *p = find_param(del, "id");
  if (!b && p) b = json_pack("{s:s}", p->name, var);
  for (size_t i = 0; b && i < del->params.n; i++) {
    const b24_param *q = &del->params.items[i];
    const json_t *v = q->required && !json_object_get(b, q->name) ? b24_jpath_get_icase(add, q->name) : NULL;
    if (v && !json_is_object(v) && !json_is_array(v)) json_object_set(b, q->name, (json_t *)v);
  }
  return b;
}

/* The list's required parameters besides the query (entityTypeId ...): the
 * add request's values where it has them (at its top or in its fields), else
 * synthesized. New reference. */
static json_t *list_base(const b24_model *m, const b24_method *list, const json_t *add, unsigned seed) {
  json_t *schema = b24_schema_for_params(m, list);
  json_t *b = suite_synth_body(list, schema, SUITE_SYNTH_REQUIRED, seed);
  json_decref(schema);
  if (!b) b = json_object();
  const char *k;
  json_t *v;
  void *tmp;
  json_object_foreach_safe(b, tmp, k, v) {
    const json_t *same = b24_request_value(add, k);
    if (same && !json_is_object(same) && !json_is_array(same)) json_object_set(b, k, (json_t *)same);
  }
  static const char *const query[] = {"filter", "order", "select", "start"};
  for (size_t i = 0; i < 4; i++) json_object_del(b, query[i]);
  return b;
}

/* One list step: the request (base, then the query keys of body) and what its
 * answer must show. */
static json_t *list_step(const b24_model *m, const b24_family *f, const json_t *base,
                         const char *name, json_t *body, json_t *expect, b24_check_id check) {
  json_t *req = json_deep_copy(base);
  json_object_update(req, body);
  json_decref(body);
  body = req;
  static const b24_check_id ok[] = {B24_CHECK_NOT_SERVER_ERROR, B24_CHECK_STATUS_CODE,
                                      B24_CHECK_CONTENT_TYPE, B24_CHECK_ENVELOPE,
                                      B24_CHECK_VALID_INPUT_ACCEPTED, B24_CHECK_RESULT_SCHEMA};
  json_t *checks = suite_checks_list(ok, sizeof ok / sizeof *ok);
  json_array_append_new(checks, json_string(b24_checks[check].name));
  if (json_object_get(expect, "fields") && check != B24_CHECK_READ_AFTER_WRITE)
    json_array_append_new(checks, json_string(b24_checks[B24_CHECK_READ_AFTER_WRITE].name));
  json_t *s = suite_step(m, f->list, name, body, "success", checks);
  if (json_object_get(expect, "select"))
    suite_drop_check(s, B24_CHECK_RESULT_SCHEMA,
                     "an answer with only the selected fields need not show what the result table lists");
  json_object_set_new(s, "list", expect);
  return s;
}

/* Whether body form-encodes without loss: an empty object or list would
 * vanish from a batch subquery. */
static int form_safe(const json_t *v) {
  if (json_is_object(v) || json_is_array(v)) {
    if (!json_is_object(v) ? !json_array_size(v) : !json_object_size(v)) return 0;
    const char *k;
    json_t *c;
    size_t i;
    if (json_is_object(v)) json_object_foreach((json_t *)v, k, c) if (!form_safe(c)) return 0;
    if (json_is_array(v)) json_array_foreach(v, i, c) if (!form_safe(c)) return 0;
  }
  return 1;
}

/* "${add_a.result.item.id}" -> ".item.id": where an add's id sits below its result. */
static const char *idpath_of(const char *var) {
  const char *p = strstr(var, ".result");
  static const char none[] = "";
  if (!p) return none;
  p += strlen(".result");
  size_t n = strlen(p);
  return n && p[n - 1] == '}' ? p : none;
}

#define PAGE 50 /* the portal's page */

/* Paging over more than a page: PAGE - 1 more objects added in one batch
 * ("fill"), then the first page of all PAGE + 1 by id (`next` must say where
 * the second starts, `total` count them all) and the page `next` names (it
 * starts with the object after the first page's last). Returns the cleanup
 * entry that deletes the batch's objects in one batch. */
static json_t *paging_steps(const b24_model *m, const b24_family *f, const json_t *lbase,
                            json_t *steps, const json_t *body, const char *field, const char *mark,
                            const char *in_key, const char *id_key, const char *items,
                            const char *va, const char *vb, const char *below) {
  json_t *cmd = json_object(), *del = json_object(), *ids = json_pack("[s,s]", va, vb);
  json_t *results = json_array();
  size_t blen = strlen(below);
  for (int i = 0; i < PAGE - 1; i++) {
    char key[16], text[96];
    snprintf(key, sizeof key, "f%02d", i);
    json_t *b = json_deep_copy(body);
    if (field) {
      json_t *w = (json_t *)b24_jpath_get_icase(b, "fields");
      snprintf(text, sizeof text, "%s-f%02d", mark, i);
      json_object_set_new(json_is_object(w) ? w : b, field, json_string(text));
    }
    char *q = suite_batch_subquery(f->add->name, b);
    json_object_set_new(cmd, key, json_string(q));
    free(q);
    json_decref(b);
    b24_buf var = B24_BUF_INIT;
    b24_buf_printf(&var, "${fill.result.result.%s%.*s}", key, (int)(blen ? blen - 1 : 0), below);
    json_array_append_new(ids, json_string(var.data));
    json_t *d = delete_body(f->del, var.data, body);
    char *dq = suite_batch_subquery(f->del->name, d);
    json_object_set_new(del, key, json_string(dq));
    free(dq);
    json_decref(d);
    b24_buf_free(&var);
    json_array_append_new(results, json_string(key));
  }
  static const b24_check_id ok[] = {B24_CHECK_NOT_SERVER_ERROR, B24_CHECK_STATUS_CODE,
                                    B24_CHECK_CONTENT_TYPE, B24_CHECK_ENVELOPE,
                                    B24_CHECK_VALID_INPUT_ACCEPTED, B24_CHECK_BATCH};
  json_t *s = json_pack("{s:s,s:{s:s,s:{s:i,s:o}},s:s,s:o,s:{s:o}}", "name", "fill", "request",
                        "method", "batch", "body", "halt", 0, "cmd", cmd, "expect", "success",
                        "checks", suite_checks_list(ok, sizeof ok / sizeof *ok), "batch",
                        "results", results);
  json_array_append_new(steps, s);
  json_array_append_new(
      steps, list_step(m, f, lbase, "page_1",
                       json_pack("{s:{s:O},s:{s:s},s:i}", "filter", in_key, ids, "order", id_key, "ASC",
                                 "start", 0),
                       json_pack("{s:s,s:s,s:s,s:s,s:i}", "items", items, "id_key", id_key, "first", va,
                                 "total", "counted", "start", 0),
                       B24_CHECK_LIST_PAGING));
  json_array_append_new(
      steps, list_step(m, f, lbase, "page_2",
                       json_pack("{s:{s:O},s:{s:s},s:s}", "filter", in_key, ids, "order", id_key, "ASC",
                                 "start", "${page_1.next}"),
                       json_pack("{s:s,s:s,s:O,s:s,s:s}", "items", items, "id_key", id_key, "first",
                                 json_array_get(ids, PAGE), "total", "counted", "start",
                                 "${page_1.next}"),
                       B24_CHECK_LIST_PAGING));
  json_decref(ids);
  return json_pack("{s:s,s:s,s:{s:s,s:{s:i,s:o}}}", "name", "cleanup_fill", "after", "fill",
                   "request", "method", "batch", "body", "halt", 0, "cmd", del);
}

json_t *suite_list_sequence(const b24_model *m, const b24_family *f, unsigned seed, const char **why) {
  if (!f->add || !f->list || !f->del || f->rest_version == 3) {
    *why = f->rest_version == 3 ? "REST 3.0 lists page differently" : "the family lacks add, list or delete";
    return NULL;
  }
  if (!find_param(f->list, "filter")) {
    *why = "the list method documents no filter";
    return NULL;
  }
  char *idpath = suite_added_id_path(m, f->add);
  b24_buf items = B24_BUF_INIT;
  b24_buf_puts(&items, "result");
  const char *id_key = NULL;
  json_t *list_result = json_object_get(f->list->response.example, "result");
  int shaped = list_shape(list_result, &items, &id_key, 0);
  const char *source;
  json_t *body = idpath && shaped ? suite_add_body(m, f->add, seed, &source) : NULL;
  if (!body) {
    *why = !idpath ? "add's response example does not show where the new id is"
           : !shaped ? "the list's response example shows no objects with an id"
                     : "no add request the parameter table accepts";
    free(idpath);
    b24_buf_free(&items);
    return NULL;
  }
  b24_buf va = B24_BUF_INIT, vb = B24_BUF_INIT;
  b24_buf_printf(&va, "${add_a.%s}", idpath);
  b24_buf_printf(&vb, "${add_b.%s}", idpath);
  free(idpath);
  /* two objects told apart by a mark in a text field */
  json_t *body_a = json_deep_copy(body), *body_b = json_deep_copy(body);
  json_decref(body);
  json_t *fields_a = b24_written_fields(body_a, NULL);
  const char *field = text_field(fields_a, f->list);
  char *field_name = field ? strdup(field) : NULL;
  char mark[64];
  suite_synth_mark(seed, f->name, "list", mark, sizeof mark);
  b24_buf ma = B24_BUF_INIT, mb = B24_BUF_INIT;
  b24_buf_printf(&ma, "%s-a", mark);
  b24_buf_printf(&mb, "%s-b", mark);
  if (field_name) {
    json_t *wa = b24_jpath_get_icase(body_a, "fields") ? (json_t *)b24_jpath_get_icase(body_a, "fields") : body_a;
    json_t *wb = b24_jpath_get_icase(body_b, "fields") ? (json_t *)b24_jpath_get_icase(body_b, "fields") : body_b;
    json_object_set_new(wa, field_name, json_string(ma.data));
    json_object_set_new(wb, field_name, json_string(mb.data));
    json_object_set_new(fields_a, field_name, json_string(ma.data));
  }
  json_t *lbase = list_base(m, f->list, body_a, seed);
  json_t *steps = json_array();
  json_array_append_new(steps, suite_step(m, f->add, "add_a", body_a, "success", suite_checks_for("success", 0)));
  json_array_append_new(steps, suite_step(m, f->add, "add_b", body_b, "success", suite_checks_for("success", 0)));
  json_t *both = json_pack("[s,s]", va.data, vb.data);
  char in_key[64];
  snprintf(in_key, sizeof in_key, "@%s", id_key);
  json_array_append_new(
      steps, list_step(m, f, lbase, "list_by_id", json_pack("{s:{s:s}}", "filter", id_key, va.data),
                       json_pack("{s:s,s:s,s:[s],s:[s],s:O}", "items", items.data, "id_key", id_key,
                                 "has", va.data, "lacks", vb.data, "fields", fields_a),
                       B24_CHECK_LIST_FILTER));
  if (field_name)
    json_array_append_new(
        steps, list_step(m, f, lbase, "list_by_field", json_pack("{s:{s:s}}", "filter", field_name, ma.data),
                         json_pack("{s:s,s:s,s:[s],s:[s]}", "items", items.data, "id_key", id_key,
                                   "has", va.data, "lacks", vb.data),
                         B24_CHECK_LIST_FILTER));
  if (find_param(f->list, "order")) {
    static const char *const dirs[] = {"ASC", "DESC"};
    for (int d = 0; d < 2; d++) {
      char name[32];
      snprintf(name, sizeof name, "list_order_%s", d ? "desc" : "asc");
      json_array_append_new(
          steps, list_step(m, f, lbase, name,
                           json_pack("{s:{s:O},s:{s:s}}", "filter", in_key, both, "order", id_key, dirs[d]),
                           json_pack("{s:s,s:s,s:O,s:s}", "items", items.data, "id_key", id_key,
                                     "has", both, "order", d ? "desc" : "asc"),
                           B24_CHECK_LIST_ORDER));
    }
  }
  if (field_name && find_param(f->list, "select"))
    json_array_append_new(
        steps, list_step(m, f, lbase, "list_select",
                         json_pack("{s:{s:s},s:[s]}", "filter", id_key, va.data, "select", field_name),
                         json_pack("{s:s,s:s,s:[s],s:[s]}", "items", items.data, "id_key", id_key,
                                   "has", va.data, "select", field_name),
                         B24_CHECK_LIST_SELECT));
  json_array_append_new(
      steps, list_step(m, f, lbase, "list_total", json_pack("{s:{s:O},s:i}", "filter", in_key, both, "start", 0),
                       json_pack("{s:s,s:s,s:O,s:s,s:i}", "items", items.data, "id_key", id_key, "has",
                                 both, "total", "counted", "start", 0),
                       B24_CHECK_LIST_PAGING));
  if (find_param(f->list, "order"))
    json_array_append_new(
        steps, list_step(m, f, lbase, "list_start",
                         json_pack("{s:{s:O},s:{s:s},s:i}", "filter", in_key, both, "order", id_key, "ASC",
                                   "start", 1),
                         json_pack("{s:s,s:s,s:s,s:s,s:i}", "items", items.data, "id_key", id_key,
                                   "first", vb.data, "total", "counted", "start", 1),
                         B24_CHECK_LIST_PAGING));
  json_array_append_new(
      steps, list_step(m, f, lbase, "list_no_count", json_pack("{s:{s:O},s:i}", "filter", in_key, both, "start", -1),
                       json_pack("{s:s,s:s,s:s}", "items", items.data, "id_key", id_key, "total", "absent"),
                       B24_CHECK_LIST_PAGING));
  json_t *del_a = delete_body(f->del, va.data, body_a), *del_b = delete_body(f->del, vb.data, body_b);
  json_t *fill_cleanup = NULL;
  if (del_a && del_b && find_param(f->list, "order") && form_safe(body_a))
    fill_cleanup = paging_steps(m, f, lbase, steps, body_a, field_name, mark, in_key, id_key,
                                items.data, va.data, vb.data, idpath_of(va.data));
  json_t *cleanup = json_array();
  if (del_a) json_array_append_new(cleanup, json_pack("{s:s,s:s,s:{s:s,s:o}}", "name", "cleanup_a", "after", "add_a", "request", "method", f->del->name, "body", del_a));
  if (del_b) json_array_append_new(cleanup, json_pack("{s:s,s:s,s:{s:s,s:o}}", "name", "cleanup_b", "after", "add_b", "request", "method", f->del->name, "body", del_b));
  if (fill_cleanup) json_array_append_new(cleanup, fill_cleanup);
  b24_buf id = B24_BUF_INIT;
  b24_buf_printf(&id, "list/%s", f->name);
  char *from = suite_loc_text(f->list->source, f->list->line);
  json_t *seq = json_pack("{s:i,s:s,s:s,s:i,s:s,s:s,s:b,s:o,s:o}", "suite_version", SUITE_VERSION,
                          "id", id.data, "family", f->name, "rest_version", f->rest_version, "from",
                          from, "mode", "write", "restorable", del_a && del_b, "steps", steps,
                          "cleanup", cleanup);
  free(from);
  free(field_name);
  b24_buf_free(&id);
  json_decref(both);
  json_decref(lbase);
  json_decref(fields_a);
  b24_buf_free(&va), b24_buf_free(&vb), b24_buf_free(&ma), b24_buf_free(&mb), b24_buf_free(&items);
  return seq;
}

/* A REST 3.0 filter on the id ([["id", "=", var]]), after the conditions of
 * the docs' example filter on fields the add request gives, with the add's
 * values: tasks.task.result.list must be told the task ([["taskId", 51]]). */
static json_t *v3_id_filter(const b24_method *list, const json_t *add_body, const char *id_key,
                            const char *var) {
  json_t *out = json_array();
  const b24_example *ex = b24_method_curl_example(list);
  const json_t *docs = ex ? b24_jpath_get_icase(ex->body, "filter") : NULL;
  size_t i;
  json_t *cond;
  json_array_foreach(docs, i, cond) {
    const char *field = json_string_value(json_array_get(cond, 0));
    const json_t *v = field && strcasecmp(field, id_key) ? b24_request_value(add_body, field) : NULL;
    if (v && !json_is_object(v) && !json_is_array(v)) json_array_append_new(out, json_pack("[s,O]", field, v));
  }
  json_array_append_new(out, json_pack("[s,s,s]", id_key, "=", var));
  return out;
}

json_t *suite_member_list_step(const b24_model *m, const b24_family *f, const char *name,
                               const json_t *add_body, const json_t *member, int gone,
                               unsigned seed) {
  const b24_entity *e = b24_model_entity_of(f->add);
  const b24_list_info *l = f->list->list;
  const char *items = l && l->items ? l->items : "result";
  const json_t *first = json_array_get(b24_jpath_get_icase(f->list->response.example, items), 0);
  /* items are the members' ids (im.chat.user.list: [99, 1269]), or objects
   * naming them by the entity's record field or key (imbot.v2: id) */
  const char *key = b24_entity_item_key(e, first);
  if (!first || (json_is_object(first) && !key) || json_is_array(first)) return NULL;
  json_t *lbase = list_base(m, f->list, add_body, seed);
  /* bare ids are their own: the key then only names what they are */
  json_t *expect = json_pack("{s:s,s:s,s:[O]}", "items", items, "id_key", key ? key : e->id_key,
                             gone ? "lacks" : "has", member);
  if (gone) json_object_set_new(expect, "deleted", json_true());
  json_t *s = list_step(m, f, lbase, name, json_object(), expect,
                        gone ? B24_CHECK_DELETE_REMOVES : B24_CHECK_READ_AFTER_WRITE);
  json_decref(lbase);
  return s;
}

json_t *suite_list_by_id_step(const b24_model *m, const b24_family *f, const json_t *add_body,
                              const char *var, const json_t *fields, unsigned seed) {
  return suite_list_id_filter_step(m, f, "list_by_id", add_body, var, fields, 0, seed);
}

json_t *suite_list_id_filter_step(const b24_model *m, const b24_family *f, const char *name,
                                  const json_t *add_body, const char *var, const json_t *fields,
                                  int gone, unsigned seed) {
  if (!f->list) return NULL;
  /* A list without a filter (sale.cashbox.handler.list) is read whole, newest
   * first where it takes an order, and must hold the object all the same. */
  const b24_list_info *l = f->list->list;
  int filtered = l && l->filter;
  int v3 = f->rest_version == 3;
  const b24_param *order = l && l->order ? find_param(f->list, l->order) : NULL;
  /* {"ID": "DESC"} only where order takes a field map (department.get's
   * order is the direction alone, its field goes in sort) */
  if (order && !(order->type.n_alts && !strcmp(order->type.alts[0].base, "object"))) order = NULL;
  b24_buf items = B24_BUF_INIT;
  b24_buf_puts(&items, "result");
  /* the items name the object by the entity's key where they have it
   * (voximplant.sip's CONFIG_ID, bizproc.robot's CODE), else by an id */
  const b24_entity *e = b24_model_entity_of(f->list);
  const char *id_key = e && e->id_key && *e->id_key ? e->id_key : NULL;
  const json_t *listed = json_object_get(f->list->response.example, "result");
  int shaped = list_shape(listed, &items, &id_key, 0);
  if (shaped && json_is_string(json_array_get(b24_jpath_get_icase(f->list->response.example, items.data), 0)) &&
      !e->id_chosen)
    shaped = 0;
  /* else by an id; a key the caller chooses only by the field the items keep
   * it in (im.search.last's DIALOG_ID is each item's id) */
  int chosen = e && e->id_chosen;
  const char *by_field = chosen && e->id_field && *e->id_field ? e->id_field : NULL;
  if (!shaped && id_key && (!chosen || by_field)) {
    b24_buf_free(&items);
    b24_buf_puts(&items, "result");
    id_key = by_field;
    shaped = list_shape(listed, &items, &id_key, 0);
  }
  json_t *s = NULL;
  if (shaped) {
    json_t *lbase = list_base(m, f->list, add_body, seed);
    json_t *expect = gone ? json_pack("{s:s,s:s,s:[s],s:b}", "items", items.data, "id_key", id_key,
                                      "lacks", var, "deleted", 1)
                          : json_pack("{s:s,s:s,s:[s]}", "items", items.data, "id_key", id_key, "has", var);
    /* a list of codes shows no fields to compare */
    int codes = json_is_string(json_array_get(b24_jpath_get_icase(f->list->response.example, items.data), 0));
    if (!gone && fields && !codes) json_object_set(expect, "fields", (json_t *)fields);
    json_t *query = filtered && v3 ? json_pack("{s:o}", "filter", v3_id_filter(f->list, add_body, id_key, var))
                    : filtered ? json_pack("{s:{s:s}}", "filter", id_key, var)
                    : order  ? json_pack("{s:{s:s}}", order->name, id_key, "DESC")
                             : json_object();
    s = list_step(m, f, lbase, name, query, expect,
                  gone ? B24_CHECK_DELETE_REMOVES
                       : filtered ? B24_CHECK_LIST_FILTER : B24_CHECK_READ_AFTER_WRITE);
    json_decref(lbase);
  }
  b24_buf_free(&items);
  return s;
}
