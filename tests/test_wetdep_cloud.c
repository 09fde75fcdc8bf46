/* test_wetdep_cloud — claims about the cloud water of the diagnostic meteorology
 * (inputs/as_met_diagnostic.c, docs/science-wetdep.md), on a small grid with the default climatology:
 *  1. at every 7th whole hour of 2021 (all hours of the day in turn), in every column: cloud water is present exactly when the
 *     cloud cover is >= 0.5 or it rains; the cloudy layers are those whose centre lies in
 *     [z_b, z_b + 1000 m (rain) or 500 m], z_b = max(125 m/K (T2 - Td), top of layer 0), Td from RH2
 *     by the inverse of the Bolton (1980) e_s, computed here again (or, when no centre lies inside,
 *     the one layer holding the cloud's mid-height); each holds cover x 0.3 g m-3 (rain) or
 *     x 0.2 g m-3, in kg m-3, bit for bit;
 *  2. the cloud water is bit-identical with 1 and 2 OpenMP threads (whole and in-between hours).
 * Prints how often there is cloud, the cloud-base heights and water paths found. */
#include "as_met.h"
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int test_met_setup(const char *yaml, AsConfig **cfg, AsGrid **grid, AsMet **met);

static const char *YAML = "grid:\n  resolution: 3 km\n  extent: {x: 15 km, y: 12 km}\n"
                          "  layers: {top: 6 km, first_layer: 36 m, count: 18}\n"
                          "meteorology:\n  source: diagnostic\n";

int main(void)
{
  AsConfig *cfg;
  AsGrid *g;
  AsMet *met;
  omp_set_num_threads(1); /* claim 1 on one thread (fast on a busy machine); claim 2 compares */
  if (test_met_setup(YAML, &cfg, &g, &met)) return 1;
  AsMetState st;
  if (as_met_state_alloc(g, &st)) return 1;
  const long ncol = (long)g->nx * g->ny;
  const double t0 = 1609459200.0; /* 2021-01-01T00Z */
  long hours = 0, cloudy = 0, rainy = 0, bad = 0, fallback = 0, nbase[4] = {0};
  double wsum = 0, wmin = INFINITY, wmax = 0, zbmin = INFINITY, zbmax = 0;
  for (int h = 0; h < 24 * 365; h += 7) {
    if (as_met_update(met, t0 + 3600.0 * h, &st)) return fprintf(stderr, "%s\n", as_error_message()), 1;
    hours++;
    for (long col = 0; col < ncol; col++) {
      const double T = st.t2[col], rh = st.rh2[col], N = st.cloud[col], P = st.precip[col];
      const int want = N >= 0.5 || P > 0;
      double x = log(rh < 1e-3 ? 1e-3 : rh > 1 ? 1 : rh) + 17.67 * (T - 273.15) / (T - 29.65);
      double td = 273.15 + 243.5 * x / (17.67 - x);
      double zb = fmax(125.0 * (T - td), g->z_face[1]), zt = zb + (P > 0 ? 1000.0 : 500.0);
      double lwc = N * (P > 0 ? 0.3e-3 : 0.2e-3), W = 0;
      int ninside = 0;
      for (int k = 0; k < g->nz; k++) ninside += g->z_mid[k] >= zb && g->z_mid[k] <= zt;
      for (int k = 0; k < g->nz; k++) {
        double v = st.cloud_lwc[k * ncol + col];
        int in = want && (ninside ? (g->z_mid[k] >= zb && g->z_mid[k] <= zt)
                                  : (0.5 * (zb + zt) >= g->z_face[k] && 0.5 * (zb + zt) < g->z_face[k + 1]));
        if (v != (in ? lwc : 0.0)) {
          if (bad++ < 5)
            printf("MISMATCH hour %d col %ld k %d: lwc %g, expected %g (N %g, P %g, z_b %g)\n", h, col, k, v,
                   in ? lwc : 0.0, N, P, zb);
        }
        W += v * g->dz[k];
      }
      if (col) continue; /* statistics from one column (the record is the same in all) */
      if (want) {
        cloudy++, rainy += P > 0, fallback += !ninside;
        wsum += W, wmin = fmin(wmin, W), wmax = fmax(wmax, W), zbmin = fmin(zbmin, zb), zbmax = fmax(zbmax, zb);
        nbase[zb < 200 ? 0 : zb < 500 ? 1 : zb < 1000 ? 2 : 3]++;
      }
    }
  }
  printf("%ld hours (every 7th of 2021): cloud water in %ld (%.1f %%), of which %ld raining; %ld with the "
         "mid-height fallback\n", hours, cloudy, 100.0 * cloudy / hours, rainy, fallback);
  printf("cloud base %.0f .. %.0f m: < 200 m %ld, 200-500 m %ld, 500-1000 m %ld, >= 1000 m %ld hours; "
         "water path %.4f .. %.4f kg m-2, mean %.4f\n", zbmin, zbmax, nbase[0], nbase[1], nbase[2], nbase[3],
         wmin, wmax, wsum / (cloudy ? cloudy : 1));
  printf("claim 1 (placement and values bit for bit): %ld mismatches\n", bad);
  /* 2. threads */
  size_t n3 = (size_t)as_grid_ncell(g);
  double *a = malloc(sizeof(double) * n3);
  int same = 1;
  const double times[] = {t0 + 3600.0 * 4000 + 1234.0, t0 + 3600.0 * 5000, t0 + 3600.0 * 6000 + 2700.0};
  for (int q = 0; q < 3; q++) {
    omp_set_num_threads(1);
    AsMet *m1;
    if (as_met_create(cfg, g, &m1) || as_met_update(m1, times[q], &st)) return fprintf(stderr, "%s\n", as_error_message()), 1;
    memcpy(a, st.cloud_lwc, sizeof(double) * n3);
    as_met_destroy(&m1);
    omp_set_num_threads(2);
    if (as_met_create(cfg, g, &m1) || as_met_update(m1, times[q], &st)) return fprintf(stderr, "%s\n", as_error_message()), 1;
    same = same && !memcmp(a, st.cloud_lwc, sizeof(double) * n3);
    as_met_destroy(&m1);
  }
  printf("claim 2 (1 vs 2 threads, 3 times): cloud water %s\n", same ? "bit-identical" : "DIFFERS");
  free(a);
  as_met_state_free(&st);
  as_met_destroy(&met);
  as_grid_destroy(&g);
  as_config_destroy(&cfg);
  int ok = bad == 0 && same && cloudy > 0 && rainy > 0;
  printf("%s\n", ok ? "PASS" : "FAIL");
  return !ok;
}
