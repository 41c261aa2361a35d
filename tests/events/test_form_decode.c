/* The runtime's handler-body decoder (b24/event.h) on cases with known answers:
 * PHP's parse_str shapes, lists nested in lists (whose conversion once released
 * a value twice: valgrind saw it, ASan could not inside jansson), refusals, the
 * JSON alternative and the token check. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <b24/event.h>

static int failures;

static void expect(const char *body, const char *ctype, const char *want) {
  char err[160] = "";
  json_t *t = b24_event_body_decode(body, strlen(body), ctype, err, sizeof err);
  char *got = t ? json_dumps(t, JSON_COMPACT) : NULL;
  const char *shown = got ? got : "NULL";
  if (want ? !got || strcmp(got, want) : got != NULL) {
    printf("FAIL %s\n  want %s\n  got  %s (%s)\n", body, want ? want : "NULL", shown, err);
    failures++;
  }
  free(got);
  json_decref(t);
}

int main(void) {
  const char *form = "application/x-www-form-urlencoded";
  expect("event=ONCRMDEALADD&data[FIELDS][ID]=6641&ts=1735374081", form,
         "{\"event\":\"ONCRMDEALADD\",\"data\":{\"FIELDS\":{\"ID\":\"6641\"}},\"ts\":\"1735374081\"}");
  expect("a[b][0]=1&a[b][1]=2&c[]=x&c[]=y&d[0][0]=z", form,
         "{\"a\":{\"b\":[\"1\",\"2\"]},\"c\":[\"x\",\"y\"],\"d\":[[\"z\"]]}");
  expect("a%5Bb%5D=%41+b&x=1&x=2&flag", form, "{\"a\":{\"b\":\"A b\"},\"x\":\"2\",\"flag\":\"\"}");
  expect("a[1]=x&a[0]=y", form, "{\"a\":{\"1\":\"x\",\"0\":\"y\"}}");
  expect("=x&[a]=y&ok=1", form, "{\"ok\":\"1\"}");
  expect("a[b=1", form, NULL);          /* '[' and no ']' */
  expect("a%00b=1", form, NULL);        /* NUL in a key */
  expect("a=%FF", form, NULL);          /* not UTF-8 */
  expect("{\"event\":\"ONAPPTEST\",\"data\":{\"QUERY\":{\"any\":\"data\"}}}", "application/json; charset=utf-8",
         "{\"event\":\"ONAPPTEST\",\"data\":{\"QUERY\":{\"any\":\"data\"}}}");
  expect("  {\"a\":1}", NULL, "{\"a\":1}");
  expect("[1]", "application/json", NULL);
  /* the token check: equal, different, shorter, longer, empty, missing */
  const char *b = "auth[application_token]=51856fefc120afa4b628cc82d3935cce";
  json_t *t = b24_form_decode(b, strlen(b), NULL, 0);
  int ok = b24_event_check_token(t, "51856fefc120afa4b628cc82d3935cce") == 1 &&
           b24_event_check_token(t, "51856fefc120afa4b628cc82d3935ccf") == 0 &&
           b24_event_check_token(t, "51856fefc120afa4b628cc82d3935cc") == 0 &&
           b24_event_check_token(t, "51856fefc120afa4b628cc82d3935ccee") == 0 &&
           b24_event_check_token(t, "") == 0 && b24_event_token_equal(NULL, "x") == 0;
  json_decref(t);
  if (!ok) {
    printf("FAIL the token check\n");
    failures++;
  }
  printf("%s\n", failures ? "FAILED" : "OK");
  return failures != 0;
}
