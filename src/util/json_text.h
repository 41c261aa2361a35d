/* JSON text from jansson values, identical to json_dumps's, faster (see json_text.c). */
#ifndef B24_JSON_TEXT_H
#define B24_JSON_TEXT_H
#include <jansson.h>
#include <stddef.h>

#include "util/buf.h"

/* The indent argument: n > 0 is json_dumps's JSON_INDENT(n); B24_JSON_COMPACT is
 * JSON_COMPACT. Any value may be given, as with JSON_ENCODE_ANY. */
#define B24_JSON_COMPACT (-1)

void b24_json_text_append(b24_buf *b, const json_t *j, int indent);
/* malloc'd and NUL-terminated, never NULL; *len (if len) is its length. */
char *b24_json_text(const json_t *j, int indent, size_t *len);
/* json_dumps's text, malloc'd: free() it. json_dumps's own comes from the
 * allocator jansson was given, which need not be malloc (util/json_alloc.h).
 * NULL where json_dumps gives NULL. */
char *b24_json_dumps(const json_t *j, size_t flags);

#endif
