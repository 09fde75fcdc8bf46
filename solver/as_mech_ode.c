/* as_mech_ode.c — the mechanism as an AsOdeSystem: mass-action f(y) and J(y) on the sparse pattern.
 *
 *   rate_r = k_r prod_{q} y_{a_rq}           (a_rq: variable reactants, repeated for A + A)
 *   f_i    = sum_r nu_ir rate_r               (nu: net stoichiometry)
 *   J_ij   = sum_r nu_ir sum_{q: a_rq = j} k_r prod_{p != q} y_{a_rp}
 * Pattern: (i, j) for every species i with nu_ir != 0 and every reactant j of r, plus the diagonal.
 *
 * The AsOdeSystem's fun/jac receive ctx = AsMechCtx {mechanism, rate constants of the cell}. */
#include "as_mech_impl.h"
#include <stdlib.h>
#include <string.h>

static void mech_fun(const AsMech *m, const double *k, const double *y, double *f)
{
  for (int i = 0; i < m->nvar; i++) f[i] = 0.0;
  for (int r = 0; r < m->nreact; r++) {
    const AsMechReaction *rx = &m->rx[r];
    double rate = k[r];
    for (int q = 0; q < rx->nreact; q++) rate *= y[rx->react[q]];
    for (int s = 0; s < rx->nstoich; s++) f[rx->st_sp[s]] += rx->st_coef[s] * rate;
  }
}

static void mech_jac(const AsMech *m, const double *k, const double *y, double *jval)
{
  for (int e = 0; e < m->nnz; e++) jval[e] = 0.0;
  for (int r = 0; r < m->nreact; r++) {
    const AsMechReaction *rx = &m->rx[r];
    double partial[AS_MECH_MAXREACT];
    for (int q = 0; q < rx->nreact; q++) {
      double d = k[r];
      for (int p = 0; p < rx->nreact; p++)
        if (p != q) d *= y[rx->react[p]];
      partial[q] = d;
    }
    for (int e = m->jac_start[r]; e < m->jac_start[r + 1]; e++) jval[m->jac_pos[e]] += m->jac_coef[e] * partial[m->jac_q[e]];
  }
}

void as_mech_fun(const AsMech *m, const double *k, const double *y, double *f) { mech_fun(m, k, y, f); }
void as_mech_jac(const AsMech *m, const double *k, const double *y, double *jval) { mech_jac(m, k, y, jval); }

static void sys_fun(void *ctx, const double *y, double *f)
{
  const AsMechCtx *c = ctx;
  mech_fun(c->mech, c->k, y, f);
}

static void sys_jac(void *ctx, const double *y, double *jval)
{
  const AsMechCtx *c = ctx;
  mech_jac(c->mech, c->k, y, jval);
}

void as_mech_bind_system(AsMech *m)
{
  m->sys.fun = sys_fun;
  m->sys.jac = sys_jac;
}

const AsOdeSystem *as_mech_system(const AsMech *m) { return &m->sys; }

/* the gathered tables of as_mech_impl.h: stable counting sorts of the f terms by species and of the
 * Jacobian terms by entry, so each target keeps the one-cell loops' order of additions */
static AsStatus as_mech_build_gathered(AsMech *m)
{
  const int n = m->nvar, nnz = m->nnz, nent = m->jac_start[m->nreact];
  int nterm = 0;
  for (int r = 0; r < m->nreact; r++) nterm += m->rx[r].nstoich;
  m->fg_start = calloc((size_t)n + 1, sizeof *m->fg_start);
  m->fg_rx = calloc((size_t)nterm + 1, sizeof *m->fg_rx);
  m->fg_coef = calloc((size_t)nterm + 1, sizeof *m->fg_coef);
  m->part_start = calloc((size_t)m->nreact + 1, sizeof *m->part_start);
  m->jg_start = calloc((size_t)nnz + 1, sizeof *m->jg_start);
  m->jg_part = calloc((size_t)nent + 1, sizeof *m->jg_part);
  m->jg_coef = calloc((size_t)nent + 1, sizeof *m->jg_coef);
  int *fill = calloc((size_t)(n > nnz ? n : nnz) + 1, sizeof *fill);
  if (!m->fg_start || !m->fg_rx || !m->fg_coef || !m->part_start || !m->jg_start || !m->jg_part || !m->jg_coef || !fill) {
    free(fill);
    return as_error(AS_ERR_MEM, "", "mechanism", "cannot allocate the gathered f and J tables");
  }
  for (int r = 0; r < m->nreact; r++)
    for (int s = 0; s < m->rx[r].nstoich; s++) m->fg_start[m->rx[r].st_sp[s] + 1]++;
  for (int i = 0; i < n; i++) m->fg_start[i + 1] += m->fg_start[i];
  for (int r = 0; r < m->nreact; r++)
    for (int s = 0; s < m->rx[r].nstoich; s++) {
      const int i = m->rx[r].st_sp[s], t = m->fg_start[i] + fill[i]++;
      m->fg_rx[t] = r, m->fg_coef[t] = m->rx[r].st_coef[s];
    }
  int np = 0;
  for (int r = 0; r < m->nreact; r++) m->part_start[r] = np, np += m->rx[r].nreact;
  m->part_start[m->nreact] = m->npart = np;
  for (int e = 0; e < nent; e++) m->jg_start[m->jac_pos[e] + 1]++;
  for (int q = 0; q < nnz; q++) m->jg_start[q + 1] += m->jg_start[q], fill[q] = 0;
  for (int r = 0; r < m->nreact; r++)
    for (int e = m->jac_start[r]; e < m->jac_start[r + 1]; e++) {
      const int t = m->jg_start[m->jac_pos[e]] + fill[m->jac_pos[e]]++;
      m->jg_part[t] = m->part_start[r] + m->jac_q[e], m->jg_coef[t] = m->jac_coef[e];
    }
  free(fill);
  return AS_OK;
}

AsStatus as_mech_build_pattern(AsMech *m)
{
  const int n = m->nvar;
  unsigned char *mark;
  AS_MALLOC(mark, (size_t)n * (size_t)n);
  for (int i = 0; i < n; i++) mark[(size_t)i * n + i] = 1;
  int nent = 0;
  for (int r = 0; r < m->nreact; r++) {
    const AsMechReaction *rx = &m->rx[r];
    for (int q = 0; q < rx->nreact; q++)
      for (int s = 0; s < rx->nstoich; s++) mark[(size_t)rx->st_sp[s] * n + rx->react[q]] = 1;
    nent += rx->nreact * rx->nstoich;
  }
  m->row_ptr = calloc((size_t)n + 1, sizeof *m->row_ptr);
  m->jac_start = calloc((size_t)m->nreact + 1, sizeof *m->jac_start);
  int nnz = 0;
  for (size_t e = 0; e < (size_t)n * n; e++) nnz += mark[e];
  m->col_idx = calloc((size_t)nnz, sizeof *m->col_idx);
  m->jac_q = calloc((size_t)nent + 1, sizeof *m->jac_q);
  m->jac_pos = calloc((size_t)nent + 1, sizeof *m->jac_pos);
  m->jac_coef = calloc((size_t)nent + 1, sizeof *m->jac_coef);
  if (!m->row_ptr || !m->jac_start || !m->col_idx || !m->jac_q || !m->jac_pos || !m->jac_coef) {
    free(mark);
    return as_error(AS_ERR_MEM, "", "mechanism", "cannot allocate the Jacobian pattern (%d non-zeros)", nnz);
  }
  int e = 0;
  for (int i = 0; i < n; i++) {
    m->row_ptr[i] = e;
    for (int j = 0; j < n; j++)
      if (mark[(size_t)i * n + j]) m->col_idx[e++] = j;
  }
  m->row_ptr[n] = e;
  m->nnz = nnz;
  free(mark);
  int c = 0;
  for (int r = 0; r < m->nreact; r++) {
    const AsMechReaction *rx = &m->rx[r];
    m->jac_start[r] = c;
    for (int q = 0; q < rx->nreact; q++)
      for (int s = 0; s < rx->nstoich; s++) {
        int i = rx->st_sp[s], j = rx->react[q], pos = m->row_ptr[i];
        while (m->col_idx[pos] != j) pos++;
        m->jac_q[c] = q;
        m->jac_pos[c] = pos;
        m->jac_coef[c++] = rx->st_coef[s];
      }
  }
  m->jac_start[m->nreact] = c;
  AS_CALL(as_mech_build_gathered(m));
  m->sys.n = n;
  m->sys.nnz = nnz;
  m->sys.row_ptr = m->row_ptr;
  m->sys.col_idx = m->col_idx;
  return AS_OK;
}
