/* The chunk allocator of jansson's nodes (util/json_alloc.c): blocks are
 * aligned as malloc's and never overlap, big ones go to malloc on their own,
 * a chunk goes back to the heap exactly when its last block is freed and its
 * thread has moved on (also when the blocks are freed on another thread, and
 * when the thread simply ends), and jansson, given it, reads and writes the
 * committed JSON files as it does with malloc. Run under TSan too. */
#include <jansson.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/fsutil.h"
#include "util/json_alloc.h"
#include "util/json_parse.h"
#include "util/json_text.h"

static int failures;

#define EXPECT(cond, ...)                         \
  do {                                            \
    if (!(cond)) {                                \
      failures++;                                 \
      fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__); \
      fprintf(stderr, __VA_ARGS__);               \
      fputc('\n', stderr);                        \
    }                                             \
  } while (0)

/* 20,000 blocks of 1 to 300 bytes (some thirty chunks' worth) and a few past
 * the size a chunk hands out: each 16-aligned, each keeping what was written
 * into it until freed, in an order other than their making. */
static void blocks(void) {
  enum { N = 20000 };
  static unsigned char *p[N];
  static size_t len[N];
  long chunks_before = b24_json_alloc_live_chunks();
  for (size_t i = 0; i < N; i++) {
    len[i] = i % 50 == 49 ? 9000 + i : 1 + (i * 7919) % 300;
    p[i] = b24_json_alloc(len[i]);
    EXPECT(p[i] && (uintptr_t)p[i] % 16 == 0, "block %zu misaligned", i);
    memset(p[i], (int)(i & 0xFF), len[i]);
  }
  EXPECT(b24_json_alloc_live_chunks() - chunks_before >= 30, "%ld chunks for %d blocks",
         b24_json_alloc_live_chunks() - chunks_before, N);
  for (size_t k = 0; k < N; k++) {
    size_t i = (k * 7) % N; /* 7 and N are coprime: every block once */
    for (size_t j = 0; j < len[i]; j++)
      if (p[i][j] != (unsigned char)(i & 0xFF)) {
        EXPECT(0, "block %zu overwritten at %zu", i, j);
        break;
      }
    b24_json_alloc_free(p[i]);
  }
  b24_json_alloc_free(NULL);
  b24_json_alloc_thread_end();
  EXPECT(b24_json_alloc_live_chunks() == chunks_before, "%ld chunks left after all were freed",
         b24_json_alloc_live_chunks() - chunks_before);
}

/* Blocks made on one thread and freed on another while the maker goes on
 * making: the chunks all come back once the maker's thread ends (its open
 * chunk is retired by the thread's end, not by a call). */
enum { HANDED = 40000 };
static void *handed[HANDED];
static size_t made;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t more = PTHREAD_COND_INITIALIZER;

static void *maker(void *ud) {
  (void)ud;
  for (size_t i = 0; i < HANDED; i++) {
    void *b = b24_json_alloc(24 + i % 100);
    memset(b, 1, 24);
    pthread_mutex_lock(&lock);
    handed[made++] = b;
    pthread_cond_signal(&more);
    pthread_mutex_unlock(&lock);
  }
  return NULL;
}

static void *freer(void *ud) {
  (void)ud;
  for (size_t i = 0; i < HANDED; i++) {
    pthread_mutex_lock(&lock);
    while (made <= i) pthread_cond_wait(&more, &lock);
    void *b = handed[i];
    pthread_mutex_unlock(&lock);
    b24_json_alloc_free(b);
  }
  return NULL;
}

static void across_threads(void) {
  long before = b24_json_alloc_live_chunks();
  pthread_t a, b;
  pthread_create(&a, NULL, maker, NULL);
  pthread_create(&b, NULL, freer, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  EXPECT(b24_json_alloc_live_chunks() == before, "%ld chunks left by two threads",
         b24_json_alloc_live_chunks() - before);
}

/* jansson with the allocator installed: every file parsed, written (b24_json_dumps,
 * freed with free()) and compared with its own text, then freed. */
static void jansson_files(int argc, char **argv) {
  for (int i = 1; i < argc; i++) {
    size_t n;
    char *text = b24_read_file(argv[i], &n);
    if (!text) {
      EXPECT(0, "%s: cannot read", argv[i]);
      continue;
    }
    json_t *j = b24_json_parse(text, n);
    EXPECT(j, "%s: does not parse", argv[i]);
    char *again = j ? b24_json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER) : NULL;
    json_t *back = again ? json_loads(again, 0, NULL) : NULL;
    EXPECT(!j || json_equal(j, back), "%s: written and read again, it differs", argv[i]);
    free(again);
    json_decref(back);
    json_decref(j);
    free(text);
  }
  b24_json_alloc_thread_end();
  EXPECT(b24_json_alloc_live_chunks() == 0, "%ld chunks left by jansson's values",
         b24_json_alloc_live_chunks());
}

int main(int argc, char **argv) {
  b24_json_alloc_install();
  blocks();
  across_threads();
  jansson_files(argc, argv);
  if (failures) fprintf(stderr, "%d failures\n", failures);
  else printf("json_alloc: ok (%d files)\n", argc - 1);
  return failures != 0;
}
