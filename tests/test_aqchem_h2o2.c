/* test_aqchem_h2o2.c — the H2O2 path with SO2 in excess and H2O2 limiting (10 ppb SO2, 1 ppb H2O2,
 * lwc 0.3 g m-3, 298 K, no NH3/HNO3): H2O2 is used up within minutes — the textbook result that
 * H2O2 and SO2 rarely coexist in cloud (Seinfeld & Pandis ch. 7, sulfate formation by H2O2) — and the
 * sulfate formed equals the H2O2 consumed (O3 = 0), or equals H2O2 + O3 consumed with the H2O2 path's
 * share equal to the H2O2 consumed (O3 = 40 ppb). Claim: H2O2 < 1 % of its start after 15 min. */
#include "as_aqchem.h"
#include <math.h>
#include <stdio.h>

static double ppb(double x, double T, double p) { return x * 1e-9 * p / (8.314462618 * T); }

int main(void)
{
  AsAqchem *a = NULL;
  if (as_aqchem_create(&a) != AS_OK) return 1;
  const double T = 298.0, p = 101325.0, lwc = 0.3e-3;
  int fail = 0;
  for (int k = 0; k < 2; k++) {
    const double o3 = k ? 40.0 : 0.0;
    double c[AS_AQ_N] = {ppb(10, T, p), 0.0, ppb(1, T, p), ppb(o3, T, p), 0.0, 0.0};
    const double x0 = c[AS_AQ_H2O2], y0 = c[AS_AQ_O3], s0 = c[AS_AQ_SO2];
    double path_h2o2 = 0.0, t_half = -1;
    AsAqResult r;
    printf("O3 %.0f ppb:\n  min  H2O2 left  SO2 left   pH\n", o3);
    for (int m = 1; m <= 15; m++) {
      const double before = c[AS_AQ_H2O2];
      if (as_aqchem_apply(a, T, p, lwc, 60.0, c, &r) != AS_OK) {
        printf("%s\n", as_error_message());
        return 1;
      }
      path_h2o2 += r.d_sulf_h2o2;
      if (t_half < 0 && c[AS_AQ_H2O2] <= 0.5 * x0)
        t_half = 60.0 * (m - 1) + 60.0 * log(before / (0.5 * x0)) / log(before / c[AS_AQ_H2O2]);
      if (m <= 5 || m % 5 == 0)
        printf("  %3d  %9.3e  %9.4f  %.3f\n", m, c[AS_AQ_H2O2] / x0, c[AS_AQ_SO2] / s0, r.ph);
    }
    const double used_x = x0 - c[AS_AQ_H2O2], used_y = y0 - c[AS_AQ_O3], sulf = c[AS_AQ_SULF];
    const double e_path = fabs(path_h2o2 - used_x) / used_x;
    const double e_bal = fabs(sulf - used_x - used_y) / sulf;
    const int ok = c[AS_AQ_H2O2] < 0.01 * x0 && e_path < 1e-12 && e_bal < 1e-12;
    printf("  H2O2 half-life %.0f s; left after 15 min %.2e; sulfate %.4e = H2O2 used %.4e + O3 used %.4e "
           "(rel. err %.1e); H2O2-path sulfate vs H2O2 used rel. err %.1e -> %s\n",
           t_half, c[AS_AQ_H2O2] / x0, sulf, used_x, used_y, e_bal, e_path, ok ? "ok" : "WRONG");
    fail |= !ok;
  }
  as_aqchem_destroy(&a);
  printf("%s\n", fail ? "FAIL" : "PASS");
  return fail;
}
