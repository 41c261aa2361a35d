/* The report page (report.h): one HTML file with its style and script inline,
 * no request to anywhere, so it opens from file:// and works offline. The
 * script only filters and sorts what the page already shows; with scripts off
 * every figure and entry is still there. */
#include <stdio.h>

#include "report/figures.h"
#include "report/html.h"
#include "report/report.h"
#include "report/sections.h"

static const char STYLE[] =
    "body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1200px;padding:0 1rem 3rem;color:#1b1b1b}"
    "nav ul{list-style:none;padding:0;display:flex;gap:1rem;flex-wrap:wrap}"
    "a{color:#0b57a4}a:focus,button:focus,select:focus{outline:3px solid #f0a500;outline-offset:1px}"
    "ul.figures{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(210px,1fr));gap:.6rem}"
    "ul.figures li{border:1px solid #ccd;border-radius:6px;padding:.6rem .8rem;background:#f7f8fb}"
    "ul.figures a{text-decoration:none;color:inherit;display:block}"
    ".num{display:block;font-size:1.6rem;font-weight:650}.sub{display:block;color:#555;font-size:.85rem}"
    "table{border-collapse:collapse;margin:.5rem 0 1rem}caption{text-align:left;font-weight:600;padding:.3rem 0}"
    "th,td{border:1px solid #d8d8e0;padding:.25rem .5rem;text-align:left;vertical-align:top}"
    "td[data-v]{text-align:right;font-variant-numeric:tabular-nums}"
    "thead th{background:#eef0f5;position:sticky;top:0}"
    "th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer}"
    "th[aria-sort=ascending] button::after{content:' \\25B2'}th[aria-sort=descending] button::after{content:' \\25BC'}"
    ".scroll{overflow:auto;max-width:100%}.tall{max-height:36rem}"
    ".filters{display:flex;gap:1rem;flex-wrap:wrap;margin:.5rem 0}"
    "pre{white-space:pre-wrap;word-break:break-all;margin:.3rem 0;background:#f3f3f6;padding:.3rem .5rem}"
    ".loc{font-family:ui-monospace,monospace;font-size:.85rem;word-break:break-all}"
    ".sev-error{color:#a40000;font-weight:600}.sev-warning{color:#7a5200}.sev-note{color:#445}"
    ".failure{border-left:4px solid #a40000;padding-left:.6rem;margin:.8rem 0}"
    ".bar-lint,.key-lint{fill:#c77d00;background:#c77d00}.bar-fail,.key-fail{fill:#a40000;background:#a40000}"
    ".key-lint,.key-fail{display:inline-block;width:.9em;height:.9em;vertical-align:middle}"
    "svg text{font:12px system-ui,sans-serif}svg .small{fill:#444}"
    "tr[hidden]{display:none}"
    /* the long sections are laid out when scrolled to, not before the page shows */
    "#lint,#check,#changes{content-visibility:auto;contain-intrinsic-size:auto 3000px}";

/* Filtering: each <select data-table data-key> narrows its table's rows to
 * those whose data-<key> equals the choice; every choice of the same table
 * applies at once. Sorting: a header button sorts by its column's data-v,
 * numbers as numbers, and says the order in aria-sort. */
static const char SCRIPT[] =
    "(function(){'use strict';\n"
    "function applyFilters(id){var t=document.getElementById(id);if(!t)return;\n"
    " var sels=document.querySelectorAll('select[data-table=\"'+id+'\"]'),n=0;\n"
    " t.querySelectorAll('tbody tr').forEach(function(tr){var ok=true;\n"
    "  sels.forEach(function(s){if(s.value&&tr.getAttribute('data-'+s.getAttribute('data-key'))!==s.value)ok=false;});\n"
    "  tr.hidden=!ok;if(ok)n++;});\n"
    " var out=document.querySelector('output[data-count-for=\"'+id+'\"]');if(out)out.textContent=String(n);}\n"
    "document.querySelectorAll('select[data-table]').forEach(function(s){\n"
    " s.addEventListener('change',function(){applyFilters(s.getAttribute('data-table'));});});\n"
    "document.querySelectorAll('table.sortable').forEach(function(t){\n"
    " t.querySelectorAll('th button[data-col]').forEach(function(btn){btn.addEventListener('click',function(){\n"
    "  var col=+btn.getAttribute('data-col'),th=btn.parentNode,asc=th.getAttribute('aria-sort')!=='ascending';\n"
    "  t.querySelectorAll('thead th').forEach(function(h){h.setAttribute('aria-sort','none');});\n"
    "  th.setAttribute('aria-sort',asc?'ascending':'descending');\n"
    "  var body=t.tBodies[0],rows=Array.prototype.slice.call(body.rows);\n"
    "  rows.sort(function(a,b){var x=a.cells[col].getAttribute('data-v'),y=b.cells[col].getAttribute('data-v');\n"
    "   var nx=Number(x),ny=Number(y),c=(isNaN(nx)||isNaN(ny))?(x<y?-1:x>y?1:0):nx-ny;return asc?c:-c;});\n"
    "  rows.forEach(function(r){body.appendChild(r);});});});});\n"
    "})();\n";

int b24_report_html(const b24_report_inputs *in, b24_buf *out, char *err, size_t errlen) {
  rpt_figures f;
  if (rpt_figures_gather(in, &f, err, errlen) != 0) {
    rpt_figures_free(&f);
    return -1;
  }
  b24_buf_puts(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                    "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n<title>b24spec report: ");
  html_text(out, in->title);
  b24_buf_printf(out, "</title>\n<style>%s</style>\n</head>\n<body>\n<header><h1>b24spec report: ", STYLE);
  html_text(out, in->title);
  b24_buf_puts(out, "</h1>\n<nav aria-label=\"Sections\"><ul><li><a href=\"#overview\">Overview</a></li>"
                    "<li><a href=\"#modules\">By module</a></li>");
  if (f.has_lint) b24_buf_puts(out, "<li><a href=\"#lint\">Lint findings</a></li>");
  if (f.has_check) b24_buf_puts(out, "<li><a href=\"#check\">Conformance</a></li>");
  if (f.has_diff) b24_buf_puts(out, "<li><a href=\"#changes\">Changes</a></li>");
  b24_buf_puts(out, "</ul></nav></header>\n<main>\n");
  rpt_section_overview(out, in, &f);
  rpt_section_modules(out, &f);
  rpt_section_lint(out, in);
  rpt_section_check(out, in);
  rpt_section_changes(out, in, &f);
  b24_buf_printf(out, "</main>\n<script>%s</script>\n</body>\n</html>\n", SCRIPT);
  rpt_figures_free(&f);
  return 0;
}
