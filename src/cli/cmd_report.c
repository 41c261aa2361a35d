/* b24spec report DOCS [--check RESULTS] [--diff OLD] -o report.html: one
 * self-contained HTML page with the docs' lint findings, the model's coverage,
 * a check run's results and the changes since OLD. Lint and diff run here, as
 * `lint --format json` and `diff --format json` would, and the page is made from
 * that JSON, so its figures are theirs. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "diff/diff.h"
#include "lint/lint.h"
#include "report/report.h"
#include "util/fsutil.h"
#include "util/json_parse.h"

static void usage(FILE *f) {
  fputs("usage: b24spec report DOCS... [--check RESULTS.json] [--diff OLD] [-o FILE]\n"
        "  DOCS          a docs root (or pages, or a model JSON file)\n"
        "  --check FILE  the results of a conformance run (b24spec check --json FILE)\n"
        "  --diff OLD    an older version of the docs (root or model JSON) to list changes against\n"
        "  -o FILE       where the page goes (default report.html; - for stdout)\n"
        "The page is one HTML file with its style and script inline: it opens from file://.\n",
        f);
}

/* lint --format json of the model, as a JSON value. The configuration is the
 * one lint itself would find (.b24spec.yaml upward from the docs root). */
static json_t *lint_json(const b24_model *m, const b24_diags *diags) {
  b24_lint_config cfg;
  b24_lint_config_init(&cfg);
  char err[512];
  char *found = b24_lint_config_find(m->root ? m->root : ".");
  if (found && b24_lint_config_read(&cfg, found, err, sizeof err) != 0) {
    fprintf(stderr, "%s\n", err);
    free(found);
    b24_lint_config_free(&cfg);
    return NULL;
  }
  free(found);
  b24_findings fs;
  b24_lint_run(m, diags, &cfg, &fs);
  char *text = NULL;
  size_t len = 0;
  FILE *mem = open_memstream(&text, &len);
  json_t *j = NULL;
  if (mem && b24_lint_write(mem, &fs, B24_LINT_JSON) == 0 && fclose(mem) == 0)
    j = b24_json_parse(text, len);
  else if (mem) fclose(mem);
  free(text);
  b24_findings_free(&fs);
  b24_lint_config_free(&cfg);
  return j;
}

/* diff --format json OLD NEW, with the accept file diff itself would find. */
static json_t *diff_json(const b24_model *om, const b24_model *nm) {
  b24_diff_report r = {0};
  b24_diff_models(om, nm, &r.changes);
  b24_accept_list acc = {0};
  char *path = b24_accept_find(nm->root ? nm->root : ".");
  char today[16], err[512];
  time_t now = time(NULL);
  strftime(today, sizeof today, "%Y-%m-%d", gmtime(&now));
  json_t *j = NULL;
  if (path && b24_accept_read(&acc, path, today, err, sizeof err) != 0) {
    fprintf(stderr, "b24spec report: %s\n", err);
  } else {
    b24_accept_apply(&acc, &r.changes);
    b24_buf text = B24_BUF_INIT;
    b24_diff_render_json(&r, &text);
    j = b24_json_parse(b24_buf_cstr(&text), text.len);
    b24_buf_free(&text);
  }
  free(path);
  b24_accept_free(&acc);
  b24_diff_report_free(&r);
  return j;
}

/* What the page calls a docs version: the folder's (or file's) own name, not
 * the path to it, so that the page says nothing of the machine it was made on. */
static char *version_name(const char *input) {
  char *abs = realpath(input, NULL);
  const char *base = b24_path_basename(abs ? abs : input);
  char *name = strdup(*base ? base : input);
  free(abs);
  return name;
}

int cmd_report(int argc, char **argv) {
  const char *check = NULL, *old = NULL, *out = "report.html";
  char **inputs = calloc((size_t)argc + 1, sizeof *inputs);
  size_t n = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
      usage(stdout);
      free(inputs);
      return 0;
    } else if ((!strcmp(a, "--check") || !strcmp(a, "--diff") || !strcmp(a, "-o")) && i + 1 < argc) {
      const char *v = argv[++i];
      if (!strcmp(a, "--check")) check = v;
      else if (!strcmp(a, "--diff")) old = v;
      else out = v;
    } else if (a[0] == '-' && a[1]) {
      fprintf(stderr, "b24spec report: unknown option or missing value: %s\n", a);
      usage(stderr);
      free(inputs);
      return 2;
    } else inputs[n++] = argv[i];
  }
  if (!n) {
    usage(stderr);
    free(inputs);
    return 2;
  }
  int rc = 1;
  b24_diags diags, old_diags;
  b24_diags_init(&diags);
  b24_diags_init(&old_diags);
  json_t *lint = NULL, *results = NULL, *changes = NULL;
  b24_model *om = NULL, *m = cli_load_model(inputs, n, &diags);
  if (!m) goto done;
  if (check) {
    size_t len;
    char *text = b24_read_file(check, &len);
    json_error_t je;
    results = text ? b24_json_load(text, len, &je) : NULL;
    if (!results) {
      if (text) fprintf(stderr, "%s:%d:%d: error: %s\n", check, je.line, je.column, je.text);
      else fprintf(stderr, "b24spec report: cannot read %s\n", check);
      free(text);
      goto done;
    }
    free(text);
  }
  if (old) {
    om = cli_load_model((char **)&old, 1, &old_diags);
    if (!om) {
      fprintf(stderr, "b24spec report: cannot read %s\n", old);
      goto done;
    }
    changes = diff_json(om, m);
    if (!changes) goto done;
  }
  lint = lint_json(m, &diags);
  if (!lint) goto done;
  char *title = version_name(inputs[0]), *old_name = old ? version_name(old) : NULL;
  b24_report_inputs in = {.model = m, .title = title, .lint = lint, .check = results,
                          .diff = changes, .diff_old = old_name};
  b24_buf page = B24_BUF_INIT;
  char err[512];
  if (b24_report_html(&in, &page, err, sizeof err) != 0) {
    fprintf(stderr, "b24spec report: %s\n", err);
  } else if (cli_write(!strcmp(out, "-") ? NULL : out, page.data, page.len) != 0) {
    fprintf(stderr, "b24spec report: cannot write %s\n", out);
  } else {
    rc = 0;
  }
  b24_buf_free(&page);
  free(title);
  free(old_name);
done:
  json_decref(lint);
  json_decref(results);
  json_decref(changes);
  b24_model_free(om);
  b24_model_free(m);
  b24_diags_free(&diags);
  b24_diags_free(&old_diags);
  free(inputs);
  return rc;
}
