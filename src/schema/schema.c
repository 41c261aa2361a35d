/* JSON Schemas (2020-12) from the method model; see schema.h for the contract.
 *
 * How the docs' type words map (schema.h tells why results are laxer):
 *   integer, timestamp, id words (user, crm_deal, *.id ...)
 *                    -> integer, or a string of digits
 *   double           -> number, or a numeric string
 *   string, text, char, date, datetime, crm_status and other string ids
 *                    -> string (date/datetime say their format in "description",
 *                       and for parameters as "format": date, date-time)
 *   boolean          -> one of true, false, "Y", "N", 1, 0, "1", "0" (data-types.md:
 *                       "usually Y or N; some methods take 1/0 or true/false")
 *   file             -> a file id, or [name, base64] (params); anything (results)
 *   enum             -> the documented values when there are some
 *   object, array, T[] -> object / array; children become properties (of the
 *                       items, for arrays). PHP's arrays are lists and maps at
 *                       once: the generic `array` takes an object too, and in
 *                       results an object may come as [] and a list as an
 *                       object (a list with gaps in its keys)
 *   T | null         -> the type plus null
 *   anchored object types (a link to a section with a field table) -> "$ref" to a
 *                       "$defs" entry built from that table
 *   anything else    -> {} with a description saying which word it was. */
#include "schema/schema.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/sort.h"

#define SCHEMA_DIALECT "https://json-schema.org/draft/2020-12/schema"
#define INT_PATTERN "^-?[0-9]+$"
#define NUM_PATTERN "^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$"

struct b24_schema_ctx {
  const b24_model *m;
  json_t *defs;            /* name -> schema, shared by everything built */
  char *ref_prefix;        /* "#/$defs/" or "#/components/schemas/" */
};

/* ---- small builders ---------------------------------------------------- */

static json_t *type1(const char *t) { return json_pack("{s:s}", "type", t); }

static json_t *type2(const char *a, const char *b) {
  return json_pack("{s:[s,s]}", "type", a, b);
}

/* An integer, or (as classic REST sends and the docs' examples show) a string of digits. */
static json_t *integer_schema(void) {
  json_t *s = type2("integer", "string");
  json_object_set_new(s, "pattern", json_string(INT_PATTERN));
  return s;
}

static json_t *number_schema(void) {
  json_t *s = type2("number", "string");
  json_object_set_new(s, "pattern", json_string(NUM_PATTERN));
  return s;
}

static json_t *boolean_schema(void) {
  return json_pack("{s:[b,b,s,s,i,i,s,s]}", "enum", 1, 0, "Y", "N", 1, 0, "1", "0");
}

/* An object as PHP answers it: an empty one comes as []. */
static json_t *php_object(void) {
  return json_pack("{s:[s,s],s:{},s:i}", "type", "object", "array", "items", "maxItems", 0);
}

static json_t *permissive(const char *why) { return json_pack("{s:s}", "description", why); }

static json_t *with_description(json_t *s, const char *d) {
  if (d && *d && !json_object_get(s, "description"))
    json_object_set_new(s, "description", json_string(d));
  return s;
}

/* A file parameter: the id of a stored file or [name, base64 content] (one or
 * two strings); an object is accepted too because update methods take
 * {"fileData": ...} and {"del": "Y"} forms. */
static json_t *file_param_schema(void) {
  json_t *pair = json_pack("{s:s,s:{s:s},s:i,s:i}", "type", "array", "items", "type", "string",
                           "minItems", 1, "maxItems", 2);
  return json_pack("{s:s,s:[o,o,o]}", "description",
                   "A file: the id of a stored file, or [file name, content in Base64]",
                   "anyOf", integer_schema(), pair, type1("object"));
}

/* Adds null to what s accepts: to "type" or "enum" in place, else by anyOf. */
static json_t *make_nullable(json_t *s) {
  json_t *t = json_object_get(s, "type");
  json_t *e = json_object_get(s, "enum");
  if (json_is_string(t)) {
    json_object_set_new(s, "type", json_pack("[s,s]", json_string_value(t), "null"));
    return s;
  }
  if (json_is_array(t)) {
    json_array_append_new(t, json_string("null"));
    return s;
  }
  if (json_is_array(e) && !json_object_get(s, "$ref") && !json_object_get(s, "anyOf")) {
    json_array_append_new(e, json_null());
    return s;
  }
  if (!json_object_size(s) || (json_object_size(s) == 1 && json_object_get(s, "description")))
    return s; /* already takes anything */
  return json_pack("{s:[o,{s:s}]}", "anyOf", s, "type", "null");
}

/* ---- type words -------------------------------------------------------- */

typedef enum {
  K_INTEGER, K_DOUBLE, K_STRING, K_DATE, K_DATETIME, K_BOOLEAN, K_TIMESTAMP, K_FILE,
  K_ENUM, K_OBJECT, K_ARRAY, K_ANY, K_NULL, K_CODE, K_TIME, K_INT_ID, K_STRING_ID,
  K_CRM_LINK, K_LANG_MAP, K_UNKNOWN
} word_kind;

typedef struct {
  const char *word;
  word_kind kind;
} word_entry;

/* The words of data-types.md and of the section dictionaries (crm, sale,
 * catalog) whose value is a plain id, code or structure. Sorted for bsearch. */
static const word_entry WORDS[] = {
    {"any", K_ANY},
    {"array", K_ARRAY},
    {"boolean", K_BOOLEAN},
    {"callable", K_CODE},
    {"char", K_STRING},
    {"crm", K_CRM_LINK},
    {"crm_category", K_INT_ID},
    {"crm_company", K_INT_ID},
    {"crm_contact", K_INT_ID},
    {"crm_currency", K_STRING_ID},
    {"crm_deal", K_INT_ID},
    {"crm_entity", K_INT_ID},
    {"crm_lead", K_INT_ID},
    {"crm_quote", K_INT_ID},
    {"crm_status", K_STRING_ID},
    {"crm_userfield", K_ANY},
    {"date", K_DATE},
    {"datetime", K_DATETIME},
    {"double", K_DOUBLE},
    {"enum", K_ENUM},
    {"file", K_FILE},
    {"float", K_DOUBLE},
    {"function", K_CODE},
    {"int", K_INTEGER},
    {"integer", K_INTEGER},
    {"lang_map", K_LANG_MAP},
    {"location", K_INT_ID},
    {"mixed", K_ANY},
    {"null", K_NULL},
    {"number", K_DOUBLE},
    {"object", K_OBJECT},
    {"string", K_STRING},
    {"text", K_STRING},
    {"time", K_TIME},
    {"timestamp", K_TIMESTAMP},
    {"user", K_INT_ID},
    {"userFieldEntityId", K_STRING_ID},
};

static int cmp_word(const void *a, const void *b) {
  return strcmp(((const word_entry *)a)->word, ((const word_entry *)b)->word);
}

/* The dictionaries name id types "<object>.id" (integer) and code types
 * "<object>.code", ".lid", ".CURRENCY", ".symbol" (strings). */
static word_kind classify_word(const char *w) {
  word_entry key = {w, K_UNKNOWN};
  const word_entry *e = b24_bsearch(&key, WORDS, sizeof WORDS / sizeof *WORDS, sizeof *WORDS, cmp_word);
  if (e) return e->kind;
  const char *scalar = b24_key_word_scalar(w);
  return !scalar ? K_UNKNOWN : !strcmp(scalar, "integer") ? K_INT_ID : K_STRING_ID;
}

static const b24_type_word *find_type_word(const b24_model *m, const char *w) {
  for (size_t i = 0; i < m->n_type_words; i++)
    if (!strcmp(m->type_words[i].word, w)) return &m->type_words[i];
  return NULL;
}

/* ---- object types ($defs) ---------------------------------------------- */

/* A $defs key from an object id: "api-reference/crm/deals/crm-deal-get.md#deal"
 * -> "crm.deals.crm-deal-get.deal" (the characters OpenAPI allows in a
 * component name; distinct ids give distinct keys). */
static char *def_key(const char *id) {
  const char *p = id;
  if (!strncmp(p, "api-reference/", 14)) p += 14;
  b24_buf b = B24_BUF_INIT;
  for (; *p; p++) {
    if (!strncmp(p, ".md#", 4)) {
      b24_buf_putc(&b, '.');
      p += 3;
    } else if (*p == '/' || *p == '#') b24_buf_putc(&b, '.');
    else if (isalnum((unsigned char)*p) || *p == '.' || *p == '-' || *p == '_') b24_buf_putc(&b, *p);
    else b24_buf_putc(&b, '_');
  }
  return b24_buf_take(&b);
}

static json_t *ref_to(b24_schema_ctx *c, const char *key) {
  b24_buf b = B24_BUF_INIT;
  b24_buf_printf(&b, "%s%s", c->ref_prefix, key);
  json_t *r = json_pack("{s:s}", "$ref", b.data);
  b24_buf_free(&b);
  return r;
}

static json_t *object_from_params(b24_schema_ctx *c, const b24_params *ps, b24_schema_side side);

/* A reference to the $defs entry of a documented object type, building the entry
 * on first use (a placeholder goes in first, so self-reference terminates). Object
 * types are built result-side: one entry serves requests and responses. */
static json_t *object_type_ref(b24_schema_ctx *c, const b24_object_type *o) {
  char *key = def_key(o->id);
  if (!json_object_get(c->defs, key)) {
    json_object_set_new(c->defs, key, json_object());
    json_t *s = object_from_params(c, &o->fields, B24_SCHEMA_RESULT);
    if (o->name && *o->name) json_object_set_new(s, "title", json_string(o->name));
    json_object_set_new(c->defs, key, s);
  }
  json_t *r = ref_to(c, key);
  free(key);
  return r;
}

static json_t *time_ref(b24_schema_ctx *c) {
  if (!json_object_get(c->defs, "time")) json_object_set_new(c->defs, "time", b24_schema_time());
  return ref_to(c, "time");
}

/* The object type an alternative points at: its resolved link, else a section of
 * the dictionary page named after the word (sale_order -> sale/data-types.md#sale_order). */
static const b24_object_type *object_for_alt(const b24_model *m, const b24_type_alt *a) {
  if (a->ref) {
    const b24_object_type *o = b24_model_find_object(m, a->ref);
    if (o) return o;
  }
  const b24_type_word *w = find_type_word(m, a->base);
  if (!w || !w->dictionary) return NULL;
  b24_buf id = B24_BUF_INIT;
  b24_buf_printf(&id, "%s#%s", w->dictionary, a->base);
  const b24_object_type *o = b24_model_find_object(m, id.data);
  b24_buf_free(&id);
  return o;
}

/* ---- types ------------------------------------------------------------- */

/* A date or date-time string. data-types.md gives `date` as YYYY-MM-DD and
 * `datetime` as YYYY-MM-DDThh:mm:ss±hh:mm, RFC 3339's full-date and date-time:
 * parameters say so with "format" (asserted by the validator, which reads a
 * request's dates as the portal does: jsonschema.h); results only describe it,
 * as portals answer dates in the site's own spellings too. */
static json_t *dated(const char *format, b24_schema_side side) {
  json_t *s = type1("string");
  if (side == B24_SCHEMA_PARAMS) json_object_set_new(s, "format", json_string(format));
  return s;
}

/* An id or a code word (kind K_INT_ID or K_STRING_ID) whose scalar is text or
 * an integer: a `.code` the examples send as numbers is an integer code. */
static json_t *id_schema(const char *word, word_kind kind, int text) {
  b24_buf d = B24_BUF_INIT;
  json_t *s;
  if (text) {
    b24_buf_printf(&d, "A %s code", word);
    s = with_description(type1("string"), d.data);
  } else {
    b24_buf_printf(&d, kind == K_INT_ID ? "The integer id of a %s" : "A %s code, an integer", word);
    s = with_description(integer_schema(), d.data);
  }
  b24_buf_free(&d);
  return s;
}

static json_t *word_schema(b24_schema_ctx *c, const b24_type_alt *a, b24_schema_side side) {
  /* A reference (the model resolved `user` to integer, CURRENCY_ID's `crm_currency`
   * to string) is said as the id or code of the word when the word is known. */
  if (a->reference) {
    word_kind rk = classify_word(a->reference);
    if (rk == K_INT_ID || rk == K_STRING_ID) {
      /* the scalar is the model's (its base): `sale_status.id` reads as an
       * integer, yet the examples that send "MS" made it a code */
      return id_schema(a->reference, rk, !strcmp(a->base, "string"));
    }
  }
  word_kind k = classify_word(a->base);
  if (k == K_TIME) return time_ref(c);
  /* A word the dictionaries call an id or code stays one even when it links to
   * the section of the object it identifies ([`catalog_vat.id`](#catalog_vat)). */
  if (k == K_UNKNOWN || k == K_OBJECT) {
    const b24_object_type *o = object_for_alt(c->m, a);
    if (o) return object_type_ref(c, o);
  }
  b24_buf d = B24_BUF_INIT;
  json_t *s = NULL;
  switch (k) {
  case K_INTEGER: s = integer_schema(); break;
  case K_TIMESTAMP: s = with_description(integer_schema(), "Unix time in seconds"); break;
  case K_DOUBLE: s = number_schema(); break;
  case K_STRING: s = type1("string"); break;
  case K_DATE: s = with_description(dated("date", side), "A date, YYYY-MM-DD"); break;
  case K_DATETIME:
    s = with_description(dated("date-time", side), "A date and time, YYYY-MM-DDThh:mm:ss+hh:mm");
    break;
  case K_BOOLEAN: s = boolean_schema(); break;
  case K_FILE:
    s = side == B24_SCHEMA_PARAMS ? file_param_schema() : permissive("A file (as the method describes it)");
    break;
  case K_ENUM: s = type2("string", "integer"); break;
  case K_OBJECT: s = side == B24_SCHEMA_RESULT ? php_object() : type1("object"); break;
  case K_ARRAY: s = json_pack("{s:[s,s],s:{}}", "type", "array", "object", "items"); break;
  case K_ANY: s = json_object(); break;
  case K_NULL: s = type1("null"); break;
  case K_CODE: s = permissive("A JavaScript function: not a REST value"); break;
  case K_INT_ID:
  case K_STRING_ID: s = id_schema(a->base, k, k == K_STRING_ID); break;
  case K_CRM_LINK:
    s = json_pack("{s:s,s:[{s:s},{s:s,s:{s:s}}]}", "description",
                  "A CRM binding {PREFIX}_{ID} such as D_1, or a list of them", "anyOf", "type",
                  "string", "type", "array", "items", "type", "string");
    break;
  case K_LANG_MAP:
    s = json_pack("{s:s,s:s,s:{s:s}}", "description", "Language id -> text", "type", "object",
                  "additionalProperties", "type", "string");
    break;
  case K_TIME: case K_UNKNOWN:
    if (find_type_word(c->m, a->base))
      b24_buf_printf(&d, "Dictionary type `%s`: its dictionary gives no field table", a->base);
    else b24_buf_printf(&d, "Type word `%s` is not in the docs' type dictionaries", a->base);
    s = permissive(d.data);
    break;
  }
  b24_buf_free(&d);
  return s;
}

static json_t *alt_schema(b24_schema_ctx *c, const b24_type_alt *a, b24_schema_side side) {
  json_t *s = word_schema(c, a, side);
  if (!a->array) return s;
  if (side == B24_SCHEMA_RESULT) /* a PHP list with gaps in its keys answers as an object */
    return json_pack("{s:[s,s],s:O,s:o}", "type", "array", "object", "items", s,
                     "additionalProperties", s);
  return json_pack("{s:s,s:o}", "type", "array", "items", s);
}

static json_t *type_schema(b24_schema_ctx *c, const b24_type *t, b24_schema_side side) {
  json_t *s;
  if (t->n_alts == 0) s = permissive("The docs give no type");
  else if (t->n_alts == 1) s = alt_schema(c, &t->alts[0], side);
  else {
    json_t *any = json_array();
    for (size_t i = 0; i < t->n_alts; i++) {
      json_t *a = alt_schema(c, &t->alts[i], side);
      int dup = 0;
      for (size_t j = 0; j < json_array_size(any) && !dup; j++) dup = json_equal(json_array_get(any, j), a);
      if (dup) json_decref(a);
      else json_array_append_new(any, a);
    }
    if (json_array_size(any) == 1) {
      s = json_incref(json_array_get(any, 0));
      json_decref(any);
    } else s = json_pack("{s:o}", "anyOf", any);
  }
  return t->nullable ? make_nullable(s) : s;
}

/* ---- parameters -------------------------------------------------------- */

/* "UF_*" -> "^UF_.*$": the docs' wildcard names are globs. */
static char *glob_to_regex(const char *g) {
  b24_buf b = B24_BUF_INIT;
  b24_buf_putc(&b, '^');
  for (; *g; g++) {
    if (*g == '*') b24_buf_puts(&b, ".*");
    else if (isalnum((unsigned char)*g) || *g == '_' || *g == '-') b24_buf_putc(&b, *g);
    else {
      b24_buf_putc(&b, '\\');
      b24_buf_putc(&b, *g);
    }
  }
  b24_buf_putc(&b, '$');
  return b24_buf_take(&b);
}

/* Enum values are enforced on parameters only, and only when every value reads
 * as a plain token: "Possible values" lists also hold prose such as ">= 1 -> 1". */
static int plain_token(const char *v) {
  if (!*v) return 0;
  for (const char *p = v; *p; p++)
    if (!(isalnum((unsigned char)*p) || strchr("_-.:/", *p))) return 0;
  return 1;
}

static int is_integer_text(const char *v) {
  const char *p = v + (*v == '-');
  if (!*p) return 0;
  for (; *p; p++)
    if (!isdigit((unsigned char)*p)) return 0;
  return 1;
}

static void add_enum(json_t *s, const b24_param *p, b24_schema_side side) {
  if (side != B24_SCHEMA_PARAMS || !p->n_enum || p->type.n_alts != 1 || p->type.alts[0].array)
    return;
  word_kind k = classify_word(p->type.alts[0].base);
  if (k != K_STRING && k != K_ENUM && k != K_INTEGER && k != K_STRING_ID) return;
  if (json_object_get(s, "$ref")) return;
  for (size_t i = 0; i < p->n_enum; i++)
    if (!plain_token(p->enum_values[i])) return;
  json_t *e = json_array();
  for (size_t i = 0; i < p->n_enum; i++) {
    const char *v = p->enum_values[i];
    if (k != K_STRING && k != K_STRING_ID && is_integer_text(v))
      json_array_append_new(e, json_integer(strtoll(v, NULL, 10)));
    else if (k == K_INTEGER) { /* a word among integer values: the list is prose */
      json_decref(e);
      return;
    }
    json_array_append_new(e, json_string(v));
  }
  if (p->type.nullable) json_array_append_new(e, json_null());
  json_object_del(s, "type");
  json_object_del(s, "pattern");
  json_object_set_new(s, "enum", e);
}

static int is_array_type(const b24_type *t) {
  if (t->n_alts == 0) return 0;
  for (size_t i = 0; i < t->n_alts; i++)
    if (!t->alts[i].array && strcmp(t->alts[i].base, "array")) return 0;
  return 1;
}

/* Only the word `array` (no `T[]`): PHP's list-or-map. */
static int generic_array(const b24_type *t) {
  for (size_t i = 0; i < t->n_alts; i++)
    if (t->alts[i].array) return 0;
  return t->n_alts > 0;
}

static json_t *variants_anyof(b24_schema_ctx *c, const b24_param *p, b24_schema_side side) {
  json_t *any = json_array();
  for (size_t i = 0; i < p->n_variants; i++) {
    json_t *v = object_from_params(c, &p->variants[i].children, side);
    json_object_set_new(v, "title", json_string(p->variants[i].name));
    json_array_append_new(any, v);
  }
  return any;
}

/* The shape a parameter's nested table describes: an object with its children
 * as properties, and, when the docs name no discriminator, anyOf its variants. */
static json_t *nested_shape(b24_schema_ctx *c, const b24_param *p, b24_schema_side side) {
  json_t *s = object_from_params(c, &p->children, side);
  if (p->n_variants && !p->variant_key) json_object_set_new(s, "anyOf", variants_anyof(c, p, side));
  return s;
}

/* What the examples send where the table says otherwise (model evidence), as
 * schemas: a list of what the table describes when the examples send a list
 * ("PHONE": [{"VALUE": ...}] for a crm_multifield), else the plain JSON type. */
static void add_evidence_alts(json_t *any, const json_t *table, unsigned kinds, b24_schema_side side) {
  /* a string where the table says number is a placeholder ("your_product_id"):
   * the table's type stands (it takes digit strings already) */
  const json_t *t = json_object_get(table, "type");
  if (json_is_array(t) && json_array_size(t) == 2 &&
      json_is_string(json_object_get(table, "pattern")))
    kinds &= ~(unsigned)B24_JSON_KIND_STRING;
  if (kinds & B24_JSON_KIND_ARRAY)
    json_array_append_new(any, json_pack("{s:s,s:O}", "type", "array", "items", table));
  if (kinds & B24_JSON_KIND_OBJECT)
    json_array_append_new(any, side == B24_SCHEMA_RESULT ? php_object() : type1("object"));
  if (kinds & B24_JSON_KIND_STRING) json_array_append_new(any, type1("string"));
  if (kinds & (B24_JSON_KIND_INTEGER | B24_JSON_KIND_NUMBER)) json_array_append_new(any, type1("number"));
  if (kinds & B24_JSON_KIND_BOOLEAN) json_array_append_new(any, type1("boolean"));
}

/* The table's schema, or, when the examples disagree with the table, either. */
static json_t *with_evidence(json_t *s, const b24_param *p, b24_schema_side side) {
  if (!p->evidence.disagrees) return s;
  json_t *any = json_array();
  json_array_append_new(any, s);
  add_evidence_alts(any, s, p->evidence.kinds, side);
  if (json_array_size(any) == 1) { /* nothing to add: the table's schema alone */
    json_incref(s);
    json_decref(any);
    return s;
  }
  return json_pack("{s:s,s:o}", "description",
                   "The table's type, or what the docs' examples send", "anyOf", any);
}

json_t *b24_schema_ctx_param(b24_schema_ctx *c, const b24_param *p, b24_schema_side side) {
  json_t *s;
  if (p->children.n || p->n_variants) {
    json_t *shape = nested_shape(c, p, side);
    if (is_array_type(&p->type) && generic_array(&p->type) && side == B24_SCHEMA_RESULT &&
        json_is_object(json_object_get(shape, "properties"))) {
      /* the word `array` with fields, in an answer: PHP's array is a list of such
       * items or a map with those keys ({"0": [...], "5": [...]}); both are valid */
      s = json_deep_copy(shape);
      json_object_set_new(s, "type", json_pack("[s,s]", "array", "object"));
      json_object_set_new(s, "items", shape);
    } else if (is_array_type(&p->type)) {
      s = type1("array");
      json_object_set_new(s, "items", shape);
    } else s = shape;
    if (p->type.nullable) s = make_nullable(s);
  } else {
    s = type_schema(c, &p->type, side);
    add_enum(s, p, side);
  }
  s = with_evidence(s, p, side);
  if (p->description && *p->description) { /* the row's words, then what the type adds */
    const char *type_note = json_string_value(json_object_get(s, "description"));
    b24_buf d = B24_BUF_INIT;
    b24_buf_puts(&d, p->description);
    if (type_note) b24_buf_printf(&d, "\n\n(%s)", type_note);
    json_object_set_new(s, "description", json_string(d.data));
    b24_buf_free(&d);
  }
  return s;
}

/* "if KEY is one of the variant's keys then PARAM has the variant's shape", one per
 * variant, for a parameter whose discriminator is a sibling field. */
static void add_variant_conditions(b24_schema_ctx *c, json_t *obj, const b24_param *p,
                                   b24_schema_side side) {
  json_t *all = json_object_get(obj, "allOf");
  if (!all) {
    all = json_array();
    json_object_set_new(obj, "allOf", all);
  }
  for (size_t i = 0; i < p->n_variants; i++) {
    const b24_variant *v = &p->variants[i];
    json_t *keys = json_array();
    for (size_t k = 0; k < v->n_keys; k++) {
      json_array_append_new(keys, json_string(v->keys[k]));
      if (is_integer_text(v->keys[k])) json_array_append_new(keys, json_integer(strtoll(v->keys[k], NULL, 10)));
    }
    json_t *shape = object_from_params(c, &v->children, side);
    json_object_set_new(shape, "title", json_string(v->name));
    json_t *cond = json_pack("{s:{s:{s:{s:o}},s:[s]},s:{s:{s:o}}}", "if", "properties",
                             p->variant_key, "enum", keys, "required", p->variant_key, "then",
                             "properties", p->name, shape);
    json_array_append_new(all, cond);
  }
}

/* "IBLOCK_CODE/IBLOCK_ID" required: one of the names must be sent, either will do. */
static void add_one_of_required(json_t *obj, const b24_param *p) {
  json_t *all = json_object_get(obj, "allOf");
  if (!all) {
    all = json_array();
    json_object_set_new(obj, "allOf", all);
  }
  json_t *any = json_array();
  for (size_t a = 0; a < p->n_alternatives; a++)
    json_array_append_new(any, json_pack("{s:[s]}", "required", p->alternatives[a]));
  json_array_append_new(all, json_pack("{s:o}", "anyOf", any));
}

static json_t *object_from_params(b24_schema_ctx *c, const b24_params *ps, b24_schema_side side) {
  json_t *obj = side == B24_SCHEMA_RESULT ? php_object() : type1("object");
  json_t *props = json_object(), *patterns = json_object(), *req = json_array();
  for (size_t i = 0; i < ps->n; i++) {
    const b24_param *p = &ps->items[i];
    json_t *s = b24_schema_ctx_param(c, p, side);
    if (p->wildcard) {
      if (!strcmp(p->name, "*") && !json_object_get(obj, "additionalProperties"))
        json_object_set_new(obj, "additionalProperties", s); /* every other key */
      else if (strchr(p->name, '*')) {
        char *re = glob_to_regex(p->name);
        json_object_set_new(patterns, re, s);
        free(re);
      } else json_decref(s); /* <field_code>: any key; nothing to check by name */
      continue;
    }
    if (json_object_get(props, p->name)) { /* the same name twice: keep the first */
      json_decref(s);
      continue;
    }
    for (size_t a = 1; a < p->n_alternatives; a++)
      if (!json_object_get(props, p->alternatives[a]))
        json_object_set_new(props, p->alternatives[a], json_deep_copy(s));
    json_object_set_new(props, p->name, s);
    if (p->required && p->n_alternatives > 1) add_one_of_required(obj, p);
    else if (p->required) json_array_append_new(req, json_string(p->name));
    if (p->n_variants && p->variant_key) add_variant_conditions(c, obj, p, side);
  }
  /* a stable key order: type, properties, patternProperties, additionalProperties,
   * required, allOf */
  json_t *all = json_incref(json_object_get(obj, "allOf"));
  json_t *additional = json_incref(json_object_get(obj, "additionalProperties"));
  json_object_del(obj, "allOf");
  json_object_del(obj, "additionalProperties");
  if (json_object_size(props)) json_object_set(obj, "properties", props);
  if (json_object_size(patterns)) json_object_set(obj, "patternProperties", patterns);
  if (additional) json_object_set_new(obj, "additionalProperties", additional);
  if (json_array_size(req)) json_object_set(obj, "required", req);
  if (all) json_object_set_new(obj, "allOf", all);
  json_decref(props);
  json_decref(patterns);
  json_decref(req);
  return obj;
}

/* ---- methods ----------------------------------------------------------- */

b24_schema_ctx *b24_schema_ctx_new(const b24_model *m, const char *ref_prefix) {
  b24_schema_ctx *c = calloc(1, sizeof *c);
  if (!c) abort();
  c->m = m;
  c->defs = json_object();
  c->ref_prefix = strdup(ref_prefix);
  return c;
}

void b24_schema_ctx_free(b24_schema_ctx *c) {
  if (!c) return;
  json_decref(c->defs);
  free(c->ref_prefix);
  free(c);
}

json_t *b24_schema_ctx_defs(b24_schema_ctx *c) { return c->defs; }

json_t *b24_schema_ctx_object(b24_schema_ctx *c, const b24_params *ps, b24_schema_side side) {
  return object_from_params(c, ps, side);
}

json_t *b24_schema_ctx_params(b24_schema_ctx *c, const b24_method *meth) {
  json_t *s = object_from_params(c, &meth->params, B24_SCHEMA_PARAMS);
  return s;
}

static const b24_param *find_field(const b24_params *ps, const char *name) {
  for (size_t i = 0; i < ps->n; i++)
    if (!strcmp(ps->items[i].name, name)) return &ps->items[i];
  return NULL;
}

/* `result` of a method whose table lists the result's own fields rather than a
 * `result` row: those fields, on an object or on each item of a list (the docs
 * use such tables for both). */
static json_t *result_from_bare_fields(b24_schema_ctx *c, const b24_params *fields) {
  b24_params rest = {malloc((fields->n ? fields->n : 1) * sizeof *fields->items), 0};
  if (!rest.items) abort();
  for (size_t i = 0; i < fields->n; i++)
    if (strcmp(fields->items[i].name, "time")) rest.items[rest.n++] = fields->items[i];
  json_t *obj = object_from_params(c, &rest, B24_SCHEMA_RESULT);
  free(rest.items);
  json_t *items = json_deep_copy(obj);
  json_object_set_new(items, "type", json_string("object"));
  json_object_del(items, "items");
  json_object_del(items, "maxItems");
  json_object_del(obj, "maxItems");
  json_object_set_new(obj, "items", items);
  return obj;
}

json_t *b24_schema_ctx_result(b24_schema_ctx *c, const b24_method *meth) {
  const b24_params *f = &meth->response.fields;
  json_t *props = json_object();
  const b24_param *result = find_field(f, "result");
  if (result) {
    for (size_t i = 0; i < f->n; i++) {
      const b24_param *p = &f->items[i];
      if (json_object_get(props, p->name)) continue;
      json_object_set_new(props, p->name, !strcmp(p->name, "time") ? time_ref(c)
                                          : b24_schema_ctx_param(c, p, B24_SCHEMA_RESULT));
    }
  } else if (f->n && !(f->n == 1 && find_field(f, "time")))
    json_object_set_new(props, "result", result_from_bare_fields(c, f));
  else
    json_object_set_new(props, "result", permissive("The docs give no table of the result"));
  if (!json_object_get(props, "time")) json_object_set_new(props, "time", time_ref(c));
  json_t *s = type1("object");
  json_object_set_new(s, "properties", props);
  json_object_set_new(s, "required", json_pack("[s]", "result"));
  return s;
}

/* ---- standalone schemas ------------------------------------------------ */

json_t *b24_schema_time(void) {
  json_t *num = number_schema();
  json_t *s = json_pack(
      "{s:s,s:s,s:s,s:{s:O,s:O,s:O,s:O,s:{s:s},s:{s:s},s:o,s:O},s:[s,s]}", "title", "time",
      "description", "How long the request took (data-types.md#time)", "type", "object",
      "properties", "start", num, "finish", num, "duration", num, "processing", num,
      "date_start", "type", "string", "date_finish", "type", "string", "operating_reset_at",
      integer_schema(), "operating", num, "required", "start", "finish");
  json_decref(num);
  return s;
}

json_t *b24_schema_error_envelope(void) {
  /* Classic REST: {"error": "CODE", "error_description": "text"}; REST 3.0 puts
   * an object {"code", "message", ...} under "error". */
  return json_pack("{s:s,s:s,s:s,s:{s:{s:[{s:s},{s:s,s:{s:{s:s},s:{s:s}},s:[s]}]},s:{s:s}},s:[s]}",
                   "title", "error", "description", "The body of a failed call", "type", "object",
                   "properties", "error", "anyOf", "type", "string", "type", "object",
                   "properties", "code", "type", "string", "message", "type", "string",
                   "required", "code", "error_description", "type", "string", "required",
                   "error");
}

json_t *b24_schema_document(json_t *body, const char *title, json_t *defs) {
  json_t *doc = json_pack("{s:s,s:s}", "$schema", SCHEMA_DIALECT, "title", title);
  const char *k;
  json_t *v;
  json_object_foreach(body, k, v) {
    if (strcmp(k, "title")) json_object_set(doc, k, v);
  }
  if (defs && json_object_size(defs)) json_object_set(doc, "$defs", defs);
  json_decref(body);
  return doc;
}

static json_t *standalone(json_t *(*build)(b24_schema_ctx *, const b24_method *),
                          const b24_model *m, const b24_method *meth, const char *suffix) {
  b24_schema_ctx *c = b24_schema_ctx_new(m, "#/$defs/");
  json_t *body = build(c, meth);
  b24_buf title = B24_BUF_INIT;
  b24_buf_printf(&title, "%s%s %s", meth->name, meth->rest_version == 3 ? " (REST 3.0)" : "", suffix);
  json_t *doc = b24_schema_document(body, title.data, c->defs);
  b24_buf_free(&title);
  b24_schema_ctx_free(c);
  return doc;
}

json_t *b24_schema_for_params(const b24_model *m, const b24_method *meth) {
  return standalone(b24_schema_ctx_params, m, meth, "parameters");
}

json_t *b24_schema_for_result(const b24_model *m, const b24_method *meth) {
  return standalone(b24_schema_ctx_result, m, meth, "success response");
}

json_t *b24_schema_for_type_side(const b24_model *m, const b24_type *t, b24_schema_side side) {
  b24_schema_ctx *c = b24_schema_ctx_new(m, "#/$defs/");
  json_t *s = type_schema(c, t, side);
  if (json_object_size(c->defs)) json_object_set(s, "$defs", c->defs);
  b24_schema_ctx_free(c);
  return s;
}

json_t *b24_schema_for_type(const b24_model *m, const b24_type *t) {
  return b24_schema_for_type_side(m, t, B24_SCHEMA_RESULT);
}

json_t *b24_schema_for_param(const b24_model *m, const b24_param *p, b24_schema_side side) {
  b24_schema_ctx *c = b24_schema_ctx_new(m, "#/$defs/");
  json_t *s = b24_schema_ctx_param(c, p, side);
  if (json_object_size(c->defs)) json_object_set(s, "$defs", c->defs);
  b24_schema_ctx_free(c);
  return s;
}

char *b24_schema_stem(const b24_method *meth) {
  b24_buf b = B24_BUF_INIT;
  b24_buf_printf(&b, "%s%s", meth->name, meth->rest_version == 3 ? ".v3" : "");
  return b24_buf_take(&b);
}
