/* Doc text inside generated C: comments and string literals that no doc content can
 * break out of or change the meaning of.
 *
 * Comments: plain UTF-8. Valid UTF-8 is kept as written; a byte that is not UTF-8, a
 * control character (tab: a space, CR: dropped) and the characters that change how text
 * is displayed (bidirectional controls, line/paragraph separators, BOM) become U+FFFD;
 * "* /" and "/ *" are kept apart by a space so that the comment cannot end early or warn
 * about a nested comment, "??" becomes "? ?" (no trigraph), and a line never ends in a
 * backslash (no line splice): such a backslash is written "(\)".
 * Doxygen comments (c_text_doc*) also escape the characters Doxygen would read as
 * commands or HTML: '\', '@' and '<' get a backslash in front.
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

/* The same for a Doxygen comment. C_DOC_CMD "brief" in the text writes the command
 * @brief unescaped (the generator's own commands; doc text never has the marker, a
 * control character, unescaped: it becomes U+FFFD). */
#define C_DOC_CMD "\x1d@"
void c_text_doc(b24_buf *b, const char *text, const char *indent);

/* Appends `text` as a C string literal, quotes included. */
void c_text_string(b24_buf *b, const char *text);

/* Appends a whole comment: indent "/" "* " text " *" "/" newline; nothing when text is
 * NULL or blank. */
void c_text_comment_block(b24_buf *b, const char *text, const char *indent);
/* A whole Doxygen comment: indent "/" "** " text " *" "/" newline. */
void c_text_doc_block(b24_buf *b, const char *text, const char *indent);

#endif
