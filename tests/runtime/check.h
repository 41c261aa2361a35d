/* Minimal assertions for the runtime tests: a failed check prints where and what, and
 * the test's exit status counts the failures. */
#ifndef B24RT_TEST_CHECK_H
#define B24RT_TEST_CHECK_H
#include <stdio.h>
#include <string.h>

extern int check_failures;

#define CHECK(cond)                                                                   \
  do {                                                                                \
    if (!(cond)) {                                                                    \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);         \
      check_failures++;                                                               \
    }                                                                                 \
  } while (0)

#define CHECK_STR(actual, expected)                                                   \
  do {                                                                                \
    const char *a_ = (actual), *e_ = (expected);                                      \
    if (!a_ || strcmp(a_, e_) != 0) {                                                 \
      fprintf(stderr, "%s:%d: %s is \"%s\", expected \"%s\"\n", __FILE__, __LINE__,     \
              #actual, a_ ? a_ : "(null)", e_);                                       \
      check_failures++;                                                               \
    }                                                                                 \
  } while (0)

#define CHECK_INT(actual, expected)                                                   \
  do {                                                                                \
    long long a_ = (long long)(actual), e_ = (long long)(expected);                   \
    if (a_ != e_) {                                                                   \
      fprintf(stderr, "%s:%d: %s is %lld, expected %lld\n", __FILE__, __LINE__,        \
              #actual, a_, e_);                                                       \
      check_failures++;                                                               \
    }                                                                                 \
  } while (0)

#endif
