/* cURL bodies of pages that document no method (page_bodies.c). */
#ifndef B24_MODEL_PAGE_BODIES_H
#define B24_MODEL_PAGE_BODIES_H
#include "model/build.h"

/* Reports (example-json, lint only) each cURL request body of the page that
 * is not JSON. For pages without a method, whose examples the builder does
 * not read. */
void b24_page_curl_bodies(b24_bctx *c, const b24_doc *d);

#endif
