#include "mock/synth.h"

#include <string.h>

#include "util/jsonschema.h"

#define MAX_DEPTH 12

static json_t *instance(const json_t *root, const json_t *s, int depth);

static json_t *of_type(const json_t *root, const json_t *s, const char *type, int depth) {
  if (!strcmp(type, "object")) {
    json_t *o = json_object();
    const char *key;
    json_t *ps;
    json_object_foreach(json_object_get(s, "properties"), key, ps)
        json_object_set_new(o, key, instance(root, ps, depth + 1));
    return o;
  }
  if (!strcmp(type, "array")) {
    json_t *a = json_array();
    const json_t *max = json_object_get(s, "maxItems");
    const json_t *prefix = json_object_get(s, "prefixItems");
    size_t i;
    json_t *item;
    json_array_foreach(prefix, i, item) json_array_append_new(a, instance(root, item, depth + 1));
    const json_t *items = json_object_get(s, "items");
    if (!json_array_size(prefix) && json_is_object(items) && json_object_size(items) &&
        !(max && json_integer_value(max) == 0))
      json_array_append_new(a, instance(root, items, depth + 1));
    return a;
  }
  if (!strcmp(type, "integer")) return json_integer(1);
  if (!strcmp(type, "number")) return json_real(1.5);
  if (!strcmp(type, "boolean")) return json_true();
  if (!strcmp(type, "null")) return json_null();
  /* string: numeric patterns (numbers the portal writes as strings) get a number */
  const char *pattern = json_string_value(json_object_get(s, "pattern"));
  return json_string(pattern && strstr(pattern, "[0-9]") ? "1" : "");
}

static json_t *instance(const json_t *root, const json_t *s, int depth) {
  if (!json_is_object(s) || depth > MAX_DEPTH) return json_null();
  const json_t *v;
  if ((v = json_object_get(s, "$ref"))) {
    const json_t *target = b24_jsonschema_resolve_ref(root, json_string_value(v));
    return target ? instance(root, target, depth + 1) : json_null();
  }
  if ((v = json_object_get(s, "const"))) return json_deep_copy(v);
  if ((v = json_object_get(s, "enum")) && json_array_size(v)) return json_deep_copy(json_array_get(v, 0));
  static const char *const branches[] = {"oneOf", "anyOf", "allOf"};
  for (size_t i = 0; i < 3; i++)
    if ((v = json_object_get(s, branches[i])) && json_array_size(v) && !json_object_get(s, "type"))
      return instance(root, json_array_get(v, 0), depth + 1);
  v = json_object_get(s, "type");
  if (json_is_array(v) && json_array_size(v)) v = json_array_get(v, 0);
  if (json_is_string(v)) return of_type(root, s, json_string_value(v), depth);
  if (json_object_get(s, "properties")) return of_type(root, s, "object", depth);
  return json_null();
}

json_t *mock_instance_of(const json_t *root, const json_t *schema) {
  return instance(root, schema, 0);
}
