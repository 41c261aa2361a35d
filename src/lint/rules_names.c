/* Titles and names: the method in the title vs the page's file name, and one
 * method documented on two pages. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lint/lint_internal.h"
#include "util/fsutil.h"

/* Lower-case letters and digits only: "catalog.priceType.add" and
 * "catalog-price-type-add" both become "catalogpricetypeadd". */
static void squash(const char *s, size_t n, char *out, size_t cap) {
  size_t k = 0;
  for (size_t i = 0; i < n && k + 1 < cap; i++)
    if (isalnum((unsigned char)s[i])) out[k++] = (char)tolower((unsigned char)s[i]);
  out[k] = 0;
}

static int ends_with_ci(const char *s, size_t n, const char *suf) {
  size_t k = strlen(suf);
  return n >= k && !strncasecmp(s + n - k, suf, k);
}

/* The words of a file name ("get-catalog-product-fields", n bytes) are the
 * squashed name in another order (getfieldscatalogproduct): each word is
 * taken out of the name once, and nothing of the name is left over. A typo
 * ("humanresourses") leaves a word that is not found. */
static int same_words(const char *base, size_t n, const char *squashed) {
  char rest[256];
  snprintf(rest, sizeof rest, "%s", squashed);
  size_t left = strlen(rest);
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j < n && isalnum((unsigned char)base[j])) j++;
    if (j > i) {
      char w[128];
      squash(base + i, j - i, w, sizeof w);
      char *at = strstr(rest, w);
      if (!at) return 0;
      memset(at, '#', strlen(w)); /* taken: no later word matches across it */
      left -= strlen(w);
    }
    i = j + 1;
  }
  return left == 0;
}

/* The file name may spell the whole name or its last segments: the directory
 * holds the rest (imbot.v2.Chat.add in .../imbot.v2/chats/chat-add.md); its
 * words may come in another order (sale.basketitem.getFieldsCatalogProduct in
 * sale-basket-item-get-catalog-product-fields.md). */
static int name_matches_file(const char *name, const char *path) {
  const char *base = b24_path_basename(path);
  size_t bn = strlen(base);
  if (ends_with_ci(base, bn, ".md")) bn -= 3;
  if (ends_with_ci(base, bn, "-rest-v3")) bn -= 8;
  char fb[256], nb[256];
  squash(base, bn, fb, sizeof fb);
  for (const char *tail = name;;) {
    squash(tail, strlen(tail), nb, sizeof nb);
    if (!strcmp(nb, fb) || same_words(base, bn, nb)) return 1;
    const char *dot = strchr(tail, '.');
    if (!dot || !strchr(dot + 1, '.')) break; /* keep at least two segments */
    tail = dot + 1;
  }
  return 0;
}

/* Some segment of the name (of 2+ characters) is in the file name: the page is
 * about that method. "Migration from imbot to imbot.v2" (migration.md) names a
 * method only in passing. */
static int shares_segment(const char *name, const char *path) {
  char fb[256], seg[128];
  const char *base = b24_path_basename(path);
  squash(base, strlen(base), fb, sizeof fb);
  for (const char *s = name; *s;) {
    const char *e = strchr(s, '.');
    size_t n = e ? (size_t)(e - s) : strlen(s);
    squash(s, n, seg, sizeof seg);
    if (strlen(seg) >= 2 && strstr(fb, seg)) return 1;
    s = e ? e + 1 : s + n;
  }
  return 0;
}

static void title_vs_file(b24_lint_ctx *c) {
  for (size_t i = 0; i < c->m->n_methods; i++) {
    const b24_method *m = &c->m->methods[i];
    if (!b24_lint_in_focus(c, m->source)) continue;
    if (!strcmp(b24_path_basename(m->source), "index.md")) continue; /* section overviews */
    if (!name_matches_file(m->name, m->source) && shares_segment(m->name, m->source)) {
      b24_lint_emit(c, "title-file-mismatch", m->source, m->line,
                    "the title names method '%s', but the file is '%s'", m->name,
                    b24_path_basename(m->source));
      b24_lint_at(c, m->name, 0);
    }
  }
}

/* Methods are sorted by name: pages of one name are neighbours. REST 3.0 and
 * classic pages of one name are twins, not duplicates. */
static void duplicates(b24_lint_ctx *c) {
  const b24_model *md = c->m;
  for (size_t i = 0; i < md->n_methods; i++) {
    const b24_method *m = &md->methods[i];
    if (!b24_lint_in_focus(c, m->source)) continue;
    for (size_t k = i; k-- > 0 && !strcmp(md->methods[k].name, m->name);) {
      const b24_method *first = &md->methods[k];
      if (first->rest_version != m->rest_version || !strcmp(first->source, m->source)) continue;
      b24_lint_emit(c, "method-duplicate", m->source, m->line,
                    "method '%s' is also documented in %s:%d", m->name, first->source, first->line);
      b24_lint_at(c, m->name, 0);
      break;
    }
  }
}

void b24_rules_names(b24_lint_ctx *c) {
  title_vs_file(c);
  duplicates(c);
}
