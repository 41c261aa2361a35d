/* Reading PHP print_r dumps (payload examples of widget and event pages). */
#ifndef B24_MODEL_PRINT_R_H
#define B24_MODEL_PRINT_R_H
#include <jansson.h>
#include <stddef.h>

/* The dump as a JSON object (keys in order, scalars as strings), or NULL with the
 * reason in err ("line 3 of the dump: ..."). */
json_t *b24_print_r_parse(const char *text, char *err, size_t errlen);

#endif
