/* test_aqchem_errors.c — bad input gives a non-zero status and ONE line naming the item (NaN T, p,
 * lwc, dt; negative dt; NaN/inf/negative concentrations; T out of range; bad CO2); lwc <= 0 and
 * dt = 0 are no-ops that leave c unchanged; destroy is NULL-safe. */
#include "as_aqchem.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

static int fail;

static void expect_fail(const char *what, AsStatus s, const char *item)
{
  const char *m = as_error_message();
  const int ok = s != AS_OK && m[0] && !strchr(m, '\n') && strstr(m, item);
  printf("  %-22s status %d: %s -> %s\n", what, (int)s, m, ok ? "ok" : "WRONG");
  fail |= !ok;
  as_error_clear();
}

int main(void)
{
  AsAqchem *a = NULL;
  if (as_aqchem_create(&a) != AS_OK) return 1;
  const double good[AS_AQ_N] = {4e-7, 4e-8, 4e-8, 1.2e-6, 4e-8, 2e-7};
  double c[AS_AQ_N];
  AsAqResult r;
#define RESET() memcpy(c, good, sizeof c)
  RESET();
  expect_fail("T NaN", as_aqchem_apply(a, NAN, 9e4, 3e-4, 600, c, &r), "aqchem.T");
  expect_fail("T 400 K", as_aqchem_apply(a, 400, 9e4, 3e-4, 600, c, &r), "aqchem.T");
  expect_fail("p NaN", as_aqchem_apply(a, 280, NAN, 3e-4, 600, c, &r), "aqchem.p");
  expect_fail("lwc NaN", as_aqchem_apply(a, 280, 9e4, NAN, 600, c, &r), "aqchem.lwc");
  expect_fail("dt NaN", as_aqchem_apply(a, 280, 9e4, 3e-4, NAN, c, &r), "aqchem.dt");
  expect_fail("dt negative", as_aqchem_apply(a, 280, 9e4, 3e-4, -1, c, &r), "aqchem.dt");
  const char *names[AS_AQ_N] = {"c[SO2]", "c[SULF]", "c[H2O2]", "c[O3]", "c[HNO3]", "c[NH3]"};
  for (int i = 0; i < AS_AQ_N; i++) {
    char w[40];
    RESET();
    c[i] = NAN;
    snprintf(w, sizeof w, "%s NaN", names[i]);
    expect_fail(w, as_aqchem_apply(a, 280, 9e4, 3e-4, 600, c, &r), names[i]);
    RESET();
    c[i] = -1e-12;
    snprintf(w, sizeof w, "%s negative", names[i]);
    expect_fail(w, as_aqchem_apply(a, 280, 9e4, 3e-4, 600, c, &r), names[i]);
  }
  RESET();
  c[AS_AQ_O3] = INFINITY;
  expect_fail("c[O3] infinite", as_aqchem_apply(a, 280, 9e4, 3e-4, 600, c, &r), "c[O3]");
  expect_fail("co2 NaN", as_aqchem_set_co2(a, NAN), "aqchem.co2");
  expect_fail("co2 negative", as_aqchem_set_co2(a, -1e-6), "aqchem.co2");
  const double lw[3] = {0.0, -1e-9, 3e-4};
  const double dts[3] = {600, 600, 0.0};
  for (int i = 0; i < 3; i++) {
    RESET();
    AsStatus s = as_aqchem_apply(a, 280, 9e4, lw[i], dts[i], c, &r);
    const int ok = s == AS_OK && !r.active && !memcmp(c, good, sizeof c);
    printf("  no-op lwc %g dt %g: status %d active %d unchanged %d -> %s\n", lw[i], dts[i], (int)s, r.active,
           !memcmp(c, good, sizeof c), ok ? "ok" : "WRONG");
    fail |= !ok;
  }
  as_aqchem_destroy(&a);
  as_aqchem_destroy(&a);
  as_aqchem_destroy(NULL);
  fail |= a != NULL;
  printf("%s\n", fail ? "FAIL" : "PASS");
  return fail;
}
