/* Doc text as the comments of the generated C show it: the model's descriptions with
 * what the Markdown left in them made readable. {#T} (YFM's "the linked page's title")
 * becomes that title, found through the page's links; links left over as
 * [text](href) and term links [text](*key) become their text. */
#ifndef B24_GEN_C_DOC_H
#define B24_GEN_C_DOC_H
#include "model/model.h"

/* The readable form of `text`, which the docs wrote on `page` (a model page path) at
 * `line` or below (malloc'd). {#T} placeholders take the titles of the page's {#T}
 * links at or after `line`, in order. */
char *c_doc_text(const b24_model *m, const char *page, int line, const char *text);

#endif
