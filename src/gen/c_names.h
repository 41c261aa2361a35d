/* C identifiers for the client stubs: how a method or parameter name becomes a C name,
 * and a registry that keeps the names of one scope unique.
 *
 * Naming rules (deterministic: they depend only on the names and their order):
 *  - A name is split into words at every character that is not an ASCII letter or
 *    digit and at camelCase boundaries ("entityTypeId" -> entity_type_id,
 *    "timezoneOffsetUTC" -> timezone_offset_utc, "HTMLParser" -> html_parser); words are
 *    lowercased and joined with '_' ("UF_DEPARTMENT" -> uf_department, "ID" -> id,
 *    "a-b" -> a_b). Non-ASCII bytes count as separators.
 *  - A name left empty is "unnamed"; a name starting with a digit gets "p_" in front
 *    ("2fa" -> p_2fa).
 *  - C and C++ keywords, and lowercase names that the C library defines as object-like
 *    macros (errno, stdin, bool, unix, ...), get a '_' suffix ("int" -> int_,
 *    "class" -> class_).
 *  - In one namespace (the members of a struct, or the file-scope names of the whole
 *    API), a name already taken gets "_2", "_3", ... in the order the names are taken
 *    ("ID" and "id": id and id_2; a name ending in '_' gets "2": int_2).
 */
#ifndef B24_GEN_C_NAMES_H
#define B24_GEN_C_NAMES_H
#include <stdbool.h>
#include <stddef.h>

/* The words of `name`, lowercased and joined with '_' ("unnamed" when there are none),
 * without the digit and keyword rules: for names that get a prefix (malloc'd). */
char *c_snake(const char *name);

/* The identifier for `name` (malloc'd), following all the rules above. */
char *c_ident(const char *name);

/* true for a word that may not be used as an identifier as it is. */
bool c_ident_is_reserved(const char *word);

/* A set of taken names. Strings are copied. */
typedef struct c_names {
  char **slots; /* open addressing, NULL = empty */
  size_t cap, n;
} c_names;

void c_names_init(c_names *r);
void c_names_free(c_names *r);
bool c_names_has(const c_names *r, const char *name);
/* Marks `name` taken; false if it already was. */
bool c_names_add(c_names *r, const char *name);
/* Takes `wanted`, or the first of wanted_2, wanted_3, ... that is free; returns the
 * name taken (malloc'd). */
char *c_names_take(c_names *r, const char *wanted);

#endif
