/* A shell command line read into words the way the POSIX shell (bash) reads it,
 * without running anything: quotes removed and concatenated ('a'"b"c -> abc),
 * backslash escapes and line continuations applied, $'...' decoded, and every
 * expansion ($NAME, ${...}, $(...), `...`) kept as its literal text, with its
 * place in the word recorded. The docs' cURL examples are read with it, so that
 * '{"a":"'"$(date +%F)"'"}' is the body {"a":"$(date +%F)"} that bash passes.
 *
 * The script is untrusted text: any bytes are read without crashing; an
 * unterminated quote or expansion is an error with its offset. */
#ifndef B24_MODEL_SHELL_WORDS_H
#define B24_MODEL_SHELL_WORDS_H
#include <stddef.h>

typedef enum {
  B24_SHELL_WORD = 0,   /* an argument */
  B24_SHELL_OPERATOR    /* a control or redirection operator: ; & | && || ( ) < > or a newline */
} b24_shell_token_kind;

/* A stretch of a word's text that the shell would have replaced: an expansion. */
typedef struct b24_shell_span {
  size_t at, len;       /* in the word's text */
} b24_shell_span;

typedef struct b24_shell_word {
  b24_shell_token_kind kind;
  char *text;           /* the word after quote removal (malloc'd, NUL-terminated; may
                           hold NUL bytes from $'\0': len is the length) */
  size_t len;
  size_t start, end;    /* the word's bytes in the script: [start, end) */
  b24_shell_span *expansions;
  size_t n_expansions;
  size_t glued_at;      /* the script offset of a closing quote that unquoted text follows
                           at once ('Children's), a sign that a quote meant as text ended
                           the string; (size_t)-1 when there is none */
} b24_shell_word;

typedef struct b24_shell_words {
  b24_shell_word *items;
  size_t n;
  char *error;          /* why the script could not be read to its end (malloc'd), or NULL */
  size_t error_at;      /* the offset where the unterminated construct starts */
} b24_shell_words;

/* Reads script[0, len) into out (zeroed first). Comments (# at a word start) are
 * skipped. Returns 0, or -1 with out->error set; the words before the error are
 * kept. */
int b24_shell_split(const char *script, size_t len, b24_shell_words *out);
void b24_shell_words_free(b24_shell_words *w);

#endif
