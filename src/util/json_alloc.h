/* jansson's memory from 64 KiB chunks, bump-allocated per thread.
 *
 * The runner builds a tree for every answer and drops it when the answer is
 * judged: glibc's malloc and free (with its fast-bin consolidation) were a
 * sixth of its time, and a tree's nodes ended up scattered over the heap.
 * Here a node is a bump of a pointer, freeing it a decrement of its chunk's
 * count, and a chunk goes back to the heap when all of its nodes are freed.
 * Nodes may be freed on any thread.
 *
 * The price: a node is 16 bytes larger, and one long-lived node keeps its
 * whole chunk. Worth it where trees are short-lived (the runner); not
 * installed where they are not (the model, gen). ASan and valgrind check a
 * node's lifetime only when it is a block of its own: b24_json_alloc_install
 * does nothing in an ASan build or under valgrind. */
#ifndef B24_UTIL_JSON_ALLOC_H
#define B24_UTIL_JSON_ALLOC_H
#include <stddef.h>

/* Makes these jansson's allocator. Call it before any jansson value exists
 * (the allocator is process-wide and values must be freed by the one that
 * made them), and free what json_dumps returns with free() only through
 * b24_json_dumps (json_text.h). */
void b24_json_alloc_install(void);

/* Gives up the calling thread's open chunk: a thread's chunk goes when the
 * thread ends; this is for the main thread, which frees its last values just
 * before exit. */
void b24_json_alloc_thread_end(void);

/* The allocator itself, for its tests. */
void *b24_json_alloc(size_t size);
void b24_json_alloc_free(void *p);
/* Chunks taken from the heap and not yet given back (all threads). */
long b24_json_alloc_live_chunks(void);

#endif
