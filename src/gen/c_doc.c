/* Doc text for comments (see c_doc.h). */
#include "gen/c_doc.h"

#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

static const char TITLE_PLACEHOLDER[] = "{#T}";

/* The title a {#T} link stands for: the linked page's title, else its file name. */
static void put_link_title(b24_buf *b, const b24_model *m, const b24_link *l) {
  const b24_page *p = l && l->target ? b24_model_find_page(m, l->target) : NULL;
  if (p && p->title && *p->title) {
    b24_buf_puts(b, p->title);
    return;
  }
  const char *name = l && l->target ? strrchr(l->target, '/') : NULL;
  name = name ? name + 1 : l && l->target ? l->target : NULL;
  if (!name) {
    b24_buf_puts(b, "the linked page");
    return;
  }
  size_t n = strlen(name);
  if (n > 3 && !strcmp(name + n - 3, ".md")) n -= 3;
  b24_buf_put(b, name, n);
}

/* The next {#T} link of page at or after line, from *next on. */
static const b24_link *next_title_link(const b24_page *p, int line, size_t *next) {
  for (; p && *next < p->n_links; ++*next) {
    const b24_link *l = &p->links[*next];
    if (l->loc.line >= line && l->text && !strcmp(l->text, TITLE_PLACEHOLDER)) return &p->links[(*next)++];
  }
  return NULL;
}

/* A Markdown link left in the text: "[text](href)" with an href that is a path, a URL
 * or a term key (no spaces unless it is a term "*key"). Returns its length, 0 if none;
 * *text_len gets the length of its text (after the '['). */
static size_t link_at(const char *s, size_t *text_len) {
  if (s[0] != '[') return 0;
  const char *close = strchr(s + 1, ']');
  if (!close || close[1] != '(' || memchr(s + 1, '[', (size_t)(close - s - 1)) ||
      memchr(s + 1, '\\', (size_t)(close - s - 1)) || close == s + 1)
    return 0;
  const char *href = close + 2, *end = strchr(href, ')');
  if (!end || end == href) return 0;
  bool term = href[0] == '*';
  for (const char *h = href; h < end; h++)
    if (*h == '(' || *h == '\n' || *h == '|' || (*h == ' ' && !term)) return 0;
  *text_len = (size_t)(close - s - 1);
  return (size_t)(end + 1 - s);
}

char *c_doc_text(const b24_model *m, const char *page, int line, const char *text) {
  b24_buf b = B24_BUF_INIT;
  const b24_page *p = strstr(text, TITLE_PLACEHOLDER) ? b24_model_find_page(m, page) : NULL;
  size_t next = 0, text_len;
  for (const char *s = text; *s;) {
    size_t n = link_at(s, &text_len);
    if (n) {
      b24_buf_put(&b, s + 1, text_len);
      s += n;
    } else if (!strncmp(s, TITLE_PLACEHOLDER, sizeof TITLE_PLACEHOLDER - 1)) {
      put_link_title(&b, m, next_title_link(p, line, &next));
      s += sizeof TITLE_PLACEHOLDER - 1;
    } else b24_buf_putc(&b, *s++);
  }
  if (!b.data) b24_buf_puts(&b, "");
  return b24_buf_take(&b);
}
