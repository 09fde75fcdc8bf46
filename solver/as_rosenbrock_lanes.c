/* as_rosenbrock_lanes.c — ROS3 / RODAS3 for W = AS_ODE_LANES cells at a time (as_rosenbrock_lanes.h).
 *
 * The method, controller and constants are as_rosenbrock.c's (as_rosenbrock_impl.h):
 *   M_c = I - H_c g J_c(y_c),  M_c K_i = H_c g (f(Y_i) + sum_j (c_ij / H_c) K_j),  Y_i = y + sum_j a_ij K_j
 *   y_new = y + sum m_i K_i,  err = sum e_i K_i (ROS3: err <- M^-1 err),  E = max_k |err_k| / sc_k,
 *   H_new = H min(6, max(0.2, 0.9 E^(-1/3))), cold start 0.1 dt, negative components set to 0.
 * Storage: every array of the one-cell solver, W wide and interleaved (as_ode.h).
 *
 * One iteration of the lane loop:
 *   1. f(y_n) and J(y_n) for all W lanes when a lane has just accepted a step or taken a new cell
 *      (a lane that is retrying after a rejection gets the same values again: same y, same operations);
 *   2. each busy lane's step H_c, shortened to reach dt as in as_ros_integrate;
 *   3. the step of all W lanes, vectorised: factor with H_c g per lane, the stages, y_new, err;
 *   4. per lane, in scalar code: singular pivot, error norm, accept or reject, the controller; a lane
 *      that reaches dt hands back its cell and takes the next from the queue.
 * Idle lanes (queue empty) compute on their frozen values; nothing of theirs is stored. */
#include "as_rosenbrock_lanes.h"
#include "as_rosenbrock_impl.h"
#include "as_lanes_simd.h"
#include "as_sparse_lu.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define W AS_ODE_LANES

typedef struct {
  int cell;               /* cell in this lane, -1: idle */
  int need_fj;            /* y changed since f0 and J were evaluated */
  int last, reject_last, reject_more, nsing;
  double t, H, hprop, hnext;
  AsOdeStats st;
} AsRosLane;

struct AsRosLanes {
  AsOdeLanes sys;
  const AsRosMethod *meth;
  AsSparseLuLanes *lu;
  double *jval, *f0, *fs, *ystage, *ynew, *err, *k, *y, *par, *work; /* all W wide; k: s stages */
  AsRosLane lane[W];
};

AsStatus as_rosl_create(const AsOdeLanes *sys, const char *method, AsRosLanes **out)
{
  *out = NULL;
  if (!sys || sys->n <= 0 || sys->npar < 0 || sys->nwork < 0 || !sys->fun || !sys->jac || !sys->row_ptr || !sys->col_idx)
    return as_error(AS_ERR_ARG, "", "rosenbrock (lanes)", "incomplete ODE system");
  const AsRosMethod *meth = as_ros_method(method);
  if (!meth)
    return as_error(AS_ERR_CONFIG, "", "rosenbrock (lanes)", "unknown method '%s' (ros3, rodas3)",
                    method ? method : "(null)");
  AsRosLanes *r = calloc(1, sizeof *r);
  if (!r) return as_error(AS_ERR_MEM, "", "rosenbrock (lanes)", "out of memory");
  r->sys = *sys;
  r->meth = meth;
  AsStatus st = as_slul_create(sys->n, sys->row_ptr, sys->col_idx, &r->lu);
  if (st != AS_OK) {
    free(r);
    return st;
  }
  const size_t n = (size_t)sys->n;
  r->jval = as_lanes_alloc((size_t)sys->nnz);
  r->f0 = as_lanes_alloc(n);
  r->fs = as_lanes_alloc(n);
  r->ystage = as_lanes_alloc(n);
  r->ynew = as_lanes_alloc(n);
  r->err = as_lanes_alloc(n);
  r->k = as_lanes_alloc(n * AS_ROS_MAXS);
  r->y = as_lanes_alloc(n);
  r->par = as_lanes_alloc((size_t)sys->npar + 1);
  r->work = as_lanes_alloc((size_t)sys->nwork + 1);
  if (!r->jval || !r->f0 || !r->fs || !r->ystage || !r->ynew || !r->err || !r->k || !r->y || !r->par || !r->work) {
    as_rosl_destroy(&r);
    return as_error(AS_ERR_MEM, "", "rosenbrock (lanes)", "cannot allocate work arrays (n = %d, %d lanes)",
                    sys->n, W);
  }
  *out = r;
  return AS_OK;
}

/* One step of every lane c with size H[c] from r->y, with f0 = f(y) and jval = J(y): r->ynew, r->err;
 * bad[c] = 1 where lane c's matrix could not be factored. The operations of as_ros_step per lane. */
AS_LANES_CLONES
static void rosl_step(AsRosLanes *r, const double *H, int *bad)
{
  const AsRosMethod *m = r->meth;
  const int n = r->sys.n;
  double hg[W];
  as_vd Hv, hgv;
  for (int c = 0; c < W; c++) hg[c] = H[c] * m->gamma, Hv[c] = H[c], hgv[c] = hg[c];
  as_slul_factor(r->lu, hg, r->jval, bad);
  const as_vd *fcur = (const as_vd *)r->f0, *restrict y = (const as_vd *)r->y;
  as_vd *restrict kall = (as_vd *)r->k, *restrict ystage = (as_vd *)r->ystage;
  for (int s = 0; s < m->s; s++) {
    as_vd *restrict ks = kall + (size_t)s * n;
    const int row = s * (s - 1) / 2;
    as_vd ch[AS_ROS_MAXS];
    for (int j = 0; j < s; j++) ch[j] = m->c[row + j] / Hv;
    if (s > 0 && m->newf[s]) {
      for (int i = 0; i < n; i++) {
        as_vd v = y[i];
        for (int j = 0; j < s; j++) v += m->a[row + j] * kall[(size_t)j * n + i];
        ystage[i] = v;
      }
      r->sys.fun(r->sys.data, r->par, r->ystage, r->fs, r->work);
      fcur = (const as_vd *)r->fs;
    }
    for (int i = 0; i < n; i++) {
      as_vd v = fcur[i];
      for (int j = 0; j < s; j++) v += ch[j] * kall[(size_t)j * n + i];
      ks[i] = hgv * v;
    }
    as_slul_solve(r->lu, (double *)ks);
  }
  as_vd *restrict ynew = (as_vd *)r->ynew, *restrict err = (as_vd *)r->err;
  const as_vd zero = {0};
  for (int i = 0; i < n; i++) {
    as_vd yn = y[i], er = zero;
    for (int s = 0; s < m->s; s++) {
      const as_vd kv = kall[(size_t)s * n + i];
      yn += m->m[s] * kv;
      er += m->e[s] * kv;
    }
    ynew[i] = yn;
    err[i] = er;
  }
  if (m->filter) as_slul_solve(r->lu, r->err);
}

/* as_ros_errnorm for every lane: max_k |err_k| / sc_k, 1e300 when anything is NaN or infinite */
static void rosl_errnorm(const AsRosLanes *r, double rtol, const double *atol, double *enorm)
{
  const int n = r->sys.n;
  double e[W];
  int bad[W];
  for (int c = 0; c < W; c++) e[c] = 0.0, bad[c] = 0;
  for (int i = 0; i < n; i++)
    for (int c = 0; c < W; c++) {
      const size_t q = (size_t)i * W + c;
      const double sc = atol[i] + rtol * fmax(fabs(r->y[q]), fabs(r->ynew[q]));
      const double v = fabs(r->err[q]) / sc;
      e[c] = v > e[c] ? v : e[c];
      bad[c] |= v != v;
    }
  for (int c = 0; c < W; c++) enorm[c] = (!bad[c] && isfinite(e[c])) ? e[c] : 1e300;
}

/* put cell into lane c (y, parameters, first trial step as as_ros_integrate picks it) */
static void rosl_load(AsRosLanes *r, int c, int cell, const double *y, const double *par, const double *h,
                      double dt)
{
  const int n = r->sys.n, np = r->sys.npar;
  AsRosLane *l = &r->lane[c];
  for (int i = 0; i < n; i++) r->y[(size_t)i * W + c] = y[(size_t)cell * n + i];
  for (int p = 0; p < np; p++) r->par[(size_t)p * W + c] = par[(size_t)cell * np + p];
  *l = (AsRosLane){cell, 1, 0, 0, 0, 0, 0.0, 0.0, 0.0, 0.0, {0, 0, 0, 0, 0}};
  l->H = (h[cell] > 0.0) ? h[cell] : AS_ROS_COLD_H0 * dt;
  l->hnext = l->H;
  if (l->H > dt) l->H = dt;
}

typedef struct {
  int ncell;
  double *y, *h;
  AsOdeStats *stats;
  long failed;           /* lowest failed cell, -1 */
  const char *why;       /* its reason */
  double why_t, why_h;
} AsRoslOut;

/* lane c's cell is done (ok) or failed (why): store its results, free the lane */
static void rosl_finish(AsRosLanes *r, int c, double dt, AsRoslOut *o, const char *why)
{
  AsRosLane *l = &r->lane[c];
  const int n = r->sys.n;
  if (o->stats) o->stats[l->cell] = l->st;
  if (!why) {
    for (int i = 0; i < n; i++) o->y[(size_t)l->cell * n + i] = r->y[(size_t)i * W + c];
    o->h[l->cell] = fmin(l->hnext, dt);
  } else if (o->failed < 0 || l->cell < o->failed) {
    o->failed = l->cell, o->why = why, o->why_t = l->t, o->why_h = l->H;
  }
  l->cell = -1;
}

AsStatus as_rosl_integrate(AsRosLanes *r, int ncell, double *y, const double *par, double dt, double rtol,
                           const double *atol, double *h, AsOdeStats *stats, AsRosLaneStats *lanes)
{
  if (!(dt > 0.0) || !(rtol > 0.0) || !atol || !h || ncell < 0 || !y || (!par && r->sys.npar > 0))
    return as_error(AS_ERR_ARG, "", "rosenbrock (lanes)", "bad arguments (dt %g, rtol %g, %d cells)", dt, rtol,
                    ncell);
  AsRosLaneStats ls = {0, 0, 0, -1};
  AsRoslOut o = {ncell, y, h, stats, -1, NULL, 0.0, 0.0};
  const double facmin = AS_ROS_FACMIN, facmax = AS_ROS_FACMAX, facsafe = AS_ROS_FACSAFE, facrej = AS_ROS_FACREJ;
  const double hmin = 1e-14 * dt, elo = r->meth->elo;
  const size_t nw = (size_t)r->sys.n * W;
  int next = 0, busy = 0;
  for (int c = 0; c < W; c++) { /* idle lanes compute on zeros: finite, never stored */
    r->lane[c].cell = -1, r->lane[c].H = dt;
    for (size_t q = (size_t)c; q < nw; q += W) r->y[q] = 0.0;
    for (size_t q = (size_t)c; q < (size_t)r->sys.npar * W; q += W) r->par[q] = 0.0;
    if (next < ncell) rosl_load(r, c, next++, y, par, h, dt), busy++;
  }
  while (busy > 0) {
    int fj = 0, bad[W], act[W];
    double H[W], e[W];
    for (int c = 0; c < W; c++) { /* 1. f(y_n), J(y_n) */
      AsRosLane *l = &r->lane[c];
      if (l->cell < 0 || !l->need_fj) continue;
      if (l->st.steps + l->st.rejected >= AS_ROS_MAXSTEPS) rosl_finish(r, c, dt, &o, "too many steps");
      else fj = 1;
    }
    if (fj) {
      r->sys.fun(r->sys.data, r->par, r->y, r->f0, r->work);
      r->sys.jac(r->sys.data, r->par, r->y, r->jval, r->work);
      ls.fj_evals++;
      for (int c = 0; c < W; c++) {
        AsRosLane *l = &r->lane[c];
        if (l->cell < 0 || !l->need_fj) continue;
        l->st.fun_evals++, l->st.jac_evals++;
        l->need_fj = 0, l->nsing = 0;
      }
    }
    for (int c = 0; c < W; c++) { /* 2. the step each lane attempts */
      AsRosLane *l = &r->lane[c];
      act[c] = 0;
      if (l->cell >= 0) {
        l->hprop = l->H;
        l->last = l->H >= dt - l->t;
        if (l->last) l->H = dt - l->t;
        if (l->H < hmin) rosl_finish(r, c, dt, &o, "step size too small");
        else act[c] = 1, ls.lane_iters++;
      }
      H[c] = l->H;
    }
    rosl_step(r, H, bad); /* 3. */
    ls.iters++;
    rosl_errnorm(r, rtol, atol, e);
    for (int c = 0; c < W; c++) { /* 4. */
      AsRosLane *l = &r->lane[c];
      if (!act[c]) continue;
      l->st.lu_decomps++;
      if (bad[c]) {
        if (++l->nsing > 5) rosl_finish(r, c, dt, &o, "matrix I - h*g*J repeatedly singular");
        else l->H *= 0.5;
        continue;
      }
      for (int s = 1; s < r->meth->s; s++) l->st.fun_evals += r->meth->newf[s]; /* as as_ros_step counts */
      const double hs = l->H;
      double hnew = hs * fmin(facmax, fmax(facmin, facsafe / pow(fmax(e[c], 1e-300), 1.0 / elo)));
      if (e[c] <= 1.0) {
        for (size_t q = (size_t)c; q < nw; q += W) r->y[q] = r->ynew[q] > 0.0 ? r->ynew[q] : 0.0;
        l->st.steps++;
        l->t = l->last ? dt : l->t + hs;
        if (l->reject_last) hnew = fmin(hnew, hs);
        l->reject_last = l->reject_more = 0;
        l->hnext = l->last ? fmax(hnew, l->hprop) : hnew;
        l->H = hnew;
        l->need_fj = 1;
        if (!(dt - l->t > 1e-12 * dt)) rosl_finish(r, c, dt, &o, NULL);
        continue;
      }
      l->st.rejected++;
      if (l->reject_more) hnew = hs * facrej;
      l->reject_more = l->reject_last;
      l->reject_last = 1;
      l->H = hnew;
    }
    busy = 0;
    for (int c = 0; c < W; c++) { /* refill from the queue */
      if (r->lane[c].cell < 0 && next < ncell) rosl_load(r, c, next++, y, par, h, dt);
      busy += r->lane[c].cell >= 0;
    }
  }
  ls.failed = o.failed;
  if (lanes) *lanes = ls;
  if (o.failed >= 0)
    return as_error(AS_ERR_NUMERIC, "", "rosenbrock (lanes)", "cell %ld: %s at t = %g s (h = %g s)", o.failed, o.why,
                    o.why_t, o.why_h);
  return AS_OK;
}

void as_rosl_destroy(AsRosLanes **ros)
{
  if (!ros || !*ros) return;
  AsRosLanes *r = *ros;
  as_slul_destroy(&r->lu);
  free(r->jval), free(r->f0), free(r->fs), free(r->ystage), free(r->ynew), free(r->err), free(r->k);
  free(r->y), free(r->par), free(r->work);
  free(r);
  *ros = NULL;
}
