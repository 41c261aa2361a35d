#include "mock/validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/buf.h"
#include "util/jsonschema.h"

static const b24_param *documented(const b24_params *ps, const char *key, int ignore_case) {
  for (size_t i = 0; i < ps->n; i++)
    if (!ps->items[i].wildcard &&
        !(ignore_case ? strcasecmp(ps->items[i].name, key) : strcmp(ps->items[i].name, key)))
      return &ps->items[i];
  return NULL;
}

/* The portal's PHP reads parameters case-insensitively on most methods (the docs
 * of crm.deal.get name `id`, its example sends `ID`), and PHP's json_decode of
 * `[]` is the same empty array as of `{}`. Goes over the request's keys (a
 * handful), looking each up in the schema's properties when there are any. */
static void normalize(const b24_params *ps, const json_t *props, json_t *params) {
  const char *key;
  json_t *val;
  const char *renames[16];
  size_t n_renames = 0;
  json_object_foreach(params, key, val) {
    const b24_param *p = props ? (json_object_get(props, key) ? documented(ps, key, 0) : NULL)
                               : documented(ps, key, 0);
    if (!p && (!props || !json_object_get(props, key))) {
      const b24_param *q = documented(ps, key, 1);
      if (q && !json_object_get(params, q->name) && n_renames < 16) renames[n_renames++] = key;
      continue;
    }
    if (p && json_is_array(val) && json_array_size(val) == 0 && p->type.n_alts &&
        !strcmp(p->type.alts[0].base, "object") && !p->type.alts[0].array)
      json_object_set_new(params, key, json_object());
  }
  for (size_t i = 0; i < n_renames; i++) {
    char *k = strdup(renames[i]);
    const b24_param *q = documented(ps, k, 1);
    json_t *v = json_incref(json_object_get(params, k));
    json_object_del(params, k);
    json_object_set_new(params, q->name, v);
    free(k);
  }
}

/* "#/fields/SORT" -> "fields.SORT" (RFC 6901 escapes undone), then "." + extra. */
static void pointer_to_path(const char *ptr, size_t n, const char *extra, char *out, size_t cap) {
  b24_buf b = B24_BUF_INIT;
  b24_buf_puts(&b, "");
  for (size_t i = 1; i < n; i++) { /* skip '#' */
    if (ptr[i] == '/') {
      if (b.len) b24_buf_putc(&b, '.');
    } else if (ptr[i] == '~' && i + 1 < n && (ptr[i + 1] == '0' || ptr[i + 1] == '1')) {
      b24_buf_putc(&b, ptr[i + 1] == '0' ? '~' : '/');
      i++;
    } else b24_buf_putc(&b, ptr[i]);
  }
  if (extra) {
    if (b.len) b24_buf_putc(&b, '.');
    b24_buf_puts(&b, extra);
  }
  snprintf(out, cap, "%s", b.data);
  b24_buf_free(&b);
}

/* The documented type of the parameter at a dotted path (array indices skipped). */
static const char *type_at(const b24_params *ps, const char *path) {
  const b24_param *found = NULL;
  char seg[256];
  while (*path && ps) {
    size_t n = strcspn(path, ".");
    snprintf(seg, sizeof seg, "%.*s", (int)n, path);
    path += n + (path[n] == '.');
    if (seg[0] >= '0' && seg[0] <= '9' && found) continue;
    found = NULL;
    for (size_t i = 0; i < ps->n; i++)
      if (!strcmp(ps->items[i].name, seg)) found = &ps->items[i];
    if (!found) return "";
    ps = &found->children;
  }
  return found && found->type.written ? found->type.written : "";
}

static const char MISSING_PREFIX[] = "required property \"";

/* Is a validator finding one that PHP, which reads the request, does not see?
 * PHP has one array type for JSON objects and arrays, and reads an integer where
 * a string is documented as its digits. Such findings are dropped: the docs' own
 * examples send `"filter": {...}` for a documented `array`, 796 for a string
 * code. Other numbers for a string stay wrong (0.5 for a currency code). */
static int php_reads_alike(const char *msg, size_t n) {
  static const char expected[] = "expected ";
  const char *got = NULL;
  for (size_t i = 0; i + 6 <= n; i++)
    if (!strncmp(msg + i, ", got ", 6)) got = msg + i;
  if (strncmp(msg, expected, sizeof expected - 1) || !got) return 0;
  char want[160], is[32];
  snprintf(want, sizeof want, " %.*s ", (int)(got - msg - (sizeof expected - 1)),
           msg + sizeof expected - 1);
  snprintf(is, sizeof is, "%.*s", (int)(n - (size_t)(got + 6 - msg)), got + 6);
  if (!strcmp(is, "object")) return strstr(want, " array ") != NULL;
  if (!strcmp(is, "array")) return strstr(want, " object ") != NULL;
  if (!strcmp(is, "integer")) return strstr(want, " string ") != NULL;
  return 0;
}

/* The validator's words for a value outside an enum (jsonschema.c). */
static int is_enum_finding(const char *msg, const char *nl) {
  static const char words[] = "is not one of the allowed values";
  const char *hit = strstr(msg, words);
  return hit && (!nl || hit < nl);
}

mock_violation_kind mock_validate(const b24_method *meth, const json_t *schema, json_t *params,
                                  int checks, mock_violation *v) {
  memset(v, 0, sizeof *v);
  normalize(&meth->params, json_object_get(schema, "properties"), params);
  if (!checks || !schema) return MOCK_VALID;
  b24_buf errors = B24_BUF_INIT;
  if (!b24_jsonschema_validate_ex(schema, params, B24_JSONSCHEMA_FORM_SCALARS, &errors)) {
    b24_buf_free(&errors);
    return MOCK_VALID;
  }
  /* Lines "#<pointer>: <message>": the first missing one, else the first other. */
  const char *first_other = NULL;
  for (const char *line = errors.data; line && *line;) {
    const char *nl = strchr(line, '\n');
    const char *colon = strstr(line, ": ");
    if (colon && (!nl || colon < nl)) {
      const char *msg = colon + 2;
      if (!strncmp(msg, MISSING_PREFIX, sizeof MISSING_PREFIX - 1)) {
        if (checks & MOCK_CHECK_REQUIRED) {
          const char *name = msg + sizeof MISSING_PREFIX - 1;
          const char *q = strchr(name, '"');
          char prop[128];
          snprintf(prop, sizeof prop, "%.*s", q ? (int)(q - name) : 0, name);
          v->kind = MOCK_MISSING;
          pointer_to_path(line, (size_t)(colon - line), prop, v->field, sizeof v->field);
          break;
        }
      } else if (!first_other && (checks & MOCK_CHECK_TYPES) &&
                 !php_reads_alike(msg, nl ? (size_t)(nl - msg) : strlen(msg)) &&
                 ((checks & MOCK_CHECK_ENUMS) || !is_enum_finding(msg, nl)))
        first_other = line;
    }
    line = nl ? nl + 1 : NULL;
  }
  if (!v->kind && first_other) {
    v->kind = MOCK_WRONG_TYPE;
    pointer_to_path(first_other, (size_t)(strstr(first_other, ": ") - first_other), NULL,
                    v->field, sizeof v->field);
    snprintf(v->type, sizeof v->type, "%s", type_at(&meth->params, v->field));
    const char *msg = strstr(first_other, ": ") + 2;
    snprintf(v->finding, sizeof v->finding, "%.*s", (int)strcspn(msg, "\n"), msg);
  }
  b24_buf_free(&errors);
  return v->kind;
}

static int is_int_text(const char *s) {
  if (*s == '-') s++;
  if (*s < '0' || *s > '9') return 0;
  while (*s >= '0' && *s <= '9') s++;
  return *s == 0;
}

long long mock_id_value(const json_t *v) {
  if (json_is_integer(v)) return json_integer_value(v);
  if (json_is_real(v) && json_real_value(v) >= 0 && json_real_value(v) < 9e15)
    return (long long)json_real_value(v);
  if (json_is_string(v) && is_int_text(json_string_value(v)))
    return strtoll(json_string_value(v), NULL, 10);
  return -1;
}
