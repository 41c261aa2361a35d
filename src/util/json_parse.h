/* JSON text to jansson values: the texts json_loadb(JSON_DECODE_ANY) accepts and
 * the values it builds, at a fraction of its cost (see json_parse.c). */
#ifndef B24_JSON_PARSE_H
#define B24_JSON_PARSE_H
#include <jansson.h>
#include <stddef.h>

/* The one JSON value that len bytes of text are (a new reference), NULL when they
 * are not exactly one JSON value with optional whitespace around it. */
json_t *b24_json_parse(const char *text, size_t len);

/* A JSON document (an object or an array), as json_loadb(text, len, 0, err)
 * reads it: by b24_json_parse, and by jansson when that finds no document, for
 * jansson's message with line and column in err. */
json_t *b24_json_load(const char *text, size_t len, json_error_t *err);

#endif
