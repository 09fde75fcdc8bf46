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

/* The same system for AS_ODE_LANES cells at once, interleaved: species i of lane (cell slot) c is
 * y[i * AS_ODE_LANES + c], Jacobian entry e jval[e * AS_ODE_LANES + c], per-cell parameter p (the
 * rate constants) par[p * AS_ODE_LANES + c]. fun and jac do for every lane exactly the operations
 * of the one-cell system, in the same order, so each lane's result is bit-identical to it; the loop
 * over lanes is innermost, contiguous and branch-free (vectorised). Used by the multi-cell
 * Rosenbrock solver (as_rosenbrock_lanes.h). AS_ODE_LANES is a build constant that CMakeLists.txt
 * sets: 8 (one AVX-512 register of doubles) where the build machine has AVX-512F, else 4 (one AVX2
 * register, two SSE2 ones). 4 is the default of a build without it. */
#ifndef AS_ODE_LANES
#define AS_ODE_LANES 4
#endif
/* The lane kernels (f, J, factor, solve) are built three times, for AVX-512F, for AVX2 and for the
 * generic x86-64 of the build (SSE2), and the loader picks one for the CPU (GCC function
 * multiversioning). No clone contracts to FMA (these files are compiled with -ffp-contract=off), so
 * all give the same bits. -DAS_NO_TARGET_CLONES builds the generic one only. */
#if defined(__GNUC__) && defined(__x86_64__) && !defined(AS_NO_TARGET_CLONES)
#define AS_LANES_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define AS_LANES_CLONES
#endif
typedef struct {
  int n, nnz;                /* as AsOdeSystem */
  const int *row_ptr, *col_idx;
  int npar;                  /* per-cell parameters */
  int nwork;                 /* scratch fun and jac need, lane vectors (W doubles each) */
  const void *data;          /* what fun/jac need besides the parameters (e.g. the mechanism) */
  void (*fun)(const void *data, const double *par, const double *y, double *f, double *work);
  void (*jac)(const void *data, const double *par, const double *y, double *jval, double *work);
} AsOdeLanes;

#endif
