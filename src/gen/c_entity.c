/* An entity type's files: c/include/b24/api/types/<file>.h (the struct of the entity's
 * fields, merged across its pages by the model, with extern encoder, decoder and
 * release function, and filter helpers typed by the fields) and c/src/api/types/<file>.c.
 * Every add, update, get and list method of the entity whose rows are its fields uses
 * this one type (c_shape.c decides where). */
#include <stdlib.h>
#include <string.h>

#include "gen/c_stubs.h"
#include "gen/c_text.h"

/* The kinds a filter helper exists for. */
static const struct {
  c_kind kind;
  const char *word, *c_type, *setter;
} FILTER_KINDS[] = {
    {C_INT, "int", "long long", "b24_filter_int"},
    {C_DOUBLE, "double", "double", "b24_filter_double"},
    {C_STR, "str", "const char *", "b24_filter_str"},
};

static char *upper(const char *s) {
  char *u = strdup(s);
  if (!u) abort();
  for (char *p = u; *p; p++)
    if (*p >= 'a' && *p <= 'z') *p = (char)(*p - 32);
  return u;
}

/* The operators the entity's list method documents, for the filter helpers' comment. */
static void documented_ops(b24_buf *t, const b24_entity *e) {
  const b24_method *list = b24_entity_method_of(e, B24_ROLE_LIST);
  if (!list || !list->list || !list->list->n_filter_ops) return;
  b24_buf_printf(t, "\nOperators %s documents:", list->name);
  for (size_t i = 0; i < list->list->n_filter_ops; i++)
    b24_buf_printf(t, " %s", list->list->filter_ops[i]);
}

/* One inline helper: the condition on a field of kind k (its keys in `keys`, each
 * followed by ", "), on one value or on an array. */
static void filter_function(b24_buf *b, const c_entity_type *et, size_t k, const b24_buf *keys,
                            bool array) {
  const char *word = FILTER_KINDS[k].word, *type = et->type_name;
  b24_buf_printf(b, "static inline int %s_filter_%s%s(b24_filter *filter, b24_filter_op op,\n"
                    "    %s_%s_field field, %s%s) {\n"
                    "  static const char *const KEYS[] = {%.*s};\n"
                    "  return %s%s(filter, op, KEYS[field], %s);\n}\n\n",
                 type, word, array ? "_array" : "", type, word, FILTER_KINDS[k].c_type,
                 array ? " const *values, size_t n" : " value", (int)keys->len - 2, keys->data,
                 FILTER_KINDS[k].setter, array ? "_array" : "", array ? "values, n" : "value");
}

/* Per kind: an enum of the fields of that kind and two inline helpers that add a
 * condition on one of them (one value, or an array for B24_IN and friends). */
static void filter_helpers(b24_buf *b, const c_entity_type *et, c_names *globals) {
  const c_struct *s = et->s;
  char *prefix = upper(et->type_name);
  for (size_t k = 0; k < sizeof FILTER_KINDS / sizeof *FILTER_KINDS; k++) {
    size_t n = 0;
    for (size_t i = 0; i < s->n; i++) n += s->members[i].kind == FILTER_KINDS[k].kind;
    if (!n) continue;
    const char *w = FILTER_KINDS[k].word;
    b24_buf t = B24_BUF_INIT, keys = B24_BUF_INIT;
    b24_buf_printf(&t, "The %s fields of %s, for %s_filter_%s().", FILTER_KINDS[k].word,
                   et->entity->name, et->type_name, w);
    c_text_doc_block(b, t.data, "");
    b24_buf_printf(b, "typedef enum %s_%s_field {\n", et->type_name, w);
    for (size_t i = 0; i < s->n; i++) {
      const c_member *m = &s->members[i];
      if (m->kind != FILTER_KINDS[k].kind) continue;
      char *id = upper(m->ident);
      b24_buf want = B24_BUF_INIT;
      b24_buf_printf(&want, "%s_%s", prefix, id);
      char *name = c_names_take(globals, want.data);
      b24_buf_printf(b, "  %s, /**< %s */\n", name, m->key);
      c_text_string(&keys, m->key);
      b24_buf_puts(&keys, ", ");
      free(name), free(id);
      b24_buf_free(&want);
    }
    b24_buf_printf(b, "} %s_%s_field;\n\n", et->type_name, w);
    b24_buf_clear(&t);
    b24_buf_printf(&t, "Adds filter[op + field] = value (see b24/list.h): 0, or -1.");
    documented_ops(&t, et->entity);
    c_text_doc_block(b, t.data, "");
    filter_function(b, et, k, &keys, false);
    if (FILTER_KINDS[k].kind != C_DOUBLE) {
      b24_buf_puts(b, "/** Adds filter[op + field] = [values...] (B24_IN, B24_NOT_IN, B24_BETWEEN). */\n");
      filter_function(b, et, k, &keys, true);
    }
    b24_buf_free(&t);
    b24_buf_free(&keys);
  }
  free(prefix);
}

/* Which methods use the type, for the header's comment. */
static void users(b24_buf *t, const b24_entity *e) {
  b24_buf_puts(t, "\nMethods of the entity:");
  for (size_t i = 0; i < e->n_methods; i++)
    b24_buf_printf(t, " %s (%s)", e->methods[i].method->name, b24_role_name(e->methods[i].role));
}

static void entity_header(b24_buf *b, const b24_model *model, const c_entity_type *et,
                          c_names *globals) {
  const b24_entity *e = et->entity;
  b24_buf t = B24_BUF_INIT;
  b24_buf_printf(&t, C_DOC_CMD "file\n" C_DOC_CMD "brief %s: one record, as add and update send "
                     "it and get and list return it.\nIts fields are merged across the pages "
                     "of the entity by b24spec's model; id key %s.",
                 e->name, e->id_key ? e->id_key : "(not documented)");
  users(&t, e);
  b24_buf_puts(&t, "\n\nGenerated by b24spec. Do not edit.");
  c_text_doc_block(b, t.data, "");
  char *guard = upper(et->file);
  b24_buf_printf(b, "#ifndef B24_API_TYPES_%s_H\n#define B24_API_TYPES_%s_H\n"
                    "#include <b24/api_support.h>\n\n#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n",
                 guard, guard);
  b24_buf_clear(&t);
  b24_buf_printf(&t, C_DOC_CMD "brief A %s record.\nDecoded: present says the value was an "
                     "object, json is that object. Encoded (add, update): the members that are "
                     "set, read-only ones never; zero the struct first.", e->name);
  c_emit_typedefs(b, model, et->s, true, t.data, et->file);
  b24_buf_free(&t);
  b24_buf_printf(b, "/** Writes the members of a %s that are set into obj: NULL, or the key that "
                    "failed. */\nconst char *%s(const void *value, json_t *obj);\n",
                 et->type_name, et->s->fn_encode);
  b24_buf_printf(b, "/** Decodes a %s from a JSON object. */\nvoid %s(b24_decoder *d, const "
                    "json_t *json, void *out);\n",
                 et->type_name, et->s->fn_decode);
  if (et->s->fn_release)
    b24_buf_printf(b, "/** Frees the arrays a decoded %s owns. */\nvoid %s(void *value);\n",
                   et->type_name, et->s->fn_release);
  b24_buf_putc(b, '\n');
  filter_helpers(b, et, globals);
  b24_buf_puts(b, "#ifdef __cplusplus\n}\n#endif\n#endif\n");
  free(guard);
}

void c_entity_add(b24_outputs *o, const b24_model *model, const c_entity_type *et,
                  c_names *globals) {
  b24_buf b = B24_BUF_INIT, path = B24_BUF_INIT;
  entity_header(&b, model, et, globals);
  b24_buf_printf(&path, "c/include/b24/api/types/%s.h", et->file);
  size_t n = b.len;
  b24_outputs_add(o, path.data, b24_buf_take(&b), n);
  b24_buf_printf(&b, "/* Generated by b24spec. Do not edit.\n * %s: the encoder, decoder and "
                     "release function of the entity type. */\n#include <b24/api/types/%s.h>\n\n",
                 et->entity->name, et->file);
  c_emit_encoders(&b, et->s, et->file);
  c_emit_decoders(&b, et->s, et->file);
  c_emit_releasers(&b, et->s, et->file);
  b24_buf_clear(&path);
  b24_buf_printf(&path, "c/src/api/types/%s.c", et->file);
  n = b.len;
  b24_outputs_add(o, path.data, b24_buf_take(&b), n);
  b24_buf_free(&path);
}
