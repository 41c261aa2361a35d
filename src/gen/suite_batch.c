/* The suite's batch cases (settings/how-to-call-rest-api/batch.md): two
 * calls in one batch, a `$result[...]` reference from an add into the get and
 * delete of what it made, and `halt` 0 and 1 around a failing subquery. Each
 * case's "batch" object says what the answer's result.result / result_error
 * must hold (see docs/check.md). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "gen/suite_internal.h"
#include "schema/schema.h"
#include "suite/vars.h"
#include "util/buf.h"

#define BATCH_UNKNOWN "b24spec.no.such.method"

/* PHP-style form encoding of a body (fields[TITLE]=x&fields[0]=...), the
 * subquery syntax. */
static void form_encode(b24_buf *out, const json_t *v, b24_buf *key) {
  if (json_is_object(v) || json_is_array(v)) {
    const char *k;
    json_t *c;
    size_t i;
    char index[32];
    void *it = json_is_object(v) ? json_object_iter((json_t *)v) : NULL;
    for (i = 0;; i++) {
      if (json_is_object(v)) {
        if (!it) break;
        k = json_object_iter_key(it);
        c = json_object_iter_value(it);
        it = json_object_iter_next((json_t *)v, it);
      } else {
        if (i >= json_array_size(v)) break;
        snprintf(index, sizeof index, "%zu", i);
        k = index;
        c = json_array_get(v, i);
      }
      size_t mark = key->len;
      b24_buf_printf(key, key->len ? "[%s]" : "%s", k);
      form_encode(out, c, key);
      key->len = mark;
      key->data[mark] = 0;
    }
    return;
  }
  char num[64];
  const char *text = json_string_value(v);
  if (json_is_integer(v)) snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(v)), text = num;
  else if (json_is_real(v)) snprintf(num, sizeof num, "%.17g", json_real_value(v)), text = num;
  else if (json_is_boolean(v)) text = json_is_true(v) ? "Y" : "N";
  if (!text) return;
  if (out->len) b24_buf_putc(out, '&');
  b24_buf_puts(out, key->data);
  b24_buf_putc(out, '=');
  /* references are kept for the portal ($result[...]) or the runner (${...}) to replace */
  int ref = !strncmp(text, "$result[", 8) || !strncmp(text, "${", 2);
  for (const char *t = text; *t; t++) {
    if (ref || isalnum((unsigned char)*t) || strchr("-_.~", *t)) b24_buf_putc(out, *t);
    else b24_buf_printf(out, "%%%02X", (unsigned char)*t);
  }
}

char *suite_batch_subquery(const char *method, const json_t *body) {
  b24_buf q = B24_BUF_INIT, key = B24_BUF_INIT;
  b24_buf_puts(&q, "");
  b24_buf_puts(&key, "");
  form_encode(&q, body, &key);
  b24_buf out = B24_BUF_INIT;
  b24_buf_printf(&out, "%s%s%s", method, q.len ? "?" : "", q.data);
  b24_buf_free(&q);
  b24_buf_free(&key);
  return b24_buf_take(&out);
}

/* A method that only reads and needs no parameter: the first by name, a list
 * preferred. NULL when the docs have none. */
static const b24_method *plain_reader(const b24_model *m) {
  const b24_method *best = NULL;
  int best_list = 0;
  for (size_t i = 0; i < m->n_methods; i++) {
    const b24_method *x = &m->methods[i];
    if (x->rest_version == 3 || !b24_method_is_read_only(x->name)) continue;
    int required = 0;
    for (size_t j = 0; j < x->params.n; j++) required |= x->params.items[j].required;
    if (required) continue;
    char verb[64];
    b24_method_verb(x->name, verb, sizeof verb);
    int list = !strcmp(verb, "list");
    if (!best || (list && !best_list) || (list == best_list && strcmp(x->name, best->name) < 0))
      best = x, best_list = list;
  }
  return best;
}

static json_t *batch_case(const char *id, const char *title, const char *mode, json_t *cmd,
                          int halt, json_t *expect) {
  static const b24_check_id ids[] = {B24_CHECK_NOT_SERVER_ERROR, B24_CHECK_STATUS_CODE,
                                     B24_CHECK_CONTENT_TYPE, B24_CHECK_ENVELOPE,
                                     B24_CHECK_VALID_INPUT_ACCEPTED, B24_CHECK_BATCH};
  json_t *c = json_pack("{s:s,s:s,s:s,s:s}", "id", id, "kind", "batch", "title", title, "mode", mode);
  if (!strcmp(mode, "write")) json_object_set_new(c, "restorable", json_true());
  json_object_set_new(c, "auth", json_string("portal"));
  json_object_set_new(c, "request", json_pack("{s:s,s:{s:i,s:o}}", "method", "batch", "body", "halt",
                                              halt, "cmd", cmd));
  json_object_set_new(c, "expect", json_string("success"));
  json_object_set_new(c, "checks", suite_checks_list(ids, sizeof ids / sizeof *ids));
  json_object_set_new(c, "batch", expect);
  return c;
}

/* "${add.result.item.id}" -> "$result[add][item][id]" */
static char *batch_ref(const char *key, const char *idpath) {
  b24_buf b = B24_BUF_INIT;
  b24_buf_printf(&b, "$result[%s]", key);
  const char *p = strchr(idpath, '.');
  while (p) {
    const char *q = strchr(p + 1, '.');
    b24_buf_printf(&b, "[%.*s]", (int)(q ? q - p - 1 : (long)strlen(p + 1)), p + 1);
    p = q;
  }
  return b24_buf_take(&b);
}

/* add, get and delete of one family in one batch, the id passed on. */
static json_t *reference_case(const b24_model *m, unsigned seed) {
  for (size_t i = 0; i < m->n_methods; i++) {
    const b24_method *x = &m->methods[i];
    char verb[64];
    b24_method_verb(x->name, verb, sizeof verb);
    if (x->rest_version == 3 || strcmp(verb, "add")) continue;
    b24_family f;
    b24_family_of(m, x, &f);
    json_t *c = NULL;
    char *idpath = f.get && f.del ? suite_added_id_path(m, x) : NULL;
    const char *source, *gid, *did, *why;
    json_t *add = idpath ? suite_add_body(m, x, seed, &source) : NULL;
    char *ref = add ? batch_ref("add", idpath) : NULL;
    json_t *get = ref ? suite_member_body(m, f.get, ref, SUITE_SYNTH_REQUIRED, seed, &gid, &why) : NULL;
    json_t *del = get ? suite_member_body(m, f.del, ref, SUITE_SYNTH_REQUIRED, seed, &did, &why) : NULL;
    char *record = del ? b24_record_path(f.get->response.example) : NULL;
    const json_t *rec = record ? b24_jpath_get_icase(f.get->response.example, record) : NULL;
    const char *rid = NULL, *k;
    json_t *v;
    if (json_is_object(rec)) json_object_foreach((json_t *)rec, k, v) if (!strcasecmp(k, "id")) rid = k;
    if (rid) {
      char *qa = suite_batch_subquery(x->name, add), *qg = suite_batch_subquery(f.get->name, get), *qd = suite_batch_subquery(f.del->name, del);
      b24_buf got = B24_BUF_INIT, made = B24_BUF_INIT;
      b24_buf_printf(&got, "result.result.get%s.%s", record + strlen("result"), rid);
      b24_buf_printf(&made, "result.result.add%s", idpath + strlen("result"));
      c = batch_case("global/batch/reference", "add, get and delete in one batch, the id passed on by $result[add]",
                     "write", json_pack("{s:s,s:s,s:s}", "add", qa, "get", qg, "delete", qd), 1,
                     json_pack("{s:[s,s,s],s:[[s,s]]}", "results", "add", "get", "delete", "same",
                               got.data, made.data));
      json_object_set_new(c, "from", json_string(x->source));
      free(qa), free(qg), free(qd);
      b24_buf_free(&got), b24_buf_free(&made);
    }
    free(record);
    json_decref(add), json_decref(get), json_decref(del);
    free(ref);
    free(idpath);
    b24_family_free(&f);
    if (c) return c;
  }
  return NULL;
}

void suite_batch_cases(const b24_model *m, unsigned seed, json_t *cases) {
  const b24_method *r = plain_reader(m);
  if (r) {
    json_array_append_new(cases, batch_case("global/batch/two_calls", "two calls in one batch", "read",
                                            json_pack("{s:s,s:s}", "first", r->name, "second", r->name), 0,
                                            json_pack("{s:[s,s]}", "results", "first", "second")));
    json_array_append_new(cases, batch_case("global/batch/halt_0",
                                            "halt 0: the subquery after a failing one still runs", "read",
                                            json_pack("{s:s,s:s}", "failing", BATCH_UNKNOWN, "after", r->name), 0,
                                            json_pack("{s:[s],s:[s]}", "results", "after", "errors", "failing")));
    json_array_append_new(cases, batch_case("global/batch/halt_1",
                                            "halt 1: the subqueries after a failing one do not run", "read",
                                            json_pack("{s:s,s:s}", "failing", BATCH_UNKNOWN, "after", r->name), 1,
                                            json_pack("{s:[s],s:[s]}", "errors", "failing", "absent", "after")));
  }
  json_t *ref = reference_case(m, seed);
  if (ref) json_array_append_new(cases, ref);
}
