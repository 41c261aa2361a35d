/* Loading a generated suite for the runner (see suite_load.h). */
#include "check/suite_load.h"

#include <fnmatch.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/checks.h"
#include "schema/schema.h"
#include "util/fsutil.h"
#include "util/json_parse.h"
#include "util/sort.h"

int b24_shard_of(const char *id, int n) {
  uint32_t h = 2166136261u; /* FNV-1a */
  for (const unsigned char *p = (const unsigned char *)id; *p; p++) h = (h ^ *p) * 16777619u;
  return (int)(h % (uint32_t)n);
}

static json_t *load_json(const char *dir, const char *rel, char *err, size_t errlen) {
  char *path = b24_path_under(dir, rel);
  json_error_t je;
  size_t len = 0;
  char *text = b24_read_file(path, &len);
  json_t *j = text ? b24_json_load(text, len, &je) : NULL;
  if (!text) snprintf(err, errlen, "%s: cannot read", path);
  else if (!j) snprintf(err, errlen, "%s:%d: %s", path, je.line, je.text);
  else if (!json_is_object(j)) {
    snprintf(err, errlen, "%s: not a JSON object", path);
    json_decref(j);
    j = NULL;
  }
  free(text);
  free(path);
  return j;
}

static int matches(const char *globs, const char *name) {
  if (!globs) return 1;
  for (const char *p = globs; *p;) {
    size_t n = strcspn(p, ",");
    char *g = strndup(p, n);
    if (!g) abort();
    int hit = fnmatch(g, name, 0) == 0;
    free(g);
    if (hit) return 1;
    p += n + (p[n] == ',');
  }
  return 0;
}

static void fill_expect(const b24_suite *s, b24_suite_method *m) {
  json_t *d = m->doc;
  m->expect.time_schema = s->time_schema;
  m->expect.rest_version = (int)json_integer_value(json_object_get(d, "rest_version"));
  m->expect.success_status = (int)json_integer_value(json_object_get(d, "success_status"));
  m->expect.errors = json_object_get(d, "errors");
  m->expect.system_errors = json_object_get(d, "system_errors");
  m->expect.result_schema = json_object_get(d, "result_schema");
}

static int cmp_method(const void *a, const void *b) {
  const b24_suite_method *x = *(b24_suite_method *const *)a, *y = *(b24_suite_method *const *)b;
  int c = strcmp(x->name, y->name);
  return c ? c : x->rest_version - y->rest_version;
}

const b24_suite_method *b24_suite_method_find(const b24_suite *s, const char *name,
                                              int rest_version) {
  b24_suite_method key = {.name = (char *)name, .rest_version = rest_version};
  b24_suite_method *kp = &key;
  b24_suite_method **hit = b24_bsearch(&kp, s->methods, s->n_methods, sizeof *s->methods, cmp_method);
  if (!hit && s->global && !strcmp(name, "batch")) return s->methods[s->n_methods];
  return hit ? *hit : NULL;
}

static void add_unit(b24_suite *s, size_t *cap, const json_t *def, bool sequence,
                     const b24_suite_method *m) {
  if (s->n_units == *cap) {
    *cap = *cap ? *cap * 2 : 1024;
    s->units = realloc(s->units, *cap * sizeof *s->units);
    if (!s->units) abort();
  }
  const char *mode = json_string_value(json_object_get(def, "mode"));
  s->units[s->n_units++] = (b24_unit){
      .id = json_string_value(json_object_get(def, "id")),
      .def = def,
      .sequence = sequence,
      .writes = mode && strcmp(mode, "read") != 0,
      .restorable = json_is_true(json_object_get(def, "restorable")),
      .method = m,
      .checks = b24_checks_mask(json_object_get(def, "checks")),
  };
}

/* Adds the cases of a method (or of the global file) that the shard takes. */
static int add_cases(b24_suite *s, size_t *cap, const b24_suite_method *m,
                     const b24_suite_select *sel, const char *file, char *err, size_t errlen) {
  json_t *cases = json_object_get(m->doc, "cases");
  if (!json_is_array(cases)) {
    snprintf(err, errlen, "%s: no \"cases\" array", file);
    return -1;
  }
  size_t i;
  json_t *c;
  json_array_foreach(cases, i, c) {
    const char *id = json_string_value(json_object_get(c, "id"));
    if (!id || !json_is_object(json_object_get(c, "request"))) {
      snprintf(err, errlen, "%s: case %zu has no id or request", file, i);
      return -1;
    }
    if (sel->shard_count > 1 && b24_shard_of(id, sel->shard_count) != sel->shard_index - 1)
      continue;
    add_unit(s, cap, c, false, m);
  }
  return 0;
}

static b24_suite_method *load_method(b24_suite *s, const char *dir, const json_t *entry, char *err,
                                     size_t errlen) {
  const char *file = json_string_value(json_object_get(entry, "file"));
  if (!file) {
    snprintf(err, errlen, "%s/index.json: a method entry without \"file\"", dir);
    return NULL;
  }
  json_t *doc = load_json(dir, file, err, errlen);
  if (!doc) return NULL;
  b24_suite_method *m = calloc(1, sizeof *m);
  if (!m) abort();
  m->name = strdup(json_string_value(json_object_get(entry, "method")));
  m->rest_version = (int)json_integer_value(json_object_get(entry, "rest_version"));
  m->doc = doc;
  fill_expect(s, m);
  s->methods[s->n_methods++] = m;
  return m;
}

static int cmp_unit(const void *a, const void *b) {
  return strcmp(((const b24_unit *)a)->id, ((const b24_unit *)b)->id);
}

/* Whether every step of a sequence calls a selected method. */
static int sequence_selected(const json_t *seq, const char *globs) {
  size_t i;
  json_t *st;
  json_array_foreach(json_object_get(seq, "steps"), i, st) {
    const char *m = json_string_value(json_object_get(json_object_get(st, "request"), "method"));
    if (!m || (!matches(globs, m) && strcmp(m, "batch"))) return 0; /* batch carries the others' calls */
  }
  return 1;
}

int b24_suite_load(const char *dir, const b24_suite_select *sel, b24_suite *s, char *err,
                   size_t errlen) {
  memset(s, 0, sizeof *s);
  s->time_schema = b24_schema_time();
  s->index = load_json(dir, "index.json", err, errlen);
  if (!s->index) return -1;
  json_t *methods = json_object_get(s->index, "methods");
  json_t *seqs = json_object_get(s->index, "sequences");
  if (!json_is_array(methods) || !json_is_array(seqs)) {
    snprintf(err, errlen, "%s/index.json: no \"methods\" or \"sequences\" array", dir);
    return -1;
  }
  s->methods = calloc(json_array_size(methods) + 1, sizeof *s->methods);
  s->seq_docs = json_array();
  if (!s->methods) abort();
  size_t cap = 0, i;
  json_t *e;
  json_array_foreach(methods, i, e) {
    const char *name = json_string_value(json_object_get(e, "method"));
    if (!name || !matches(sel->methods_glob, name)) continue;
    b24_suite_method *m = load_method(s, dir, e, err, errlen);
    if (!m || add_cases(s, &cap, m, sel, json_string_value(json_object_get(e, "file")), err, errlen))
      return -1;
  }
  b24_qsort(s->methods, s->n_methods, sizeof *s->methods, cmp_method);
  /* the portal-wide cases' file: its expectations serve batch steps too */
  s->global = load_json(dir, json_string_value(json_object_get(s->index, "global")) ?
                                 json_string_value(json_object_get(s->index, "global")) : "global.json",
                        err, errlen);
  if (!s->global) return -1;
  b24_suite_method *g = calloc(1, sizeof *g);
  if (!g) abort();
  g->name = strdup("(portal)");
  g->doc = json_incref(s->global);
  fill_expect(s, g);
  /* kept outside the sorted array, found by name only as "batch" */
  s->methods[s->n_methods] = g;
  json_array_foreach(seqs, i, e) {
    const char *file = json_string_value(json_object_get(e, "file"));
    json_t *seq = file ? load_json(dir, file, err, errlen) : NULL;
    if (!seq) {
      if (!file) snprintf(err, errlen, "%s/index.json: a sequence entry without \"file\"", dir);
      return -1;
    }
    json_array_append_new(s->seq_docs, seq);
    const char *id = json_string_value(json_object_get(seq, "id"));
    if (!id || !json_is_array(json_object_get(seq, "steps"))) {
      snprintf(err, errlen, "%s/%s: no id or steps", dir, file);
      return -1;
    }
    if (!sequence_selected(seq, sel->methods_glob)) continue;
    if (sel->shard_count > 1 && b24_shard_of(id, sel->shard_count) != sel->shard_index - 1) continue;
    add_unit(s, &cap, seq, true, NULL);
  }
  if (!sel->methods_glob && add_cases(s, &cap, s->methods[s->n_methods], sel, "global.json", err, errlen))
    return -1;
  b24_qsort(s->units, s->n_units, sizeof *s->units, cmp_unit);
  return 0;
}

void b24_suite_free(b24_suite *s) {
  if (s->methods) {
    size_t n = s->n_methods + (s->global ? 1 : 0);
    for (size_t i = 0; i < n; i++) {
      if (!s->methods[i]) continue;
      free(s->methods[i]->name);
      json_decref(s->methods[i]->doc);
      free(s->methods[i]);
    }
  }
  free(s->methods);
  free(s->units);
  json_decref(s->index);
  json_decref(s->global);
  json_decref(s->seq_docs);
  json_decref(s->time_schema);
  memset(s, 0, sizeof *s);
}
