/* b24_json_parse must accept what json_loadb(JSON_DECODE_ANY) accepts and build
 * the same values (same keys in the same order, same types, same numbers): checked
 * on every JSON file given (the committed generated/ files) and on texts made to
 * hit each rule of the grammar, UTF-8, escapes, numbers and nesting, both ways. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/fsutil.h"
#include "util/json_parse.h"

static int failures, agreed_rejects, agreed_accepts;

static char *text_of(const json_t *j) {
  return json_dumps(j, JSON_ENCODE_ANY | JSON_PRESERVE_ORDER | JSON_COMPACT | JSON_ALLOW_NUL);
}

static void expect_agree(const char *s, size_t n, const char *what) {
  json_t *want = json_loadb(s, n, JSON_DECODE_ANY, NULL);
  json_t *got = b24_json_parse(s, n);
  if (!want != !got) {
    fprintf(stderr, "FAIL %s: jansson %s, b24_json_parse %s: \"%.60s\"\n", what,
            want ? "accepts" : "rejects", got ? "accepts" : "rejects", s);
    failures++;
  } else if (want) {
    char *a = text_of(want), *b = text_of(got);
    if (!json_equal(want, got) || strcmp(a, b) || json_typeof(want) != json_typeof(got)) {
      fprintf(stderr, "FAIL %s: different values: jansson %.60s, b24_json_parse %.60s\n", what, a, b);
      failures++;
    } else
      agreed_accepts++;
    free(a);
    free(b);
  } else
    agreed_rejects++;
  json_decref(want);
  json_decref(got);
}

#define CASE(lit) expect_agree(lit, sizeof lit - 1, #lit)

static void nesting(int depth, const char *inner) {
  size_t n = strlen(inner);
  char *s = malloc(2 * (size_t)depth + n + 1);
  if (!s) abort();
  memset(s, '[', (size_t)depth);
  memcpy(s + depth, inner, n);
  memset(s + depth + n, ']', (size_t)depth);
  char what[64];
  snprintf(what, sizeof what, "%d arrays around \"%s\"", depth, inner);
  expect_agree(s, 2 * (size_t)depth + n, what);
  free(s);
}

static void built_cases(void) {
  /* values and whitespace */
  CASE("{}"); CASE("[]"); CASE(" \t\r\n{ \"a\" : [ 1 , 2 ] } \n"); CASE("\"\""); CASE("true");
  CASE("false"); CASE("null"); CASE("0"); CASE("-0"); CASE("[true,false,null]");
  CASE("{\"a\":{\"b\":{\"c\":[{},[],\"\"]}}}");
  CASE("{\"k\":1,\"k\":2,\"j\":3}"); /* a later duplicate replaces in place */
  CASE("{\"z\":1,\"a\":2,\"m\":3}"); /* insertion order kept */
  /* not one value */
  CASE(""); CASE("   "); CASE("{} {}"); CASE("1 2"); CASE("[1,]"); CASE("{\"a\":1,}"); CASE("[,1]");
  CASE("{,}"); CASE("{\"a\"}"); CASE("{\"a\" 1}"); CASE("{1:2}"); CASE("{'a':1}"); CASE("[1 2]");
  CASE("[1"); CASE("{\"a\":1"); CASE("\"abc"); CASE("tru"); CASE("truex"); CASE("true1"); CASE("nul");
  CASE("NaN"); CASE("Infinity"); CASE("[1]x"); CASE("\xef\xbb\xbf{}"); CASE("{}\0");
  CASE("/*c*/{}"); CASE("[1]]"); CASE("]"); CASE("}");
  /* jansson passes over one NUL right after a number or a literal, no other */
  CASE("true\0"); CASE("1\0"); CASE("[1.5\0,null\0]"); CASE("{\"a\":false\0}"); CASE("null\0\0");
  CASE("\"a\"\0"); CASE("[1]\0"); CASE("true \0"); CASE("\0"); CASE("[\0]"); CASE("-\0");
  /* numbers */
  CASE("1"); CASE("-1"); CASE("123456789012"); CASE("9223372036854775807");
  CASE("-9223372036854775808"); CASE("9223372036854775808"); CASE("-9223372036854775809");
  CASE("99999999999999999999999"); CASE("1.5"); CASE("-0.0"); CASE("1e5"); CASE("1E+5");
  CASE("1e-5"); CASE("2.5E-3"); CASE("1e400"); CASE("-1e400"); CASE("1e-400"); CASE("0.1");
  CASE("123456789.125"); CASE("3.141592653589793238462643383279502884197169399375105820974944");
  CASE("01"); CASE("-01"); CASE("00"); CASE("1."); CASE(".5"); CASE("-"); CASE("+1"); CASE("1e");
  CASE("1e+"); CASE("1.e5"); CASE("0x10"); CASE("--1"); CASE("1.5.5"); CASE("[-]"); CASE("[0e0]");
  /* reals at the edges of the exact (no strtod) path: 2^53, 10^22, many digits */
  CASE("9007199254740992.0"); CASE("9007199254740993.0"); CASE("9007199254740992e-3");
  CASE("1e22"); CASE("1e23"); CASE("1e-22"); CASE("1e-23"); CASE("4.35"); CASE("-0.0e0");
  CASE("123456789012345678e-5"); CASE("0.0000000000000000000001"); CASE("1E022"); CASE("1e00000");
  CASE("1e-00022"); CASE("0.30000000000000004"); CASE("2.2250738585072014e-308"); CASE("5e-324");
  /* strings: escapes */
  CASE("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\""); CASE("\"a\\u0041b\""); CASE("\"\\u00e9\\u20AC\"");
  CASE("\"\\ud83d\\ude00\""); CASE("\"\\uD83D\\uDE00x\""); CASE("\"\\ud83d\""); CASE("\"\\ud83dx\"");
  CASE("\"\\ud83d\\u0041\""); CASE("\"\\ude00\""); CASE("\"\\u0000\""); CASE("\"\\u12\"");
  CASE("\"\\u12g4\""); CASE("\"\\x41\""); CASE("\"\\'\""); CASE("\"\\\""); CASE("\"\\");
  CASE("{\"k\\u0065y\":\"v\\n\",\"key\":1}"); CASE("{\"\\u00e9\":{\"\\u00e8\":[\"\\t\"]}}");
  /* strings: raw bytes */
  CASE("\"\x7f\""); CASE("\"\x01\""); CASE("\"\x1f\""); CASE("\"tab\there\""); CASE("\"a\0b\"");
  CASE("\"\xc3\xa9\""); CASE("\"\xe2\x82\xac\""); CASE("\"\xf0\x9f\x98\x80\""); CASE("\"\xf4\x8f\xbf\xbf\"");
  CASE("\"\xc3\""); CASE("\"\xc0\xaf\""); CASE("\"\xc1\xbf\""); CASE("\"\xe0\x80\xaf\"");
  CASE("\"\xf0\x80\x80\xaf\""); CASE("\"\xed\xa0\x80\""); CASE("\"\xf4\x90\x80\x80\"");
  CASE("\"\xf5\x80\x80\x80\""); CASE("\"\x80\""); CASE("\"\xbf\""); CASE("\"\xe2\x82\""); CASE("\xc3\xa9");
  CASE("\"\xff\""); CASE("{\"\xc3\xa9\":1}"); CASE("{\"\xc3\":1}");
  /* nesting: every value counts toward jansson's limit of 2048 */
  nesting(2047, "1"); nesting(2048, "1"); nesting(2048, ""); nesting(2049, ""); nesting(3000, "");
}

/* Reals of 1 to 20 digits, the point anywhere, with and without an exponent:
 * each read as jansson's strtod reads it, to the last bit (the texts compared
 * are jansson's 17 digits). A fixed seed, so that a failure repeats. */
static void random_reals(void) {
  unsigned long long x = 0x9e3779b97f4a7c15u;
  for (int i = 0; i < 20000; i++) {
    char s[64];
    size_t n = 0;
    x = x * 6364136223846793005u + 1442695040888963407u;
    unsigned r = (unsigned)(x >> 33);
    if (r & 1) s[n++] = '-';
    int digits = 1 + (int)(r >> 1) % 20, point = (int)(r >> 6) % (digits + 1);
    for (int d = 0; d < digits; d++) {
      x = x * 6364136223846793005u + 1442695040888963407u;
      if (d == point && d) s[n++] = '.';
      /* no leading zero but in "0.x" */
      s[n++] = (char)('0' + (d == 0 && digits > 1 && point != 1 ? 1 + (x >> 40) % 9 : (x >> 40) % 10));
    }
    if ((r >> 12) % 3) {
      int e = (int)((r >> 14) % 61) - 30;
      n += (size_t)snprintf(s + n, sizeof s - n, (r >> 20) & 1 ? "e%d" : "E%+03d", e);
    } else if (point == 0 || point == digits)
      s[n++] = '.', s[n++] = '5';
    s[n] = 0;
    expect_agree(s, n, "a random real");
  }
}

int main(int argc, char **argv) {
  built_cases();
  random_reals();
  int files = 0;
  for (int i = 1; i < argc; i++) {
    size_t len;
    char *text = b24_read_file(argv[i], &len);
    if (!text) {
      fprintf(stderr, "FAIL cannot read %s\n", argv[i]);
      failures++;
      continue;
    }
    expect_agree(text, len, argv[i]);
    free(text);
    files++;
  }
  if (argc > 1 && files < 3) {
    fprintf(stderr, "FAIL only %d JSON files given\n", files);
    failures++;
  }
  /* the table must exercise both outcomes, or it tests nothing */
  if (agreed_rejects < 50 || agreed_accepts < 40 + files) {
    fprintf(stderr, "FAIL too few cases: %d accepted, %d rejected\n", agreed_accepts, agreed_rejects);
    failures++;
  }
  printf("%d files; %d texts accepted and %d rejected alike; %d failures\n", files, agreed_accepts,
         agreed_rejects, failures);
  return failures ? 1 : 0;
}
