/* test_soa_errors.c — bad input gives one line naming the item and AS_ERR_ARG; lookups. */
#include "as_soa.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

static int fail;
static void expect(AsStatus got, AsStatus want, const char *what)
{
  const char *m = as_error_message();
  int ok = got == want && (want == AS_OK || (m[0] && !strchr(m, '\n')));
  printf("  %-34s -> %-18s \"%s\"  %s\n", what, as_status_text(got), m, ok ? "ok" : "FAIL");
  fail |= !ok;
  as_error_clear();
}

int main(void)
{
  AsSoa *s = NULL;
  expect(as_soa_create(&s), AS_OK, "create (whole table)");
  int n = as_soa_count(s);
  double ctot[AS_SOA_NMAX], cp[AS_SOA_NMAX];
  for (int i = 0; i < n; i++) ctot[i] = 1.0;
  expect(as_soa_partition(s, 150.0, 1.0, ctot, cp, NULL, NULL), AS_ERR_ARG, "T = 150 K");
  expect(as_soa_partition(s, NAN, 1.0, ctot, cp, NULL, NULL), AS_ERR_ARG, "T = NaN");
  expect(as_soa_partition(s, 298.0, -1.0, ctot, cp, NULL, NULL), AS_ERR_ARG, "POA < 0");
  ctot[3] = -1e-9;
  expect(as_soa_partition(s, 298.0, 1.0, ctot, cp, NULL, NULL), AS_ERR_ARG, "ctot[3] < 0");
  ctot[3] = INFINITY;
  expect(as_soa_partition(s, 298.0, 1.0, ctot, cp, NULL, NULL), AS_ERR_ARG, "ctot[3] = inf");
  ctot[3] = 1.0;
  expect(as_soa_partition(s, 298.0, 1.0, ctot, NULL, NULL, NULL), AS_ERR_ARG, "cpart NULL");
  const AsSoaSurrogate *e;
  expect(as_soa_surrogate_find("SV_FOO", &e), AS_ERR_ARG, "unknown surrogate");
  double al;
  expect(as_soa_yield_find("TOL", "SV_XYL1", 1, &al), AS_ERR_ARG, "yield pair not in table");
  AsSoaSurrogate bad = {"B", "", -1.0, 1e3, 1.0};
  AsSoa *t = NULL;
  expect(as_soa_create_custom(1, &bad, &t), AS_ERR_ARG, "C* < 0");
  const char *nm[1] = {"SV_NOPE"};
  expect(as_soa_create_names(1, nm, &t), AS_ERR_ARG, "create_names unknown");
  /* lookups */
  expect(as_soa_surrogate_find("SV_TOL1", &e), AS_OK, "find SV_TOL1");
  int ok = fabs(e->cstar - 2.326) < 1e-12 && fabs(e->dhvap - 18e3) < 1e-9 && strcmp(e->cmaq, "ATOL1") == 0;
  double ah, alow;
  ok &= as_soa_yield_find("TOL", "NV_TOL3", 1, &ah) == AS_OK && as_soa_yield_find("TOL", "NV_TOL3", 0, &alow) == AS_OK &&
        ah == 0.0 && alow == 0.30;
  printf("  SV_TOL1 C* %g dH %g (%s); TOL->NV_TOL3 high %g low %g  %s\n", e->cstar, e->dhvap, e->cmaq, ah, alow, ok ? "ok" : "FAIL");
  fail |= !ok;
  /* every yield row names a surrogate of the table */
  for (int i = 0; i < as_soa_yield_count(); i++)
    if (as_soa_surrogate_find(as_soa_yield_at(i)->surrogate, &e) != AS_OK) {
      printf("  yield row %d: %s  FAIL\n", i, as_error_message());
      fail = 1;
    }
  printf("  %d surrogates, %d yield rows\n", as_soa_surrogate_count(), as_soa_yield_count());
  as_soa_destroy(&s);
  return fail;
}
