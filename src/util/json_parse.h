/* JSON text to jansson values: the texts json_loadb(JSON_DECODE_ANY) accepts and
 * the values it builds, at a fraction of its cost (see json_parse.c). */
#ifndef B24_JSON_PARSE_H
#define B24_JSON_PARSE_H
#include <jansson.h>
#include <stddef.h>

/* The one JSON value that len bytes of text are (a new reference), NULL when they
 * are not exactly one JSON value with optional whitespace around it. */
json_t *b24_json_parse(const char *text, size_t len);

#endif
