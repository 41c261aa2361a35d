/* The sections of the report page, each written into the page buffer. */
#ifndef B24_REPORT_SECTIONS_H
#define B24_REPORT_SECTIONS_H
#include "report/figures.h"
#include "util/buf.h"

/* overview.c: the figures at a glance, the per-module table and chart. */
void rpt_section_overview(b24_buf *b, const b24_report_inputs *in, const rpt_figures *f);
void rpt_section_modules(b24_buf *b, const rpt_figures *f);

/* details.c: every lint finding, the conformance results, the changes. */
void rpt_section_lint(b24_buf *b, const b24_report_inputs *in);
void rpt_section_check(b24_buf *b, const b24_report_inputs *in);
void rpt_section_changes(b24_buf *b, const b24_report_inputs *in, const rpt_figures *f);

#endif
