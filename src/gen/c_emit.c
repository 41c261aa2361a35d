/* The text of one method's stub: its header (structs and prototypes) and its source
 * (encoders, decoders, the call). The shape (c_shape.h) has decided every name and
 * type; this file only prints it.
 *
 * Every file-scope name of a stub is unique in the whole API (c_shape takes them from
 * one registry), so the sources can be compiled in batches (unity build) and static
 * helpers never clash. */
#include <stdio.h>
#include <string.h>

#include "gen/c_stubs.h"
#include "gen/c_text.h"

/* --- comments ------------------------------------------------------------------------- */

/* The comment above a member: key, type as written, whether required, the description
 * and the stated default. */
static void member_comment(b24_buf *b, const c_member *m, bool result) {
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
    if (p->description && *p->description) b24_buf_printf(&t, ": %s", p->description);
    if (p->default_value && !(p->description && strstr(p->description, p->default_value)))
      b24_buf_printf(&t, "\nDefault: %s", p->default_value);
    if (m->kind == C_YN) b24_buf_puts(&t, "\nSent as \"Y\" / \"N\".");
    if (m->count_ident) b24_buf_printf(&t, "\n%s: number of items.", m->count_ident);
    if (result && m->kind == C_JSON) b24_buf_puts(&t, "\nBorrowed from the result.");
    else if (!result && m->kind == C_JSON) b24_buf_puts(&t, "\nBorrowed: any JSON value.");
  }
  c_text_comment_block(b, t.data, "  ");
  b24_buf_free(&t);
}

/* The comment above a struct: what it stands for, and the documented names that are
 * not members. */
static void struct_comment(b24_buf *b, const c_struct *s, const char *lead) {
  b24_buf t = B24_BUF_INIT;
  b24_buf_puts(&t, lead);
  if (s->doc && s->doc->description && *s->doc->description)
    b24_buf_printf(&t, "\n%s", s->doc->description);
  if (s->n_not_keys) {
    b24_buf_puts(&t, "\nAlso documented, not members (name patterns or paths");
    b24_buf_puts(&t, s->fn_encode ? "; send them through extra):" : "; read them from json):");
    for (size_t i = 0; i < s->n_not_keys; i++) b24_buf_printf(&t, " %s", s->not_keys[i]);
  }
  if (s->n_variants_skipped)
    b24_buf_printf(&t, "\nPer-variant keys (%zu variants) are not decoded; read them from json.",
                   s->n_variants_skipped);
  c_text_comment_block(b, t.data, "");
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
  }
}

static void result_member_decl(b24_buf *b, const c_member *m) {
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
  default: b24_buf_printf(b, "  json_t *%s;\n", id); break;
  }
}

/* Typedefs of s and of every struct below it, innermost first. */
static void struct_typedefs(b24_buf *b, const c_struct *s, bool result, const char *lead) {
  for (size_t i = 0; i < s->n; i++)
    if (s->members[i].sub) struct_typedefs(b, s->members[i].sub, result, NULL);
  b24_buf t = B24_BUF_INIT;
  if (!lead) b24_buf_printf(&t, result ? "Decoded %s." : "%s.", s->what);
  struct_comment(b, s, lead ? lead : t.data);
  b24_buf_free(&t);
  b24_buf_printf(b, "typedef struct %s {\n", s->type_name);
  if (result)
    b24_buf_puts(b, "  /* true when the value was a JSON object; json is that object, borrowed\n"
                    "   * from the result (undocumented keys are read from it). */\n"
                    "  bool present;\n  const json_t *json;\n");
  for (size_t i = 0; i < s->n; i++) {
    member_comment(b, &s->members[i], result);
    if (result) result_member_decl(b, &s->members[i]);
    else param_member_decl(b, &s->members[i]);
  }
  if (!result)
    b24_buf_puts(b, "  /* Keys the docs do not list: a JSON object (borrowed) or NULL. Each of its\n"
                    "   * keys is sent unless a member above already sent that key. */\n"
                    "  json_t *extra;\n");
  b24_buf_printf(b, "} %s;\n\n", s->type_name);
}

/* --- encoders --------------------------------------------------------------------------- */

static void key_arg(b24_buf *b, const char *key) { c_text_string(b, key); }

static void encode_clause(b24_buf *b, const c_member *m) {
  const char *id = m->ident, *req = m->required ? "true" : "false";
  static const char *const SETTERS[][2] = {
      [C_INT] = {"b24_params_set_int", "b24_params_set_opt_int"},
      [C_DOUBLE] = {"b24_params_set_double", "b24_params_set_opt_double"},
      [C_BOOL] = {"b24_params_set_bool", "b24_params_set_opt_bool"},
      [C_YN] = {"b24_params_set_yn", "b24_params_set_opt_yn"},
      [C_STR] = {"b24api_put_required_str", "b24_params_set_str"},
      [C_JSON] = {"b24api_put_required_json", "b24_params_set_json"},
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
    b24_buf_printf(b, "b24api_put_%s_array(obj, k = ", m->kind == C_INT_ARRAY ? "int" : "str");
    key_arg(b, m->key);
    b24_buf_printf(b, ", v->%s, v->%s, %s)", id, m->count_ident, req);
    break;
  case C_STRUCT:
    b24_buf_puts(b, "b24api_put_struct(obj, &k, ");
    key_arg(b, m->key);
    b24_buf_printf(b, ", v->%s, %s, %s)", id, req, m->sub->fn_encode);
    break;
  case C_STRUCT_ARRAY:
    b24_buf_puts(b, "b24api_put_struct_array(obj, &k, ");
    key_arg(b, m->key);
    b24_buf_printf(b, ", v->%s, v->%s, sizeof *v->%s, %s, %s)", id, m->count_ident, id, req,
                   m->sub->fn_encode);
    break;
  case C_VARIANT:
    b24_buf_printf(b, "b24api_merge_struct(obj, &k, v->%s, %s)", id, m->sub->fn_encode);
    break;
  }
}

/* Encoders of s and of every struct below it, innermost first: each writes the keys
 * that are set, in document order, then the extra keys. */
static void struct_encoders(b24_buf *b, const c_struct *s) {
  for (size_t i = 0; i < s->n; i++)
    if (s->members[i].sub) struct_encoders(b, s->members[i].sub);
  b24_buf_printf(b,
                 "static const char *%s(const void *value, json_t *obj) {\n"
                 "  const %s *v = value;\n"
                 "  const char *k = NULL;\n"
                 "  if (",
                 s->fn_encode, s->type_name);
  for (size_t i = 0; i < s->n; i++) {
    encode_clause(b, &s->members[i]);
    b24_buf_puts(b, " ||\n      ");
  }
  b24_buf_puts(b, "b24api_put_extra(obj, &k, v->extra))\n    return k;\n  return NULL;\n}\n\n");
}

/* --- decoders --------------------------------------------------------------------------- */

static void decode_statement(b24_buf *b, const c_member *m) {
  static const char *const GETTERS[] = {
      [C_INT] = "b24_json_get_int", [C_DOUBLE] = "b24_json_get_double",
      [C_BOOL] = "b24_json_get_bool", [C_YN] = "b24_json_get_bool", [C_STR] = "b24_json_get_str"};
  const char *id = m->ident;
  switch (m->kind) {
  case C_INT:
  case C_DOUBLE:
  case C_BOOL:
  case C_YN:
  case C_STR:
    b24_buf_printf(b, "  *errors += %s(json, ", GETTERS[m->kind]);
    key_arg(b, m->key);
    b24_buf_printf(b, ", &v->%s) != 0;\n", id);
    break;
  case C_STRUCT:
    b24_buf_printf(b, "  %s(json_object_get(json, ", m->sub->fn_decode);
    key_arg(b, m->key);
    b24_buf_printf(b, "), &v->%s, errors);\n", id);
    break;
  case C_STRUCT_ARRAY:
    b24_buf_printf(b, "  v->%s = b24api_get_items(json_object_get(json, ", id);
    key_arg(b, m->key);
    b24_buf_printf(b, "), &v->%s, sizeof *v->%s, %s, errors);\n", m->count_ident, id,
                   m->sub->fn_decode);
    break;
  default:
    b24_buf_printf(b, "  v->%s = json_object_get(json, ", id);
    key_arg(b, m->key);
    b24_buf_puts(b, ");\n");
    break;
  }
}

static void struct_decoders(b24_buf *b, const c_struct *s) {
  for (size_t i = 0; i < s->n; i++)
    if (s->members[i].sub) struct_decoders(b, s->members[i].sub);
  b24_buf_printf(b,
                 "static void %s(const json_t *json, void *out, int *errors) {\n"
                 "  %s *v = out;\n"
                 "  if (!(json = b24api_object(json, errors))) return;\n"
                 "  v->present = true;\n"
                 "  v->json = json;\n",
                 s->fn_decode, s->type_name);
  for (size_t i = 0; i < s->n; i++) decode_statement(b, &s->members[i]);
  b24_buf_puts(b, "}\n\n");
}

/* Release functions of the structs that own arrays (here or below). */
static void struct_releasers(b24_buf *b, const c_struct *s) {
  if (!s->needs_release) return;
  for (size_t i = 0; i < s->n; i++)
    if (s->members[i].sub) struct_releasers(b, s->members[i].sub);
  b24_buf_printf(b, "static void %s(void *value) {\n  %s *v = value;\n", s->fn_release,
                 s->type_name);
  for (size_t i = 0; i < s->n; i++) {
    const c_member *m = &s->members[i];
    const c_struct *sub = m->sub;
    if (m->kind == C_STRUCT_ARRAY)
      b24_buf_printf(b, "  b24api_free_items(v->%s, v->%s, sizeof *v->%s, %s);\n", m->ident,
                     m->count_ident, m->ident, sub->fn_release ? sub->fn_release : "NULL");
    else if (m->kind == C_STRUCT && sub->needs_release)
      b24_buf_printf(b, "  %s(&v->%s);\n", sub->fn_release, m->ident);
  }
  b24_buf_puts(b, "}\n\n");
}

/* --- the method ------------------------------------------------------------------------- */

static void file_banner(b24_buf *b, const c_method_shape *sh) {
  const b24_method *mt = sh->method;
  b24_buf t = B24_BUF_INIT;
  b24_buf_printf(&t, "Generated by b24spec from %s (line %d). Do not edit.\n\n%s", mt->source,
                 mt->line, mt->name);
  if (mt->title && *mt->title) b24_buf_printf(&t, ": %s", mt->title);
  if (mt->description && *mt->description) b24_buf_printf(&t, "\n%s", mt->description);
  if (mt->n_scope) {
    b24_buf_puts(&t, "\n\nScope:");
    for (size_t i = 0; i < mt->n_scope; i++) b24_buf_printf(&t, " %s", mt->scope[i]);
  }
  if (mt->access && *mt->access) b24_buf_printf(&t, "\nWho can execute the method: %s", mt->access);
  if (mt->rest_version == 3) b24_buf_puts(&t, "\nREST 3.0 method (called under /rest/api/).");
  c_text_comment_block(b, t.data, "");
  b24_buf_free(&t);
}

static void result_typedef(b24_buf *b, const c_method_shape *sh) {
  const c_result *r = &sh->result;
  if (r->sub) struct_typedefs(b, r->sub, true, NULL);
  b24_buf t = B24_BUF_INIT;
  b24_buf_printf(&t, "What %s returned. Release it with %s() after every call, whatever the "
                     "call returned.", sh->method->name, sh->result_free);
  struct_comment(b, &(c_struct){.doc = NULL}, t.data);
  b24_buf_free(&t);
  b24_buf_printf(b,
                 "typedef struct %s {\n"
                 "  /* The whole answer (owned): after an error answer too; NULL when there was\n"
                 "   * none. */\n"
                 "  json_t *response;\n"
                 "  /* Its \"result\" member (owned; NULL unless the call returned B24_OK). */\n"
                 "  json_t *raw;\n"
                 "  /* Its \"time\" member (strings borrowed from response). */\n"
                 "  b24_time_info time;\n"
                 "  /* Its \"total\" and \"next\" members (list methods). */\n"
                 "  b24_opt_int total;\n"
                 "  b24_opt_int next;\n"
                 "  /* Documented values that were present with a type that does not convert\n"
                 "   * (left unset). */\n"
                 "  int decode_errors;\n",
                 sh->result_type);
  if (r->kind != C_JSON) {
    c_member m = {.key = "result", .doc = r->doc, .kind = r->kind, .sub = r->sub,
                  .ident = r->kind == C_STRUCT_ARRAY ? "items" : "value",
                  .count_ident = r->kind == C_STRUCT_ARRAY ? "n_items" : NULL};
    if (r->doc) member_comment(b, &m, true);
    result_member_decl(b, &m);
  }
  b24_buf_printf(b, "} %s;\n\n", sh->result_type);
}

void c_emit_header(b24_buf *b, const c_method_shape *sh) {
  const b24_method *mt = sh->method;
  file_banner(b, sh);
  char guard[512];
  snprintf(guard, sizeof guard, "B24_API_%s_H", sh->file);
  for (char *p = guard; *p; p++)
    if (*p >= 'a' && *p <= 'z') *p = (char)(*p - 32);
  b24_buf_printf(b, "#ifndef %s\n#define %s\n#include <b24/api_support.h>\n\n", guard, guard);
  b24_buf_puts(b, "#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n");
  b24_buf t = B24_BUF_INIT;
  b24_buf_printf(&t, "Parameters of %s. Start from a zeroed struct: optional members left unset "
                     "(b24_opt_* not set, NULL pointers) are not sent.", mt->name);
  struct_typedefs(b, sh->params, false, t.data);
  b24_buf_free(&t);
  result_typedef(b, sh);
  b24_buf_printf(&t, "Calls %s", mt->name);
  if (mt->title && *mt->title) b24_buf_printf(&t, " (%s)", mt->title);
  b24_buf_printf(&t, ".\nparams may be NULL when no parameter is required. result may be NULL; "
                     "else release it with %s(). Returns B24_OK or a b24_status; err (may be "
                     "NULL) says what went wrong.", sh->result_free);
  c_text_comment_block(b, t.data, "");
  b24_buf_free(&t);
  b24_buf_printf(b, "int %s(b24_client *client, const %s *params, %s *result,\n"
                    "    b24_api_error *err);\n\n",
                 sh->fn, sh->params_type, sh->result_type);
  b24_buf_printf(b, "/* Releases what %s() put into *result (NULL is allowed) and zeroes it. */\n"
                    "void %s(%s *result);\n\n",
                 sh->fn, sh->result_free, sh->result_type);
  b24_buf_printf(b, "#ifdef __cplusplus\n}\n#endif\n#endif\n");
}

static void call_function(b24_buf *b, const c_method_shape *sh) {
  const c_result *r = &sh->result;
  b24_buf_printf(b,
                 "int %s(b24_client *client, const %s *params, %s *result,\n"
                 "    b24_api_error *err) {\n"
                 "  json_t *answer = NULL;\n"
                 "  int rc = b24api_call(client, %s, ",
                 sh->fn, sh->params_type, sh->result_type,
                 sh->method->rest_version == 3 ? "B24_CALL_V3" : "0u");
  c_text_string(b, sh->method->name);
  b24_buf_printf(b, ", params, %s, %s, &answer, err);\n", sh->params->has_required ? "true" : "false",
                 sh->params->fn_encode);
  b24_buf_puts(b, "  if (!result) {\n    json_decref(answer);\n    return rc;\n  }\n"
                  "  b24api_zero(result, sizeof *result);\n"
                  "  result->response = answer;\n"
                  "  if (rc != B24_OK) return rc;\n"
                  "  result->raw = b24api_envelope(answer, &result->time, &result->total, "
                  "&result->next,\n      &result->decode_errors);\n");
  static const char *const VALUE_FN[] = {[C_INT] = "b24api_value_int", [C_DOUBLE] = "b24api_value_double",
                                         [C_BOOL] = "b24api_value_bool", [C_STR] = "b24api_value_str"};
  switch (r->kind) {
  case C_INT:
  case C_DOUBLE:
  case C_BOOL:
  case C_STR:
    b24_buf_printf(b, "  result->decode_errors += %s(result->raw, &result->value) != 0;\n",
                   VALUE_FN[r->kind]);
    break;
  case C_STRUCT:
    b24_buf_printf(b, "  %s(result->raw, &result->value, &result->decode_errors);\n", r->sub->fn_decode);
    break;
  case C_STRUCT_ARRAY:
    b24_buf_printf(b, "  result->items = b24api_get_items(result->raw, &result->n_items, "
                      "sizeof *result->items,\n      %s, &result->decode_errors);\n",
                   r->sub->fn_decode);
    break;
  default: break;
  }
  b24_buf_puts(b, "  return rc;\n}\n\n");
  b24_buf_printf(b, "void %s(%s *result) {\n  if (!result) return;\n", sh->result_free,
                 sh->result_type);
  if (r->kind == C_STRUCT && r->sub->needs_release)
    b24_buf_printf(b, "  %s(&result->value);\n", r->sub->fn_release);
  if (r->kind == C_STRUCT_ARRAY)
    b24_buf_printf(b, "  b24api_free_items(result->items, result->n_items, sizeof *result->items, %s);\n",
                   r->sub->fn_release ? r->sub->fn_release : "NULL");
  b24_buf_puts(b, "  b24api_release_answer(result->response, result->raw);\n"
                  "  b24api_zero(result, sizeof *result);\n}\n");
}

void c_emit_source(b24_buf *b, const c_method_shape *sh) {
  b24_buf t = B24_BUF_INIT;
  b24_buf_printf(&t, "Generated by b24spec from %s (line %d). Do not edit.\n%s: the call, its "
                     "parameter encoders and its result decoders.",
                 sh->method->source, sh->method->line, sh->method->name);
  c_text_comment_block(b, t.data, "");
  b24_buf_free(&t);
  b24_buf_printf(b, "#include <b24/api/%s.h>\n\n", sh->file);
  struct_encoders(b, sh->params);
  if (sh->result.sub) {
    struct_decoders(b, sh->result.sub);
    struct_releasers(b, sh->result.sub);
  }
  call_function(b, sh);
}
