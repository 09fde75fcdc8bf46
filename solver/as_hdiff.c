/* as_hdiff.c — "diffusion_horizontal": explicit K_h diffusion in flux form on q = c/rho_ref.
 *
 *   A_i (q_i' - q_i) = dt sum_faces D_f (q_nb - q_i),   A_i = mair (kg),
 *   D_f = rho_ref[k] K_f dz_k L_f / d_f   (kg s-1),     K_f = (K_L + K_R)/2
 *
 * L_f is the true face length (dy/m_u on x faces, dx/m_v on y faces) and d_f the true distance
 * between the two centres (dx/m_u, dy/m_v), so L_f/d_f = dy/dx (x faces) and dx/dy (y faces):
 * the map factor cancels for a conformal grid. Lateral boundaries: zero flux (closed to diffusion;
 * air entering or leaving is handled by advection, whose inflow values already carry the
 * background), or wrap-around when the boundary type is periodic. Mass is then conserved exactly
 * (no budget term). Explicit forward Euler is stable and positive when
 *   dt_sub sum_f D_f / A_i <= 1   for every cell;  sub-steps use <= 0.9 (docs/science.md).
 *
 *          D_y(i,j+1)
 *      +------^------+
 *  D_x(i,j) > q(i,j) > D_x(i+1,j)       x faces (nx+1) per row, y faces (ny+1) per column
 *      +------^------+
 *          D_y(i,j)
 */
#include "as_transport.h"
#include <math.h>
#include <omp.h>
#include <stdlib.h>
#include <string.h>

#define HDIFF_CMAX 0.9

typedef struct {
  int nthr, periodic;
  double *dxf, *dyf;  /* face coefficients D_f: [nz][ny][nx+1], [nz][ny+1][nx] */
  double *work;       /* [nthr][ny*nx] old q of one layer */
  int nsub;           /* sub-steps of the last apply (view) */
} HDiff;

static AsStatus hdiff_setup(AsProcess *p, AsModel *m)
{
  HDiff *d;
  AS_MALLOC(d, 1);
  p->data = d;
  const AsGrid *g = m->grid;
  d->nthr = omp_get_max_threads();
  d->periodic = m->bc ? as_boundary_periodic(m->bc) : 0;
  AS_MALLOC(d->dxf, (size_t)g->nz * g->ny * (g->nx + 1));
  AS_MALLOC(d->dyf, (size_t)g->nz * (g->ny + 1) * g->nx);
  AS_MALLOC(d->work, (size_t)d->nthr * g->ny * g->nx);
  return AS_OK;
}

/* face coefficients from the current K_h; wrap faces only when periodic */
static void hdiff_coefficients(HDiff *d, const AsModel *m)
{
  const AsGrid *g = m->grid;
  const int nx = g->nx, ny = g->ny, nz = g->nz;
  const double *rho = as_met_rho_ref(m->met), *kh = m->ms.kh;
#pragma omp parallel for schedule(static) num_threads(d->nthr)
  for (int k = 0; k < nz; k++) {
    const double *K = kh + (size_t)k * ny * nx;
    double base = rho[k] * g->dz[k];
    for (int j = 0; j < ny; j++)
      for (int i = 0; i <= nx; i++) {
        double v = 0.0;
        int il = i - 1, ir = i;
        if (d->periodic) { il = (il + nx) % nx; ir = ir % nx; }
        if (il >= 0 && ir < nx) v = base * 0.5 * (K[j * nx + il] + K[j * nx + ir]) * g->dy / g->dx;
        d->dxf[((size_t)k * ny + j) * (nx + 1) + i] = v;
      }
    for (int j = 0; j <= ny; j++)
      for (int i = 0; i < nx; i++) {
        double v = 0.0;
        int jl = j - 1, jr = j;
        if (d->periodic) { jl = (jl + ny) % ny; jr = jr % ny; }
        if (jl >= 0 && jr < ny) v = base * 0.5 * (K[jl * nx + i] + K[jr * nx + i]) * g->dx / g->dy;
        d->dyf[((size_t)k * (ny + 1) + j) * nx + i] = v;
      }
  }
}

static AsStatus hdiff_apply(AsProcess *p, AsModel *m, double dt, int reverse)
{
  (void)reverse;
  HDiff *d = p->data;
  const AsGrid *g = m->grid;
  const int nx = g->nx, ny = g->ny, nz = g->nz, ns = m->nspec;
  const long ncol = (long)nx * ny;
  const double *mair = as_met_air_mass(m->met);
  hdiff_coefficients(d, m);
  double worst = 0.0; /* max over cells of dt sum D / A (max is order-independent) */
#pragma omp parallel for reduction(max : worst) schedule(static) num_threads(d->nthr)
  for (int k = 0; k < nz; k++)
    for (int j = 0; j < ny; j++)
      for (int i = 0; i < nx; i++) {
        const double *X = d->dxf + ((size_t)k * ny + j) * (nx + 1);
        const double *Y = d->dyf + (size_t)k * (ny + 1) * nx;
        double sum = X[i] + X[i + 1] + Y[j * nx + i] + Y[(j + 1) * nx + i];
        worst = fmax(worst, dt * sum / mair[k * ncol + j * nx + i]);
      }
  int nsub = (int)ceil(worst / HDIFF_CMAX);
  if (nsub < 1) nsub = 1;
  d->nsub = nsub;
  const double h = dt / nsub;
#pragma omp parallel for collapse(2) schedule(static) num_threads(d->nthr)
  for (int s = 0; s < ns; s++)
    for (int k = 0; k < nz; k++) {
      double *q = d->work + (size_t)omp_get_thread_num() * ncol;
      double *c = m->c + (size_t)s * m->ncell + (size_t)k * ncol;
      const double *A = mair + (size_t)k * ncol, *V = m->volume + (size_t)k * ncol;
      const double *X = d->dxf + (size_t)k * ny * (nx + 1), *Y = d->dyf + (size_t)k * (ny + 1) * nx;
      for (int step = 0; step < nsub; step++) {
        for (long c2 = 0; c2 < ncol; c2++) q[c2] = c[c2] * V[c2] / A[c2];
        for (int j = 0; j < ny; j++) {
          int jm = j > 0 ? j - 1 : (d->periodic ? ny - 1 : 0);
          int jp = j < ny - 1 ? j + 1 : (d->periodic ? 0 : ny - 1);
          for (int i = 0; i < nx; i++) {
            int im = i > 0 ? i - 1 : (d->periodic ? nx - 1 : 0);
            int ip = i < nx - 1 ? i + 1 : (d->periodic ? 0 : nx - 1);
            long c2 = (long)j * nx + i;
            double qc = q[c2];
            /* closed faces have D = 0, so the clamped neighbour index is harmless */
            double div = X[j * (nx + 1) + i] * (q[j * nx + im] - qc) +
                         X[j * (nx + 1) + i + 1] * (q[j * nx + ip] - qc) +
                         Y[j * nx + i] * (q[jm * nx + i] - qc) +
                         Y[(j + 1) * nx + i] * (q[jp * nx + i] - qc);
            c[c2] += h * div / V[c2];
          }
        }
      }
    }
  return AS_OK;
}

static void hdiff_view(const AsProcess *p, FILE *f)
{
  const HDiff *d = p->data;
  fprintf(f, "diffusion_horizontal: explicit flux-form K_h on q, sub-steps with dt*sum(D)/A <= %.1f "
             "(last apply: %d), lateral faces %s\n",
          HDIFF_CMAX, d ? d->nsub : 0, d && d->periodic ? "periodic" : "closed (zero flux)");
}

static void hdiff_destroy(AsProcess *p)
{
  HDiff *d = p->data;
  if (!d) return;
  free(d->dxf);
  free(d->dyf);
  free(d->work);
  free(d);
  p->data = NULL;
}

const AsProcessOps as_proc_hdiff = {"diffusion_horizontal", hdiff_setup, hdiff_apply, hdiff_view,
                                    hdiff_destroy};
