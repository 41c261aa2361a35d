/* Keeping credentials out of every message the library writes.
 *
 * curl's error texts, the portal's error descriptions and our own messages may quote a
 * URL or a request; the webhook secret and the access token are replaced before any of
 * them reaches a b24_api_error. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define REDACTED "[redacted]"

/* A credential shorter than this is not matched when it is cut off at the end of the
 * text: too short a tail would redact ordinary words. */
enum { MIN_TAIL = 4 };

/* Length of the credential occurrence starting at s (0 if none). A credential cut off
 * by the end of the text counts too: curl truncates its messages to a fixed buffer, and
 * a truncated secret is still a secret. */
static size_t match_at(const char *s, size_t remaining, const char *secret) {
  if (!secret || !*secret) return 0;
  size_t n = strlen(secret);
  if (remaining >= n) return memcmp(s, secret, n) == 0 ? n : 0;
  if (remaining >= MIN_TAIL && memcmp(s, secret, remaining) == 0) return remaining;
  return 0;
}

void b24rt_redact_into(const b24_client *c, const char *src, char *dst, size_t size) {
  if (size == 0) return;
  const char *secrets[2] = {c ? c->secret : NULL, c ? c->access_token : NULL};
  size_t out = 0, len = src ? strlen(src) : 0;
  for (size_t i = 0; i < len && out + 1 < size;) {
    size_t hit = 0;
    for (size_t k = 0; k < 2 && !hit; k++) hit = match_at(src + i, len - i, secrets[k]);
    if (hit) {
      size_t n = strlen(REDACTED);
      if (n > size - 1 - out) n = size - 1 - out;
      memcpy(dst + out, REDACTED, n);
      out += n;
      i += hit;
    } else {
      dst[out++] = src[i++];
    }
  }
  dst[out] = '\0';
}

void b24rt_wipe_free(char *s) {
  if (!s) return;
  /* volatile: a plain memset before free() may be optimised away. */
  for (volatile char *p = s; *p; p++) *p = '\0';
  free(s);
}
