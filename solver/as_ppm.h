/* as_ppm.h — the horizontal PPM advection core on explicit arrays (no AsModel, no met object):
 * the process "advection_horizontal" (as_hadv.c), the tests (tests/test_adv*.c) and the benchmark
 * (benchmarks/bench_transport.c) all call as_ppm_apply(), so they exercise the same code.
 *
 * Scheme: flux-form PPM in air-mass coordinates (Colella & Woodward 1984, J. Comput. Phys. 54:174),
 * face values by the 4th-order interpolation clamped between the two neighbouring cell means, the
 * CW84 monotonicity constraint on each parabola, directional splitting x then y (y then x when
 * reverse), mass-consistent in the sense of Easter (1993, Mon. Wea. Rev. 121:297): each 1-D sweep
 * moves tracer mass M and air mass A with the SAME face air-mass fluxes and reconstructs the mixing
 * ratio q = M/A, so a constant q stays constant to round-off. Sub-steps keep the outflow Courant
 * number of every cell <= courant_max (default 0.9). Equations: docs/science.md.
 *
 * CONTRACT with the vertical advection (as_vadv.c), for the Strang table (... hadv, vadv, ...,
 * vadv, hadv ...). c always holds tracer mass / volume (ug m-3, mass conserving), NOT q*rho; the
 * air mass that goes with it is implied. With H = sum over the cell's horizontal faces of
 * (flux in - flux out) (kg s-1):
 *   reverse = 0 (first half, hadv before vadv): entry air mass mair (= as_met_air_mass), exit
 *               air mass A* = mair + dt H, which the vertical sweep recomputes itself and uses as
 *               q = c V / A*; its vertical fluxes bring the air mass back to mair;
 *   reverse = 1 (second half, vadv ran first): entry air mass mair - dt H (what the vertical sweep
 *               left), exit air mass mair.
 * The met fluxes are divergence-free, so both halves end at mair.
 */
#ifndef AS_PPM_H
#define AS_PPM_H
#include "as_status.h"

/* Inflow values of species s on side (0 west, 1 east, 2 south, 3 north), ug m-3, laid out as
 * in as_boundary.h: west/east [nz*ny] k*ny+j, south/north [nz*nx] k*nx+i. Called from inside
 * OpenMP loops: must be thread-safe (a pure look-up). */
typedef const double *(*AsPpmSideFn)(const void *ctx, int s, int side);

typedef struct {
  const double *mair;    /* [nz*ny*nx] air mass per cell at the start of the step, kg */
  const double *volume;  /* [nz*ny*nx] cell volume, m3 */
  const double *fx;      /* [nz*ny*(nx+1)] x-face air-mass flux, kg s-1, positive east */
  const double *fy;      /* [nz*(ny+1)*nx] y-face air-mass flux, kg s-1, positive north */
  int periodic;          /* 1: periodic in x and y (fx[..,0]==fx[..,nx], fy likewise) */
  AsPpmSideFn side;      /* inflow values (unused when periodic) */
  const void *side_ctx;
  double *inflow;        /* [nspec] ug, boundary inflow added here (NULL: not recorded) */
  double *outflow;       /* [nspec] ug, boundary outflow added here */
} AsPpmInput;

typedef struct AsPpm AsPpm;

/* Allocates everything apply needs (per-layer geometry, per-thread scratch for
 * omp_get_max_threads() threads). courant_max in (0, 1]. */
AsStatus as_ppm_create(int nx, int ny, int nz, int nspec, double courant_max, AsPpm **h);
/* Advance c[s*ncell + (k*ny+j)*nx + i] (ug m-3) by dt. Allocation-free; OpenMP inside; results
 * identical for any thread count. AS_ERR_NUMERIC if a layer would need more than 1000
 * sub-steps (flux larger than the cell's air mass per second). */
AsStatus as_ppm_apply(AsPpm *h, const AsPpmInput *in, double *c, double dt, int reverse);
/* Sub-steps used in layer k by the last apply, and the largest outflow Courant number met. */
int as_ppm_substeps(const AsPpm *h, int k);
double as_ppm_courant_max_seen(const AsPpm *h);
/* The slab kernel in use: "avx512f", "avx2" or "default" (x86-64 baseline); create picks the
 * widest the CPU supports. as_ppm_set_isa chooses another (benchmarks, tests: all give the same
 * bits); AS_ERR_ARG if unknown or not supported by this CPU. */
const char *as_ppm_isa(const AsPpm *h);
AsStatus as_ppm_set_isa(AsPpm *h, const char *isa);
void as_ppm_destroy(AsPpm **h);

#endif
