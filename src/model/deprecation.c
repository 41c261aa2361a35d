/* Deprecation of a method, read from its page: a note or paragraph before the
 * first section that says the method is outdated ("DEPRECATED", "The
 * development of this method has been halted", "устарел"), a note titled so
 * anywhere, the title, or an outdated/ or deprecated/ folder. The replacement
 * is the first method name the note gives after "use" / "instead" ("Please use
 * crm.item.add"), else the first other method name in it.
 *
 * Parameters are deprecated when their description says so; that is read from
 * the model (b24_derive_deprecation), not from the page. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/build.h"
#include "model/derive.h"
#include "util/buf.h"

/* Lower-case words that mark deprecation, English and Russian. */
static const char *const marks[] = {
    "deprecated", "outdated", "no longer supported", "is no longer", "has been halted",
    "have been halted", "has been discontinued", "not recommended for use", "obsolete",
    "устарел", "устаревш", "не поддерживается", "остановлен", "прекращен", "не рекомендуется", NULL};

/* A lower-case copy of s, malloc'd: every parameter's description is read, and
 * the copies must not stay in the model's arena. */
static char *lower_dup(const char *s) {
  char *d = strdup(s ? s : "");
  if (!d) abort();
  b24_lower_utf8(d);
  return d;
}

static int says_deprecated(const char *text) {
  if (!text || !*text) return 0;
  char *l = lower_dup(text);
  int yes = 0;
  for (const char *const *k = marks; *k && !yes; k++) yes = strstr(l, *k) != NULL;
  free(l);
  return yes;
}

static int name_char(char c) { return isalnum((unsigned char)c) || c == '_' || c == '.' || c == '-'; }

/* The first dotted name in text at or after from, other than self; NULL if none. */
static char *dotted_after(b24_arena *a, const char *text, const char *from, const char *self) {
  for (const char *s = from; s && *s; s++) {
    if (!isalpha((unsigned char)*s) || (s > text && name_char(s[-1]))) continue;
    size_t n = 0;
    while (name_char(s[n])) n++;
    while (n && (s[n - 1] == '.' || s[n - 1] == '-')) n--; /* the sentence's full stop */
    if (b24_is_dotted_name(s, n) && !(self && strlen(self) == n && !strncmp(s, self, n)) &&
        memchr(s, '.', n) && !(n > 3 && !strncmp(s + n - 3, ".md", 3)))
      return b24_arena_strndup(a, s, n);
    s += n ? n - 1 : 0;
  }
  return NULL;
}

char *b24_deprecation_replacement(b24_arena *a, const char *text, const char *self) {
  static const char *const cues[] = {"use ", "instead", "replaced by", "alternative",
                                     "используйте", "вместо", "заменен", "альтернатив", NULL};
  char *l = lower_dup(text);
  char *r = NULL;
  for (const char *const *c = cues; *c && !r; c++) {
    const char *at = strstr(l, *c);
    if (at) r = dotted_after(a, text, text + (at - l), self);
  }
  free(l);
  return r ? r : dotted_after(a, text, text, self);
}

/* The plain text of a block and its children (notes hold paragraphs). */
static void block_text(const b24_block *b, b24_buf *out, int depth) {
  if (depth > 4) return;
  if (b->node) {
    char *t = b24_node_plain_text(b->node);
    if (t) {
      if (out->len) b24_buf_putc(out, '\n');
      b24_buf_puts(out, t);
      free(t);
    }
  }
  for (size_t i = 0; i < b->children.n; i++) block_text(b->children.items[i], out, depth + 1);
}

static b24_deprecation *make(b24_bctx *c, b24_deprecation_kind kind, const char *note, int line,
                             const char *self) {
  b24_deprecation *d = b24_arena_alloc(c->a, sizeof *d);
  d->kind = kind;
  d->note = b24_arena_strdup(c->a, note ? note : "");
  d->replacement = note && *note ? b24_deprecation_replacement(c->a, note, self) : NULL;
  d->loc = (b24_loc){c->file, line};
  return d;
}

static int in_outdated_folder(const char *path) {
  return strstr(path, "/outdated/") || strstr(path, "/deprecated/") || !strncmp(path, "outdated/", 9);
}

void b24_deprecation_from_page(b24_bctx *c, const b24_doc *d, b24_method *m) {
  int before_sections = 1;
  for (size_t i = 0; i < d->blocks.n; i++) {
    const b24_block *b = d->blocks.items[i];
    if (b->kind == B24_BLK_HEADING && b->level >= 2) before_sections = 0;
    int titled = b->kind == B24_BLK_NOTE && says_deprecated(b->text);
    if (!titled && !(before_sections && (b->kind == B24_BLK_NOTE || b->kind == B24_BLK_PARAGRAPH)))
      continue;
    b24_buf t = B24_BUF_INIT;
    block_text(b, &t, 0);
    if (titled || says_deprecated(t.data)) {
      m->deprecated = make(c, B24_DEPRECATED_NOTE, t.data ? t.data : "", b->line, m->name);
      b24_buf_free(&t);
      return;
    }
    b24_buf_free(&t);
  }
  if (says_deprecated(m->title)) m->deprecated = make(c, B24_DEPRECATED_TITLE, "", m->line, m->name);
  else if (in_outdated_folder(c->file)) m->deprecated = make(c, B24_DEPRECATED_FOLDER, "", m->line, m->name);
}

/* ---- parameters ---- */

static void params_deprecation(b24_model *m, b24_params *ps, int depth) {
  if (depth > 16) return;
  for (size_t i = 0; i < ps->n; i++) {
    b24_param *p = &ps->items[i];
    p->deprecated = NULL;
    if (says_deprecated(p->description)) {
      b24_deprecation *d = b24_arena_alloc(&m->arena, sizeof *d);
      d->kind = B24_DEPRECATED_NOTE;
      d->note = p->description;
      d->replacement = b24_deprecation_replacement(&m->arena, p->description, NULL);
      d->loc = p->loc;
      p->deprecated = d;
    }
    params_deprecation(m, &p->children, depth + 1);
  }
}

/* A replacement that names a family ("use the tasks.task.* methods") becomes
 * the family's method of the same verb when there is one (task.item.approve ->
 * tasks.task.approve). */
static void settle_replacement(b24_model *m, b24_method *x) {
  b24_deprecation *d = x->deprecated;
  if (!d || !d->replacement || b24_model_find_method(m, d->replacement)) return;
  const char *verb = strrchr(x->name, '.');
  if (!verb) return;
  b24_buf name = B24_BUF_INIT;
  b24_buf_printf(&name, "%s%s", d->replacement, verb);
  const b24_method *r = b24_model_find_method(m, name.data);
  if (r) d->replacement = r->name;
  b24_buf_free(&name);
}

void b24_derive_deprecation(b24_model *m) {
  m->stats.deprecated_methods = m->stats.deprecated_with_replacement = 0;
  for (size_t i = 0; i < m->n_methods; i++) {
    settle_replacement(m, &m->methods[i]);
    params_deprecation(m, &m->methods[i].params, 0);
    const b24_deprecation *d = m->methods[i].deprecated;
    m->stats.deprecated_methods += d != NULL;
    m->stats.deprecated_with_replacement += d && d->replacement;
  }
}
