/* Event handler bodies: what the portal POSTs to a handler bound with event.bind.
 *
 * The portal sends application/x-www-form-urlencoded with PHP-style keys
 * (`event=ONCRMDEALADD&data[FIELDS][ID]=6641&ts=1735374081&auth[application_token]=...`);
 * a relay or a test may send the same payload as JSON. Both decode to one JSON tree:
 * the form the way PHP's parse_str builds $_POST (`a[b][c]` nests, `a[]` appends,
 * a later pair overrides an earlier one, every value a string, an array whose keys
 * are 0..n-1 in order a JSON array), the JSON as it is.
 *
 * The typed decoders generated per event (b24/events/<event>.h) read this tree.
 * Check auth[application_token] against the token stored at installation before
 * trusting a payload: anyone who knows the handler URL can POST to it.
 */
#ifndef B24_EVENT_H
#define B24_EVENT_H
#include <stddef.h>
#include <jansson.h>
#include <b24/export.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Limits of the form decoder: a body beyond them is refused, not truncated. */
#define B24_FORM_MAX_PAIRS 10000 /* name=value pairs */
#define B24_FORM_MAX_DEPTH 32    /* [..] segments of one key */

/* Decodes a form-encoded body (len bytes, need not be NUL-terminated). Returns a new
 * JSON object, or NULL with a message in err (errlen bytes, may be 0) for bytes that
 * are not UTF-8 after percent-decoding, a key with a NUL byte (%00) or an unclosed
 * '[', or a body over the limits. */
B24RT_API json_t *b24_form_decode(const char *body, size_t len, char *err, size_t errlen);

/* Decodes a handler's body: JSON when content_type names JSON (or, with no content
 * type, when the body starts with '{'), else form-encoded. The result is always an
 * object (new reference), or NULL with a message in err. */
B24RT_API json_t *b24_event_body_decode(const char *body, size_t len, const char *content_type,
                                        char *err, size_t errlen);

/* 1 when received equals expected, 0 otherwise (also when either is NULL or expected
 * is empty). The time taken depends on the lengths only, not on where the strings
 * differ, so the comparison does not tell an attacker how much of a guess is right. */
B24RT_API int b24_event_token_equal(const char *received, const char *expected);

/* 1 when payload's auth.application_token equals expected (b24_event_token_equal). */
B24RT_API int b24_event_check_token(const json_t *payload, const char *expected);

#ifdef __cplusplus
}
#endif
#endif
