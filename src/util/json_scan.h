/* The stretch of a JSON string's bytes that needs no attention, found eight bytes
 * at a time: shared by the reader (json_parse.c) and the writer (json_text.c),
 * whose per-byte loops were the top of the runner's and the mock's profiles. */
#ifndef B24_JSON_SCAN_H
#define B24_JSON_SCAN_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* How many bytes from s (n at most) are neither '"', '\\' nor a C0 control, and,
 * with stop_high, not >= 0x80 either (the reader checks UTF-8 there). */
static inline size_t b24_json_plain_run(const char *s, size_t n, int stop_high) {
  const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t v;
    memcpy(&v, s + i, 8);
    uint64_t q = v ^ (ones * '"'), bs = v ^ (ones * '\\');
    /* a byte < 0x20, a zero byte of q or of bs (the classic "has less than" tests) */
    uint64_t hit = ((v - ones * 0x20) & ~v) | ((q - ones) & ~q) | ((bs - ones) & ~bs);
    if (stop_high) hit |= v;
    if (hit & highs) break;
  }
  for (; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x20 || c == '"' || c == '\\' || (stop_high && c >= 0x80)) break;
  }
  return i;
}

#endif
