/* The model builder's internals: one page's block tree -> method, page, objects. */
#ifndef B24_MODEL_BUILD_H
#define B24_MODEL_BUILD_H
#include "model/model.h"
#include "parse/blocks.h"

/* Growable arrays in the model's arena. */
#define B24_VEC_PUSH(arena, arr, n, cap)                                                    \
  (((n) == (cap) ? ((arr) = b24_arena_grow((arena), (arr), (cap) * sizeof *(arr),          \
                                           ((cap) ? (cap) * 2 : 8) * sizeof *(arr)),      \
                    (cap) = (cap) ? (cap) * 2 : 8)                                         \
                 : 0),                                                                     \
   &(arr)[(n)++])

/* Pushes onto an array on the heap, settled into the arena with
 * b24_arena_settle once it is complete (see util/arena.h). */
#define B24_HEAP_PUSH(arr, n, cap)                                                          \
  (((n) == (cap) ? ((arr) = b24_heap_grow((arr), &(cap), sizeof *(arr))) : 0), &(arr)[(n)++])

/* What builds one page. */
typedef struct b24_bctx {
  b24_model *m;
  b24_arena *a;          /* the model's arena */
  b24_diags *diags;
  const char *file;      /* page path (model-owned) */
  const char *display;   /* path for diagnostics */
  const char *lang;      /* "en" or "ru" once a heading word matched */
  size_t *rows_unparsed; /* counts rows whose cells could not be read */
  size_t *rows_unparsed_reasons; /* indexed by b24_row_problem */
  struct b24_interns *interns;   /* file names shared by the model */
  int in_response;       /* reading "Returned Data", whose flat tables list nested
                            fields next to their parents: a name may repeat */
  int reading_objects;   /* the second reading of a page's anchored sections, for the
                            object index (load.c), which follows only some headings */
} b24_bctx;

/* load.c: the pages of the root's tree, as a load of the whole root finds
 * them (relative paths, sorted); the tables of contents are not read, which
 * only matters for a page they list in a '_' or '.' folder. NULL-terminated
 * and malloc'd, each path too; *n their count. */
char **b24_discover_pages(const char *root, size_t *n);

/* A model-owned copy of a file name, one per distinct name. */
const char *b24_intern(b24_bctx *c, const char *s);
struct b24_interns *b24_interns_new(void);
void b24_interns_free(struct b24_interns *t);

typedef enum {
  B24_ROW_NO_NAME = 0,   /* the first cell has no parameter name */
  B24_ROW_CELL_COUNT,    /* fewer cells than the header */
  B24_ROW_PROBLEM_COUNT
} b24_row_problem;

void b24_bdiag(b24_bctx *c, int line, b24_severity sev, const char *rule, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
void b24_blint(b24_bctx *c, int line, b24_severity sev, const char *rule, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* vocab.c: heading and label words, English and Russian. */
typedef enum {
  B24_SEC_NONE = 0, B24_SEC_PARAMS, B24_SEC_EXAMPLES, B24_SEC_RESPONSE, B24_SEC_RETURNED,
  B24_SEC_ERRORS, B24_SEC_ERROR_CODES, B24_SEC_SEE_ALSO, B24_SEC_HANDLER
} b24_section_kind;
b24_section_kind b24_vocab_section(const char *heading, const char **lang);
/* "Parameter X", "X Parameter", "Параметр X" -> X (malloc'd), else NULL. */
char *b24_vocab_nested_name(const char *heading);
/* The heading says "Parameter"/"Параметр" outright (not only "Fields"/"Поля"). */
int b24_vocab_nested_is_explicit(const char *heading);
int b24_vocab_is_scope(const char *text, const char **rest);
int b24_vocab_is_access(const char *text, const char **rest);
int b24_vocab_is_status_line(const char *text);   /* "HTTP Status: ..." */
int b24_vocab_empty_code(const char *text);       /* "Empty string" */
/* The value of "Default is `X`" style sentences in a description, malloc'd or NULL. */
char *b24_vocab_default(const char *text);
int b24_vocab_possible_values(const char *text);
int b24_vocab_is_see_also(const char *heading);
/* The heading says "parameter(s)" anywhere, in any case ("Method Parameters for
 * JS Command", "Event Parameters", "Параметры события"). */
int b24_vocab_says_parameters(const char *heading);

/* text.c: small string helpers. */
char *b24_trim_dup(b24_arena *a, const char *s, size_t n);
int b24_ci_eq(const char *a, const char *b);
void b24_lower_utf8(char *s);
int b24_starts_with_ci(const char *s, const char *prefix);
/* Removes Markdown emphasis/code marks and backslash escapes from short inline text. */
char *b24_strip_inline(b24_arena *a, const char *s, size_t n);
int b24_is_dotted_name(const char *s, size_t n);
char *b24_slugify(b24_arena *a, const char *heading);
/* Resolves a link relative to the page: *target is the page path relative to the
 * docs root (NULL for external links), *anchor the part after '#' (or NULL). */
void b24_resolve_href(b24_bctx *c, const char *href, char **target, char **anchor);

/* types.c */
void b24_parse_type(b24_bctx *c, const char *raw, size_t n, b24_type *out);

/* params.c */
/* Table with a name/type first column? */
int b24_table_is_params(const b24_block *t);
int b24_table_is_errors(const b24_block *t);
void b24_params_from_table(b24_bctx *c, const b24_block *t, b24_params *out);
/* A section's parameter tree: its first table, "Parameter X" subsections matched
 * to X at any depth, per-variant tabs. */
void b24_params_from_section(b24_bctx *c, b24_block **blocks, size_t n, b24_params *root);
/* The parameter a "Parameter X" heading speaks of (X, the last part of a dotted
 * name, a bracketed key, a type name), preferring one not yet described. */
b24_param *b24_params_match_section(b24_params *root, const char *x);
/* Appends the rows of ps not yet in out (by name): the union of parameter sets
 * (tabs, call forms, a second section, several tables of one section). */
void b24_params_append_new(b24_bctx *c, b24_params *out, const b24_params *ps);

/* errors.c */
void b24_errors_from_section(b24_bctx *c, b24_block **blocks, size_t n, b24_method *m);
int b24_parse_status(const char *text, int *out, int *several);

/* examples.c */
void b24_examples_from_blocks(b24_bctx *c, b24_block **blocks, size_t n, b24_method *m);
void b24_response_from_section(b24_bctx *c, b24_block **blocks, size_t n, b24_method *m);

/* suppress.c */
/* Adds the lint suppressions that an HTML comment (the literal of an HTML block
 * or inline HTML node starting on `line`) spells, if any. */
void b24_suppressions_from_html(b24_bctx *c, b24_page *page, size_t *cap, const char *html,
                                int line);

/* deprecation.c */
/* Sets m->deprecated when the page marks the method outdated. */
void b24_deprecation_from_page(b24_bctx *c, const b24_doc *d, b24_method *m);
/* The method a deprecation note names as the replacement, other than self; NULL if none. */
char *b24_deprecation_replacement(b24_arena *a, const char *text, const char *self);

/* page.c */
/* Builds the page record and, for method pages, the method. */
void b24_build_page(b24_bctx *c, const b24_doc *d, b24_page *page, b24_method **method);
/* The "Scope:" and "Who can ..." lines of a quote block, into m's scope and access. */
void b24_scope_and_access(b24_bctx *c, const b24_block *quote, b24_method *m);

/* events.c */
/* The event an event page describes (page->kind is B24_PAGE_EVENT). */
b24_event *b24_build_event(b24_bctx *c, const b24_doc *d, const b24_page *page);
/* event_payload_text.c: a handler section without a table (blocks bl, n of
 * them): the payload from the example's keys, else the paths its prose names,
 * else "none" when it says the handler receives nothing (ev->payload_from). */
void b24_event_payload_from_text(b24_bctx *c, b24_block **bl, size_t n, b24_event *ev);
/* Once every page is in: events sorted, and the methods that raise each linked. */
void b24_events_finish(b24_model *m);

#endif
