/* as_sparse_lu.h — sparse LU of M = I - hg*J on a fixed CSR pattern, for the Rosenbrock solver.
 *
 * Chemistry Jacobians are factored without pivoting (as KPP does, Damian et al. 2002, Comput.
 * Chem. Eng. 26:1567): the I term makes M diagonally dominant for small enough h*gamma, and a
 * zero/non-finite pivot is reported so the caller can shrink the step. The symbolic factorisation
 * (pattern of L+U with fill-in) is computed once in create; factor/solve never allocate. */
#ifndef AS_SPARSE_LU_H
#define AS_SPARSE_LU_H
#include "as_ode.h"
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

/* The same factorisation for AS_ODE_LANES cells at once (as_sparse_lu_lanes.c): the pattern, ordering
 * and elimination schedule of as_slu_create, values interleaved by cell (entry q of cell c at
 * q * AS_ODE_LANES + c), each cell with its own hg. Each cell's factor and solve run the operations of
 * as_slu_factor / as_slu_solve in the same order: bit-identical results per cell. */
typedef struct AsSparseLuLanes AsSparseLuLanes;
AsStatus as_slul_create(int n, const int *row_ptr, const int *col_idx, AsSparseLuLanes **lu);
/* M_c = I - hg[c] J_c for every lane c; bad[c] = 1 when lane c has a zero or non-finite pivot (its
 * factor is then unusable; the other lanes are not affected), else 0. */
void as_slul_factor(AsSparseLuLanes *lu, const double *hg, const double *jval, int *bad);
/* x[n * AS_ODE_LANES] overwritten by M_c^-1 x_c in every lane */
void as_slul_solve(AsSparseLuLanes *lu, double *x);
void as_slul_destroy(AsSparseLuLanes **lu);

#endif
