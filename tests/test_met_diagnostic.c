/* test_met_diagnostic.c — claims about the diagnostic (default) meteorology:
 *  1. the hourly surface records reproduce the climatology file over 50 simulated years:
 *     monthly mean temperature within 0.5 K, mean wind speed within 10 %; precipitation, wet-day
 *     count and every wind-sector frequency of the daily synoptic states within 3 sampling
 *     standard deviations of the 50-year sample (computed from the binomial / compound
 *     exponential distributions the generator draws from); the mean wind by local hour is lowest
 *     at 06 LST and highest at 15 LST (the early-morning minimum, afternoon maximum of the docs);
 *  2. an hour computed by a fresh object (a restart) is bit-identical to the same hour reached by
 *     stepping through the preceding hours;
 *  3. the fields are bit-identical with 1 and 2 OpenMP threads;
 *  4. physical ranges on the default grid over a summer day: daytime h > 300 m and L < 0 at
 *     13 LST, night L > 0; Kz >= kz_min inside the column and 0 at ground and top. */
#include "as_met_climate.h"
#include "as_met_impl.h"
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

int test_met_setup(const char *yaml, AsConfig **cfg, AsGrid **grid, AsMet **met);

static int same_state(const AsGrid *g, const AsMetState *a, const AsMetState *b)
{
  long n3 = as_grid_ncell(g), n2 = (long)g->nx * g->ny;
  return !memcmp(a->fx, b->fx, sizeof(double) * g->nz * g->ny * (g->nx + 1)) &&
         !memcmp(a->fz, b->fz, sizeof(double) * (n3 + n2)) &&
         !memcmp(a->kz, b->kz, sizeof(double) * (n3 + n2)) &&
         !memcmp(a->kh, b->kh, sizeof(double) * n3) && !memcmp(a->temp, b->temp, sizeof(double) * n3) &&
         !memcmp(a->pblh, b->pblh, sizeof(double) * n2) && !memcmp(a->u10, b->u10, sizeof(double) * n2);
}

int main(void)
{
  int fail = 0;
  /* 1. statistics of the records */
  AsClimate clim;
  if (as_climate_load("inputs/met/wcs_climatology.csv", &clim)) {
    fprintf(stderr, "%s\n", as_error_message());
    return 1;
  }
  double sumT[12] = {0}, sumW[12] = {0}, sumP[12] = {0}, nh[12] = {0}, wet[12] = {0}, sect[12][9] = {{0}};
  double windh[24] = {0};
  const int years = 50;
  const double t0 = 1609430400.0; /* 2020-12-31 16:00 UTC = 2021-01-01 00 LST */
  for (long hr = 0; hr < 24L * 365 * years; hr++) {
    double t = t0 + 3600.0 * hr;
    time_t tl = (time_t)(t + 8 * 3600);
    struct tm tm;
    gmtime_r(&tl, &tm);
    int m = tm.tm_mon;
    AsSfcRecord r;
    as_climate_record(&clim, 7, t, &r);
    sumT[m] += r.t2 - 273.15;
    sumW[m] += r.speed;
    windh[tm.tm_hour] += r.speed;
    sumP[m] += r.precip;
    nh[m] += 1;
    if (tm.tm_hour == 0) { /* count wet days once per day: any rain that day */
      double dayp = 0;
      for (int q = 0; q < 24; q++) {
        AsSfcRecord rq;
        as_climate_record(&clim, 7, t + 3600.0 * q, &rq);
        dayp += rq.precip;
      }
      wet[m] += dayp > 0;
      /* 00 LST is the daily synoptic knot: its direction is drawn from the rose */
      as_climate_record(&clim, 7, t, &r);
      int sct = r.speed < 0.3 ? 8 : (int)floor(fmod(r.dir_from + 22.5, 360.0) / 45.0);
      sect[m][sct] += 1;
    }
  }
  printf("month   T(file, rec)     wind(file, rec)   precip(file, rec)  wet days(file, rec)  max sector err/3sigma\n");
  for (int m = 0; m < 12; m++) {
    double nd = nh[m] / 24.0, T = sumT[m] / nh[m], W = sumW[m] / nh[m], P = sumP[m] / years;
    double wd = wet[m] / years, serr = 0, ndm = nd / years;
    /* 3-sigma sampling tolerances of a 'years'-long sample (binomial / compound-exponential) */
    double pw = clim.rain_days[m] / ndm, mu = clim.precip[m] / clim.rain_days[m];
    double tol_wet = 3 * sqrt(ndm * pw * (1 - pw) / years);
    double tol_p = 3 * sqrt(ndm * (2 * pw - pw * pw) / years) * mu / clim.precip[m];
    for (int q = 0; q < 8; q++) {
      double f = clim.sector[m][q], tol = 3 * 100 * sqrt(f * (1 - f) / nd) + 0.5;
      serr = fmax(serr, fabs(100 * sect[m][q] / nd - 100 * f) / tol);
    }
    printf("%5d  %5.1f %5.1f      %4.2f %4.2f        %5.0f %5.0f        %5.1f %5.1f          %4.1f\n", m + 1,
           clim.t_mean[m], T, clim.wind[m], W, clim.precip[m], P, clim.rain_days[m], wd, serr);
    if (fabs(T - clim.t_mean[m]) > 0.5 || fabs(W / clim.wind[m] - 1) > 0.10 ||
        fabs(P / clim.precip[m] - 1) > tol_p || fabs(wd - clim.rain_days[m]) > tol_wet || serr > 1.0)
      fail = 1;
  }
  int hmin = 0, hmax = 0;
  for (int h = 1; h < 24; h++) {
    if (windh[h] < windh[hmin]) hmin = h;
    if (windh[h] > windh[hmax]) hmax = h;
  }
  double ndays = 365.0 * years;
  printf("wind by local hour: lowest %.2f m/s at %02d LST, highest %.2f m/s at %02d LST (expected 06, 15)\n",
         windh[hmin] / ndays, hmin, windh[hmax] / ndays, hmax);
  if (hmin != 6 || hmax != 15) fail = 1;
  /* 2.-4. on the default grid */
  AsConfig *cfg;
  AsGrid *g;
  AsMet *met, *met2;
  const char *yaml = "grid:\n  resolution: 3 km\nmeteorology:\n  source: diagnostic\n";
  if (test_met_setup(yaml, &cfg, &g, &met)) return 1;
  AsConfig *cfg2;
  AsGrid *g2;
  if (test_met_setup(yaml, &cfg2, &g2, &met2)) return 1;
  AsMetState a, b;
  if (as_met_state_alloc(g, &a) || as_met_state_alloc(g, &b)) return 1;
  const double day = 1626710400.0; /* 2021-07-19 16 UTC = 2021-07-20 00 LST */
  double tq = day + 13.5 * 3600.0;
  for (double t = day; t <= tq; t += 1800.0)
    if (as_met_update(met, t, &a)) return 1;
  if (as_met_update(met2, tq, &b)) return 1;
  int restart_ok = same_state(g, &a, &b);
  printf("restart: 13:30 LST reached by stepping vs computed fresh: %s\n", restart_ok ? "bit-identical" : "DIFFERENT");
  if (!restart_ok) fail = 1;
  AsMet *met3;
  AsConfig *cfg3;
  AsGrid *g3;
  if (test_met_setup(yaml, &cfg3, &g3, &met3)) return 1;
  omp_set_num_threads(1);
  if (as_met_update(met3, tq, &b)) return 1;
  omp_set_num_threads(2);
  int thr_ok = same_state(g, &a, &b);
  printf("threads: 1 thread vs 2 threads: %s\n", thr_ok ? "bit-identical" : "DIFFERENT");
  if (!thr_ok) fail = 1;
  long c = (long)(g->ny / 2) * g->nx + g->nx / 2, nxy = (long)g->nx * g->ny;
  if (as_met_update(met, day + 13 * 3600.0, &a) || as_met_update(met, day + 2 * 3600.0, &b)) return 1;
  printf("centre cell: 13 LST h %.0f m L %.1f m H %.0f W/m2 u* %.2f; 02 LST h %.0f m L %.1f m H %.1f\n",
         a.pblh[c], a.obukhov[c], a.hfx[c], a.ustar[c], b.pblh[c], b.obukhov[c], b.hfx[c]);
  int kz_ok = 1;
  for (long q = 0; q < nxy; q++) {
    if (a.kz[q] != 0 || a.kz[g->nz * nxy + q] != 0) kz_ok = 0;
    for (int k = 1; k < g->nz; k++) if (!(a.kz[k * nxy + q] >= 0.1)) kz_ok = 0;
  }
  if (!(a.pblh[c] > 300 && a.obukhov[c] < 0 && b.obukhov[c] > 0 && kz_ok)) fail = 1;
  printf("%s\n", fail ? "FAIL" : "PASS");
  as_met_state_free(&a);
  as_met_state_free(&b);
  as_met_destroy(&met);
  as_met_destroy(&met2);
  as_met_destroy(&met3);
  as_grid_destroy(&g);
  as_grid_destroy(&g2);
  as_grid_destroy(&g3);
  as_config_destroy(&cfg);
  as_config_destroy(&cfg2);
  as_config_destroy(&cfg3);
  return fail;
}
