/* The type mapping and the validator on the seed pages: what the docs' words
 * become, that the docs' own examples validate, and that wrong values are caught
 * with the right JSON pointer. Usage: test_schema DOCS_ROOT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "schema/schema.h"
#include "util/jsonschema.h"

static int failures, checks;

#define CHECK(cond, ...)                                      \
  do {                                                        \
    checks++;                                                 \
    if (!(cond)) {                                            \
      failures++;                                             \
      fprintf(stderr, "%s:%d: FAIL: ", __FILE__, __LINE__);   \
      fprintf(stderr, __VA_ARGS__);                           \
      fputc('\n', stderr);                                    \
    }                                                         \
  } while (0)

/* Validates text (JSON) against s; returns the error count, errors in *out. */
static int check_json(const json_t *s, const char *text, int flags, b24_buf *out) {
  json_error_t e;
  json_t *v = json_loads(text, JSON_DECODE_ANY, &e);
  if (!v) {
    fprintf(stderr, "bad test JSON %s: %s\n", text, e.text);
    exit(2);
  }
  if (out) b24_buf_clear(out);
  int n = b24_jsonschema_validate_ex(s, v, flags, out);
  json_decref(v);
  return n;
}

static int valid(const json_t *s, const char *text) { return check_json(s, text, 0, NULL) == 0; }

static b24_type make_type(const char *base, int array, int nullable, b24_type_alt *alt) {
  *alt = (b24_type_alt){.base = (char *)base, .array = array};
  b24_type t = {(char *)base, alt, 1, nullable != 0};
  return t;
}

static void test_type_words(const b24_model *m) {
  b24_type_alt a;
  struct {
    const char *word;
    int array, nullable;
    const char *ok[4], *bad[3];
  } cases[] = {
      {"integer", 0, 0, {"1", "\"42\"", "-7"}, {"\"abc\"", "true", "1.5"}},
      {"integer", 0, 1, {"null", "3"}, {"\"x\""}},
      {"double", 0, 0, {"1.5", "\"99.5\"", "2"}, {"\"1,5\"", "[]"}},
      {"boolean", 0, 0, {"\"Y\"", "\"N\"", "true", "0"}, {"\"yes\"", "2"}},
      {"string", 1, 0, {"[]", "[\"a\",\"b\"]"}, {"\"a\"", "[1]"}},
      {"user", 0, 0, {"1", "\"1\""}, {"\"admin\""}},
      {"crm_status", 0, 0, {"\"NEW\""}, {"1"}},
      {"crm", 0, 0, {"\"D_1\"", "[\"C_123\",\"CO_456\"]"}, {"1"}},
      {"catalog_vat.id", 0, 0, {"7"}, {"\"seven\""}},
      {"date", 0, 0, {"\"2025-01-31\""}, {"20250131"}},
      {"timestamp", 0, 0, {"1735689600"}, {"\"soon\""}},
      {"object", 0, 0, {"{}", "{\"SORT\":100}"}, {"[1]", "\"x\""}},
      {"any", 0, 0, {"1", "\"x\"", "null", "{}"}, {NULL}},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    b24_type t = make_type(cases[i].word, cases[i].array, cases[i].nullable, &a);
    json_t *s = b24_schema_for_type_side(m, &t, B24_SCHEMA_PARAMS);
    for (int k = 0; k < 4 && cases[i].ok[k]; k++)
      CHECK(valid(s, cases[i].ok[k]), "%s%s accepts %s", cases[i].word, cases[i].array ? "[]" : "", cases[i].ok[k]);
    for (int k = 0; k < 3 && cases[i].bad[k]; k++)
      CHECK(!valid(s, cases[i].bad[k]), "%s%s rejects %s", cases[i].word, cases[i].array ? "[]" : "", cases[i].bad[k]);
    json_decref(s);
  }
  /* a word no dictionary defines: anything goes, and the schema says why */
  b24_type t = make_type("frobnicator", 0, 0, &a);
  json_t *s = b24_schema_for_type(m, &t);
  const char *d = json_string_value(json_object_get(s, "description"));
  CHECK(d && strstr(d, "frobnicator") && strstr(d, "not in the docs' type dictionaries"), "unknown word described: %s", d ? d : "(none)");
  CHECK(valid(s, "[1,{}]"), "unknown word is permissive");
  json_decref(s);
  /* time resolves to the time object in $defs */
  t = make_type("time", 0, 0, &a);
  s = b24_schema_for_type(m, &t);
  CHECK(json_object_get(json_object_get(s, "$defs"), "time") != NULL, "time goes to $defs");
  CHECK(valid(s, "{\"start\":1.5,\"finish\":2}"), "time accepts a time object");
  CHECK(!valid(s, "{\"start\":1.5}"), "time needs finish");
  json_decref(s);
  /* file: an id or [name, base64] in a request */
  t = make_type("file", 0, 0, &a);
  s = b24_schema_for_type_side(m, &t, B24_SCHEMA_PARAMS);
  CHECK(valid(s, "5") && valid(s, "[\"a.png\",\"iVBORw0KGgo=\"]"), "file takes an id or a pair");
  CHECK(!valid(s, "[\"a\",\"b\",\"c\"]") && !valid(s, "true"), "file rejects three strings and true");
  json_decref(s);
}

static void test_seed_methods(const b24_model *m) {
  const b24_method *upd = b24_model_find_method(m, "user.update");
  const b24_method *uf = b24_model_find_method(m, "user.userfield.update");
  CHECK(upd && uf, "seed methods present");
  if (!upd || !uf) return;
  b24_buf err = B24_BUF_INIT;
  const b24_method *ms[] = {upd, uf};
  for (int i = 0; i < 2; i++) {
    json_t *ps = b24_schema_for_params(m, ms[i]), *rs = b24_schema_for_result(m, ms[i]);
    int bodies = 0;
    for (size_t k = 0; k < ms[i]->n_examples; k++) {
      const b24_example *e = &ms[i]->examples[k];
      if (!e->is_curl || !e->body) continue;
      bodies++;
      b24_buf_clear(&err);
      /* `auth` stays in: the schema allows what it does not list */
      CHECK(b24_jsonschema_validate(ps, e->body, &err) == 0, "%s: %s example body validates: %s",
            ms[i]->name, e->lang, err.data ? err.data : "");
    }
    CHECK(bodies == 2, "%s has two cURL bodies (%d)", ms[i]->name, bodies);
    b24_buf_clear(&err);
    CHECK(ms[i]->response.example && b24_jsonschema_validate(rs, ms[i]->response.example, &err) == 0,
          "%s response example validates: %s", ms[i]->name, err.data ? err.data : "");
    CHECK(!valid(rs, "{\"time\":{\"start\":1,\"finish\":2}}"), "%s result requires result", ms[i]->name);
    json_decref(ps);
    json_decref(rs);
  }

  json_t *ps = b24_schema_for_params(m, upd);
  CHECK(json_is_array(json_object_get(ps, "required")) &&
            !strcmp(json_string_value(json_array_get(json_object_get(ps, "required"), 0)), "ID"),
        "user.update requires ID");
  CHECK(!json_object_get(ps, "additionalProperties"), "no additionalProperties:false on params");
  CHECK(check_json(ps, "{\"NAME\":\"x\"}", 0, &err) == 1 && strstr(err.data, "#: required property \"ID\" is missing"),
        "missing ID reported at the root: %s", err.data);
  CHECK(check_json(ps, "{\"ID\":\"one\"}", 0, &err) == 1 && !strncmp(err.data, "#/ID: ", 6), "bad ID reported at #/ID: %s", err.data);
  CHECK(valid(ps, "{\"ID\":1,\"auth\":\"token\",\"PERSONAL_PHOTO\":[\"a.png\",\"AAAA\"]}"), "auth and a photo pair pass");
  json_decref(ps);

  ps = b24_schema_for_params(m, uf);
  CHECK(valid(ps, "{\"id\":42,\"fields\":{\"MANDATORY\":\"Y\",\"SETTINGS\":{\"DISPLAY\":\"LIST\"}}}"), "userfield update with settings");
  CHECK(check_json(ps, "{\"id\":42,\"fields\":{\"MANDATORY\":\"maybe\"}}", 0, &err) == 1 &&
            !strncmp(err.data, "#/fields/MANDATORY: ", 20),
        "bad flag reported at #/fields/MANDATORY: %s", err.data);
  CHECK(check_json(ps, "{\"id\":42,\"fields\":{\"SORT\":\"high\"}}", 0, &err) == 1, "bad SORT caught");
  /* the SETTINGS variants (no discriminator named) become anyOf their shapes */
  json_t *settings = json_object_get(json_object_get(json_object_get(json_object_get(ps, "properties"), "fields"), "properties"), "SETTINGS");
  CHECK(json_array_size(json_object_get(settings, "anyOf")) == 9, "SETTINGS has 9 variant shapes (%zu)",
        json_array_size(json_object_get(settings, "anyOf")));
  CHECK(!valid(ps, "{\"id\":42,\"fields\":{\"SETTINGS\":{\"ROWS\":\"many\",\"PRECISION\":\"x\",\"DEFAULT_VALUE\":[],\"DISPLAY\":\"NOPE\",\"LIST_HEIGHT\":\"h\",\"IBLOCK_ID\":[],\"ENTITY_TYPE\":1,\"LEAD\":\"maybe\"}}}"),
        "SETTINGS that fits no variant is rejected");
  json_decref(ps);
  b24_buf_free(&err);
}

/* The validator on its own: keywords the generators emit and a few they may. */
static void test_validator(void) {
  json_error_t e;
  json_t *s = json_loads(
      "{\"$defs\":{\"pos\":{\"type\":\"integer\",\"minimum\":1}},"
      "\"type\":\"object\",\"properties\":{"
      "\"n\":{\"$ref\":\"#/$defs/pos\"},"
      "\"a/b\":{\"const\":\"x\"},"
      "\"one\":{\"oneOf\":[{\"type\":\"integer\"},{\"type\":\"number\"}]},"
      "\"pair\":{\"type\":\"array\",\"prefixItems\":[{\"type\":\"string\"},{\"type\":\"integer\"}],\"items\":false},"
      "\"kind\":{\"enum\":[\"a\",\"b\"]},"
      "\"s\":{\"type\":\"string\",\"pattern\":\"^[A-Z]+$\",\"maxLength\":3}},"
      "\"if\":{\"properties\":{\"kind\":{\"const\":\"a\"}},\"required\":[\"kind\"]},"
      "\"then\":{\"required\":[\"n\"]},\"else\":{\"required\":[\"s\"]},"
      "\"allOf\":[{\"not\":{\"required\":[\"forbidden\"]}}]}",
      0, &e);
  if (!s) {
    fprintf(stderr, "bad schema: %s\n", e.text);
    exit(2);
  }
  b24_buf err = B24_BUF_INIT;
  CHECK(valid(s, "{\"kind\":\"a\",\"n\":3}"), "if/then satisfied");
  CHECK(check_json(s, "{\"kind\":\"a\"}", 0, &err) == 1 && strstr(err.data, "\"n\" is missing"), "then enforced: %s", err.data);
  CHECK(check_json(s, "{\"kind\":\"b\"}", 0, &err) == 1 && strstr(err.data, "\"s\" is missing"), "else enforced: %s", err.data);
  CHECK(check_json(s, "{\"kind\":\"a\",\"n\":0}", 0, &err) == 1 && !strncmp(err.data, "#/n: ", 5), "$ref + minimum: %s", err.data);
  CHECK(check_json(s, "{\"kind\":\"a\",\"n\":1,\"a/b\":\"y\"}", 0, &err) == 1 && !strncmp(err.data, "#/a~1b: ", 8),
        "pointer escaping: %s", err.data);
  CHECK(!valid(s, "{\"kind\":\"a\",\"n\":1,\"one\":2}"), "oneOf: 2 is both integer and number");
  CHECK(valid(s, "{\"kind\":\"a\",\"n\":1,\"one\":2.5}"), "oneOf: 2.5 is a number only");
  CHECK(valid(s, "{\"kind\":\"a\",\"n\":1,\"pair\":[\"x\",1]}"), "prefixItems");
  CHECK(check_json(s, "{\"kind\":\"a\",\"n\":1,\"pair\":[\"x\",1,2]}", 0, &err) == 1 && !strncmp(err.data, "#/pair/2: ", 10),
        "items:false after the prefix: %s", err.data);
  CHECK(!valid(s, "{\"kind\":\"c\",\"s\":\"AB\"}"), "enum");
  CHECK(!valid(s, "{\"kind\":\"b\",\"s\":\"ABCD\"}") && !valid(s, "{\"kind\":\"b\",\"s\":\"ab\"}"), "maxLength and pattern");
  CHECK(!valid(s, "{\"kind\":\"b\",\"s\":\"AB\",\"forbidden\":1}"), "allOf/not");
  CHECK(check_json(s, "{\"kind\":\"a\",\"n\":\"5\"}", 0, NULL) == 1, "a string is not an integer");
  CHECK(check_json(s, "{\"kind\":\"a\",\"n\":\"5\"}", B24_JSONSCHEMA_FORM_SCALARS, NULL) == 0, "unless it comes from a form");
  json_decref(s);

  s = json_loads("{\"$ref\":\"#/$defs/missing\"}", 0, &e);
  CHECK(check_json(s, "1", 0, &err) == 1 && strstr(err.data, "cannot resolve $ref"), "dangling $ref reported: %s", err.data);
  json_decref(s);
  s = json_loads("{\"$defs\":{\"loop\":{\"$ref\":\"#/$defs/loop\"}},\"$ref\":\"#/$defs/loop\"}", 0, &e);
  CHECK(check_json(s, "1", 0, &err) >= 1 && strstr(err.data, "deeper than"), "a $ref loop ends: %s", err.data);
  json_decref(s);
  b24_buf_free(&err);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fputs("usage: test_schema DOCS_ROOT\n", stderr);
    return 2;
  }
  b24_diags diags;
  b24_diags_init(&diags);
  const char *inputs[] = {argv[1]};
  b24_load_options opt = {.diags = &diags};
  b24_model *m = b24_model_load(inputs, 1, &opt);
  if (!m) {
    fprintf(stderr, "cannot model %s\n", argv[1]);
    return 1;
  }
  test_type_words(m);
  test_seed_methods(m);
  test_validator();
  b24_model_free(m);
  b24_diags_free(&diags);
  printf("%d checks, %d failed\n", checks, failures);
  return failures ? 1 : 0;
}
