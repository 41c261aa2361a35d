/* Generators: model -> files. Each generator adds its files to a b24_outputs set;
 * `b24spec gen` writes the set (atomically, only what changed, see outputs.c). */
#ifndef B24_GEN_H
#define B24_GEN_H
#include <stddef.h>

#include "model/model.h"

typedef struct b24_output {
  char *path;     /* relative to the output directory, '/'-separated */
  char *data;     /* malloc'd */
  size_t len;
} b24_output;

typedef struct b24_outputs {
  b24_output *items;
  size_t n, cap;
  size_t *index;  /* open addressing by path hash: item number + 1, 0 = empty */
  size_t index_cap;
} b24_outputs;

void b24_outputs_init(b24_outputs *o);
void b24_outputs_free(b24_outputs *o);
/* Takes ownership of data (malloc'd). A second file with the same path replaces the first. */
void b24_outputs_add(b24_outputs *o, const char *path, char *data, size_t len);
/* Adds every file of from (in its order) and leaves from empty. */
void b24_outputs_move(b24_outputs *to, b24_outputs *from);
/* Serializes j (keys in insertion order, 2-space indent, trailing newline) and adds it. */
void b24_outputs_add_json(b24_outputs *o, const char *path, const json_t *j);

typedef struct b24_write_report {
  size_t written, unchanged, removed;
} b24_write_report;

/* Writes the set under dir: each changed file through a temporary file and rename;
 * files listed in the previous manifest (dir/manifest.json) but no longer produced
 * are removed; the manifest (path -> sha256) is rewritten. 0 on success. */
int b24_outputs_write(const b24_outputs *o, const char *dir, b24_write_report *rep);

/* The generators. Each returns 0 on success. */
int b24_gen_schemas(const b24_model *m, b24_outputs *o);  /* schemas/<method>.json ... */
int b24_gen_openapi(const b24_model *m, b24_outputs *o);  /* openapi.json */
int b24_gen_c(const b24_model *m, b24_outputs *o);        /* c/... */
int b24_gen_suite(const b24_model *m, b24_outputs *o);    /* suite/... */
/* Parts of the generators above kept in files of their own. */
int b24_gen_event_schemas(const b24_model *m, b24_outputs *o); /* schemas/events/<event>.json */
int b24_gen_c_events(const b24_model *m, b24_outputs *o);      /* c/events/... (c_events.c) */
int b24_gen_suite_events(const b24_model *m, b24_outputs *o);  /* suite/events.json */
struct b24_schema_ctx;
/* Adds "webhooks" to an OpenAPI document (when the model has events), their
 * payload schemas to schemas (components/schemas, made with c). */
void b24_openapi_webhooks(const b24_model *m, struct b24_schema_ctx *c, json_t *schemas, json_t *doc);
int b24_gen_suite(const b24_model *m, b24_outputs *o);    /* suite/..., seed 1 */
/* The suite with its synthesized values drawn from seed (written into index.json). */
#define B24_SUITE_DEFAULT_SEED 1u
int b24_gen_suite_seeded(const b24_model *m, unsigned seed, b24_outputs *o);

#endif
