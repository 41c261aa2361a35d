/* Creating, configuring and freeing a b24_client: parsing the webhook URL or portal
 * address into the URL prefix the calls are built from. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

enum {
  DEFAULT_CONNECT_TIMEOUT_MS = 10000,
  DEFAULT_TOTAL_TIMEOUT_MS = 60000,
  DEFAULT_MAX_RETRIES = 3,
  DEFAULT_INITIAL_BACKOFF_MS = 1000,
  DEFAULT_MAX_BACKOFF_MS = 16000
};

static char *dup_n(const char *s, size_t n) {
  char *d = malloc(n + 1);
  if (!d) return NULL;
  memcpy(d, s, n);
  d[n] = '\0';
  return d;
}

static char *dup_cat(const char *a, size_t na, const char *b) {
  size_t nb = strlen(b);
  char *d = malloc(na + nb + 1);
  if (!d) return NULL;
  memcpy(d, a, na);
  memcpy(d + na, b, nb + 1);
  return d;
}

/* A URL we build calls from must not smuggle anything into the request: no spaces or
 * control bytes, no query or fragment, no user-info (it would be sent as credentials). */
static bool url_chars_ok(const char *url) {
  for (const unsigned char *p = (const unsigned char *)url; *p; p++)
    if (*p <= ' ' || *p == 0x7f || *p == '?' || *p == '#' || *p == '@' || *p == '\\')
      return false;
  return true;
}

/* Length of "http://host[:port]" at the start of url, or 0 if it is not http(s). */
static size_t origin_len(const char *url) {
  size_t scheme;
  if (strncasecmp(url, "https://", 8) == 0) scheme = 8;
  else if (strncasecmp(url, "http://", 7) == 0) scheme = 7;
  else return 0;
  size_t host = strcspn(url + scheme, "/");
  return host ? scheme + host : 0;
}

static b24_client *client_alloc(void) {
  if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) return NULL;
  b24_client *c = calloc(1, sizeof *c);
  if (!c) {
    curl_global_cleanup();
    return NULL;
  }
  c->connect_timeout_ms = DEFAULT_CONNECT_TIMEOUT_MS;
  c->total_timeout_ms = DEFAULT_TOTAL_TIMEOUT_MS;
  c->max_retries = DEFAULT_MAX_RETRIES;
  c->initial_backoff_ms = DEFAULT_INITIAL_BACKOFF_MS;
  c->max_backoff_ms = DEFAULT_MAX_BACKOFF_MS;
  c->curl = curl_easy_init();
  if (!c->curl) {
    b24_client_free(c);
    return NULL;
  }
  return c;
}

b24_client *b24_client_new_webhook(const char *webhook_url) {
  if (!webhook_url || !url_chars_ok(webhook_url)) return NULL;
  size_t origin = origin_len(webhook_url);
  if (!origin) return NULL;
  const char *rest = strstr(webhook_url + origin, "/rest/");
  if (!rest) return NULL;
  size_t prefix_len = (size_t)(rest - webhook_url) + strlen("/rest/");
  const char *p = webhook_url + prefix_len;
  if (strncmp(p, "api/", 4) == 0) p += 4; /* the REST 3.0 spelling of the same webhook */
  const char *user = p;
  while (isdigit((unsigned char)*p)) p++;
  if (p == user || *p != '/') return NULL;
  const char *secret = ++p;
  size_t secret_len = strcspn(secret, "/");
  if (secret_len == 0) return NULL;
  const char *end = secret + secret_len;
  if (!(*end == '\0' || (end[0] == '/' && end[1] == '\0'))) return NULL;

  b24_client *c = client_alloc();
  if (!c) return NULL;
  c->auth = B24RT_AUTH_WEBHOOK;
  c->rest_prefix = dup_n(webhook_url, prefix_len);
  c->credential = dup_cat(user, (size_t)(end - user), "/");
  c->secret = dup_n(secret, secret_len);
  if (!c->rest_prefix || !c->credential || !c->secret) {
    b24_client_free(c);
    return NULL;
  }
  return c;
}

/* OAuth tokens are printable ASCII; anything else is a caller's mistake, and would also
 * fail later as a JSON string that is not valid UTF-8. */
static bool token_ok(const char *token) {
  if (!token || !*token) return false;
  for (const unsigned char *p = (const unsigned char *)token; *p; p++)
    if (*p <= ' ' || *p >= 0x7f) return false;
  return true;
}

b24_client *b24_client_new_oauth(const char *portal_base_url, const char *access_token) {
  if (!portal_base_url || !url_chars_ok(portal_base_url) || !token_ok(access_token))
    return NULL;
  size_t origin = origin_len(portal_base_url);
  if (!origin) return NULL;
  size_t len = strlen(portal_base_url);
  while (len > origin && portal_base_url[len - 1] == '/') len--;
  if (len >= origin + 5 && strncmp(portal_base_url + len - 5, "/rest", 5) == 0) len -= 5;

  b24_client *c = client_alloc();
  if (!c) return NULL;
  c->auth = B24RT_AUTH_OAUTH;
  c->rest_prefix = dup_cat(portal_base_url, len, "/rest/");
  c->access_token = strdup(access_token);
  if (!c->rest_prefix || !c->access_token) {
    b24_client_free(c);
    return NULL;
  }
  return c;
}

void b24_client_free(b24_client *c) {
  if (!c) return;
  if (c->curl) curl_easy_cleanup(c->curl);
  free(c->rest_prefix);
  b24rt_wipe_free(c->credential);
  b24rt_wipe_free(c->secret);
  b24rt_wipe_free(c->access_token);
  free(c->ca_file);
  free(c->user_agent);
  free(c);
  curl_global_cleanup();
}

int b24_client_set_access_token(b24_client *c, const char *access_token) {
  if (!c || c->auth != B24RT_AUTH_OAUTH || !token_ok(access_token)) return -1;
  char *t = strdup(access_token);
  if (!t) return -1;
  b24rt_wipe_free(c->access_token);
  c->access_token = t;
  return 0;
}

void b24_client_set_timeouts(b24_client *c, long connect_timeout_ms, long total_timeout_ms) {
  if (!c) return;
  if (connect_timeout_ms > 0) c->connect_timeout_ms = connect_timeout_ms;
  if (total_timeout_ms > 0) c->total_timeout_ms = total_timeout_ms;
}

void b24_client_set_retries(b24_client *c, int max_retries, long initial_backoff_ms,
                            long max_backoff_ms) {
  if (!c) return;
  if (max_retries >= 0) c->max_retries = max_retries;
  if (initial_backoff_ms >= 0) c->initial_backoff_ms = initial_backoff_ms;
  if (max_backoff_ms >= 0) c->max_backoff_ms = max_backoff_ms;
}

void b24_client_set_sleep_hook(b24_client *c, b24_sleep_fn fn, void *user_data) {
  if (!c) return;
  c->sleep_fn = fn;
  c->sleep_user_data = user_data;
}

/* Replaces an optional string setting; NULL means "back to the default". */
static int replace_setting(char **slot, const char *value) {
  char *v = NULL;
  if (value && !(v = strdup(value))) return -1;
  free(*slot);
  *slot = v;
  return 0;
}

int b24_client_set_ca_file(b24_client *c, const char *pem_path) {
  return c ? replace_setting(&c->ca_file, pem_path) : -1;
}

int b24_client_set_user_agent(b24_client *c, const char *user_agent) {
  return c ? replace_setting(&c->user_agent, user_agent) : -1;
}

void b24_client_set_insecure_for_testing(b24_client *c, bool insecure) {
  if (c) c->insecure = insecure;
}

void b24_client_set_strict_decoding(b24_client *c, bool strict) {
  if (c) c->strict = strict;
}

bool b24_client_strict_decoding(const b24_client *c) { return c && c->strict; }
