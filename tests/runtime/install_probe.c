/* Compiled against an installed b24rt with nothing but `pkg-config --cflags --libs b24rt`:
 * proves the installed headers are self-contained and the library links and runs. */
#include <b24/client.h>
#include <stdio.h>
#include <string.h>

int main(void) {
  b24_client *c = b24_client_new_webhook("https://example.bitrix24.com/rest/1/abc/");
  if (!c) return 1;
  json_t *params = json_object();
  long long id = 0;
  json_t *seven = json_string("7");
  int ok = b24_params_set_opt_int(params, "ID", b24_some_int(7)) == 0 &&
           b24_json_as_int(seven, &id) == 0 && id == 7 &&
           strcmp(b24_status_name(B24_ERR_API), "B24_ERR_API") == 0;
  json_decref(seven);
  json_decref(params);
  b24_client_free(c);
  puts(ok ? "install probe ok" : "install probe FAILED");
  return ok ? 0 : 1;
}
