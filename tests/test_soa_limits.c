/* test_soa_limits.c — analytic limits of as_soa_partition for ONE surrogate (C* = 5 ug m-3 at
 * 298 K, evaluated at 298 K so C*(T) = C* exactly):
 * 1. POA = 0: C_OA = Cp = Ctot - C* if Ctot > C*, else 0 (Pankow 1994 absorption with no seed:
 *    Cp = Ctot Cp/(Cp + C*)). With POA > 0, C_OA is the positive root of the quadratic
 *    M^2 + (C* - POA - Ctot) M - POA C* = 0. Claim: 1e-10 relative to Ctot.
 * 2. C* -> 0 (1e-12, and exactly 0 = non-volatile): all particle (cpart/ctot >= 1 - 1e-10).
 * 3. C* -> infinity (1e12): all gas (cpart/ctot <= 1e-10). */
#include "as_soa.h"
#include <math.h>
#include <stdio.h>

static int fail;
static void claim(int ok, const char *what, double a, double b)
{
  printf("  %-52s %16.10g %16.10g  %s\n", what, a, b, ok ? "ok" : "FAIL");
  fail |= !ok;
}

static double part1(double cstar, double poa, double tot, double *coa)
{
  AsSoaSurrogate e = {"X", "", cstar, 50e3, 1.0};
  AsSoa *s = NULL;
  double cp = -1, cg = -1;
  AsSoaResult r;
  if (as_soa_create_custom(1, &e, &s) != AS_OK || as_soa_partition(s, 298.0, poa, &tot, &cp, &cg, &r) != AS_OK) {
    printf("FAIL: %s\n", as_error_message());
    fail = 1;
  }
  as_soa_destroy(&s);
  if (coa) *coa = r.c_oa;
  return cp;
}

int main(void)
{
  const double cs = 5.0;
  char what[96];
  printf("1. single surrogate, C* = 5: model vs closed form (Cp)\n");
  static const double tots[] = {0.5, 4.999, 5.0, 5.0001, 6.0, 10.0, 100.0, 1000.0};
  static const double poas[] = {0.0, 0.01, 1.0, 10.0, 50.0};
  for (int ip = 0; ip < 5; ip++)
    for (int it = 0; it < 8; it++) {
      double poa = poas[ip], tot = tots[it], M;
      if (poa == 0.0) M = tot > cs ? tot - cs : 0.0;
      else {
        double b = cs - poa - tot, c = poa * cs; /* M^2 + b M - c = 0, stable root */
        M = b > 0 ? 2.0 * c / (b + sqrt(b * b + 4.0 * c)) : 0.5 * (-b + sqrt(b * b + 4.0 * c));
      }
      double exact = M - poa, coa;
      double cp = part1(cs, poa, tot, &coa);
      snprintf(what, sizeof what, "POA %5g Ctot %8g", poa, tot);
      claim(fabs(cp - exact) <= 1e-10 * tot && fabs(coa - M) <= 1e-10 * fmax(M, tot), what, cp, exact);
    }
  printf("2. C* -> 0: all particle (cpart/ctot)\n");
  for (int ip = 0; ip < 2; ip++) {
    double f1 = part1(1e-12, poas[ip * 2], 3.0, NULL) / 3.0;
    double f0 = part1(0.0, poas[ip * 2], 3.0, NULL) / 3.0;
    snprintf(what, sizeof what, "POA %g: C* 1e-12 and C* 0", poas[ip * 2]);
    claim(f1 >= 1.0 - 1e-10 && f1 <= 1.0 && f0 == 1.0, what, f1, f0);
  }
  printf("3. C* -> infinity (1e12): all gas (cpart/ctot)\n");
  for (int ip = 0; ip < 5; ip++) {
    double f = part1(1e12, poas[ip], 3.0, NULL) / 3.0;
    snprintf(what, sizeof what, "POA %g", poas[ip]);
    claim(f <= 1e-10 && f >= 0.0, what, f, 0.0);
  }
  return fail;
}
