/* One page's block tree -> its page record and, for a method page, the method:
 * title and name, scope line, description, and the sections found by structure
 * first and confirmed by their heading words. */
#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "model/build.h"
#include "util/buf.h"

void b24_bdiag(b24_bctx *c, int line, b24_severity sev, const char *rule, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  b24_diag_addv(c->diags, 0, c->display, line, 1, sev, rule, fmt, ap);
  va_end(ap);
}

void b24_blint(b24_bctx *c, int line, b24_severity sev, const char *rule, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  b24_diag_addv(c->diags, 1, c->display, line, 1, sev, rule, fmt, ap);
  va_end(ap);
}

/* ---- title ---- */

/* The method or event name in a title: the last dotted token ("Update User Data
 * user.update", "Remove the ai.engine.unregister Service", "Event: ONCRMDEALADD"). */
static char *title_name(b24_bctx *c, const char *title, int *is_event) {
  *is_event = 0;
  char *best = NULL;
  const char *s = title;
  while (*s) {
    while (*s && (isspace((unsigned char)*s) || *s == '`' || *s == ':' || *s == '(' ||
                  *s == '"' || *s == '*'))
      s++;
    const char *e = s;
    while (*e && !isspace((unsigned char)*e) && *e != '`' && *e != '(' && *e != ')' &&
           *e != '"' && *e != '*' && *e != ',')
      e++;
    size_t n = (size_t)(e - s);
    while (n && (s[n - 1] == ':' || s[n - 1] == '.' || s[n - 1] == ';')) n--;
    if (n && b24_is_dotted_name(s, n)) {
      best = b24_arena_strndup(c->a, s, n);
    } else if (n > 4 && s[0] == 'O' && s[1] == 'N' && isupper((unsigned char)s[2])) {
      int upper = 1;
      for (size_t i = 0; i < n && upper; i++)
        upper = isupper((unsigned char)s[i]) || isdigit((unsigned char)s[i]) || s[i] == '_';
      if (upper) {
        *is_event = 1;
        return b24_arena_strndup(c->a, s, n);
      }
    }
    s = *e ? e + (*e != 0) : e;
  }
  if (best) {
    int lower = 0;
    for (const char *p = best; *p; p++) lower |= islower((unsigned char)*p);
    if (!lower) *is_event = 1; /* CATALOG.MEASURE.ON.ADD */
  }
  return best;
}

/* ---- links and anchors ---- */

typedef struct page_walk {
  b24_page *page;
  size_t cap_links, cap_anchors, cap_suppressions;
  int anchors_only; /* inside an included fragment */
} page_walk;

static void add_anchor(b24_bctx *c, page_walk *w, char *a) {
  if (!a || !*a) return;
  *B24_HEAP_PUSH(w->page->anchors, w->page->n_anchors, w->cap_anchors) = a;
}

static void links_in_node(b24_bctx *c, page_walk *w, const b24_block *b) {
  cmark_iter *it = cmark_iter_new(b->node);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node *n = cmark_iter_get_node(it);
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node_type t = cmark_node_get_type(n);
    if (t == CMARK_NODE_HTML_BLOCK || t == CMARK_NODE_HTML_INLINE)
      b24_suppressions_from_html(c, w->page, &w->cap_suppressions, cmark_node_get_literal(n),
                                 b24_block_node_line(b, n));
    if (t != CMARK_NODE_LINK && t != CMARK_NODE_IMAGE) continue;
    const char *url = cmark_node_get_url(n);
    if (!url || !*url) continue;
    b24_link *l = B24_HEAP_PUSH(w->page->links, w->page->n_links, w->cap_links);
    char *text = b24_node_plain_text(n);
    l->text = b24_arena_strdup(c->a, text);
    free(text);
    l->href = b24_arena_strdup(c->a, url);
    b24_resolve_href(c, url, &l->target, &l->anchor);
    l->loc = (b24_loc){c->file, b24_block_node_line(b, n)};
  }
  cmark_iter_free(it);
}

static void walk_page(b24_bctx *c, page_walk *w, const b24_blocks *bs) {
  for (size_t i = 0; i < bs->n; i++) {
    const b24_block *b = bs->items[i];
    if (b->kind == B24_BLK_INCLUDE) {
      /* The fragment's links are its own, but its headings are the page's: a
       * link to #checklistitem lands on the included "Object checkListItem". */
      int was = w->anchors_only;
      w->anchors_only = 1;
      walk_page(c, w, &b->children);
      w->anchors_only = was;
      continue;
    }
    if (b->kind == B24_BLK_HEADING) {
      if (b->anchor) add_anchor(c, w, b24_arena_strdup(c->a, b->anchor));
      add_anchor(c, w, b24_slugify(c->a, b->text));
    }
    if (b->node && !w->anchors_only) links_in_node(c, w, b);
    for (size_t r = 0; r < b->n_rows; r++)
      for (size_t k = 0; k < b->rows[r].n_cells; k++) walk_page(c, w, &b->rows[r].cells[k].blocks);
    for (size_t t = 0; t < b->n_tabs; t++) walk_page(c, w, &b->tabs[t].blocks);
    walk_page(c, w, &b->children);
    /* {#id} anchors written inline in paragraphs: "text {#id}" */
    if (b->kind == B24_BLK_PARAGRAPH) {
      const char *lit = NULL;
      cmark_node *last = cmark_node_last_child(b->node);
      if (last && cmark_node_get_type(last) == CMARK_NODE_TEXT) lit = cmark_node_get_literal(last);
      const char *h = lit ? strstr(lit, "{#") : NULL;
      if (h && h[2] != 'T') {
        const char *e = strchr(h, '}');
        if (e) add_anchor(c, w, b24_arena_strndup(c->a, h + 2, (size_t)(e - h - 2)));
      }
    }
  }
}

/* ---- method sections ---- */

/* One code span of a scope line: `crm`, or `sale, cashbox` (a list in one span).
 * Prose in the span ("depending on the placement", "module scope") names no
 * scope code and is left out. */
static void add_scope_codes(b24_bctx *c, b24_method *m, size_t *cap, const char *lit) {
  for (const char *s = lit; *s;) {
    while (*s == ' ' || *s == ',') s++;
    const char *e = s;
    while (*e && *e != ',') e++;
    const char *t = e;
    while (t > s && t[-1] == ' ') t--;
    int code = t > s;
    for (const char *q = s; q < t && code; q++)
      code = islower((unsigned char)*q) || isdigit((unsigned char)*q) || *q == '_' || *q == '.';
    if (code) *B24_VEC_PUSH(c->a, m->scope, m->n_scope, *cap) = b24_arena_strndup(c->a, s, (size_t)(t - s));
    s = e;
  }
}

void b24_scope_and_access(b24_bctx *c, const b24_block *quote, b24_method *m) {
  size_t cap = 0;
  for (cmark_node *p = cmark_node_first_child(quote->node); p; p = cmark_node_next(p)) {
    char *t = b24_node_plain_text(p);
    const char *rest;
    if (b24_vocab_is_scope(t, &rest)) {
      int codes = 0;
      cmark_iter *it = cmark_iter_new(p);
      cmark_event_type ev;
      while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_CODE) {
          add_scope_codes(c, m, &cap, cmark_node_get_literal(n));
          codes++;
        }
      }
      cmark_iter_free(it);
      if (!codes) {
        /* "Scope: crm, user" without code marks */
        const char *s = rest;
        while (*s) {
          while (*s == ' ' || *s == ',') s++;
          const char *e = s;
          while (*e && *e != ',' && *e != ' ' && *e != '\n') e++;
          if (e > s) *B24_VEC_PUSH(c->a, m->scope, m->n_scope, cap) = b24_arena_strndup(c->a, s, (size_t)(e - s));
          s = *e ? e + 1 : e;
        }
      }
    }
    /* Who-can-execute may sit in the same paragraph after a line break. */
    const char *acc = NULL;
    for (const char *q = t; q && *q && !acc; q = strchr(q + 1, ' ')) {
      const char *r;
      if (b24_vocab_is_access(q, &r)) acc = r;
    }
    if (acc) m->access = b24_trim_dup(c->a, acc, strlen(acc));
    free(t);
  }
}

/* The scope quote a block is or includes: telephony pages take theirs from
 * `{% include notitle [..](./_includes/scope-telephony-all.md) %}`. */
static const b24_block *scope_quote(const b24_block *b) {
  if (b->kind == B24_BLK_QUOTE) return b;
  if (b->kind != B24_BLK_INCLUDE) return NULL;
  for (size_t i = 0; i < b->children.n; i++)
    if (b->children.items[i]->kind == B24_BLK_QUOTE) return b->children.items[i];
  return NULL;
}

typedef struct section {
  b24_section_kind kind;
  size_t from, to; /* blocks after the heading, up to the next H2 */
  int line;
} section;

static int contains_kind(const b24_blocks *bs, int (*pred)(const b24_block *)) {
  for (size_t i = 0; i < bs->n; i++) {
    const b24_block *b = bs->items[i];
    if (pred(b)) return 1;
    if (b->kind != B24_BLK_INCLUDE && contains_kind(&b->children, pred)) return 1;
    for (size_t t = 0; t < b->n_tabs; t++)
      if (contains_kind(&b->tabs[t].blocks, pred)) return 1;
  }
  return 0;
}

static int is_code(const b24_block *b) { return b->kind == B24_BLK_CODE; }

/* Names a section whose heading words are not in the vocabulary, by what it holds. */
static b24_section_kind guess_section(const char *heading, b24_block **blocks, size_t from,
                                      size_t to, int seen_params, int seen_examples) {
  int params = 0, tabs_code = 0, errors = 0, json = 0;
  for (size_t i = from; i < to; i++) {
    const b24_block *b = blocks[i];
    if (b24_table_is_params(b)) params = 1;
    if (b->kind == B24_BLK_TABS) {
      for (size_t t = 0; t < b->n_tabs; t++)
        if (contains_kind(&b->tabs[t].blocks, is_code)) tabs_code = 1;
    }
    if (b24_table_is_errors(b)) errors = 1;
    if (b->kind == B24_BLK_CODE) {
      const char *lit = cmark_node_get_literal(b->node);
      if (lit && strstr(lit, "\"error\"")) errors = 1;
      else if (lit && strstr(lit, "\"result\"")) json = 1;
    }
  }
  if (errors) return B24_SEC_ERRORS;
  /* "Method Parameters for JS Command" with its "### Code Example" below: the
   * heading says what the section is; the examples are found page-wide. */
  if (params && b24_vocab_says_parameters(heading)) return B24_SEC_PARAMS;
  if (tabs_code) return B24_SEC_EXAMPLES;
  if (json) return B24_SEC_RESPONSE;
  if (params && !seen_params && !seen_examples) return B24_SEC_PARAMS;
  return B24_SEC_NONE;
}

static void see_also(b24_bctx *c, b24_block **blocks, size_t from, size_t to, b24_method *m) {
  size_t cap = m->n_see_also; /* a page may have the section twice: append */
  for (size_t i = from; i < to; i++) {
    const b24_block *b = blocks[i];
    if (b->kind != B24_BLK_LIST) continue;
    cmark_iter *it = cmark_iter_new(b->node);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
      cmark_node *n = cmark_iter_get_node(it);
      if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(n) != CMARK_NODE_LINK) continue;
      b24_link *l = B24_VEC_PUSH(c->a, m->see_also, m->n_see_also, cap);
      char *t = b24_node_plain_text(n);
      l->text = b24_arena_strdup(c->a, t);
      free(t);
      l->href = b24_arena_strdup(c->a, cmark_node_get_url(n));
      b24_resolve_href(c, l->href, &l->target, &l->anchor);
      l->loc = (b24_loc){c->file, b24_block_node_line(b, n)};
    }
    cmark_iter_free(it);
  }
}

/* "## Parameter fields {#fields}" after "## Method Parameters": an H2 of its own
 * that describes a parameter already read; it attaches there, as the same
 * heading one level down would. Returns 1 when the section was that. */
static int nested_params_section(b24_bctx *c, b24_block **blocks, size_t n, b24_method *m) {
  char *x = b24_vocab_nested_name(blocks[0]->text);
  if (!x) return 0;
  b24_param *target = b24_params_match_section(&m->params, x);
  free(x);
  if (!target) return 0;
  int has_table = 0;
  for (size_t i = 1; i < n && !has_table; i++)
    has_table = b24_table_is_params(blocks[i]) || blocks[i]->kind == B24_BLK_TABS;
  if (!has_table) return 0;
  b24_params_from_section(c, blocks, n, &m->params);
  return 1;
}

/* A second parameter section ("Method Parameters for IFRAME Application" after
 * "... for JS Command"): the method takes either set, so it takes their union;
 * a name both list keeps its first description. */
static void more_params(b24_bctx *c, b24_block **blocks, size_t n, b24_method *m) {
  b24_params more = {0};
  b24_params_from_section(c, blocks, n, &more);
  b24_params_append_new(c, &m->params, &more);
}

/* The pages "still being updated" give their parameter table right after the
 * intro, under no heading: the preamble's first parameter table, when no
 * section had one. A heading ends the intro ("### Returned Data" under no H2
 * holds the answer's fields, not the parameters). */
static void params_from_preamble(b24_bctx *c, b24_block **bl, size_t first_h2, const b24_block *h1,
                                 b24_method *m) {
  size_t from = 0;
  while (from < first_h2 && bl[from] != h1) from++;
  from = from < first_h2 ? from + 1 : 0;
  for (size_t i = from; i < first_h2 && bl[i]->kind != B24_BLK_HEADING; i++)
    if (b24_table_is_params(bl[i])) {
      m->params_loc = (b24_loc){c->file, bl[i]->line};
      b24_params_from_section(c, bl + i, first_h2 - i, &m->params);
      return;
    }
}

static void build_method(b24_bctx *c, const b24_doc *d, const b24_block *h1, b24_method *m) {
  b24_block **bl = d->blocks.items;
  size_t n = d->blocks.n;
  size_t first_h2 = n;
  for (size_t i = 0; i < n; i++)
    if (bl[i]->kind == B24_BLK_HEADING && bl[i]->level <= 2 && bl[i] != h1) {
      first_h2 = i;
      break;
    }
  /* Preamble: scope line, description. */
  b24_buf desc = B24_BUF_INIT;
  for (size_t i = 0; i < first_h2; i++) {
    const b24_block *b = bl[i];
    const b24_block *q = scope_quote(b);
    if (q && !m->n_scope) b24_scope_and_access(c, q, m);
    else if (b->kind == B24_BLK_PARAGRAPH || b->kind == B24_BLK_LIST) {
      char *t = b24_node_plain_text(b->node);
      if (desc.len) b24_buf_puts(&desc, "\n");
      b24_buf_puts(&desc, t);
      free(t);
    }
  }
  m->description = b24_arena_strdup(c->a, b24_buf_cstr(&desc));
  b24_buf_free(&desc);
  /* Sections. */
  int seen_params = 0, seen_examples = 0;
  for (size_t i = first_h2; i < n;) {
    const b24_block *h = bl[i];
    size_t j = i + 1;
    while (j < n && !(bl[j]->kind == B24_BLK_HEADING && bl[j]->level <= 2)) j++;
    if (seen_params && h->text && nested_params_section(c, bl + i, j - i, m)) {
      i = j;
      continue;
    }
    const char *lang = NULL;
    b24_section_kind k = b24_vocab_section(h->text ? h->text : "", &lang);
    if (lang && !c->lang) c->lang = lang;
    if (k == B24_SEC_RETURNED && !m->response.fields.n) {
      /* "## Returned Data" as an H2 of its own after "## Response Handling", or
       * "## Returned Fields" of a getFields page with no response section */
      if (!m->response.loc.line) m->response.loc = (b24_loc){c->file, h->line};
      b24_response_from_section(c, bl + i + 1, j - i - 1, m);
      i = j;
      continue;
    }
    if (k == B24_SEC_NONE || k == B24_SEC_RETURNED || k == B24_SEC_ERROR_CODES)
      k = k == B24_SEC_ERROR_CODES ? B24_SEC_ERRORS
                                   : guess_section(h->text, bl, i + 1, j, seen_params, seen_examples);
    switch (k) {
    case B24_SEC_PARAMS:
      if (!seen_params) {
        m->params_loc = (b24_loc){c->file, h->line};
        b24_params_from_section(c, bl + i + 1, j - i - 1, &m->params);
        seen_params = 1;
      } else {
        more_params(c, bl + i + 1, j - i - 1, m);
      }
      break;
    case B24_SEC_EXAMPLES:
      b24_examples_from_blocks(c, bl + i + 1, j - i - 1, m);
      seen_examples = 1;
      break;
    case B24_SEC_RESPONSE:
      if (!m->response.loc.line) {
        m->response.loc = (b24_loc){c->file, h->line};
        b24_response_from_section(c, bl + i + 1, j - i - 1, m);
      }
      break;
    case B24_SEC_ERRORS:
      b24_errors_from_section(c, bl + i + 1, j - i - 1, m);
      break;
    case B24_SEC_SEE_ALSO:
      see_also(c, bl, i + 1, j, m);
      break;
    default:
      break;
    }
    i = j;
  }
  if (!seen_params) params_from_preamble(c, bl, first_h2, h1, m);
  if (!seen_examples) b24_examples_from_blocks(c, bl, n, m);
  m->rest_version = 1;
  for (size_t i = 0; i < m->n_examples; i++)
    if (m->examples[i].url && strstr(m->examples[i].url, "/rest/api/")) m->rest_version = 3;
  m->language = (char *)(c->lang ? c->lang : "en");
}

static int has_handler_section(const b24_doc *d) {
  for (size_t i = 0; i < d->blocks.n; i++)
    if (d->blocks.items[i]->kind == B24_BLK_HEADING &&
        b24_vocab_section(d->blocks.items[i]->text, NULL) == B24_SEC_HANDLER)
      return 1;
  return 0;
}

/* ---- a title without the method's name ---- */

/* The method a request URL calls: the last path part after /rest/, without
 * ".json" and a query ("https://x/rest/1/abc/profile.json?auth=.." -> profile). */
static size_t url_method(const char *u, const char **name) {
  const char *e = u;
  while (*e && !strchr(" \t\n'\"`?\\)", *e)) e++;
  const char *s = e;
  while (s > u && s[-1] != '/') s--;
  size_t n = (size_t)(e - s);
  if (n > 5 && !strncmp(e - 5, ".json", 5)) n -= 5;
  for (size_t i = 0; i < n; i++)
    if (!isalnum((unsigned char)s[i]) && s[i] != '.' && s[i] != '_') return 0;
  *name = s;
  return n && isalpha((unsigned char)s[0]) ? n : 0;
}

typedef struct url_votes {
  const char *name;
  size_t len;
  int votes, conflict;
} url_votes;

static void votes_in(const b24_blocks *bs, url_votes *v) {
  for (size_t i = 0; i < bs->n; i++) {
    const b24_block *b = bs->items[i];
    if (b->kind == B24_BLK_CODE && b->node) {
      const char *lit = cmark_node_get_literal(b->node);
      for (const char *r = lit ? strstr(lit, "/rest/") : NULL; r; r = strstr(r + 6, "/rest/")) {
        const char *nm;
        size_t n = url_method(r + 6, &nm);
        if (!n) continue;
        if (!v->name) v->name = nm, v->len = n;
        if (v->len == n && !strncmp(v->name, nm, n)) v->votes++;
        else v->conflict = 1;
      }
    }
    for (size_t t = 0; t < b->n_tabs; t++) votes_in(&b->tabs[t].blocks, v);
    votes_in(&b->children, v);
  }
}

/* The title holds the name as a word of its own. */
static int title_has_word(const char *title, const char *name) {
  size_t n = strlen(name);
  for (const char *p = strstr(title, name); p; p = strstr(p + 1, name)) {
    int before = p == title || isspace((unsigned char)p[-1]) || p[-1] == '`';
    int after = !p[n] || isspace((unsigned char)p[n]) || p[n] == '`';
    if (before && after) return 1;
  }
  return 0;
}

/* batch.md for batch, crm-status-fields.md for crm.status.fields: the file is
 * named after the method, dots as dashes, case ignored. */
static int file_names_method(const char *file, const char *name) {
  const char *base = strrchr(file, '/');
  base = base ? base + 1 : file;
  size_t n = strlen(name);
  if (strlen(base) != n + 3 || strcmp(base + n, ".md")) return 0;
  for (size_t i = 0; i < n; i++) {
    char a = (char)tolower((unsigned char)base[i]), b = (char)tolower((unsigned char)name[i]);
    if (!a || (a != b && !(a == '-' && b == '.'))) return 0;
  }
  return 1;
}

/* "Get Basic Information About the Current User Profile" documents `profile`:
 * the one method every example URL calls, when the file name or the intro (in
 * code) names it too.
 * NULL when the examples disagree or the text does not confirm it. */
static char *name_from_examples(b24_bctx *c, const b24_doc *d, const b24_block *h1) {
  url_votes v = {0};
  votes_in(&d->blocks, &v);
  if (!v.name || v.conflict) return NULL;
  char *name = b24_arena_strndup(c->a, v.name, v.len);
  if (title_has_word(h1->text, name)) return name; /* "... nesting": a name without dots */
  if (file_names_method(c->file, name)) {
    b24_blint(c, h1->line, B24_WARNING, "title-method-name",
              "the title does not name the method; '%s' is taken from the examples' URLs "
              "and the file name",
              name);
    return name;
  }
  for (size_t i = 0; i < d->blocks.n; i++) {
    const b24_block *b = d->blocks.items[i];
    if (b->kind == B24_BLK_HEADING && b != h1) break;
    if (b->kind != B24_BLK_PARAGRAPH || !b->node) continue;
    for (cmark_node *n = cmark_node_first_child(b->node); n; n = cmark_node_next(n))
      if (cmark_node_get_type(n) == CMARK_NODE_CODE && !strcmp(cmark_node_get_literal(n), name)) {
        b24_blint(c, h1->line, B24_WARNING, "title-method-name",
                  "the title does not name the method; '%s' is taken from the examples' URLs "
                  "and the intro",
                  name);
        return name;
      }
  }
  return NULL;
}

/* The file is named after the method but for its word breaks:
 * sale-shipment-item-get-fields.md for sale.shipmentitem.getfields. */
static int file_loosely_names(const char *file, const char *name) {
  const char *base = strrchr(file, '/');
  base = base ? base + 1 : file;
  const char *end = strstr(base, ".md");
  for (;;) {
    while (base < end && *base == '-') base++;
    while (*name == '.') name++;
    if (base == end || !*name) return base == end && !*name;
    if (tolower((unsigned char)*base++) != tolower((unsigned char)*name++)) return 0;
  }
}

/* "Get Available Fields for sale.status.delete" whose every example calls
 * sale.status.getfields: a title copied from a sibling page. The examples, at
 * least two of them and all alike, are what a client runs, unless the file is
 * named after the title's method (crm-invoice-user-field-add.md, whose
 * examples were copied from crm.paysystem.list). NULL when the title stands. */
static char *name_over_title(b24_bctx *c, const b24_doc *d, const b24_block *h1, const char *title) {
  url_votes v = {0};
  votes_in(&d->blocks, &v);
  if (!v.name || v.conflict || v.votes < 2 || !strstr(c->file, ".md") ||
      file_loosely_names(c->file, title))
    return NULL;
  if (strlen(title) == v.len && !strncasecmp(title, v.name, v.len)) return NULL;
  char *name = b24_arena_strndup(c->a, v.name, v.len);
  b24_blint(c, h1->line, B24_WARNING, "title-method-name",
            "the title names '%s' but every example calls '%s': the examples' name is taken",
            title, name);
  return name;
}

static int has_method_shape(const b24_doc *d) {
  for (size_t i = 0; i < d->blocks.n; i++) {
    const b24_block *b = scope_quote(d->blocks.items[i]);
    if (!b) b = d->blocks.items[i];
    if (b->kind == B24_BLK_QUOTE) {
      char *t = b24_node_plain_text(b->node);
      int yes = b24_vocab_is_scope(t, NULL) || strstr(t, "Scope") != NULL;
      free(t);
      if (yes) return 1;
    }
    if (b->kind == B24_BLK_HEADING) {
      b24_section_kind k = b24_vocab_section(b->text, NULL);
      if (k == B24_SEC_PARAMS || k == B24_SEC_ERRORS || k == B24_SEC_RESPONSE) return 1;
    }
  }
  return 0;
}

void b24_build_page(b24_bctx *c, const b24_doc *d, b24_page *page, b24_method **method) {
  *method = NULL;
  page->path = c->file;
  const b24_block *h1 = NULL;
  for (size_t i = 0; i < d->blocks.n && !h1; i++)
    if (d->blocks.items[i]->kind == B24_BLK_HEADING && d->blocks.items[i]->level == 1)
      h1 = d->blocks.items[i];
  page_walk w = {page, 0, 0, 0, 0};
  walk_page(c, &w, &d->blocks);
  page->links = b24_arena_settle(c->a, page->links, page->n_links * sizeof *page->links);
  page->anchors = b24_arena_settle(c->a, page->anchors, page->n_anchors * sizeof *page->anchors);
  if (!h1) return;
  page->title = b24_arena_strdup(c->a, h1->text);
  int is_event;
  char *name = title_name(c, h1->text, &is_event);
  if (!name && has_handler_section(d)) {
    page->kind = B24_PAGE_EVENT;
    return;
  }
  if (!name && has_method_shape(d)) name = name_from_examples(c, d, h1);
  else if (name && !is_event && has_method_shape(d)) {
    char *other = name_over_title(c, d, h1, name);
    if (other) name = other;
  }
  if (!name) return;
  if (is_event || has_handler_section(d)) {
    page->kind = B24_PAGE_EVENT;
    page->name = name;
    return;
  }
  if (!strncmp(name, "BX24.", 5) || strchr(name, '*') || !has_method_shape(d)) return;
  page->kind = B24_PAGE_METHOD;
  page->name = name;
  b24_method *m = b24_arena_alloc(c->a, sizeof *m);
  m->name = name;
  m->title = page->title;
  m->source = c->file;
  m->line = h1->line;
  build_method(c, d, h1, m);
  b24_deprecation_from_page(c, d, m);
  *method = m;
}
