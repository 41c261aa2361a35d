/* Where in a JSON example the parser stopped: the line of the example and the
 * byte in it, so that an example-json finding points at the token (one-line
 * cURL bodies run to 1,300 characters: "line 1" alone does not help). The
 * model keeps the error's text and line; the example's text is parsed again
 * here, which also finds the syntax error that a duplicate key hides. */
#include <stdlib.h>
#include <string.h>

#include "lint/json_place.h"

/* The start of the token a "near 'X'" message names, which ends where the
 * parser stopped; the stop itself when the message names none or the end. */
static size_t token_start(const char *text, size_t pos, const char *msg) {
  const char *near = strstr(msg, "near '");
  if (!near || strstr(msg, "near end of file")) return pos;
  near += 6;
  const char *q = strrchr(near, '\'');
  size_t k = q ? (size_t)(q - near) : 0;
  if (k && k <= pos && !strncmp(text + pos - k, near, k)) return pos - k;
  return pos;
}

int b24_json_error_at(const char *text, size_t flags, b24_json_place *out) {
  memset(out, 0, sizeof *out);
  if (!text) return 0;
  json_error_t err;
  size_t len = strlen(text);
  json_t *v = json_loadb(text, len, flags, &err);
  if (v) {
    json_decref(v);
    return 0;
  }
  snprintf(out->message, sizeof out->message, "%s", err.text);
  size_t pos = err.position > 0 && (size_t)err.position <= len ? (size_t)err.position : len;
  pos = token_start(text, pos, err.text);
  /* at the end of the text: just after its last character that is no blank */
  if (pos == len)
    while (pos > 0 && (text[pos - 1] == '\n' || text[pos - 1] == ' ' || text[pos - 1] == '\t' ||
                       text[pos - 1] == '\r'))
      pos--;
  size_t start = pos;
  while (start > 0 && text[start - 1] != '\n') start--;
  const char *nl = strchr(text + start, '\n');
  out->line = 1;
  for (size_t i = 0; i < start; i++) out->line += text[i] == '\n';
  out->line_text = text + start;
  out->line_len = nl ? (size_t)(nl - (text + start)) : len - start;
  out->offset = pos - start;
  return 1;
}

void b24_lint_place_json(b24_lint_ctx *c, const b24_json_place *p) {
  if (!p->line_text || !p->line_len) return;
  char *needle = strndup(p->line_text, p->line_len);
  /* the example's line without its indentation is on the page's line */
  size_t skip = 0;
  while (needle[skip] == ' ' || needle[skip] == '\t') skip++;
  if (p->offset >= skip) b24_lint_at(c, needle + skip, p->offset - skip);
  free(needle);
}
