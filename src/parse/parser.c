/* The parser's context: docs root, include cache, presets, diagnostics. */
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "parse/parse_internal.h"
#include "util/buf.h"
#include "util/fsutil.h"
#include "util/sort.h"

/* A document and everything that must be freed with it. */
typedef struct doc_impl {
  b24_doc doc;
  b24_arena arena;
  b24_chunk **chunks;
  size_t n_chunks;
} doc_impl;

/* An included fragment, parsed once for the whole load. */
typedef struct include_entry {
  char *path;
  doc_impl *doc;    /* NULL when the target could not be read */
  b24_diags diags;  /* its parse's, handed out with the first page that uses it */
  size_t first_page; /* the lowest page_no that includes it, directly or not */
  size_t *subs;     /* the entries it includes itself */
  size_t n_subs;
} include_entry;

typedef struct preset {
  char *key, *value;
} preset;

struct b24_parser {
  char *root;
  b24_diags *diags;
  /* The include cache is the one thing pages share while they are parsed; the
   * lock is recursive because a fragment's parse includes fragments of its own. */
  pthread_mutex_t lock;
  include_entry *includes;
  size_t n_includes, cap_includes;
  preset *presets;
  size_t n_presets;
  atomic_size_t bad_rows;
  include_entry **order; /* by first page, then path: b24_parser_include_diags */
  size_t order_pos;
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
  pthread_mutexattr_t attr;
  pthread_mutexattr_init(&attr);
  pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
  pthread_mutex_init(&p->lock, &attr);
  pthread_mutexattr_destroy(&attr);
  atomic_init(&p->bad_rows, 0);
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
    b24_diags_free(&p->includes[i].diags);
    free(p->includes[i].subs);
  }
  pthread_mutex_destroy(&p->lock);
  free(p->order);
  free(p->includes);
  for (size_t i = 0; i < p->n_presets; i++) free(p->presets[i].key), free(p->presets[i].value);
  free(p->presets);
  free(p->root);
  free(p);
}

size_t b24_parser_rows_unparsed(const b24_parser *p) { return atomic_load(&((b24_parser *)p)->bad_rows); }
void b24_parser_count_bad_row(b24_parser *p) { atomic_fetch_add(&p->bad_rows, 1); }

char *b24_parser_display_path(const b24_parser *p, const char *path) {
  b24_buf b = B24_BUF_INIT;
  if (strcmp(p->root, ".") != 0) {
    b24_buf_puts(&b, p->root);
    if (b.len && b.data[b.len - 1] != '/') b24_buf_putc(&b, '/');
  }
  b24_buf_puts(&b, path);
  return b24_buf_take(&b);
}

/* `into` says where the parse reports and, for a fragment, which entry it is. */
static doc_impl *parse_impl(b24_parser *p, const char *path, const char *data, size_t len,
                            const char **stack, size_t n_stack, const b24_pctx *into) {
  doc_impl *d = calloc(1, sizeof *d);
  b24_arena_init(&d->arena);
  b24_pctx c = *into;
  c.p = p;
  c.arena = &d->arena;
  c.chunks = NULL;
  c.n_chunks = c.cap_chunks = 0;
  c.depth = 0;
  c.file = b24_arena_strdup(&d->arena, path);
  char *display = b24_parser_display_path(p, path);
  c.display = b24_arena_strdup(&d->arena, display);
  free(display);
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

/* A page's context: it reports to its own diagnostics and is no fragment. */
static b24_pctx page_ctx(b24_parser *p, const b24_parse_report *r) {
  b24_pctx c = {0};
  c.diags = r && r->diags ? r->diags : p->diags;
  c.page_no = r ? r->page_no : 0;
  c.entry = SIZE_MAX;
  c.own_diags = !r || !r->diags;
  return c;
}

b24_doc *b24_parse_bytes(b24_parser *p, const char *path, const char *data, size_t len,
                         const b24_parse_report *r) {
  b24_pctx c = page_ctx(p, r);
  return &parse_impl(p, path, data, len, NULL, 0, &c)->doc;
}

b24_doc *b24_parse_page(b24_parser *p, const char *path, const b24_parse_report *r) {
  b24_pctx c = page_ctx(p, r);
  char *full = b24_path_under(p->root, path);
  size_t len;
  char *data = full ? b24_read_file(full, &len) : NULL;
  int err = errno;
  free(full);
  char *display = data && len <= B24_MAX_PAGE_BYTES ? NULL : b24_parser_display_path(p, path);
  if (!data)
    b24_diag_add(c.diags, display, 0, 0, B24_ERROR, "io", "cannot read page: %s",
                 strerror(err ? err : ENOENT));
  else if (len > B24_MAX_PAGE_BYTES)
    b24_diag_add(c.diags, display, 1, 1, B24_ERROR, "page-too-large",
                 "page is %zu bytes, more than the %d MiB a page may have; it is not read", len,
                 B24_MAX_PAGE_BYTES >> 20);
  free(display);
  if (!data || len > B24_MAX_PAGE_BYTES) {
    free(data);
    return NULL;
  }
  b24_doc *d = &parse_impl(p, path, data, len, NULL, 0, &c)->doc;
  free(data);
  return d;
}

void b24_doc_free(b24_parser *p, b24_doc *d) {
  (void)p;
  doc_impl_free((doc_impl *)d); /* doc is the first member */
}

/* A page (or a fragment first parsed for it) uses entry k: the lowest such page
 * reports the fragment's diagnostics, and the fragments it includes go with it. */
static void touch_entry(b24_parser *p, size_t k, size_t page_no) {
  include_entry *e = &p->includes[k];
  if (page_no >= e->first_page) return;
  e->first_page = page_no;
  for (size_t i = 0; i < e->n_subs; i++) touch_entry(p, e->subs[i], page_no);
}

static void add_sub(b24_parser *p, size_t parent, size_t k) {
  include_entry *e = &p->includes[parent];
  for (size_t i = 0; i < e->n_subs; i++)
    if (e->subs[i] == k) return;
  e->subs = realloc(e->subs, (e->n_subs + 1) * sizeof *e->subs);
  e->subs[e->n_subs++] = k;
}

static size_t find_or_parse(b24_parser *p, b24_pctx *from, const char *path) {
  for (size_t i = 0; i < p->n_includes; i++)
    if (!strcmp(p->includes[i].path, path)) {
      touch_entry(p, i, from->page_no);
      return i;
    }
  /* The entry exists before its parse, so the fragments it includes can name it. */
  if (p->n_includes == p->cap_includes) {
    p->cap_includes = p->cap_includes ? p->cap_includes * 2 : 16;
    p->includes = realloc(p->includes, p->cap_includes * sizeof *p->includes);
  }
  size_t k = p->n_includes++;
  include_entry *e = &p->includes[k];
  memset(e, 0, sizeof *e);
  e->path = strdup(path);
  e->first_page = from->page_no;
  char *full = b24_path_under(p->root, path);
  size_t len;
  char *data = full && b24_is_file(full) ? b24_read_file(full, &len) : NULL;
  free(full);
  if (data) {
    /* The stack of the included page is the includer's plus the includer. */
    size_t ns = from->n_include_stack + 1;
    const char **stack = malloc(ns * sizeof *stack);
    for (size_t i = 0; i + 1 < ns; i++) stack[i] = from->include_stack[i];
    stack[ns - 1] = from->file;
    b24_pctx into = *from;
    into.entry = k;
    /* With the parser's own diagnostics (one thread, no page order to keep) a
     * fragment reports there at once, as a page does. */
    if (!from->own_diags) into.diags = &p->includes[k].diags;
    doc_impl *d = parse_impl(p, path, data, len, stack, ns, &into);
    p->includes[k].doc = d;
    free(stack);
    free(data);
  }
  return k;
}

b24_doc *b24_parser_cached_include(b24_parser *p, b24_pctx *from, const char *path, int line,
                                   int col) {
  pthread_mutex_lock(&p->lock);
  size_t k = find_or_parse(p, from, path);
  if (from->entry != SIZE_MAX) add_sub(p, from->entry, k);
  doc_impl *d = p->includes[k].doc;
  pthread_mutex_unlock(&p->lock);
  /* Reported at every include of it: which page met it first must not matter. */
  if (!d)
    b24_pdiag(from, line, col, B24_ERROR, "include-missing", "include target '%s' not found",
              path);
  return d ? &d->doc : NULL;
}

static int cmp_entry_order(const void *a, const void *b) {
  const include_entry *x = *(include_entry *const *)a, *y = *(include_entry *const *)b;
  if (x->first_page != y->first_page) return x->first_page < y->first_page ? -1 : 1;
  return strcmp(x->path, y->path);
}

void b24_parser_include_diags(b24_parser *p, size_t page_no, b24_diags *out) {
  /* Sorted once, on the first call (all parsing is over by then); the calls come
   * in page order, so a cursor walks the entries once in all. */
  if (!p->order) {
    p->order = malloc((p->n_includes ? p->n_includes : 1) * sizeof *p->order);
    for (size_t i = 0; i < p->n_includes; i++) p->order[i] = &p->includes[i];
    b24_qsort(p->order, p->n_includes, sizeof *p->order, cmp_entry_order);
  }
  while (p->order_pos < p->n_includes && p->order[p->order_pos]->first_page < page_no) p->order_pos++;
  for (; p->order_pos < p->n_includes && p->order[p->order_pos]->first_page == page_no; p->order_pos++)
    b24_diags_move(out, &p->order[p->order_pos]->diags);
}
