/* The schemas generator: one params and one result schema file per method, and
 * the shared error envelope and time object (see schema/schema.h for how the
 * schemas are derived; this file only lays them out as files). */
#include <stdlib.h>

#include "gen/gen.h"
#include "schema/schema.h"
#include "util/buf.h"

int b24_gen_schemas(const b24_model *m, b24_outputs *o) {
  for (size_t i = 0; i < m->n_methods; i++) {
    const b24_method *meth = &m->methods[i];
    char *stem = b24_schema_stem(meth);
    b24_buf path = B24_BUF_INIT;
    json_t *params = b24_schema_for_params(m, meth), *result = b24_schema_for_result(m, meth);
    b24_buf_printf(&path, "schemas/%s.params.json", stem);
    b24_outputs_add_json(o, path.data, params);
    b24_buf_clear(&path);
    b24_buf_printf(&path, "schemas/%s.result.json", stem);
    b24_outputs_add_json(o, path.data, result);
    json_decref(params);
    json_decref(result);
    b24_buf_free(&path);
    free(stem);
  }
  json_t *err = b24_schema_document(b24_schema_error_envelope(), "error", NULL);
  json_t *time = b24_schema_document(b24_schema_time(), "time", NULL);
  b24_outputs_add_json(o, "schemas/error.json", err);
  b24_outputs_add_json(o, "schemas/time.json", time);
  json_decref(err);
  json_decref(time);
  return b24_gen_event_schemas(m, o);
}
