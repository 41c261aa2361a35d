/* Event pages -> b24_event: the name as the portal sends it, scope and who can
 * subscribe, the payload tree ("What the Handler Receives": its table, the nested
 * "Parameter X" sections, included fragments such as the auth table) and the
 * payload example; then, across pages, the methods that raise each event. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "model/build.h"
#include "model/example_json.h"
#include "model/print_r.h"
#include "util/buf.h"
#include "util/json_parse.h"
#include "util/json_text.h"
#include "util/sort.h"

/* ---- the name ---- */

static int is_name_char(char ch) { return isalnum((unsigned char)ch) || ch == '_'; }

static char *upper_dup(b24_arena *a, const char *s, size_t n) {
  char *u = b24_arena_strndup(a, s, n);
  for (char *p = u; *p; p++) *p = (char)toupper((unsigned char)*p);
  return u;
}

/* What a title token is: onCrmDealAdd (an event), CRM_XXX_DETAIL_TAB (a
 * placement code), BackgroundCallCard::initialized (a JS event). */
typedef enum { TOK_NONE, TOK_EVENT, TOK_PLACEMENT, TOK_JS } token_kind;

static token_kind classify_token(const char *s, size_t n) {
  if (n > 4 && memchr(s, ':', n)) {
    const char *cc = strstr(s, "::");
    if (cc && cc < s + n - 2 && cc > s) return TOK_JS;
  }
  for (size_t i = 0; i < n; i++)
    if (!is_name_char(s[i])) return TOK_NONE;
  if (n > 4 && (s[0] == 'o' || s[0] == 'O') && (s[1] == 'n' || s[1] == 'N') &&
      isupper((unsigned char)s[2]))
    return TOK_EVENT;
  int upper = 1, underscore = 0;
  for (size_t i = 0; i < n; i++) {
    upper &= !islower((unsigned char)s[i]);
    underscore |= s[i] == '_';
  }
  return n > 3 && upper && underscore ? TOK_PLACEMENT : TOK_NONE;
}

/* The first token of the title that names an event, placement or JS event. */
static token_kind title_token(const char *title, const char **tok, size_t *len) {
  const char *s = title;
  while (*s) {
    while (*s && (isspace((unsigned char)*s) || strchr("`:,\"*()", *s))) {
      if (s[0] == ':' && s[1] == ':') break;
      s++;
    }
    const char *e = s;
    while (*e && !isspace((unsigned char)*e) && !strchr("`,\"*()", *e)) e++;
    size_t n = (size_t)(e - s);
    while (n && (s[n - 1] == ':' || s[n - 1] == '.')) n--;
    token_kind k = n ? classify_token(s, n) : TOK_NONE;
    if (k != TOK_NONE) {
      *tok = s;
      *len = n;
      return k;
    }
    s = e;
  }
  return TOK_NONE;
}

/* Name and kind: the title's token first (the page model's dotted name, such as
 * CATALOG.MEASURE.ON.ADD, next), the example's "event" key, then the file. Called
 * before the example is read (its diagnostics name the event) and again after,
 * when the first call found no name of the page's own. Returns 1 when it did not. */
static int name_event(b24_bctx *c, const b24_page *page, b24_event *ev) {
  const char *tok = NULL;
  size_t n = 0;
  token_kind k = page->title ? title_token(page->title, &tok, &n) : TOK_NONE;
  int widget = strstr(c->file, "widgets/") != NULL || strstr(c->file, "embedding/") != NULL;
  if (k == TOK_EVENT && !widget) {
    ev->written = b24_arena_strndup(c->a, tok, n);
    ev->name = upper_dup(c->a, tok, n);
    ev->kind = "event";
    return 0;
  }
  if (k == TOK_JS || (k == TOK_EVENT && widget)) {
    ev->written = ev->name = b24_arena_strndup(c->a, tok, n);
    ev->kind = "js";
    return 0;
  }
  if (page->name && !widget) {
    ev->written = ev->name = page->name;
    ev->kind = "event";
    return 0;
  }
  if (k == TOK_PLACEMENT) {
    ev->written = ev->name = b24_arena_strndup(c->a, tok, n);
    ev->kind = "placement";
    return 0;
  }
  ev->kind = widget ? "placement" : "event";
  const json_t *e = ev->example ? json_object_get(ev->example, "event") : NULL;
  if (json_is_string(e) && json_string_length(e)) {
    ev->written = b24_arena_strdup(c->a, json_string_value(e));
    ev->name = upper_dup(c->a, ev->written, strlen(ev->written));
    return 0;
  }
  /* crm/quote/events/index.md -> CRM_QUOTE_EVENTS */
  b24_buf b = B24_BUF_INIT;
  const char *p = c->file;
  if (!strncmp(p, "api-reference/", 14)) p += 14;
  for (; *p && strcmp(p, ".md") && strcmp(p, "/index.md"); p++)
    b24_buf_putc(&b, is_name_char(*p) ? (char)toupper((unsigned char)*p) : '_');
  ev->written = ev->name = b24_arena_strdup(c->a, b.data ? b.data : "EVENT");
  b24_buf_free(&b);
  return 1;
}

/* ---- the payload example ---- */

static const b24_block *first_code(const b24_blocks *bs) {
  for (size_t i = 0; i < bs->n; i++) {
    const b24_block *b = bs->items[i];
    if (b->kind == B24_BLK_CODE) return b;
    if (b->kind == B24_BLK_HEADING) return NULL; /* only the section's own lead example */
    const b24_block *in = NULL;
    if (b->kind == B24_BLK_TABS)
      for (size_t t = 0; t < b->n_tabs && !in; t++) in = first_code(&b->tabs[t].blocks);
    else if (b->kind == B24_BLK_NOTE || b->kind == B24_BLK_CUT || b->kind == B24_BLK_IF)
      in = first_code(&b->children);
    if (in) return in;
  }
  return NULL;
}

/* "callback({...});", "callback("idle", {...});": the call's arguments as a JSON
 * text, the one argument itself or an array of several. */
static char *js_arguments(const char *lit) {
  const char *open = strchr(lit, '(');
  const char *close = strrchr(lit, ')');
  if (!open || !close || close < open) return NULL;
  for (const char *p = lit; p < open; p++)
    if (!is_name_char(*p) && !isspace((unsigned char)*p) && *p != '.') return NULL;
  b24_buf b = B24_BUF_INIT;
  b24_buf_putc(&b, '[');
  b24_buf_put(&b, open + 1, (size_t)(close - open - 1));
  b24_buf_putc(&b, ']');
  json_t *args = json_loads(b.data, 0, NULL);
  b24_buf_free(&b);
  if (!args) return NULL;
  json_t *one = json_array_size(args) == 1 ? json_array_get(args, 0) : args;
  char *text = b24_json_dumps(one, JSON_ENCODE_ANY);
  json_decref(args);
  return text;
}

static void read_example(b24_bctx *c, const b24_block *code, b24_event *ev) {
  const char *lit = cmark_node_get_literal(code->node);
  const char *info = cmark_node_get_fence_info(code->node);
  if (!lit) return;
  ev->example_text = b24_arena_strdup(c->a, lit);
  ev->example_lang = b24_arena_strdup(c->a, info && *info ? info : "");
  ev->example_loc = (b24_loc){c->file, code->line + 1};
  const char *s = lit;
  while (isspace((unsigned char)*s)) s++;
  char err[256] = "";
  if (!strncmp(s, "Array", 5)) {
    ev->example = b24_print_r_parse(s, err, sizeof err);
  } else {
    char *inner = *s == '{' || *s == '[' ? NULL : js_arguments(s);
    const char *text = inner ? inner : s;
    json_error_t je;
    ev->example = json_loads(text, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &je);
    if (!ev->example) {
      snprintf(err, sizeof err, "line %d: %s", je.line, je.text);
      ev->example = b24_example_json_elided(text, strlen(text), JSON_REJECT_DUPLICATES | JSON_DECODE_ANY);
      if (ev->example) {
        ev->example_error = b24_arena_strdup(c->a, err);
        b24_blint(c, ev->example_loc.line, B24_WARNING, "event-example",
                  "the payload example of %s is not JSON (%s); read with its elisions left out",
                  ev->name, err);
      }
    }
    free(inner);
  }
  if (!ev->example) {
    ev->example_error = b24_arena_strdup(c->a, err);
    b24_blint(c, ev->example_loc.line, B24_WARNING, "event-example",
              "the payload example of %s cannot be read: %s", ev->name, err);
  }
}

/* ---- the payload tree ---- */

static const b24_block *table_in(const b24_blocks *bs, int depth) {
  for (size_t i = 0; i < bs->n && depth < 8; i++) {
    const b24_block *b = bs->items[i];
    if (b24_table_is_params(b)) return b;
    if (b->kind == B24_BLK_INCLUDE || b->kind == B24_BLK_NOTE || b->kind == B24_BLK_IF) {
      const b24_block *t = table_in(&b->children, depth + 1);
      if (t) return t;
    }
  }
  return NULL;
}

static void tables_of(b24_bctx *c, const b24_blocks *bs, b24_params *out, int depth) {
  for (size_t i = 0; i < bs->n && depth < 8; i++) {
    const b24_block *b = bs->items[i];
    if (b24_table_is_params(b)) {
      b24_params ps = {0};
      b24_params_from_table(c, b, &ps);
      b24_params_append_new(c, out, &ps);
    } else if (b->kind == B24_BLK_NOTE || b->kind == B24_BLK_IF) {
      tables_of(c, &b->children, out, depth + 1);
    }
  }
}

/* An included fragment's tables (the widget's standard data has two: the query
 * string's and the body's), their rows at the fragment's own lines. What is
 * wrong in the fragment is the fragment's: it is not reported at each page. */
static void table_from_include(b24_bctx *c, const b24_block *inc, b24_params *out) {
  if (!inc->extra || !table_in(&inc->children, 0)) return;
  b24_diags quiet;
  b24_diags_init(&quiet);
  size_t rows = 0, reasons[B24_ROW_PROBLEM_COUNT] = {0};
  b24_bctx ic = *c;
  ic.file = b24_intern(c, inc->extra);
  ic.diags = &quiet;
  ic.rows_unparsed = &rows;
  ic.rows_unparsed_reasons = reasons;
  ic.reading_objects = 1;
  tables_of(&ic, &inc->children, out, 0);
  b24_diags_free(&quiet);
}

/* The parameter a heading under the payload names: "Parameter FIELDS", "Field
 * FIELDS_BEFORE", "Array Element DATA", "PLACEMENT_OPTIONS". malloc'd or NULL. */
static char *heading_param(const char *text) {
  char *x = b24_vocab_nested_name(text);
  if (x) return x;
  static const char *const lead[] = {"Field ", "Array Element ", "Element ", "Object "};
  for (size_t i = 0; i < sizeof lead / sizeof lead[0]; i++)
    if (!strncmp(text, lead[i], strlen(lead[i]))) {
      text += strlen(lead[i]);
      break;
    }
  for (const char *p = text; *p; p++)
    if (isspace((unsigned char)*p)) return NULL;
  return *text ? strdup(text) : NULL;
}

/* What b24_params_from_section leaves: tables reached through an include (the
 * auth fragment under "Parameter auth", the widget's standard data at the top)
 * and headings that name a parameter without the word "Parameter". */
static void fill_payload(b24_bctx *c, b24_block **bl, size_t n, b24_params *root) {
  b24_param *target = NULL;
  int under_heading = 0;
  for (size_t i = 0; i < n; i++) {
    const b24_block *b = bl[i];
    if (b->kind == B24_BLK_HEADING) {
      char *x = heading_param(b->text);
      target = x ? b24_params_match_section(root, x) : NULL;
      if (x && !target && b24_vocab_nested_is_explicit(b->text))
        b24_blint(c, b->line, B24_WARNING, "param-section-unmatched",
                  "section '%s' describes parameter '%s', which no table lists", b->text, x);
      free(x);
      under_heading = 1;
      if (target && (target->children.n || target->n_variants)) target = NULL;
      if (target) {
        const b24_block *t = NULL;
        for (size_t k = i + 1; k < n && bl[k]->kind != B24_BLK_HEADING && !t; k++)
          if (b24_table_is_params(bl[k])) t = bl[k];
        if (t) {
          b24_params_from_table(c, t, &target->children);
          target = NULL;
        }
      }
      continue;
    }
    if (b->kind != B24_BLK_INCLUDE) continue;
    if (target && !target->children.n) table_from_include(c, b, &target->children);
    else if (!under_heading && !root->n) table_from_include(c, b, root);
  }
}

/* Flat dotted rows ("data.FIELDS" next to "data") moved under their parent. */
static void nest_dotted(b24_bctx *c, b24_params *ps, int depth) {
  if (depth > 16) return;
  size_t keep = 0;
  for (size_t i = 0; i < ps->n; i++) {
    b24_param p = ps->items[i];
    const char *dot = strchr(p.name, '.');
    b24_param *parent = NULL;
    if (dot && dot > p.name && dot[1]) {
      for (size_t k = 0; k < keep && !parent; k++)
        if (strlen(ps->items[k].name) == (size_t)(dot - p.name) &&
            !strncmp(ps->items[k].name, p.name, (size_t)(dot - p.name)))
          parent = &ps->items[k];
    }
    if (!parent) {
      ps->items[keep++] = p;
      continue;
    }
    p.name = b24_arena_strdup(c->a, dot + 1);
    b24_params *ch = &parent->children;
    b24_param *grown = b24_arena_alloc(c->a, (ch->n + 1) * sizeof *grown);
    if (ch->n) memcpy(grown, ch->items, ch->n * sizeof *grown);
    grown[ch->n++] = p;
    ch->items = grown;
  }
  ps->n = keep;
  for (size_t i = 0; i < ps->n; i++) nest_dotted(c, &ps->items[i].children, depth + 1);
}

static int section_has_table(b24_block **bl, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (b24_table_is_params(bl[i]) || (bl[i]->kind == B24_BLK_INCLUDE && table_in(&bl[i]->children, 0)))
      return 1;
  return 0;
}

/* The section's tables as method pages read theirs; then the dotted rows nested,
 * which lets "Parameter FIELDS" find data.FIELDS; then what is left. Headings the
 * first reading could not place are reported once, by fill_payload. */
static void payload_from(b24_bctx *c, b24_block **bl, size_t from, size_t to, b24_event *ev) {
  b24_bctx first = *c;
  first.reading_objects = 1;
  b24_params_from_section(&first, bl + from, to - from, &ev->payload);
  nest_dotted(c, &ev->payload, 0);
  fill_payload(c, bl + from, to - from, &ev->payload);
}

/* ---- the page ---- */


b24_event *b24_build_event(b24_bctx *c, const b24_doc *d, const b24_page *page) {
  b24_block **bl = d->blocks.items;
  size_t n = d->blocks.n;
  const b24_block *h1 = NULL;
  size_t first_h2 = n, handler = n;
  for (size_t i = 0; i < n; i++) {
    const b24_block *b = bl[i];
    if (b->kind != B24_BLK_HEADING) continue;
    if (b->level == 1 && !h1) h1 = b;
    else if (b->level <= 2 && first_h2 == n) first_h2 = i;
    if (b->level <= 2 && handler == n && b24_vocab_section(b->text, NULL) == B24_SEC_HANDLER)
      handler = i;
  }
  b24_event *ev = b24_arena_alloc(c->a, sizeof *ev);
  ev->title = page->title;
  ev->source = c->file;
  ev->line = h1 ? h1->line : 1;
  int unnamed = name_event(c, page, ev);
  /* Preamble: scope, who can subscribe, description. */
  b24_method tmp = {0};
  b24_buf desc = B24_BUF_INIT;
  for (size_t i = h1 ? (size_t)0 : n; i < first_h2; i++) {
    const b24_block *b = bl[i];
    if (b->kind == B24_BLK_QUOTE && !tmp.n_scope) b24_scope_and_access(c, b, &tmp);
    else if (b->kind == B24_BLK_PARAGRAPH) {
      char *t = b24_node_plain_text(b->node);
      if (desc.len) b24_buf_puts(&desc, "\n");
      b24_buf_puts(&desc, t);
      free(t);
    }
  }
  ev->scope = tmp.scope;
  ev->n_scope = tmp.n_scope;
  ev->subscribers = tmp.access;
  ev->description = b24_arena_strdup(c->a, b24_buf_cstr(&desc));
  b24_buf_free(&desc);
  /* The handler section; its table may stand in a later "... Parameters" section. */
  size_t end = handler < n ? handler + 1 : n; /* the handler section's end */
  while (end < n && !(bl[end]->kind == B24_BLK_HEADING && bl[end]->level <= 2)) end++;
  if (handler < n) {
    ev->payload_loc = (b24_loc){c->file, bl[handler]->line};
    b24_blocks sec = {bl + handler + 1, end - handler - 1};
    const b24_block *code = first_code(&sec);
    if (code) read_example(c, code, ev);
    if (section_has_table(bl + handler + 1, end - handler - 1)) {
      payload_from(c, bl, handler + 1, end, ev);
    } else {
      for (size_t i = end; i < n && !ev->payload.n;) {
        size_t j = i + 1;
        while (j < n && !(bl[j]->kind == B24_BLK_HEADING && bl[j]->level <= 2)) j++;
        if (b24_vocab_says_parameters(bl[i]->text) && section_has_table(bl + i + 1, j - i - 1)) {
          ev->payload_loc = (b24_loc){c->file, bl[i]->line};
          payload_from(c, bl, i + 1, j, ev);
        }
        i = j;
      }
    }
  }
  if (unnamed) name_event(c, page, ev);
  int no_table = !ev->payload.n && handler < n;
  if (no_table) b24_event_payload_from_text(c, bl + handler + 1, end - handler - 1, ev);
  /* an events/index.md shows what all its events pass and links their pages,
   * which have the tables; a page may say that nothing is passed */
  const char *base = strrchr(c->file, '/');
  int overview = !strcmp(base ? base + 1 : c->file, "index.md");
  if (no_table && !overview && !(ev->payload_from && !strcmp(ev->payload_from, "none")))
    b24_blint(c, ev->payload_loc.line, B24_WARNING, "event-payload",
              "the handler section of %s has no table of what the handler receives", ev->name);
  return ev;
}

/* ---- across pages: who raises what ---- */

/* "crm.deal.add" -> "CRMDEALADD"; skip drops that many leading segments. */
static void squash(const char *name, size_t skip, char *out, size_t cap) {
  size_t k = 0;
  const char *s = name;
  for (; skip && *s; s++)
    if (*s == '.') skip--;
  for (; *s && k + 1 < cap; s++)
    if (isalnum((unsigned char)*s)) out[k++] = (char)toupper((unsigned char)*s);
  out[k] = 0;
}

static const char *last_segment(const char *name) {
  const char *dot = strrchr(name, '.');
  return dot ? dot + 1 : name;
}

static int is_write_action(const char *a) {
  return !strcmp(a, "add") || !strcmp(a, "update") || !strcmp(a, "delete");
}

/* The dotted path of the object's id in the payload: data.FIELDS.ID, data.ID. */
static int find_id_path(const b24_params *ps, b24_buf *path, int depth) {
  if (depth > 4) return 0;
  for (size_t i = 0; i < ps->n; i++)
    if (!strcmp(ps->items[i].name, "ID") || !strcmp(ps->items[i].name, "id")) {
      b24_buf_puts(path, ps->items[i].name);
      return 1;
    }
  for (size_t i = 0; i < ps->n; i++) {
    const b24_param *p = &ps->items[i];
    if (!p->children.n || !strcmp(p->name, "auth")) continue;
    size_t mark = path->len;
    b24_buf_printf(path, "%s.", p->name);
    if (find_id_path(&p->children, path, depth + 1)) return 1;
    path->len = mark;
    if (path->data) path->data[mark] = 0;
  }
  return 0;
}

static void add_raiser(b24_model *m, b24_event *ev, size_t *cap, const char *method,
                       const char *via) {
  for (size_t i = 0; i < ev->n_raised_by; i++)
    if (!strcmp(ev->raised_by[i].method, method)) return;
  b24_event_raiser *r = B24_VEC_PUSH(&m->arena, ev->raised_by, ev->n_raised_by, *cap);
  r->method = b24_arena_strdup(&m->arena, method);
  r->action = b24_arena_strdup(&m->arena, last_segment(method));
  r->via = (char *)via;
  b24_buf path = B24_BUF_INIT;
  const b24_params *data = &ev->payload;
  r->id_key = find_id_path(data, &path, 0) ? b24_arena_strdup(&m->arena, path.data) : NULL;
  b24_buf_free(&path);
}

static int cmp_event(const void *a, const void *b) {
  const b24_event *x = a, *y = b;
  int c = strcmp(x->name, y->name);
  return c ? c : strcmp(x->source, y->source);
}

void b24_events_finish(b24_model *m) {
  b24_qsort(m->events, m->n_events, sizeof *m->events, cmp_event);
  for (size_t e = 0; e < m->n_events; e++) {
    b24_event *ev = &m->events[e];
    if (strcmp(ev->kind, "event") || strncmp(ev->name, "ON", 2)) continue;
    size_t cap = 0;
    char want[256];
    squash(ev->name + 2, 0, want, sizeof want);
    /* By family: ONCRMDEALADD <- crm.deal.add; ONTASKADD <- tasks.task.add. */
    for (size_t i = 0; i < m->n_methods; i++) {
      const b24_method *x = &m->methods[i];
      if (x->rest_version == 3 || !is_write_action(last_segment(x->name))) continue;
      char have[256], tail[256];
      squash(x->name, 0, have, sizeof have);
      squash(x->name, 1, tail, sizeof tail);
      if (!strcmp(have, want) || !strcmp(tail, want)) add_raiser(m, ev, &cap, x->name, "family");
    }
    /* By link: the event page links a write method whose action ends the name. */
    const b24_page *pg = b24_model_find_page(m, ev->source);
    for (size_t l = 0; pg && l < pg->n_links; l++) {
      const b24_page *t = pg->links[l].target ? b24_model_find_page(m, pg->links[l].target) : NULL;
      if (!t || t->kind != B24_PAGE_METHOD || !t->name) continue;
      const char *act = last_segment(t->name);
      char up[32];
      squash(act, 0, up, sizeof up);
      size_t wl = strlen(want), ul = strlen(up);
      if (is_write_action(act) && wl > ul && !strcmp(want + wl - ul, up))
        add_raiser(m, ev, &cap, t->name, "link");
    }
  }
}

const b24_event *b24_model_find_event(const b24_model *m, const char *name) {
  char up[256];
  size_t n = strlen(name) < sizeof up - 1 ? strlen(name) : sizeof up - 1;
  for (size_t i = 0; i < n; i++) up[i] = (char)toupper((unsigned char)name[i]);
  up[n] = 0;
  size_t lo = 0, hi = m->n_events;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (strcmp(m->events[mid].name, up) < 0) lo = mid + 1;
    else hi = mid;
  }
  if (lo < m->n_events && !strcmp(m->events[lo].name, up)) return &m->events[lo];
  for (size_t i = 0; i < m->n_events; i++) /* js events keep their case */
    if (!strcmp(m->events[i].name, name)) return &m->events[i];
  return NULL;
}
