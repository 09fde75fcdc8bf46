/* test_aqchem_ph.c — cloud pH from the charge balance.
 * (a) pure water + CO2 at 390 and 415 ppm, 298 K: the published "clean rain" pH 5.6 (Seinfeld &
 *     Pandis ch. 7; IUPAC Gold Book "acid rain": > 5) and the hand formula [H+]^2 = Kw + Hc Kc1 pCO2
 *     (open system; CO3-- adds < 1e-4 relative) with the CMAQ constants.
 * (b) sulfuric acid only (no CO2, no NH3): h^2 + (K6 - S)h - 2 K6 S = 0 (HSO4-/SO4-- split, Kw
 *     negligible), S = sulfate / liquid water (M).
 * (c) sulfate + ammonium 1:1 (bisulfate composition), NH3 taken as fully dissolved as NH4+ (true to
 *     0.5 % at pH ~3.8, 0.5 g m-3): h^2 + (K6 - S + A)h - K6(2S - A) = 0; tolerance 0.005 pH. */
#include "as_aqchem.h"
#include <math.h>
#include <stdio.h>

static int fail;
static double ppb(double x, double T, double p) { return x * 1e-9 * p / (8.314462618 * T); }

static void check(const char *what, double got, double want, double tol)
{
  const int ok = fabs(got - want) <= tol;
  printf("  %-44s pH %.4f  expected %.4f (tol %.3g) -> %s\n", what, got, want, tol, ok ? "ok" : "WRONG");
  fail |= !ok;
}

int main(void)
{
  AsAqchem *a = NULL;
  if (as_aqchem_create(&a) != AS_OK) return 1;
  const double T = 298.0, p = 101325.0, lwc = 0.5e-3, Lw = lwc; /* kg m-3 -> L water per m3 air */
  const double Kw = 1e-14, Hc = 3.6e-2, Kc1 = 4.3e-7, K6 = 1.02e-2;
  double c[AS_AQ_N] = {0}, ph;
  const double ppm[2] = {390.0, 415.0};
  for (int i = 0; i < 2; i++) {
    if (as_aqchem_set_co2(a, ppm[i] * 1e-6) != AS_OK || as_aqchem_ph(a, T, p, lwc, c, &ph) != AS_OK) return 1;
    char buf[80];
    snprintf(buf, sizeof buf, "pure water + CO2 %.0f ppm vs published 5.6", ppm[i]);
    check(buf, ph, 5.6, 0.05);
    const double hh = sqrt(Kw + Hc * Kc1 * ppm[i] * 1e-6);
    snprintf(buf, sizeof buf, "pure water + CO2 %.0f ppm vs hand formula", ppm[i]);
    check(buf, ph, -log10(hh), 1e-4);
  }
  if (as_aqchem_set_co2(a, 0.0) != AS_OK) return 1;
  c[AS_AQ_SULF] = ppb(2.0, T, p);
  const double S = c[AS_AQ_SULF] / Lw;
  if (as_aqchem_ph(a, T, p, lwc, c, &ph) != AS_OK) return 1;
  double b = K6 - S, h = 0.5 * (-b + sqrt(b * b + 8.0 * K6 * S));
  check("H2SO4 2 ppb, 0.5 g m-3 (quadratic)", ph, -log10(h), 1e-4);
  c[AS_AQ_NH3] = ppb(2.0, T, p);
  const double A = c[AS_AQ_NH3] / Lw;
  if (as_aqchem_ph(a, T, p, lwc, c, &ph) != AS_OK) return 1;
  b = K6 - S + A;
  h = 0.5 * (-b + sqrt(b * b + 4.0 * K6 * (2.0 * S - A)));
  check("H2SO4 2 ppb + NH3 2 ppb (quadratic, NH4+=A)", ph, -log10(h), 5e-3);
  as_aqchem_destroy(&a);
  printf("%s\n", fail ? "FAIL" : "PASS");
  return fail;
}
