/* What changed in the API between two models, each change classified for a client
 * of the API and located in both versions of the docs. */
#ifndef B24_DIFF_H
#define B24_DIFF_H
#include <stddef.h>

#include "model/model.h"
#include "util/buf.h"

typedef enum b24_change_class {
  B24_CHANGE_BREAKING = 0, /* a client written for OLD may fail against NEW */
  B24_CHANGE_COMPATIBLE = 1, /* NEW offers more; OLD clients keep working */
  B24_CHANGE_NOTE = 2        /* worth knowing; no effect on what a client sends or reads */
} b24_change_class;

/* The kinds, in the order the changes of one method are listed. */

typedef enum b24_change_kind {
  B24_CH_METHOD_REMOVED,
  B24_CH_METHOD_ADDED,
  B24_CH_SCOPE_ADDED,
  B24_CH_SCOPE_REMOVED,
  B24_CH_PARAM_REMOVED,
  B24_CH_PARAM_ADDED,
  B24_CH_PARAM_REQUIRED,
  B24_CH_PARAM_OPTIONAL,
  B24_CH_PARAM_TYPE,
  B24_CH_PARAM_RENAMED_CASE,
  B24_CH_ENUM_REMOVED,
  B24_CH_ENUM_ADDED,
  B24_CH_DEFAULT_CHANGED,
  B24_CH_VARIANT_REMOVED,
  B24_CH_VARIANT_ADDED,
  B24_CH_FIELD_REMOVED,
  B24_CH_FIELD_ADDED,
  B24_CH_FIELD_TYPE,
  B24_CH_ERROR_REMOVED,
  B24_CH_ERROR_ADDED,
  B24_CH_KIND_COUNT
} b24_change_kind;

/* One version's side of a change: where (root joined with the page) and the value. */
typedef struct b24_side {
  char *file;  /* NULL when this version has no such place */
  int line;
  char *value;
} b24_side;

typedef struct b24_change {
  b24_change_class cls;
  b24_change_kind kind;
  char *method;
  int rest_version;
  char *path;    /* "fields.SETTINGS[string].ROWS"; "" for the method itself */
  char *message;
  b24_side old_side, new_side;
} b24_change;

typedef struct b24_changes {
  b24_change *v;
  size_t n, cap;
} b24_changes;

const char *b24_change_kind_id(b24_change_kind k);
const char *b24_change_class_name(b24_change_class c);
/* Compares two models; the changes come sorted by method, kind, path. */
void b24_diff_models(const b24_model *om, const b24_model *nm, b24_changes *out);
void b24_changes_count(const b24_changes *c, size_t counts[3]);
void b24_changes_free(b24_changes *c);

/* Renderers (render.c). */
void b24_diff_render_text(const b24_changes *cs, b24_buf *out);
void b24_diff_render_json(const b24_changes *cs, b24_buf *out);
void b24_diff_render_markdown(const b24_changes *cs, b24_buf *out);

#endif
