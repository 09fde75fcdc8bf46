/* test_thermo_errors.c — bad input gives a non-zero status and ONE line naming the item (NaN or
 * infinite T/RH/totals, negative totals, RH > 1, T outside [200, 330] K, unknown state name);
 * degenerate but valid input works and conserves: tiny totals (1e-15 mol m-3), zero NH3, zero
 * HNO3, everything zero, sulfate only, RH = 0 and 1; destroy is NULL-safe. */
#include "as_thermo.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

static int fail;

static void expect_fail(const char *what, AsStatus s)
{
  const char *m = as_error_message();
  const int ok = s != AS_OK && m[0] && !strchr(m, '\n');
  printf("  %-24s status %d: %s -> %s\n", what, (int)s, m, ok ? "ok" : "WRONG");
  fail |= !ok;
  as_error_clear();
}

static void expect_ok(AsThermo *t, const char *what, double T, double rh, double a, double b, double c)
{
  const double tot[3] = {a, b, c};
  AsThermoResult r;
  AsStatus s = as_thermo_equilibrate(t, T, rh, tot, &r);
  const double en = fabs(r.gas_nh3 + r.p_nh4 - b), eh = fabs(r.gas_hno3 + r.p_no3 - c);
  const int ok = s == AS_OK && r.gas_nh3 >= 0 && r.gas_hno3 >= 0 && r.p_nh4 >= 0 && r.p_no3 >= 0 &&
                 r.water >= 0 && isfinite(r.water) && en <= 1e-12 * b && eh <= 1e-12 * c && r.p_so4 == a;
  printf("  %-24s %-10s status %d water %.3g pNH4 %.3g pNO3 %.3g -> %s\n", what, as_thermo_state(t), (int)s,
         r.water, r.p_nh4, r.p_no3, ok ? "ok" : "WRONG");
  if (s != AS_OK) printf("    %s\n", as_error_message());
  fail |= !ok;
}

int main(void)
{
  AsThermo *t = NULL;
  expect_fail("unknown state", as_thermo_create("glassy", &t));
  fail |= t != NULL;
  if (as_thermo_create(NULL, &t) != AS_OK) return 1;
  AsThermoResult r;
  const double good[3] = {1e-7, 2e-7, 1e-7};
  const double nan_s[3] = {NAN, 2e-7, 1e-7}, neg_a[3] = {1e-7, -1e-9, 1e-7}, inf_n[3] = {1e-7, 2e-7, INFINITY};
  expect_fail("T NaN", as_thermo_equilibrate(t, NAN, 0.5, good, &r));
  expect_fail("T 150 K", as_thermo_equilibrate(t, 150.0, 0.5, good, &r));
  expect_fail("RH NaN", as_thermo_equilibrate(t, 298.0, NAN, good, &r));
  expect_fail("RH 1.2", as_thermo_equilibrate(t, 298.0, 1.2, good, &r));
  expect_fail("total SO4 NaN", as_thermo_equilibrate(t, 298.0, 0.5, nan_s, &r));
  expect_fail("total NH3 negative", as_thermo_equilibrate(t, 298.0, 0.5, neg_a, &r));
  expect_fail("total HNO3 infinite", as_thermo_equilibrate(t, 298.0, 0.5, inf_n, &r));
  for (int st = 0; st < 2; st++) {
    if (st) {
      as_thermo_destroy(&t);
      if (as_thermo_create("stable", &t) != AS_OK) return 1;
    }
    expect_ok(t, "tiny totals 1e-15", 298.0, 0.8, 1e-15, 2e-15, 1e-15);
    expect_ok(t, "tiny, ammonia-poor", 280.0, 0.5, 1e-15, 5e-16, 1e-15);
    expect_ok(t, "zero NH3", 298.0, 0.7, 1e-7, 0.0, 1e-7);
    expect_ok(t, "zero HNO3", 298.0, 0.7, 1e-7, 3e-7, 0.0);
    expect_ok(t, "zero sulfate", 270.0, 0.9, 0.0, 3e-7, 3e-7);
    expect_ok(t, "everything zero", 298.0, 0.5, 0.0, 0.0, 0.0);
    expect_ok(t, "sulfate only", 298.0, 0.5, 1e-7, 0.0, 0.0);
    expect_ok(t, "RH 0", 298.0, 0.0, 1e-7, 2e-7, 1e-7);
    expect_ok(t, "RH 1", 298.0, 1.0, 1e-7, 2e-7, 1e-7);
  }
  as_thermo_destroy(&t);
  as_thermo_destroy(&t); /* NULL-safe */
  fail |= t != NULL;
  printf("%s\n", fail ? "FAILED" : "all claims hold");
  return fail;
}
