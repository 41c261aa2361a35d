/* Internal interface of the C stubs generator (b24_gen_c in gen.h is the public one). */
#ifndef B24_GEN_C_STUBS_H
#define B24_GEN_C_STUBS_H
#include "gen/c_shape.h"
#include "gen/gen.h"
#include "util/buf.h"

/* Adds the files that do not depend on the docs: c/include/b24/api_support.h,
 * c/CMakeLists.txt, the package files and c/README.md (c_support.c). */
void c_support_add(b24_outputs *o);

/* c/examples/example.c and c/README.md, which shows that example (c_example.c); and the
 * method the example calls (NULL when no method suits). */
void c_example_add(b24_outputs *o, const c_method_shape *shapes, size_t n);
const c_method_shape *c_example_method(const c_method_shape *shapes, size_t n);

/* The header (c/include/b24/api/<file>.h) and the source (c/src/api/<file>.c) of one
 * method, appended to b (c_emit_method.c). */
void c_emit_header(b24_buf *b, const b24_model *model, const c_method_shape *sh);
void c_emit_source(b24_buf *b, const c_method_shape *sh);

/* Structs and their functions (c_emit.c): typedefs of s and every struct below it
 * (`lead` is the top struct's comment; NULL: "Decoded <what>."), a member's comment and
 * result declaration, and the encoders, decoders and release functions (static but an
 * entity type's own). Only the structs that belong in the file `own` are printed: an
 * entity type's (own: its file name) or a method's (own: NULL). */
void c_emit_typedefs(b24_buf *b, const b24_model *model, const c_struct *s, bool result,
                     const char *lead, const char *own);
void c_emit_member_comment(b24_buf *b, const b24_model *model, const c_member *m, bool result);
void c_emit_result_member_decl(b24_buf *b, const c_member *m);
void c_emit_encoders(b24_buf *b, const c_struct *s, const char *own);
void c_emit_decoders(b24_buf *b, const c_struct *s, const char *own);
void c_emit_releasers(b24_buf *b, const c_struct *s, const char *own);

/* The header and source of an entity type (c_entity.c): the struct, its extern
 * encoder, decoder and release function, and typed filter helpers. */
void c_entity_add(b24_outputs *o, const b24_model *model, const c_entity_type *et,
                  c_names *globals);

#endif
