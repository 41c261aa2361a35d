/* The suite's small variable syntax, and paths into JSON.
 *
 * A path is dot-separated: "result.item.id"; a segment of digits indexes an
 * array ("result.0.ID"). In a suite request body, a string "${NAME.PATH}" stands
 * for the value at PATH in what NAME holds: the answer of an earlier step of the
 * same sequence ("${add.result}"), or, in restore plans, "request" (the case's
 * own request body), "response" (its answer) and "before" (the object as read
 * before the case changed it). A string that is exactly one "${...}" becomes the
 * value itself (a number stays a number); "${...}" inside a longer string is
 * replaced by the value's text. "$${" writes a literal "${". */
#ifndef B24_SUITE_VARS_H
#define B24_SUITE_VARS_H
#include <jansson.h>
#include <stddef.h>

/* The value at path in root (borrowed), NULL when absent. An empty path is root. */
const json_t *b24_jpath_get(const json_t *root, const char *path);
/* The same with object keys compared without regard to case: a portal's getter
 * may spell "ID" where the docs' update example says "id". */
const json_t *b24_jpath_get_icase(const json_t *root, const char *path);

/* Maps a variable's NAME to the JSON it reads from; NULL when unknown. */
typedef const json_t *(*b24_var_scope)(void *ctx, const char *name);

/* A deep copy of tmpl with every "${NAME.PATH}" replaced. NULL when a variable
 * does not resolve, with the reason in err. */
json_t *b24_vars_expand(const json_t *tmpl, b24_var_scope scope, void *ctx, char *err,
                        size_t errlen);

/* True when any string inside v holds "${". */
int b24_vars_present(const json_t *v);

#endif
