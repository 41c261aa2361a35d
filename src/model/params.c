/* Parameter tables -> parameter trees: rows, the name/type cell, descriptions with
 * their "Possible values" and "Default is", nested "Parameter X" sections matched
 * to the parameter X at any depth, and per-variant tables in tabs. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "model/build.h"
#include "util/buf.h"

/* ---- table kinds ---- */

static char *header_word(const b24_cell *cell, char *buf, size_t cap) {
  size_t n = 0;
  for (const char *s = cell->raw; *s && *s != '\n' && n + 1 < cap; s++)
    if (*s != '*' && *s != '`') buf[n++] = *s;
  while (n && buf[n - 1] == ' ') n--;
  buf[n] = 0;
  b24_lower_utf8(buf);
  char *p = buf;
  while (*p == ' ') p++;
  return p;
}

static int any_of(const char *w, const char *const *words) {
  for (; *words; words++)
    if (!strcmp(w, *words)) return 1;
  return 0;
}

static const char *const name_words[] = {"name", "parameter", "parameters", "field", "fields",
                                         "key", "title", "value", "property", "название",
                                         "параметр", "параметры", "поле", "ключ", "имя",
                                         "значение", NULL};

/* The first header cell without its type part: "parameter / type", "name type",
 * "поле / тип" -> the name word. */
static char *name_header_word(const b24_cell *cell, char *buf, size_t cap) {
  char *w = header_word(cell, buf, cap);
  size_t n = strlen(w);
  static const char *const tails[] = {" type", " тип", NULL};
  for (const char *const *t = tails; *t; t++) {
    size_t k = strlen(*t);
    if (n > k && !strcmp(w + n - k, *t)) w[n -= k] = 0;
  }
  while (n && (w[n - 1] == ' ' || w[n - 1] == '/')) w[--n] = 0;
  return w;
}

/* What a column of a parameter table holds, by its header word. */
typedef enum {
  COL_UNKNOWN = 0, COL_NAME, COL_DESCRIPTION, COL_TYPE, COL_EXAMPLE, COL_SINCE, COL_DEFAULT,
  COL_REQUIRED, COL_IGNORED
} col_role;

static col_role column_role(const char *w) {
  static const struct { const char *word; col_role role; } map[] = {
      {"description", COL_DESCRIPTION}, {"descriptions and values", COL_DESCRIPTION},
      {"note", COL_DESCRIPTION}, {"notes", COL_DESCRIPTION}, {"comment", COL_DESCRIPTION},
      {"restrictions", COL_DESCRIPTION}, {"additional", COL_DESCRIPTION},
      {"additional information", COL_DESCRIPTION}, {"описание", COL_DESCRIPTION},
      {"примечание", COL_DESCRIPTION}, {"комментарий", COL_DESCRIPTION},
      {"type", COL_TYPE}, {"тип", COL_TYPE},
      {"example", COL_EXAMPLE}, {"example value", COL_EXAMPLE}, {"пример", COL_EXAMPLE},
      {"revision", COL_SINCE}, {"available since", COL_SINCE}, {"available from", COL_SINCE},
      {"version", COL_SINCE}, {"since", COL_SINCE}, {"версия", COL_SINCE},
      {"ревизия", COL_SINCE}, {"с версии", COL_SINCE}, {"доступен с", COL_SINCE},
      {"default", COL_DEFAULT}, {"default value", COL_DEFAULT}, {"по умолчанию", COL_DEFAULT},
      {"required", COL_REQUIRED}, {"обязательный", COL_REQUIRED},
      {"обязательность", COL_REQUIRED},
      /* entity field tables: access flags, not part of a description */
      {"read", COL_IGNORED}, {"write", COL_IGNORED}, {"immutable", COL_IGNORED},
      {"чтение", COL_IGNORED}, {"запись", COL_IGNORED},
  };
  for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
    if (!strcmp(w, map[i].word)) return map[i].role;
  return COL_UNKNOWN;
}

/* A parameter table's header: a bold name word first ("**Parameter** / **Type**",
 * "**Name**\n`type`"), and "Method" where a page misnames that column. */
static int is_header_row(const b24_row *r, int *weak) {
  *weak = 0;
  if (r->n_cells < 2) return 0;
  if (strncmp(r->cells[0].raw, "**", 2) != 0) return 0; /* the label must be bold */
  char buf[128];
  const char *w = name_header_word(&r->cells[0], buf, sizeof buf);
  if (any_of(w, name_words)) return 1;
  if (!strcmp(w, "method") || !strcmp(w, "метод")) return *weak = 1;
  return 0;
}

static int cell_mentions_type(const b24_cell *c) {
  const char *nl = strchr(c->raw, '\n');
  const char *t = nl ? nl + 1 : c->raw;
  return strstr(t, "type") || strstr(t, "Type") || strstr(t, "тип") || strstr(c->raw, "`type`");
}

/* Every column after the first is one a parameter table has (description,
 * example, revision, ...): "**Parameter** | **Example** | **Description** |
 * **Revision**" is a parameter table even without a type column. */
static int known_columns(const b24_row *r) {
  char buf[128];
  int desc = 0;
  for (size_t i = 1; i < r->n_cells; i++) {
    col_role k = column_role(header_word(&r->cells[i], buf, sizeof buf));
    if (k == COL_UNKNOWN) return 0;
    desc |= k == COL_DESCRIPTION;
  }
  return desc;
}

/* A weak header's table is a parameter table when its rows name parameters,
 * bold or in code, and none links to a page (the method lists of overview
 * pages, "|| [task.item.add](./task-item-add.md) | ... ||"). */
static int rows_name_params(const b24_block *t) {
  for (size_t i = 1; i < t->n_rows; i++) {
    const char *s = t->rows[i].cells[0].raw;
    while (*s == ' ') s++;
    if (strncmp(s, "**", 2) && *s != '`') return 0;
    while (*s == '*' || *s == '`') s++;
    if (*s == '[') return 0;
  }
  return t->n_rows > 1;
}

int b24_table_is_params(const b24_block *t) {
  if (t->kind != B24_BLK_TABLE || !t->n_rows) return 0;
  const b24_row *r = &t->rows[0];
  int weak;
  if (is_header_row(r, &weak)) {
    if (weak && !rows_name_params(t)) return 0;
    return cell_mentions_type(&r->cells[0]) || r->n_cells == 2 || known_columns(r);
  }
  /* Headerless: a bold name and a linked type in the first cell. */
  return r->n_cells >= 2 && !strncmp(r->cells[0].raw, "**", 2) && strstr(r->cells[0].raw, "](");
}

int b24_table_is_errors(const b24_block *t) {
  if (t->kind != B24_BLK_TABLE || !t->n_rows || t->rows[0].n_cells < 2) return 0;
  if (b24_table_is_params(t)) return 0;
  static const char *const code_words[] = {"code", "код", "error code", "код ошибки", "status",
                                           "статус", "field", "поле", "error text",
                                           "error message", "текст ошибки", NULL};
  char buf[128];
  const char *w = header_word(&t->rows[0].cells[0], buf, sizeof buf);
  if (!any_of(w, code_words)) return 0;
  for (size_t i = 0; i < t->rows[0].n_cells; i++) {
    const char *x = header_word(&t->rows[0].cells[i], buf, sizeof buf);
    if (strstr(x, "code") || strstr(x, "код") || strstr(x, "error") || strstr(x, "ошибк"))
      return 1;
  }
  return 0;
}

/* ---- one row ---- */

static int identifier_char(char ch) {
  return isalnum((unsigned char)ch) || ch == '_' || ch == '-' || ch == '.';
}

/* "IBLOCK_CODE/IBLOCK_ID": either name, one parameter. The name becomes the
 * first; every one is kept in alternatives. A '/' inside anything but plain
 * identifiers ("date/time", "UF_*") is left as written. */
static void split_alternatives(b24_bctx *c, b24_param *p) {
  const char *s = p->name;
  size_t parts = 1;
  for (const char *q = s; *q; q++) {
    if (*q == '/') {
      if (q == s || !q[1] || q[1] == '/' || q[-1] == '/') return;
      parts++;
    } else if (!identifier_char(*q)) {
      return;
    }
  }
  if (parts < 2) return;
  p->alternatives = b24_arena_alloc(c->a, parts * sizeof *p->alternatives);
  p->n_alternatives = 0;
  for (const char *q = s;;) {
    const char *e = strchr(q, '/');
    size_t n = e ? (size_t)(e - q) : strlen(q);
    p->alternatives[p->n_alternatives++] = b24_arena_strndup(c->a, q, n);
    if (!e) break;
    q = e + 1;
  }
  p->name = p->alternatives[0];
}

/* Reads `**NAME***`, `**N**^*^`, `**N^*^**`, `**N****`, `**UF_\***`, `` `N` ``.
 * Returns the offset where the type part begins, or 0 when there is no name. */
static size_t parse_name(b24_bctx *c, const char *raw, b24_param *p) {
  const char *s = raw;
  while (*s == ' ') s++;
  const char *name = NULL;
  size_t nlen = 0;
  const char *after;
  if (s[0] == '*' && s[1] == '*') {
    const char *q = s + 2;
    while (*q && !(q[0] == '*' && q[1] == '*' && q > s + 2)) {
      if (*q == '\\' && q[1]) q++;
      if (*q == '\n') break;
      q++;
    }
    if (!(q[0] == '*' && q[1] == '*')) return 0;
    name = s + 2;
    nlen = (size_t)(q - name);
    after = q + 2;
    size_t stars = 0;
    while (after[stars] == '*') stars++;
    if (stars == 1 || stars == 3) p->required = true; /* ** is "from product data" */
    after += stars;
    if (!strncmp(after, "^*^", 3)) p->required = true, after += 3;
  } else if (s[0] == '`') {
    const char *e = strchr(s + 1, '`');
    if (!e) return 0;
    name = s + 1;
    nlen = (size_t)(e - name);
    after = e + 1;
    if (*after == '*') p->required = true, after++;
  } else {
    const char *e = s;
    while (*e && !isspace((unsigned char)*e) && *e != '[' && *e != '`') e++;
    if (e == s) return 0;
    name = s;
    nlen = (size_t)(e - s);
    after = e;
    if (nlen > 1 && name[nlen - 1] == '*' && name[nlen - 2] != '\\') p->required = true, nlen--;
  }
  /* N^*^ inside the bold */
  if (nlen >= 3 && !strncmp(name + nlen - 3, "^*^", 3)) p->required = true, nlen -= 3;
  p->name = b24_strip_inline(c->a, name, nlen);
  /* `$lid`: the PHP variable of the old landing pages names the parameter lid */
  if (p->name[0] == '$' && (isalpha((unsigned char)p->name[1]) || p->name[1] == '_')) p->name++;
  if (!p->name[0]) return 0;
  split_alternatives(c, p);
  p->wildcard = strchr(p->name, '*') || p->name[0] == '<' || p->name[0] == '{' ||
                p->name[0] == '~' || strchr(p->name, ' ') || strstr(p->name, "...") ||
                strstr(p->name, "…");
  return (size_t)(after - raw);
}

static void append_plain(b24_buf *b, const b24_blocks *bs);

static void append_block_plain(b24_buf *b, const b24_block *blk) {
  if (blk->node) {
    char *t = b24_node_plain_text(blk->node);
    if (b->len) b24_buf_putc(b, '\n');
    b24_buf_puts(b, t);
    free(t);
  } else if (blk->kind == B24_BLK_NOTE || blk->kind == B24_BLK_CUT || blk->kind == B24_BLK_IF) {
    append_plain(b, &blk->children);
  }
}

static void append_plain(b24_buf *b, const b24_blocks *bs) {
  for (size_t i = 0; i < bs->n; i++) append_block_plain(b, bs->items[i]);
}

static int token_like(const char *v) {
  if (!*v || strlen(v) > 64) return 0;
  for (const char *s = v; *s; s++)
    if (isspace((unsigned char)*s) || *s == '<' || *s == '>' || *s == '=' || *s == ',') return 0;
  return 1;
}

/* "Possible values:" followed by a list whose items start with a code span. */
static void find_enum(b24_bctx *c, const b24_blocks *bs, b24_param *p) {
  for (size_t i = 0; i + 1 < bs->n; i++) {
    const b24_block *para = bs->items[i], *list = bs->items[i + 1];
    if (para->kind != B24_BLK_PARAGRAPH || list->kind != B24_BLK_LIST) continue;
    char *t = b24_node_plain_text(para->node);
    int yes = b24_vocab_possible_values(t);
    free(t);
    if (!yes) continue;
    size_t cap = 0, n = 0;
    char **vals = NULL;
    int ok = 1;
    for (cmark_node *item = cmark_node_first_child(list->node); item && ok;
         item = cmark_node_next(item)) {
      cmark_node *ip = cmark_node_first_child(item);
      cmark_node *first = ip ? cmark_node_first_child(ip) : NULL;
      if (!first || cmark_node_get_type(first) != CMARK_NODE_CODE) {
        ok = 0;
        break;
      }
      const char *v = cmark_node_get_literal(first);
      if (!token_like(v)) ok = 0;
      else *B24_VEC_PUSH(c->a, vals, n, cap) = b24_arena_strdup(c->a, v);
    }
    if (ok && n) {
      p->enum_values = vals;
      p->n_enum = n;
      return;
    }
  }
}

static const b24_block *first_params_table(const b24_blocks *bs) {
  for (size_t i = 0; i < bs->n; i++) {
    const b24_block *b = bs->items[i];
    if (b24_table_is_params(b)) return b;
    if (b->kind == B24_BLK_NOTE || b->kind == B24_BLK_CUT || b->kind == B24_BLK_IF) {
      const b24_block *t = first_params_table(&b->children);
      if (t) return t;
    }
  }
  return NULL;
}

/* The columns of one table: the role of each, and where the description is
 * (the first description column; the second cell when the header says nothing). */
typedef struct table_columns {
  col_role role[16];
  size_t n;
  size_t desc;
} table_columns;

static void columns_of(const b24_block *t, int has_header, table_columns *tc) {
  memset(tc, 0, sizeof *tc);
  tc->desc = 1;
  if (!has_header) return;
  const b24_row *h = &t->rows[0];
  tc->n = h->n_cells < 16 ? h->n_cells : 16;
  tc->role[0] = COL_NAME;
  char buf[128];
  int found = 0;
  for (size_t i = 1; i < tc->n; i++) {
    tc->role[i] = column_role(header_word(&h->cells[i], buf, sizeof buf));
    if (tc->role[i] == COL_DESCRIPTION && !found) tc->desc = i, found = 1;
  }
}

static col_role role_at(const table_columns *tc, size_t i) {
  return i < tc->n ? tc->role[i] : COL_UNKNOWN;
}

/* A short cell's text without its code marks: `CHAT` -> CHAT; "-" and "" are none. */
static char *cell_value(b24_bctx *c, const b24_cell *cell) {
  const char *s = cell->raw;
  size_t n = strlen(s);
  while (n && (*s == '`' || *s == ' ')) s++, n--;
  while (n && (s[n - 1] == '`' || s[n - 1] == ' ')) n--;
  if (!n || (n == 1 && *s == '-')) return NULL;
  if (n == 3 && !strncmp(s, "—", 3)) return NULL;
  return b24_arena_strndup(c->a, s, n);
}

static int says_yes(const char *v) {
  static const char *const yes[] = {"yes", "y", "true", "+", "да", "required", "обязательный", NULL};
  char buf[32];
  snprintf(buf, sizeof buf, "%s", v);
  b24_lower_utf8(buf);
  return any_of(buf, yes);
}

static void parse_row(b24_bctx *c, const b24_row *r, const table_columns *tc, b24_param *p) {
  p->loc = (b24_loc){c->file, r->line};
  size_t off = parse_name(c, r->cells[0].raw, p);
  const char *type_raw = r->cells[0].raw + off;
  b24_parse_type(c, type_raw, strlen(type_raw), &p->type);
  b24_buf d = B24_BUF_INIT;
  char *def = NULL;
  for (size_t i = 1; i < r->n_cells; i++) {
    const b24_cell *cell = &r->cells[i];
    switch (role_at(tc, i)) {
    case COL_TYPE:
      if (!p->type.n_alts) b24_parse_type(c, cell->raw, strlen(cell->raw), &p->type);
      break;
    case COL_EXAMPLE:
      p->example = cell_value(c, cell);
      break;
    case COL_SINCE:
      p->since = cell_value(c, cell);
      break;
    case COL_DEFAULT: {
      char *v = cell_value(c, cell);
      if (v) def = strdup(v);
      break;
    }
    case COL_REQUIRED: {
      char *v = cell_value(c, cell);
      if (v && says_yes(v)) p->required = true;
      break;
    }
    case COL_IGNORED:
      break;
    default:
      append_plain(&d, &cell->blocks);
    }
  }
  p->description = b24_arena_strdup(c->a, b24_buf_cstr(&d));
  b24_buf_free(&d);
  if (tc->desc < r->n_cells) {
    const b24_cell *dc = &r->cells[tc->desc];
    find_enum(c, &dc->blocks, p);
    if (!def) def = b24_vocab_default(dc->raw);
    /* A table nested in the description cell describes the parameter's fields. */
    const b24_block *nested = first_params_table(&dc->blocks);
    if (nested) b24_params_from_table(c, nested, &p->children);
  }
  if (def) {
    p->default_value = b24_arena_strdup(c->a, def);
    free(def);
  }
}

/* Names seen in one table: a hash set, so a table of any size is checked in
 * linear time. */
typedef struct seen_slot {
  const char *name; /* NULL: empty */
  size_t index;
} seen_slot;

typedef struct seen_set {
  seen_slot *slots;
  size_t cap, n;
} seen_set;

static size_t name_hash(const char *s) {
  size_t h = 5381;
  for (; *s; s++) h = h * 33 + (unsigned char)*s;
  return h;
}

/* Adds name at index; returns the index of an earlier equal name, or -1. */
static long seen_add(seen_set *t, const char *name, size_t index) {
  if (2 * (t->n + 1) > t->cap) {
    size_t ncap = t->cap ? t->cap * 2 : 64;
    seen_slot *ns = calloc(ncap, sizeof *ns);
    for (size_t i = 0; i < t->cap; i++)
      if (t->slots[i].name) {
        size_t k = name_hash(t->slots[i].name) & (ncap - 1);
        while (ns[k].name) k = (k + 1) & (ncap - 1);
        ns[k] = t->slots[i];
      }
    free(t->slots);
    t->slots = ns;
    t->cap = ncap;
  }
  size_t k = name_hash(name) & (t->cap - 1);
  while (t->slots[k].name) {
    if (!strcmp(t->slots[k].name, name)) return (long)t->slots[k].index;
    k = (k + 1) & (t->cap - 1);
  }
  t->slots[k] = (seen_slot){name, index};
  t->n++;
  return -1;
}

void b24_params_from_table(b24_bctx *c, const b24_block *t, b24_params *out) {
  seen_set seen = {0};
  out->items = NULL;
  out->n = 0;
  size_t cap = 0;
  size_t start = 0, ncols = 2;
  int weak;
  int has_header = t->n_rows && is_header_row(&t->rows[0], &weak);
  if (has_header) {
    start = 1;
    ncols = t->rows[0].n_cells;
  }
  table_columns tc;
  columns_of(t, has_header, &tc);
  for (size_t i = start; i < t->n_rows; i++) {
    const b24_row *r = &t->rows[i];
    if (r->n_cells < 2 && ncols >= 2) {
      b24_bdiag(c, r->line, B24_WARNING, "table-cell-count",
                "table row has %zu cell%s, the header has %zu; the row is not read as a parameter",
                r->n_cells, r->n_cells == 1 ? "" : "s", ncols);
      (*c->rows_unparsed)++;
      c->rows_unparsed_reasons[B24_ROW_CELL_COUNT]++;
      continue;
    }
    b24_param p;
    memset(&p, 0, sizeof p);
    parse_row(c, r, &tc, &p);
    if (p.name && strchr(p.name, ' ') && !p.type.n_alts && !p.description[0]) {
      /* `|| **Settings for all OFDs** |  ||`: a label over the rows that follow. */
      continue;
    }
    if (!p.name) {
      b24_bdiag(c, r->line, B24_WARNING, "param-name",
                "cannot find a parameter name in the first cell");
      (*c->rows_unparsed)++;
      c->rows_unparsed_reasons[B24_ROW_NO_NAME]++;
      continue;
    }
    if (!p.wildcard && !c->in_response) {
      long first = seen_add(&seen, p.name, out->n);
      if (first >= 0)
        b24_blint(c, r->line, B24_WARNING, "param-duplicate",
                  "parameter '%s' is listed twice in this table (first on line %d)", p.name,
                  out->items[first].loc.line);
    }
    *B24_HEAP_PUSH(out->items, out->n, cap) = p;
  }
  out->items = b24_arena_settle(c->a, out->items, out->n * sizeof *out->items);
  free(seen.slots);
}

/* ---- nested sections ---- */

static b24_param *find_param_as(b24_params *ps, const char *name, int want_empty, int exact) {
  for (size_t i = 0; i < ps->n; i++) {
    b24_param *p = &ps->items[i];
    if ((exact ? !strcmp(p->name, name) : b24_ci_eq(p->name, name)) &&
        (!want_empty || (!p->children.n && !p->n_variants)))
      return p;
  }
  for (size_t i = 0; i < ps->n; i++) {
    b24_param *p = &ps->items[i];
    b24_param *q = find_param_as(&p->children, name, want_empty, exact);
    if (q) return q;
    for (size_t v = 0; v < p->n_variants; v++)
      if ((q = find_param_as(&p->variants[v].children, name, want_empty, exact))) return q;
  }
  return NULL;
}

/* The parameter named name at any depth, preferring one not yet described:
 * spelled exactly first ("Parameter connector" describes DATA[].connector, not
 * the CONNECTOR above it, even once connector is described), then in any case
 * ("Parameter FIELDS" for `fields`). */
static b24_param *find_param2(b24_params *ps, const char *name) {
  b24_param *p = find_param_as(ps, name, 1, 1);
  if (!p) p = find_param_as(ps, name, 0, 1);
  if (!p) p = find_param_as(ps, name, 1, 0);
  if (!p) p = find_param_as(ps, name, 0, 0);
  return p;
}

/* The parameter a "Parameter X" heading speaks of: the name, or the last part of a
 * dotted name (data.FIELDS), preferring one not yet described. */
/* A parameter typed x, not yet described: "Parameter deal_contact_binding"
 * describes the items of a result of type `deal_contact_binding[]`. */
static b24_param *find_typed(b24_params *ps, const char *x) {
  for (size_t i = 0; i < ps->n; i++) {
    b24_param *p = &ps->items[i];
    for (size_t a = 0; a < p->type.n_alts; a++)
      if (b24_ci_eq(p->type.alts[a].base, x) && !p->children.n && !p->n_variants) return p;
    b24_param *q = find_typed(&p->children, x);
    if (q) return q;
  }
  return NULL;
}

b24_param *b24_params_match_section(b24_params *root, const char *x) {
  b24_param *p = find_param2(root, x);
  const char *dot = strrchr(x, '.');
  if (!p && dot && dot[1]) p = find_param2(root, dot + 1);
  /* SETTINGS[CONFIG]: the last bracketed key */
  const char *open = strrchr(x, '[');
  if (!p && open && open[1] && open[1] != ']') {
    char key[128];
    size_t k = 0;
    for (const char *s = open + 1; *s && *s != ']' && k + 1 < sizeof key; s++) key[k++] = *s;
    key[k] = 0;
    p = find_param2(root, key);
  }
  if (!p) p = find_typed(root, x);
  /* "Field Parameter" for the `fields` row: the heading in the singular. */
  if (!p && strlen(x) < 120) {
    char plural[128];
    snprintf(plural, sizeof plural, "%ss", x);
    p = find_param2(root, plural);
  }
  return p;
}

/* "Additional Parameters", "PARAMETERS Object": the word left over is no
 * parameter's name but says what kind of section it is. */
static int names_no_parameter(const char *x) {
  static const char *const w[] = {"object", "array", "additional", "other", "common", "general",
                                  "optional", "extra", "input", "request", "объект", "массив",
                                  "дополнительные", "прочие", "общие"};
  char low[64];
  snprintf(low, sizeof low, "%s", x);
  b24_lower_utf8(low);
  for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
    if (!strcmp(low, w[i])) return 1;
  return 0;
}

/* "CRM object identifier **entityTypeId:** `1`" in a tab: the discriminator. */
static void find_variant_key(b24_bctx *c, const b24_blocks *bs, char **key, char **value) {
  for (size_t i = 0; i < bs->n; i++) {
    const b24_block *b = bs->items[i];
    if (b->kind != B24_BLK_PARAGRAPH) continue;
    for (cmark_node *n = cmark_node_first_child(b->node); n; n = cmark_node_next(n)) {
      if (cmark_node_get_type(n) != CMARK_NODE_STRONG) continue;
      char *k = b24_node_plain_text(n);
      size_t kl = strlen(k);
      cmark_node *nx = cmark_node_next(n);
      int colon = kl && k[kl - 1] == ':';
      if (!colon && nx && cmark_node_get_type(nx) == CMARK_NODE_TEXT &&
          cmark_node_get_literal(nx)[0] == ':')
        colon = 1, nx = cmark_node_next(nx);
      while (nx && cmark_node_get_type(nx) == CMARK_NODE_TEXT &&
             strspn(cmark_node_get_literal(nx), " ") == strlen(cmark_node_get_literal(nx)))
        nx = cmark_node_next(nx);
      if (colon && nx && cmark_node_get_type(nx) == CMARK_NODE_CODE) {
        if (kl && k[kl - 1] == ':') k[--kl] = 0;
        *key = b24_trim_dup(c->a, k, kl);
        *value = b24_arena_strdup(c->a, cmark_node_get_literal(nx));
        free(k);
        return;
      }
      free(k);
    }
  }
}

static void split_keys(b24_bctx *c, b24_variant *v) {
  size_t cap = 0;
  const char *s = v->name;
  while (*s) {
    const char *e = s;
    while (*e && *e != '|' && *e != ',' && *e != '/') e++;
    char *k = b24_strip_inline(c->a, s, (size_t)(e - s));
    if (*k) *B24_VEC_PUSH(c->a, v->keys, v->n_keys, cap) = k;
    s = *e ? e + 1 : e;
  }
}

static void variants_from_tabs(b24_bctx *c, const b24_block *tabs, b24_param *p,
                               b24_params *siblings) {
  size_t cap = 0;
  char *key = NULL;
  for (size_t i = 0; i < tabs->n_tabs; i++) {
    const b24_tab *t = &tabs->tabs[i];
    const b24_block *tbl = first_params_table(&t->blocks);
    if (!tbl) continue;
    b24_variant *v = B24_VEC_PUSH(c->a, p->variants, p->n_variants, cap);
    v->name = b24_strip_inline(c->a, t->name, strlen(t->name));
    v->loc = (b24_loc){c->file, t->line};
    b24_params_from_table(c, tbl, &v->children);
    char *k = NULL, *val = NULL;
    find_variant_key(c, &t->blocks, &k, &val);
    if (k && val) {
      key = k;
      v->keys = b24_arena_alloc(c->a, sizeof *v->keys);
      v->keys[0] = val;
      v->n_keys = 1;
    } else {
      split_keys(c, v);
    }
  }
  if (key) {
    p->variant_key = key;
    return;
  }
  /* A sibling whose possible values are the tab names picks the variant. */
  for (size_t s = 0; siblings && s < siblings->n && p->n_variants; s++) {
    const b24_param *q = &siblings->items[s];
    if (q == p || !q->n_enum) continue;
    size_t hits = 0;
    for (size_t v = 0; v < p->n_variants; v++)
      for (size_t k = 0; k < p->variants[v].n_keys; k++)
        for (size_t e = 0; e < q->n_enum; e++)
          if (!strcmp(q->enum_values[e], p->variants[v].keys[k])) { hits++; k = p->variants[v].n_keys; break; }
    if (hits == p->n_variants) {
      p->variant_key = q->name;
      return;
    }
  }
}

/* The parameter list that holds p (for sibling lookups). */
static b24_params *parent_of(b24_params *ps, const b24_param *p) {
  for (size_t i = 0; i < ps->n; i++) {
    if (&ps->items[i] == p) return ps;
    b24_params *r = parent_of(&ps->items[i].children, p);
    if (r) return r;
    for (size_t v = 0; v < ps->items[i].n_variants; v++)
      if ((r = parent_of(&ps->items[i].variants[v].children, p))) return r;
  }
  return NULL;
}

/* Root-level tabs of tables (parameters that differ by case): their union. */
static void union_tabs(b24_bctx *c, const b24_block *tabs, b24_params *root) {
  for (size_t i = 0; i < tabs->n_tabs; i++) {
    const b24_block *tbl = first_params_table(&tabs->tabs[i].blocks);
    if (!tbl) continue;
    b24_params ps;
    b24_params_from_table(c, tbl, &ps);
    b24_params_append_new(c, root, &ps);
  }
}

void b24_params_append_new(b24_bctx *c, b24_params *out, const b24_params *ps) {
  size_t cap = out->n;
  for (size_t k = 0; k < ps->n; k++) {
    int dup = 0;
    for (size_t j = 0; j < out->n && !dup; j++) dup = !strcmp(out->items[j].name, ps->items[k].name);
    if (!dup) *B24_VEC_PUSH(c->a, out->items, out->n, cap) = ps->items[k];
  }
}

/* A table's rows added to ps, but for names ps has already. */
static void append_table(b24_bctx *c, const b24_block *t, b24_params *ps) {
  b24_params rows;
  b24_params_from_table(c, t, &rows);
  b24_params_append_new(c, ps, &rows);
}

/* A '*' glob: UF_* matches UF_BLOG_POST_FILE. */
static int glob_match(const char *g, const char *s) {
  if (!*g) return !*s;
  if (*g == '*') return glob_match(g + 1, s) || (*s && glob_match(g, s + 1));
  return *s == *g && glob_match(g + 1, s + 1);
}

/* The list that holds a '*' pattern parameter (UF_*) whose pattern every name
 * of names matches, NULL when none: "### Custom Fields" lists the keys that
 * `UF_*` stands for on this portal. */
static b24_params *pattern_list(b24_params *ps, const b24_params *names) {
  for (size_t i = 0; i < ps->n; i++) {
    const b24_param *w = &ps->items[i];
    if (!w->wildcard || !strchr(w->name, '*') || strchr(w->name, ' ')) continue;
    size_t k = 0;
    while (k < names->n && glob_match(w->name, names->items[k].name)) k++;
    if (k == names->n) return ps;
  }
  for (size_t i = 0; i < ps->n; i++) {
    b24_params *r = pattern_list(&ps->items[i].children, names);
    if (r) return r;
  }
  return NULL;
}

/* A table under a heading that names no parameter, whose every row is a key of
 * a pattern parameter: its rows join the pattern's list as the documented keys
 * (log.blogpost.update: UF_BLOG_POST_FILE, UF_BLOG_POST_IMPRTNT beside UF_*).
 * Returns 1 when it did. */
static int keys_of_pattern(b24_bctx *c, const b24_block *t, b24_params *root) {
  /* read quietly first: most such tables are no parameter's (they were skipped) */
  b24_bctx quiet = *c;
  b24_diags d;
  b24_diags_init(&d);
  size_t unparsed = 0, reasons[B24_ROW_PROBLEM_COUNT] = {0};
  quiet.diags = &d;
  quiet.rows_unparsed = &unparsed;
  quiet.rows_unparsed_reasons = reasons;
  b24_params rows;
  b24_params_from_table(&quiet, t, &rows);
  b24_diags_free(&d);
  b24_params *list = rows.n ? pattern_list(root, &rows) : NULL;
  if (!list) return 0;
  b24_params_from_table(c, t, &rows); /* again, reported this time */
  b24_params_append_new(c, list, &rows);
  return 1;
}

/* "1. By Attached Poll ID", "Option 2: by code", "Вариант 1": a heading that
 * numbers or names one way among several. */
static int is_call_form(const char *h) {
  if (!h) return 0;
  while (*h == ' ') h++;
  if (isdigit((unsigned char)*h)) {
    while (isdigit((unsigned char)*h)) h++;
    return *h == '.' || *h == ')';
  }
  char low[64];
  snprintf(low, sizeof low, "%s", h);
  b24_lower_utf8(low);
  return !strncmp(low, "option ", 7) || !strncmp(low, "variant ", 8) || !strncmp(low, "by ", 3) ||
         !strncmp(low, "вариант ", 15) || !strncmp(low, "способ ", 13);
}

/* "### 1. By Attached Poll ID", "### 2. By Poll Element": the method is called
 * with one set of parameters or another. The model keeps their union; a
 * parameter is required only when every set requires it. */
static void union_call_form(b24_bctx *c, const b24_block *t, b24_params *root) {
  b24_params ps;
  b24_params_from_table(c, t, &ps);
  for (size_t j = 0; j < root->n; j++) {
    int in = 0;
    for (size_t k = 0; k < ps.n && !in; k++) in = !strcmp(root->items[j].name, ps.items[k].name);
    if (!in) root->items[j].required = false;
  }
  for (size_t k = 0; k < ps.n; k++) ps.items[k].required = false; /* one form's alone */
  b24_params_append_new(c, root, &ps);
}

void b24_params_from_section(b24_bctx *c, b24_block **blocks, size_t n, b24_params *root) {
  b24_param *target = NULL; /* NULL: the root list */
  int skipping = 0;         /* under a heading that names no parameter */
  int call_form = 0;        /* under a heading that names a way of calling (union) */
  int target_tables = 0;    /* the target's fields were read here, from a table */
  for (size_t i = 0; i < n; i++) {
    const b24_block *b = blocks[i];
    if (b->kind == B24_BLK_HEADING) {
      char *x = b24_vocab_nested_name(b->text);
      target = NULL;
      skipping = 1;
      target_tables = 0;
      call_form = !x && !c->in_response && !c->reading_objects && is_call_form(b->text);
      if (!x && b24_vocab_section(b->text, NULL) != B24_SEC_NONE) {
        skipping = 0; /* "Returned Data" and the like: back to the root list */
      } else if (x) {
        target = b24_params_match_section(root, x);
        if (target) skipping = 0;
        else if (b24_vocab_nested_is_explicit(b->text) && /* "Main Fields" names no parameter */
                 !c->reading_objects && !names_no_parameter(x))
          b24_blint(c, b->line, B24_WARNING, "param-section-unmatched",
                    "section '%s' describes parameter '%s', which no table lists", b->text, x);
        free(x);
      }
      continue;
    }
    if (skipping && call_form && b24_table_is_params(b)) {
      if (!root->n) b24_params_from_table(c, b, root);
      else union_call_form(c, b, root);
      call_form = 0;
      continue;
    }
    if (skipping && b24_table_is_params(b) && !c->in_response && !c->reading_objects &&
        keys_of_pattern(c, b, root))
      continue;
    if (skipping) continue;
    if (b24_table_is_params(b)) {
      if (!target) {
        if (!root->n) b24_params_from_table(c, b, root);
      } else if (!target->children.n) {
        b24_params_from_table(c, b, &target->children);
        target_tables = 1;
      } else if (target_tables) {
        /* "### Parameter fields" over several tables (sale.property.add: the
         * common fields, then those of some property types): all its fields */
        append_table(c, b, &target->children);
      }
    } else if (b->kind == B24_BLK_TABS) {
      if (target && !target->n_variants && !target->children.n)
        variants_from_tabs(c, b, target, parent_of(root, target));
      else if (!target)
        union_tabs(c, b, root);
    } else if (b->kind == B24_BLK_NOTE || b->kind == B24_BLK_CUT || b->kind == B24_BLK_IF) {
      b24_params_from_section(c, b->children.items, b->children.n, root);
    }
  }
}
