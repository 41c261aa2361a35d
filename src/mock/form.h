/* Request parameters as PHP sees them: a query string or a form-encoded body
 * (`fields[SORT]=150&a[]=1&a[]=2&fields[UF][0]=x`) decoded the way PHP's
 * parse_str builds $_REQUEST, then written as JSON: a PHP array whose keys are
 * 0..n-1 in order becomes a JSON array, any other a JSON object; every leaf is a
 * string. This is what the portal receives from its PHP and JS clients, which
 * send nested parameters with http_build_query. */
#ifndef B24_MOCK_FORM_H
#define B24_MOCK_FORM_H
#include <jansson.h>
#include <stddef.h>

/* A tree being filled pair by pair. */
typedef struct mock_form mock_form;

mock_form *mock_form_new(void);
/* Sets one decoded pair (key as written, e.g. "fields[UF][]", value NULL for "").
 * Later pairs override earlier ones, as in PHP. */
void mock_form_set(mock_form *f, const char *key, size_t key_len, const char *value,
                   size_t value_len);
/* Decodes "a=1&b[c]=2" (percent- and plus-decoding each part) into the tree. */
void mock_form_parse(mock_form *f, const char *text, size_t len);
/* The tree as JSON (always an object; new reference). Frees f. */
json_t *mock_form_finish(mock_form *f);
void mock_form_free(mock_form *f);

/* A JSON string from bytes that may not be UTF-8 (bad bytes become U+FFFD). */
json_t *mock_json_string_lossy(const char *s, size_t len);

#endif
