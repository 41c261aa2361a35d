/* Files and paths: whole-file reads, atomic writes, and lexical path arithmetic. */
#ifndef B24_FSUTIL_H
#define B24_FSUTIL_H
#include <stddef.h>
#include <stdio.h>

/* Reads a whole file; returns malloc'd bytes (NUL-terminated) or NULL with errno set. */
char *b24_read_file(const char *path, size_t *len);
/* Writes via a temporary file in the same directory and rename(), so a reader or a
 * crash never sees half a file. Creates parent directories. 0 on success. */
int b24_write_file_atomic(const char *path, const char *data, size_t len);
/* A file written in pieces and put in place at once: b24_atomic_open gives a
 * stream on a temporary file beside path; commit renames it over path, abort
 * removes it. Both free the handle. */
typedef struct b24_atomic_file b24_atomic_file;
b24_atomic_file *b24_atomic_open(const char *path);
FILE *b24_atomic_stream(b24_atomic_file *f);
int b24_atomic_commit(b24_atomic_file *f);
void b24_atomic_abort(b24_atomic_file *f);
int b24_mkdir_p(const char *dir);
int b24_is_dir(const char *path);
int b24_is_file(const char *path);
/* Lexically joins and normalizes ("a/b/../c" -> "a/c"). Returns malloc'd path, or
 * NULL when ".." climbs above the start of a relative path. */
char *b24_path_join(const char *dir, const char *rel);
char *b24_path_normalize(const char *p);
/* dir + "/" + rel without normalizing dir (which may rightly start with ".."). */
char *b24_path_under(const char *dir, const char *rel);
/* The absolute path abs as seen from the absolute directory base ("../x/y", or
 * "." for base itself). malloc'd. */
char *b24_path_relative(const char *abs, const char *base);
char *b24_path_dirname(const char *p); /* "" for a bare name */
const char *b24_path_basename(const char *p);

#endif
