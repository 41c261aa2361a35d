/* b24_json_text must write exactly what json_dumps writes (generated/ and the
 * model were made with json_dumps before it, and the drift test holds them):
 * checked on every committed generated JSON file and on values made to hit each
 * escape, number and empty-container rule. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/json_text.h"

static int failures;

static void expect_same(const json_t *j, const char *what) {
  static const struct {
    int indent;
    size_t flags;
  } styles[] = {{2, JSON_INDENT(2)}, {4, JSON_INDENT(4)}, {0, 0}, {B24_JSON_COMPACT, JSON_COMPACT}};
  for (size_t s = 0; s < sizeof styles / sizeof *styles; s++) {
    char *want = json_dumps(j, styles[s].flags | JSON_ENCODE_ANY | JSON_PRESERVE_ORDER);
    size_t len;
    char *got = b24_json_text(j, styles[s].indent, &len);
    if (!want || strcmp(want, got) || len != strlen(want)) {
      size_t at = 0;
      while (want && want[at] && want[at] == got[at]) at++;
      fprintf(stderr, "FAIL %s (indent %d): differs at byte %zu: want \"%.40s\" got \"%.40s\"\n", what,
              styles[s].indent, at, want ? want + at : "(null)", got + at);
      failures++;
    }
    free(want);
    free(got);
  }
}

static void built_cases(void) {
  json_t *o = json_object();
  char key[16];
  for (int i = 0; i < 40; i++) { /* insertion order, not hash order */
    snprintf(key, sizeof key, "k%d", (i * 37) % 40);
    json_object_set_new(o, key, json_integer(i * 1000003LL * (i % 2 ? -1 : 1)));
  }
  json_object_del(o, "k0");
  json_object_set_new(o, "k0", json_real(1e5));
  json_object_set_new(o, "empty object", json_object());
  json_object_set_new(o, "empty array", json_array());
  json_object_set_new(o, "key \"quoted\"\t\x01", json_true());
  json_object_set_new(o, "scalars", json_pack("[b,n,f,f,f,f,I]", 0, 0.1, 1.0, -2.5e-300, 123456789.125,
                                               (json_int_t)-9223372036854775807LL));
  json_object_set_new(o, "text", json_string("\x01\x1f/\"\\\b\f\n\r\t\xc3\xa9 \x7f \xe2\x80\xa8 */ ?\?/"));
  json_object_set_new(o, "nul inside", json_stringn("a\0b", 3));
  json_object_set_new(o, "nested", json_pack("{s:[{s:{}},[[]],{s:[1,{s:s}]}]}", "a", "b", "c", "d", "e"));
  expect_same(o, "built object");
  json_t *scalars[] = {json_string(""), json_integer(0), json_real(-0.0), json_null(), json_array(),
                      json_integer(-9223372036854775807LL - 1), json_integer(9223372036854775807LL)};
  for (size_t i = 0; i < sizeof scalars / sizeof *scalars; i++) {
    expect_same(scalars[i], "a bare value");
    json_decref(scalars[i]);
  }
  json_decref(o);
}

int main(int argc, char **argv) {
  built_cases();
  int files = 0;
  for (int i = 1; i < argc; i++) {
    json_error_t err;
    json_t *j = json_load_file(argv[i], JSON_DECODE_ANY | JSON_ALLOW_NUL, &err);
    if (!j) {
      fprintf(stderr, "FAIL %s:%d: %s\n", argv[i], err.line, err.text);
      failures++;
      continue;
    }
    expect_same(j, argv[i]);
    json_decref(j);
    files++;
  }
  if (argc > 1 && files < 3) {
    fprintf(stderr, "FAIL only %d JSON files given\n", files);
    failures++;
  }
  printf("%d files, %d failures\n", files, failures);
  return failures ? 1 : 0;
}
