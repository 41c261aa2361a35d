/* Every payload example of the corpus through the generated event decoders, as
 * the portal sends it (form-encoded with PHP-style keys, the way PHP's
 * http_build_query writes it) and as JSON: each must decode, the form's tree must
 * be the example with its scalars as strings, and the application token check
 * must take the example's token and refuse a changed one. An example lint lists
 * as a doc defect (event-example-schema) may fail; any other failure fails.
 * usage: decode_examples MODEL.json LINT.json */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <b24/events.h>

typedef struct text {
  char *s;
  size_t n, cap;
} text;

static void put(text *t, const char *s, size_t n) {
  if (t->n + n + 1 > t->cap) {
    t->cap = (t->n + n + 1) * 2;
    t->s = realloc(t->s, t->cap);
  }
  memcpy(t->s + t->n, s, n);
  t->n += n;
  t->s[t->n] = 0;
}

static void put_escaped(text *t, const char *s) {
  static const char hexd[] = "0123456789ABCDEF";
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c == '.' || c == '~') {
      put(t, (const char *)&c, 1);
    } else {
      char e[3] = {'%', hexd[c >> 4], hexd[c & 15]};
      put(t, e, 3);
    }
  }
}

/* A scalar as http_build_query writes it; NULL for null (left out). */
static char *scalar_text(const json_t *v) {
  char buf[64];
  if (json_is_string(v)) return strdup(json_string_value(v));
  if (json_is_integer(v)) snprintf(buf, sizeof buf, "%lld", (long long)json_integer_value(v));
  else if (json_is_real(v)) snprintf(buf, sizeof buf, "%.17g", json_real_value(v));
  else if (json_is_true(v)) strcpy(buf, "1");
  else if (json_is_false(v)) strcpy(buf, "0");
  else return NULL;
  return strdup(buf);
}

static void encode(text *t, const json_t *v, const char *prefix) {
  if (json_is_object(v) || json_is_array(v)) {
    size_t n = json_is_object(v) ? json_object_size(v) : json_array_size(v);
    void *it = json_is_object(v) ? json_object_iter((json_t *)v) : NULL;
    for (size_t i = 0; i < n; i++) {
      char idx[32];
      const char *k = it ? json_object_iter_key(it) : (snprintf(idx, sizeof idx, "%zu", i), idx);
      const json_t *c = it ? json_object_iter_value(it) : json_array_get(v, i);
      text key = {0};
      if (*prefix) {
        put(&key, prefix, strlen(prefix));
        put(&key, "[", 1);
        put(&key, k, strlen(k));
        put(&key, "]", 1);
      } else put(&key, k, strlen(k));
      encode(t, c, key.s);
      free(key.s);
      if (it) it = json_object_iter_next((json_t *)v, it);
    }
    return;
  }
  char *s = scalar_text(v);
  if (!s) return;
  if (t->n) put(t, "&", 1);
  put_escaped(t, prefix);
  put(t, "=", 1);
  put_escaped(t, s);
  free(s);
}

/* What the form carries of v: scalars as strings, nulls and empty containers gone. */
static json_t *form_view(const json_t *v) {
  if (json_is_object(v) || json_is_array(v)) {
    json_t *o = json_is_object(v) ? json_object() : json_array();
    size_t n = json_is_object(v) ? json_object_size(v) : json_array_size(v);
    void *it = json_is_object(v) ? json_object_iter((json_t *)v) : NULL;
    for (size_t i = 0; i < n; i++) {
      json_t *c = form_view(it ? json_object_iter_value(it) : json_array_get(v, i));
      if (c && json_is_object(o)) json_object_set_new(o, json_object_iter_key(it), c);
      else if (c) json_array_append_new(o, c);
      if (it) it = json_object_iter_next((json_t *)v, it);
    }
    if ((json_is_object(o) && !json_object_size(o)) || (json_is_array(o) && !json_array_size(o))) {
      json_decref(o);
      return NULL;
    }
    return o;
  }
  char *s = scalar_text(v);
  json_t *r = s ? json_string(s) : NULL;
  free(s);
  return r;
}

static int listed(const json_t *findings, const char *source, long line) {
  size_t i;
  const json_t *f;
  json_array_foreach(findings, i, f) {
    const char *rule = json_string_value(json_object_get(f, "rule"));
    const char *path = json_string_value(json_object_get(f, "path"));
    if (rule && path && !strcmp(rule, "event-example-schema") && !strcmp(path, source) &&
        json_integer_value(json_object_get(f, "line")) == line)
      return 1;
  }
  return 0;
}

static int decode_with(const b24_event_decoder *d, const char *body, const char *ctype, char *err,
                       size_t errlen) {
  void *out = calloc(1, d->size);
  int rc = d->decode(body, strlen(body), ctype, out, err, errlen);
  d->free(out);
  free(out);
  return rc;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: decode_examples MODEL.json LINT.json\n");
    return 2;
  }
  json_error_t je;
  json_t *model = json_load_file(argv[1], 0, &je), *lint = json_load_file(argv[2], 0, &je);
  if (!model || !lint) {
    fprintf(stderr, "cannot read the inputs: %s\n", je.text);
    return 2;
  }
  const json_t *findings = json_object_get(lint, "findings");
  size_t i, tried = 0, json_ok = 0, form_ok = 0, tokens = 0, defects = 0, failures = 0;
  const json_t *ev;
  json_array_foreach(json_object_get(model, "events"), i, ev) {
    const json_t *ex = json_object_get(json_object_get(ev, "example"), "json");
    const char *name = json_string_value(json_object_get(ev, "name"));
    const b24_event_decoder *d = name ? b24_event_decoder_find(name) : NULL;
    if (!json_is_object(ex) || !d || strcmp(d->name, name)) continue;
    tried++;
    const char *source = json_string_value(json_object_get(ev, "source"));
    long line = (long)json_integer_value(json_object_get(json_object_get(ev, "example"), "line"));
    int defect = listed(findings, source, line);
    char err[256] = "";
    char *js = json_dumps(ex, JSON_COMPACT);
    int jrc = decode_with(d, js, "application/json", err, sizeof err);
    if (!jrc) json_ok++;
    else if (!defect) {
      fprintf(stderr, "%s:%ld: %s as JSON: %s\n", source, line, name, err);
      failures++;
    }
    text form = {0};
    encode(&form, ex, "");
    if (!form.s) put(&form, "", 0);
    int frc = decode_with(d, form.s, "application/x-www-form-urlencoded", err, sizeof err);
    json_t *tree = b24_event_body_decode(form.s, form.n, "application/x-www-form-urlencoded", err, sizeof err);
    json_t *want = form_view(ex);
    int same = tree && (want ? json_equal(tree, want) : json_object_size(tree) == 0);
    if (!frc && same) form_ok++;
    else if (!defect || !same) {
      fprintf(stderr, "%s:%ld: %s form-encoded: %s\n", source, line, name,
              !same ? "the decoded tree is not the example" : err);
      failures++;
    }
    const char *tok = json_string_value(json_object_get(json_object_get(ex, "auth"), "application_token"));
    if (tok && *tok && tree) {
      char *bad = strdup(tok);
      bad[strlen(bad) - 1] ^= 1;
      if (b24_event_check_token(tree, tok) == 1 && b24_event_check_token(tree, bad) == 0) tokens++;
      else {
        fprintf(stderr, "%s:%ld: %s: the token check is wrong\n", source, line, name);
        failures++;
      }
      free(bad);
    }
    if (jrc || frc) defects++;
    json_decref(tree);
    json_decref(want);
    free(form.s);
    free(js);
  }
  printf("%zu examples with a decoder: %zu decoded as JSON, %zu form-encoded, %zu token checks; "
         "%zu failed, all listed by lint as doc defects\n",
         tried, json_ok, form_ok, tokens, defects);
  json_decref(model);
  json_decref(lint);
  if (failures) fprintf(stderr, "%zu failures\n", failures);
  return failures || tried < 150 ? 1 : 0;
}
