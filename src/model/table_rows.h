/* Rows written twice in any #| table (table_rows.c). */
#ifndef B24_MODEL_TABLE_ROWS_H
#define B24_MODEL_TABLE_ROWS_H
#include "model/build.h"

void b24_table_row_duplicates(b24_bctx *c, const b24_doc *d);

#endif
