/* The structs of one method's stub and their encoders, decoders and release functions
 * (c_emit_method.c prints the rest). The shape (c_shape.h) has decided every name and
 * type; this file only prints it.
 *
 * Every file-scope name of a stub is unique in the whole API (c_shape takes them from
 * one registry), so the sources can be compiled in batches (unity build) and static
 * helpers never clash. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen/c_stubs.h"
#include "gen/c_doc.h"
#include "gen/c_text.h"

/* --- comments ------------------------------------------------------------------------- */

/* The comment above a member: key, type as written, whether required, the description
 * and the stated default. */
void c_emit_member_comment(b24_buf *b, const b24_model *model, const c_member *m, bool result) {
  b24_buf t = B24_BUF_INIT;
  if (m->kind == C_VARIANT) {
    const b24_variant *v = m->variant;
    b24_buf_printf(&t, "Variant \"%s\" (for ", v->name);
    for (size_t i = 0; i < v->n_keys; i++) b24_buf_printf(&t, "%s%s", i ? ", " : "", v->keys[i]);
    b24_buf_puts(&t, "): its keys are written into this object when the pointer is set.");
  } else {
    const b24_param *p = m->doc;
    b24_buf_printf(&t, "%s (%s%s)", m->key, p->type.written && *p->type.written ? p->type.written : "no type",
                   m->required ? ", required" : "");
    if (p->description && *p->description) {
      char *text = c_doc_text(model, p->loc.file, p->loc.line, p->description);
      b24_buf_printf(&t, ": %s", text);
      free(text);
    }
    if (p->default_value && !(p->description && strstr(p->description, p->default_value)))
      b24_buf_printf(&t, "\nDefault: %s", p->default_value);
    if (m->kind == C_YN) b24_buf_puts(&t, "\nSent as \"Y\" / \"N\".");
    if (m->count_ident) b24_buf_printf(&t, "\n%s: number of items.", m->count_ident);
    if (m->read_only) b24_buf_puts(&t, "\nRead-only: decoded, never sent.");
    if (result && m->kind == C_JSON) b24_buf_puts(&t, "\nBorrowed from the result.");
    else if (!result && m->kind == C_JSON) b24_buf_puts(&t, "\nBorrowed: any JSON value.");
  }
  c_text_doc_block(b, t.data, "  ");
  b24_buf_free(&t);
}

/* The comment above a struct: what it stands for, and the documented names that are
 * not members. */
static void struct_comment(b24_buf *b, const b24_model *model, const c_struct *s,
                           const char *lead) {
  b24_buf t = B24_BUF_INIT;
  b24_buf_puts(&t, lead);
  if (s->doc && s->doc->description && *s->doc->description) {
    char *text = c_doc_text(model, s->doc->loc.file, s->doc->loc.line, s->doc->description);
    b24_buf_printf(&t, "\n%s", text);
    free(text);
  }
  if (s->n_not_keys) {
    b24_buf_puts(&t, "\nAlso documented, not members (name patterns or paths");
    b24_buf_puts(&t, s->fn_encode ? "; send them through extra):" : "; read them from json):");
    for (size_t i = 0; i < s->n_not_keys; i++) b24_buf_printf(&t, " %s", s->not_keys[i]);
  }
  if (s->n_variants_skipped)
    b24_buf_printf(&t, "\nPer-variant keys (%zu variants) are not decoded; read them from json.",
                   s->n_variants_skipped);
  c_text_doc_block(b, t.data, "");
  b24_buf_free(&t);
}

/* --- declarations ----------------------------------------------------------------------- */

static void param_member_decl(b24_buf *b, const c_member *m) {
  const char *id = m->ident, *n = m->count_ident;
  bool req = m->required;
  switch (m->kind) {
  case C_INT: b24_buf_printf(b, "  %s %s;\n", req ? "long long" : "b24_opt_int", id); break;
  case C_DOUBLE: b24_buf_printf(b, "  %s %s;\n", req ? "double" : "b24_opt_double", id); break;
  case C_BOOL:
  case C_YN: b24_buf_printf(b, "  %s %s;\n", req ? "bool" : "b24_opt_bool", id); break;
  case C_STR: b24_buf_printf(b, "  const char *%s;\n", id); break;
  case C_INT_ARRAY: b24_buf_printf(b, "  const long long *%s;\n  size_t %s;\n", id, n); break;
  case C_STR_ARRAY: b24_buf_printf(b, "  const char *const *%s;\n  size_t %s;\n", id, n); break;
  case C_JSON: b24_buf_printf(b, "  json_t *%s;\n", id); break;
  case C_STRUCT:
  case C_VARIANT: b24_buf_printf(b, "  const %s *%s;\n", m->sub->type_name, id); break;
  case C_STRUCT_ARRAY:
    b24_buf_printf(b, "  const %s *%s;\n  size_t %s;\n", m->sub->type_name, id, n);
    break;
  case C_FILTER: b24_buf_printf(b, "  const b24_filter *%s;\n", id); break;
  case C_ORDER: b24_buf_printf(b, "  const b24_order *%s;\n", id); break;
  }
}

void c_emit_result_member_decl(b24_buf *b, const c_member *m) {
  const char *id = m->ident;
  switch (m->kind) {
  case C_INT: b24_buf_printf(b, "  b24_opt_int %s;\n", id); break;
  case C_DOUBLE: b24_buf_printf(b, "  b24_opt_double %s;\n", id); break;
  case C_BOOL:
  case C_YN: b24_buf_printf(b, "  b24_opt_bool %s;\n", id); break;
  case C_STR: b24_buf_printf(b, "  const char *%s;\n", id); break;
  case C_STRUCT: b24_buf_printf(b, "  %s %s;\n", m->sub->type_name, id); break;
  case C_STRUCT_ARRAY:
    b24_buf_printf(b, "  %s *%s;\n  size_t %s;\n", m->sub->type_name, id, m->count_ident);
    break;
  case C_INT_ARRAY: b24_buf_printf(b, "  const long long *%s;\n  size_t %s;\n", id, m->count_ident); break;
  case C_STR_ARRAY:
    b24_buf_printf(b, "  const char *const *%s;\n  size_t %s;\n", id, m->count_ident);
    break;
  default: b24_buf_printf(b, "  json_t *%s;\n", id); break;
  }
}

/* Typedefs of s and of every struct below it, innermost first. */
/* true when s is printed in the file `own` (NULL: a method's file). */
static bool printed_in(const c_struct *s, const char *own) {
  return own ? s->shared_file && !strcmp(s->shared_file, own) : !s->shared_file;
}

void c_emit_typedefs(b24_buf *b, const b24_model *model, const c_struct *s, bool result,
                     const char *lead, const char *own) {
  if (!printed_in(s, own)) return;
  for (size_t i = 0; i < s->n; i++)
    if (s->members[i].sub) c_emit_typedefs(b, model, s->members[i].sub, result, NULL, own);
  b24_buf t = B24_BUF_INIT;
  if (!lead) b24_buf_printf(&t, result ? "Decoded %s." : "%s.", s->what);
  struct_comment(b, model, s, lead ? lead : t.data);
  b24_buf_free(&t);
  b24_buf_printf(b, "typedef struct %s {\n", s->type_name);
  if (result)
    b24_buf_puts(b, "  /** true when the value was a JSON object; json is that object, borrowed\n"
                    "   * from the result (undocumented keys are read from it). */\n"
                    "  bool present;\n  const json_t *json;\n");
  for (size_t i = 0; i < s->n; i++) {
    c_emit_member_comment(b, model, &s->members[i], result);
    if (result) c_emit_result_member_decl(b, &s->members[i]);
    else param_member_decl(b, &s->members[i]);
  }
  if (!result || s->both_ways)
    b24_buf_puts(b, "  /** Keys the docs do not list: a JSON object (borrowed) or NULL. Each of its\n"
                    "   * keys is sent unless a member above already sent that key. */\n"
                    "  json_t *extra;\n");
  b24_buf_printf(b, "} %s;\n\n", s->type_name);
}

/* --- encoders --------------------------------------------------------------------------- */

static void key_arg(b24_buf *b, const char *key) { c_text_string(b, key); }

static void encode_clause(b24_buf *b, const c_member *m, bool both_ways) {
  const char *id = m->ident, *req = m->required ? "true" : "false";
  static const char *const SETTERS[][2] = {
      [C_INT] = {"b24_params_set_int", "b24_params_set_opt_int"},
      [C_DOUBLE] = {"b24_params_set_double", "b24_params_set_opt_double"},
      [C_BOOL] = {"b24_params_set_bool", "b24_params_set_opt_bool"},
      [C_YN] = {"b24_params_set_yn", "b24_params_set_opt_yn"},
      [C_STR] = {"b24_enc_required_str", "b24_params_set_str"},
      [C_JSON] = {"b24_enc_required_json", "b24_params_set_json"},
  };
  switch (m->kind) {
  case C_INT:
  case C_DOUBLE:
  case C_BOOL:
  case C_YN:
  case C_STR:
  case C_JSON:
    b24_buf_printf(b, "%s(obj, k = ", SETTERS[m->kind][m->required ? 0 : 1]);
    key_arg(b, m->key);
    b24_buf_printf(b, ", v->%s)", id);
    break;
  case C_INT_ARRAY:
  case C_STR_ARRAY:
    b24_buf_printf(b, "b24_enc_%s_array(obj, k = ", m->kind == C_INT_ARRAY ? "int" : "str");
    key_arg(b, m->key);
    b24_buf_printf(b, ", v->%s, v->%s, %s)", id, m->count_ident, req);
    break;
  case C_STRUCT:
    b24_buf_puts(b, "b24_enc_struct(obj, &k, ");
    key_arg(b, m->key);
    if (both_ways) /* embedded: sent when it was decoded or set present */
      b24_buf_printf(b, ", v->%s.present ? &v->%s : NULL, false, %s)", id, id, m->sub->fn_encode);
    else b24_buf_printf(b, ", v->%s, %s, %s)", id, req, m->sub->fn_encode);
    break;
  case C_STRUCT_ARRAY:
    b24_buf_puts(b, "b24_enc_struct_array(obj, &k, ");
    key_arg(b, m->key);
    b24_buf_printf(b, ", v->%s, v->%s, sizeof *v->%s, %s, %s)", id, m->count_ident, id, req,
                   m->sub->fn_encode);
    break;
  case C_VARIANT:
    b24_buf_printf(b, "b24_enc_merge(obj, &k, v->%s, %s)", id, m->sub->fn_encode);
    break;
  case C_FILTER:
  case C_ORDER:
    b24_buf_printf(b, "b24_enc_%s(obj, k = ", m->kind == C_FILTER ? "filter" : "order");
    key_arg(b, m->key);
    b24_buf_printf(b, ", v->%s)", id);
    break;
  }
}

/* Encoders of s and of every struct below it, innermost first: each writes the keys
 * that are set, in document order, then the extra keys. */
static const char *storage(const c_struct *s) { return s->exported ? "" : "static "; }

void c_emit_encoders(b24_buf *b, const c_struct *s, const char *own) {
  if (!printed_in(s, own) || !s->fn_encode) return;
  for (size_t i = 0; i < s->n; i++) /* a read-only member is never sent: no encoder */
    if (s->members[i].sub && !s->members[i].read_only) c_emit_encoders(b, s->members[i].sub, own);
  b24_buf_printf(b,
                 "%sconst char *%s(const void *value, json_t *obj) {\n"
                 "  const %s *v = value;\n"
                 "  const char *k = NULL;\n"
                 "  if (",
                 storage(s), s->fn_encode, s->type_name);
  for (size_t i = 0; i < s->n; i++) {
    if (s->members[i].read_only) continue; /* entity types: never sent */
    encode_clause(b, &s->members[i], s->both_ways);
    b24_buf_puts(b, " ||\n      ");
  }
  b24_buf_puts(b, "b24_enc_extra(obj, &k, v->extra))\n    return k;\n  return NULL;\n}\n\n");
}

/* --- decoders --------------------------------------------------------------------------- */

static void decode_statement(b24_buf *b, const c_member *m) {
  static const char *const DECODERS[] = {
      [C_INT] = "b24_dec_int", [C_DOUBLE] = "b24_dec_double", [C_BOOL] = "b24_dec_bool",
      [C_YN] = "b24_dec_bool", [C_STR] = "b24_dec_str"};
  const char *id = m->ident;
  switch (m->kind) {
  case C_INT:
  case C_DOUBLE:
  case C_BOOL:
  case C_YN:
  case C_STR:
    b24_buf_printf(b, "  %s(d, json, ", DECODERS[m->kind]);
    key_arg(b, m->key);
    b24_buf_printf(b, ", &v->%s);\n", id);
    break;
  case C_STRUCT:
    b24_buf_puts(b, "  b24_dec_struct(d, json, ");
    key_arg(b, m->key);
    b24_buf_printf(b, ", &v->%s, %s);\n", id, m->sub->fn_decode);
    break;
  case C_INT_ARRAY:
  case C_STR_ARRAY:
    b24_buf_printf(b, "  v->%s = b24_dec_%s_list(d, json, ", id, m->kind == C_INT_ARRAY ? "int" : "str");
    key_arg(b, m->key);
    b24_buf_printf(b, ", &v->%s);\n", m->count_ident);
    break;
  case C_STRUCT_ARRAY:
    b24_buf_printf(b, "  v->%s = b24_dec_items(d, json, ", id);
    key_arg(b, m->key);
    b24_buf_printf(b, ", &v->%s, sizeof *v->%s, %s);\n", m->count_ident, id, m->sub->fn_decode);
    break;
  default:
    b24_buf_printf(b, "  v->%s = json_object_get(json, ", id);
    key_arg(b, m->key);
    b24_buf_puts(b, ");\n");
    break;
  }
}

/* Decoders of s and of every struct below it, innermost first. A decoder is called
 * with a JSON object only (b24_dec_struct and b24_dec_items check). */
void c_emit_decoders(b24_buf *b, const c_struct *s, const char *own) {
  if (!printed_in(s, own)) return;
  for (size_t i = 0; i < s->n; i++)
    if (s->members[i].sub) c_emit_decoders(b, s->members[i].sub, own);
  b24_buf_printf(b,
                 "%svoid %s(b24_decoder *d, const json_t *json, void *out) {\n"
                 "  %s *v = out;\n"
                 "  v->present = true;\n"
                 "  v->json = json;\n",
                 storage(s), s->fn_decode, s->type_name);
  bool uses_d = false;
  for (size_t i = 0; i < s->n; i++) {
    decode_statement(b, &s->members[i]);
    uses_d |= s->members[i].kind != C_JSON;
  }
  if (!uses_d) b24_buf_puts(b, "  (void)d;\n");
  b24_buf_puts(b, "}\n\n");
}

/* Release functions of the structs that own arrays (here or below). */
void c_emit_releasers(b24_buf *b, const c_struct *s, const char *own) {
  if (!s->needs_release || !printed_in(s, own)) return;
  for (size_t i = 0; i < s->n; i++)
    if (s->members[i].sub) c_emit_releasers(b, s->members[i].sub, own);
  b24_buf_printf(b, "%svoid %s(void *value) {\n  %s *v = value;\n", storage(s), s->fn_release,
                 s->type_name);
  for (size_t i = 0; i < s->n; i++) {
    const c_member *m = &s->members[i];
    const c_struct *sub = m->sub;
    if (m->kind == C_STRUCT_ARRAY)
      b24_buf_printf(b, "  b24_free_items((void *)v->%s, v->%s, sizeof *v->%s, %s);\n", m->ident,
                     m->count_ident, m->ident, sub->fn_release ? sub->fn_release : "NULL");
    else if (m->kind == C_STRUCT && sub->needs_release)
      b24_buf_printf(b, "  %s(&v->%s);\n", sub->fn_release, m->ident);
    else if (m->kind == C_INT_ARRAY || m->kind == C_STR_ARRAY)
      b24_buf_printf(b, "  free((void *)v->%s);\n", m->ident);
  }
  b24_buf_puts(b, "}\n\n");
}
