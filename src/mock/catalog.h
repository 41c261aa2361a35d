/* The methods the mock serves, indexed by lower-cased name and REST version, each
 * with its success answer prepared once (serialized, faults applied), and the
 * families of methods over one object (X.add/get/list/update/delete) that the
 * store makes stateful. */
#ifndef B24_MOCK_CATALOG_H
#define B24_MOCK_CATALOG_H
#include <jansson.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>

#include "model/model.h"

typedef enum {
  MOCK_OP_NONE = 0,
  MOCK_OP_ADD,
  MOCK_OP_GET,
  MOCK_OP_LIST,
  MOCK_OP_UPDATE,
  MOCK_OP_DELETE,
  MOCK_N_OPS
} mock_op;

typedef struct mock_family mock_family;

typedef struct mock_method {
  const b24_method *meth;
  char *lname;          /* lower-cased name */
  int v3;
  unsigned status;      /* success status: the docs', else 200 */
  json_t *answer;       /* success answer without "time", as documented (owned) */
  char *serialized;     /* the answer with result faults applied, compact JSON */
  size_t serialized_len;
  int reset_at;         /* the docs' time object has operating_reset_at */
  mock_family *family;  /* NULL when the method is not stateful */
  mock_op op;
} mock_method;

typedef struct mock_catalog {
  const b24_model *model;
  unsigned faults;
  mock_method *items;
  size_t n;
  size_t *slots;        /* open addressing over items: index + 1, 0 = empty */
  size_t n_slots;
  mock_family **families;
  size_t n_families;
  _Atomic(json_t *) *schemas; /* per item: its parameter schema, made on first use */
  pthread_mutex_t *schema_lock;
} mock_catalog;

/* Prepares every method of m (m must outlive the catalog). 0 on success. */
int mock_catalog_build(mock_catalog *c, const b24_model *m, unsigned faults);
/* The method by lower-cased name; v3 selects REST 3.0 methods. NULL when none. */
const mock_method *mock_catalog_find(const mock_catalog *c, const char *lname, int v3);
/* The JSON Schema of mm's parameters (schema/schema.h), built once, on the first
 * call, so that a server of the whole corpus starts without building 1,600. */
const json_t *mock_catalog_schema(const mock_catalog *c, const mock_method *mm);
void mock_catalog_free(mock_catalog *c);

#endif
