/* as_sparse_lu.c — sparse LU without pivoting of M = I - hg*J on a fixed pattern.
 *
 *   M = L U,  L unit lower triangular, U upper triangular, stored together in one CSR array
 *   (row i: L entries at columns < i, the diagonal of U, then U entries at columns > i).
 *   Row-oriented Doolittle (IKJ) elimination, as in KPP's KppDecomp (Damian et al. 2002):
 *     for k in L-columns of row i (increasing):  m_ik /= u_kk;  m_i,j -= m_ik * u_kj  (j > k)
 *   Fill-in: row i's pattern gains the U-pattern of every row k it eliminates with; the symbolic
 *   pass computes this once, rows in order, with a dense marker (n is a mechanism's species
 *   count, tens to a few hundred), and records the schedule: for every update m_i,j -= m_ik u_kj
 *   the index of (i, j) in the L+U array. The numeric pass then runs the schedule in place, with
 *   no search and no dense work row (a straight-line form of KPP's generated KppDecomp).
 *
 * Ordering: the rows and columns are permuted symmetrically (P M P^T), so the pivots stay on the
 * diagonal, by a greedy Markowitz ordering of the unsymmetric pattern (Markowitz 1957; KPP's
 * reordering of species, Sandu et al. 1996, Atmos. Environ. 30:3491): at each step the node with
 * the smallest (row count - 1) x (column count - 1) in the remaining submatrix is eliminated next.
 * Until 2026-11-25 it was a minimum-degree ordering of the symmetrised pattern (Tinney & Walker
 * 1967); on CB6r5 (85 species, 963 non-zeros) that gave L+U 1366 entries and 7436 updates per
 * factorisation, Markowitz 1093 and 3208 (docs/science-ros-speed.md). Callers never see the
 * permutation: factor takes the original pattern's values and solve takes and returns vectors in
 * the original order.
 *
 * Pivots: the factor stores 1/u_kk next to L+U, so factor and solve multiply instead of dividing.
 * The order of the operations depends only on the pattern, never on the data or the thread.
 */
#include "as_sparse_lu_impl.h"
#include <math.h>
#include <stdlib.h>

/* struct AsSparseLu: as_sparse_lu_impl.h (shared with the multi-cell factor, as_sparse_lu_lanes.c) */

/* Markowitz ordering with diagonal pivots on the (unsymmetric) pattern pat (n x n, modified: becomes
 * the filled pattern of the remaining submatrix). At each step the remaining node v with the smallest
 * Markowitz count (r_v - 1)(c_v - 1) -- r_v, c_v the non-zeros of row and column v in the active
 * submatrix -- is eliminated next (Markowitz 1957, Management Sci. 3:255; the diagonal variant KPP
 * uses to order the species, Sandu et al. 1996, Atmos. Environ. 30:3491; Damian et al. 2002). Ties:
 * the smaller r_v + c_v, then the lower index. Eliminating v adds row v's active columns to every
 * active row with an entry in column v (the fill-in). */
static void as_slu_markowitz(int n, unsigned char *pat, unsigned char *done, int *perm)
{
  for (int v = 0; v < n; v++) done[v] = 0;
  for (int step = 0; step < n; step++) {
    int best = -1;
    long best_mk = -1, best_sum = -1;
    for (int v = 0; v < n; v++) {
      if (done[v]) continue;
      long r = 0, c = 0;
      for (int u = 0; u < n; u++) {
        if (u == v || done[u]) continue;
        r += pat[(size_t)v * n + u];
        c += pat[(size_t)u * n + v];
      }
      const long mk = r * c, sum = r + c;
      if (best < 0 || mk < best_mk || (mk == best_mk && sum < best_sum)) best = v, best_mk = mk, best_sum = sum;
    }
    perm[step] = best;
    done[best] = 1;
    const unsigned char *rb = pat + (size_t)best * n;
    for (int i = 0; i < n; i++) { /* rows with an entry in column best gain row best's columns */
      if (done[i] || !pat[(size_t)i * n + best]) continue;
      unsigned char *ri = pat + (size_t)i * n;
      for (int j = 0; j < n; j++) ri[j] |= rb[j] & !done[j];
    }
  }
}

AsStatus as_slu_create(int n, const int *row_ptr, const int *col_idx, AsSparseLu **out)
{
  *out = NULL;
  if (n <= 0 || !row_ptr || !col_idx)
    return as_error(AS_ERR_ARG, "", "sparse LU", "empty or missing pattern (n = %d)", n);
  AsSparseLu *lu;
  AS_MALLOC(lu, 1);
  lu->n = n;
  lu->nnz0 = row_ptr[n];
  /* dense boolean pattern, filled row by row; freed at the end of create */
  unsigned char *pat = calloc((size_t)n * (size_t)n, 1);
  int *orig_diag = calloc((size_t)n, sizeof *orig_diag);
  if (!pat || !orig_diag) {
    free(pat);
    free(orig_diag);
    free(lu);
    return as_error(AS_ERR_MEM, "", "sparse LU", "cannot allocate the symbolic pattern (n = %d)", n);
  }
  AsStatus st = AS_OK;
  for (int i = 0; i < n && st == AS_OK; i++) {
    orig_diag[i] = -1;
    for (int p = row_ptr[i]; p < row_ptr[i + 1]; p++) {
      int j = col_idx[p];
      if (j < 0 || j >= n || (p > row_ptr[i] && j <= col_idx[p - 1])) {
        st = as_error(AS_ERR_ARG, "", "sparse LU", "row %d: column %d out of range or unsorted", i, j);
        break;
      }
      pat[(size_t)i * n + j] = 1;
      if (j == i) orig_diag[i] = p;
    }
    if (st == AS_OK && orig_diag[i] < 0)
      st = as_error(AS_ERR_ARG, "", "sparse LU", "row %d: diagonal missing from the pattern", i);
  }
  if (st != AS_OK) {
    free(pat);
    free(orig_diag);
    free(lu);
    return st;
  }
  /* Markowitz ordering on a copy of the pattern, then the permuted pattern P M P^T */
  int *perm = malloc((size_t)n * sizeof *perm), *pinv = malloc((size_t)n * sizeof *pinv);
  unsigned char *sym = malloc((size_t)n * (size_t)n), *done = malloc((size_t)n);
  if (!perm || !pinv || !sym || !done) {
    free(perm), free(pinv), free(sym), free(done), free(pat), free(orig_diag), free(lu);
    return as_error(AS_ERR_MEM, "", "sparse LU", "cannot allocate the ordering (n = %d)", n);
  }
  for (size_t q = 0; q < (size_t)n * n; q++) sym[q] = pat[q];
  as_slu_markowitz(n, sym, done, perm);
  free(done);
  for (int k = 0; k < n; k++) pinv[perm[k]] = k;
  for (size_t q = 0; q < (size_t)n * n; q++) sym[q] = 0;
  for (int i = 0; i < n; i++)
    for (int p = row_ptr[i]; p < row_ptr[i + 1]; p++) sym[(size_t)pinv[i] * n + pinv[col_idx[p]]] = 1;
  free(pat);
  pat = sym;
  lu->perm = perm;
  /* symbolic elimination: rows in order, k increasing, so fill created at k' > k is seen later */
  for (int i = 1; i < n; i++) {
    unsigned char *ri = pat + (size_t)i * n;
    for (int k = 0; k < i; k++) {
      if (!ri[k]) continue;
      const unsigned char *rk = pat + (size_t)k * n;
      for (int j = k + 1; j < n; j++)
        if (rk[j]) ri[j] = 1;
    }
  }
  int nnz = 0;
  for (size_t q = 0; q < (size_t)n * n; q++) nnz += pat[q];
  lu->nnz = nnz;
  lu->row_ptr = malloc((size_t)(n + 1) * sizeof(int));
  lu->col_idx = malloc((size_t)nnz * sizeof(int));
  lu->diag = malloc((size_t)n * sizeof(int));
  lu->map = malloc((size_t)row_ptr[n] * sizeof(int));
  lu->val = calloc((size_t)nnz, sizeof(double));
  lu->pvec = calloc((size_t)n, sizeof(double));
  lu->inv = calloc((size_t)n, sizeof(double));
  lu->orig_diag = orig_diag;
  if (!lu->row_ptr || !lu->col_idx || !lu->diag || !lu->map || !lu->val || !lu->pvec || !lu->inv) {
    free(pat);
    free(pinv);
    as_slu_destroy(&lu);
    return as_error(AS_ERR_MEM, "", "sparse LU", "cannot allocate %d factor entries", nnz);
  }
  int q = 0;
  for (int i = 0; i < n; i++) {
    lu->row_ptr[i] = q;
    for (int j = 0; j < n; j++)
      if (pat[(size_t)i * n + j]) {
        if (j == i) lu->diag[i] = q;
        lu->col_idx[q++] = j;
      }
  }
  lu->row_ptr[n] = q;
  for (int i = 0; i < n; i++) { /* original entry (i, j) -> L+U entry (pinv i, pinv j) */
    const int r = pinv[i];
    for (int p = row_ptr[i]; p < row_ptr[i + 1]; p++) {
      const int c = pinv[col_idx[p]];
      int lo = lu->row_ptr[r], hi = lu->row_ptr[r + 1] - 1;
      while (lo < hi) { /* columns of an L+U row are sorted */
        int mid = (lo + hi) / 2;
        if (lu->col_idx[mid] < c) lo = mid + 1;
        else hi = mid;
      }
      lu->map[p] = lo;
    }
  }
  free(pinv);
  free(pat);
  /* the elimination schedule: row i, each L entry (i, k), each U entry (k, j > k) -> index of (i, j) */
  int *pos = malloc((size_t)n * sizeof *pos), nupd = 0;
  for (int i = 0; i < n; i++)
    for (int q2 = lu->row_ptr[i]; q2 < lu->diag[i]; q2++) {
      const int k = lu->col_idx[q2];
      nupd += lu->row_ptr[k + 1] - lu->diag[k] - 1;
    }
  lu->nupd = nupd;
  lu->upd = malloc((size_t)(nupd > 0 ? nupd : 1) * sizeof *lu->upd);
  if (!pos || !lu->upd) {
    free(pos);
    as_slu_destroy(&lu);
    return as_error(AS_ERR_MEM, "", "sparse LU", "cannot allocate the elimination schedule (%d updates)", nupd);
  }
  int t = 0;
  for (int i = 0; i < n; i++) {
    for (int q2 = lu->row_ptr[i]; q2 < lu->row_ptr[i + 1]; q2++) pos[lu->col_idx[q2]] = q2;
    for (int q2 = lu->row_ptr[i]; q2 < lu->diag[i]; q2++) {
      const int k = lu->col_idx[q2];
      for (int r = lu->diag[k] + 1; r < lu->row_ptr[k + 1]; r++) lu->upd[t++] = pos[lu->col_idx[r]];
    }
  }
  free(pos);
  *out = lu;
  return AS_OK;
}

int as_slu_nnz(const AsSparseLu *lu) { return lu ? lu->nnz : 0; }

int as_slu_factor(AsSparseLu *lu, double hg, const double *jval)
{
  const int n = lu->n;
  double *restrict val = lu->val, *restrict inv = lu->inv;
  const int *restrict rp = lu->row_ptr, *restrict ci = lu->col_idx, *restrict dg = lu->diag;
  const int *restrict upd = lu->upd;
  for (int q = 0; q < lu->nnz; q++) val[q] = 0.0;
  for (int p = 0; p < lu->nnz0; p++) val[lu->map[p]] = -hg * jval[p];
  for (int i = 0; i < n; i++) val[dg[i]] += 1.0;
  int t = 0;
  for (int i = 0; i < n; i++) {
    for (int q = rp[i]; q < dg[i]; q++) {
      const int k = ci[q], r0 = dg[k] + 1, len = rp[k + 1] - r0;
      const double m = val[q] * inv[k];
      val[q] = m; /* no test for m == 0: for finite values that update leaves the value unchanged */
      for (int r = 0; r < len; r++) val[upd[t + r]] -= m * val[r0 + r];
      t += len;
    }
    const double piv = val[dg[i]];
    if (piv == 0.0 || !isfinite(piv)) return 1;
    inv[i] = 1.0 / piv;
  }
  return 0;
}

void as_slu_solve(AsSparseLu *lu, double *x)
{
  const int n = lu->n;
  double *restrict b = lu->pvec;
  for (int k = 0; k < n; k++) b[k] = x[lu->perm[k]];
  const double *restrict val = lu->val, *restrict inv = lu->inv;
  const int *restrict rp = lu->row_ptr, *restrict ci = lu->col_idx, *restrict dg = lu->diag;
  for (int i = 0; i < n; i++) { /* L y = b, unit diagonal */
    double s = b[i];
    for (int q = rp[i]; q < dg[i]; q++) s -= val[q] * b[ci[q]];
    b[i] = s;
  }
  for (int i = n - 1; i >= 0; i--) { /* U x = y */
    double s = b[i];
    for (int q = dg[i] + 1; q < rp[i + 1]; q++) s -= val[q] * b[ci[q]];
    b[i] = s * inv[i];
  }
  for (int k = 0; k < n; k++) x[lu->perm[k]] = b[k];
}

void as_slu_destroy(AsSparseLu **lu)
{
  if (!lu || !*lu) return;
  AsSparseLu *p = *lu;
  free(p->row_ptr);
  free(p->perm);
  free(p->pvec);
  free(p->col_idx);
  free(p->diag);
  free(p->map);
  free(p->orig_diag);
  free(p->val);
  free(p->inv);
  free(p->upd);
  free(p);
  *lu = NULL;
}
