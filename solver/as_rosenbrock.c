/* as_rosenbrock.c — Rosenbrock integrators ROS3 and RODAS3 for dy/dt = f(y) (autonomous).
 *
 * One step of size H from y (Hairer & Wanner 1996, Solving ODEs II, sec. IV.7; formulation and
 * coefficients of KPP's Rosenbrock integrator, Sandu et al. 1997, Atmos. Environ. 31:3459,
 * "Benchmarking stiff ODE solvers for atmospheric chemistry problems II"):
 *   M = I - H*g*J(y),  g = gamma_1
 *   Y_i = y + sum_{j<i} a_ij K_j                  (f(Y_i) only where the method asks: NewF)
 *   M K_i = H*g * ( f(Y_i) + sum_{j<i} (c_ij / H) K_j )
 *   y_new = y + sum_i m_i K_i,   err = sum_i e_i K_i   (embedded lower-order difference)
 * Error norm: the MAXIMUM over species, E = max_k |err_k| / (atol_k + rtol*max(|y_k|,|y_new,k|)),
 * so every species meets its own tolerance. (The root-mean-square over the n species, KPP's
 * ros_ErrorNorm, lets one species carry sqrt(n) = 8.9 times its tolerance when the other 78 of
 * CB6r5 are quiet: a single 300 s RODAS3 step through the evening NO titration was accepted with
 * E = 0.59 and NO = 0 instead of 0.07 ppt — docs/science-chemsolver-b.md.)
 * Filtered estimate (ROS3): err <- (I - H g J)^-1 err before the norm, the filter that Hairer &
 * Wanner (1996, sec. IV.8, "error estimation") apply to RADAU5's estimate. ROS3's embedded
 * second-order formula is not L-stable, so for a component far stiffer than the step (|H g lambda|
 * >> 1) its raw difference stays O(1) while the true local error of the L-stable ROS3 solution
 * decays; the filter divides that component by about 1 + H g |lambda| and leaves non-stiff ones
 * unchanged. In the 3-D model it matters at the start of every chemistry call: transport and
 * emissions push the radicals (O, OH, HO2, NO3) off their quasi-steady state, and with the raw
 * estimate the carried step was rejected 5 times per call (17.5 LU per cell-step at 6 km; 4.9 with
 * the filter) — docs/science.md "Filtered error estimate". RODAS3 keeps the raw estimate: filtered,
 * it accepts one 300 s step through a z = -6 decay with the final value 100 % wrong
 * (tests/test_ros_norm.c); ROS3 filtered passes that test at every rtol.
 * Step control: H_new = H * min(6, max(0.2, 0.9 * E^(-1/3))); accept when E <= 1; after a
 * rejection the next step may not grow; after two consecutive rejections H is cut by 10 (KPP).
 * Cold start (*h <= 0): first trial step 0.1 dt (AS_ROS_COLD_H0 below; was 1e-6 dt).
 * Positivity: after an accepted step, negative components (of the order of the local error,
 * which the error test bounds) are set to zero — see docs/science.md.
 */
#include "as_rosenbrock_impl.h"
#include "as_sparse_lu.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* AS_ROS_MAXS, AS_ROS_MAXSTEPS, AS_ROS_COLD_H0 (the cold-start step, with its measurements), the
 * controller constants and AsRosMethod: as_rosenbrock_impl.h, shared with the multi-cell solver. */

/* KPP int/rosenbrock (Sandu et al. 1997): coefficient tables of ROS-3 and RODAS-3. */
static const AsRosMethod as_ros_methods[] = { /* AsRosMethod: as_rosenbrock_impl.h */
    {"ros3", 3,
     {1.0, 1.0, 0.0},
     {-0.10156171083877702091975600115545e+01, 0.40759956452537699824805835358067e+01,
      0.92076794298330791242156818474003e+01},
     {1.0, 0.61697947043828245592553615689730e+01, -0.42772256543218573326238373806514e+00},
     {0.5, -0.29079558716805469821718236208017e+01, 0.22354069897811569627360909276199e+00},
     {1, 1, 0},
     0.43586652150845899941601945119356e+00, 3.0, 1},
    {"rodas3", 4,
     {0.0, 2.0, 0.0, 2.0, 0.0, 1.0},
     {4.0, 1.0, -1.0, 1.0, -1.0, -8.0 / 3.0},
     {2.0, 0.0, 1.0, 1.0},
     {0.0, 0.0, 0.0, 1.0},
     {1, 0, 1, 1},
     0.5, 3.0, 0},
};

const AsRosMethod *as_ros_method(const char *name)
{
  for (size_t i = 0; i < sizeof as_ros_methods / sizeof as_ros_methods[0]; i++)
    if (name && strcmp(name, as_ros_methods[i].name) == 0) return &as_ros_methods[i];
  return NULL;
}

struct AsRos {
  AsOdeSystem sys;
  const AsRosMethod *meth;
  int filter;
  AsSparseLu *lu;
  double *jval, *f0, *fs, *ystage, *ynew, *err, *k; /* k: s*n */
};

AsStatus as_ros_create(const AsOdeSystem *sys, const char *method, AsRos **out)
{
  *out = NULL;
  if (!sys || sys->n <= 0 || !sys->fun || !sys->jac || !sys->row_ptr || !sys->col_idx)
    return as_error(AS_ERR_ARG, "", "rosenbrock", "incomplete ODE system");
  const AsRosMethod *meth = as_ros_method(method);
  if (!meth)
    return as_error(AS_ERR_CONFIG, "", "rosenbrock", "unknown method '%s' (ros3, rodas3)",
                    method ? method : "(null)");
  AsRos *r;
  AS_MALLOC(r, 1);
  r->sys = *sys;
  r->meth = meth;
  r->filter = meth->filter;
  AsStatus st = as_slu_create(sys->n, sys->row_ptr, sys->col_idx, &r->lu);
  if (st != AS_OK) {
    free(r);
    return st;
  }
  const size_t n = (size_t)sys->n;
  r->jval = malloc((size_t)sys->nnz * sizeof(double));
  r->f0 = malloc(n * sizeof(double));
  r->fs = malloc(n * sizeof(double));
  r->ystage = malloc(n * sizeof(double));
  r->ynew = malloc(n * sizeof(double));
  r->err = malloc(n * sizeof(double));
  r->k = malloc(n * AS_ROS_MAXS * sizeof(double));
  if (!r->jval || !r->f0 || !r->fs || !r->ystage || !r->ynew || !r->err || !r->k) {
    as_ros_destroy(&r);
    return as_error(AS_ERR_MEM, "", "rosenbrock", "cannot allocate work arrays (n = %zu)", n);
  }
  *out = r;
  return AS_OK;
}

/* One Rosenbrock step of size H from y with f0 = f(y) and jval = J(y) already evaluated.
 * Returns 1 if the matrix could not be factored. Fills r->ynew and r->err. */
static int as_ros_step(AsRos *r, void *ctx, const double *y, double H, AsOdeStats *st)
{
  const AsRosMethod *m = r->meth;
  const int n = r->sys.n;
  const double hg = H * m->gamma;
  st->lu_decomps++;
  if (as_slu_factor(r->lu, hg, r->jval)) return 1;
  const double *fcur = r->f0;
  double *restrict kall = r->k, *restrict ystage = r->ystage;
  for (int s = 0; s < m->s; s++) {
    double *restrict ks = kall + (size_t)s * n;
    const int row = s * (s - 1) / 2; /* offset of (s+1, 1) in the packed tables */
    double ch[AS_ROS_MAXS];          /* c_sj / H, once per stage rather than per species */
    for (int j = 0; j < s; j++) ch[j] = m->c[row + j] / H;
    if (s > 0 && m->newf[s]) {
      for (int i = 0; i < n; i++) {
        double v = y[i];
        for (int j = 0; j < s; j++) v += m->a[row + j] * kall[(size_t)j * n + i];
        ystage[i] = v;
      }
      r->sys.fun(ctx, ystage, r->fs);
      st->fun_evals++;
      fcur = r->fs;
    }
    for (int i = 0; i < n; i++) {
      double v = fcur[i];
      for (int j = 0; j < s; j++) v += ch[j] * kall[(size_t)j * n + i];
      ks[i] = hg * v;
    }
    as_slu_solve(r->lu, ks);
  }
  for (int i = 0; i < n; i++) {
    double yn = y[i], er = 0.0;
    for (int s = 0; s < m->s; s++) {
      const double kv = kall[(size_t)s * n + i];
      yn += m->m[s] * kv;
      er += m->e[s] * kv;
    }
    r->ynew[i] = yn;
    r->err[i] = er;
  }
  if (r->filter) as_slu_solve(r->lu, r->err); /* err <- (I - h g J)^-1 err */
  return 0;
}

/* max_k |err_k| / sc_k; a NaN anywhere (err or ynew) makes the step fail (1e300), never pass */
static double as_ros_errnorm(const AsRos *r, const double *y, double rtol, const double *atol)
{
  const int n = r->sys.n;
  double e = 0.0;
  int bad = 0;
  for (int i = 0; i < n; i++) {
    const double sc = atol[i] + rtol * fmax(fabs(y[i]), fabs(r->ynew[i]));
    const double q = fabs(r->err[i]) / sc;
    e = q > e ? q : e;
    bad |= q != q;
  }
  return (!bad && isfinite(e)) ? e : 1e300;
}

static void as_ros_accept(AsRos *r, double *y)
{
  for (int i = 0; i < r->sys.n; i++) y[i] = r->ynew[i] > 0.0 ? r->ynew[i] : 0.0;
}

AsStatus as_ros_integrate(AsRos *r, void *ctx, double *y, double dt, double rtol,
                          const double *atol, double *h, AsOdeStats *stats)
{
  AsOdeStats st = {0, 0, 0, 0, 0};
  if (!(dt > 0.0) || !(rtol > 0.0) || !atol || !h)
    return as_error(AS_ERR_ARG, "", "rosenbrock", "bad arguments (dt %g, rtol %g)", dt, rtol);
  const double facmin = AS_ROS_FACMIN, facmax = AS_ROS_FACMAX, facsafe = AS_ROS_FACSAFE, facrej = AS_ROS_FACREJ;
  const double hmin = 1e-14 * dt;
  double H = (*h > 0.0) ? *h : AS_ROS_COLD_H0 * dt; /* cold start: see AS_ROS_COLD_H0 */
  double t = 0.0, hnext = H;
  if (H > dt) H = dt;
  int reject_last = 0, reject_more = 0;
  while (dt - t > 1e-12 * dt) {
    if (st.steps + st.rejected >= AS_ROS_MAXSTEPS) {
      if (stats) *stats = st;
      return as_error(AS_ERR_NUMERIC, "", "rosenbrock", "more than %d steps in dt = %g s (t = %g)",
                      AS_ROS_MAXSTEPS, dt, t);
    }
    r->sys.fun(ctx, y, r->f0);
    r->sys.jac(ctx, y, r->jval);
    st.fun_evals++;
    st.jac_evals++;
    int nsing = 0;
    for (;;) { /* until the step is accepted */
      const double hprop = H; /* the controller's step before shortening it to reach dt */
      const int last = H >= dt - t;
      if (last) H = dt - t;
      if (H < hmin) {
        if (stats) *stats = st;
        return as_error(AS_ERR_NUMERIC, "", "rosenbrock", "step size %g s too small at t = %g s", H, t);
      }
      if (as_ros_step(r, ctx, y, H, &st)) {
        if (++nsing > 5) {
          if (stats) *stats = st;
          return as_error(AS_ERR_NUMERIC, "", "rosenbrock", "matrix I - h*g*J repeatedly singular at t = %g s", t);
        }
        H *= 0.5;
        continue;
      }
      const double e = as_ros_errnorm(r, y, rtol, atol);
      double hnew = H * fmin(facmax, fmax(facmin, facsafe / pow(fmax(e, 1e-300), 1.0 / r->meth->elo)));
      if (e <= 1.0) {
        as_ros_accept(r, y);
        st.steps++;
        t = last ? dt : t + H;
        if (reject_last) hnew = fmin(hnew, H);
        reject_last = reject_more = 0;
        /* carry the controller's proposal, not a step shortened to hit dt */
        hnext = last ? fmax(hnew, hprop) : hnew;
        H = hnew;
        break;
      }
      st.rejected++;
      if (reject_more) hnew = H * facrej;
      reject_more = reject_last;
      reject_last = 1;
      H = hnew;
    }
  }
  *h = fmin(hnext, dt);
  if (stats) *stats = st;
  return AS_OK;
}

void as_ros_set_error_filter(AsRos *r, int on) { r->filter = on != 0; }
int as_ros_error_filter(const AsRos *r) { return r->filter; }

AsStatus as_ros_integrate_fixed(AsRos *r, void *ctx, double *y, double dt, int nsteps,
                                AsOdeStats *stats)
{
  AsOdeStats st = {0, 0, 0, 0, 0};
  if (!(dt > 0.0) || nsteps <= 0)
    return as_error(AS_ERR_ARG, "", "rosenbrock", "bad fixed-step arguments (dt %g, %d steps)", dt, nsteps);
  const double H = dt / nsteps;
  for (int s = 0; s < nsteps; s++) {
    r->sys.fun(ctx, y, r->f0);
    r->sys.jac(ctx, y, r->jval);
    st.fun_evals++;
    st.jac_evals++;
    if (as_ros_step(r, ctx, y, H, &st)) {
      if (stats) *stats = st;
      return as_error(AS_ERR_NUMERIC, "", "rosenbrock", "singular matrix in fixed step %d", s);
    }
    memcpy(y, r->ynew, (size_t)r->sys.n * sizeof(double)); /* no clipping: pure method */
    st.steps++;
  }
  if (stats) *stats = st;
  return AS_OK;
}

void as_ros_destroy(AsRos **ros)
{
  if (!ros || !*ros) return;
  AsRos *r = *ros;
  as_slu_destroy(&r->lu);
  free(r->jval);
  free(r->f0);
  free(r->fs);
  free(r->ystage);
  free(r->ynew);
  free(r->err);
  free(r->k);
  free(r);
  *ros = NULL;
}
