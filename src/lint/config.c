/* Lint configuration: a .b24spec.yaml found upward from the docs root (or named by
 * --config), and --rule ID=LEVEL on the command line.
 *
 *   rules:                       # per rule: off | note | warning | error
 *     type-unknown: off
 *     link-anchor-missing: error
 *   ignore:                      # fnmatch(3) patterns over page paths relative
 *     - "api-reference/outdated*"  # to the docs root ('*' crosses '/')
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "lint/lint.h"
#include "util/fsutil.h"

void b24_lint_config_init(b24_lint_config *c) {
  memset(c, 0, sizeof *c);
  b24_lint_rules(&c->n_rules);
  c->level = malloc(c->n_rules);
  memset(c->level, -1, c->n_rules);
}

void b24_lint_config_free(b24_lint_config *c) {
  for (size_t i = 0; i < c->n_ignore; i++) free(c->ignore[i]);
  free(c->ignore);
  free(c->level);
  free(c->source);
  memset(c, 0, sizeof *c);
}

int b24_lint_config_set(b24_lint_config *c, const char *id, const char *level, char *err,
                        size_t errlen) {
  const b24_lint_rule *r = b24_lint_find_rule(id);
  if (!r) {
    snprintf(err, errlen, "unknown rule '%s' (see --list-rules)", id);
    return -1;
  }
  b24_severity s;
  signed char v;
  if (!strcmp(level, "off") || !strcmp(level, "false") || !strcmp(level, "none")) v = -2;
  else if (b24_severity_parse(level, &s) == 0) v = (signed char)s;
  else {
    snprintf(err, errlen, "rule '%s': level '%s' is not off, note, warning or error", id, level);
    return -1;
  }
  c->level[b24_lint_rule_index(r)] = v;
  return 0;
}

static const char *scalar(const yaml_node_t *n) {
  return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

static int fail(char *err, size_t errlen, const char *path, const yaml_node_t *n, const char *what,
                const char *x) {
  snprintf(err, errlen, "%s:%lu: %s%s%s", path, n ? (unsigned long)n->start_mark.line + 1 : 0UL,
           what, x ? " " : "", x ? x : "");
  return -1;
}

static int read_rules(b24_lint_config *c, yaml_document_t *doc, const yaml_node_t *v,
                      const char *path, char *err, size_t errlen) {
  if (v->type != YAML_MAPPING_NODE) return fail(err, errlen, path, v, "'rules' must be a mapping", NULL);
  for (yaml_node_pair_t *p = v->data.mapping.pairs.start; p < v->data.mapping.pairs.top; p++) {
    yaml_node_t *k = yaml_document_get_node(doc, p->key);
    yaml_node_t *x = yaml_document_get_node(doc, p->value);
    const char *id = scalar(k), *level = scalar(x);
    if (!id || !level) return fail(err, errlen, path, k, "a rule needs a level:", id);
    char why[256];
    if (b24_lint_config_set(c, id, level, why, sizeof why) != 0)
      return fail(err, errlen, path, k, why, NULL);
  }
  return 0;
}

static int read_ignore(b24_lint_config *c, yaml_document_t *doc, const yaml_node_t *v,
                       const char *path, char *err, size_t errlen) {
  if (v->type != YAML_SEQUENCE_NODE)
    return fail(err, errlen, path, v, "'ignore' must be a list of patterns", NULL);
  for (yaml_node_item_t *it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++) {
    const char *pat = scalar(yaml_document_get_node(doc, *it));
    if (!pat) return fail(err, errlen, path, v, "'ignore' items must be strings", NULL);
    c->ignore = realloc(c->ignore, (c->n_ignore + 1) * sizeof *c->ignore);
    c->ignore[c->n_ignore++] = strdup(pat);
  }
  return 0;
}

int b24_lint_config_read(b24_lint_config *c, const char *path, char *err, size_t errlen) {
  size_t len;
  char *data = b24_read_file(path, &len);
  if (!data) {
    snprintf(err, errlen, "%s: cannot read the configuration", path);
    return -1;
  }
  yaml_parser_t y;
  yaml_document_t doc;
  yaml_parser_initialize(&y);
  yaml_parser_set_input_string(&y, (const unsigned char *)data, len);
  int rc = 0;
  if (!yaml_parser_load(&y, &doc)) {
    snprintf(err, errlen, "%s:%lu: %s", path, (unsigned long)y.problem_mark.line + 1,
             y.problem ? y.problem : "not YAML");
    rc = -1;
  } else {
    yaml_node_t *root = yaml_document_get_root_node(&doc);
    if (root && root->type != YAML_MAPPING_NODE) {
      rc = fail(err, errlen, path, root, "the configuration must be a mapping", NULL);
    } else if (root) {
      for (yaml_node_pair_t *p = root->data.mapping.pairs.start;
           rc == 0 && p < root->data.mapping.pairs.top; p++) {
        yaml_node_t *k = yaml_document_get_node(&doc, p->key);
        yaml_node_t *v = yaml_document_get_node(&doc, p->value);
        const char *key = scalar(k);
        if (key && !strcmp(key, "rules")) rc = read_rules(c, &doc, v, path, err, errlen);
        else if (key && !strcmp(key, "ignore")) rc = read_ignore(c, &doc, v, path, err, errlen);
        else if (key && !strcmp(key, "diff")) continue; /* b24spec diff's accepted changes */
        else rc = fail(err, errlen, path, k, "unknown key (expected rules, ignore, diff):", key);
      }
    }
    yaml_document_delete(&doc);
  }
  yaml_parser_delete(&y);
  free(data);
  if (rc == 0) {
    free(c->source);
    c->source = strdup(path);
  }
  return rc;
}

char *b24_lint_config_find(const char *dir) {
  char *cur = realpath(dir, NULL);
  if (!cur) return NULL;
  for (;;) {
    char *p = b24_path_under(cur, ".b24spec.yaml");
    if (b24_is_file(p)) {
      free(cur);
      return p;
    }
    free(p);
    if (!strcmp(cur, "/")) break;
    char *up = b24_path_dirname(cur);
    free(cur);
    cur = up;
  }
  free(cur);
  return NULL;
}
