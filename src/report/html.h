/* Writing HTML safely into a buffer: every piece of text that comes from the
 * docs, a portal's answer or a user goes through one of these. */
#ifndef B24_REPORT_HTML_H
#define B24_REPORT_HTML_H
#include <stddef.h>

#include "util/buf.h"

/* s as element text or as a double-quoted attribute value (&, <, >, " escaped;
 * control characters but tab and newline dropped: they are not allowed in HTML). */
void html_text(b24_buf *b, const char *s);
/* An id usable in a fragment link: letters, digits, '-', '_' and '.' kept, every
 * other byte as '-'. */
void html_id(b24_buf *b, const char *prefix, const char *s);
/* part of whole as "12.3%", "-" when whole is 0. */
void html_percent(b24_buf *b, size_t part, size_t whole);

#endif
