/* libFuzzer target: a lint baseline (--baseline FILE) comes from the docs
 * repository, so anyone who can open a pull request writes it. Whatever the
 * bytes, the reader gives entries or a message naming the file, never a crash
 * or a leak; what it reads is matched against a few findings (as CI does),
 * and the findings left are written back as a baseline. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lint/lint.h"

static void finding(b24_finding *f, const char *rule, const char *path, int line, const char *msg) {
  memset(f, 0, sizeof *f);
  f->rule = b24_lint_find_rule(rule);
  f->severity = f->rule->severity;
  f->path = strdup(path);
  f->relative = true;
  f->line = line;
  f->col = 1;
  f->message = strdup(msg);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  b24_baseline b;
  char err[512];
  if (b24_baseline_parse((const char *)data, size, "fuzz.json", &b, err, sizeof err) != 0) {
    if (!memchr(err, 0, sizeof err) || strncmp(err, "fuzz.json", 9)) abort(); /* names the file */
    return 0;
  }
  b24_findings fs = {0};
  fs.cap = fs.n = 3;
  fs.items = calloc(fs.cap, sizeof *fs.items);
  fs.root = strdup(".");
  finding(&fs.items[0], "link-anchor-missing", "api-reference/a.md", 61,
          "link '#parametr-fields': this page has no anchor #parametr-fields");
  finding(&fs.items[1], "example-json", "api-reference/a.md", 90,
          "response example is not JSON: '}' expected near end of file (line 90)");
  finding(&fs.items[2], "example-json", "api-reference/a.md", 91,
          "response example is not JSON: '}' expected near end of file (line 90)");
  size_t matched = b24_baseline_apply(&b, &fs);
  size_t entries = 0;
  for (size_t i = 0; i < b.n; i++) entries += b.items[i].matched;
  if (matched != entries || matched > fs.n) abort(); /* one entry per finding */
  b24_findings_drop_baselined(&fs);
  char path[] = "/tmp/fuzz_baseline_XXXXXX";
  int fd = mkstemp(path);
  if (fd >= 0) {
    close(fd);
    b24_baseline_write(&fs, path);
    unlink(path);
  }
  b24_findings_free(&fs);
  b24_baseline_free(&b);
  return 0;
}
