/* test_wetdep_process — claims about the process "wet_deposition" (solver/as_process_wetdep.c),
 * applied on its own (24 half steps of 150 s = one hour, as the Strang loop calls it) to the model
 * of tests/cases/wetdep.yaml (idealized met, 288 K at the ground; rain and cloud water set here):
 *   closure   rain of 0.5..5.4 mm/h, a cloud 400-1400 m in half the columns, rain without cloud
 *             water in a quarter, dry columns: for every species the budget term "wet" equals the
 *             removed mass sum over cells of (c_start - c_end) V to 1e-12 relative (and the domain
 *             mass change to 1e-12 of the domain mass); no concentration is negative
 *   norain    precipitation 0 with cloud water present: concentrations bit-identical, budget 0
 *   analytic  uniform 2 mm/h, one particle species (PEC, 0.3 um): after one hour c = c0 exp(-L t)
 *             to 1e-12 in a cloud layer with L = (P/3600)/W computed here by hand and below the
 *             cloud with L from as_wetdep_particle; the layer above the cloud is untouched
 *   soluble   HNO3 (H* 1e14, and 2.1e5 without dissociation) is removed faster than O3 (H* 0.01)
 *             in and below the cloud, and O3 loses less than 1e-3 in one hour; prints the per-hour
 *             figures of PEC, HNO3, SO2, NH3 and O3 at 1 and 5 mm/h
 *   threads   the closure set-up run with 1 and 2 OpenMP threads gives the same bits
 * usage: test_wetdep_process MODE CASE.yaml */
#include "as_process_wetdep.h"
#include "as_wetdep.h"
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHECK(x)                                                 \
  do {                                                           \
    if ((x) != AS_OK) {                                          \
      fprintf(stderr, "FAIL: %s: %s\n", #x, as_error_message()); \
      exit(1);                                                   \
    }                                                            \
  } while (0)

static const double CLOUD_LWC = 0.9 * 0.3e-3; /* cover 0.9 x 0.3 g m-3, as the diagnostic cloud */

typedef struct {
  AsConfig *cfg;
  AsModel *m;
  AsProcess p;
} Run;

static void run_open(Run *r, const char *yaml, const char *set)
{
  CHECK(as_config_load(yaml, &r->cfg));
  if (set) CHECK(as_config_set(r->cfg, set));
  CHECK(as_model_create(r->cfg, &r->m));
  r->p = (AsProcess){&as_proc_wet_deposition, NULL, 0};
  CHECK(r->p.ops->setup(&r->p, r->m));
  const AsModel *m = r->m;
  const AsGrid *g = m->grid;
  for (int s = 0; s < m->nspec; s++)
    for (int k = 0; k < g->nz; k++)
      for (int j = 0; j < g->ny; j++)
        for (int i = 0; i < g->nx; i++)
          m->c[(size_t)s * m->ncell + ((size_t)k * g->ny + j) * g->nx + i] =
              (10 + s) * (1.5 + sin(2 * M_PI * i / g->nx) * cos(2 * M_PI * j / g->ny)) * exp(-g->z_mid[k] / 1500.0);
  memset(m->budget.term, 0, sizeof(double) * AS_BUD_NTERMS * m->nspec);
}

static void run_close(Run *r)
{
  r->p.ops->destroy(&r->p);
  as_model_destroy(&r->m);
  as_config_destroy(&r->cfg);
}

/* cloud water lwc in the layers whose centre lies in [zb, zt] of column col, 0 elsewhere */
static void set_cloud(AsModel *m, long col, double zb, double zt, double lwc)
{
  const AsGrid *g = m->grid;
  const long ncol = (long)g->nx * g->ny;
  for (int k = 0; k < g->nz; k++)
    m->ms.cloud_lwc[k * ncol + col] = (g->z_mid[k] >= zb && g->z_mid[k] <= zt) ? lwc : 0.0;
}

/* closure set-up: rain 0.5 + 0.7 i mm/h; i < nx/2 cloud 400-1400 m; else j even rain without
 * cloud water, j odd dry (with cloud water) */
static void closure_setup(AsModel *m)
{
  const AsGrid *g = m->grid;
  for (int j = 0; j < g->ny; j++)
    for (int i = 0; i < g->nx; i++) {
      long col = (long)j * g->nx + i;
      int cloud = i < g->nx / 2, dry = !cloud && j % 2;
      m->ms.precip[col] = dry ? 0.0 : 0.5 + 0.7 * i;
      set_cloud(m, col, 400.0, 1400.0, cloud || dry ? CLOUD_LWC : 0.0);
    }
}

static void one_hour(Run *r)
{
  for (int n = 0; n < 24; n++) CHECK(r->p.ops->apply(&r->p, r->m, 150.0, n % 2));
}

static int test_closure(const char *yaml)
{
  Run r;
  run_open(&r, yaml, NULL);
  AsModel *m = r.m;
  closure_setup(m);
  double *c0 = malloc(sizeof(double) * m->nspec * m->ncell), *mass0 = malloc(sizeof(double) * m->nspec);
  memcpy(c0, m->c, sizeof(double) * m->nspec * m->ncell);
  for (int s = 0; s < m->nspec; s++) mass0[s] = as_model_species_mass(m, s);
  one_hour(&r);
  double worst = 0, worst_dom = 0, cmin = INFINITY;
  for (int s = 0; s < m->nspec; s++) {
    double removed = 0;
    for (long c = 0; c < m->ncell; c++) {
      removed += (c0[(size_t)s * m->ncell + c] - m->c[(size_t)s * m->ncell + c]) * m->volume[c];
      if (m->c[(size_t)s * m->ncell + c] < cmin) cmin = m->c[(size_t)s * m->ncell + c];
    }
    double bud = AS_BUDGET(&m->budget, AS_BUD_WET, s), dm = mass0[s] - as_model_species_mass(m, s);
    double rel = removed != 0 ? fabs(bud - removed) / fabs(removed) : fabs(bud);
    double rel_dom = fabs(dm - bud) / mass0[s];
    printf("%-6s removed %.12e ug (%.4f %% of the domain), budget wet %.12e, rel diff %.1e; "
           "domain mass change - wet = %.1e of the domain mass\n",
           m->spc->s[s].name, removed, 100 * removed / mass0[s], bud, rel, rel_dom);
    if (rel > worst) worst = rel;
    if (rel_dom > worst_dom) worst_dom = rel_dom;
  }
  free(c0), free(mass0);
  run_close(&r);
  printf("worst: budget vs removed %.2e (claim <= 1e-12), vs domain mass change %.2e of the mass "
         "(claim <= 1e-12), min concentration %g (claim >= 0)\n", worst, worst_dom, cmin);
  return !(worst <= 1e-12 && worst_dom <= 1e-12 && cmin >= 0);
}

static int test_norain(const char *yaml)
{
  Run r;
  run_open(&r, yaml, "meteorology.idealized.precip=0");
  AsModel *m = r.m;
  const long ncol = (long)m->grid->nx * m->grid->ny;
  for (long col = 0; col < ncol; col++) set_cloud(m, col, 400.0, 1400.0, CLOUD_LWC);
  size_t n = (size_t)m->nspec * m->ncell;
  double *c0 = malloc(sizeof(double) * n), bsum = 0;
  memcpy(c0, m->c, sizeof(double) * n);
  one_hour(&r);
  int same = !memcmp(c0, m->c, sizeof(double) * n);
  for (int s = 0; s < m->nspec; s++) bsum += fabs(AS_BUDGET(&m->budget, AS_BUD_WET, s));
  printf("precip 0 with cloud water 0.27 g m-3 at 400-1400 m, one hour: concentrations %s, "
         "sum |wet| = %g ug (claim: identical, 0)\n", same ? "bit-identical" : "CHANGED", bsum);
  free(c0);
  run_close(&r);
  return !(same && bsum == 0);
}

static int test_analytic(const char *yaml)
{
  Run r;
  run_open(&r, yaml, NULL);
  AsModel *m = r.m;
  const AsGrid *g = m->grid;
  const long ncol = (long)g->nx * g->ny;
  const double P = 2.0, t = 3600.0;
  double W = 0;
  for (int k = 0; k < g->nz; k++)
    if (g->z_mid[k] >= 400.0 && g->z_mid[k] <= 1400.0) W += CLOUD_LWC * g->dz[k];
  for (long col = 0; col < ncol; col++) m->ms.precip[col] = P, set_cloud(m, col, 400.0, 1400.0, CLOUD_LWC);
  const int s = as_species_index(m->spc, "PEC");
  const AsSpecies *sp = &m->spc->s[s];
  int kin = -1, kabove = -1;
  for (int k = 0; k < g->nz; k++) {
    if (kin < 0 && g->z_mid[k] >= 400.0) kin = k;
    if (g->z_mid[k] > 1400.0 && kabove < 0) kabove = k;
  }
  const long col = ncol / 2 + 1, cb = col, ci = kin * ncol + col, ca = kabove * ncol + col;
  const double lam_in = P / 3600.0 / W;
  AsWetPart wp;
  CHECK(as_wetdep_particle(P, sp->diameter, sp->density, m->ms.temp[cb], m->ms.pres[cb], &wp));
  const double lam_b = wp.lambda;
  double lp_in, lp_b;
  CHECK(as_wetdep_cell_lambda(&r.p, m, s, ci, &lp_in));
  CHECK(as_wetdep_cell_lambda(&r.p, m, s, cb, &lp_b));
  const size_t o = (size_t)s * m->ncell;
  const double c0b = m->c[o + cb], c0i = m->c[o + ci], c0a = m->c[o + ca];
  one_hour(&r);
  double eb = fabs(m->c[o + cb] / (c0b * exp(-lam_b * t)) - 1), ei = fabs(m->c[o + ci] / (c0i * exp(-lam_in * t)) - 1);
  printf("W = %.6f kg m-2 (layers %d.. with centre in 400-1400 m), P = %g mm/h\n", W, kin, P);
  printf("in cloud  (k=%d): L by hand %.6e s-1, process %.6e; c/c0 after 1 h %.12e, exp(-L t) %.12e, rel err %.1e\n",
         kin, lam_in, lp_in, m->c[o + ci] / c0i, exp(-lam_in * t), ei);
  printf("below     (k=0): L Slinn %.6e s-1, process %.6e; c/c0 after 1 h %.12e, exp(-L t) %.12e, rel err %.1e\n",
         lam_b, lp_b, m->c[o + cb] / c0b, exp(-lam_b * t), eb);
  printf("above cloud (k=%d): c/c0 = %.17g (claim 1)\n", kabove, m->c[o + ca] / c0a);
  int ok = eb <= 1e-12 && ei <= 1e-12 && m->c[o + ca] == c0a && fabs(lp_in / lam_in - 1) <= 1e-14 && lp_b == lam_b;
  run_close(&r);
  return !ok;
}

static int test_soluble(const char *yaml)
{
  static const char *names[] = {"PEC", "HNO3", "HNO3P", "SO2", "NH3", "O3"};
  const int ns = sizeof names / sizeof names[0];
  int ok = 1;
  for (int ip = 0; ip < 2; ip++) {
    const double P = ip ? 5.0 : 1.0;
    Run r;
    run_open(&r, yaml, NULL);
    AsModel *m = r.m;
    const AsGrid *g = m->grid;
    const long ncol = (long)g->nx * g->ny, col = ncol / 2;
    for (long q = 0; q < ncol; q++) m->ms.precip[q] = P, set_cloud(m, q, 400.0, 1400.0, CLOUD_LWC);
    int kin = 0;
    while (g->z_mid[kin] < 400.0) kin++;
    const long ci = kin * ncol + col, cb = col;
    double lin[8], lb[8], fin[8], fb[8];
    for (int q = 0; q < ns; q++) {
      int s = as_species_index(m->spc, names[q]);
      CHECK(as_wetdep_cell_lambda(&r.p, m, s, ci, &lin[q]));
      CHECK(as_wetdep_cell_lambda(&r.p, m, s, cb, &lb[q]));
      fin[q] = m->c[(size_t)s * m->ncell + ci];
      fb[q] = m->c[(size_t)s * m->ncell + cb];
    }
    one_hour(&r);
    printf("P = %g mm/h, cloud 0.27 g m-3 at 400-1400 m (k=%d: T %.1f K), below cloud k=0 (T %.1f K):\n", P, kin,
           m->ms.temp[ci], m->ms.temp[cb]);
    for (int q = 0; q < ns; q++) {
      int s = as_species_index(m->spc, names[q]);
      fin[q] = 1 - m->c[(size_t)s * m->ncell + ci] / fin[q];
      fb[q] = 1 - m->c[(size_t)s * m->ncell + cb] / fb[q];
      printf("  %-6s H* %-8.3g in cloud L %.3e s-1, removed %.4e in 1 h | below cloud L %.3e s-1, removed %.4e in 1 h\n",
             names[q], m->spc->s[s].henry, lin[q], fin[q], lb[q], fb[q]);
    }
    /* HNO3 (1) and HNO3P (2) against O3 (5) */
    ok = ok && fin[1] > fin[5] && fin[2] > fin[5] && fb[1] > fb[5] && fb[2] > fb[5] && fin[5] < 1e-3 && fb[5] < 1e-3;
    run_close(&r);
  }
  printf("claim: HNO3 (both H*) removed more than O3 in and below cloud, O3 < 1e-3 per hour: %s\n", ok ? "yes" : "NO");
  return !ok;
}

static int test_threads(const char *yaml)
{
  Run r[2];
  for (int t = 0; t < 2; t++) {
    omp_set_num_threads(t + 1);
    run_open(&r[t], yaml, NULL);
    closure_setup(r[t].m);
    one_hour(&r[t]);
  }
  size_t n = (size_t)r[0].m->nspec * r[0].m->ncell;
  int same_c = !memcmp(r[0].m->c, r[1].m->c, sizeof(double) * n);
  int same_b = !memcmp(r[0].m->budget.term, r[1].m->budget.term, sizeof(double) * AS_BUD_NTERMS * r[0].m->nspec);
  printf("1 vs 2 threads, one hour of the closure set-up: concentrations %s, budget %s\n",
         same_c ? "bit-identical" : "DIFFER", same_b ? "bit-identical" : "DIFFER");
  run_close(&r[0]);
  run_close(&r[1]);
  return !(same_c && same_b);
}

int main(int argc, char **argv)
{
  if (argc < 3) return fprintf(stderr, "usage: %s closure|norain|analytic|soluble|threads CASE.yaml\n", argv[0]), 2;
  const char *mode = argv[1], *yaml = argv[2];
  int fail;
  if (!strcmp(mode, "closure")) fail = test_closure(yaml);
  else if (!strcmp(mode, "norain")) fail = test_norain(yaml);
  else if (!strcmp(mode, "analytic")) fail = test_analytic(yaml);
  else if (!strcmp(mode, "soluble")) fail = test_soluble(yaml);
  else if (!strcmp(mode, "threads")) fail = test_threads(yaml);
  else return fprintf(stderr, "unknown mode %s\n", mode), 2;
  printf("%s\n", fail ? "FAIL" : "PASS");
  return fail;
}
