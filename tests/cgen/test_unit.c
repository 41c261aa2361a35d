/* Unit tests of the C stubs generator: the naming rules, the escaping of doc text, and,
 * on the seed pages, the file layout, byte-identical regeneration and that a change to
 * one method rewrites only that method's files; the result a response example shows,
 * read leniently (c_example_answer.h), and results documented by reference to another
 * method (c_result_like.h); no stub for the batch method. Usage: test_cgen_unit DOCS_INPUT_DIR */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen/c_doc.h"
#include "gen/c_example_answer.h"
#include "gen/c_result_like.h"
#include "gen/c_names.h"
#include "gen/c_text.h"
#include "gen/gen.h"
#include "model/model.h"

static int failures;

#define EXPECT_STR(actual, expected)                                                       \
  do {                                                                                     \
    const char *a_ = (actual), *e_ = (expected);                                           \
    if (strcmp(a_, e_) != 0) {                                                             \
      fprintf(stderr, "%s:%d: got \"%s\", expected \"%s\"\n", __FILE__, __LINE__, a_, e_); \
      failures++;                                                                          \
    }                                                                                      \
  } while (0)

#define EXPECT(cond)                                                              \
  do {                                                                            \
    if (!(cond)) {                                                                \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);    \
      failures++;                                                                 \
    }                                                                             \
  } while (0)

static void expect_ident(const char *name, const char *expected) {
  char *s = c_ident(name);
  EXPECT_STR(s, expected);
  free(s);
}

static void test_idents(void) {
  expect_ident("ID", "id");
  expect_ident("UF_DEPARTMENT", "uf_department");
  expect_ident("entityTypeId", "entity_type_id");
  expect_ident("timezoneOffsetUTC", "timezone_offset_utc");
  expect_ident("HTMLParser", "html_parser");
  expect_ident("isOffers", "is_offers");
  expect_ident("UF_CRM_1234", "uf_crm_1234");
  expect_ident("a-b", "a_b");
  expect_ident("__x__y__", "x_y");
  expect_ident("2fa", "p_2fa");
  expect_ident("int", "int_");
  expect_ident("class", "class_");
  expect_ident("errno", "errno_");
  expect_ident("bool", "bool_");
  expect_ident("Привет", "unnamed");
  expect_ident("", "unnamed");
  expect_ident("say\"hi\"", "say_hi");
  char *s = c_snake("imbot.v2.Chat.Message.send");
  EXPECT_STR(s, "imbot_v2_chat_message_send");
  free(s);
  s = c_snake("catalog.priceType.getFields");
  EXPECT_STR(s, "catalog_price_type_get_fields");
  free(s);
}

static void test_registry(void) {
  c_names r;
  c_names_init(&r);
  const char *wanted[] = {"id", "id", "id_2", "id", "int_", "int_"};
  const char *got[] = {"id", "id_2", "id_2_2", "id_3", "int_", "int_2"};
  for (size_t i = 0; i < 6; i++) {
    char *s = c_names_take(&r, wanted[i]);
    EXPECT_STR(s, got[i]);
    free(s);
  }
  /* Many names: the table grows and keeps them all. */
  char name[32];
  for (int i = 0; i < 1000; i++) {
    snprintf(name, sizeof name, "n%d", i);
    EXPECT(c_names_add(&r, name));
  }
  EXPECT(c_names_has(&r, "n999") && c_names_has(&r, "id_3") && !c_names_has(&r, "n1000"));
  c_names_free(&r);
}

static void expect_comment(const char *text, const char *expected) {
  b24_buf b = B24_BUF_INIT;
  c_text_comment(&b, text, "  ");
  EXPECT_STR(b.data ? b.data : "", expected);
  b24_buf_free(&b);
}

static void expect_doc(const char *text, const char *expected) {
  b24_buf b = B24_BUF_INIT;
  c_text_doc(&b, text, "  ");
  EXPECT_STR(b.data ? b.data : "", expected);
  b24_buf_free(&b);
}

static void expect_string(const char *text, const char *expected) {
  b24_buf b = B24_BUF_INIT;
  c_text_string(&b, text);
  EXPECT_STR(b.data, expected);
  b24_buf_free(&b);
}

static void test_escaping(void) {
  expect_comment("ends */ here", "ends * / here");
  expect_comment("opens /* here", "opens / * here");
  expect_comment("*/*/", "* / * /");
  expect_comment("/*/", "/ * /");
  expect_comment("tri ?\?/ ?\?\?", "tri ? ?/ ? ? ?");
  expect_comment("line one\nline two \\", "line one\n   * line two (\\)");
  expect_comment("trailing \\  \t\n\n\nnext", "trailing (\\)\n   *\n   *\n   * next");
  expect_comment("tab\there\r\n", "tab here");
#define FFFD "\xef\xbf\xbd"
  expect_comment("\x01\x7f", FFFD FFFD);
  expect_comment("\xd0\x9f \xe2\x80\x94 \xf0\x9f\x98\x80", "\xd0\x9f \xe2\x80\x94 \xf0\x9f\x98\x80");
  expect_comment("bad \xff\xc0\x80 \xed\xa0\x80", "bad " FFFD FFFD FFFD " " FFFD FFFD FFFD);
  expect_comment("rtl \xe2\x80\xae!\xe2\x81\xa6", "rtl " FFFD "!" FFFD); /* U+202E, U+2066 */
  expect_comment("\n\n", "");
  expect_doc("mail@x <b> a\\b \x1d@brief", "mail\\@x \\<b> a\\\\b @brief");
  expect_string("a\"b\\c", "\"a\\\"b\\\\c\"");
  expect_string("?\?/", "\"\\?\\?/\"");
  expect_string("\xd0\x9f\n1", "\"\\320\\237\\0121\"");
}

/* Doc text: {#T} takes the title of the page's next {#T} link (its file name when the
 * page is not in the model); leftover links become their text; code stays. */
static void test_doc_text(b24_model *m) {
  static const struct { const char *in, *out; int line; } CASES[] = {
      {"See {#T} and {#T}.", "See user-userfield-add and user-userfield-list.", 400},
      {"See {#T}.", "See user-userfield-delete.", 418},
      {"See {#T}.", "See the linked page.", 419},
      {"a [b](./x.md#y) [term](*key_right LIKE) c", "a b term c", 1},
      {"regex [\\/\\-](0?[1-9]|1[012]) [x] (y) [](z)", "regex [\\/\\-](0?[1-9]|1[012]) [x] (y) [](z)", 1},
  };
  for (size_t i = 0; i < sizeof CASES / sizeof *CASES; i++) {
    char *t = c_doc_text(m, "api-reference/user/userfields/user-userfield-update.md", CASES[i].line,
                         CASES[i].in);
    EXPECT_STR(t, CASES[i].out);
    free(t);
  }
}

/* The seed pages generate exactly these files, the same bytes every run. */
static void test_seed_layout(b24_model *m) {
  static const char *const FILES[] = {
      "c/include/b24/api/user_update.h", "c/src/api/user_update.c",
      "c/include/b24/api/user_userfield_update.h", "c/src/api/user_userfield_update.c",
      "c/include/b24/api.h", "c/sources.cmake", "c/include/b24/api_support.h",
      "c/CMakeLists.txt", "c/b24api.pc.in", "c/b24apiConfig.cmake.in", "c/examples/example.c",
      "c/README.md"};
  b24_outputs a, b;
  b24_outputs_init(&a);
  b24_outputs_init(&b);
  EXPECT(b24_gen_c(m, &a) == 0);
  EXPECT(b24_gen_c(m, &b) == 0);
  EXPECT(a.n == sizeof FILES / sizeof *FILES);
  for (size_t i = 0; i < a.n && i < sizeof FILES / sizeof *FILES; i++) {
    EXPECT_STR(a.items[i].path, FILES[i]);
    EXPECT(a.items[i].len == b.items[i].len && !memcmp(a.items[i].data, b.items[i].data, a.items[i].len));
    EXPECT(strlen(a.items[i].data) == a.items[i].len);
  }
  b24_outputs_free(&a);
  b24_outputs_free(&b);
}

/* The batch method gets no stub (b24/batch.h is its C form): marked so, a method's files
 * and its line in the umbrella header are gone, and nothing else changes. */
static void test_batch_has_no_stub(b24_model *m) {
  b24_method *mt = NULL;
  for (size_t i = 0; i < m->n_methods; i++)
    if (!strcmp(m->methods[i].name, "user.userfield.update")) mt = &m->methods[i];
  EXPECT(mt != NULL);
  if (!mt) return;
  b24_outputs all, without;
  b24_outputs_init(&all);
  b24_outputs_init(&without);
  b24_gen_c(m, &all);
  mt->is_batch = true;
  b24_gen_c(m, &without);
  mt->is_batch = false;
  EXPECT(without.n + 2 == all.n);
  for (size_t i = 0; i < without.n; i++) {
    EXPECT(strstr(without.items[i].path, "user_userfield_update") == NULL);
    EXPECT(strstr(without.items[i].data, "b24/api/user_userfield_update.h") == NULL);
  }
  b24_outputs_free(&all);
  b24_outputs_free(&without);
}

/* A changed description of user.update changes user.update's two files and nothing else. */
static void test_change_is_local(b24_model *m) {
  b24_outputs before, after;
  b24_outputs_init(&before);
  b24_outputs_init(&after);
  b24_gen_c(m, &before);
  b24_method *mt = NULL;
  for (size_t i = 0; i < m->n_methods; i++)
    if (!strcmp(m->methods[i].name, "user.update")) mt = &m->methods[i];
  EXPECT(mt && mt->params.n > 1);
  if (!mt) return;
  char *old = mt->params.items[1].description;
  mt->params.items[1].description = (char *)"A changed description";
  b24_gen_c(m, &after);
  mt->params.items[1].description = old;
  size_t changed = 0;
  for (size_t i = 0; i < before.n && i < after.n; i++) {
    bool same = before.items[i].len == after.items[i].len &&
                !memcmp(before.items[i].data, after.items[i].data, before.items[i].len);
    if (!same) {
      changed++;
      EXPECT(strstr(before.items[i].path, "/user_update.") != NULL);
    }
  }
  EXPECT(changed == 1); /* only the header carries descriptions */
  b24_outputs_free(&before);
  b24_outputs_free(&after);
}

/* The result c_example_result finds in an example written as `text`, as compact JSON with
 * sorted keys ("-" for none). */
static void expect_example_result(const char *text, const char *expected) {
  b24_method m = {0};
  m.response.example_text = (char *)text;
  json_t *v = c_example_result(&m);
  char *got = v ? json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS | JSON_ENCODE_ANY) : NULL;
  EXPECT_STR(got ? got : "-", expected);
  free(got);
  json_decref(v);
}

static void test_example_result(void) {
  /* trailing commas, a `...` line and a comment: read as the JS examples are */
  expect_example_result("{\n  \"result\": [\n    {\"ID\": \"1\", \"NAME\": \"a\",},\n    {\n      \"ID\": \"2\",\n"
                        "      ... // and so on\n    }\n  ],\n  \"time\": {\"start\": 1}\n}\n",
                        "[{\"ID\":\"1\",\"NAME\":\"a\"},{\"ID\":\"2\"}]");
  /* without the envelope: the result's value */
  expect_example_result("{\"comment\": {\"id\": 3}}", "{\"comment\":{\"id\":3}}");
  /* the envelope's time inside the result (a brace missing) is not the result's */
  expect_example_result("{\"result\": {\"a\": 1, \"time\": {\"start\": 1, \"finish\": 2}}}", "{\"a\":1}");
  /* a PHP print_r dump */
  expect_example_result("Array\n(\n    [result] => Array\n        (\n            [ID] => 5\n        )\n\n)\n",
                        "{\"ID\":\"5\"}");
  /* an error answer, an expression, text that is no value: nothing shown */
  expect_example_result("{\"error\": \"NOT_FOUND\", \"error_description\": \"x\"}", "-");
  expect_example_result("{\"result\": someVariable}", "-");
  expect_example_result("{\"result\": {\"a\": 1 \"b\": 2}}", "-");
  expect_example_result("{\"result\": [1, 2]} trailing words", "-");
}

/* "Returns a response similar to [x.item.get]": a model of three pages, built by hand. */
static void test_result_like(void) {
  b24_param row = {.name = "result"};
  b24_link see_also = {.text = "{#T}", .target = "x/get.md", .loc = {"x/update.md", 20}};
  b24_method methods[3] = {
      {.name = "x.item.add", .source = "x/add.md", .response = {.loc = {"x/add.md", 10}}},
      {.name = "x.item.get", .source = "x/get.md", .response = {.fields = {&row, 1}}},
      {.name = "x.item.update", .source = "x/update.md", .response = {.loc = {"x/update.md", 10}},
       .see_also = &see_also, .n_see_also = 1}};
  b24_link add_links[] = {{.text = "scopes", .target = "scopes.md", .loc = {"x/add.md", 3}},
                          {.text = "x.item.get", .target = "x/get.md", .loc = {"x/add.md", 12}}};
  b24_link update_links[] = {{.text = "{#T}", .target = "x/get.md", .loc = {"x/update.md", 20}}};
  b24_page pages[3] = {{.path = "x/add.md", .name = "x.item.add", .links = add_links, .n_links = 2},
                       {.path = "x/get.md", .name = "x.item.get"},
                       {.path = "x/update.md", .name = "x.item.update", .links = update_links, .n_links = 1}};
  b24_model m = {.methods = methods, .n_methods = 3, .pages = pages, .n_pages = 3};
  EXPECT(c_result_like(&m, &methods[0]) == &methods[1]);
  /* a see-also list's {#T} link is no reference; nor is anything for a method whose own
   * docs describe its answer */
  EXPECT(c_result_like(&m, &methods[2]) == NULL);
  EXPECT(c_result_like(&m, &methods[1]) == NULL);
  /* the reference must document an answer itself */
  methods[1].response.fields.n = 0;
  EXPECT(c_result_like(&m, &methods[0]) == NULL);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s DOCS_INPUT_DIR\n", argv[0]);
    return 2;
  }
  test_idents();
  test_registry();
  test_escaping();
  test_example_result();
  test_result_like();
  b24_diags diags;
  b24_diags_init(&diags);
  const char *inputs[] = {argv[1]};
  b24_load_options opt = {.diags = &diags};
  b24_model *m = b24_model_load(inputs, 1, &opt);
  EXPECT(m && m->n_methods == 2);
  if (m) {
    test_doc_text(m);
    test_seed_layout(m);
    test_change_is_local(m);
    test_batch_has_no_stub(m);
    b24_model_free(m);
  }
  b24_diags_free(&diags);
  if (failures) fprintf(stderr, "%d check(s) failed\n", failures);
  return failures ? 1 : 0;
}
