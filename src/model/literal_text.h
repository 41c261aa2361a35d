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

/* The state both value readers share while they descend a value. */
typedef struct b24_literal_reader {
  const char *s;
  size_t len;
  b24_body_read *out;
  b24_buf path;         /* the JSON Pointer of the value being read */
  int depth;
  /* the language: where an expression starting at i ends; past the string at i
   * (NONE when it does not end); the string's value, NULL when it is none */
  size_t (*expression_end)(const char *s, size_t len, size_t i);
  size_t (*string_end)(const char *s, size_t len, size_t i);
  char *(*string)(const char *s, size_t len, size_t i, size_t *end);
  size_t (*skip_space)(const char *s, size_t len, size_t i);
  /* an object or array at i: *is set when one starts there, the value (NULL
   * with the error set) and *e past it */
  json_t *(*structure)(struct b24_literal_reader *r, size_t i, size_t *e, int *is);
  /* the literal that ends at e is the whole value (nothing but ',', a closing
   * bracket, ... follows) */
  int (*value_ends)(const struct b24_literal_reader *r, size_t e);
  int keywords_ci;      /* TRUE, Null: PHP reads keywords in any case */
} b24_literal_reader;

#define B24_LITERAL_NONE ((size_t)-1)

/* The end of the expression starting at i: the first ',', ';' or closing
 * bracket outside brackets, strings and comments (skip_space skips space and
 * comments, string_end passes a string), or `=>` too when arrow_ends (PHP's
 * key => value); len when none. */
size_t b24_text_expression_end(const char *s, size_t len, size_t i,
                               size_t (*skip_space)(const char *, size_t, size_t),
                               size_t (*string_end)(const char *, size_t, size_t), int arrow_ends);

/* Reads one value at s[*pos...] (space skipped) with a fresh path. */
json_t *b24_literal_run(b24_literal_reader *r, size_t *pos);
/* The value at *pos, for the language's readers of objects and arrays: a
 * structure, a string, a number, a keyword, else the expression's text. */
json_t *b24_literal_value(b24_literal_reader *r, size_t *pos);

#endif
