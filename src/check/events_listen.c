/* The events part of `b24spec check` (events_listen.h): a libmicrohttpd receiver,
 * the suite's CRUD sequences replayed step by step over libcurl, and each
 * delivery judged when it comes. */
#include <arpa/inet.h>
#include <fnmatch.h>
#include <curl/curl.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <b24/event.h>

#include "check/events_listen.h"
#include "suite/vars.h"
#include "util/buf.h"
#include "util/fsutil.h"
#include "util/json_text.h"
#include "util/jsonschema.h"

/* ---- the receiver ---- */

typedef struct delivery {
  char *path;
  char *body;
  size_t len;
  double at;
  int taken;
} delivery;

typedef struct receiver {
  struct MHD_Daemon *d;
  pthread_mutex_t lock;
  pthread_cond_t came;
  delivery *items;
  size_t n;
} receiver;

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version, const char *data,
                                  size_t *size, void **state) {
  (void)version;
  receiver *r = cls;
  b24_buf *body = *state;
  if (!body) {
    body = calloc(1, sizeof *body);
    *state = body;
    return MHD_YES;
  }
  if (*size) {
    b24_buf_put(body, data, *size);
    *size = 0;
    return MHD_YES;
  }
  if (!strcmp(method, "POST")) {
    pthread_mutex_lock(&r->lock);
    delivery *grown = realloc(r->items, (r->n + 1) * sizeof *grown);
    if (grown) {
      r->items = grown;
      grown[r->n++] = (delivery){strdup(url), strdup(body->data ? body->data : ""), body->len, now_s(), 0};
      pthread_cond_broadcast(&r->came);
    }
    pthread_mutex_unlock(&r->lock);
  }
  struct MHD_Response *resp = MHD_create_response_from_buffer(2, (void *)"ok", MHD_RESPMEM_PERSISTENT);
  enum MHD_Result ok = MHD_queue_response(c, MHD_HTTP_OK, resp);
  MHD_destroy_response(resp);
  return ok;
}

static void on_done(void *cls, struct MHD_Connection *c, void **state, enum MHD_RequestTerminationCode t) {
  (void)cls;
  (void)c;
  (void)t;
  b24_buf *body = *state;
  if (body) {
    b24_buf_free(body);
    free(body);
  }
}

static int receiver_start(receiver *r, const char *listen, char *err, size_t errlen) {
  char host[64];
  const char *colon = strrchr(listen, ':');
  unsigned long port = colon ? strtoul(colon + 1, NULL, 10) : 0;
  size_t hn = colon ? (size_t)(colon - listen) : 0;
  struct sockaddr_in a = {0};
  a.sin_family = AF_INET;
  a.sin_port = htons((unsigned short)port);
  if (!colon || hn >= sizeof host || !port || port > 65535 ||
      (memcpy(host, listen, hn), host[hn] = 0, inet_pton(AF_INET, host, &a.sin_addr) != 1)) {
    snprintf(err, errlen, "--events-listen %s: expected IPV4:PORT", listen);
    return -1;
  }
  pthread_mutex_init(&r->lock, NULL);
  pthread_cond_init(&r->came, NULL);
  r->d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG, (uint16_t)port, NULL, NULL,
                          on_request, r, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&a,
                          MHD_OPTION_NOTIFY_COMPLETED, on_done, NULL, MHD_OPTION_END);
  if (!r->d) {
    snprintf(err, errlen, "--events-listen %s: cannot listen there", listen);
    return -1;
  }
  return 0;
}

static void receiver_stop(receiver *r) {
  if (r->d) MHD_stop_daemon(r->d);
  for (size_t i = 0; i < r->n; i++) {
    free(r->items[i].path);
    free(r->items[i].body);
  }
  free(r->items);
  pthread_mutex_destroy(&r->lock);
  pthread_cond_destroy(&r->came);
}

/* ---- calls ---- */

typedef struct client {
  const b24_check_options *o;
  CURL *curl;
} client;

static size_t collect(char *p, size_t size, size_t n, void *u) {
  b24_buf_put(u, p, size * n);
  return size * n;
}

/* POSTs params (JSON) to method; the answer's JSON (new reference) or NULL. */
static json_t *call(client *c, const char *method, const json_t *params) {
  json_t *body = json_deep_copy(params ? params : json_object());
  if (c->o->token) json_object_set_new(body, "auth", json_string(c->o->token));
  char *text = b24_json_dumps(body, JSON_COMPACT);
  json_decref(body);
  b24_buf url = B24_BUF_INIT, answer = B24_BUF_INIT;
  size_t ul = strlen(c->o->url);
  b24_buf_printf(&url, "%s%s%s", c->o->url, ul && c->o->url[ul - 1] == '/' ? "" : "/", method);
  struct curl_slist *h = curl_slist_append(NULL, "Content-Type: application/json");
  curl_easy_reset(c->curl);
  curl_easy_setopt(c->curl, CURLOPT_URL, url.data);
  curl_easy_setopt(c->curl, CURLOPT_POSTFIELDS, text);
  curl_easy_setopt(c->curl, CURLOPT_HTTPHEADER, h);
  curl_easy_setopt(c->curl, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(c->curl, CURLOPT_WRITEDATA, &answer);
  curl_easy_setopt(c->curl, CURLOPT_TIMEOUT_MS, (long)(c->o->timeout_s * 1000));
  curl_easy_setopt(c->curl, CURLOPT_NOSIGNAL, 1L);
  if (c->o->insecure) {
    curl_easy_setopt(c->curl, CURLOPT_SSL_VERIFYPEER, 0L);
    curl_easy_setopt(c->curl, CURLOPT_SSL_VERIFYHOST, 0L);
  }
  CURLcode rc = curl_easy_perform(c->curl);
  json_t *j = rc == CURLE_OK && answer.data ? json_loads(answer.data, 0, NULL) : NULL;
  curl_slist_free_all(h);
  free(text);
  b24_buf_free(&url);
  b24_buf_free(&answer);
  return j;
}

/* ---- the suite's events ---- */

static json_t *read_json(const char *dir, const char *file) {
  char *p = b24_path_join(dir, file);
  json_t *j = p ? json_load_file(p, 0, NULL) : NULL;
  free(p);
  return j;
}

/* The events (of events.json) a method's write raises. */
static void events_of(const json_t *events, const char *method, json_t *out) {
  size_t i;
  const json_t *e;
  json_array_foreach(events, i, e) {
    size_t k;
    const json_t *r;
    json_array_foreach(json_object_get(e, "raised_by"), k, r)
      if (!strcasecmp(json_string_value(json_object_get(r, "method")), method))
        json_array_append_new(out, json_pack("{s:O,s:O}", "event", e, "raiser", r));
  }
}

typedef struct run {
  client *c;
  receiver *rx;
  const char *listen;
  double wait_s;
  json_t *bound;   /* [[event, handler]] */
  json_t *answers; /* step name -> answer */
  int failures, passed;
} run;

static const json_t *scope(void *ctx, const char *name) {
  return json_object_get(((run *)ctx)->answers, name);
}

static void handler_url(const run *r, const char *event, b24_buf *out) {
  b24_buf_printf(out, "http://%s/hook/%s", r->listen, event);
}

static int bind_once(run *r, const char *event) {
  size_t i;
  const json_t *b;
  json_array_foreach(r->bound, i, b)
    if (!strcmp(json_string_value(json_array_get(b, 0)), event)) return 0;
  b24_buf h = B24_BUF_INIT;
  handler_url(r, event, &h);
  json_t *p = json_pack("{s:s,s:s}", "event", event, "handler", h.data);
  json_t *a = call(r->c, "event.bind", p);
  int ok = a && json_is_true(json_object_get(a, "result"));
  if (ok) json_array_append_new(r->bound, json_pack("[s,s]", event, h.data));
  else {
    const char *why = a ? json_string_value(json_object_get(a, "error_description")) : NULL;
    printf("FAIL event.bind %s: %s\n", event, why ? why : "no answer");
    r->failures++;
  }
  json_decref(a);
  json_decref(p);
  b24_buf_free(&h);
  return ok ? 0 : -1;
}

/* The id the write was about: an add's result (or its id), else the request's. */
static char *written_id(const json_t *request, const json_t *answer) {
  const json_t *res = json_object_get(answer, "result");
  const json_t *c[] = {res, json_object_get(res, "id"), json_object_get(res, "ID"),
                       json_object_get(json_object_get(res, "item"), "id"),
                       json_object_get(request, "id"), json_object_get(request, "ID")};
  for (size_t i = 0; i < sizeof c / sizeof *c; i++) {
    if (json_is_integer(c[i])) {
      char buf[32];
      snprintf(buf, sizeof buf, "%lld", (long long)json_integer_value(c[i]));
      return strdup(buf);
    }
    if (json_is_string(c[i]) && json_string_length(c[i])) return strdup(json_string_value(c[i]));
  }
  return NULL;
}

/* Waits for the delivery of event about id; judges it. */
static void expect_delivery(run *r, const json_t *ev, const json_t *raiser, const char *id, double sent) {
  const char *name = json_string_value(json_object_get(ev, "name"));
  const char *key = json_string_value(json_object_get(raiser, "id_key"));
  b24_buf path = B24_BUF_INIT;
  b24_buf_printf(&path, "/hook/%s", name);
  double deadline = now_s() + r->wait_s;
  json_t *payload = NULL;
  double at = 0;
  pthread_mutex_lock(&r->rx->lock);
  while (!payload) {
    for (size_t i = 0; i < r->rx->n && !payload; i++) {
      delivery *d = &r->rx->items[i];
      if (d->taken || strcmp(d->path, path.data)) continue;
      json_t *p = b24_event_body_decode(d->body, d->len, "application/x-www-form-urlencoded", NULL, 0);
      const json_t *got = p && key ? b24_jpath_get(p, key) : NULL;
      if (p && (!key || !id || (json_is_string(got) && !strcmp(json_string_value(got), id)))) {
        d->taken = 1;
        payload = p;
        at = d->at;
      } else {
        json_decref(p);
      }
    }
    if (payload || now_s() >= deadline) break;
    struct timespec ts;
    double t = now_s() + 0.05;
    ts.tv_sec = (time_t)t;
    ts.tv_nsec = (long)((t - (double)ts.tv_sec) * 1e9);
    pthread_cond_timedwait(&r->rx->came, &r->rx->lock, &ts);
  }
  pthread_mutex_unlock(&r->rx->lock);
  const char *method = json_string_value(json_object_get(raiser, "method"));
  if (!payload) {
    printf("FAIL %s (%s of %s): no delivery within %.1f s\n", name, method, id ? id : "?", r->wait_s);
    r->failures++;
  } else {
    b24_buf errs = B24_BUF_INIT;
    int n = b24_jsonschema_validate_ex(json_object_get(ev, "schema"), payload,
                                       B24_JSONSCHEMA_FORM_SCALARS, &errs);
    if (n) {
      printf("FAIL %s (%s of %s): the payload does not match its schema: %s", name, method,
             id ? id : "?", errs.data);
      r->failures++;
    } else {
      double ms = (at - sent) * 1000;
      printf("ok   %s (%s of %s): delivered %.0f ms %s the answer, payload valid", name, method,
             id ? id : "?", ms < 0 ? -ms : ms, ms < 0 ? "before" : "after");
      if (key) printf(", %s = %s", key, id);
      printf("\n");
      r->passed++;
    }
    b24_buf_free(&errs);
    json_decref(payload);
  }
  b24_buf_free(&path);
}

/* --methods: does one of the comma-separated patterns match the family's add? */
static int selected(const b24_check_options *o, const json_t *seq) {
  if (!o->methods_glob) return 1;
  const json_t *first = json_array_get(json_object_get(seq, "steps"), 0);
  const char *m = json_string_value(json_object_get(json_object_get(first, "request"), "method"));
  if (!m) return 0;
  char pat[256];
  for (const char *s = o->methods_glob; *s;) {
    size_t n = strcspn(s, ",");
    if (n < sizeof pat) {
      memcpy(pat, s, n);
      pat[n] = 0;
      if (!fnmatch(pat, m, 0)) return 1;
    }
    s += n + (s[n] == ',');
  }
  return 0;
}

/* One CRUD sequence: handlers bound for the events its writes raise, then its
 * steps in order; a failed step ends it, but its delete step still runs. */
static void run_sequence(run *r, const json_t *seq, const json_t *events) {
  const json_t *steps = json_object_get(seq, "steps");
  json_t *raised = json_array();
  size_t i;
  const json_t *st;
  json_array_foreach(steps, i, st)
    events_of(events, json_string_value(json_object_get(json_object_get(st, "request"), "method")), raised);
  if (!json_array_size(raised)) {
    json_decref(raised);
    return;
  }
  const json_t *x;
  json_array_foreach(raised, i, x)
    bind_once(r, json_string_value(json_object_get(json_object_get(x, "event"), "name")));
  r->answers = json_object();
  int broken = 0;
  json_array_foreach(steps, i, st) {
    const char *name = json_string_value(json_object_get(st, "name"));
    const json_t *rq = json_object_get(st, "request");
    const char *method = json_string_value(json_object_get(rq, "method"));
    int is_delete = name && !strcmp(name, "delete");
    if (broken && !is_delete) continue;
    char err[200];
    json_t *body = b24_vars_expand(json_object_get(rq, "body"), scope, r, err, sizeof err);
    if (!body) {
      broken = 1;
      continue;
    }
    double sent = now_s();
    json_t *a = call(r->c, method, body);
    sent = now_s();
    if (!a || json_object_get(a, "error")) {
      if (!is_delete) broken = 1;
      json_decref(a);
      json_decref(body);
      continue;
    }
    json_object_set(r->answers, name ? name : method, a);
    json_t *mine = json_array();
    events_of(events, method, mine);
    char *id = json_array_size(mine) ? written_id(body, a) : NULL;
    size_t k;
    json_array_foreach(mine, k, x)
      expect_delivery(r, json_object_get(x, "event"), json_object_get(x, "raiser"), id, sent);
    free(id);
    json_decref(mine);
    json_decref(a);
    json_decref(body);
  }
  json_decref(r->answers);
  r->answers = NULL;
  json_decref(raised);
}

static void unbind_all(run *r) {
  size_t i;
  const json_t *b;
  json_array_foreach(r->bound, i, b) {
    json_t *p = json_pack("{s:O,s:O}", "event", json_array_get(b, 0), "handler", json_array_get(b, 1));
    json_t *a = call(r->c, "event.unbind", p);
    if (!a || json_object_get(a, "error"))
      printf("WARN event.unbind %s: the handler may still be bound\n", json_string_value(json_array_get(b, 0)));
    json_decref(a);
    json_decref(p);
  }
}

int b24_check_events(const b24_check_options *o, const char *listen, double wait_s) {
  json_t *ev = read_json(o->suite_dir, "events.json"), *index = read_json(o->suite_dir, "index.json");
  if (!ev || !index) {
    fprintf(stderr, "b24spec check: %s has no events.json (regenerate the suite with b24spec gen)\n",
            o->suite_dir);
    json_decref(ev);
    json_decref(index);
    return 2;
  }
  const json_t *events = json_object_get(ev, "events");
  if (!o->allow_writes) {
    printf("events: %zu events the suite can cause; causing them writes, so they need --allow-writes\n",
           json_array_size(events));
    json_decref(ev);
    json_decref(index);
    return 0;
  }
  receiver rx = {0};
  char err[200];
  if (receiver_start(&rx, listen, err, sizeof err)) {
    fprintf(stderr, "b24spec check: %s\n", err);
    json_decref(ev);
    json_decref(index);
    return 2;
  }
  client c = {o, curl_easy_init()};
  run r = {&c, &rx, listen, wait_s > 0 ? wait_s : 10, json_array(), NULL, 0, 0};
  size_t i;
  const json_t *s;
  json_array_foreach(json_object_get(index, "sequences"), i, s) {
    json_t *seq = read_json(o->suite_dir, json_string_value(json_object_get(s, "file")));
    if (seq && selected(o, seq) && !strcmp(json_string_value(json_object_get(seq, "mode")) ? json_string_value(json_object_get(seq, "mode")) : "", "write") &&
        (o->allow_unrestorable || json_is_true(json_object_get(seq, "restorable"))))
      run_sequence(&r, seq, events);
    json_decref(seq);
  }
  unbind_all(&r);
  printf("events: %d delivered and valid, %d failed; %zu handlers bound and unbound\n", r.passed,
         r.failures, json_array_size(r.bound));
  json_decref(r.bound);
  curl_easy_cleanup(c.curl);
  receiver_stop(&rx);
  json_decref(ev);
  json_decref(index);
  return r.failures ? 1 : 0;
}
