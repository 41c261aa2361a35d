/* Tests of the helpers generated stubs use: parameter setters, lenient decoding,
 * optionals, status names. Linked against the shared libb24rt, so it also proves that
 * library exports what the headers declare. */
#include <locale.h>
#include <math.h>
#include <stdlib.h>

#include <b24/client.h>

#include "check.h"

int check_failures;

static json_t *parse(const char *text) {
  json_error_t e;
  json_t *v = json_loads(text, JSON_DECODE_ANY, &e);
  if (!v) {
    fprintf(stderr, "bad test JSON %s: %s\n", text, e.text);
    exit(2);
  }
  return v;
}

static void check_dump(json_t *obj, const char *expected) {
  char *text = json_dumps(obj, JSON_COMPACT);
  CHECK_STR(text, expected);
  free(text);
}

static void test_params(void) {
  json_t *p = json_object();
  CHECK_INT(b24_params_set_str(p, "NAME", "Анна"), 0);
  CHECK_INT(b24_params_set_str(p, "SKIPPED", NULL), 0);
  CHECK_INT(b24_params_set_int(p, "ID", -9007199254740993LL), 0);
  CHECK_INT(b24_params_set_double(p, "RATE", 2.5), 0);
  CHECK_INT(b24_params_set_double(p, "BAD", NAN), -1);
  CHECK_INT(b24_params_set_double(p, "BAD", INFINITY), -1);
  CHECK_INT(b24_params_set_bool(p, "on", true), 0);
  CHECK_INT(b24_params_set_yn(p, "ACTIVE", false), 0);
  CHECK_INT(b24_params_set_opt_int(p, "UNSET", (b24_opt_int)B24_UNSET), 0);
  CHECK_INT(b24_params_set_opt_int(p, "SET", b24_some_int(0)), 0);
  CHECK_INT(b24_params_set_opt_double(p, "D", b24_some_double(0.25)), 0);
  CHECK_INT(b24_params_set_opt_bool(p, "B", b24_some_bool(false)), 0);
  CHECK_INT(b24_params_set_opt_yn(p, "YN", b24_some_bool(true)), 0);
  CHECK_INT(b24_params_set_opt_yn(p, "NOYN", (b24_opt_bool)B24_UNSET), 0);
  const char *select[] = {"ID", "NAME"};
  long long ids[] = {1, 2, 3};
  CHECK_INT(b24_params_set_str_array(p, "select", select, 2), 0);
  CHECK_INT(b24_params_set_int_array(p, "ids", ids, 3), 0);
  CHECK_INT(b24_params_set_int_array(p, "none", NULL, 0), 0);
  const char *with_null[] = {"a", NULL};
  CHECK_INT(b24_params_set_str_array(p, "bad", with_null, 2), -1);
  CHECK_INT(b24_params_set_str(p, "bad", "\xff\xfe"), -1); /* not UTF-8 */
  json_t *filter = json_object();
  CHECK_INT(b24_params_set_json(p, "filter", filter), 0); /* borrowed: we keep ours */
  CHECK_INT(b24_params_set_str(filter, ">ID", "5"), 0);
  json_decref(filter);
  CHECK_INT(b24_params_set_json(p, "nothing", NULL), 0);
  CHECK_INT(b24_params_set_int(p, "ID", 3), 0); /* replaces */
  check_dump(p, "{\"NAME\":\"Анна\",\"ID\":3,\"RATE\":2.5,\"on\":true,\"ACTIVE\":\"N\",\"SET\":0,"
                "\"D\":0.25,\"B\":false,\"YN\":\"Y\",\"select\":[\"ID\",\"NAME\"],"
                "\"ids\":[1,2,3],\"none\":[],\"filter\":{\">ID\":\"5\"}}");

  json_t *array = json_array();
  CHECK_INT(b24_params_set_int(array, "x", 1), -1);
  CHECK_INT(b24_params_set_json_new(array, "x", json_object()), -1); /* stolen even so */
  CHECK_INT(b24_params_set_int(p, NULL, 1), -1);
  json_decref(array);
  json_decref(p);
}

static void test_as_int(void) {
  static const struct {
    const char *json;
    int rc;
    long long value;
  } cases[] = {
      {"42", 0, 42},          {"\"42\"", 0, 42},     {"\"-7\"", 0, -7},
      {"3.0", 0, 3},          {"\"007\"", 0, 7},     {"\"9223372036854775807\"", 0, 9223372036854775807LL},
      {"\"9223372036854775808\"", -1, 0},            {"3.5", -1, 0},
      {"\"3.0\"", -1, 0},     {"\"\"", -1, 0},       {"\" 1\"", -1, 0},
      {"\"1 \"", -1, 0},      {"\"+1\"", -1, 0},     {"\"0x10\"", -1, 0},
      {"\"-\"", -1, 0},       {"true", -1, 0},       {"null", -1, 0},
      {"1e300", -1, 0},       {"[1]", -1, 0},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    json_t *v = parse(cases[i].json);
    long long out = -12345;
    int rc = b24_json_as_int(v, &out);
    if (rc != cases[i].rc || (rc == 0 && out != cases[i].value) || (rc != 0 && out != -12345)) {
      fprintf(stderr, "b24_json_as_int(%s) = %d, %lld\n", cases[i].json, rc, out);
      check_failures++;
    }
    json_decref(v);
  }
  long long out;
  CHECK_INT(b24_json_as_int(NULL, &out), -1);
}

static void test_as_double(void) {
  static const struct {
    const char *json;
    int rc;
    double value;
  } cases[] = {
      {"1.5", 0, 1.5},    {"2", 0, 2.0},          {"\"1.5\"", 0, 1.5},   {"\"-2e3\"", 0, -2000.0},
      {"\"15\"", 0, 15},  {"\"1,5\"", -1, 0},     {"\"nan\"", -1, 0},    {"\"inf\"", -1, 0},
      {"\"\"", -1, 0},    {"\"1.5x\"", -1, 0},    {"\"1e999\"", -1, 0},  {"false", -1, 0},
      {"\"1.5.1\"", -1, 0},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    json_t *v = parse(cases[i].json);
    double out = -1.25;
    int rc = b24_json_as_double(v, &out);
    if (rc != cases[i].rc || (rc == 0 && out != cases[i].value) || (rc != 0 && out != -1.25)) {
      fprintf(stderr, "b24_json_as_double(%s) = %d, %g\n", cases[i].json, rc, out);
      check_failures++;
    }
    json_decref(v);
  }
}

static void test_as_bool(void) {
  static const struct {
    const char *json;
    int rc;
    bool value;
  } cases[] = {
      {"true", 0, true},     {"false", 0, false},    {"1", 0, true},       {"0", 0, false},
      {"\"Y\"", 0, true},    {"\"N\"", 0, false},    {"\"y\"", 0, true},   {"\"n\"", 0, false},
      {"\"1\"", 0, true},    {"\"0\"", 0, false},    {"\"true\"", 0, true}, {"\"false\"", 0, false},
      {"2", -1, false},      {"\"yes\"", -1, false}, {"\"\"", -1, false},  {"null", -1, false},
      {"1.0", -1, false},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    json_t *v = parse(cases[i].json);
    bool out = !cases[i].value;
    int rc = b24_json_as_bool(v, &out);
    if (rc != cases[i].rc || (rc == 0 && out != cases[i].value)) {
      fprintf(stderr, "b24_json_as_bool(%s) = %d, %d\n", cases[i].json, rc, (int)out);
      check_failures++;
    }
    json_decref(v);
  }
}

static void test_members(void) {
  json_t *o = parse("{\"S\":\"x\",\"E\":\"\",\"N\":null,\"I\":7,\"O\":{}}");
  const char *s = "untouched";
  CHECK_INT(b24_json_as_str(json_object_get(o, "S"), &s), 0);
  CHECK_STR(s, "x");
  CHECK_INT(b24_json_as_str(json_object_get(o, "I"), &s), -1);
  CHECK_STR(s, "x");
  CHECK_INT(b24_json_get_str(o, "E", &s), 0);
  CHECK_STR(s, "");
  CHECK_INT(b24_json_get_str(o, "N", &s), 0);
  CHECK(s == NULL);
  CHECK_INT(b24_json_get_str(o, "missing", &s), 0);
  CHECK(s == NULL);
  CHECK_INT(b24_json_get_str(o, "I", &s), -1);
  CHECK(s == NULL);
  b24_opt_bool b = b24_some_bool(true);
  CHECK_INT(b24_json_get_bool(o, "N", &b), 0);
  CHECK(!b.set);
  CHECK_INT(b24_json_get_bool(o, "O", &b), -1);
  CHECK(!b.set);
  b24_opt_double d = B24_UNSET;
  CHECK_INT(b24_json_get_double(o, "I", &d), 0);
  CHECK(d.set && d.value == 7.0);
  CHECK_INT(b24_json_get_double(NULL, "I", &d), 0); /* no object: nothing there */
  CHECK(!d.set);
  json_decref(o);

  b24_time_info t;
  json_t *bad = parse("{\"start\":\"soon\"}");
  CHECK_INT(b24_time_info_decode(bad, &t), -1);
  CHECK_INT(b24_time_info_decode(NULL, &t), -1);
  json_decref(bad);
}

/* Under a locale whose decimal separator is a comma, "1.5" must still be 1.5. */
static void test_locale_independence(void) {
  const char *locales[] = {"de_DE.UTF-8", "ru_RU.UTF-8", "fr_FR.UTF-8"};
  const char *set = NULL;
  for (size_t i = 0; i < 3 && !set; i++) set = setlocale(LC_NUMERIC, locales[i]);
  if (!set) {
    fprintf(stderr, "note: no comma-decimal locale installed; locale check not exercised\n");
    return;
  }
  json_t *v = json_string("1.5");
  double out = 0;
  CHECK_INT(b24_json_as_double(v, &out), 0);
  CHECK(out == 1.5);
  json_decref(v);
  setlocale(LC_NUMERIC, "C");
}

static void test_status_names(void) {
  CHECK_STR(b24_status_name(B24_OK), "B24_OK");
  CHECK_STR(b24_status_name(B24_ERR_TRANSPORT), "B24_ERR_TRANSPORT");
  CHECK_STR(b24_status_name(B24_ERR_NOMEM), "B24_ERR_NOMEM");
  CHECK_STR(b24_status_name(99), "B24_ERR_UNKNOWN");
  CHECK_STR(b24_status_name(B24_ERR_DECODE), "B24_ERR_DECODE");
  b24_api_error err;
  memset(&err, 0, sizeof err);
  strcpy(err.transport, "Connection refused");
  char line[64];
  b24_api_error_format(&err, line, sizeof line);
  CHECK_STR(line, "transport: Connection refused");
  strcpy(err.usage, "x.y: params is NULL");
  b24_api_error_format(&err, line, sizeof line);
  CHECK_STR(line, "usage: x.y: params is NULL");
}

int main(void) {
  test_params();
  test_as_int();
  test_as_double();
  test_as_bool();
  test_members();
  test_locale_independence();
  test_status_names();
  if (check_failures) {
    fprintf(stderr, "%d check(s) failed\n", check_failures);
    return 1;
  }
  return 0;
}
