/* Method roles and families (see family.h). */
#include "model/family.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void b24_method_verb(const char *name, char *out, size_t outlen) {
  const char *dot = strrchr(name, '.');
  const char *v = dot ? dot + 1 : name;
  size_t i = 0;
  for (; v[i] && i + 1 < outlen; i++) out[i] = (char)tolower((unsigned char)v[i]);
  out[i] = 0;
}

static int has_prefix(const char *s, const char *p) { return !strncmp(s, p, strlen(p)); }

bool b24_method_is_read_only(const char *name) {
  /* Verbs that read in every family of the corpus; "get" and "list" prefixes
   * cover getfields, getlist, listforitem ... except the one that makes a
   * public link. crm.enum.* are dictionaries. */
  static const char *const exact[] = {"fields", "count", "current", "info", "types",
                                      "statuslist", "canmovetask", "children", "items",
                                      "recent", "subordinates", "countries", "access",
                                      "admin", "tail", "download", "findbycomm",
                                      "resolveidbypublicurl", "isactionallowed", "isenabled",
                                      "isexists", "isoffers"};
  if (has_prefix(name, "crm.enum.")) return true;
  char verb[64];
  b24_method_verb(name, verb, sizeof verb);
  if (!strcmp(verb, "getexternallink")) return false;
  if (has_prefix(verb, "get") || has_prefix(verb, "list") || has_prefix(verb, "search"))
    return true;
  for (size_t i = 0; i < sizeof exact / sizeof *exact; i++)
    if (!strcmp(verb, exact[i])) return true;
  return false;
}

/* The member of the method's family (computed with the model) whose verb is
 * exactly verb, NULL if none. */
static const b24_method *sibling(const b24_method *meth, const char *verb) {
  const b24_method_family *f = meth->family;
  for (size_t i = 0; f && i < f->n_methods; i++) {
    const char *dot = strrchr(f->methods[i]->name, '.');
    if (dot && !strcmp(dot + 1, verb)) return f->methods[i];
  }
  return NULL;
}

json_t *b24_request_value(const json_t *body, const char *key) {
  const char *k;
  json_t *v, *found = NULL;
  json_object_foreach((json_t *)body, k, v) {
    if (!strcasecmp(k, key)) found = v;
    else if (!strcasecmp(k, "fields") && json_is_object(v) && !found) {
      const char *k2;
      json_t *v2;
      json_object_foreach(v, k2, v2) if (!strcasecmp(k2, key)) found = v2;
    }
  }
  return found;
}

json_t *b24_chosen_key_value(const json_t *body, const char *key) {
  json_t *found = b24_request_value(body, key);
  return json_is_string(found) && *json_string_value(found) ? found : NULL;
}

const char *b24_entity_item_key(const b24_entity *e, const json_t *item) {
  const char *want[] = {e->id_field, e->id_key};
  for (size_t i = 0; i < 2 && json_is_object(item); i++) {
    const char *k;
    json_t *v;
    json_object_foreach((json_t *)item, k, v) if (want[i] && !strcasecmp(k, want[i])) return k;
  }
  return NULL;
}

bool b24_get_lists(const b24_method *get) { return get->list && get->list->items; }

void b24_family_of(const b24_model *m, const b24_method *meth, b24_family *f) {
  (void)m;
  memset(f, 0, sizeof *f);
  const char *dot = strrchr(meth->name, '.');
  size_t n = dot ? (size_t)(dot - meth->name) : strlen(meth->name);
  f->name = malloc(n + 1);
  if (!f->name) abort();
  memcpy(f->name, meth->name, n);
  f->name[n] = 0;
  f->rest_version = meth->rest_version;
  f->add = sibling(meth, "add");
  f->get = sibling(meth, "get");
  f->update = sibling(meth, "update");
  f->del = sibling(meth, "delete");
  f->list = sibling(meth, "list");
  if (!f->list && f->get && b24_get_lists(f->get)) {
    f->list = f->get;
    f->get = NULL;
  }
}

void b24_family_free(b24_family *f) {
  free(f->name);
  f->name = NULL;
}

const b24_example *b24_method_curl_example(const b24_method *meth) {
  const b24_example *best = NULL;
  for (size_t i = 0; i < meth->n_examples; i++) {
    const b24_example *e = &meth->examples[i];
    if (!e->is_curl || !json_is_object(e->body)) continue;
    if (e->auth == B24_AUTH_WEBHOOK) return e;
    if (!best) best = e;
  }
  return best;
}

static int ieq(const char *a, const char *b) { return !strcasecmp(a, b); }

static int is_numeric_value(const json_t *v) {
  if (json_is_integer(v)) return 1;
  if (!json_is_string(v)) return 0;
  const char *s = json_string_value(v);
  if (!*s) return 0;
  for (; *s; s++)
    if (!isdigit((unsigned char)*s)) return 0;
  return 1;
}

static int ends_with_id(const char *name) {
  size_t n = strlen(name);
  return n > 2 && ieq(name + n - 2, "id");
}

const char *b24_object_id_key(const b24_method *meth, const json_t *body) {
  const char *k;
  json_t *v;
  json_object_foreach((json_t *)body, k, v) {
    if (ieq(k, "id") && is_numeric_value(v)) return k;
  }
  /* otherwise the method's one and only required parameter, when it is an id */
  const char *only = NULL;
  for (size_t i = 0; i < meth->params.n; i++) {
    const b24_param *p = &meth->params.items[i];
    if (!p->required || p->wildcard) continue;
    if (only) return NULL;
    only = p->name;
  }
  if (!only || !ends_with_id(only) || !is_numeric_value(json_object_get(body, only)))
    return NULL;
  /* the body's own spelling of the key */
  json_object_foreach((json_t *)body, k, v) {
    if (!strcmp(k, only)) return k;
  }
  return NULL;
}

/* The key of obj that reads as an id ("id", "ID", "Id"), NULL if none. A code
 * under "id" ("MS", sale.status) is chosen by the caller, not issued. */
static const char *id_key_of(const json_t *obj) {
  const char *k;
  json_t *v;
  json_object_foreach((json_t *)obj, k, v) {
    if (ieq(k, "id") && is_numeric_value(v)) return k;
  }
  return NULL;
}

static char *dup_path(const char *a, const char *b, const char *c) {
  size_t n = strlen(a) + (b ? strlen(b) + 1 : 0) + (c ? strlen(c) + 1 : 0) + 1;
  char *s = malloc(n);
  if (!s) abort();
  snprintf(s, n, "%s%s%s%s%s", a, b ? "." : "", b ? b : "", c ? "." : "", c ? c : "");
  return s;
}

/* "CNY" (crm.currency.add), "PROPERTY_1151" (lists.field.add): a code that names
 * the new object, not a word of success ("OK", "Y"). */
static int is_code_value(const json_t *v) {
  if (!json_is_string(v)) return 0;
  const char *s = json_string_value(v);
  size_t n = strlen(s);
  if (n < 2 || n > 64) return 0;
  static const char *const words[] = {"OK", "ok", "Y", "N", "true", "false", "success", "SUCCESS"};
  for (size_t i = 0; i < sizeof words / sizeof *words; i++)
    if (!strcmp(s, words[i])) return 0;
  for (; *s; s++)
    if (!isalnum((unsigned char)*s) && *s != '_' && *s != '-' && *s != '.') return 0;
  return 1;
}

int b24_add_answers_bare_id(const b24_method *add) {
  const json_t *r = json_object_get(add->response.example, "result");
  if (add->response.example) return is_numeric_value(r) || is_code_value(r);
  return add->rest_version == 1 && !add->response.fields.n;
}

char *b24_added_id_path(const json_t *example) {
  const json_t *r = json_object_get(example, "result");
  if (!r) return NULL;
  if (is_numeric_value(r) || is_code_value(r)) return dup_path("result", NULL, NULL);
  if (!json_is_object(r)) return NULL;
  const char *k = id_key_of(r);
  if (k) return dup_path("result", k, NULL);
  if (json_object_size(r) == 1) {
    const char *wrap = json_object_iter_key(json_object_iter((json_t *)r));
    const json_t *inner = json_object_get(r, wrap);
    if (json_is_object(inner) && (k = id_key_of(inner))) return dup_path("result", wrap, k);
  }
  return NULL;
}

char *b24_record_path(const json_t *example) {
  const json_t *r = json_object_get(example, "result");
  if (json_is_array(r)) return dup_path("result", "0", NULL);
  if (json_is_object(r) && !id_key_of(r) && json_object_size(r) == 1) {
    const char *wrap = json_object_iter_key(json_object_iter((json_t *)r));
    if (json_is_object(json_object_get(r, wrap))) return dup_path("result", wrap, NULL);
  }
  return dup_path("result", NULL, NULL);
}

json_t *b24_written_fields(const json_t *body, const char *id_key) {
  const char *k;
  json_t *v;
  /* `fields` written as anything but an object (lists.add's examples send a
   * list) writes nothing a reader can be held to, as the mock stores it */
  json_object_foreach((json_t *)body, k, v) {
    if (ieq(k, "fields")) return json_is_object(v) ? json_incref(v) : json_object();
  }
  json_t *out = json_object();
  json_object_foreach((json_t *)body, k, v) {
    if ((id_key && !strcmp(k, id_key)) || !strcmp(k, "auth")) continue;
    json_object_set(out, k, v);
  }
  return out;
}

bool b24_value_restorable(const json_t *v) {
  return json_is_string(v) || json_is_number(v) || json_is_boolean(v);
}

void b24_params_as_portal_reads(const b24_method *meth, json_t *params) {
  for (size_t i = 0; i < meth->params.n; i++) {
    const b24_param *p = &meth->params.items[i];
    if (p->wildcard) continue;
    if (!json_object_get(params, p->name)) {
      const char *key;
      json_t *val;
      json_object_foreach(params, key, val) {
        if (strcasecmp(key, p->name)) continue;
        json_incref(val);
        json_object_del(params, key);
        json_object_set_new(params, p->name, val);
        break;
      }
    }
    json_t *val = json_object_get(params, p->name);
    if (json_is_array(val) && !json_array_size(val) && p->type.n_alts && !p->type.alts[0].array &&
        !strcmp(p->type.alts[0].base, "object"))
      json_object_set_new(params, p->name, json_object());
  }
}

static const b24_param *param_named(const b24_method *m, const char *name) {
  for (size_t i = 0; i < m->params.n; i++)
    if (!strcasecmp(m->params.items[i].name, name)) return &m->params.items[i];
  return NULL;
}

/* The parameter named after the entity's last word with an id suffix
 * (tasks.api.scrum.sprint.get's sprintId, a STAGE_ID): a page that names the
 * object so where its siblings say `id`. */
static const b24_param *named_after_entity(const b24_method *m, const b24_entity *e) {
  const char *dot = strrchr(e->name, '.');
  const char *w = dot ? dot + 1 : e->name;
  size_t n = strlen(w);
  for (size_t i = 0; i < m->params.n; i++) {
    const char *name = m->params.items[i].name;
    if (!strncasecmp(name, w, n) && (!strcasecmp(name + n, "id") || !strcasecmp(name + n, "_id")))
      return &m->params.items[i];
  }
  return NULL;
}

const char *b24_entity_object_key(const b24_method *meth) {
  const b24_entity *e = b24_model_entity_of(meth);
  const b24_param *p = e && e->id_key ? param_named(meth, e->id_key) : NULL;
  if (!p && e && e->id_key && *e->id_key && !e->id_chosen && (p = named_after_entity(meth, e)))
    return p->required ? p->name : NULL;
  if (!p) return NULL;
  if (e->id_chosen) return p->name; /* the add request names it too */
  const b24_method *add = b24_entity_method_of(e, B24_ROLE_ADD);
  const b24_param *in_add = add ? param_named(add, e->id_key) : NULL;
  return in_add && in_add->required ? NULL : p->name;
}
