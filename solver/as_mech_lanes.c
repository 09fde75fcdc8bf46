/* as_mech_lanes.c — mass-action f(y) and J(y) of the mechanism for W = AS_ODE_LANES interleaved cells.
 *
 *   rate_r = k_r prod_q y_{a_rq},   f_i = sum_r nu_ir rate_r,
 *   J_ij = sum_r nu_ir sum_{q: a_rq = j} k_r prod_{p != q} y_{a_rp}      (as_mech_ode.c)
 * Every statement of mech_fun / mech_jac becomes one operation on a lane vector (as_lanes_simd.h):
 * the index loads (reactants, stoichiometry, Jacobian positions) are paid once per W cells. The
 * reactions, reactants and terms are visited in the order of the one-cell functions and no products
 * are regrouped, so each cell's f and J are bit-identical to theirs (no FMA contraction: ISO C mode,
 * and no FMA target in either clone). */
#include "as_mech_lanes.h"
#include "as_lanes_simd.h"
#include "as_mech_impl.h"

AS_LANES_CLONES
void as_mech_fun_lanes(const AsMech *m, const double *k, const double *y, double *f)
{
  const as_vd *restrict K = (const as_vd *)k, *restrict Y = (const as_vd *)y;
  as_vd *restrict F = (as_vd *)f;
  const as_vd zero = {0};
  for (int i = 0; i < m->nvar; i++) F[i] = zero;
  for (int r = 0; r < m->nreact; r++) {
    const AsMechReaction *rx = &m->rx[r];
    as_vd rate = K[r];
    for (int q = 0; q < rx->nreact; q++) rate *= Y[rx->react[q]];
    for (int s = 0; s < rx->nstoich; s++) F[rx->st_sp[s]] += rx->st_coef[s] * rate;
  }
}

AS_LANES_CLONES
void as_mech_jac_lanes(const AsMech *m, const double *k, const double *y, double *jval)
{
  const as_vd *restrict K = (const as_vd *)k, *restrict Y = (const as_vd *)y;
  as_vd *restrict J = (as_vd *)jval;
  const as_vd zero = {0};
  for (int e = 0; e < m->nnz; e++) J[e] = zero;
  for (int r = 0; r < m->nreact; r++) {
    const AsMechReaction *rx = &m->rx[r];
    as_vd partial[AS_MECH_MAXREACT];
    for (int q = 0; q < rx->nreact; q++) {
      as_vd d = K[r];
      for (int p = 0; p < rx->nreact; p++)
        if (p != q) d *= Y[rx->react[p]];
      partial[q] = d;
    }
    for (int e = m->jac_start[r]; e < m->jac_start[r + 1]; e++) J[m->jac_pos[e]] += m->jac_coef[e] * partial[m->jac_q[e]];
  }
}

static void lanes_fun(const void *data, const double *par, const double *y, double *f)
{
  as_mech_fun_lanes(data, par, y, f);
}

static void lanes_jac(const void *data, const double *par, const double *y, double *jval)
{
  as_mech_jac_lanes(data, par, y, jval);
}

void as_mech_lanes_system(const AsMech *m, AsOdeLanes *sys)
{
  *sys = (AsOdeLanes){m->nvar, m->nnz, m->row_ptr, m->col_idx, m->nreact, m, lanes_fun, lanes_jac};
}
