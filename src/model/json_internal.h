/* What the model's JSON writer and reader share with the sections kept in files
 * of their own (events_json.c). */
#ifndef B24_MODEL_JSON_INTERNAL_H
#define B24_MODEL_JSON_INTERNAL_H
#include <jansson.h>

#include "model/model.h"

/* A parameter tree as JSON; source: the file the tree's lines are in (a row from
 * another file carries its own "source"). */
json_t *b24_json_params(const b24_params *ps, const char *source);
/* Reads a parameter tree into m's arena; 0, or -1 with a message in err. */
int b24_json_read_params(b24_model *m, const json_t *a, b24_params *out, const char *source,
                         char *err, size_t errlen);

/* An array of strings into m's arena (NULL when empty). */
char **b24_json_read_strings(b24_model *m, const json_t *a, size_t *n);

/* events_json.c */
json_t *b24_event_json(const b24_event *e);
/* The "events" array of a model; 0, or -1 with a message in err. */
int b24_events_from_json(b24_model *m, const json_t *a, char *err, size_t errlen);

#endif
