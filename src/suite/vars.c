/* Variable expansion and JSON paths for suite requests (see vars.h). */
#include "suite/vars.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/buf.h"
#include "util/json_text.h"

/* One path segment of an object or array; icase compares keys without case. */
static const json_t *step(const json_t *v, const char *seg, size_t n, int icase) {
  if (json_is_array(v)) {
    if (!n || n > 9) return NULL;
    size_t idx = 0;
    for (size_t i = 0; i < n; i++) {
      if (!isdigit((unsigned char)seg[i])) return NULL;
      idx = idx * 10 + (size_t)(seg[i] - '0');
    }
    return json_array_get(v, idx);
  }
  if (!json_is_object(v)) return NULL;
  /* the key as spelled, by the object's hash (answers have dozens of keys, and
   * sequences walk them for every ${...}); only a miss scans for another case */
  const json_t *exact = json_object_getn(v, seg, n);
  if (exact || !icase) return exact;
  const char *k;
  json_t *val;
  json_object_foreach((json_t *)v, k, val) {
    if (strlen(k) == n && !strncasecmp(k, seg, n)) return val;
  }
  return NULL;
}

static const json_t *walk(const json_t *root, const char *path, int icase) {
  const json_t *v = root;
  while (v && *path) {
    size_t n = strcspn(path, ".");
    v = step(v, path, n, icase);
    path += n + (path[n] == '.');
  }
  return v;
}

const json_t *b24_jpath_get(const json_t *root, const char *path) { return walk(root, path, 0); }

const json_t *b24_jpath_get_icase(const json_t *root, const char *path) {
  return walk(root, path, 1);
}

/* The value of one "NAME.PATH" reference. */
static const json_t *resolve(const char *ref, size_t n, b24_var_scope scope, void *ctx) {
  char *r = strndup(ref, n);
  if (!r) abort();
  char *dot = strchr(r, '.');
  if (dot) *dot = 0;
  const json_t *base = scope(ctx, r);
  const json_t *v = base ? b24_jpath_get_icase(base, dot ? dot + 1 : "") : NULL;
  free(r);
  return v;
}

/* A scalar as text for interpolation inside a longer string. */
static void put_scalar(b24_buf *b, const json_t *v) {
  if (json_is_string(v)) b24_buf_puts(b, json_string_value(v));
  else {
    char *s = b24_json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);
    b24_buf_puts(b, s ? s : "");
    free(s);
  }
}

static json_t *expand_string(const char *s, b24_var_scope scope, void *ctx, char *err,
                             size_t errlen) {
  size_t len = strlen(s);
  if (len > 3 && !strncmp(s, "${", 2) && s[len - 1] == '}' && !memchr(s + 2, '}', len - 3)) {
    const json_t *v = resolve(s + 2, len - 3, scope, ctx);
    if (!v) {
      snprintf(err, errlen, "%s does not resolve", s);
      return NULL;
    }
    return json_deep_copy(v);
  }
  b24_buf b = B24_BUF_INIT;
  for (const char *p = s; *p;) {
    if (!strncmp(p, "$${", 3)) {
      b24_buf_puts(&b, "${");
      p += 3;
    } else if (!strncmp(p, "${", 2) && strchr(p, '}')) {
      const char *end = strchr(p, '}');
      const json_t *v = resolve(p + 2, (size_t)(end - p - 2), scope, ctx);
      if (!v) {
        snprintf(err, errlen, "%.*s does not resolve", (int)(end - p + 1), p);
        b24_buf_free(&b);
        return NULL;
      }
      put_scalar(&b, v);
      p = end + 1;
    } else b24_buf_putc(&b, *p++);
  }
  json_t *out = json_stringn(b.data ? b.data : "", b.len);
  b24_buf_free(&b);
  return out;
}

json_t *b24_vars_expand(const json_t *tmpl, b24_var_scope scope, void *ctx, char *err,
                        size_t errlen) {
  if (json_is_string(tmpl)) {
    const char *s = json_string_value(tmpl);
    if (!strstr(s, "${")) return json_incref((json_t *)tmpl);
    return expand_string(s, scope, ctx, err, errlen);
  }
  if (json_is_object(tmpl)) {
    json_t *out = json_object();
    const char *k;
    json_t *v;
    json_object_foreach((json_t *)tmpl, k, v) {
      json_t *e = b24_vars_expand(v, scope, ctx, err, errlen);
      if (!e) {
        json_decref(out);
        return NULL;
      }
      json_object_set_new(out, k, e);
    }
    return out;
  }
  if (json_is_array(tmpl)) {
    json_t *out = json_array();
    size_t i;
    json_t *v;
    json_array_foreach(tmpl, i, v) {
      json_t *e = b24_vars_expand(v, scope, ctx, err, errlen);
      if (!e) {
        json_decref(out);
        return NULL;
      }
      json_array_append_new(out, e);
    }
    return out;
  }
  return json_incref((json_t *)tmpl);
}

int b24_vars_present(const json_t *v) {
  if (json_is_string(v)) return strstr(json_string_value(v), "${") != NULL;
  const char *k;
  json_t *x;
  size_t i;
  if (json_is_object(v)) json_object_foreach((json_t *)v, k, x) {
      if (b24_vars_present(x)) return 1;
    }
  if (json_is_array(v)) json_array_foreach(v, i, x) {
      if (b24_vars_present(x)) return 1;
    }
  return 0;
}
