/* The parser's context: docs root, include cache, presets, diagnostics. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "parse/parse_internal.h"
#include "util/buf.h"
#include "util/fsutil.h"

/* A document and everything that must be freed with it. */
typedef struct doc_impl {
  b24_doc doc;
  b24_arena arena;
  b24_chunk **chunks;
  size_t n_chunks;
} doc_impl;

typedef struct include_entry {
  char *path;
  doc_impl *doc; /* NULL when the target could not be read */
} include_entry;

typedef struct preset {
  char *key, *value;
} preset;

struct b24_parser {
  char *root;
  b24_diags *diags;
  include_entry *includes;
  size_t n_includes, cap_includes;
  preset *presets;
  size_t n_presets;
  size_t bad_rows;
  b24_buf display;
};

/* presets.yaml: `default: {key: value}` decides {% if %} the way the docs build does. */
static void load_presets(b24_parser *p) {
  char *path = b24_path_under(p->root, "presets.yaml");
  size_t len;
  char *data = path ? b24_read_file(path, &len) : NULL;
  free(path);
  if (!data) return;
  yaml_parser_t y;
  yaml_parser_initialize(&y);
  yaml_parser_set_input_string(&y, (const unsigned char *)data, len);
  int depth = 0, in_default = 0, want_value = 0;
  char *key = NULL;
  yaml_event_t ev;
  while (yaml_parser_parse(&y, &ev)) {
    yaml_event_type_t t = ev.type;
    if (t == YAML_MAPPING_START_EVENT) depth++;
    else if (t == YAML_MAPPING_END_EVENT) {
      if (depth-- == 2) in_default = 0;
      want_value = 0;
    } else if (t == YAML_SCALAR_EVENT) {
      const char *v = (const char *)ev.data.scalar.value;
      if (depth == 1) {
        if (!want_value) in_default = !strcmp(v, "default");
        want_value = !want_value;
      } else if (depth == 2 && in_default) {
        if (!key) key = strdup(v);
        else {
          p->presets = realloc(p->presets, (p->n_presets + 1) * sizeof *p->presets);
          p->presets[p->n_presets++] = (preset){key, strdup(v)};
          key = NULL;
        }
      }
    }
    if (t == YAML_MAPPING_START_EVENT && depth == 2) want_value = 0;
    yaml_event_delete(&ev);
    if (t == YAML_STREAM_END_EVENT) break;
  }
  free(key);
  yaml_parser_delete(&y);
  free(data);
}

int b24_presets_eval(b24_parser *p, const char *cond, int *known) {
  /* NAME (==|!=) 'value' */
  char name[64], value[128];
  const char *s = cond;
  size_t n = 0;
  while (*s == ' ') s++;
  while (*s && *s != ' ' && *s != '=' && *s != '!' && n < sizeof name - 1) name[n++] = *s++;
  name[n] = 0;
  while (*s == ' ') s++;
  int neq = 0;
  if (s[0] == '=' && s[1] == '=') s += 2;
  else if (s[0] == '!' && s[1] == '=') s += 2, neq = 1;
  else { *known = 0; return 0; }
  while (*s == ' ') s++;
  char q = *s;
  if (q != '\'' && q != '"') { *known = 0; return 0; }
  s++;
  n = 0;
  while (*s && *s != q && n < sizeof value - 1) value[n++] = *s++;
  value[n] = 0;
  *known = 1;
  const char *actual = NULL;
  for (size_t i = 0; i < p->n_presets; i++)
    if (!strcmp(p->presets[i].key, name)) actual = p->presets[i].value;
  int eq = actual && !strcmp(actual, value);
  return neq ? !eq : eq;
}

b24_parser *b24_parser_new(const char *root, b24_diags *diags) {
  b24_parser *p = calloc(1, sizeof *p);
  p->root = strdup(root && *root ? root : ".");
  p->diags = diags;
  load_presets(p);
  return p;
}

static void doc_impl_free(doc_impl *d) {
  if (!d) return;
  for (size_t i = 0; i < d->n_chunks; i++) cmark_node_free(d->chunks[i]->doc);
  free(d->chunks);
  b24_arena_free(&d->arena);
  free(d);
}

void b24_parser_free(b24_parser *p) {
  if (!p) return;
  for (size_t i = 0; i < p->n_includes; i++) {
    free(p->includes[i].path);
    doc_impl_free(p->includes[i].doc);
  }
  free(p->includes);
  for (size_t i = 0; i < p->n_presets; i++) free(p->presets[i].key), free(p->presets[i].value);
  free(p->presets);
  b24_buf_free(&p->display);
  free(p->root);
  free(p);
}

b24_diags *b24_parser_diags(b24_parser *p) { return p->diags; }
size_t b24_parser_rows_unparsed(const b24_parser *p) { return p->bad_rows; }
void b24_parser_count_bad_row(b24_parser *p) { p->bad_rows++; }

const char *b24_parser_display_path(b24_parser *p, const char *path) {
  b24_buf_clear(&p->display);
  if (strcmp(p->root, ".") != 0) {
    b24_buf_puts(&p->display, p->root);
    if (p->display.len && p->display.data[p->display.len - 1] != '/') b24_buf_putc(&p->display, '/');
  }
  b24_buf_puts(&p->display, path);
  return p->display.data;
}

static doc_impl *parse_impl(b24_parser *p, const char *path, const char *data, size_t len,
                            const char **stack, size_t n_stack) {
  doc_impl *d = calloc(1, sizeof *d);
  b24_arena_init(&d->arena);
  b24_pctx c = {0};
  c.p = p;
  c.arena = &d->arena;
  c.file = b24_arena_strdup(&d->arena, path);
  c.display = b24_arena_strdup(&d->arena, b24_parser_display_path(p, path));
  c.include_stack = stack;
  c.n_include_stack = n_stack;
  d->doc.path = c.file;
  d->doc.n_bytes = len;
  size_t tlen;
  char *text = b24_sanitize_utf8(&c, data, len, &tlen);
  size_t n;
  b24_srcline *lines = b24_split_lines(text, tlen, &n);
  b24_scan(&c, lines, n, &d->doc.blocks);
  free(lines);
  free(text);
  d->chunks = c.chunks;
  d->n_chunks = c.n_chunks;
  return d;
}

b24_doc *b24_parse_bytes(b24_parser *p, const char *path, const char *data, size_t len) {
  return &parse_impl(p, path, data, len, NULL, 0)->doc;
}

b24_doc *b24_parse_page(b24_parser *p, const char *path) {
  char *full = b24_path_under(p->root, path);
  size_t len;
  char *data = full ? b24_read_file(full, &len) : NULL;
  if (!data) {
    b24_diag_add(p->diags, b24_parser_display_path(p, path), 0, 0, B24_ERROR, "io",
                 "cannot read page: %s", strerror(errno ? errno : ENOENT));
    free(full);
    return NULL;
  }
  free(full);
  if (len > B24_MAX_PAGE_BYTES) {
    b24_diag_add(p->diags, b24_parser_display_path(p, path), 1, 1, B24_ERROR, "page-too-large",
                 "page is %zu bytes, more than the %d MiB a page may have; it is not read", len,
                 B24_MAX_PAGE_BYTES >> 20);
    free(data);
    return NULL;
  }
  b24_doc *d = b24_parse_bytes(p, path, data, len);
  free(data);
  return d;
}

void b24_doc_free(b24_parser *p, b24_doc *d) {
  (void)p;
  doc_impl_free((doc_impl *)d); /* doc is the first member */
}

b24_doc *b24_parser_cached_include(b24_parser *p, b24_pctx *from, const char *path, int line,
                                   int col) {
  for (size_t i = 0; i < p->n_includes; i++)
    if (!strcmp(p->includes[i].path, path))
      return p->includes[i].doc ? &p->includes[i].doc->doc : NULL;
  char *full = b24_path_under(p->root, path);
  size_t len;
  char *data = full && b24_is_file(full) ? b24_read_file(full, &len) : NULL;
  free(full);
  doc_impl *d = NULL;
  if (!data) {
    b24_pdiag(from, line, col, B24_ERROR, "include-missing", "include target '%s' not found",
              path);
  } else {
    /* The stack of the included page is the includer's plus the includer. */
    size_t ns = from->n_include_stack + 1;
    const char **stack = malloc(ns * sizeof *stack);
    for (size_t i = 0; i + 1 < ns; i++) stack[i] = from->include_stack[i];
    stack[ns - 1] = from->file;
    d = parse_impl(p, path, data, len, stack, ns);
    free(stack);
    free(data);
  }
  if (p->n_includes == p->cap_includes) {
    p->cap_includes = p->cap_includes ? p->cap_includes * 2 : 16;
    p->includes = realloc(p->includes, p->cap_includes * sizeof *p->includes);
  }
  p->includes[p->n_includes++] = (include_entry){strdup(path), d};
  return d ? &d->doc : NULL;
}
