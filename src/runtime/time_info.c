/* Decoding the "time" member of an answer (see b24_time_info in b24/client.h). */
#include <string.h>

#include "b24/client.h"

int b24_time_info_decode(const json_t *time_info, b24_time_info *out) {
  memset(out, 0, sizeof *out);
  if (!json_is_object(time_info)) return -1;
  int rc = 0;
  rc |= b24_json_get_double(time_info, "start", &out->start);
  rc |= b24_json_get_double(time_info, "finish", &out->finish);
  rc |= b24_json_get_double(time_info, "duration", &out->duration);
  rc |= b24_json_get_double(time_info, "processing", &out->processing);
  rc |= b24_json_get_str(time_info, "date_start", &out->date_start);
  rc |= b24_json_get_str(time_info, "date_finish", &out->date_finish);
  rc |= b24_json_get_int(time_info, "operating_reset_at", &out->operating_reset_at);
  rc |= b24_json_get_double(time_info, "operating", &out->operating);
  return rc ? -1 : 0;
}
