/* test_model_budget — claims about the whole model (all transport processes, Strang step):
 *   periodic  CASE: closed periodic domain, total mass of every species constant to 1e-12 relative
 *                   over 2 simulated hours (a smooth non-uniform initial field);
 *   open      CASE: open domain with emissions, deposition and inflow/outflow: every hourly
 *                   budget closes, |residual| <= 1e-10 relative, and the emitted mass per hour
 *                   equals the inventory's own total for that hour (as_emis_period_total) to 1e-9
 *                   (not checked with biogenic emissions on: they are not part of the inventory).
 *                   With chemistry the budget holds the chemical production/loss term too.
 * usage: test_model_budget periodic|open CASE.yaml [hours [key=value ...]] */
#include "as_model.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHECK(x)                                                          \
  do {                                                                    \
    if ((x) != AS_OK) {                                                   \
      fprintf(stderr, "FAIL: %s: %s\n", #x, as_error_message());          \
      return 1;                                                           \
    }                                                                     \
  } while (0)

int main(int argc, char **argv)
{
  if (argc < 3) return fprintf(stderr, "usage: %s periodic|open CASE [hours]\n", argv[0]), 2;
  int periodic = !strcmp(argv[1], "periodic");
  int hours = argc > 3 ? atoi(argv[3]) : 2;
  AsConfig *cfg;
  AsModel *m;
  CHECK(as_config_load(argv[2], &cfg));
  for (int a = 4; a < argc; a++) CHECK(as_config_set(cfg, argv[a]));
  CHECK(as_model_create(cfg, &m));
  const char *bio = "off";
  if (as_config_has(cfg, "emissions.biogenic")) CHECK(as_config_get_string(cfg, "emissions.biogenic", 0, &bio));
  const int check_inventory = !strcmp(bio, "off");
  const AsGrid *g = m->grid;
  if (periodic) { /* a smooth, everywhere-positive field with structure in x, y and z */
    for (int s = 0; s < m->nspec; s++)
      for (int k = 0; k < g->nz; k++)
        for (int j = 0; j < g->ny; j++)
          for (int i = 0; i < g->nx; i++)
            m->c[(size_t)s * m->ncell + ((size_t)k * g->ny + j) * g->nx + i] =
                (10 + s) * (1.5 + sin(2 * M_PI * i / g->nx) * cos(2 * M_PI * j / g->ny)) *
                exp(-g->z_mid[k] / 1500.0);
  }
  double *mass0 = malloc(sizeof(double) * m->nspec), worst = 0, worst_emis = 0;
  for (int s = 0; s < m->nspec; s++) mass0[s] = as_model_species_mass(m, s);
  as_budget_reset(&m->budget, mass0);
  long per_hour = lround(3600 / m->dt);
  for (int h = 0; h < hours; h++) {
    double t0 = m->t;
    for (long n = 0; n < per_hour; n++) CHECK(as_model_step(m));
    for (int s = 0; s < m->nspec; s++) {
      double end = as_model_species_mass(m, s), start = m->budget.mass_start[s];
      const AsBudget *b = &m->budget;
      double net = AS_BUDGET(b, AS_BUD_EMITTED, s) - AS_BUDGET(b, AS_BUD_DEPOSITED, s) -
                   AS_BUDGET(b, AS_BUD_WET, s) + AS_BUDGET(b, AS_BUD_INFLOW, s) -
                   AS_BUDGET(b, AS_BUD_OUTFLOW, s) + AS_BUDGET(b, AS_BUD_CHEM, s);
      double rel = periodic ? fabs(end - mass0[s]) / mass0[s]
                            : fabs((end - start) - net) / fmax(fabs(start), fabs(end));
      if (rel > worst) worst = rel;
      if (!periodic && check_inventory) {
        double inv;
        CHECK(as_emis_period_total(m->emis, s, t0, m->t, &inv));
        double em = AS_BUDGET(b, AS_BUD_EMITTED, s);
        double erel = inv > 0 ? fabs(em - inv) / inv : fabs(em);
        if (erel > worst_emis) worst_emis = erel;
        if (h == 0)
          printf("hour 1 %-7s start %.6e kg end %.6e kg emitted %.6e (inventory %.6e) "
                 "deposited %.3e in %.3e out %.3e residual %.2e\n",
                 m->spc->s[s].name, start * 1e-9, end * 1e-9, em * 1e-9, inv * 1e-9,
                 AS_BUDGET(b, AS_BUD_DEPOSITED, s) * 1e-9, AS_BUDGET(b, AS_BUD_INFLOW, s) * 1e-9,
                 AS_BUDGET(b, AS_BUD_OUTFLOW, s) * 1e-9, rel);
      }
    }
    double *now = malloc(sizeof(double) * m->nspec);
    for (int s = 0; s < m->nspec; s++) now[s] = as_model_species_mass(m, s);
    as_budget_reset(&m->budget, now);
    free(now);
  }
  int ok;
  if (periodic) {
    ok = worst <= 1e-12;
    printf("periodic closed domain, %d h, %d species: max relative mass change %.3e (limit 1e-12)\n",
           hours, m->nspec, worst);
  } else {
    ok = worst <= 1e-10 && worst_emis <= 1e-9;
    printf("open domain, %d h, %d species: max hourly relative budget residual %.3e (limit 1e-10); ",
           hours, m->nspec, worst);
    if (check_inventory) printf("max relative difference emitted vs inventory %.3e (limit 1e-9)\n", worst_emis);
    else printf("emitted vs inventory not compared (biogenic emissions on)\n");
  }
  printf("%s\n", ok ? "PASS" : "FAIL");
  free(mass0);
  as_model_destroy(&m);
  as_config_destroy(&cfg);
  return ok ? 0 : 1;
}
