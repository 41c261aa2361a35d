/* The PHP-style form decoder against what PHP's parse_str gives for the bodies
 * the portal's clients send (http_build_query output of documented calls). */
#include <stdio.h>
#include <string.h>

#include "mock/form.h"

static int failures;

static void expect(const char *form, const char *want) {
  mock_form *f = mock_form_new();
  mock_form_parse(f, form, strlen(form));
  json_t *j = mock_form_finish(f);
  char *got = json_dumps(j, JSON_COMPACT | JSON_ENSURE_ASCII);
  if (strcmp(got, want)) {
    fprintf(stderr, "FAIL %s\n  want %s\n  got  %s\n", form, want, got);
    failures++;
  } else printf("ok   %s -> %s\n", form, got);
  free(got);
  json_decref(j);
}

int main(void) {
  /* crm.deal.add as BX24.js / CRest send it */
  expect("fields%5BTITLE%5D=New+deal&fields%5BOPPORTUNITY%5D=1000.5&params%5BREGISTER_SONET_EVENT%5D=Y",
         "{\"fields\":{\"TITLE\":\"New deal\",\"OPPORTUNITY\":\"1000.5\"},"
         "\"params\":{\"REGISTER_SONET_EVENT\":\"Y\"}}");
  expect("ID=1&fields[SORT]=150", "{\"ID\":\"1\",\"fields\":{\"SORT\":\"150\"}}");
  expect("a[]=1&a[]=2", "{\"a\":[\"1\",\"2\"]}");
  expect("fields[UF][0]=x&fields[UF][1]=y", "{\"fields\":{\"UF\":[\"x\",\"y\"]}}");
  /* a list inside a record, twice nested */
  expect("fields[UF_LIST][]=a&fields[UF_LIST][]=b&fields[TITLE]=t",
         "{\"fields\":{\"UF_LIST\":[\"a\",\"b\"],\"TITLE\":\"t\"}}");
  /* keys that are not 0..n-1 in order stay an object; append continues after the largest */
  expect("a[5]=x&a[]=y", "{\"a\":{\"5\":\"x\",\"6\":\"y\"}}");
  expect("a[1]=x&a[0]=y", "{\"a\":{\"1\":\"x\",\"0\":\"y\"}}");
  expect("filter[>DATE]=2024-01-01&order[ID]=DESC&select[]=ID&select[]=TITLE",
         "{\"filter\":{\">DATE\":\"2024-01-01\"},\"order\":{\"ID\":\"DESC\"},\"select\":[\"ID\",\"TITLE\"]}");
  /* later pairs win; a scalar becomes an array when indexed, and back */
  expect("a=1&a=2", "{\"a\":\"2\"}");
  expect("a=1&a[b]=2", "{\"a\":{\"b\":\"2\"}}");
  expect("a[b]=2&a=1", "{\"a\":\"1\"}");
  /* PHP's key grammar: dots and spaces in the base name, an unclosed bracket,
   * text after a closing bracket, no name, no value */
  expect("a.b=1&c d=2", "{\"a_b\":\"1\",\"c_d\":\"2\"}");
  expect("a[b=1", "{\"a_b\":\"1\"}");
  expect("a[b]c=1", "{\"a\":{\"b\":\"1\"}}");
  expect("=1&[x]=2&flag", "{\"flag\":\"\"}");
  expect("&&x=%41%zz%4", "{\"x\":\"A%zz%4\"}");
  /* bytes that are not UTF-8 */
  expect("x=%FF", "{\"x\":\"\\uFFFD\"}");
  /* a body with no pairs */
  expect("", "{}");
  if (failures) fprintf(stderr, "%d failed\n", failures);
  return failures ? 1 : 0;
}
