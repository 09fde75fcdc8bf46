/* test_ros_sparse_lu.c — sparse LU (minimum-degree ordering, no pivoting, fill-in from a symbolic
 * pass) against a dense Gaussian elimination on an "arrow" pattern whose first row and column are
 * full: in the natural order eliminating row 0 fills the whole matrix (n*n), but the ordering
 * eliminates the hub last, so there is no fill at all. Also a banded pattern (no fill) and the
 * CB6r5 Jacobian pattern. Claims: the solutions agree to 1e-12 relative; the fill counts are as
 * predicted (arrow and tridiagonal: none); CB6r5's L+U holds fewer than 1.5x the pattern's
 * non-zeros (the natural order gives 5344 of a dense 6241 for its 940). */
#include "as_mech.h"
#include "as_sparse_lu.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define N 12

static int check(const char *name, const int *rp, const int *ci, int expect_nnz)
{
  const int nnz = rp[N];
  double jv[N * N], dense[N][N] = {{0}}, b[N], x[N];
  const double hg = 0.37;
  for (int i = 0; i < N; i++)
    for (int p = rp[i]; p < rp[i + 1]; p++) {
      jv[p] = (ci[p] == i ? -3.0 - i : 0.3 * sin(1.0 + 7 * i + 3 * ci[p]));
      dense[i][ci[p]] = -hg * jv[p] + (ci[p] == i);
    }
  for (int i = 0; i < N; i++) b[i] = x[i] = cos(0.5 * i);
  AsSparseLu *lu = NULL;
  if (as_slu_create(N, rp, ci, &lu) != AS_OK) return fprintf(stderr, "%s\n", as_error_message()), 1;
  if (as_slu_factor(lu, hg, jv)) return printf("%s: singular\n", name), 1;
  as_slu_solve(lu, x);
  for (int k = 0; k < N; k++) /* dense elimination with partial pivoting */
  {
    int piv = k;
    for (int i = k + 1; i < N; i++)
      if (fabs(dense[i][k]) > fabs(dense[piv][k])) piv = i;
    for (int j = 0; j < N; j++) {
      double t = dense[k][j];
      dense[k][j] = dense[piv][j], dense[piv][j] = t;
    }
    double t = b[k];
    b[k] = b[piv], b[piv] = t;
    for (int i = k + 1; i < N; i++) {
      const double m = dense[i][k] / dense[k][k];
      for (int j = k; j < N; j++) dense[i][j] -= m * dense[k][j];
      b[i] -= m * b[k];
    }
  }
  for (int i = N - 1; i >= 0; i--) {
    for (int j = i + 1; j < N; j++) b[i] -= dense[i][j] * b[j];
    b[i] /= dense[i][i];
  }
  double err = 0.0, mx = 0.0;
  for (int i = 0; i < N; i++) err = fmax(err, fabs(x[i] - b[i])), mx = fmax(mx, fabs(b[i]));
  const int fill = as_slu_nnz(lu);
  printf("%-12s nnz %d -> L+U %d (expected %d); max rel. difference to dense %.2e (limit 1e-12)\n", name,
         nnz, fill, expect_nnz, err / mx);
  as_slu_destroy(&lu);
  return !(err / mx < 1e-12) || fill != expect_nnz;
}

int main(void)
{
  int rp[N + 1], ci[N * N], q = 0, fail = 0;
  for (int i = 0; i < N; i++) { /* arrow: row 0 full, column 0 full, diagonal */
    rp[i] = q;
    if (i == 0)
      for (int j = 0; j < N; j++) ci[q++] = j;
    else
      ci[q++] = 0, ci[q++] = i;
  }
  rp[N] = q;
  fail |= check("arrow", rp, ci, N + 2 * (N - 1));
  q = 0;
  for (int i = 0; i < N; i++) { /* tridiagonal */
    rp[i] = q;
    for (int j = i - 1; j <= i + 1; j++)
      if (j >= 0 && j < N) ci[q++] = j;
  }
  rp[N] = q;
  fail |= check("tridiagonal", rp, ci, 3 * N - 2);
  AsMech *mech;
  AsSparseLu *lu;
  if (as_mech_load("inputs/mechanisms/cb6r5.eqn", &mech) != AS_OK)
    return fprintf(stderr, "%s\n", as_error_message()), 1;
  const AsOdeSystem *sys = as_mech_system(mech);
  if (as_slu_create(sys->n, sys->row_ptr, sys->col_idx, &lu) != AS_OK)
    return fprintf(stderr, "%s\n", as_error_message()), 1;
  int lunnz = as_slu_nnz(lu);
  printf("CB6r5: %d species, Jacobian nnz %d -> L+U %d (limit 1.5x = %d)\n", sys->n, sys->nnz, lunnz,
         (int)(1.5 * sys->nnz));
  fail |= !(lunnz < 1.5 * sys->nnz);
  as_slu_destroy(&lu);
  as_mech_destroy(&mech);
  printf("%s\n", fail ? "FAIL" : "PASS");
  return fail;
}
