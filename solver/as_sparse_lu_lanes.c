/* as_sparse_lu_lanes.c — as_sparse_lu.c's factor and solve of M = I - hg*J for W = AS_ODE_LANES cells
 * at once (the interleaved layout of as_ode.h: value q of cell c at q * W + c).
 *
 * The symbolic part is as_slu_create's (Markowitz ordering, L+U pattern, elimination schedule); only
 * the numeric arrays are W wide. Every scalar statement of as_slu_factor / as_slu_solve becomes one
 * operation on a lane vector (as_lanes_simd.h): one load of the schedule index serves W cells. A cell's operations and their order are those of the one-cell code (no
 * early exit on a bad pivot: that cell's flag is set, its values are not used), so every cell's
 * factor and solution are bit-identical to as_slu_factor / as_slu_solve. */
#include "as_sparse_lu_impl.h"
#include "as_lanes_simd.h"
#include <math.h>
#include <stdlib.h>

#define W AS_ODE_LANES

struct AsSparseLuLanes {
  AsSparseLu *sym;        /* pattern, ordering, schedule (its one-cell arrays unused) */
  int nfill, *fill;       /* entries of L+U not in the original pattern (fill-in) */
  double *val, *inv, *b;  /* [nnz * W], [n * W], [n * W] */
};

AsStatus as_slul_create(int n, const int *row_ptr, const int *col_idx, AsSparseLuLanes **out)
{
  *out = NULL;
  AsSparseLuLanes *lu = calloc(1, sizeof *lu);
  if (!lu) return as_error(AS_ERR_MEM, "", "sparse LU", "out of memory");
  AsStatus st = as_slu_create(n, row_ptr, col_idx, &lu->sym);
  if (st != AS_OK) {
    free(lu);
    return st;
  }
  lu->val = as_lanes_alloc((size_t)lu->sym->nnz);
  lu->inv = as_lanes_alloc((size_t)n);
  lu->b = as_lanes_alloc((size_t)n);
  lu->fill = malloc(((size_t)lu->sym->nnz - (size_t)lu->sym->nnz0 + 1) * sizeof *lu->fill);
  unsigned char *orig = calloc((size_t)lu->sym->nnz, 1);
  const int have_orig = orig != NULL;
  if (orig && lu->fill) {
    for (int p = 0; p < lu->sym->nnz0; p++) orig[lu->sym->map[p]] = 1;
    for (int q = 0; q < lu->sym->nnz; q++)
      if (!orig[q]) lu->fill[lu->nfill++] = q;
  }
  free(orig);
  if (!lu->val || !lu->inv || !lu->b || !lu->fill || !have_orig) {
    as_slul_destroy(&lu);
    return as_error(AS_ERR_MEM, "", "sparse LU", "cannot allocate %d x %d factor entries", n, W);
  }
  *out = lu;
  return AS_OK;
}

AS_LANES_CLONES
void as_slul_factor(AsSparseLuLanes *lu, const double *hg, const double *jval, int *bad)
{
  const AsSparseLu *s = lu->sym;
  const int n = s->n;
  as_vd *restrict V = (as_vd *)lu->val, *restrict INV = (as_vd *)lu->inv;
  const as_vd *restrict JV = (const as_vd *)jval;
  const int *restrict rp = s->row_ptr, *restrict ci = s->col_idx, *restrict dg = s->diag;
  const int *restrict upd = s->upd, *restrict map = s->map;
  const as_vd zero = {0};
  as_vd mhg;
  for (int c = 0; c < W; c++) mhg[c] = -hg[c], bad[c] = 0;
  /* as_slu_factor zeroes every entry, then sets the original ones: the same values */
  for (int p = 0; p < s->nnz0; p++) V[map[p]] = mhg * JV[p];
  for (int f = 0; f < lu->nfill; f++) V[lu->fill[f]] = zero;
  for (int i = 0; i < n; i++) V[dg[i]] += 1.0;
  int t = 0;
  for (int i = 0; i < n; i++) {
    for (int q = rp[i]; q < dg[i]; q++) {
      const int k = ci[q], r0 = dg[k] + 1, len = rp[k + 1] - r0;
      const as_vd m = V[q] * INV[k];
      V[q] = m; /* as as_slu_factor: no test for m == 0 */
      for (int r = 0; r < len; r++) V[upd[t + r]] -= m * V[r0 + r];
      t += len;
    }
    const as_vd piv = V[dg[i]];
    for (int c = 0; c < W; c++) bad[c] |= piv[c] == 0.0 || !isfinite(piv[c]);
    INV[i] = 1.0 / piv;
  }
}

AS_LANES_CLONES
void as_slul_solve(AsSparseLuLanes *lu, double *x)
{
  const AsSparseLu *s = lu->sym;
  const int n = s->n;
  as_vd *restrict B = (as_vd *)lu->b, *restrict X = (as_vd *)x;
  const as_vd *restrict V = (const as_vd *)lu->val, *restrict INV = (const as_vd *)lu->inv;
  const int *restrict rp = s->row_ptr, *restrict ci = s->col_idx, *restrict dg = s->diag, *restrict perm = s->perm;
  for (int k = 0; k < n; k++) B[k] = X[perm[k]];
  for (int i = 0; i < n; i++) { /* L y = b, unit diagonal */
    as_vd acc = B[i];
    for (int q = rp[i]; q < dg[i]; q++) acc -= V[q] * B[ci[q]];
    B[i] = acc;
  }
  for (int i = n - 1; i >= 0; i--) { /* U x = y */
    as_vd acc = B[i];
    for (int q = dg[i] + 1; q < rp[i + 1]; q++) acc -= V[q] * B[ci[q]];
    B[i] = acc * INV[i];
  }
  for (int k = 0; k < n; k++) X[perm[k]] = B[k];
}

void as_slul_destroy(AsSparseLuLanes **lu)
{
  if (!lu || !*lu) return;
  AsSparseLuLanes *p = *lu;
  as_slu_destroy(&p->sym);
  free(p->val), free(p->inv), free(p->b), free(p->fill);
  free(p);
  *lu = NULL;
}
