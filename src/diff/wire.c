/* How a type change reaches a client. The docs name the same wire format with
 * several words (string/text/char, integer/double, array/object for a PHP array,
 * string/integer for an id), and fix type words far more often than the API
 * changes them: a word replaced by one of the same wire group is a doc fix; an
 * alternative added where the client sends (or removed where it reads) is
 * compatible; an alternative taken away where the client sends (or added where
 * it reads) is the narrowing that breaks. */
#include <ctype.h>
#include <string.h>

#include "diff/diff_internal.h"

static const char *const basic[] = {"integer", "int", "double", "number", "float", "string",
                                    "text", "char", "boolean", "bool", "date", "datetime",
                                    "timestamp", "time", "file", "enum", "object", "array",
                                    "any", "function", "callable"};

static int all_basic(const b24_type *t) {
  for (size_t i = 0; i < t->n_alts; i++) {
    int ok = 0;
    for (size_t k = 0; k < sizeof basic / sizeof basic[0] && !ok; k++) ok = !strcmp(t->alts[i].base, basic[k]);
    if (!ok) return 0;
  }
  return 1;
}

/* OWNER_ID, ownerId, ID, id: a value the portal reads the same as a number or a string. */
static int id_like(const char *name) {
  size_t n = name ? strlen(name) : 0;
  if (n < 2 || tolower((unsigned char)name[n - 1]) != 'd' || tolower((unsigned char)name[n - 2]) != 'i')
    return 0;
  return n == 2 || name[n - 3] == '_' || name[n - 2] == 'I';
}

/* The wire group of one alternative. */
static const char *group(const b24_type_alt *a, int idlike) {
  const char *b = a->base;
  if (a->array || !strcmp(b, "array") || !strcmp(b, "object")) return "collection";
  if (!strcmp(b, "integer") || !strcmp(b, "int") || !strcmp(b, "double") || !strcmp(b, "number") ||
      !strcmp(b, "float"))
    return idlike ? "string" : "number";
  if (!strcmp(b, "string") || !strcmp(b, "text") || !strcmp(b, "char") || !strcmp(b, "enum"))
    return "string";
  if (!strcmp(b, "boolean") || !strcmp(b, "bool")) return "boolean";
  if (!strcmp(b, "date") || !strcmp(b, "datetime") || !strcmp(b, "timestamp") || !strcmp(b, "time"))
    return "datetime";
  return b;
}

/* Every alternative of b has one in a: exactly (by_group 0) or of its wire group. */
static int covers(const b24_type *a, const b24_type *b, int by_group, int idlike) {
  for (size_t i = 0; i < b->n_alts; i++) {
    int found = 0;
    for (size_t k = 0; k < a->n_alts && !found; k++)
      found = by_group ? !strcmp(group(&a->alts[k], idlike), group(&b->alts[i], idlike))
                       : !strcmp(a->alts[k].base, b->alts[i].base) && a->alts[k].array == b->alts[i].array;
    if (!found) return 0;
  }
  return 1;
}

const char *b24d_type_text(const b24_type *t) {
  return t->written && *t->written ? t->written : "(none)";
}

int b24d_type_tier(const b24_type *ot, const b24_type *nt, const char *name, bool fields) {
  int o_in_n = covers(nt, ot, 0, 0), n_in_o = covers(ot, nt, 0, 0);
  if (o_in_n && n_in_o) return -1; /* `| null` alone is no type change */
  /* A type stated for the first time, or a reference type (crm_status,
   * catalog_document.id) for a plain word, says more about the same value. */
  if (!ot->n_alts || !nt->n_alts || !all_basic(ot) || !all_basic(nt)) return B24_TIER_NOTE;
  if (fields ? n_in_o : o_in_n) return B24_TIER_COMPATIBLE;
  int idl = id_like(name);
  int g_o_in_n = covers(nt, ot, 1, idl), g_n_in_o = covers(ot, nt, 1, idl);
  if (g_o_in_n && g_n_in_o) return B24_TIER_DOC_FIX;
  /* Some alternative kept and another taken away (sent) or added (read): narrowed. */
  int overlap = 0;
  for (size_t i = 0; i < ot->n_alts && !overlap; i++) {
    b24_type one = {.alts = &ot->alts[i], .n_alts = 1};
    overlap = covers(nt, &one, 1, idl);
  }
  if (overlap) return (fields ? g_n_in_o : g_o_in_n) ? B24_TIER_COMPATIBLE : B24_TIER_BREAKING;
  /* One word replaced by an unrelated one: the docs describe the same value anew. */
  return B24_TIER_DOC_FIX;
}
