/* What the suite generator's files share (gen/suite.c, gen/suite_lists.c). */
#ifndef B24_GEN_SUITE_INTERNAL_H
#define B24_GEN_SUITE_INTERNAL_H
#include <jansson.h>
#include <stdbool.h>

#include "model/family.h"
#include "model/model.h"
#include "gen/suite_synth.h"
#include "suite/check_names.h"

#define SUITE_VERSION 2

/* What the generator knows while it makes one method's cases. */
typedef struct method_gen {
  const b24_model *m;
  const b24_method *meth;
  char *stem;
  json_t *params_schema;
  bool read_only;
  bool has_required;
  b24_family fam;
  bool input_errors;    /* the page documents an error for bad input */
  char *result_conflict; /* the docs' example contradicts their result table */
  json_t *cases;
  json_t *not_generated;
  unsigned seed;        /* of the synthesized values (gen --seed) */
  json_t *sent_paths;   /* lower-cased parameter paths a success case sends -> true */
} method_gen;

/* Adds one case to g->cases (id under the method's stem; takes body). expect:
 * "success", "error" or "any"; auth: "portal", "none", "wrong". Returns it. */
json_t *suite_add_case(method_gen *g, const char *id, const char *kind, const char *title,
                       const char *from, const char *auth, json_t *body, const char *expect);
/* Invalid however the portal reads it: as JSON, and as form values. */
int suite_surely_invalid(const b24_method *meth, const json_t *schema, const json_t *body);
/* The negative cases for the parameters ps, at top level (parent NULL) or
 * inside the object parameter parent of base (gen/suite_negatives.c). */
void suite_negative_cases(method_gen *g, const json_t *base, const b24_params *ps, const char *parent);

/* The names of checks ids[0..n) as a JSON array. */
json_t *suite_checks_list(const b24_check_id *ids, size_t n);
/* The checks a case expecting expect ("success", "error", "any") asks for. */
json_t *suite_checks_for(const char *expect, int auth_case);
/* "file:line", malloc'd. */
char *suite_loc_text(const char *file, int line);
/* Takes check id off c (a case or step), saying why in its notes. */
void suite_drop_check(json_t *c, b24_check_id id, const char *why);
/* Valid however a portal reads the values: strict JSON types or form strings. */
int suite_valid_request(const b24_method *meth, const json_t *schema, const json_t *body);
/* One sequence step calling meth (takes body and checks). */
json_t *suite_step(const b24_model *m, const b24_method *meth, const char *name, json_t *body,
                   const char *expect, json_t *checks);
/* meth's example body with its id key set to var; NULL with why. */
json_t *suite_with_id(const b24_method *meth, const char *var, const char **why);

/* A sequence over the family's list: two objects added, then list calls that
 * must find them by id and by a field, order them, select, count and page;
 * both deleted at the end. NULL with why when the docs do not give what it needs. */
json_t *suite_list_sequence(const b24_model *m, const b24_family *f, unsigned seed, const char **why);

/* The add request of a sequence: the docs' example when the parameter table
 * accepts it, else one synthesized from the table; *source says which
 * ("example", "schema"). NULL when neither can be made. */
json_t *suite_add_body(const b24_model *m, const b24_method *add, unsigned seed, const char **source);

/* Where add's answer holds the new id ("result", "result.id", ...): from the
 * docs' response example, else "result" when the result table says integer.
 * malloc'd, NULL when unknown. */
char *suite_added_id_path(const b24_model *m, const b24_method *add);

/* The request of a get, update or delete about the object var names: the
 * docs' example when the table accepts it, else a synthesized one (scope),
 * with the id key set to var. *id_key: that key. NULL with why. */
json_t *suite_member_body(const b24_model *m, const b24_method *meth, const char *var,
                          suite_synth_scope scope, unsigned seed, const char **id_key,
                          const char **why);

/* A batch subquery "method?fields[TITLE]=x&..." for body, form-encoded the PHP
 * way; values that are "$result[...]" or "${...}" references are kept as they
 * are. malloc'd. */
char *suite_batch_subquery(const char *method, const json_t *body);

/* The portal-wide batch cases (gen/suite_batch.c), appended to cases. */
void suite_batch_cases(const b24_model *m, unsigned seed, json_t *cases);

/* The CRUD sequence (gen/suite_crud.c); NULL with why. */
json_t *suite_crud_sequence(const b24_model *m, const b24_family *f, unsigned seed, const char **why);

/* A step "list_by_id" of the family's list: filtered on the id var names, the
 * object must be there and show fields. NULL when the list documents no
 * filter or its docs example shows no objects with an id. */
json_t *suite_list_by_id_step(const b24_model *m, const b24_family *f, const json_t *add_body,
                              const char *var, const json_t *fields, unsigned seed);
/* A list step filtered by the new object's id: it is listed with fields (gone
 * 0), or, after a delete, it is not (gone 1, checked as delete_removes). NULL
 * when the list has no filter or its answer's shape is unknown. */
json_t *suite_list_id_filter_step(const b24_model *m, const b24_family *f, const char *name,
                                  const json_t *add_body, const char *var, const json_t *fields,
                                  int gone, unsigned seed);
/* A step of a membership's list (the model's member_of): the list of what the
 * add request names as the owner holds member (gone 0), or no longer does
 * (gone 1, checked as delete_removes). NULL when the list's docs example
 * shows no items that name members. */
json_t *suite_member_list_step(const b24_model *m, const b24_family *f, const char *name,
                               const json_t *add_body, const json_t *member, int gone,
                               unsigned seed);

#endif
