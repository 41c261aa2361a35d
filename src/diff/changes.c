/* The list of changes: kinds and tiers by name, adding a change, ids, order,
 * counts. */
#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diff/diff_internal.h"
#include "util/grow.h"
#include "util/sort.h"

static const char *const kind_ids[B24_CH_KIND_COUNT] = {
    "method-removed", "method-added", "method-deprecated", "method-renamed",
    "method-renamed-case", "method-moved",
    "scope-added", "scope-removed", "access-changed", "param-removed", "param-added",
    "param-deprecated", "param-renamed", "param-renamed-case", "param-moved",
    "param-alternatives", "param-required", "param-optional", "param-type", "enum-removed",
    "enum-added", "default-changed", "variant-removed", "variant-added", "variant-renamed",
    "field-removed", "field-added", "field-deprecated", "field-renamed", "field-moved",
    "field-type", "error-removed", "error-added",
};

static const char *const tier_names[B24_TIER_COUNT] = {
    "breaking", "removed-after-deprecation", "doc-fix", "deprecated", "compatible", "note",
};

const char *b24_change_kind_id(b24_change_kind k) { return kind_ids[k]; }
const char *b24_tier_name(b24_tier t) { return tier_names[t]; }

int b24_change_kind_parse(const char *s) {
  for (int k = 0; k < B24_CH_KIND_COUNT; k++)
    if (!strcmp(kind_ids[k], s)) return k;
  return -1;
}

int b24_tier_parse(const char *s) {
  for (int t = 0; t < B24_TIER_COUNT; t++)
    if (!strcmp(tier_names[t], s)) return t;
  return -1;
}

size_t b24_method_module(const char *method, const char **start) {
  *start = method;
  const char *dot = strchr(method, '.');
  return dot ? (size_t)(dot - method) : strlen(method);
}

void b24d_add(b24d_ctx *c, b24_tier tier, b24_change_kind kind, const char *path,
              const char *subject, const b24_loc *ol, const b24_loc *nl, const char *ov,
              const char *nv, const char *fmt, ...) {
  b24_changes *o = c->out;
  o->v = b24_grow(o->v, o->n, &o->cap, sizeof *o->v, 64);
  b24_change *ch = &o->v[o->n++];
  memset(ch, 0, sizeof *ch);
  ch->tier = tier;
  ch->kind = kind;
  const b24_method *m = c->mn ? c->mn : c->mo;
  ch->method = strdup(m->name);
  ch->rest_version = m->rest_version;
  ch->path = strdup(path ? path : "");
  ch->subject = subject ? strdup(subject) : NULL;
  va_list ap;
  va_start(ap, fmt);
  ch->message = b24_vformat(fmt, ap);
  va_end(ap);
  /* Model locations are already relative to the docs root. */
  if (ol && ol->file) ch->old_side = (b24_side){strdup(ol->file), ol->line, ov ? strdup(ov) : NULL};
  if (nl && nl->file) ch->new_side = (b24_side){strdup(nl->file), nl->line, nv ? strdup(nv) : NULL};
}

static int cmp_change(const void *x, const void *y) {
  const b24_change *a = x, *b = y;
  int r = strcasecmp(a->method, b->method);
  if (!r) r = a->rest_version - b->rest_version;
  if (!r) r = (int)a->kind - (int)b->kind;
  if (!r) r = strcmp(a->path, b->path);
  if (!r) r = strcmp(a->subject ? a->subject : "", b->subject ? b->subject : "");
  if (!r) r = strcmp(a->message, b->message);
  return r;
}

/* kind:method:path[=subject]: nothing in it depends on lines or pages, so an
 * acceptance outlives edits elsewhere on the page and the page's moves. */
static char *make_id(const b24_change *c) {
  b24_buf b = B24_BUF_INIT;
  b24_buf_printf(&b, "%s:", kind_ids[c->kind]);
  for (const char *s = c->method; *s; s++) b24_buf_putc(&b, (char)tolower((unsigned char)*s));
  if (c->rest_version == 3) b24_buf_puts(&b, "@3");
  b24_buf_printf(&b, ":%s", c->path);
  if (c->subject) b24_buf_printf(&b, "=%s", c->subject);
  return b24_buf_take(&b);
}

void b24d_finish(b24_changes *out) {
  b24_qsort(out->v, out->n, sizeof *out->v, cmp_change);
  char *prev = NULL;
  size_t run = 1;
  for (size_t i = 0; i < out->n; i++) {
    char *id = make_id(&out->v[i]);
    /* the same thing twice (a param documented twice): numbered in sorted order */
    run = prev && !strcmp(prev, id) ? run + 1 : 1;
    free(prev);
    prev = strdup(id);
    if (run > 1) {
      b24_buf b = B24_BUF_INIT;
      b24_buf_printf(&b, "%s#%zu", id, run);
      free(id);
      id = b24_buf_take(&b);
    }
    out->v[i].id = id;
  }
  free(prev);
}

void b24_changes_count(const b24_changes *c, size_t counts[B24_TIER_COUNT], size_t *accepted) {
  memset(counts, 0, B24_TIER_COUNT * sizeof *counts);
  if (accepted) *accepted = 0;
  for (size_t i = 0; i < c->n; i++) {
    if (accepted && c->v[i].accepted) (*accepted)++;
    else counts[c->v[i].tier]++;
  }
}

void b24d_change_free(b24_change *x) {
  free(x->method);
  free(x->path);
  free(x->subject);
  free(x->id);
  free(x->message);
  free(x->old_side.file);
  free(x->old_side.value);
  free(x->new_side.file);
  free(x->new_side.value);
}

void b24_changes_free(b24_changes *c) {
  for (size_t i = 0; i < c->n; i++) b24d_change_free(&c->v[i]);
  free(c->v);
  memset(c, 0, sizeof *c);
}

void b24_diff_report_free(b24_diff_report *r) {
  b24_changes_free(&r->changes);
  for (size_t i = 0; i < r->n_errors; i++) {
    free(r->errors[i].file);
    free(r->errors[i].message);
  }
  free(r->errors);
  memset(r, 0, sizeof *r);
}
