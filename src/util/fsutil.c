#include "util/fsutil.h"
#include "util/buf.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *b24_read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  b24_buf b = B24_BUF_INIT;
  struct stat st;
  if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
    fclose(f);
    errno = EISDIR;
    return NULL;
  }
  if (st.st_size > 0) b24_buf_reserve(&b, (size_t)st.st_size);
  char tmp[65536];
  size_t n;
  while ((n = fread(tmp, 1, sizeof tmp, f)) > 0) b24_buf_put(&b, tmp, n);
  int err = ferror(f);
  fclose(f);
  if (err) {
    b24_buf_free(&b);
    errno = EIO;
    return NULL;
  }
  if (len) *len = b.len;
  return b24_buf_take(&b);
}

int b24_mkdir_p(const char *dir) {
  if (!dir || !*dir) return 0;
  char *p = strdup(dir);
  for (char *s = p + 1; *s; s++) {
    if (*s == '/') {
      *s = 0;
      if (mkdir(p, 0777) != 0 && errno != EEXIST) { free(p); return -1; }
      *s = '/';
    }
  }
  int rc = (mkdir(p, 0777) != 0 && errno != EEXIST) ? -1 : 0;
  free(p);
  return rc;
}

/* mkstemp on the temporary name beside path; the parent directories are made only
 * when it fails for want of them (gen writes thousands of files into a few
 * directories, and concurrent writers may race to make them, which mkdir_p allows). */
static int open_temp_beside(const char *path, b24_buf *tmp) {
  b24_buf_printf(tmp, "%s.tmp.XXXXXX", path);
  int fd = mkstemp(tmp->data);
  if (fd >= 0 || errno != ENOENT) return fd;
  char *dir = b24_path_dirname(path);
  int made = *dir && b24_mkdir_p(dir) == 0;
  free(dir);
  if (!made) return -1;
  b24_buf_clear(tmp);
  b24_buf_printf(tmp, "%s.tmp.XXXXXX", path);
  return mkstemp(tmp->data);
}

int b24_write_file_atomic(const char *path, const char *data, size_t len) {
  b24_buf tmp = B24_BUF_INIT;
  int fd = open_temp_beside(path, &tmp);
  if (fd < 0) { b24_buf_free(&tmp); return -1; }
  size_t off = 0;
  while (off < len) {
    ssize_t w = write(fd, data + off, len - off);
    if (w < 0) {
      if (errno == EINTR) continue;
      close(fd);
      unlink(tmp.data);
      b24_buf_free(&tmp);
      return -1;
    }
    off += (size_t)w;
  }
  fchmod(fd, 0644);
  if (close(fd) != 0 || rename(tmp.data, path) != 0) {
    unlink(tmp.data);
    b24_buf_free(&tmp);
    return -1;
  }
  b24_buf_free(&tmp);
  return 0;
}

int b24_is_dir(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int b24_is_file(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

char *b24_path_normalize(const char *p) {
  int absolute = p[0] == '/';
  size_t n = strlen(p);
  /* Segments are kept as (start, len) pairs into p. */
  const char **seg = malloc((n / 2 + 2) * sizeof *seg);
  size_t *sl = malloc((n / 2 + 2) * sizeof *sl);
  size_t ns = 0;
  const char *s = p;
  int climbed = 0;
  while (*s) {
    while (*s == '/') s++;
    if (!*s) break;
    const char *e = s;
    while (*e && *e != '/') e++;
    size_t l = (size_t)(e - s);
    if (l == 1 && s[0] == '.') {
      /* skip */
    } else if (l == 2 && s[0] == '.' && s[1] == '.') {
      if (ns > 0) ns--;
      else climbed = 1;
    } else {
      seg[ns] = s;
      sl[ns] = l;
      ns++;
    }
    s = e;
  }
  char *out = NULL;
  if (!climbed || absolute) {
    b24_buf b = B24_BUF_INIT;
    if (absolute) b24_buf_putc(&b, '/');
    for (size_t i = 0; i < ns; i++) {
      if (i) b24_buf_putc(&b, '/');
      b24_buf_put(&b, seg[i], sl[i]);
    }
    out = b24_buf_take(&b);
  }
  free(seg);
  free(sl);
  return out;
}

char *b24_path_join(const char *dir, const char *rel) {
  if (rel[0] == '/' || !dir || !*dir) return b24_path_normalize(rel);
  b24_buf b = B24_BUF_INIT;
  b24_buf_printf(&b, "%s/%s", dir, rel);
  char *r = b24_path_normalize(b.data);
  b24_buf_free(&b);
  return r;
}

char *b24_path_dirname(const char *p) {
  const char *slash = strrchr(p, '/');
  if (!slash) return strdup("");
  if (slash == p) return strdup("/");
  return strndup(p, (size_t)(slash - p));
}

const char *b24_path_basename(const char *p) {
  const char *slash = strrchr(p, '/');
  return slash ? slash + 1 : p;
}

char *b24_path_under(const char *dir, const char *rel) {
  b24_buf b = B24_BUF_INIT;
  if (dir && *dir && strcmp(dir, ".") != 0) {
    b24_buf_puts(&b, dir);
    if (b.data[b.len - 1] != '/') b24_buf_putc(&b, '/');
  }
  b24_buf_puts(&b, rel);
  return b24_buf_take(&b);
}

struct b24_atomic_file {
  char *path, *tmp;
  FILE *f;
};

b24_atomic_file *b24_atomic_open(const char *path) {
  b24_buf tmp = B24_BUF_INIT;
  int fd = open_temp_beside(path, &tmp);
  FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
  if (!f) {
    if (fd >= 0) close(fd), unlink(tmp.data);
    b24_buf_free(&tmp);
    return NULL;
  }
  fchmod(fd, 0644);
  b24_atomic_file *a = malloc(sizeof *a);
  a->path = strdup(path);
  a->tmp = b24_buf_take(&tmp);
  a->f = f;
  return a;
}

FILE *b24_atomic_stream(b24_atomic_file *f) { return f->f; }

static void atomic_free(b24_atomic_file *f) {
  free(f->path);
  free(f->tmp);
  free(f);
}

int b24_atomic_commit(b24_atomic_file *f) {
  int bad = ferror(f->f);
  bad |= fclose(f->f) != 0;
  if (bad || rename(f->tmp, f->path) != 0) {
    int e = errno ? errno : EIO;
    unlink(f->tmp);
    atomic_free(f);
    errno = e;
    return -1;
  }
  atomic_free(f);
  return 0;
}

void b24_atomic_abort(b24_atomic_file *f) {
  fclose(f->f);
  unlink(f->tmp);
  atomic_free(f);
}

char *b24_path_relative(const char *abs, const char *base) {
  /* Length of the common leading directories. */
  size_t i = 0, common = 0;
  while (abs[i] && abs[i] == base[i]) {
    if (abs[i] == '/') common = i;
    i++;
  }
  if ((!abs[i] || abs[i] == '/') && (!base[i] || base[i] == '/')) common = i;
  b24_buf b = B24_BUF_INIT;
  for (const char *p = base + common; *p; p++)
    if (*p == '/' && p[1]) b24_buf_puts(&b, b.len ? "/.." : "..");
  const char *rest = abs + common;
  if (*rest == '/') rest++;
  if (*rest) {
    if (b.len) b24_buf_putc(&b, '/');
    b24_buf_puts(&b, rest);
  }
  if (!b.len) b24_buf_putc(&b, '.');
  return b24_buf_take(&b);
}
