/* b24_regex_match matches as regcomp/regexec with REG_EXTENDED do, reports a
 * pattern that does not compile each time it is asked, keeps one entry per
 * pattern however often it is used (also past the table's first growth), gives
 * the same answers from several threads at once, and forgets all on clear. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "util/regex_cache.h"

static int failures;

static void expect(int got, int want, const char *pattern, const char *s) {
  if (got == want) return;
  failures++;
  fprintf(stderr, "FAIL: /%s/ on \"%s\": %d, want %d\n", pattern, s, got, want);
}

static void matching(void) {
  static const struct {
    const char *pattern, *s;
    int want;
  } cases[] = {
      {"^-?[0-9]+$", "42", 1},
      {"^-?[0-9]+$", "-7", 1},
      {"^-?[0-9]+$", "4.5", 0},
      {"^-?[0-9]+$", "", 0},
      {"^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$", "1.5e-3", 1},
      {"^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$", "1.5e", 0},
      {"[a-z]", "ABCd", 1}, /* unanchored: anywhere in the string */
      {"[a-z]", "ABC", 0},
      {"^(Y|N)$", "Y", 1},
      {"^(Y|N)$", "YN", 0},
      {"(", "x", -1}, /* does not compile, */
      {"(", "x", -1}, /* and says so again */
      {"[z-a]", "x", -1},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
    expect(b24_regex_match(cases[i].pattern, cases[i].s), cases[i].want, cases[i].pattern,
           cases[i].s);
}

/* 300 patterns, twice over: the table grows past its first 64 buckets, and the
 * second round finds each one compiled, matching as before. */
static void one_entry_per_pattern(void) {
  size_t before = b24_regex_cache_size();
  char pattern[32], s[32];
  for (int round = 0; round < 2; round++)
    for (int i = 0; i < 300; i++) {
      snprintf(pattern, sizeof pattern, "^p%d$", i);
      snprintf(s, sizeof s, "p%d", i);
      expect(b24_regex_match(pattern, s), 1, pattern, s);
      snprintf(s, sizeof s, "p%dx", i);
      expect(b24_regex_match(pattern, s), 0, pattern, s);
    }
  size_t added = b24_regex_cache_size() - before;
  if (added != 300) failures++, fprintf(stderr, "FAIL: 300 patterns kept as %zu entries\n", added);
}

/* Threads that add and match the same patterns at once (run under TSan too). */
static void *hammer(void *arg) {
  int *bad = arg;
  char pattern[32], s[32];
  for (int round = 0; round < 50; round++)
    for (int i = 0; i < 40; i++) {
      snprintf(pattern, sizeof pattern, "^t%d[0-9]*$", i);
      snprintf(s, sizeof s, "t%d%d", i, round);
      if (b24_regex_match(pattern, s) != 1) ++*bad;
      if (b24_regex_match(pattern, "t") != 0) ++*bad;
    }
  return NULL;
}

static void threads(void) {
  size_t before = b24_regex_cache_size();
  pthread_t t[4];
  int bad[4] = {0};
  for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, hammer, &bad[i]);
  for (int i = 0; i < 4; i++) {
    pthread_join(t[i], NULL);
    if (bad[i]) failures++, fprintf(stderr, "FAIL: thread %d: %d wrong answers\n", i, bad[i]);
  }
  size_t added = b24_regex_cache_size() - before;
  if (added != 40) failures++, fprintf(stderr, "FAIL: 40 shared patterns kept as %zu\n", added);
}

int main(void) {
  matching();
  one_entry_per_pattern();
  threads();
  b24_regex_cache_clear();
  if (b24_regex_cache_size() != 0) failures++, fprintf(stderr, "FAIL: clear left entries\n");
  matching(); /* usable again after clear */
  b24_regex_cache_clear();
  if (failures) return 1;
  printf("regex_cache: all passed\n");
  return 0;
}
