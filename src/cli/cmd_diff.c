/* b24spec diff OLD NEW: what changed in the API between two versions of the docs,
 * in tiers a CI job can gate on, with accepted changes taken out. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "diff/diff.h"
#include "util/fsutil.h"

static void usage(FILE *f) {
  fputs("usage: b24spec diff OLD NEW [options]\n"
        "  OLD, NEW            a docs root, a single page, or a model JSON file (b24spec model -o)\n"
        "  --format F          text (default), json, markdown, github (workflow commands)\n"
        "  -o FILE             write there instead of stdout\n"
        "  --fail-on TIER      exit 1 when a change not accepted is of TIER or more severe:\n"
        "                      breaking, removed-after-deprecation, doc-fix, deprecated,\n"
        "                      compatible, note; never (default)\n"
        "  --methods GLOB,...  only methods matching one of the globs (case ignored)\n"
        "  --kinds KIND,...    only these kinds (param-added, method-removed, ...)\n"
        "  --tiers TIER,...    only these tiers\n"
        "  --accept FILE       accepted changes (default: the nearest .b24spec-accept.yaml, or\n"
        "                      .b24spec.yaml with a diff: section, upward from NEW's root)\n"
        "  --no-accept         read no accept file\n"
        "  --write-accepted F  write today's changes to F as an accept file to start from\n"
        "  --today YYYY-MM-DD  the day acceptances expire against (default: today, UTC)\n"
        "  --max-bytes N       markdown: at most N bytes (default 60000; 0: no limit)\n"
        "  --strict            exit 2 when a page could not be read on either side\n"
        "Tiers, kinds, ids and the formats: docs/diff.md.\n",
        f);
}

/* A comma-separated list of words into a set over [0, n). */
static int parse_set(const char *list, int (*parse)(const char *), bool *set, int n) {
  memset(set, 0, (size_t)n * sizeof *set);
  char buf[128];
  for (const char *s = list; *s;) {
    size_t len = strcspn(s, ",");
    if (!len || len >= sizeof buf) return -1;
    memcpy(buf, s, len);
    buf[len] = 0;
    int v = parse(buf);
    if (v < 0) {
      fprintf(stderr, "b24spec diff: unknown word '%s'\n", buf);
      return -1;
    }
    set[v] = true;
    s += len;
    if (*s) s++;
  }
  return 0;
}

/* Error diagnostics of one side, paths relative to its docs root. */
static void collect_errors(b24_diff_report *r, const b24_diags *d, const b24_model *m,
                           const char *side) {
  size_t rl = m && m->root ? strlen(m->root) : 0;
  for (size_t i = 0; i < d->n; i++) {
    const b24_diag *x = &d->items[i];
    if (x->severity != B24_ERROR || x->lint_only) continue;
    const char *f = x->file ? x->file : "-";
    if (rl && !strncmp(f, m->root, rl) && f[rl] == '/') f += rl + 1;
    r->errors = realloc(r->errors, (r->n_errors + 1) * sizeof *r->errors);
    r->errors[r->n_errors++] = (b24_input_error){side, strdup(f), x->line, strdup(x->message)};
  }
}

typedef struct diff_opts {
  const char *format, *out, *methods, *accept, *write_accepted, *today;
  int fail_on; /* a tier, or -1 for never */
  bool no_accept, strict, kinds_set, tiers_set;
  bool kinds[B24_CH_KIND_COUNT], tiers[B24_TIER_COUNT];
  long max_bytes;
} diff_opts;

static int parse_args(int argc, char **argv, diff_opts *o, char *inputs[2]) {
  int n = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
    int takes = 1;
    if (!strcmp(a, "--format") && v) o->format = v;
    else if (!strcmp(a, "-o") && v) o->out = v;
    else if (!strcmp(a, "--fail-on") && v) {
      o->fail_on = !strcmp(v, "never") || !strcmp(v, "none") ? -1 : b24_tier_parse(v);
      if (o->fail_on < 0 && strcmp(v, "never") && strcmp(v, "none")) return -1;
    } else if (!strcmp(a, "--methods") && v) o->methods = v;
    else if (!strcmp(a, "--kinds") && v) {
      if (parse_set(v, b24_change_kind_parse, o->kinds, B24_CH_KIND_COUNT)) return -1;
      o->kinds_set = true;
    } else if (!strcmp(a, "--tiers") && v) {
      if (parse_set(v, b24_tier_parse, o->tiers, B24_TIER_COUNT)) return -1;
      o->tiers_set = true;
    } else if (!strcmp(a, "--accept") && v) o->accept = v;
    else if (!strcmp(a, "--write-accepted") && v) o->write_accepted = v;
    else if (!strcmp(a, "--today") && v) o->today = v;
    else if (!strcmp(a, "--max-bytes") && v) {
      char *end;
      o->max_bytes = strtol(v, &end, 10);
      if (*end || o->max_bytes < 0) return -1;
    } else {
      takes = 0;
      if (!strcmp(a, "--no-accept")) o->no_accept = true;
      else if (!strcmp(a, "--strict")) o->strict = true;
      else if (a[0] == '-' || n == 2) {
        fprintf(stderr, "b24spec diff: unexpected argument %s\n", a);
        return -1;
      } else inputs[n++] = argv[i];
    }
    i += takes;
  }
  return n == 2 ? 0 : -1;
}

/* Reads the accept file and marks the changes; warns of expired and unused entries.
 * -1 when the file is broken. */
static int apply_acceptances(const diff_opts *o, const b24_model *nm, const char *new_input,
                             b24_changes *ch, b24_accept_list *acc) {
  if (o->no_accept) return 0;
  char *path = o->accept ? strdup(o->accept)
                         : b24_accept_find(nm->root ? nm->root : new_input);
  if (!path) return 0;
  char err[512];
  int rc = b24_accept_read(acc, path, o->today, err, sizeof err);
  free(path);
  if (rc) {
    fprintf(stderr, "b24spec diff: %s\n", err);
    return -1;
  }
  b24_accept_apply(acc, ch);
  for (size_t i = 0; i < acc->n; i++) {
    const b24_acceptance *x = &acc->v[i];
    if (x->expired && x->used)
      fprintf(stderr, "%s: warning: the acceptance of '%s' expired on %s; its %zu change%s count again\n",
              x->source, x->pattern, x->expires, x->used, x->used == 1 ? "" : "s");
    else if (!x->used)
      fprintf(stderr, "%s: note: '%s' matches no change\n", x->source, x->pattern);
  }
  return 0;
}

int cmd_diff(int argc, char **argv) {
  diff_opts o = {.format = "text", .fail_on = -1, .max_bytes = 60000};
  char *inputs[2];
  if (argc > 1 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))) {
    usage(stdout);
    return 0;
  }
  void (*render)(const b24_diff_report *, b24_buf *) = NULL;
  if (parse_args(argc, argv, &o, inputs) == 0)
    render = !strcmp(o.format, "text")       ? b24_diff_render_text
             : !strcmp(o.format, "json")     ? b24_diff_render_json
             : !strcmp(o.format, "markdown") ? b24_diff_render_markdown
             : !strcmp(o.format, "github")   ? b24_diff_render_github
                                             : NULL;
  char today[16];
  time_t now = time(NULL);
  strftime(today, sizeof today, "%Y-%m-%d", gmtime(&now));
  if (!o.today) o.today = today;
  if (!render || strlen(o.today) != 10) {
    usage(stderr);
    return 2;
  }
  b24_diags od, nd;
  b24_diags_init(&od);
  b24_diags_init(&nd);
  b24_model *om = cli_load_model(&inputs[0], 1, &od);
  b24_model *nm = om ? cli_load_model(&inputs[1], 1, &nd) : NULL;
  int rc = 2;
  b24_accept_list acc = {0};
  b24_diff_report r = {.max_bytes = (size_t)o.max_bytes};
  if (!om || !nm) {
    fputs("b24spec diff: cannot read the inputs\n", stderr);
    goto done;
  }
  collect_errors(&r, &od, om, "old");
  collect_errors(&r, &nd, nm, "new");
  b24_diff_models(om, nm, &r.changes);
  b24_changes_select(&r.changes, o.methods, o.kinds_set ? o.kinds : NULL,
                     o.tiers_set ? o.tiers : NULL);
  if (apply_acceptances(&o, nm, inputs[1], &r.changes, &acc)) goto done;
  if (o.write_accepted) {
    b24_buf a = B24_BUF_INIT;
    b24_accept_write(&r.changes, o.today, &a);
    int w = cli_write(o.write_accepted, b24_buf_cstr(&a), a.len);
    b24_buf_free(&a);
    if (w) goto done;
  }
  b24_buf text = B24_BUF_INIT;
  render(&r, &text);
  size_t counts[B24_TIER_COUNT], accepted, failing = 0;
  b24_changes_count(&r.changes, counts, &accepted);
  for (int t = 0; t <= o.fail_on; t++) failing += counts[t];
  rc = cli_write(o.out, b24_buf_cstr(&text), text.len) ? 2
       : o.strict && r.n_errors                         ? 2
       : failing                                        ? 1
                                                        : 0;
  if (o.strict && r.n_errors)
    fprintf(stderr, "b24spec diff: %zu page%s could not be read (--strict)\n", r.n_errors,
            r.n_errors == 1 ? "" : "s");
  b24_buf_free(&text);
done:
  b24_accept_free(&acc);
  b24_diff_report_free(&r);
  b24_model_free(om);
  b24_model_free(nm);
  b24_diags_free(&od);
  b24_diags_free(&nd);
  return rc;
}
