/* adv_harness.h — hand-built cases for the horizontal advection tests and the benchmark: a
 * Cartesian grid with explicit air mass, volume, face air-mass fluxes and boundary arrays, fed
 * straight to as_ppm_apply() (the same call the process "advection_horizontal" makes), so the tests
 * need no config, met or boundary object.
 */
#ifndef ADV_HARNESS_H
#define ADV_HARNESS_H
#include "as_ppm.h"

typedef struct {
  int nx, ny, nz, nspec;
  long ncol, ncell;
  double dx, dy, dz;       /* m */
  double *mair, *volume;   /* [ncell] kg, m3 */
  double *fx, *fy;         /* as_met.h layouts, kg s-1 */
  double *c;               /* [nspec*ncell] ug m-3 */
  double *side[4];         /* W,E [nz*ny], S,N [nz*nx]: inflow values shared by all species */
  double *inflow, *outflow;/* [nspec] ug */
  AsPpm *ppm;
  AsPpmInput in;
} AdvCase;

/* Uniform cells dx x dy x dz, air density rho (kg m-3), zero fluxes, zero boundary values. */
AsStatus adv_case_create(int nx, int ny, int nz, int nspec, double dx, double dy, double dz,
                         double rho, int periodic, double courant_max, AdvCase **ac);
/* Air-mass fluxes from a stream function psi(x, y) (m2 s-1) at cell corners, scaled by rho*dz of
 * each face's layer: discretely divergence-free. Corner (i, j) sits at x = i dx, y = j dy. On a
 * periodic case the wrap faces (i = nx, j = ny) are copied from i = 0, j = 0. */
void adv_case_stream(AdvCase *ac, double rho, double (*psi)(double x, double y, void *ctx),
                     void *ctx);
/* Uniform wind (u, v) m s-1 through every face: fx = rho u dy dz. */
void adv_case_uniform(AdvCase *ac, double rho, double u, double v);
AsStatus adv_case_step(AdvCase *ac, double dt, int reverse);
double adv_case_mass(const AdvCase *ac, int s);  /* ug, fixed-order sum of c * volume */
void adv_case_destroy(AdvCase **ac);

#endif
