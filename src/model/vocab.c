/* The words the docs use for their sections and labels, in English and Russian.
 * Sections are found by structure first; these words confirm and name them, so a
 * Russian page models the same as its English twin. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/build.h"
#include "util/buf.h"

typedef struct word {
  const char *text;
  const char *lang;
  b24_section_kind kind;
} word;

/* Compared case-insensitively against the whole heading (prefix where noted). */
static const word headings[] = {
    {"Method Parameters", "en", B24_SEC_PARAMS},
    {"Parameters", "en", B24_SEC_PARAMS},
    {"Input Parameters", "en", B24_SEC_PARAMS},
    {"Request Parameters", "en", B24_SEC_PARAMS},
    {"Параметры метода", "ru", B24_SEC_PARAMS},
    {"Параметры", "ru", B24_SEC_PARAMS},
    {"Code Examples", "en", B24_SEC_EXAMPLES},
    {"Code Example", "en", B24_SEC_EXAMPLES},
    {"Examples", "en", B24_SEC_EXAMPLES},
    {"Примеры кода", "ru", B24_SEC_EXAMPLES},
    {"Пример кода", "ru", B24_SEC_EXAMPLES},
    {"Response Handling", "en", B24_SEC_RESPONSE},
    {"Response", "en", B24_SEC_RESPONSE},
    {"Обработка ответа", "ru", B24_SEC_RESPONSE},
    {"Returned Data", "en", B24_SEC_RETURNED},
    {"Returned Values", "en", B24_SEC_RETURNED},
    {"Returned Fields", "en", B24_SEC_RETURNED},
    {"Возвращаемые данные", "ru", B24_SEC_RETURNED},
    {"Error Handling", "en", B24_SEC_ERRORS},
    {"Обработка ошибок", "ru", B24_SEC_ERRORS},
    {"Possible Error Codes", "en", B24_SEC_ERROR_CODES},
    {"Error Codes", "en", B24_SEC_ERROR_CODES},
    {"Возможные коды ошибок", "ru", B24_SEC_ERROR_CODES},
    {"Continue Learning", "en", B24_SEC_SEE_ALSO},
    {"Продолжите изучение", "ru", B24_SEC_SEE_ALSO},
    {"What the Handler Receives", "en", B24_SEC_HANDLER},
    {"Что получает обработчик", "ru", B24_SEC_HANDLER},
};

static size_t trimmed_len(const char *s) {
  size_t n = strlen(s);
  while (n && (isspace((unsigned char)s[n - 1]) || s[n - 1] == ':')) n--;
  return n;
}

static int ci_eq_n(const char *a, size_t an, const char *b) {
  if (an != strlen(b) || an >= 256) return 0;
  char x[256], y[256];
  memcpy(x, a, an);
  x[an] = 0;
  memcpy(y, b, an + 1);
  b24_lower_utf8(x);
  b24_lower_utf8(y);
  return !strcmp(x, y);
}

b24_section_kind b24_vocab_section(const char *h, const char **lang) {
  size_t n = trimmed_len(h);
  for (size_t i = 0; i < sizeof headings / sizeof headings[0]; i++)
    if (ci_eq_n(h, n, headings[i].text)) {
      if (lang) *lang = headings[i].lang;
      return headings[i].kind;
    }
  return B24_SEC_NONE;
}

int b24_vocab_is_see_also(const char *h) { return b24_vocab_section(h, NULL) == B24_SEC_SEE_ALSO; }

/* "Object result {#profile}", "Result Object {#result}", "Array Element DATA":
 * a section on the object a field holds (or on each of its items) nests as
 * "Parameter X" does. */
static const char *param_words[] = {"Parameters", "Parameter", "Параметры", "Параметр",
                                    "Поля", "Поле", "Fields", "Field", "Object", "Объект",
                                    "Array Element", "Элемент массива", "Element", "Элемент"};
enum { PARAM_WORDS_EXPLICIT = 4 }; /* the first ones say "parameter" outright */

/* Strips one of the words above from the start or end of s; returns 1 + the
 * word's index if it did, else 0. */
static int strip_word(char **s, size_t *n, int at_end) {
  for (size_t i = 0; i < sizeof param_words / sizeof param_words[0]; i++) {
    size_t w = strlen(param_words[i]);
    if (*n <= w) continue;
    if (!at_end && !strncasecmp(*s, param_words[i], w) && isspace((unsigned char)(*s)[w])) {
      *s += w + 1, *n -= w + 1;
      return (int)i + 1;
    }
    if (at_end && !strncasecmp(*s + *n - w, param_words[i], w) &&
        isspace((unsigned char)(*s)[*n - w - 1])) {
      *n -= w + 1;
      return (int)i + 1;
    }
  }
  return 0;
}

/* Is s (n bytes) one of the words, as a whole? */
static int is_param_word(const char *s, size_t n) {
  for (size_t i = 0; i < sizeof param_words / sizeof param_words[0]; i++)
    if (strlen(param_words[i]) == n && !strncasecmp(s, param_words[i], n)) return 1;
  return 0;
}

/* The words a nested-parameter heading used: 1 + index of the first and last. */
static void heading_words(const char *heading, char **name, size_t *len, int *a, int *b) {
  char *s = (char *)heading;
  size_t n = trimmed_len(heading);
  *a = strip_word(&s, &n, 0);
  while (n && isspace((unsigned char)*s)) s++, n--;
  /* "fields Parameter": the first word is the name, not the label "Fields". */
  if (*a > PARAM_WORDS_EXPLICIT && is_param_word(s, n)) {
    s = (char *)heading;
    n = trimmed_len(heading);
    *a = 0;
  }
  *b = strip_word(&s, &n, 1);
  *name = s;
  *len = n;
}

int b24_vocab_nested_is_explicit(const char *heading) {
  char *s;
  size_t n;
  int a, b;
  heading_words(heading, &s, &n, &a, &b);
  return (a && a <= PARAM_WORDS_EXPLICIT) || (b && b <= PARAM_WORDS_EXPLICIT);
}

char *b24_vocab_nested_name(const char *heading) {
  char *s;
  size_t n;
  int a, b;
  heading_words(heading, &s, &n, &a, &b);
  while (n && isspace((unsigned char)s[n - 1])) n--;
  if (!a && !b) return NULL;
  /* What is left must be one name: no spaces. */
  b24_buf out = B24_BUF_INIT;
  for (size_t i = 0; i < n; i++) {
    if (s[i] == '`' || s[i] == '*') continue;
    if (isspace((unsigned char)s[i])) {
      b24_buf_free(&out);
      return NULL;
    }
    b24_buf_putc(&out, s[i]);
  }
  if (!out.len) {
    b24_buf_free(&out);
    return NULL;
  }
  return b24_buf_take(&out);
}

static int label(const char *text, const char *const *words, size_t nw, const char **rest) {
  while (*text == ' ') text++;
  for (size_t i = 0; i < nw; i++) {
    size_t w = strlen(words[i]);
    if (!strncasecmp(text, words[i], w)) {
      const char *r = text + w;
      while (*r == ' ') r++;
      if (*r != ':') continue;
      r++;
      while (*r == ' ') r++;
      if (rest) *rest = r;
      return 1;
    }
  }
  return 0;
}

int b24_vocab_is_scope(const char *text, const char **rest) {
  static const char *const w[] = {"Scope", "Scopes", "Скоуп", "Область действия", "Права"};
  return label(text, w, sizeof w / sizeof w[0], rest);
}

int b24_vocab_is_access(const char *text, const char **rest) {
  static const char *const w[] = {"Who can execute the method", "Who can execute the methods",
                                  "Who can call the method", "Who can subscribe",
                                  "Кто может выполнять метод", "Кто может выполнять методы",
                                  "Кто может подписаться"};
  return label(text, w, sizeof w / sizeof w[0], rest);
}

int b24_vocab_is_status_line(const char *text) {
  static const char *const w[] = {"HTTP Status", "HTTP status", "HTTP-статус", "HTTP статус",
                                  "Статус HTTP", "HTTP Statuses", "Status", "HTTP Code",
                                  "HTTP-код", "Код HTTP"};
  return label(text, w, sizeof w / sizeof w[0], NULL);
}

int b24_vocab_empty_code(const char *text) {
  static const char *const w[] = {"Empty string", "Empty value", "Empty", "Пустая строка",
                                  "Пустое значение", "(empty)", "\"\"", "''"};
  for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
    if (!strcasecmp(text, w[i])) return 1;
  return 0;
}

int b24_vocab_possible_values(const char *text) {
  return strstr(text, "ossible values") || strstr(text, "ozmozhnye") ||
         strstr(text, "Возможные значения") || strstr(text, "возможные значения") ||
         strstr(text, "Allowed values") || strstr(text, "allowed values") ||
         strstr(text, "Available values") || strstr(text, "available values") ||
         strstr(text, "can take the following values") || strstr(text, "Values:");
}

char *b24_vocab_default(const char *text) {
  static const char *const w[] = {"Default is ", "Default value is ", "default is ",
                                  "default value is ", "Default: ", "By default, ", "by default, ",
                                  "По умолчанию — ", "По умолчанию - ", "По умолчанию: ",
                                  "По умолчанию ", "Значение по умолчанию — ",
                                  "Значение по умолчанию: "};
  for (size_t i = 0; i < sizeof w / sizeof w[0]; i++) {
    const char *p = strstr(text, w[i]);
    if (!p) continue;
    p += strlen(w[i]);
    /* The marker must be a code span, "Default is `N`": a bare word is prose. */
    if (*p != '`') continue;
    const char *e = strchr(p + 1, '`');
    if (!e) continue;
    return strndup(p + 1, (size_t)(e - p - 1));
  }
  return NULL;
}

int b24_vocab_says_parameters(const char *heading) {
  if (!heading) return 0;
  char *low = strdup(heading);
  if (!low) abort();
  b24_lower_utf8(low);
  int yes = strstr(low, "parameter") || strstr(low, "параметр");
  free(low);
  return yes;
}
