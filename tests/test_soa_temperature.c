/* test_soa_temperature.c — temperature dependence with the published dHvap.
 * 1. C*(T)/C*(298) = (298/T) exp[(dH/R)(1/298 - 1/T)] (CMAQ/CAMx form): dH 18 kJ/mol (TOL,
 *    CMAQ SOA_DEFN) at 278 K = 0.635590 (python: 1.071942 x exp(-0.522675) = 1.071942 x 0.592933); dH 40 kJ/mol (ISO) at
 *    278 K = 0.336 (science-aerosol-data.md B4, DERIVED). Claim: 1e-5 relative / 1e-3 absolute.
 * 2. Toluene high-NOx products (dHC = 50 ug m-3 reacted, POA 5): the particle fraction rises
 *    strictly as T falls from 313 to 263 K (5 K steps); same for the isoprene pair (dHC 100,
 *    POA 5) and the AERO7 monoterpene VBS (dHC 20, POA 2). */
#include "as_soa.h"
#include <math.h>
#include <stdio.h>

static int fail;

static void sweep(const char *label, const char *prec, int nn, const char *const *names, double dhc, double poa)
{
  AsSoa *s = NULL;
  double ctot[8], cp[8], tot = 0;
  if (as_soa_create_names(nn, names, &s) != AS_OK) { printf("FAIL: %s\n", as_error_message()); fail = 1; return; }
  for (int i = 0; i < nn; i++) {
    double al;
    if (as_soa_yield_find(prec, names[i], 1, &al) != AS_OK) { printf("FAIL: %s\n", as_error_message()); fail = 1; return; }
    ctot[i] = al * dhc;
    tot += ctot[i];
  }
  printf("%s (dHC %g, POA %g): T K -> particle fraction\n ", label, dhc, poa);
  double prev = -1;
  int mono = 1;
  for (double T = 313; T >= 262.999; T -= 5) {
    AsSoaResult r;
    if (as_soa_partition(s, T, poa, ctot, cp, NULL, &r) != AS_OK) { printf("FAIL: %s\n", as_error_message()); fail = 1; return; }
    double f = r.soa / tot;
    printf(" %g:%.4f", T, f);
    if (!(f > prev)) mono = 0;
    prev = f;
  }
  printf("\n  strictly increasing as T falls: %s\n", mono ? "ok" : "FAIL");
  fail |= !mono;
  as_soa_destroy(&s);
}

int main(void)
{
  double r18 = as_soa_cstar_at(1.0, 18e3, 278.0), r40 = as_soa_cstar_at(1.0, 40e3, 278.0);
  double hand = (298.0 / 278.0) * exp(18e3 / 8.314 * (1.0 / 298.0 - 1.0 / 278.0));
  int ok1 = fabs(r18 - 0.635590) <= 1e-5 * 0.635590 && fabs(r18 - hand) <= 1e-14;
  int ok2 = fabs(r40 - 0.336) <= 1e-3;
  printf("C*(278)/C*(298): dH 18 kJ %.6f (expected 0.635590) %s; dH 40 kJ %.6f (expected 0.336) %s\n",
         r18, ok1 ? "ok" : "FAIL", r40, ok2 ? "ok" : "FAIL");
  fail |= !ok1 || !ok2;
  const char *tol[2] = {"SV_TOL1", "SV_TOL2"};
  const char *iso[2] = {"SV_ISO1", "SV_ISO2"};
  const char *mt[7] = {"SV_MT1", "SV_MT2", "SV_MT3", "SV_MT4", "SV_MT5", "SV_MT6", "SV_MT7"};
  sweep("toluene high-NOx", "TOL", 2, tol, 50.0, 5.0);
  sweep("isoprene", "ISO", 2, iso, 100.0, 5.0);
  sweep("monoterpene VBS", "TRP_VBS", 7, mt, 20.0, 2.0);
  return fail;
}
