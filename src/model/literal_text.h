/* What the readers of JS and PHP values share: small scanning helpers over
 * untrusted text (bounds always given) and the way a value that is an
 * expression is kept as its source text. */
#ifndef B24_MODEL_LITERAL_TEXT_H
#define B24_MODEL_LITERAL_TEXT_H
#include <jansson.h>
#include <stddef.h>

#include "model/example_body.h"
#include "util/buf.h"

const char *b24_memmem(const char *hay, size_t n, const char *needle, size_t m);
/* s[i...] starts with lit (within len). */
int b24_text_at(const char *s, size_t len, size_t i, const char *lit);
char *b24_text_dup(const char *s, size_t n);

/* Escapes: at s[k] the digits of \xHH (up to ndigits hex digits) or of \uHHHH /
 * \u{H...} (k just after the 'u'), up to end; the character goes into b as
 * UTF-8. Return the offset after the escape (k itself when no digit follows,
 * and then 'x'/'u' is put as it is). */
size_t b24_text_hex_escape(const char *s, size_t end, size_t k, int ndigits, b24_buf *b);
size_t b24_text_unicode_escape(const char *s, size_t end, size_t k, b24_buf *b);

/* The number written in s[0, n) (a sign, decimal with fraction and exponent,
 * 0x/0o/0b, '_' separators): an integer or real; NULL when it is none. */
json_t *b24_text_number(const char *s, size_t n, int allow_sep);
/* true/false/null as a whole word at s[i] (case-insensitive when ci, as PHP
 * reads them); *end past it. NULL when there is none. */
json_t *b24_text_keyword(const char *s, size_t len, size_t i, size_t *end, int ci);

/* Sets out's error (once) to msg at offset at; returns -1. */
int b24_literal_fail(b24_body_read *out, size_t at, const char *msg);
/* Forgets the non-literal notes after the first n (a value read again as an
 * expression). */
void b24_literal_drop_notes(b24_body_read *out, size_t n);
/* The expression s[i, e) as a string of its text (trimmed), noted at path; *pos
 * = e. NULL with an error when it is empty or not UTF-8. */
json_t *b24_literal_expression(b24_body_read *out, const b24_buf *path, const char *s, size_t i,
                               size_t e, size_t *pos);

#endif
