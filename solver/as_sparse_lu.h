/* as_sparse_lu.h — sparse LU of M = I - hg*J on a fixed CSR pattern, for the Rosenbrock solver.
 *
 * Chemistry Jacobians are factored without pivoting (as KPP does, Damian et al. 2002, Comput.
 * Chem. Eng. 26:1567): the I term makes M diagonally dominant for small enough h*gamma, and a
 * zero/non-finite pivot is reported so the caller can shrink the step. The symbolic factorisation
 * (pattern of L+U with fill-in) is computed once in create; factor/solve never allocate. */
#ifndef AS_SPARSE_LU_H
#define AS_SPARSE_LU_H
#include "as_status.h"

typedef struct AsSparseLu AsSparseLu;

/* Symbolic factorisation of the n x n CSR pattern (columns sorted, diagonal present). */
AsStatus as_slu_create(int n, const int *row_ptr, const int *col_idx, AsSparseLu **lu);
/* Non-zeros of L+U including fill-in (for view/statistics). */
int as_slu_nnz(const AsSparseLu *lu);
/* Numeric factorisation of M = I - hg*J, jval on the original pattern. Returns 0, or 1 when a
 * pivot is zero or not finite (no error recorded: the caller decides, e.g. reduces the step). */
int as_slu_factor(AsSparseLu *lu, double hg, const double *jval);
/* Solve M x = b in place (b overwritten by x), in the original ordering; uses the object's scratch,
 * so one object per thread. */
void as_slu_solve(AsSparseLu *lu, double *b);
void as_slu_destroy(AsSparseLu **lu);

#endif
