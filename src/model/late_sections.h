/* Level-2 sections that belong to an earlier section (see late_sections.c). */
#ifndef B24_MODEL_LATE_SECTIONS_H
#define B24_MODEL_LATE_SECTIONS_H
#include "model/build.h"

/* Reads into m what the page's level-2 sections "Returned Data" and "Parameter X"
 * hold, when the method built so far lacks it. */
void b24_late_sections(b24_bctx *c, const b24_doc *d, b24_method *m);

#endif
