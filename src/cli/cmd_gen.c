/* b24spec gen DOCS... -o DIR [--only LIST]: every generated artefact from the docs. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "gen/gen.h"
#include "util/parallel.h"

typedef struct gen_options {
  unsigned seed; /* of the suite's synthesized values */
} gen_options;

typedef struct generator {
  const char *name;
  int (*run)(const b24_model *m, const gen_options *go, b24_outputs *o);
} generator;

static int run_schemas(const b24_model *m, const gen_options *go, b24_outputs *o) {
  (void)go;
  return b24_gen_schemas(m, o);
}
static int run_openapi(const b24_model *m, const gen_options *go, b24_outputs *o) {
  (void)go;
  return b24_gen_openapi(m, o);
}
static int run_c(const b24_model *m, const gen_options *go, b24_outputs *o) {
  (void)go;
  return b24_gen_c(m, o);
}
static int run_suite(const b24_model *m, const gen_options *go, b24_outputs *o) {
  return b24_gen_suite_seeded(m, go->seed, o);
}

static const generator GENERATORS[] = {
    {"schemas", run_schemas},
    {"openapi", run_openapi},
    {"c", run_c},
    {"suite", run_suite},
};
#define N_GENERATORS (sizeof GENERATORS / sizeof *GENERATORS)

static void usage(FILE *f) {
  fputs("usage: b24spec gen DOCS... -o DIR [--only LIST] [--seed N]\n"
        "  DOCS    a docs root (with toc.yaml) or single pages, or a model JSON file\n"
        "  -o DIR  where to write (files that did not change are left alone)\n"
        "  --only  comma-separated generators to run: schemas,openapi,c,suite (default: all)\n"
        "  --seed  the suite's synthesized values come from N (0..4294967295, default 1);\n"
        "          written into suite/index.json, so a suite can be made again\n"
        "Exit status: 0 ok, 1 errors in the input or a generator failed, 2 usage.\n",
        f);
}

/* Marks the generators named in a comma-separated list; 0 on success. */
static int parse_only(const char *list, int *on) {
  for (size_t g = 0; g < N_GENERATORS; g++) on[g] = 0;
  const char *p = list;
  while (*p) {
    size_t n = strcspn(p, ",");
    size_t g = 0;
    while (g < N_GENERATORS && !(strlen(GENERATORS[g].name) == n && !strncmp(GENERATORS[g].name, p, n))) g++;
    if (g == N_GENERATORS) {
      fprintf(stderr, "b24spec gen: unknown generator \"%.*s\" in --only\n", (int)n, p);
      return -1;
    }
    on[g] = 1;
    p += n + (p[n] == ',');
  }
  return 0;
}

typedef struct gen_run {
  const b24_model *m;
  const gen_options *go;
  const int *on;
  b24_outputs sets[N_GENERATORS];
  int failed[N_GENERATORS];
} gen_run;

/* The generators read the model and write only their own set, so they run side by
 * side; heaviest first (openapi, suite), so the CPUs finish together. */
static const size_t RUN_ORDER[N_GENERATORS] = {1, 3, 0, 2};

static void run_one(void *ctx, size_t k) {
  gen_run *r = ctx;
  size_t g = RUN_ORDER[k];
  if (r->on[g]) r->failed[g] = GENERATORS[g].run(r->m, r->go, &r->sets[g]) != 0;
}

static int run_generators(const b24_model *m, const gen_options *go, const int *on,
                          const char *out) {
  gen_run r = {.m = m, .go = go, .on = on};
  for (size_t g = 0; g < N_GENERATORS; g++) b24_outputs_init(&r.sets[g]);
  b24_parallel_for(N_GENERATORS, 0, run_one, &r);
  /* One set in the generators' fixed order, whatever order they finished in. */
  b24_outputs o;
  b24_outputs_init(&o);
  int rc = 0;
  for (size_t g = 0; g < N_GENERATORS; g++) {
    if (r.failed[g]) {
      fprintf(stderr, "b24spec gen: the %s generator failed\n", GENERATORS[g].name);
      rc = 1;
    }
    b24_outputs_move(&o, &r.sets[g]);
  }
  b24_write_report rep = {0, 0, 0};
  if (!rc && b24_outputs_write(&o, out, &rep) != 0) {
    fprintf(stderr, "b24spec gen: cannot write under %s: %s\n", out, strerror(errno));
    rc = 1;
  }
  if (!rc)
    fprintf(stderr, "b24spec gen: %zu files: %zu written, %zu unchanged, %zu removed\n", o.n,
            rep.written, rep.unchanged, rep.removed);
  b24_outputs_free(&o);
  return rc;
}

int cmd_gen(int argc, char **argv) {
  const char *out = NULL;
  gen_options go = {.seed = B24_SUITE_DEFAULT_SEED};
  int on[N_GENERATORS];
  for (size_t g = 0; g < N_GENERATORS; g++) on[g] = 1;
  char **inputs = calloc((size_t)argc, sizeof *inputs);
  size_t n = 0;
  int rc = 2;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "-o") && i + 1 < argc) out = argv[++i];
    else if (!strcmp(argv[i], "--seed") && i + 1 < argc) {
      char *end;
      errno = 0;
      unsigned long v = strtoul(argv[++i], &end, 10);
      if (errno || !*argv[i] || *end || argv[i][0] == '-' || v > 0xffffffffUL) {
        fprintf(stderr, "b24spec gen: --seed takes a number from 0 to 4294967295, not \"%s\"\n", argv[i]);
        goto done;
      }
      go.seed = (unsigned)v;
    } else if (!strcmp(argv[i], "--only") && i + 1 < argc) {
      if (parse_only(argv[++i], on) != 0) goto done;
    } else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
      usage(stdout);
      rc = 0;
      goto done;
    } else if (argv[i][0] == '-' && argv[i][1]) {
      fprintf(stderr, "b24spec gen: unknown option %s\n", argv[i]);
      usage(stderr);
      goto done;
    } else inputs[n++] = argv[i];
  }
  if (!n || !out) {
    usage(stderr);
    goto done;
  }
  b24_diags diags;
  b24_diags_init(&diags);
  b24_model *m = cli_load_model(inputs, n, &diags);
  rc = 1;
  if (m) {
    rc = run_generators(m, &go, on, out);
    if (cli_report_errors(&diags)) rc = 1;
    b24_model_free(m);
  }
  b24_diags_free(&diags);
done:
  free(inputs);
  return rc;
}
