/* The report's overview and its per-module table and chart (sections.h).
 *
 * Every figure is an element with data-figure="<name>" whose .num child holds
 * the number, so that a test can compare the page with the commands' own JSON. */
#include <string.h>

#include "report/html.h"
#include "report/sections.h"

static void figure(b24_buf *b, const char *name, const char *label, size_t n, const char *href,
                   const char *note) {
  b24_buf_printf(b, "<li data-figure=\"%s\"><a href=\"%s\"><span class=\"num\">%zu</span> ", name,
                 href, n);
  html_text(b, label);
  b24_buf_puts(b, "</a>");
  if (note && *note) {
    b24_buf_puts(b, " <span class=\"sub\">");
    html_text(b, note);
    b24_buf_puts(b, "</span>");
  }
  b24_buf_puts(b, "</li>\n");
}

static void share(b24_buf *note, size_t part, size_t whole, const char *of) {
  b24_buf_clear(note);
  html_percent(note, part, whole);
  b24_buf_printf(note, " of %zu %s", whole, of);
}

void rpt_section_overview(b24_buf *b, const b24_report_inputs *in, const rpt_figures *f) {
  const rpt_counts *t = &f->total;
  b24_buf note = B24_BUF_INIT;
  b24_buf_puts(b, "<section id=\"overview\" aria-labelledby=\"h-overview\">\n"
                  "<h2 id=\"h-overview\">Overview</h2>\n<h3>The API in the docs</h3>\n"
                  "<ul class=\"figures\">\n");
  figure(b, "methods", "methods", t->methods, "#modules", NULL);
  figure(b, "events", "events", t->events, "#modules", NULL);
  if (f->has_entities) figure(b, "entities", "entities", t->entities, "#modules", NULL);
  figure(b, "deprecated", "methods deprecated", t->deprecated, "#modules", NULL);
  share(&note, t->params_typed, t->params, "parameters");
  figure(b, "params", "parameters", t->params, "#modules", NULL);
  figure(b, "params_typed", "parameters typed", t->params_typed, "#modules", note.data);
  share(&note, t->bodies_json, t->bodies, "request examples");
  figure(b, "bodies_json", "request examples that are JSON", t->bodies_json, "#modules", note.data);
  share(&note, t->responses_json, t->responses, "response examples");
  figure(b, "responses_json", "response examples that are JSON", t->responses_json, "#modules",
         note.data);
  share(&note, t->responses_valid, t->responses_json, "JSON response examples");
  figure(b, "responses_valid", "response examples that validate", t->responses_valid, "#modules",
         note.data);
  b24_buf_puts(b, "</ul>\n");
  if (f->has_lint) {
    b24_buf_puts(b, "<h3>Documentation defects</h3>\n<ul class=\"figures\">\n");
    figure(b, "lint_error", "errors", t->lint[2], "#lint", NULL);
    figure(b, "lint_warning", "warnings", t->lint[1], "#lint", NULL);
    figure(b, "lint_note", "notes", t->lint[0], "#lint", NULL);
    b24_buf_puts(b, "</ul>\n");
  }
  if (f->has_check) {
    b24_buf_puts(b, "<h3>Conformance</h3>\n<ul class=\"figures\">\n");
    figure(b, "check_passed", "passed", t->check[0], "#check", NULL);
    figure(b, "check_failed", "failed", t->check[1], "#check", NULL);
    figure(b, "check_skipped", "skipped", t->check[2], "#check", NULL);
    b24_buf_puts(b, "</ul>\n");
  }
  if (f->has_diff) {
    b24_buf_puts(b, "<h3>Changes since ");
    html_text(b, in->diff_old ? in->diff_old : "the older version");
    b24_buf_puts(b, "</h3>\n<ul class=\"figures\">\n");
    for (size_t i = 0; i < f->n_tiers; i++) {
      b24_buf name = B24_BUF_INIT;
      b24_buf_printf(&name, "changes_%s", f->tiers[i]);
      figure(b, name.data, f->tiers[i], t->changes[i], "#changes", NULL);
      b24_buf_free(&name);
    }
    figure(b, "changes_accepted", "accepted (an accept file)", t->accepted, "#changes", NULL);
    b24_buf_puts(b, "</ul>\n");
  }
  b24_buf_puts(b, "</section>\n");
  b24_buf_free(&note);
}

/* A numeric cell: the number shown, and data-v for sorting. */
static void num_cell(b24_buf *b, size_t n) { b24_buf_printf(b, "<td data-v=\"%zu\">%zu</td>", n, n); }

static void pct_cell(b24_buf *b, size_t part, size_t whole) {
  /* sorted by the share in thousandths; a module with nothing to share sorts first */
  size_t key = whole ? (part * 1000 + whole / 2) / whole : 0;
  b24_buf_printf(b, "<td data-v=\"%zu\">", key);
  html_percent(b, part, whole);
  b24_buf_puts(b, "</td>");
}

static void sort_head(b24_buf *b, const char *label, int col) {
  b24_buf_printf(b, "<th scope=\"col\" aria-sort=\"none\"><button type=\"button\" data-col=\"%d\">",
                 col);
  html_text(b, label);
  b24_buf_puts(b, "</button></th>");
}

/* Horizontal bars of lint findings and conformance failures per module, for the
 * modules that have any; the numbers are in the table above as well. */
static void chart(b24_buf *b, const rpt_figures *f) {
  size_t max = 1, rows = 0;
  for (size_t i = 0; i < f->n_mods; i++) {
    const rpt_counts *c = &f->mods[i].c;
    size_t lint = c->lint[0] + c->lint[1] + c->lint[2];
    if (lint > max) max = lint;
    if (c->check[1] > max) max = c->check[1];
    rows += lint || c->check[1];
  }
  if (!rows) {
    b24_buf_puts(b, "<p>No module has lint findings or conformance failures.</p>\n");
    return;
  }
  const int label_w = 150, bar_w = 420, row_h = 22;
  b24_buf_printf(b, "<figure><svg role=\"img\" aria-labelledby=\"chart-title\" width=\"%d\" height=\"%zu\" "
                    "viewBox=\"0 0 %d %zu\" xmlns=\"http://www.w3.org/2000/svg\">\n"
                    "<title id=\"chart-title\">Lint findings and conformance failures by module</title>\n",
                 label_w + bar_w + 60, rows * row_h + 10, label_w + bar_w + 60, rows * row_h + 10);
  size_t y = 5;
  for (size_t i = 0; i < f->n_mods; i++) {
    const rpt_counts *c = &f->mods[i].c;
    size_t lint = c->lint[0] + c->lint[1] + c->lint[2];
    if (!lint && !c->check[1]) continue;
    size_t lw = lint * (size_t)bar_w / max, fw = c->check[1] * (size_t)bar_w / max;
    b24_buf name = B24_BUF_INIT;
    html_text(&name, f->mods[i].name);
    b24_buf_printf(b, "<text x=\"%d\" y=\"%zu\" text-anchor=\"end\">%s</text>\n", label_w - 6,
                   y + 14, name.data);
    b24_buf_printf(b, "<rect class=\"bar-lint\" x=\"%d\" y=\"%zu\" width=\"%zu\" height=\"8\">"
                      "<title>%s: %zu lint findings</title></rect>\n",
                   label_w, y + 3, lw ? lw : (size_t)(lint > 0), name.data, lint);
    b24_buf_printf(b, "<rect class=\"bar-fail\" x=\"%d\" y=\"%zu\" width=\"%zu\" height=\"8\">"
                      "<title>%s: %zu conformance failures</title></rect>\n",
                   label_w, y + 12, fw ? fw : (size_t)(c->check[1] > 0), name.data, c->check[1]);
    b24_buf_printf(b, "<text x=\"%zu\" y=\"%zu\" class=\"small\">%zu / %zu</text>\n",
                   label_w + (lw > fw ? lw : fw) + 6, y + 14, lint, c->check[1]);
    b24_buf_free(&name);
    y += row_h;
  }
  b24_buf_puts(b, "</svg><figcaption><span class=\"key-lint\"></span> lint findings "
                  "<span class=\"key-fail\"></span> conformance failures</figcaption></figure>\n");
}

void rpt_section_modules(b24_buf *b, const rpt_figures *f) {
  b24_buf_puts(b, "<section id=\"modules\" aria-labelledby=\"h-modules\">\n"
                  "<h2 id=\"h-modules\">By module</h2>\n"
                  "<p>A module is a method's first name segment; event pages count under the "
                  "folder they are in. Sort by a column with its button.</p>\n"
                  "<div class=\"scroll\"><table class=\"sortable\" id=\"modules-table\">\n"
                  "<caption>Figures per module</caption>\n<thead><tr>");
  int col = 0;
  sort_head(b, "Module", col++);
  sort_head(b, "Methods", col++);
  sort_head(b, "Events", col++);
  if (f->has_entities) sort_head(b, "Entities", col++);
  sort_head(b, "Deprecated", col++);
  sort_head(b, "Typed", col++);
  sort_head(b, "Requests JSON", col++);
  sort_head(b, "Responses valid", col++);
  if (f->has_lint) {
    sort_head(b, "Lint errors", col++);
    sort_head(b, "Lint warnings", col++);
    sort_head(b, "Lint notes", col++);
  }
  if (f->has_check) {
    sort_head(b, "Passed", col++);
    sort_head(b, "Failed", col++);
    sort_head(b, "Skipped", col++);
  }
  for (size_t t = 0; f->has_diff && t < f->n_tiers; t++) sort_head(b, f->tiers[t], col++);
  b24_buf_puts(b, "</tr></thead>\n<tbody>\n");
  for (size_t i = 0; i < f->n_mods; i++) {
    const rpt_counts *c = &f->mods[i].c;
    b24_buf_puts(b, "<tr data-module=\"");
    html_text(b, f->mods[i].name);
    b24_buf_puts(b, "\"><th scope=\"row\" data-v=\"");
    html_text(b, f->mods[i].name);
    b24_buf_puts(b, "\">");
    html_text(b, f->mods[i].name);
    b24_buf_puts(b, "</th>");
    num_cell(b, c->methods);
    num_cell(b, c->events);
    if (f->has_entities) num_cell(b, c->entities);
    num_cell(b, c->deprecated);
    pct_cell(b, c->params_typed, c->params);
    pct_cell(b, c->bodies_json, c->bodies);
    pct_cell(b, c->responses_valid, c->responses_json);
    if (f->has_lint)
      for (int s = 2; s >= 0; s--) num_cell(b, c->lint[s]);
    if (f->has_check)
      for (int k = 0; k < 3; k++) num_cell(b, c->check[k]);
    for (size_t t = 0; f->has_diff && t < f->n_tiers; t++) num_cell(b, c->changes[t]);
    b24_buf_puts(b, "</tr>\n");
  }
  b24_buf_puts(b, "</tbody></table></div>\n");
  if (f->has_lint || f->has_check) {
    b24_buf_puts(b, "<h3>Findings and failures by module</h3>\n");
    chart(b, f);
  }
  b24_buf_puts(b, "</section>\n");
}
