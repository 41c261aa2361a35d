/* suite/events.json: what `b24spec check --events-listen` needs to cause events
 * and judge their deliveries, from the model's events (docs/check.md, "Events"):
 * for every event a write method raises, the method, what it does, where the
 * payload names the object, and the payload's schema (schema/event_schema.h). */
#include <string.h>

#include "gen/gen.h"
#include "schema/event_schema.h"

#define EVENTS_FILE_VERSION 1

int b24_gen_suite_events(const b24_model *m, b24_outputs *o) {
  json_t *list = json_array();
  for (size_t i = 0; i < m->n_events; i++) {
    const b24_event *e = &m->events[i];
    if (strcmp(e->kind, "event") || !e->n_raised_by || !b24_event_is_first(m, e)) continue;
    json_t *raisers = json_array();
    for (size_t k = 0; k < e->n_raised_by; k++) {
      const b24_event_raiser *r = &e->raised_by[k];
      json_t *x = json_pack("{s:s,s:s}", "method", r->method, "action", r->action);
      if (r->id_key) json_object_set_new(x, "id_key", json_string(r->id_key));
      json_array_append_new(raisers, x);
    }
    json_array_append_new(list, json_pack("{s:s,s:s,s:i,s:o,s:o}", "name", e->name, "source",
                                          e->source, "line", e->line, "raised_by", raisers,
                                          "schema", b24_schema_for_event(m, e)));
  }
  if (!json_array_size(list)) {
    json_decref(list);
    return 0;
  }
  json_t *doc = json_pack("{s:i,s:o}", "events_version", EVENTS_FILE_VERSION, "events", list);
  b24_outputs_add_json(o, "suite/events.json", doc);
  json_decref(doc);
  return 0;
}
