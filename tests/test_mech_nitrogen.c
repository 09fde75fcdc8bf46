/* test_mech_nitrogen — f conserves nitrogen: sum_i N_i f_i = 0, relative to the gross nitrogen turnover
 * sum_r sum_i N_i |f_i^(r)| (f^(r): f with only reaction r switched on), for every reaction alone and
 * for all together, to 1e-12. N_i from the file's composition data (as_mech_atoms). */
#include "as_hetchem.h"
#include "as_mech.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
  AsMech *m = NULL;
  if (as_mech_load("inputs/mechanisms/cb6r5.eqn", &m) != AS_OK) {
    printf("FAIL: %s\n", as_error_message());
    return 1;
  }
  const int n = as_mech_nspec(m), nr = as_mech_nreact(m);
  const double T = 298.0, M = 101325.0 / (1.380649e-23 * T) * 1e-6;
  double J[64];
  for (int j = 0; j < 64; j++) J[j] = 1e-5;
  J[4] = 8e-3;
  if (AS_HET_COUNT != 1) return printf("FAIL: update het[] for %d heterogeneous kinds\n", AS_HET_COUNT), 1;
  double het[1] = {1e-3}; /* HET(N2O5) switched on (s-1), so the heterogeneous reaction is checked too */
  AsMechEnv env = {T, 101325.0, M, 4e17, J, het};
  double *k = malloc((size_t)nr * sizeof *k), *k1 = calloc((size_t)nr, sizeof *k1);
  double *y = malloc((size_t)n * sizeof *y), *f = malloc((size_t)n * sizeof *f);
  as_mech_rate_constants(m, &env, k);
  srand(777);
  for (int i = 0; i < n; i++) y[i] = 1e6 * pow(10.0, 6.0 * rand() / (double)RAND_MAX);
  int nspecN = 0;
  for (int i = 0; i < n; i++) nspecN += as_mech_atoms(m, i, "N") > 0;
  double gross = 0.0, worst_r = 0.0;
  int worst_label = 0, nreactN = 0;
  for (int r = 0; r < nr; r++) {
    k1[r] = k[r];
    as_mech_fun(m, k1, y, f);
    k1[r] = 0.0;
    double net = 0.0, g = 0.0;
    for (int i = 0; i < n; i++) {
      double a = as_mech_atoms(m, i, "N");
      net += a * f[i];
      g += a * fabs(f[i]);
    }
    gross += g;
    if (g > 0) {
      nreactN++;
      if (fabs(net) / g > worst_r) worst_r = fabs(net) / g, worst_label = r;
    }
  }
  as_mech_fun(m, k, y, f);
  double net = 0.0;
  for (int i = 0; i < n; i++) net += as_mech_atoms(m, i, "N") * f[i];
  double rel = fabs(net) / gross;
  printf("%d N-containing species, %d reactions move N; worst single reaction %s: %.2e; all together: "
         "sum N_i f_i = %.3e of gross %.3e molecules cm-3 s-1 -> %.2e relative\n",
         nspecN, nreactN, as_mech_reaction_label(m, worst_label), worst_r, net, gross, rel);
  int ok = rel <= 1e-12 && worst_r <= 1e-12 && nspecN >= 10;
  as_mech_destroy(&m);
  free(k), free(k1), free(y), free(f);
  printf("%s\n", ok ? "PASS" : "FAIL");
  return ok ? 0 : 1;
}
