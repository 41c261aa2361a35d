/* List methods: which parameters filter, order, select and page, the filter
 * operators the page documents, start=-1, and where the answer keeps the items.
 *
 * A method lists when its verb says so (list, getList) or when it is a getter
 * that takes a filter or a start offset and no required parameter (user.get),
 * or whose documented answer is a list of objects and that takes no id.
 * The operators are read from the filter's description, where the pages list
 * them one an item: "- >= — greater than or equal to". */
#include <string.h>
#include <strings.h>

#include "model/derive.h"
#include "model/family.h"

static const char *param_named(const b24_method *x, const char *const *names) {
  for (const char *const *n = names; *n; n++)
    for (size_t i = 0; i < x->params.n; i++)
      if (!strcasecmp(x->params.items[i].name, *n)) return x->params.items[i].name;
  return NULL;
}

static const b24_param *param_by_name(const b24_method *x, const char *name) {
  for (size_t i = 0; name && i < x->params.n; i++)
    if (!strcmp(x->params.items[i].name, name)) return &x->params.items[i];
  return NULL;
}

static int is_op_char(char c) { return c && strchr("<>=!%@", c) != NULL; }

static int has_op(const b24_list_info *l, const char *op, size_t n) {
  for (size_t i = 0; i < l->n_filter_ops; i++)
    if (strlen(l->filter_ops[i]) == n && !strncmp(l->filter_ops[i], op, n)) return 1;
  return 0;
}

/* Adds the operators of "- OP — text" items in text (also "- OP - text",
 * "- `OP` ..." after the marks are stripped). */
static void read_ops(b24_arena *a, b24_list_info *l, size_t *cap, const char *text) {
  for (const char *s = text; s && (s = strstr(s, "- ")); s += 2) {
    if (s != text && s[-1] != '\n') continue;
    const char *op = s + 2;
    size_t n = 0;
    while (is_op_char(op[n]) && n < 4) n++;
    if (!n || (op[n] != ' ' && op[n] != ',' && op[n] != ':')) continue;
    if (has_op(l, op, n)) continue;
    if (l->n_filter_ops == *cap) {
      size_t ncap = *cap ? *cap * 2 : 16;
      l->filter_ops = b24_arena_grow(a, l->filter_ops, *cap * sizeof *l->filter_ops,
                                     ncap * sizeof *l->filter_ops);
      *cap = ncap;
    }
    l->filter_ops[l->n_filter_ops++] = b24_arena_strndup(a, op, n);
  }
}

static void read_ops_nested(b24_arena *a, b24_list_info *l, size_t *cap, const b24_param *p,
                            int depth) {
  if (!p || depth > 3) return;
  read_ops(a, l, cap, p->description);
  for (size_t i = 0; i < p->children.n; i++) read_ops_nested(a, l, cap, &p->children.items[i], depth + 1);
}

/* Where the response example keeps the items: the result itself when it is a
 * list, else its one member that is a list ("tasks", "items"). */
static char *items_path(b24_arena *a, const json_t *example) {
  const json_t *r = json_object_get(example, "result");
  if (json_is_array(r)) return b24_arena_strdup(a, "result");
  if (!json_is_object(r)) return NULL;
  const char *found = NULL, *k;
  json_t *v;
  json_object_foreach((json_t *)r, k, v) {
    if (!json_is_array(v) && !json_is_object(v)) continue;
    if (json_is_object(v) && strcmp(k, "items")) continue;
    if (found) return NULL;
    found = k;
  }
  if (!found) return NULL;
  size_t n = strlen(found) + 8;
  char *s = b24_arena_alloc(a, n);
  snprintf(s, n, "result.%s", found);
  return s;
}

static int has_required(const b24_method *x) {
  for (size_t i = 0; i < x->params.n; i++)
    if (x->params.items[i].required && strcasecmp(x->params.items[i].name, "auth")) return 1;
  return 0;
}

/* A getter whose documented answer is a list of objects and that takes no id
 * (entity.item.get, telephony.externalLine.get) lists, whatever it requires. */
static int answers_objects_without_id(const b24_method *x) {
  const json_t *r = json_object_get(x->response.example, "result");
  if (!json_is_array(r) || !json_is_object(json_array_get(r, 0))) return 0;
  for (size_t i = 0; i < x->params.n; i++)
    if (!strcasecmp(x->params.items[i].name, "id")) return 0;
  return 1;
}

static int response_has(const b24_method *x, const char *key) {
  if (json_object_get(x->response.example, key)) return 1;
  for (size_t i = 0; i < x->response.fields.n; i++)
    if (!strcmp(x->response.fields.items[i].name, key)) return 1;
  return 0;
}

static void list_info_of(b24_arena *a, b24_method *x) {
  static const char *const filters[] = {"filter", NULL};
  static const char *const orders[] = {"order", "sort", NULL};
  static const char *const selects[] = {"select", NULL};
  static const char *const starts[] = {"start", NULL};
  static const char *const sizes[] = {"limit", "pageSize", "nPageSize", "PAGE_SIZE", NULL};
  char verb[64];
  b24_method_verb(x->name, verb, sizeof verb);
  const char *filter = param_named(x, filters), *start = param_named(x, starts);
  int listing = !strcmp(verb, "list") || !strcmp(verb, "getlist");
  if (!listing && !strcmp(verb, "get") &&
      (((filter || start) && !has_required(x)) || answers_objects_without_id(x)))
    listing = 1;
  x->list = NULL;
  if (!listing) return;
  b24_list_info *l = b24_arena_alloc(a, sizeof *l);
  l->filter = filter;
  l->order = param_named(x, orders);
  l->select = param_named(x, selects);
  l->start = start;
  l->page_size = param_named(x, sizes);
  size_t cap = 0;
  read_ops_nested(a, l, &cap, param_by_name(x, filter), 0);
  const b24_param *sp = param_by_name(x, start);
  l->start_minus_one = sp && sp->description && strstr(sp->description, "-1") != NULL;
  l->items = items_path(a, x->response.example);
  l->total = response_has(x, "total");
  l->next = response_has(x, "next");
  x->list = l;
}

void b24_derive_lists(b24_model *m) {
  for (size_t i = 0; i < m->n_methods; i++) list_info_of(&m->arena, &m->methods[i]);
}
