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
 * Sub-steps: per column, enough that no layer loses more than 0.95 of its (smallest) air mass in
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

int as_vadv_substeps(int nz, const double *air, const double *fz, double dt, double courant_max)
{
  double worst = 0.0;
  for (int k = 0; k < nz; k++) {
    double out = fmax(fz[k + 1], 0.0) + fmax(-fz[k], 0.0);
    double amin = fmin(air[k], air[k] + dt * (fz[k] - fz[k + 1]));
    if (amin <= 0.0) return 0; /* the fluxes empty the layer: not a valid flow for this dt */
    worst = fmax(worst, out * dt / (courant_max * amin));
  }
  double n = ceil(worst);
  return n < 1 ? 1 : (n > 1e6 ? 0 : (int)n);
}

/* Geometry of one sub-step, shared by every species of a column: the non-uniform PPM weights
 * depend only on the layer air masses w (CW84 eqs. 1.6-1.8), so they are computed once per column
 * and sub-step, not once per species. Index j = layer + 2 (two ghost layers each side). */
typedef struct {
  double *inv_air;        /* 1 / air mass of each layer at the start of the sub-step */
  double *A, *B;          /* slope: da_j = A_j (q_{j+1}-q_j) + B_j (q_j - q_{j-1})  (CW84 1.7) */
  double *G, *E, *F;      /* edge_{j+1/2} = q_j + G_j (q_{j+1}-q_j) - E_j dm_{j+1} + F_j dm_j (1.6) */
} VadvGeom;

static void vadv_geometry(int nz, const double *w, VadvGeom *g)
{
  for (int k = 0; k < nz; k++) g->inv_air[k] = 1.0 / w[k + 2];
  for (int j = 1; j <= nz + 2; j++) {
    double f = w[j] / (w[j - 1] + w[j] + w[j + 1]);
    g->A[j] = f * (2 * w[j - 1] + w[j]) / (w[j + 1] + w[j]);
    g->B[j] = f * (w[j] + 2 * w[j + 1]) / (w[j - 1] + w[j]);
  }
  for (int j = 1; j <= nz + 1; j++) {
    double w0 = w[j - 1], w1 = w[j], w2 = w[j + 1], w3 = w[j + 2];
    double s01 = w1 + w2, inv4 = 1.0 / (w0 + w1 + w2 + w3);
    double t1 = (w0 + w1) / (2 * w1 + w2), t2 = (w3 + w2) / (2 * w2 + w1);
    g->G[j] = w1 / s01 + inv4 * 2 * w2 * w1 / s01 * (t1 - t2);
    g->E[j] = inv4 * w1 * t1;
    g->F[j] = inv4 * w2 * (w2 + w3) / (w1 + 2 * w2);
  }
}

/* One sub-step of ns species of a column, vectorised over the species: mass[k*ns + s] (tracer
 * mass of species s in layer k) is updated with the face air-mass fluxes F_k = fz[k]*h; g holds
 * the geometry of the air mass at the start of the sub-step. Every branch depends on the column
 * only (flux direction), never on the species, so the inner loops run over contiguous species. */
static void vadv_substep(int nz, int ns, double *restrict mass, const double *fz, double h,
                         const double *restrict qtop, const VadvGeom *g, double *restrict work,
                         double *restrict tin, double *restrict tout)
{
  const size_t n = (size_t)(nz + 4) * ns, S = (size_t)ns;
  double *restrict q = work, *restrict dm = work + n, *restrict edge = work + 2 * n;
  double *restrict al = work + 3 * n, *restrict ar = work + 4 * n, *restrict below = work + 5 * n;
  for (int k = 0; k < nz; k++) {
    const double ia = g->inv_air[k];
    for (int s = 0; s < ns; s++) q[(k + 2) * S + s] = mass[k * S + s] * ia;
  }
  const int top_inflow = fz[nz] < 0.0;
  for (int s = 0; s < ns; s++) {
    q[s] = q[S + s] = q[2 * S + s];
    double qg = top_inflow ? qtop[s] : q[(nz + 1) * S + s];
    q[(nz + 2) * S + s] = q[(nz + 3) * S + s] = qg;
  }
  for (int j = 1; j <= nz + 2; j++) { /* monotonised slope (CW84 1.8) */
    const double A = g->A[j], B = g->B[j];
    const double *qm = q + (j - 1) * S, *q0 = q + j * S, *qp = q + (j + 1) * S;
    double *d = dm + j * S;
    for (int s = 0; s < ns; s++) {
      double dl = q0[s] - qm[s], dr = qp[s] - q0[s];
      double da = A * dr + B * dl;
      double lim = fmin(fabs(da), fmin(2 * fabs(dl), 2 * fabs(dr)));
      d[s] = dl * dr <= 0.0 ? 0.0 : (da > 0 ? lim : -lim);
    }
  }
  for (int j = 1; j <= nz + 1; j++) { /* interface values (CW84 1.6) */
    const double G = g->G[j], E = g->E[j], F = g->F[j];
    const double *q0 = q + j * S, *qp = q + (j + 1) * S, *d0 = dm + j * S, *dp = dm + (j + 1) * S;
    double *e = edge + j * S;
    for (int s = 0; s < ns; s++) e[s] = q0[s] + G * (qp[s] - q0[s]) - E * dp[s] + F * d0[s];
  }
  for (int k = 0; k < nz; k++) { /* limited parabola of layer k (CW84 eq. 1.10), branch-free */
    const double *qa = q + (k + 2) * S, *el = edge + (k + 1) * S, *er = edge + (k + 2) * S;
    double *l_ = al + k * S, *r_ = ar + k * S;
    for (int s = 0; s < ns; s++) {
      double a = qa[s], l = el[s], r = er[s];
      double d = r - l, a6 = 6.0 * (a - 0.5 * (l + r));
      int flat = (r - a) * (a - l) <= 0.0, left = d * a6 > d * d, right = -d * d > d * a6;
      double ln = left ? 3.0 * a - 2.0 * r : l, rn = (!left && right) ? 3.0 * a - 2.0 * l : r;
      l_[s] = flat ? a : ln;
      r_[s] = flat ? a : rn;
    }
  }
  for (int s = 0; s < ns; s++) below[s] = 0.0; /* tracer flux through the bottom face */
  for (int k = 1; k <= nz; k++) {
    const double F = fz[k] * h;
    double *mk = mass + (k - 1) * S;
    if (F > 0.0) { /* upwind layer k-1, its right edge */
      const int u = k - 1;
      const double sg = F * g->inv_air[u], c = 1.0 - 2.0 / 3.0 * sg;
      const double *qu = q + (u + 2) * S, *l = al + u * S, *r = ar + u * S;
      for (int s = 0; s < ns; s++) {
        double d = r[s] - l[s], a6 = 6.0 * (qu[s] - 0.5 * (l[s] + r[s]));
        double tf = F * (r[s] - 0.5 * sg * (d - c * a6));
        mk[s] += below[s] - tf;
        below[s] = tf;
      }
    } else if (F < 0.0 && k == nz) { /* inflow through the top */
      for (int s = 0; s < ns; s++) {
        double tf = F * qtop[s];
        mk[s] += below[s] - tf;
        below[s] = tf;
      }
    } else if (F < 0.0) { /* upwind layer k, its left edge */
      const double sg = -F * g->inv_air[k], c = 1.0 - 2.0 / 3.0 * sg;
      const double *qu = q + (k + 2) * S, *l = al + k * S, *r = ar + k * S;
      for (int s = 0; s < ns; s++) {
        double d = r[s] - l[s], a6 = 6.0 * (qu[s] - 0.5 * (l[s] + r[s]));
        double tf = F * (l[s] + 0.5 * sg * (d + c * a6));
        mk[s] += below[s] - tf;
        below[s] = tf;
      }
    } else {
      for (int s = 0; s < ns; s++) {
        mk[s] += below[s];
        below[s] = 0.0;
      }
    }
  }
  for (int s = 0; s < ns; s++) {
    if (below[s] > 0) tout[s] += below[s];
    else tin[s] -= below[s];
  }
}

/* ns species of one column; mass[k*ns + s]; work holds at least VADV_WORK(nz, ns) doubles */
#define VADV_WORK(nz, ns) ((5 * (size_t)(ns) + 7) * (size_t)((nz) + 4) + (size_t)(ns))
static void vadv_columns(int nz, int ns, double *mass, double *air, const double *fz,
                         const double *qtop, double dt, int nsub, double *work, double *tin,
                         double *tout)
{
  const size_t n = (size_t)nz + 4, sp = VADV_WORK(nz, ns) - 7 * n;
  double *w = work + sp;
  VadvGeom g = {w + n, w + 2 * n, w + 3 * n, w + 4 * n, w + 5 * n, w + 6 * n};
  const double h = dt / nsub;
  for (int s = 0; s < ns; s++) tin[s] = tout[s] = 0.0;
  for (int step = 0; step < nsub; step++) {
    for (int k = 0; k < nz; k++) w[k + 2] = air[k];
    w[0] = w[1] = w[2];
    w[nz + 2] = w[nz + 3] = w[nz + 1];
    vadv_geometry(nz, w, &g);
    vadv_substep(nz, ns, mass, fz, h, qtop, &g, work, tin, tout);
    for (int k = 0; k < nz; k++) air[k] += h * (fz[k] - fz[k + 1]);
  }
}

double as_vadv_column(int nz, double *mass, double *air, const double *fz, double qtop, double dt,
                      int nsub, double *work, double *in_top, double *out_top)
{
  vadv_columns(nz, 1, mass, air, fz, &qtop, dt, nsub, work, in_top, out_top);
  return *out_top - *in_top;
}

typedef struct {
  int self, hadv;     /* indices in the process table (hadv = -1 if absent) */
  int nthr;
  double *work;       /* [nthr][WORKLEN(nz)] */
  double *in_row, *out_row; /* [nspec*ny] */
  int bad;            /* set inside the parallel loop when a column cannot be advected */
} VAdv;

/* per thread: kernel work, air, air0, fz column, then per species mass[nz], qtop, tin, tout */
#define WORKLEN(nz, ns) (VADV_WORK(nz, ns) + 3 * (size_t)(nz) + 1 + (size_t)(ns) * ((size_t)(nz) + 3))

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
  AS_MALLOC(d->work, (size_t)d->nthr * WORKLEN(m->grid->nz, m->nspec));
  AS_MALLOC(d->in_row, (size_t)m->nspec * (size_t)m->grid->ny);
  AS_MALLOC(d->out_row, (size_t)m->nspec * (size_t)m->grid->ny);
  return AS_OK;
}

static AsStatus vadv_apply(AsProcess *p, AsModel *m, double dt, int reverse)
{
  VAdv *d = p->data;
  const AsGrid *g = m->grid;
  const int nx = g->nx, ny = g->ny, nz = g->nz, ns = m->nspec;
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
  /* columns outer, species inner: the fluxes, starting air mass and sub-step count of a column
   * are computed once for all species */
#pragma omp parallel for schedule(static) num_threads(d->nthr)
  for (int j = 0; j < ny; j++) {
    double *w = d->work + (size_t)omp_get_thread_num() * WORKLEN(nz, ns);
    double *air = w + VADV_WORK(nz, ns), *air0 = air + nz, *f = air0 + nz;
    double *mass = f + nz + 1, *qtop = mass + (size_t)ns * nz, *tin = qtop + ns, *tout = tin + ns;
    for (int s = 0; s < ns; s++) d->in_row[(size_t)s * ny + j] = d->out_row[(size_t)s * ny + j] = 0.0;
    for (int i = 0; i < nx; i++) {
      long c2 = (long)j * nx + i;
      for (int k = 0; k <= nz; k++) f[k] = fz[k * ncol + c2];
      for (int k = 0; k < nz; k++) air0[k] = mair[k * ncol + c2] + tau * (f[k + 1] - f[k]);
      int nsub = as_vadv_substeps(nz, air0, f, dt, COURANT_MAX);
      if (nsub < 1) {
#pragma omp atomic write
        d->bad = 1;
        continue;
      }
      for (int s = 0; s < ns; s++) {
        const double *c = m->c + (size_t)s * (size_t)m->ncell;
        const double *top = m->bc ? as_boundary_side(m->bc, s, AS_TOP) : NULL;
        for (int k = 0; k < nz; k++) {
          long cell = k * ncol + c2;
          mass[(size_t)k * ns + s] = c[cell] * m->volume[cell];
        }
        qtop[s] = top ? top[c2] / rho[nz - 1] : mass[(size_t)(nz - 1) * ns + s] / air0[nz - 1];
      }
      for (int k = 0; k < nz; k++) air[k] = air0[k];
      vadv_columns(nz, ns, mass, air, f, qtop, dt, nsub, w, tin, tout);
      for (int s = 0; s < ns; s++) {
        double *c = m->c + (size_t)s * (size_t)m->ncell;
        for (int k = 0; k < nz; k++) {
          long cell = k * ncol + c2;
          c[cell] = mass[(size_t)k * ns + s] / m->volume[cell];
        }
        d->in_row[(size_t)s * ny + j] += tin[s];
        d->out_row[(size_t)s * ny + j] += tout[s];
      }
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
