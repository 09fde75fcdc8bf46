/* test_thermo_limits.c — physical limits of as_thermo ("stable" unless said):
 * 1. Below the (mutual) deliquescence RH the particle is solid and dry: (NH4)2SO4 at RH 0.30,
 *    0.50, 0.70 (DRH 0.7997, ISORROPIA II INIT2); letovicite + NH4HSO4 (TA = 1.2 TS) at RH 0.30
 *    (MDRH 0.378); (NH4)2SO4 + NH4NO3(s) at RH 0.40 (MDRH 0.600). Claim: water = 0, solids =
 *    the stoichiometric salts.
 * 2. Pure (NH4)2SO4 above its DRH (TA = 10 TS, so no sulfate is left unneutralised): the molality
 *    TS / W equals the binary molality of the table cited (ISORROPIA II isocom.f AWAS:
 *    4.47, 3.05, 1.51 mol/kg at aw = 0.85, 0.90, 0.95). Claim: within 0.5 %.
 * 3. With NH4NO3(s) present, p(NH3) p(HNO3) = Kp of Mozurkewich (1993), ln Kp = 118.87 - 24084/T
 *    - 6.025 ln T (nbar^2), at 263, 283, 298.15 K, with and without sulfate. Claim: 1e-9 relative. */
#include "as_thermo.h"
#include <math.h>
#include <stdio.h>

static int fail;
static void claim(int ok, const char *fmt, double a, double b)
{
  printf("  %-60s %12.6g %12.6g  %s\n", fmt, a, b, ok ? "ok" : "FAIL");
  fail |= !ok;
}

int main(void)
{
  AsThermo *t = NULL;
  if (as_thermo_create("stable", &t) != AS_OK) return 1;
  AsThermoResult r;
  const double ts = 1e-7;
  printf("1. dry below the (mutual) deliquescence RH (printed: water kg m-3, solid mol m-3)\n");
  static const double rh_as[3] = {0.30, 0.50, 0.70};
  for (int i = 0; i < 3; i++) {
    const double tot[3] = {ts, 2.0 * ts, 0.0};
    if (as_thermo_equilibrate(t, 298.15, rh_as[i], tot, &r) != AS_OK) return 1;
    char what[96];
    snprintf(what, sizeof what, "(NH4)2SO4 RH %.2f: water, (NH4)2SO4(s)", rh_as[i]);
    claim(r.water == 0.0 && r.phase == AS_THERMO_SOLID && fabs(r.s_nh42so4 - ts) <= 1e-15 * ts, what, r.water, r.s_nh42so4);
  }
  {
    const double tot[3] = {ts, 1.2 * ts, 0.0};
    if (as_thermo_equilibrate(t, 298.15, 0.30, tot, &r) != AS_OK) return 1;
    claim(r.water == 0.0 && fabs(r.s_lc - 0.2 * ts) < 1e-12 * ts && fabs(r.s_nh4hso4 - 0.6 * ts) < 1e-12 * ts,
          "LC + NH4HSO4 (TA = 1.2 TS) RH 0.30: LC(s), NH4HSO4(s)", r.s_lc, r.s_nh4hso4);
  }
  {
    const double tot[3] = {1e-8, 5e-7, 4e-7};
    if (as_thermo_equilibrate(t, 298.15, 0.40, tot, &r) != AS_OK) return 1;
    claim(r.water == 0.0 && r.s_nh4no3 > 0.0 && r.s_nh42so4 == 1e-8,
          "(NH4)2SO4 + NH4NO3 RH 0.40: water, NH4NO3(s)", r.water, r.s_nh4no3);
  }
  printf("2. (NH4)2SO4 solution: molality TS/W vs binary table (mol/kg)\n");
  static const double rh_hi[3] = {0.85, 0.90, 0.95}, m0[3] = {4.47, 3.05, 1.51};
  for (int i = 0; i < 3; i++) {
    const double tot[3] = {ts, 10.0 * ts, 0.0};
    if (as_thermo_equilibrate(t, 298.15, rh_hi[i], tot, &r) != AS_OK) return 1;
    char what[96];
    snprintf(what, sizeof what, "RH %.2f: model molality, AWAS", rh_hi[i]);
    claim(fabs(ts / r.water / m0[i] - 1.0) < 5e-3 && r.phase == AS_THERMO_LIQUID, what, ts / r.water, m0[i]);
  }
  printf("3. NH4NO3(s) present: p(NH3) p(HNO3) vs Mozurkewich Kp (nbar^2)\n");
  static const double temps[3] = {263.0, 283.0, 298.15};
  for (int i = 0; i < 3; i++)
    for (int s = 0; s < 2; s++) {
      const double T = temps[i], nb = 1e-4 / (8.314462618 * T); /* mol m-3 per nbar */
      const double kp = exp(118.87 - 24084.0 / T - 6.025 * log(T));
      /* gases of a few times sqrt(Kp) so that both stay well above round-off */
      const double g = 3.0 * sqrt(kp) * nb, tot[3] = {s ? 1e-8 : 0.0, 2.0 * g + (s ? 2e-8 : 0.0), 1.5 * g};
      if (as_thermo_equilibrate(t, T, 0.30, tot, &r) != AS_OK) return 1;
      const double prod = r.gas_nh3 * r.gas_hno3 / (nb * nb);
      char what[96];
      snprintf(what, sizeof what, "T %.2f K %s: product, Kp", T, s ? "with (NH4)2SO4" : "no sulfate   ");
      claim(r.s_nh4no3 > 0.0 && fabs(prod / kp - 1.0) < 1e-9, what, prod, kp);
    }
  as_thermo_destroy(&t);
  printf("%s\n", fail ? "FAILED" : "all claims hold");
  return fail;
}
