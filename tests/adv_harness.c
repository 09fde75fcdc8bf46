/* adv_harness.c — see adv_harness.h. */
#include "adv_harness.h"
#include <stdlib.h>

static const double *harness_side(const void *ctx, int s, int side)
{
  (void)s;
  return ((const AdvCase *)ctx)->side[side];
}

AsStatus adv_case_create(int nx, int ny, int nz, int nspec, double dx, double dy, double dz,
                         double rho, int periodic, double courant_max, AdvCase **out)
{
  AdvCase *ac;
  AS_MALLOC(ac, 1);
  *out = ac;
  ac->nx = nx; ac->ny = ny; ac->nz = nz; ac->nspec = nspec;
  ac->dx = dx; ac->dy = dy; ac->dz = dz;
  ac->ncol = (long)nx * ny;
  ac->ncell = ac->ncol * nz;
  AS_MALLOC(ac->mair, ac->ncell);
  AS_MALLOC(ac->volume, ac->ncell);
  AS_MALLOC(ac->fx, (long)nz * ny * (nx + 1));
  AS_MALLOC(ac->fy, (long)nz * (ny + 1) * nx);
  AS_MALLOC(ac->c, (size_t)nspec * (size_t)ac->ncell);
  AS_MALLOC(ac->side[0], (long)nz * ny);
  AS_MALLOC(ac->side[1], (long)nz * ny);
  AS_MALLOC(ac->side[2], (long)nz * nx);
  AS_MALLOC(ac->side[3], (long)nz * nx);
  AS_MALLOC(ac->inflow, nspec);
  AS_MALLOC(ac->outflow, nspec);
  for (long i = 0; i < ac->ncell; i++) {
    ac->volume[i] = dx * dy * dz;
    ac->mair[i] = rho * ac->volume[i];
  }
  AS_CALL(as_ppm_create(nx, ny, nz, nspec, courant_max, &ac->ppm));
  ac->in = (AsPpmInput){.mair = ac->mair, .volume = ac->volume, .fx = ac->fx, .fy = ac->fy,
                        .periodic = periodic, .side = harness_side, .side_ctx = ac,
                        .inflow = ac->inflow, .outflow = ac->outflow};
  return AS_OK;
}

void adv_case_stream(AdvCase *ac, double rho, double (*psi)(double x, double y, void *ctx),
                     void *ctx)
{
  const int nx = ac->nx, ny = ac->ny;
  for (int k = 0; k < ac->nz; k++) {
    const double w = rho * ac->dz;
    for (int j = 0; j < ny; j++)
      for (int i = 0; i <= nx; i++)
        ac->fx[((long)k * ny + j) * (nx + 1) + i] =
            w * (psi(i * ac->dx, (j + 1) * ac->dy, ctx) - psi(i * ac->dx, j * ac->dy, ctx));
    for (int j = 0; j <= ny; j++)
      for (int i = 0; i < nx; i++)
        ac->fy[((long)k * (ny + 1) + j) * nx + i] =
            -w * (psi((i + 1) * ac->dx, j * ac->dy, ctx) - psi(i * ac->dx, j * ac->dy, ctx));
    if (ac->in.periodic) { /* the wrap faces are one face: identical bits */
      for (int j = 0; j < ny; j++)
        ac->fx[((long)k * ny + j) * (nx + 1) + nx] = ac->fx[((long)k * ny + j) * (nx + 1)];
      for (int i = 0; i < nx; i++)
        ac->fy[((long)k * (ny + 1) + ny) * nx + i] = ac->fy[((long)k * (ny + 1)) * nx + i];
    }
  }
}

void adv_case_uniform(AdvCase *ac, double rho, double u, double v)
{
  const long nfx = (long)ac->nz * ac->ny * (ac->nx + 1), nfy = (long)ac->nz * (ac->ny + 1) * ac->nx;
  for (long f = 0; f < nfx; f++) ac->fx[f] = rho * u * ac->dy * ac->dz;
  for (long f = 0; f < nfy; f++) ac->fy[f] = rho * v * ac->dx * ac->dz;
}

AsStatus adv_case_step(AdvCase *ac, double dt, int reverse)
{
  return as_ppm_apply(ac->ppm, &ac->in, ac->c, dt, reverse);
}

double adv_case_mass(const AdvCase *ac, int s)
{
  const double *c = ac->c + (size_t)s * (size_t)ac->ncell;
  double sum = 0.0;
  for (long i = 0; i < ac->ncell; i++) sum += c[i] * ac->volume[i];
  return sum;
}

void adv_case_destroy(AdvCase **acp)
{
  if (!acp || !*acp) return;
  AdvCase *ac = *acp;
  as_ppm_destroy(&ac->ppm);
  free(ac->mair); free(ac->volume); free(ac->fx); free(ac->fy); free(ac->c);
  for (int s = 0; s < 4; s++) free(ac->side[s]);
  free(ac->inflow); free(ac->outflow);
  free(ac);
  *acp = NULL;
}
