/* Event payload schemas as files: schemas/events/<name>.json, one per event that
 * has a payload table (schema/event_schema.h derives them). */
#include <stdlib.h>

#include "gen/gen.h"
#include "schema/event_schema.h"
#include "util/buf.h"

int b24_gen_event_schemas(const b24_model *m, b24_outputs *o) {
  for (size_t i = 0; i < m->n_events; i++) {
    const b24_event *e = &m->events[i];
    if (!e->payload.n || !b24_event_is_first(m, e)) continue;
    char *stem = b24_event_stem(e);
    b24_buf path = B24_BUF_INIT;
    b24_buf_printf(&path, "schemas/events/%s.json", stem);
    json_t *s = b24_schema_for_event(m, e);
    b24_outputs_add_json(o, path.data, s);
    json_decref(s);
    b24_buf_free(&path);
    free(stem);
  }
  return 0;
}
