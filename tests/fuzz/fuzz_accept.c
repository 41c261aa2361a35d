/* libFuzzer target: diff accept files (YAML written by hand) must give an
 * acceptance list or a message naming file and line, never a crash or a leak;
 * what is read is applied to a few changes whose ids have pattern characters. */
#include <stdint.h>
#include <string.h>

#include "diff/diff.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  b24_accept_list a = {0};
  char err[512];
  if (b24_accept_parse(&a, (const char *)data, size, "fuzz.yaml", "2026-09-01", err, sizeof err) == 0) {
    b24_change v[2];
    memset(v, 0, sizeof v);
    v[0].id = "param-added:crm.deal.add:fields.X";
    v[1].id = "variant-added:user.userfield.add:fields.SETTINGS[string]";
    for (int i = 0; i < 2; i++) v[i].method = v[i].message = "x";
    b24_changes cs = {v, 2, 2};
    b24_accept_apply(&a, &cs);
    b24_buf out = B24_BUF_INIT;
    b24_accept_write(&cs, "2026-09-01", &out);
    b24_buf_free(&out);
  }
  b24_accept_free(&a);
  return 0;
}
