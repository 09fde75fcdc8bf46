/* as_emis_profiles.c — monthly, weekday and hourly profiles per sector, local time = UTC+8.
 *
 *   f_s(h) = M_s[month] W_s[weekday] H_s[hour] / A_s(Y),
 *   A_s(Y) = (1/N_Y) sum_{hours of local year Y} M_s W_s H_s
 *          = (sum_d M_s[month(d)] W_s[wday(d)]) (sum_hr H_s[hr]) / (24 * ndays(Y))
 * so f_s averages to exactly 1 over each local calendar year (docs/science.md).
 * Local time is China Standard Time, UTC+8, no daylight saving.
 * The profile values in the file need not be normalised: only their ratios matter.
 * Civil-from-days: H. Hinnant, "chrono-compatible low-level date algorithms" (2013).
 */
#include "as_emis_internal.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define AS_LOCAL_OFFSET_S (8 * 3600.0)

/* days since 1970-01-01 -> y/m/d (proleptic Gregorian) */
static void civil_from_days(long z, int *y, int *m, int *d)
{
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long yy = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  *d = (int)(doy - (153 * mp + 2) / 5 + 1);
  *m = (int)(mp < 10 ? mp + 3 : mp - 9);
  *y = (int)(yy + (*m <= 2));
}

static long days_from_civil(int y, int m, int d)
{
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

double as_emis_epoch(int year, int month, int day, int hour, int minute, double second)
{
  return (double)days_from_civil(year, month, day) * 86400.0 + hour * 3600.0 + minute * 60.0 +
         second;
}

AsLocalTime as_emis_local_time(double t_utc)
{
  double tl = floor((t_utc + AS_LOCAL_OFFSET_S) / 3600.0 + 1e-9); /* local hours since epoch */
  long h = (long)tl;
  long day = h >= 0 ? h / 24 : -((-h + 23) / 24);
  AsLocalTime L;
  L.hour = (int)(h - day * 24);
  civil_from_days(day, &L.year, &L.month, &L.day);
  /* 1970-01-01 was a Thursday: Monday = 0 -> Thursday = 3 */
  L.wday = (int)(((day % 7) + 7 + 3) % 7);
  return L;
}

double as_emis_year_mean(const AsEmisProfiles *p, int s, int year)
{
  long d0 = days_from_civil(year, 1, 1), d1 = days_from_civil(year + 1, 1, 1);
  double sd = 0, sh = 0;
  for (long d = d0; d < d1; d++) {
    int y, m, dd;
    civil_from_days(d, &y, &m, &dd);
    int wd = (int)(((d % 7) + 7 + 3) % 7);
    sd += p->month[s][m - 1] * p->wday[s][wd];
  }
  for (int k = 0; k < 24; k++) sh += p->hour[s][k];
  return sd * sh / (24.0 * (double)(d1 - d0));
}

double as_emis_hour_factor(const AsEmisProfiles *p, int s, double t_utc, double ymean)
{
  AsLocalTime L = as_emis_local_time(t_utc);
  return p->month[s][L.month - 1] * p->wday[s][L.wday] * p->hour[s][L.hour] / ymean;
}

int as_emis_sector_index(const AsEmisProfiles *p, const char *name)
{
  for (int s = 0; s < p->nsec; s++)
    if (!strcmp(p->name[s], name)) return s;
  return -1;
}

void as_emis_profiles_free(AsEmisProfiles *p)
{
  free(p->name), free(p->month), free(p->wday), free(p->hour);
  memset(p, 0, sizeof *p);
}

static AsStatus grow(AsEmisProfiles *p, int n)
{
  void *a = realloc(p->name, (size_t)n * sizeof *p->name);
  if (a) p->name = a;
  void *b = realloc(p->month, (size_t)n * sizeof *p->month);
  if (b) p->month = b;
  void *c = realloc(p->wday, (size_t)n * sizeof *p->wday);
  if (c) p->wday = c;
  void *d = realloc(p->hour, (size_t)n * sizeof *p->hour);
  if (d) p->hour = d;
  if (!a || !b || !c || !d) return as_error(AS_ERR_MEM, "", "profiles", "out of memory");
  return AS_OK;
}

/* sector "flat" (all ones) always exists; file rows: sector,profile,values... with profile
 * month (12 values), weekday (7, Monday first) or hour (24, local hour 0..23) */
AsStatus as_emis_profiles_read(const char *path, AsEmisProfiles *p)
{
  memset(p, 0, sizeof *p);
  AS_CALL(grow(p, 1));
  p->nsec = 1;
  snprintf(p->name[0], sizeof p->name[0], "flat");
  for (int k = 0; k < 24; k++) p->hour[0][k] = 1;
  for (int k = 0; k < 12; k++) p->month[0][k] = 1;
  for (int k = 0; k < 7; k++) p->wday[0][k] = 1;
  if (!path) return AS_OK;
  AsCsv c;
  AsCsvHeader h;
  AsStatus st = as_csv_open(path, &c, &h);
  int cs = as_csv_col(&h, "sector"), ck = as_csv_col(&h, "profile");
  if (!st && (cs != 0 || ck != 1))
    st = as_error(AS_ERR_DATA, path, "header", "must begin with columns sector,profile");
  unsigned char (*have)[3] = NULL;
  while (!st && as_csv_next(&c, &st)) {
    char where[600], item[96];
    snprintf(where, sizeof where, "%s:%d", path, c.line);
    const char *sec = c.field[0], *kind = c.nfield > 1 ? c.field[1] : "";
    snprintf(item, sizeof item, "%s", sec);
    if (!sec[0]) { st = as_error(AS_ERR_DATA, where, "sector", "empty sector name"); break; }
    if (strlen(sec) >= sizeof p->name[0]) {
      st = as_error(AS_ERR_DATA, where, item, "sector name longer than 31 characters");
      break;
    }
    int which = !strcmp(kind, "month") ? 0 : !strcmp(kind, "weekday") ? 1
              : !strcmp(kind, "hour") ? 2 : -1;
    int nv = which == 0 ? 12 : which == 1 ? 7 : 24;
    if (which < 0) {
      st = as_error(AS_ERR_DATA, where, item, "profile '%s' is not month, weekday or hour", kind);
      break;
    }
    int s = as_emis_sector_index(p, sec);
    if (s == 0) { st = as_error(AS_ERR_DATA, where, item, "sector 'flat' is reserved"); break; }
    if (s < 0) {
      if ((st = grow(p, p->nsec + 1))) break;
      void *hv = realloc(have, (size_t)(p->nsec + 1) * sizeof *have);
      if (!hv) { st = as_error(AS_ERR_MEM, path, "profiles", "out of memory"); break; }
      have = hv;
      s = p->nsec++;
      memset(have[s], 0, 3);
      snprintf(p->name[s], sizeof p->name[s], "%s", sec);
    }
    if (have[s][which]) {
      st = as_error(AS_ERR_DATA, where, item, "%s profile given twice", kind);
      break;
    }
    have[s][which] = 1;
    if (c.nfield != 2 + nv) {
      st = as_error(AS_ERR_DATA, where, item, "%s profile needs %d values, found %d", kind, nv,
                    c.nfield - 2);
      break;
    }
    double *dst = which == 0 ? p->month[s] : which == 1 ? p->wday[s] : p->hour[s], sum = 0;
    for (int k = 0; k < nv && !st; k++) {
      char col[16];
      snprintf(col, sizeof col, "value %d", k + 1);
      st = as_csv_number(&c, 2 + k, col, item, &dst[k]);
      if (!st && dst[k] < 0)
        st = as_error(AS_ERR_DATA, where, item, "%s profile value %d is negative (%g)", kind,
                      k + 1, dst[k]);
      sum += dst[k];
    }
    if (!st && !(sum > 0)) st = as_error(AS_ERR_DATA, where, item, "%s profile sums to 0", kind);
  }
  for (int s = 1; !st && s < p->nsec; s++)
    for (int w = 0; w < 3; w++)
      if (!have[s][w]) {
        st = as_error(AS_ERR_DATA, path, p->name[s], "missing %s profile",
                      w == 0 ? "month" : w == 1 ? "weekday" : "hour");
        break;
      }
  free(have);
  as_csv_close(&c, &h);
  if (st) as_emis_profiles_free(p);
  return st;
}
