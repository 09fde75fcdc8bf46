/* test_aqchem_conservation.c — over a grid of T 263–303 K, lwc 0.05–1 g m-3, SO2 0.1–50 ppb,
 * H2O2 0.01–5 ppb, O3 10–100 ppb, NH3 0–20 ppb, dt 60–3600 s: total S (SO2 + SULF) conserved to
 * 1e-12 relative, nothing negative, SULF gain = SO2 loss = H2O2 loss + O3 loss (path amounts), N and
 * NH3 untouched, pH finite. Prints the worst figures and the sub-step counts. */
#include "as_aqchem.h"
#include <math.h>
#include <stdio.h>
#include <time.h>

static double ppb(double x, double T, double p) { return x * 1e-9 * p / (8.314462618 * T); }

int main(void)
{
  AsAqchem *a = NULL;
  if (as_aqchem_create(&a) != AS_OK) return 1;
  const double Ts[] = {263, 278, 293, 303}, lwcs[] = {0.05, 0.3, 1.0}, so2s[] = {0.1, 5, 50};
  const double h2o2s[] = {0.01, 1, 5}, o3s[] = {10, 100}, nh3s[] = {0, 5, 20}, dts[] = {60, 3600};
  const double p = 9.0e4;
  double worst_s = 0, worst_ox = 0, minv = INFINITY, phmin = 99, phmax = -99;
  int n = 0, bad = 0, maxsub = 0, capped = 0;
  long subs = 0;
  clock_t t0 = clock();
  for (int i = 0; i < 4; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 3; k++)
  for (int l = 0; l < 3; l++) for (int m = 0; m < 2; m++) for (int o = 0; o < 3; o++) for (int d = 0; d < 2; d++) {
    const double T = Ts[i];
    double c[AS_AQ_N] = {ppb(so2s[k], T, p), ppb(1.0, T, p), ppb(h2o2s[l], T, p), ppb(o3s[m], T, p),
                         ppb(1.0, T, p), ppb(nh3s[o], T, p)};
    const double c0[AS_AQ_N] = {c[0], c[1], c[2], c[3], c[4], c[5]};
    AsAqResult r;
    AsStatus s = as_aqchem_apply(a, T, p, lwcs[j] * 1e-3, dts[d], c, &r);
    n++;
    if (s != AS_OK) {
      printf("  FAIL status %d: %s\n", (int)s, as_error_message());
      bad++;
      continue;
    }
    const double s0 = c0[0] + c0[1], s1 = c[0] + c[1];
    const double es = fabs(s1 - s0) / s0;
    const double eox = fabs((c0[2] - c[2]) + (c0[3] - c[3]) - (c[1] - c0[1])) / s0;
    if (es > worst_s) worst_s = es;
    if (eox > worst_ox) worst_ox = eox;
    for (int q = 0; q < AS_AQ_N; q++) if (c[q] < minv) minv = c[q];
    if (c[4] != c0[4] || c[5] != c0[5] || !isfinite(r.ph) || es > 1e-12 || eox > 1e-12) bad++;
    if (fabs((c0[2] - c[2]) - r.d_sulf_h2o2) > 1e-12 * s0 || fabs((c0[3] - c[3]) - r.d_sulf_o3) > 1e-12 * s0) bad++;
    if (r.ph < phmin) phmin = r.ph;
    if (r.ph > phmax) phmax = r.ph;
    subs += r.substeps + r.rejected;
    if (r.substeps + r.rejected > maxsub) maxsub = r.substeps + r.rejected;
    capped += r.capped;
  }
  const double sec = (double)(clock() - t0) / CLOCKS_PER_SEC;
  printf("cases %d, failures %d\n", n, bad);
  printf("worst relative S error %.2e (claim 1e-12); worst oxidant-vs-sulfate mismatch %.2e\n", worst_s, worst_ox);
  printf("smallest value after apply %.3e mol m-3 (claim >= 0)\n", minv);
  printf("final pH range %.2f .. %.2f; sub-steps mean %.1f max %d; capped %d; %.2f s\n", phmin, phmax,
         (double)subs / n, maxsub, capped, sec);
  as_aqchem_destroy(&a);
  const int ok = !bad && worst_s <= 1e-12 && minv >= 0.0;
  printf("%s\n", ok ? "PASS" : "FAIL");
  return ok ? 0 : 1;
}
