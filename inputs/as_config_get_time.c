/* as_config_get_time.c — times in the case file: ISO-8601 UTC text -> seconds since
 * 1970-01-01T00:00:00Z (proleptic Gregorian calendar, timegm).
 */
#include "as_config_impl.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ISO-8601 UTC: YYYY-MM-DD[(T| )hh:mm[:ss[.fff]]][Z|+00:00|+0000] */
static int parse_time(const char *s, double *epoch)
{
  int Y, M, D, h = 0, m = 0, pos = 0;
  double sec = 0;
  while (isspace((unsigned char)*s)) s++;
  if (sscanf(s, "%4d-%2d-%2d%n", &Y, &M, &D, &pos) != 3 || pos != 10) return 0;
  s += pos;
  if (*s == 'T' || *s == 't' || *s == ' ') {
    pos = 0;
    if (sscanf(s + 1, "%2d:%2d%n", &h, &m, &pos) != 2 || pos != 5) return 0;
    s += 1 + pos;
    if (*s == ':') {
      char *end;
      if (!isdigit((unsigned char)s[1]) || !isdigit((unsigned char)s[2])) return 0;
      sec = strtod(s + 1, &end);
      s = end;
    }
  }
  if (*s == 'Z' || *s == 'z') s++;
  else if (!strcmp(s, "+00:00") || !strcmp(s, "+0000") || !strcmp(s, "+00")) s += strlen(s);
  while (isspace((unsigned char)*s)) s++;
  if (*s) return 0;
  static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int leap = (Y % 4 == 0 && Y % 100 != 0) || Y % 400 == 0;
  if (M < 1 || M > 12 || D < 1 || D > mdays[M - 1] || (M == 2 && D == 29 && !leap) || h < 0 || h > 23 ||
      m < 0 || m > 59 || !(sec >= 0 && sec < 61))
    return 0;
  struct tm tm = {0};
  tm.tm_year = Y - 1900;
  tm.tm_mon = M - 1;
  tm.tm_mday = D;
  tm.tm_hour = h;
  tm.tm_min = m;
  *epoch = (double)timegm(&tm) + sec;
  return 1;
}

AsStatus as_config_get_time(AsConfig *cfg, const char *key, int required, double *epoch_s)
{
  Node *n;
  AS_CALL(as_cfg_get_node(cfg, key, required, N_SCALAR, "a time", &n));
  if (!n) return AS_OK;
  if (!parse_time(n->value, epoch_s))
    return as_cfg_value_error(cfg, n, key, AS_ERR_CONFIG,
                       "cannot parse time '%s' (expected ISO-8601 UTC such as 2021-01-01T00:00:00Z)%s",
                       n->value, "");
  return AS_OK;
}
