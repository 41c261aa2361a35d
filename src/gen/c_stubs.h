/* Internal interface of the C stubs generator (b24_gen_c in gen.h is the public one). */
#ifndef B24_GEN_C_STUBS_H
#define B24_GEN_C_STUBS_H
#include "gen/c_shape.h"
#include "gen/gen.h"
#include "util/buf.h"

/* Adds the files that do not depend on the docs: c/include/b24/api_support.h,
 * c/src/b24api_support.c, c/CMakeLists.txt and c/README.md (c_support.c). */
void c_support_add(b24_outputs *o);

/* The header (c/include/b24/api/<file>.h) and the source (c/src/api/<file>.c) of one
 * method, appended to b (c_emit.c). */
void c_emit_header(b24_buf *b, const c_method_shape *sh);
void c_emit_source(b24_buf *b, const c_method_shape *sh);

#endif
