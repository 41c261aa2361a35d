/* The diff as Markdown for release notes and pull-request comments: a table of
 * modules (a method's first name segment) by tier, then one <details> block per
 * module, its changes grouped by method, the methods with the most severe
 * changes first. With a byte limit (a PR comment holds 65,536 characters) the
 * summary always stays; entries are kept in tier order (breaking first, then
 * removals after deprecation, doc fixes, ...) while they fit, and what is left
 * out is folded into counts per module. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diff/render_common.h"
#include "util/sort.h"

typedef struct entry {
  const b24_change *c;
  size_t module;      /* index into modules */
  b24_tier method_worst;
  bool shown;
} entry;

typedef struct module {
  const char *name;   /* points into a change's method */
  size_t len;
  size_t counts[B24_TIER_COUNT], accepted, shown, hidden[B24_TIER_COUNT];
} module;

typedef struct md {
  const b24_diff_report *r;
  entry *e;
  size_t n;
  module *mods;
  size_t n_mods;
} md;

static int cmp_module_name(const char *a, size_t al, const char *b, size_t bl) {
  int r = strncasecmp(a, b, al < bl ? al : bl);
  return r ? r : (int)al - (int)bl;
}

static int cmp_entry(const void *x, const void *y) {
  const entry *a = x, *b = y;
  if (a->module != b->module) return a->module < b->module ? -1 : 1;
  if (a->method_worst != b->method_worst) return (int)a->method_worst - (int)b->method_worst;
  int r = strcasecmp(a->c->method, b->c->method);
  if (!r) r = a->c->rest_version - b->c->rest_version;
  if (!r) r = (int)a->c->tier - (int)b->c->tier;
  if (!r) r = a->c < b->c ? -1 : a->c > b->c;
  return r;
}

static int cmp_mod(const void *x, const void *y) {
  const module *a = x, *b = y;
  return cmp_module_name(a->name, a->len, b->name, b->len);
}

static size_t find_module(const md *m, const char *name, size_t len) {
  size_t lo = 0, hi = m->n_mods;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int r = cmp_module_name(m->mods[mid].name, m->mods[mid].len, name, len);
    if (!r) return mid;
    if (r < 0) lo = mid + 1;
    else hi = mid;
  }
  return 0;
}

/* Modules, entries in display order, and each method's most severe tier. */
static void index_changes(md *m) {
  const b24_changes *cs = &m->r->changes;
  m->mods = calloc(cs->n + 1, sizeof *m->mods);
  for (size_t i = 0; i < cs->n; i++) {
    const char *s;
    size_t len = b24_method_module(cs->v[i].method, &s);
    size_t k = 0;
    while (k < m->n_mods && cmp_module_name(m->mods[k].name, m->mods[k].len, s, len)) k++;
    if (k == m->n_mods) m->mods[m->n_mods++] = (module){.name = s, .len = len};
  }
  b24_qsort(m->mods, m->n_mods, sizeof *m->mods, cmp_mod);
  m->e = calloc(cs->n + 1, sizeof *m->e);
  m->n = cs->n;
  for (size_t i = 0; i < cs->n; i++) {
    const b24_change *c = &cs->v[i];
    const char *s;
    size_t len = b24_method_module(c->method, &s);
    size_t mod = find_module(m, s, len);
    m->e[i] = (entry){c, mod, c->tier, false};
    if (c->accepted) m->mods[mod].accepted++;
    else m->mods[mod].counts[c->tier]++;
  }
  /* changes come sorted by method: a method's worst tier over its run */
  for (size_t i = 0; i < m->n;) {
    size_t j = i;
    b24_tier worst = B24_TIER_NOTE;
    while (j < m->n && !strcasecmp(m->e[j].c->method, m->e[i].c->method) &&
           m->e[j].c->rest_version == m->e[i].c->rest_version) {
      if (m->e[j].c->tier < worst) worst = m->e[j].c->tier;
      j++;
    }
    for (size_t k = i; k < j; k++) m->e[k].method_worst = worst;
    i = j;
  }
  b24_qsort(m->e, m->n, sizeof *m->e, cmp_entry);
}

/* Message text: 'quoted' names become code spans; what Markdown or HTML would
 * read as markup is escaped. */
static void put_message(b24_buf *out, const char *s) {
  for (; *s; s++) {
    const char *close = *s == '\'' ? strchr(s + 1, '\'') : NULL;
    if (close && close > s + 1 && !memchr(s + 1, '`', (size_t)(close - s - 1))) {
      b24_buf_putc(out, '`');
      for (const char *t = s + 1; t < close; t++) b24_buf_putc(out, *t == '\n' ? ' ' : *t);
      b24_buf_putc(out, '`');
      s = close;
    } else if (*s == '|' || *s == '*' || *s == '_' || *s == '[' || *s == ']' || *s == '\\') {
      b24_buf_putc(out, '\\');
      b24_buf_putc(out, *s);
    } else if (*s == '<') b24_buf_puts(out, "&lt;");
    else if (*s == '\n') b24_buf_putc(out, ' ');
    else b24_buf_putc(out, *s);
  }
}

/* One change a line; the place as a line number when it is on the method's page
 * (named once in the method's heading), else as the page and line. */
static void put_entry(b24_buf *out, const b24_change *c, const char *page) {
  const b24_side *w = b24d_where(c);
  b24_buf_printf(out, c->tier == B24_TIER_BREAKING && !c->accepted ? "- **%s**: " : "- %s: ",
                 b24_tier_name(c->tier));
  put_message(out, c->message);
  if (w->file && page && !strcmp(w->file, page)) b24_buf_printf(out, " (line %d", w->line);
  else b24_buf_printf(out, " (%s:%d", w->file ? w->file : "-", w->line);
  if (w == &c->new_side && c->old_side.file && strcmp(c->old_side.file, w->file))
    b24_buf_printf(out, ", was %s:%d", c->old_side.file, c->old_side.line);
  b24_buf_putc(out, ')');
  if (c->accepted) {
    b24_buf_puts(out, " — accepted: ");
    put_message(out, c->accepted->reason);
  }
  b24_buf_putc(out, '\n');
}

/* The method's name and its page (NEW's, or OLD's for a removed method). */
static const char *put_method_head(b24_buf *out, const b24_change *c) {
  char m[256];
  const b24_side *w = b24d_where(c);
  b24_buf_printf(out, "\n**`%s`**%s%s\n\n", b24d_method_label(c, m, sizeof m), w->file ? " · " : "",
                 w->file ? w->file : "");
  return w->file;
}

static void put_counts(b24_buf *out, const size_t *counts, size_t accepted) {
  int any = 0;
  for (int t = 0; t < B24_TIER_COUNT; t++)
    if (counts[t]) b24_buf_printf(out, "%s%zu %s", any++ ? ", " : "", counts[t], b24_tier_name((b24_tier)t));
  if (accepted) b24_buf_printf(out, "%s%zu accepted", any++ ? ", " : "", accepted);
}

static void put_summary(const md *m, b24_buf *out) {
  size_t total[B24_TIER_COUNT] = {0}, accepted = 0;
  b24_buf_puts(out, "## API changes\n\n| module |");
  for (int t = 0; t < B24_TIER_COUNT; t++) b24_buf_printf(out, " %s |", b24_tier_name((b24_tier)t));
  b24_buf_puts(out, " accepted |\n| --- |");
  for (int t = 0; t <= B24_TIER_COUNT; t++) b24_buf_puts(out, " ---: |");
  b24_buf_putc(out, '\n');
  for (size_t i = 0; i < m->n_mods; i++) {
    const module *x = &m->mods[i];
    b24_buf_printf(out, "| %.*s |", (int)x->len, x->name);
    for (int t = 0; t < B24_TIER_COUNT; t++) {
      b24_buf_printf(out, x->counts[t] ? " %zu |" : " |", x->counts[t]);
      total[t] += x->counts[t];
    }
    b24_buf_printf(out, x->accepted ? " %zu |\n" : " |\n", x->accepted);
    accepted += x->accepted;
  }
  b24_buf_puts(out, "| **total** |");
  for (int t = 0; t < B24_TIER_COUNT; t++) b24_buf_printf(out, " **%zu** |", total[t]);
  b24_buf_printf(out, " **%zu** |\n", accepted);
  const b24_diff_report *r = m->r;
  if (r->n_errors) {
    b24_buf_printf(out, "\n%zu input error%s (pages not read whole; the changes on them may be artifacts):\n\n",
                   r->n_errors, r->n_errors == 1 ? "" : "s");
    size_t shown = r->n_errors < 20 ? r->n_errors : 20;
    for (size_t i = 0; i < shown; i++) {
      b24_buf_printf(out, "- %s %s:%d: ", r->errors[i].side, r->errors[i].file, r->errors[i].line);
      put_message(out, r->errors[i].message);
      b24_buf_putc(out, '\n');
    }
    if (shown < r->n_errors) b24_buf_printf(out, "- and %zu more\n", r->n_errors - shown);
  }
  if (!r->changes.n) b24_buf_puts(out, "\nNo changes.\n");
}

/* Every module's block with the entries marked shown. */
static void put_modules(md *m, b24_buf *out) {
  size_t i = 0;
  b24_buf hidden_mods = B24_BUF_INIT;
  while (i < m->n) {
    size_t mod = m->e[i].module, j = i;
    module *x = &m->mods[mod];
    memset(x->hidden, 0, sizeof x->hidden);
    x->shown = 0;
    for (j = i; j < m->n && m->e[j].module == mod; j++) {
      if (m->e[j].shown) x->shown++;
      else x->hidden[m->e[j].c->tier]++;
    }
    if (!x->shown) {
      b24_buf_printf(&hidden_mods, "%s%.*s", hidden_mods.len ? ", " : "", (int)x->len, x->name);
      i = j;
      continue;
    }
    b24_buf_printf(out, "\n<details><summary><b>%.*s</b>: ", (int)x->len, x->name);
    put_counts(out, x->counts, x->accepted);
    b24_buf_puts(out, "</summary>\n");
    const b24_change *last = NULL;
    const char *page = NULL;
    for (size_t k = i; k < j; k++) {
      const b24_change *c = m->e[k].c;
      if (!m->e[k].shown) continue;
      if (!last || strcasecmp(last->method, c->method) || last->rest_version != c->rest_version)
        page = put_method_head(out, c);
      last = c;
      put_entry(out, c, page);
    }
    if (x->shown < j - i) {
      b24_buf_puts(out, "\nNot shown here: ");
      put_counts(out, x->hidden, 0);
      b24_buf_puts(out, " (`--format json` lists every change).\n");
    }
    b24_buf_puts(out, "\n</details>\n");
    i = j;
  }
  if (hidden_mods.len)
    b24_buf_printf(out, "\nNot shown for lack of room (counts in the table): %s.\n", hidden_mods.data);
  b24_buf_free(&hidden_mods);
}

/* Marks the entries to show, in tier order, while their estimated bytes fit. */
static void choose(md *m, size_t budget) {
  bool *method_open = calloc(m->n + 1, sizeof *method_open);
  bool *module_open = calloc(m->n_mods + 1, sizeof *module_open);
  b24_buf scratch = B24_BUF_INIT;
  size_t used = 0;
  bool full = false; /* a tier did not fit whole: less severe ones stay out */
  for (int t = 0; t < B24_TIER_COUNT && !full; t++)
    for (size_t i = 0; i < m->n; i++) {
      entry *e = &m->e[i];
      if (e->c->tier != (b24_tier)t) continue;
      b24_buf_clear(&scratch);
      put_entry(&scratch, e->c, b24d_where(e->c)->file);
      /* the first entry of a method in display order carries its heading */
      size_t head = i;
      while (head > 0 && !strcasecmp(m->e[head - 1].c->method, e->c->method) &&
             m->e[head - 1].c->rest_version == e->c->rest_version)
        head--;
      size_t cost = scratch.len;
      const char *page = b24d_where(m->e[head].c)->file;
      if (!method_open[head]) cost += strlen(e->c->method) + (page ? strlen(page) : 0) + 24;
      if (!module_open[e->module]) cost += 200 + m->mods[e->module].len;
      if (used + cost > budget) {
        full = true;
        continue;
      }
      used += cost;
      e->shown = true;
      method_open[head] = true;
      module_open[e->module] = true;
    }
  b24_buf_free(&scratch);
  free(method_open);
  free(module_open);
}

void b24_diff_render_markdown(const b24_diff_report *r, b24_buf *out) {
  md m = {.r = r};
  index_changes(&m);
  size_t start = out->len;
  put_summary(&m, out);
  size_t head = out->len - start, max = r->max_bytes;
  if (!max) {
    for (size_t i = 0; i < m.n; i++) m.e[i].shown = true;
    put_modules(&m, out);
  } else {
    /* Estimates are close but not exact (the fold lines): shrink until it fits. */
    size_t budget = max > head + 512 ? max - head - 512 : 0;
    size_t summary_end = out->len;
    for (int round = 0; round < 16; round++) {
      for (size_t i = 0; i < m.n; i++) m.e[i].shown = false;
      choose(&m, budget);
      out->len = summary_end;
      put_modules(&m, out);
      size_t total = out->len - start;
      if (total <= max || !budget) break;
      size_t over = total - max + 256;
      budget = budget > over ? budget - over : 0;
    }
    if (out->data) out->data[out->len] = 0;
  }
  free(m.e);
  free(m.mods);
}
