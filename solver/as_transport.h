/* as_transport.h — the transport processes (each an AsProcessOps chosen by name in the process
 * table, see as_model.h) and their pure line kernels.
 *
 *   "advection_horizontal"  as_hadv.c   PPM (Colella & Woodward 1984) flux form, monotone limiter,
 *                                        Courant-limited sub-steps, x/y sweeps (y/x when reverse)
 *   "advection_vertical"    as_vadv.c   same scheme on the non-uniform layers with fz
 *   "diffusion_horizontal"  as_hdiff.c  explicit K_h diffusion (sub-stepped)
 *   "diffusion_vertical"    as_vdiff.c  implicit (backward Euler / Crank-Nicolson, documented) K_z
 *                                        diffusion with dry deposition as the bottom flux
 *
 * State: m->c (ug m-3, no halos). Air mass per cell from as_met_air_mass(), mass fluxes from
 * m->ms (kg s-1). Tracer mass in a cell = c * volume. Constant mixing ratio c/rho_ref must stay
 * constant (to round-off) in a mass-consistent flow; total mass changes only through boundary
 * fluxes, which are added to m->budget (AS_BUD_INFLOW / AS_BUD_OUTFLOW), and deposition
 * (AS_BUD_DEPOSITED). Budget sums in a fixed order (thread-count independent bits).
 */
#ifndef AS_TRANSPORT_H
#define AS_TRANSPORT_H
#include "as_model.h"

extern const AsProcessOps as_proc_hadv;   /* "advection_horizontal" */
extern const AsProcessOps as_proc_vadv;   /* "advection_vertical" */
extern const AsProcessOps as_proc_hdiff;  /* "diffusion_horizontal" */
extern const AsProcessOps as_proc_vdiff;  /* "diffusion_vertical" */

#endif
