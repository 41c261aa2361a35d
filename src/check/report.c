/* Results of a check run: console, progress line, summary, JUnit XML, TAP. */
#include "check/report.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "util/fsutil.h"
#include "util/sort.h"

/* ---- redaction ----------------------------------------------------------- */

void b24_redactor_add(b24_redactor *r, const char *secret) {
  if (!secret || strlen(secret) < 4 || r->n == sizeof r->secrets / sizeof *r->secrets) return;
  r->secrets[r->n] = strdup(secret);
  if (!r->secrets[r->n]) abort();
  r->n++;
}

void b24_redactor_free(b24_redactor *r) {
  for (size_t i = 0; i < r->n; i++) free(r->secrets[i]);
  r->n = 0;
}

char *b24_redact(const b24_redactor *r, const char *s) {
  b24_buf b = B24_BUF_INIT;
  b24_buf_puts(&b, s ? s : "");
  for (size_t i = 0; r && i < r->n; i++) {
    const char *sec = r->secrets[i];
    size_t sl = strlen(sec);
    if (!strstr(b.data, sec)) continue;
    b24_buf out = B24_BUF_INIT;
    b24_buf_puts(&out, "");
    for (const char *p = b.data; *p;) {
      const char *hit = strstr(p, sec);
      if (!hit) {
        b24_buf_puts(&out, p);
        break;
      }
      b24_buf_put(&out, p, (size_t)(hit - p));
      b24_buf_puts(&out, B24_REDACTED);
      p = hit + sl;
    }
    b24_buf_free(&b);
    b = out;
  }
  return b24_buf_take(&b);
}

/* ---- results ------------------------------------------------------------- */

static char *xstrdup(const char *s) {
  char *d = strdup(s ? s : "");
  if (!d) abort();
  return d;
}

/* The result and its three names in one block: a run makes one result per case
 * and step, and keeps them all to the end. */
b24_check_result *b24_check_result_newn(const char *id, const char *group, size_t group_len,
                                        const char *title) {
  if (!id) id = "";
  if (!group) group = "", group_len = 0;
  if (!title) title = "";
  size_t il = strlen(id) + 1, tl = strlen(title) + 1;
  b24_check_result *res = calloc(1, sizeof *res + il + group_len + 1 + tl);
  if (!res) abort();
  char *p = (char *)(res + 1);
  res->id = memcpy(p, id, il);
  res->group = memcpy(p + il, group, group_len);
  res->group[group_len] = 0;
  res->title = memcpy(p + il + group_len + 1, title, tl);
  res->outcome = B24_RESULT_PASS;
  return res;
}

b24_check_result *b24_check_result_new(const char *id, const char *group, const char *title) {
  return b24_check_result_newn(id, group, group ? strlen(group) : 0, title);
}

void b24_check_result_fail(b24_check_result *res, const char *check, const char *fmt, ...) {
  b24_buf m = B24_BUF_INIT;
  va_list ap;
  va_start(ap, fmt);
  b24_buf_vprintf(&m, fmt, ap);
  va_end(ap);
  res->fails = realloc(res->fails, (res->n_fails + 1) * sizeof *res->fails);
  if (!res->fails) abort();
  res->fails[res->n_fails++] = (b24_failure){xstrdup(check), b24_buf_take(&m)};
  res->outcome = B24_RESULT_FAIL;
}

void b24_check_result_skip(b24_check_result *res, const char *fmt, ...) {
  b24_buf m = B24_BUF_INIT;
  va_list ap;
  va_start(ap, fmt);
  b24_buf_vprintf(&m, fmt, ap);
  va_end(ap);
  free(res->skip_reason);
  res->skip_reason = b24_buf_take(&m);
  res->outcome = B24_RESULT_SKIP;
}

void b24_check_result_free(b24_check_result *res) {
  if (!res) return;
  for (size_t i = 0; i < res->n_fails; i++) free(res->fails[i].check), free(res->fails[i].message);
  free(res->fails);
  free(res->skip_reason);
  free(res->repro);
  free(res);
}

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void b24_report_init(b24_report *r, const b24_report_options *o, const b24_redactor *red) {
  memset(r, 0, sizeof *r);
  r->o = *o;
  r->redactor = red;
  r->started = now_s();
}

void b24_report_started(b24_report *r) { r->started = now_s(); }
void b24_report_ended(b24_report *r) { r->ended = now_s(); }

void b24_report_free(b24_report *r) {
  for (size_t i = 0; i < r->n; i++) b24_check_result_free(r->items[i]);
  free(r->items);
  memset(r, 0, sizeof *r);
}

static void clear_progress(b24_report *r) {
  if (r->progress_shown) {
    fputs("\r\033[K", stderr);
    r->progress_shown = false;
  }
}

/* Prints s redacted to f. */
static void put_redacted(const b24_report *r, FILE *f, const char *s) {
  char *red = b24_redact(r->redactor, s);
  fputs(red, f);
  free(red);
}

static void print_failure(b24_report *r, const b24_check_result *res) {
  FILE *f = r->o.console;
  b24_buf b = B24_BUF_INIT;
  b24_buf_printf(&b, "FAIL %s: %s\n", res->id, res->title);
  for (size_t i = 0; i < res->n_fails; i++) {
    b24_buf_printf(&b, "  [%s] ", res->fails[i].check);
    for (const char *p = res->fails[i].message; *p; p++) {
      b24_buf_putc(&b, *p);
      if (*p == '\n') b24_buf_puts(&b, "    ");
    }
    b24_buf_putc(&b, '\n');
  }
  if (res->repro) {
    char *red = b24_redact(r->redactor, res->repro);
    b24_buf_printf(&b, "  reproduce: %s\n", red);
    if (strstr(red, B24_REDACTED) && r->o.substitute)
      b24_buf_printf(&b, "  (replace %s with %s)\n", B24_REDACTED, r->o.substitute);
    free(red);
  }
  put_redacted(r, f, b.data);
  b24_buf_free(&b);
  fflush(f);
}

void b24_report_add(b24_report *r, b24_check_result *res) {
  if (r->n == r->cap) {
    r->cap = r->cap ? r->cap * 2 : 256;
    r->items = realloc(r->items, r->cap * sizeof *r->items);
    if (!r->items) abort();
  }
  r->items[r->n++] = res;
  if (res->outcome == B24_RESULT_PASS) r->passed++;
  else if (res->outcome == B24_RESULT_SKIP) r->skipped++;
  else {
    r->failed++;
    clear_progress(r);
    print_failure(r, res);
  }
  b24_report_progress(r);
}

void b24_report_progress(b24_report *r) {
  if (!r->o.progress) return;
  double t = now_s();
  if (t - r->last_progress < 0.1 && r->n < r->expected) return;
  r->last_progress = t;
  fprintf(stderr, "\r\033[K[%zu/%zu] %zu passed, %zu failed, %zu skipped", r->n, r->expected,
          r->passed, r->failed, r->skipped);
  fflush(stderr);
  r->progress_shown = true;
}

/* ---- files for CI ---------------------------------------------------------- */

static int cmp_result(const void *a, const void *b) {
  const b24_check_result *x = *(b24_check_result *const *)a, *y = *(b24_check_result *const *)b;
  int c = strcmp(x->group, y->group);
  return c ? c : strcmp(x->id, y->id);
}

static void xml_escape(b24_buf *b, const char *s) {
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    switch (*p) {
    case '<': b24_buf_puts(b, "&lt;"); break;
    case '>': b24_buf_puts(b, "&gt;"); break;
    case '&': b24_buf_puts(b, "&amp;"); break;
    case '"': b24_buf_puts(b, "&quot;"); break;
    case '\n': case '\t': b24_buf_putc(b, (char)*p); break;
    default:
      if (*p < 0x20) b24_buf_printf(b, "&#xFFFD;"); /* not allowed in XML 1.0 */
      else b24_buf_putc(b, (char)*p);
    }
  }
}

static void failure_text(b24_buf *b, const b24_report *r, const b24_check_result *res) {
  for (size_t i = 0; i < res->n_fails; i++)
    b24_buf_printf(b, "[%s] %s\n", res->fails[i].check, res->fails[i].message);
  if (res->repro) {
    char *red = b24_redact(r->redactor, res->repro);
    b24_buf_printf(b, "reproduce: %s\n", red);
    if (strstr(red, B24_REDACTED) && r->o.substitute)
      b24_buf_printf(b, "(replace %s with %s)\n", B24_REDACTED, r->o.substitute);
    free(red);
  }
}

static void junit_suite(b24_buf *b, const b24_report *r, size_t from, size_t to) {
  size_t fails = 0, skips = 0;
  double secs = 0;
  for (size_t i = from; i < to; i++) {
    fails += r->items[i]->outcome == B24_RESULT_FAIL;
    skips += r->items[i]->outcome == B24_RESULT_SKIP;
    secs += r->items[i]->seconds;
  }
  b24_buf_puts(b, "  <testsuite name=\"");
  xml_escape(b, r->items[from]->group);
  b24_buf_printf(b, "\" tests=\"%zu\" failures=\"%zu\" errors=\"0\" skipped=\"%zu\" time=\"%.3f\">\n",
                 to - from, fails, skips, secs);
  for (size_t i = from; i < to; i++) {
    const b24_check_result *res = r->items[i];
    b24_buf_puts(b, "    <testcase classname=\"");
    xml_escape(b, res->group);
    b24_buf_puts(b, "\" name=\"");
    xml_escape(b, res->id);
    b24_buf_printf(b, "\" time=\"%.3f\"", res->seconds);
    if (res->outcome == B24_RESULT_PASS) {
      b24_buf_puts(b, "/>\n");
      continue;
    }
    b24_buf_puts(b, ">\n");
    if (res->outcome == B24_RESULT_SKIP) {
      b24_buf_puts(b, "      <skipped message=\"");
      xml_escape(b, res->skip_reason ? res->skip_reason : "");
      b24_buf_puts(b, "\"/>\n");
    } else {
      b24_buf msg = B24_BUF_INIT, text = B24_BUF_INIT;
      for (size_t k = 0; k < res->n_fails; k++)
        b24_buf_printf(&msg, "%s%s", k ? "," : "", res->fails[k].check);
      failure_text(&text, r, res);
      b24_buf_puts(b, "      <failure type=\"");
      xml_escape(b, msg.data);
      b24_buf_puts(b, "\" message=\"");
      xml_escape(b, res->title);
      b24_buf_puts(b, "\">");
      xml_escape(b, text.data);
      b24_buf_puts(b, "</failure>\n");
      b24_buf_free(&msg);
      b24_buf_free(&text);
    }
    b24_buf_puts(b, "    </testcase>\n");
  }
  b24_buf_puts(b, "  </testsuite>\n");
}

static char *junit_xml(const b24_report *r, double secs) {
  b24_buf b = B24_BUF_INIT;
  b24_buf_printf(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<testsuites name=\"b24spec check\" tests=\"%zu\" failures=\"%zu\" errors=\"0\" "
                     "skipped=\"%zu\" time=\"%.3f\">\n",
                 r->n, r->failed, r->skipped, secs);
  for (size_t i = 0; i < r->n;) {
    size_t j = i + 1;
    while (j < r->n && !strcmp(r->items[j]->group, r->items[i]->group)) j++;
    junit_suite(&b, r, i, j);
    i = j;
  }
  b24_buf_puts(&b, "</testsuites>\n");
  return b24_buf_take(&b);
}

/* TAP 13: a YAML block under each failure, SKIP directives for skips. */
static char *tap_text(const b24_report *r) {
  b24_buf b = B24_BUF_INIT;
  b24_buf_printf(&b, "TAP version 13\n1..%zu\n", r->n);
  for (size_t i = 0; i < r->n; i++) {
    const b24_check_result *res = r->items[i];
    /* '#' would start a directive in the description */
    b24_buf id = B24_BUF_INIT;
    for (const char *p = res->id; *p; p++) {
      if (*p == '#') b24_buf_putc(&id, '\\');
      b24_buf_putc(&id, *p);
    }
    if (res->outcome == B24_RESULT_PASS) b24_buf_printf(&b, "ok %zu - %s\n", i + 1, id.data);
    else if (res->outcome == B24_RESULT_SKIP) {
      b24_buf_printf(&b, "ok %zu - %s # SKIP ", i + 1, id.data);
      for (const char *p = res->skip_reason ? res->skip_reason : ""; *p; p++)
        b24_buf_putc(&b, *p == '\n' ? ' ' : *p);
      b24_buf_putc(&b, '\n');
    } else {
      b24_buf_printf(&b, "not ok %zu - %s\n  ---\n  checks: [", i + 1, id.data);
      for (size_t k = 0; k < res->n_fails; k++)
        b24_buf_printf(&b, "%s%s", k ? ", " : "", res->fails[k].check);
      b24_buf_puts(&b, "]\n  message: |\n");
      b24_buf text = B24_BUF_INIT;
      failure_text(&text, r, res);
      b24_buf_puts(&b, "    ");
      for (size_t k = 0; k < text.len; k++) {
        b24_buf_putc(&b, text.data[k]);
        if (text.data[k] == '\n' && k + 1 < text.len) b24_buf_puts(&b, "    ");
      }
      b24_buf_free(&text);
      b24_buf_puts(&b, "  ...\n");
    }
    b24_buf_free(&id);
  }
  return b24_buf_take(&b);
}

int b24_report_finish(b24_report *r, size_t requests_sent) {
  clear_progress(r);
  double secs = (r->ended ? r->ended : now_s()) - r->started;
  b24_qsort(r->items, r->n, sizeof *r->items, cmp_result);
  FILE *f = r->o.console;
  fprintf(f, "b24spec check: %zu tests: %zu passed, %zu failed, %zu skipped (%zu requests, %.3f s)\n",
          r->n, r->passed, r->failed, r->skipped, requests_sent, secs);
  if (r->failed) {
    /* which promises broke, most often first */
    size_t counts[64] = {0};
    const char *names[64];
    size_t nn = 0;
    for (size_t i = 0; i < r->n; i++)
      for (size_t k = 0; k < r->items[i]->n_fails; k++) {
        const char *c = r->items[i]->fails[k].check;
        size_t j = 0;
        while (j < nn && strcmp(names[j], c)) j++;
        if (j == nn && nn < 64) names[nn++] = c;
        if (j < nn) counts[j]++;
      }
    fputs("failed checks:", f);
    for (size_t j = 0; j < nn; j++) fprintf(f, " %s (%zu)", names[j], counts[j]);
    fputc('\n', f);
  }
  int rc = 0;
  if (r->o.tap) {
    char *t = tap_text(r);
    put_redacted(r, stdout, t);
    fflush(stdout);
    free(t);
  }
  if (r->o.json_path) {
    char *j = b24_report_json(r, secs, requests_sent);
    if (b24_write_file_atomic(r->o.json_path, j, strlen(j)) != 0) {
      fprintf(stderr, "b24spec check: cannot write %s\n", r->o.json_path);
      rc = -1;
    }
    free(j);
  }
  if (r->o.junit_path) {
    char *x = junit_xml(r, secs);
    char *red = b24_redact(r->redactor, x);
    if (b24_write_file_atomic(r->o.junit_path, red, strlen(red)) != 0) {
      fprintf(stderr, "b24spec check: cannot write %s\n", r->o.junit_path);
      rc = -1;
    }
    free(red);
    free(x);
  }
  return rc;
}

char *b24_curl_command(const char *url, const char *body) {
  b24_buf b = B24_BUF_INIT;
  b24_buf_puts(&b, "curl -sS -X POST -H 'Content-Type: application/json' -d '");
  for (const char *p = body; *p; p++) {
    if (*p == '\'') b24_buf_puts(&b, "'\\''");
    else b24_buf_putc(&b, *p);
  }
  b24_buf_puts(&b, "' '");
  for (const char *p = url; *p; p++) {
    if (*p == '\'') b24_buf_puts(&b, "'\\''");
    else b24_buf_putc(&b, *p);
  }
  b24_buf_putc(&b, '\'');
  return b24_buf_take(&b);
}
