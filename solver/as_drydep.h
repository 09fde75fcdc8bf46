/* as_drydep.h — dry deposition velocities (resistance model) and the pure column kernels of the
 * vertical transport processes (kept here so tests can call them without a whole model; they
 * belong with as_transport.h's "pure line kernels").
 *
 *   vd = 1 / (Ra + Rb + Rc)                 gases      (Wesely 1989, Atmos. Environ. 23:1293)
 *   vd = vg + 1 / (Ra + Rs)                 particles  (Zhang et al. 2001, Atmos. Environ. 35:549)
 *
 * Equations, constants and tables: docs/science.md.
 */
#ifndef AS_DRYDEP_H
#define AS_DRYDEP_H
#include "../inputs/as_met.h"
#include "as_species.h"

/* Surface conditions of one column, as the deposition model sees them. */
typedef struct {
  int landuse;     /* AsLandUse */
  int month;       /* 1..12 (selects the Wesely/Zhang season) */
  double ustar;    /* friction velocity, m s-1 */
  double obukhov;  /* Monin-Obukhov length, m (|L| huge = neutral) */
  double zref;     /* reference height: mid-height of the first layer, m */
  double z0;       /* roughness length, m */
  double t2;       /* 2-m temperature, K */
  double swdown;   /* downward solar radiation at the surface, W m-2 */
  int wet;         /* 1 if it rains (surfaces wet: Wesely's rain adjustment) */
} AsDepSurface;

/* the season category (1..5, Wesely 1989 Table 3) used for a month in the belt (~31.7 N) */
int as_drydep_season(int month);
/* aerodynamic resistance Ra (s m-1), Monin-Obukhov similarity for heat */
/* dynamic viscosity of air, Pa s (Sutherland, US Std. Atm. 1976); shared by as_pdep and as_wetdep */
double as_drydep_air_viscosity(double t);
double as_drydep_ra(const AsDepSurface *sf);
/* quasi-laminar resistance of a gas with molecular diffusivity D (m2 s-1), s m-1 */
double as_drydep_rb_gas(const AsDepSurface *sf, double diffusivity);
/* bulk surface resistance of a gas (Wesely 1989), s m-1 */
double as_drydep_rc_gas(const AsDepSurface *sf, const AsSpecies *sp);
/* gravitational settling velocity of a particle (Stokes law with slip correction), m s-1 */
double as_drydep_settling(double diameter, double density, double temp);
/* the deposition velocity of species sp over surface sf, m s-1 (0 if sp->deposit == 0) */
double as_drydep_velocity(const AsSpecies *sp, const AsDepSurface *sf);

/* vd for every species and surface column: vdep[s*ny*nx + j*nx + i] (m s-1). t selects the
 * month; lu is the land use map [ny*nx]. on = 0 fills zeros. */
void as_drydep_fill(const AsGrid *g, const AsSpeciesTable *spc, const AsMetState *ms,
                    const unsigned char *lu, double t, int on, double *vdep);

/* ---- pure column kernels (no allocation; work arrays supplied by the caller) -------------- */

/* Implicit (backward Euler) K-diffusion of one column of concentrations c[0..nz-1] (ug m-3)
 * over dt, in flux form on the mixing ratio q = c/rho[k]:
 *   rho_k dz_k dq_k/dt = G_k - G_{k+1},  G_k = -rho_{k-1/2} K_k (q_k - q_{k-1}) / (z_k - z_{k-1})
 * with G_0 = -vd c_0 (deposition, implicit) and G_nz = 0. kz[0..nz] at interfaces (only
 * 1..nz-1 used), zmid[nz], dz[nz], rho[nz]. work: 3*nz doubles. Returns the deposited mass per
 * unit area over dt (ug m-2) = dt vd c_0(new). */
double as_vdiff_column(int nz, const double *dz, const double *zmid, const double *rho,
                       const double *kz, double vd, double dt, double *c, double *work);

/* Flux-form PPM advection of one column of tracer masses along the mass coordinate.
 *   mass[k]  tracer mass in layer k (ug), updated;
 *   air[k]   air mass at the start of the sweep (kg), updated to the end value;
 *   fz[0..nz] air mass fluxes (kg s-1) through the interfaces (fz[0] must be 0);
 *   qtop     mixing ratio (ug kg-1) just above the top, used on inflow (fz[nz] < 0);
 *   nsub     number of equal sub-steps of dt/nsub (see as_vadv_substeps);
 *   work     13*(nz+4) doubles.
 * Returns the net mass through the top over dt, ug (> 0 out of the domain); *in_top and
 * *out_top receive the inflow and outflow parts (both >= 0). */
double as_vadv_column(int nz, double *mass, double *air, const double *fz, double qtop, double dt,
                      int nsub, double *work, double *in_top, double *out_top);
/* sub-steps needed so that no layer loses more than courant_max of its air mass in one sub-step
 * (air at the start; the air mass changes linearly in time) */
int as_vadv_substeps(int nz, const double *air, const double *fz, double dt, double courant_max);

#endif
