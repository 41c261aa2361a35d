/* The baseline: findings a team has accepted for now, so that CI fails only on
 * new ones. An entry is matched by rule, page and a fingerprint of the
 * finding's content: its message with the line numbers it quotes taken out,
 * so that an entry survives lines moving above it, and dies when what it is
 * about changes (another field, another anchor). Equal entries are matched as
 * a multiset: two identical findings in a page need two entries. The format is
 * in docs/lint.md and docs/lint-baseline.schema.json. */
#include <ctype.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "lint/lint.h"
#include "util/buf.h"
#include "util/fsutil.h"
#include "util/sha256.h"

enum { BASELINE_VERSION = 1 };

/* "(line 261)", "first on line 90", "(a.md:22)": the numbers are places, not
 * content; every other byte of the message counts. */
static void content_of(const char *msg, b24_buf *out) {
  for (const char *s = msg; *s;) {
    if (!strncmp(s, "line ", 5) && isdigit((unsigned char)s[5])) {
      b24_buf_puts(out, "line #");
      for (s += 5; isdigit((unsigned char)*s); s++)
        ;
    } else if (*s == ':' && isdigit((unsigned char)s[1]) && s > msg && !isspace((unsigned char)s[-1])) {
      const char *e = s + 1;
      while (isdigit((unsigned char)*e)) e++;
      if (*e == ')' || *e == ' ' || !*e) {
        b24_buf_puts(out, ":#");
        s = e;
      } else {
        b24_buf_putc(out, *s++);
      }
    } else {
      b24_buf_putc(out, *s++);
    }
  }
}

void b24_finding_fingerprint(const b24_finding *f, char out[17]) {
  b24_buf b = B24_BUF_INIT;
  b24_buf_printf(&b, "%s%c%s%c", f->rule->id, 0, f->path, 0);
  content_of(f->message, &b);
  char hex[65];
  b24_sha256_hex(b.data, b.len, hex);
  memcpy(out, hex, 16);
  out[16] = 0;
  b24_buf_free(&b);
}

int b24_baseline_write(const b24_findings *fs, const char *path) {
  json_t *list = json_array();
  for (size_t i = 0; i < fs->n; i++) {
    const b24_finding *f = &fs->items[i];
    char fp[17];
    b24_finding_fingerprint(f, fp);
    json_array_append_new(list, json_pack("{s:s,s:s,s:s,s:i,s:s}", "rule", f->rule->id, "path",
                                          f->path, "fingerprint", fp, "line", f->line, "message",
                                          f->message));
  }
  json_t *top = json_pack("{s:i,s:o}", "version", BASELINE_VERSION, "findings", list);
  b24_atomic_file *af = b24_atomic_open(path);
  int rc = -1;
  if (af) {
    FILE *out = b24_atomic_stream(af);
    if (json_dumpf(top, out, JSON_INDENT(1) | JSON_PRESERVE_ORDER) == 0 && fputc('\n', out) != EOF)
      rc = b24_atomic_commit(af);
    else
      b24_atomic_abort(af);
  }
  json_decref(top);
  return rc;
}

static char *dup_member(const json_t *o, const char *key) {
  const char *s = json_string_value(json_object_get(o, key));
  return s ? strdup(s) : NULL;
}

int b24_baseline_read(const char *path, b24_baseline *b, char *err, size_t errlen) {
  memset(b, 0, sizeof *b);
  size_t len;
  char *text = b24_read_file(path, &len);
  if (!text) {
    snprintf(err, errlen, "%s: cannot read the baseline", path);
    return -1;
  }
  int rc = b24_baseline_parse(text, len, path, b, err, errlen);
  free(text);
  return rc;
}

int b24_baseline_parse(const char *text, size_t len, const char *path, b24_baseline *b, char *err,
                       size_t errlen) {
  memset(b, 0, sizeof *b);
  json_error_t je;
  json_t *top = json_loadb(text, len, 0, &je);
  if (!top) {
    snprintf(err, errlen, "%s:%d:%d: baseline is not JSON: %s", path, je.line, je.column, je.text);
    return -1;
  }
  const json_t *list = json_object_get(top, "findings");
  json_int_t version = json_integer_value(json_object_get(top, "version"));
  if (!json_is_object(top) || version != BASELINE_VERSION || !json_is_array(list)) {
    snprintf(err, errlen, "%s: not a b24spec lint baseline of version %d (\"version\", \"findings\")",
             path, BASELINE_VERSION);
    json_decref(top);
    return -1;
  }
  b->n = json_array_size(list);
  b->items = calloc(b->n ? b->n : 1, sizeof *b->items);
  for (size_t i = 0; i < b->n; i++) {
    const json_t *e = json_array_get(list, i);
    b24_baseline_entry *x = &b->items[i];
    x->rule = dup_member(e, "rule");
    x->path = dup_member(e, "path");
    x->fingerprint = dup_member(e, "fingerprint");
    x->message = dup_member(e, "message");
    x->line = (int)json_integer_value(json_object_get(e, "line"));
    if (!x->rule || !x->path || !x->fingerprint) {
      snprintf(err, errlen, "%s: finding %zu lacks \"rule\", \"path\" or \"fingerprint\"", path, i + 1);
      json_decref(top);
      b24_baseline_free(b);
      return -1;
    }
  }
  json_decref(top);
  return 0;
}

size_t b24_baseline_apply(b24_baseline *b, b24_findings *fs) {
  size_t matched = 0;
  for (size_t i = 0; i < fs->n; i++) {
    b24_finding *f = &fs->items[i];
    char fp[17];
    b24_finding_fingerprint(f, fp);
    for (size_t k = 0; k < b->n; k++) {
      b24_baseline_entry *e = &b->items[k];
      if (e->matched || strcmp(e->fingerprint, fp) || strcmp(e->rule, f->rule->id) ||
          strcmp(e->path, f->path))
        continue;
      e->matched = true;
      f->baselined = true;
      matched++;
      break;
    }
  }
  return matched;
}

void b24_baseline_free(b24_baseline *b) {
  for (size_t i = 0; i < b->n; i++) {
    free(b->items[i].rule);
    free(b->items[i].path);
    free(b->items[i].fingerprint);
    free(b->items[i].message);
  }
  free(b->items);
  memset(b, 0, sizeof *b);
}
