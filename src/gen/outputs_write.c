/* Placeholder writer (every file, atomically) until the manifest-keeping one lands. */
#include "gen/gen.h"
#include "util/buf.h"
#include "util/fsutil.h"

int b24_outputs_write(const b24_outputs *o, const char *dir, b24_write_report *rep) {
  if (rep) rep->written = rep->unchanged = rep->removed = 0;
  for (size_t i = 0; i < o->n; i++) {
    b24_buf p = B24_BUF_INIT;
    b24_buf_printf(&p, "%s/%s", dir, o->items[i].path);
    int rc = b24_write_file_atomic(p.data, o->items[i].data, o->items[i].len);
    b24_buf_free(&p);
    if (rc) return -1;
    if (rep) rep->written++;
  }
  return 0;
}
