/* test_adv_mass.c — claims about mass:
 *   closed:  on a periodic (closed) domain with a non-uniform divergence-free flow, the total mass
 *            of every species stays constant to 1e-12 relative over 600 steps;
 *   open:    on an open domain with inflow values, mass(end) - mass(start) = inflow - outflow
 *            (the boundary-face fluxes the advection reports) to 1e-12 relative;
 *   threads: the fields and the budget terms are bit-identical with 1 and 2 OpenMP threads, and
 *            with every kernel instruction set this CPU supports (default, avx2, avx512f).
 * Usage: test_adv_mass closed|open|threads
 */
#include "adv_harness.h"
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const double RHO = 1.1;

static double psi_cells(double x, double y, void *ctx) /* uniform drift + periodic eddies, m2/s */
{
  (void)ctx;
  return 0.7 * y - 0.4 * x + 0.15 * sin(2 * M_PI * x) * sin(4 * M_PI * y);
}

static AsStatus make(int periodic, AdvCase **out)
{
  const int nx = 40, ny = 32, nz = 3, nspec = 3;
  AS_CALL(adv_case_create(nx, ny, nz, nspec, 1.0 / nx, 1.0 / ny, 1.0, RHO, periodic, 0.9, out));
  AdvCase *ac = *out;
  adv_case_stream(ac, RHO, psi_cells, NULL);
  unsigned long long seed = 42;
  for (long i = 0; i < (long)nspec * ac->ncell; i++) {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    ac->c[i] = 1.0 + (double)(seed >> 11) / 9007199254740992.0; /* rough field in [1, 2) */
  }
  for (int k = 0; k < nz; k++) {
    for (int j = 0; j < ny; j++) ac->side[0][k * ny + j] = ac->side[1][k * ny + j] = 2.5;
    for (int i = 0; i < nx; i++) ac->side[2][k * nx + i] = ac->side[3][k * nx + i] = 0.5;
  }
  return AS_OK;
}

static int fail_msg(void)
{
  fprintf(stderr, "%s\n", as_error_message());
  return 1;
}

int main(int argc, char **argv)
{
  const char *mode = argc > 1 ? argv[1] : "closed";
  const double dt = 0.3 / 40; /* Courant ~0.3 in x for the drift, more in the eddies */
  const int nsteps = 600;
  AdvCase *ac, *ac2;
  if (!strcmp(mode, "threads")) {
    /* reference: 1 thread, baseline kernel; others: 2 threads, each supported kernel */
    static const char *const isas[] = {"default", "avx2", "avx512f"};
    if (make(0, &ac) != AS_OK || as_ppm_set_isa(ac->ppm, "default") != AS_OK) return fail_msg();
    omp_set_num_threads(1);
    for (int t = 0; t < 50; t++)
      if (adv_case_step(ac, dt, t % 2) != AS_OK) return fail_msg();
    int ok = 1, nvar = 0;
    for (int v = 0; v < 3; v++) {
      if (make(0, &ac2) != AS_OK) return fail_msg();
      if (as_ppm_set_isa(ac2->ppm, isas[v]) != AS_OK) { /* not on this CPU */
        as_error_clear();
        adv_case_destroy(&ac2);
        continue;
      }
      omp_set_num_threads(2);
      for (int t = 0; t < 50; t++)
        if (adv_case_step(ac2, dt, t % 2) != AS_OK) return fail_msg();
      size_t nb = sizeof(double) * (size_t)ac->nspec * (size_t)ac->ncell;
      int same_c = !memcmp(ac->c, ac2->c, nb);
      int same_b = !memcmp(ac->inflow, ac2->inflow, sizeof(double) * ac->nspec) &&
                   !memcmp(ac->outflow, ac2->outflow, sizeof(double) * ac->nspec);
      printf("50 steps, 1 thread/default kernel vs 2 threads/%s kernel: fields %s, budget %s\n",
             isas[v], same_c ? "bit-identical" : "DIFFER", same_b ? "bit-identical" : "DIFFER");
      ok = ok && same_c && same_b;
      nvar++;
      adv_case_destroy(&ac2);
    }
    printf("%s (%d kernel variants compared; inflow of species 0: %.17g ug)\n", ok ? "PASS" : "FAIL",
           nvar, ac->inflow[0]);
    adv_case_destroy(&ac);
    return !ok;
  }
  int periodic = !strcmp(mode, "closed");
  if (make(periodic, &ac) != AS_OK) return fail_msg();
  double m0[3], worst = 0.0;
  for (int s = 0; s < ac->nspec; s++) m0[s] = adv_case_mass(ac, s);
  for (int t = 0; t < nsteps; t++)
    if (adv_case_step(ac, dt, t % 2) != AS_OK) return fail_msg();
  for (int s = 0; s < ac->nspec; s++) {
    double m1 = adv_case_mass(ac, s), expect = m0[s] + ac->inflow[s] - ac->outflow[s];
    double rel = fabs(m1 - expect) / m0[s];
    printf("%s species %d: mass %.15e -> %.15e, inflow %.6e, outflow %.6e, relative residual %.3e\n",
           mode, s, m0[s], m1, ac->inflow[s], ac->outflow[s], rel);
    worst = fmax(worst, rel);
  }
  printf("substeps used in layer 0: %d, max outflow Courant %.3f\n", as_ppm_substeps(ac->ppm, 0),
         as_ppm_courant_max_seen(ac->ppm));
  int ok = worst <= 1e-12 && (periodic || ac->inflow[0] > 0.0);
  printf("%s: worst relative %s residual %.3e (<= 1e-12) after %d steps\n", ok ? "PASS" : "FAIL",
         periodic ? "mass change" : "budget", worst, nsteps);
  adv_case_destroy(&ac);
  return !ok;
}
