/* One HTTP POST of a JSON body with libcurl, under the client's TLS, timeout and
 * user-agent settings. Retrying and decoding belong to call.c. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* An answer larger than this is refused rather than buffered: no real method returns
 * anywhere near it, and an endless body must not exhaust memory. */
#define MAX_ANSWER_BYTES ((size_t)256 << 20)

typedef struct sink {
  char *data;
  size_t len, cap;
  bool too_big, no_memory;
} sink;

static size_t sink_write(char *ptr, size_t size, size_t nmemb, void *userdata) {
  sink *s = userdata;
  size_t n = size * nmemb;
  if (n > MAX_ANSWER_BYTES - s->len) {
    s->too_big = true;
    return 0; /* makes curl stop with CURLE_WRITE_ERROR */
  }
  if (s->len + n + 1 > s->cap) {
    size_t cap = s->cap ? s->cap : 4096;
    while (cap < s->len + n + 1) cap *= 2;
    char *d = realloc(s->data, cap);
    if (!d) {
      s->no_memory = true;
      return 0;
    }
    s->data = d;
    s->cap = cap;
  }
  memcpy(s->data + s->len, ptr, n);
  s->len += n;
  s->data[s->len] = '\0';
  return n;
}

static CURLcode configure(b24_client *c, const char *url, const char *body,
                          struct curl_slist *headers, sink *s, char *errbuf) {
  CURL *h = c->curl;
  CURLcode rc = CURLE_OK;
  curl_easy_reset(h); /* keeps the connection cache, forgets the previous call */
#define SET(opt, val) \
  if (rc == CURLE_OK) rc = curl_easy_setopt(h, opt, val)
  SET(CURLOPT_URL, url);
#if LIBCURL_VERSION_NUM >= 0x075500
  SET(CURLOPT_PROTOCOLS_STR, "http,https");
#else
  SET(CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
  SET(CURLOPT_POST, 1L);
  SET(CURLOPT_POSTFIELDS, body);
  SET(CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)strlen(body));
  SET(CURLOPT_HTTPHEADER, headers);
  SET(CURLOPT_USERAGENT, c->user_agent ? c->user_agent : "b24rt/" B24RT_VERSION);
  SET(CURLOPT_FOLLOWLOCATION, 0L);
  SET(CURLOPT_NOSIGNAL, 1L); /* timeouts must not raise SIGALRM in the caller's process */
  SET(CURLOPT_CONNECTTIMEOUT_MS, c->connect_timeout_ms);
  SET(CURLOPT_TIMEOUT_MS, c->total_timeout_ms);
  SET(CURLOPT_ACCEPT_ENCODING, ""); /* whatever curl can decode */
  SET(CURLOPT_SSL_VERIFYPEER, c->insecure ? 0L : 1L);
  SET(CURLOPT_SSL_VERIFYHOST, c->insecure ? 0L : 2L);
  if (c->ca_file) SET(CURLOPT_CAINFO, c->ca_file);
  SET(CURLOPT_WRITEFUNCTION, sink_write);
  SET(CURLOPT_WRITEDATA, s);
  SET(CURLOPT_ERRORBUFFER, errbuf);
#undef SET
  return rc;
}

b24_status b24rt_http_post(b24_client *c, const char *url, const char *body, b24rt_http_answer *ans,
                    b24_api_error *err) {
  memset(ans, 0, sizeof *ans);
  struct curl_slist *headers = NULL, *next;
  /* "Expect:" turns off curl's 100-continue wait for bodies over 1 KiB. */
  static const char *const header_lines[] = {"Content-Type: application/json",
                                             "Accept: application/json", "Expect:"};
  for (size_t i = 0; i < sizeof header_lines / sizeof header_lines[0]; i++) {
    if (!(next = curl_slist_append(headers, header_lines[i]))) {
      curl_slist_free_all(headers);
      b24rt_error_transport(c, err, "out of memory");
      return B24_ERR_NOMEM;
    }
    headers = next;
  }

  sink s = {0};
  char errbuf[CURL_ERROR_SIZE] = "";
  CURLcode rc = configure(c, url, body, headers, &s, errbuf);
  if (rc == CURLE_OK) rc = curl_easy_perform(c->curl);
  /* The handle must not keep pointers into this frame after we return. */
  curl_easy_setopt(c->curl, CURLOPT_ERRORBUFFER, NULL);
  curl_easy_setopt(c->curl, CURLOPT_HTTPHEADER, NULL);
  curl_slist_free_all(headers);

  int status = B24_OK;
  if (s.no_memory) {
    b24rt_error_transport(c, err, "out of memory reading the answer");
    status = B24_ERR_NOMEM;
  } else if (s.too_big) {
    b24rt_error_transport(c, err, "answer larger than %zu bytes refused", MAX_ANSWER_BYTES);
    status = B24_ERR_TRANSPORT;
  } else if (rc != CURLE_OK) {
    b24rt_error_transport(c, err, "%s%s%s", curl_easy_strerror(rc), errbuf[0] ? ": " : "",
                          errbuf);
    status = B24_ERR_TRANSPORT;
  }
  if (status != B24_OK) {
    free(s.data);
    return status;
  }
  curl_easy_getinfo(c->curl, CURLINFO_RESPONSE_CODE, &ans->status);
  ans->body = s.data;
  ans->len = s.len;
  return B24_OK;
}
