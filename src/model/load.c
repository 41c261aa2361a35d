/* Loading a docs tree: discovery (toc.yaml and the b24-toc.yaml files it includes,
 * then the tree itself for pages the tables of contents miss), parsing each page,
 * building the model, and what only the whole tree can settle: referenced object
 * types, the type dictionaries, order, counts. */
#include <dirent.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "model/bodies.h"
#include "model/build.h"
#include "model/derive.h"
#include "model/page_bodies.h"
#include "model/table_rows.h"
#include "parse/blocks.h"
#include "util/buf.h"
#include "util/fsutil.h"
#include "util/parallel.h"
#include "util/sort.h"

/* ---- interned file names ---- */

typedef struct b24_interns {
  const char **v;
  size_t cap, n;
} b24_interns;

static size_t hash_str(const char *s) {
  size_t h = 1469598103934665603ULL;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ULL;
  return h;
}

const char *b24_intern(b24_bctx *c, const char *s) {
  b24_interns *t = c->interns;
  if (t->n * 2 >= t->cap) {
    size_t ncap = t->cap ? t->cap * 2 : 1024;
    const char **nv = calloc(ncap, sizeof *nv);
    for (size_t i = 0; i < t->cap; i++)
      if (t->v[i]) {
        size_t k = hash_str(t->v[i]) & (ncap - 1);
        while (nv[k]) k = (k + 1) & (ncap - 1);
        nv[k] = t->v[i];
      }
    free(t->v);
    t->v = nv;
    t->cap = ncap;
  }
  size_t k = hash_str(s) & (t->cap - 1);
  while (t->v[k]) {
    if (!strcmp(t->v[k], s)) return t->v[k];
    k = (k + 1) & (t->cap - 1);
  }
  t->v[k] = b24_arena_strdup(c->a, s);
  t->n++;
  return t->v[k];
}

struct b24_interns *b24_interns_new(void) { return calloc(1, sizeof(b24_interns)); }

void b24_interns_free(b24_interns *t) {
  if (!t) return;
  free(t->v);
  free(t);
}

/* ---- discovery ---- */

typedef struct pathlist {
  char **v;
  size_t n, cap;
} pathlist;

static void pl_add(pathlist *p, char *s) {
  if (p->n == p->cap) {
    p->cap = p->cap ? p->cap * 2 : 256;
    p->v = realloc(p->v, p->cap * sizeof *p->v);
  }
  p->v[p->n++] = s;
}

static int ends_with(const char *s, const char *suf) {
  size_t a = strlen(s), b = strlen(suf);
  return a >= b && !strcmp(s + a - b, suf);
}

static void toc_walk_node(yaml_document_t *doc, yaml_node_t *node, const char *dir,
                          const char *root, pathlist *pages, pathlist *tocs, int depth);

static void toc_file(const char *root, const char *rel, pathlist *pages, pathlist *tocs,
                     int depth) {
  for (size_t i = 0; i < tocs->n; i++)
    if (!strcmp(tocs->v[i], rel)) return; /* each toc once: include cycles end here */
  pl_add(tocs, strdup(rel));
  char *full = b24_path_under(root, rel);
  size_t len;
  char *data = full ? b24_read_file(full, &len) : NULL;
  free(full);
  if (!data) return;
  yaml_parser_t y;
  yaml_document_t doc;
  yaml_parser_initialize(&y);
  yaml_parser_set_input_string(&y, (const unsigned char *)data, len);
  if (yaml_parser_load(&y, &doc)) {
    yaml_node_t *r = yaml_document_get_root_node(&doc);
    char *dir = b24_path_dirname(rel);
    if (r) toc_walk_node(&doc, r, dir, root, pages, tocs, depth);
    free(dir);
    yaml_document_delete(&doc);
  }
  yaml_parser_delete(&y);
  free(data);
}

static void toc_walk_node(yaml_document_t *doc, yaml_node_t *node, const char *dir,
                          const char *root, pathlist *pages, pathlist *tocs, int depth) {
  if (depth > 64) return;
  if (node->type == YAML_SEQUENCE_NODE) {
    for (yaml_node_item_t *it = node->data.sequence.items.start; it < node->data.sequence.items.top; it++)
      toc_walk_node(doc, yaml_document_get_node(doc, *it), dir, root, pages, tocs, depth + 1);
  } else if (node->type == YAML_MAPPING_NODE) {
    for (yaml_node_pair_t *p = node->data.mapping.pairs.start; p < node->data.mapping.pairs.top; p++) {
      yaml_node_t *k = yaml_document_get_node(doc, p->key);
      yaml_node_t *v = yaml_document_get_node(doc, p->value);
      if (!k || !v || k->type != YAML_SCALAR_NODE) continue;
      const char *key = (const char *)k->data.scalar.value;
      if (!strcmp(key, "href") && v->type == YAML_SCALAR_NODE) {
        const char *href = (const char *)v->data.scalar.value;
        if (ends_with(href, ".md") && !strstr(href, "://")) {
          char *rel = b24_path_join(dir, href);
          if (rel) pl_add(pages, rel);
        }
      } else if (!strcmp(key, "include") && v->type == YAML_MAPPING_NODE) {
        for (yaml_node_pair_t *q = v->data.mapping.pairs.start; q < v->data.mapping.pairs.top; q++) {
          yaml_node_t *qk = yaml_document_get_node(doc, q->key);
          yaml_node_t *qv = yaml_document_get_node(doc, q->value);
          if (qk && qv && qk->type == YAML_SCALAR_NODE && qv->type == YAML_SCALAR_NODE &&
              !strcmp((const char *)qk->data.scalar.value, "path")) {
            char *rel = b24_path_join(dir, (const char *)qv->data.scalar.value);
            if (rel) toc_file(root, rel, pages, tocs, depth + 1);
            free(rel);
          }
        }
      } else if (v->type == YAML_SEQUENCE_NODE || v->type == YAML_MAPPING_NODE) {
        toc_walk_node(doc, v, dir, root, pages, tocs, depth + 1);
      }
    }
  }
}

static void walk_tree(const char *root, const char *rel, pathlist *pages, int depth) {
  if (depth > 32) return;
  char *full = *rel ? b24_path_under(root, rel) : strdup(root);
  DIR *d = full ? opendir(full) : NULL;
  free(full);
  if (!d) return;
  pathlist names = {0};
  struct dirent *e;
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.' || e->d_name[0] == '_' || !strcmp(e->d_name, "node_modules")) continue;
    /* The entry's kind, when readdir knows it, saves a stat per file: 'd', 'f',
     * or '?' to ask the file system. */
    char kind = e->d_type == DT_DIR ? 'd' : e->d_type == DT_REG ? 'f' : '?';
    b24_buf k = B24_BUF_INIT;
    b24_buf_putc(&k, kind);
    b24_buf_puts(&k, e->d_name);
    pl_add(&names, b24_buf_take(&k));
  }
  closedir(d);
  for (size_t i = 0; i < names.n; i++) {
    b24_buf p = B24_BUF_INIT;
    if (*rel) b24_buf_printf(&p, "%s/", rel);
    b24_buf_puts(&p, names.v[i] + 1);
    char *fp = names.v[i][0] == '?' ? b24_path_under(root, p.data) : NULL;
    int dir = names.v[i][0] == 'd' || (fp && b24_is_dir(fp));
    if (dir) walk_tree(root, p.data, pages, depth + 1);
    else if (ends_with(p.data, ".md")) pl_add(pages, strdup(p.data));
    free(fp);
    b24_buf_free(&p);
    free(names.v[i]);
  }
  free(names.v);
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Pages of a root: the tables of contents' order is not kept (the model is sorted),
 * but what they list is checked against the tree. */
static void discover(const char *root, int no_toc, b24_diags *diags, pathlist *out) {
  pathlist toc_pages = {0}, tocs = {0}, tree = {0};
  char *toc = b24_path_under(root, "toc.yaml");
  int has_toc = !no_toc && toc && b24_is_file(toc);
  free(toc);
  if (has_toc) toc_file(root, "toc.yaml", &toc_pages, &tocs, 0);
  walk_tree(root, "", &tree, 0);
  b24_qsort(tree.v, tree.n, sizeof *tree.v, cmp_str);
  b24_qsort(toc_pages.v, toc_pages.n, sizeof *toc_pages.v, cmp_str);
  /* The union, each path once; toc entries for missing files are reported. */
  char *toc_display = b24_path_under(root, "toc.yaml");
  size_t i = 0, k = 0;
  while (i < tree.n || k < toc_pages.n) {
    int c = i >= tree.n ? 1 : k >= toc_pages.n ? -1 : strcmp(tree.v[i], toc_pages.v[k]);
    if (c == 0) {
      pl_add(out, tree.v[i++]);
      free(toc_pages.v[k++]);
      while (k < toc_pages.n && !strcmp(toc_pages.v[k], out->v[out->n - 1])) free(toc_pages.v[k++]);
    } else if (c < 0) {
      pl_add(out, tree.v[i++]);
    } else {
      char *full = b24_path_under(root, toc_pages.v[k]);
      if (!full || !b24_is_file(full))
        b24_diag_add(diags, toc_display, 0, 0, B24_WARNING, "toc-missing-page",
                     "a table of contents lists '%s', which does not exist", toc_pages.v[k]);
      else
        pl_add(out, strdup(toc_pages.v[k]));
      free(full);
      const char *prev = toc_pages.v[k];
      while (k + 1 < toc_pages.n && !strcmp(toc_pages.v[k + 1], prev)) free(toc_pages.v[++k]);
      free(toc_pages.v[k++]);
    }
  }
  free(toc_display);
  for (size_t t = 0; t < tocs.n; t++) free(tocs.v[t]);
  free(tocs.v);
  free(toc_pages.v);
  free(tree.v);
}

char **b24_discover_pages(const char *root, size_t *n) {
  b24_diags quiet;
  b24_diags_init(&quiet);
  pathlist out = {0};
  discover(root, 1, &quiet, &out);
  b24_diags_free(&quiet);
  pl_add(&out, NULL);
  *n = out.n - 1;
  return out.v;
}

/* Does dir hold a file or directory named mark? */
static int has_mark(const char *dir, const char *mark) {
  char *p = b24_path_under(dir, mark);
  int ok = p && (b24_is_file(p) || b24_is_dir(p));
  free(p);
  return ok;
}

/* The nearest directory at or above dir holding one of marks, malloc'd, or NULL. */
static char *nearest_with(const char *dir, const char *const *marks, size_t n_marks) {
  char *cur = strdup(dir);
  while (1) {
    for (size_t i = 0; i < n_marks; i++)
      if (has_mark(cur, marks[i])) return cur;
    if (!strcmp(cur, "/") || !*cur || !strcmp(cur, ".")) break;
    char *up = b24_path_dirname(cur);
    free(cur);
    cur = up;
  }
  free(cur);
  return NULL;
}

/* The docs root of a single page: the nearest directory upward with toc.yaml or
 * presets.yaml; only when there is none, the nearest with _includes. Sections
 * such as chats/ keep fragments of their own in an _includes/ below the root, so
 * an _includes/ alone does not make a root while a toc.yaml is further up. */
static char *find_root(const char *page, char **rel) {
  static const char *const root_marks[] = {"toc.yaml", "presets.yaml"};
  static const char *const fragment_mark[] = {"_includes"};
  char *abs = realpath(page, NULL);
  char *dir = abs ? b24_path_dirname(abs) : b24_path_dirname(page);
  char *cur = nearest_with(dir, root_marks, 2);
  if (!cur) cur = nearest_with(dir, fragment_mark, 1);
  if (!cur || !abs) {
    free(cur);
    *rel = strdup(b24_path_basename(abs ? abs : page));
    free(abs);
    return dir;
  }
  *rel = strdup(abs + strlen(cur) + (strcmp(cur, "/") ? 1 : 0));
  free(abs);
  free(dir);
  /* Shown in diagnostics: relative to the working directory, as typed. */
  char *cwd = getcwd(NULL, 0);
  char *shown = cwd ? b24_path_relative(cur, cwd) : NULL;
  free(cwd);
  if (shown) {
    free(cur);
    cur = shown;
  }
  return cur;
}

/* ---- objects and dictionaries ---- */

static int is_dictionary(const char *path) { return !strcmp(b24_path_basename(path), "data-types.md"); }

/* What one page adds to the model. Pages are read on several threads, each into
 * a result of its own; the results join the model in page order afterwards. */
typedef struct page_result {
  b24_page page;
  b24_method *method; /* NULL on other pages */
  b24_event *event;   /* NULL but on event pages */
  b24_object_type *objects;
  size_t n_objects, cap_objects;
  b24_type_word *words;
  size_t n_words, cap_words;
  b24_diags diags;
  size_t rows_unparsed, reasons[B24_ROW_PROBLEM_COUNT];
  int parsed;
} page_result;

static void collect_objects(b24_bctx *c, page_result *st, const b24_doc *d) {
  int dict = is_dictionary(c->file);
  b24_block **bl = d->blocks.items;
  size_t n = d->blocks.n;
  for (size_t i = 0; i < n; i++) {
    const b24_block *h = bl[i];
    if (h->kind != B24_BLK_HEADING || h->level < 2 || (!h->anchor && !dict)) continue;
    size_t j = i + 1;
    while (j < n && !(bl[j]->kind == B24_BLK_HEADING && bl[j]->level <= h->level)) j++;
    int has_table = 0;
    for (size_t k = i + 1; k < j && !has_table; k++) has_table = b24_table_is_params(bl[k]);
    if (!has_table) continue;
    b24_object_type *o = B24_VEC_PUSH(c->a, st->objects, st->n_objects, st->cap_objects);
    memset(o, 0, sizeof *o);
    b24_buf id = B24_BUF_INIT;
    b24_buf_printf(&id, "%s#%s", c->file, h->anchor ? h->anchor : b24_slugify(c->a, h->text));
    o->id = b24_arena_strdup(c->a, id.data);
    b24_buf_free(&id);
    o->name = b24_arena_strdup(c->a, h->text);
    o->loc = (b24_loc){c->file, h->line};
    /* The table right under the heading is the object; deeper headings nest. */
    b24_params_from_section(c, bl + i + 1, j - i - 1, &o->fields);
  }
}

static void add_word(b24_bctx *c, page_result *st, const char *w, int line) {
  b24_type_word *t = B24_VEC_PUSH(c->a, st->words, st->n_words, st->cap_words);
  t->word = b24_arena_strdup(c->a, w);
  t->dictionary = c->file;
  t->loc = (b24_loc){c->file, line};
}

static void collect_type_words(b24_bctx *c, page_result *st, const b24_doc *d) {
  if (!is_dictionary(c->file)) return;
  for (size_t i = 0; i < d->blocks.n; i++) {
    const b24_block *b = d->blocks.items[i];
    if (b->kind == B24_BLK_HEADING && b->level >= 2) {
      /* "uf_enum_element Object", "crm_currency": an object type's name. */
      const char *t = b->text;
      const char *e = t;
      while (*e && *e != ' ') e++;
      char *w = b24_arena_strndup(c->a, t, (size_t)(e - t));
      if (b->anchor && b24_ci_eq(b->anchor, w)) add_word(c, st, b->anchor, b->line);
      else if (strchr(w, '_')) add_word(c, st, w, b->line);
    }
    if (b->kind != B24_BLK_TABLE || !b->n_rows) continue;
    char head[32] = {0};
    size_t hn = 0;
    for (const char *s = b->rows[0].cells[0].raw; *s && hn < sizeof head - 1; s++)
      if (*s != '*' && *s != '`') head[hn++] = *s;
    if (strcmp(head, "Type") && strcmp(head, "Тип") && strcmp(head, "Notation") &&
        strcmp(head, "Обозначение"))
      continue;
    for (size_t r = 1; r < b->n_rows; r++) {
      const char *raw = b->rows[r].cells[0].raw;
      const char *s = strchr(raw, '`');
      if (!s) continue;
      while (*s == '`') s++;
      const char *e = s;
      while (*e && *e != '`') e++;
      add_word(c, st, b24_arena_strndup(c->a, s, (size_t)(e - s)), b->rows[r].line);
      if (b->rows[r].n_cells > 1) { /* the definition, for references (references.c) */
        const char *def = b->rows[r].cells[1].raw;
        st->words[st->n_words - 1].description = b24_strip_inline(c->a, def, strlen(def));
      }
    }
  }
}

/* ---- the load ---- */

static int cmp_method(const void *a, const void *b) {
  const b24_method *x = a, *y = b;
  int c = strcmp(x->name, y->name);
  return c ? c : strcmp(x->source, y->source);
}
static int cmp_page(const void *a, const void *b) {
  return strcmp(((const b24_page *)a)->path, ((const b24_page *)b)->path);
}
static int cmp_object(const void *a, const void *b) {
  return strcmp(((const b24_object_type *)a)->id, ((const b24_object_type *)b)->id);
}

/* Counts a parameter tree: all, and those with a type. */
static void count_params(const b24_params *ps, size_t *all, size_t *typed) {
  for (size_t i = 0; i < ps->n; i++) {
    (*all)++;
    if (ps->items[i].type.n_alts && typed) (*typed)++;
    count_params(&ps->items[i].children, all, typed);
    for (size_t v = 0; v < ps->items[i].n_variants; v++)
      count_params(&ps->items[i].variants[v].children, all, typed);
  }
}

static void compute_stats(b24_model *m) {
  b24_stats *s = &m->stats;
  for (size_t i = 0; i < m->n_pages; i++) {
    s->pages++;
    if (m->pages[i].kind == B24_PAGE_METHOD) s->method_pages++;
    if (m->pages[i].kind == B24_PAGE_EVENT) s->event_pages++;
  }
  for (size_t i = 0; i < m->n_methods; i++) {
    const b24_method *x = &m->methods[i];
    if (i == 0 || strcmp(x->name, m->methods[i - 1].name)) s->methods++;
    count_params(&x->params, &s->params, &s->params_typed);
    count_params(&x->response.fields, &s->result_fields, NULL);
    b24_stats_count_bodies(s, x);
    if (x->response.example_text) {
      s->responses++;
      if (!x->response.example) s->responses_not_json++;
      else if (x->response.example_error) s->responses_elided++;
    }
  }
}

/* Settles the guessed dictionary references ("?page#word"): kept when the
 * dictionary has that object section, dropped otherwise. Objects are sorted. */
static void settle_params(b24_model *m, b24_params *ps, int depth) {
  if (depth > 64) return;
  for (size_t k = 0; k < ps->n; k++) {
    b24_param *p = &ps->items[k];
    for (size_t a = 0; a < p->type.n_alts; a++) {
      char *ref = p->type.alts[a].ref;
      if (ref && ref[0] == '?') p->type.alts[a].ref = b24_model_find_object(m, ref + 1) ? ref + 1 : NULL;
    }
    settle_params(m, &p->children, depth + 1);
    for (size_t v = 0; v < p->n_variants; v++) settle_params(m, &p->variants[v].children, depth + 1);
  }
}

static void settle_dictionary_refs(b24_model *m) {
  for (size_t i = 0; i < m->n_methods; i++) {
    settle_params(m, &m->methods[i].params, 0);
    settle_params(m, &m->methods[i].response.fields, 0);
  }
  for (size_t i = 0; i < m->n_objects; i++) settle_params(m, &m->objects[i].fields, 0);
  for (size_t i = 0; i < m->n_events; i++) settle_params(m, &m->events[i].payload, 0);
}

/* Keeps the objects some type refers to. */
static void keep_referenced(b24_model *m) {
  size_t keep = 0;
  b24_qsort(m->objects, m->n_objects, sizeof *m->objects, cmp_object);
  /* mark */
  char *used = calloc(m->n_objects ? m->n_objects : 1, 1);
  for (size_t i = 0; i < m->n_methods; i++) {
    const b24_method *x = &m->methods[i];
    const b24_params *stack[64];
    size_t sp = 0;
    stack[sp++] = &x->params;
    stack[sp++] = &x->response.fields;
    while (sp) {
      const b24_params *ps = stack[--sp];
      for (size_t k = 0; k < ps->n; k++) {
        const b24_param *p = &ps->items[k];
        for (size_t a = 0; a < p->type.n_alts; a++) {
          const char *ref = p->type.alts[a].ref;
          if (!ref) continue;
          b24_object_type key = {.id = (char *)ref};
          b24_object_type *o = b24_bsearch(&key, m->objects, m->n_objects, sizeof key, cmp_object);
          if (o) used[o - m->objects] = 1;
        }
        if (sp < 62) stack[sp++] = &p->children;
        for (size_t v = 0; v < p->n_variants && sp < 63; v++) stack[sp++] = &p->variants[v].children;
      }
    }
  }
  /* Objects referred to by referenced objects' fields are kept too (one level). */
  for (size_t i = 0; i < m->n_objects; i++) {
    if (!used[i]) continue;
    for (size_t k = 0; k < m->objects[i].fields.n; k++)
      for (size_t a = 0; a < m->objects[i].fields.items[k].type.n_alts; a++) {
        const char *ref = m->objects[i].fields.items[k].type.alts[a].ref;
        if (!ref) continue;
        b24_object_type key = {.id = (char *)ref};
        b24_object_type *o = b24_bsearch(&key, m->objects, m->n_objects, sizeof key, cmp_object);
        if (o) used[o - m->objects] = 1;
      }
  }
  for (size_t i = 0; i < m->n_objects; i++) {
    if (!used[i]) continue;
    if (keep && !strcmp(m->objects[keep - 1].id, m->objects[i].id)) continue;
    m->objects[keep++] = m->objects[i];
  }
  m->n_objects = keep;
  free(used);
}

/* A worker's own memory: the pages it reads are built into its arena, which joins
 * the model's when the load is done, so no allocation is shared between threads. */
typedef struct load_worker {
  b24_arena arena;
  b24_interns *interns;
} load_worker;

typedef struct load_job {
  b24_model *m;
  b24_parser *p;
  char **paths;
  page_result *results;
  load_worker *workers;
} load_job;

static void load_page(void *ctx, unsigned worker, size_t i) {
  load_job *j = ctx;
  page_result *r = &j->results[i];
  load_worker *w = &j->workers[worker];
  const char *rel = j->paths[i];
  b24_diags_init(&r->diags);
  b24_parse_report report = {&r->diags, i};
  b24_doc *d = b24_parse_page(j->p, rel, &report);
  if (!d) return;
  r->parsed = 1;
  b24_bctx c = {j->m, &w->arena, &r->diags, NULL, NULL, NULL, &r->rows_unparsed, r->reasons,
                w->interns, 0, 0};
  c.file = b24_intern(&c, rel);
  char *disp = b24_parser_display_path(j->p, rel);
  c.display = disp;
  b24_build_page(&c, d, &r->page, &r->method);
  if (!r->method && r->page.kind != B24_PAGE_EVENT) b24_page_curl_bodies(&c, d);
  b24_table_row_duplicates(&c, d);
  if (r->page.kind == B24_PAGE_EVENT) r->event = b24_build_event(&c, d, &r->page);
  /* On a method page the object tables were read with the method, and reported
   * then; read again for the object index, they must not be reported twice. */
  b24_diags quiet;
  b24_diags_init(&quiet);
  b24_bctx oc = c;
  oc.reading_objects = 1;
  size_t quiet_rows = 0, quiet_reasons[B24_ROW_PROBLEM_COUNT] = {0};
  if (r->method) {
    oc.diags = &quiet;
    oc.rows_unparsed = &quiet_rows;
    oc.rows_unparsed_reasons = quiet_reasons;
  }
  collect_objects(&oc, r, d);
  b24_diags_free(&quiet);
  collect_type_words(&c, r, d);
  b24_doc_free(j->p, d);
  free(disp);
}

/* Joins the pages' results to the model in page order, diagnostics included: the
 * model and the report are the same for any number of threads. */
static void join_results(b24_model *m, b24_parser *p, page_result *rs, size_t n, b24_diags *diags,
                         size_t *unparsed, size_t *reasons) {
  size_t cap_pages = 0, cap_methods = 0, cap_objects = 0, cap_words = 0, cap_events = 0;
  b24_arena *a = &m->arena;
  for (size_t i = 0; i < n; i++) {
    page_result *r = &rs[i];
    b24_parser_include_diags(p, i, diags);
    b24_diags_move(diags, &r->diags);
    if (!r->parsed) continue;
    *B24_VEC_PUSH(a, m->pages, m->n_pages, cap_pages) = r->page;
    if (r->method) *B24_VEC_PUSH(a, m->methods, m->n_methods, cap_methods) = *r->method;
    if (r->event) *B24_VEC_PUSH(a, m->events, m->n_events, cap_events) = *r->event;
    for (size_t k = 0; k < r->n_objects; k++)
      *B24_VEC_PUSH(a, m->objects, m->n_objects, cap_objects) = r->objects[k];
    for (size_t k = 0; k < r->n_words; k++)
      *B24_VEC_PUSH(a, m->type_words, m->n_type_words, cap_words) = r->words[k];
    *unparsed += r->rows_unparsed;
    for (size_t k = 0; k < B24_ROW_PROBLEM_COUNT; k++) reasons[k] += r->reasons[k];
  }
}

b24_model *b24_model_load(const char *const *inputs, size_t n_inputs, const b24_load_options *opt) {
  if (!n_inputs) return NULL;
  b24_model *m = calloc(1, sizeof *m);
  b24_arena_init(&m->arena);
  pathlist pages = {0};
  char *root = NULL;
  for (size_t i = 0; i < n_inputs; i++) {
    if (b24_is_dir(inputs[i])) {
      if (!root) {
        root = strdup(inputs[i]);
        discover(root, opt->no_toc, opt->diags, &pages);
      } else {
        b24_diag_add(opt->diags, inputs[i], 0, 0, B24_ERROR, "input",
                     "only one docs root can be modelled at a time (already: %s)", root);
      }
    } else if (b24_is_file(inputs[i])) {
      char *rel;
      char *r = find_root(inputs[i], &rel);
      if (!root) root = r;
      else free(r);
      pl_add(&pages, rel);
    } else {
      b24_diag_add(opt->diags, inputs[i], 0, 0, B24_ERROR, "input", "no such file or directory");
    }
  }
  if (!root) {
    free(pages.v);
    b24_model_free(m);
    return NULL;
  }
  m->root = b24_arena_strdup(&m->arena, root);
  b24_parser *p = b24_parser_new(root, opt->diags);
  unsigned threads = b24_parallel_threads(pages.n, opt->jobs);
  load_worker *workers = calloc(threads, sizeof *workers);
  for (unsigned t = 0; t < threads; t++) {
    b24_arena_init(&workers[t].arena);
    workers[t].interns = b24_interns_new();
  }
  page_result *results = calloc(pages.n ? pages.n : 1, sizeof *results);
  load_job job = {m, p, pages.v, results, workers};
  b24_parallel_for_workers(pages.n, threads, load_page, &job);
  size_t unparsed = 0, reasons[B24_ROW_PROBLEM_COUNT] = {0};
  join_results(m, p, results, pages.n, opt->diags, &unparsed, reasons);
  for (unsigned t = 0; t < threads; t++) {
    b24_arena_adopt(&m->arena, &workers[t].arena);
    b24_interns_free(workers[t].interns);
  }
  free(workers);
  free(results);
  for (size_t i = 0; i < pages.n; i++) free(pages.v[i]);
  free(pages.v);
  m->stats.rows_unparsed = unparsed;
  m->stats.rows_unparsed_no_name = reasons[B24_ROW_NO_NAME];
  m->stats.rows_unparsed_cells = reasons[B24_ROW_CELL_COUNT];
  m->stats.rows_repaired = b24_parser_rows_unparsed(p);
  b24_parser_free(p);
  free(root);
  b24_qsort(m->methods, m->n_methods, sizeof *m->methods, cmp_method);
  b24_qsort(m->pages, m->n_pages, sizeof *m->pages, cmp_page);
  b24_qsort(m->objects, m->n_objects, sizeof *m->objects, cmp_object);
  settle_dictionary_refs(m);
  keep_referenced(m);
  b24_events_finish(m);
  compute_stats(m);
  b24_model_derive(m);
  return m;
}

static void decref_params(const b24_params *ps) { (void)ps; }

void b24_model_free(b24_model *m) {
  if (!m) return;
  for (size_t i = 0; i < m->n_methods; i++) {
    b24_method *x = &m->methods[i];
    json_decref(x->response.example);
    for (size_t e = 0; e < x->n_examples; e++) json_decref(x->examples[e].body);
    decref_params(&x->params);
  }
  for (size_t i = 0; i < m->n_events; i++) json_decref(m->events[i].example);
  b24_arena_free(&m->arena);
  free(m);
}

const b24_method *b24_model_find_method(const b24_model *m, const char *name) {
  size_t lo = 0, hi = m->n_methods;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = strcmp(m->methods[mid].name, name);
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo < m->n_methods && !strcmp(m->methods[lo].name, name) ? &m->methods[lo] : NULL;
}

const b24_object_type *b24_model_find_object(const b24_model *m, const char *id) {
  b24_object_type key = {.id = (char *)id};
  return b24_bsearch(&key, m->objects, m->n_objects, sizeof key, cmp_object);
}

const b24_page *b24_model_find_page(const b24_model *m, const char *path) {
  b24_page key = {.path = path};
  return b24_bsearch(&key, m->pages, m->n_pages, sizeof key, cmp_page);
}
