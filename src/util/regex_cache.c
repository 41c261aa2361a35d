/* The compiled-pattern cache (see regex_cache.h): a chained hash table under one
 * mutex. An entry never moves or goes until b24_regex_cache_clear, so regexec
 * runs on it outside the lock (glibc's regexec is thread-safe on a shared
 * regex_t); the lock covers only finding or adding the entry. */
#include "util/regex_cache.h"

#include <pthread.h>
#include <regex.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct entry {
  struct entry *next;
  uint64_t hash;
  int compiled; /* 0: the pattern does not compile, rx is unset */
  regex_t rx;
  char pattern[];
} entry;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static entry **buckets;
static size_t n_buckets, n_entries;

static uint64_t hash_of(const char *s) { /* FNV-1a */
  uint64_t h = 1469598103934665603u;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211u;
  return h;
}

/* Doubles the table (from 64) when it is as full as it has buckets. */
static void grow(void) {
  size_t n = n_buckets ? 2 * n_buckets : 64;
  entry **b = calloc(n, sizeof *b);
  if (!b) abort();
  for (size_t i = 0; i < n_buckets; i++)
    for (entry *e = buckets[i], *next; e; e = next) {
      next = e->next;
      e->next = b[e->hash & (n - 1)];
      b[e->hash & (n - 1)] = e;
    }
  free(buckets);
  buckets = b;
  n_buckets = n;
}

/* The entry of pattern, compiled and added on its first use. Under the lock, so
 * that two threads asking for a new pattern at once compile it once. */
static const entry *find_or_add(const char *pattern) {
  uint64_t h = hash_of(pattern);
  if (n_buckets)
    for (entry *e = buckets[h & (n_buckets - 1)]; e; e = e->next)
      if (e->hash == h && !strcmp(e->pattern, pattern)) return e;
  if (n_entries >= n_buckets) grow();
  size_t len = strlen(pattern);
  entry *e = malloc(sizeof *e + len + 1);
  if (!e) abort();
  memcpy(e->pattern, pattern, len + 1);
  e->hash = h;
  e->compiled = regcomp(&e->rx, pattern, REG_EXTENDED | REG_NOSUB) == 0;
  e->next = buckets[h & (n_buckets - 1)];
  buckets[h & (n_buckets - 1)] = e;
  n_entries++;
  return e;
}

int b24_regex_match(const char *pattern, const char *s) {
  pthread_mutex_lock(&lock);
  const entry *e = find_or_add(pattern);
  pthread_mutex_unlock(&lock);
  if (!e->compiled) return -1;
  return regexec(&e->rx, s, 0, NULL, 0) == 0;
}

size_t b24_regex_cache_size(void) {
  pthread_mutex_lock(&lock);
  size_t n = n_entries;
  pthread_mutex_unlock(&lock);
  return n;
}

void b24_regex_cache_clear(void) {
  pthread_mutex_lock(&lock);
  for (size_t i = 0; i < n_buckets; i++)
    for (entry *e = buckets[i], *next; e; e = next) {
      next = e->next;
      if (e->compiled) regfree(&e->rx);
      free(e);
    }
  free(buckets);
  buckets = NULL;
  n_buckets = n_entries = 0;
  pthread_mutex_unlock(&lock);
}
