/* Results documented by reference (see c_result_like.h). */
#include "gen/c_result_like.h"

#include <limits.h>
#include <string.h>

static bool documents_answer(const b24_method *mt) {
  return mt->response.fields.n || mt->response.example || mt->response.example_text;
}

/* Lowers *bound to line when line comes after `after`. */
static void lower(int *bound, int line, int after) {
  if (line > after && line < *bound) *bound = line;
}

/* The first line after the response section's heading where something else of the page
 * starts (an error row, an example, the see-also list); INT_MAX when nothing does. */
static int section_bound(const b24_method *mt) {
  int after = mt->response.loc.line, bound = INT_MAX;
  for (size_t i = 0; i < mt->n_errors; i++) lower(&bound, mt->errors[i].loc.line, after);
  for (size_t i = 0; i < mt->n_examples; i++) lower(&bound, mt->examples[i].loc.line, after);
  for (size_t i = 0; i < mt->n_see_also; i++) lower(&bound, mt->see_also[i].loc.line, after);
  return bound;
}

const b24_method *c_result_like(const b24_model *m, const b24_method *mt) {
  if (documents_answer(mt) || mt->response.loc.line <= 0) return NULL;
  const b24_page *page = b24_model_find_page(m, mt->source);
  const b24_link *first = NULL;
  for (size_t i = 0; page && i < page->n_links && !first; i++)
    if (page->links[i].loc.line > mt->response.loc.line) first = &page->links[i];
  if (!first || first->loc.line >= section_bound(mt) || !first->target || !first->text ||
      !strcmp(first->text, "{#T}"))
    return NULL;
  const b24_page *target = b24_model_find_page(m, first->target);
  const b24_method *like = target && target->name ? b24_model_find_method(m, target->name) : NULL;
  return like && like != mt && documents_answer(like) ? like : NULL;
}
