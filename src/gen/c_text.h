/* Doc text inside generated C: comments and string literals that no doc content can
 * break out of or change the meaning of.
 *
 * Comments: ASCII only. Non-ASCII characters become \uXXXX (\UXXXXXXXX above U+FFFF),
 * bytes that are not UTF-8 \xNN, control characters \xNN (tab: a space, CR: dropped);
 * "* /" and "/ *" are kept apart by a space so that the comment cannot end early or warn
 * about a nested comment, "??" becomes "? ?" (no trigraph), and a line never ends in a
 * backslash (no line splice): such a backslash is written "(\)".
 *
 * String literals: printable ASCII as is, '"' '\' and '?' escaped (no trigraph can
 * form), every other byte as a three-digit octal escape (which cannot swallow a
 * following digit, unlike \x).
 */
#ifndef B24_GEN_C_TEXT_H
#define B24_GEN_C_TEXT_H
#include "util/buf.h"

/* Appends `text` as the body of a block comment: lines after the first start with
 * `indent` followed by " * ". Trailing blank lines and trailing spaces are dropped. */
void c_text_comment(b24_buf *b, const char *text, const char *indent);

/* Appends `text` as a C string literal, quotes included. */
void c_text_string(b24_buf *b, const char *text);

/* Appends a whole comment: indent "/" "* " text " *" "/" newline; nothing when text is
 * NULL or blank. */
void c_text_comment_block(b24_buf *b, const char *text, const char *indent);

#endif
