/* test_aero_model — claims about the aerosol process inside the 3-D model (default case):
 *   1. every aerosol step conserves sulfur atoms (SO2 + SULF + ASO4) and nitrogen atoms (NH3 + HNO3 +
 *      ANO3 + ANH4) in every cell to 1e-10 relative, and in the domain total;
 *   2. the budget term "chem" of every species equals its mass change over the step (1e-12 of the
 *      species mass);
 *   3. no negative concentration leaves the process; the counters are 0 afterwards;
 *   4. the organic mass made in a cell (gas + particle of every surrogate) lies between the counters
 *      times the low- and high-NOx yield sums of their precursors (CMAQ tables in as_soa.c).
 * The model first runs SPINUP hours with every process; then each of NSTEP rounds applies the
 * chemistry (which fills the SOA counters) and the aerosol process once (dt/2), as in the split step.
 * usage: test_aero_model CASE.yaml SPINUP_HOURS NSTEP [key=value ...] */
#include "as_model.h"
#include "as_process_aero.h"
#include "as_soa.h"
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

static const char *const s_sp[] = {"SO2", "SULF", "ASO4"};
static const char *const n_sp[] = {"NH3", "HNO3", "ANO3", "ANH4"};
static const char *const cnt_sp[][2] = {{"BNZRXN", "BNZ_VBS"}, {"TOLRXN", "TOL_VBS"}, {"XYLRXN", "XYL_VBS"},
                                        {"PAHRXN", "PAH_VBS"}, {"ISOPRXN", "ISO"},    {"TRPRXN", "TRP"}};
static const char *const org_sp[] = {"SVAVB1", "AAVB1", "SVAVB2", "AAVB2", "SVAVB3", "AAVB3", "SVAVB4", "AAVB4",
                                     "SVISO1", "AISO1", "SVISO2", "AISO2", "SVTRP1", "ATRP1", "SVTRP2", "ATRP2"};
static const char *const surr[] = {"SV_AVB1", "SV_AVB2", "SV_AVB3", "SV_AVB4", "SV_ISO1", "SV_ISO2", "SV_TRP1", "SV_TRP2"};
#define N(a) (int)(sizeof a / sizeof a[0])

static int idx(const AsModel *m, const char *name)
{
  int s = as_species_index(m->spc, name);
  if (s < 0) fprintf(stderr, "FAIL: species %s is not in the table\n", name), exit(1);
  return s;
}

/* atoms (mol m-3 x 1e6) of the listed species in one cell */
static double atoms(const AsModel *m, const int *sp, int n, long cell)
{
  double a = 0;
  for (int i = 0; i < n; i++) a += m->c[(size_t)sp[i] * m->ncell + cell] / m->spc->s[sp[i]].molar_mass;
  return a;
}

static double sum_cell(const AsModel *m, const int *sp, int n, long cell)
{
  double a = 0;
  for (int i = 0; i < n; i++) a += m->c[(size_t)sp[i] * m->ncell + cell];
  return a;
}

int main(int argc, char **argv)
{
  if (argc < 4) return fprintf(stderr, "usage: %s CASE SPINUP_HOURS NSTEP [key=value ...]\n", argv[0]), 2;
  AsConfig *cfg;
  AsModel *m;
  CHECK(as_config_load(argv[1], &cfg));
  for (int a = 4; a < argc; a++) CHECK(as_config_set(cfg, argv[a]));
  CHECK(as_model_create(cfg, &m));
  int pa = -1, pc = -1;
  for (int p = 0; p < m->nproc; p++) {
    if (!strcmp(m->proc[p].ops->name, "aerosol")) pa = p;
    if (!strcmp(m->proc[p].ops->name, "chemistry")) pc = p;
  }
  if (pa < 0 || pc < 0) return fprintf(stderr, "FAIL: the case needs the aerosol and chemistry processes\n"), 1;
  int ss[N(s_sp)], ns[N(n_sp)], cs[N(cnt_sp)], os[N(org_sp)];
  for (int i = 0; i < N(s_sp); i++) ss[i] = idx(m, s_sp[i]);
  for (int i = 0; i < N(n_sp); i++) ns[i] = idx(m, n_sp[i]);
  for (int i = 0; i < N(cnt_sp); i++) cs[i] = idx(m, cnt_sp[i][0]);
  for (int i = 0; i < N(org_sp); i++) os[i] = idx(m, org_sp[i]);
  /* yield sums per counter: high-NOx and low-NOx, over the surrogates the model carries */
  double yhi[N(cnt_sp)] = {0}, ylo[N(cnt_sp)] = {0};
  for (int r = 0; r < as_soa_yield_count(); r++) {
    const AsSoaYield *y = as_soa_yield_at(r);
    for (int c = 0; c < N(cnt_sp); c++)
      for (int k = 0; k < N(surr); k++)
        if (!strcmp(y->precursor, cnt_sp[c][1]) && !strcmp(y->surrogate, surr[k]))
          yhi[c] += y->alpha_high, ylo[c] += y->alpha_low;
  }
  long spin = lround(atof(argv[2]) * 3600 / m->dt);
  for (long n = 0; n < spin; n++) CHECK(as_model_step(m));
  const int nstep = atoi(argv[3]);
  const long nc = m->ncell;
  double *sb = malloc(sizeof(double) * nc), *nb = malloc(sizeof(double) * nc), *org0 = malloc(sizeof(double) * nc);
  double *lo = malloc(sizeof(double) * nc), *hi = malloc(sizeof(double) * nc);
  double *mass0 = malloc(sizeof(double) * (size_t)m->nspec);
  double worst_s = 0, worst_n = 0, worst_tot = 0, worst_budget = 0, worst_org = 0, made = 0;
  long negatives = 0, counters_left = 0, cloud = 0;
  for (int step = 0; step < nstep; step++) {
    CHECK(m->proc[pc].ops->apply(&m->proc[pc], m, m->dt, 0));
    double s0 = 0, n0 = 0, s1 = 0, n1 = 0;
    for (long c = 0; c < nc; c++) {
      sb[c] = atoms(m, ss, N(ss), c), nb[c] = atoms(m, ns, N(ns), c);
      s0 += sb[c] * m->volume[c], n0 += nb[c] * m->volume[c];
      org0[c] = sum_cell(m, os, N(os), c);
      lo[c] = hi[c] = 0;
      for (int i = 0; i < N(cs); i++) {
        double x = m->c[(size_t)cs[i] * nc + c];
        lo[c] += x * fmin(yhi[i], ylo[i]), hi[c] += x * fmax(yhi[i], ylo[i]);
      }
    }
    for (int s = 0; s < m->nspec; s++) mass0[s] = as_model_species_mass(m, s);
    memset(m->budget.term, 0, sizeof(double) * AS_BUD_NTERMS * (size_t)m->nspec);
    CHECK(m->proc[pa].ops->apply(&m->proc[pa], m, 0.5 * m->dt, 1));
    cloud += as_aero_cloud_cells(m->proc[pa].data);
    for (long c = 0; c < nc; c++) {
      double sa = atoms(m, ss, N(ss), c), na = atoms(m, ns, N(ns), c);
      s1 += sa * m->volume[c], n1 += na * m->volume[c];
      if (sb[c] > 0) worst_s = fmax(worst_s, fabs(sa - sb[c]) / sb[c]);
      if (nb[c] > 0) worst_n = fmax(worst_n, fabs(na - nb[c]) / nb[c]);
      double dorg = sum_cell(m, os, N(os), c) - org0[c], tol = 1e-12 * fmax(org0[c], 1e-30);
      made += dorg * m->volume[c];
      double out = fmax(lo[c] - dorg - tol, dorg - hi[c] - tol);
      if (out > 0) worst_org = fmax(worst_org, out / fmax(hi[c], 1e-30));
      for (int i = 0; i < N(cs); i++) counters_left += m->c[(size_t)cs[i] * nc + c] != 0;
    }
    worst_tot = fmax(worst_tot, fmax(fabs(s1 - s0) / s0, fabs(n1 - n0) / n0));
    for (int s = 0; s < m->nspec; s++) {
      double dm = as_model_species_mass(m, s) - mass0[s], ch = AS_BUDGET(&m->budget, AS_BUD_CHEM, s);
      if (mass0[s] > 0) worst_budget = fmax(worst_budget, fabs(dm - ch) / mass0[s]);
      for (long c = 0; c < nc; c++) negatives += m->c[(size_t)s * nc + c] < 0;
    }
    m->t += m->dt;
  }
  printf("aerosol process in the 3-D model, %ld cells, %d rounds (chemistry %.0f s + aerosol %.0f s) after %s h:\n",
         nc, nstep, m->dt, 0.5 * m->dt, argv[2]);
  printf("  cell-steps with cloud chemistry: %ld\n", cloud);
  printf("  sulfur atoms: worst cell relative change %.3e; nitrogen atoms %.3e; domain totals %.3e (limit 1e-10)\n",
         worst_s, worst_n, worst_tot);
  printf("  budget term chem vs mass change: worst %.3e of the species mass (limit 1e-12)\n", worst_budget);
  printf("  negative concentrations %ld, counters not reset %ld\n", negatives, counters_left);
  printf("  organic mass made %.4g ug in the domain; worst excursion outside [low-, high-NOx yield] x counters: "
         "%.3e of the high bound (limit 0)\n", made, worst_org);
  int ok = worst_s <= 1e-10 && worst_n <= 1e-10 && worst_tot <= 1e-10 && worst_budget <= 1e-12 && negatives == 0 &&
           counters_left == 0 && worst_org == 0 && cloud > 0 && made > 0;
  if (cloud == 0) printf("  (no cloud cell: the aqueous path was not exercised)\n");
  printf("%s\n", ok ? "PASS" : "FAIL");
  free(sb), free(nb), free(org0), free(lo), free(hi), free(mass0);
  as_model_destroy(&m);
  as_config_destroy(&cfg);
  return ok ? 0 : 1;
}
