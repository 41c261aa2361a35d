/* Event pages checked as method pages are: the payload example against the
 * payload table, through the payload's JSON Schema (schema/event_schema.h). An
 * unreadable example and a handler section without a table are reported by the
 * model builder (event-example, event-payload). */
#include <stdlib.h>
#include <string.h>

#include "lint/lint_internal.h"
#include "schema/event_schema.h"
#include "util/buf.h"
#include "util/jsonschema.h"

/* At most this many schema errors are quoted in one finding. */
enum { QUOTED_ERRORS = 3 };

/* The finding moves to the key the first error is about ("#/data/CONNECTOR:
 * ..." -> "CONNECTOR" in the example, as JSON or as print_r's [CONNECTOR]). */
static void place_first_error(b24_lint_ctx *c, const char *errs) {
  const char *colon = errs ? strchr(errs, ':') : NULL;
  if (!colon || errs[0] != '#') return;
  const char *seg = NULL, *end = colon;
  for (const char *s = errs; s < colon; s++)
    if (*s == '/' && s + 1 < colon && !(s[1] >= '0' && s[1] <= '9')) seg = s + 1;
  if (!seg) return;
  for (const char *s = seg; s < colon; s++)
    if (*s == '/') {
      end = s;
      break;
    }
  b24_buf q = B24_BUF_INIT;
  b24_buf_printf(&q, "\"%.*s\"", (int)(end - seg), seg);
  if (!b24_lint_at_row(c, b24_buf_cstr(&q), 0)) {
    b24_buf_clear(&q);
    b24_buf_printf(&q, "[%.*s]", (int)(end - seg), seg);
    b24_lint_at_row(c, b24_buf_cstr(&q), 0);
  }
  b24_buf_free(&q);
}

/* The parameter at a schema error's pointer ("#/data/DATA/0/connector"):
 * names looked up level by level, array indexes skipped. */
static const b24_param *param_at(const b24_params *ps, const char *ptr, size_t n) {
  const b24_param *p = NULL;
  for (size_t i = 2; i < n && ps;) { /* after "#/" */
    size_t j = i;
    while (j < n && ptr[j] != '/') j++;
    if (!(ptr[i] >= '0' && ptr[i] <= '9')) {
      p = NULL;
      for (size_t k = 0; k < ps->n && !p; k++)
        if (strlen(ps->items[k].name) == j - i && !strncmp(ps->items[k].name, ptr + i, j - i))
          p = &ps->items[k];
      if (!p) return NULL;
      ps = &p->children;
    }
    i = j + 1;
  }
  return p;
}

static int has_child(const b24_param *p, const char *name) {
  for (size_t i = 0; i < p->children.n; i++)
    if (!strcmp(p->children.items[i].name, name)) return 1;
  return 0;
}

/* Errors the method rules would not raise either: an object where the table
 * says `array` (PHP's associative array is a JSON object), and a scalar row
 * that the model gave fields from a section meant for another parameter of
 * that name ("Parameter connector" of DATA[] matched to CONNECTOR): the row's
 * own type is what the table says; and a missing "required" field of a
 * parameter whose fields hold itself (DATA[] given the fields of its parent
 * data: CONNECTOR, LINE, DATA), which no table means; and a payload that is
 * no object at all (a JS callback's argument, callback(true), which the table
 * names eventData): the table describes it by position. The lines kept go to
 * out; their count. */
static int real_errors(const b24_event *e, const char *errs, b24_buf *out) {
  int n = 0;
  for (const char *s = errs; s && *s;) {
    const char *nl = strchr(s, '\n');
    size_t len = nl ? (size_t)(nl - s) : strlen(s);
    char *line = strndup(s, len);
    const char *colon = strchr(line, ':');
    const b24_param *p = line[0] == '#' && colon ? param_at(&e->payload, line, (size_t)(colon - line)) : NULL;
    int lenient = strstr(line, "expected array, got object") ||
                  (p && p->children.n && b24_lint_scalar_type(&p->type)) ||
                  (p && strstr(line, "required property") && has_child(p, p->name)) ||
                  (!strncmp(line, "#: expected object", 18) && !json_is_object(e->example));
    if (!lenient) {
      b24_buf_puts(out, line);
      b24_buf_putc(out, '\n');
      n++;
    }
    free(line);
    s = nl ? nl + 1 : NULL;
  }
  return n;
}

void b24_rules_events(b24_lint_ctx *c) {
  for (size_t i = 0; i < c->m->n_events; i++) {
    const b24_event *e = &c->m->events[i];
    if (!e->example || !e->payload.n) continue;
    json_t *schema = b24_schema_for_event(c->m, e);
    b24_buf errs = B24_BUF_INIT;
    int all = b24_jsonschema_validate_ex(schema, e->example, B24_JSONSCHEMA_FORM_SCALARS, &errs);
    b24_buf kept = B24_BUF_INIT;
    int n = all > 0 ? real_errors(e, errs.data, &kept) : 0;
    b24_buf_free(&errs);
    errs = kept;
    if (n > 0) {
      /* the first few error lines, joined */
      b24_buf quoted = B24_BUF_INIT;
      const char *s = errs.data;
      for (int k = 0; k < QUOTED_ERRORS && s && *s; k++) {
        const char *nl = strchr(s, '\n');
        size_t len = nl ? (size_t)(nl - s) : strlen(s);
        if (quoted.len) b24_buf_puts(&quoted, "; ");
        b24_buf_put(&quoted, s, len);
        s = nl ? nl + 1 : NULL;
      }
      b24_lint_emit(c, "event-example-schema", e->source, e->example_loc.line,
                    "the payload example of %s does not match its table (%d error%s): %s%s", e->name,
                    n, n == 1 ? "" : "s", b24_buf_cstr(&quoted), n > QUOTED_ERRORS ? "; ..." : "");
      b24_buf_free(&quoted);
      place_first_error(c, errs.data);
    }
    b24_buf_free(&errs);
    json_decref(schema);
  }
}
