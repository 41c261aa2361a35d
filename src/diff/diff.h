/* What changed in the API between two models, each change put in a tier for a
 * client of the API (and for whoever keeps its bindings), given a stable id, and
 * located in both versions of the docs (paths relative to each docs root).
 * docs/diff.md describes the tiers and kinds; docs/diff.schema.json the JSON. */
#ifndef B24_DIFF_H
#define B24_DIFF_H
#include <stdbool.h>
#include <stddef.h>

#include "model/model.h"
#include "util/buf.h"

#define B24_DIFF_FORMAT_VERSION 2

/* Most severe first: the order of --fail-on thresholds and of the reports. */
typedef enum b24_tier {
  B24_TIER_BREAKING = 0,        /* client code that worked must change */
  B24_TIER_REMOVED_DEPRECATED,  /* removed after the docs said it was deprecated */
  B24_TIER_DOC_FIX,             /* the docs corrected themselves; no working call breaks */
  B24_TIER_DEPRECATED,          /* newly marked deprecated (with its replacement) */
  B24_TIER_COMPATIBLE,          /* NEW offers more; OLD clients keep working */
  B24_TIER_NOTE,                /* worth knowing; no effect on the wire */
  B24_TIER_COUNT
} b24_tier;

/* The kinds, in the order the changes of one method are listed. */
typedef enum b24_change_kind {
  B24_CH_METHOD_REMOVED,
  B24_CH_METHOD_ADDED,
  B24_CH_METHOD_DEPRECATED,
  B24_CH_METHOD_RENAMED,
  B24_CH_METHOD_RENAMED_CASE,
  B24_CH_METHOD_MOVED,
  B24_CH_SCOPE_ADDED,
  B24_CH_SCOPE_REMOVED,
  B24_CH_ACCESS_CHANGED,
  B24_CH_PARAM_REMOVED,
  B24_CH_PARAM_ADDED,
  B24_CH_PARAM_DEPRECATED,
  B24_CH_PARAM_RENAMED,
  B24_CH_PARAM_RENAMED_CASE,
  B24_CH_PARAM_MOVED,
  B24_CH_PARAM_ALTERNATIVES,
  B24_CH_PARAM_REQUIRED,
  B24_CH_PARAM_OPTIONAL,
  B24_CH_PARAM_TYPE,
  B24_CH_ENUM_REMOVED,
  B24_CH_ENUM_ADDED,
  B24_CH_DEFAULT_CHANGED,
  B24_CH_VARIANT_REMOVED,
  B24_CH_VARIANT_ADDED,
  B24_CH_VARIANT_RENAMED,
  B24_CH_FIELD_REMOVED,
  B24_CH_FIELD_ADDED,
  B24_CH_FIELD_DEPRECATED,
  B24_CH_FIELD_RENAMED,
  B24_CH_FIELD_MOVED,
  B24_CH_FIELD_TYPE,
  B24_CH_ERROR_REMOVED,
  B24_CH_ERROR_ADDED,
  B24_CH_KIND_COUNT
} b24_change_kind;

/* One version's side of a change: the page relative to its docs root, the line,
 * and the value there (a type, an enum value, a default, a scope, a name). */
typedef struct b24_side {
  char *file; /* NULL when this version has no such place */
  int line;
  char *value;
} b24_side;

/* An accepted change (accept.c): by id or fnmatch(3) pattern over ids. */
typedef struct b24_acceptance {
  char *pattern;
  char *reason;
  char *expires;  /* "YYYY-MM-DD" or NULL */
  char *source;   /* "file:line" of the entry */
  bool expired;   /* as of the day the diff runs */
  size_t used;    /* changes it matched */
} b24_acceptance;

typedef struct b24_change {
  b24_tier tier;
  b24_change_kind kind;
  char *method;   /* as NEW writes it (OLD for what NEW no longer has) */
  int rest_version;
  char *path;     /* "fields.SETTINGS[string].ROWS"; "" for the method itself */
  char *subject;  /* what the change is about below the path (enum value, scope,
                     error code); NULL when the path says it all */
  char *id;       /* "kind:method:path[=subject]", method in lower case, "@3" for REST 3.0 */
  char *message;
  b24_side old_side, new_side;
  const b24_acceptance *accepted; /* the acceptance that matched, NULL when none */
} b24_change;

typedef struct b24_changes {
  b24_change *v;
  size_t n, cap;
} b24_changes;

/* A page that could not be read (an error diagnostic) on either side. */
typedef struct b24_input_error {
  const char *side; /* "old" or "new" */
  char *file;       /* relative to that side's docs root */
  int line;
  char *message;
} b24_input_error;

/* Everything a renderer shows. */
typedef struct b24_diff_report {
  b24_changes changes;           /* after --methods/--kinds/--tiers */
  b24_input_error *errors;
  size_t n_errors;
  size_t max_bytes;              /* markdown: 0 for no limit */
} b24_diff_report;

const char *b24_change_kind_id(b24_change_kind k);
const char *b24_tier_name(b24_tier t);
/* -1 when the word names no kind / tier. */
int b24_change_kind_parse(const char *s);
int b24_tier_parse(const char *s);
/* The module of a method: its first name segment ("crm" for crm.deal.add). */
size_t b24_method_module(const char *method, const char **start);

/* Compares two models; the changes come sorted by method, kind, path, with unique ids. */
void b24_diff_models(const b24_model *om, const b24_model *nm, b24_changes *out);
/* Counts by tier; accepted changes are counted apart in *accepted when not NULL. */
void b24_changes_count(const b24_changes *c, size_t counts[B24_TIER_COUNT], size_t *accepted);
void b24_changes_free(b24_changes *c);
void b24_diff_report_free(b24_diff_report *r);

/* Keeps the changes whose method matches one of the comma-separated globs (without
 * case), whose kind and tier are in the sets (NULL: any). */
void b24_changes_select(b24_changes *c, const char *method_globs, const bool *kinds,
                        const bool *tiers);

/* Accept files (accept.c). */
typedef struct b24_accept_list {
  b24_acceptance *v;
  size_t n;
  char *source; /* the file read, NULL when none */
} b24_accept_list;
/* Reads `accept:` entries from a file: the top level or a `diff:` section (so that
 * .b24spec.yaml carries them next to the lint settings). today is "YYYY-MM-DD".
 * 0, or -1 with "file:line: why" in err. */
int b24_accept_read(b24_accept_list *a, const char *path, const char *today, char *err,
                    size_t errlen);
/* The same from text in memory, path naming it in messages. */
int b24_accept_parse(b24_accept_list *a, const char *data, size_t len, const char *path,
                     const char *today, char *err, size_t errlen);
/* The nearest .b24spec-accept.yaml, else .b24spec.yaml with a `diff:` section,
 * upward from dir; NULL when none. */
char *b24_accept_find(const char *dir);
/* Marks each change an unexpired acceptance matches. */
void b24_accept_apply(b24_accept_list *a, b24_changes *c);
/* Today's changes as an accept file to start from. */
void b24_accept_write(const b24_changes *c, const char *today, b24_buf *out);
void b24_accept_free(b24_accept_list *a);

/* Renderers, one file each. */
void b24_diff_render_text(const b24_diff_report *r, b24_buf *out);
void b24_diff_render_json(const b24_diff_report *r, b24_buf *out);
void b24_diff_render_markdown(const b24_diff_report *r, b24_buf *out);
void b24_diff_render_github(const b24_diff_report *r, b24_buf *out);

#endif
