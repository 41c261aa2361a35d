/* Accepted changes: a list of ids or fnmatch(3) patterns over ids, each with a
 * reason and an optional expiry day, so that CI passes on changes someone looked
 * at and fails again on those whose acceptance ran out.
 *
 *   accept:                      # top level of its own file, or under `diff:`
 *     - id: "param-added:crm.deal.add:fields.X"     # in .b24spec.yaml
 *       reason: "the docs now list it; the API had it for years"
 *       expires: 2027-01-31       # optional: from the day after, it fails again
 */
#include <ctype.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "diff/diff_internal.h"
#include "util/fsutil.h"

static const char *scalar(const yaml_node_t *n) {
  return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

static unsigned long line_of(const yaml_node_t *n) {
  return n ? (unsigned long)n->start_mark.line + 1 : 0UL;
}

static int fail(char *err, size_t errlen, const char *path, const yaml_node_t *n, const char *what) {
  snprintf(err, errlen, "%s:%lu: %s", path, line_of(n), what);
  return -1;
}

static const yaml_node_t *member(yaml_document_t *doc, const yaml_node_t *map, const char *key) {
  if (!map || map->type != YAML_MAPPING_NODE) return NULL;
  for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
    const char *k = scalar(yaml_document_get_node(doc, p->key));
    if (k && !strcmp(k, key)) return yaml_document_get_node(doc, p->value);
  }
  return NULL;
}

static bool is_day(const char *s) {
  static const char shape[] = "dddd-dd-dd";
  for (size_t i = 0; i < sizeof shape - 1; i++)
    if (!s[i] || (shape[i] == 'd' ? !isdigit((unsigned char)s[i]) : s[i] != '-')) return false;
  return s[sizeof shape - 1] == 0;
}

static int read_entry(b24_accept_list *a, yaml_document_t *doc, const yaml_node_t *e,
                      const char *path, const char *today, char *err, size_t errlen) {
  if (e->type != YAML_MAPPING_NODE)
    return fail(err, errlen, path, e, "an accepted change is a mapping with id and reason");
  for (yaml_node_pair_t *p = e->data.mapping.pairs.start; p < e->data.mapping.pairs.top; p++) {
    const char *k = scalar(yaml_document_get_node(doc, p->key));
    if (!k || (strcmp(k, "id") && strcmp(k, "reason") && strcmp(k, "expires")))
      return fail(err, errlen, path, yaml_document_get_node(doc, p->key),
                  "unknown key in an accepted change (expected id, reason, expires)");
  }
  const char *id = scalar(member(doc, e, "id")), *reason = scalar(member(doc, e, "reason"));
  const yaml_node_t *xn = member(doc, e, "expires");
  const char *expires = scalar(xn);
  if (!id || !*id) return fail(err, errlen, path, e, "an accepted change needs an id (or pattern)");
  if (!reason || !*reason) return fail(err, errlen, path, e, "an accepted change needs a reason");
  if (xn && (!expires || !is_day(expires)))
    return fail(err, errlen, path, xn, "expires must be a day written YYYY-MM-DD");
  a->v = realloc(a->v, (a->n + 1) * sizeof *a->v);
  char src[64];
  snprintf(src, sizeof src, ":%lu", line_of(e));
  b24_buf s = B24_BUF_INIT;
  b24_buf_printf(&s, "%s%s", path, src);
  a->v[a->n++] = (b24_acceptance){strdup(id), strdup(reason), expires ? strdup(expires) : NULL,
                                  b24_buf_take(&s), expires && strcmp(expires, today) < 0, 0};
  return 0;
}

static int read_doc(b24_accept_list *a, yaml_document_t *doc, const char *path, const char *today,
                    char *err, size_t errlen) {
  yaml_node_t *root = yaml_document_get_root_node(doc);
  if (!root) return 0;
  if (root->type != YAML_MAPPING_NODE) return fail(err, errlen, path, root, "the file must be a mapping");
  const yaml_node_t *list = member(doc, root, "accept");
  const yaml_node_t *section = member(doc, root, "diff");
  if (!list && section) list = member(doc, section, "accept");
  if (!list) return 0;
  if (list->type != YAML_SEQUENCE_NODE) return fail(err, errlen, path, list, "'accept' must be a list");
  for (yaml_node_item_t *it = list->data.sequence.items.start; it < list->data.sequence.items.top; it++)
    if (read_entry(a, doc, yaml_document_get_node(doc, *it), path, today, err, errlen) != 0) return -1;
  return 0;
}

int b24_accept_parse(b24_accept_list *a, const char *data, size_t len, const char *path,
                     const char *today, char *err, size_t errlen) {
  yaml_parser_t y;
  yaml_document_t doc;
  yaml_parser_initialize(&y);
  yaml_parser_set_input_string(&y, (const unsigned char *)data, len);
  int rc;
  if (!yaml_parser_load(&y, &doc)) {
    snprintf(err, errlen, "%s:%lu: %s", path, (unsigned long)y.problem_mark.line + 1,
             y.problem ? y.problem : "not YAML");
    rc = -1;
  } else {
    rc = read_doc(a, &doc, path, today, err, errlen);
    yaml_document_delete(&doc);
  }
  yaml_parser_delete(&y);
  if (rc == 0) {
    free(a->source);
    a->source = strdup(path);
  }
  return rc;
}

int b24_accept_read(b24_accept_list *a, const char *path, const char *today, char *err,
                    size_t errlen) {
  size_t len;
  char *data = b24_read_file(path, &len);
  if (!data) {
    snprintf(err, errlen, "%s: cannot read the accept file", path);
    return -1;
  }
  int rc = b24_accept_parse(a, data, len, path, today, err, errlen);
  free(data);
  return rc;
}

/* .b24spec.yaml counts only when it has a `diff:` section (it may hold lint's
 * settings alone). */
static bool has_diff_section(const char *path) {
  size_t len;
  char *data = b24_read_file(path, &len);
  bool r = data && (!strncmp(data, "diff:", 5) || strstr(data, "\ndiff:"));
  free(data);
  return r;
}

char *b24_accept_find(const char *dir) {
  char *cur = realpath(dir, NULL);
  if (cur && !b24_is_dir(cur)) {
    char *up = b24_path_dirname(cur);
    free(cur);
    cur = up;
  }
  while (cur) {
    char *own = b24_path_under(cur, ".b24spec-accept.yaml");
    char *shared = b24_path_under(cur, ".b24spec.yaml");
    char *found = b24_is_file(own) ? own : b24_is_file(shared) && has_diff_section(shared) ? shared : NULL;
    if (found) {
      free(found == own ? shared : own);
      free(cur);
      return found;
    }
    free(own);
    free(shared);
    if (!strcmp(cur, "/") || !*cur) break;
    char *up = b24_path_dirname(cur);
    free(cur);
    cur = up;
  }
  free(cur);
  return NULL;
}

void b24_accept_apply(b24_accept_list *a, b24_changes *c) {
  for (size_t i = 0; i < c->n; i++)
    for (size_t k = 0; k < a->n; k++) {
      b24_acceptance *x = &a->v[k];
      if (strcmp(x->pattern, c->v[i].id) && fnmatch(x->pattern, c->v[i].id, 0)) continue;
      x->used++;
      if (!x->expired && !c->v[i].accepted) c->v[i].accepted = x;
    }
}

/* A YAML double-quoted scalar. */
static void put_quoted(b24_buf *out, const char *s) {
  b24_buf_putc(out, '"');
  for (; *s; s++) {
    if (*s == '"' || *s == '\\') b24_buf_putc(out, '\\');
    if (*s == '\n') b24_buf_puts(out, "\\n");
    else b24_buf_putc(out, *s);
  }
  b24_buf_putc(out, '"');
}

void b24_accept_write(const b24_changes *c, const char *today, b24_buf *out) {
  b24_buf_printf(out,
                 "# b24spec diff: the changes of %s, to accept. Give each a reason (why CI may\n"
                 "# pass on it) and, if it should be looked at again, an expiry day.\n"
                 "accept:\n",
                 today);
  for (size_t i = 0; i < c->n; i++) {
    const b24_change *x = &c->v[i];
    b24_buf_printf(out, "  # %s: %s: ", b24_tier_name(x->tier), x->method);
    for (const char *s = x->message; *s; s++) b24_buf_putc(out, *s == '\n' ? ' ' : *s);
    b24_buf_puts(out, "\n  - id: ");
    put_quoted(out, x->id);
    b24_buf_puts(out, "\n    reason: \"TODO\"\n");
  }
}

void b24_accept_free(b24_accept_list *a) {
  for (size_t i = 0; i < a->n; i++) {
    free(a->v[i].pattern);
    free(a->v[i].reason);
    free(a->v[i].expires);
    free(a->v[i].source);
  }
  free(a->v);
  free(a->source);
  memset(a, 0, sizeof *a);
}
