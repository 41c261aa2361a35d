#include "mock/members.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/family.h"
#include "util/buf.h"

struct mock_members {
  const b24_entity *e;
  const json_t *list_answer; /* the list's documented answer (the catalog's) */
  char *items_path;          /* where its items are: "result" */
  const json_t *tmpl;        /* the docs' first item: a bare id, or an object */
  const char *member_field;  /* the item's field that names the member (an object item's) */
  json_t *owners;            /* owner text -> {member text -> [member, type value or null]} */
};

/* A scalar as text; 0 for anything else. */
static int scalar_text(const json_t *v, b24_buf *out) {
  if (json_is_string(v)) b24_buf_puts(out, json_string_value(v));
  else if (json_is_integer(v)) b24_buf_printf(out, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
  else return 0;
  return 1;
}

static json_t *at_dotted(const json_t *root, const char *path) {
  char *p = strdup(path), *save = NULL;
  if (!p) abort();
  for (char *k = strtok_r(p, ".", &save); k && root; k = strtok_r(NULL, ".", &save))
    root = json_object_get(root, k);
  free(p);
  return (json_t *)root;
}

mock_members *mock_members_new(const b24_entity *e, mock_method *ops[MOCK_N_OPS]) {
  mock_method *list = ops[MOCK_OP_LIST];
  if (!e || !e->n_member_of || !ops[MOCK_OP_ADD] || !list || !ops[MOCK_OP_DELETE]) return NULL;
  const char *items = list->meth->list && list->meth->list->items ? list->meth->list->items : "result";
  const json_t *arr = at_dotted(list->answer, items);
  const json_t *first = json_array_get(arr, 0);
  if (!json_is_array(arr) || !first) return NULL;
  mock_members *s = calloc(1, sizeof *s);
  if (!s) abort();
  s->e = e;
  s->list_answer = list->answer;
  s->items_path = strdup(items);
  s->tmpl = first;
  s->member_field = b24_entity_item_key(e, first);
  if (json_is_object(first) && !s->member_field) {
    mock_members_free(s);
    return NULL;
  }
  s->owners = json_object();
  return s;
}

void mock_members_free(mock_members *s) {
  if (!s) return;
  json_decref(s->owners);
  free(s->items_path);
  free(s);
}

/* The owner a request names: the member_of keys' values joined; 0 when one
 * is missing or no scalar. */
static int owner_text(const mock_members *s, const json_t *params, b24_buf *out) {
  for (size_t i = 0; i < s->e->n_member_of; i++) {
    if (i) b24_buf_putc(out, '\x1f');
    if (!scalar_text(b24_request_value(params, s->e->member_of[i]), out)) return 0;
  }
  return 1;
}

/* A member's text: its own value, with the type's (crm.activity.binding's
 * entityTypeId) before it where the family has one. */
static int member_text(const mock_members *s, const json_t *member, const json_t *type, b24_buf *out) {
  if (type) {
    if (!scalar_text(type, out)) return 0;
    b24_buf_putc(out, '\x1f');
  }
  return scalar_text(member, out);
}

static const json_t *type_value(const mock_members *s, const json_t *params) {
  return s->e->type_param ? b24_request_value(params, s->e->type_param) : NULL;
}

static void add_members(mock_members *s, const char *owner, const json_t *params) {
  json_t *of = json_object_get(s->owners, owner);
  if (!of) json_object_set_new(s->owners, owner, of = json_object());
  const json_t *given = b24_request_value(params, s->e->members_param);
  const json_t *type = type_value(s, params);
  size_t n = json_is_array(given) ? json_array_size(given) : 1;
  for (size_t i = 0; i < n; i++) {
    const json_t *m = json_is_array(given) ? json_array_get(given, i) : given;
    b24_buf t = B24_BUF_INIT;
    if (member_text(s, m, type, &t))
      json_object_set_new(of, t.data, json_pack("[O,O]", m, type ? type : json_null()));
    b24_buf_free(&t);
  }
}

/* A value the way the docs' item writes it: 7 where they write a number. */
static json_t *as_docs_write(const json_t *docs, const json_t *v) {
  if (json_is_integer(docs) && json_is_string(v)) {
    char *end;
    long long n = strtoll(json_string_value(v), &end, 10);
    if (*json_string_value(v) && !*end) return json_integer(n);
  }
  return json_deep_copy(v);
}

static json_t *list_of(const mock_members *s, const json_t *of) {
  json_t *a = json_deep_copy(s->list_answer);
  json_t *arr = at_dotted(a, s->items_path);
  json_array_clear(arr);
  const char *k;
  json_t *pair;
  json_object_foreach((json_t *)of, k, pair) {
    const json_t *m = json_array_get(pair, 0), *type = json_array_get(pair, 1);
    if (!json_is_object(s->tmpl)) {
      json_array_append_new(arr, as_docs_write(s->tmpl, m));
      continue;
    }
    json_t *item = json_deep_copy(s->tmpl);
    json_object_set_new(item, s->member_field, as_docs_write(json_object_get(s->tmpl, s->member_field), m));
    if (!json_is_null(type)) {
      const char *tk;
      json_t *tv;
      json_object_foreach(item, tk, tv) if (!strcasecmp(tk, s->e->type_param)) {
        json_object_set_new(item, tk, as_docs_write(tv, type));
        break;
      }
    }
    json_array_append_new(arr, item);
  }
  if (json_object_get(a, "total")) json_object_set_new(a, "total", json_integer((json_int_t)json_array_size(arr)));
  json_object_del(a, "next");
  return a;
}

int mock_members_call(mock_members *s, mock_op op, const json_t *params, json_t **answer) {
  *answer = NULL;
  b24_buf owner = B24_BUF_INIT;
  int answered = 0;
  if (owner_text(s, params, &owner)) {
    json_t *of = json_object_get(s->owners, owner.data);
    if (op == MOCK_OP_ADD) add_members(s, owner.data, params);
    else if (op == MOCK_OP_LIST && of) {
      *answer = list_of(s, of);
      answered = 1;
    } else if (op == MOCK_OP_DELETE && of) {
      const json_t *given = b24_request_value(params, s->e->id_key);
      size_t n = json_is_array(given) ? json_array_size(given) : 1;
      for (size_t i = 0; i < n; i++) {
        b24_buf t = B24_BUF_INIT;
        const json_t *one = json_is_array(given) ? json_array_get(given, i) : given;
        if (member_text(s, one, type_value(s, params), &t)) json_object_del(of, t.data);
        b24_buf_free(&t);
      }
    }
  }
  b24_buf_free(&owner);
  return answered;
}
