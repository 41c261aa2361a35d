/* HTML escaping for the report page (see html.h). */
#include "report/html.h"

#include <ctype.h>

void html_text(b24_buf *b, const char *s) {
  for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
    switch (*p) {
    case '&': b24_buf_puts(b, "&amp;"); break;
    case '<': b24_buf_puts(b, "&lt;"); break;
    case '>': b24_buf_puts(b, "&gt;"); break;
    case '"': b24_buf_puts(b, "&quot;"); break;
    default:
      if (*p >= 0x20 || *p == '\n' || *p == '\t') b24_buf_putc(b, (char)*p);
    }
  }
}

void html_id(b24_buf *b, const char *prefix, const char *s) {
  b24_buf_puts(b, prefix);
  for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++)
    b24_buf_putc(b, isalnum(*p) || *p == '-' || *p == '_' || *p == '.' ? (char)*p : '-');
}

void html_percent(b24_buf *b, size_t part, size_t whole) {
  if (!whole) {
    b24_buf_puts(b, "-");
    return;
  }
  /* integer arithmetic, so the page is the same bytes on every machine */
  unsigned long long tenths = ((unsigned long long)part * 1000 + whole / 2) / whole;
  b24_buf_printf(b, "%llu.%llu%%", tenths / 10, tenths % 10);
}
