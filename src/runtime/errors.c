/* Filling and showing b24_api_error: every string goes through redaction. */
#include <stdio.h>
#include <string.h>

#include "internal.h"

void b24rt_error_reset(b24_api_error *err) {
  if (err) memset(err, 0, sizeof *err);
}

void b24rt_error_field(const b24_client *c, char *dst, size_t size, const char *src) {
  b24rt_redact_into(c, src, dst, size);
}

/* Formatted in full first, so that a credential is redacted before truncation can cut
 * it into a piece that no longer matches. */
static void redacted_vprintf(const b24_client *c, char *dst, size_t size, const char *fmt,
                             va_list ap) {
  char full[2048];
  vsnprintf(full, sizeof full, fmt, ap);
  b24rt_redact_into(c, full, dst, size);
}

void b24rt_error_transport(const b24_client *c, b24_api_error *err, const char *fmt, ...) {
  if (!err) return;
  va_list ap;
  va_start(ap, fmt);
  redacted_vprintf(c, err->transport, sizeof err->transport, fmt, ap);
  va_end(ap);
}

void b24rt_error_usage(const b24_client *c, b24_api_error *err, const char *fmt, ...) {
  if (!err) return;
  va_list ap;
  va_start(ap, fmt);
  redacted_vprintf(c, err->usage, sizeof err->usage, fmt, ap);
  va_end(ap);
}

const char *b24_status_name(int status) {
  switch (status) {
  case B24_OK: return "B24_OK";
  case B24_ERR_USAGE: return "B24_ERR_USAGE";
  case B24_ERR_TRANSPORT: return "B24_ERR_TRANSPORT";
  case B24_ERR_API: return "B24_ERR_API";
  case B24_ERR_PROTOCOL: return "B24_ERR_PROTOCOL";
  case B24_ERR_NOMEM: return "B24_ERR_NOMEM";
  case B24_ERR_DECODE: return "B24_ERR_DECODE";
  default: return "B24_ERR_UNKNOWN";
  }
}

int b24_api_error_format(const b24_api_error *err, char *buf, size_t size) {
  if (!err) return snprintf(buf, size, "no error information");
  if (err->usage[0]) return snprintf(buf, size, "usage: %s", err->usage);
  if (err->decode[0]) return snprintf(buf, size, "decode: %s", err->decode);
  if (err->error[0] || err->http_status)
    return snprintf(buf, size, "HTTP %ld %s%s%s%s%s", err->http_status,
                    err->error[0] ? err->error : "(no error code)",
                    err->error_description[0] ? ": " : "", err->error_description,
                    err->transport[0] ? "; " : "", err->transport);
  return snprintf(buf, size, "transport: %s", err->transport[0] ? err->transport : "unknown");
}
