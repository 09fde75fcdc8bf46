/* test_photolysis_sun.c — solar position (as_phot_cos_zenith, Michalsky 1988) within 0.5 deg:
 * (1) equator, March equinox 2021 (20 Mar 09:37 UTC): minimum zenith over the day ~ |decl| < 0.5 deg;
 * (2) Jiangyin (31.9 N, 120.27 E), June solstice 2021 (21 Jun 03:32 UTC): noon zenith = 31.9 - 23.44
 *     = 8.46 deg, solar noon at 12:00 - 4 lon - EoT = 04:00:30 UTC (EoT -1.6 min, NOAA), and
 *     local solar midnight zenith = 180 - 90 + 31.9 + 23.44 = 124.66 deg (below the horizon);
 * (3) a whole year, hourly, at Jiangyin against an independent algorithm written here: the
 *     NOAA Solar Calculator (Meeus 1991) formulae, a different route (EoT instead of RA/GMST). */
#include "as_photolysis.h"
#include <math.h>
#include <stdio.h>

static const double rad = M_PI / 180;

static double zen(double lon, double lat, double t)
{
  double c = as_phot_cos_zenith(lon, lat, t);
  return acos(c > 1 ? 1 : c < -1 ? -1 : c) / rad;
}

/* Independent reference: the NOAA Solar Calculator algorithm (Meeus 1991, Astronomical Algorithms,
 * ch. 25): geometric mean longitude/anomaly in Julian centuries T, equation of centre, apparent
 * longitude with nutation, corrected obliquity, declination, and the equation of time from
 * y = tan^2(eps/2); hour angle from true solar time. */
static double zen_noaa(double lon, double lat, double t)
{
  double T = (t / 86400.0 + 2440587.5 - 2451545.0) / 36525;
  double L0 = fmod(280.46646 + T * (36000.76983 + T * 0.0003032), 360) * rad;
  double M = (357.52911 + T * (35999.05029 - 0.0001537 * T)) * rad;
  double e = 0.016708634 - T * (0.000042037 + 0.0000001267 * T);
  double C = sin(M) * (1.914602 - T * (0.004817 + 0.000014 * T)) + sin(2 * M) * (0.019993 - 0.000101 * T) +
             sin(3 * M) * 0.000289;
  double om = (125.04 - 1934.136 * T) * rad;
  double lam = (L0 / rad + C - 0.00569 - 0.00478 * sin(om)) * rad;
  double eps0 = 23 + (26 + (21.448 - T * (46.815 + T * (0.00059 - T * 0.001813))) / 60) / 60;
  double eps = (eps0 + 0.00256 * cos(om)) * rad;
  double dec = asin(sin(eps) * sin(lam)), y = tan(eps / 2) * tan(eps / 2);
  double eot = 4 / rad * (y * sin(2 * L0) - 2 * e * sin(M) + 4 * e * y * sin(M) * cos(2 * L0) -
                          0.5 * y * y * sin(4 * L0) - 1.25 * e * e * sin(2 * M)); /* minutes */
  double tst = fmod(t, 86400.0) / 60 + eot + 4 * lon, ha = (tst / 4 - 180) * rad;
  double c = sin(lat * rad) * sin(dec) + cos(lat * rad) * cos(dec) * cos(ha);
  return acos(c > 1 ? 1 : c < -1 ? -1 : c) / rad;
}

/* minimum zenith over one UTC day, 10 s steps; returns the time of the minimum */
static double noon(double lon, double lat, double day0, double *zmin)
{
  double tbest = day0;
  *zmin = 1e9;
  for (double t = day0; t < day0 + 86400; t += 10) {
    double z = zen(lon, lat, t);
    if (z < *zmin) *zmin = z, tbest = t;
  }
  return tbest;
}

int main(void)
{
  int fail = 0;
  const double lonJ = 120.27, latJ = 31.9;
  double z, tn;
  tn = noon(0, 0, 1616198400.0, &z); /* 2021-03-20 00:00 UTC */
  printf("equator 2021-03-20: min zenith %.3f deg at %.2f h UTC (need < 0.5 deg)  %s\n", z,
         (tn - 1616198400.0) / 3600, z < 0.5 ? "ok" : "FAIL");
  fail |= !(z < 0.5);
  double d0 = 1624233600.0; /* 2021-06-21 00:00 UTC */
  tn = noon(lonJ, latJ, d0, &z);
  double tn_min = (tn - d0) / 60, tn_exp = 720 - 4 * lonJ + 1.6;
  printf("Jiangyin 2021-06-21: noon zenith %.3f deg (expect 8.46 +- 0.5)  %s\n", z, fabs(z - 8.46) <= 0.5 ? "ok" : "FAIL");
  fail |= !(fabs(z - 8.46) <= 0.5);
  /* 0.5 deg of hour angle = 2 min of time */
  printf("Jiangyin 2021-06-21: solar noon %.2f min UTC (expect %.2f +- 2 min)  %s\n", tn_min, tn_exp,
         fabs(tn_min - tn_exp) <= 2 ? "ok" : "FAIL");
  fail |= !(fabs(tn_min - tn_exp) <= 2);
  double zm = zen(lonJ, latJ, tn + 43200), cm = as_phot_cos_zenith(lonJ, latJ, tn + 43200);
  printf("Jiangyin solar midnight: zenith %.3f deg, cos %.4f (expect 124.66 +- 0.5, cos < 0)  %s\n", zm, cm,
         fabs(zm - 124.66) <= 0.5 && cm < 0 ? "ok" : "FAIL");
  fail |= !(fabs(zm - 124.66) <= 0.5 && cm < 0);
  double worst = 0, tw = 0;
  int nday = 0;
  for (double t = 1609459200.0; t < 1609459200.0 + 365 * 86400.0; t += 3600) { /* 2021 hourly */
    double a = zen(lonJ, latJ, t), b = zen_noaa(lonJ, latJ, t);
    if (fabs(a - b) > worst) worst = fabs(a - b), tw = t;
    nday += b < 90;
  }
  printf("Jiangyin 2021 hourly (%d daylight h): worst |zenith - NOAA/Meeus| %.3f deg at t=%.0f (need <= 0.5)  %s\n",
         nday, worst, tw, worst <= 0.5 ? "ok" : "FAIL");
  fail |= !(worst <= 0.5);
  /* southern hemisphere, leap year, west longitude: Sao Paulo-like 23.5 S 46.6 W, 2024-12-21 */
  worst = 0;
  for (double t = 1703116800.0 - 2 * 86400; t < 1703116800.0 + 2 * 86400; t += 600) {
    double dz = fabs(zen(-46.6, -23.5, t) - zen_noaa(-46.6, -23.5, t));
    if (dz > worst) worst = dz;
  }
  printf("23.5 S 46.6 W around 2023-12-21: worst |zenith - NOAA/Meeus| %.3f deg  %s\n", worst,
         worst <= 0.5 ? "ok" : "FAIL");
  fail |= !(worst <= 0.5);
  worst = 0;
  for (double t = 1709164800.0; t < 1709164800.0 + 2 * 86400; t += 600) { /* 2024-02-29..03-01, leap */
    double dz = fabs(zen(lonJ, latJ, t) - zen_noaa(lonJ, latJ, t));
    if (dz > worst) worst = dz;
  }
  printf("Jiangyin 2024-02-29/03-01 (leap day): worst |zenith - NOAA/Meeus| %.3f deg  %s\n", worst,
         worst <= 0.5 ? "ok" : "FAIL");
  fail |= !(worst <= 0.5);
  printf("%s\n", fail ? "FAIL" : "PASS");
  return fail;
}
