/* test_mech_jac — the analytic Jacobian of cb6r5.eqn on its sparse pattern equals a central finite
 * difference of f (exact for mass action up to rounding: f is at most quadratic in any one species),
 * to 1e-6 relative to the row's largest entry, and the finite difference has nothing outside the
 * pattern. Also checks that the AsOdeSystem trampolines give the same f and J as the direct calls. */
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
  const AsOdeSystem *sys = as_mech_system(m);
  const int n = sys->n, nr = as_mech_nreact(m);
  const double T = 290.0, M = 101325.0 / (1.380649e-23 * T) * 1e-6;
  double J[64];
  for (int j = 0; j < 64; j++) J[j] = 2e-5 + 1e-6 * j;
  J[4] = 7e-3;
  AsMechEnv env = {T, 101325.0, M, 3e17, J, NULL};
  double *k = malloc((size_t)nr * sizeof *k), *y = malloc((size_t)n * sizeof *y);
  double *fp = malloc((size_t)n * sizeof *fp), *fm = malloc((size_t)n * sizeof *fm), *f2 = malloc((size_t)n * sizeof *f2);
  double *jv = malloc((size_t)sys->nnz * sizeof *jv), *jv2 = malloc((size_t)sys->nnz * sizeof *jv2);
  double *dense = calloc((size_t)n * n, sizeof *dense), *fd = calloc((size_t)n * n, sizeof *fd);
  as_mech_rate_constants(m, &env, k);
  srand(12345);
  for (int i = 0; i < n; i++) y[i] = 1e6 * pow(10.0, 6.0 * rand() / (double)RAND_MAX); /* 1e6..1e12 cm-3 */
  as_mech_jac(m, k, y, jv);
  AsMechCtx ctx = {m, k};
  sys->jac(&ctx, y, jv2);
  as_mech_fun(m, k, y, fp);
  sys->fun(&ctx, y, f2);
  int same = 1;
  for (int e = 0; e < sys->nnz; e++) same &= jv[e] == jv2[e];
  for (int i = 0; i < n; i++) same &= fp[i] == f2[i];
  for (int i = 0; i < n; i++)
    for (int e = sys->row_ptr[i]; e < sys->row_ptr[i + 1]; e++) dense[(size_t)i * n + sys->col_idx[e]] = jv[e];
  for (int j = 0; j < n; j++) {
    double yj = y[j], h = 1e-3 * yj;
    y[j] = yj + h;
    as_mech_fun(m, k, y, fp);
    y[j] = yj - h;
    as_mech_fun(m, k, y, fm);
    y[j] = yj;
    for (int i = 0; i < n; i++) fd[(size_t)i * n + j] = (fp[i] - fm[i]) / (2 * h);
  }
  double worst = 0.0, outside = 0.0;
  int wi = 0, wj = 0;
  for (int i = 0; i < n; i++) {
    double rowmax = 0.0;
    for (int j = 0; j < n; j++) rowmax = fmax(rowmax, fabs(dense[(size_t)i * n + j]));
    if (rowmax == 0.0) rowmax = 1.0;
    int e = sys->row_ptr[i];
    for (int j = 0; j < n; j++) {
      int in = e < sys->row_ptr[i + 1] && sys->col_idx[e] == j;
      double err = fabs(fd[(size_t)i * n + j] - dense[(size_t)i * n + j]) / rowmax;
      if (in) e++;
      else outside = fmax(outside, err);
      if (err > worst) worst = err, wi = i, wj = j;
    }
  }
  printf("%d species, %d non-zeros: max |J_fd - J| / row max = %.2e at d%s/d%s; largest FD entry outside the "
         "pattern %.2e; trampolines identical: %s\n",
         n, sys->nnz, worst, as_mech_species_name(m, wi), as_mech_species_name(m, wj), outside, same ? "yes" : "no");
  int ok = worst <= 1e-6 && outside <= 1e-6 && same;
  as_mech_destroy(&m);
  free(k), free(y), free(fp), free(fm), free(f2), free(jv), free(jv2), free(dense), free(fd);
  printf("%s\n", ok ? "PASS" : "FAIL");
  return ok ? 0 : 1;
}
