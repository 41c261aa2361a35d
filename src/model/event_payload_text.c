/* What a handler receives when no table says it: the overview pages of an
 * event family describe the payload in their example ({"event": ..., "data":
 * {"FIELDS": {"ID": "1000983"}}}) or in prose ("The `data.FIELDS.ID` field
 * contains the estimate identifier"), and a widget page may say that its
 * handler receives no data at all. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "model/build.h"
#include "util/buf.h"

static b24_param *child_named(b24_bctx *c, b24_params *ps, size_t *cap, const char *name,
                              size_t n, int line) {
  for (size_t i = 0; i < ps->n; i++)
    if (strlen(ps->items[i].name) == n && !strncmp(ps->items[i].name, name, n)) return &ps->items[i];
  b24_param *p = B24_VEC_PUSH(c->a, ps->items, ps->n, *cap);
  memset(p, 0, sizeof *p);
  p->name = b24_arena_strndup(c->a, name, n);
  p->description = b24_arena_strdup(c->a, "");
  p->loc = (b24_loc){c->file, line};
  return p;
}

static void set_kind(b24_bctx *c, b24_param *p, const char *base) {
  p->type.alts = b24_arena_alloc(c->a, sizeof *p->type.alts);
  memset(p->type.alts, 0, sizeof *p->type.alts);
  p->type.alts[0].base = b24_arena_strdup(c->a, base);
  p->type.n_alts = 1;
  p->type.written = b24_arena_strdup(c->a, base);
}

/* The example's shape as parameters: keys with the JSON kind of their values. */
static void from_json(b24_bctx *c, const json_t *o, b24_params *ps, int line, int depth) {
  if (!json_is_object(o) || depth > 8) return;
  size_t cap = ps->n;
  const char *k;
  json_t *v;
  json_object_foreach((json_t *)o, k, v) {
    b24_param *p = child_named(c, ps, &cap, k, strlen(k), line);
    if (json_is_object(v)) {
      set_kind(c, p, "object");
      from_json(c, v, &p->children, line, depth + 1);
    } else if (json_is_array(v)) {
      set_kind(c, p, "array");
    } else if (json_is_integer(v)) {
      set_kind(c, p, "integer");
    } else if (json_is_real(v)) {
      set_kind(c, p, "double");
    } else if (json_is_boolean(v)) {
      set_kind(c, p, "boolean");
    } else if (json_is_string(v)) {
      set_kind(c, p, "string");
    }
  }
}

/* `data.FIELDS.ID` in a sentence: a path into the payload, each part a name. */
static int payload_path(const char *s) {
  if (strncmp(s, "data.", 5) && strncmp(s, "auth.", 5)) return 0;
  for (; *s; s++)
    if (!isalnum((unsigned char)*s) && *s != '_' && *s != '.') return 0;
  return s[-1] != '.';
}

static void add_path(b24_bctx *c, b24_params *root, const char *path, int line) {
  b24_params *ps = root;
  for (const char *s = path; *s;) {
    const char *e = strchr(s, '.');
    size_t n = e ? (size_t)(e - s) : strlen(s);
    size_t cap = ps->n;
    b24_param *p = child_named(c, ps, &cap, s, n, line);
    if (e && !p->type.n_alts) set_kind(c, p, "object");
    ps = &p->children;
    s = e ? e + 1 : s + n;
  }
}

static void paths_in(b24_bctx *c, const b24_block *b, b24_params *root) {
  cmark_iter *it = cmark_iter_new(b->node);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node *n = cmark_iter_get_node(it);
    if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_CODE &&
        payload_path(cmark_node_get_literal(n)))
      add_path(c, root, cmark_node_get_literal(n), b24_block_node_line(b, n));
  }
  cmark_iter_free(it);
}

/* "The handler receives no data", "Обработчик не получает данных". */
static int says_no_data(const char *t) {
  static const char *const w[] = {"receives no data", "no data is passed", "no data is sent",
                                  "receives nothing", "passes no data", "не получает данных",
                                  "ничего не получает", "данные не передаются"};
  char *low = strdup(t);
  if (!low) abort();
  b24_lower_utf8(low);
  int yes = 0;
  for (size_t i = 0; i < sizeof w / sizeof *w && !yes; i++) yes = strstr(low, w[i]) != NULL;
  free(low);
  return yes;
}

void b24_event_payload_from_text(b24_bctx *c, b24_block **bl, size_t n, b24_event *ev) {
  if (json_is_object(ev->example)) {
    from_json(c, ev->example, &ev->payload, ev->example_loc.line, 0);
    ev->payload_from = "example";
    return;
  }
  for (size_t i = 0; i < n; i++) {
    const b24_block *b = bl[i];
    if (b->kind != B24_BLK_PARAGRAPH && b->kind != B24_BLK_LIST) continue;
    paths_in(c, b, &ev->payload);
    char *t = b24_node_plain_text(b->node);
    if (says_no_data(t)) ev->payload_from = "none";
    free(t);
  }
  if (ev->payload.n) ev->payload_from = "text";
}
