/* The "format" values the validator asserts: "date" and "date-time". Strictly
 * (flags 0) as RFC 3339 says and as ajv-formats checks them, so that the C
 * validator and ajv give the docs' examples the same verdict; read as the
 * portal reads them (B24_JSONSCHEMA_FORM_SCALARS) the spellings Bitrix's date
 * readers take besides (strtotime and the portal's site formats). The text is
 * untrusted (request values, docs examples): every read is bounded by the
 * string's NUL and looks at most a few bytes ahead. */
#include <string.h>

#include "util/jsonschema.h"

static int digit(char ch) { return ch >= '0' && ch <= '9'; }

/* n decimal digits at s as a number, -1 when they are not all digits. */
static int digits(const char *s, int n) {
  int v = 0;
  for (int i = 0; i < n; i++) {
    if (!digit(s[i])) return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

static int leap(int y) { return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0); }

static int days_in(int y, int m) {
  static const int days[] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : days[m];
}

/* RFC 3339 full-date, exactly the whole of s[0..n): YYYY-MM-DD of a real day. */
static int full_date(const char *s, size_t n) {
  if (n != 10 || s[4] != '-' || s[7] != '-') return 0;
  int y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
  return y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= days_in(y, m);
}

/* The length of the separator ajv-formats splits a date-time at (JavaScript's
 * /t|\s/i: t, T, and every character \s matches, ASCII or not) at s; 0 if none. */
static size_t separator_at(const char *s) {
  static const char *const wide[] = {
      "\xc2\xa0",     "\xe1\x9a\x80", "\xe2\x80\xa8", "\xe2\x80\xa9", "\xe2\x80\xaf",
      "\xe2\x81\x9f", "\xe3\x80\x80", "\xef\xbb\xbf"};
  if (*s && strchr("tT \t\n\v\f\r", *s)) return 1;
  if ((unsigned char)s[0] == 0xe2 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] >= 0x80 &&
      (unsigned char)s[2] <= 0x8a)
    return 3; /* U+2000 .. U+200A */
  for (size_t i = 0; i < sizeof wide / sizeof *wide; i++)
    if (!strncmp(s, wide[i], strlen(wide[i]))) return strlen(wide[i]);
  return 0;
}

/* RFC 3339 full-time as ajv-formats reads it: hh:mm:ss[.frac] then Z or
 * +hh[[:]mm] (required when zone is set), the whole of s; 23:59:60 UTC is a
 * leap second. */
static int full_time(const char *s, int zone) {
  /* in this order, so that nothing past the string's end is read */
  if (digits(s, 2) < 0 || s[2] != ':' || digits(s + 3, 2) < 0 || s[5] != ':' || digits(s + 6, 2) < 0)
    return 0;
  int hr = digits(s, 2), min = digits(s + 3, 2), sec = digits(s + 6, 2);
  const char *p = s + 8;
  if (*p == '.') {
    if (!digit(p[1])) return 0;
    for (p++; digit(*p); p++) {}
  }
  int sign = 1, tz_h = 0, tz_m = 0, has_zone = *p != 0;
  if (*p == 'z' || *p == 'Z') p++;
  else if (*p == '+' || *p == '-') {
    sign = *p == '-' ? -1 : 1;
    if ((tz_h = digits(p + 1, 2)) < 0) return 0;
    p += 3;
    if ((p[0] == ':' && digit(p[1]) && digit(p[2])) || (digit(p[0]) && digit(p[1]))) {
      p += *p == ':';
      tz_m = digits(p, 2);
      p += 2;
    }
  }
  if (*p || tz_h > 23 || tz_m > 59 || (zone && !has_zone)) return 0;
  if (hr <= 23 && min <= 59 && sec < 60) return 1;
  int utc_min = min - tz_m * sign, utc_hr = hr - tz_h * sign - (utc_min < 0);
  return (utc_hr == 23 || utc_hr == -1) && (utc_min == 59 || utc_min == -1) && sec < 61;
}

/* RFC 3339 date-time as ajv-formats splits it: exactly one separator, a
 * full-date before it and a full-time with a zone after it. */
static int date_time(const char *s) {
  const char *at = NULL;
  size_t len = 0;
  for (const char *p = s; *p;) {
    size_t n = separator_at(p);
    if (!n) {
      p++;
      continue;
    }
    if (at) return 0;
    at = p, len = n, p += n;
  }
  return at && full_date(s, (size_t)(at - s)) && full_time(at + len, 1);
}

/* The portal's date spellings besides RFC 3339: a date as YYYY-MM-DD,
 * DD.MM.YYYY or MM/DD/YYYY (a day up to 31 in any month: PHP carries
 * 2024-02-30 over to 1 March), then optionally T or a blank and hh:mm[:ss[.frac]],
 * then optionally a blank and Z or +hh[[:]mm], and nothing more. */
static int portal_spelling(const char *s) {
  int y, m, d;
  if (strlen(s) < 10) return 0;
  if (s[4] == '-' && s[7] == '-' && digits(s, 4) >= 0)
    y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
  else if (s[2] == '.' && s[5] == '.')
    d = digits(s, 2), m = digits(s + 3, 2), y = digits(s + 6, 4);
  else if (s[2] == '/' && s[5] == '/')
    m = digits(s, 2), d = digits(s + 3, 2), y = digits(s + 6, 4);
  else return 0;
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > 31) return 0;
  const char *p = s + 10;
  if (!*p) return 1;
  if (*p != 'T' && *p != 't' && *p != ' ') return 0;
  p++;
  if (digits(p, 2) < 0 || digits(p, 2) > 23 || p[2] != ':' || digits(p + 3, 2) < 0 ||
      digits(p + 3, 2) > 59)
    return 0;
  p += 5;
  if (*p == ':') {
    int sec = digits(p + 1, 2);
    if (sec < 0 || sec > 60) return 0;
    p += 3;
    if (*p == '.' && digit(p[1]))
      for (p++; digit(*p); p++) {}
  }
  p += *p == ' ';
  if (*p == 'Z' || *p == 'z') p++;
  else if (*p == '+' || *p == '-') {
    int h = digits(p + 1, 2);
    if (h < 0 || h > 23) return 0;
    p += 3;
    p += *p == ':';
    if (digit(p[0])) {
      int mm = digits(p, 2);
      if (mm < 0 || mm > 59) return 0;
      p += 2;
    }
  }
  return *p == 0;
}

int b24_jsonschema_format_ok(const char *format, const char *s, int flags) {
  int is_date = !strcmp(format, "date");
  if (!is_date && strcmp(format, "date-time")) return -1;
  int strict = is_date ? full_date(s, strlen(s)) : date_time(s);
  if (strict || !(flags & B24_JSONSCHEMA_FORM_SCALARS)) return strict;
  /* the portal: an empty value is no date (it clears a field), a date without
   * a time is midnight, and a date reader keeps the date of a date and time */
  return !*s || full_date(s, strlen(s)) || date_time(s) || portal_spelling(s);
}
