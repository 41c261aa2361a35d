/* The mock's subscriptions, offline queue and event.* methods (events.h). */
#include <ctype.h>
#include <curl/curl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "mock/deliver.h"
#include "mock/events.h"
#include "mock/form_encode.h"
#include "util/buf.h"

typedef struct binding {
  unsigned id;
  char *event;     /* upper case */
  char *handler;   /* NULL for an offline binding without one */
  long auth_type;
  int offline;
  char *connector; /* auth_connector, "" when none */
} binding;

typedef struct offline_event {
  unsigned id;
  char *name;
  json_t *data;
  char timestamp[32];
  char *process_id; /* NULL until an event.offline.get with clear=0 reserves it */
  char *connector;
} offline_event;

/* What a method's write raises: the event and where its payload holds the id. */
typedef struct raise {
  const char *method; /* model-owned */
  const b24_event *event;
  const char *id_key; /* "data.FIELDS.ID" */
} raise;

struct mock_events {
  const b24_model *m;
  mock_deliver *deliver;
  char *hosts, *app_token, *access_token, *endpoint, *domain;
  FILE *log;
  raise *raises;
  size_t n_raises;
  pthread_mutex_t lock; /* guards what follows */
  binding *bindings;
  size_t n_bindings;
  unsigned next_binding;
  offline_event *offline;
  size_t n_offline;
  unsigned next_offline, next_process;
};

static char *dup_or(const char *s, const char *dflt) { return strdup(s ? s : dflt); }

mock_events *mock_events_new(const b24_model *m, const mock_events_options *o) {
  mock_events *e = calloc(1, sizeof *e);
  if (!e) return NULL;
  e->m = m;
  e->deliver = mock_deliver_start(o->timeout_ms, o->log);
  if (!e->deliver) {
    free(e);
    return NULL;
  }
  e->hosts = o->event_hosts ? strdup(o->event_hosts) : NULL;
  e->log = o->log ? o->log : stderr;
  e->app_token = dup_or(o->application_token, "mockapplicationtoken");
  e->access_token = dup_or(o->access_token, "");
  e->endpoint = dup_or(o->endpoint, "http://127.0.0.1");
  const char *h = strstr(e->endpoint, "://");
  e->domain = strdup(h ? h + 3 : e->endpoint);
  size_t cap = 0;
  for (size_t i = 0; i < m->n_events; i++) cap += m->events[i].n_raised_by;
  e->raises = calloc(cap ? cap : 1, sizeof *e->raises);
  for (size_t i = 0; i < m->n_events; i++)
    for (size_t k = 0; k < m->events[i].n_raised_by; k++)
      e->raises[e->n_raises++] = (raise){m->events[i].raised_by[k].method, &m->events[i],
                                         m->events[i].raised_by[k].id_key};
  e->next_binding = 1;
  e->next_offline = 1;
  e->next_process = 1;
  pthread_mutex_init(&e->lock, NULL);
  return e;
}

static void binding_free(binding *b) {
  free(b->event);
  free(b->handler);
  free(b->connector);
}

static void offline_free(offline_event *o) {
  free(o->name);
  json_decref(o->data);
  free(o->process_id);
  free(o->connector);
}

void mock_events_free(mock_events *e) {
  if (!e) return;
  mock_deliver_stop(e->deliver);
  for (size_t i = 0; i < e->n_bindings; i++) binding_free(&e->bindings[i]);
  for (size_t i = 0; i < e->n_offline; i++) offline_free(&e->offline[i]);
  free(e->bindings);
  free(e->offline);
  free(e->raises);
  free(e->hosts);
  free(e->app_token);
  free(e->access_token);
  free(e->endpoint);
  free(e->domain);
  pthread_mutex_destroy(&e->lock);
  free(e);
}

static const char *const METHODS[] = {"event.bind", "event.unbind", "event.get",
                                      "event.offline.get", "event.offline.clear",
                                      "event.offline.list", "event.test"};

int mock_events_is_method(const char *lname) {
  for (size_t i = 0; i < sizeof METHODS / sizeof *METHODS; i++)
    if (!strcmp(lname, METHODS[i])) return 1;
  return 0;
}

/* ---- handler URLs ---- */

static int is_loopback(const char *host) {
  return !strcasecmp(host, "localhost") || !strncmp(host, "127.", 4) || !strcmp(host, "::1") ||
         !strcmp(host, "[::1]");
}

static int host_listed(const char *hosts, const char *host) {
  if (!hosts) return 0;
  if (!strcmp(hosts, "*")) return 1;
  size_t hn = strlen(host);
  for (const char *s = hosts; *s;) {
    const char *end = strchr(s, ',');
    size_t n = end ? (size_t)(end - s) : strlen(s);
    if (n == hn && !strncasecmp(s, host, n)) return 1;
    s += n + (end != NULL);
  }
  return 0;
}

/* An http(s) URL whose host is loopback or allowed. */
static int handler_allowed(const mock_events *e, const char *url) {
  CURLU *u = curl_url();
  char *scheme = NULL, *host = NULL;
  int ok = u && curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
           curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
           curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK &&
           (!strcmp(scheme, "http") || !strcmp(scheme, "https")) &&
           (is_loopback(host) || host_listed(e->hosts, host));
  curl_free(scheme);
  curl_free(host);
  curl_url_cleanup(u);
  return ok;
}

/* ---- parameters ---- */

static const char *str_param(const json_t *p, const char *k) {
  const json_t *v = json_object_get(p, k);
  if (!v) {
    /* the portal takes upper-case names too (EVENT, HANDLER) */
    char up[32];
    size_t n = strlen(k) < sizeof up - 1 ? strlen(k) : sizeof up - 1;
    for (size_t i = 0; i < n; i++) up[i] = (char)toupper((unsigned char)k[i]);
    up[n] = 0;
    v = json_object_get(p, up);
  }
  return json_string_value(v);
}

static long int_param(const json_t *p, const char *k, long dflt) {
  const json_t *v = json_object_get(p, k);
  if (json_is_integer(v)) return (long)json_integer_value(v);
  const char *s = json_string_value(v);
  if (s && *s) {
    char *end;
    long n = strtol(s, &end, 10);
    if (!*end) return n;
  }
  return dflt;
}

static void upper_in_place(char *s) {
  for (; *s; s++) *s = (char)toupper((unsigned char)*s);
}

static void fail(mock_events_answer *out, unsigned status, const char *code, const char *msg) {
  out->result = NULL;
  out->status = status;
  out->code = code;
  out->message = msg;
}

static int known_event(const mock_events *e, const char *upper) {
  if (!strcmp(upper, "ONAPPTEST") || !strcmp(upper, "ONOFFLINEEVENT")) return 1;
  const b24_event *ev = b24_model_find_event(e->m, upper);
  return ev && !strcmp(ev->kind, "event");
}

/* ---- the methods ---- */

static void do_bind(mock_events *e, const json_t *p, mock_events_answer *out) {
  const char *event = str_param(p, "event"), *handler = str_param(p, "handler");
  const char *type = str_param(p, "event_type");
  int offline = type && !strcmp(type, "offline");
  if (!event || !*event) {
    fail(out, 400, "ERROR_EVENT_NOT_FOUND", "Event not found");
    return;
  }
  char *up = strdup(event);
  upper_in_place(up);
  if (!known_event(e, up)) {
    free(up);
    fail(out, 400, "ERROR_EVENT_NOT_FOUND", "Event not found");
    return;
  }
  if (!offline && (!handler || !*handler)) {
    free(up);
    fail(out, 400, "ERROR_ARGUMENT", "Handler is required");
    return;
  }
  /* A handler elsewhere is bound, as on a portal, but the mock sends it nothing. */
  if (handler && *handler && !handler_allowed(e, handler))
    fprintf(e->log, "b24spec mock: %s is bound for %s but gets no events: only loopback "
                    "handlers do (see --event-hosts)\n", handler, up);
  const char *connector = str_param(p, "auth_connector");
  long auth_type = int_param(p, "auth_type", 0);
  pthread_mutex_lock(&e->lock);
  int dup = 0;
  for (size_t i = 0; i < e->n_bindings && !dup; i++) {
    const binding *b = &e->bindings[i];
    dup = !strcmp(b->event, up) && b->offline == offline && b->auth_type == auth_type &&
          !strcmp(b->handler ? b->handler : "", handler ? handler : "");
  }
  int full = e->n_bindings >= MOCK_EVENTS_MAX_BINDINGS;
  if (!dup && !full) {
    binding *nb = realloc(e->bindings, (e->n_bindings + 1) * sizeof *nb);
    if (nb) {
      e->bindings = nb;
      nb[e->n_bindings++] = (binding){e->next_binding++, up, handler && *handler ? strdup(handler) : NULL,
                                      auth_type, offline, strdup(connector ? connector : "")};
      up = NULL;
    }
  }
  pthread_mutex_unlock(&e->lock);
  free(up);
  if (dup) {
    fail(out, 400, "ERROR_EVENT_HANDLER_ALREADY_BINDED", "Handler already binded");
    return;
  }
  if (full) {
    fail(out, 400, "ERROR_CORE", "Too many event handlers");
    return;
  }
  out->result = json_true();
}

static void do_unbind(mock_events *e, const json_t *p, mock_events_answer *out) {
  const char *event = str_param(p, "event"), *handler = str_param(p, "handler");
  const char *type = str_param(p, "event_type");
  int offline = type && !strcmp(type, "offline");
  const json_t *at = json_object_get(p, "auth_type");
  long auth_type = int_param(p, "auth_type", 0);
  size_t removed = 0;
  pthread_mutex_lock(&e->lock);
  size_t keep = 0;
  for (size_t i = 0; i < e->n_bindings; i++) {
    binding *b = &e->bindings[i];
    int match = event && !strcasecmp(b->event, event) && b->offline == offline &&
                (!handler || !strcmp(b->handler ? b->handler : "", handler)) &&
                (!at || b->auth_type == auth_type);
    if (match) {
      binding_free(b);
      removed++;
    } else {
      e->bindings[keep++] = *b;
    }
  }
  e->n_bindings = keep;
  pthread_mutex_unlock(&e->lock);
  out->result = json_pack("{s:I}", "count", (json_int_t)removed);
}

static void do_get(mock_events *e, mock_events_answer *out) {
  json_t *a = json_array();
  pthread_mutex_lock(&e->lock);
  for (size_t i = 0; i < e->n_bindings; i++) {
    const binding *b = &e->bindings[i];
    char at[24];
    snprintf(at, sizeof at, "%ld", b->auth_type);
    json_t *x = json_pack("{s:s,s:s,s:s,s:i}", "event", b->event, "handler", b->handler ? b->handler : "",
                          "auth_type", at, "offline", b->offline);
    if (*b->connector) json_object_set_new(x, "connector_id", json_string(b->connector));
    json_array_append_new(a, x);
  }
  pthread_mutex_unlock(&e->lock);
  out->result = a;
}

static json_t *offline_json(const offline_event *o, int full) {
  char id[24];
  snprintf(id, sizeof id, "%u", o->id);
  json_t *x = json_pack("{s:s,s:s,s:s,s:O,s:b,s:s}", "ID", id, "TIMESTAMP_X", o->timestamp,
                        "EVENT_NAME", o->name, "EVENT_DATA", o->data, "EVENT_ADDITIONAL", 0,
                        "MESSAGE_ID", id);
  if (full) {
    json_object_set_new(x, "PROCESS_ID", json_string(o->process_id ? o->process_id : ""));
    json_object_set_new(x, "ERROR", json_string("0"));
  }
  return x;
}

/* event.offline.get: the first `limit` records not reserved by another process
 * (or reserved by process_id); clear=1 removes them, clear=0 reserves them. */
static void do_offline_get(mock_events *e, const json_t *p, mock_events_answer *out) {
  int clear = (int)int_param(p, "clear", 1);
  long limit = int_param(p, "limit", 50);
  if (limit <= 0 || limit > 1000) limit = 50;
  const char *process = str_param(p, "process_id");
  const char *connector = str_param(p, "auth_connector");
  json_t *events = json_array();
  char pid[40] = "";
  pthread_mutex_lock(&e->lock);
  if (!clear) snprintf(pid, sizeof pid, "%s", process && *process ? process : "");
  if (!clear && !*pid) snprintf(pid, sizeof pid, "mockprocess%u", e->next_process++);
  size_t keep = 0;
  long taken = 0;
  for (size_t i = 0; i < e->n_offline; i++) {
    offline_event *o = &e->offline[i];
    int mine = o->process_id ? process && !strcmp(o->process_id, process) : 1;
    int source = !strcmp(o->connector, connector ? connector : "");
    if (mine && source && taken < limit) {
      taken++;
      json_array_append_new(events, offline_json(o, 0));
      if (clear) {
        offline_free(o);
        continue;
      }
      free(o->process_id);
      o->process_id = strdup(pid);
    }
    e->offline[keep++] = *o;
  }
  e->n_offline = keep;
  pthread_mutex_unlock(&e->lock);
  out->result = json_pack("{s:o,s:o}", "process_id", clear ? json_null() : json_string(pid),
                          "events", events);
}

static int listed_id(const json_t *ids, unsigned id) {
  size_t i;
  const json_t *v;
  json_array_foreach(ids, i, v) {
    long n = json_is_integer(v) ? (long)json_integer_value(v)
             : json_is_string(v) ? strtol(json_string_value(v), NULL, 10) : -1;
    if (n == (long)id) return 1;
  }
  return 0;
}

static void do_offline_clear(mock_events *e, const json_t *p, mock_events_answer *out) {
  const char *process = str_param(p, "process_id");
  if (!process || !*process) {
    fail(out, 400, "ERROR_ARGUMENT", "Required parameter process_id is missing");
    return;
  }
  const json_t *ids = json_object_get(p, "id");
  if (!json_is_array(ids)) ids = json_object_get(p, "message_id");
  pthread_mutex_lock(&e->lock);
  size_t keep = 0;
  for (size_t i = 0; i < e->n_offline; i++) {
    offline_event *o = &e->offline[i];
    if (o->process_id && !strcmp(o->process_id, process) && (!json_is_array(ids) || listed_id(ids, o->id)))
      offline_free(o);
    else
      e->offline[keep++] = *o;
  }
  e->n_offline = keep;
  pthread_mutex_unlock(&e->lock);
  out->result = json_true();
}

static void do_offline_list(mock_events *e, const json_t *p, mock_events_answer *out) {
  long start = int_param(p, "start", 0);
  if (start < 0) start = 0;
  json_t *a = json_array();
  pthread_mutex_lock(&e->lock);
  size_t total = e->n_offline;
  for (size_t i = (size_t)start; i < total && i < (size_t)start + 50; i++)
    json_array_append_new(a, offline_json(&e->offline[i], 1));
  pthread_mutex_unlock(&e->lock);
  out->result = a;
}

/* ---- raising ---- */

static void iso_time(char *buf, size_t n) {
  time_t t = time(NULL);
  struct tm tm;
  gmtime_r(&t, &tm);
  strftime(buf, n, "%Y-%m-%dT%H:%M:%S+00:00", &tm);
}

/* The auth fragment the portal sends with every event (auth-params-in-events.md). */
static json_t *auth_json(const mock_events *e, const b24_event *ev) {
  b24_buf client = B24_BUF_INIT, scope = B24_BUF_INIT;
  b24_buf_printf(&client, "%s/rest/", e->endpoint);
  for (size_t i = 0; ev && i < ev->n_scope; i++) b24_buf_printf(&scope, "%s%s", i ? "," : "", ev->scope[i]);
  json_t *a = json_pack("{s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s}", "access_token", e->access_token,
                        "expires_in", "3600", "scope", scope.data ? scope.data : "", "domain",
                        e->domain, "server_endpoint", "https://oauth.bitrix.info/rest/", "status", "L",
                        "client_endpoint", client.data, "member_id", "mockmemberid",
                        "application_token", e->app_token);
  b24_buf_free(&client);
  b24_buf_free(&scope);
  return a;
}

/* Sets the dotted path (below data) in data to the id, making the objects. */
static void set_path(json_t *data, const char *path, const char *id) {
  json_t *cur = data;
  const char *s = path;
  for (;;) {
    const char *dot = strchr(s, '.');
    if (!dot) {
      json_object_set_new(cur, s, json_string(id));
      return;
    }
    char key[128];
    size_t n = (size_t)(dot - s) < sizeof key - 1 ? (size_t)(dot - s) : sizeof key - 1;
    memcpy(key, s, n);
    key[n] = 0;
    json_t *next = json_object_get(cur, key);
    if (!json_is_object(next)) {
      next = json_object();
      json_object_set_new(cur, key, next);
    }
    cur = next;
    s = dot + 1;
  }
}

/* The written object's id: an add's result (or its id member), else the id the
 * call names. Written into buf; 0 when there is none. */
static int written_id(const json_t *params, const json_t *answer, char *buf, size_t n) {
  const json_t *r = json_object_get(answer, "result");
  const json_t *cands[] = {r, json_object_get(r, "id"), json_object_get(r, "ID"),
                           json_object_get(json_object_get(r, "item"), "id"),
                           json_object_get(params, "id"), json_object_get(params, "ID")};
  for (size_t i = 0; i < sizeof cands / sizeof *cands; i++) {
    const json_t *v = cands[i];
    if (json_is_integer(v)) {
      snprintf(buf, n, "%lld", (long long)json_integer_value(v));
      return 1;
    }
    if (json_is_string(v) && json_string_length(v)) {
      snprintf(buf, n, "%s", json_string_value(v));
      return 1;
    }
  }
  return 0;
}

/* The payload's data: the documented example's, the id at its place. */
static json_t *payload_data(const raise *r, const char *id) {
  const json_t *ex = r->event->example ? json_object_get(r->event->example, "data") : NULL;
  json_t *data = json_is_object(ex) ? json_deep_copy(ex) : json_object();
  const char *path = r->id_key && !strncmp(r->id_key, "data.", 5) ? r->id_key + 5 : "FIELDS.ID";
  set_path(data, path, id);
  return data;
}

/* Sends (or queues offline) one event to the bindings of its name. Takes data. */
static void raise_event(mock_events *e, const char *name, const b24_event *ev, json_t *data) {
  char ts[24];
  snprintf(ts, sizeof ts, "%lld", (long long)time(NULL));
  json_t *auth = auth_json(e, ev);
  pthread_mutex_lock(&e->lock);
  for (size_t i = 0; i < e->n_bindings; i++) {
    const binding *b = &e->bindings[i];
    if (strcmp(b->event, name)) continue;
    if (b->offline) {
      if (e->n_offline >= MOCK_EVENTS_MAX_OFFLINE) {
        offline_free(&e->offline[0]);
        memmove(e->offline, e->offline + 1, (e->n_offline - 1) * sizeof *e->offline);
        e->n_offline--;
      }
      offline_event *no = realloc(e->offline, (e->n_offline + 1) * sizeof *no);
      if (!no) continue;
      e->offline = no;
      offline_event *o = &no[e->n_offline++];
      *o = (offline_event){e->next_offline++, strdup(name), json_incref(data), "", NULL,
                           strdup(b->connector)};
      iso_time(o->timestamp, sizeof o->timestamp);
      continue;
    }
    if (!b->handler || !handler_allowed(e, b->handler)) continue;
    char hid[24];
    snprintf(hid, sizeof hid, "%u", b->id);
    json_t *payload = json_pack("{s:s,s:s,s:O,s:s,s:O}", "event", name, "event_handler_id", hid,
                                "data", data, "ts", ts, "auth", auth);
    b24_buf body = B24_BUF_INIT;
    mock_form_encode(payload, &body);
    json_decref(payload);
    mock_deliver_post(e->deliver, b->handler, body.data ? body.data : "", body.len);
    b24_buf_free(&body);
  }
  pthread_mutex_unlock(&e->lock);
  json_decref(auth);
  json_decref(data);
}

void mock_events_written(mock_events *e, const char *method, const json_t *params,
                         const json_t *answer) {
  char id[64];
  int have_id = -1;
  for (size_t i = 0; i < e->n_raises; i++) {
    const raise *r = &e->raises[i];
    if (strcasecmp(r->method, method)) continue;
    if (have_id < 0) have_id = written_id(params, answer, id, sizeof id);
    if (!have_id) return;
    raise_event(e, r->event->name, r->event, payload_data(r, id));
  }
}

static void do_test(mock_events *e, int oauth, const json_t *p, mock_events_answer *out) {
  if (!oauth) {
    fail(out, 401, "WRONG_AUTH_TYPE", "Current authorization type is denied for this method");
    return;
  }
  json_t *query = json_deep_copy(p);
  raise_event(e, "ONAPPTEST", NULL, json_pack("{s:o,s:s}", "QUERY", query, "LANGUAGE_ID", "en"));
  out->result = json_integer(1);
}

void mock_events_call(mock_events *e, const char *lname, int oauth, const json_t *params,
                      mock_events_answer *out) {
  memset(out, 0, sizeof *out);
  if (!strcmp(lname, "event.bind")) do_bind(e, params, out);
  else if (!strcmp(lname, "event.unbind")) do_unbind(e, params, out);
  else if (!strcmp(lname, "event.get")) do_get(e, out);
  else if (!strcmp(lname, "event.offline.get")) do_offline_get(e, params, out);
  else if (!strcmp(lname, "event.offline.clear")) do_offline_clear(e, params, out);
  else if (!strcmp(lname, "event.offline.list")) do_offline_list(e, params, out);
  else if (!strcmp(lname, "event.test")) do_test(e, oauth, params, out);
  else fail(out, 404, "ERROR_METHOD_NOT_FOUND", "Method not found!");
}

void mock_events_counts(mock_events *e, unsigned long long *queued, unsigned long long *delivered,
                        unsigned long long *failed, unsigned long long *dropped) {
  mock_deliver_stats s;
  mock_deliver_stats_get(e->deliver, &s);
  *queued = s.queued;
  *delivered = s.delivered;
  *failed = s.failed;
  *dropped = s.dropped;
}
