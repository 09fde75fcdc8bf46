/* as_met_climate.c — hourly surface records of a typical year, drawn from the monthly climatology
 * inputs/met/wcs_climatology.csv with a counter-based random number generator.
 *
 * Every random number is u = H(seed, day, stream), H = SplitMix64 finaliser (Steele et al. 2014)
 * of the counter, so the record of any hour is computed on its own: restarts reproduce it bit for
 * bit and no state is carried from hour to hour. Local time is UTC+8 (China Standard Time).
 *
 * Synoptic states ("knots") are drawn once per local day D at 00 LST and blended to the hour with
 * the smoothstep weight s = 3x^2 - 2x^3 (x = fraction of the day), which gives day-to-day
 * persistence without a recursion:
 *   wind: sector drawn from the month's rose (calm -> 0.3 m/s, random direction;
 *         other days at least 0.8 m/s), direction
 *         uniform within the sector, speed = monthly mean * Weibull(k = 2) variate / Gamma(1.5)
 *         (mean preserved); blended along the shorter arc; diurnal factor 1 + 0.25 shape(h), the
 *         temperature's shape below: lowest at 06 LST, highest at 15 LST (surface wind over
 *         central-eastern China is weakest in the early morning, strongest in the afternoon:
 *         Yu, Li & Chen 2009, Clim. Dyn., doi:10.1007/s00382-008-0478-3; the amplitude is an estimate)
 *   temperature anomaly: moving average of daily N(0,1) draws with weights 1, .8, .6, .4
 *         (normalised to unit variance) times 2.5 K: an MA(3) process, lag-1 correlation 0.86
 *   rain: day D is wet with probability rain_days/days_in_month; amount exponential with mean
 *         precip/rain_days; one event per wet day, 2..12 h long, starting at a random hour and
 *         ending by midnight
 *   cloud: wet days 0.8..1.0; dry days uniform around c_dry = (c_mean - p 0.9)/(1 - p)
 *   humidity: the day's dew point from a daily RH draw (wet days RH + 0.10) at the daily mean
 *         temperature; hourly RH = e_s(T_d)/e_s(T), at most 1 (0.95 or more while raining)
 *   temperature: T = monthly mean + anomaly + dtr_eff/2 * shape(h), shape rising as
 *         -cos(pi (h-6)/9) from 06 to 15 LST and falling as cos(pi (h-15)/15) to 06 LST;
 *         dtr_eff = dtr (1 - 0.5 c)/(1 - 0.5 c_mean) (cloudy days have a smaller range)
 * Monthly values are interpolated linearly between mid-month anchors a_m chosen so that each
 * month's mean of the interpolated curve equals the file's value: a_{m-1}/8 + 3 a_m/4 + a_{m+1}/8
 * = v_m (cyclic), solved by Jacobi iteration at load.
 */
#include "as_met_climate.h"
#include "as_met_similarity.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

AsStatus as_climate_load(const char *path, AsClimate *c)
{
  FILE *f = fopen(path, "r");
  if (!f) return as_error(AS_ERR_IO, path, "meteorology.diagnostic.climatology", "cannot open");
  char line[1024], where[1100];
  int lineno = 0, seen[12] = {0}, header = 0;
  static const char *cols[] = {"month", "t_mean", "dtr", "rh", "cloud", "precip", "rain_days",
                               "pressure", "wind", "N", "NE", "E", "SE", "S", "SW", "W", "NW",
                               "calm"};
  AsStatus s = AS_OK;
  while (!s && fgets(line, sizeof line, f)) {
    lineno++;
    snprintf(where, sizeof where, "%s:%d", path, lineno);
    if (line[0] == '#' || line[0] == '\n' || line[0] == '\r') continue;
    if (!header) {
      header = 1;
      if (strncmp(line, "month,", 6) != 0)
        s = as_error(AS_ERR_DATA, where, "header", "expected the column names month,t_mean,...");
      continue;
    }
    double v[18];
    char *p = line;
    for (int i = 0; i < 18 && !s; i++) {
      char *end;
      v[i] = strtod(p, &end);
      if (end == p || !isfinite(v[i]))
        s = as_error(AS_ERR_DATA, where, cols[i], "not a number");
      else if (v[i] < 0 && i != 1)
        s = as_error(AS_ERR_DATA, where, cols[i], "negative value %g", v[i]);
      p = end;
      if (!s && i < 17) {
        if (*p != ',') s = as_error(AS_ERR_DATA, where, cols[i + 1], "missing column");
        p++;
      }
    }
    if (s) break;
    int m = (int)v[0] - 1;
    if (m < 0 || m > 11 || v[0] != m + 1) {
      s = as_error(AS_ERR_DATA, where, "month", "must be 1..12, got %g", v[0]);
      break;
    }
    if (seen[m]++) {
      s = as_error(AS_ERR_DATA, where, "month", "month %d given twice", m + 1);
      break;
    }
    double sum = 0;
    for (int i = 9; i < 18; i++) sum += v[i];
    if (fabs(sum - 100.0) > 1.0) {
      s = as_error(AS_ERR_DATA, where, "N..calm", "direction frequencies sum to %g, not 100", sum);
      break;
    }
    if (v[3] > 100 || v[4] > 1 || v[6] > 31 || v[7] < 500 || v[7] > 1100) {
      s = as_error(AS_ERR_DATA, where, "rh/cloud/rain_days/pressure", "value out of range");
      break;
    }
    c->t_mean[m] = v[1];
    c->dtr[m] = v[2];
    c->rh[m] = v[3] / 100.0;
    c->cloud[m] = v[4];
    c->precip[m] = v[5];
    c->rain_days[m] = v[6];
    c->pressure[m] = v[7] * 100.0;
    c->wind[m] = v[8];
    for (int q = 0; q < AS_CLIM_NSECT; q++) c->sector[m][q] = v[9 + q] / 100.0;
    c->calm[m] = v[17] / 100.0;
  }
  fclose(f);
  if (s) return s;
  for (int m = 0; m < 12; m++)
    if (!seen[m]) return as_error(AS_ERR_DATA, path, "month", "month %d missing", m + 1);
  double *fields[] = {c->t_mean, c->dtr, c->rh, c->cloud, c->pressure, c->wind};
  for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++) {
    double *v = fields[f], a[12], b[12];
    for (int m = 0; m < 12; m++) a[m] = v[m];
    for (int it = 0; it < 60; it++) {
      for (int m = 0; m < 12; m++) b[m] = (v[m] - (a[(m + 11) % 12] + a[(m + 1) % 12]) / 8.0) / 0.75;
      for (int m = 0; m < 12; m++) a[m] = b[m];
    }
    for (int m = 0; m < 12; m++) c->anchor[f][m] = a[m];
  }
  return AS_OK;
}

/* ---- counter-based random numbers ---- */
static uint64_t mix64(uint64_t x)
{
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}
static double u01(uint64_t seed, long day, int stream)
{
  uint64_t h = mix64(mix64(seed) ^ mix64((uint64_t)day * 64u + (uint64_t)stream));
  return ((double)(h >> 11) + 0.5) / 9007199254740992.0; /* in (0, 1) */
}
static double gauss(uint64_t seed, long day, int stream)
{
  double a = u01(seed, day, stream), b = u01(seed, day, stream + 1);
  return sqrt(-2.0 * log(a)) * cos(2.0 * M_PI * b);
}
enum { S_SECT = 0, S_DIR, S_SPD, S_TEMP, S_WET = 5, S_AMT, S_START, S_DUR, S_CLOUD, S_RH, S_PRES };

static int days_in_month(int year, int m)
{
  static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return d[m] + (m == 1 && leap);
}

/* civil date of local day D (days since 1970-01-01 local) — Hinnant's algorithm */
static void civil(long D, int *year, int *month0, int *mday)
{
  long z = D + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153, d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9;
  *year = (int)(y + (m <= 2));
  *month0 = (int)m - 1;
  *mday = (int)d;
}

typedef struct { double speed, dir, tanom, cloud, rh, panom, rain_start, rain_dur, rain_rate; } Knot;

static void knot(const AsClimate *c, uint64_t seed, long D, Knot *k)
{
  int y, m, md;
  civil(D, &y, &m, &md);
  double p = c->rain_days[m] / days_in_month(y, m);
  /* wind sector from the rose */
  double u = u01(seed, D, S_SECT), acc = c->calm[m];
  if (u < acc) {
    k->speed = 0.3;
    k->dir = 360.0 * u01(seed, D, S_DIR);
  } else {
    int q = 0;
    for (q = 0; q < AS_CLIM_NSECT - 1; q++) {
      acc += c->sector[m][q];
      if (u < acc) break;
    }
    k->dir = fmod(360.0 + q * 45.0 + 45.0 * (u01(seed, D, S_DIR) - 0.5), 360.0);
    double w = sqrt(-log(u01(seed, D, S_SPD))) / 0.886226925452758; /* Weibull k=2, mean 1 */
    /* mean over non-calm days so that the monthly mean including calms stays c->wind */
    k->speed = (c->wind[m] - 0.3 * c->calm[m]) / (1.0 - c->calm[m]) * w;
    if (k->speed < 0.8) k->speed = 0.8;
  }
  static const double wt[4] = {1.0, 0.8, 0.6, 0.4};
  double a = 0;
  for (int l = 0; l < 4; l++) a += wt[l] * gauss(seed, D - l, S_TEMP);
  k->tanom = 2.5 * a / sqrt(2.16);
  double b = 0;
  for (int l = 0; l < 3; l++) b += wt[l] * gauss(seed, D - l, S_PRES);
  k->panom = 400.0 * b / sqrt(2.0);
  int wet = u01(seed, D, S_WET) < p;
  double cdry = (c->cloud[m] - p * 0.9) / (1.0 - p);
  if (cdry < 0.05) cdry = 0.05;
  if (cdry > 0.95) cdry = 0.95;
  double spread = cdry < 1.0 - cdry ? cdry : 1.0 - cdry;
  double rhwet = c->rh[m] + 0.10 < 0.97 ? c->rh[m] + 0.10 : 0.97;
  double rhdry = (c->rh[m] - p * rhwet) / (1.0 - p);
  if (wet) {
    k->cloud = 0.8 + 0.2 * u01(seed, D, S_CLOUD);
    k->rh = rhwet;
    double amount = -c->precip[m] / c->rain_days[m] * log(u01(seed, D, S_AMT));
    k->rain_dur = 2.0 + floor(11.0 * u01(seed, D, S_DUR));
    k->rain_start = floor((25.0 - k->rain_dur) * u01(seed, D, S_START)); /* ends by 24 LST */
    k->rain_rate = amount / k->rain_dur;
  } else {
    k->cloud = cdry + spread * (2.0 * u01(seed, D, S_CLOUD) - 1.0);
    k->rh = rhdry + 0.08 * (2.0 * u01(seed, D, S_RH) - 1.0);
    k->rain_start = k->rain_dur = k->rain_rate = 0.0;
  }
  if (k->rh < 0.3) k->rh = 0.3;
  if (k->rh > 0.97) k->rh = 0.97;
}

/* monthly value interpolated between mid-month anchors at local day D + frac */
static double monthly(const AsClimate *c, int field, long D, double frac)
{
  int y, m, md;
  civil(D, &y, &m, &md);
  double pos = m + (md - 1 + frac) / days_in_month(y, m) - 0.5;
  int m0 = (int)floor(pos);
  double w = pos - m0;
  const double *v = c->anchor[field];
  return (1.0 - w) * v[(m0 + 12) % 12] + w * v[(m0 + 13) % 12];
}

void as_climate_record(const AsClimate *c, uint64_t seed, double t, AsSfcRecord *r)
{
  double tl = t + 8.0 * 3600.0;                 /* China Standard Time */
  long D = (long)floor(tl / 86400.0);
  double x = tl / 86400.0 - D, h = 24.0 * x;    /* fraction of the local day, local hour */
  Knot k0, k1;
  knot(c, seed, D, &k0);
  knot(c, seed, D + 1, &k1);
  double s = x * x * (3.0 - 2.0 * x);
  double dd = fmod(k1.dir - k0.dir + 540.0, 360.0) - 180.0; /* shorter arc */
  r->dir_from = fmod(k0.dir + s * dd + 360.0, 360.0);
  double shape = (h >= 6.0 && h < 15.0) ? -cos(M_PI * (h - 6.0) / 9.0)
                                        : cos(M_PI * fmod(h - 15.0 + 24.0, 24.0) / 15.0);
  r->speed = ((1.0 - s) * k0.speed + s * k1.speed) * (1.0 + 0.25 * shape);
  double cloud = (1.0 - s) * k0.cloud + s * k1.cloud;
  /* rain: today's event (it ends by midnight, so wet days match the file) */
  double rate = 0.0;
  if (k0.rain_dur > 0 && h >= k0.rain_start && h < k0.rain_start + k0.rain_dur) rate = k0.rain_rate;
  if (rate > 0 && cloud < 0.9) cloud = 0.9;
  r->precip = rate;
  r->cloud = cloud;
  double cm = monthly(c, AS_CLIM_CLOUD, D, x);
  double dtr = monthly(c, AS_CLIM_DTR, D, x) * (1.0 - 0.5 * cloud) / (1.0 - 0.5 * cm);
  double tday = monthly(c, AS_CLIM_TMEAN, D, x) + (1.0 - s) * k0.tanom + s * k1.tanom + 273.15;
  r->t2 = tday + 0.5 * dtr * shape;
  double rhd = (1.0 - s) * k0.rh + s * k1.rh;
  double rh = rhd * as_esat(tday) / as_esat(r->t2);
  if (rate > 0 && rh < 0.95) rh = 0.95;
  r->rh = rh > 1.0 ? 1.0 : rh;
  r->psfc = monthly(c, AS_CLIM_PRES, D, x) + (1.0 - s) * k0.panom + s * k1.panom;
}
