/* Reading a generated suite directory (index.json, global.json, methods/NAME.json,
 * sequences/FAMILY.json) into the units the runner schedules: one unit per case,
 * one per CRUD sequence. Only the method files a selection needs are read. */
#ifndef B24_CHECK_SUITE_LOAD_H
#define B24_CHECK_SUITE_LOAD_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "check/checks.h"

typedef struct b24_suite_method {
  char *name;
  int rest_version;
  json_t *doc;                 /* the method file (NULL for the global file's cases) */
  b24_method_expect expect;    /* borrowed from doc */
} b24_suite_method;

typedef struct b24_unit {
  const char *id;
  const json_t *def;           /* the case or the sequence (borrowed) */
  bool sequence;
  bool writes;                 /* mode "write" */
  bool restorable;
  const b24_suite_method *method; /* the case's method; NULL for a sequence */
  unsigned checks;             /* the case's "checks" (b24_checks_mask) */
} b24_unit;

typedef struct b24_suite {
  json_t *index;
  json_t *time_schema;         /* shared by every method's expectations */
  json_t *global;
  json_t *seq_docs;            /* array of loaded sequence files */
  b24_suite_method **methods;  /* loaded, sorted by name then REST version */
  size_t n_methods;
  b24_unit *units;             /* selected, sorted by id */
  size_t n_units;
} b24_suite;

typedef struct b24_suite_select {
  const char *methods_glob;    /* comma-separated fnmatch patterns; NULL = all */
  int shard_index, shard_count;/* 1-based; 0/0 = no sharding */
} b24_suite_select;

/* Loads the suite under dir with the selection applied. -1 with err on a
 * missing or malformed file (named in err). */
int b24_suite_load(const char *dir, const b24_suite_select *sel, b24_suite *s, char *err,
                   size_t errlen);
void b24_suite_free(b24_suite *s);

/* The loaded method of that name and REST version, NULL if not loaded;
 * "batch", when the docs give it no page of its own, is the portal-wide
 * expectations of global.json. */
const b24_suite_method *b24_suite_method_find(const b24_suite *s, const char *name,
                                              int rest_version);

/* Which shard (0-based) of n a unit id falls in: stable across runs, machines
 * and selections (a hash of the id). */
int b24_shard_of(const char *id, int n);

#endif
