/* The C client stubs generator: for each method a header c/include/b24/api/<name>.h and a
 * source c/src/api/<name>.c, plus the umbrella header b24/api.h, the source list
 * c/sources.cmake, and the fixed files (support helpers, c/CMakeLists.txt, c/README.md
 * which documents the naming rules and the struct design for users of the stubs).
 *
 * One file pair per method keeps a regeneration local: a changed page rewrites its own
 * two files (and the umbrella and the source list only when a method comes or goes).
 * Function names: "b24_" + the method name in words ("user.userfield.update" ->
 * b24_user_userfield_update, "catalog.priceType.getFields" ->
 * b24_catalog_price_type_get_fields). When a REST 3.0 page and a classic page document
 * the same name, the REST 3.0 function gets "_v3"; any other clash gets "_2", "_3", ...
 * in model order (methods sorted by name, then page). */
#include <stdlib.h>
#include <string.h>

#include "gen/c_stubs.h"
#include "util/sort.h"

/* Names the runtime library declares: a method must never be named like one of them. */
static const char *const RUNTIME_NAMES[] = {
    "b24_answer", "b24_api_error", "b24_api_error_format", "b24_batch", "b24_batch_add",
    "b24_batch_add_call", "b24_batch_answer", "b24_batch_free", "b24_batch_new",
    "b24_batch_result", "b24_batch_run", "b24_batch_set_halt", "b24_batch_size", "b24_call",
    "b24_call_ex", "b24_call_v3", "b24_client_set_strict_decoding", "b24_client_strict_decoding",
    "b24_dec_bool", "b24_dec_double", "b24_dec_int", "b24_dec_items", "b24_dec_object",
    "b24_dec_str", "b24_dec_struct", "b24_decode_answer", "b24_decode_fn", "b24_decode_report",
    "b24_decoder", "b24_enc_extra", "b24_enc_int_array", "b24_enc_merge",
    "b24_enc_required_json", "b24_enc_required_str", "b24_enc_str_array", "b24_enc_struct",
    "b24_enc_struct_array", "b24_encode_fn", "b24_encode_params", "b24_filter_double",
    "b24_filter_int", "b24_filter_int_array", "b24_filter_op", "b24_filter_op_prefix",
    "b24_filter_str", "b24_filter_str_array", "b24_filter_yn", "b24_free_items",
    "b24_invoke", "b24_invoke_body", "b24_list_cursor", "b24_list_cursor_fast", "b24_list_more",
    "b24_list_next", "b24_method_desc", "b24_query_string", "b24_release_fn", "b24_result_free",
    "b24_value_kind",
    "b24_client", "b24_client_free", "b24_client_new_oauth", "b24_client_new_webhook",
    "b24_client_set_access_token", "b24_client_set_ca_file",
    "b24_client_set_insecure_for_testing", "b24_client_set_retries",
    "b24_client_set_sleep_hook", "b24_client_set_timeouts", "b24_client_set_user_agent",
    "b24_json_as_bool", "b24_json_as_double", "b24_json_as_int", "b24_json_as_str",
    "b24_json_get_bool", "b24_json_get_double", "b24_json_get_int", "b24_json_get_str",
    "b24_opt_bool", "b24_opt_double", "b24_opt_int", "b24_params_set_bool",
    "b24_params_set_double", "b24_params_set_int", "b24_params_set_int_array",
    "b24_params_set_json", "b24_params_set_json_new", "b24_params_set_opt_bool",
    "b24_params_set_opt_double", "b24_params_set_opt_int", "b24_params_set_opt_yn",
    "b24_params_set_str", "b24_params_set_str_array", "b24_params_set_yn", "b24_sleep_fn",
    "b24_some_bool", "b24_some_double", "b24_some_int", "b24_status", "b24_status_name",
    "b24_time_info", "b24_time_info_decode",
};

typedef struct method_base {
  size_t index;
  char *base;
} method_base;

static int cmp_base(const void *a, const void *b) {
  const method_base *x = a, *y = b;
  int c = strcmp(x->base, y->base);
  return c ? c : (x->index > y->index) - (x->index < y->index);
}

static char *concat(const char *a, const char *b) {
  size_t na = strlen(a), nb = strlen(b);
  char *s = malloc(na + nb + 1);
  if (!s) abort();
  memcpy(s, a, na);
  memcpy(s + na, b, nb + 1);
  return s;
}

/* "b24_" + the name in words, with "_v3" for the REST 3.0 page of a name that a
 * classic page documents too. */
static char **method_bases(const b24_model *m) {
  size_t n = m->n_methods;
  method_base *v = calloc(n ? n : 1, sizeof *v);
  char **bases = calloc(n ? n : 1, sizeof *bases);
  if (!v || !bases) abort();
  for (size_t i = 0; i < n; i++) {
    char *words = c_snake(m->methods[i].name);
    v[i] = (method_base){i, concat("b24_", words)};
    free(words);
  }
  b24_qsort(v, n, sizeof *v, cmp_base);
  for (size_t i = 0, j; i < n; i = j) {
    bool classic = false;
    for (j = i; j < n && !strcmp(v[j].base, v[i].base); j++)
      classic |= m->methods[v[j].index].rest_version != 3;
    for (size_t k = i; k < j; k++) {
      size_t idx = v[k].index;
      if (j - i > 1 && classic && m->methods[idx].rest_version == 3) {
        bases[idx] = concat(v[k].base, "_v3");
        free(v[k].base);
      } else bases[idx] = v[k].base;
    }
  }
  free(v);
  return bases;
}

static const char *arena_concat(b24_arena *a, const char *x, const char *y) {
  char *s = concat(x, y);
  const char *r = b24_arena_strdup(a, s);
  free(s);
  return r;
}

/* Takes, for each method in model order, the first of base, base_2, ... whose function
 * and fixed type names are all free. */
static void name_methods(const b24_model *m, c_names *globals, b24_arena *arena,
                         c_method_shape *shapes) {
  static const char *const FIXED[] = {"",       "_params", "_result",       "_result_free",
                                      "_method", "_batch",  "_batch_result", "_next"};
  enum { N_FIXED = sizeof FIXED / sizeof *FIXED };
  char **bases = method_bases(m);
  b24_buf cand = B24_BUF_INIT;
  for (size_t i = 0; i < m->n_methods; i++) {
    for (unsigned k = 1;; k++) {
      b24_buf_clear(&cand);
      if (k == 1) b24_buf_puts(&cand, bases[i]);
      else b24_buf_printf(&cand, "%s_%u", bases[i], k);
      bool free_all = true;
      for (size_t f = 0; f < N_FIXED && free_all; f++) {
        char *s = concat(cand.data, FIXED[f]);
        free_all = !c_names_has(globals, s);
        free(s);
      }
      if (free_all) break;
    }
    for (size_t f = 0; f < N_FIXED; f++) {
      char *s = concat(cand.data, FIXED[f]);
      c_names_add(globals, s);
      free(s);
    }
    c_method_shape *sh = &shapes[i];
    sh->method = &m->methods[i];
    sh->fn = b24_arena_strdup(arena, cand.data);
    sh->file = sh->fn + strlen("b24_");
    sh->params_type = arena_concat(arena, sh->fn, "_params");
    sh->result_type = arena_concat(arena, sh->fn, "_result");
    sh->result_free = arena_concat(arena, sh->fn, "_result_free");
    sh->desc = arena_concat(arena, sh->fn, "_method");
    free(bases[i]);
  }
  free(bases);
  b24_buf_free(&cand);
}

static void add_buf(b24_outputs *o, const char *path, b24_buf *b) {
  size_t n = b->len;
  b24_outputs_add(o, path, b24_buf_take(b), n);
}

static void add_method_files(b24_outputs *o, const b24_model *m, const c_method_shape *sh) {
  b24_buf b = B24_BUF_INIT, path = B24_BUF_INIT;
  c_emit_header(&b, m, sh);
  b24_buf_printf(&path, "c/include/b24/api/%s.h", sh->file);
  add_buf(o, path.data, &b);
  c_emit_source(&b, sh);
  b24_buf_clear(&path);
  b24_buf_printf(&path, "c/src/api/%s.c", sh->file);
  add_buf(o, path.data, &b);
  b24_buf_free(&path);
}

/* The umbrella header and the source list, in model order. */
static void add_lists(b24_outputs *o, const c_shape_ctx *ctx, const c_method_shape *shapes,
                      size_t n) {
  b24_buf h = B24_BUF_INIT, s = B24_BUF_INIT;
  b24_buf_puts(&h, "/* Generated by b24spec. Do not edit.\n"
                   " * Every Bitrix24 method stub. Each method also has a header of its own,\n"
                   " * b24/api/<method>.h, which compiles faster than this one. */\n"
                   "#ifndef B24_API_H\n#define B24_API_H\n");
  b24_buf_puts(&s, "# Generated by b24spec. Do not edit.\n"
                   "# The sources of the b24api library (see CMakeLists.txt).\n"
                   "set(B24API_SOURCES\n");
  for (size_t i = 0; i < ctx->n_entities; i++) {
    b24_buf_printf(&h, "#include <b24/api/types/%s.h>\n", ctx->entities[i].file);
    b24_buf_printf(&s, "  ${CMAKE_CURRENT_LIST_DIR}/src/api/types/%s.c\n", ctx->entities[i].file);
  }
  for (size_t i = 0; i < n; i++) {
    b24_buf_printf(&h, "#include <b24/api/%s.h>\n", shapes[i].file);
    b24_buf_printf(&s, "  ${CMAKE_CURRENT_LIST_DIR}/src/api/%s.c\n", shapes[i].file);
  }
  b24_buf_puts(&h, "#endif\n");
  b24_buf_puts(&s, ")\n");
  add_buf(o, "c/include/b24/api.h", &h);
  add_buf(o, "c/sources.cmake", &s);
}

int b24_gen_c(const b24_model *m, b24_outputs *o) {
  c_names globals;
  c_names_init(&globals);
  for (size_t i = 0; i < sizeof RUNTIME_NAMES / sizeof *RUNTIME_NAMES; i++)
    c_names_add(&globals, RUNTIME_NAMES[i]);
  b24_arena arena;
  b24_arena_init(&arena);
  c_method_shape *shapes = b24_arena_alloc(&arena, (m->n_methods + 1) * sizeof *shapes);
  name_methods(m, &globals, &arena, shapes);
  c_shape_ctx ctx = {.model = m, .arena = &arena, .globals = &globals};
  c_shape_entities(&ctx);
  for (size_t i = 0; i < ctx.n_entities; i++) c_entity_add(o, m, &ctx.entities[i], &globals);
  /* The batch method has no stub: its C form is the runtime's b24/batch.h, which sends
   * other methods' calls and decodes each answer with its own method's decoder. */
  size_t n = 0;
  for (size_t i = 0; i < m->n_methods; i++)
    if (!m->methods[i].is_batch) shapes[n++] = shapes[i];
  for (size_t i = 0; i < n; i++) {
    c_shape_method(&ctx, &shapes[i]);
    add_method_files(o, m, &shapes[i]);
  }
  add_lists(o, &ctx, shapes, n);
  c_support_add(o);
  c_example_add(o, shapes, n);
  b24_arena_free(&arena);
  c_names_free(&globals);
  return b24_gen_c_events(m, o);
}
