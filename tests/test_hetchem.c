/* test_hetchem — the N2O5 uptake of as_hetchem.c against the published forms it implements:
 *  1. gamma without nitrate = A beta (1 - exp(-55 delta)) = 0.0368 (Bertram and Thornton 2009 with the
 *     constants of CAMx v7.20 KHETERO), and with [H2O]/[NO3-] = 10 it is that x 0.6/1.6 (r1 = 0.06 x 10);
 *  2. for small particles k -> gamma c S / 4 (free-molecular limit) within 0.5 %, and for large ones it
 *     tends to the diffusion limit S Dg / r (Jacob 2000 eq. 1: k = S / (r/Dg + 4/(c gamma)));
 *  3. the surface area is 6 V / d_vs with d_vs the Sauter diameter of the wet mode (Hatch-Choate:
 *     0.3 um mass median, sigma_g 2 -> 0.2361 um);
 *  4. k never exceeds 1/600 s-1 (CAMx cap), is 0 without water, and falls as nitrate rises. */
#include "as_hetchem.h"
#include <math.h>
#include <stdio.h>

static int fails = 0;
static void check(const char *what, double got, double want, double rel)
{
  double e = fabs(got - want) / fabs(want);
  printf("%-58s %.6g (want %.6g, rel %.2e, tol %.0e) %s\n", what, got, want, e, rel, e <= rel ? "ok" : "FAIL");
  if (!(e <= rel)) fails++;
}

int main(void)
{
  const double T = 278.0, p = 101325.0, R = 8.314462618, M = 0.108010;
  const double g0 = 3.2e-8 * 1.15e6 * (1.0 - exp(-0.13 * 55.0));
  check("gamma, no nitrate", as_het_gamma_n2o5(1.0, 0.0), g0, 1e-12);
  check("gamma, [H2O]/[NO3-] = 10", as_het_gamma_n2o5(1.0, 0.1), g0 * 0.6 / 1.6, 1e-12);
  check("gamma value (A beta = 0.0368)", g0, 0.0368, 2e-3);
  check("Sauter diameter of 0.3 um, sigma_g 2 (um)", 1e6 * as_het_sauter(0.3e-6, 2.0),
        0.3 * exp(-0.5 * log(2.0) * log(2.0)), 1e-12);

  /* 20 ug m-3 dry at 1800 kg m-3 and 20 ug m-3 water, no nitrate */
  AsHetAerosol a = {20e-9 / 1800.0, 20e-9 / 1000.0, as_het_sauter(0.3e-6, 2.0), 20e-6 / 18.015, 0.0};
  double cbar = sqrt(8.0 * R * T / (M_PI * M));
  double dwet = a.dvs_dry * cbrt((a.vdry + a.vwater) / a.vdry), S = 6.0 * (a.vdry + a.vwater) / dwet;
  double Dg = 65.0 / 7.6e6 * pow(T / 296.0, 1.75);
  double k = as_het_k_n2o5(&a, T, p);
  check("k, 20 + 20 ug m-3 (Jacob 2000 eq. 1)", k, S / (0.5 * dwet / Dg + 4.0 / (cbar * g0)), 1e-12);
  printf("  S = %.1f um2 cm-3, d_wet = %.3f um, cbar = %.1f m/s, k = %.3e s-1 (N2O5 lifetime %.1f min)\n",
         S * 1e6, dwet * 1e6, cbar, k, 1.0 / k / 60.0);

  AsHetAerosol small = a;
  small.dvs_dry = 0.01e-6, small.vdry *= 1e-3, small.vwater *= 1e-3, small.n_water *= 1e-3;
  double dws = small.dvs_dry * cbrt((small.vdry + small.vwater) / small.vdry);
  double Ss = 6.0 * (small.vdry + small.vwater) / dws;
  check("free-molecular limit, 0.01 um particles", as_het_k_n2o5(&small, T, p), g0 * cbar * Ss / 4.0, 5e-3);
  AsHetAerosol big = a;
  big.dvs_dry = 50e-6, big.vdry *= 1e-2, big.vwater *= 1e-2, big.n_water *= 1e-2;
  double dwb = big.dvs_dry * cbrt((big.vdry + big.vwater) / big.vdry);
  double Sb = 6.0 * (big.vdry + big.vwater) / dwb;
  double kb = as_het_k_n2o5(&big, T, p), kdiff = Sb * Dg / (0.5 * dwb);
  printf("diffusion limit, 50 um particles: k %.4e, S Dg / r %.4e, ratio %.3f %s\n", kb, kdiff, kb / kdiff,
         kb < kdiff && kb > 0.5 * kdiff ? "ok" : "FAIL");
  if (!(kb < kdiff && kb > 0.5 * kdiff)) fails++;

  AsHetAerosol heavy = a;
  heavy.vdry *= 1e3, heavy.vwater *= 1e3, heavy.n_water *= 1e3;
  check("cap at 1/600 s-1 (40 mg m-3 of particles)", as_het_k_n2o5(&heavy, T, p), 1.0 / 600.0, 1e-15);
  AsHetAerosol dry = a;
  dry.vwater = 0, dry.n_water = 0;
  double kdry = as_het_k_n2o5(&dry, T, p);
  printf("no particle water: k = %g %s\n", kdry, kdry == 0.0 ? "ok" : "FAIL");
  if (kdry != 0.0) fails++;
  double prev = k;
  int mono = 1;
  for (double no3 = 1e-8; no3 < 1e-3; no3 *= 10) {
    AsHetAerosol b = a;
    b.n_nitrate = no3;
    double kn = as_het_k_n2o5(&b, T, p);
    if (!(kn <= prev)) mono = 0;
    prev = kn;
  }
  printf("k falls as nitrate rises (1e-8..1e-4 mol m-3): %s\n", mono ? "ok" : "FAIL");
  if (!mono) fails++;
  printf("%s\n", fails ? "FAIL" : "PASS");
  return fails ? 1 : 0;
}
