/* test_emis_total.c — claim: what the rates inject over a period equals the inventory's own total
 * for that period (as_emis_period_total, computed per source and hour without the grid arrays)
 * to 1e-9 relative, for every emitted species; the hourly rate is constant within the hour and
 * the cache returns the same numbers. Period: 48 h from 2021-03-31T12:00Z, crossing two local
 * days, a month end and the hourly/weekday profiles; built-in inventory on the default 3 km grid
 * with Briggs plume rise (stable met for the first day, unstable for the second). */
#include "test_emis_util.inc"
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
  char yaml[2048], cwd[1024];
  if (!getcwd(cwd, sizeof cwd)) return 1;
  snprintf(yaml, sizeof yaml, "emissions:\n  inventory: %s/inputs/emissions\n", cwd);
  AsConfig *cfg = te_config(yaml);
  AsGrid *g = NULL;
  AsEmis *e = NULL;
  AsSpeciesTable *spc = te_species();
  if (as_grid_create(cfg, &g) || as_emis_create(cfg, g, NULL, spc, &e) || as_config_check_unused(cfg)) {
    printf("FAIL: %s\n", as_error_message());
    return 1;
  }
  as_emis_view(e, stdout);
  AsMetState met;
  if (as_met_state_alloc(g, &met)) return 1;
  const long ncell = as_grid_ncell(g);
  double *rate = malloc((size_t)spc->n * ncell * sizeof *rate);
  double *sum = calloc((size_t)spc->n, sizeof *sum);
  const double t0 = 1617192000.0; /* 2021-03-31T12:00:00Z = 20:00 local */
  const int nh = 48;
  for (int h = 0; h < nh; h++) {
    te_met_fill(g, &met, h < 24 ? 150.0 : -60.0, h < 24 ? 300.0 : 1200.0, 3.0 + (h % 5));
    double t = t0 + h * 3600.0 + 1234.5; /* any time inside the hour */
    if (as_emis_rates(e, t, &met, rate)) {
      printf("FAIL: %s\n", as_error_message());
      return 1;
    }
    for (int s = 0; s < spc->n; s++) {
      const double *r = rate + (size_t)s * ncell;
      double a = 0;
      for (long c = 0; c < ncell; c++) a += r[c];
      sum[s] += a * 3600.0;
    }
    /* the cache: same hour, same array -> identical */
    double probe = rate[(size_t)4 * ncell + 1000];
    as_emis_rates(e, t + 1000, &met, rate);
    CHECK(rate[(size_t)4 * ncell + 1000] == probe, "cache changed the rates");
  }
  double worst = 0;
  for (int s = 0; s < spc->n; s++) {
    double tot = 0;
    if (as_emis_period_total(e, s, t0, t0 + nh * 3600.0, &tot)) {
      printf("FAIL: %s\n", as_error_message());
      return 1;
    }
    double rel = tot > 0 ? fabs(sum[s] - tot) / tot : fabs(sum[s]);
    printf("%-7s injected %.9e kg  inventory %.9e kg  rel diff %.2e\n", spc->s[s].name,
           sum[s] * 1e-9, tot * 1e-9, rel);
    if (spc->s[s].emitted_as[0]) CHECK(tot > 0, "%s: no emissions at all", spc->s[s].name);
    else CHECK(tot == 0 && sum[s] == 0, "%s has no emitted_as but got emissions", spc->s[s].name);
    CHECK(rel <= 1e-9, "%s: injected and inventory totals differ by %.3e", spc->s[s].name, rel);
    worst = fmax(worst, rel);
  }
  printf("emission total: worst relative difference over %d species, %d h: %.2e (tol 1e-9)\n",
         spc->n, nh, worst);
  free(rate), free(sum);
  as_met_state_free(&met);
  as_emis_destroy(&e);
  as_grid_destroy(&g);
  as_config_destroy(&cfg);
  te_species_free(spc);
  printf("%s\n", te_fails ? "FAILED" : "PASSED");
  return te_fails != 0;
}
