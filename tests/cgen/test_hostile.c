/* The stubs generated from tests/data/cgen/hostile, a docs tree whose text tries to break
 * the generated C (comment ends, quotes, backslashes, trigraphs, non-ASCII, control
 * characters) and whose names collide or are not identifiers. This file compiles only
 * if the documented naming rules hold (it names the members); running it checks that
 * the hostile keys reach the wire byte for byte, the lenient decoding, and the
 * REST 3.0 / classic pair. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <b24/api.h>

#include "check.h"
#include "test_server.h"

int check_failures;

#define WEBHOOK "/rest/1/s3cr3t/"


static b24_client *client_for(test_server *s) { return ts_webhook_client(s, "s3cr3t"); }


static ts_request request(test_server *s, size_t i) {
  ts_request r;
  memset(&r, 0, sizeof r);
  if (ts_request_at(s, i, &r) != 0) fprintf(stderr, "request %zu was not received\n", i);
  return r;
}

static void test_names_and_request(void) {
  const ts_reply script[] = {
      {200, "{\"result\": {\"ok\": \"Y\", \"count\": \"3\", \"name\": \"x\", \"rows\": "
            "[{\"id\": \"1\"}, {\"id\": 2}], \"other\": 1}, \"total\": \"5\", \"time\": {\"start\": 1.5}}"},
      {200, "{\"result\": {\"ok\": \"maybe\", \"count\": \"three\", \"rows\": {\"a\": {\"id\": 4}}}}"},
  };
  test_server *s = ts_start_or_exit(script, 2);
  b24_client *c = client_for(s);

  b24_hostile_evil_method_params_fields_mode_v_double precision;
  memset(&precision, 0, sizeof precision);
  precision.precision = b24_some_int(2);
  b24_hostile_evil_method_params_fields_mode_v_a_b which;
  memset(&which, 0, sizeof which);
  which.which = "a";
  b24_hostile_evil_method_params_fields_mode mode;
  memset(&mode, 0, sizeof mode);
  mode.v_double = &precision;
  mode.v_a_b = &which;
  b24_hostile_evil_method_params_fields fields;
  memset(&fields, 0, sizeof fields);
  fields.say_hi = "q\"uote";
  fields.back_slash = "b\\s";
  fields.what = "?\?/";
  fields.unnamed = "\xd0\x9f";
  fields.extra_2 = "not the escape hatch";
  fields.mode = &mode;
  const char *tags[] = {"x", "y"};
  b24_hostile_evil_method_params p;
  memset(&p, 0, sizeof p);
  p.int_ = 1;
  p.class_ = "c";
  p.p_2fa = b24_some_bool(false);
  p.a_b = "ab";
  p.id = b24_some_int(2);
  p.id_2 = "two";
  p.errno_ = "e";
  p.tags = tags;
  p.n_tags = 2;
  p.n_tags_2 = b24_some_int(9);
  p.fields = &fields;

  b24_hostile_evil_method_result res;
  b24_api_error err;
  CHECK_INT(b24_hostile_evil_method(c, &p, &res, &err), B24_OK);
  ts_request r = request(s, 0);
  CHECK_STR(r.url, WEBHOOK "hostile.evil.method");
  CHECK_STR(r.body, "{\"int\":1,\"class\":\"c\",\"2fa\":\"N\",\"a-b\":\"ab\",\"ID\":2,\"id\":\"two\","
                    "\"errno\":\"e\",\"tags\":[\"x\",\"y\"],\"n_tags\":9,\"fields\":{"
                    "\"say\\\"hi\\\"\":\"q\\\"uote\",\"back\\\\slash\":\"b\\\\s\",\"what?\?/\":\"?\?/\","
                    "\"\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82\":\"\xd0\x9f\","
                    "\"extra\":\"not the escape hatch\",\"MODE\":{\"PRECISION\":2,\"WHICH\":\"a\"}}}");
  /* Lenient decoding: "Y" is true, "3" is 3, rows decoded item by item. */
  CHECK(res.value.present);
  CHECK(res.value.ok.set && res.value.ok.value);
  CHECK(res.value.count.set && res.value.count.value == 3);
  CHECK_STR(res.value.name, "x");
  CHECK_INT(res.value.n_rows, 2);
  if (res.value.n_rows == 2) {
    CHECK(res.value.rows[0].id.set && res.value.rows[0].id.value == 1);
    CHECK(res.value.rows[1].id.value == 2);
  }
  CHECK_INT(json_integer_value(json_object_get(res.value.json, "other")), 1);
  CHECK(res.answer.total.set && res.answer.total.value == 5);
  CHECK(res.answer.time.start.set && res.answer.time.start.value == 1.5);
  CHECK_INT(res.answer.decode.errors, 0);
  b24_hostile_evil_method_result_free(&res);

  /* Type drift is counted, not fatal; PHP's keyed list decodes like an array. */
  CHECK_INT(b24_hostile_evil_method(c, &p, &res, &err), B24_OK);
  CHECK_INT(res.answer.decode.errors, 2);
  CHECK_STR(res.answer.decode.first, "result.ok: not a boolean");
  CHECK(!res.value.ok.set && !res.value.count.set);
  CHECK_INT(res.value.n_rows, 1);
  if (res.value.n_rows == 1) CHECK(res.value.rows[0].id.value == 4);
  b24_hostile_evil_method_result_free(&res);

  /* A required nested object left NULL is refused, naming the key, before any request. */
  p.fields = NULL;
  CHECK_INT(b24_hostile_evil_method(c, &p, &res, &err), B24_ERR_USAGE);
  CHECK_STR(err.usage, "hostile.evil.method: parameter fields is missing or invalid");
  CHECK_STR(err.transport, "");
  b24_hostile_evil_method_result_free(&res);
  CHECK_INT(ts_request_count(s), 2);
  b24_client_free(c);
  ts_stop(s);
}

/* Two pages for one name: the REST 3.0 one gets _v3 and calls under /rest/api/; two
 * names with the same words (hostile.evil.method, hostile.evilMethod): the later _2. */
static void test_collisions(void) {
  const ts_reply script[] = {{200, "{\"result\": \"1.25\"}"}};
  test_server *s = ts_start_or_exit(script, 1);
  b24_client *c = client_for(s);
  b24_hostile_pair_get_params p = {1, NULL};
  b24_hostile_pair_get_result classic;
  b24_hostile_pair_get_v3_params p3 = {2, NULL};
  b24_hostile_pair_get_v3_result v3;
  b24_hostile_evil_method_2_params p2 = {3, NULL};
  b24_hostile_evil_method_2_result camel;
  CHECK_INT(b24_hostile_pair_get(c, &p, &classic, NULL), B24_OK);
  CHECK_INT(b24_hostile_pair_get_v3(c, &p3, &v3, NULL), B24_OK);
  CHECK_INT(b24_hostile_evil_method_2(c, &p2, &camel, NULL), B24_OK);
  CHECK_STR(request(s, 0).url, WEBHOOK "hostile.pair.get");
  CHECK_STR(request(s, 1).url, "/rest/api/1/s3cr3t/hostile.pair.get");
  CHECK_STR(request(s, 2).url, WEBHOOK "hostile.evilMethod");
  CHECK_STR(request(s, 2).body, "{\"id\":3}");
  CHECK_STR(classic.value, "1.25");               /* documented as string */
  CHECK(v3.value.set && v3.value.value == 1.25);  /* documented as double */
  CHECK_INT(camel.answer.decode.errors, 1);       /* documented as integer */
  CHECK_STR(camel.answer.decode.first, "result: not an integer");
  b24_hostile_pair_get_result_free(&classic);
  b24_hostile_pair_get_v3_result_free(&v3);
  b24_hostile_evil_method_2_result_free(&camel);
  b24_client_free(c);
  ts_stop(s);
}

int main(void) {
  test_names_and_request();
  test_collisions();
  if (check_failures) fprintf(stderr, "%d check(s) failed\n", check_failures);
  return check_failures ? 1 : 0;
}
