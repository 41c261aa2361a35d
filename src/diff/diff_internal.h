/* What the comparison's files share: the context of one method pair, the place
 * changes are added to, and the normalizations that tell noise from change. */
#ifndef B24_DIFF_INTERNAL_H
#define B24_DIFF_INTERNAL_H
#include <stdbool.h>

#include "diff/diff.h"

/* A parameter or result field one side has and the other lacks, kept until the
 * whole method is compared: it may have moved into or out of a nested object. */
typedef struct b24d_orphan {
  const b24_param *p;
  char *path;
  bool fields;
  bool paired;
  bool undescribed_before; /* arrived where OLD described no keys at all (gone:
                              where NEW describes none) */
  long top;                /* -1 for an unpaired param itself; for the keys nested in
                              it, the index of that param: they may have moved alone */
  size_t moved_inner;      /* keys of this param that moved elsewhere */
} b24d_orphan;

typedef struct b24d_orphans {
  b24d_orphan *v;
  size_t n, cap;
} b24d_orphans;

typedef struct b24d_ctx {
  const b24_model *om, *nm;
  const b24_method *mo, *mn;   /* the pair being compared; one is NULL for added/removed */
  bool old_marks_required;     /* OLD's page marks some parameter required */
  b24d_orphans gone, arrived;  /* the method's unmatched params and fields */
  b24_changes *out;
} b24d_ctx;

/* Adds a change; ol/nl may be NULL, ov/nv the values at each side. */
void b24d_add(b24d_ctx *c, b24_tier tier, b24_change_kind kind, const char *path,
              const char *subject, const b24_loc *ol, const b24_loc *nl, const char *ov,
              const char *nv, const char *fmt, ...) __attribute__((format(printf, 10, 11)));
/* Frees what one change owns (select.c drops changes in place). */
void b24d_change_free(b24_change *x);
/* Sorts the changes and gives each its id (unique: a repeated one gets "#2", ...). */
void b24d_finish(b24_changes *out);

/* params.c */
void b24d_compare_params(b24d_ctx *c, const b24_params *o, const b24_params *n,
                         const char *prefix, bool fields);
void b24d_compare_param(b24d_ctx *c, const b24_param *op, const b24_param *np, const char *path,
                        bool fields);
char *b24d_join_path(const char *prefix, const char *name);
/* The names a param stands for: "ID/CODE" is ID or CODE. Returns the count (at
 * most max), 1 for a plain name; names point into buf. */
size_t b24d_alternatives(const b24_param *p, char buf[256], const char *names[], size_t max);

/* pairing.c: orphans that moved become moves; the rest removed or added. */
void b24d_resolve_orphans(b24d_ctx *c);
void b24d_orphans_push(b24d_orphans *o, const b24_param *p, const char *path, bool fields);

/* deprecation.c: what the model says is deprecated (model v2); NULL when not. */
const b24_deprecation *b24d_param_deprecation(const b24_param *p);
const b24_deprecation *b24d_method_deprecation(const b24_method *m);

/* wire.c: the tier of a type change, or -1 when the types are the same. */
int b24d_type_tier(const b24_type *ot, const b24_type *nt, const char *name, bool fields);
const char *b24d_type_text(const b24_type *t);

/* noise.c: text as compared. Each returns a malloc'd string. */
/* Markdown, case, punctuation at the ends and runs of whitespace removed. */
char *b24d_norm_text(const char *s);
/* A default or enum value without quotes and backticks; NULL for none ("null"). */
char *b24d_norm_value(const char *s);
/* An error code; "" for the ways the docs write an empty one. */
char *b24d_norm_error_code(const char *s);
/* The scopes of a method, split at commas (and ; / `), lower case, each once;
 * *prose when one is words rather than a scope's name. */
size_t b24d_norm_scopes(const b24_method *m, char ***out, bool *prose);
void b24d_free_strv(char **v, size_t n);

#endif
