/* b24_outputs_write: only what changed is written, what disappeared is removed, a
 * file edited by hand is restored, and a tampered manifest cannot reach outside. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gen/gen.h"
#include "util/fsutil.h"
#include "util/sha256.h"

static int failures;
#define CHECK(cond)                                                        \
  do {                                                                     \
    if (!(cond)) {                                                         \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      failures++;                                                          \
    }                                                                      \
  } while (0)

static void add(b24_outputs *o, const char *path, const char *text) {
  b24_outputs_add(o, path, strdup(text), strlen(text));
}

static ino_t inode(const char *dir, const char *rel) {
  char *p = b24_path_under(dir, rel);
  struct stat st;
  ino_t r = stat(p, &st) == 0 ? st.st_ino : 0;
  free(p);
  return r;
}

static int run(const char *dir, b24_write_report *r, const char *a, const char *b) {
  b24_outputs o;
  b24_outputs_init(&o);
  if (a) add(&o, "a.txt", a);
  if (b) add(&o, "d/e/b.txt", b);
  int rc = b24_outputs_write(&o, dir, r);
  b24_outputs_free(&o);
  return rc;
}

int main(void) {
  char hex[65];
  b24_sha256_hex("abc", 3, hex);
  CHECK(!strcmp(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
  b24_sha256_hex("", 0, hex);
  CHECK(!strcmp(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
  char long_msg[1000];
  memset(long_msg, 'a', sizeof long_msg);
  b24_sha256_hex(long_msg, 56, hex); /* padding spills into a second block */
  CHECK(!strcmp(hex, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"));

  char dir[] = "/tmp/b24-regen-XXXXXX";
  if (!mkdtemp(dir)) return 2;
  b24_write_report r;
  CHECK(run(dir, &r, "one\n", "two\n") == 0);
  CHECK(r.written == 2 && r.unchanged == 0 && r.removed == 0);
  ino_t ia = inode(dir, "a.txt"), ib = inode(dir, "d/e/b.txt"), im = inode(dir, "manifest.json");
  CHECK(ia && ib && im);

  CHECK(run(dir, &r, "one\n", "two\n") == 0);
  CHECK(r.written == 0 && r.unchanged == 2);
  CHECK(inode(dir, "a.txt") == ia && inode(dir, "d/e/b.txt") == ib);
  CHECK(inode(dir, "manifest.json") == im); /* nothing changed: not even the manifest */

  CHECK(run(dir, &r, "one\n", "TWO\n") == 0);
  CHECK(r.written == 1 && r.unchanged == 1);
  CHECK(inode(dir, "a.txt") == ia && inode(dir, "d/e/b.txt") != ib);

  /* Someone edits a generated file: the next run puts it back. */
  char *pa = b24_path_under(dir, "a.txt");
  CHECK(b24_write_file_atomic(pa, "edited\n", 7) == 0);
  CHECK(run(dir, &r, "one\n", "TWO\n") == 0);
  CHECK(r.written == 1 && r.unchanged == 1);
  size_t n;
  char *back = b24_read_file(pa, &n);
  CHECK(back && n == 4 && !memcmp(back, "one\n", 4));
  free(back);

  /* A file no longer produced is removed, with the directories it leaves empty. */
  CHECK(run(dir, &r, "one\n", NULL) == 0);
  CHECK(r.removed == 1 && r.unchanged == 1);
  char *pd = b24_path_under(dir, "d");
  CHECK(!b24_is_dir(pd));
  free(pd);

  /* A manifest that names a path outside the directory removes nothing there. */
  char outside[] = "/tmp/b24-outside-XXXXXX";
  int fd = mkstemp(outside);
  CHECK(fd >= 0);
  close(fd);
  char *pm = b24_path_under(dir, "manifest.json");
  char evil[512];
  snprintf(evil, sizeof evil, "{\"version\":1,\"files\":{\"../%s\":\"x\",\"%s\":\"x\"}}",
           outside + 5, outside);
  CHECK(b24_write_file_atomic(pm, evil, strlen(evil)) == 0);
  CHECK(run(dir, &r, "one\n", NULL) == 0);
  CHECK(b24_is_file(outside));
  unlink(outside);

  /* A path that climbs out is refused. */
  b24_outputs o;
  b24_outputs_init(&o);
  add(&o, "../x.txt", "x");
  CHECK(b24_outputs_write(&o, dir, &r) != 0);
  b24_outputs_free(&o);

  unlink(pa);
  unlink(pm);
  rmdir(dir);
  free(pa);
  free(pm);
  if (failures) fprintf(stderr, "%d checks failed\n", failures);
  return failures ? 1 : 0;
}
