/* as_vadv.c — "advection_vertical": flux-form PPM on the layers, in the air-mass coordinate.
 *
 * Each column is a line of cells whose widths are their air masses A_k (kg), so the non-uniform
 * layers are handled by the non-uniform PPM of Colella & Woodward (1984, J. Comput. Phys. 54:174,
 * eqs. 1.6-1.10) with xi = cumulative air mass. Through interface k (between layers k-1 and k)
 * a sub-step h moves the air mass F = fz_k h (kg, > 0 upward) and the tracer mass F qbar, where
 * qbar is the average of the upwind cell's limited parabola over the swept fraction
 * sigma = |F|/A_upwind (CW84 eq. 1.12). Tracer and air masses are both updated in flux form
 * (Easter 1993, Mon. Wea. Rev. 121:297), and q = tracer/air is re-formed each sub-step.
 *
 *    top    k=nz  ----- fz[nz] (inflow: q_top = boundary value / rho_ref[nz-1]) -----
 *           layer nz-1   A, tracer
 *           ...
 *           layer 0      A, tracer
 *    ground k=0   ----- fz[0] = 0 -----
 *
 * Air mass at the start of the sweep. The fluxes are mass-consistent: horizontal plus vertical
 * divergence is zero in every cell, so after the horizontal advection has run for tau_h seconds
 * of this step and this process for tau_v, the air mass is
 *     A = mair + (tau_h - tau_v) (fz[k+1] - fz[k]),
 * and a sweep of dt leaves mair + (tau_h - tau_v - dt)(fz[k+1]-fz[k]); with the Strang table
 * hadv(dt/2) vadv(dt/2) ... vadv(dt/2) hadv(dt/2) the first vertical sweep ends exactly at mair
 * and the second starts from it. tau_h and tau_v follow from the process table (setup). A constant
 * q therefore stays constant to round-off.
 *
 * Sub-steps: per row of columns (the largest need in the row, so all species and columns of a row
 * share one geometry), enough that no layer loses more than 0.95 of its (smallest) air mass in
 * one sub-step. Top: inflow carries the boundary value, outflow the upwind parabola (zero
 * gradient ghost cells above); both go to the budget (inflow/outflow).
 */
#include "as_drydep.h"
#include "as_transport.h"
#include <math.h>
#include <omp.h>
#include <stdlib.h>
#include <string.h>

#define COURANT_MAX 0.95

/* min/max as plain compares: they compile to single SIMD instructions (fmin/fmax must honour NaN
 * and stay library calls without -ffinite-math-only); no NaN reaches them (the run stops first) */
static inline double min2(double a, double b) { return a < b ? a : b; }
static inline double max2(double a, double b) { return a > b ? a : b; }

int as_vadv_substeps(int nz, const double *air, const double *fz, double dt, double courant_max)
{
  double worst = 0.0;
  for (int k = 0; k < nz; k++) {
    double out = max2(fz[k + 1], 0.0) + max2(-fz[k], 0.0);
    double amin = min2(air[k], air[k] + dt * (fz[k] - fz[k + 1]));
    if (amin <= 0.0) return 0; /* the fluxes empty the layer: not a valid flow for this dt */
    worst = max2(worst, out * dt / (courant_max * amin));
  }
  double n = ceil(worst);
  return n < 1 ? 1 : (n > 1e6 ? 0 : (int)n);
}

/* Geometry of one sub-step for a row of nx columns: the non-uniform PPM weights depend only on
 * the layer air masses w (CW84 eqs. 1.6-1.8), so they are shared by every species. Arrays are
 * [(nz+4)][nx] with j = layer + 2 (two ghost layers each side); the column index i is innermost so
 * every loop runs over contiguous memory and vectorises. */
typedef struct {
  double *w, *inv_air;    /* air mass with ghosts; 1 / air mass of each layer */
  double *A, *B;          /* slope: da_j = A_j (q_{j+1}-q_j) + B_j (q_j - q_{j-1})  (CW84 1.7) */
  double *G, *E, *F;      /* edge_{j+1/2} = q_j + G_j (q_{j+1}-q_j) - E_j dm_{j+1} + F_j dm_j (1.6) */
} VadvGeom;
#define GEOM_LEN(nz, nx) (7 * (size_t)((nz) + 4) * (size_t)(nx))
#define KERNEL_LEN(nz, nx) ((5 * (size_t)((nz) + 4) + 1) * (size_t)(nx))

static void vadv_geom_bind(double *buf, int nz, int nx, VadvGeom *g)
{
  const size_t n = (size_t)(nz + 4) * nx;
  *g = (VadvGeom){buf, buf + n, buf + 2 * n, buf + 3 * n, buf + 4 * n, buf + 5 * n, buf + 6 * n};
}

static void vadv_geometry(int nz, int nx, const double *restrict air, const VadvGeom *g)
{
  const size_t X = (size_t)nx;
  double *restrict w = g->w;
  for (int k = 0; k < nz; k++)
    for (size_t i = 0; i < X; i++) {
      w[(k + 2) * X + i] = air[k * X + i];
      g->inv_air[k * X + i] = 1.0 / air[k * X + i];
    }
  for (size_t i = 0; i < X; i++) {
    w[i] = w[X + i] = w[2 * X + i];
    w[(nz + 2) * X + i] = w[(nz + 3) * X + i] = w[(nz + 1) * X + i];
  }
  for (int j = 1; j <= nz + 2; j++)
    for (size_t i = 0; i < X; i++) {
      double wm = w[(j - 1) * X + i], w0 = w[j * X + i], wp = w[(j + 1) * X + i];
      double f = w0 / (wm + w0 + wp);
      g->A[j * X + i] = f * (2 * wm + w0) / (wp + w0);
      g->B[j * X + i] = f * (w0 + 2 * wp) / (wm + w0);
    }
  for (int j = 1; j <= nz + 1; j++)
    for (size_t i = 0; i < X; i++) {
      double w0 = w[(j - 1) * X + i], w1 = w[j * X + i], w2 = w[(j + 1) * X + i],
             w3 = w[(j + 2) * X + i];
      double s01 = w1 + w2, inv4 = 1.0 / (w0 + w1 + w2 + w3);
      double t1 = (w0 + w1) / (2 * w1 + w2), t2 = (w3 + w2) / (2 * w2 + w1);
      g->G[j * X + i] = w1 / s01 + inv4 * 2 * w2 * w1 / s01 * (t1 - t2);
      g->E[j * X + i] = inv4 * w1 * t1;
      g->F[j * X + i] = inv4 * w2 * (w2 + w3) / (w1 + 2 * w2);
    }
}

/* Tracer flux through a face from the upwind layer's limited parabola (CW84 eq. 1.12): F > 0 takes
 * the right end of the layer below, F < 0 the left end of the layer above. */
static inline double flux_up(double F, double ia, double l, double r, double a)
{
  double sg = F * ia, d = r - l, a6 = 6.0 * (a - 0.5 * (l + r));
  return F * (r - 0.5 * sg * (d - (1.0 - 2.0 / 3.0 * sg) * a6));
}
static inline double flux_down(double F, double ia, double l, double r, double a)
{
  double sg = -F * ia, d = r - l, a6 = 6.0 * (a - 0.5 * (l + r));
  return F * (l + 0.5 * sg * (d + (1.0 - 2.0 / 3.0 * sg) * a6));
}

/* One sub-step of one species on a row of nx columns: mass[k*nx + i] (tracer mass) is updated with
 * the face air-mass fluxes F = f[k*nx + i]*h; g holds the geometry at the start of the sub-step.
 * Branch-free in i; *tin / *tout get the row's top inflow / outflow summed in i order. */
static void vadv_substep(int nz, int nx, double *restrict mass, const double *restrict f,
                         double h, const double *restrict qtop, const VadvGeom *g,
                         double *restrict work, double *tin, double *tout)
{
  const size_t X = (size_t)nx, n = (size_t)(nz + 4) * X;
  double *restrict q = work, *restrict dm = work + n, *restrict edge = work + 2 * n;
  double *restrict al = work + 3 * n, *restrict ar = work + 4 * n, *restrict below = work + 5 * n;
  const double *restrict ia = g->inv_air;
  for (int k = 0; k < nz; k++)
    for (size_t i = 0; i < X; i++) q[(k + 2) * X + i] = mass[k * X + i] * ia[k * X + i];
  for (size_t i = 0; i < X; i++) {
    q[i] = q[X + i] = q[2 * X + i];
    double qg = f[nz * X + i] < 0.0 ? qtop[i] : q[(nz + 1) * X + i];
    q[(nz + 2) * X + i] = q[(nz + 3) * X + i] = qg;
  }
  for (int j = 1; j <= nz + 2; j++) /* monotonised slope (CW84 1.8) */
    for (size_t i = 0; i < X; i++) {
      double dl = q[j * X + i] - q[(j - 1) * X + i], dr = q[(j + 1) * X + i] - q[j * X + i];
      double da = g->A[j * X + i] * dr + g->B[j * X + i] * dl;
      double lim = min2(fabs(da), min2(2 * fabs(dl), 2 * fabs(dr)));
      dm[j * X + i] = dl * dr <= 0.0 ? 0.0 : (da > 0 ? lim : -lim);
    }
  for (int j = 1; j <= nz + 1; j++) /* interface values (CW84 1.6) */
    for (size_t i = 0; i < X; i++) {
      size_t c = j * X + i;
      edge[c] = q[c] + g->G[c] * (q[c + X] - q[c]) - g->E[c] * dm[c + X] + g->F[c] * dm[c];
    }
  for (int k = 0; k < nz; k++) /* limited parabola of layer k (CW84 eq. 1.10), branch-free */
    for (size_t i = 0; i < X; i++) {
      double a = q[(k + 2) * X + i], l = edge[(k + 1) * X + i], r = edge[(k + 2) * X + i];
      double d = r - l, a6 = 6.0 * (a - 0.5 * (l + r));
      int flat = (r - a) * (a - l) <= 0.0, left = d * a6 > d * d;
      int right = (-d * d > d * a6) & (left ^ 1); /* bitwise: no short-circuit branch */
      double ln = left ? 3.0 * a - 2.0 * r : l, rn = right ? 3.0 * a - 2.0 * l : r;
      al[k * X + i] = flat ? a : ln;
      ar[k * X + i] = flat ? a : rn;
    }
  for (size_t i = 0; i < X; i++) below[i] = 0.0; /* tracer flux through the bottom face */
  for (int k = 1; k < nz; k++)
    for (size_t i = 0; i < X; i++) {
      size_t u = (k - 1) * X + i, o = k * X + i;
      double F = f[o] * h;
      double tu = flux_up(F, ia[u], al[u], ar[u], q[u + 2 * X]);
      double td = flux_down(F, ia[o], al[o], ar[o], q[o + 2 * X]);
      double tf = F > 0.0 ? tu : td; /* td = 0 when F = 0 */
      mass[u] += below[i] - tf;
      below[i] = tf;
    }
  for (size_t i = 0; i < X; i++) { /* the top face: outflow from layer nz-1 or inflow at qtop */
    size_t u = (size_t)(nz - 1) * X + i;
    double F = f[nz * X + i] * h;
    double tf = F > 0.0 ? flux_up(F, ia[u], al[u], ar[u], q[u + 2 * X]) : F * qtop[i];
    mass[u] += below[i] - tf;
    if (tf > 0) *tout += tf;
    else *tin -= tf;
  }
}

double as_vadv_column(int nz, double *mass, double *air, const double *fz, double qtop, double dt,
                      int nsub, double *work, double *in_top, double *out_top)
{
  VadvGeom g;
  vadv_geom_bind(work, nz, 1, &g);
  const double h = dt / nsub;
  *in_top = *out_top = 0.0;
  for (int step = 0; step < nsub; step++) {
    vadv_geometry(nz, 1, air, &g);
    vadv_substep(nz, 1, mass, fz, h, &qtop, &g, work + GEOM_LEN(nz, 1), in_top, out_top);
    for (int k = 0; k < nz; k++) air[k] += h * (fz[k] - fz[k + 1]);
  }
  return *out_top - *in_top;
}

typedef struct {
  int self, hadv;     /* indices in the process table (hadv = -1 if absent) */
  int nthr;
  double *work;       /* [nthr][WORKLEN(nz, nx)] */
  double *in_row, *out_row; /* [nspec*ny] */
  int bad;            /* set inside the parallel loop when a column cannot be advected */
} VAdv;

/* per thread: f[(nz+1) nx], air0, air, mass [nz nx] each, qtop [nx], two geometries, kernel work */
#define WORKLEN(nz, nx)                                                                    \
  ((((size_t)(nz) + 1) + 3 * (size_t)(nz) + 1) * (size_t)(nx) + 2 * GEOM_LEN(nz, nx) +     \
   KERNEL_LEN(nz, nx))

static AsStatus vadv_setup(AsProcess *p, AsModel *m)
{
  VAdv *d;
  AS_MALLOC(d, 1);
  p->data = d;
  d->self = (int)(p - m->proc);
  d->hadv = -1;
  for (int i = 0; i < m->nproc; i++)
    if (!strcmp(m->proc[i].ops->name, "advection_horizontal")) d->hadv = i;
  d->nthr = omp_get_max_threads();
  AS_MALLOC(d->work, (size_t)d->nthr * WORKLEN(m->grid->nz, m->grid->nx));
  AS_MALLOC(d->in_row, (size_t)m->nspec * (size_t)m->grid->ny);
  AS_MALLOC(d->out_row, (size_t)m->nspec * (size_t)m->grid->ny);
  return AS_OK;
}

static AsStatus vadv_apply(AsProcess *p, AsModel *m, double dt, int reverse)
{
  VAdv *d = p->data;
  const AsGrid *g = m->grid;
  const int nx = g->nx, ny = g->ny, nz = g->nz, ns = m->nspec;
  const size_t X = (size_t)nx;
  const long ncol = (long)nx * ny;
  const double *mair = as_met_air_mass(m->met), *rho = as_met_rho_ref(m->met);
  const double *fz = m->ms.fz;
  /* time already advanced this step by hadv and by this process (see the header comment) */
  double tau_h = 0.0, tau_v = reverse ? 0.5 * m->dt : 0.0;
  if (d->hadv >= 0) {
    if (!reverse) tau_h = d->hadv < d->self ? 0.5 * m->dt : 0.0;
    else tau_h = d->hadv > d->self ? m->dt : 0.5 * m->dt;
  }
  const double tau = tau_h - tau_v;
  d->bad = 0;
  /* one row of columns at a time, the column index innermost: fluxes, starting air mass, the
   * sub-step count (the row's largest) and the geometry are computed once for all species */
#pragma omp parallel for schedule(static) num_threads(d->nthr)
  for (int j = 0; j < ny; j++) {
    double *f = d->work + (size_t)omp_get_thread_num() * WORKLEN(nz, nx);
    double *air0 = f + (nz + 1) * X, *air = air0 + nz * X, *mass = air + nz * X;
    double *qtop = mass + nz * X, *geo = qtop + X, *kw = geo + 2 * GEOM_LEN(nz, nx);
    VadvGeom g0, g1;
    vadv_geom_bind(geo, nz, nx, &g0);
    vadv_geom_bind(geo + GEOM_LEN(nz, nx), nz, nx, &g1);
    const long row = (long)j * nx;
    for (int k = 0; k <= nz; k++) memcpy(f + k * X, fz + k * ncol + row, X * sizeof *f);
    double worst = 0.0;
    int bad = 0;
    for (int k = 0; k < nz; k++)
      for (size_t i = 0; i < X; i++) {
        double fb = f[k * X + i], ft = f[(k + 1) * X + i];
        double a = mair[k * ncol + row + (long)i] + tau * (ft - fb);
        double amin = min2(a, a + dt * (fb - ft)), out = max2(ft, 0.0) + max2(-fb, 0.0);
        air0[k * X + i] = a;
        bad |= amin <= 0.0;
        worst = max2(worst, out * dt / (COURANT_MAX * amin));
      }
    if (bad || worst > 1e6) {
#pragma omp atomic write
      d->bad = 1;
      continue;
    }
    const int nsub = worst < 1.0 ? 1 : (int)ceil(worst);
    const double h = dt / nsub;
    vadv_geometry(nz, nx, air0, &g0);
    for (int s = 0; s < ns; s++) {
      double *c = m->c + (size_t)s * (size_t)m->ncell;
      const double *top = m->bc ? as_boundary_side(m->bc, s, AS_TOP) : NULL;
      for (int k = 0; k < nz; k++)
        for (size_t i = 0; i < X; i++) {
          long cell = k * ncol + row + (long)i;
          mass[k * X + i] = c[cell] * m->volume[cell];
        }
      for (size_t i = 0; i < X; i++)
        qtop[i] = top ? top[row + (long)i] / rho[nz - 1]
                      : mass[(nz - 1) * X + i] / air0[(nz - 1) * X + i];
      double tin = 0.0, tout = 0.0;
      memcpy(air, air0, nz * X * sizeof *air);
      for (int step = 0; step < nsub; step++) {
        if (step) vadv_geometry(nz, nx, air, &g1);
        vadv_substep(nz, nx, mass, f, h, qtop, step ? &g1 : &g0, kw, &tin, &tout);
        for (int k = 0; k < nz; k++)
          for (size_t i = 0; i < X; i++) air[k * X + i] += h * (f[k * X + i] - f[(k + 1) * X + i]);
      }
      for (int k = 0; k < nz; k++)
        for (size_t i = 0; i < X; i++) {
          long cell = k * ncol + row + (long)i;
          c[cell] = mass[k * X + i] / m->volume[cell];
        }
      d->in_row[(size_t)s * ny + j] = tin;
      d->out_row[(size_t)s * ny + j] = tout;
    }
  }
  if (d->bad)
    return as_error(AS_ERR_NUMERIC, "", "advection_vertical",
                    "vertical mass fluxes empty a layer within %g s (met not mass-consistent?)", dt);
  for (int s = 0; s < ns; s++) {
    double si = 0.0, so = 0.0;
    for (int j = 0; j < ny; j++) {
      si += d->in_row[(size_t)s * ny + j];
      so += d->out_row[(size_t)s * ny + j];
    }
    AS_BUDGET(&m->budget, AS_BUD_INFLOW, s) += si;
    AS_BUDGET(&m->budget, AS_BUD_OUTFLOW, s) += so;
  }
  return AS_OK;
}

static void vadv_view(const AsProcess *p, FILE *f)
{
  const VAdv *d = p->data;
  fprintf(f, "advection_vertical: flux-form PPM (Colella & Woodward 1984, non-uniform, air-mass "
             "coordinate), Courant <= %.2f sub-steps, air mass restored with horizontal advection "
             "%s\n",
          COURANT_MAX, d && d->hadv >= 0 ? "(Easter 1993)" : "(no horizontal advection in table)");
}

static void vadv_destroy(AsProcess *p)
{
  VAdv *d = p->data;
  if (!d) return;
  free(d->work);
  free(d->in_row);
  free(d->out_row);
  free(d);
  p->data = NULL;
}

const AsProcessOps as_proc_vadv = {"advection_vertical", vadv_setup, vadv_apply, vadv_view,
                                   vadv_destroy};
