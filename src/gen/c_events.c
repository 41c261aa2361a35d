/* C decoders of event payloads: for each event (and widget placement) with a
 * payload table, a struct per object of the payload and a decoder that reads the
 * handler's body (form-encoded as the portal sends it, or JSON: b24/event.h of the
 * runtime) into it. They form their own library, b24events, under c/events/, next
 * to the method stubs and independent of them; a registry finds a decoder by the
 * event's name. Nothing is written when the model has no events. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "gen/c_names.h"
#include "gen/c_text.h"
#include "gen/gen.h"
#include "schema/event_schema.h"
#include "util/buf.h"

typedef enum { M_STRUCT, M_INT, M_DOUBLE, M_BOOL, M_STR, M_JSON } member_kind;

static int is_word(const b24_param *p, const char *const *words) {
  if (p->type.n_alts != 1 || p->type.alts[0].array) return 0;
  for (; *words; words++)
    if (!strcmp(p->type.alts[0].base, *words)) return 1;
  return 0;
}

static member_kind kind_of(const b24_param *p) {
  static const char *const ints[] = {"integer", "int", NULL};
  static const char *const doubles[] = {"double", "number", "float", NULL};
  static const char *const bools[] = {"boolean", "bool", NULL};
  static const char *const objects[] = {"object", "array", "any", NULL};
  static const char *const lists[] = {"array", NULL};
  int array = p->type.n_alts && p->type.alts[0].array;
  /* `array` with fields is a list of such items (DATA: [{connector, ...}]) or
   * PHP's keyed array: the JSON itself, either way */
  if (p->children.n && !array && !is_word(p, lists) && !p->n_variants) return M_STRUCT;
  if (is_word(p, ints)) return M_INT;
  if (is_word(p, doubles)) return M_DOUBLE;
  if (is_word(p, bools)) return M_BOOL;
  if (array || p->children.n || p->n_variants || is_word(p, objects) || p->type.n_alts > 1)
    return M_JSON;
  return M_STR;
}

/* One event's output: the header and the source, written side by side. */
typedef struct emit {
  b24_buf *h, *c;
  const char *prefix; /* b24_event_oncrmdealadd */
} emit;

static int skipped(const b24_param *p) { return p->wildcard || !*p->name; }

/* The C names of a list's members, unique within the struct. */
static char **member_names(const b24_params *ps) {
  char **names = calloc(ps->n + 1, sizeof *names);
  c_names taken;
  c_names_init(&taken);
  c_names_add(&taken, "raw");
  for (size_t i = 0; i < ps->n; i++) {
    if (skipped(&ps->items[i])) continue;
    char *want = c_ident(ps->items[i].name);
    names[i] = c_names_take(&taken, want);
    free(want);
  }
  c_names_free(&taken);
  return names;
}

static void free_names(char **names, size_t n) {
  for (size_t i = 0; i < n; i++) free(names[i]);
  free(names);
}

static void member_comment(b24_buf *h, const b24_param *p) {
  b24_buf t = B24_BUF_INIT;
  b24_buf_printf(&t, "%s (%s%s)", p->name, p->type.written && *p->type.written ? p->type.written : "untyped",
                 p->required ? ", required" : "");
  if (p->description && *p->description) b24_buf_printf(&t, ": %s", p->description);
  if (kind_of(p) == M_JSON) b24_buf_puts(&t, "\nBorrowed from raw: any JSON value, NULL when absent.");
  else if (kind_of(p) == M_STR) b24_buf_puts(&t, "\nBorrowed from raw; NULL when absent.");
  c_text_comment_block(h, t.data, "  ");
  b24_buf_free(&t);
}

/* The struct of one object (children first, so that each type is complete where a
 * parent embeds it) and the static reader that fills it. */
static void emit_object(emit *e, const b24_params *ps, const char *type, const char *what) {
  char **names = member_names(ps);
  for (size_t i = 0; i < ps->n; i++) {
    if (!names[i] || kind_of(&ps->items[i]) != M_STRUCT) continue;
    b24_buf sub = B24_BUF_INIT, subwhat = B24_BUF_INIT;
    b24_buf_printf(&sub, "%s_%s", type, names[i]);
    b24_buf_printf(&subwhat, "%s.%s", what, ps->items[i].name);
    emit_object(e, &ps->items[i].children, sub.data, subwhat.data);
    b24_buf_free(&sub);
    b24_buf_free(&subwhat);
  }
  b24_buf_printf(e->h, "/** The object %s of the payload. */\ntypedef struct %s {\n", what, type);
  b24_buf rd = B24_BUF_INIT;
  int members = 0, checks = 0, child = 0;
  for (size_t i = 0; i < ps->n; i++) {
    const b24_param *p = &ps->items[i];
    if (!names[i]) continue;
    members++;
    member_comment(e->h, p);
    b24_buf key = B24_BUF_INIT, path = B24_BUF_INIT;
    c_text_string(&key, p->name);
    b24_buf_printf(&path, "%s.%s", what, p->name);
    b24_buf spath = B24_BUF_INIT;
    c_text_string(&spath, path.data);
    member_kind k = kind_of(p);
    switch (k) {
    case M_STRUCT:
      child = checks = 1;
      b24_buf_printf(e->h, "  %s_%s %s;\n", type, names[i], names[i]);
      b24_buf_printf(&rd, "  if (b24_event_member_object(o, %s, %s, err, errlen, &child) ||\n"
                          "      (child && %s_%s_read(child, &out->%s, err, errlen)))\n    return -1;\n",
                     key.data, spath.data, type, names[i], names[i]);
      break;
    case M_INT:
    case M_DOUBLE:
    case M_BOOL: {
      checks = 1;
      const char *t = k == M_INT ? "int" : k == M_DOUBLE ? "double" : "bool";
      b24_buf_printf(e->h, "  b24_opt_%s %s;\n", t, names[i]);
      b24_buf_printf(&rd, "  if (b24_json_get_%s(o, %s, &out->%s))\n"
                          "    return b24_event_drift(err, errlen, %s, \"%s\");\n",
                     t, key.data, names[i], spath.data,
                     k == M_INT ? "an integer" : k == M_DOUBLE ? "a number" : "a boolean");
      break;
    }
    case M_STR:
      b24_buf_printf(e->h, "  const char *%s;\n", names[i]);
      b24_buf_printf(&rd, "  out->%s = json_string_value(json_object_get(o, %s));\n", names[i], key.data);
      break;
    case M_JSON:
      b24_buf_printf(e->h, "  const json_t *%s;\n", names[i]);
      b24_buf_printf(&rd, "  out->%s = json_object_get(o, %s);\n", names[i], key.data);
      break;
    }
    b24_buf_free(&key);
    b24_buf_free(&path);
    b24_buf_free(&spath);
  }
  if (!members) b24_buf_puts(e->h, "  char unused; /**< the table names no member */\n");
  b24_buf_printf(e->h, "} %s;\n\n", type);
  b24_buf_printf(e->c, "static int %s_read(json_t *o, %s *out, char *err, size_t errlen) {\n",
                 type, type);
  if (!checks) b24_buf_puts(e->c, "  (void)err;\n  (void)errlen;\n");
  if (!members) b24_buf_puts(e->c, "  (void)o;\n  (void)out;\n");
  if (child) b24_buf_puts(e->c, "  json_t *child;\n");
  b24_buf_puts(e->c, b24_buf_cstr(&rd));
  b24_buf_puts(e->c, "  return 0;\n}\n\n");
  b24_buf_free(&rd);
  free_names(names, ps->n);
}

static void emit_event(b24_outputs *o, const b24_event *ev, const char *file) {
  b24_buf h = B24_BUF_INIT, c = B24_BUF_INIT, body = B24_BUF_INIT, path = B24_BUF_INIT;
  b24_buf prefix = B24_BUF_INIT, guard = B24_BUF_INIT;
  b24_buf_printf(&prefix, "b24_event_%s", file);
  for (const char *p = prefix.data; *p; p++) b24_buf_putc(&guard, (char)toupper((unsigned char)*p));
  emit e = {&h, &body, prefix.data};
  b24_buf_printf(&h, "/* Generated by b24spec from %s (line %d). Do not edit. */\n", ev->source, ev->line);
  b24_buf_printf(&h, "#ifndef %s_H\n#define %s_H\n#include <b24/events_support.h>\n\n"
                     "#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n", guard.data, guard.data);
  b24_buf root = B24_BUF_INIT;
  b24_buf_printf(&root, "%s_payload", prefix.data);
  emit_object(&e, &ev->payload, root.data, ev->name);
  b24_buf doc = B24_BUF_INIT;
  b24_buf_printf(&doc, "%s: %s\n", ev->name, ev->title ? ev->title : "");
  if (ev->description && *ev->description) b24_buf_printf(&doc, "%s\n", ev->description);
  b24_buf_puts(&doc, "Strings and JSON members are borrowed from raw and live until "
                     "the free function is called.");
  c_text_comment_block(&h, doc.data, "");
  b24_buf_printf(&h, "typedef struct %s {\n  %s payload;\n"
                     "  /** The decoded body (owned): what the members point into. */\n"
                     "  json_t *raw;\n} %s;\n\n",
                 prefix.data, root.data, prefix.data);
  b24_buf_printf(&h, "/** Decodes a handler's body (form-encoded or JSON, see b24/event.h) into *out.\n"
                     " * 0 on success; -1 with a message in err when the body cannot be read or a\n"
                     " * member is not of its documented type (*out is then empty). Free *out with\n"
                     " * %s_free either way. */\n"
                     "int %s_decode(const char *body, size_t len, const char *content_type, %s *out,\n"
                     "    char *err, size_t errlen);\n"
                     "/** Releases what a decode of *e holds; *e is left empty. */\n"
                     "void %s_free(%s *e);\n"
                     "/** The entry of b24_event_decoders for this event. */\n"
                     "extern const b24_event_decoder %s_decoder;\n\n"
                     "#ifdef __cplusplus\n}\n#endif\n#endif\n",
                 prefix.data, prefix.data, prefix.data, prefix.data, prefix.data, prefix.data);
  b24_buf_printf(&c, "/* Generated by b24spec from %s (line %d). Do not edit.\n"
                     " * %s: the payload's readers. */\n#include <string.h>\n\n#include <b24/events/%s.h>\n\n",
                 ev->source, ev->line, ev->name, file);
  b24_buf_puts(&c, body.data);
  b24_buf_printf(&c,
                 "int %s_decode(const char *body, size_t len, const char *content_type, %s *out,\n"
                 "    char *err, size_t errlen) {\n"
                 "  memset(out, 0, sizeof *out);\n"
                 "  out->raw = b24_event_body_decode(body, len, content_type, err, errlen);\n"
                 "  if (!out->raw) return -1;\n"
                 "  if (%s_read(out->raw, &out->payload, err, errlen)) {\n"
                 "    %s_free(out);\n    return -1;\n  }\n  return 0;\n}\n\n"
                 "void %s_free(%s *e) {\n  json_decref(e->raw);\n  memset(e, 0, sizeof *e);\n}\n\n"
                 "static int %s_decode_any(const char *body, size_t len, const char *content_type,\n"
                 "    void *out, char *err, size_t errlen) {\n"
                 "  return %s_decode(body, len, content_type, out, err, errlen);\n}\n\n"
                 "static void %s_free_any(void *e) { %s_free(e); }\n\n"
                 "const b24_event_decoder %s_decoder = {",
                 prefix.data, prefix.data, root.data, prefix.data, prefix.data, prefix.data,
                 prefix.data, prefix.data, prefix.data, prefix.data, prefix.data);
  c_text_string(&c, ev->name);
  b24_buf_printf(&c, ", sizeof(%s), %s_decode_any, %s_free_any};\n", prefix.data, prefix.data,
                 prefix.data);
  b24_buf_printf(&path, "c/events/include/b24/events/%s.h", file);
  size_t n = h.len;
  b24_outputs_add(o, path.data, b24_buf_take(&h), n);
  b24_buf_clear(&path);
  b24_buf_printf(&path, "c/events/src/%s.c", file);
  n = c.len;
  b24_outputs_add(o, path.data, b24_buf_take(&c), n);
  b24_buf_free(&path);
  b24_buf_free(&body);
  b24_buf_free(&prefix);
  b24_buf_free(&guard);
  b24_buf_free(&root);
  b24_buf_free(&doc);
}

static int decodable(const b24_model *m, const b24_event *ev) {
  return ev->payload.n && strcmp(ev->kind, "js") && b24_event_is_first(m, ev);
}

static const char SUPPORT_H[] =
    "/* Generated by b24spec. Do not edit.\n"
    " * What the event decoders share: the runtime's body decoding and token check\n"
    " * (b24/event.h), the lenient scalar readers (b24/decode.h), and the registry type. */\n"
    "#ifndef B24_EVENTS_SUPPORT_H\n#define B24_EVENTS_SUPPORT_H\n"
    "#include <stddef.h>\n#include <jansson.h>\n#include <b24/decode.h>\n#include <b24/event.h>\n\n"
    "#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n"
    "/** One event's decoder, for dispatch by name. */\n"
    "typedef struct b24_event_decoder {\n"
    "  const char *name;   /**< as the portal sends it: \"ONCRMDEALADD\" */\n"
    "  size_t size;        /**< of the event's struct */\n"
    "  /** Decodes into out (size bytes): see the event's own _decode. */\n"
    "  int (*decode)(const char *body, size_t len, const char *content_type, void *out, char *err,\n"
    "                size_t errlen);\n"
    "  /** Releases what decode left in out. */\n"
    "  void (*free)(void *out);\n"
    "} b24_event_decoder;\n\n"
    "/** The member key of o as an object: *child NULL when absent, null, \"\" or an empty\n"
    " * array (PHP's empty array). A string holding a JSON object (a widget's\n"
    " * PLACEMENT_OPTIONS) is parsed and put in its place in o, which then owns it. -1\n"
    " * with a message when the member is another value. */\n"
    "int b24_event_member_object(json_t *o, const char *key, const char *path, char *err,\n"
    "                            size_t errlen, json_t **child);\n"
    "/** Writes \"<path>: not <what>\" to err; returns -1. */\n"
    "int b24_event_drift(char *err, size_t errlen, const char *path, const char *what);\n\n"
    "#ifdef __cplusplus\n}\n#endif\n#endif\n";

static const char SUPPORT_C[] =
    "/* Generated by b24spec. Do not edit. */\n#include <stdio.h>\n\n#include <b24/events_support.h>\n\n"
    "int b24_event_drift(char *err, size_t errlen, const char *path, const char *what) {\n"
    "  if (err && errlen) snprintf(err, errlen, \"%s: not %s\", path, what);\n  return -1;\n}\n\n"
    "int b24_event_member_object(json_t *o, const char *key, const char *path, char *err,\n"
    "                            size_t errlen, json_t **child) {\n"
    "  json_t *v = json_object_get(o, key);\n"
    "  *child = NULL;\n"
    "  if (!v || json_is_null(v) || (json_is_string(v) && !json_string_length(v)) ||\n"
    "      (json_is_array(v) && !json_array_size(v)))\n    return 0;\n"
    "  if (json_is_string(v) && json_string_value(v)[0] == '{') {\n"
    "    json_t *parsed = json_loads(json_string_value(v), 0, NULL);\n"
    "    if (!json_is_object(parsed)) {\n      json_decref(parsed);\n"
    "      return b24_event_drift(err, errlen, path, \"an object in JSON\");\n    }\n"
    "    json_object_set_new(o, key, parsed);\n    v = parsed;\n  }\n"
    "  if (!json_is_object(v)) return b24_event_drift(err, errlen, path, \"an object\");\n"
    "  *child = v;\n  return 0;\n}\n";

static const char CMAKE[] =
    "# Generated by b24spec. Do not edit.\n"
    "# The event payload decoders as a library, b24events (C11), over the runtime b24rt:\n"
    "# a target b24rt when one exists (this directory added to the b24spec tree), else\n"
    "# the installed runtime found with pkg-config.\n"
    "cmake_minimum_required(VERSION 3.16)\nproject(b24events VERSION 0.1.0 LANGUAGES C)\n"
    "if(NOT TARGET b24rt)\n  find_package(PkgConfig REQUIRED)\n"
    "  pkg_check_modules(B24RT REQUIRED IMPORTED_TARGET b24rt)\n  set(B24EVENTS_RUNTIME PkgConfig::B24RT)\n"
    "else()\n  set(B24EVENTS_RUNTIME b24rt)\nendif()\n"
    "file(GLOB B24EVENTS_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/src/*.c)\n"
    "add_library(b24events ${B24EVENTS_SOURCES})\n"
    "target_include_directories(b24events PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/include)\n"
    "target_link_libraries(b24events PUBLIC ${B24EVENTS_RUNTIME})\n"
    "set_target_properties(b24events PROPERTIES C_STANDARD 11 C_STANDARD_REQUIRED ON C_EXTENSIONS OFF\n"
    "  UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE 64)\n";

static void add_text(b24_outputs *o, const char *path, const char *text) {
  b24_outputs_add(o, path, strdup(text), strlen(text));
}

/* The umbrella header with the registry, and its source. */
static void emit_registry(b24_outputs *o, const b24_model *m, char **files) {
  b24_buf h = B24_BUF_INIT, c = B24_BUF_INIT;
  b24_buf_puts(&h, "/* Generated by b24spec. Do not edit.\n"
                   " * Every event payload decoder, and the registry that finds one by name. */\n"
                   "#ifndef B24_EVENTS_H\n#define B24_EVENTS_H\n");
  b24_buf_puts(&c, "/* Generated by b24spec. Do not edit. */\n#include <b24/events.h>\n\n"
                   "const b24_event_decoder *const b24_event_decoders[] = {\n");
  size_t n = 0;
  for (size_t i = 0; i < m->n_events; i++) {
    if (!files[i]) continue;
    b24_buf_printf(&h, "#include <b24/events/%s.h>\n", files[i]);
    b24_buf_printf(&c, "    &b24_event_%s_decoder,\n", files[i]);
    n++;
  }
  b24_buf_printf(&h, "\n#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n"
                     "/** The decoders, in name order. */\n"
                     "extern const b24_event_decoder *const b24_event_decoders[];\n"
                     "#define B24_EVENT_DECODERS %zu\n"
                     "/** The decoder of the event named name (any case), or NULL. */\n"
                     "const b24_event_decoder *b24_event_decoder_find(const char *name);\n\n"
                     "#ifdef __cplusplus\n}\n#endif\n#endif\n",
                 n);
  b24_buf_puts(&c, "};\n\n"
                   "/* ASCII case-insensitive equality: event names are ASCII, and the C library's\n"
                   " * strcasecmp is POSIX, not C11. */\n"
                   "static int same_name(const char *a, const char *b) {\n"
                   "  for (;; a++, b++) {\n"
                   "    char x = *a >= 'a' && *a <= 'z' ? (char)(*a - 32) : *a;\n"
                   "    char y = *b >= 'a' && *b <= 'z' ? (char)(*b - 32) : *b;\n"
                   "    if (x != y) return 0;\n"
                   "    if (!x) return 1;\n"
                   "  }\n}\n\n"
                   "const b24_event_decoder *b24_event_decoder_find(const char *name) {\n"
                   "  for (size_t i = 0; i < B24_EVENT_DECODERS; i++)\n"
                   "    if (same_name(b24_event_decoders[i]->name, name)) return b24_event_decoders[i];\n"
                   "  return NULL;\n}\n");
  size_t len = h.len;
  b24_outputs_add(o, "c/events/include/b24/events.h", b24_buf_take(&h), len);
  len = c.len;
  b24_outputs_add(o, "c/events/src/b24_events.c", b24_buf_take(&c), len);
}

int b24_gen_c_events(const b24_model *m, b24_outputs *o) {
  char **files = calloc(m->n_events + 1, sizeof *files);
  c_names taken;
  c_names_init(&taken);
  c_names_add(&taken, "b24_events");
  c_names_add(&taken, "events_support");
  size_t n = 0;
  for (size_t i = 0; i < m->n_events; i++) {
    if (!decodable(m, &m->events[i])) continue;
    char *want = c_snake(m->events[i].name);
    files[i] = c_names_take(&taken, want);
    free(want);
    emit_event(o, &m->events[i], files[i]);
    n++;
  }
  if (n) {
    emit_registry(o, m, files);
    add_text(o, "c/events/include/b24/events_support.h", SUPPORT_H);
    add_text(o, "c/events/src/events_support.c", SUPPORT_C);
    add_text(o, "c/events/CMakeLists.txt", CMAKE);
  }
  for (size_t i = 0; i < m->n_events; i++) free(files[i]);
  free(files);
  c_names_free(&taken);
  return 0;
}
