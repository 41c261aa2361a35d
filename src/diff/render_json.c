/* The diff as JSON (docs/diff.md, docs/diff.schema.json): every change with its
 * id, tier and both locations. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "diff/render_common.h"
#include "util/json_text.h"

static json_t *side_json(const b24_side *s) {
  if (!s->file) return json_null();
  json_t *o = json_pack("{s:s, s:i}", "file", s->file, "line", s->line);
  if (s->value) json_object_set_new(o, "value", json_string(s->value));
  return o;
}

static json_t *summary_json(const b24_diff_report *r) {
  size_t n[B24_TIER_COUNT], accepted;
  b24_changes_count(&r->changes, n, &accepted);
  json_t *s = json_object();
  for (int t = 0; t < B24_TIER_COUNT; t++)
    json_object_set_new(s, b24_tier_name((b24_tier)t), json_integer((json_int_t)n[t]));
  json_object_set_new(s, "accepted", json_integer((json_int_t)accepted));
  json_object_set_new(s, "input_errors", json_integer((json_int_t)r->n_errors));
  return s;
}

static json_t *change_json(const b24_change *c) {
  json_t *o = json_object();
  const char *mod;
  size_t ml = b24_method_module(c->method, &mod);
  json_object_set_new(o, "id", json_string(c->id));
  json_object_set_new(o, "tier", json_string(b24_tier_name(c->tier)));
  json_object_set_new(o, "kind", json_string(b24_change_kind_id(c->kind)));
  json_object_set_new(o, "method", json_string(c->method));
  json_object_set_new(o, "module", json_stringn(mod, ml));
  json_object_set_new(o, "rest_version", json_integer(c->rest_version));
  json_object_set_new(o, "path", json_string(c->path));
  if (c->subject) json_object_set_new(o, "subject", json_string(c->subject));
  json_object_set_new(o, "message", json_string(c->message));
  json_object_set_new(o, "old", side_json(&c->old_side));
  json_object_set_new(o, "new", side_json(&c->new_side));
  if (c->accepted) {
    json_t *a = json_pack("{s:s, s:s}", "reason", c->accepted->reason, "source", c->accepted->source);
    if (c->accepted->expires) json_object_set_new(a, "expires", json_string(c->accepted->expires));
    json_object_set_new(o, "accepted", a);
  }
  return o;
}

void b24_diff_render_json(const b24_diff_report *r, b24_buf *out) {
  json_t *root = json_object();
  json_object_set_new(root, "version", json_integer(B24_DIFF_FORMAT_VERSION));
  json_object_set_new(root, "summary", summary_json(r));
  json_t *errs = json_array();
  for (size_t i = 0; i < r->n_errors; i++)
    json_array_append_new(errs, json_pack("{s:s, s:s, s:i, s:s}", "side", r->errors[i].side, "file",
                                          r->errors[i].file, "line", r->errors[i].line, "message",
                                          r->errors[i].message));
  json_object_set_new(root, "input_errors", errs);
  json_t *a = json_array();
  for (size_t i = 0; i < r->changes.n; i++) json_array_append_new(a, change_json(&r->changes.v[i]));
  json_object_set_new(root, "changes", a);
  char *s = b24_json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
  b24_buf_puts(out, s);
  b24_buf_putc(out, '\n');
  free(s);
  json_decref(root);
}
