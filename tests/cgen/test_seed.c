/* The stubs generated from the seed pages (docs-input: user.update, user.userfield.update)
 * called against a local HTTP server: the exact request bytes each typed call sends, and
 * what it decodes from the documented answers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <b24/api.h>

#include "check.h"
#include "test_server.h"

int check_failures;

#define WEBHOOK "/rest/1/s3cr3t/"

/* The "Response Handling" examples of both seed pages, as the docs print them. */
static const char USER_UPDATE_ANSWER[] =
    "{\"result\": true, \"time\": {\"start\": 1721807581.02493, \"finish\": 1721807581.20039, "
    "\"duration\": 0.17546010017395, \"processing\": 0.133708000183105, "
    "\"date_start\": \"2024-07-24T07:53:01+00:00\", \"date_finish\": "
    "\"2024-07-24T07:53:01+00:00\", \"operating\": 0.133685827255249}}";
static const char USERFIELD_UPDATE_ANSWER[] =
    "{\"result\": true, \"time\": {\"start\": 1747311864.008399, \"finish\": 1747311865.063292, "
    "\"duration\": 1.0548930168151855, \"processing\": 0.17107510566711426, "
    "\"date_start\": \"2025-05-15T14:24:24+02:00\", \"date_finish\": "
    "\"2025-05-15T14:24:25+02:00\", \"operating\": 0}}";
/* The documented error answer of user.update (HTTP 400). */
static const char ACCESS_DENIED[] = "{\"error\": \"ERROR_CORE\", \"error_description\": \"access_denied\"}";

static b24_client *client_for(test_server *s) { return ts_webhook_client(s, "s3cr3t"); }


static ts_request request(test_server *s, size_t i) {
  ts_request r;
  memset(&r, 0, sizeof r);
  if (ts_request_at(s, i, &r) != 0) fprintf(stderr, "request %zu was not received\n", i);
  return r;
}

/* user.update with the body of the page's cURL example, and its documented answer. */
static void test_user_update(void) {
  const ts_reply script[] = {{200, USER_UPDATE_ANSWER}, {400, ACCESS_DENIED}};
  test_server *s = ts_start_or_exit(script, 2);
  b24_client *c = client_for(s);

  b24_user_update_params p;
  memset(&p, 0, sizeof p);
  p.id = 1;
  p.name = "Administrator";
  p.last_name = "SomeLastName";
  b24_user_update_result res;
  b24_api_error err;
  CHECK_INT(b24_user_update(c, &p, &res, &err), B24_OK);
  ts_request r = request(s, 0);
  CHECK_STR(r.url, WEBHOOK "user.update");
  CHECK_STR(r.body, "{\"ID\":1,\"NAME\":\"Administrator\",\"LAST_NAME\":\"SomeLastName\"}");
  CHECK(res.value.set && res.value.value);
  CHECK(json_is_true(res.answer.raw));
  CHECK_INT(res.answer.decode.errors, 0);
  CHECK(res.answer.time.duration.set && res.answer.time.duration.value > 0.175 && res.answer.time.duration.value < 0.176);
  CHECK_STR(res.answer.time.date_start, "2024-07-24T07:53:01+00:00");
  CHECK(!res.answer.time.operating_reset_at.set);
  CHECK(!res.answer.total.set);
  b24_user_update_result_free(&res);
  CHECK(res.answer.raw == NULL && res.answer.response == NULL);

  /* An unset optional is not sent, an empty string is; `extra` adds undocumented keys
   * but never overrides a member that was set. */
  memset(&p, 0, sizeof p);
  p.id = 7;
  p.email = "";
  p.personal_gender = "F";
  json_t *extra = json_pack("{s:s, s:i}", "PERSONAL_GENDER", "M", "UF_CUSTOM", 5);
  p.extra = extra;
  CHECK_INT(b24_user_update(c, &p, &res, &err), B24_ERR_API);
  r = request(s, 1);
  CHECK_STR(r.body, "{\"ID\":7,\"EMAIL\":\"\",\"PERSONAL_GENDER\":\"F\",\"UF_CUSTOM\":5}");
  /* The documented error: the answer is kept, nothing is decoded. */
  CHECK_INT(err.http_status, 400);
  CHECK_STR(err.error, "ERROR_CORE");
  CHECK_STR(err.error_description, "access_denied");
  CHECK(res.answer.response != NULL && res.answer.raw == NULL && !res.value.set);
  b24_user_update_result_free(&res);
  json_decref(extra);

  /* No result wanted. */
  memset(&p, 0, sizeof p);
  CHECK_INT(b24_user_update(c, &p, NULL, NULL), B24_ERR_API);
  CHECK_INT(ts_request_count(s), 3);
  b24_client_free(c);
  ts_stop(s);
}

/* user.userfield.update with nested `fields`, a per-variant SETTINGS and a Y/N flag. */
static void test_userfield_update(void) {
  const ts_reply script[] = {{200, USERFIELD_UPDATE_ANSWER}};
  test_server *s = ts_start_or_exit(script, 1);
  b24_client *c = client_for(s);

  b24_user_userfield_update_params_fields_settings_v_string text;
  memset(&text, 0, sizeof text);
  text.default_value = "none";
  text.rows = b24_some_int(3);
  b24_user_userfield_update_params_fields_settings settings;
  memset(&settings, 0, sizeof settings);
  settings.v_string = &text;
  b24_user_userfield_update_params_fields fields;
  memset(&fields, 0, sizeof fields);
  fields.sort = b24_some_int(150);
  fields.mandatory = b24_some_bool(true);
  fields.settings = &settings;
  fields.list_filter_label = "New Title";
  fields.list_column_label = "New List Title";
  b24_user_userfield_update_params p;
  memset(&p, 0, sizeof p);
  p.id = 42;
  p.fields = &fields;

  b24_user_userfield_update_result res;
  b24_api_error err;
  CHECK_INT(b24_user_userfield_update(c, &p, &res, &err), B24_OK);
  ts_request r = request(s, 0);
  CHECK_STR(r.url, WEBHOOK "user.userfield.update");
  CHECK_STR(r.body, "{\"id\":42,\"fields\":{\"SORT\":150,\"MANDATORY\":\"Y\",\"SETTINGS\":"
                    "{\"DEFAULT_VALUE\":\"none\",\"ROWS\":3},\"LIST_COLUMN_LABEL\":"
                    "\"New List Title\",\"LIST_FILTER_LABEL\":\"New Title\"}}");
  CHECK(res.value.set && res.value.value);
  CHECK_INT(res.answer.decode.errors, 0);
  CHECK(res.answer.time.start.set && res.answer.time.start.value > 1747311864.0);
  CHECK(res.answer.time.operating.set && res.answer.time.operating.value == 0.0);
  b24_user_userfield_update_result_free(&res);

  /* Required parameters: NULL params is refused before any request. */
  CHECK_INT(b24_user_userfield_update(c, NULL, &res, &err), B24_ERR_USAGE);
  CHECK_STR(err.usage, "user.userfield.update: params is NULL but the method has required "
                      "parameters");
  CHECK(res.answer.response == NULL);
  b24_user_userfield_update_result_free(&res);
  /* A non-object extra is a bad parameter. */
  json_t *not_object = json_integer(1);
  fields.extra = not_object;
  CHECK_INT(b24_user_userfield_update(c, &p, NULL, &err), B24_ERR_USAGE);
  CHECK_STR(err.usage, "user.userfield.update: parameter extra is missing or invalid");
  json_decref(not_object);
  CHECK_INT(ts_request_count(s), 1);
  b24_client_free(c);
  ts_stop(s);
}

int main(void) {
  test_user_update();
  test_userfield_update();
  if (check_failures) fprintf(stderr, "%d check(s) failed\n", check_failures);
  return check_failures ? 1 : 0;
}
