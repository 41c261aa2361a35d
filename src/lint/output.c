/* Writing findings: compiler-style text, a JSON list, SARIF 2.1.0 (whose
 * artifact URIs are relative to the docs root, named by the DOCROOT base id) and
 * GitHub Actions workflow commands (annotations on the changed files). */
#include <ctype.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "lint/lint.h"
#include "util/buf.h"
#include "util/fsutil.h"

static char *display_path(const b24_findings *fs, const b24_finding *f) {
  return f->relative ? b24_path_under(fs->root, f->path) : strdup(f->path);
}

static int write_text(FILE *out, const b24_findings *fs) {
  for (size_t i = 0; i < fs->n; i++) {
    const b24_finding *f = &fs->items[i];
    char *file = display_path(fs, f);
    fprintf(out, "%s:%d:%d: %s: %s [%s]\n", file, f->line > 0 ? f->line : 1,
            f->col > 0 ? f->col : 1, b24_severity_name(f->severity), f->message, f->rule->id);
    free(file);
  }
  return ferror(out) ? -1 : 0;
}

/* Workflow command escaping: '%', CR and LF always; ':' and ',' too in a
 * property value, where they would end the value. */
static void gh_escape(FILE *out, const char *s, int property) {
  for (; *s; s++) {
    if (*s == '%') fputs("%25", out);
    else if (*s == '\r') fputs("%0D", out);
    else if (*s == '\n') fputs("%0A", out);
    else if (property && *s == ':') fputs("%3A", out);
    else if (property && *s == ',') fputs("%2C", out);
    else fputc(*s, out);
  }
}

/* ::error file=F,line=L,col=C,title=RULE::message, one a line. GitHub has no
 * "note" level of annotation but "notice". */
static int write_github(FILE *out, const b24_findings *fs) {
  for (size_t i = 0; i < fs->n; i++) {
    const b24_finding *f = &fs->items[i];
    const char *level = f->severity == B24_ERROR     ? "error"
                        : f->severity == B24_WARNING ? "warning"
                                                     : "notice";
    char *file = display_path(fs, f);
    fprintf(out, "::%s file=", level);
    gh_escape(out, file, 1);
    free(file);
    if (f->line > 0) fprintf(out, ",line=%d,col=%d", f->line, f->col > 0 ? f->col : 1);
    fputs(",title=", out);
    gh_escape(out, f->rule->id, 1);
    fputs("::", out);
    gh_escape(out, f->message, 0);
    fputs("\n", out);
  }
  return ferror(out) ? -1 : 0;
}

static json_t *counts_json(const b24_findings *fs) {
  size_t n[3] = {0, 0, 0};
  for (size_t i = 0; i < fs->n; i++) n[fs->items[i].severity]++;
  json_t *o = json_object();
  json_object_set_new(o, "error", json_integer((json_int_t)n[B24_ERROR]));
  json_object_set_new(o, "warning", json_integer((json_int_t)n[B24_WARNING]));
  json_object_set_new(o, "note", json_integer((json_int_t)n[B24_NOTE]));
  return o;
}

static json_t *json_findings(const b24_findings *fs) {
  json_t *list = json_array();
  for (size_t i = 0; i < fs->n; i++) {
    const b24_finding *f = &fs->items[i];
    json_t *o = json_object();
    char *file = display_path(fs, f);
    json_object_set_new(o, "file", json_string(file));
    free(file);
    if (f->relative) json_object_set_new(o, "path", json_string(f->path));
    json_object_set_new(o, "line", json_integer(f->line));
    json_object_set_new(o, "column", json_integer(f->col));
    json_object_set_new(o, "severity", json_string(b24_severity_name(f->severity)));
    json_object_set_new(o, "rule", json_string(f->rule->id));
    json_object_set_new(o, "message", json_string(f->message));
    json_array_append_new(list, o);
  }
  json_t *top = json_object();
  json_object_set_new(top, "root", json_string(fs->root));
  json_object_set_new(top, "counts", counts_json(fs));
  json_object_set_new(top, "findings", list);
  return top;
}

/* ---- SARIF ---- */

/* RFC 3986: everything but unreserved characters and '/' is percent-encoded. */
static void uri_escape(b24_buf *b, const char *s) {
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (isalnum(*p) || strchr("-._~/", *p)) b24_buf_putc(b, (char)*p);
    else b24_buf_printf(b, "%%%02X", *p);
  }
}

static const char *sarif_level(b24_severity s) {
  return s == B24_ERROR ? "error" : s == B24_WARNING ? "warning" : "note";
}

static json_t *sarif_rules(void) {
  size_t n;
  const b24_lint_rule *rs = b24_lint_rules(&n);
  json_t *a = json_array();
  for (size_t i = 0; i < n; i++) {
    json_t *r = json_object();
    json_object_set_new(r, "id", json_string(rs[i].id));
    json_object_set_new(r, "shortDescription", json_pack("{s:s}", "text", rs[i].description));
    json_object_set_new(r, "defaultConfiguration", json_pack("{s:s}", "level", sarif_level(rs[i].severity)));
    json_object_set_new(r, "properties", json_pack("{s:[s]}", "tags", rs[i].group));
    json_array_append_new(a, r);
  }
  return a;
}

static json_t *sarif_location(const b24_finding *f) {
  b24_buf uri = B24_BUF_INIT;
  json_t *art = json_object();
  if (f->relative) {
    uri_escape(&uri, f->path);
    json_object_set_new(art, "uriBaseId", json_string("DOCROOT"));
  } else {
    if (f->path[0] == '/') b24_buf_puts(&uri, "file://");
    uri_escape(&uri, f->path);
  }
  json_object_set_new(art, "uri", json_string(b24_buf_cstr(&uri)));
  b24_buf_free(&uri);
  json_t *phys = json_object();
  json_object_set_new(phys, "artifactLocation", art);
  if (f->line > 0)
    json_object_set_new(phys, "region", json_pack("{s:i,s:i}", "startLine", f->line, "startColumn",
                                                  f->col > 0 ? f->col : 1));
  return json_pack("{s:o}", "physicalLocation", phys);
}

static json_t *sarif_log(const b24_findings *fs) {
  json_t *results = json_array();
  for (size_t i = 0; i < fs->n; i++) {
    const b24_finding *f = &fs->items[i];
    json_t *r = json_object();
    json_object_set_new(r, "ruleId", json_string(f->rule->id));
    json_object_set_new(r, "ruleIndex", json_integer((json_int_t)b24_lint_rule_index(f->rule)));
    json_object_set_new(r, "level", json_string(sarif_level(f->severity)));
    json_object_set_new(r, "message", json_pack("{s:s}", "text", f->message));
    json_object_set_new(r, "locations", json_pack("[o]", sarif_location(f)));
    json_array_append_new(results, r);
  }
  json_t *driver = json_pack("{s:s,s:s,s:o}", "name", "b24spec", "version", "0.1.0", "rules",
                             sarif_rules());
  json_t *run = json_pack("{s:{s:o},s:o}", "tool", "driver", driver, "results", results);
  char *abs = realpath(fs->root, NULL);
  if (abs) {
    b24_buf u = B24_BUF_INIT;
    b24_buf_puts(&u, "file://");
    uri_escape(&u, abs);
    if (u.data[u.len - 1] != '/') b24_buf_putc(&u, '/');
    json_object_set_new(run, "originalUriBaseIds",
                        json_pack("{s:{s:s}}", "DOCROOT", "uri", b24_buf_cstr(&u)));
    b24_buf_free(&u);
    free(abs);
  }
  return json_pack("{s:s,s:s,s:[o]}", "$schema", "https://json.schemastore.org/sarif-2.1.0.json",
                   "version", "2.1.0", "runs", run);
}

int b24_lint_write(FILE *out, const b24_findings *fs, b24_lint_format fmt) {
  if (fmt == B24_LINT_TEXT) return write_text(out, fs);
  if (fmt == B24_LINT_GITHUB) return write_github(out, fs);
  json_t *j = fmt == B24_LINT_JSON ? json_findings(fs) : sarif_log(fs);
  int rc = json_dumpf(j, out, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
  json_decref(j);
  if (rc == 0) fputc('\n', out);
  return rc || ferror(out) ? -1 : 0;
}
