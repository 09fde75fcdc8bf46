/* as_sparse_lu_impl.h — the symbolic factorisation of as_sparse_lu.c (pattern of L+U, ordering,
 * elimination schedule), shared with the multi-cell factor and solve of as_sparse_lu_lanes.c so
 * that both run the same operations in the same order. Not part of the public interface. */
#ifndef AS_SPARSE_LU_IMPL_H
#define AS_SPARSE_LU_IMPL_H
#include "as_sparse_lu.h"

struct AsSparseLu {
  int n, nnz, nnz0;   /* nnz of L+U, nnz of the original pattern */
  int *row_ptr, *col_idx; /* pattern of L+U */
  int *diag;              /* index of (i,i) in col_idx */
  int *map;               /* original nnz -> index in L+U */
  int *orig_diag;         /* index of (i,i) in the original pattern */
  int *perm;              /* elimination order: permuted index k is original index perm[k] */
  int *upd;              /* elimination schedule: target index in val of every update, in order */
  int nupd;
  double *val;            /* numeric L+U */
  double *inv;            /* 1 / u_ii, n */
  double *pvec;           /* permuted right-hand side, n */
};

#endif
