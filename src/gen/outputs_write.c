/* Writing a generated set so that regeneration touches only what changed: a
 * manifest (dir/manifest.json: path -> SHA-256) remembers what the last run wrote;
 * a file is rewritten only when its content differs from what is on disk; files the
 * last run wrote and this one does not are removed. Every write goes through a
 * temporary file and rename(), the manifest last. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gen/gen.h"
#include "util/buf.h"
#include "util/fsutil.h"
#include "util/json_text.h"
#include "util/parallel.h"
#include "util/sha256.h"
#include "util/sort.h"

#define MANIFEST "manifest.json"

static int cmp_output(const void *a, const void *b) {
  return strcmp((*(const b24_output *const *)a)->path, (*(const b24_output *const *)b)->path);
}

/* Is the file at path exactly data? */
static int same_on_disk(const char *path, const char *data, size_t len) {
  size_t n;
  char *old = b24_read_file(path, &n);
  int same = old && n == len && !memcmp(old, data, len);
  free(old);
  return same;
}

/* A manifest path is only trusted when it stays inside the directory. */
static int safe_relative(const char *p) {
  if (!*p || p[0] == '/') return 0;
  char *norm = b24_path_normalize(p);
  int ok = norm && !strcmp(norm, p);
  free(norm);
  return ok;
}

/* Removes dir/rel and then its parent directories while they are empty. */
static void remove_file_and_empty_parents(const char *dir, const char *rel) {
  char *full = b24_path_under(dir, rel);
  unlink(full);
  char *d = b24_path_dirname(rel);
  while (*d) {
    char *fd = b24_path_under(dir, d);
    int gone = rmdir(fd) == 0;
    free(fd);
    if (!gone) break;
    char *up = b24_path_dirname(d);
    free(d);
    d = up;
  }
  free(d);
  free(full);
}

typedef enum { FILE_UNCHANGED, FILE_WRITTEN, FILE_REFUSED, FILE_FAILED } file_outcome;

typedef struct write_job {
  const char *dir;
  const json_t *old_files;
  const b24_output **sorted;
  char (*hex)[65];
  file_outcome *outcome;
  int *err;
} write_job;

/* One file: hash it, and write it unless the manifest and the disk both already
 * have this content. Files are independent, so they are done on every CPU. */
static void write_one(void *ctx, size_t i) {
  write_job *w = ctx;
  const b24_output *f = w->sorted[i];
  if (!safe_relative(f->path) || !strcmp(f->path, MANIFEST)) {
    w->outcome[i] = FILE_REFUSED;
    return;
  }
  b24_sha256_hex(f->data, f->len, w->hex[i]);
  char *full = b24_path_under(w->dir, f->path);
  /* The manifest says what was written; the disk says what is there now (someone
   * may have edited it). Only both agreeing with the new content spares a write. */
  const char *was = json_string_value(json_object_get(w->old_files, f->path));
  if (was && !strcmp(was, w->hex[i]) && same_on_disk(full, f->data, f->len)) {
    w->outcome[i] = FILE_UNCHANGED;
  } else if (b24_write_file_atomic(full, f->data, f->len) != 0) {
    w->outcome[i] = FILE_FAILED;
    w->err[i] = errno;
  } else {
    w->outcome[i] = FILE_WRITTEN;
  }
  free(full);
}

int b24_outputs_write(const b24_outputs *o, const char *dir, b24_write_report *rep) {
  b24_write_report r = {0, 0, 0};
  char *mpath = b24_path_under(dir, MANIFEST);
  json_t *old = json_load_file(mpath, 0, NULL);
  const json_t *old_files = json_object_get(old, "files");
  size_t cap = o->n ? o->n : 1;
  const b24_output **sorted = malloc(cap * sizeof *sorted);
  write_job w = {dir, old_files, sorted, malloc(cap * sizeof *w.hex), malloc(cap * sizeof *w.outcome),
                 calloc(cap, sizeof *w.err)};
  if (!sorted || !w.hex || !w.outcome || !w.err) abort();
  for (size_t i = 0; i < o->n; i++) sorted[i] = &o->items[i];
  b24_qsort(sorted, o->n, sizeof *sorted, cmp_output);
  b24_parallel_for(o->n, 0, write_one, &w);
  json_t *files = json_object();
  int rc = 0;
  for (size_t i = 0; i < o->n && !rc; i++) {
    const b24_output *f = sorted[i];
    switch (w.outcome[i]) {
      case FILE_REFUSED:
        fprintf(stderr, "b24spec gen: refusing to write '%s'\n", f->path);
        rc = -1;
        continue;
      case FILE_FAILED: {
        char *full = b24_path_under(dir, f->path);
        fprintf(stderr, "b24spec gen: cannot write %s: %s\n", full, strerror(w.err[i]));
        free(full);
        errno = w.err[i];
        rc = -1;
        continue;
      }
      case FILE_UNCHANGED: r.unchanged++; break;
      case FILE_WRITTEN: r.written++; break;
    }
    json_object_set_new(files, f->path, json_string(w.hex[i]));
  }
  free(w.hex);
  free(w.outcome);
  free(w.err);
  if (!rc && json_is_object(old_files)) {
    const char *path;
    json_t *v;
    json_object_foreach((json_t *)old_files, path, v) {
      if (json_object_get(files, path) || !safe_relative(path) || !strcmp(path, MANIFEST)) continue;
      remove_file_and_empty_parents(dir, path);
      r.removed++;
    }
  }
  if (!rc) {
    json_t *m = json_pack("{s:i, s:o}", "version", 1, "files", files);
    files = NULL;
    char *s = b24_json_dumps(m, JSON_INDENT(2) | JSON_SORT_KEYS);
    size_t n = strlen(s);
    s = realloc(s, n + 2);
    s[n++] = '\n';
    s[n] = 0;
    if (!same_on_disk(mpath, s, n) && b24_write_file_atomic(mpath, s, n) != 0) {
      fprintf(stderr, "b24spec gen: cannot write %s: %s\n", mpath, strerror(errno));
      rc = -1;
    }
    free(s);
    json_decref(m);
  }
  json_decref(files);
  json_decref(old);
  free(sorted);
  free(mpath);
  if (rep) *rep = r;
  return rc;
}
