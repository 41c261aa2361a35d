/* The method model: what the docs say about each REST method, with the source
 * location of every element. Everything downstream of the parser (generators,
 * lint, mock, check, diff) reads this and never the Markdown.
 *
 * Memory: every string and array of a model lives in the model's arena and is
 * freed by b24_model_free(); JSON values (examples) are jansson references owned
 * by the model. The JSON form is documented in docs/model.md and described by
 * docs/model.schema.json. */
#ifndef B24_MODEL_H
#define B24_MODEL_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "util/arena.h"
#include "util/diag.h"

#define B24_MODEL_VERSION 2

/* A place in the docs: page path relative to the docs root, 1-based line. */
typedef struct b24_loc {
  const char *file;
  int line;
} b24_loc;

/* One alternative of a type: `integer`, `string[]`, `crm_status`, an object type. */
typedef struct b24_type_alt {
  char *base;  /* normalized word: integer, double, string, boolean, object, ..., or a
                  dictionary/object type name such as crm_status or uf_enum_element */
  int array;   /* 1 for `T[]` (and the generic `array` base stays base "array", array 0) */
  char *ref;   /* resolved link target "path.md#anchor" when the type links to a
                  documented object (not to a plain dictionary entry); else NULL */
  char *page;  /* the page the type links to without an anchor, when it is no type
                  dictionary: an object described by a whole page; else NULL */
  /* v2, references: when the alternative names another object by its identifier
   * (a dictionary word its dictionary defines as an identifier, `user`,
   * `crm_status`; or an object type on an identifier parameter whose examples
   * send a scalar, CURRENCY_ID -> `crm_currency`), base is the identifier's scalar
   * type ("integer", "string") and the word moves here; ref/page move to
   * reference_target. NULL otherwise. */
  char *reference;        /* "crm_currency", "user" */
  char *reference_target; /* "api-reference/crm/data-types.md#crm_currency" or NULL */
} b24_type_alt;

typedef struct b24_type {
  char *written;       /* the type as written, links stripped: "integer | null" */
  b24_type_alt *alts;  /* non-null alternatives, in order; n_alts may be 0 (no type) */
  size_t n_alts;
  bool nullable;       /* `| null` was one of the alternatives */
} b24_type;

typedef struct b24_param b24_param;

/* v2, evidence: the JSON types of the values the docs' examples give for a
 * parameter (request bodies) or result field (response examples). */
enum {
  B24_JSON_KIND_NULL = 1u << 0,
  B24_JSON_KIND_BOOLEAN = 1u << 1,
  B24_JSON_KIND_INTEGER = 1u << 2,
  B24_JSON_KIND_NUMBER = 1u << 3, /* a number with a fraction or exponent */
  B24_JSON_KIND_STRING = 1u << 4,
  B24_JSON_KIND_ARRAY = 1u << 5,
  B24_JSON_KIND_OBJECT = 1u << 6,
};

typedef struct b24_evidence {
  unsigned kinds;      /* B24_JSON_KIND_* bits; 0: no example gives a value */
  unsigned values;     /* how many example values were seen */
  bool disagrees;      /* some value fits none of the table's alternatives: consumers
                          accept both the table's type and what the examples send */
  int line;            /* the first example that gives a value */
} b24_evidence;

/* v2, deprecation: a method (or parameter) the docs mark as outdated. */
typedef enum {
  B24_DEPRECATED_NOTE = 1, /* a note or sentence says so ("deprecated", "устарел") */
  B24_DEPRECATED_FOLDER,   /* the page sits in an outdated/ or deprecated/ folder */
  B24_DEPRECATED_TITLE     /* the title says so */
} b24_deprecation_kind;

typedef struct b24_deprecation {
  b24_deprecation_kind kind;
  char *replacement;   /* the method the page names instead ("crm.item.add"), or NULL */
  char *note;          /* the note's plain text; "" when only the folder says so */
  b24_loc loc;         /* the note's line; the title's for folder/title */
} b24_deprecation;

typedef struct b24_params {
  b24_param *items;
  size_t n;
} b24_params;

/* A tab of a per-variant section: "string" -> the SETTINGS of a string user field. */
typedef struct b24_variant {
  char *name;          /* the tab's name as written */
  char **keys;         /* the discriminator values the tab stands for ("iblock_section",
                          "iblock_element" for "iblock_section|iblock_element") */
  size_t n_keys;
  b24_loc loc;
  b24_params children;
} b24_variant;

struct b24_param {
  char *name;          /* as written, markers stripped: "ID", "fields", "UF_*" */
  b24_loc loc;
  b24_type type;
  bool required;
  bool wildcard;       /* a name pattern such as UF_* or <field_code>, not a literal key */
  char *description;   /* plain text */
  char **enum_values;  /* from "Possible values" lists; NULL-free array */
  size_t n_enum;
  char *default_value; /* from "Default is `X`"; NULL when not stated */
  char *example;       /* v2: the table's example column ("`CHAT`"), NULL when none */
  char *since;         /* v2: the revision or version it appeared in ("18"), NULL when none */
  char **alternatives; /* v2: "IBLOCK_CODE/IBLOCK_ID": every name the row allows, name the
                          first; NULL unless there are two or more */
  size_t n_alternatives;
  b24_params children;
  b24_variant *variants;
  size_t n_variants;
  char *variant_key;   /* the field that picks the variant, when the docs name one */
  b24_evidence evidence;       /* v2 */
  b24_deprecation *deprecated; /* v2: NULL unless the row says the parameter is outdated */
};

typedef struct b24_response {
  int status;          /* documented success status, 0 when not stated */
  b24_loc loc;         /* the section */
  json_t *example;     /* parsed response example; NULL when absent or not JSON */
  char *example_text;  /* the example as written (kept when it is not JSON) */
  char *example_error; /* why the example is not JSON, NULL when it is */
  int example_bare;    /* the docs show the result alone; example is it enveloped */
  b24_loc example_loc;
  b24_params fields;   /* the "Returned Data" table, nested like params */
} b24_response;

typedef struct b24_error {
  int status;          /* HTTP status, 0 when the docs do not say for this row */
  char *code;          /* "" for "Empty string" */
  char *message;
  char *description;
  b24_loc loc;
} b24_error;

typedef enum { B24_AUTH_NONE = 0, B24_AUTH_WEBHOOK, B24_AUTH_OAUTH } b24_auth_style;

/* Which reader gave an example its request body (model version 2). */
typedef enum { B24_BODY_NONE = 0, B24_BODY_CURL, B24_BODY_JS, B24_BODY_PHP } b24_body_source;

typedef struct b24_example {
  char *lang;          /* the tab's name: "cURL (Webhook)", "JS", "PHP" */
  char *fence;         /* the code fence's info string: bash, js, php, ... */
  char *code;
  b24_loc loc;         /* first line of the code */
  /* cURL tabs only: */
  bool is_curl;
  b24_auth_style auth;
  char *http_method;   /* "POST", "GET" */
  char *url;
  json_t *body;        /* the -d body parsed as JSON, NULL when absent or not JSON */
  char *body_text;     /* the -d body as written */
  char *body_error;    /* why the body is not JSON */
  /* Any tab whose code sends a request (version 2): cURL data, or the parameters
   * of a JS or PHP call. body, body_text and body_error above hold it. */
  b24_body_source body_from;  /* NONE when the code sends no body the model could find */
  char *call_method;   /* JS/PHP: the method the call names, NULL for cURL */
  char **body_nonliteral; /* JSON Pointers of body values that are not literals in the
                          code (a variable, new Date(), $(date)), kept as their text */
  size_t n_body_nonliteral;
  int body_line;       /* the line where the body's text starts, 0 when none */
} b24_example;

typedef struct b24_link {
  char *text;
  char *href;          /* as written */
  char *target;        /* resolved page path relative to the docs root, NULL if external */
  char *anchor;        /* the part after '#', NULL when none */
  b24_loc loc;
} b24_link;

typedef enum { B24_PAGE_OTHER = 0, B24_PAGE_METHOD, B24_PAGE_EVENT } b24_page_kind;

/* v2: how a list method pages and filters, read from its parameters and answer. */
typedef struct b24_list_info {
  const char *filter;      /* the names of the parameters as documented ("filter", */
  const char *order;       /*   "FILTER", "order", "select", "start"); NULL when the */
  const char *select;      /*   method has none */
  const char *start;
  const char *page_size;   /* "limit", "pageSize", "PAGE_SIZE", "nPageSize" */
  char **filter_ops;       /* the filter operators the page documents: ">", ">=", "<",
                              "<=", "=", "!", "!=", "%", "=%", "%=", "@", "!@", ... */
  size_t n_filter_ops;
  bool start_minus_one;    /* the page documents start=-1 (no count, faster) */
  char *items;             /* where the items are: "result" (the answer is the list),
                              "result.items", "result.tasks"; NULL when not known */
  bool total;              /* the answer has "total" */
  bool next;               /* the answer has "next" */
} b24_list_info;

struct b24_entity;
struct b24_method_family;

typedef struct b24_method {
  char *name;          /* user.update */
  char *title;
  const char *source;  /* page path relative to the docs root */
  int line;            /* the title's line */
  char **scope;
  size_t n_scope;
  char *access;        /* "Who can execute the method" */
  char *description;
  int rest_version;    /* 3 for REST 3.0 pages (/rest/api/), else 1 */
  char *language;      /* "en" or "ru": which heading vocabulary matched */
  b24_params params;
  b24_loc params_loc;  /* the parameter section, line 0 when the page has none */
  b24_response response;
  b24_error *errors;
  size_t n_errors;
  b24_error *system_errors;
  size_t n_system_errors;
  b24_example *examples;
  size_t n_examples;
  b24_link *see_also;
  size_t n_see_also;
  /* v2 */
  b24_deprecation *deprecated;     /* NULL unless the docs mark the method outdated */
  bool is_batch;                   /* the batch method: runs other methods' calls */
  b24_list_info *list;             /* NULL unless the method lists objects */
  const struct b24_entity *entity; /* the object the method works on, or NULL */
  const struct b24_method_family *family; /* its family (never NULL after a load) */
} b24_method;

/* A documented object type: an anchored section with a field table, such as
 * data-types.md#uf_enum_element, referenced by a parameter type link. */
typedef struct b24_object_type {
  char *id;            /* "api-reference/data-types.md#uf_enum_element" */
  char *name;          /* the heading text */
  b24_loc loc;
  b24_params fields;
} b24_object_type;

/* A word of a type dictionary (data-types.md and the section dictionaries). */
typedef struct b24_type_word {
  char *word;
  const char *dictionary; /* the dictionary page */
  b24_loc loc;
  char *description;   /* v2: the definition's plain text, NULL for object sections */
  char *scalar;        /* v2: "integer" or "string" when the definition calls the word an
                          identifier ("An integer identifier of a user"), else NULL */
} b24_type_word;

/* ---- v2: what spans pages ---- */

/* What a method does to its family's object. */
typedef enum {
  B24_ROLE_ADD = 0, B24_ROLE_GET, B24_ROLE_UPDATE, B24_ROLE_DELETE, B24_ROLE_LIST,
  B24_ROLE_FIELDS, B24_ROLE_OTHER, B24_ROLE_COUNT
} b24_method_role;

/* "add", "get", ... "other". */
const char *b24_role_name(b24_method_role r);

/* One page's statement about an entity field. */
typedef struct b24_field_source {
  const b24_method *method;  /* the page: crm.deal.fields, crm.deal.add, ... */
  b24_method_role role;      /* what that page is to the entity */
  const b24_type *type;      /* the type that page gives (the method's own) */
  b24_loc loc;
  bool read_only;            /* that page says read-only (isReadOnly, "read only") */
  bool required;             /* that page says required (on add pages: the `*` mark) */
  bool multiple;             /* that page says multiple (isMultiple, T[]) */
} b24_field_source;

typedef struct b24_entity_field {
  char *name;                /* as the fields page spells it: "CURRENCY_ID" */
  const b24_type *type;      /* the merged type: the fields page's, else add's, get's, list's */
  bool read_only;            /* read-only: a fields page says so, or it is only returned */
  bool required_on_add;
  bool multiple;
  bool disagree;             /* the sources give different types */
  b24_field_source *sources; /* provenance, in role order */
  size_t n_sources;
} b24_entity_field;

typedef struct b24_entity_method {
  const b24_method *method;
  b24_method_role role;
} b24_entity_method;

/* One value of the parameter that picks the entity type of a generic family
 * (crm.item's entityTypeId: 2 -> crm.deal). */
typedef struct b24_entity_kind {
  char *value;               /* "2" */
  char *entity;              /* "crm.deal", NULL when no family of its own */
} b24_entity_kind;

/* The object a family of methods works on. */
typedef struct b24_entity {
  char *name;                /* "crm.deal", "user", "tasks.task", "user.userfield" */
  int rest_version;          /* 3 for REST 3.0 families (tasks.task has both) */
  char *id_key;              /* the request key that names one object: "id", "ID", "taskId" */
  bool id_chosen;            /* v2: the add request names the key (bizproc.robot's CODE): the
                                caller chooses it, the add does not issue it */
  char *id_field;            /* the record's field that holds it: "ID", "id"; NULL if not known */
  char *type_param;          /* generic families: the key that picks the type ("entityTypeId") */
  /* v2, memberships (im.chat.user: users in a chat): the keys the add, the
   * delete and the list all require, naming what the members belong to
   * (CHAT_ID), and the add's key that names the members (USERS, a list; or
   * id_key itself, one by one). NULL / 0 for other families. */
  char **member_of;
  size_t n_member_of;
  char *members_param;
  b24_entity_kind *kinds;
  size_t n_kinds;
  b24_entity_field *fields;  /* sorted by name */
  size_t n_fields;
  b24_entity_method *methods; /* in role order, then name */
  size_t n_methods;
} b24_entity;

/* Methods named PREFIX.<verb> with the same REST version. */
typedef struct b24_method_family {
  char *name;                /* "crm.deal" */
  int rest_version;
  const b24_method **methods; /* sorted by name */
  size_t n_methods;
  const b24_method *roles[B24_ROLE_COUNT]; /* the member of each role, NULL when none
                                              (B24_ROLE_OTHER: unused) */
  const b24_entity *entity;  /* NULL when the family works on no object */
  char *no_entity;           /* why not, when it adds or reads objects */
} b24_method_family;

/* An inline lint suppression, read from an HTML comment:
 * <!-- b24spec-disable-line R1, R2 --> (its own line) or
 * <!-- b24spec-disable-next-line R --> (the line after it). */
typedef struct b24_suppression {
  int line;            /* the line whose findings are suppressed */
  char **rules;        /* rule ids; n_rules 0: every rule */
  size_t n_rules;
} b24_suppression;

/* Every page read, with what lint needs to check links without the Markdown. */
typedef struct b24_page {
  const char *path;
  b24_page_kind kind;
  char *title;
  char *name;          /* method or event name, NULL for other pages */
  char **anchors;      /* ids a link can point at: explicit {#id} and heading slugs */
  size_t n_anchors;
  b24_link *links;
  size_t n_links;
  b24_suppression *suppressions; /* lint suppressions written in the page */
  size_t n_suppressions;
} b24_page;

/* Counts asked for by `b24spec stats`. */
typedef struct b24_stats {
  size_t pages, method_pages, event_pages, methods, params, params_typed;
  size_t result_fields;          /* "Returned Data" rows, nested ones included */
  size_t rows_unparsed;          /* table rows that yield no parameter or field: */
  size_t rows_unparsed_no_name;  /*   the first cell names nothing */
  size_t rows_unparsed_cells;    /*   a single cell where the header has more */
  size_t rows_repaired;          /* rows read after a repair (unclosed, |# ending) */
  size_t curl_bodies, curl_bodies_not_json;
  size_t responses, responses_not_json;
  size_t responses_elided;       /* not JSON, read with their elisions left out */
  /* v2 */
  size_t refs_words;               /* alternatives resolved from a dictionary identifier word */
  size_t refs_object_ids;          /* identifier params typed with an object type, resolved */
  size_t refs_object_ids_unresolved; /* ... that nothing resolves (no example, no key field) */
  size_t deprecated_methods, deprecated_with_replacement;
  size_t entities, families_crud, families_crud_without_entity;
  size_t js_bodies, js_bodies_not_json;   /* JS calls with parameters (version 2) */
  size_t php_bodies, php_bodies_not_json; /* PHP calls with parameters */
  size_t bodies_nonliteral;               /* bodies with a value kept as source text */
} b24_stats;

/* A method that raises an event, and how the payload names the object it wrote:
 * crm.deal.add raises ONCRMDEALADD, whose data.FIELDS.ID is the new deal's id. */
typedef struct b24_event_raiser {
  char *method;        /* "crm.deal.add" */
  char *action;        /* "add", "update", "delete": what the write did */
  char *via;           /* how the model knows: "family" (the names: ONCRMDEAL+ADD and
                          crm.deal.add) or "link" (the event page links the method) */
  char *id_key;        /* dotted payload path of the object's id ("data.FIELDS.ID"),
                          NULL when the payload table names none */
} b24_event_raiser;

/* An event (or a widget placement) and what its handler receives, from a page
 * with a "What the Handler Receives" section. */
typedef struct b24_event {
  char *name;          /* as the portal sends it: "ONCRMDEALADD" (upper case); a
                          placement's code: "CRM_XXX_DETAIL_TAB" */
  char *written;       /* the name as the title writes it: "onCrmDealAdd" */
  char *kind;          /* "event" (POSTed by the portal's queue), "placement" (a
                          widget's handler page), "js" (a JS SDK event, no HTTP) */
  char *title;
  const char *source;  /* page path relative to the docs root */
  int line;            /* the title's line */
  char **scope;
  size_t n_scope;
  char *subscribers;   /* "Who can subscribe" */
  char *description;
  b24_loc payload_loc; /* the handler section's heading */
  b24_params payload;  /* the table, nested "Parameter X" sections, included fragments
                          (the auth table) with their own source lines */
  json_t *example;     /* the payload example as JSON (a PHP print_r dump is read
                          into JSON, every value a string); NULL when absent or unread */
  char *example_text;  /* as written */
  char *example_lang;  /* the fence's info string: json, php, js */
  char *example_error; /* why the example could not be read, NULL when it was */
  b24_loc example_loc;
  b24_event_raiser *raised_by;
  size_t n_raised_by;
  const char *payload_from; /* NULL: the table; "example": the payload example's keys,
                               "text": paths the prose names (`data.FIELDS.ID`),
                               "none": the page says the handler receives nothing */
} b24_event;

typedef struct b24_model {
  b24_arena arena;
  char *root;          /* the docs root as given */
  b24_method *methods; /* sorted by name, then source */
  size_t n_methods;
  b24_page *pages;     /* sorted by path */
  size_t n_pages;
  b24_object_type *objects; /* sorted by id */
  size_t n_objects;
  b24_type_word *type_words;
  size_t n_type_words;
  b24_stats stats;
  b24_event *events;   /* sorted by name, then source (model version 2) */
  size_t n_events;
  /* v2: computed once from the methods when the model is loaded or read */
  b24_entity *entities;      /* sorted by name, then REST version */
  size_t n_entities;
  b24_method_family *families; /* sorted by name, then REST version */
  size_t n_families;
  const b24_method *batch;   /* the batch method, NULL when the docs have none */
} b24_model;

typedef struct b24_load_options {
  b24_diags *diags;    /* where parse diagnostics go; required */
  bool no_toc;         /* walk the tree even when a toc.yaml is there */
  unsigned jobs;       /* threads that read pages; 0: one per CPU */
} b24_load_options;

/* Models the docs under each input (a docs root, or single pages with the root
 * found upward: the nearest directory with toc.yaml or presets.yaml, else the
 * nearest with _includes). Returns NULL only when
 * nothing could be read; problems with pages become diagnostics. */
b24_model *b24_model_load(const char *const *inputs, size_t n_inputs,
                          const b24_load_options *opt);
void b24_model_free(b24_model *m);

/* Single pages linted as in the whole root (context.c): the other pages of m's
 * root that rules over m's pages read: the type dictionaries, the targets of
 * their links and type links, the pages of sibling methods. Paths relative to
 * the root, NULL-terminated, malloc'd (each path too); *n their count. */
char **b24_model_context(const b24_model *m, size_t *n);

/* JSON form (docs/model.md). */
json_t *b24_model_to_json(const b24_model *m);
/* The same JSON streamed to f, one method (object, page) a line, so that a model
 * of the whole corpus is written without a second copy of it in memory. */
int b24_model_write_json(const b24_model *m, FILE *f);
/* Reads a model written by b24_model_to_json; NULL with a message in err. */
b24_model *b24_model_from_json(const json_t *j, char *err, size_t errlen);
b24_model *b24_model_read_file(const char *path, b24_diags *diags);

/* Lookups. */
const b24_method *b24_model_find_method(const b24_model *m, const char *name);
const b24_object_type *b24_model_find_object(const b24_model *m, const char *id);
const b24_page *b24_model_find_page(const b24_model *m, const char *path);
/* The event named name (any case: "onCrmDealAdd" finds ONCRMDEALADD), or NULL. */
const b24_event *b24_model_find_event(const b24_model *m, const char *name);

/* v2 lookups. rest_version 0 matches any (the classic one first). */
const b24_entity *b24_model_find_entity(const b24_model *m, const char *name, int rest_version);
const b24_method_family *b24_model_find_family(const b24_model *m, const char *name,
                                               int rest_version);
/* The entity a method works on (meth->entity), NULL when none. */
const b24_entity *b24_model_entity_of(const b24_method *meth);
/* The entity's first method with that role, NULL when none. */
const b24_method *b24_entity_method_of(const b24_entity *e, b24_method_role role);
/* The role of meth in its entity (B24_ROLE_OTHER when it has none). */
b24_method_role b24_entity_role_of(const b24_entity *e, const b24_method *meth);
const b24_entity_field *b24_entity_find_field(const b24_entity *e, const char *name);
/* The dictionaries' convention for a key of an object: "integer" for
 * `catalog_vat.id`, "string" for `crm_currency.CURRENCY`, `catalog_language.lid`,
 * `X.code`, `X.CODE`, `X.symbol`; NULL for other words. */
const char *b24_key_word_scalar(const char *word);
/* The type word's dictionary entry, NULL when the dictionaries do not have it. */
const b24_type_word *b24_model_find_type_word(const b24_model *m, const char *word);

#endif
