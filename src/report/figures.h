/* The figures of the report page, overall and per module, gathered from the
 * model and from the documented JSON of lint, check and diff (report.h). */
#ifndef B24_REPORT_FIGURES_H
#define B24_REPORT_FIGURES_H
#include <stddef.h>

#include "report/report.h"

#define RPT_MAX_TIERS 8

typedef struct rpt_counts {
  size_t methods, events, entities, params, params_typed;
  size_t deprecated;                   /* methods the docs mark deprecated */
  size_t bodies, bodies_json;          /* request bodies of the examples, and those that are JSON */
  size_t responses, responses_json;    /* response examples, and those that are JSON */
  size_t responses_valid;              /* of those, the ones the result schema accepts */
  size_t lint[3];                      /* findings by severity: note, warning, error */
  size_t check[3];                     /* results: passed, failed, skipped */
  size_t changes[RPT_MAX_TIERS];       /* by tier, in rpt_figures.tiers order, not accepted */
  size_t accepted;                     /* changes an accept file accepts */
} rpt_counts;

typedef struct rpt_module {
  char *name;                          /* "crm", "tasks", ...: lower case */
  rpt_counts c;
} rpt_module;

typedef struct rpt_figures {
  rpt_counts total;
  rpt_module *mods;                    /* sorted by name */
  size_t n_mods, cap_mods;
  const char *tiers[RPT_MAX_TIERS];    /* the diff's tier names, most serious first */
  size_t n_tiers;
  bool has_lint, has_check, has_diff, has_entities;
} rpt_figures;

/* Fills f from the inputs. -1 with a message in err when an input is not of
 * its documented form. */
int rpt_figures_gather(const b24_report_inputs *in, rpt_figures *f, char *err, size_t errlen);
void rpt_figures_free(rpt_figures *f);

/* The module a method name belongs to: its first segment, lower case, into out. */
void rpt_module_of_method(const char *method, char *out, size_t outlen);
/* The module of a page: its method's when the page documents a dotted name, else
 * the first folder under api-reference/ (or the first folder of the path). */
void rpt_module_of_page(const b24_model *m, const char *path, char *out, size_t outlen);
/* The module of a check result's group ("crm.deal.add", "crud/crm.deal"). */
void rpt_module_of_group(const char *group, char *out, size_t outlen);
/* The module of a diff change: as the diff says, else its method's. */
void rpt_module_of_change(const json_t *change, char *out, size_t outlen);

/* The tier of a diff change: "tier" in diff JSON 2, "class" in version 1. */
const char *rpt_change_tier(const json_t *change);

#endif
