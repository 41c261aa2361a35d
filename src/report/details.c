/* The report's detail sections: every lint finding with its source line, the
 * conformance results with each failure's reproducing command, and the changes
 * (sections.h). Tables that can be filtered carry their keys as data-*
 * attributes on each row; page.c's script does the filtering. */
#include <stdlib.h>
#include <string.h>

#include "report/html.h"
#include "report/sections.h"
#include "util/fsutil.h"
#include "util/sort.h"

/* ---- small sets of strings, for the filters' choices ---------------------- */

typedef struct str_set {
  const char **v;
  size_t n, cap;
} str_set;

static void set_add(str_set *s, const char *x) {
  if (!x) return;
  for (size_t i = 0; i < s->n; i++)
    if (!strcmp(s->v[i], x)) return;
  if (s->n == s->cap) {
    s->cap = s->cap ? 2 * s->cap : 16;
    s->v = realloc(s->v, s->cap * sizeof *s->v);
  }
  s->v[s->n++] = x;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* A labelled <select> over the set's values (sorted), "all" first. */
static void filter_select(b24_buf *b, const char *table, const char *key, const char *label,
                          str_set *s, bool sort) {
  if (sort) b24_qsort(s->v, s->n, sizeof *s->v, cmp_str);
  b24_buf_printf(b, "<label>%s <select data-table=\"%s\" data-key=\"%s\"><option value=\"\">all</option>",
                 label, table, key);
  for (size_t i = 0; i < s->n; i++) {
    b24_buf_puts(b, "<option>");
    html_text(b, s->v[i]);
    b24_buf_puts(b, "</option>");
  }
  b24_buf_puts(b, "</select></label>\n");
  free(s->v);
  memset(s, 0, sizeof *s);
}

static void shown_count(b24_buf *b, const char *table, size_t n) {
  b24_buf_printf(b, "<p aria-live=\"polite\"><output data-count-for=\"%s\">%zu</output> of %zu shown</p>\n",
                 table, n, n);
}

/* ---- lint ----------------------------------------------------------------- */

/* The text of line n (1-based) of the file, cut at 300 bytes on a character
 * boundary; NULL when there is no such line. The file is read once for all
 * its findings (they come sorted by file). */
typedef struct line_source {
  char *file, *text;
  size_t len;
} line_source;

static char *source_line(line_source *src, const char *file, long n) {
  if (!file || n < 1) return NULL;
  if (!src->file || strcmp(src->file, file)) {
    free(src->file);
    free(src->text);
    src->file = strdup(file);
    src->text = b24_read_file(file, &src->len);
  }
  if (!src->text) return NULL;
  const char *p = src->text, *end = src->text + src->len;
  for (long i = 1; i < n && p < end; i++) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    p = nl ? nl + 1 : end;
  }
  if (p >= end) return NULL;
  const char *nl = memchr(p, '\n', (size_t)(end - p));
  size_t len = (size_t)((nl ? nl : end) - p);
  if (len && p[len - 1] == '\r') len--;
  if (len > 300) {
    len = 300;
    while (len && ((unsigned char)p[len] & 0xC0) == 0x80) len--;
  }
  return strndup(p, len);
}

void rpt_section_lint(b24_buf *b, const b24_report_inputs *in) {
  if (!in->lint) return;
  const json_t *fs = json_object_get(in->lint, "findings");
  size_t n = json_array_size(fs), i;
  const json_t *x;
  str_set rules = {0}, sevs = {0}, mods = {0};
  char (*mod)[128] = calloc(n ? n : 1, sizeof *mod);
  json_array_foreach(fs, i, x) {
    rpt_module_of_page(in->model, json_string_value(json_object_get(x, "path")), mod[i],
                       sizeof mod[i]);
    set_add(&rules, json_string_value(json_object_get(x, "rule")));
    set_add(&mods, mod[i]);
  }
  static const char *const severity_order[] = {"error", "warning", "note"};
  for (size_t s = 0; s < 3; s++) set_add(&sevs, severity_order[s]);
  b24_buf_puts(b, "<section id=\"lint\" aria-labelledby=\"h-lint\">\n<h2 id=\"h-lint\">Lint findings</h2>\n"
                  "<div class=\"filters\">\n");
  filter_select(b, "lint-table", "rule", "Rule", &rules, true);
  filter_select(b, "lint-table", "severity", "Severity", &sevs, false);
  filter_select(b, "lint-table", "module", "Module", &mods, true);
  b24_buf_puts(b, "</div>\n");
  shown_count(b, "lint-table", n);
  b24_buf_puts(b, "<div class=\"scroll\"><table id=\"lint-table\" class=\"filterable\">\n"
                  "<caption>Every finding of b24spec lint, with the line it is about</caption>\n"
                  "<thead><tr><th scope=\"col\">Page and line</th><th scope=\"col\">Severity</th>"
                  "<th scope=\"col\">Rule</th><th scope=\"col\">Message and source line</th></tr></thead>\n<tbody>\n");
  line_source src = {0};
  json_array_foreach(fs, i, x) {
    const char *path = json_string_value(json_object_get(x, "path"));
    const char *sev = json_string_value(json_object_get(x, "severity"));
    const char *rule = json_string_value(json_object_get(x, "rule"));
    long line = (long)json_integer_value(json_object_get(x, "line"));
    b24_buf_puts(b, "<tr data-rule=\"");
    html_text(b, rule);
    b24_buf_puts(b, "\" data-severity=\"");
    html_text(b, sev);
    b24_buf_puts(b, "\" data-module=\"");
    html_text(b, mod[i]);
    b24_buf_puts(b, "\"><td class=\"loc\">");
    html_text(b, path);
    if (line > 0) b24_buf_printf(b, ":%ld", line);
    b24_buf_printf(b, "</td><td class=\"sev-%s\">", sev && !strcmp(sev, "error") ? "error"
                                                     : sev && !strcmp(sev, "warning") ? "warning"
                                                                                      : "note");
    html_text(b, sev);
    b24_buf_puts(b, "</td><td>");
    html_text(b, rule);
    b24_buf_puts(b, "</td><td>");
    html_text(b, json_string_value(json_object_get(x, "message")));
    char *text = source_line(&src, json_string_value(json_object_get(x, "file")), line);
    if (text) {
      b24_buf_puts(b, "<pre class=\"src\"><code>");
      html_text(b, text);
      b24_buf_puts(b, "</code></pre>");
      free(text);
    }
    b24_buf_puts(b, "</td></tr>\n");
  }
  free(src.file);
  free(src.text);
  free(mod);
  b24_buf_puts(b, "</tbody></table></div>\n</section>\n");
}

/* ---- conformance ---------------------------------------------------------- */

typedef struct group_row {
  const char *group;
  size_t k[3];
} group_row;

void rpt_section_check(b24_buf *b, const b24_report_inputs *in) {
  if (!in->check) return;
  const json_t *rs = json_object_get(in->check, "results");
  size_t i, n_groups = 0;
  const json_t *x;
  /* the results come sorted by group (check --json), so groups are runs */
  group_row *rows = calloc(json_array_size(rs) + 1, sizeof *rows);
  str_set checks = {0};
  size_t per_check_n = 0;
  json_array_foreach(rs, i, x) {
    const char *g = json_string_value(json_object_get(x, "group"));
    const char *o = json_string_value(json_object_get(x, "outcome"));
    if (!g) g = "";
    if (!n_groups || strcmp(rows[n_groups - 1].group, g)) rows[n_groups++].group = g;
    int k = o && !strcmp(o, "pass") ? 0 : o && !strcmp(o, "fail") ? 1 : 2;
    rows[n_groups - 1].k[k]++;
    size_t j;
    const json_t *fl;
    json_array_foreach(json_object_get(x, "failures"), j, fl) {
      set_add(&checks, json_string_value(json_object_get(fl, "check")));
      per_check_n++;
    }
  }
  b24_buf_puts(b, "<section id=\"check\" aria-labelledby=\"h-check\">\n<h2 id=\"h-check\">Conformance</h2>\n");
  const json_t *sum = json_object_get(in->check, "summary");
  b24_buf_printf(b, "<p>%lld tests, %lld requests.</p>\n",
                 (long long)json_integer_value(json_object_get(sum, "tests")),
                 (long long)json_integer_value(json_object_get(sum, "requests")));
  /* failures per check, most first; ties by name */
  if (checks.n) {
    b24_qsort(checks.v, checks.n, sizeof *checks.v, cmp_str);
    size_t *cnt = calloc(checks.n, sizeof *cnt);
    json_array_foreach(rs, i, x) {
      size_t j;
      const json_t *fl;
      json_array_foreach(json_object_get(x, "failures"), j, fl) {
        const char *c = json_string_value(json_object_get(fl, "check"));
        for (size_t k = 0; c && k < checks.n; k++)
          if (!strcmp(checks.v[k], c)) cnt[k]++;
      }
    }
    b24_buf_puts(b, "<table><caption>Failures by check</caption><thead><tr><th scope=\"col\">Check</th>"
                    "<th scope=\"col\">Failures</th></tr></thead><tbody>\n");
    for (size_t k = 0; k < checks.n; k++) {
      b24_buf_puts(b, "<tr><th scope=\"row\">");
      html_text(b, checks.v[k]);
      b24_buf_printf(b, "</th><td>%zu</td></tr>\n", cnt[k]);
    }
    b24_buf_puts(b, "</tbody></table>\n");
    free(cnt);
  }
  /* per method or sequence */
  str_set outcomes = {0};
  set_add(&outcomes, "failed");
  set_add(&outcomes, "passed");
  b24_buf_puts(b, "<h3>By method and sequence</h3>\n<div class=\"filters\">\n");
  filter_select(b, "check-table", "state", "Show", &outcomes, false);
  b24_buf_puts(b, "</div>\n");
  shown_count(b, "check-table", n_groups);
  b24_buf_puts(b, "<div class=\"scroll tall\"><table id=\"check-table\" class=\"filterable\">\n"
                  "<caption>Results per method or sequence</caption><thead><tr><th scope=\"col\">Method or sequence</th>"
                  "<th scope=\"col\">Passed</th><th scope=\"col\">Failed</th><th scope=\"col\">Skipped</th></tr></thead><tbody>\n");
  for (size_t g = 0; g < n_groups; g++) {
    b24_buf_printf(b, "<tr data-state=\"%s\"><th scope=\"row\">", rows[g].k[1] ? "failed" : "passed");
    if (rows[g].k[1]) {
      b24_buf_puts(b, "<a href=\"#");
      html_id(b, "fail-", rows[g].group);
      b24_buf_puts(b, "\">");
      html_text(b, rows[g].group);
      b24_buf_puts(b, "</a>");
    } else {
      html_text(b, rows[g].group);
    }
    b24_buf_printf(b, "</th><td>%zu</td><td>%zu</td><td>%zu</td></tr>\n", rows[g].k[0], rows[g].k[1],
                   rows[g].k[2]);
  }
  b24_buf_puts(b, "</tbody></table></div>\n<h3>Failures</h3>\n");
  if (!per_check_n) b24_buf_puts(b, "<p>None.</p>\n");
  const char *last_group = NULL;
  json_array_foreach(rs, i, x) {
    const json_t *fails = json_object_get(x, "failures");
    if (!json_array_size(fails)) continue;
    const char *g = json_string_value(json_object_get(x, "group"));
    b24_buf_puts(b, "<div class=\"failure\"");
    if (g && (!last_group || strcmp(last_group, g))) {
      b24_buf_puts(b, " id=\"");
      html_id(b, "fail-", g);
      b24_buf_puts(b, "\"");
      last_group = g;
    }
    b24_buf_puts(b, "><h4>");
    html_text(b, json_string_value(json_object_get(x, "id")));
    b24_buf_puts(b, "</h4>\n<p>");
    html_text(b, json_string_value(json_object_get(x, "title")));
    b24_buf_puts(b, "</p>\n<ul>\n");
    size_t j;
    const json_t *fl;
    json_array_foreach(fails, j, fl) {
      b24_buf_puts(b, "<li><code>");
      html_text(b, json_string_value(json_object_get(fl, "check")));
      b24_buf_puts(b, "</code>: ");
      html_text(b, json_string_value(json_object_get(fl, "message")));
      b24_buf_puts(b, "</li>\n");
    }
    b24_buf_puts(b, "</ul>\n");
    const char *repro = json_string_value(json_object_get(x, "reproduce"));
    if (repro) {
      b24_buf_puts(b, "<pre class=\"repro\"><code>");
      html_text(b, repro);
      b24_buf_puts(b, "</code></pre>\n");
    }
    b24_buf_puts(b, "</div>\n");
  }
  free(rows);
  free(checks.v);
  b24_buf_puts(b, "</section>\n");
}

/* ---- changes -------------------------------------------------------------- */

/* Tiers whose entries are listed one by one; the others are counted only. */
static bool tier_listed(const char *t) {
  return t && (!strcmp(t, "breaking") || !strcmp(t, "doc-fix") || !strcmp(t, "deprecated") ||
               !strcmp(t, "removed-after-deprecation"));
}

static void side_text(b24_buf *b, const json_t *side) {
  const char *file = json_string_value(json_object_get(side, "file"));
  if (!file) {
    b24_buf_puts(b, "-");
    return;
  }
  html_text(b, file);
  long line = (long)json_integer_value(json_object_get(side, "line"));
  if (line > 0) b24_buf_printf(b, ":%ld", line);
}

void rpt_section_changes(b24_buf *b, const b24_report_inputs *in, const rpt_figures *f) {
  if (!in->diff) return;
  b24_buf_puts(b, "<section id=\"changes\" aria-labelledby=\"h-changes\">\n<h2 id=\"h-changes\">Changes since ");
  html_text(b, in->diff_old ? in->diff_old : "the older version");
  b24_buf_puts(b, "</h2>\n<table><caption>Changes by module and tier</caption><thead><tr>"
                  "<th scope=\"col\">Module</th>");
  for (size_t t = 0; t < f->n_tiers; t++) {
    b24_buf_puts(b, "<th scope=\"col\">");
    html_text(b, f->tiers[t]);
    b24_buf_puts(b, "</th>");
  }
  b24_buf_puts(b, "</tr></thead><tbody>\n");
  for (size_t i = 0; i < f->n_mods; i++) {
    size_t any = 0;
    for (size_t t = 0; t < f->n_tiers; t++) any += f->mods[i].c.changes[t];
    if (!any) continue;
    b24_buf_puts(b, "<tr><th scope=\"row\">");
    html_text(b, f->mods[i].name);
    b24_buf_puts(b, "</th>");
    for (size_t t = 0; t < f->n_tiers; t++) b24_buf_printf(b, "<td>%zu</td>", f->mods[i].c.changes[t]);
    b24_buf_puts(b, "</tr>\n");
  }
  b24_buf_puts(b, "</tbody></table>\n");
  const json_t *cs = json_object_get(in->diff, "changes");
  size_t i, listed = 0;
  const json_t *x;
  str_set tiers = {0}, mods = {0};
  json_array_foreach(cs, i, x) {
    const char *t = rpt_change_tier(x);
    if (!tier_listed(t)) continue;
    listed++;
    set_add(&tiers, t);
  }
  char (*mods_of)[128] = calloc(json_array_size(cs) + 1, sizeof *mods_of);
  json_array_foreach(cs, i, x) {
    if (!tier_listed(rpt_change_tier(x))) continue;
    rpt_module_of_change(x, mods_of[i], sizeof mods_of[i]);
    set_add(&mods, mods_of[i]);
  }
  b24_buf_puts(b, "<h3>Entries that need a look</h3>\n<div class=\"filters\">\n");
  filter_select(b, "changes-table", "tier", "Tier", &tiers, false);
  filter_select(b, "changes-table", "module", "Module", &mods, true);
  b24_buf_puts(b, "</div>\n");
  shown_count(b, "changes-table", listed);
  b24_buf_puts(b, "<div class=\"scroll tall\"><table id=\"changes-table\" class=\"filterable\">\n"
                  "<caption>Changes that may break clients or change bindings</caption><thead><tr>"
                  "<th scope=\"col\">Tier</th><th scope=\"col\">Method</th><th scope=\"col\">Change</th>"
                  "<th scope=\"col\">Old</th><th scope=\"col\">New</th></tr></thead><tbody>\n");
  json_array_foreach(cs, i, x) {
    const char *t = rpt_change_tier(x);
    if (!tier_listed(t)) continue;
    b24_buf_puts(b, "<tr data-tier=\"");
    html_text(b, t);
    b24_buf_puts(b, "\" data-module=\"");
    html_text(b, mods_of[i]);
    b24_buf_puts(b, "\"><td>");
    html_text(b, t);
    b24_buf_puts(b, "</td><td>");
    html_text(b, json_string_value(json_object_get(x, "method")));
    b24_buf_puts(b, "</td><td><code>");
    html_text(b, json_string_value(json_object_get(x, "kind")));
    b24_buf_puts(b, "</code> ");
    html_text(b, json_string_value(json_object_get(x, "message")));
    b24_buf_puts(b, "</td><td class=\"loc\">");
    side_text(b, json_object_get(x, "old"));
    b24_buf_puts(b, "</td><td class=\"loc\">");
    side_text(b, json_object_get(x, "new"));
    b24_buf_puts(b, "</td></tr>\n");
  }
  free(mods_of);
  b24_buf_puts(b, "</tbody></table></div>\n</section>\n");
}
