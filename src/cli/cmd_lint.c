/* b24spec lint DOCS...: documentation defects, compiler-style, JSON or SARIF. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "lint/lint.h"
#include "util/fsutil.h"

static void usage(FILE *f) {
  fputs("usage: b24spec lint DOCS... [--format text|json|sarif|github] [--fail-on error|warning|note|never]\n"
        "                    [--config FILE] [--rule ID=off|note|warning|error ...] [-o FILE]\n"
        "                    [--baseline FILE | --write-baseline FILE] [--fix [--dry-run]]\n"
        "       b24spec lint --list-rules\n"
        "  DOCS        a docs root (with toc.yaml) or single pages, or a model JSON file\n"
        "              (a model file has no parse findings: only the model rules run)\n"
        "  --format    text (default: file:line:col: severity: message [rule]), json, sarif (2.1.0),\n"
        "              github (workflow commands: annotations in GitHub Actions)\n"
        "  --fail-on   exit 1 when a finding is this severe or worse (default: error)\n"
        "  --config    the configuration; default: .b24spec.yaml in the docs root or above it\n"
        "  --rule      switch a rule off or change its severity (after the configuration)\n"
        "  -o          write the report to FILE (atomically) instead of stdout\n"
        "  --write-baseline  write every finding to FILE as the accepted baseline\n"
        "  --baseline  report and count for --fail-on only findings FILE does not hold; its\n"
        "              entries no longer found are listed on stderr as fixed\n"
        "  --fix       correct in place the defects that have one safe correction (a list mark\n"
        "              before a row, a row not closed, a dead anchor naming one heading in other\n"
        "              letters); the report lists what is left\n"
        "  --dry-run   with --fix: write the corrections as a unified diff to stdout instead\n"
        "Inline: <!-- b24spec-disable-line RULE --> or <!-- b24spec-disable-next-line RULE -->\n"
        "(RULE may be a comma-separated list, or omitted for every rule).\n"
        "Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage, configuration or input\n"
        "that cannot be read at all.\n",
        f);
}

static void list_rules(void) {
  size_t n;
  const b24_lint_rule *r = b24_lint_rules(&n);
  printf("%-26s %-8s %-10s %s\n", "RULE", "SEVERITY", "GROUP", "DESCRIPTION");
  for (size_t i = 0; i < n; i++)
    printf("%-26s %-8s %-10s %s\n", r[i].id, b24_severity_name(r[i].severity), r[i].group,
           r[i].description);
}

static int is_model_file(const char *p) {
  size_t n = strlen(p);
  return n > 5 && !strcmp(p + n - 5, ".json") && b24_is_file(p);
}

typedef struct lint_opts {
  const char *format, *fail_on, *config, *out, *baseline, *write_baseline;
  char **rules;
  size_t n_rules;
  char **inputs;
  size_t n_inputs;
  int list, fix, dry_run;
} lint_opts;

/* 0 ok, 1 help printed, 2 usage error. */
static int parse_args(int argc, char **argv, lint_opts *o) {
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    const char **slot = !strcmp(a, "--format") ? &o->format
                        : !strcmp(a, "--fail-on") ? &o->fail_on
                        : !strcmp(a, "--config") ? &o->config
                        : !strcmp(a, "-o") ? &o->out
                        : !strcmp(a, "--baseline") ? &o->baseline
                        : !strcmp(a, "--write-baseline") ? &o->write_baseline
                                           : NULL;
    if (slot || !strcmp(a, "--rule")) {
      if (i + 1 >= argc) {
        fprintf(stderr, "b24spec lint: %s needs a value\n", a);
        return 2;
      }
      if (slot) *slot = argv[++i];
      else o->rules[o->n_rules++] = argv[++i];
    } else if (!strcmp(a, "--list-rules")) {
      o->list = 1;
    } else if (!strcmp(a, "--fix")) {
      o->fix = 1;
    } else if (!strcmp(a, "--dry-run")) {
      o->dry_run = 1;
    } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
      usage(stdout);
      return 1;
    } else if (a[0] == '-' && a[1]) {
      fprintf(stderr, "b24spec lint: unknown option %s\n", a);
      return 2;
    } else {
      o->inputs[o->n_inputs++] = argv[i];
    }
  }
  return 0;
}

static int parse_format(const char *s, b24_lint_format *f) {
  if (!s || !strcmp(s, "text")) *f = B24_LINT_TEXT;
  else if (!strcmp(s, "json")) *f = B24_LINT_JSON;
  else if (!strcmp(s, "sarif")) *f = B24_LINT_SARIF;
  else if (!strcmp(s, "github")) *f = B24_LINT_GITHUB;
  else return -1;
  return 0;
}

/* The threshold as a severity; 3 for never. */
static int parse_fail_on(const char *s, int *level) {
  b24_severity sv;
  if (!s) *level = B24_ERROR;
  else if (!strcmp(s, "never")) *level = 3;
  else if (b24_severity_parse(s, &sv) == 0) *level = (int)sv;
  else return -1;
  return 0;
}

static int configure(const lint_opts *o, const b24_model *m, b24_lint_config *cfg) {
  char err[512];
  char *found = o->config ? strdup(o->config) : b24_lint_config_find(m && m->root ? m->root : ".");
  if (found && b24_lint_config_read(cfg, found, err, sizeof err) != 0) {
    fprintf(stderr, "%s\n", err);
    free(found);
    return -1;
  }
  free(found);
  for (size_t i = 0; i < o->n_rules; i++) {
    char *eq = strchr(o->rules[i], '=');
    if (!eq) {
      fprintf(stderr, "b24spec lint: --rule %s: expected ID=off|note|warning|error\n", o->rules[i]);
      return -1;
    }
    char *id = strndup(o->rules[i], (size_t)(eq - o->rules[i]));
    int rc = b24_lint_config_set(cfg, id, eq + 1, err, sizeof err);
    free(id);
    if (rc != 0) {
      fprintf(stderr, "b24spec lint: --rule: %s\n", err);
      return -1;
    }
  }
  return 0;
}

static int write_report(const b24_findings *fs, b24_lint_format fmt, const char *out) {
  if (!out || !strcmp(out, "-")) return b24_lint_write(stdout, fs, fmt) || fflush(stdout) ? -1 : 0;
  b24_atomic_file *f = b24_atomic_open(out);
  if (!f) return -1;
  if (b24_lint_write(b24_atomic_stream(f), fs, fmt) != 0) {
    b24_atomic_abort(f);
    return -1;
  }
  return b24_atomic_commit(f);
}

/* Findings the baseline holds are dropped; the entries no longer found are
 * told on stderr, as notes, so that the baseline gets rewritten. 0, or -1 when
 * the baseline cannot be read. */
static int apply_baseline(const char *path, b24_findings *fs) {
  b24_baseline b;
  char err[1024];
  if (b24_baseline_read(path, &b, err, sizeof err) != 0) {
    fprintf(stderr, "%s\n", err);
    return -1;
  }
  size_t matched = b24_baseline_apply(&b, fs);
  b24_findings_drop_baselined(fs);
  for (size_t i = 0; i < b.n; i++)
    if (!b.items[i].matched) {
      char *file = b24_path_under(fs->root, b.items[i].path);
      fprintf(stderr, "%s:%d:1: note: fixed since the baseline: %s [%s]\n", file,
              b.items[i].line > 0 ? b.items[i].line : 1, b.items[i].message ? b.items[i].message : "",
              b.items[i].rule);
      free(file);
    }
  fprintf(stderr, "b24spec lint: baseline %s: %zu of its %zu findings still there, %zu fixed, %zu new\n",
          path, matched, b.n, b.n - matched, fs->n);
  b24_baseline_free(&b);
  return 0;
}

/* Applies the safe corrections; the findings corrected leave the report. With
 * --dry-run the diff is the output. 0, or -1 when a page cannot be written. */
static int fix(const lint_opts *o, b24_findings *fs) {
  int made = b24_lint_fix(fs, o->dry_run, stdout);
  if (made < 0) {
    fprintf(stderr, "b24spec lint: --fix: cannot rewrite a page: %s\n", strerror(errno));
    return -1;
  }
  fprintf(stderr, "b24spec lint: %d correction%s %s\n", made, made == 1 ? "" : "s",
          o->dry_run ? "proposed" : "made");
  for (size_t i = 0; i < fs->n && !o->dry_run; i++) fs->items[i].baselined = fs->items[i].fix_old != NULL;
  b24_findings_drop_baselined(fs);
  return 0;
}

static int run(const lint_opts *o, b24_lint_format fmt, int fail_level) {
  b24_diags diags;
  b24_diags_init(&diags);
  b24_model *m;
  b24_lint_focus focus = {0};
  if (o->n_inputs == 1 && is_model_file(o->inputs[0]))
    m = b24_model_read_file(o->inputs[0], &diags);
  else
    m = b24_lint_load((const char *const *)o->inputs, o->n_inputs, &diags, &focus);
  int rc = 2;
  b24_lint_config cfg;
  b24_lint_config_init(&cfg);
  if (!m) {
    for (size_t i = 0; i < diags.n; i++) b24_diag_print(stderr, &diags.items[i]);
    fputs("b24spec lint: nothing could be read\n", stderr);
  } else if (configure(o, m, &cfg) == 0) {
    b24_findings fs;
    b24_lint_run_focus(m, &diags, &cfg, &focus, &fs);
    if (o->write_baseline && b24_baseline_write(&fs, o->write_baseline) != 0) {
      fprintf(stderr, "b24spec lint: cannot write %s: %s\n", o->write_baseline, strerror(errno));
    } else if (o->baseline && apply_baseline(o->baseline, &fs) != 0) {
      /* said */
    } else if (o->fix && fix(o, &fs) != 0) {
      /* said */
    } else if (o->fix && o->dry_run) {
      rc = 0; /* the diff is the output */
    } else if (write_report(&fs, fmt, o->out) != 0) {
      fprintf(stderr, "b24spec lint: cannot write %s: %s\n", o->out ? o->out : "stdout",
              strerror(errno));
    } else {
      rc = 0; /* a baseline just written accepts every finding */
      for (size_t i = 0; i < fs.n && !rc && !o->write_baseline; i++)
        if ((int)fs.items[i].severity >= fail_level) rc = 1;
    }
    b24_findings_free(&fs);
  }
  b24_lint_config_free(&cfg);
  b24_lint_focus_free(&focus);
  b24_model_free(m);
  b24_diags_free(&diags);
  return rc;
}

int cmd_lint(int argc, char **argv) {
  lint_opts o;
  memset(&o, 0, sizeof o);
  o.inputs = calloc((size_t)argc + 1, sizeof *o.inputs);
  o.rules = calloc((size_t)argc + 1, sizeof *o.rules);
  int rc = parse_args(argc, argv, &o);
  b24_lint_format fmt;
  int fail_level;
  if (rc == 0 && parse_format(o.format, &fmt) != 0) {
    fprintf(stderr, "b24spec lint: --format %s: expected text, json, sarif or github\n", o.format);
    rc = 2;
  }
  if (rc == 0 && parse_fail_on(o.fail_on, &fail_level) != 0) {
    fprintf(stderr, "b24spec lint: --fail-on %s: expected error, warning, note or never\n", o.fail_on);
    rc = 2;
  }
  if (rc == 0 && o.dry_run && !o.fix) {
    fputs("b24spec lint: --dry-run goes with --fix\n", stderr);
    rc = 2;
  }
  if (rc == 0 && o.baseline && o.write_baseline) {
    fputs("b24spec lint: --baseline and --write-baseline exclude each other\n", stderr);
    rc = 2;
  }
  if (rc == 0 && o.list) {
    list_rules();
  } else if (rc == 0 && !o.n_inputs) {
    usage(stderr);
    rc = 2;
  } else if (rc == 0) {
    rc = run(&o, fmt, fail_level);
  } else if (rc == 1) {
    rc = 0; /* --help */
  } else {
    usage(stderr);
  }
  free(o.inputs);
  free(o.rules);
  return rc;
}
