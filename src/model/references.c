/* References: type words that stand for another object's identifier resolve to
 * the identifier's scalar type, keeping the word as the reference.
 *
 * Two cases. A dictionary word whose definition calls it an identifier
 * ("`user` | An integer identifier of a Bitrix24 user", "`crm_status` | String
 * identifier of a CRM directory element") becomes that scalar. An identifier
 * parameter (a name ending in ID) typed with an object type (CURRENCY_ID typed
 * `crm_currency`, which crm/data-types.md defines as an object) becomes the
 * scalar that the examples send; without examples, the type of the object's
 * own key field (crm_currency.CURRENCY for CURRENCY_ID, else its ID). */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "model/derive.h"
#include "util/buf.h"

enum { MAX_DEPTH = 16 };

static const char *const builtin_words[] = {
    "integer", "double", "string", "boolean", "object", "array", "date", "datetime", "time",
    "timestamp", "text", "char", "file", "enum", "null", "any", NULL};

static int is_builtin(const char *w) {
  for (const char *const *b = builtin_words; *b; b++)
    if (!strcmp(*b, w)) return 1;
  return 0;
}

const b24_type_word *b24_model_find_type_word(const b24_model *m, const char *word) {
  const b24_type_word *first = NULL;
  for (size_t i = 0; i < m->n_type_words; i++) {
    const b24_type_word *w = &m->type_words[i];
    if (strcmp(w->word, word)) continue;
    if (w->description) return w;
    if (!first) first = w;
  }
  return first;
}

static int contains(const char *hay, const char *needle) { return strstr(hay, needle) != NULL; }

/* "integer" or "string" when a definition calls its word an identifier or code
 * of that kind, else NULL. Read in lower case; English and Russian. */
static const char *identifier_scalar(b24_arena *a, const char *description) {
  if (!description) return NULL;
  /* the first sentence only: "Binding to CRM elements. ... the numeric identifier" is no id */
  const char *end = strstr(description, ". ");
  char *d = b24_arena_strndup(a, description, end ? (size_t)(end - description) : strlen(description));
  for (char *s = d; *s; s++) *s = (char)tolower((unsigned char)*s);
  if (!contains(d, "identifier") && !contains(d, "идентификатор")) return NULL;
  if (contains(d, "object describing") || contains(d, "объект")) return NULL;
  if (contains(d, "integer") || contains(d, "numeric") || contains(d, "целочисл") ||
      contains(d, "числов"))
    return "integer";
  if (contains(d, "string") || contains(d, "строков") || contains(d, "символьн")) return "string";
  return NULL;
}

static int ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), k = strlen(suffix);
  return n > k && !strcmp(s + n - k, suffix);
}

const char *b24_key_word_scalar(const char *w) {
  if (!strchr(w, '.')) return NULL;
  if (ends_with(w, ".id") || ends_with(w, ".ID")) return "integer";
  if (ends_with(w, ".lid") || ends_with(w, ".code") || ends_with(w, ".CODE") ||
      ends_with(w, ".CURRENCY") || ends_with(w, ".symbol"))
    return "string";
  return NULL;
}

static void move_to_reference(b24_arena *a, b24_type_alt *alt, const char *scalar,
                              const char *target) {
  alt->reference = alt->base;
  alt->reference_target = target ? b24_arena_strdup(a, target) : NULL;
  alt->base = b24_arena_strdup(a, scalar);
  alt->ref = NULL;
  alt->page = NULL;
}

/* The documented object type an alternative names: its link, else the
 * dictionary's section named after the word. */
static const b24_object_type *object_of(const b24_model *m, const b24_type_alt *alt) {
  if (alt->ref) return b24_model_find_object(m, alt->ref);
  const b24_type_word *w = b24_model_find_type_word(m, alt->base);
  if (!w) return NULL;
  b24_buf id = B24_BUF_INIT;
  b24_buf_printf(&id, "%s#%s", w->dictionary, alt->base);
  const b24_object_type *o = b24_model_find_object(m, id.data);
  b24_buf_free(&id);
  return o;
}

/* ID, _ID, Id, id at the end of the name: it names another object by its id. */
static int is_identifier_name(const char *name) {
  size_t n = strlen(name);
  if (n < 2) return 0;
  if (!strcasecmp(name, "id")) return 1;
  return n > 2 && (!strcmp(name + n - 2, "ID") || !strcmp(name + n - 2, "Id") ||
                   !strcmp(name + n - 3, "_id"));
}

/* The scalar type of an object's key field for a parameter named like
 * CURRENCY_ID: the field CURRENCY, else ID / id; NULL when it has neither. */
static const char *key_field_scalar(const b24_object_type *o, const char *param) {
  size_t n = strlen(param);
  size_t stem = n > 3 && !strcasecmp(param + n - 3, "_id") ? n - 3 : n > 2 ? n - 2 : n;
  const b24_param *key = NULL;
  for (size_t i = 0; i < o->fields.n && !key; i++)
    if (strlen(o->fields.items[i].name) == stem && !strncasecmp(o->fields.items[i].name, param, stem))
      key = &o->fields.items[i];
  for (size_t i = 0; i < o->fields.n && !key; i++)
    if (!strcasecmp(o->fields.items[i].name, "id")) key = &o->fields.items[i];
  if (!key || !key->type.n_alts) return NULL;
  const char *b = key->type.alts[0].base;
  return !strcmp(b, "integer") || !strcmp(b, "string") ? b : NULL;
}

/* What the examples send, as one scalar type; NULL when they send no scalar or
 * something else too (an object: the object type may be right). */
static const char *evidence_scalar(const b24_evidence *e) {
  unsigned scalars = B24_JSON_KIND_STRING | B24_JSON_KIND_INTEGER | B24_JSON_KIND_NUMBER;
  unsigned k = e->kinds & ~B24_JSON_KIND_NULL;
  if (!k || (k & ~scalars)) return NULL;
  return k & B24_JSON_KIND_STRING ? "string" : "integer";
}

static void resolve_param(b24_model *m, b24_param *p) {
  for (size_t a = 0; a < p->type.n_alts; a++) {
    b24_type_alt *alt = &p->type.alts[a];
    const b24_type_word *w;
    if (alt->reference) { /* resolved before (a model read back from JSON): counted */
      w = b24_model_find_type_word(m, alt->reference);
      if ((w && w->scalar) || b24_key_word_scalar(alt->reference)) m->stats.refs_words++;
      else m->stats.refs_object_ids++;
      continue;
    }
    if (is_builtin(alt->base)) continue;
    w = b24_model_find_type_word(m, alt->base);
    const char *scalar = w && w->scalar ? w->scalar : b24_key_word_scalar(alt->base);
    /* `sale_status.id` guesses an integer from its spelling; the examples,
     * sending "N" and "MS", know it is a code */
    if (scalar && !(w && w->scalar) && evidence_scalar(&p->evidence))
      scalar = evidence_scalar(&p->evidence);
    if (scalar) {
      m->stats.refs_words++;
      move_to_reference(&m->arena, alt, scalar, alt->ref ? alt->ref : alt->page);
      continue;
    }
    if (alt->array || !is_identifier_name(p->name)) continue;
    const b24_object_type *o = object_of(m, alt);
    if (!o) continue;
    scalar = evidence_scalar(&p->evidence);
    if (!scalar) scalar = key_field_scalar(o, p->name);
    if (!scalar) {
      m->stats.refs_object_ids_unresolved++;
      continue;
    }
    m->stats.refs_object_ids++;
    move_to_reference(&m->arena, alt, scalar, o->id);
  }
}

static void resolve_params(b24_model *m, b24_params *ps, int depth) {
  if (depth > MAX_DEPTH) return;
  for (size_t i = 0; i < ps->n; i++) {
    resolve_param(m, &ps->items[i]);
    resolve_params(m, &ps->items[i].children, depth + 1);
    for (size_t v = 0; v < ps->items[i].n_variants; v++)
      resolve_params(m, &ps->items[i].variants[v].children, depth + 1);
  }
}

void b24_derive_references(b24_model *m) {
  for (size_t i = 0; i < m->n_type_words; i++)
    m->type_words[i].scalar = (char *)identifier_scalar(&m->arena, m->type_words[i].description);
  m->stats.refs_words = m->stats.refs_object_ids = m->stats.refs_object_ids_unresolved = 0;
  for (size_t i = 0; i < m->n_methods; i++) {
    resolve_params(m, &m->methods[i].params, 0);
    resolve_params(m, &m->methods[i].response.fields, 0);
  }
  for (size_t i = 0; i < m->n_objects; i++) resolve_params(m, &m->objects[i].fields, 0);
}
