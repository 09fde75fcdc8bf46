/* as_poisson.h — mass consistency of air mass fluxes (CALMET-style divergence removal).
 *
 * Given fluxes fx, fy, fz (kg s-1, layouts of as_met.h) with discrete divergence D per cell,
 * find the smallest weighted adjustment that makes D vanish:
 *     minimise  sum fx'^2/cx_k + fy'^2/cy_k + fz'^2/cz_k   subject to  D + div(f') = 0.
 * The Lagrange multiplier phi (cell centred) gives f' as its weighted gradient,
 *     fx'(i) = cx_k (phi(i) - phi(i-1)),  fy'(j) = cy_k (phi(j) - phi(j-1)),
 *     fz'(k) = cz_k (phi(k) - phi(k-1)),
 * and phi solves  cx_k dxx phi + cy_k dyy phi + dz(cz dz phi) = -D.
 * The weights depend on k only (see docs/science.md), so sine transforms (FFTW RODFT00,
 * phi = 0 one cell outside the lateral edges) diagonalise x and y and a tridiagonal (Thomas)
 * solve per wavenumber handles the non-uniform layers: ground fz = 0 fixed (Neumann), top open
 * (phi = 0 half a layer above the top) or closed (Neumann).
 */
#ifndef AS_POISSON_H
#define AS_POISSON_H
#include "as_grid.h"

typedef struct AsPoisson AsPoisson;

/* cx, cy [nz], cz [nz+1] (cz[0] unused; cz[nz] used only with open top). Plans are made here. */
AsStatus as_poisson_create(int nx, int ny, int nz, const double *cx, const double *cy,
                           const double *cz, int open_top, AsPoisson **p);
/* Remove the divergence of (fx, fy, fz) in place. Allocation-free; OpenMP inside. */
AsStatus as_poisson_apply(AsPoisson *p, double *fx, double *fy, double *fz);
void as_poisson_destroy(AsPoisson **p);

#endif
