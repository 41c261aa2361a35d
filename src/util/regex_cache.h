/* POSIX extended regular expressions compiled once per pattern string: the JSON
 * Schema validator matches a schema's `pattern` for every string it checks, and
 * compiling it each time (regcomp) was most of what such a check cost. */
#ifndef B24_REGEX_CACHE_H
#define B24_REGEX_CACHE_H
#include <stddef.h>

/* Whether s matches pattern (REG_EXTENDED, unanchored unless the pattern anchors
 * itself): 1 it does, 0 it does not, -1 the pattern does not compile. The pattern
 * is compiled on its first use and kept; any thread may call this at any time. */
int b24_regex_match(const char *pattern, const char *s);

/* How many patterns are kept (those that did not compile included). */
size_t b24_regex_cache_size(void);

/* Frees every kept pattern (for tests and leak checkers); no call may be running. */
void b24_regex_cache_clear(void);

#endif
