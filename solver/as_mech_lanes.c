/* as_mech_lanes.c — mass-action f(y) and J(y) of the mechanism for W = AS_ODE_LANES interleaved cells.
 *
 *   rate_r = k_r prod_q y_{a_rq},   f_i = sum_r nu_ir rate_r,
 *   J_ij = sum_r nu_ir sum_{q: a_rq = j} k_r prod_{p != q} y_{a_rp}      (as_mech_ode.c)
 * Every statement becomes one operation on a lane vector (as_lanes_simd.h): the index loads
 * (reactants, stoichiometry, Jacobian positions) are paid once per W cells. First the rates (f) or
 * the partial derivatives k prod_{p != q} y (J) of every reaction, as mech_fun / mech_jac form them,
 * into scratch; then each f_i and each J entry is summed in a register from its own list of terms
 * (as_mech_impl.h, fg_ and jg_ tables), which keep the order in which the one-cell loops add them to
 * that target, starting from 0 as they do. Same operations on each target in the same order, so each
 * cell's f and J are bit-identical to the one-cell functions' (no FMA contraction: ISO C mode,
 * -ffp-contract=off, and no FMA target in either clone); one store per target instead of a
 * read-modify-write per term. */
#include "as_mech_lanes.h"
#include "as_lanes_simd.h"
#include "as_mech_impl.h"

AS_LANES_CLONES
void as_mech_fun_lanes(const AsMech *m, const double *k, const double *y, double *f, double *work)
{
  const as_vd *restrict K = (const as_vd *)k, *restrict Y = (const as_vd *)y;
  as_vd *restrict F = (as_vd *)f, *restrict rate = (as_vd *)work;
  for (int r = 0; r < m->nreact; r++) {
    const AsMechReaction *rx = &m->rx[r];
    as_vd v = K[r];
    for (int q = 0; q < rx->nreact; q++) v *= Y[rx->react[q]];
    rate[r] = v;
  }
  const as_vd zero = {0};
  for (int i = 0; i < m->nvar; i++) {
    as_vd acc = zero;
    for (int t = m->fg_start[i]; t < m->fg_start[i + 1]; t++) acc += m->fg_coef[t] * rate[m->fg_rx[t]];
    F[i] = acc;
  }
}

AS_LANES_CLONES
void as_mech_jac_lanes(const AsMech *m, const double *k, const double *y, double *jval, double *work)
{
  const as_vd *restrict K = (const as_vd *)k, *restrict Y = (const as_vd *)y;
  as_vd *restrict J = (as_vd *)jval, *restrict part = (as_vd *)work;
  for (int r = 0; r < m->nreact; r++) {
    const AsMechReaction *rx = &m->rx[r];
    as_vd *pr = part + m->part_start[r];
    for (int q = 0; q < rx->nreact; q++) {
      as_vd d = K[r];
      for (int p = 0; p < rx->nreact; p++)
        if (p != q) d *= Y[rx->react[p]];
      pr[q] = d;
    }
  }
  const as_vd zero = {0};
  for (int e = 0; e < m->nnz; e++) {
    as_vd acc = zero;
    for (int t = m->jg_start[e]; t < m->jg_start[e + 1]; t++) acc += m->jg_coef[t] * part[m->jg_part[t]];
    J[e] = acc;
  }
}

static void lanes_fun(const void *data, const double *par, const double *y, double *f, double *work)
{
  as_mech_fun_lanes(data, par, y, f, work);
}

static void lanes_jac(const void *data, const double *par, const double *y, double *jval, double *work)
{
  as_mech_jac_lanes(data, par, y, jval, work);
}

void as_mech_lanes_system(const AsMech *m, AsOdeLanes *sys)
{
  const int nwork = m->npart > m->nreact ? m->npart : m->nreact;
  *sys = (AsOdeLanes){m->nvar, m->nnz, m->row_ptr, m->col_idx, m->nreact, nwork, m, lanes_fun, lanes_jac};
}
