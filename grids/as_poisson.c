/* as_poisson.c — FFTW mass-consistency solver (see as_poisson.h for the equations).
 *
 * Discrete operator on cell centres (i = 0..nx-1, j = 0..ny-1, k = 0..nz-1):
 *   (L phi)_ijk = cx_k (phi_{i+1} - 2 phi_i + phi_{i-1}) + cy_k (phi_{j+1} - 2 phi_j + phi_{j-1})
 *               + cz_{k+1} (phi_{k+1} - phi_k) - cz_k (phi_k - phi_{k-1})
 * with phi_{-1} = phi_{nx} = 0 (and the same in y): the lateral faces may adjust.
 * The sine basis sin(pi (m+1)(i+1)/(n+1)), m = 0..n-1, diagonalises the 1-D second difference
 * with eigenvalue -4 sin^2(pi (m+1) / (2 (n+1))) (FFTW RODFT00 = DST-I; applying it twice
 * multiplies by 2(n+1)). Vertical: cz_0 = 0 (ground flux fixed at 0); at the top cz_nz links to
 * phi = 0 (open) or is dropped (closed). Each wavenumber is then a tridiagonal system in k,
 * solved by the Thomas algorithm (diagonally dominant: no pivoting needed).
 */
#include "as_poisson.h"
#include <fftw3.h>
#include <math.h>
#include <stdlib.h>

struct AsPoisson {
  int nx, ny, nz, open_top;
  double *cx, *cy, *cz;     /* [nz], [nz], [nz+1] */
  double *lamx, *lamy;      /* [nx], [ny] eigenvalues of the 1-D second difference */
  double *buf;              /* [nz*ny*nx] divergence -> transformed -> phi */
  double *cprime;           /* [nz*ny*nx] Thomas scratch (allocation-free, thread-agnostic) */
  fftw_plan plan;           /* DST-I in y and x for all layers, in place (its own inverse) */
};

AsStatus as_poisson_create(int nx, int ny, int nz, const double *cx, const double *cy,
                           const double *cz, int open_top, AsPoisson **pp)
{
  *pp = NULL;
  if (nx < 1 || ny < 1 || nz < 1)
    return as_error(AS_ERR_ARG, "", "poisson", "bad grid size %d x %d x %d", nx, ny, nz);
  AsPoisson *p;
  AS_MALLOC(p, 1);
  p->nx = nx; p->ny = ny; p->nz = nz; p->open_top = open_top;
  long n3 = (long)nx * ny * nz;
  p->cx = calloc((size_t)nz, sizeof(double));
  p->cy = calloc((size_t)nz, sizeof(double));
  p->cz = calloc((size_t)nz + 1, sizeof(double));
  p->lamx = calloc((size_t)nx, sizeof(double));
  p->lamy = calloc((size_t)ny, sizeof(double));
  p->buf = fftw_malloc(sizeof(double) * (size_t)n3);
  p->cprime = calloc((size_t)n3, sizeof(double));
  if (!p->cx || !p->cy || !p->cz || !p->lamx || !p->lamy || !p->buf || !p->cprime) {
    as_poisson_destroy(&p);
    return as_error(AS_ERR_MEM, "", "poisson", "cannot allocate the solver (%ld cells)", n3);
  }
  for (int k = 0; k < nz; k++) {
    p->cx[k] = cx[k];
    p->cy[k] = cy[k];
  }
  for (int k = 0; k <= nz; k++) p->cz[k] = cz[k];
  p->cz[0] = 0.0;
  if (!open_top) p->cz[nz] = 0.0;
  for (int m = 0; m < nx; m++) {
    double s = sin(M_PI * (m + 1) / (2.0 * (nx + 1)));
    p->lamx[m] = -4.0 * s * s;
  }
  for (int m = 0; m < ny; m++) {
    double s = sin(M_PI * (m + 1) / (2.0 * (ny + 1)));
    p->lamy[m] = -4.0 * s * s;
  }
  /* FFTW_ESTIMATE: the plan (hence the rounding) does not depend on timing measurements. */
  int n[2] = {ny, nx};
  fftw_r2r_kind kind[2] = {FFTW_RODFT00, FFTW_RODFT00};
#pragma omp critical(as_fftw_planner)
  p->plan = fftw_plan_many_r2r(2, n, nz, p->buf, NULL, 1, nx * ny, p->buf, NULL, 1, nx * ny, kind,
                               FFTW_ESTIMATE);
  if (!p->plan) {
    as_poisson_destroy(&p);
    return as_error(AS_ERR_LIB, "", "poisson", "FFTW could not plan a %d x %d DST-I", ny, nx);
  }
  *pp = p;
  return AS_OK;
}

AsStatus as_poisson_apply(AsPoisson *p, double *restrict fx, double *restrict fy,
                          double *restrict fz)
{
  const int nx = p->nx, ny = p->ny, nz = p->nz;
  const long nxy = (long)nx * ny;
  double *restrict d = p->buf;
  /* divergence, kg s-1 per cell */
#pragma omp parallel for schedule(static)
  for (int k = 0; k < nz; k++)
    for (int j = 0; j < ny; j++)
      for (int i = 0; i < nx; i++) {
        long c = (long)k * nxy + (long)j * nx + i;
        long ix = ((long)k * ny + j) * (nx + 1) + i;
        long iy = ((long)k * (ny + 1) + j) * nx + i;
        d[c] = (fx[ix + 1] - fx[ix]) + (fy[iy + nx] - fy[iy]) + (fz[c + nxy] - fz[c]);
      }
  fftw_execute(p->plan);
  /* tridiagonal solve in k per wavenumber: a phi_{k-1} + b phi_k + c phi_{k+1} = -dhat_k */
  const double *cz = p->cz;
  double *restrict cp = p->cprime;
#pragma omp parallel for schedule(static)
  for (long col = 0; col < nxy; col++) {
    int my = (int)(col / nx), mx = (int)(col % nx);
    double prev_c = 0.0, prev_r = 0.0;
    for (int k = 0; k < nz; k++) {
      long c = (long)k * nxy + col;
      double lam = p->cx[k] * p->lamx[mx] + p->cy[k] * p->lamy[my];
      double a = cz[k];                                /* 0 at the ground */
      double up = (k < nz - 1) ? cz[k + 1] : 0.0;       /* coupling to phi_{k+1} */
      double b = lam - cz[k] - cz[k + 1];               /* cz[nz] = 0 when the top is closed */
      double rhs = -d[c];
      double den = b - a * prev_c;
      cp[c] = up / den;
      d[c] = (rhs - a * prev_r) / den;
      prev_c = cp[c];
      prev_r = d[c];
    }
    for (int k = nz - 2; k >= 0; k--) {
      long c = (long)k * nxy + col;
      d[c] -= cp[c] * d[c + nxy];
    }
  }
  fftw_execute(p->plan);
  const double scale = 1.0 / (4.0 * (nx + 1.0) * (ny + 1.0));
#pragma omp parallel for schedule(static)
  for (long c = 0; c < nxy * nz; c++) d[c] *= scale;
  /* fluxes += weighted gradient of phi (phi = 0 outside the lateral edges and above the top) */
#pragma omp parallel for schedule(static)
  for (int k = 0; k < nz; k++) {
    const double *ph = d + (long)k * nxy;
    for (int j = 0; j < ny; j++) {
      double *row = fx + ((long)k * ny + j) * (nx + 1);
      for (int i = 0; i <= nx; i++) {
        double right = (i < nx) ? ph[(long)j * nx + i] : 0.0;
        double left = (i > 0) ? ph[(long)j * nx + i - 1] : 0.0;
        row[i] += p->cx[k] * (right - left);
      }
    }
    for (int j = 0; j <= ny; j++) {
      double *row = fy + ((long)k * (ny + 1) + j) * nx;
      for (int i = 0; i < nx; i++) {
        double north = (j < ny) ? ph[(long)j * nx + i] : 0.0;
        double south = (j > 0) ? ph[(long)(j - 1) * nx + i] : 0.0;
        row[i] += p->cy[k] * (north - south);
      }
    }
  }
#pragma omp parallel for schedule(static)
  for (int k = 1; k <= nz; k++)
    for (long c = 0; c < nxy; c++) {
      double above = (k < nz) ? d[(long)k * nxy + c] : 0.0;
      fz[(long)k * nxy + c] += cz[k] * (above - d[(long)(k - 1) * nxy + c]);
    }
  return AS_OK;
}

void as_poisson_destroy(AsPoisson **pp)
{
  if (!pp || !*pp) return;
  AsPoisson *p = *pp;
  if (p->plan) {
#pragma omp critical(as_fftw_planner)
    fftw_destroy_plan(p->plan);
  }
  fftw_free(p->buf);
  free(p->cprime);
  free(p->cx);
  free(p->cy);
  free(p->cz);
  free(p->lamx);
  free(p->lamy);
  free(p);
  *pp = NULL;
}
