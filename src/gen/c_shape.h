/* The C shape of a method: which struct members its parameters and its result become.
 * c_stubs.c prints the shape; this file decides it, so that the mapping from doc types
 * to C types is in one place.
 *
 * Type mapping (a parameter's alternatives must all map to the same kind, else json_t *):
 *   integer, int, long, timestamp, user, user.id, crm_company/contact/lead/deal/quote/
 *     entity, any "X.id"                                   -> integer (b24_opt_int)
 *   double, float, number, decimal                         -> double (b24_opt_double)
 *   boolean, bool                                          -> bool (b24_opt_bool); sent as
 *     "Y"/"N" when the docs list exactly the values Y and N, else as JSON true/false
 *   string, char, text, date, datetime, enum, crm_status, crm -> const char *
 *   integer[] / string[] (parameters only)                 -> pointer + count
 *   a parameter with nested rows (children or per-variant tabs) -> a nested struct, or an
 *     array of them when the type is an array; a type linked to a documented object
 *     (data-types.md#crm_multifield) -> the object's fields, the same way
 *   alternatives that mix (parameters only): integer | integer[] -> integer[], string |
 *     string[] -> string[], boolean | integer -> bool, string with objects or numbers ->
 *     string (the other forms through `extra`)
 *   filter / order of object type (parameters)           -> b24_filter / b24_order
 *   select of array type (parameters)                    -> string[]
 *   anything else (object, array, any, file, unknown words) -> json_t *, unless the
 *     page's request examples (parameters) or response example (results) show the
 *     value: then the type the example's value has, objects as structs of its keys
 * Names that are patterns or paths (UF_*, <field_code>, fields.X, items[]) are not keys:
 * they become no member and are listed in the struct's comment (use `extra`).
 */
#ifndef B24_GEN_C_SHAPE_H
#define B24_GEN_C_SHAPE_H
#include <stdbool.h>
#include <stddef.h>

#include "gen/c_names.h"
#include "model/model.h"
#include "util/arena.h"

typedef enum c_kind {
  C_INT,
  C_DOUBLE,
  C_BOOL,
  C_YN,           /* a bool sent as "Y"/"N" */
  C_STR,
  C_INT_ARRAY,
  C_STR_ARRAY,
  C_JSON,
  C_STRUCT,       /* nested object */
  C_STRUCT_ARRAY, /* array of nested objects */
  C_VARIANT,      /* a per-variant set of keys, merged into the enclosing object */
  C_FILTER,       /* parameters: a list method's filter (b24_filter, b24/list.h) */
  C_ORDER         /* parameters: a list method's order (b24_order) */
} c_kind;

typedef struct c_struct c_struct;

typedef struct c_member {
  const char *key;             /* the JSON key; NULL for a variant */
  const b24_param *doc;        /* the documenting row; NULL for a variant */
  const b24_variant *variant;  /* C_VARIANT only */
  const char *ident;           /* member name */
  const char *count_ident;     /* arrays: the member holding the item count */
  c_kind kind;
  bool required;               /* parameters only */
  bool read_only;              /* entity types: decoded, never sent */
  c_struct *sub;               /* C_STRUCT, C_STRUCT_ARRAY, C_VARIANT */
} c_member;

struct c_struct {
  const char *type_name;
  const char *fn_encode, *fn_decode, *fn_release; /* file-scope helper names */
  const char *what;            /* "fields.SETTINGS" or "SETTINGS, variant string" */
  const b24_param *doc;        /* the row the struct stands for; NULL at the top */
  c_member *members;
  size_t n, cap;
  const char **not_keys;       /* documented names that are no literal keys */
  size_t n_not_keys;
  size_t n_variants_skipped;   /* results: per-variant tabs not decoded */
  bool has_required;           /* some member (here or below) is required */
  bool needs_release;          /* results: owns arrays (here or below) */
  /* Entity types (c_entity.c): structs that both encode and decode, declared in a header
   * of their own (b24/api/types/<file>.h) with extern functions; a method that uses one
   * prints none of it. */
  bool both_ways;              /* encodes (fn_encode) and decodes (fn_decode) */
  bool exported;               /* the entity type itself: its functions are extern */
  const char *shared_file;     /* the entity's file name when the struct is an entity
                                  type or below one; NULL for a method's own struct */
};

/* An entity type: the model's entity and the struct of its fields. */
typedef struct c_entity_type {
  const b24_entity *entity;
  const char *type_name;       /* b24_crm_deal */
  const char *file;            /* crm_deal: b24/api/types/crm_deal.h */
  c_struct *s;
} c_entity_type;

/* How the "result" member of an answer is decoded. */
typedef struct c_result {
  c_kind kind;                 /* C_INT, C_DOUBLE, C_BOOL, C_STR: `value` scalar;
                                  C_STRUCT: `value` struct; C_STRUCT_ARRAY: `items`;
                                  C_JSON: only `raw` */
  const b24_param *doc;        /* the "result" row, NULL when the docs have none */
  c_struct *sub;
  bool documented_empty;       /* C_JSON because the docs give the result as null or an
                                  empty list: there is nothing to decode */
} c_result;

/* What paging a list method needs (b24/list.h). */
typedef struct c_list_info {
  bool is_list;                /* the method takes `start` and answers `next` */
  const char *items_key;       /* the result member holding the items; NULL: result */
  const char *id_key;          /* the items' identifier key */
  const char *filter_key, *order_key; /* NULL when the method has none */
} c_list_info;

typedef struct c_method_shape {
  const b24_method *method;
  const char *fn;              /* b24_user_update */
  const char *file;            /* user_update: c/include/b24/api/<file>.h, c/src/api/<file>.c */
  const char *params_type, *result_type, *result_free;
  const char *desc;            /* b24_user_update_method: the b24_method_desc */
  c_struct *params;
  c_result result;
  c_list_info list;
  const c_entity_type *entity; /* the entity type the method works on, or NULL */
  bool uses_entity;            /* some member or the result is that entity type */
} c_method_shape;

/* What the shapes of one generation share: the model (for linked object types), the
 * arena that holds every shape, and the file-scope names of the whole API. */
typedef struct c_shape_ctx {
  const b24_model *model;
  b24_arena *arena;
  c_names *globals;
  /* the entity types, one per model entity with fields (c_shape_entities) */
  c_entity_type *entities;
  size_t n_entities;
  /* internal: object types being expanded (a type that contains itself stops there) */
  const char *expanding[8];
  size_t depth;
  const c_entity_type *current; /* the entity of the method (or entity type) being shaped */
  bool both_ways;               /* building an entity type */
  bool used_entity;             /* the method being shaped uses its entity type */
  const b24_method *method;     /* the method being shaped, NULL for entity types */
} c_shape_ctx;

/* Fills the shape of `method`, whose function, file and type names were already chosen
 * (sh->fn, sh->file, sh->params_type, sh->result_type, sh->result_free). Nested type
 * names and helper names are taken from ctx->globals in document order. */
void c_shape_method(c_shape_ctx *ctx, c_method_shape *sh);

/* Builds ctx->entities: one type per entity with fields, named b24_<entity words>
 * (REST 3.0 ones "_v3" when a classic one has the name), after the method names. */
void c_shape_entities(c_shape_ctx *ctx);

/* The member's C kind name for comments: "integer", "string[]", ... */
const char *c_kind_doc(c_kind k);

#endif
