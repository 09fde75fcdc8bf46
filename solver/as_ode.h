/* as_ode.h — a stiff ODE system with a sparse Jacobian, as the chemistry solvers see it.
 *
 * dy/dt = f(y), y in R^n (one grid cell's species, molecules cm-3). The Jacobian J = df/dy has a
 * fixed sparsity pattern in compressed sparse row form (row_ptr[n+1], col_idx[nnz], columns
 * sorted, the diagonal always present). fun and jac are pure functions of y and the context
 * (rate constants of the cell): no allocation, safe to call from many threads with different
 * contexts. Both the fast Rosenbrock solver (as_rosenbrock.h) and the CVODE reference
 * (as_cvode.h) integrate the same AsOdeSystem, so tests compare them on identical problems.
 */
#ifndef AS_ODE_H
#define AS_ODE_H
#include "as_status.h"

typedef struct {
  int n;                 /* unknowns */
  int nnz;               /* non-zeros of the Jacobian pattern (diagonal included) */
  const int *row_ptr;    /* [n+1] */
  const int *col_idx;    /* [nnz], sorted within each row */
  void (*fun)(void *ctx, const double *y, double *f);        /* f = dy/dt */
  void (*jac)(void *ctx, const double *y, double *jval);     /* jval[nnz] on the pattern */
} AsOdeSystem;

/* Statistics of one integrate call (accumulated by the caller if wanted). */
typedef struct {
  long steps, rejected, fun_evals, jac_evals, lu_decomps;
} AsOdeStats;

#endif
