/* Event payload schemas (see event_schema.h). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "schema/event_schema.h"
#include "util/buf.h"

json_t *b24_schema_ctx_event(b24_schema_ctx *c, const b24_event *e) {
  json_t *s = b24_schema_ctx_object(c, &e->payload, B24_SCHEMA_RESULT);
  /* The payload is an object, even where the result side lets an empty PHP
   * array stand for one. */
  json_object_set_new(s, "type", json_string("object"));
  json_object_del(s, "items");
  json_object_del(s, "maxItems");
  json_t *props = json_object_get(s, "properties");
  json_t *opts = props ? json_object_get(props, "PLACEMENT_OPTIONS") : NULL;
  if (opts && !strcmp(e->kind, "placement")) {
    /* A widget's PLACEMENT_OPTIONS arrives as a JSON text in a form field: a
     * string whose content the table describes. */
    json_t *wire = json_pack("{s:s,s:s,s:O}", "type", "string", "contentMediaType",
                             "application/json", "contentSchema", opts);
    json_t *d = json_object_get(opts, "description");
    if (d) json_object_set(wire, "description", d);
    json_object_set_new(props, "PLACEMENT_OPTIONS", wire);
  }
  if (e->description && *e->description) json_object_set_new(s, "description", json_string(e->description));
  return s;
}

json_t *b24_schema_for_event(const b24_model *m, const b24_event *e) {
  b24_schema_ctx *c = b24_schema_ctx_new(m, "#/$defs/");
  json_t *body = b24_schema_ctx_event(c, e);
  b24_buf title = B24_BUF_INIT;
  b24_buf_printf(&title, "%s payload", e->name);
  json_t *doc = b24_schema_document(body, title.data, b24_schema_ctx_defs(c));
  b24_buf_free(&title);
  b24_schema_ctx_free(c);
  return doc;
}

char *b24_event_stem(const b24_event *e) {
  char *s = strdup(e->name);
  if (!s) abort();
  for (char *p = s; *p; p++)
    if (!isalnum((unsigned char)*p) && *p != '.' && *p != '_' && *p != '-') *p = '_';
  return s;
}

int b24_event_is_first(const b24_model *m, const b24_event *e) {
  size_t i = (size_t)(e - m->events);
  return i == 0 || i >= m->n_events || strcmp(m->events[i - 1].name, e->name) != 0;
}
