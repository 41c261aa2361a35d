/* OpenAPI 3.1 `webhooks`: one entry per event the portal POSTs (events and
 * widget placements with a payload table), its body form-encoded as the portal
 * sends it or JSON, both described by the payload schema under
 * components/schemas ("event.<name>"). */
#include <stdlib.h>
#include <string.h>

#include "gen/gen.h"
#include "schema/event_schema.h"
#include "util/buf.h"

static json_t *webhook_operation(const b24_event *e, const char *ref) {
  json_t *schema = json_pack("{s:s}", "$ref", ref);
  json_t *content = json_pack("{s:{s:O},s:{s:O}}", "application/x-www-form-urlencoded", "schema",
                              schema, "application/json", "schema", schema);
  json_decref(schema);
  b24_buf id = B24_BUF_INIT, doc = B24_BUF_INIT;
  b24_buf_printf(&id, "event.%s", e->name);
  b24_buf_printf(&doc, "%s (line %d)", e->source, e->line);
  json_t *op = json_object();
  json_object_set_new(op, "operationId", json_string(id.data));
  if (e->title) json_object_set_new(op, "summary", json_string(e->title));
  if (e->description && *e->description)
    json_object_set_new(op, "description", json_string(e->description));
  json_object_set_new(op, "tags", json_pack("[s]", !strcmp(e->kind, "event") ? "events" : "placements"));
  json_object_set_new(op, "requestBody", json_pack("{s:b,s:o}", "required", 1, "content", content));
  json_object_set_new(op, "responses",
                      json_pack("{s:{s:s}}", "200", "description",
                                "The handler took the event (the portal does not send it again)"));
  json_object_set_new(op, "x-b24-source", json_string(doc.data));
  b24_buf_free(&id);
  b24_buf_free(&doc);
  return op;
}

void b24_openapi_webhooks(const b24_model *m, b24_schema_ctx *c, json_t *schemas, json_t *doc) {
  json_t *hooks = json_object();
  for (size_t i = 0; i < m->n_events; i++) {
    const b24_event *e = &m->events[i];
    if (!e->payload.n || !strcmp(e->kind, "js") || !b24_event_is_first(m, e)) continue;
    b24_buf key = B24_BUF_INIT, ref = B24_BUF_INIT;
    b24_buf_printf(&key, "event.%s", e->name);
    b24_buf_printf(&ref, "#/components/schemas/%s", key.data);
    json_object_set_new(schemas, key.data, b24_schema_ctx_event(c, e));
    json_object_set_new(hooks, e->name, json_pack("{s:o}", "post", webhook_operation(e, ref.data)));
    b24_buf_free(&key);
    b24_buf_free(&ref);
  }
  if (json_object_size(hooks)) json_object_set_new(doc, "webhooks", hooks);
  else json_decref(hooks);
}
