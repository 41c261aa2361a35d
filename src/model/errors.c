/* Error sections: "HTTP Status: **400**" lines and error tables in every header
 * layout the corpus uses (Code|Description|Value, Status|Code|Description|Value,
 * Code|Error Message|Description, Field|Error Description|How to Fix, ...), and the
 * included system errors. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "model/build.h"
#include "util/buf.h"

/* Reads "**400**", "400 Bad Request", "`403`"; several statuses set *several. */
int b24_parse_status(const char *text, int *out, int *several) {
  int found = 0;
  *out = 0;
  if (several) *several = 0;
  for (const char *s = text; *s; s++) {
    if (!isdigit((unsigned char)*s) || (s > text && isalnum((unsigned char)s[-1]))) continue;
    int v = 0, d = 0;
    const char *e = s;
    while (isdigit((unsigned char)*e) && d < 4) v = v * 10 + (*e++ - '0'), d++;
    if (d == 3 && !isalnum((unsigned char)*e) && v >= 100 && v <= 599) {
      if (found && v != *out && several) *several = 1;
      if (!found) *out = v;
      found = 1;
    }
    s = e - 1 + (e == s);
  }
  return found;
}

enum { COL_STATUS, COL_CODE, COL_MESSAGE, COL_DESCRIPTION, COL_EXTRA, COL_IGNORE };

static int column_role(const char *raw, int *code_has_message) {
  char w[128];
  size_t n = 0;
  for (const char *s = raw; *s && n + 1 < sizeof w; s++)
    if (*s != '*' && *s != '`') w[n++] = *s;
  w[n] = 0;
  b24_lower_utf8(w);
  if (strstr(w, "status") || strstr(w, "статус")) return COL_STATUS;
  if ((strstr(w, "code") || strstr(w, "код")) && !strstr(w, "description")) {
    if (strchr(w, '\n') && (strstr(w, "message") || strstr(w, "сообщение")))
      *code_has_message = 1;
    return COL_CODE;
  }
  if (!strcmp(w, "field") || !strcmp(w, "поле")) return COL_CODE;
  if (strstr(w, "message") || strstr(w, "сообщение") || strstr(w, "error description") ||
      strstr(w, "error text") || strstr(w, "текст ошибки") || !strcmp(w, "error") ||
      !strcmp(w, "ошибка"))
    return COL_MESSAGE;
  if (strstr(w, "description") || strstr(w, "описание")) return COL_DESCRIPTION;
  if (strstr(w, "value") || strstr(w, "значение") || strstr(w, "when") || strstr(w, "how to") ||
      strstr(w, "когда") || strstr(w, "как "))
    return COL_EXTRA;
  return COL_IGNORE;
}

static char *cell_text(b24_bctx *c, const b24_cell *cell) {
  return b24_strip_inline(c->a, cell->raw, strlen(cell->raw));
}

static void add_error(b24_bctx *c, b24_error **arr, size_t *n, size_t *cap, b24_error e) {
  *B24_HEAP_PUSH(*arr, *n, *cap) = e;
}

/* One error table. page_status is the section's single "HTTP Status" (0 if none or
 * several); code_line is a REST 3.0 "Error Code:" line above the table. */
static void errors_from_table(b24_bctx *c, const b24_block *t, int page_status,
                              const char *code_line, b24_error **arr, size_t *n, size_t *cap) {
  const b24_row *h = &t->rows[0];
  int roles[16];
  int code_has_message = 0;
  size_t ncol = h->n_cells < 16 ? h->n_cells : 16;
  int has_message = 0, has_code = 0;
  for (size_t i = 0; i < ncol; i++) {
    roles[i] = column_role(h->cells[i].raw, &code_has_message);
    if (roles[i] == COL_MESSAGE) has_message = 1;
    if (roles[i] == COL_CODE) has_code = 1;
  }
  /* Code|Description|Value: the description column holds the message. */
  for (size_t i = 0; i < ncol && !has_message; i++)
    for (size_t k = i + 1; k < ncol; k++)
      if (roles[i] == COL_DESCRIPTION && roles[k] == COL_EXTRA) {
        roles[i] = COL_MESSAGE;
        roles[k] = COL_DESCRIPTION;
        break;
      }
  for (size_t r = 1; r < t->n_rows; r++) {
    const b24_row *row = &t->rows[r];
    b24_error e;
    memset(&e, 0, sizeof e);
    e.loc = (b24_loc){b24_intern(c, t->file), row->line};
    e.status = page_status;
    b24_buf desc = B24_BUF_INIT;
    for (size_t i = 0; i < row->n_cells && i < ncol; i++) {
      const b24_cell *cell = &row->cells[i];
      switch (roles[i]) {
      case COL_STATUS: {
        int st;
        if (b24_parse_status(cell->raw, &st, NULL)) e.status = st;
        break;
      }
      case COL_CODE: {
        const char *raw = cell->raw;
        const char *nl = code_has_message ? strchr(raw, '\n') : NULL;
        char *code = b24_strip_inline(c->a, raw, nl ? (size_t)(nl - raw) : strlen(raw));
        if (nl) e.message = b24_strip_inline(c->a, nl + 1, strlen(nl + 1));
        e.code = b24_vocab_empty_code(code) ? b24_arena_strdup(c->a, "") : code;
        break;
      }
      case COL_MESSAGE:
        e.message = cell_text(c, cell);
        break;
      case COL_DESCRIPTION:
      case COL_EXTRA:
        if (desc.len) b24_buf_puts(&desc, " ");
        b24_buf_puts(&desc, cell_text(c, cell));
        break;
      default:
        break;
      }
    }
    if (code_line) {
      /* REST 3.0: the table lists fields; the code is stated above it. */
      if (e.code && *e.code) {
        b24_buf_puts(&desc, desc.len ? " (field " : "(field ");
        b24_buf_puts(&desc, e.code);
        b24_buf_putc(&desc, ')');
      }
      e.code = b24_arena_strdup(c->a, code_line);
    }
    e.description = b24_arena_strdup(c->a, b24_buf_cstr(&desc));
    b24_buf_free(&desc);
    /* "Error Text | Description" (crm.lead.*): the answer's `error` is empty and
     * the text is its error_description. */
    if (!e.code && !has_code && e.message) e.code = b24_arena_strdup(c->a, "");
    if (!e.code) {
      b24_bdiag(c, row->line, B24_WARNING, "error-row", "error table row without a code");
      continue;
    }
    add_error(c, arr, n, cap, e);
  }
}

static int table_has_status_column(const b24_block *t) {
  int dummy = 0;
  for (size_t i = 0; i < t->rows[0].n_cells; i++)
    if (column_role(t->rows[0].cells[i].raw, &dummy) == COL_STATUS) return 1;
  return 0;
}

/* "Error Code: `X`" (REST 3.0) in a paragraph. */
static char *error_code_line(b24_bctx *c, const char *text) {
  static const char *const w[] = {"Error Code:", "Error code:", "Код ошибки:"};
  for (size_t i = 0; i < 3; i++) {
    const char *p = strstr(text, w[i]);
    if (!p) continue;
    p += strlen(w[i]);
    while (*p == ' ') p++;
    const char *e = p;
    while (*e && !isspace((unsigned char)*e)) e++;
    if (e > p) return b24_strip_inline(c->a, p, (size_t)(e - p));
  }
  return NULL;
}

typedef struct err_walk {
  int page_status;
  int status_stated;
  char *code_line;
  size_t cap_errors, cap_system;
} err_walk;

static void walk(b24_bctx *c, b24_block **blocks, size_t n, b24_method *m, err_walk *w,
                 int system) {
  for (size_t i = 0; i < n; i++) {
    const b24_block *b = blocks[i];
    /* "> HTTP status: 40x, 50x Error" is quoted on older pages */
    if (b->kind == B24_BLK_PARAGRAPH || (b->kind == B24_BLK_QUOTE && b->node)) {
      char *t = b24_node_plain_text(b->node);
      if (!system && b24_vocab_is_status_line(t)) {
        int st, several;
        /* "HTTP status: **40x**, **50x**" states a status too, if no number */
        w->status_stated = 1;
        w->page_status = b24_parse_status(t, &st, &several) && !several ? st : 0;
      }
      char *cl = error_code_line(c, t);
      if (cl) w->code_line = cl;
      free(t);
    } else if (b24_table_is_errors(b)) {
      if (system)
        errors_from_table(c, b, 0, NULL, &m->system_errors, &m->n_system_errors, &w->cap_system);
      else {
        if (!w->status_stated && !table_has_status_column(b))
          b24_blint(c, b->line, B24_WARNING, "error-status-missing",
                    "error table gives no HTTP status and the section states none");
        errors_from_table(c, b, w->page_status, w->code_line, &m->errors, &m->n_errors,
                          &w->cap_errors);
      }
      w->code_line = NULL;
    } else if (b->kind == B24_BLK_INCLUDE) {
      /* Shared fragments: the system errors, and the error envelope (no codes). */
      err_walk inner = *w;
      inner.cap_system = w->cap_system;
      walk(c, b->children.items, b->children.n, m, &inner, 1);
      w->cap_system = inner.cap_system;
    } else if (b->kind == B24_BLK_NOTE || b->kind == B24_BLK_CUT || b->kind == B24_BLK_IF) {
      walk(c, b->children.items, b->children.n, m, w, system);
    } else if (b->kind == B24_BLK_TABS) {
      for (size_t t = 0; t < b->n_tabs; t++)
        walk(c, b->tabs[t].blocks.items, b->tabs[t].blocks.n, m, w, system);
    }
  }
}

/* Equal texts, or both absent. */
static int same_text(const char *a, const char *b) { return a && b ? !strcmp(a, b) : a == b; }

void b24_errors_from_section(b24_bctx *c, b24_block **blocks, size_t n, b24_method *m) {
  err_walk w;
  memset(&w, 0, sizeof w);
  m->errors = b24_heap_from(m->errors, m->n_errors, &w.cap_errors, sizeof *m->errors);
  m->system_errors =
      b24_heap_from(m->system_errors, m->n_system_errors, &w.cap_system, sizeof *m->system_errors);
  walk(c, blocks, n, m, &w, 0);
  m->errors = b24_arena_settle(c->a, m->errors, m->n_errors * sizeof *m->errors);
  m->system_errors =
      b24_arena_settle(c->a, m->system_errors, m->n_system_errors * sizeof *m->system_errors);
  /* Duplicated codes with the same message are the same promise stated twice;
   * a two-column Code | Description table has no message (or no description)
   * in either row, which is the same too. */
  for (size_t i = 0; i < m->n_errors; i++)
    for (size_t k = i + 1; k < m->n_errors; k++)
      if (!strcmp(m->errors[i].code, m->errors[k].code) && m->errors[i].status == m->errors[k].status &&
          same_text(m->errors[i].message, m->errors[k].message) &&
          same_text(m->errors[i].description, m->errors[k].description) &&
          (m->errors[i].message || m->errors[i].description))
        b24_blint(c, m->errors[k].loc.line, B24_WARNING, "error-duplicate",
                  "error code '%s' is listed twice (first on line %d)", m->errors[k].code,
                  m->errors[i].loc.line);
}
