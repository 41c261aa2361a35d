/* The diff as text (compiler-like, one change a line), JSON, and Markdown for
 * release notes and pull-request comments. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "diff/diff.h"

static const char *method_label(const b24_change *c, char *buf, size_t n) {
  snprintf(buf, n, "%s%s", c->method, c->rest_version == 3 ? " (REST 3.0)" : "");
  return buf;
}

/* The location a change is reported at: NEW where it exists, else OLD. */
static const b24_side *where(const b24_change *c) {
  return c->new_side.file ? &c->new_side : &c->old_side;
}

void b24_diff_render_text(const b24_changes *cs, b24_buf *out) {
  char m[256];
  for (size_t i = 0; i < cs->n; i++) {
    const b24_change *c = &cs->v[i];
    const b24_side *w = where(c);
    b24_buf_printf(out, "%s:%d: %s: %s: %s [%s]", w->file ? w->file : "-", w->line,
                   b24_change_class_name(c->cls), method_label(c, m, sizeof m), c->message,
                   b24_change_kind_id(c->kind));
    if (w == &c->new_side && c->old_side.file)
      b24_buf_printf(out, " (was %s:%d)", c->old_side.file, c->old_side.line);
    b24_buf_putc(out, '\n');
  }
  size_t n[3];
  b24_changes_count(cs, n);
  b24_buf_printf(out, "%zu breaking, %zu compatible, %zu notes\n", n[0], n[1], n[2]);
}

static json_t *side_json(const b24_side *s) {
  if (!s->file) return json_null();
  json_t *o = json_pack("{s:s, s:i}", "file", s->file, "line", s->line);
  if (s->value) json_object_set_new(o, "value", json_string(s->value));
  return o;
}

void b24_diff_render_json(const b24_changes *cs, b24_buf *out) {
  size_t n[3];
  b24_changes_count(cs, n);
  json_t *root = json_object();
  json_object_set_new(root, "version", json_integer(1));
  json_object_set_new(root, "summary", json_pack("{s:I, s:I, s:I}", "breaking", (json_int_t)n[0],
                                                 "compatible", (json_int_t)n[1], "note", (json_int_t)n[2]));
  json_t *a = json_array();
  for (size_t i = 0; i < cs->n; i++) {
    const b24_change *c = &cs->v[i];
    json_t *o = json_object();
    json_object_set_new(o, "class", json_string(b24_change_class_name(c->cls)));
    json_object_set_new(o, "kind", json_string(b24_change_kind_id(c->kind)));
    json_object_set_new(o, "method", json_string(c->method));
    json_object_set_new(o, "rest_version", json_integer(c->rest_version));
    json_object_set_new(o, "path", json_string(c->path));
    json_object_set_new(o, "message", json_string(c->message));
    json_object_set_new(o, "old", side_json(&c->old_side));
    json_object_set_new(o, "new", side_json(&c->new_side));
    json_array_append_new(a, o);
  }
  json_object_set_new(root, "changes", a);
  char *s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
  b24_buf_puts(out, s);
  b24_buf_putc(out, '\n');
  free(s);
  json_decref(root);
}

/* Markdown cell text: pipes and line breaks would break the table. */
static void md_text(b24_buf *out, const char *s) {
  for (; *s; s++) {
    if (*s == '|') b24_buf_puts(out, "\\|");
    else if (*s == '\n') b24_buf_putc(out, ' ');
    else if (*s == '<') b24_buf_puts(out, "&lt;");
    else b24_buf_putc(out, *s);
  }
}

void b24_diff_render_markdown(const b24_changes *cs, b24_buf *out) {
  size_t n[3];
  b24_changes_count(cs, n);
  b24_buf_puts(out, "## API changes\n\n| breaking | compatible | notes |\n| ---: | ---: | ---: |\n");
  b24_buf_printf(out, "| %zu | %zu | %zu |\n", n[0], n[1], n[2]);
  static const char *const titles[3] = {"Breaking changes", "Compatible changes", "Notes"};
  char m[256];
  for (int cls = 0; cls < 3; cls++) {
    if (!n[cls]) continue;
    b24_buf_printf(out, "\n### %s\n", titles[cls]);
    const char *last = NULL;
    int last_v = 0;
    for (size_t i = 0; i < cs->n; i++) {
      const b24_change *c = &cs->v[i];
      if ((int)c->cls != cls) continue;
      if (!last || strcmp(last, c->method) || last_v != c->rest_version) {
        b24_buf_printf(out, "\n**`%s`**\n\n", method_label(c, m, sizeof m));
        last = c->method;
        last_v = c->rest_version;
      }
      const b24_side *w = where(c);
      b24_buf_puts(out, "- ");
      md_text(out, c->message);
      b24_buf_printf(out, " (`%s`, %s:%d)\n", b24_change_kind_id(c->kind), w->file ? w->file : "-", w->line);
    }
  }
  if (!cs->n) b24_buf_puts(out, "\nNo changes.\n");
}
