/* Doc text inside generated C (rules in c_text.h). */
#include "gen/c_text.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* Decodes one UTF-8 sequence at s (n bytes left). Returns its length and sets *cp, or
 * returns 0 for a byte that does not start a valid, shortest-form sequence. */
static size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp) {
  size_t len;
  uint32_t c, min;
  if (s[0] < 0x80) return *cp = s[0], 1;
  if ((s[0] & 0xE0) == 0xC0) len = 2, c = s[0] & 0x1F, min = 0x80;
  else if ((s[0] & 0xF0) == 0xE0) len = 3, c = s[0] & 0x0F, min = 0x800;
  else if ((s[0] & 0xF8) == 0xF0) len = 4, c = s[0] & 0x07, min = 0x10000;
  else return 0;
  if (len > n) return 0;
  for (size_t i = 1; i < len; i++) {
    if ((s[i] & 0xC0) != 0x80) return 0;
    c = (c << 6) | (s[i] & 0x3F);
  }
  if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
  *cp = c;
  return len;
}

static char last_char(const b24_buf *b) { return b->len ? b->data[b->len - 1] : 0; }

/* Puts c after the last character of the line, with a space between the two when they
 * would form a comment delimiter or the start of a trigraph. */
static void put_safe(b24_buf *b, char c) {
  char prev = last_char(b);
  if ((prev == '*' && c == '/') || (prev == '/' && c == '*') || (prev == '?' && c == '?'))
    b24_buf_putc(b, ' ');
  b24_buf_putc(b, c);
}

static void put_safe_str(b24_buf *b, const char *s) {
  for (; *s; s++) put_safe(b, *s);
}

/* Ends a line: trailing spaces dropped, a final backslash made harmless. */
static void finish_line(b24_buf *line) {
  while (line->len && line->data[line->len - 1] == ' ') line->data[--line->len] = 0;
  if (line->len && line->data[line->len - 1] == '\\') {
    line->data[--line->len] = 0;
    put_safe_str(line, "(\\)");
  }
}

/* Characters that would make the text lie about itself or break a line: bidirectional
 * controls (they reorder what a reader sees), line and paragraph separators, BOM. */
static bool is_hidden_control(uint32_t cp) {
  return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E ||
         cp == 0x200F || cp == 0x061C || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF;
}

#define REPLACEMENT "\xEF\xBF\xBD" /* U+FFFD */

/* Appends one code point of doc text to the line, made safe (rules in c_text.h). */
static void put_doc_char(b24_buf *line, const unsigned char *s, size_t len, uint32_t cp,
                         bool doxygen) {
  if (!len || (cp < 0x20 && cp != '\t') || cp == 0x7F || is_hidden_control(cp)) {
    b24_buf_puts(line, REPLACEMENT);
  } else if (cp == '\t') put_safe(line, ' ');
  else if (cp >= 0x80) b24_buf_put(line, (const char *)s, len);
  else {
    if (doxygen && (cp == '\\' || cp == '@' || cp == '<')) b24_buf_putc(line, '\\');
    put_safe(line, (char)cp);
  }
}

static void comment_body(b24_buf *b, const char *text, const char *indent, bool doxygen) {
  const unsigned char *s = (const unsigned char *)text;
  size_t n = strlen(text);
  b24_buf line = B24_BUF_INIT, out = B24_BUF_INIT;
  size_t blank_run = 0; /* blank lines held back until a non-blank one follows */
  bool first = true;
  for (size_t i = 0; i <= n;) {
    if (i == n || s[i] == '\n') {
      finish_line(&line);
      if (!line.len) blank_run++;
      else {
        for (; blank_run; blank_run--) {
          if (!first) b24_buf_printf(&out, "\n%s *", indent);
          first = false;
        }
        if (!first) b24_buf_printf(&out, "\n%s * ", indent);
        b24_buf_put(&out, line.data, line.len);
        first = false;
      }
      b24_buf_clear(&line);
      i++;
      continue;
    }
    if (doxygen && s[i] == C_DOC_CMD[0] && s[i + 1] == '@') { /* our own command */
      b24_buf_putc(&line, '@');
      i += 2;
      continue;
    }
    uint32_t cp = 0;
    size_t len = utf8_decode(s + i, n - i, &cp);
    if (s[i] != '\r') put_doc_char(&line, s + i, len, cp, doxygen);
    i += len ? len : 1;
  }
  b24_buf_put(b, out.data ? out.data : "", out.len);
  b24_buf_free(&line);
  b24_buf_free(&out);
}

void c_text_comment(b24_buf *b, const char *text, const char *indent) {
  comment_body(b, text, indent, false);
}

void c_text_doc(b24_buf *b, const char *text, const char *indent) {
  comment_body(b, text, indent, true);
}

/* A whole comment opened with `open` ("/" "*" or "/" "**"); nothing for blank text. */
static void comment_block(b24_buf *b, const char *text, const char *indent, bool doxygen) {
  if (!text) return;
  b24_buf body = B24_BUF_INIT;
  comment_body(&body, text, indent, doxygen);
  if (body.len) b24_buf_printf(b, "%s/*%s %s */\n", indent, doxygen ? "*" : "", body.data);
  b24_buf_free(&body);
}

void c_text_comment_block(b24_buf *b, const char *text, const char *indent) {
  comment_block(b, text, indent, false);
}

void c_text_doc_block(b24_buf *b, const char *text, const char *indent) {
  comment_block(b, text, indent, true);
}

void c_text_string(b24_buf *b, const char *text) {
  b24_buf_putc(b, '"');
  for (const unsigned char *s = (const unsigned char *)text; *s; s++) {
    if (*s == '"' || *s == '\\' || *s == '?') {
      b24_buf_putc(b, '\\');
      b24_buf_putc(b, (char)*s);
    } else if (*s >= 0x20 && *s < 0x7F) b24_buf_putc(b, (char)*s);
    else b24_buf_printf(b, "\\%03o", *s);
  }
  b24_buf_putc(b, '"');
}
