/* as_vdiff.c — "diffusion_vertical": implicit K_z diffusion with dry deposition as the bottom flux.
 *
 * On the mixing ratio q = c/rho_ref (rho_ref[k] the anelastic reference density), per column:
 *
 *   rho_k dz_k (q_k' - q_k)/dt = G_k' - G_{k+1}'                         (backward Euler)
 *   G_k = -rho_{k-1/2} K_k (q_k - q_{k-1}) / (z_k - z_{k-1})   k = 1..nz-1 (interfaces)
 *   G_0 = -vd rho_0 q_0 = -vd c_0   (dry deposition, implicit)      G_nz = 0 (closed top)
 *
 * rho_{k-1/2} = (rho_{k-1} + rho_k)/2. The matrix is tridiagonal, diagonally dominant with
 * non-positive off-diagonals (an M-matrix), so the scheme is positive for any dt and, being in flux
 * form, conserves column mass exactly up to the deposited dt vd c_0' (Thomas algorithm, no pivoting
 * needed). Backward Euler is first order in time; it is chosen over Crank-Nicolson because C-N is
 * not positive for dt K/dz^2 > 1, which is common in the thin first layer (docs/science.md).
 *
 *   z_{k+1/2} ----------------- kz[k+1], G_{k+1}
 *   z_k       q_k, rho_k, dz_k
 *   z_{k-1/2} ----------------- kz[k],   G_k      (k = 0: ground, G_0 = -vd c_0)
 */
#include "as_drydep.h"
#include "as_transport.h"
#include <omp.h>
#include <stdlib.h>
#include <string.h>

double as_vdiff_column(int nz, const double *dz, const double *zmid, const double *rho,
                       const double *kz, double vd, double dt, double *c, double *work)
{
  double *a = work;           /* [nz+1] interface coefficients dt rho K / dzc, kg m-2 */
  double *cp = work + nz + 1; /* [nz]   Thomas forward sweep */
  a[0] = a[nz] = 0.0;
  for (int k = 1; k < nz; k++)
    a[k] = dt * 0.5 * (rho[k - 1] + rho[k]) * kz[k] / (zmid[k] - zmid[k - 1]);
  /* forward sweep; c[] holds d' (in q units) as it goes */
  double dep = dt * vd * rho[0];
  double den = rho[0] * dz[0] + a[1] + dep;
  cp[0] = -a[1] / den;
  c[0] = dz[0] * c[0] / den; /* rhs = rho dz q = dz c */
  for (int k = 1; k < nz; k++) {
    den = rho[k] * dz[k] + a[k] + a[k + 1] + a[k] * cp[k - 1];
    cp[k] = -a[k + 1] / den;
    c[k] = (dz[k] * c[k] + a[k] * c[k - 1]) / den;
  }
  for (int k = nz - 2; k >= 0; k--) c[k] -= cp[k] * c[k + 1];
  for (int k = 0; k < nz; k++) c[k] *= rho[k]; /* back to ug m-3 */
  return dt * vd * c[0];
}

#define WORKLEN(nz) (5 * (size_t)(nz) + 1)

typedef struct {
  int on;          /* transport.dry_deposition */
  int nthr;
  double *work;    /* [nthr][WORKLEN(nz)]: kernel 3nz, column nz, kz nz+1 */
  double *dep_row; /* [nspec*ny] deposited ug per (species, row), summed in fixed order */
  long last_step;
} VDiff;

static AsStatus vdiff_setup(AsProcess *p, AsModel *m)
{
  VDiff *d;
  AS_MALLOC(d, 1);
  p->data = d;
  d->on = 1;
  AS_CALL(as_config_get_bool(m->cfg, "transport.dry_deposition", 0, &d->on));
  d->nthr = omp_get_max_threads();
  const AsGrid *g = m->grid;
  AS_MALLOC(d->work, (size_t)d->nthr * WORKLEN(g->nz));
  AS_MALLOC(d->dep_row, (size_t)m->nspec * (size_t)g->ny);
  d->last_step = -1;
  return AS_OK;
}

static AsStatus vdiff_apply(AsProcess *p, AsModel *m, double dt, int reverse)
{
  (void)reverse;
  VDiff *d = p->data;
  const AsGrid *g = m->grid;
  const int nx = g->nx, ny = g->ny, nz = g->nz, ns = m->nspec;
  const long ncol = (long)nx * ny;
  const double *rho = as_met_rho_ref(m->met), *kz = m->ms.kz;
  if (d->last_step != m->nstep) { /* once per step, at its mid-time met */
    as_drydep_fill(g, m->spc, &m->ms, as_met_landuse(m->met), m->t + 0.5 * m->dt, d->on, m->vdep);
    d->last_step = m->nstep;
  }
#pragma omp parallel for collapse(2) schedule(static) num_threads(d->nthr)
  for (int s = 0; s < ns; s++)
    for (int j = 0; j < ny; j++) {
      double *w = d->work + (size_t)omp_get_thread_num() * WORKLEN(nz);
      double *col = w + 3 * nz, *kk = w + 4 * nz;
      double *c = m->c + (size_t)s * (size_t)m->ncell;
      const double *vd = m->vdep + (size_t)s * (size_t)ncol;
      double dep_sum = 0.0;
      for (int i = 0; i < nx; i++) {
        long c2 = (long)j * nx + i;
        for (int k = 0; k < nz; k++) col[k] = c[k * ncol + c2];
        for (int k = 0; k <= nz; k++) kk[k] = kz[k * ncol + c2];
        double dep = as_vdiff_column(nz, g->dz, g->z_mid, rho, kk, vd[c2], dt, col, w);
        for (int k = 0; k < nz; k++) c[k * ncol + c2] = col[k];
        dep_sum += dep * g->area[c2];
      }
      d->dep_row[(size_t)s * ny + j] = dep_sum;
    }
  for (int s = 0; s < ns; s++) {
    double sum = 0.0;
    for (int j = 0; j < ny; j++) sum += d->dep_row[(size_t)s * ny + j];
    AS_BUDGET(&m->budget, AS_BUD_DEPOSITED, s) += sum;
  }
  return AS_OK;
}

static void vdiff_view(const AsProcess *p, FILE *f)
{
  const VDiff *d = p->data;
  fprintf(f, "diffusion_vertical: backward Euler K_z on q = c/rho_ref (tridiagonal, positive, "
             "conservative); dry deposition %s (Wesely 1989 gases, Zhang et al. 2001 particles)\n",
          d && d->on ? "on" : "off");
}

static void vdiff_destroy(AsProcess *p)
{
  VDiff *d = p->data;
  if (!d) return;
  free(d->work);
  free(d->dep_row);
  free(d);
  p->data = NULL;
}

const AsProcessOps as_proc_vdiff = {"diffusion_vertical", vdiff_setup, vdiff_apply, vdiff_view,
                                    vdiff_destroy};
