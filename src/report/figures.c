/* The report's figures (see figures.h). The model is counted directly; lint,
 * check and diff are read in their documented JSON forms, so that the page
 * shows exactly what those commands print. */
#include "report/figures.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff/diff.h"
#include "schema/schema.h"
#include "util/jsonschema.h"

void rpt_module_of_method(const char *method, char *out, size_t outlen) {
  size_t n = 0;
  for (const char *p = method ? method : ""; *p && *p != '.' && n + 1 < outlen; p++)
    out[n++] = (char)tolower((unsigned char)*p);
  out[n] = 0;
  if (!n) snprintf(out, outlen, "(none)");
}

void rpt_module_of_page(const b24_model *m, const char *path, char *out, size_t outlen) {
  const b24_page *pg = path ? b24_model_find_page(m, path) : NULL;
  if (pg && pg->name && strchr(pg->name, '.')) {
    rpt_module_of_method(pg->name, out, outlen);
    return;
  }
  const char *p = path ? path : "";
  if (!strncmp(p, "api-reference/", 14) && strchr(p + 14, '/')) p += 14;
  size_t n = strcspn(p, "/");
  if (!p[n]) n = 0; /* a page at the top: no folder to name */
  if (n >= outlen) n = outlen - 1;
  for (size_t i = 0; i < n; i++) out[i] = (char)tolower((unsigned char)p[i]);
  out[n] = 0;
  if (!n) snprintf(out, outlen, "(top)");
}

void rpt_module_of_group(const char *group, char *out, size_t outlen) {
  const char *slash = group ? strrchr(group, '/') : NULL;
  rpt_module_of_method(slash ? slash + 1 : group, out, outlen);
}

void rpt_module_of_change(const json_t *change, char *out, size_t outlen) {
  const char *m = json_string_value(json_object_get(change, "module"));
  if (m && *m) snprintf(out, outlen, "%s", m);
  else rpt_module_of_method(json_string_value(json_object_get(change, "method")), out, outlen);
}

const char *rpt_change_tier(const json_t *change) {
  const char *t = json_string_value(json_object_get(change, "tier"));
  return t ? t : json_string_value(json_object_get(change, "class"));
}

/* Modules are few (tens), so a sorted array searched in halves is enough. */
static rpt_counts *module_counts(rpt_figures *f, const char *name) {
  size_t lo = 0, hi = f->n_mods;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = strcmp(f->mods[mid].name, name);
    if (!c) return &f->mods[mid].c;
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  if (f->n_mods == f->cap_mods) {
    f->cap_mods = f->cap_mods ? 2 * f->cap_mods : 32;
    f->mods = realloc(f->mods, f->cap_mods * sizeof *f->mods);
  }
  memmove(f->mods + lo + 1, f->mods + lo, (f->n_mods - lo) * sizeof *f->mods);
  memset(&f->mods[lo], 0, sizeof f->mods[lo]);
  f->mods[lo].name = strdup(name);
  f->n_mods++;
  return &f->mods[lo].c;
}

static void count_params(const b24_params *ps, rpt_counts *c) {
  for (size_t i = 0; i < ps->n; i++) {
    const b24_param *p = &ps->items[i];
    c->params++;
    c->params_typed += p->type.n_alts > 0;
    count_params(&p->children, c);
    for (size_t v = 0; v < p->n_variants; v++) count_params(&p->variants[v].children, c);
  }
}

/* Adds what one method contributes to c (a module's counts or the total). */
/* Counted as `b24spec stats` counts them: a name documented twice (a REST 3.0
 * page and its classic twin) is one method; a request example is a cURL one
 * with a body as written. */
static void count_method(const b24_model *m, const b24_method *meth, bool new_name, rpt_counts *c,
                         bool *validated, bool *valid) {
  c->methods += new_name;
  c->deprecated += meth->deprecated != NULL;
  count_params(&meth->params, c);
  for (size_t i = 0; i < meth->n_examples; i++) {
    const b24_example *ex = &meth->examples[i];
    if (!ex->body_text || ex->body_from != B24_BODY_CURL) continue; /* stats' curl_bodies */
    c->bodies++;
    c->bodies_json += ex->body != NULL;
  }
  const b24_response *r = &meth->response;
  if (!r->example && !r->example_text) return;
  c->responses++;
  if (!r->example) return;
  c->responses_json++;
  if (!*validated) {
    json_t *schema = b24_schema_for_result(m, meth);
    *valid = b24_jsonschema_validate(schema, r->example, NULL) == 0;
    json_decref(schema);
    *validated = true;
  }
  c->responses_valid += *valid;
}

static void add_model(const b24_model *m, rpt_figures *f) {
  char mod[128];
  for (size_t i = 0; i < m->n_methods; i++) {
    const b24_method *meth = &m->methods[i];
    bool validated = false, valid = false;
    bool new_name = i == 0 || strcmp(meth->name, m->methods[i - 1].name);
    rpt_module_of_method(meth->name, mod, sizeof mod);
    count_method(m, meth, new_name, module_counts(f, mod), &validated, &valid);
    count_method(m, meth, new_name, &f->total, &validated, &valid);
  }
  for (size_t i = 0; i < m->n_entities; i++) {
    rpt_module_of_method(m->entities[i].name, mod, sizeof mod);
    module_counts(f, mod)->entities++;
    f->total.entities++;
  }
  f->has_entities = true;
  for (size_t i = 0; i < m->n_pages; i++) {
    if (m->pages[i].kind != B24_PAGE_EVENT) continue;
    rpt_module_of_page(m, m->pages[i].path, mod, sizeof mod);
    module_counts(f, mod)->events++;
    f->total.events++;
  }
}

static int bad_input(char *err, size_t errlen, const char *what, const char *why) {
  snprintf(err, errlen, "%s: %s", what, why);
  return -1;
}

static int add_lint(const b24_model *m, const json_t *lint, rpt_figures *f, char *err,
                    size_t errlen) {
  const json_t *fs = json_object_get(lint, "findings");
  if (!json_is_array(fs)) return bad_input(err, errlen, "lint results", "no \"findings\" array");
  size_t i;
  const json_t *x;
  char mod[128];
  json_array_foreach(fs, i, x) {
    b24_severity sev;
    const char *s = json_string_value(json_object_get(x, "severity"));
    if (!s || b24_severity_parse(s, &sev) != 0)
      return bad_input(err, errlen, "lint results", "a finding without a known severity");
    rpt_module_of_page(m, json_string_value(json_object_get(x, "path")), mod, sizeof mod);
    module_counts(f, mod)->lint[sev]++;
    f->total.lint[sev]++;
  }
  f->has_lint = true;
  return 0;
}

static int outcome_index(const char *o) {
  return !o ? -1 : !strcmp(o, "pass") ? 0 : !strcmp(o, "fail") ? 1 : !strcmp(o, "skip") ? 2 : -1;
}

static int add_check(const json_t *check, rpt_figures *f, char *err, size_t errlen) {
  const json_t *rs = json_object_get(check, "results");
  if (!json_is_array(rs) || !json_is_integer(json_object_get(check, "version")))
    return bad_input(err, errlen, "check results",
                     "not the JSON of b24spec check --json (version, results)");
  size_t i;
  const json_t *x;
  char mod[128];
  json_array_foreach(rs, i, x) {
    int k = outcome_index(json_string_value(json_object_get(x, "outcome")));
    if (k < 0) return bad_input(err, errlen, "check results", "a result without a known outcome");
    rpt_module_of_group(json_string_value(json_object_get(x, "group")), mod, sizeof mod);
    module_counts(f, mod)->check[k]++;
    f->total.check[k]++;
  }
  f->has_check = true;
  return 0;
}

/* Tiers in the diff's own order, most serious first; accepted changes apart,
 * as the diff's summary counts them. */
static int add_diff(const json_t *diff, rpt_figures *f, char *err, size_t errlen) {
  const json_t *cs = json_object_get(diff, "changes");
  if (!json_is_array(cs)) return bad_input(err, errlen, "diff", "no \"changes\" array");
  for (int t = 0; t < B24_TIER_COUNT && t < RPT_MAX_TIERS; t++) f->tiers[f->n_tiers++] = b24_tier_name(t);
  size_t i;
  const json_t *x;
  char mod[128];
  json_array_foreach(cs, i, x) {
    const char *tier = rpt_change_tier(x);
    int t = tier ? b24_tier_parse(tier) : -1;
    if (t < 0 || t >= (int)f->n_tiers) return bad_input(err, errlen, "diff", "a change without a known tier");
    rpt_module_of_change(x, mod, sizeof mod);
    rpt_counts *c = module_counts(f, mod);
    if (json_object_get(x, "accepted")) {
      c->accepted++;
      f->total.accepted++;
    } else {
      c->changes[t]++;
      f->total.changes[t]++;
    }
  }
  f->has_diff = true;
  return 0;
}

int rpt_figures_gather(const b24_report_inputs *in, rpt_figures *f, char *err, size_t errlen) {
  memset(f, 0, sizeof *f);
  add_model(in->model, f);
  if (in->lint && add_lint(in->model, in->lint, f, err, errlen)) return -1;
  if (in->check && add_check(in->check, f, err, errlen)) return -1;
  if (in->diff && add_diff(in->diff, f, err, errlen)) return -1;
  return 0;
}

void rpt_figures_free(rpt_figures *f) {
  for (size_t i = 0; i < f->n_mods; i++) free(f->mods[i].name);
  free(f->mods);
  memset(f, 0, sizeof *f);
}
