/* C identifiers for the client stubs (rules in c_names.h). */
#include "gen/c_names.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

/* Words that cannot be identifiers: C11 and C23 keywords, C++ keywords (the headers are
 * usable from C++), and lowercase object-like macros of the C library and of GNU
 * compilers in their default modes. A member named after a function-like macro is
 * harmless (it is never followed by '('), so those are not listed. */
static const char *const RESERVED[] = {
    "alignas", "alignof", "and", "and_eq", "asm", "atomic_bool", "auto", "bitand", "bitor",
    "bool", "break", "case", "catch", "char", "char16_t", "char32_t", "char8_t", "class",
    "co_await", "co_return", "co_yield", "compl", "complex", "concept", "const",
    "const_cast", "consteval", "constexpr", "constinit", "continue", "decltype", "default",
    "delete", "do", "double", "dynamic_cast", "else", "enum", "errno", "explicit", "export",
    "extern", "false", "float", "for", "friend", "goto", "i386", "if", "imaginary",
    "inline", "int", "linux", "long", "mutable", "namespace", "new", "noexcept", "noreturn",
    "not", "not_eq", "nullptr", "operator", "or", "or_eq", "private", "protected", "public",
    "register", "reinterpret_cast", "requires", "restrict", "return", "short", "signed",
    "sizeof", "static", "static_assert", "static_cast", "stderr", "stdin", "stdout",
    "struct", "switch", "template", "this", "thread_local", "throw", "true", "try",
    "typedef", "typeid", "typename", "typeof", "typeof_unqual", "union", "unix", "unsigned",
    "using", "virtual", "void", "volatile", "wchar_t", "while", "xor", "xor_eq",
};

bool c_ident_is_reserved(const char *word) {
  size_t lo = 0, hi = sizeof RESERVED / sizeof *RESERVED;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = strcmp(word, RESERVED[mid]);
    if (!c) return true;
    if (c < 0) hi = mid;
    else lo = mid + 1;
  }
  return false;
}

static bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* A word boundary falls before the capital in "aB" and "1B", and before the last
 * capital of a run followed by a lowercase letter ("HTMLParser": HTML|Parser). */
static bool camel_break(const char *s, size_t i) {
  if (i == 0 || !is_upper(s[i])) return false;
  char prev = s[i - 1], next = s[i + 1];
  return is_lower(prev) || is_digit(prev) || (is_upper(prev) && is_lower(next));
}

char *c_snake(const char *name) {
  b24_buf b = B24_BUF_INIT;
  bool pending_sep = false;
  for (size_t i = 0; name[i]; i++) {
    char c = name[i];
    if (!(is_upper(c) || is_lower(c) || is_digit(c))) {
      pending_sep = true;
      continue;
    }
    if (camel_break(name, i)) pending_sep = true;
    if (pending_sep && b.len) b24_buf_putc(&b, '_');
    pending_sep = false;
    b24_buf_putc(&b, is_upper(c) ? (char)(c - 'A' + 'a') : c);
  }
  if (!b.len) b24_buf_puts(&b, "unnamed");
  return b24_buf_take(&b);
}

char *c_ident(const char *name) {
  b24_buf b = B24_BUF_INIT;
  char *s = c_snake(name);
  if (is_digit(s[0])) {
    b24_buf_puts(&b, "p_");
    b24_buf_puts(&b, s);
    free(s);
    s = b24_buf_take(&b);
  }
  if (c_ident_is_reserved(s)) {
    b24_buf_puts(&b, s);
    b24_buf_putc(&b, '_');
    free(s);
    s = b24_buf_take(&b);
  }
  return s;
}

/* --- the registry: a string hash set --------------------------------------------------- */

static uint64_t hash_str(const char *s) {
  uint64_t h = 1469598103934665603ull; /* FNV-1a */
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ull;
  return h;
}

void c_names_init(c_names *r) { memset(r, 0, sizeof *r); }

void c_names_free(c_names *r) {
  for (size_t i = 0; i < r->cap; i++) free(r->slots[i]);
  free(r->slots);
  memset(r, 0, sizeof *r);
}

static size_t find_slot(char **slots, size_t cap, const char *name) {
  size_t i = (size_t)hash_str(name) & (cap - 1);
  while (slots[i] && strcmp(slots[i], name) != 0) i = (i + 1) & (cap - 1);
  return i;
}

bool c_names_has(const c_names *r, const char *name) {
  return r->cap && r->slots[find_slot(r->slots, r->cap, name)] != NULL;
}

static void grow(c_names *r) {
  size_t cap = r->cap ? r->cap * 2 : 64;
  char **slots = calloc(cap, sizeof *slots);
  if (!slots) abort();
  for (size_t i = 0; i < r->cap; i++)
    if (r->slots[i]) slots[find_slot(slots, cap, r->slots[i])] = r->slots[i];
  free(r->slots);
  r->slots = slots;
  r->cap = cap;
}

bool c_names_add(c_names *r, const char *name) {
  if ((r->n + 1) * 2 > r->cap) grow(r);
  size_t i = find_slot(r->slots, r->cap, name);
  if (r->slots[i]) return false;
  r->slots[i] = strdup(name);
  if (!r->slots[i]) abort();
  r->n++;
  return true;
}

char *c_names_take(c_names *r, const char *wanted) {
  if (c_names_add(r, wanted)) return strdup(wanted);
  b24_buf b = B24_BUF_INIT;
  size_t n = strlen(wanted);
  const char *sep = n && wanted[n - 1] == '_' ? "" : "_"; /* int_ -> int_2, never int__2 */
  for (unsigned k = 2;; k++) {
    b24_buf_clear(&b);
    b24_buf_printf(&b, "%s%s%u", wanted, sep, k);
    if (c_names_add(r, b.data)) return b24_buf_take(&b);
  }
}
