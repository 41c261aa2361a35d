/* Event handler bodies (b24/event.h): the form decoder that builds PHP's $_POST
 * shape, the JSON alternative, and the constant-time token check. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "b24/event.h"

static void set_err(char *err, size_t errlen, const char *msg, size_t at) {
  if (err && errlen) snprintf(err, errlen, "%s (at byte %zu)", msg, at);
}

static int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* Percent- and plus-decodes s[0..n) into out (n + 1 bytes); returns the length. A
 * '%' not followed by two hex digits stays as it is, as PHP keeps it. */
static size_t url_decode(const char *s, size_t n, char *out) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] == '+') out[k++] = ' ';
    else if (s[i] == '%' && i + 2 < n && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out[k++] = (char)(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else out[k++] = s[i];
  }
  out[k] = 0;
  return k;
}

/* The child object of o under key (made, or replacing a scalar, when needed). */
static json_t *child_object(json_t *o, const char *key, size_t kn) {
  json_t *c = json_object_getn(o, key, kn);
  if (json_is_object(c)) return c;
  c = json_object();
  if (json_object_setn_new(o, key, kn, c)) return NULL; /* a key that is not UTF-8 */
  return c;
}

/* The key "[]" appends: the first free integer key from the object's size on. */
static size_t next_index(const json_t *o, char *buf, size_t cap) {
  for (size_t i = json_object_size(o);; i++) {
    size_t n = (size_t)snprintf(buf, cap, "%zu", i);
    if (!json_object_getn(o, buf, n)) return n;
  }
}

/* One decoded pair "a[b][]" = value into root. 0, or -1 with the reason in *why. */
static int set_pair(json_t *root, const char *key, size_t kn, const char *val, size_t vn,
                    const char **why) {
  size_t base = 0;
  while (base < kn && key[base] != '[') base++;
  if (!base) return 0; /* "=x" or "[a]=x": no name, PHP drops the pair */
  if (memchr(key, 0, kn)) {
    *why = "a key with a NUL byte"; /* no JSON text could name it */
    return -1;
  }
  json_t *value = json_stringn(val, vn);
  if (!value) {
    *why = "a value that is not UTF-8";
    return -1;
  }
  json_t *cur = root;
  const char *seg = key;
  size_t sn = base;
  size_t at = base, depth = 0;
  char idx[24];
  for (;;) {
    int last = at >= kn || key[at] != '[';
    if (last) {
      if (json_object_setn_new(cur, seg, sn, value)) {
        *why = "a key that is not UTF-8";
        return -1;
      }
      return 0;
    }
    const char *close = memchr(key + at, ']', kn - at);
    if (!close) {
      json_decref(value);
      *why = "a key with '[' and no ']'";
      return -1;
    }
    if (++depth > B24_FORM_MAX_DEPTH) {
      json_decref(value);
      *why = "a key nested deeper than B24_FORM_MAX_DEPTH";
      return -1;
    }
    cur = child_object(cur, seg, sn);
    if (!cur) {
      json_decref(value);
      *why = "a key that is not UTF-8";
      return -1;
    }
    seg = key + at + 1;
    sn = (size_t)(close - seg);
    if (!sn) {
      sn = next_index(cur, idx, sizeof idx);
      seg = idx;
    }
    at = (size_t)(close - key) + 1;
  }
}

/* PHP arrays with keys 0..n-1 in order become JSON arrays, depth first. Returns
 * o itself, or a new array for it (o is then still held by its parent). */
static json_t *listify(json_t *o, int depth) {
  if (!json_is_object(o) || depth > B24_FORM_MAX_DEPTH + 1) return o;
  const char *k;
  json_t *v;
  size_t i = 0;
  int list = json_object_size(o) > 0;
  void *tmp;
  json_object_foreach_safe(o, tmp, k, v) {
    json_t *w = listify(v, depth + 1);
    if (w != v) json_object_set_new(o, k, w);
    char want[24];
    snprintf(want, sizeof want, "%zu", i++);
    if (strcmp(k, want)) list = 0;
  }
  if (!list || depth == 0) return o;
  /* the caller puts the array in o's place, which releases o (and its hold on
   * the values, which the array now holds too) */
  json_t *a = json_array();
  json_object_foreach(o, k, v) json_array_append(a, v);
  return a;
}

json_t *b24_form_decode(const char *body, size_t len, char *err, size_t errlen) {
  json_t *root = json_object();
  char *kbuf = malloc(len + 1), *vbuf = malloc(len + 1);
  if (!root || !kbuf || !vbuf) {
    free(kbuf);
    free(vbuf);
    json_decref(root);
    set_err(err, errlen, "out of memory", 0);
    return NULL;
  }
  size_t pairs = 0, i = 0;
  while (i < len) {
    size_t end = i;
    while (end < len && body[end] != '&') end++;
    if (end > i) {
      if (++pairs > B24_FORM_MAX_PAIRS) {
        set_err(err, errlen, "more than B24_FORM_MAX_PAIRS pairs", i);
        goto fail;
      }
      const char *eq = memchr(body + i, '=', end - i);
      size_t kend = eq ? (size_t)(eq - body) : end;
      size_t kn = url_decode(body + i, kend - i, kbuf);
      size_t vn = eq ? url_decode(eq + 1, end - kend - 1, vbuf) : 0;
      vbuf[vn] = 0;
      const char *why = NULL;
      if (set_pair(root, kbuf, kn, vbuf, vn, &why)) {
        set_err(err, errlen, why, i);
        goto fail;
      }
    }
    i = end + 1;
  }
  free(kbuf);
  free(vbuf);
  return listify(root, 0);
fail:
  free(kbuf);
  free(vbuf);
  json_decref(root);
  return NULL;
}

static int names_json(const char *ct) {
  if (!ct) return 0;
  const char *semi = strchr(ct, ';');
  size_t n = semi ? (size_t)(semi - ct) : strlen(ct);
  while (n && (ct[n - 1] == ' ' || ct[n - 1] == '\t')) n--;
  return (n >= 4 && !strncasecmp(ct + n - 4, "json", 4));
}

json_t *b24_event_body_decode(const char *body, size_t len, const char *content_type,
                              char *err, size_t errlen) {
  size_t lead = 0;
  while (lead < len && (body[lead] == ' ' || body[lead] == '\n' || body[lead] == '\r' ||
                        body[lead] == '\t'))
    lead++;
  int json = content_type ? names_json(content_type) : lead < len && body[lead] == '{';
  if (!json) return b24_form_decode(body, len, err, errlen);
  json_error_t je;
  json_t *j = json_loadb(body, len, JSON_REJECT_DUPLICATES, &je);
  if (!j) {
    if (err && errlen) snprintf(err, errlen, "not JSON: %s (line %d)", je.text, je.line);
    return NULL;
  }
  if (!json_is_object(j)) {
    json_decref(j);
    set_err(err, errlen, "the JSON body is not an object", 0);
    return NULL;
  }
  return j;
}

int b24_event_token_equal(const char *received, const char *expected) {
  if (!received || !expected || !*expected) return 0;
  size_t n = strlen(expected), m = strlen(received);
  /* every byte of expected is compared, whatever received holds; a length
   * difference is folded in without an early return */
  unsigned char diff = (unsigned char)(n != m);
  for (size_t i = 0; i < n; i++) {
    unsigned char r = i < m ? (unsigned char)received[i] : 0;
    diff |= (unsigned char)(r ^ (unsigned char)expected[i]);
  }
  return diff == 0;
}

int b24_event_check_token(const json_t *payload, const char *expected) {
  const json_t *auth = json_object_get(payload, "auth");
  const char *tok = json_string_value(json_object_get(auth, "application_token"));
  return b24_event_token_equal(tok, expected);
}
