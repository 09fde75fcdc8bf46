/* test_chem_model — claims about the chemistry process inside the 3-D model (default case, CB6r5):
 *   1. every chemistry step conserves nitrogen atoms in every cell (sum over the mechanism's
 *      N-containing species of atoms x molecules) to 1e-10 relative, and in the domain total;
 *   2. the budget term "chem" of every species equals its mass change over the chemistry step
 *      (1e-12 of the species mass);
 *   3. no negative concentration leaves the chemistry.
 * The model first runs SPINUP hours with every process, so the cells hold emitted NOx, VOC and
 * photochemical products; then the chemistry process alone is applied NSTEP times.
 * usage: test_chem_model CASE.yaml SPINUP_HOURS NSTEP [key=value ...] */
#include "as_model.h"
#include "as_process_chem.h"
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

/* nitrogen atoms per cm3 in one cell (mechanism species only: the chemistry's own closure) */
static double cell_nitrogen(const AsModel *m, const AsChemData *d, const double *natoms, long cell)
{
  const AsMech *mech = as_chem_mech(d);
  double n = 0;
  for (int i = 0; i < as_mech_nspec(mech); i++) {
    if (natoms[i] == 0) continue;
    int s = as_chem_model_species(d, i);
    n += natoms[i] * m->c[(size_t)s * m->ncell + cell] / m->spc->s[s].molar_mass;
  }
  return n; /* mol per m3 x 1e-6 (ug -> g): the factor does not matter for relative checks */
}

int main(int argc, char **argv)
{
  if (argc < 4) return fprintf(stderr, "usage: %s CASE SPINUP_HOURS NSTEP [key=value ...]\n", argv[0]), 2;
  AsConfig *cfg;
  AsModel *m;
  CHECK(as_config_load(argv[1], &cfg));
  for (int a = 4; a < argc; a++) CHECK(as_config_set(cfg, argv[a]));
  CHECK(as_model_create(cfg, &m));
  AsChemData *d = as_chem_data(m);
  if (!d) return fprintf(stderr, "FAIL: the case has no chemistry process\n"), 1;
  int pc = -1;
  for (int p = 0; p < m->nproc; p++)
    if (!strcmp(m->proc[p].ops->name, "chemistry")) pc = p;
  const AsMech *mech = as_chem_mech(d);
  const int nm = as_mech_nspec(mech);
  double *natoms = malloc(sizeof(double) * (size_t)nm);
  for (int i = 0; i < nm; i++) natoms[i] = as_mech_atoms(mech, i, "N");
  long spin = lround(atof(argv[2]) * 3600 / m->dt);
  for (long n = 0; n < spin; n++) CHECK(as_model_step(m));
  const int nstep = atoi(argv[3]);
  long calls0;
  AsOdeStats st0 = as_chem_stats(d, &calls0);
  double *nb = malloc(sizeof(double) * (size_t)m->ncell), *mass0 = malloc(sizeof(double) * (size_t)m->nspec);
  double worst_cell = 0, worst_total = 0, worst_budget = 0;
  long worst_at = -1, negatives = 0;
  for (int step = 0; step < nstep; step++) {
    double tot0 = 0, tot1 = 0;
    for (long c = 0; c < m->ncell; c++) nb[c] = cell_nitrogen(m, d, natoms, c), tot0 += nb[c] * m->volume[c];
    for (int s = 0; s < m->nspec; s++) mass0[s] = as_model_species_mass(m, s);
    memset(m->budget.term, 0, sizeof(double) * AS_BUD_NTERMS * (size_t)m->nspec);
    CHECK(m->proc[pc].ops->apply(&m->proc[pc], m, m->dt, 0));
    for (long c = 0; c < m->ncell; c++) {
      double na = cell_nitrogen(m, d, natoms, c), rel = fabs(na - nb[c]) / nb[c];
      tot1 += na * m->volume[c];
      if (rel > worst_cell) worst_cell = rel, worst_at = c;
    }
    worst_total = fmax(worst_total, fabs(tot1 - tot0) / tot0);
    for (int s = 0; s < m->nspec; s++) {
      double dm = as_model_species_mass(m, s) - mass0[s], ch = AS_BUDGET(&m->budget, AS_BUD_CHEM, s);
      double rel = fabs(dm - ch) / fmax(mass0[s], 1e-300);
      if (mass0[s] > 0 && rel > worst_budget) worst_budget = rel;
      for (long c = 0; c < m->ncell; c++) negatives += m->c[(size_t)s * m->ncell + c] < 0;
    }
    m->t += m->dt; /* the sun moves on between the applications */
  }
  printf("CB6r5 in the 3-D model, %ld cells, %d chemistry steps of %.0f s after %s h of spin-up:\n",
         m->ncell, nstep, m->dt, argv[2]);
  printf("  nitrogen atoms: worst cell relative change %.3e (cell %ld), domain total %.3e (limit 1e-10)\n",
         worst_cell, worst_at, worst_total);
  printf("  budget term chem vs mass change: worst %.3e of the species mass (limit 1e-12)\n", worst_budget);
  printf("  negative concentrations after chemistry: %ld\n", negatives);
  long calls1;
  AsOdeStats st1 = as_chem_stats(d, &calls1);
  double spin_cs = (double)calls0 * m->ncell, chem_cs = (double)(calls1 - calls0) * m->ncell;
  printf("  solver steps per cell-step: %.2f (%.2f rejected) in the split run, %.2f (%.2f rejected) in "
         "chemistry-only steps\n", st0.steps / spin_cs, st0.rejected / spin_cs, (st1.steps - st0.steps) / chem_cs,
         (st1.rejected - st0.rejected) / chem_cs);
  int ok = worst_cell <= 1e-10 && worst_total <= 1e-10 && worst_budget <= 1e-12 && negatives == 0;
  printf("%s\n", ok ? "PASS" : "FAIL");
  free(natoms), free(nb), free(mass0);
  as_model_destroy(&m);
  as_config_destroy(&cfg);
  return ok ? 0 : 1;
}
